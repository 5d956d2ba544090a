// Package catalogtest checks a text catalogue (a struct per language) for
// completeness: every sentence is there in every language, with the same
// format verbs for the same values, so a translation cannot drop a value
// or swap its kind.
package catalogtest

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// Verbs lists the format verbs of s by the argument they format, as fmt
// numbers them: "%[2]s" formats the second, and a verb without an index
// formats the one after the verb before it. A width or precision "*" takes
// an argument too and is listed as "*". %% is no verb. Each is listed once,
// as "argument:%verb", in the order of the arguments, so "%[2]s from
// %[1]d" and "%d: %s" have the same verbs: a translation may order its
// values its own way, or repeat one, but not drop one or change its kind.
// Flags, width and precision are a language's own ("%-14s" is "%s").
func Verbs(s string) []string {
	type use struct {
		arg  int
		kind string
	}
	var uses []use
	arg := 0 // the next argument, counted from 0
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		i++
		for i < len(s) && strings.IndexByte("+-# 0", s[i]) >= 0 {
			i++
		}
		// index reads an argument index "[n]", as fmt does before a
		// width, a precision or the verb.
		index := func() {
			if i >= len(s) || s[i] != '[' {
				return
			}
			end := strings.IndexByte(s[i:], ']')
			if end < 0 {
				return
			}
			if n, err := strconv.Atoi(s[i+1 : i+end]); err == nil && n > 0 {
				arg = n - 1
			}
			i += end + 1
		}
		// number reads a width or precision: digits, or a "*" that
		// takes an argument.
		number := func() {
			index()
			if i < len(s) && s[i] == '*' {
				uses = append(uses, use{arg + 1, "*"})
				arg++
				i++
				return
			}
			for i < len(s) && '0' <= s[i] && s[i] <= '9' {
				i++
			}
		}
		number()
		if i < len(s) && s[i] == '.' {
			i++
			number()
		}
		index()
		if i >= len(s) {
			uses = append(uses, use{arg + 1, "%(no verb)"})
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size - 1
		if r == '%' {
			continue
		}
		uses = append(uses, use{arg + 1, "%" + string(r)})
		arg++
	}
	slices.SortFunc(uses, func(a, b use) int {
		return cmp.Or(cmp.Compare(a.arg, b.arg), cmp.Compare(a.kind, b.kind))
	})
	uses = slices.Compact(uses)
	out := make([]string, len(uses))
	for i, u := range uses {
		out[i] = strconv.Itoa(u.arg) + ":" + u.kind
	}
	return out
}

// Check compares the catalogues of several languages, given as pointers to
// (or values of) the same struct type and named by their keys, and reports
// every gap as a test error:
//
//   - every string, every map entry and every slice element is there (not
//     empty or only spaces) in each language;
//   - maps and slices are not empty, maps have the same keys in every
//     language and slices the same length;
//   - each sentence has the same format verbs for the same arguments in
//     every language (see Verbs);
//   - nested structs, pointers and interfaces are checked field by field;
//     anything else (a number, a func) is reported, as the check cannot
//     tell whether it is complete.
//
// A field tagged `catalog:"optional"` (and, for a struct, each field
// within it) may be empty, but then in every language.
func Check(t *testing.T, langs map[string]any) {
	t.Helper()
	for _, p := range problems(langs) {
		t.Error(p)
	}
}

// problems is what Check reports, one sentence a gap.
func problems(langs map[string]any) []string {
	names := make([]string, 0, len(langs))
	for n := range langs {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) == 0 {
		return []string{"no catalogue to check"}
	}
	var c checker
	ref := reflect.Indirect(reflect.ValueOf(langs[names[0]]))
	for _, n := range names {
		v := reflect.Indirect(reflect.ValueOf(langs[n]))
		switch {
		case !v.IsValid():
			c.say("the catalogue of %s is nil", n)
		case v.Kind() != reflect.Struct:
			c.say("the catalogue of %s is a %v, not a struct", n, v.Type())
		case ref.IsValid() && v.Type() != ref.Type():
			c.say("the catalogue of %s is a %v, of %s a %v", names[0], ref.Type(), n, v.Type())
		}
	}
	if len(c.problems) > 0 {
		return c.problems
	}
	// The reference's own gaps are told once, with the first other
	// language; a lone language is still checked for them.
	if len(names) == 1 {
		c.a, c.b = names[0], names[0]
		c.walk("", ref, ref, false)
	}
	for i, n := range names[1:] {
		c.a, c.b, c.bothGaps = names[0], n, i == 0
		c.walk("", ref, reflect.Indirect(reflect.ValueOf(langs[n])), false)
	}
	return c.problems
}

// checker compares the reference language a with language b.
type checker struct {
	a, b     string
	bothGaps bool // report the gaps of a as well as those of b
	problems []string
}

func (c *checker) say(format string, args ...any) {
	c.problems = append(c.problems, fmt.Sprintf(format, args...))
}

// gap tells of something missing in a language; the reference's only once.
func (c *checker) gap(inA, inB bool, format string, args ...any) {
	for _, g := range []struct {
		missing bool
		lang    string
	}{{inA && c.bothGaps, c.a}, {inB, c.b}} {
		if g.missing {
			c.say(format, append(args, g.lang)...)
		}
	}
}

func (c *checker) walk(path string, a, b reflect.Value, optional bool) {
	if optional {
		emptyA, emptyB := isEmpty(a), isEmpty(b)
		if emptyA != emptyB {
			c.say("%s is empty in %s only (%s has %s)", name(path), c.lang(emptyA), c.lang(!emptyA), show(a, b, emptyB))
		}
		if emptyA || emptyB {
			return
		}
	}
	switch a.Kind() {
	case reflect.String:
		sa, sb := a.String(), b.String()
		c.gap(strings.TrimSpace(sa) == "", strings.TrimSpace(sb) == "", "%s is empty in %s", name(path))
		if va, vb := Verbs(sa), Verbs(sb); !slices.Equal(va, vb) {
			c.say("%s: %s has format verbs %v (%q), %s has %v (%q)", name(path), c.a, va, sa, c.b, vb, sb)
		}
	case reflect.Struct:
		for i := range a.NumField() {
			f := a.Type().Field(i)
			c.walk(join(path, f.Name), a.Field(i), b.Field(i), optional || f.Tag.Get("catalog") == "optional")
		}
	case reflect.Map:
		c.gap(a.Len() == 0, b.Len() == 0, "%s has no entries in %s", name(path))
		for _, k := range sortedKeys(a) {
			vb := b.MapIndex(k)
			if !vb.IsValid() {
				c.say("%s is in %s, not in %s", name(path+key(k)), c.a, c.b)
				continue
			}
			c.walk(path+key(k), a.MapIndex(k), vb, false)
		}
		for _, k := range sortedKeys(b) {
			if !a.MapIndex(k).IsValid() {
				c.say("%s is in %s, not in %s", name(path+key(k)), c.b, c.a)
			}
		}
	case reflect.Slice, reflect.Array:
		c.gap(a.Len() == 0, b.Len() == 0, "%s has no entries in %s", name(path))
		if a.Len() != b.Len() {
			c.say("%s: %d entries in %s, %d in %s", name(path), a.Len(), c.a, b.Len(), c.b)
			return
		}
		for i := range a.Len() {
			c.walk(path+"["+strconv.Itoa(i)+"]", a.Index(i), b.Index(i), false)
		}
	case reflect.Pointer, reflect.Interface:
		c.gap(a.IsNil(), b.IsNil(), "%s is missing (nil) in %s", name(path))
		if a.IsNil() || b.IsNil() {
			return
		}
		if a.Elem().Type() != b.Elem().Type() {
			c.say("%s is a %v in %s, a %v in %s", name(path), a.Elem().Type(), c.a, b.Elem().Type(), c.b)
			return
		}
		c.walk(path, a.Elem(), b.Elem(), optional)
	default:
		c.say("%s is of type %v, which a catalogue check cannot compare", name(path), a.Type())
	}
}

// lang names a (for true) or b.
func (c *checker) lang(isA bool) string {
	if isA {
		return c.a
	}
	return c.b
}

// isEmpty tells whether an optional field is left out: an empty string,
// map or slice, a nil pointer, or a struct of nothing but those.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		return strings.TrimSpace(v.String()) == ""
	case reflect.Map, reflect.Slice:
		return v.Len() == 0
	case reflect.Pointer, reflect.Interface:
		return v.IsNil()
	case reflect.Struct:
		for i := range v.NumField() {
			if !isEmpty(v.Field(i)) {
				return false
			}
		}
		return true
	}
	return v.IsZero()
}

// show is the filled-in one of a and b, for a message.
func show(a, b reflect.Value, showA bool) string {
	v := b
	if showA {
		v = a
	}
	if v.Kind() == reflect.String {
		return strconv.Quote(v.String())
	}
	return "an entry"
}

func sortedKeys(m reflect.Value) []reflect.Value {
	keys := m.MapKeys()
	slices.SortFunc(keys, func(x, y reflect.Value) int { return strings.Compare(key(x), key(y)) })
	return keys
}

func key(k reflect.Value) string {
	if k.Kind() == reflect.String {
		return "[" + strconv.Quote(k.String()) + "]"
	}
	return fmt.Sprintf("[%v]", k)
}

func join(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

// name is a path for a message; the catalogue itself has none.
func name(path string) string {
	if path == "" {
		return "the catalogue"
	}
	return path
}
