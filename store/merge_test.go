package store

import (
	"errors"
	"testing"
	"time"

	"houvast/actionlist"
)

// volunteerEvents are changes as a volunteer's copy records them.
func volunteerEvents(prefix string, changes ...[4]string) []actionlist.Event {
	var out []actionlist.Event
	for i, c := range changes {
		out = append(out, actionlist.Event{ID: prefix + string(rune('a'+i)), Entity: actionlist.EntityStep, EntityID: c[0],
			Action: actionlist.ActionChanged, Field: c[1], Old: c[2], New: c[3],
			At: time.Date(2026, 11, 22, 12, 0, i, 0, time.UTC), Actor: volunteer})
	}
	return out
}

func tickOffEvents(prefix, step string) []actionlist.Event {
	return volunteerEvents(prefix, [4]string{step, "status", "open", "done"}, [4]string{step, "done_on", "", today.String()}, [4]string{step, "done_by", "", "Sanne"})
}

func mustStep(t *testing.T, s *Store, id string) actionlist.Step {
	t.Helper()
	st, _, err := loadStepRow(ctx, s.db, id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// A change to a step that never was in the case refuses the whole file: the
// good changes beside it are not taken either.
func TestMergeRefusesAStepThatNeverWas(t *testing.T) {
	s, _ := openTemp(t)
	c := mustCreate(t, s)
	evs := append(volunteerEvents("g", [4]string{"s2", "work_note", "", "Gebeld"}), volunteerEvents("x", [4]string{"never-was", "work_note", "", "x"})...)
	seq, _ := s.Seq(ctx)
	_, err := s.MergeReturn(ctx, specialist, ReturnInput{ReturnID: "r", PackageID: "p", CaseID: c.ID, Events: evs})
	var mr *MergeRefusal
	if !errors.As(err, &mr) || mr.Why != MergeUnknownStep || mr.StepID != "never-was" {
		t.Fatalf("merge: %v", err)
	}
	if after, _ := s.Seq(ctx); after != seq || mustStep(t, s, "s2").WorkNote != "" {
		t.Error("a refused file changed the case")
	}
	// A step that was in the case and was deleted here is no refusal, but
	// a difference that names the step as it was.
	if err := s.DeleteStep(ctx, specialist, "s3"); err != nil {
		t.Fatal(err)
	}
	rep, err := s.MergeReturn(ctx, specialist, ReturnInput{ReturnID: "r", PackageID: "p", CaseID: c.ID,
		Events: volunteerEvents("d", [4]string{"s3", "work_note", "", "Brief verstuurd"})})
	if err != nil || len(rep.Conflicts) != 1 || !rep.Conflicts[0].Gone || rep.Conflicts[0].Title != "Write to creditors" {
		t.Fatalf("a change to a step deleted here: %+v %v", rep.Conflicts, err)
	}
	open, err := s.OpenConflicts(ctx, c.ID)
	if err != nil || len(open) != 1 || !open[0].Gone || open[0].Title != "Write to creditors" || open[0].Fields[0].Offered != "Brief verstuurd" {
		t.Fatalf("open conflicts: %+v %v", open, err)
	}
}

// A return file that would leave a step done without its date or name is
// refused whole.
func TestMergeRefusesADoneStepWithoutItsDate(t *testing.T) {
	s, _ := openTemp(t)
	c := mustCreate(t, s)
	// s1 is done; a hand-edited file empties its date.
	evs := volunteerEvents("e", [4]string{"s1", "done_on", "2026-10-03", ""})
	seq, _ := s.Seq(ctx)
	_, err := s.MergeReturn(ctx, specialist, ReturnInput{ReturnID: "r", PackageID: "p", CaseID: c.ID, Events: evs})
	var mr *MergeRefusal
	if !errors.As(err, &mr) || mr.Why != MergeDoneUnrecorded || mr.Title != "Check threats" {
		t.Fatalf("merge: %v", err)
	}
	if after, _ := s.Seq(ctx); after != seq || mustStep(t, s, "s1").DoneOn.IsZero() {
		t.Error("a refused file changed the case")
	}
}

// A tick-off is one change: taken over whole or held back whole, one
// choice on K, resolved whole.
func TestMergeKeepsATickOffTogether(t *testing.T) {
	s, _ := openTemp(t)
	c := mustCreate(t, s)
	s2 := mustStep(t, s, "s2")
	waiting := s2
	waiting.Status = actionlist.StepWaiting
	if _, err := s.UpdateStep(ctx, specialist, s2, waiting); err != nil {
		t.Fatal(err)
	}
	evs := append(tickOffEvents("t", "s2"), volunteerEvents("n", [4]string{"s2", "work_note", "", "Alles gesorteerd"})...)
	rep, err := s.MergeReturn(ctx, specialist, ReturnInput{ReturnID: "r", PackageID: "p", CaseID: c.ID, Events: evs})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Conflicts) != 1 || len(rep.Conflicts[0].Fields) != 3 || len(rep.Applied) != 1 || rep.Applied[0].Fields[0].Field != "work_note" {
		t.Fatalf("conflicts %+v, applied %+v", rep.Conflicts, rep.Applied)
	}
	if got := mustStep(t, s, "s2"); got.Status != actionlist.StepWaiting || !got.DoneOn.IsZero() || got.DoneBy != "" {
		t.Errorf("part of the tick-off arrived: %+v", got)
	}
	open, err := s.OpenConflicts(ctx, c.ID)
	if err != nil || len(open) != 1 || len(open[0].Fields) != 3 || len(open[0].EventIDs) != 3 {
		t.Fatalf("open conflicts: %+v %v", open, err)
	}
	// Taking the volunteer's version is one edit of the three fields.
	cur := mustStep(t, s, "s2")
	after := cur
	for _, f := range open[0].Fields {
		if err := actionlist.SetStepField(&after, f.Field, f.Offered); err != nil {
			t.Fatal(err)
		}
	}
	if after.DoneWithoutRecord() || after.Status != actionlist.StepDone {
		t.Fatalf("the volunteer's version is not whole: %+v", after)
	}
	if _, err := s.UpdateStep(ctx, specialist, cur, after); err != nil {
		t.Fatal(err)
	}
	if open, _ := s.OpenConflicts(ctx, c.ID); len(open) != 0 {
		t.Errorf("still open after taking it over: %+v", open)
	}

	// Keeping one's own closes all three at once; and the change of one of
	// them alone closes the choice too.
	for _, how := range []string{"resolve", "edit one"} {
		s, _ := openTemp(t)
		c := mustCreate(t, s)
		s2 := mustStep(t, s, "s2")
		waiting := s2
		waiting.Status = actionlist.StepWaiting
		if _, err := s.UpdateStep(ctx, specialist, s2, waiting); err != nil {
			t.Fatal(err)
		}
		if _, err := s.MergeReturn(ctx, specialist, ReturnInput{ReturnID: "r", PackageID: "p", CaseID: c.ID, Events: tickOffEvents("t", "s2")}); err != nil {
			t.Fatal(err)
		}
		open, _ := s.OpenConflicts(ctx, c.ID)
		if len(open) != 1 {
			t.Fatalf("%s: %d open", how, len(open))
		}
		if how == "resolve" {
			if err := s.ResolveConflict(ctx, specialist, c.ID, open[0].EventIDs...); err != nil {
				t.Fatal(err)
			}
		} else {
			cur := mustStep(t, s, "s2")
			after := cur
			after.DoneBy = "Ahmed"
			if _, err := s.UpdateStep(ctx, specialist, cur, after); err != nil {
				t.Fatal(err)
			}
		}
		if open, _ := s.OpenConflicts(ctx, c.ID); len(open) != 0 {
			t.Errorf("%s: still open: %+v", how, open)
		}
	}
}

// A tick-off that arrives brings the next step into Now, and that step gets
// a due date in the same transaction, as a tick-off on the screen does.
func TestMergePlansTheStepsItBringsIntoNow(t *testing.T) {
	s, _ := openTemp(t)
	c := mustCreate(t, s)
	if mustStep(t, s, "s3").Due != (actionlist.Date{}) {
		t.Fatal("the fixture's s3 has a due date")
	}
	rep, err := s.MergeReturn(ctx, specialist, ReturnInput{ReturnID: "r", PackageID: "p", CaseID: c.ID, Events: tickOffEvents("t", "s2")})
	if err != nil {
		t.Fatal(err)
	}
	s3 := mustStep(t, s, "s3")
	if len(rep.Planned) != 1 || rep.Planned[0].ID != "s3" || s3.Due.IsZero() {
		t.Fatalf("planned %+v; s3 due %v", rep.Planned, s3.Due)
	}
	got, _ := s.Case(ctx, c.ID)
	for _, st := range actionlist.Dose(got.Steps, got.Dose, actionlist.DateOf(s.Now())).Now {
		if st.Due.IsZero() {
			t.Errorf("%q is in Now without a date", st.Title)
		}
	}
	evs, _ := s.Events(ctx, c.ID)
	found := false
	for _, e := range evs {
		found = found || (e.EntityID == "s3" && e.Field == "due" && e.Actor == specialist)
	}
	if !found {
		t.Error("the due date was not recorded as the specialist's change")
	}
}

// A change on the volunteer's copy to a field that stays home (a team's
// note written there) does not go back in the return file, which a
// specialist's laptop would refuse whole.
func TestReturnEventsLeaveOutWhatStaysHome(t *testing.T) {
	spec, _ := openTemp(t)
	c := mustCreate(t, spec)
	vol, _ := openTemp(t)
	if _, err := vol.ImportVolunteerCopy(ctx, volunteer, volunteerCopy(c), VolunteerOrigin{PackageID: "p"}, pkgFields); err != nil {
		t.Fatal(err)
	}
	st := mustStep(t, vol, "s2")
	after := st
	after.InternalNote, after.WorkNote = "team note on the copy", "called"
	if _, err := vol.UpdateStep(ctx, volunteer, st, after); err != nil {
		t.Fatal(err)
	}
	_, evs, err := vol.ReturnEvents(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].Field != "work_note" {
		t.Errorf("the return holds %+v", evs)
	}
}
