package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"houvast/actionlist"
)

var debtSelect = "SELECT " + columnList(actionlist.DebtColumns) + " FROM debts"

// loadDebts reads a case's debts in the order they were added.
func loadDebts(ctx context.Context, q queryer, caseID string) ([]actionlist.Debt, error) {
	rows, err := q.QueryContext(ctx, debtSelect+" WHERE case_id = ? ORDER BY rowid", caseID)
	if err != nil {
		return nil, fmt.Errorf("read debts: %w", err)
	}
	defer rows.Close()
	var out []actionlist.Debt
	for rows.Next() {
		vals, err := scanStrings(rows, len(actionlist.DebtColumns))
		if err != nil {
			return nil, fmt.Errorf("read debts: %w", err)
		}
		d, err := actionlist.DebtFromValues(vals)
		if err != nil {
			return nil, fmt.Errorf("read debt %s: %w", vals[0], err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

func loadDebtRow(ctx context.Context, q queryer, caseID, id string) (actionlist.Debt, error) {
	vals, err := scanStrings(q.QueryRowContext(ctx, debtSelect+" WHERE id = ? AND case_id = ?", id, caseID), len(actionlist.DebtColumns))
	if errors.Is(err, sql.ErrNoRows) {
		return actionlist.Debt{}, fmt.Errorf("debt %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return actionlist.Debt{}, fmt.Errorf("read debt %s: %w", id, err)
	}
	d, err := actionlist.DebtFromValues(vals)
	if err != nil {
		return actionlist.Debt{}, fmt.Errorf("read debt %s: %w", id, err)
	}
	return d, nil
}

// eachDebt reads rows of a debt's columns and its case's ID.
func eachDebt(rows *sql.Rows, add func(caseID string, d actionlist.Debt)) error {
	defer rows.Close()
	for rows.Next() {
		var caseID string
		vals, err := scanStrings(rows, len(actionlist.DebtColumns), &caseID)
		if err != nil {
			return fmt.Errorf("read debts: %w", err)
		}
		d, err := actionlist.DebtFromValues(vals)
		if err != nil {
			return fmt.Errorf("read debt %s: %w", vals[0], err)
		}
		add(caseID, d)
	}
	return rows.Err()
}

// insertDebtRow stores a debt as it is, without an event: for imports,
// which bring their own history.
func (t *txn) insertDebtRow(caseID string, d actionlist.Debt) error {
	if err := d.Validate(); err != nil {
		return fmt.Errorf("debt %q: %w", d.Creditor, err)
	}
	_, err := t.exec("INSERT INTO debts (case_id, "+columnList(actionlist.DebtColumns)+") VALUES (?, "+placeholders(len(actionlist.DebtColumns))+")",
		append([]any{caseID}, anys(actionlist.DebtValues(d))...)...)
	if err != nil {
		return fmt.Errorf("add debt %q: %w", d.Creditor, err)
	}
	return nil
}

func (t *txn) insertDebt(caseID string, d actionlist.Debt) error {
	if err := t.insertDebtRow(caseID, d); err != nil {
		return err
	}
	return t.event(caseID, actionlist.EntityDebt, d.ID, actionlist.ActionCreated, "", "", actionlist.DebtSnapshot(d))
}

// AddDebt records a debt in a case and returns it with its ID.
func (s *Store) AddDebt(ctx context.Context, actor actionlist.Actor, caseID string, d actionlist.Debt) (actionlist.Debt, error) {
	if d.ID == "" {
		d.ID = NewID()
	}
	err := s.change(ctx, actor, func(t *txn) error {
		if err := t.insertDebt(caseID, d); err != nil {
			return err
		}
		return t.touch(caseID)
	})
	return d, err
}

// UpdateDebt saves the changes from before to after, one event per field;
// a field someone else changed meanwhile is a conflict and nothing is saved.
func (s *Store) UpdateDebt(ctx context.Context, actor actionlist.Actor, caseID string, before, after actionlist.Debt) (actionlist.Debt, error) {
	var cur actionlist.Debt
	err := s.change(ctx, actor, func(t *txn) error {
		var err error
		if cur, err = loadDebtRow(t.ctx, t.tx, caseID, before.ID); err != nil {
			return err
		}
		applied, conflicts, err := actionlist.ApplyDebtChanges(&cur, actionlist.DebtChanges(before, after))
		if err != nil {
			return err
		}
		if len(conflicts) > 0 {
			return &ConflictError{Entity: actionlist.EntityDebt, ID: before.Creditor, Conflicts: conflicts}
		}
		if len(applied) == 0 {
			return nil
		}
		if err := cur.Validate(); err != nil {
			return fmt.Errorf("debt %q: %w", cur.Creditor, err)
		}
		if _, err := t.exec("UPDATE debts SET "+assignments(actionlist.DebtColumns)+" WHERE id = ?",
			anys(actionlist.DebtValues(cur), cur.ID)...); err != nil {
			return fmt.Errorf("save debt %q: %w", cur.Creditor, err)
		}
		if err := t.changes(caseID, actionlist.EntityDebt, cur.ID, applied); err != nil {
			return err
		}
		return t.touch(caseID)
	})
	return cur, err
}

// DeleteDebt removes a debt from a case; its snapshot stays in the history,
// so an undo can put it back whole.
func (s *Store) DeleteDebt(ctx context.Context, actor actionlist.Actor, caseID, id string) error {
	return s.change(ctx, actor, func(t *txn) error {
		d, err := loadDebtRow(t.ctx, t.tx, caseID, id)
		if err != nil {
			return err
		}
		if _, err := t.exec("DELETE FROM debts WHERE id = ?", id); err != nil {
			return fmt.Errorf("delete debt %q: %w", d.Creditor, err)
		}
		if err := t.event(caseID, actionlist.EntityDebt, id, actionlist.ActionDeleted, "", actionlist.DebtSnapshot(d), ""); err != nil {
			return err
		}
		return t.touch(caseID)
	})
}
