package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"houvast/actionlist"
)

// sqlReadOnly begins a plain (deferred) transaction: one consistent view of
// the file for several queries, without taking the write lock.
var sqlReadOnly = sql.TxOptions{ReadOnly: true}

// AllCases reads every case whole (fields, steps in plan order, agreements,
// debts), in reference order, with four queries rather than four per case: for
// the report and the aftercare view, which look across all cases.
func (s *Store) AllCases(ctx context.Context) ([]actionlist.Case, error) {
	return s.readCases(ctx, casesQuery{agreements: true})
}

// AgendaCases reads the open cases with the steps the agenda looks at:
// the unfinished ones due by until (overdue ones too), and, for a case
// under a threat, every crisis step, which tells whether the crisis was
// dealt with. Agreements are left out. On 1,000 cases it reads a fraction
// of AllCases' rows.
func (s *Store) AgendaCases(ctx context.Context, until actionlist.Date) ([]actionlist.Case, error) {
	return s.readCases(ctx, casesQuery{
		cases:    "status != 'closed'",
		caseCols: agendaCaseColumns,
		stepCols: agendaStepColumns,
		steps:    openDue + " AND due <= ?", // through the partial index steps_open_due
		args:     []any{until.String()},
		then: func(ctx context.Context, tx *sql.Tx, out []actionlist.Case, index map[string]int) error {
			// The crisis steps of the cases under a threat, the only ones
			// with a crisis clock; those read already are left out.
			var ids []any
			for _, c := range out {
				if c.Threat != actionlist.ThreatNone {
					ids = append(ids, c.ID)
				}
			}
			if len(ids) == 0 {
				return nil
			}
			return appendCaseSteps(ctx, tx, out, index, agendaStepColumns,
				"phase = 'crisis' AND case_id IN (?"+strings.Repeat(", ?", len(ids)-1)+") AND NOT ("+openDue+" AND due <= ?)",
				append(ids, until.String())...)
		},
	})
}

// openDue is the condition of the partial index steps_open_due: a step not
// finished that has a due date. A query repeats it word for word, so that
// SQLite uses the index.
const openDue = "status NOT IN ('done', 'not_applicable') AND due != ''"

// The fields the agenda reads: what its clocks, items and words need, not
// the notes and the structured fields, whose reading and parsing would be
// most of the time on a whole caseload. The others stay empty.
var (
	agendaCaseColumns = []string{"id", "ref", "name", "participants", "status", "start", "target", "next_at", "next_place",
		"next_with", "closed_on", "stabilised_on", "requested_on", "threat", "first_talk_on"}
	agendaStepColumns = []string{"id", "key", "phase", "order", "title", "owner", "owner_name", "due",
		"status", "done_on", "done_by"}
)

// casesQuery narrows readCases: which cases, which of their steps (both SQL
// conditions; empty for all), which of their fields (nil for all), and
// whether agreements come along.
type casesQuery struct {
	cases, steps       string
	args               []any // for steps
	caseCols, stepCols []string
	agreements         bool // and debts
	// then reads more in the same transaction, into the cases read.
	then func(ctx context.Context, tx *sql.Tx, out []actionlist.Case, index map[string]int) error
}

// appendCaseSteps reads steps (some of their columns, nil for all) where
// cond holds ("" for all), and adds each to its case in out.
func appendCaseSteps(ctx context.Context, tx *sql.Tx, out []actionlist.Case, index map[string]int, cols []string, cond string, args ...any) error {
	some := cols
	if cols == nil {
		cols = actionlist.StepColumns
	}
	query := "SELECT " + columnList(cols) + ", case_id FROM steps"
	if cond != "" {
		query += " WHERE " + cond
	}
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("read steps: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var caseID string
		vals, err := scanStrings(rows, len(cols), &caseID)
		if err != nil {
			return fmt.Errorf("read steps: %w", err)
		}
		st, err := actionlist.StepFromValues(spread(actionlist.StepColumns, some, vals))
		if err != nil {
			return fmt.Errorf("read step %s: %w", vals[0], err)
		}
		if i, ok := index[caseID]; ok {
			out[i].Steps = append(out[i].Steps, st)
		}
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read steps: %w", err)
	}
	return nil
}

// spread puts the values of some columns in their places among all of
// them, the rest empty.
func spread(all, some []string, vals []string) []string {
	if some == nil {
		return vals
	}
	out := make([]string, len(all))
	for i, c := range some {
		out[slices.Index(all, c)] = vals[i]
	}
	return out
}

func (s *Store) readCases(ctx context.Context, q casesQuery) ([]actionlist.Case, error) {
	tx, err := s.db.BeginTx(ctx, &sqlReadOnly)
	if err != nil {
		return nil, classify(err)
	}
	defer tx.Rollback() // read only: nothing to commit
	where := func(cond string) string {
		if cond == "" {
			return ""
		}
		return " WHERE " + cond
	}
	caseCols := q.caseCols
	if caseCols == nil {
		caseCols = actionlist.CaseColumns
	}
	rows, err := tx.QueryContext(ctx, "SELECT "+columnList(caseCols)+", created, updated FROM cases"+where(q.cases)+" ORDER BY ref")
	if err != nil {
		return nil, fmt.Errorf("read cases: %w", err)
	}
	var out []actionlist.Case
	index := map[string]int{}
	for rows.Next() {
		var created, updated string
		vals, err := scanStrings(rows, len(caseCols), &created, &updated)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("read cases: %w", err)
		}
		c, err := actionlist.CaseFromValues(spread(actionlist.CaseColumns, q.caseCols, vals))
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("read case %s: %w", vals[0], err)
		}
		c.Created, c.Updated = parseStamp(created), parseStamp(updated)
		index[c.ID] = len(out)
		out = append(out, c)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read cases: %w", err)
	}

	// No ORDER BY: SortPlan below puts each case's steps in plan order, and
	// sorting 20,000 rows in SQLite first only costs time.
	if err := appendCaseSteps(ctx, tx, out, index, q.stepCols, q.steps, q.args...); err != nil {
		return nil, err
	}
	if q.then != nil {
		if err := q.then(ctx, tx, out, index); err != nil {
			return nil, err
		}
	}
	if q.agreements {
		rows, err = tx.QueryContext(ctx, "SELECT "+columnList(actionlist.AgreementColumns)+", case_id FROM agreements ORDER BY case_id, date, rowid")
		if err != nil {
			return nil, fmt.Errorf("read agreements: %w", err)
		}
		err = eachAgreement(rows, func(caseID string, a actionlist.Agreement) {
			if i, ok := index[caseID]; ok {
				out[i].Agreements = append(out[i].Agreements, a)
			}
		})
		if err != nil {
			return nil, err
		}
		rows, err = tx.QueryContext(ctx, "SELECT "+columnList(actionlist.DebtColumns)+", case_id FROM debts ORDER BY case_id, rowid")
		if err != nil {
			return nil, fmt.Errorf("read debts: %w", err)
		}
		err = eachDebt(rows, func(caseID string, d actionlist.Debt) {
			if i, ok := index[caseID]; ok {
				out[i].Debts = append(out[i].Debts, d)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	for i := range out {
		actionlist.SortPlan(out[i].Steps)
	}
	return out, nil
}

// SaveCase saves what a domain operation did to a case (moving it to
// aftercare, recording a signal or a screening): the changes to the case's
// own fields, the steps it changed and the steps it added, in one
// transaction with their events. Like UpdateCase, a field someone else
// changed since before was read is a conflict, and then nothing is saved.
// It never deletes: a step or agreement missing from after, or a changed
// agreement, is refused. It returns the whole case as stored.
func (s *Store) SaveCase(ctx context.Context, actor actionlist.Actor, before, after actionlist.Case) (actionlist.Case, error) {
	if before.ID == "" || after.ID != before.ID {
		return actionlist.Case{}, fmt.Errorf("save case: before and after are not the same case")
	}
	if len(actionlist.CaseChanges(before, after)) == 0 && equalSteps(before.Steps, after.Steps) {
		return s.Case(ctx, before.ID)
	}
	if err := sameAgreements(before.Agreements, after.Agreements); err != nil {
		return actionlist.Case{}, err
	}
	old := make(map[string]actionlist.Step, len(before.Steps))
	for _, st := range before.Steps {
		old[st.ID] = st
	}
	after.Steps = slices.Clone(after.Steps) // new IDs go on our copy, not the caller's
	kept := map[string]bool{}
	for i, st := range after.Steps {
		if st.ID == "" {
			after.Steps[i].ID = NewID()
		}
		kept[after.Steps[i].ID] = true
	}
	for id, st := range old {
		if !kept[id] {
			return actionlist.Case{}, fmt.Errorf("save case %s: step %q is missing; delete steps with DeleteStep", before.Ref, st.Title)
		}
	}
	var saved actionlist.Case
	err := s.change(ctx, actor, func(t *txn) error {
		_, err := t.promising(before.ID, func() error {
			if _, err := t.saveCaseFields(before, after); err != nil {
				return err
			}
			for _, st := range after.Steps {
				b, existed := old[st.ID]
				switch {
				case !existed:
					if err := t.insertStep(before.ID, st); err != nil {
						return err
					}
				case len(actionlist.StepChanges(b, st)) > 0:
					if _, _, err := t.updateStep(StepEdit{b, st}); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if err := t.touch(before.ID); err != nil {
			return err
		}
		saved, err = loadCase(t.ctx, t.tx, before.ID)
		return err
	})
	return saved, err
}

func equalSteps(a, b []actionlist.Step) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].ID != b[i].ID || len(actionlist.StepChanges(a[i], b[i])) > 0 {
			return false
		}
	}
	return true
}

func sameAgreements(a, b []actionlist.Agreement) error {
	if len(a) != len(b) {
		return fmt.Errorf("save case: agreements differ; use AddAgreement, UpdateAgreement or DeleteAgreement")
	}
	for i := range a {
		if a[i] != b[i] {
			return fmt.Errorf("save case: agreement %s differs; use UpdateAgreement", a[i].ID)
		}
	}
	return nil
}
