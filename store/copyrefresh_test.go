package store

import (
	"errors"
	"strconv"
	"testing"

	"houvast/actionlist"
)

// stepsCopy is a case on the specialist's laptop with three volunteer steps,
// and the volunteer's copy of it.
type stepsCopy struct {
	t         *testing.T
	spec, vol *Store
	id        string
	packages  int
}

func newStepsCopy(t *testing.T) *stepsCopy {
	t.Helper()
	sc := &stepsCopy{t: t}
	sc.spec, _ = openTemp(t)
	sc.vol, _ = openTemp(t)
	c := mustCreate(t, sc.spec)
	sc.id = c.ID
	for _, st := range []actionlist.Step{
		{ID: "v2", Phase: actionlist.PhaseIncome, Title: "Fill in the allowance form", Owner: actionlist.RoleVolunteer, OwnerName: "Sanne", Status: actionlist.StepOpen},
		{ID: "v3", Phase: actionlist.PhaseIncome, Order: 1, Title: "Call the water board", Owner: actionlist.RoleTogether, OwnerName: "Sanne", Status: actionlist.StepOpen},
	} {
		if _, err := sc.spec.AddStep(ctx, specialist, c.ID, st); err != nil {
			t.Fatal(err)
		}
	}
	sc.refresh()
	return sc
}

// refresh imports a new package of the specialist's case as it is now.
func (sc *stepsCopy) refresh() VolunteerImport {
	sc.t.Helper()
	c, err := sc.spec.Case(ctx, sc.id)
	if err != nil {
		sc.t.Fatal(err)
	}
	sc.packages++
	res, err := sc.vol.ImportVolunteerCopy(ctx, volunteer, volunteerCopy(c), VolunteerOrigin{PackageID: "p" + strconv.Itoa(sc.packages), MadeBy: "Ahmed"}, pkgFields)
	if err != nil {
		sc.t.Fatal(err)
	}
	return res
}

// step is a step as s holds it; ok is false when it is not there.
func (sc *stepsCopy) step(s *Store, id string) (actionlist.Step, bool) {
	sc.t.Helper()
	st, _, err := loadStepRow(ctx, s.db, id)
	if errors.Is(err, ErrNotFound) {
		return st, false
	}
	if err != nil {
		sc.t.Fatal(err)
	}
	return st, true
}

func (sc *stepsCopy) edit(s *Store, who actionlist.Actor, id string, fn func(*actionlist.Step)) {
	sc.t.Helper()
	before, ok := sc.step(s, id)
	if !ok {
		sc.t.Fatalf("no step %s", id)
	}
	after := before
	fn(&after)
	if _, err := s.UpdateStep(ctx, who, before, after); err != nil {
		sc.t.Fatal(err)
	}
}

// merge makes a return file on the copy and merges it on the specialist's
// laptop.
func (sc *stepsCopy) merge() MergeReport {
	sc.t.Helper()
	o, evs, err := sc.vol.ReturnEvents(ctx, sc.id)
	if err != nil {
		sc.t.Fatal(err)
	}
	rep, err := sc.spec.MergeReturn(ctx, specialist, ReturnInput{ReturnID: "r" + strconv.Itoa(sc.packages), PackageID: o.PackageID, CaseID: o.CaseID, Events: evs})
	if err != nil {
		sc.t.Fatal(err)
	}
	return rep
}

// The volunteer's tick, work note and deleted step stay on the copy however
// many packages come in before the specialist has taken them over, and the
// return file still carries them.
func TestVolunteersWorkStaysOverRefreshes(t *testing.T) {
	sc := newStepsCopy(t)
	sc.edit(sc.vol, volunteer, "s2", func(st *actionlist.Step) { *st = actionlist.TickOff(*st, today, "Sanne") })
	sc.edit(sc.vol, volunteer, "v2", func(st *actionlist.Step) { st.WorkNote = "form sent on Monday" })
	if err := sc.vol.DeleteStep(ctx, volunteer, "v3"); err != nil {
		t.Fatal(err)
	}
	for n := range 3 {
		// The specialist works on the case too, on fields that are theirs.
		sc.edit(sc.spec, specialist, "s2", func(st *actionlist.Step) { st.Title = "Sort the post, round " + strconv.Itoa(n) })
		res := sc.refresh()
		if res.Kept != 4 || res.Added != 0 || res.Changed != 1 {
			t.Errorf("refresh %d: %+v", n+2, res)
		}
		s2, _ := sc.step(sc.vol, "s2")
		if s2.Status != actionlist.StepDone || s2.DoneOn != today || s2.DoneBy != "Sanne" || s2.Title != "Sort the post, round "+strconv.Itoa(n) {
			t.Errorf("s2 after refresh %d: %s on %s by %q, %q", n+2, s2.Status, s2.DoneOn, s2.DoneBy, s2.Title)
		}
		if v2, _ := sc.step(sc.vol, "v2"); v2.WorkNote != "form sent on Monday" {
			t.Errorf("v2's note after refresh %d: %q", n+2, v2.WorkNote)
		}
		if _, ok := sc.step(sc.vol, "v3"); ok {
			t.Errorf("the deleted step is back after refresh %d", n+2)
		}
	}
	_, evs, err := sc.vol.ReturnEvents(ctx, sc.id)
	if err != nil {
		t.Fatal(err)
	}
	if got := actionlist.CountChanges(evs); got != 3 {
		t.Errorf("the return file holds %d changes, want the tick, the note and the deletion: %+v", got, evs)
	}
}

// Once the specialist has merged the return file, what they do with the
// volunteer's fields afterwards reaches the copy with the next package, with
// or without a package in between that showed the volunteer's values.
func TestSpecialistsLaterValueWinsAfterMerge(t *testing.T) {
	sc := newStepsCopy(t)
	sc.edit(sc.vol, volunteer, "s2", func(st *actionlist.Step) { *st = actionlist.TickOff(*st, today, "Sanne") })
	sc.edit(sc.vol, volunteer, "v2", func(st *actionlist.Step) { st.WorkNote = "form sent" })
	sc.refresh()
	sc.refresh()
	if rep := sc.merge(); len(rep.Applied) != 2 || len(rep.Conflicts) != 0 {
		t.Fatalf("merge: %+v", rep)
	}
	// Straight after the merge the specialist adds to the note and corrects
	// the day it was done.
	sc.edit(sc.spec, specialist, "v2", func(st *actionlist.Step) { st.WorkNote = "form sent; the allowance starts in January" })
	sc.edit(sc.spec, specialist, "s2", func(st *actionlist.Step) { st.DoneOn = today.AddDays(-1) })
	if res := sc.refresh(); res.Kept != 0 || res.Changed != 2 {
		t.Errorf("the refresh after the merge: %+v", res)
	}
	if v2, _ := sc.step(sc.vol, "v2"); v2.WorkNote != "form sent; the allowance starts in January" {
		t.Errorf("v2's note: %q", v2.WorkNote)
	}
	if s2, _ := sc.step(sc.vol, "s2"); s2.Status != actionlist.StepDone || s2.DoneOn != today.AddDays(-1) || s2.DoneBy != "Sanne" {
		t.Errorf("s2: %s on %s by %q", s2.Status, s2.DoneOn, s2.DoneBy)
	}
	// That package showed the tick taken over; the specialist reopens the
	// step, and the next package brings that.
	sc.edit(sc.spec, specialist, "s2", func(st *actionlist.Step) { *st = actionlist.Reopen(*st) })
	if res := sc.refresh(); res.Kept != 0 || res.Changed != 1 {
		t.Errorf("the refresh after reopening: %+v", res)
	}
	if s2, _ := sc.step(sc.vol, "s2"); s2.Status != actionlist.StepOpen || !s2.DoneOn.IsZero() || s2.DoneBy != "" {
		t.Errorf("s2 after the specialist reopened it: %s on %s by %q", s2.Status, s2.DoneOn, s2.DoneBy)
	}
	// The volunteer's work after that is theirs again.
	sc.edit(sc.vol, volunteer, "v2", func(st *actionlist.Step) { st.WorkNote = "asked about January" })
	sc.refresh()
	sc.refresh()
	if v2, _ := sc.step(sc.vol, "v2"); v2.WorkNote != "asked about January" {
		t.Errorf("v2's newer note: %q", v2.WorkNote)
	}
}

// A step the volunteer deleted stays away while packages hold it; once a
// package no longer holds it (the specialist took it back), a later package
// that holds it again brings it.
func TestDeletedStepComesBackOnlyWhenSharedAgain(t *testing.T) {
	sc := newStepsCopy(t)
	if err := sc.vol.DeleteStep(ctx, volunteer, "v3"); err != nil {
		t.Fatal(err)
	}
	sc.refresh()
	sc.refresh()
	if _, ok := sc.step(sc.vol, "v3"); ok {
		t.Fatal("the deleted step is back")
	}
	sc.edit(sc.spec, specialist, "v3", func(st *actionlist.Step) { st.Owner = actionlist.RoleSpecialist })
	sc.refresh()
	sc.edit(sc.spec, specialist, "v3", func(st *actionlist.Step) { st.Owner = actionlist.RoleVolunteer })
	if res := sc.refresh(); res.Added != 1 {
		t.Errorf("shared again: %+v", res)
	}
	if _, ok := sc.step(sc.vol, "v3"); !ok {
		t.Error("the step shared again did not come")
	}
}

// A tick-off is one change: when a package brings the specialist's own state
// for a step whose tick stayed on the copy, the day and name go with it.
func TestSpecialistsStateTakesTheWholeTickOff(t *testing.T) {
	sc := newStepsCopy(t)
	sc.edit(sc.vol, volunteer, "s2", func(st *actionlist.Step) { *st = actionlist.TickOff(*st, today, "Sanne") })
	sc.refresh()
	sc.edit(sc.spec, specialist, "s2", func(st *actionlist.Step) {
		*st = actionlist.SetStatus(*st, actionlist.StepInProgress, today, "Ahmed")
	})
	if res := sc.refresh(); res.Kept != 0 || res.Changed != 1 {
		t.Errorf("refresh: %+v", res)
	}
	if s2, _ := sc.step(sc.vol, "s2"); s2.Status != actionlist.StepInProgress || !s2.DoneOn.IsZero() || s2.DoneBy != "" {
		t.Errorf("s2: %s on %s by %q", s2.Status, s2.DoneOn, s2.DoneBy)
	}
}
