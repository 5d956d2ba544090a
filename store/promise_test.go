package store

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"houvast/actionlist"
)

// The dose keeps its promise whatever changes it: over random sequences of
// tick-offs, reopenings, new doses, pins, push-backs, added and deleted
// steps, imports and undos, no step in Now is ever without a due date.
func TestNoStepInNowWithoutADate(t *testing.T) {
	for seed := uint64(1); seed <= 4; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			promiseRun(t, rand.New(rand.NewPCG(seed, 13)), 100)
		})
	}
}

func promiseRun(t *testing.T, rng *rand.Rand, ops int) {
	s, err := OpenMemory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	clock := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return clock }
	day := func() actionlist.Date { return actionlist.DateOf(clock) }
	n := 0
	c, err := s.CreateCase(ctx, specialist, actionlist.NewCase(actionlist.CaseSpec{
		Name: "Fatima", Language: actionlist.CaseDutch, Dose: 1 + rng.IntN(7), Start: day(),
		Template: actionlist.DefaultTemplate(actionlist.Dutch),
	}, func() string { n++; return fmt.Sprintf("s%03d", n) }))
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{c.ID}
	var undo []Undo
	pick := func(steps []actionlist.Step, ok func(actionlist.Step) bool) (actionlist.Step, bool) {
		var in []actionlist.Step
		for _, st := range steps {
			if ok(st) {
				in = append(in, st)
			}
		}
		if len(in) == 0 {
			return actionlist.Step{}, false
		}
		return in[rng.IntN(len(in))], true
	}
	edit := func(before, after actionlist.Step) {
		saved, promised, err := s.UpdateStepsDated(ctx, specialist, StepEdit{before, after})
		if err != nil {
			t.Fatal(err)
		}
		undo = append(undo, UndoSteps([]StepEdit{{before, after}}, saved, promised))
	}
	var done []string
	for op := range ops {
		id := ids[rng.IntN(len(ids))]
		c, err := s.Case(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		now := actionlist.Dose(c.Steps, c.Dose, day())
		open := func(st actionlist.Step) bool { return !st.Status.Finished() }
		var what string
		switch k := rng.IntN(10); k {
		case 0, 1:
			what = "tick"
			if len(now.Now) > 0 {
				st := now.Now[rng.IntN(len(now.Now))]
				edit(st, actionlist.TickOff(st, day(), "Ahmed"))
			}
		case 2:
			what = "reopen"
			if st, ok := pick(c.Steps, func(st actionlist.Step) bool { return st.Status.Finished() }); ok {
				edit(st, actionlist.Reopen(st))
			}
		case 3:
			what = "dose"
			after := c
			after.Dose = 1 + rng.IntN(7)
			saved, promised, err := s.UpdateCaseDated(ctx, specialist, c, after)
			if err != nil {
				t.Fatal(err)
			}
			undo = append(undo, Undo{Case: &CaseEdit{Before: saved, After: c}, Promised: promised})
		case 4:
			what = "pin"
			if st, ok := pick(c.Steps, open); ok {
				edit(st, actionlist.TogglePin(st))
			}
		case 5:
			what = "push back"
			if st, ok := pick(c.Steps, open); ok {
				edit(st, actionlist.PushBack(st))
			}
		case 6:
			what = "add"
			ph := actionlist.Phases[rng.IntN(len(actionlist.Phases))]
			if _, err := s.AddStep(ctx, specialist, id, actionlist.Step{Phase: ph, Order: -1 - op, Title: fmt.Sprint("step ", op),
				Owner: actionlist.RoleResident, Status: actionlist.StepOpen, Days: rng.IntN(10)}); err != nil {
				t.Fatal(err)
			}
		case 7:
			what = "delete"
			if st, ok := pick(c.Steps, func(st actionlist.Step) bool { return !slices.Contains(done, st.ID) }); ok && len(c.Steps) > 3 {
				if err := s.DeleteStep(ctx, specialist, st.ID); err != nil {
					t.Fatal(err)
				}
				done = append(done, st.ID)
				// An undo that names a deleted step cannot be made.
				undo = slices.DeleteFunc(undo, func(u Undo) bool {
					return slices.ContainsFunc(u.Steps, func(e StepEdit) bool { return e.Before.ID == st.ID })
				})
			}
		case 8:
			what = "import"
			if len(ids) > 3 {
				break
			}
			// A file made elsewhere, whose Now may hold steps without a date.
			file := c
			file.Steps = slices.Clone(c.Steps)
			for i := range file.Steps {
				if rng.IntN(2) == 0 {
					file.Steps[i].Due = actionlist.Date{}
				}
			}
			res, err := s.ImportCase(ctx, specialist, file, nil, true)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, res.Case.ID)
		default:
			what = "undo"
			if len(undo) > 0 {
				u := undo[len(undo)-1]
				undo = undo[:len(undo)-1]
				if _, err := s.Undo(ctx, specialist, u); err != nil {
					t.Fatal(err)
				}
			}
		}
		if rng.IntN(8) == 0 {
			clock = clock.AddDate(0, 0, 1+rng.IntN(5)) // days pass between conversations
		}
		for _, id := range []string{id, ids[len(ids)-1]} { // the case changed, and the latest import
			c, err := s.Case(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			for _, st := range actionlist.Dose(c.Steps, c.Dose, day()).Now {
				// No operation here empties a date by hand, the one way a
				// step in Now may stay without one.
				if st.Due.IsZero() {
					t.Fatalf("after op %d (%s): step %q is in Now without a date", op, what, st.Title)
				}
			}
		}
	}
}
