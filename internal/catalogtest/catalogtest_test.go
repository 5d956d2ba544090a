package catalogtest

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

type help struct {
	Short string
	Long  string `catalog:"optional"`
}

type catalogue struct {
	Title    string
	Count    string
	Size     string
	From     string
	Saved    string
	Formats  map[string]string
	Steps    []string
	Help     help
	Sections *help
	Extra    help `catalog:"optional"`
}

func dutch() catalogue {
	return catalogue{
		Title:    "Dossiers",
		Count:    "%d van %d open stappen",
		Size:     "Het venster is te klein (%d×%d).",
		From:     "%[2]s van %[1]s",
		Saved:    "100%% opgeslagen",
		Formats:  map[string]string{"pdf": "PDF-bestand", "txt": "Tekst (%s)"},
		Steps:    []string{"Aanmelden", "Afronden"},
		Help:     help{Short: "Hulp"},
		Sections: &help{Short: "Onderdelen", Long: "Alle onderdelen van %s."},
	}
}

func english() catalogue {
	return catalogue{
		Title:    "Cases",
		Count:    "%d of %d open steps",
		Size:     "The window is too small (%d×%d).",
		From:     "%s from %s",
		Saved:    "100%% saved",
		Formats:  map[string]string{"pdf": "PDF file", "txt": "Text (%s)"},
		Steps:    []string{"Sign up", "Finish"},
		Help:     help{Short: "Help"},
		Sections: &help{Short: "Sections", Long: "All sections of %s."},
	}
}

func TestCompleteCataloguePasses(t *testing.T) {
	nl, en := dutch(), english()
	if ps := problems(map[string]any{"nl": &nl, "en": &en}); len(ps) > 0 {
		t.Errorf("a complete catalogue: %q", ps)
	}
	if ps := problems(map[string]any{"nl": nl, "en": en}); len(ps) > 0 {
		t.Errorf("catalogues as values: %q", ps)
	}
	Check(t, map[string]any{"nl": &nl, "en": &en})
}

// The check notices every kind of gap, each alone, and says which field
// and which language.
func TestCheckNoticesGaps(t *testing.T) {
	for _, c := range []struct {
		name  string
		apply func(en *catalogue)
		want  string // in the message
	}{
		{"a blank sentence", func(en *catalogue) { en.Title = "" }, "Title is empty in en"},
		{"only spaces", func(en *catalogue) { en.Title = " \t" }, "Title is empty in en"},
		{"a verb of another kind", func(en *catalogue) { en.Count = "%d of %s open steps" }, "Count: en has format verbs"},
		{"a verb missing", func(en *catalogue) { en.Size = "The window is too small (%d)." }, "Size:"},
		{"a verb too many", func(en *catalogue) { en.Count = "%d of %d open steps %s" }, "Count:"},
		{"verbs swapped without indexes", func(en *catalogue) { en.From = "%s from %d" }, "From:"},
		{"an index to another argument", func(en *catalogue) { en.From = "%[2]s from %[3]s" }, "From:"},
		{"%% taken for a verb", func(en *catalogue) { en.Saved = "100% saved" }, "Saved:"},
		{"a verb where %% was", func(en *catalogue) { en.Saved = "100%d saved" }, "Saved:"},
		{"a blank map entry", func(en *catalogue) { en.Formats["pdf"] = "" }, `Formats["pdf"] is empty in en`},
		{"a map key missing", func(en *catalogue) { delete(en.Formats, "txt") }, `Formats["txt"] is in nl, not in en`},
		{"a map key too many", func(en *catalogue) { en.Formats["doc"] = "Word" }, `Formats["doc"] is in en, not in nl`},
		{"a verb changed in a map entry", func(en *catalogue) { en.Formats["txt"] = "Text (%d)" }, `Formats["txt"]:`},
		{"an empty map", func(en *catalogue) { en.Formats = nil }, "Formats has no entries in en"},
		{"a list too short", func(en *catalogue) { en.Steps = en.Steps[:1] }, "Steps: 1 entries in en, 2 in nl"},
		{"a blank list entry", func(en *catalogue) { en.Steps[1] = "" }, "Steps[1] is empty in en"},
		{"an empty list", func(en *catalogue) { en.Steps = nil }, "Steps has no entries in en"},
		{"a blank nested sentence", func(en *catalogue) { en.Help.Short = "" }, "Help.Short is empty in en"},
		{"an optional sentence in one language only", func(en *catalogue) { en.Help.Long = "More help." }, `Help.Long is empty in nl only (en has "More help.")`},
		{"an optional sentence left out in one language", func(en *catalogue) { en.Sections.Long = "" }, "Sections.Long is empty in en only"},
		{"a verb changed in an optional sentence", func(en *catalogue) { en.Sections.Long = "All sections of %d." }, "Sections.Long:"},
		{"a section missing", func(en *catalogue) { en.Sections = nil }, "Sections is missing (nil) in en"},
		{"an optional section in one language only", func(en *catalogue) { en.Extra.Short = "Extra" }, "Extra is empty in nl only"},
	} {
		t.Run(c.name, func(t *testing.T) {
			nl, en := dutch(), english()
			en.Formats = maps.Clone(en.Formats)
			en.Steps = slices.Clone(en.Steps)
			s := *en.Sections
			en.Sections = &s
			c.apply(&en)
			ps := problems(map[string]any{"nl": &nl, "en": &en})
			if len(ps) == 0 {
				t.Fatalf("went unnoticed")
			}
			if !slices.ContainsFunc(ps, func(p string) bool { return strings.Contains(p, c.want) }) {
				t.Errorf("no problem says %q: %q", c.want, ps)
			}
			// The reference's own gaps are found as well.
			if ps := problems(map[string]any{"en": &nl, "nl": &en}); len(ps) == 0 {
				t.Errorf("went unnoticed in the reference language")
			}
		})
	}
}

// A lone language, or a third one, is checked too; the reference (the
// first by name) is told of its own gaps once.
func TestCheckLanguages(t *testing.T) {
	nl, en, fr := dutch(), english(), english()
	nl.Title = ""
	if ps := problems(map[string]any{"nl": &nl}); !slices.Equal(ps, []string{"Title is empty in nl"}) {
		t.Errorf("a lone language: %q", ps)
	}
	en.Steps = []string{"", "Finish"}
	fr.Steps = []string{"S'inscrire", "Finir"}
	fr.Count = "%d"
	ps := problems(map[string]any{"nl": &nl, "en": &en, "fr": &fr})
	want := []string{"Steps[0] is empty in en", "Count: en has format verbs", "Title is empty in nl"}
	if len(ps) != len(want) {
		t.Fatalf("three languages: %q, want %q", ps, want)
	}
	for _, w := range want {
		if !slices.ContainsFunc(ps, func(p string) bool { return strings.HasPrefix(p, w) }) {
			t.Errorf("three languages: %q, want %q", ps, w)
		}
	}
}

func TestCheckRefusesWhatItCannotCompare(t *testing.T) {
	type odd struct {
		Title string
		Limit int
	}
	if ps := problems(map[string]any{"nl": &odd{"a", 1}, "en": &odd{"b", 1}}); !slices.Equal(ps, []string{"Limit is of type int, which a catalogue check cannot compare"}) {
		t.Errorf("a number: %q", ps)
	}
	nl, en := dutch(), english()
	if ps := problems(map[string]any{"nl": &nl, "en": &odd{}}); len(ps) == 0 {
		t.Error("catalogues of two types went unnoticed")
	}
	if ps := problems(map[string]any{"nl": &nl, "en": nil}); len(ps) == 0 {
		t.Error("a nil catalogue went unnoticed")
	}
	if ps := problems(map[string]any{"nl": &nl, "en": &en.Title}); len(ps) == 0 {
		t.Error("a catalogue that is no struct went unnoticed")
	}
	if ps := problems(nil); len(ps) == 0 {
		t.Error("no catalogue at all went unnoticed")
	}
}

func TestVerbs(t *testing.T) {
	for _, c := range []struct {
		s    string
		want []string
	}{
		{"no verbs", nil},
		{"%s and %d", []string{"1:%s", "2:%d"}},
		{"%d and %s", []string{"1:%d", "2:%s"}},
		// Reordered with indexes, the same values.
		{"%[2]s from %[1]d", []string{"1:%d", "2:%s"}},
		{"%[2]s, then %s", []string{"2:%s", "3:%s"}},
		// A value shown twice is the same value.
		{"%[1]s, %[1]s!", []string{"1:%s"}},
		// Flags, widths and precisions are the language's own; %% is no verb.
		{"100%% and %5.1f%%, %-8q", []string{"1:%f", "2:%q"}},
		{"%+#08.3x|% d", []string{"1:%x", "2:%d"}},
		// A "*" takes an argument.
		{"%*d", []string{"1:*", "2:%d"}},
		{"%-*.*s", []string{"1:*", "2:*", "3:%s"}},
		{"%[3]*.[2]*[1]f", []string{"1:%f", "2:*", "3:*"}},
		{"%v×%v", []string{"1:%v", "2:%v"}},
		{"50%", []string{"1:%(no verb)"}},
	} {
		if got := Verbs(c.s); !slices.Equal(got, c.want) {
			t.Errorf("Verbs(%q) = %q, want %q", c.s, got, c.want)
		}
	}
}
