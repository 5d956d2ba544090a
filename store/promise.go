package store

import (
	"fmt"
	"slices"

	"houvast/actionlist"
)

// The dose's promise: a step that enters Now says by when. Every write
// that can change what is in Now (steps saved, a new dose, a step added or
// deleted, an import, an undo, a merge) keeps it here, in its own
// transaction, so no front-end can forget it.

// nowState is a case's steps and dose as a change found them.
type nowState struct {
	caseID string
	steps  []actionlist.Step
	dose   int
	// copy is a volunteer's copy of a case: its dates are the
	// specialist's to give, and come with the next package.
	copy bool
}

// readNow reads what the case's Now is made of, before a change.
func (t *txn) readNow(caseID string) (nowState, error) {
	var dose int
	if err := t.tx.QueryRowContext(t.ctx, "SELECT dose FROM cases WHERE id = ?", caseID).Scan(&dose); err != nil {
		return nowState{}, fmt.Errorf("read case %s: %w", caseID, err)
	}
	_, _, copy, err := volunteerOrigin(t.ctx, t.tx, caseID)
	if err != nil {
		return nowState{}, err
	}
	if copy {
		return nowState{caseID: caseID, copy: true}, nil
	}
	steps, err := t.doseSteps(caseID)
	if err != nil {
		return nowState{}, err
	}
	return nowState{caseID: caseID, steps: steps, dose: dose}, nil
}

// doseSteps reads a case's unfinished steps with only the fields the dose
// reads, from an index that holds them: every save that can move Now reads
// them, and the steps' long rows would cost most of its time. Finished
// steps are left out: the dose passes them over, and a step that waits for
// one it does not know of does not wait (see actionlist.Dose).
func (t *txn) doseSteps(caseID string) ([]actionlist.Step, error) {
	rows, err := t.tx.QueryContext(t.ctx, doseSelect, caseID)
	if err != nil {
		return nil, fmt.Errorf("read steps: %w", err)
	}
	defer rows.Close()
	out := make([]actionlist.Step, 0, 128) // a case's unfinished steps: fewer than this, mostly
	var row string
	vals := make([]string, len(actionlist.DoseColumns))
	for rows.Next() {
		if err := rows.Scan(&row); err != nil {
			return nil, fmt.Errorf("read steps: %w", err)
		}
		if err := unpack(row, vals); err != nil {
			return nil, fmt.Errorf("read steps: %w", err)
		}
		st, err := actionlist.StepFromDoseValues(vals)
		if err != nil {
			return nil, fmt.Errorf("read step %s: %w", vals[0], err)
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// The index steps_dose holds every column read here.
var doseSelect = "SELECT " + packed("", actionlist.DoseColumns) + " FROM steps INDEXED BY steps_dose WHERE case_id = ? AND status NOT IN ('done', 'not_applicable')"

// keepPromise gives a due date to every step the change since before
// brought into Now (actionlist.DueDatesOnEntry), records it as the actor's
// change, and returns the steps that got one.
func (t *txn) keepPromise(before nowState) ([]actionlist.Step, error) {
	return t.plan(before, actionlist.DueDatesOnEntry)
}

// keepPromiseAfter is keepPromise when the caller knows what its change
// did: saved are the case's changed steps as stored now, dose its dose.
// It spares reading the case's steps again.
func (t *txn) keepPromiseAfter(before nowState, saved []actionlist.Step, dose int) ([]actionlist.Step, error) {
	if before.copy {
		return nil, nil
	}
	steps := slices.Clone(before.steps)
	for _, s := range saved {
		if i := slices.IndexFunc(steps, func(b actionlist.Step) bool { return b.ID == s.ID }); i >= 0 {
			steps[i] = s
		} else {
			steps = append(steps, s) // it was finished: doseSteps leaves those out
		}
	}
	return t.write(before, nowState{caseID: before.caseID, steps: steps, dose: dose}, actionlist.DueDatesOnEntry)
}

// plan writes the due dates rule finds since before.
func (t *txn) plan(before nowState, rule func(before []actionlist.Step, beforeDose int, after []actionlist.Step, afterDose int, today actionlist.Date) []actionlist.Step) ([]actionlist.Step, error) {
	if before.copy {
		return nil, nil
	}
	steps, err := t.doseSteps(before.caseID)
	if err != nil {
		return nil, err
	}
	var dose int
	if err := t.tx.QueryRowContext(t.ctx, "SELECT dose FROM cases WHERE id = ?", before.caseID).Scan(&dose); err != nil {
		return nil, fmt.Errorf("read case %s: %w", before.caseID, err)
	}
	return t.write(before, nowState{caseID: before.caseID, steps: steps, dose: dose}, rule)
}

// write gives the steps rule finds between before and after their dates,
// with an event each, and returns them whole.
func (t *txn) write(before, after nowState, rule func(before []actionlist.Step, beforeDose int, after []actionlist.Step, afterDose int, today actionlist.Date) []actionlist.Step) ([]actionlist.Step, error) {
	today := actionlist.DateOf(t.s.Now())
	planned := rule(before.steps, before.dose, after.steps, after.dose, today)
	for i, p := range planned {
		if _, err := t.exec(`UPDATE steps SET due = ? WHERE id = ?`, p.Due.String(), p.ID); err != nil {
			return nil, fmt.Errorf("plan step %q: %w", p.Title, err)
		}
		// The caller gets the whole step, not the dose's part of it.
		full, _, err := loadStepRow(t.ctx, t.tx, p.ID)
		if err != nil {
			return nil, err
		}
		planned[i] = full
		// A planned step had no date: PlanDueDates dates only those.
		if err := t.event(before.caseID, actionlist.EntityStep, p.ID, actionlist.ActionChanged, "due", "", p.Due.String()); err != nil {
			return nil, err
		}
	}
	return planned, nil
}

// promising runs change between a read of the case's Now and the promise
// kept after it, and returns the steps that got a date.
func (t *txn) promising(caseID string, change func() error) ([]actionlist.Step, error) {
	before, err := t.readNow(caseID)
	if err != nil {
		return nil, err
	}
	if err := change(); err != nil {
		return nil, err
	}
	return t.keepPromise(before)
}

// withPlanned puts the planned versions over the saved steps and appends
// the planned steps that were not among them.
func withPlanned(saved, planned []actionlist.Step) []actionlist.Step {
	out := slices.Clone(saved)
	for _, p := range planned {
		if i := slices.IndexFunc(out, func(s actionlist.Step) bool { return s.ID == p.ID }); i >= 0 {
			out[i].Due = p.Due
		} else {
			out = append(out, p)
		}
	}
	return out
}
