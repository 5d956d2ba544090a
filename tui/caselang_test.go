package tui

import (
	"strings"
	"testing"
	"unicode"

	"houvast/actionlist"
)

// TestCaseLanguageForm: L on a case sets the resident's language, which is
// saved, and the case screen then says which language the summary is in.
func TestCaseLanguageForm(t *testing.T) {
	f := nl(t)
	f.openCase()
	f.notSee("Overzicht voor de inwoner in het")
	f.press("L")
	f.see("In welke taal krijgt de inwoner het overzicht?", "Turks (Türkçe)", "Arabisch")
	f.notSee("العربية") // the terminal cannot draw it
	f.press("down", "down", "down", "down", "enter")
	c, err := f.st.Case(ctx, f.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Language != actionlist.CaseArabic {
		t.Fatalf("language %q after the form:\n%s", c.Language, f.screen())
	}
	f.see("Het overzicht voor de inwoner is nu in het Arabisch.", "Overzicht voor de inwoner in het Arabisch (concepttekst)")
}

// The resident view of an Arabic case shows the steps in the screen's
// language, never Arabic letters, and says the printed summary is in
// Arabic; a Turkish case's does the same.
func TestResidentViewOfAnArabicOrTurkishCase(t *testing.T) {
	f := nl(t)
	f.openCase()
	f.press("L", "down", "down", "down", "down", "enter")
	f.press("r")
	f.see("Je overzicht op papier is in het Arabisch.")
	now := f.m.cs.dosing.Now
	if len(now) == 0 {
		t.Fatal("no steps in Now")
	}
	f.see(now[0].Title) // the Dutch, as the case keeps it
	for _, r := range f.screen() {
		if unicode.Is(unicode.Arabic, r) {
			t.Fatalf("Arabic letters on the terminal: %q", r)
		}
	}
	// An English screen shows the template's English words.
	m := f.m
	m.lang = actionlist.English
	got := m.residentStep(now[0])
	want := actionlist.DefaultStepTexts().Lookup(actionlist.DefaultTemplateID, now[0].Key, actionlist.CaseEnglish)
	if got.Title != want.Title || got.Title == now[0].Title {
		t.Errorf("English screen: %q, want %q", got.Title, want.Title)
	}
	// A Turkish case's view, which the screens have no words for, is in the
	// screen's language too, and says so.
	f.press("r", "L", "up", "up", "enter", "r")
	f.see("Je overzicht op papier is in het Turks")
}

// TestCaseScreenSaysWhichStepsStayDutch: a step the caseworker added to a
// Polish case has no Polish words; the case screen counts it.
func TestCaseScreenSaysWhichStepsStayDutch(t *testing.T) {
	f := nl(t)
	f.openCase()
	f.press("L", "down", "down", "down", "enter") // Polish
	f.see("Overzicht voor de inwoner in het Pools (Polski) (concepttekst)")
	f.notSee("Stappen zonder vertaling")
	if _, err := f.st.AddStep(ctx, marieke, f.c.ID, actionlist.Step{Title: "Bel de woningcorporatie over de huur", Phase: actionlist.PhaseOverview,
		Owner: actionlist.RoleResident, Status: actionlist.StepOpen}); err != nil {
		t.Fatal(err)
	}
	f.run(f.m.loadCase(f.c.ID, true))
	line := ""
	for _, l := range strings.Split(f.screen(), "\n") {
		if strings.Contains(l, "Stappen zonder vertaling") {
			line = l
		}
	}
	if !strings.Contains(line, "Stappen zonder vertaling, dus in het Nederlands: 1 ·") {
		t.Errorf("the line: %q", line)
	}
}

// TestNewCaseInTurkishKeepsDutchSteps: a new case for a Turkish-speaking
// resident is a Turkish case whose steps are the Dutch template's, also on
// an English screen.
func TestNewCaseInTurkishKeepsDutchSteps(t *testing.T) {
	for _, screen := range []actionlist.Lang{actionlist.Dutch, actionlist.English} {
		f := newFixture(t, screen, 100, 32)
		spec := f.m.caseSpec(&caseValues{name: "Sevgi", lang: actionlist.CaseTurkish, dose: 3})
		if spec.Language != actionlist.CaseTurkish || spec.Template.Language != actionlist.Dutch {
			t.Errorf("%s screen: language %q, template in %q", screen, spec.Language, spec.Template.Language)
		}
		spec = f.m.caseSpec(&caseValues{name: "Zoë", lang: actionlist.CaseEnglish, dose: 3})
		if spec.Language != actionlist.CaseEnglish || spec.Template.Language != actionlist.English {
			t.Errorf("%s screen, English case: template in %q", screen, spec.Template.Language)
		}
	}
}
