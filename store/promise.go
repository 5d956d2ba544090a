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
	steps, err := loadSteps(t.ctx, t.tx, "WHERE case_id = ?", caseID)
	if err != nil {
		return nowState{}, err
	}
	return nowState{caseID: caseID, steps: steps, dose: dose}, nil
}

// keepPromise gives a due date to every step the change since before
// brought into Now (actionlist.DueDatesOnEntry), records it as the actor's
// change, and returns the steps that got one.
func (t *txn) keepPromise(before nowState) ([]actionlist.Step, error) {
	return t.plan(before, actionlist.DueDatesOnEntry)
}

// plan writes the due dates rule finds since before.
func (t *txn) plan(before nowState, rule func(before []actionlist.Step, beforeDose int, after []actionlist.Step, afterDose int, today actionlist.Date) []actionlist.Step) ([]actionlist.Step, error) {
	after, err := t.readNow(before.caseID)
	if err != nil || after.copy {
		return nil, err
	}
	today := actionlist.DateOf(t.s.Now())
	planned := rule(before.steps, before.dose, after.steps, after.dose, today)
	for _, p := range planned {
		if _, err := t.exec(`UPDATE steps SET due = ? WHERE id = ?`, p.Due.String(), p.ID); err != nil {
			return nil, fmt.Errorf("plan step %q: %w", p.Title, err)
		}
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
