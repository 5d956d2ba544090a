package tui

import (
	"strings"
	"testing"

	"houvast/actionlist"
)

func TestProfileScreeningAndAdvice(t *testing.T) {
	f := nl(t)
	f.openCase()
	f.see("nog geen vragenlijst")
	f.press("P")
	f.see("Hoe graag wil je")
	// Motivation: the lowest answers; skills: the highest.
	f.press("enter", "enter", "enter", "enter") // four motivation questions, first option
	for range 4 {
		f.press("down", "down", "down", "enter")
	}
	c := f.stored()
	if c.Screening == nil || c.Screening.Profile != (actionlist.Profile{Motivation: actionlist.LevelLow, Skills: actionlist.LevelHigh}) {
		t.Fatalf("screening %+v", c.Screening)
	}
	// The advice follows at once.
	adv := actionlist.Advise(c.Screening.Profile)
	f.see("Advies")
	f.press("down", "enter") // choose something else
	f.press("right")         // one more than advised
	f.press("enter")
	f.press("enter") // no reason: refused
	f.see("Schrijf kort op waarom")
	f.typeText("Wil zelf meer doen")
	f.press("enter")
	c = f.stored()
	if c.Decision == nil || c.Decision.Accepted || c.Decision.Dose != adv.Dose+1 || c.Dose != adv.Dose+1 || c.Decision.Reason != "Wil zelf meer doen" {
		t.Fatalf("decision %+v, dose %d", c.Decision, c.Dose)
	}
	f.see("eigen keuze", "Wil zelf meer doen")
	// The resident never sees the profile.
	f.press("r")
	f.notSee("Profiel", "motivatie", "eigen keuze")
	f.press("r")
	evs, _ := f.st.Events(ctx, f.c.ID)
	var fields []string
	for _, e := range evs[:4] {
		fields = append(fields, e.Field)
	}
	if !strings.Contains(strings.Join(fields, ","), "profile_decision") {
		t.Errorf("the decision is not in the history: %v", fields)
	}
}

func TestStageArrangementAftercareAndSignal(t *testing.T) {
	f := nl(t)
	f.openCase()
	f.press("S")
	f.see("De schuldregeling is gestart", "Naar nazorg")
	f.press("enter")
	if c := f.stored(); c.Status != actionlist.CaseArrangement || c.Stabilised != testToday {
		t.Fatalf("arrangement: %s %s", c.Status, c.Stabilised)
	}
	f.press("S")
	f.press("enter") // to aftercare
	c := f.stored()
	if c.Status != actionlist.CaseAftercare {
		t.Fatalf("aftercare: %s", c.Status)
	}
	var checkIns int
	for _, s := range c.Steps {
		if actionlist.IsCheckIn(s) && !s.Status.Finished() {
			checkIns++
			if s.Due.IsZero() {
				t.Errorf("check-in %q has no date", s.Title)
			}
		}
	}
	if checkIns < 4 {
		t.Fatalf("%d check-ins planned, want 3 and an evaluation", checkIns)
	}
	f.press("S")
	f.see("nieuwe betalingsachterstand")
	f.press("enter")         // the signal
	f.press("down", "enter") // water
	f.typeText("gisteren")
	f.press("enter")
	c = f.stored()
	if len(c.Signals) != 1 || c.Signals[0].Kind != actionlist.SignalWater || c.Signals[0].Date != testToday.AddDays(-1) {
		t.Fatalf("signals %+v", c.Signals)
	}
	f.see("Signaal vastgelegd")
	var signalStep bool
	for _, s := range f.m.cs.dosing.Now {
		signalStep = signalStep || s.Key == actionlist.KeySignalCheckIn
	}
	if !signalStep {
		t.Fatal("the signal's check-in is not in Now")
	}
	// The aftercare view across cases lists it.
	f.press("esc", "A")
	f.see("Nazorg", "Fatima")
	f.press("enter")
	if f.m.screen != screenCase {
		t.Fatal("enter in the aftercare view did not open the case")
	}
}

func TestReferralAndOutcome(t *testing.T) {
	f := nl(t)
	f.openCase()
	n := len(f.stored().Steps)
	f.press("v")
	f.see("Verwijzen naar andere hulp")
	f.press("down", "enter") // mental health
	c := f.stored()
	if len(c.Steps) != n+1 {
		t.Fatalf("steps %d, want %d", len(c.Steps), n+1)
	}
	var ref actionlist.Step
	for _, s := range c.Steps {
		if a, ok := actionlist.ReferralArea(s); ok && a == actionlist.AreaMentalHealth {
			ref = s
		}
	}
	if ref.ID == "" || ref.Owner != actionlist.RoleGeneralist || ref.OwnerName != "Ahmed" {
		t.Fatalf("referral step %+v", ref)
	}
	f.see("warme overdracht")
}

func TestReportScreenShowsNoNames(t *testing.T) {
	f := nl(t)
	f.press("R")
	f.see("Cijfers over de dossiers", "Per status")
	f.notSee("Fatima", "2026-001", "Sanne")
	f.press("down", "pgdown", "esc")
	if f.m.screen != screenList {
		t.Fatal("esc did not leave the report")
	}
}

func TestNewCaseWithTheQuestionnaireRightAway(t *testing.T) {
	f := nl(t)
	f.press("n")
	f.typeText("Joost")
	f.press("enter", "enter", "enter") // name, language, source
	f.press("enter", "enter", "enter") // asked today, no threat, the first conversation
	f.press("enter", "enter")          // template, phases
	f.press("enter", "enter", "enter") // dose, volunteer, generalist
	f.press("left", "enter")           // yes, the questionnaire now
	f.see("Hoe graag wil je")
	if f.m.cs.c.Name != "Joost" {
		t.Fatalf("the questionnaire is not for the new case: %q", f.m.cs.c.Name)
	}
	f.press("esc")
	if f.m.screen != screenCase || f.m.form != nil {
		t.Fatal("esc did not leave the questionnaire for the new case")
	}
}
