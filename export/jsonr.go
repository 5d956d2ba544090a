package export

import (
	"errors"
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// jsonr reads the exchange files: a JSON object whose values are strings,
// one integer, objects of strings, and arrays of objects of strings. That
// is all the formats use, so a small reader does it, about ten times
// faster than encoding/json with maps, which matters for a case of 10,000
// steps. It accepts any valid JSON of that shape (whitespace, key order,
// escapes, null for an absent value) and refuses anything else.
type jsonr struct {
	data string
	pos  int
	// valid is set when the whole input is valid UTF-8, so a string
	// without escapes can be handed out as it is, without a check or copy.
	valid bool
}

// newJSONR reads data. The strings it returns share data's memory (one
// copy of the file, not one per value), which is what makes reading a
// large case fast.
func newJSONR(data string) *jsonr { return &jsonr{data: data, valid: utf8.ValidString(data)} }

// errEOF marks input that ends too early: a truncated file.
var errEOF = errors.New("unexpected end of the file")

// syntaxError is JSON that is not valid, or not of the expected shape.
type syntaxError struct {
	msg string
	at  int
}

func (e *syntaxError) Error() string { return fmt.Sprintf("%s at byte %d", e.msg, e.at) }

func (r *jsonr) fail(msg string) error {
	if r.pos >= len(r.data) {
		return errEOF
	}
	return &syntaxError{msg, r.pos}
}

func (r *jsonr) ws() {
	for r.pos < len(r.data) {
		switch r.data[r.pos] {
		case ' ', '\t', '\n', '\r':
			r.pos++
		default:
			return
		}
	}
}

// peekByte is the next byte after whitespace, or 0 at the end.
func (r *jsonr) peekByte() byte {
	r.ws()
	if r.pos >= len(r.data) {
		return 0
	}
	return r.data[r.pos]
}

func (r *jsonr) expect(c byte) error {
	if r.peekByte() != c {
		return r.fail(fmt.Sprintf("expected %q", c))
	}
	r.pos++
	return nil
}

// null consumes a literal null, if that is what comes next.
func (r *jsonr) null() (bool, error) {
	if r.peekByte() != 'n' {
		return false, nil
	}
	if len(r.data)-r.pos < 4 {
		r.pos = len(r.data)
		return false, errEOF
	}
	if r.data[r.pos:r.pos+4] != "null" {
		return false, r.fail("expected null")
	}
	r.pos += 4
	return true, nil
}

// plain marks the bytes a string can hold as they are: not a quote, not a
// backslash, not a control character.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str reads a string; null reads as "" and reports ok false.
func (r *jsonr) str() (s string, ok bool, err error) {
	if isNull, err := r.null(); isNull || err != nil {
		return "", false, err
	}
	if err := r.expect('"'); err != nil {
		return "", false, err
	}
	start := r.pos
	data := r.data
	i := r.pos
	for i < len(data) && plain[data[i]] {
		i++
	}
	r.pos = i
	switch {
	case i == len(data):
		return "", false, errEOF
	case data[i] == '"':
		raw := data[start:i]
		r.pos++
		if !r.valid && !utf8.ValidString(raw) {
			return string([]rune(raw)), true, nil // invalid bytes become U+FFFD, as encoding/json does
		}
		return raw, true, nil
	case data[i] == '\\':
		return r.escaped(start)
	}
	return "", false, r.fail("a control character in a string")
}

// escaped finishes a string that holds escapes, from its start.
func (r *jsonr) escaped(start int) (string, bool, error) {
	b := make([]byte, 0, r.pos-start+16)
	b = append(b, r.data[start:r.pos]...)
	for r.pos < len(r.data) {
		c := r.data[r.pos]
		switch {
		case c == '"':
			r.pos++
			if !utf8.Valid(b) {
				return string([]rune(string(b))), true, nil
			}
			return string(b), true, nil
		case c < 0x20:
			return "", false, r.fail("a control character in a string")
		case c != '\\':
			i := r.pos + 1
			for i < len(r.data) && plain[r.data[i]] {
				i++
			}
			b = append(b, r.data[r.pos:i]...)
			r.pos = i
			continue
		}
		if r.pos+1 >= len(r.data) {
			return "", false, errEOF
		}
		r.pos++
		switch e := r.data[r.pos]; e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r1, err := r.hex4()
			if err != nil {
				return "", false, err
			}
			if utf16.IsSurrogate(r1) {
				// A pair is two escapes; a lone half becomes U+FFFD.
				save := r.pos
				if r.pos+2 < len(r.data) && r.data[r.pos+1] == '\\' && r.data[r.pos+2] == 'u' {
					r.pos += 2
					r2, err := r.hex4()
					if err != nil {
						return "", false, err
					}
					if dec := utf16.DecodeRune(r1, r2); dec != utf8.RuneError {
						b = utf8.AppendRune(b, dec)
						break
					}
					r.pos = save
				}
				r1 = utf8.RuneError
			}
			b = utf8.AppendRune(b, r1)
		default:
			return "", false, r.fail("an unknown escape")
		}
		r.pos++
	}
	return "", false, errEOF
}

// hex4 reads the four hex digits after \u; pos ends on the last one.
func (r *jsonr) hex4() (rune, error) {
	if r.pos+4 >= len(r.data) {
		return 0, errEOF
	}
	n, err := strconv.ParseUint(r.data[r.pos+1:r.pos+5], 16, 32)
	if err != nil {
		return 0, r.fail("a bad \\u escape")
	}
	r.pos += 4
	return rune(n), nil
}

// integer reads a JSON number that must be a whole number.
func (r *jsonr) integer() (int, error) {
	r.ws()
	start := r.pos
	for r.pos < len(r.data) {
		c := r.data[r.pos]
		if (c < '0' || c > '9') && c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E' {
			break
		}
		r.pos++
	}
	if r.pos == len(r.data) {
		return 0, errEOF
	}
	n, err := strconv.Atoi(r.data[start:r.pos])
	if err != nil || start == r.pos || r.data[start] == '+' {
		return 0, &syntaxError{"expected a whole number", start}
	}
	return n, nil
}

// object reads {"key": value, ...}, calling each for every key; each must
// read the value.
func (r *jsonr) object(each func(key string) error) error {
	if err := r.expect('{'); err != nil {
		return err
	}
	if r.peekByte() == '}' {
		r.pos++
		return nil
	}
	for {
		if r.peekByte() != '"' {
			return r.fail("expected a key")
		}
		key, _, err := r.str()
		if err != nil {
			return err
		}
		if err := r.expect(':'); err != nil {
			return err
		}
		if err := each(key); err != nil {
			return err
		}
		switch r.peekByte() {
		case ',':
			r.pos++
		case '}':
			r.pos++
			return nil
		default:
			return r.fail("expected , or }")
		}
	}
}

// array reads [value, ...], calling each for every element.
func (r *jsonr) array(each func() error) error {
	if err := r.expect('['); err != nil {
		return err
	}
	if r.peekByte() == ']' {
		r.pos++
		return nil
	}
	for {
		if err := each(); err != nil {
			return err
		}
		switch r.peekByte() {
		case ',':
			r.pos++
		case ']':
			r.pos++
			return nil
		default:
			return r.fail("expected , or ]")
		}
	}
}

// strings reads an object of strings as keys and values, in file order;
// size is how many keys to expect (the size of the object before).
func (r *jsonr) strings(size int) (obj, error) {
	o := obj{keys: make([]string, 0, size), vals: make([]string, 0, size)}
	err := r.object(func(key string) error {
		v, _, err := r.str()
		if err != nil {
			return err
		}
		o.keys = append(o.keys, key)
		o.vals = append(o.vals, v)
		return nil
	})
	return o, err
}

// obj is an object of strings; a key given twice counts the last time, as
// in encoding/json.
type obj struct {
	keys, vals []string
	present    bool // it was there (and not null)
}

func (o obj) get(key string) string {
	for i := len(o.keys) - 1; i >= 0; i-- {
		if o.keys[i] == key {
			return o.vals[i]
		}
	}
	return ""
}

// objects reads an array of objects of strings; null reads as none.
func (r *jsonr) objects() ([]obj, error) {
	if isNull, err := r.null(); isNull || err != nil {
		return nil, err
	}
	var out []obj
	size := 0
	err := r.array(func() error {
		o, err := r.strings(size)
		size = len(o.keys)
		o.present = true
		out = append(out, o)
		return err
	})
	return out, err
}

// optional reads a string that may be null; nil means absent.
func (r *jsonr) optional() (*string, error) {
	s, ok, err := r.str()
	if err != nil || !ok {
		return nil, err
	}
	return &s, nil
}

// readFile reads the top level of an exchange file.
func readFile(data []byte) (fileJSON, error) {
	// A view of data, not a copy: see Parse.
	r := newJSONR(unsafe.String(unsafe.SliceData(data), len(data)))
	var f fileJSON
	err := r.object(func(key string) error {
		var err error
		switch key {
		case "format":
			f.Format, _, err = r.str()
		case "version":
			f.Version, err = r.integer()
		case "exported_at":
			f.ExportedAt, _, err = r.str()
		case "package_id":
			f.PackageID, err = r.optional()
		case "made_by":
			f.MadeBy, err = r.optional()
		case "return_id":
			f.ReturnID, err = r.optional()
		case "case_id":
			f.CaseID, err = r.optional()
		case "ref":
			f.Ref, err = r.optional()
		case "volunteer":
			f.Volunteer, err = r.optional()
		case "case":
			var isNull bool
			if isNull, err = r.null(); !isNull && err == nil {
				f.Case, err = r.strings(0)
				f.Case.present = true
			}
		case "cases":
			f.Cases, err = r.objects()
		case "steps":
			f.Steps, err = r.objects()
		case "agreements":
			f.Agreements, err = r.objects()
		case "debts":
			f.Debts, err = r.objects()
		case "events":
			f.Events, err = r.objects()
		default:
			return &syntaxError{fmt.Sprintf("unknown field %q", key), r.pos}
		}
		return err
	})
	if err != nil {
		return f, err
	}
	if r.peekByte() != 0 {
		return f, &syntaxError{"more data after the end", r.pos}
	}
	return f, nil
}
