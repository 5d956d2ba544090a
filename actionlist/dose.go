package actionlist

import (
	"cmp"
	"fmt"
	"slices"
)

// Dosing splits a case's unfinished steps into the few the resident sees now
// and the rest, which show only as a count per phase.
type Dosing struct {
	Now        []Step
	Later      map[Phase]int // unfinished steps not in Now, per phase
	LaterTotal int
	// Why holds, for each unfinished step, why the dose put it where it
	// is: the rule's own answer, so an explanation cannot drift from it.
	Why map[string]Reason
}

// WaitsFor is the unfinished steps a step waits for, by ID; none when it
// waits for nothing.
func (d Dosing) WaitsFor(id string) []string { return d.Why[id].WaitsFor }

// Place is why a step is in Now, or why it is not.
type Place int

const (
	NowPinned   Place = iota + 1 // the specialist pinned it into Now
	NowOverdue                   // its date has passed: Reason.Since
	NowUnderWay                  // it has started, so it stays in view
	NowNext                      // next in the plan: Reason.Rank among the ready steps
	NowRoom                      // pushed back, but the dose has room for it
	LaterWaits                   // waits for unfinished steps: Reason.WaitsFor
	LaterPushed                  // the specialist pushed it back
	LaterFull                    // the dose is full: Reason.Dose steps are in Now
)

// InNow is true for the places inside Now.
func (p Place) InNow() bool { return p >= NowPinned && p <= NowRoom }

// Reason is why a step has its place.
type Reason struct {
	Place    Place
	Since    Date     // NowOverdue: the date that passed
	Rank     int      // NowNext: its place in Now, from 1
	WaitsFor []string // LaterWaits: the IDs of the unfinished steps
	Dose     int      // LaterFull: how many steps Now holds
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
	d := Dosing{Later: map[Phase]int{}, Why: map[string]Reason{}}
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
			d.Why[s.ID] = Reason{Place: LaterWaits, WaitsFor: waits}
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
		d.Why[steps[i].ID] = nowReason(&steps[i], k+1, today)
	}
	for _, i := range ready[take:] {
		d.Later[steps[i].Phase]++
		d.LaterTotal++
		r := Reason{Place: LaterFull, Dose: take}
		if steps[i].Pin == PinLater {
			r = Reason{Place: LaterPushed}
		}
		d.Why[steps[i].ID] = r
	}
	return d
}

// nowReason is why a step is in Now at place k: the rank that put it there.
func nowReason(s *Step, k int, today Date) Reason {
	switch rank(s, today) {
	case 0:
		return Reason{Place: NowPinned}
	case 1:
		return Reason{Place: NowOverdue, Since: s.Due}
	case 2:
		return Reason{Place: NowUnderWay}
	case 4:
		return Reason{Place: NowRoom}
	}
	return Reason{Place: NowNext, Rank: k}
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

// DoseColumns are the step fields the dose and its due dates read: what a
// check of Now loads, without the texts.
var DoseColumns = []string{"id", "phase", "order", "due", "status", "depends_on", "pin", "days"}

// StepFromDoseValues makes a step of the values of DoseColumns, in order;
// the other fields stay empty.
func StepFromDoseValues(vals []string) (Step, error) {
	var s Step
	if len(vals) != len(doseFields) {
		return s, fmt.Errorf("got %d values for %d fields", len(vals), len(doseFields))
	}
	for i, f := range doseFields {
		if err := f.set(&s, vals[i]); err != nil {
			return s, inField(f.name, err)
		}
	}
	return s, nil
}

// doseFields are the fields of DoseColumns, found once: every save that
// can move Now reads them for each unfinished step of the case.
var doseFields = func() fields[Step] {
	out := make(fields[Step], len(DoseColumns))
	for i, name := range DoseColumns {
		f, ok := stepFields.find(name)
		if !ok {
			panic("actionlist: DoseColumns names an unknown step field " + name)
		}
		out[i] = f
	}
	return out
}()

// MovesNow is true when a change of these step fields can change what is
// in Now or which steps there lack a date.
func MovesNow(changes []Change) bool {
	for _, c := range changes {
		switch c.Field {
		case "phase", "order", "due", "status", "depends_on", "pin":
			return true
		}
	}
	return false
}
