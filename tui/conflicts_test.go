package tui

import (
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
