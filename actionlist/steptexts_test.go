package actionlist

import (
	"errors"
	"strings"
	"testing"
)

// TestDefaultTemplateInEveryLanguage: every step of the default template
// has a title, a why and an after in each of the resident's languages,
// and the texts files name no step the template lacks.
func TestDefaultTemplateInEveryLanguage(t *testing.T) {
	x := DefaultStepTexts()
	tmpl := DefaultTemplate(Dutch)
	for _, l := range CaseLangs {
		for _, s := range tmpl.Steps {
			st := x.Lookup(tmpl.ID, s.Key, l)
			if st.Title == "" || st.Why == "" || st.After == "" {
				t.Errorf("%s: step %s lacks words: %+v", l, s.Key, st)
			}
		}
	}
	for l, name := range defaultTextsFiles {
		data, _ := templateFS.ReadFile(name)
		tt, err := ParseTemplateTexts(name, data)
		if err != nil {
			t.Fatal(err)
		}
		if len(tt.Steps) != len(tmpl.Steps) {
			t.Errorf("%s: %d steps, the template has %d", l, len(tt.Steps), len(tmpl.Steps))
		}
		if !strings.Contains(string(data), "DRAFT") {
			t.Errorf("%s: the file does not say it is a draft", name)
		}
		if !l.Draft() {
			t.Errorf("%s is not listed as a draft language", l)
		}
	}
}

func TestParseCaseLang(t *testing.T) {
	for in, want := range map[string]CaseLang{
		"nl": CaseDutch, "EN": CaseEnglish, "tr": CaseTurkish, "Türkçe": CaseTurkish,
		"pl": CasePolish, "polski": CasePolish, "ar": CaseArabic, " arabic ": CaseArabic,
	} {
		if got, err := ParseCaseLang(in); err != nil || got != want {
			t.Errorf("ParseCaseLang(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "fr", "de", "arab"} {
		if _, err := ParseCaseLang(in); err == nil || !strings.Contains(err.Error(), "nl, en, tr, pl or ar") {
			t.Errorf("ParseCaseLang(%q): %v", in, err)
		}
	}
	// The screens speak Dutch and English only.
	for _, in := range []string{"tr", "pl", "ar"} {
		if _, err := ParseLang(in); err == nil {
			t.Errorf("ParseLang(%q) took a language the screens do not speak", in)
		}
	}
	if CaseArabic.Working() != Dutch || CaseEnglish.Working() != English || !CaseArabic.RightToLeft() || CaseTurkish.RightToLeft() {
		t.Error("the working language or the direction is wrong")
	}
}

const teamTurkish = `format: houvast-template
version: 1
id: team-zuid-tr
texts_for: stabilisatie
language: tr
name: Turkse teksten team Zuid
steps:
  - id: crisis-threats
    title: "Evin ve elektriğin tehlikede mi, bugün birlikte bakalım"
`

// TestTeamTextsOverrideOneTitle: a team's texts file that changes one
// step's Turkish title is used for that title only.
func TestTeamTextsOverrideOneTitle(t *testing.T) {
	tt, err := ParseTemplateTexts("team.yaml", []byte(teamTurkish))
	if err != nil {
		t.Fatal(err)
	}
	x := DefaultStepTexts()
	before := x.Lookup(DefaultTemplateID, "crisis-threats", CaseTurkish)
	if err := x.Add(tt); err != nil {
		t.Fatal(err)
	}
	after := x.Lookup(DefaultTemplateID, "crisis-threats", CaseTurkish)
	if after.Title != "Evin ve elektriğin tehlikede mi, bugün birlikte bakalım" || after.Why != before.Why || after.After != before.After {
		t.Errorf("after the team's file: %+v", after)
	}
	if DefaultStepTexts().Lookup(DefaultTemplateID, "crisis-threats", CaseTurkish) != before {
		t.Error("the team's file changed the embedded words")
	}

	// A team's Dutch words reach the template new cases start from.
	nlFix, err := ParseTemplateTexts("nl.yaml", []byte(strings.Replace(strings.Replace(teamTurkish, "language: tr", "language: nl", 1), "Evin ve elektriğin tehlikede mi, bugün birlikte bakalım", "Kijk samen of je huis nu in gevaar is", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Add(nlFix); err != nil {
		t.Fatal(err)
	}
	if got := x.Apply(DefaultTemplate(Dutch)); got.Steps[0].Title != "Kijk samen of je huis nu in gevaar is" || got.Steps[1].Title != DefaultTemplate(Dutch).Steps[1].Title {
		t.Errorf("Apply: %q", got.Steps[0].Title)
	}
	if DefaultTemplate(Dutch).Steps[0].Title == "Kijk samen of je huis nu in gevaar is" {
		t.Error("Apply changed the embedded template")
	}

	c := NewCase(CaseSpec{Name: "Sevgi", Language: CaseTurkish, Start: NewDate(2026, 11, 2), Template: DefaultTemplate(Dutch)}, seqID())
	s, _ := c.StepByID(c.Steps[0].ID)
	if s.Key != "crisis-threats" {
		t.Fatalf("first step %s", s.Key)
	}
	got, kept := x.ForResident(c, *s)
	if got.Title != after.Title || got.Why != before.Why || kept {
		t.Errorf("ForResident = %+v, kept %v", got, kept)
	}
}

func seqID() func() string {
	n := 0
	return func() string { n++; return strings.Repeat("x", 3) + string(rune('a'+n%26)) + string(rune('a'+n/26)) }
}

// TestForResidentKeepsTheCaseworkersOwnWords: a step the caseworker wrote,
// or one whose title they changed, stays in the words typed, and is
// reported, so the case screen can say the summary prints it in Dutch.
func TestForResidentKeepsTheCaseworkersOwnWords(t *testing.T) {
	x := DefaultStepTexts()
	c := NewCase(CaseSpec{Name: "Ola", Language: CasePolish, Start: NewDate(2026, 11, 2), Template: DefaultTemplate(Dutch)}, seqID())
	if n := x.KeptSteps(c); n != 0 {
		t.Errorf("a new case from the default template keeps %d steps in Dutch", n)
	}
	st, kept := x.ForResident(c, c.Steps[1])
	if kept || st.Title != x.Lookup(DefaultTemplateID, c.Steps[1].Key, CasePolish).Title {
		t.Errorf("a template step: %+v, kept %v", st, kept)
	}
	c.Steps[1].Title = "Bel Ahmed over de huur"
	st, kept = x.ForResident(c, c.Steps[1])
	if !kept || st.Title != "Bel Ahmed over de huur" || st.Why != x.Lookup(DefaultTemplateID, c.Steps[1].Key, CasePolish).Why {
		t.Errorf("a changed title: %+v, kept %v", st, kept)
	}
	own := Step{ID: "own", Title: "Zoek de brief van de woningcorporatie", Phase: PhaseOverview, Owner: RoleResident, Status: StepOpen}
	c.Steps = append(c.Steps, own)
	if _, kept := x.ForResident(c, own); !kept {
		t.Error("the caseworker's own step is not reported")
	}
	if n := x.KeptSteps(c); n != 2 {
		t.Errorf("KeptSteps: %d, want 2", n)
	}
	// A Dutch case is in its own words: nothing to report.
	c.Language = CaseDutch
	if n := x.KeptSteps(c); n != 0 {
		t.Errorf("a Dutch case reports %d steps", n)
	}
	// An English case made in Dutch reads the template's English.
	c.Language = CaseEnglish
	st, _ = x.ForResident(c, c.Steps[0])
	if st.Title != DefaultTemplate(English).Steps[0].Title {
		t.Errorf("English: %q", st.Title)
	}
}

func TestParseTemplateTextsRefusals(t *testing.T) {
	head := "format: houvast-template\nversion: 1\nid: t\ntexts_for: stabilisatie\nlanguage: tr\nname: T\n"
	for name, tc := range map[string]struct{ file, want string }{
		"language":   {strings.Replace(head, "language: tr", "language: fr", 1) + "steps:\n  - id: a\n    title: x\n", "tr (Turkish)"},
		"no words":   {head + "steps:\n  - id: crisis-threats\n", "no words"},
		"phase":      {head + "steps:\n  - id: crisis-threats\n    phase: crisis\n", "belongs in the template"},
		"twice":      {head + "steps:\n  - id: a\n    title: x\n  - id: a\n    title: y\n", "appears twice"},
		"no for":     {strings.Replace(head, "texts_for: stabilisatie\n", "", 1) + "steps:\n  - id: a\n    title: x\n", "texts_for is missing"},
		"unknown":    {head + "steps:\n  - id: a\n    titel: x\n", `did you mean "title"`},
		"empty text": {head + "steps:\n  - id: a\n    title: \"\"\n", "title is empty"},
	} {
		_, err := ParseTemplateTexts("t.yaml", []byte(tc.file))
		var te *TemplateError
		if !errors.As(err, &te) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", name, err, tc.want)
		}
	}
	x := DefaultStepTexts()
	tt, err := ParseTemplateTexts("t.yaml", []byte(head+"steps:\n  - id: no-such-step\n    title: x\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Add(tt); err == nil || !strings.Contains(err.Error(), "no step with that id") {
		t.Errorf("an unknown step: %v", err)
	}
	tt.For = "team-noord"
	if err := x.Add(tt); err == nil || !strings.Contains(err.Error(), "no template with that id") {
		t.Errorf("an unknown template: %v", err)
	}
	// A texts file is no template to start a case from.
	if _, err := ParseTemplate("t.yaml", []byte(teamTurkish)); err == nil || !strings.Contains(err.Error(), "read it as a texts file") {
		t.Errorf("ParseTemplate took a texts file: %v", err)
	}
	if !IsTemplateTexts([]byte(teamTurkish)) || IsTemplateTexts(DefaultTemplateFile(Dutch)) {
		t.Error("IsTemplateTexts")
	}
}

// TestCaseLangLabel: every resident's language has a name in both screen
// languages, which the history uses for a change of it.
func TestCaseLangLabel(t *testing.T) {
	for _, c := range CaseLangs {
		for _, l := range Langs {
			if CaseLangLabel(c, l) == "" || CaseLangLabel(c, l) == string(c) {
				t.Errorf("%s in %s: %q", c, l, CaseLangLabel(c, l))
			}
		}
	}
	if got := FieldValueLabel("language", "ar", Dutch); got != "Arabisch" {
		t.Errorf("history: %q", got)
	}
	if got := FieldValueLabel("language", "fr", English); got != "fr" {
		t.Errorf("an unknown value: %q", got)
	}
}

// TestATemplateInTurkishPointsToATextsFile: a whole template in a
// resident's language is refused with the way to a texts file.
func TestATemplateInTurkishPointsToATextsFile(t *testing.T) {
	data := strings.Replace(string(DefaultTemplateFile(Dutch)), "language: nl", "language: tr", 1)
	_, err := ParseTemplate("team.yaml", []byte(data))
	if err == nil || !strings.Contains(err.Error(), "texts_for:") || !strings.Contains(err.Error(), "houvast templates default tr") {
		t.Errorf("%v", err)
	}
}
