package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"

	"houvast/actionlist"
)

// ErrConflict is returned when a field changed under the caller's feet.
var ErrConflict = errors.New("changed elsewhere meanwhile")

// ConflictError lists the fields someone else changed since the caller read
// them. Nothing was saved; Current is what is stored now.
type ConflictError struct {
	Entity    actionlist.Entity
	ID        string
	Conflicts []actionlist.Conflict
}

func (e *ConflictError) Error() string {
	fields := make([]string, len(e.Conflicts))
	for i, c := range e.Conflicts {
		fields[i] = c.Field
	}
	return fmt.Sprintf("%s %s: %v: %s", e.Entity, e.ID, ErrConflict, strings.Join(fields, ", "))
}

func (e *ConflictError) Unwrap() error { return ErrConflict }

// NewID makes a new identity for a case, step, agreement or event.
func NewID() string { return uuid.NewString() }

// txn is one write transaction with the events it records.
type txn struct {
	ctx   context.Context
	tx    *sql.Tx
	s     *Store
	actor actionlist.Actor
}

func (s *Store) change(ctx context.Context, actor actionlist.Actor, fn func(t *txn) error) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		return fn(&txn{ctx: ctx, tx: tx, s: s, actor: actor})
	})
}

func (t *txn) exec(query string, args ...any) (sql.Result, error) {
	return t.tx.ExecContext(t.ctx, query, args...)
}

func (t *txn) event(caseID string, entity actionlist.Entity, id string, action actionlist.Action, field, old, new string) error {
	_, err := t.exec(`INSERT INTO events (id, case_id, entity, entity_id, action, field, old, new, at, actor, role)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		NewID(), caseID, string(entity), id, string(action), field, old, new,
		stamp(t.s.Now()), t.actor.Name, string(t.actor.Role))
	if err != nil {
		return fmt.Errorf("record event: %w", err)
	}
	return nil
}

func (t *txn) changes(caseID string, entity actionlist.Entity, id string, changes []actionlist.Change) error {
	for _, c := range changes {
		if err := t.event(caseID, entity, id, actionlist.ActionChanged, c.Field, c.Old, c.New); err != nil {
			return err
		}
	}
	return nil
}

func (t *txn) touch(caseID string) error {
	_, err := t.exec("UPDATE cases SET updated = ? WHERE id = ?", stamp(t.s.Now()), caseID)
	return err
}

func (t *txn) insertStep(caseID string, st actionlist.Step) error {
	if err := st.Validate(); err != nil {
		return fmt.Errorf("step %q: %w", st.Title, err)
	}
	_, err := t.exec("INSERT INTO steps (case_id, "+columnList(actionlist.StepColumns)+") VALUES (?, "+placeholders(len(actionlist.StepColumns))+")",
		append([]any{caseID}, anys(actionlist.StepValues(st))...)...)
	if err != nil {
		return fmt.Errorf("add step %q: %w", st.Title, err)
	}
	return t.event(caseID, actionlist.EntityStep, st.ID, actionlist.ActionCreated, "", "", actionlist.StepSnapshot(st))
}

func (t *txn) insertAgreement(caseID string, a actionlist.Agreement) error {
	if err := a.Validate(); err != nil {
		return fmt.Errorf("agreement: %w", err)
	}
	_, err := t.exec("INSERT INTO agreements (case_id, "+columnList(actionlist.AgreementColumns)+") VALUES (?, "+placeholders(len(actionlist.AgreementColumns))+")",
		append([]any{caseID}, anys(actionlist.AgreementValues(a))...)...)
	if err != nil {
		return fmt.Errorf("add agreement: %w", err)
	}
	return t.event(caseID, actionlist.EntityAgreement, a.ID, actionlist.ActionCreated, "", "", actionlist.AgreementSnapshot(a))
}

// nextRef gives a new case reference: the year and a running number.
func (t *txn) nextRef() (string, error) {
	year := t.s.Now().Year()
	var n int
	err := t.tx.QueryRowContext(t.ctx, `SELECT COALESCE(MAX(CAST(substr(ref, 6) AS INTEGER)), 0) FROM cases WHERE ref LIKE ?`,
		fmt.Sprintf("%d-%%", year)).Scan(&n)
	if err != nil {
		return "", fmt.Errorf("make a reference: %w", err)
	}
	return fmt.Sprintf("%d-%03d", year, n+1), nil
}

// CreateCase stores a new case with its steps, agreements and debts. It fills in
// the ID, the reference, the new IDs of steps and agreements that have none,
// and the timestamps, and returns the case as stored.
func (s *Store) CreateCase(ctx context.Context, actor actionlist.Actor, c actionlist.Case) (actionlist.Case, error) {
	var out actionlist.Case
	err := s.change(ctx, actor, func(t *txn) error {
		var err error
		out, err = t.createCase(c)
		return err
	})
	if err != nil {
		return c, err
	}
	return out, nil
}

func (t *txn) createCase(c actionlist.Case) (actionlist.Case, error) {
	if c.ID == "" {
		c.ID = NewID()
	}
	c.Created = t.s.Now()
	c.Updated = c.Created
	c.Steps = slices.Clone(c.Steps)
	for i := range c.Steps {
		if c.Steps[i].ID == "" {
			c.Steps[i].ID = NewID()
		}
	}
	c.Agreements = slices.Clone(c.Agreements)
	for i := range c.Agreements {
		if c.Agreements[i].ID == "" {
			c.Agreements[i].ID = NewID()
		}
	}
	c.Debts = slices.Clone(c.Debts)
	for i := range c.Debts {
		if c.Debts[i].ID == "" {
			c.Debts[i].ID = NewID()
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
	for _, d := range c.Debts {
		if err := t.insertDebt(c.ID, d); err != nil {
			return c, err
		}
	}
	return c, nil
}

// UpdateCase saves the changes from before to after in the case's own
// fields. A field that someone else changed since before was read is a
// conflict: then nothing is saved. It returns the case's fields as stored.
func (s *Store) UpdateCase(ctx context.Context, actor actionlist.Actor, before, after actionlist.Case) (actionlist.Case, error) {
	cur, _, err := s.UpdateCaseDated(ctx, actor, before, after)
	return cur, err
}

// UpdateCaseDated is UpdateCase that also says which due dates the dose's
// promise gave: a new dose may bring steps into Now.
func (s *Store) UpdateCaseDated(ctx context.Context, actor actionlist.Actor, before, after actionlist.Case) (actionlist.Case, Promised, error) {
	var cur actionlist.Case
	var planned []actionlist.Step
	err := s.change(ctx, actor, func(t *txn) error {
		var err error
		cur, planned, err = t.updateCase(before, after)
		return err
	})
	if err != nil {
		return cur, nil, err
	}
	return cur, promisedBy(planned), nil
}

// updateCase is UpdateCase in a transaction; it also returns the steps
// the promise dated.
func (t *txn) updateCase(before, after actionlist.Case) (actionlist.Case, []actionlist.Step, error) {
	if before.Dose == after.Dose {
		cur, err := t.saveCaseFields(before, after)
		return cur, nil, err
	}
	var cur actionlist.Case
	planned, err := t.promising(before.ID, func() error {
		var err error
		cur, err = t.saveCaseFields(before, after)
		return err
	})
	return cur, planned, err
}

// saveCaseFields applies the changes from before to after to the case as
// stored, refusing fields changed meanwhile, and records them; it returns
// the case's fields as stored.
func (t *txn) saveCaseFields(before, after actionlist.Case) (actionlist.Case, error) {
	cur, err := loadCaseRow(t.ctx, t.tx, before.ID)
	if err != nil {
		return cur, err
	}
	applied, conflicts, err := actionlist.ApplyCaseChanges(&cur, actionlist.CaseChanges(before, after))
	if err != nil {
		return cur, err
	}
	if len(conflicts) > 0 {
		return cur, &ConflictError{Entity: actionlist.EntityCase, ID: before.Ref, Conflicts: conflicts}
	}
	if len(applied) == 0 {
		return cur, nil
	}
	if err := cur.Validate(); err != nil {
		return cur, fmt.Errorf("case: %w", err)
	}
	cur.Updated = t.s.Now()
	if _, err := t.exec("UPDATE cases SET "+assignments(actionlist.CaseColumns)+", updated = ? WHERE id = ?",
		anys(actionlist.CaseValues(cur), stamp(cur.Updated), cur.ID)...); err != nil {
		return cur, fmt.Errorf("save case: %w", err)
	}
	return cur, t.changes(cur.ID, actionlist.EntityCase, cur.ID, applied)
}

// StepEdit is one step as the caller read it and as it should become.
type StepEdit struct {
	Before, After actionlist.Step
}

// UpdateSteps saves several step edits in one transaction (a tick-off, a
// reordering, an undo), with the due dates of the steps they bring into
// Now. A conflict in any of them saves none. It returns the edited steps as
// stored, in the order of edits, followed by any other step that got a due
// date (which had none before).
func (s *Store) UpdateSteps(ctx context.Context, actor actionlist.Actor, edits ...StepEdit) ([]actionlist.Step, error) {
	out, _, err := s.UpdateStepsDated(ctx, actor, edits...)
	return out, err
}

// UpdateStepsDated is UpdateSteps that also says which due dates the
// dose's promise gave, the edited steps' own included.
func (s *Store) UpdateStepsDated(ctx context.Context, actor actionlist.Actor, edits ...StepEdit) ([]actionlist.Step, Promised, error) {
	var out, planned []actionlist.Step
	err := s.change(ctx, actor, func(t *txn) error {
		var err error
		out, planned, err = t.updateStepsPromising(edits)
		return err
	})
	if err != nil {
		return out, nil, err
	}
	return out, promisedBy(planned), nil
}

func (t *txn) updateSteps(edits []StepEdit) ([]actionlist.Step, error) {
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

// Step reads one step as stored.
func (s *Store) Step(ctx context.Context, id string) (actionlist.Step, error) {
	st, _, err := loadStepRow(ctx, s.db, id)
	return st, err
}

// updateStepsPromising is updateSteps with the due dates of the steps the
// edits bring into Now; see UpdateSteps. It also returns the steps the
// promise dated.
func (t *txn) updateStepsPromising(edits []StepEdit) ([]actionlist.Step, []actionlist.Step, error) {
	var befores []nowState
	caseOf := map[string]string{} // step ID to case ID, for the edits that can move Now
	for _, e := range edits {
		if !actionlist.MovesNow(actionlist.StepChanges(e.Before, e.After)) {
			continue // a note or a name: Now stays as it is
		}
		var caseID string
		err := t.tx.QueryRowContext(t.ctx, "SELECT case_id FROM steps WHERE id = ?", e.Before.ID).Scan(&caseID)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil, fmt.Errorf("step %s: %w", e.Before.ID, ErrNotFound)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("read step %s: %w", e.Before.ID, err)
		}
		caseOf[e.Before.ID] = caseID
		if slices.ContainsFunc(befores, func(b nowState) bool { return b.caseID == caseID }) {
			continue
		}
		b, err := t.readNow(caseID)
		if err != nil {
			return nil, nil, err
		}
		befores = append(befores, b)
	}
	out, err := t.updateSteps(edits)
	if err != nil {
		return nil, nil, err
	}
	var dated []actionlist.Step
	for _, b := range befores {
		var saved []actionlist.Step
		for _, s := range out {
			if caseOf[s.ID] == b.caseID {
				saved = append(saved, s)
			}
		}
		planned, err := t.keepPromiseAfter(b, saved, b.dose)
		if err != nil {
			return nil, nil, err
		}
		out = withPlanned(out, planned)
		dated = append(dated, planned...)
	}
	return out, dated, nil
}

// UpdateStep saves one step edit; see UpdateSteps.
func (s *Store) UpdateStep(ctx context.Context, actor actionlist.Actor, before, after actionlist.Step) (actionlist.Step, error) {
	out, err := s.UpdateSteps(ctx, actor, StepEdit{before, after})
	if err != nil {
		return actionlist.Step{}, err
	}
	return out[0], nil
}

func (t *txn) updateStep(e StepEdit) (actionlist.Step, string, error) {
	cur, caseID, err := loadStepRow(t.ctx, t.tx, e.Before.ID)
	if err != nil {
		return cur, "", err
	}
	applied, conflicts, err := actionlist.ApplyStepChanges(&cur, actionlist.StepChanges(e.Before, e.After))
	if err != nil {
		return cur, "", err
	}
	if len(conflicts) > 0 {
		return cur, "", &ConflictError{Entity: actionlist.EntityStep, ID: cur.Title, Conflicts: conflicts}
	}
	if len(applied) == 0 {
		return cur, caseID, nil
	}
	if err := cur.Validate(); err != nil {
		return cur, "", fmt.Errorf("step %q: %w", cur.Title, err)
	}
	if _, err := t.exec("UPDATE steps SET "+assignments(actionlist.StepColumns)+" WHERE id = ?",
		anys(actionlist.StepValues(cur), cur.ID)...); err != nil {
		return cur, "", fmt.Errorf("save step %q: %w", cur.Title, err)
	}
	return cur, caseID, t.changes(caseID, actionlist.EntityStep, cur.ID, applied)
}

// AddStep adds a step to a case and returns it with its new ID.
func (s *Store) AddStep(ctx context.Context, actor actionlist.Actor, caseID string, st actionlist.Step) (actionlist.Step, error) {
	if st.ID == "" {
		st.ID = NewID()
	}
	err := s.change(ctx, actor, func(t *txn) error {
		planned, err := t.promising(caseID, func() error { return t.insertStep(caseID, st) })
		if err != nil {
			return err
		}
		if i := slices.IndexFunc(planned, func(p actionlist.Step) bool { return p.ID == st.ID }); i >= 0 {
			st.Due = planned[i].Due
		}
		return t.touch(caseID)
	})
	return st, err
}

// DeleteStep removes a step; steps that waited for it no longer do.
func (s *Store) DeleteStep(ctx context.Context, actor actionlist.Actor, stepID string) error {
	return s.change(ctx, actor, func(t *txn) error {
		st, caseID, err := loadStepRow(t.ctx, t.tx, stepID)
		if err != nil {
			return err
		}
		before, err := t.readNow(caseID)
		if err != nil {
			return err
		}
		dependents, err := loadSteps(t.ctx, t.tx, "WHERE case_id = ? AND ',' || depends_on || ',' LIKE ? ORDER BY rowid", caseID, "%,"+stepID+",%")
		if err != nil {
			return err
		}
		for _, d := range dependents {
			after := d
			after.DependsOn = nil
			for _, id := range d.DependsOn {
				if id != stepID {
					after.DependsOn = append(after.DependsOn, id)
				}
			}
			if _, _, err := t.updateStep(StepEdit{d, after}); err != nil {
				return err
			}
		}
		if _, err := t.exec("DELETE FROM steps WHERE id = ?", stepID); err != nil {
			return fmt.Errorf("delete step %q: %w", st.Title, err)
		}
		if err := t.event(caseID, actionlist.EntityStep, stepID, actionlist.ActionDeleted, "", actionlist.StepSnapshot(st), ""); err != nil {
			return err
		}
		if _, err := t.keepPromise(before); err != nil { // the steps that waited for it may enter Now
			return err
		}
		return t.touch(caseID)
	})
}

// AddAgreement records an agreement in a case and returns it with its ID.
func (s *Store) AddAgreement(ctx context.Context, actor actionlist.Actor, caseID string, a actionlist.Agreement) (actionlist.Agreement, error) {
	if a.ID == "" {
		a.ID = NewID()
	}
	err := s.change(ctx, actor, func(t *txn) error {
		if err := t.insertAgreement(caseID, a); err != nil {
			return err
		}
		return t.touch(caseID)
	})
	return a, err
}

// UpdateAgreement saves the changes from before to after; see UpdateCase.
func (s *Store) UpdateAgreement(ctx context.Context, actor actionlist.Actor, caseID string, before, after actionlist.Agreement) (actionlist.Agreement, error) {
	var cur actionlist.Agreement
	err := s.change(ctx, actor, func(t *txn) error {
		var err error
		if cur, err = loadAgreementRow(t.ctx, t.tx, caseID, before.ID); err != nil {
			return err
		}
		applied, conflicts, err := actionlist.ApplyAgreementChanges(&cur, actionlist.AgreementChanges(before, after))
		if err != nil {
			return err
		}
		if len(conflicts) > 0 {
			return &ConflictError{Entity: actionlist.EntityAgreement, ID: before.ID, Conflicts: conflicts}
		}
		if len(applied) == 0 {
			return nil
		}
		if err := cur.Validate(); err != nil {
			return fmt.Errorf("agreement: %w", err)
		}
		if _, err := t.exec("UPDATE agreements SET "+assignments(actionlist.AgreementColumns)+" WHERE id = ?",
			anys(actionlist.AgreementValues(cur), cur.ID)...); err != nil {
			return fmt.Errorf("save agreement: %w", err)
		}
		if err := t.changes(caseID, actionlist.EntityAgreement, cur.ID, applied); err != nil {
			return err
		}
		return t.touch(caseID)
	})
	return cur, err
}

// DeleteAgreement removes an agreement from a case.
func (s *Store) DeleteAgreement(ctx context.Context, actor actionlist.Actor, caseID, id string) error {
	return s.change(ctx, actor, func(t *txn) error {
		a, err := loadAgreementRow(t.ctx, t.tx, caseID, id)
		if err != nil {
			return err
		}
		if _, err := t.exec("DELETE FROM agreements WHERE id = ?", id); err != nil {
			return fmt.Errorf("delete agreement: %w", err)
		}
		if err := t.event(caseID, actionlist.EntityAgreement, id, actionlist.ActionDeleted, "", actionlist.AgreementSnapshot(a), ""); err != nil {
			return err
		}
		return t.touch(caseID)
	})
}
