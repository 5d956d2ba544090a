package store

import (
	"context"
	"errors"
	"fmt"
)

// CheckReport is what an integrity check found.
type CheckReport struct {
	Cases, Steps, Agreements, Events int
	Problems                         []string // empty when the database is sound
}

// Sound reports whether no problems were found.
func (r CheckReport) Sound() bool { return len(r.Problems) == 0 }

// damage reports a page so broken that the integrity check itself stopped
// on it as a problem found, not as a check that could not run.
func damage(r CheckReport, err error) (CheckReport, error) {
	if err := classify(err); errors.Is(err, ErrDamaged) {
		r.Problems = append(r.Problems, "integrity: "+err.Error())
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
			r.Problems = append(r.Problems, "integrity: "+line)
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
		r.Problems = append(r.Problems, fmt.Sprintf("foreign key: a row in %s points to a missing %s", table, parent))
	}
	fk.Close()
	if !r.Sound() {
		return r, nil // values in a damaged file cannot be trusted to read
	}
	for _, t := range []struct {
		table string
		n     *int
	}{{"cases", &r.Cases}, {"steps", &r.Steps}, {"agreements", &r.Agreements}, {"events", &r.Events}} {
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
			r.Problems = append(r.Problems, fmt.Sprintf("case %s: %v", c[1], err))
			continue
		}
		if err := kase.Validate(); err != nil {
			r.Problems = append(r.Problems, fmt.Sprintf("case %s: %v", c[1], err))
		}
		for _, st := range kase.Steps {
			if err := st.Validate(); err != nil {
				r.Problems = append(r.Problems, fmt.Sprintf("case %s, step %q: %v", c[1], st.Title, err))
			}
		}
	}
	r.Problems = append(r.Problems, s.checkSignals(ctx)...)
	return r, nil
}
