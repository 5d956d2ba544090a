// Package catalogtest checks a text catalogue (a struct per language) for
// completeness: every sentence is there in every language, with the same
// format verbs, so a translation cannot drop a value or swap its kind.
package catalogtest

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// verbs finds the format verbs of a sentence; %% is no verb.
var verbs = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// Verbs lists the kinds of the format verbs in s, in order ("%-14s" is "s").
func Verbs(s string) []string {
	var out []string
	for _, v := range verbs.FindAllString(s, -1) {
		if v == "%%" {
			continue
		}
		out = append(out, v[len(v)-1:])
	}
	return out
}

// Check compares the catalogues of several languages, given as pointers to
// (or values of) the same struct type, the first the reference: every
// string, every map entry and every slice element is non-empty in each,
// maps have the same keys, slices the same length, and each sentence has
// the same format verbs in the same order. Nested structs are checked
// field by field. A field tagged `catalog:"optional"` may be empty, but
// then in every language.
func Check(t *testing.T, langs map[string]any) {
	t.Helper()
	names := make([]string, 0, len(langs))
	for n := range langs {
		names = append(names, n)
	}
	sort.Strings(names)
	ref := names[0]
	for _, n := range names[1:] {
		walk(t, "", reflect.Indirect(reflect.ValueOf(langs[ref])), reflect.Indirect(reflect.ValueOf(langs[n])), ref, n)
	}
	// A lone language is still checked for empty sentences.
	if len(names) == 1 {
		walk(t, "", reflect.Indirect(reflect.ValueOf(langs[ref])), reflect.Indirect(reflect.ValueOf(langs[ref])), ref, ref)
	}
}

func walk(t *testing.T, path string, a, b reflect.Value, la, lb string) {
	t.Helper()
	walkField(t, path, a, b, la, lb, false)
}

func walkField(t *testing.T, path string, a, b reflect.Value, la, lb string, optional bool) {
	t.Helper()
	if optional && a.Kind() == reflect.String {
		if (a.String() == "") != (b.String() == "") {
			t.Errorf("%s: empty in one language only (%s %q, %s %q)", path, la, a.String(), lb, b.String())
		}
		if a.String() == "" {
			return
		}
	}
	switch a.Kind() {
	case reflect.String:
		sa, sb := a.String(), b.String()
		if strings.TrimSpace(sa) == "" {
			t.Errorf("%s: empty in %s", path, la)
		}
		if strings.TrimSpace(sb) == "" {
			t.Errorf("%s: empty in %s", path, lb)
		}
		if va, vb := Verbs(sa), Verbs(sb); !slices.Equal(va, vb) {
			t.Errorf("%s: format verbs %v in %s, %v in %s", path, va, la, vb, lb)
		}
	case reflect.Struct:
		for i := range a.NumField() {
			f := a.Type().Field(i)
			walkField(t, join(path, f.Name), a.Field(i), b.Field(i), la, lb, optional || f.Tag.Get("catalog") == "optional")
		}
	case reflect.Map:
		for _, k := range a.MapKeys() {
			vb := b.MapIndex(k)
			if !vb.IsValid() {
				t.Errorf("%s[%v]: missing in %s", path, k, lb)
				continue
			}
			walk(t, join(path, "["+keyString(k)+"]"), a.MapIndex(k), vb, la, lb)
		}
		for _, k := range b.MapKeys() {
			if !a.MapIndex(k).IsValid() {
				t.Errorf("%s[%v]: missing in %s", path, k, la)
			}
		}
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			t.Errorf("%s: %d entries in %s, %d in %s", path, a.Len(), la, b.Len(), lb)
			return
		}
		for i := range a.Len() {
			walk(t, join(path, "["+strconv.Itoa(i)+"]"), a.Index(i), b.Index(i), la, lb)
		}
	case reflect.Pointer, reflect.Interface:
		if !a.IsNil() && !b.IsNil() {
			walk(t, path, a.Elem(), b.Elem(), la, lb)
		}
	}
}

func join(path, name string) string {
	if path == "" || strings.HasPrefix(name, "[") {
		return path + name
	}
	return path + "." + name
}

func keyString(k reflect.Value) string {
	if k.Kind() == reflect.String {
		return k.String()
	}
	return fmt.Sprint(k.Interface())
}
