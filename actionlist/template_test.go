package actionlist

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// checkTemplate asserts what every parsed template must hold, whatever file
// it came from: texts present, clean and within limits; known phases and
// owners; unique keys; dependencies that exist and never loop; steps in
// phase order.
func checkTemplate(t *testing.T, tmpl Template) {
	t.Helper()
	if !templateKeyRE.MatchString(tmpl.ID) || len(tmpl.ID) > MaxTemplateKey {
		t.Errorf("template id %q is not a valid key", tmpl.ID)
	}
	if tmpl.Language != Dutch && tmpl.Language != English {
		t.Errorf("language %q", tmpl.Language)
	}
	if strings.TrimSpace(tmpl.Name) == "" {
		t.Error("name is empty")
	}
	if len(tmpl.Steps) == 0 || len(tmpl.Steps) > MaxTemplateSteps {
		t.Errorf("%d steps", len(tmpl.Steps))
	}
	checkTemplateText(t, "name", tmpl.Name, maxTemplateName, true)
	checkTemplateText(t, "description", tmpl.Description, maxTemplateDesc, false)
	index := map[string]int{}
	for i, s := range tmpl.Steps {
		if _, dup := index[s.Key]; dup {
			t.Errorf("key %q appears twice", s.Key)
		}
		index[s.Key] = i
		if !templateKeyRE.MatchString(s.Key) || utf8.RuneCountInString(s.Key) > MaxTemplateKey {
			t.Errorf("step key %q is not a valid key", s.Key)
		}
		if !s.Phase.Valid() {
			t.Errorf("step %q: phase %q", s.Key, s.Phase)
		}
		if !s.Owner.Valid() {
			t.Errorf("step %q: owner %q", s.Key, s.Owner)
		}
		if s.Days < 1 || s.Days > MaxTemplateDays {
			t.Errorf("step %q: days %d", s.Key, s.Days)
		}
		checkTemplateText(t, s.Key+" title", s.Title, MaxTemplateTitle, true)
		checkTemplateText(t, s.Key+" why", s.Why, MaxTemplateText, true)
		checkTemplateText(t, s.Key+" after", s.After, MaxTemplateText, true)
		if i > 0 && tmpl.Steps[i-1].Phase.Index() > s.Phase.Index() {
			t.Errorf("step %q (%s) comes after a step of a later phase", s.Key, s.Phase)
		}
		// A template step must also be a valid case step.
		st := Step{Key: s.Key, Phase: s.Phase, Owner: s.Owner, Title: s.Title, Why: s.Why, After: s.After, Status: StepOpen, Days: s.Days}
		if err := st.Validate(); err != nil {
			t.Errorf("step %q is not a valid Step: %v", s.Key, err)
		}
	}
	for _, s := range tmpl.Steps {
		for _, d := range s.DependsOn {
			if _, ok := index[d]; !ok {
				t.Errorf("step %q depends on unknown %q", s.Key, d)
			}
			if d == s.Key {
				t.Errorf("step %q depends on itself", s.Key)
			}
		}
	}
	if loop := templateLoop(tmpl.Steps); loop != nil {
		t.Errorf("dependency loop: %v", loop)
	}
}

func checkTemplateText(t *testing.T, what, s string, limit int, required bool) {
	t.Helper()
	if required && s == "" {
		t.Errorf("%s is empty", what)
	}
	if s != strings.TrimSpace(s) {
		t.Errorf("%s is not trimmed: %q", what, s)
	}
	if n := utf8.RuneCountInString(s); n > limit {
		t.Errorf("%s is %d characters; limit %d", what, n, limit)
	}
	if !utf8.ValidString(s) {
		t.Errorf("%s is not UTF-8", what)
	}
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029' {
			t.Errorf("%s holds control character %U", what, r)
		}
	}
	if strings.Contains(s, "  ") {
		t.Errorf("%s holds a double space: %q", what, s)
	}
}

// templateLoop is an independent check (Kahn's algorithm): it returns the keys
// left over when no step without open dependencies remains, or nil.
func templateLoop(steps []TemplateStep) []string {
	waits := map[string]int{}
	users := map[string][]string{}
	for _, s := range steps {
		waits[s.Key] += 0
		for _, d := range s.DependsOn {
			waits[s.Key]++
			users[d] = append(users[d], s.Key)
		}
	}
	var ready []string
	for k, n := range waits {
		if n == 0 {
			ready = append(ready, k)
		}
	}
	done := 0
	for len(ready) > 0 {
		k := ready[len(ready)-1]
		ready = ready[:len(ready)-1]
		done++
		for _, u := range users[k] {
			if waits[u]--; waits[u] == 0 {
				ready = append(ready, u)
			}
		}
	}
	if done == len(waits) {
		return nil
	}
	var left []string
	for k, n := range waits {
		if n > 0 {
			left = append(left, k)
		}
	}
	slices.Sort(left)
	return left
}

func TestDefaultTemplatesParse(t *testing.T) {
	for lang, name := range defaultTemplateFiles {
		t.Run(string(lang), func(t *testing.T) {
			data, err := templateFS.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			parsed, err := ParseTemplate(name, data)
			if err != nil {
				t.Fatalf("embedded template does not parse: %v", err)
			}
			if parsed.Source != name {
				t.Errorf("Source = %q, want %q", parsed.Source, name)
			}
			tmpl := DefaultTemplate(lang)
			if tmpl.Source != "embedded" {
				t.Errorf("Source = %q, want embedded", tmpl.Source)
			}
			if tmpl.ID != DefaultTemplateID || tmpl.Language != lang {
				t.Errorf("id %q language %q", tmpl.ID, tmpl.Language)
			}
			checkTemplate(t, tmpl)
			if len(tmpl.Steps) < 38 {
				t.Errorf("%d steps; want at least 38", len(tmpl.Steps))
			}
			if got := tmpl.Phases(); !slices.Equal(got, Phases) {
				t.Errorf("phases %v; want all of %v", got, Phases)
			}
			pos := map[string]int{}
			for i, s := range tmpl.Steps {
				pos[s.Key] = i
			}
			for i, s := range tmpl.Steps {
				// The plan reads top to bottom: a step only waits for
				// steps before it, in its own phase or an earlier one.
				for _, d := range s.DependsOn {
					if pos[d] >= i {
						t.Errorf("step %q waits for %q, which comes later", s.Key, d)
					}
				}
				first, _ := utf8.DecodeRuneInString(s.Title)
				if !unicode.IsUpper(first) {
					t.Errorf("step %q: title %q should start with a capital (a verb)", s.Key, s.Title)
				}
				if strings.HasSuffix(s.Title, ".") {
					t.Errorf("step %q: title ends with a full stop", s.Key)
				}
				for _, text := range []string{s.Title, s.Why, s.After} {
					low := strings.ToLower(text)
					for _, banned := range []string{"bsn", "burgerservicenummer", "citizen service number", "social security number"} {
						if strings.Contains(low, banned) {
							t.Errorf("step %q asks for a %s: %q", s.Key, banned, text)
						}
					}
					if strings.HasPrefix(low, "daarna:") || strings.HasPrefix(low, "after this:") {
						t.Errorf("step %q: text starts with a prefix: %q", s.Key, text)
					}
				}
			}
		})
	}
}

func TestDefaultTemplatesMatch(t *testing.T) {
	nl, en := DefaultTemplate(Dutch), DefaultTemplate(English)
	if len(nl.Steps) != len(en.Steps) {
		t.Fatalf("nl has %d steps, en %d", len(nl.Steps), len(en.Steps))
	}
	if nl.ID != en.ID {
		t.Errorf("ids differ: %q, %q", nl.ID, en.ID)
	}
	for i := range nl.Steps {
		a, b := nl.Steps[i], en.Steps[i]
		if a.Key != b.Key || a.Phase != b.Phase || a.Owner != b.Owner || a.Days != b.Days || !slices.Equal(a.DependsOn, b.DependsOn) {
			t.Errorf("step %d differs:\n nl %s %s %s %d %v\n en %s %s %s %d %v", i,
				a.Key, a.Phase, a.Owner, a.Days, a.DependsOn, b.Key, b.Phase, b.Owner, b.Days, b.DependsOn)
		}
		if a.Title == b.Title || a.Why == b.Why || a.After == b.After {
			t.Errorf("step %q: a text is the same in both languages", a.Key)
		}
	}
	// The files themselves keep the same order, not only the sorted result.
	keys := func(lang Lang) []string {
		var out []string
		for _, line := range strings.Split(string(DefaultTemplateFile(lang)), "\n") {
			if k, ok := strings.CutPrefix(strings.TrimSpace(line), "- id: "); ok {
				out = append(out, k)
			}
		}
		return out
	}
	if a, b := keys(Dutch), keys(English); !slices.Equal(a, b) || len(a) != len(nl.Steps) {
		t.Errorf("file order differs:\n nl %v\n en %v", a, b)
	}
}

func TestDefaultTemplateCopies(t *testing.T) {
	a := DefaultTemplate(English)
	a.Steps[0].Title = "changed"
	for i := range a.Steps {
		if len(a.Steps[i].DependsOn) > 0 {
			a.Steps[i].DependsOn[0] = "changed"
		}
	}
	b := DefaultTemplate(English)
	if b.Steps[0].Title == "changed" {
		t.Error("changing a returned template changed the default")
	}
	for _, s := range b.Steps {
		if slices.Contains(s.DependsOn, "changed") {
			t.Error("changing a returned template's dependencies changed the default")
		}
	}
	if got := DefaultTemplate("de"); got.Language != Dutch {
		t.Errorf("unknown language gives %q; want the Dutch template", got.Language)
	}
}

// templateBase is a small valid template; the error cases change one thing in it.
// Its line numbers matter: the cases name them.
const templateBase = `format: houvast-template
version: 1
id: team
language: nl
name: Team
steps:
  - id: huur
    phase: crisis
    owner: specialist
    title: Bel de verhuurder
    why: Zo blijft je huis veilig.
    after: De verhuurder wacht.
    days: 3
  - id: post
    phase: overview
    owner: resident
    title: Sorteer je post
    why: Dan zie je wat er is.
    after: De specialist maakt een lijst.
    days: 7
    depends_on: [huur]
`

// editTemplate replaces each old with its new in templateBase, once; a missing old is a bug
// in the test.
func editTemplate(t testing.TB, pairs ...string) string {
	t.Helper()
	s := templateBase
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("templateBase has no %q", pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

func TestParseTemplateValid(t *testing.T) {
	tmpl, err := ParseTemplate("team.yaml", []byte(templateBase))
	if err != nil {
		t.Fatal(err)
	}
	checkTemplate(t, tmpl)
	want := []TemplateStep{
		{Key: "huur", Phase: PhaseCrisis, Owner: RoleSpecialist, Title: "Bel de verhuurder", Why: "Zo blijft je huis veilig.", After: "De verhuurder wacht.", Days: 3},
		{Key: "post", Phase: PhaseOverview, Owner: RoleResident, Title: "Sorteer je post", Why: "Dan zie je wat er is.", After: "De specialist maakt een lijst.", Days: 7, DependsOn: []string{"huur"}},
	}
	if tmpl.ID != "team" || tmpl.Name != "Team" || tmpl.Language != Dutch || tmpl.Source != "team.yaml" {
		t.Errorf("header: %+v", tmpl)
	}
	if len(tmpl.Steps) != len(want) {
		t.Fatalf("%d steps", len(tmpl.Steps))
	}
	for i := range want {
		g, w := tmpl.Steps[i], want[i]
		if g.Key != w.Key || g.Phase != w.Phase || g.Owner != w.Owner || g.Title != w.Title || g.Why != w.Why || g.After != w.After || g.Days != w.Days || !slices.Equal(g.DependsOn, w.DependsOn) {
			t.Errorf("step %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
}

func TestParseTemplateTexts(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, want string
	}{
		{"trimmed", `"   Bel de verhuurder  "`, "Bel de verhuurder"},
		{"folded block", ">\n      Bel de\n      verhuurder\n", "Bel de verhuurder"},
		{"literal block", "|\n      Bel de\n\n      verhuurder\n", "Bel de verhuurder"},
		{"tab and newline escapes", `"Bel\tde\nverhuurder"`, "Bel de verhuurder"},
		{"accents", `"Bel de verhuurder, vóór één uur"`, "Bel de verhuurder, vóór één uur"},
		{"plain over two lines", "Bel de\n      verhuurder", "Bel de verhuurder"},
		{"a number", "112", "112"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := editTemplate(t, "title: Bel de verhuurder\n", "title: "+strings.TrimSuffix(tc.yaml, "\n")+"\n")
			tmpl, err := ParseTemplate("team.yaml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			if got := tmpl.Steps[0].Title; got != tc.want {
				t.Errorf("title = %q; want %q", got, tc.want)
			}
		})
	}
}

func TestParseTemplatePhaseOrder(t *testing.T) {
	src := `format: houvast-template
version: 1
id: order
language: en
name: Order
steps:
  - {id: a, phase: aftercare, owner: resident, title: A, why: W, after: X, days: 1}
  - {id: b, phase: crisis, owner: resident, title: B, why: W, after: X, days: 1}
  - {id: c, phase: aftercare, owner: resident, title: C, why: W, after: X, days: 1, depends_on: [b]}
  - {id: d, phase: income, owner: resident, title: D, why: W, after: X, days: 1}
  - {id: e, phase: crisis, owner: resident, title: E, why: W, after: X, days: 1, depends_on: []}
`
	tmpl, err := ParseTemplate("order.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range tmpl.Steps {
		got = append(got, s.Key)
	}
	if want := []string{"b", "e", "d", "a", "c"}; !slices.Equal(got, want) {
		t.Errorf("order %v; want %v", got, want)
	}
	if got, want := tmpl.Phases(), []Phase{PhaseCrisis, PhaseIncome, PhaseAftercare}; !slices.Equal(got, want) {
		t.Errorf("phases %v; want %v", got, want)
	}
}

func TestParseTemplateErrors(t *testing.T) {
	manySteps := func(n int) string {
		var b strings.Builder
		b.WriteString("format: houvast-template\nversion: 1\nid: many\nlanguage: en\nname: Many\nsteps:\n")
		for i := range n {
			fmt.Fprintf(&b, "  - {id: s%d, phase: crisis, owner: resident, title: T, why: W, after: A, days: 1}\n", i)
		}
		return b.String()
	}
	longTitle := strings.Repeat("a", MaxTemplateTitle+1)
	for _, tc := range []struct {
		name  string
		src   string
		line  int    // 0: no line in the message
		field string // "" : about the file as a whole
		want  string // a part of the message
	}{
		{"empty file", "", 0, "", "empty"},
		{"only blanks", "  \n\n\t\n", 0, "", "empty"},
		{"only comments", "# nothing here\n", 0, "", "only comments"},
		{"huge file", templateBase + "# " + strings.Repeat("x", MaxTemplateBytes) + "\n", 0, "", "at most 1 MiB"},
		{"not YAML", editTemplate(t, "title: Bel de verhuurder", "title: Bel: de verhuurder"), 10, "", "not valid YAML"},
		{"not YAML, unclosed quote", editTemplate(t, "why: Zo blijft", `why: "Zo blijft`), 11, "", "not valid YAML"},
		{"not YAML, bad indent", editTemplate(t, "    owner: resident", "      owner: resident"), 16, "", "not valid YAML"},
		{"not YAML, first line", "format: [houvast\n", 1, "", "not valid YAML"},
		{"not a template", "- a\n- b\n", 1, "", "not a Houvast template"},
		{"binary", "format: houvast-template\n\x00\x01\x02", 2, "", "control character (U+0000)"},
		{"not UTF-8", editTemplate(t, "title: Bel de", "title: Bel \xff de"), 10, "", "not UTF-8"},
		{"second document", templateBase + "---\nformat: houvast-template\n", 23, "", "second YAML document"},
		{"anchor", editTemplate(t, "why: Zo blijft", "why: &w Zo blijft"), 11, "", "anchors and aliases"},
		{"missing format", strings.TrimPrefix(templateBase, "format: houvast-template\n"), 1, "format", "format is missing"},
		{"wrong format", editTemplate(t, "format: houvast-template", "format: houvast-case"), 1, "format", `format is "houvast-case"`},
		{"missing version", editTemplate(t, "version: 1\n", ""), 1, "version", "version is missing"},
		{"wrong version", editTemplate(t, "version: 1", "version: 2"), 2, "version", "version 2 is not known"},
		{"version not a number", editTemplate(t, "version: 1", "version: one"), 2, "version", "whole number"},
		{"unknown top key", editTemplate(t, "name: Team\n", "name: Team\nauteur: Piet\n"), 6, "auteur", `unknown key "auteur"`},
		{"unknown step key", editTemplate(t, "title: Bel de verhuurder", "titel: Bel de verhuurder"), 10, "titel", `unknown key "titel" (did you mean "title"?)`},
		{"duplicate key", editTemplate(t, "    days: 3\n", "    days: 3\n    days: 4\n"), 14, "days", "appears twice (first on line 13)"},
		{"bad template id", editTemplate(t, "id: team", "id: Team Zuid"), 3, "id", "lowercase"},
		{"bad language", editTemplate(t, "language: nl", "language: de"), 4, "language", "nl (Dutch) or en (English)"},
		{"missing name", editTemplate(t, "name: Team\n", ""), 1, "name", "name is missing"},
		{"missing steps", strings.Split(templateBase, "steps:")[0], 1, "steps", "steps is missing"},
		{"no steps", strings.Split(templateBase, "steps:")[0] + "steps: []\n", 6, "steps", "steps is empty"},
		{"steps not a list", strings.Split(templateBase, "steps:")[0] + "steps: huur\n", 6, "steps", "must be a list"},
		{"too many steps", manySteps(MaxTemplateSteps + 1), 6 + MaxTemplateSteps + 1, "steps", "the limit is 500"},
		{"missing step id", editTemplate(t, "  - id: post\n    phase: overview", "  - phase: overview"), 14, "id", "step 2: id is missing"},
		{"bad step id", editTemplate(t, "- id: huur", "- id: huur nu", "[huur]", "[huur nu]"), 7, "id", `step 1: id "huur nu" may only hold`},
		{"step id too long", editTemplate(t, "- id: huur", "- id: "+strings.Repeat("h", 61)), 7, "id", "the limit is 60"},
		{"bad phase", editTemplate(t, "phase: crisis", "phase: crises"), 8, "phase", `step "huur": phase "crises" is not one of crisis, overview, income, fixed_costs, creditors, other_help, closing, aftercare (did you mean "crisis"?)`},
		{"empty phase", editTemplate(t, "phase: crisis", "phase:"), 8, "phase", "phase is empty"},
		{"bad owner", editTemplate(t, "owner: resident", "owner: landlord"), 16, "owner", `step "post": owner "landlord" is not one of resident, specialist, generalist, volunteer, together`},
		{"owner a list", editTemplate(t, "owner: resident", "owner: [resident, volunteer]"), 16, "owner", "must be one role, not a list"},
		{"empty why", editTemplate(t, "why: Zo blijft je huis veilig.", `why: "   "`), 11, "why", `step "huur": why is empty`},
		{"null why", editTemplate(t, "why: Zo blijft je huis veilig.", `why: ~`), 11, "why", `step "huur": why is empty`},
		{"missing why", editTemplate(t, "    why: Zo blijft je huis veilig.\n", ""), 7, "why", `step "huur": why is missing`},
		{"title too long", editTemplate(t, "title: Bel de verhuurder", "title: "+longTitle), 10, "title", "121 characters long; the limit is 120"},
		{"after too long", editTemplate(t, "after: De verhuurder wacht.", "after: "+strings.Repeat("wacht ", 70)), 12, "after", "the limit is 400"},
		{"control character", editTemplate(t, "why: Zo blijft je huis veilig.", `why: "Zo blijft \e[31mje huis veilig."`), 11, "why", "control character (U+001B)"},
		{"direction override", editTemplate(t, "why: Zo blijft je huis veilig.", `why: "Zo blijft \u202eje huis veilig."`), 11, "why", "control character (U+202E)"},
		{"bsn in a text", editTemplate(t, "why: Zo blijft je huis veilig.", "why: Neem nummer 111222333 mee."), 11, "why", "citizen service number"},
		{"days 0", editTemplate(t, "days: 3", "days: 0"), 13, "days", "days is 0; it must be from 1 to 365"},
		{"days too many", editTemplate(t, "days: 3", "days: 400"), 13, "days", "from 1 to 365"},
		{"days a word", editTemplate(t, "days: 3", "days: drie"), 13, "days", "whole number"},
		{"days a fraction", editTemplate(t, "days: 3", "days: 2.5"), 13, "days", "whole number"},
		{"duplicate id", editTemplate(t, "- id: post", "- id: huur", "    depends_on: [huur]\n", ""), 14, "id", `the id "huur" is already used by the step on line 7`},
		{"unknown dependency", editTemplate(t, "[huur]", "[huis]"), 21, "depends_on", `depends_on names "huis", but there is no step with that id`},
		{"dependency twice", editTemplate(t, "[huur]", "[huur, huur]"), 21, "depends_on", `names "huur" twice`},
		{"depends on itself", editTemplate(t, "[huur]", "[post]"), 21, "depends_on", "names the step itself"},
		{"depends_on not a list", editTemplate(t, "[huur]", "huur"), 21, "depends_on", "must be a list of step ids"},
		{"cycle", editTemplate(t, "    days: 3\n", "    days: 3\n    depends_on: [post]\n"), 22, "depends_on", "makes a loop: huur → post → huur"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseTemplate("team.yaml", []byte(tc.src))
			if err == nil {
				t.Fatal("no error")
			}
			var te *TemplateError
			if !errors.As(err, &te) {
				t.Fatalf("error is %T, not *TemplateError: %v", err, err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "team.yaml: ") {
				t.Errorf("%q does not start with the file name", msg)
			}
			if te.Line != tc.line {
				t.Errorf("line %d; want %d (%s)", te.Line, tc.line, msg)
			}
			if tc.line > 0 && !strings.HasPrefix(msg, fmt.Sprintf("team.yaml: line %d: ", tc.line)) {
				t.Errorf("%q does not name line %d", msg, tc.line)
			}
			if tc.line == 0 && strings.HasPrefix(msg, "team.yaml: line ") {
				t.Errorf("%q names a line", msg)
			}
			if te.Field != tc.field {
				t.Errorf("field %q; want %q (%s)", te.Field, tc.field, msg)
			}
			if tc.field != "" && !strings.Contains(te.Msg, tc.field) {
				t.Errorf("%q does not name the field %q", msg, tc.field)
			}
			if !strings.Contains(msg, tc.want) {
				t.Errorf("%q does not say %q", msg, tc.want)
			}
			for _, r := range msg {
				if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
					t.Errorf("message holds control character %U: %q", r, msg)
				}
			}
		})
	}
}

func TestTemplateErrorFormat(t *testing.T) {
	for _, tc := range []struct {
		err  TemplateError
		want string
	}{
		{TemplateError{File: "team.yaml", Line: 7, Field: "owner", Msg: `step "huur": owner "landlord" is not one of resident, specialist, generalist, volunteer, together`},
			`team.yaml: line 7: step "huur": owner "landlord" is not one of resident, specialist, generalist, volunteer, together`},
		{TemplateError{File: "team.yaml", Msg: "the file is empty"}, "team.yaml: the file is empty"},
		{TemplateError{Line: 3, Msg: "x"}, "template: line 3: x"},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("got  %q\nwant %q", got, tc.want)
		}
	}
	_, err := ParseTemplate("team.yaml", []byte(editTemplate(t, "owner: resident", "owner: landlord")))
	want := `team.yaml: line 16: step "post": owner "landlord" is not one of resident, specialist, generalist, volunteer, together`
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

// The fixtures in testdata/templates: good-*.yaml must parse, bad-*.yaml
// must not (with the file's name and a line in the message).
func TestParseTemplateFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "templates", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			tmpl, err := ParseTemplate(filepath.Base(f), data)
			switch {
			case strings.HasPrefix(filepath.Base(f), "good-"):
				if err != nil {
					t.Fatal(err)
				}
				checkTemplate(t, tmpl)
			case err == nil:
				t.Fatal("no error")
			case !strings.HasPrefix(err.Error(), filepath.Base(f)+": line "):
				t.Errorf("%q does not name the file and a line", err)
			}
		})
	}
}

func FuzzParseTemplate(f *testing.F) {
	for _, lang := range Langs {
		f.Add(DefaultTemplateFile(lang))
	}
	f.Add([]byte(templateBase))
	for _, src := range []string{
		"",
		"format: houvast-template\n",
		"- a\n- b\n",
		"format: houvast-template\nversion: 1\nid: x\nlanguage: en\nname: X\nsteps:\n  - {id: a, phase: crisis, owner: resident, title: T, why: W, after: A, days: 1, depends_on: [b]}\n  - {id: b, phase: crisis, owner: resident, title: T, why: W, after: A, days: 1, depends_on: [a]}\n",
		"format: houvast-template\nversion: 1\nid: x\nlanguage: en\nname: &a X\nsteps: *a\n",
		"format: houvast-template\nversion: 1\nid: x\nlanguage: en\nname: \"\\e[2J\"\nsteps: []\n",
		"a: b: c\n",
		"format: [houvast\n",
		"format: houvast-template\n\xbe\n",
		"format: houvast-template\n\x01\n",
		"\ufeffformat: houvast-template\nversion: 2\n",
		"format: houvast-template\nversion: 1\n---\nx: 1\n",
		"format: houvast-template\n\tversion: 1\n",
		"format: houvast-template\nversion: 1\nid: x\nlanguage: nl\nname: X\nsteps:\n  - id: a\n    titel: T\n",
	} {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tmpl, err := ParseTemplate("fuzz.yaml", data)
		if err != nil {
			var te *TemplateError
			if !errors.As(err, &te) {
				t.Fatalf("error is %T: %v", err, err)
			}
			if !strings.HasPrefix(err.Error(), "fuzz.yaml: ") {
				t.Fatalf("message does not name the file: %q", err)
			}
			return
		}
		checkTemplate(t, tmpl)
	})
}

func BenchmarkDefaultTemplate(b *testing.B) {
	for b.Loop() {
		_ = DefaultTemplate(Dutch)
	}
}

func BenchmarkParseTemplate(b *testing.B) {
	data := DefaultTemplateFile(Dutch)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ParseTemplate("nl.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}
