package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"houvast/actionlist"
)

// Bulk is many writes in one transaction: filling a new database with
// synthetic cases (houvast seed) or building a large database for a
// benchmark, with one disk sync at the end instead of one per change. Each
// write records exactly the events its Store counterpart records, so the
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
	t := b.t
	t.actor = actor
	if c.ID == "" {
		c.ID = NewID()
	}
	c.Created = t.s.Now()
	c.Updated = c.Created
	for i := range c.Steps {
		if c.Steps[i].ID == "" {
			c.Steps[i].ID = NewID()
		}
	}
	for i := range c.Agreements {
		if c.Agreements[i].ID == "" {
			c.Agreements[i].ID = NewID()
		}
	}
	if c.Ref == "" {
		ref, err := t.nextRef()
		if err != nil {
			return c, err
		}
		c.Ref = ref
	}
	if err := c.Validate(); err != nil {
		return c, fmt.Errorf("case: %w", err)
	}
	_, err := t.exec("INSERT INTO cases ("+columnList(actionlist.CaseColumns)+", created, updated) VALUES ("+placeholders(len(actionlist.CaseColumns)+2)+")",
		anys(actionlist.CaseValues(c), stamp(c.Created), stamp(c.Updated))...)
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return c, fmt.Errorf("case reference %q is taken: %w", c.Ref, err)
		}
		return c, fmt.Errorf("add case: %w", err)
	}
	if err := t.event(c.ID, actionlist.EntityCase, c.ID, actionlist.ActionCreated, "", "", actionlist.CaseSnapshot(c)); err != nil {
		return c, err
	}
	for _, st := range c.Steps {
		if err := t.insertStep(c.ID, st); err != nil {
			return c, err
		}
	}
	for _, a := range c.Agreements {
		if err := t.insertAgreement(c.ID, a); err != nil {
			return c, err
		}
	}
	return c, nil
}

// UpdateSteps is Store.UpdateSteps inside the bulk transaction.
func (b *Bulk) UpdateSteps(_ context.Context, actor actionlist.Actor, edits ...StepEdit) ([]actionlist.Step, error) {
	t := b.t
	t.actor = actor
	out := make([]actionlist.Step, 0, len(edits))
	touched := map[string]bool{}
	for _, e := range edits {
		cur, caseID, err := t.updateStep(e)
		if err != nil {
			return nil, err
		}
		out = append(out, cur)
		if !touched[caseID] {
			touched[caseID] = true
			if err := t.touch(caseID); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// UpdateStep is Store.UpdateStep inside the bulk transaction.
func (b *Bulk) UpdateStep(ctx context.Context, actor actionlist.Actor, before, after actionlist.Step) (actionlist.Step, error) {
	out, err := b.UpdateSteps(ctx, actor, StepEdit{before, after})
	if err != nil {
		return actionlist.Step{}, err
	}
	return out[0], nil
}
