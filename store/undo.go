package store

import (
	"context"
	"database/sql"
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
	for _, id := range slices.Sorted(maps.Keys(p)) {
		var caseID string
		err := t.tx.QueryRowContext(t.ctx, "SELECT case_id FROM steps WHERE id = ?", id).Scan(&caseID)
		if errors.Is(err, sql.ErrNoRows) {
			continue // deleted since: its date went with it
		}
		if err != nil {
			return nil, fmt.Errorf("read step %s: %w", id, err)
		}
		if !slices.Contains(cases, caseID) {
			cases = append(cases, caseID)
		}
	}
	today := actionlist.DateOf(t.s.Now())
	var out []actionlist.Step
	for _, caseID := range cases {
		before, err := t.readNow(caseID)
		if err != nil {
			return nil, err
		}
		gone := actionlist.DueDatesTakenBack(before.steps, before.dose, p, today)
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
