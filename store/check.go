package store

import (
	"context"
	"errors"
	"fmt"

	"houvast/actionlist"
)

// CheckReport is what an integrity check found.
type CheckReport struct {
	Cases, Steps, Agreements, Debts, Events int
	Problems                                []Problem // empty when the database is sound
}

// ProblemKind is what kind of damage a check found.
type ProblemKind int

const (
	// ProblemPage: a page of the file is damaged (Detail: SQLite's words).
	ProblemPage ProblemKind = iota + 1
	// ProblemLink: a row in Table points to a row of Parent that is gone.
	ProblemLink
	// ProblemValue: a stored value of case Ref (step Step, when a step's)
	// cannot be right (Err says why).
	ProblemValue
	// ProblemSignal: an early-warning signal from Partner, received On, does
	// not read or cannot be right (Err says why).
	ProblemSignal
)

// Problem is one thing a check found wrong; the front-ends word it in the
// user's language.
type Problem struct {
	Kind          ProblemKind
	Detail        string
	Table, Parent string
	Ref, Step     string
	Debt          string // ProblemValue of a debt: its creditor
	Partner       actionlist.SignalKind
	On            actionlist.Date
	Err           error
}

// String is the problem in English, for logs and tests.
func (p Problem) String() string {
	switch p.Kind {
	case ProblemPage:
		return "integrity: " + p.Detail
	case ProblemLink:
		return fmt.Sprintf("foreign key: a row in %s points to a missing %s", p.Table, p.Parent)
	case ProblemValue:
		if p.Step != "" {
			return fmt.Sprintf("case %s, step %q: %v", p.Ref, p.Step, p.Err)
		}
		if p.Debt != "" {
			return fmt.Sprintf("case %s, debt %q: %v", p.Ref, p.Debt, p.Err)
		}
		return fmt.Sprintf("case %s: %v", p.Ref, p.Err)
	case ProblemSignal:
		return fmt.Sprintf("signal of %s from %s: %v", p.On, p.Partner, p.Err)
	}
	return "unknown problem"
}

// Sound reports whether no problems were found.
func (r CheckReport) Sound() bool { return len(r.Problems) == 0 }

// damage reports a page so broken that the integrity check itself stopped
// on it as a problem found, not as a check that could not run.
func damage(r CheckReport, err error) (CheckReport, error) {
	if err := classify(err); errors.Is(err, ErrDamaged) {
		r.Problems = append(r.Problems, Problem{Kind: ProblemPage, Detail: err.Error()})
		return r, nil
	}
	return r, fmt.Errorf("integrity check: %w", err)
}

// Check reads every page (PRAGMA integrity_check, which finds damage a plain
// query skips), every foreign key, and every stored value.
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	var r CheckReport
	rows, err := s.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return damage(r, err)
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return damage(r, err)
		}
		if line != "ok" {
			r.Problems = append(r.Problems, Problem{Kind: ProblemPage, Detail: line})
		}
	}
	if err := rows.Close(); err != nil {
		return damage(r, err)
	}
	if err := rows.Err(); err != nil {
		return damage(r, err)
	}
	fk, err := s.db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return r, fmt.Errorf("foreign key check: %w", err)
	}
	for fk.Next() {
		var table, parent string
		var rowid, idx any
		if err := fk.Scan(&table, &rowid, &parent, &idx); err != nil {
			fk.Close()
			return r, fmt.Errorf("foreign key check: %w", err)
		}
		r.Problems = append(r.Problems, Problem{Kind: ProblemLink, Table: table, Parent: parent})
	}
	fk.Close()
	if !r.Sound() {
		return r, nil // values in a damaged file cannot be trusted to read
	}
	for _, t := range []struct {
		table string
		n     *int
	}{{"cases", &r.Cases}, {"steps", &r.Steps}, {"agreements", &r.Agreements}, {"debts", &r.Debts}, {"events", &r.Events}} {
		if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM "+t.table).Scan(t.n); err != nil {
			return r, fmt.Errorf("count %s: %w", t.table, err)
		}
	}
	ids, err := s.db.QueryContext(ctx, "SELECT id, ref FROM cases")
	if err != nil {
		return r, fmt.Errorf("read cases: %w", err)
	}
	var cases [][2]string
	for ids.Next() {
		var id, ref string
		if err := ids.Scan(&id, &ref); err != nil {
			ids.Close()
			return r, err
		}
		cases = append(cases, [2]string{id, ref})
	}
	ids.Close()
	for _, c := range cases {
		kase, err := loadCase(ctx, s.db, c[0])
		if err != nil {
			steps, serr := s.unreadableSteps(ctx, c[0], c[1])
			if serr != nil || len(steps) == 0 {
				steps = []Problem{{Kind: ProblemValue, Ref: c[1], Err: err}}
			}
			r.Problems = append(r.Problems, steps...)
			continue
		}
		if err := kase.Validate(); err != nil {
			r.Problems = append(r.Problems, Problem{Kind: ProblemValue, Ref: c[1], Err: err})
		}
		for _, st := range kase.Steps {
			if err := st.Validate(); err != nil {
				r.Problems = append(r.Problems, Problem{Kind: ProblemValue, Ref: c[1], Step: st.Title, Err: err})
			}
		}
		for _, d := range kase.Debts {
			if err := d.Validate(); err != nil {
				r.Problems = append(r.Problems, Problem{Kind: ProblemValue, Ref: c[1], Debt: d.Creditor, Err: err})
			}
		}
	}
	r.Problems = append(r.Problems, s.checkSignals(ctx)...)
	return r, nil
}

// unreadableSteps finds the steps of a case that do not read, so check can
// name each by its title rather than the case alone.
func (s *Store) unreadableSteps(ctx context.Context, caseID, ref string) ([]Problem, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+columnList(actionlist.StepColumns)+", title FROM steps WHERE case_id = ?", caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Problem
	for rows.Next() {
		var title string
		vals, err := scanStrings(rows, len(actionlist.StepColumns), &title)
		if err != nil {
			return nil, err
		}
		if _, err := actionlist.StepFromValues(vals); err != nil {
			out = append(out, Problem{Kind: ProblemValue, Ref: ref, Step: title, Err: err})
		}
	}
	return out, rows.Err()
}
