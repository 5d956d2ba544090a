package store

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"houvast/actionlist"
)

// undoCase is a new case of the default template with a dose of two, on a
// store whose clock stands still.
func undoCase(t *testing.T) (*Store, actionlist.Case) {
	t.Helper()
	s, err := OpenMemory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.Now = func() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC) }
	n := 0
	c, err := s.CreateCase(ctx, specialist, actionlist.NewCase(actionlist.CaseSpec{
		Name: "Fatima", Language: actionlist.CaseDutch, Dose: 2, Start: today,
		Template: actionlist.DefaultTemplate(actionlist.Dutch),
	}, func() string { n++; return fmt.Sprintf("s%03d", n) }))
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}

// An undo of a larger dose takes back, in its own transaction, the dates
// the dose's promise gave the steps it brought into Now; a date someone
// changed since stays.
func TestUndoTakesBackThePromisedDates(t *testing.T) {
	s, c := undoCase(t)
	raised := c
	raised.Dose = 5
	saved, promised, err := s.UpdateCaseDated(ctx, specialist, c, raised)
	if err != nil {
		t.Fatal(err)
	}
	if len(promised) < 2 {
		t.Fatalf("the larger dose dated %d steps, want at least 2", len(promised))
	}
	// Another window gives one of them a date of its own.
	var theirs actionlist.Step
	for id := range promised {
		st, err := s.Step(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		theirs = st
		theirs.Due = today.AddDays(40)
		if _, err := s.UpdateStep(ctx, specialist, st, theirs); err != nil {
			t.Fatal(err)
		}
		break
	}
	done, err := s.Undo(ctx, specialist, Undo{Case: &CaseEdit{Before: saved, After: c}, Promised: promised})
	if err != nil {
		t.Fatal(err)
	}
	if done.Case.Dose != c.Dose {
		t.Fatalf("the undo returned dose %d, want %d", done.Case.Dose, c.Dose)
	}
	got, err := s.Case(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Dose != c.Dose {
		t.Fatalf("dose %d after the undo, want %d", got.Dose, c.Dose)
	}
	for _, st := range got.Steps {
		was, _ := c.StepByID(st.ID)
		want := was.Due
		if st.ID == theirs.ID {
			want = theirs.Due
		}
		if st.Due.Compare(want) != 0 {
			t.Errorf("step %q is due %q after the undo, want %q", st.Title, st.Due, want)
		}
	}
	// The screen gets the steps whose date went, as stored.
	for id := range promised {
		if id == theirs.ID {
			continue
		}
		i := -1
		for k, st := range done.Steps {
			if st.ID == id {
				i = k
			}
		}
		if i < 0 || !done.Steps[i].Due.IsZero() || done.Steps[i].Title == "" {
			t.Errorf("the undo does not return step %s without its date: %+v", id, done.Steps)
		}
	}
	evs, err := s.Events(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	taken := 0
	for _, e := range evs {
		if e.Field == "due" && e.New == "" && e.Old == promised[e.EntityID].String() {
			taken++
		}
	}
	if taken != len(promised)-1 {
		t.Errorf("%d events take a date back, want %d", taken, len(promised)-1)
	}
}

// An undo of a tick-off reopens the step before it takes back the date of
// the step that came in; one whose edit conflicts saves nothing, its dates
// included.
func TestUndoOfATickOffIsOneChange(t *testing.T) {
	s, c := undoCase(t)
	first := actionlist.Dose(c.Steps, c.Dose, today).Now[0]
	ticked := actionlist.TickOff(first, today, "Ahmed")
	saved, promised, err := s.UpdateStepsDated(ctx, specialist, StepEdit{first, ticked})
	if err != nil {
		t.Fatal(err)
	}
	if len(promised) != 1 {
		t.Fatalf("the tick-off dated %d steps, want 1", len(promised))
	}
	back := Undo{Steps: []StepEdit{{Before: saved[0], After: first}}, Promised: promised}

	// Another window says the step was done yesterday: the undo conflicts.
	other := saved[0]
	other.DoneOn = today.AddDays(-1)
	if _, err := s.UpdateStep(ctx, specialist, saved[0], other); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(ctx, specialist, back); !errors.Is(err, ErrConflict) {
		t.Fatalf("a conflicting undo: %v", err)
	}
	for id, due := range promised {
		if st, _ := s.Step(ctx, id); st.Due.Compare(due) != 0 {
			t.Fatalf("a refused undo took the date of %q back", st.Title)
		}
	}

	back.Steps[0].Before = other
	if _, err := s.Undo(ctx, specialist, back); err != nil {
		t.Fatal(err)
	}
	got, err := s.Case(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range got.Steps {
		was, _ := c.StepByID(st.ID)
		if st.Status != was.Status || st.Due.Compare(was.Due) != 0 {
			t.Errorf("step %q is %s, due %q after the undo; before the tick-off %s, due %q", st.Title, st.Status, st.Due, was.Status, was.Due)
		}
	}
}

// Undoing a reopen finishes the step again without the date its return to
// Now was promised: a done step holding a date nobody planned would be
// overdue at once when reopened later.
func TestUndoOfAReopenTakesBackItsDate(t *testing.T) {
	s, c := undoCase(t)
	first := actionlist.Dose(c.Steps, c.Dose, today).Now[0]
	undated := first
	undated.Due = actionlist.Date{}
	if _, err := s.UpdateStep(ctx, specialist, first, undated); err != nil {
		t.Fatal(err)
	}
	done := actionlist.TickOff(undated, today, "Ahmed")
	done, err := s.UpdateStep(ctx, specialist, undated, done)
	if err != nil {
		t.Fatal(err)
	}
	if !done.Due.IsZero() {
		t.Fatalf("the done step has a date: %s", done.Due)
	}
	reopened := actionlist.Reopen(done)
	saved, promised, err := s.UpdateStepsDated(ctx, specialist, StepEdit{done, reopened})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := promised[done.ID]; !ok || saved[0].Due.IsZero() {
		t.Fatalf("the reopened step came into Now without a date: %+v", promised)
	}
	if _, err := s.Undo(ctx, specialist, UndoSteps([]StepEdit{{done, reopened}}, saved, promised)); err != nil {
		t.Fatal(err)
	}
	got, err := s.Step(ctx, done.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != actionlist.StepDone || !got.Due.IsZero() {
		t.Errorf("after the undo the step is %s, due %q; want done without a date", got.Status, got.Due)
	}
}
