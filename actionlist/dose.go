package actionlist

import (
	"cmp"
	"slices"
)

// Dosing splits a case's unfinished steps into the few the resident sees now
// and the rest, which show only as a count per phase.
type Dosing struct {
	Now        []Step
	Later      map[Phase]int // unfinished steps not in Now, per phase
	LaterTotal int
	// Blocked holds, for each unfinished step that waits on another, the IDs
	// of the unfinished steps it waits for.
	Blocked map[string][]string
}

// rank orders candidates for Now: the specialist's pins first, then what is
// overdue, then what has already started (so it does not vanish from view),
// then the plan's own order; steps pushed back come last.
func rank(s *Step, today Date) int {
	switch {
	case s.Pin == PinNow:
		return 0
	case s.Pin == PinLater:
		return 4
	case s.Overdue(today):
		return 1
	case s.Status == StepInProgress || s.Status == StepWaiting:
		return 2
	}
	return 3
}

// Dose picks at most n steps for Now. A step whose dependencies are not all
// finished never enters Now, pinned or not. The result does not depend on the
// order of steps.
func Dose(steps []Step, n int, today Date) Dosing {
	n = ClampDose(n)
	finished := make(map[string]bool, len(steps))
	for _, s := range steps {
		finished[s.ID] = s.Status.Finished()
	}
	d := Dosing{Later: map[Phase]int{}}
	// Sort positions, not copies: a case can hold thousands of steps, and
	// only the few in Now are copied out.
	var ready []int
	for i, s := range steps {
		if s.Status.Finished() {
			continue
		}
		var waits []string
		for _, dep := range s.DependsOn {
			if done, known := finished[dep]; known && !done {
				waits = append(waits, dep)
			}
		}
		if len(waits) > 0 {
			if d.Blocked == nil {
				d.Blocked = map[string][]string{}
			}
			d.Blocked[s.ID] = waits
			d.Later[s.Phase]++
			d.LaterTotal++
			continue
		}
		ready = append(ready, i)
	}
	slices.SortFunc(ready, func(i, j int) int {
		a, b := &steps[i], &steps[j]
		ra, rb := rank(a, today), rank(b, today)
		if ra != rb {
			return cmp.Compare(ra, rb)
		}
		if ra == 1 { // overdue: the longest overdue first
			if c := a.Due.Compare(b.Due); c != 0 {
				return c
			}
		}
		return planOrderOf(a, b)
	})
	take := min(n, len(ready))
	d.Now = make([]Step, take)
	for k, i := range ready[:take] {
		d.Now[k] = steps[i]
	}
	for _, i := range ready[take:] {
		d.Later[steps[i].Phase]++
		d.LaterTotal++
	}
	return d
}

// planOrder is the order of the plan itself: phase, then place in the phase.
func planOrder(a, b Step) int { return planOrderOf(&a, &b) }

func planOrderOf(a, b *Step) int {
	if c := cmp.Compare(a.Phase.Index(), b.Phase.Index()); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Order, b.Order); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// SortPlan sorts steps in plan order, in place. It sorts positions and
// then moves each step once: a step is a large value, and a sort that
// swaps whole steps spent most of its time copying them.
func SortPlan(steps []Step) {
	sorted := true
	for i := 1; i < len(steps) && sorted; i++ {
		sorted = planOrderOf(&steps[i-1], &steps[i]) <= 0
	}
	if sorted {
		return
	}
	order := make([]int32, len(steps))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return planOrderOf(&steps[a], &steps[b]) })
	// Place step order[i] at i, one cycle of the permutation at a time.
	for i := range order {
		if order[i] < 0 {
			continue
		}
		first := steps[i]
		j := i
		for {
			from := int(order[j])
			order[j] = -1
			if from == i {
				steps[j] = first
				break
			}
			steps[j] = steps[from]
			j = from
		}
	}
}

// InNow reports whether the step with id is in Now.
func (d Dosing) InNow(id string) bool {
	return slices.ContainsFunc(d.Now, func(s Step) bool { return s.ID == id })
}

// PlanDueDates gives every Now step without a due date one: today plus the
// step's typical days. It returns the changed copies; a step in view always
// says by when.
func PlanDueDates(d Dosing, today Date) []Step {
	var out []Step
	for _, s := range d.Now {
		if s.Due.IsZero() {
			s.Due = today.AddDays(max(1, s.Days))
			out = append(out, s)
		}
	}
	return out
}
