package export

import (
	"io"
	"strconv"
	"unicode/utf8"
)

// jsonw writes the exchange files by hand, so keys keep the order of the
// field registry and the same case always gives the same bytes; it is
// also several times faster than encoding/json with maps.
//
// With out set, it hands what it has made to out every spillSize bytes,
// so a large file is never held whole in memory.
type jsonw struct {
	b   []byte
	out io.Writer
	n   int64 // bytes handed to out
	err error // the first error from out; later writes are dropped
}

const spillSize = 64 << 10

// spill hands the bytes made so far to out, once there are enough of them
// (or all of them, when last).
func (w *jsonw) spill(last bool) {
	if w.out == nil || (len(w.b) < spillSize && !last) {
		return
	}
	if w.err == nil {
		n, err := w.out.Write(w.b)
		w.n += int64(n)
		w.err = err
	}
	w.b = w.b[:0]
}

func (w *jsonw) raw(s string) { w.b = append(w.b, s...) }

// str appends s as a JSON string. Like encoding/json it replaces invalid
// UTF-8 with U+FFFD; unlike it, it leaves <, > and & alone (the files are
// never embedded in HTML).
func (w *jsonw) str(s string) {
	const hex = "0123456789abcdef"
	b := append(w.b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		// U+2028 and U+2029 are valid JSON but break JavaScript readers.
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	w.b = append(b, '"')
}

func (w *jsonw) int(n int) { w.b = strconv.AppendInt(w.b, int64(n), 10) }

// key writes `"name": ` after indentation.
func (w *jsonw) key(indent, name string) {
	w.raw(indent)
	w.str(name)
	w.raw(": ")
}

// object writes one entity on one line: {"k": "v", ...} with the keys in
// the given order; keys whose value is "" are left out when omitEmpty.
func (w *jsonw) object(keys, vals []string, omitEmpty bool) {
	w.raw("{")
	first := true
	for i, k := range keys {
		if omitEmpty && vals[i] == "" {
			continue
		}
		if !first {
			w.raw(", ")
		}
		first = false
		w.str(k)
		w.raw(": ")
		w.str(vals[i])
	}
	w.raw("}")
}

// list writes a key holding an array of one-line objects.
func (w *jsonw) list(name string, n int, each func(i int)) {
	w.key("  ", name)
	if n == 0 {
		w.raw("[]")
		return
	}
	w.raw("[\n")
	for i := range n {
		w.raw("    ")
		each(i)
		if i < n-1 {
			w.raw(",")
		}
		w.raw("\n")
		w.spill(false)
	}
	w.raw("  ]")
}
