package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"houvast/actionlist"
)

// queryer is what reads need: the database itself or an open transaction.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

const stampLayout = time.RFC3339Nano

func stamp(t time.Time) string { return t.UTC().Format(stampLayout) }

func parseStamp(s string) time.Time {
	t, _ := time.Parse(stampLayout, s) // written by stamp; zero if damaged
	return t
}

var (
	caseSelect      = "SELECT " + columnList(actionlist.CaseColumns) + ", created, updated FROM cases"
	stepPacked      = "SELECT " + packed("", actionlist.StepColumns) + " FROM steps"
	agreementSelect = "SELECT " + columnList(actionlist.AgreementColumns) + " FROM agreements"
)

func loadCaseRow(ctx context.Context, q queryer, id string) (actionlist.Case, error) {
	var created, updated string
	vals, err := scanStrings(q.QueryRowContext(ctx, caseSelect+" WHERE id = ?", id), len(actionlist.CaseColumns), &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return actionlist.Case{}, fmt.Errorf("case %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return actionlist.Case{}, fmt.Errorf("read case %s: %w", id, err)
	}
	c, err := actionlist.CaseFromValues(vals)
	if err != nil {
		return actionlist.Case{}, fmt.Errorf("read case %s: %w", id, err)
	}
	c.Created, c.Updated = parseStamp(created), parseStamp(updated)
	return c, nil
}

func loadStepRow(ctx context.Context, q queryer, id string) (actionlist.Step, string, error) {
	var caseID string
	vals, err := scanStrings(q.QueryRowContext(ctx, "SELECT "+columnList(actionlist.StepColumns)+", case_id FROM steps WHERE id = ?", id), len(actionlist.StepColumns), &caseID)
	if errors.Is(err, sql.ErrNoRows) {
		return actionlist.Step{}, "", fmt.Errorf("step %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return actionlist.Step{}, "", fmt.Errorf("read step %s: %w", id, err)
	}
	st, err := actionlist.StepFromValues(vals)
	if err != nil {
		return actionlist.Step{}, "", fmt.Errorf("read step %s: %w", id, err)
	}
	return st, caseID, nil
}

func loadSteps(ctx context.Context, q queryer, where string, args ...any) ([]actionlist.Step, error) {
	return appendSteps(ctx, q, nil, where, args...)
}

// appendSteps is loadSteps appending to out. A caller that knows how many
// steps are coming sizes out once: growing it step by step for a case of
// 20,000 steps makes about 30 MB of garbage, which shows as peak memory.
func appendSteps(ctx context.Context, q queryer, out []actionlist.Step, where string, args ...any) ([]actionlist.Step, error) {
	rows, err := q.QueryContext(ctx, stepPacked+" "+where, args...)
	if err != nil {
		return nil, fmt.Errorf("read steps: %w", err)
	}
	defer rows.Close()
	var row string
	vals := make([]string, len(actionlist.StepColumns))
	for rows.Next() {
		if err := rows.Scan(&row); err != nil {
			return nil, fmt.Errorf("read steps: %w", err)
		}
		if err := unpack(row, vals); err != nil {
			return nil, fmt.Errorf("read steps: %w", err)
		}
		st, err := actionlist.StepFromValues(vals)
		if err != nil {
			return nil, fmt.Errorf("read step %s: %w", vals[0], err)
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

func loadAgreementRow(ctx context.Context, q queryer, caseID, id string) (actionlist.Agreement, error) {
	vals, err := scanStrings(q.QueryRowContext(ctx, agreementSelect+" WHERE id = ? AND case_id = ?", id, caseID), len(actionlist.AgreementColumns))
	if errors.Is(err, sql.ErrNoRows) {
		return actionlist.Agreement{}, fmt.Errorf("agreement %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return actionlist.Agreement{}, fmt.Errorf("read agreement %s: %w", id, err)
	}
	a, err := actionlist.AgreementFromValues(vals)
	if err != nil {
		return actionlist.Agreement{}, fmt.Errorf("read agreement %s: %w", id, err)
	}
	return a, nil
}

func loadAgreements(ctx context.Context, q queryer, caseID string) ([]actionlist.Agreement, error) {
	rows, err := q.QueryContext(ctx, agreementSelect+" WHERE case_id = ? ORDER BY date, rowid", caseID)
	if err != nil {
		return nil, fmt.Errorf("read agreements: %w", err)
	}
	defer rows.Close()
	var out []actionlist.Agreement
	for rows.Next() {
		vals, err := scanStrings(rows, len(actionlist.AgreementColumns))
		if err != nil {
			return nil, fmt.Errorf("read agreements: %w", err)
		}
		a, err := actionlist.AgreementFromValues(vals)
		if err != nil {
			return nil, fmt.Errorf("read agreement %s: %w", vals[0], err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

func loadCase(ctx context.Context, q queryer, id string) (actionlist.Case, error) {
	c, err := loadCaseRow(ctx, q, id)
	if err != nil {
		return c, err
	}
	var n int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM steps WHERE case_id = ?", id).Scan(&n); err != nil {
		return c, fmt.Errorf("read steps: %w", err)
	}
	// No ORDER BY: plan order is a total order (ties go by ID), and sorting
	// here is cheaper than SQLite sorting whole rows. The rows are looked up
	// in the order they lie in the file (the rowids from the index, sorted),
	// so each page of a long case is read once instead of again and again.
	if c.Steps, err = appendSteps(ctx, q, make([]actionlist.Step, 0, n), `WHERE rowid IN (SELECT rowid FROM steps WHERE case_id = ?)`, id); err != nil {
		return c, err
	}
	actionlist.SortPlan(c.Steps)
	if c.Agreements, err = loadAgreements(ctx, q, id); err != nil {
		return c, err
	}
	if c.Debts, err = loadDebts(ctx, q, id); err != nil {
		return c, err
	}
	return c, nil
}

// Case reads one whole case: its fields, steps (in plan order) and agreements.
func (s *Store) Case(ctx context.Context, id string) (actionlist.Case, error) {
	return loadCase(ctx, s.db, id)
}

// CaseIDByRef finds a case by its reference.
func (s *Store) CaseIDByRef(ctx context.Context, ref string) (string, error) {
	var id string
	err := s.db.QueryRowContext(ctx, "SELECT id FROM cases WHERE ref = ?", ref).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("case %q: %w", ref, ErrNotFound)
	}
	return id, err
}

// CaseSummary is one row of the case list.
type CaseSummary struct {
	ID, Ref, Name string
	Status        actionlist.CaseStatus
	Next          time.Time
	Start, Target actionlist.Date
	Stabilised    actionlist.Date // the stabilisation clock stops on it
	ClosedOn      actionlist.Date
	Done          int
	Applicable    int
	Overdue       int
	Updated       time.Time
}

// Cases lists every case with its progress and next appointment, most
// recently changed first. today decides what is overdue.
func (s *Store) Cases(ctx context.Context, today actionlist.Date) ([]CaseSummary, error) {
	rows, err := s.db.QueryContext(ctx, `
SELECT c.id, c.ref, c.name, c.status, c.next_at, c.start, c.target, c.stabilised_on, c.closed_on, c.updated,
	COALESCE(SUM(st.status = 'done'), 0),
	COALESCE(SUM(st.status <> 'not_applicable'), 0),
	COALESCE(SUM(st.due <> '' AND st.due < ? AND st.status NOT IN ('done', 'not_applicable')), 0)
FROM cases c LEFT JOIN steps st ON st.case_id = c.id
GROUP BY c.id
ORDER BY c.updated DESC, c.ref`, today.String())
	if err != nil {
		return nil, fmt.Errorf("list cases: %w", err)
	}
	defer rows.Close()
	var out []CaseSummary
	for rows.Next() {
		var cs CaseSummary
		var status, next, start, target, stabilised, closed, updated string
		if err := rows.Scan(&cs.ID, &cs.Ref, &cs.Name, &status, &next, &start, &target, &stabilised, &closed, &updated,
			&cs.Done, &cs.Applicable, &cs.Overdue); err != nil {
			return nil, fmt.Errorf("list cases: %w", err)
		}
		cs.Status = actionlist.CaseStatus(status)
		if next != "" {
			cs.Next, _ = time.ParseInLocation(actionlist.TimeLayout, next, time.Local)
		}
		cs.Start, _ = actionlist.ParseDate(start)
		cs.Target, _ = actionlist.ParseDate(target)
		cs.Stabilised, _ = actionlist.ParseDate(stabilised)
		cs.ClosedOn, _ = actionlist.ParseDate(closed)
		cs.Updated = parseStamp(updated)
		out = append(out, cs)
	}
	return out, rows.Err()
}

// OwnedStep is a step with the case it belongs to, for views across cases.
type OwnedStep struct {
	CaseID, CaseRef, CaseName string
	Step                      actionlist.Step
}

// StepsOwnedBy lists the steps owned by a role across all open cases, in
// case and plan order.
func (s *Store) StepsOwnedBy(ctx context.Context, role actionlist.Role) ([]OwnedStep, error) {
	rows, err := s.db.QueryContext(ctx, `
SELECT concat(`+packed("st", actionlist.StepColumns)+`, `+packed("c", []string{"id", "ref", "name"})+`)
FROM steps st JOIN cases c ON c.id = st.case_id
WHERE st.owner = ? AND c.status <> 'closed'
ORDER BY c.ref, st.rowid`, string(role))
	if err != nil {
		return nil, fmt.Errorf("list %s steps: %w", role, err)
	}
	defer rows.Close()
	var out []OwnedStep
	var row string
	n := len(actionlist.StepColumns)
	vals := make([]string, n+3)
	for rows.Next() {
		if err := rows.Scan(&row); err != nil {
			return nil, fmt.Errorf("list %s steps: %w", role, err)
		}
		if err := unpack(row, vals); err != nil {
			return nil, fmt.Errorf("list %s steps: %w", role, err)
		}
		o := OwnedStep{CaseID: vals[n], CaseRef: vals[n+1], CaseName: vals[n+2]}
		if o.Step, err = actionlist.StepFromValues(vals[:n]); err != nil {
			return nil, fmt.Errorf("read step %s: %w", vals[0], err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// Events lists a case's events, newest first.
func (s *Store) Events(ctx context.Context, caseID string) ([]actionlist.Event, error) {
	return loadEvents(ctx, s.db, "WHERE case_id = ? ORDER BY seq DESC", caseID)
}

// CaseSeq is a number that grows with every change to the case; a screen
// compares it to notice changes made by another window.
func (s *Store) CaseSeq(ctx context.Context, caseID string) (int64, error) {
	var seq sql.NullInt64
	err := s.db.QueryRowContext(ctx, "SELECT max(seq) FROM events WHERE case_id = ?", caseID).Scan(&seq)
	return seq.Int64, err
}

// Seq grows with every change to any case.
func (s *Store) Seq(ctx context.Context) (int64, error) {
	var seq sql.NullInt64
	err := s.db.QueryRowContext(ctx, "SELECT max(seq) FROM events").Scan(&seq)
	return seq.Int64, err
}

// idSet reads rows of one ID each into a set, and closes them.
func idSet(rows *sql.Rows) (map[string]bool, error) {
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// eachAgreement reads rows of an agreement's columns and its case's ID,
// gives each to add, and closes them.
func eachAgreement(rows *sql.Rows, add func(caseID string, a actionlist.Agreement)) error {
	defer rows.Close()
	for rows.Next() {
		var caseID string
		vals, err := scanStrings(rows, len(actionlist.AgreementColumns), &caseID)
		if err != nil {
			return fmt.Errorf("read agreements: %w", err)
		}
		a, err := actionlist.AgreementFromValues(vals)
		if err != nil {
			return fmt.Errorf("read agreement %s: %w", vals[0], err)
		}
		add(caseID, a)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read agreements: %w", err)
	}
	return rows.Close()
}
