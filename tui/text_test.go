package tui

import (
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// fmtVerb is one formatting directive: flags, an argument index, width and
// precision, and the verb; %% is no directive.
var fmtVerb = regexp.MustCompile(`%[-+# 0]*(?:\[(\d+)\])?(?:\d+|\*)?(?:\.(?:\d+|\*)?)?([a-zA-Z%])`)

// verbs lists the directives of a sentence by the argument they format, as
// fmt numbers them ("%[2]s" is the second; the next without an index
// follows the one before), so a translation may order them its own way.
func verbs(s string) []string {
	var out []string
	arg := 0
	for _, m := range fmtVerb.FindAllStringSubmatch(s, -1) {
		if m[2] == "%" {
			continue
		}
		if m[1] != "" {
			n, _ := strconv.Atoi(m[1])
			arg = n - 1
		}
		arg++
		out = append(out, fmt.Sprintf("%d:%%%s", arg, m[2]))
	}
	slices.Sort(out)
	return out
}

// catalogueProblems compares two languages' catalogues field by field:
// every sentence is there in both, with the same format directives, and
// maps and lists of sentences hold the same keys or as many entries.
func catalogueProblems(a, b *text, nameA, nameB string) []string {
	var problems []string
	say := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	sentence := func(field string, x, y string) {
		if strings.TrimSpace(x) == "" {
			say("%s is empty in %s", field, nameA)
		}
		if strings.TrimSpace(y) == "" {
			say("%s is empty in %s", field, nameB)
		}
		if vx, vy := verbs(x), verbs(y); !slices.Equal(vx, vy) {
			say("%s: %s has %v (%q), %s has %v (%q)", field, nameA, vx, x, nameB, vy, y)
		}
	}
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	typ := va.Type()
	for i := range typ.NumField() {
		f := typ.Field(i)
		x, y := va.Field(i), vb.Field(i)
		switch {
		case f.Type.Kind() == reflect.String:
			sentence(f.Name, x.String(), y.String())
		case f.Type.Kind() == reflect.Map && f.Type.Key().Kind() == reflect.String && f.Type.Elem().Kind() == reflect.String:
			if x.Len() == 0 || y.Len() == 0 {
				say("%s is empty: %d entries in %s, %d in %s", f.Name, x.Len(), nameA, y.Len(), nameB)
			}
			for _, k := range x.MapKeys() {
				if !y.MapIndex(k).IsValid() {
					say("%s[%q] is in %s, not in %s", f.Name, k.String(), nameA, nameB)
					continue
				}
				sentence(fmt.Sprintf("%s[%q]", f.Name, k.String()), x.MapIndex(k).String(), y.MapIndex(k).String())
			}
			for _, k := range y.MapKeys() {
				if !x.MapIndex(k).IsValid() {
					say("%s[%q] is in %s, not in %s", f.Name, k.String(), nameB, nameA)
				}
			}
		case f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.String:
			if x.Len() == 0 || x.Len() != y.Len() {
				say("%s: %d entries in %s, %d in %s", f.Name, x.Len(), nameA, y.Len(), nameB)
				continue
			}
			for j := range x.Len() {
				sentence(fmt.Sprintf("%s[%d]", f.Name, j), x.Index(j).String(), y.Index(j).String())
			}
		default:
			say("%s is a %s, which this test does not know how to compare", f.Name, f.Type)
		}
	}
	return problems
}

// Every sentence of the screens is there in Dutch and in English, and the
// two take the same values: a missing or mistyped directive would print
// %!d(MISSING) or the wrong value on a caseworker's screen.
func TestTextComplete(t *testing.T) {
	for _, p := range catalogueProblems(&dutch, &english, "Dutch", "English") {
		t.Error(p)
	}
}

// The comparison itself notices a blank sentence, a directive of another
// kind or a missing one, a missing map key, and a list of another length.
func TestTextCompleteNoticesGaps(t *testing.T) {
	type change struct {
		name  string
		apply func(en *text)
	}
	for _, c := range []change{
		{"a blank sentence", func(en *text) { en.KeyConflicts = "" }},
		{"only spaces", func(en *text) { en.HelpTitle = "  " }},
		{"a directive of another kind", func(en *text) { en.SaveFailed = "Not saved: %d" }},
		{"a directive missing", func(en *text) { en.TooSmall = "The window is too small (%d×%d)." }},
		{"a directive too many", func(en *text) { en.NowCount = "%d of %d open steps %s" }},
		{"a blank map entry", func(en *text) {
			en.SummaryFormats = maps.Clone(en.SummaryFormats)
			for k := range en.SummaryFormats {
				en.SummaryFormats[k] = ""
				break
			}
		}},
		{"a map key missing", func(en *text) {
			en.EvImported = maps.Clone(en.EvImported)
			for k := range en.EvImported {
				delete(en.EvImported, k)
				break
			}
		}},
		{"a map key too many", func(en *text) {
			en.EvImported = maps.Clone(en.EvImported)
			en.EvImported["not-a-kind"] = "imported"
		}},
	} {
		en := english
		c.apply(&en)
		if ps := catalogueProblems(&dutch, &en, "Dutch", "English"); len(ps) == 0 {
			t.Errorf("%s went unnoticed", c.name)
		}
	}
	// Reordered directives with indexes are the same values.
	if v, w := verbs("%[2]s from %[1]d"), verbs("%d: %s"); !slices.Equal(v, w) {
		t.Errorf("indexed directives: %v, want %v", v, w)
	}
	if v := verbs("100%% and %5.1f%%, %-8q"); !slices.Equal(v, []string{"1:%f", "2:%q"}) {
		t.Errorf("flags, widths and %%%%: %v", v)
	}
}
