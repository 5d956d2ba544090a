package tui

import (
	"strings"
	"testing"
	"time"

	"houvast/actionlist"
	"houvast/store"
)

// A volunteer's change that clashed with the specialist's waits on the case
// screen; the specialist keeps their own or takes the volunteer's.
func TestConflictsFromAReturnFile(t *testing.T) {
	f := nl(t)
	c := f.stored()
	a, b := c.Steps[30], c.Steps[31]
	// The specialist changes both titles after the package went out.
	for _, s := range []actionlist.Step{a, b} {
		mine := s
		mine.Title = s.Title + " (specialist)"
		if _, err := f.st.UpdateStep(ctx, marieke, s, mine); err != nil {
			t.Fatal(err)
		}
	}
	sanne := actionlist.Actor{Name: "Sanne", Role: actionlist.RoleVolunteer}
	ev := func(s actionlist.Step) actionlist.Event {
		return actionlist.Event{ID: store.NewID(), CaseID: c.ID, Entity: actionlist.EntityStep, EntityID: s.ID,
			Action: actionlist.ActionChanged, Field: "title", Old: s.Title, New: s.Title + " (Sanne)",
			At: time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC), Actor: sanne}
	}
	rep, err := f.st.MergeReturn(ctx, marieke, store.ReturnInput{ReturnID: store.NewID(), PackageID: store.NewID(), CaseID: c.ID,
		Events: []actionlist.Event{ev(a), ev(b)}})
	if err != nil || len(rep.Conflicts) != 2 {
		t.Fatalf("merge: %v, %d conflicts", err, len(rep.Conflicts))
	}
	f.openCase()
	f.see("2 verschil(len) met wat de vrijwilliger terugstuurde")
	f.press("K")
	f.see("Verschillen met de vrijwilliger", "(specialist)", "Sanne: ", "(Sanne)")
	f.press("1") // keep mine for the first
	if got, _ := f.stored().StepByID(a.ID); got.Title != a.Title+" (specialist)" {
		t.Fatalf("keeping mine changed the title: %q", got.Title)
	}
	f.see("Jouw versie blijft")
	if len(f.m.cs.conflicts) != 1 {
		t.Fatalf("%d conflicts left, want 1", len(f.m.cs.conflicts))
	}
	f.press("2") // take Sanne's for the second
	if got, _ := f.stored().StepByID(b.ID); got.Title != b.Title+" (Sanne)" {
		t.Fatalf("taking the volunteer's: %q", got.Title)
	}
	if len(f.m.cs.conflicts) != 0 || f.m.screen != screenCase {
		t.Fatalf("conflicts left %d, screen %d", len(f.m.cs.conflicts), f.m.screen)
	}
	f.notSee("verschil(len)")
	f.press("h")
	f.see("verschil met vrijwilliger", "verschil opgelost")
}

// volunteersOpenStep is an open step of the demo case that a volunteer
// does, for a return file to tick off.
func volunteersOpenStep(t testing.TB, c actionlist.Case) actionlist.Step {
	t.Helper()
	for _, s := range c.Steps {
		if (s.Owner == actionlist.RoleVolunteer || s.Owner == actionlist.RoleTogether) && s.Status == actionlist.StepOpen {
			return s
		}
	}
	t.Fatal("the demo case has no open volunteer step")
	return actionlist.Step{}
}

func sanneChanges(caseID, stepID string, changes ...[3]string) []actionlist.Event {
	sanne := actionlist.Actor{Name: "Sanne", Role: actionlist.RoleVolunteer}
	var out []actionlist.Event
	for i, c := range changes {
		out = append(out, actionlist.Event{ID: store.NewID(), CaseID: caseID, Entity: actionlist.EntityStep, EntityID: stepID,
			Action: actionlist.ActionChanged, Field: c[0], Old: c[1], New: c[2],
			At: time.Date(2026, 11, 22, 12, 0, i, 0, time.UTC), Actor: sanne})
	}
	return out
}

// The volunteer's tick-off that clashed with the specialist's "waiting" is
// one choice on K, showing the state, the date and the name together; taking
// it over takes all three, so the step is done with its date and name.
func TestATickOffIsOneChoiceOnK(t *testing.T) {
	f := nl(t)
	s := clashingTickOff(f)
	f.openCase()
	f.see("1 verschil(len) met wat de vrijwilliger terugstuurde")
	f.press("K")
	f.see("stand, klaar op, klaar door", "stand klaar · klaar op 2026-11-22 · klaar door Sanne")
	if len(f.m.cs.conflicts) != 1 {
		t.Fatalf("%d choices on K, want 1", len(f.m.cs.conflicts))
	}
	f.press("2")
	got, _ := f.stored().StepByID(s.ID)
	if got.Status != actionlist.StepDone || got.DoneOn != actionlist.MustDate("2026-11-22") || got.DoneBy != "Sanne" {
		t.Fatalf("taking the tick-off over: %+v", got)
	}
	if len(f.m.cs.conflicts) != 0 {
		t.Errorf("%d choices left", len(f.m.cs.conflicts))
	}
}

// A change to a step deleted here shows the step by its name; it cannot be
// taken over, and the screen says so and what to do.
func TestAChangeToADeletedStepOnK(t *testing.T) {
	f := nl(t)
	c := f.stored()
	s := volunteersOpenStep(t, c)
	if err := f.st.DeleteStep(ctx, marieke, s.ID); err != nil {
		t.Fatal(err)
	}
	evs := sanneChanges(c.ID, s.ID, [3]string{"work_note", "", "Gebeld, brief komt"})
	if _, err := f.st.MergeReturn(ctx, marieke, store.ReturnInput{ReturnID: store.NewID(), PackageID: store.NewID(), CaseID: c.ID, Events: evs}); err != nil {
		t.Fatal(err)
	}
	f.openCase()
	f.press("K")
	f.see(s.Title+" (hier weggehaald)", "de stap is weggehaald", "Gebeld, brief komt")
	f.notSee("(stap verwijderd)", "die van de vrijwilliger nemen")
	f.press("2")
	f.see("kan niet worden overgenomen")
	if st, _ := f.stored().StepByID(s.ID); st != nil {
		t.Fatal("taking the change over brought the step back")
	}
	f.press("1")
	if len(f.m.cs.conflicts) != 0 {
		t.Errorf("%d choices left after keeping what is here", len(f.m.cs.conflicts))
	}
}

// A screen never shows a number that looks like a BSN in full, also not in
// the sentence that names the step; what is stored stays as it was typed.
func TestScreensMaskABSNInATitle(t *testing.T) {
	f := nl(t)
	f.openCase()
	s := f.m.cs.dosing.Now[0]
	after := s
	after.Title = "Kopie id met BSN 111222333"
	if _, err := f.st.UpdateStep(ctx, marieke, s, after); err != nil {
		t.Fatal(err)
	}
	f.press("esc")
	f.openCase()
	f.see("Kopie id met BSN ******333")
	f.notSee("111222333")
	f.press("space")
	f.see("✓ Klaar: Kopie id met BSN ******333")
	f.notSee("111222333")
	if got, _ := f.stored().StepByID(s.ID); got.Title != after.Title {
		t.Errorf("the stored title changed: %q", got.Title)
	}
}

// At 80 columns, in Dutch, K's footer offers both choices.
func TestKOffersBothChoicesAt80Columns(t *testing.T) {
	f := newFixture(t, actionlist.Dutch, 80, 24)
	clashingTickOff(f)
	f.openCase()
	f.press("K")
	lines := strings.Split(f.screen(), "\n")
	footer := lines[len(lines)-1]
	for _, want := range []string{"1 " + f.m.t.KeyKeepMine, "2 " + f.m.t.KeyTakeTheirs} {
		if !strings.Contains(footer, want) {
			t.Errorf("the footer %q does not offer %q", footer, want)
		}
	}
}

// clashingTickOff sets the case's first volunteer's step waiting here, then
// merges Sanne's tick-off of it, which clashes: one choice on K. It
// returns the step as it was before.
func clashingTickOff(f *fixture) actionlist.Step {
	f.t.Helper()
	c := f.stored()
	s := volunteersOpenStep(f.t, c)
	waiting := s
	waiting.Status = actionlist.StepWaiting
	if _, err := f.st.UpdateStep(ctx, marieke, s, waiting); err != nil {
		f.t.Fatal(err)
	}
	evs := sanneChanges(c.ID, s.ID, [3]string{"status", "open", "done"}, [3]string{"done_on", "", "2026-11-22"}, [3]string{"done_by", "", "Sanne"})
	rep, err := f.st.MergeReturn(ctx, marieke, store.ReturnInput{ReturnID: store.NewID(), PackageID: store.NewID(), CaseID: c.ID, Events: evs})
	if err != nil || len(rep.Conflicts) != 1 {
		f.t.Fatalf("merge: %v, %d conflicts", err, len(rep.Conflicts))
	}
	return s
}
