package actionlist

import (
	"slices"
	"strings"
)

// What a merge of someone else's work, and the files it comes in, must
// keep true of a case. The store's merge, the exchange files' checks and
// both front-ends read these rules here.

// DoneWithoutRecord is true for a step that is done without the day it was
// done or who did it: a tick-off always records both, and the summary's
// finished steps and the timeline need them.
func (s Step) DoneWithoutRecord() bool {
	return s.Status == StepDone && (s.DoneOn.IsZero() || s.DoneBy == "")
}

// mergeGroupOf is a field's merge group; a field the registry does not
// know merges alone.
func mergeGroupOf(field string) MergeGroup {
	if f, ok := LookupStepField(field); ok {
		return f.Merge
	}
	return MergeAlone
}

// SameChange is true when two fields of a step change together as one
// thing a person did (a tick-off: state, done date and done by).
func SameChange(a, b string) bool {
	if a == b {
		return true
	}
	g := mergeGroupOf(a)
	return g != MergeAlone && g == mergeGroupOf(b)
}

// GroupChanges splits a step's field changes into the changes a person
// made: each field on its own, except the fields of a merge group, which
// go together. The order is that of each group's first field.
func GroupChanges(changes []Change) [][]Change {
	var out [][]Change
	for _, c := range changes {
		i := slices.IndexFunc(out, func(g []Change) bool { return SameChange(g[0].Field, c.Field) })
		if i < 0 {
			out = append(out, []Change{c})
			continue
		}
		out[i] = append(out[i], c)
	}
	return out
}

// CountChanges counts the changes people made in a run of step events,
// oldest first: a step added or removed is one, and the events of one save
// that belong together (a tick-off's state, date and name) are one. The
// messages count in these, not in fields.
func CountChanges(evs []Event) int {
	n := 0
	var run []string // the fields of the change being counted
	for i, e := range evs {
		if i > 0 && len(run) > 0 && e.Action == ActionChanged {
			p := evs[i-1]
			if p.Action == ActionChanged && p.EntityID == e.EntityID && p.Actor == e.Actor &&
				SameChange(run[0], e.Field) && !slices.Contains(run, e.Field) {
				run = append(run, e.Field)
				continue
			}
		}
		run = run[:0]
		if e.Action == ActionChanged {
			run = append(run, e.Field)
		}
		n++
	}
	return n
}

// DueDatesOnEntry is the rule behind "nothing enters the resident's view
// without a by-when", for any change: a tick-off, a new dose, a pin, an
// import, an undo. Each step the change brought into Now that has no due
// date gets one: today plus its typical days. A step that was in Now
// before keeps what the specialist chose, an empty date included. It
// returns the steps that got a date.
func DueDatesOnEntry(before []Step, beforeDose int, after []Step, afterDose int, today Date) []Step {
	was := Dose(before, beforeDose, today)
	var out []Step
	for _, s := range PlanDueDates(Dose(after, afterDose, today), today) {
		if !was.InNow(s.ID) {
			out = append(out, s)
		}
	}
	return out
}

// DueDatesTakenBack is what an undo takes back of the due dates a
// change's promise gave (given, by step ID), once the change itself is
// undone: the steps that still hold the date they got and, without it, are
// not in Now, returned with their dates emptied. A date changed since is
// someone's choice and stays; so does the date of a step still in Now,
// since a step in view says by when.
func DueDatesTakenBack(steps []Step, dose int, given map[string]Date, today Date) []Step {
	var at []int
	undated := slices.Clone(steps)
	for i := range undated {
		if d, ok := given[undated[i].ID]; ok && !d.IsZero() && undated[i].Due.Compare(d) == 0 {
			undated[i].Due = Date{}
			at = append(at, i)
		}
	}
	if len(at) == 0 {
		return nil
	}
	// Without its date a step may rank lower: Now is judged without them.
	now := Dose(undated, dose, today)
	var out []Step
	for _, i := range at {
		if !now.InNow(undated[i].ID) {
			out = append(out, undated[i])
		}
	}
	return out
}

// DueDatesAfter is DueDatesOnEntry for a change someone else made (a
// volunteer's return file): a step in Now whose date the change emptied
// gets one again too, since the specialist did not choose that.
func DueDatesAfter(before []Step, beforeDose int, after []Step, afterDose int, today Date) []Step {
	was := Dose(before, beforeDose, today)
	dated := make(map[string]bool, len(before))
	for _, s := range before {
		dated[s.ID] = !s.Due.IsZero()
	}
	var out []Step
	for _, s := range PlanDueDates(Dose(after, afterDose, today), today) {
		if !was.InNow(s.ID) || dated[s.ID] {
			out = append(out, s)
		}
	}
	return out
}

// CheckStepValue says whether a step field can hold a value: a code the
// domain knows, a date or number that reads, a text within its limit, a
// title that is not empty. A field the registry does not know is an
// *InvalidError naming it.
func CheckStepValue(name, value string) error {
	i := slices.IndexFunc(stepRegistry, func(e stepEntry) bool { return e.name == name })
	if i < 0 {
		return &InvalidError{Field: name}
	}
	e := stepRegistry[i]
	var s Step
	if err := e.set(&s, value); err != nil {
		return inField(name, err)
	}
	if e.limit != NoLimit {
		if err := checkLen(name, value, e.limit); err != nil {
			return err
		}
	}
	if name == "title" && strings.TrimSpace(value) == "" {
		return &InvalidError{Field: name} // a step says what it is: its title
	}
	return nil
}

// SetStepField sets one field of a step from its stored string.
func SetStepField(s *Step, name, value string) error { return stepFields.setField(s, name, value) }
