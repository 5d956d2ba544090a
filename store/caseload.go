package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"houvast/actionlist"
)

// A caseload goes to a colleague (leave, a new job) as one file: the store
// reads the chosen cases with their history at one moment, and writes all
// of a file's cases in one transaction, so a laptop holds either the whole
// caseload or none of it, also after a crash.

// CaseHistory is a case with every event of it, oldest first.
type CaseHistory struct {
	Case   actionlist.Case
	Events []actionlist.Event
}

// VolunteerCopies lists the cases here that are a volunteer's copy: only
// part of a case, so never handed on as one.
func (s *Store) VolunteerCopies(ctx context.Context) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT case_id FROM events WHERE entity = 'case' AND action = ? AND field = ?`,
		string(ActionImported), FieldVolunteerPackage)
	if err != nil {
		return nil, fmt.Errorf("read volunteer copies: %w", err)
	}
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

// CasesWithEvents reads cases and all their events in one read
// transaction, so they belong to the same moment.
func (s *Store) CasesWithEvents(ctx context.Context, ids []string) ([]CaseHistory, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, classify(err)
	}
	defer tx.Rollback()
	out := make([]CaseHistory, len(ids))
	for i, id := range ids {
		c, err := loadCase(ctx, tx, id)
		if err != nil {
			return nil, err
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM events WHERE case_id = ?", id).Scan(&n); err != nil {
			return nil, fmt.Errorf("read history: %w", err)
		}
		evs, err := appendEvents(ctx, tx, make([]actionlist.Event, 0, n), "WHERE case_id = ? ORDER BY seq", id)
		if err != nil {
			return nil, err
		}
		out[i] = CaseHistory{Case: c, Events: evs}
	}
	return out, nil
}

// CaseloadOutcome is what importing one case of a caseload did.
type CaseloadOutcome int

const (
	CaseAdded     CaseloadOutcome = iota + 1 // new on this laptop
	CaseRefreshed                            // here already, and the file brought its later history
	CaseSame                                 // here already with everything the file has: left as it is
	CaseDiverged                             // here already, and changed here too: left as it is
)

// CaseloadCase is one case of a caseload import.
type CaseloadCase struct {
	Case    actionlist.Case // as it is here now (steps and agreements included)
	FileRef string          // the reference in the file, when it got another one here
	Outcome CaseloadOutcome
	Events  int // events added
}

// ImportCaseload writes the cases of a caseload file in one transaction:
// all of them, or, on any error, none. A case new here is stored as
// ImportCase stores it (a taken reference gets the next free one). A case
// here already is refreshed when its history here is part of the file's
// (the file's fields, steps and agreements, and the events it adds), and
// otherwise left as it is: the same, or changed on both laptops. Nothing
// new is recorded, so exporting again gives the same file.
func (s *Store) ImportCaseload(ctx context.Context, actor actionlist.Actor, cases []CaseHistory) ([]CaseloadCase, error) {
	var out []CaseloadCase
	err := s.change(ctx, actor, func(t *txn) error {
		out = make([]CaseloadCase, len(cases))
		write := make([]bool, len(cases)) // the file's rows go in for this case
		events := make([][]actionlist.Event, len(cases))
		var renumber []int // new here, with a reference another case has
		for i, in := range cases {
			c := in.Case
			out[i] = CaseloadCase{Case: c}
			localRef, exists, err := t.caseRef(c.ID)
			if err != nil {
				return err
			}
			if !exists {
				taken, err := t.refTaken(c.Ref)
				if err != nil {
					return err
				}
				if taken || c.Ref == "" {
					renumber = append(renumber, i)
					continue
				}
				if err := t.insertCaseRow(c); err != nil {
					return err
				}
				out[i].Outcome, write[i], events[i] = CaseAdded, true, in.Events
				continue
			}
			here, err := t.eventIDs(c.ID)
			if err != nil {
				return err
			}
			out[i].Outcome, events[i] = compareHistory(here, in.Events)
			if out[i].Outcome != CaseRefreshed {
				if out[i].Case, err = loadCase(t.ctx, t.tx, c.ID); err != nil {
					return err
				}
				continue
			}
			c.Ref = localRef
			if err := t.replaceCase(c); err != nil {
				return err
			}
			out[i].Case.Ref, write[i] = localRef, true
		}
		// New references only once every reference the file keeps is in
		// place, so one new reference never pushes out the next case's.
		for _, i := range renumber {
			c := cases[i].Case
			ref, err := t.nextRef()
			if err != nil {
				return err
			}
			c.Ref = ref
			if err := t.insertCaseRow(c); err != nil {
				return err
			}
			out[i].Case.Ref, out[i].FileRef = ref, cases[i].Case.Ref
			out[i].Outcome, write[i], events[i] = CaseAdded, true, cases[i].Events
		}
		var stepRows, eventRows [][]any
		for i, in := range cases {
			if !write[i] {
				continue
			}
			c := in.Case
			for _, st := range c.Steps {
				if err := st.Validate(); err != nil {
					return fmt.Errorf("case %s, step %q: %w", c.Ref, st.Title, err)
				}
				stepRows = append(stepRows, append([]any{c.ID}, anys(actionlist.StepValues(st))...))
			}
			for _, a := range c.Agreements {
				if err := t.insertAgreementRow(c.ID, a); err != nil {
					return existsOrErr(err, c.ID)
				}
			}
			for _, e := range events[i] {
				eventRows = append(eventRows, []any{e.ID, c.ID, string(e.Entity), e.EntityID, string(e.Action), e.Field, e.Old, e.New,
					stamp(e.At), e.Actor.Name, string(e.Actor.Role)})
			}
			out[i].Events = len(events[i])
		}
		// One statement per hundred rows, for all the cases together.
		if err := t.batchInsert("steps", importStepColumns, stepRows); err != nil {
			return err
		}
		return t.batchInsert("events", importEventColumns, eventRows)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// compareHistory says what the file's history is to the one here, and
// which of the file's events are new.
func compareHistory(here map[string]bool, file []actionlist.Event) (CaseloadOutcome, []actionlist.Event) {
	inFile := 0
	var fresh []actionlist.Event
	for _, e := range file {
		if here[e.ID] {
			inFile++
			continue
		}
		fresh = append(fresh, e)
	}
	switch {
	case inFile < len(here):
		return CaseDiverged, nil
	case len(fresh) == 0:
		return CaseSame, nil
	}
	return CaseRefreshed, fresh
}

func (t *txn) eventIDs(caseID string) (map[string]bool, error) {
	rows, err := t.tx.QueryContext(t.ctx, "SELECT id FROM events WHERE case_id = ?", caseID)
	if err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
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

// replaceCase puts the file's version of a case in place of the one here:
// its fields, and no steps or agreements yet (the caller adds the file's).
func (t *txn) replaceCase(c actionlist.Case) error {
	if err := c.Validate(); err != nil {
		return fmt.Errorf("case: %w", err)
	}
	if _, err := t.exec("UPDATE cases SET "+assignments(actionlist.CaseColumns)+", created = ?, updated = ? WHERE id = ?",
		anys(actionlist.CaseValues(c), stamp(c.Created), stamp(c.Updated), c.ID)...); err != nil {
		return fmt.Errorf("save case %s: %w", c.Ref, err)
	}
	for _, table := range []string{"steps", "agreements"} {
		if _, err := t.exec("DELETE FROM "+table+" WHERE case_id = ?", c.ID); err != nil {
			return fmt.Errorf("refresh case %s: %w", c.Ref, err)
		}
	}
	return nil
}

// existsOrErr turns a UNIQUE failure into part of the case being here.
func existsOrErr(err error, caseID string) error {
	if err != nil && strings.Contains(err.Error(), "UNIQUE") {
		return &ExistsError{ID: caseID, History: true}
	}
	return err
}
