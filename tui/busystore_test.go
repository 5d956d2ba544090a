package tui

import (
	"context"
	"sync/atomic"

	"houvast/actionlist"
	"houvast/store"
)

// busyStore counts the store calls in flight, so the test loop knows a save
// is still running however slow the machine (or the race detector) is.
type busyStore struct {
	s    *store.Store
	busy atomic.Int32
	// fail, when set, is returned by every write, as a store that cannot
	// get the lock would.
	fail error
}

func (b *busyStore) enter() func() { b.busy.Add(1); return func() { b.busy.Add(-1) } }

func (b *busyStore) Cases(ctx context.Context, today actionlist.Date) ([]store.CaseSummary, error) {
	defer b.enter()()
	return b.s.Cases(ctx, today)
}

func (b *busyStore) Case(ctx context.Context, id string) (actionlist.Case, error) {
	defer b.enter()()
	return b.s.Case(ctx, id)
}

func (b *busyStore) CaseSeq(ctx context.Context, id string) (int64, error) {
	defer b.enter()()
	return b.s.CaseSeq(ctx, id)
}

func (b *busyStore) Seq(ctx context.Context) (int64, error) {
	defer b.enter()()
	return b.s.Seq(ctx)
}

func (b *busyStore) CreateCase(ctx context.Context, a actionlist.Actor, c actionlist.Case) (actionlist.Case, error) {
	defer b.enter()()
	return b.s.CreateCase(ctx, a, c)
}

func (b *busyStore) UpdateCase(ctx context.Context, a actionlist.Actor, before, after actionlist.Case) (actionlist.Case, error) {
	defer b.enter()()
	if b.fail != nil {
		return actionlist.Case{}, b.fail
	}
	return b.s.UpdateCase(ctx, a, before, after)
}

func (b *busyStore) UpdateCaseDated(ctx context.Context, a actionlist.Actor, before, after actionlist.Case) (actionlist.Case, store.Promised, error) {
	defer b.enter()()
	if b.fail != nil {
		return actionlist.Case{}, nil, b.fail
	}
	return b.s.UpdateCaseDated(ctx, a, before, after)
}

func (b *busyStore) UpdateStepsDated(ctx context.Context, a actionlist.Actor, edits ...store.StepEdit) ([]actionlist.Step, store.Promised, error) {
	defer b.enter()()
	if b.fail != nil {
		return nil, nil, b.fail
	}
	return b.s.UpdateStepsDated(ctx, a, edits...)
}

func (b *busyStore) Undo(ctx context.Context, a actionlist.Actor, u store.Undo) (store.Undone, error) {
	defer b.enter()()
	if b.fail != nil {
		return store.Undone{}, b.fail
	}
	return b.s.Undo(ctx, a, u)
}

func (b *busyStore) AddStep(ctx context.Context, a actionlist.Actor, caseID string, s actionlist.Step) (actionlist.Step, error) {
	defer b.enter()()
	return b.s.AddStep(ctx, a, caseID, s)
}

func (b *busyStore) DeleteStep(ctx context.Context, a actionlist.Actor, id string) error {
	defer b.enter()()
	return b.s.DeleteStep(ctx, a, id)
}

func (b *busyStore) AddAgreement(ctx context.Context, a actionlist.Actor, caseID string, ag actionlist.Agreement) (actionlist.Agreement, error) {
	defer b.enter()()
	return b.s.AddAgreement(ctx, a, caseID, ag)
}

func (b *busyStore) DeleteAgreement(ctx context.Context, a actionlist.Actor, caseID, id string) error {
	defer b.enter()()
	return b.s.DeleteAgreement(ctx, a, caseID, id)
}

func (b *busyStore) Events(ctx context.Context, caseID string) ([]actionlist.Event, error) {
	defer b.enter()()
	return b.s.Events(ctx, caseID)
}

func (b *busyStore) StepsOwnedBy(ctx context.Context, role actionlist.Role) ([]store.OwnedStep, error) {
	defer b.enter()()
	return b.s.StepsOwnedBy(ctx, role)
}

func (b *busyStore) AllCases(ctx context.Context) ([]actionlist.Case, error) {
	defer b.enter()()
	return b.s.AllCases(ctx)
}

func (b *busyStore) AgendaCases(ctx context.Context, until actionlist.Date) ([]actionlist.Case, error) {
	defer b.enter()()
	return b.s.AgendaCases(ctx, until)
}

func (b *busyStore) SaveCase(ctx context.Context, a actionlist.Actor, before, after actionlist.Case) (actionlist.Case, error) {
	defer b.enter()()
	if b.fail != nil {
		return actionlist.Case{}, b.fail
	}
	return b.s.SaveCase(ctx, a, before, after)
}

func (b *busyStore) DueForErasure(ctx context.Context, today actionlist.Date, months int) ([]store.CaseSummary, error) {
	defer b.enter()()
	return b.s.DueForErasure(ctx, today, months)
}

func (b *busyStore) OpenConflicts(ctx context.Context, caseID string) ([]store.OpenConflict, error) {
	defer b.enter()()
	return b.s.OpenConflicts(ctx, caseID)
}

func (b *busyStore) ResolveConflict(ctx context.Context, a actionlist.Actor, caseID string, ids ...string) error {
	defer b.enter()()
	return b.s.ResolveConflict(ctx, a, caseID, ids...)
}

func (b *busyStore) AddDebt(ctx context.Context, a actionlist.Actor, caseID string, d actionlist.Debt) (actionlist.Debt, error) {
	defer b.enter()()
	return b.s.AddDebt(ctx, a, caseID, d)
}

func (b *busyStore) UpdateDebt(ctx context.Context, a actionlist.Actor, caseID string, before, after actionlist.Debt) (actionlist.Debt, error) {
	defer b.enter()()
	return b.s.UpdateDebt(ctx, a, caseID, before, after)
}

func (b *busyStore) DeleteDebt(ctx context.Context, a actionlist.Actor, caseID, id string) error {
	defer b.enter()()
	return b.s.DeleteDebt(ctx, a, caseID, id)
}

func (b *busyStore) OpenSignals(ctx context.Context) ([]actionlist.ArrearsSignal, error) {
	defer b.enter()()
	return b.s.OpenSignals(ctx)
}

func (b *busyStore) AddAttempt(ctx context.Context, a actionlist.Actor, id string, at actionlist.Attempt, today actionlist.Date) (actionlist.ArrearsSignal, error) {
	defer b.enter()()
	if b.fail != nil {
		return actionlist.ArrearsSignal{}, b.fail
	}
	return b.s.AddAttempt(ctx, a, id, at, today)
}

func (b *busyStore) CloseSignal(ctx context.Context, a actionlist.Actor, id string, o actionlist.SignalOutcome, on actionlist.Date) error {
	defer b.enter()()
	if b.fail != nil {
		return b.fail
	}
	return b.s.CloseSignal(ctx, a, id, o, on)
}

func (b *busyStore) AcceptSignal(ctx context.Context, a actionlist.Actor, id string, c actionlist.Case, on actionlist.Date) (actionlist.Case, error) {
	defer b.enter()()
	if b.fail != nil {
		return actionlist.Case{}, b.fail
	}
	return b.s.AcceptSignal(ctx, a, id, c, on)
}

func (b *busyStore) SignalsDueForErasure(ctx context.Context, today actionlist.Date, months int) ([]actionlist.ArrearsSignal, error) {
	defer b.enter()()
	return b.s.SignalsDueForErasure(ctx, today, months)
}

func (b *busyStore) AllSignals(ctx context.Context) ([]actionlist.ArrearsSignal, error) {
	defer b.enter()()
	return b.s.AllSignals(ctx)
}

func (b *busyStore) SignalsStamp(ctx context.Context) (string, error) {
	defer b.enter()()
	return b.s.SignalsStamp(ctx)
}
