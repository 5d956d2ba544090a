package tui

import (
	"testing"

	"houvast/actionlist"
	"houvast/store"
)

// An undo takes back the due dates the change's promise gave: a step the
// change brought into Now leaves it again without the date it got, or it
// would count as overdue one day and barge into Now unplanned.
func TestUndoTakesBackThePromisedDates(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(f *fixture)
		setup  func(f *fixture) // before the case opens
	}{
		{"a larger dose", func(f *fixture) { f.press("d", "right", "right", "enter") }, nil}, // 3 -> 5
		{"a tick-off", func(f *fixture) { f.press("space") }, nil},
		{"a push back", func(f *fixture) { f.press("l") }, nil},
		{"a pin from all steps", pinALaterStep, nil},
		{"a reopen from all steps", reopenADoneStep, finishAStepUndated},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := nl(t)
			if tc.setup != nil {
				tc.setup(f)
			}
			f.openCase()
			before := f.stored()
			tc.change(f)
			if len(datedSince(before, f.stored())) == 0 {
				t.Fatal("the change brought no step into Now with a new date")
			}
			f.press("u")
			f.see("Teruggedraaid")
			after := f.stored()
			if after.Dose != before.Dose {
				t.Fatalf("dose %d after undo, want %d", after.Dose, before.Dose)
			}
			if got := datedSince(before, after); len(got) > 0 {
				t.Errorf("after undo these steps keep the date the change gave them: %v", got)
			}
			// The screen shows what is stored.
			if got := datedSince(before, f.m.cs.c); len(got) > 0 {
				t.Errorf("after undo the screen shows these steps with the date the change gave them: %v", got)
			}
			f.press("u")
			f.see("niets om terug te draaien")
		})
	}
}

// pinALaterStep pins, on the list of all steps, the first step without a
// date that is out of Now only because the dose is full.
func pinALaterStep(f *fixture) {
	f.t.Helper()
	f.press("s")
	for range f.m.stepRows() {
		if row, ok := f.m.chosenRow(); ok && row.Due.IsZero() && f.m.cs.dosing.Why[row.ID].Place == actionlist.LaterFull {
			f.press("p")
			return
		}
		f.press("down")
	}
	f.t.Fatal("no step to pin into Now")
}

// finishAStepUndated marks the first step of Now done, without a date.
func finishAStepUndated(f *fixture) {
	f.t.Helper()
	c := f.stored()
	first := actionlist.Dose(c.Steps, c.Dose, f.m.today()).Now[0]
	done := actionlist.TickOff(first, f.m.today(), "Ahmed")
	done.Due = actionlist.Date{}
	if _, err := f.st.UpdateStep(ctx, marieke, first, done); err != nil {
		f.t.Fatal(err)
	}
}

// reopenADoneStep reopens, on the list of all steps, the first finished
// step without a date: it comes back into Now, and gets one.
func reopenADoneStep(f *fixture) {
	f.t.Helper()
	f.press("s")
	for range f.m.stepRows() {
		if row, ok := f.m.chosenRow(); ok && row.Due.IsZero() && row.Status == actionlist.StepDone {
			f.press("space")
			return
		}
		f.press("down")
	}
	f.t.Fatal("no finished step without a date to reopen")
}

// datedSince names the steps that have a due date in after and had none in
// before.
func datedSince(before, after actionlist.Case) []string {
	var out []string
	for _, s := range after.Steps {
		if b, _ := before.StepByID(s.ID); b != nil && b.Due.IsZero() && !s.Due.IsZero() {
			out = append(out, s.Title)
		}
	}
	return out
}

// A date someone changed since the change is theirs: the undo keeps it,
// and takes the rest of the change back all the same.
func TestUndoKeepsADateChangedSince(t *testing.T) {
	f := nl(t)
	f.openCase()
	before := f.stored()
	ticked := f.m.cs.dosing.Now[0]
	f.press("space")
	var newcomer actionlist.Step
	for _, s := range f.stored().Steps {
		if b, _ := before.StepByID(s.ID); b.Due.IsZero() && !s.Due.IsZero() {
			newcomer = s
		}
	}
	if newcomer.ID == "" {
		t.Fatal("the tick-off brought no step into Now with a new date")
	}
	// Another window gives the newcomer a date of its own.
	theirs := newcomer
	theirs.Due = testToday.AddDays(30)
	if _, err := f.st.UpdateStep(ctx, marieke, newcomer, theirs); err != nil {
		t.Fatal(err)
	}
	f.press("u")
	f.see("Teruggedraaid")
	after := f.stored()
	if s, _ := after.StepByID(ticked.ID); s.Status != ticked.Status {
		t.Fatalf("the tick-off was not taken back: %s", s.Status)
	}
	if s, _ := after.StepByID(newcomer.ID); s.Due.Compare(theirs.Due) != 0 {
		t.Fatalf("the date set since became %s, want %s", s.Due, theirs.Due)
	}
	if got := datedSince(before, after); len(got) != 1 || got[0] != newcomer.Title {
		t.Errorf("after undo these steps have a date they did not have: %v", got)
	}
}

// u on a case's screen takes back only that case's changes: a change made
// in another case is never taken back out of sight. On the agenda, which
// is across cases, u takes back the last change anywhere and names its
// case.
func TestUndoStaysInTheCaseOnScreen(t *testing.T) {
	f := nl(t)
	other, err := f.st.CreateCase(ctx, marieke, actionlist.NewCase(actionlist.CaseSpec{
		Name: "Kees", Language: actionlist.CaseDutch, Dose: 3, Start: f.m.today(),
		Template: actionlist.DefaultTemplate(actionlist.Dutch),
	}, store.NewID))
	if err != nil {
		t.Fatal(err)
	}
	f.openCase()
	ticked := f.m.cs.dosing.Now[0]
	f.press("space")
	if st, _ := f.st.Step(ctx, ticked.ID); st.Status != actionlist.StepDone {
		t.Fatalf("the tick-off was not saved: %s", st.Status)
	}
	f.press("esc")
	for f.m.list.rows[f.m.list.cursor].ID != other.ID {
		f.press("down")
	}
	f.press("enter")
	if f.m.cs.c.ID != other.ID {
		t.Fatalf("opened %s, want Kees", f.m.cs.c.Name)
	}
	f.press("u")
	f.see(f.m.t.NothingUndoHere)
	if st, _ := f.st.Step(ctx, ticked.ID); st.Status != actionlist.StepDone {
		t.Fatalf("u on Kees's screen took back a tick-off in %s", f.c.Name)
	}
	f.press("esc", "a")
	f.press("u")
	f.see("Teruggedraaid in " + f.c.Ref)
	if st, _ := f.st.Step(ctx, ticked.ID); st.Status == actionlist.StepDone {
		t.Error("u on the agenda did not take the tick-off back")
	}
}
