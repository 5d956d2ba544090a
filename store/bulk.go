package store

import (
	"context"
	"fmt"
	"time"

	"houvast/actionlist"
)

// Bulk is many writes in one transaction: filling a new database with
// synthetic cases (houvast seed) or building a large database for a
// benchmark, with one disk sync at the end instead of one per change. Each
// write records exactly the events its Store counterpart records (but for
// the due dates the store gives steps entering Now: see UpdateSteps), so the
// history screen, check and merges cannot tell the two apart. If the
// function given to Store.Bulk returns an error, nothing is saved.
type Bulk struct {
	t  *txn
	at time.Time
}

// Bulk runs fn with a Bulk on one immediate transaction.
func (s *Store) Bulk(ctx context.Context, fn func(b *Bulk) error) error {
	b := &Bulk{}
	// A copy of the store with its own clock, so At never touches the
	// clock other users of s see.
	own := *s
	own.Now = func() time.Time {
		if b.at.IsZero() {
			return s.Now()
		}
		return b.at
	}
	return own.change(ctx, actionlist.Actor{}, func(t *txn) error {
		b.t = t
		return fn(b)
	})
}

// At sets the moment the following writes are recorded at (a zero time: the
// store's clock). It has the shape of a clock setter, for replaying history.
func (b *Bulk) At(t time.Time) { b.at = t }

// CaseCount counts the cases, inside the transaction: a check made here
// cannot be overtaken by another window before the writes land.
func (b *Bulk) CaseCount() (int, error) {
	var n int
	if err := b.t.tx.QueryRowContext(b.t.ctx, "SELECT count(*) FROM cases").Scan(&n); err != nil {
		return 0, fmt.Errorf("count cases: %w", err)
	}
	return n, nil
}

// CreateCase is Store.CreateCase inside the bulk transaction. The context
// is the transaction's; the parameter keeps the signature of the Store's.
func (b *Bulk) CreateCase(_ context.Context, actor actionlist.Actor, c actionlist.Case) (actionlist.Case, error) {
	b.t.actor = actor
	return b.t.createCase(c)
}

// UpdateSteps is Store.UpdateSteps inside the bulk transaction, but for
// the due dates: a bulk replays a history made elsewhere, which holds the
// dates it gave, so it records exactly the edits it is given.
func (b *Bulk) UpdateSteps(_ context.Context, actor actionlist.Actor, edits ...StepEdit) ([]actionlist.Step, error) {
	b.t.actor = actor
	return b.t.updateSteps(edits)
}

// Step is Store.Step inside the bulk transaction.
func (b *Bulk) Step(_ context.Context, id string) (actionlist.Step, error) {
	st, _, err := loadStepRow(b.t.ctx, b.t.tx, id)
	return st, err
}

// UpdateStep is Store.UpdateStep inside the bulk transaction.
func (b *Bulk) UpdateStep(ctx context.Context, actor actionlist.Actor, before, after actionlist.Step) (actionlist.Step, error) {
	out, err := b.UpdateSteps(ctx, actor, StepEdit{before, after})
	if err != nil {
		return actionlist.Step{}, err
	}
	return out[0], nil
}
