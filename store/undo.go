package store

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"

	"houvast/actionlist"
)

// Promised is what the dose's promise gave in one write: the due date of
// each step that entered Now without one, by the step's ID. An undo of the
// write takes them back (see Undo), or a step the change brought into Now
// would keep a date nobody planned, and count as overdue once it passed.
type Promised map[string]actionlist.Date

func promisedBy(planned []actionlist.Step) Promised {
	if len(planned) == 0 {
		return nil
	}
	p := make(Promised, len(planned))
	for _, s := range planned {
		p[s.ID] = s.Due
	}
	return p
}

// CaseEdit is a case's own fields as the caller read them and as they
// should become.
type CaseEdit struct {
	Before, After actionlist.Case
}

// Undo is one change to take back: its edits back, of the case's fields
// (Case) or of steps (Steps), and the due dates its promise gave.
type Undo struct {
	Case     *CaseEdit
	Steps    []StepEdit
	Promised Promised
}

// UndoSteps is the undo of a save of edits that stored saved (in the same
// order) and whose promise gave promised: every step back as it was, but a
// date the promise gave goes back with its other dates (Undo), so it stays
// where someone changed it since.
func UndoSteps(edits []StepEdit, saved []actionlist.Step, promised Promised) Undo {
	u := Undo{Promised: promised}
	for i, e := range edits {
		back := e.Before
		if _, ok := promised[e.Before.ID]; ok {
			back.Due = saved[i].Due
		}
		u.Steps = append(u.Steps, StepEdit{Before: saved[i], After: back})
	}
	return u
}

// Undone is what an undo stored.
type Undone struct {
	Case actionlist.Case // the case's fields, when the undo restored them
	// Steps are the steps it changed, as stored: the edited ones in order,
	// then those whose date it gave or took back.
	Steps []actionlist.Step
}

// Undo takes a change back in one transaction: first the edits, so the
// steps the change brought into Now are out of it again, then the dates
// the change's promise gave them (where a date changed since, it stays).
// A conflict in the edits saves nothing.
func (s *Store) Undo(ctx context.Context, actor actionlist.Actor, u Undo) (Undone, error) {
	var out Undone
	err := s.change(ctx, actor, func(t *txn) error {
		var planned []actionlist.Step
		if u.Case != nil {
			var err error
			if out.Case, planned, err = t.updateCase(u.Case.Before, u.Case.After); err != nil {
				return err
			}
		}
		if len(u.Steps) > 0 {
			var err error
			if out.Steps, _, err = t.updateStepsPromising(u.Steps); err != nil {
				return err
			}
		}
		out.Steps = withPlanned(out.Steps, planned)
		taken, err := t.takeBack(u.Promised)
		if err != nil {
			return err
		}
		out.Steps = withPlanned(out.Steps, taken)
		return nil
	})
	if err != nil {
		return Undone{}, err
	}
	return out, nil
}

// takeBack empties the dates p gave where actionlist.DueDatesTakenBack
// says so, with an event each, and keeps the promise for any step the
// emptying lets into Now. It returns the steps it changed, as stored.
func (t *txn) takeBack(p Promised) ([]actionlist.Step, error) {
	var cases []string
	// The undo can have finished a promised step again (a reopen undone):
	// Now's read leaves finished steps out, but their dates go back too.
	finished := map[string][]actionlist.Step{}
	for _, id := range slices.Sorted(maps.Keys(p)) {
		st, caseID, err := loadStepRow(t.ctx, t.tx, id)
		if errors.Is(err, ErrNotFound) {
			continue // deleted since: its date went with it
		}
		if err != nil {
			return nil, err
		}
		if !slices.Contains(cases, caseID) {
			cases = append(cases, caseID)
		}
		if st.Status.Finished() {
			finished[caseID] = append(finished[caseID], st)
		}
	}
	today := actionlist.DateOf(t.s.Now())
	var out []actionlist.Step
	for _, caseID := range cases {
		before, err := t.readNow(caseID)
		if err != nil {
			return nil, err
		}
		gone := actionlist.DueDatesTakenBack(append(slices.Clone(before.steps), finished[caseID]...), before.dose, p, today)
		if len(gone) == 0 {
			continue
		}
		for _, g := range gone {
			if _, err := t.exec(`UPDATE steps SET due = '' WHERE id = ?`, g.ID); err != nil {
				return nil, fmt.Errorf("take back the date of step %s: %w", g.ID, err)
			}
			if err := t.event(caseID, actionlist.EntityStep, g.ID, actionlist.ActionChanged, "due", p[g.ID].String(), ""); err != nil {
				return nil, err
			}
			full, _, err := loadStepRow(t.ctx, t.tx, g.ID)
			if err != nil {
				return nil, err
			}
			out = append(out, full)
		}
		planned, err := t.keepPromiseAfter(before, gone, before.dose)
		if err != nil {
			return nil, err
		}
		out = withPlanned(out, planned)
		if err := t.touch(caseID); err != nil {
			return nil, err
		}
	}
	return out, nil
}
