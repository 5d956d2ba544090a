package tui

import (
	"strings"
	"testing"

	"houvast/actionlist"
	"houvast/store"
)

// agendaFixture is the demo case with a request for help under a threat
// two working days ago and two of the specialist's steps on the agenda: one
// late, one due this week.
func agendaFixture(t *testing.T, width, height int) (*fixture, actionlist.Step, actionlist.Step) {
	t.Helper()
	f := newFixture(t, actionlist.Dutch, width, height)
	late, due := fillAgenda(f)
	return f, late, due
}

// fillAgenda puts the agenda fixture's clock and two steps on a fixture.
func fillAgenda(f *fixture) (late, due actionlist.Step) {
	t := f.t
	t.Helper()
	c := f.stored()
	after := c
	after.RequestedOn, after.Threat = testToday.AddDays(-6), actionlist.ThreatEviction // Tuesday 17 November: due Friday 20
	if _, err := f.st.UpdateCase(ctx, marieke, c, after); err != nil {
		t.Fatal(err)
	}
	var edits []store.StepEdit
	var picked []actionlist.Step
	for _, s := range c.Steps {
		if s.Owner != actionlist.RoleSpecialist || s.Status.Finished() || len(picked) == 2 {
			continue
		}
		next := s
		next.Due = testToday.AddDays(-3 + 5*len(picked))
		edits = append(edits, store.StepEdit{Before: s, After: next})
		picked = append(picked, next)
	}
	if len(picked) != 2 {
		t.Fatal("the demo case has fewer than two open steps of the specialist")
	}
	if _, err := f.st.UpdateSteps(ctx, marieke, edits...); err != nil {
		t.Fatal(err)
	}
	f.run(f.m.loadCases())
	return picked[0], picked[1]
}

// From the case list, a opens the agenda: the clock that ran out first,
// then the late step; each item says when, which case, what and why.
func TestAgendaShowsWhatNeedsMe(t *testing.T) {
	f, late, due := agendaFixture(t, 120, 40)
	f.press("a")
	if f.m.screen != screenAgenda {
		t.Fatalf("a did not open the agenda:\n%s", f.screen())
	}
	f.see("Agenda", "termijn was", "Eerste gesprek · Wgs: binnen 3 werkdagen bij een dreiging",
		"3 dagen te laat", clean(late.Title), clean(due.Title), "jouw stap", "2026-001 · Fatima")
	scr := f.screen()
	if strings.Index(scr, "termijn was") > strings.Index(scr, clean(late.Title)) {
		t.Error("the passed clock is not first")
	}
	f.press("esc")
	if f.m.screen != screenList {
		t.Fatal("esc did not go back to the list")
	}
}

// A tick-off on the agenda is saved as on the case screen (with its undo
// and history) and takes the item off the agenda.
func TestAgendaTicksOff(t *testing.T) {
	f, late, _ := agendaFixture(t, 120, 40)
	f.press("a", "down") // the late step, under the clock
	if it, _ := f.m.agenda.selected(); it.Step.ID != late.ID {
		t.Fatalf("chosen: %+v", it)
	}
	f.press("space")
	f.see("Klaar: " + clean(late.Title)[:20])
	f.notSee("3 dagen te laat")
	s, _ := f.stored().StepByID(late.ID)
	if s.Status != actionlist.StepDone || s.DoneBy != "Marieke" || s.DoneOn != testToday {
		t.Fatalf("stored: %+v", s)
	}
	if f.m.screen != screenAgenda {
		t.Fatal("the tick-off left the agenda")
	}
	f.press("u")
	f.see("3 dagen te laat")
	if s, _ := f.stored().StepByID(late.ID); s.Status == actionlist.StepDone {
		t.Fatal("undo did not take the tick-off back")
	}
	// The clock is no step: space says so.
	f.press("up", "up", "up", "space")
	f.see("geen stap")
}

// enter opens the case at the step; going back returns to the agenda.
func TestAgendaOpensTheCaseAtTheStep(t *testing.T) {
	f, _, due := agendaFixture(t, 120, 40)
	f.press("a")
	for i := 0; i < len(f.m.agenda.items); i++ {
		if it, _ := f.m.agenda.selected(); it.Step.ID == due.ID {
			break
		}
		f.press("down")
	}
	f.press("enter")
	switch f.m.screen {
	case screenCase:
		if sel, _ := f.m.cs.selected(); sel.ID != due.ID {
			t.Errorf("chosen in Now: %s", sel.Title)
		}
	case screenSteps:
		if row, _ := f.m.chosenRow(); row.ID != due.ID {
			t.Errorf("chosen in all steps: %s", row.Title)
		}
		f.press("esc")
	default:
		t.Fatalf("enter opened screen %d", f.m.screen)
	}
	f.see("Eerste gesprek: de termijn was") // the case shows the clock that ran out
	f.press("esc")
	if f.m.screen != screenAgenda {
		t.Fatalf("back from the case went to screen %d", f.m.screen)
	}
}

// At 80x24 each item keeps its when, its case and what it is about whole:
// long titles wrap, they are not cut.
func TestAgendaAt80x24KeepsTheFacts(t *testing.T) {
	f, late, _ := agendaFixture(t, 80, 24)
	f.press("a")
	scr := f.screen()
	words := strings.Fields(clean(late.Title))
	for _, w := range words {
		if !strings.Contains(scr, w) {
			t.Errorf("the title's word %q is missing:\n%s", w, scr)
		}
	}
	if strings.Contains(scr, "…") {
		t.Errorf("something was cut:\n%s", scr)
	}
}

// Started with --agenda, the screens open on it; esc goes to the case list
// (and a back), q quits.
func TestStartOnTheAgenda(t *testing.T) {
	f, _, _ := agendaFixture(t, 120, 40)
	f.m.o.StartAgenda = true
	f.m.screen = screenAgenda
	f.run(f.m.loadAgenda())
	f.see("Agenda", "termijn was")
	f.press("esc")
	if f.quit || f.m.screen != screenList {
		t.Fatalf("esc on the start agenda: quit %v, screen %d", f.quit, f.m.screen)
	}
	f.press("a")
	f.see("termijn was")
	f.m.agendaFromList = false // as started
	f.press("q")
	if !f.quit {
		t.Fatal("q on the start agenda did not quit")
	}
}

// S on a case whose first conversation is still to come records it, on
// the day typed (empty: today; a day ahead is refused in the form): the Wgs
// clock stops, and the agenda lets it go.
func TestFirstConversationStopsTheClock(t *testing.T) {
	f, _, _ := agendaFixture(t, 120, 40)
	f.openCase()
	f.see("Eerste gesprek: de termijn was vr 20 nov")
	f.press("S")
	f.see("Het eerste gesprek is gehouden")
	f.press("enter")
	f.see("Wanneer was het eerste gesprek?")
	f.typeText("morgen")
	f.press("enter")
	f.see("Deze dag ligt nog in de toekomst")
	if c := f.stored(); !c.FirstTalkOn.IsZero() {
		t.Fatalf("a first conversation tomorrow was saved: %s", c.FirstTalkOn)
	}
	for range len("morgen") {
		f.press("backspace")
	}
	f.typeText("gisteren")
	f.press("enter")
	f.see("Eerste gesprek genoteerd, maar na de termijn")
	if c := f.stored(); c.FirstTalkOn != testToday.AddDays(-1) {
		t.Fatalf("first conversation: %s", c.FirstTalkOn)
	}
	f.notSee("Eerste gesprek: de termijn")
	f.press("esc", "a")
	f.notSee("termijn was")
	f.press("esc")
	f.openCase()
	f.press("u")
	if c := f.stored(); !c.FirstTalkOn.IsZero() {
		t.Fatal("undo did not take the first conversation back")
	}
}

// An undo of a change to another case than the one open is saved to that
// case and leaves the open one as it is.
func TestUndoOfAnotherCaseLeavesTheOpenOne(t *testing.T) {
	f, late, _ := agendaFixture(t, 120, 40)
	f.press("a", "down", "space") // tick off the late step of Fatima's case
	other, err := f.st.CreateCase(ctx, marieke, actionlist.Case{Name: "Noor", Status: actionlist.CaseStabilisation, Language: actionlist.CaseDutch, Dose: 3})
	if err != nil {
		t.Fatal(err)
	}
	f.run(f.m.loadCase(other.ID, false)) // another case open now
	before := len(f.m.cs.c.Steps)
	f.press("u")
	if s, _ := f.stored().StepByID(late.ID); s.Status == actionlist.StepDone {
		t.Fatal("the undo did not reach Fatima's case")
	}
	if f.m.cs.c.ID != other.ID || len(f.m.cs.c.Steps) != before {
		t.Fatalf("the open case took the other case's steps: %s, %d steps (was %d)", f.m.cs.c.Name, len(f.m.cs.c.Steps), before)
	}
}
