package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

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
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT case_id FROM events WHERE `+copyMarkWhere)
	if err != nil {
		return nil, fmt.Errorf("read volunteer copies: %w", err)
	}
	return idSet(rows)
}

// CasesWithEvents reads cases and all their events in one read
// transaction, so they belong to the same moment. Each kind of row is read
// in one query for all the cases, and the history on a second connection
// while the steps are read, as CaseWithEvents does for one case.
func (s *Store) CasesWithEvents(ctx context.Context, ids []string) ([]CaseHistory, error) {
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	if s.db.Stats().MaxOpenConnections != 1 { // a memory database has only one
		if out, ok, err := s.casesAtOnce(ctx, ids, string(list)); ok {
			return out, err
		}
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, classify(err)
	}
	defer tx.Rollback()
	out, err := loadCases(ctx, tx, ids, string(list))
	if err != nil {
		return nil, err
	}
	return out, loadHistories(ctx, tx, out, string(list))
}

// casesAtOnce is CasesWithEvents on two connections (see atOnce).
func (s *Store) casesAtOnce(ctx context.Context, ids []string, list string) (out []CaseHistory, ok bool, err error) {
	var evs map[string][]actionlist.Event
	ok, err = s.atOnce(ctx, "SELECT count(*) FROM events WHERE case_id IN (SELECT value FROM json_each(?))", list,
		func(q queryer, n int) (err error) {
			evs, err = eventsByCase(ctx, q, list, n)
			return err
		},
		func(q queryer) (err error) {
			out, err = loadCases(ctx, q, ids, list)
			return err
		})
	if !ok || err != nil {
		return nil, ok, err
	}
	for i := range out {
		out[i].Events = evs[out[i].Case.ID]
	}
	return out, true, nil
}

var (
	caseStepPacked      = "SELECT " + packed("", append([]string{"case_id"}, actionlist.StepColumns...)) + " FROM steps"
	caseAgreementSelect = "SELECT " + columnList(actionlist.AgreementColumns) + ", case_id FROM agreements"
)

// loadCases reads cases with their steps (in plan order) and agreements,
// each kind in one query; a case that is not there is ErrNotFound.
func loadCases(ctx context.Context, q queryer, ids []string, list string) ([]CaseHistory, error) {
	const in = " WHERE id IN (SELECT value FROM json_each(?))"
	rows, err := q.QueryContext(ctx, caseSelect+in, list)
	if err != nil {
		return nil, fmt.Errorf("read cases: %w", err)
	}
	byID := make(map[string]*actionlist.Case, len(ids))
	for rows.Next() {
		var created, updated string
		vals, err := scanStrings(rows, len(actionlist.CaseColumns), &created, &updated)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("read cases: %w", err)
		}
		c, err := actionlist.CaseFromValues(vals)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("read case %s: %w", vals[0], err)
		}
		c.Created, c.Updated = parseStamp(created), parseStamp(updated)
		byID[c.ID] = &c
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read cases: %w", err)
	}
	out := make([]CaseHistory, len(ids))
	for _, id := range ids {
		if byID[id] == nil {
			return nil, fmt.Errorf("case %s: %w", id, ErrNotFound)
		}
	}
	// Every case, as a handover mostly is: the table read as it lies in the
	// file is a fifth faster than a lookup per case.
	var total int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM cases").Scan(&total); err != nil {
		return nil, fmt.Errorf("read cases: %w", err)
	}
	if total == len(byID) {
		rows, err = q.QueryContext(ctx, caseStepPacked)
	} else {
		rows, err = q.QueryContext(ctx, caseStepPacked+" WHERE case_id IN (SELECT value FROM json_each(?))", list)
	}
	if err != nil {
		return nil, fmt.Errorf("read steps: %w", err)
	}
	var row string
	vals := make([]string, 1+len(actionlist.StepColumns))
	for rows.Next() {
		if err := rows.Scan(&row); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read steps: %w", err)
		}
		if err := unpack(row, vals); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read steps: %w", err)
		}
		st, err := actionlist.StepFromValues(vals[1:])
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("read step %s: %w", vals[1], err)
		}
		c := byID[vals[0]]
		c.Steps = append(c.Steps, st)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read steps: %w", err)
	}
	rows, err = q.QueryContext(ctx, caseAgreementSelect+" WHERE case_id IN (SELECT value FROM json_each(?)) ORDER BY date, rowid", list)
	if err != nil {
		return nil, fmt.Errorf("read agreements: %w", err)
	}
	err = eachAgreement(rows, func(caseID string, a actionlist.Agreement) {
		c := byID[caseID]
		c.Agreements = append(c.Agreements, a)
	})
	if err != nil {
		return nil, err
	}
	rows, err = q.QueryContext(ctx, "SELECT "+columnList(actionlist.DebtColumns)+", case_id FROM debts WHERE case_id IN (SELECT value FROM json_each(?)) ORDER BY rowid", list)
	if err != nil {
		return nil, fmt.Errorf("read debts: %w", err)
	}
	if err := eachDebt(rows, func(caseID string, d actionlist.Debt) {
		c := byID[caseID]
		c.Debts = append(c.Debts, d)
	}); err != nil {
		return nil, err
	}
	for i, id := range ids {
		c := byID[id]
		actionlist.SortPlan(c.Steps)
		out[i] = CaseHistory{Case: *c}
	}
	return out, nil
}

// eventsByCase reads the events of the cases in list, oldest first per
// case, as the index keeps them.
func eventsByCase(ctx context.Context, q queryer, list string, n int) (map[string][]actionlist.Event, error) {
	evs, err := appendEvents(ctx, q, make([]actionlist.Event, 0, n), "WHERE case_id IN (SELECT value FROM json_each(?)) ORDER BY case_id, seq", list)
	if err != nil {
		return nil, err
	}
	out := map[string][]actionlist.Event{}
	for i := 0; i < len(evs); {
		j := i
		for j < len(evs) && evs[j].CaseID == evs[i].CaseID {
			j++
		}
		out[evs[i].CaseID] = evs[i:j:j]
		i = j
	}
	return out, nil
}

func loadHistories(ctx context.Context, q queryer, cases []CaseHistory, list string) error {
	var n int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM events WHERE case_id IN (SELECT value FROM json_each(?))", list).Scan(&n); err != nil {
		return fmt.Errorf("read history: %w", err)
	}
	evs, err := eventsByCase(ctx, q, list, n)
	if err != nil {
		return err
	}
	for i := range cases {
		cases[i].Events = evs[cases[i].Case.ID]
	}
	return nil
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
		here, refs, err := t.caseRefs()
		if err != nil {
			return err
		}
		write := make([]bool, len(cases)) // the file's rows go in for this case
		events := make([][]actionlist.Event, len(cases))
		var caseRows [][]any
		var renumber []int // new here, with a reference another case has
		for i, in := range cases {
			c := in.Case
			out[i] = CaseloadCase{Case: c}
			localRef, exists := here[c.ID]
			if !exists {
				if refs[c.Ref] || c.Ref == "" {
					renumber = append(renumber, i)
					continue
				}
				if err := c.Validate(); err != nil {
					return fmt.Errorf("case %s: %w", c.Ref, err)
				}
				refs[c.Ref] = true
				caseRows = append(caseRows, anys(actionlist.CaseValues(c), stamp(c.Created), stamp(c.Updated)))
				out[i].Outcome, write[i], events[i] = CaseAdded, true, in.Events
				continue
			}
			known, err := t.eventIDs(c.ID)
			if err != nil {
				return err
			}
			out[i].Outcome, events[i] = compareHistory(known, in.Events)
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
		if err := t.batchInsert("cases", importCaseColumns, caseRows); err != nil {
			return err
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
		var stepRows, agreementRows, debtRows, eventRows [][]any
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
				if err := a.Validate(); err != nil {
					return fmt.Errorf("case %s, agreement: %w", c.Ref, err)
				}
				agreementRows = append(agreementRows, append([]any{c.ID}, anys(actionlist.AgreementValues(a))...))
			}
			for _, d := range c.Debts {
				if err := d.Validate(); err != nil {
					return fmt.Errorf("case %s, debt %q: %w", c.Ref, d.Creditor, err)
				}
				debtRows = append(debtRows, append([]any{c.ID}, anys(actionlist.DebtValues(d))...))
			}
			for _, e := range events[i] {
				eventRows = append(eventRows, []any{e.ID, c.ID, string(e.Entity), e.EntityID, string(e.Action), e.Field, e.Old, e.New,
					stamp(e.At), e.Actor.Name, string(e.Actor.Role)})
			}
			out[i].Events = len(events[i])
		}
		// One statement per hundred rows, for all the cases together.
		for _, b := range []struct {
			table string
			cols  []string
			rows  [][]any
		}{{"steps", importStepColumns, stepRows}, {"agreements", importAgreementColumns, agreementRows},
			{"debts", importDebtColumns, debtRows}, {"events", importEventColumns, eventRows}} {
			if err := t.batchInsert(b.table, b.cols, b.rows); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

var (
	importCaseColumns      = append(append([]string(nil), actionlist.CaseColumns...), "created", "updated")
	importAgreementColumns = append([]string{"case_id"}, actionlist.AgreementColumns...)
	importDebtColumns      = append([]string{"case_id"}, actionlist.DebtColumns...)
)

// caseRefs reads every case here: its reference by ID, and the references
// in use.
func (t *txn) caseRefs() (map[string]string, map[string]bool, error) {
	rows, err := t.tx.QueryContext(t.ctx, "SELECT id, ref FROM cases")
	if err != nil {
		return nil, nil, fmt.Errorf("read cases: %w", err)
	}
	defer rows.Close()
	byID, refs := map[string]string{}, map[string]bool{}
	for rows.Next() {
		var id, ref string
		if err := rows.Scan(&id, &ref); err != nil {
			return nil, nil, err
		}
		byID[id], refs[ref] = ref, true
	}
	return byID, refs, rows.Err()
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
	return idSet(rows)
}

// replaceCase puts the file's version of a case in place of the one here:
// its fields, and no steps, agreements or debts yet (the caller adds the
// file's).
func (t *txn) replaceCase(c actionlist.Case) error {
	if err := c.Validate(); err != nil {
		return fmt.Errorf("case: %w", err)
	}
	if _, err := t.exec("UPDATE cases SET "+assignments(actionlist.CaseColumns)+", created = ?, updated = ? WHERE id = ?",
		anys(actionlist.CaseValues(c), stamp(c.Created), stamp(c.Updated), c.ID)...); err != nil {
		return fmt.Errorf("save case %s: %w", c.Ref, err)
	}
	for _, table := range []string{"steps", "agreements", "debts"} {
		if _, err := t.exec("DELETE FROM "+table+" WHERE case_id = ?", c.ID); err != nil {
			return fmt.Errorf("refresh case %s: %w", c.Ref, err)
		}
	}
	return nil
}
