package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"houvast/actionlist"
)

// Exchange files (package export) move cases between laptops. The store's
// part: reading a case with its whole history at one moment, writing a
// whole case with its original events in one transaction, keeping a
// volunteer's copy, and merging a volunteer's return file back.

// Actions that exchanges record besides created, changed and deleted.
const (
	// ActionImported marks an import on the case: Field says what kind
	// (FieldVolunteerPackage, FieldReturnFile, FieldCopyOf) and New holds
	// the details as JSON.
	ActionImported actionlist.Action = "imported"
	// ActionConflict is a volunteer's change that was not taken over
	// because the specialist changed the same field meanwhile: Old is what
	// the case kept, New what the volunteer wrote. The actor is the
	// volunteer. It stays open until the field changes again or the
	// conflict is resolved.
	ActionConflict actionlist.Action = "conflict"
	// ActionResolved closes a conflict without changing the field (the
	// specialist keeps their own value). EntityID and Field are the
	// conflict's; New is the ID of the conflict event.
	ActionResolved actionlist.Action = "resolved"
)

// What an ActionImported event is about.
const (
	FieldVolunteerPackage = "volunteer_package"
	FieldReturnFile       = "return_file"
	FieldCopyOf           = "copy_of"
)

// copyMarkWhere picks the marks of a volunteer's copy (ActionImported,
// FieldVolunteerPackage, on the case), with the terms of the index
// events_copy_marks; a test checks both agree with the constants.
const copyMarkWhere = "entity = 'case' AND action = 'imported' AND field = 'volunteer_package'"

// FieldWholeStep is the Field of a conflict about a step as a whole: the
// volunteer deleted it (New "deleted"), or it is gone from the case (Old
// "").
const FieldWholeStep = ""

// ErrExists: the case (or part of its history) is on this laptop already.
var ErrExists = errors.New("the case is on this laptop already")

// ErrNotVolunteerCopy: a return file can only be made from a volunteer's
// copy, and a return file cannot be merged into one.
var ErrNotVolunteerCopy = errors.New("not a volunteer's copy")

// ErrIsVolunteerCopy: the case is a volunteer's copy, where this does not
// make sense (merging a return file into it).
var ErrIsVolunteerCopy = errors.New("the case is a volunteer's copy")

// ExistsError says which case is in the way.
type ExistsError struct {
	ID       string
	LocalRef string // the reference of the case already here
	// SamePackage: this very volunteer package was imported before.
	SamePackage bool
	// History: the case is not here, but events with the same IDs are.
	History bool
}

func (e *ExistsError) Error() string {
	switch {
	case e.SamePackage:
		return fmt.Sprintf("case %s: this package was imported before: %v", e.LocalRef, ErrExists)
	case e.History:
		return fmt.Sprintf("case %s: part of its history is here: %v", e.ID, ErrExists)
	}
	return fmt.Sprintf("case %s (%s): %v", e.LocalRef, e.ID, ErrExists)
}

func (e *ExistsError) Unwrap() error { return ErrExists }

// VolunteerOrigin is where a volunteer's copy came from. It is kept as the
// New of an ActionImported event (FieldVolunteerPackage) on the copy.
type VolunteerOrigin struct {
	PackageID string    `json:"package_id"`
	CaseID    string    `json:"case_id"` // the same ID as the copy: IDs travel unchanged
	Ref       string    `json:"ref"`     // the reference on the specialist's laptop
	MadeBy    string    `json:"made_by"`
	MadeAt    time.Time `json:"made_at"`
}

// CaseWithEvents reads a case and all its events (oldest first) in one read
// transaction, so the two belong to the same moment.
func (s *Store) CaseWithEvents(ctx context.Context, id string) (actionlist.Case, []actionlist.Event, error) {
	if s.db.Stats().MaxOpenConnections != 1 { // a memory database has only one
		if c, evs, ok, err := s.caseWithEventsAtOnce(ctx, id); ok {
			return c, evs, err
		}
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return actionlist.Case{}, nil, classify(err)
	}
	defer tx.Rollback()
	c, err := loadCase(ctx, tx, id)
	if err != nil {
		return c, nil, err
	}
	evs, err := loadEvents(ctx, tx, "WHERE case_id = ? ORDER BY seq", id)
	if err != nil {
		return c, nil, err
	}
	return c, evs, nil
}

// caseWithEventsAtOnce is CaseWithEvents on two connections: the steps on
// one while the history is read on the other, which halves the time a
// large case takes on two cores (see atOnce; ok is false when it cannot).
func (s *Store) caseWithEventsAtOnce(ctx context.Context, id string) (c actionlist.Case, evs []actionlist.Event, ok bool, err error) {
	ok, err = s.atOnce(ctx, "SELECT count(*) FROM events WHERE case_id = ?", id,
		func(q queryer, n int) (err error) {
			evs, err = appendEvents(ctx, q, make([]actionlist.Event, 0, n), "WHERE case_id = ? ORDER BY seq", id)
			return err
		},
		func(q queryer) (err error) {
			c, err = loadCase(ctx, q, id)
			return err
		})
	return c, evs, ok, err
}

// atOnce reads on two connections that see the same moment: rest on one
// that takes the write lock, so no change can land before the other has
// begun to read, and lets go as soon as its part is read; history, at the
// same time, on a read transaction whose first read is count (with arg),
// which fixes what it sees and says how many events come. It does not wait
// for the lock: ok is false when another window is saving (or the file is
// read-only), and then the caller reads in one go.
func (s *Store) atOnce(ctx context.Context, count string, arg any, history func(q queryer, n int) error, rest func(q queryer) error) (ok bool, err error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return false, nil
	}
	defer conn.Close()
	var wait int
	if err := conn.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&wait); err != nil {
		return false, nil
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA busy_timeout = 0"); err != nil {
		return false, nil
	}
	// The connection goes back to the pool waiting as long as before.
	defer conn.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA busy_timeout = %d", wait))
	hold, err := conn.BeginTx(ctx, nil) // BEGIN IMMEDIATE
	if err != nil {
		return false, nil
	}
	defer hold.Rollback()
	other, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return false, nil
	}
	defer other.Rollback()
	var n int
	if err := other.QueryRowContext(ctx, count, arg).Scan(&n); err != nil {
		return true, classify(err)
	}
	var historyErr error
	var wg sync.WaitGroup
	wg.Go(func() { historyErr = history(other, n) })
	err = rest(hold)
	hold.Rollback()
	wg.Wait()
	if err == nil {
		err = historyErr
	}
	return true, err
}

var eventPacked = "SELECT " + packed("", []string{"id", "case_id", "entity", "entity_id", "action", "field", "old", "new", "at", "actor", "role"}) + " FROM events"

func loadEvents(ctx context.Context, q queryer, where string, args ...any) ([]actionlist.Event, error) {
	return appendEvents(ctx, q, nil, where, args...)
}

// appendEvents is loadEvents appending to out, which a caller that knows
// how many are coming sizes once.
func appendEvents(ctx context.Context, q queryer, out []actionlist.Event, where string, args ...any) ([]actionlist.Event, error) {
	rows, err := q.QueryContext(ctx, eventPacked+" "+where, args...)
	if err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
	defer rows.Close()
	var row string
	v := make([]string, 11)
	for rows.Next() {
		if err := rows.Scan(&row); err != nil {
			return nil, fmt.Errorf("read history: %w", err)
		}
		if err := unpack(row, v); err != nil {
			return nil, fmt.Errorf("read history: %w", err)
		}
		out = append(out, actionlist.Event{
			ID: v[0], CaseID: v[1], Entity: actionlist.Entity(v[2]), EntityID: v[3], Action: actionlist.Action(v[4]),
			Field: v[5], Old: v[6], New: v[7], At: parseStamp(v[8]), Actor: actionlist.Actor{Name: v[9], Role: actionlist.Role(v[10])},
		})
	}
	return out, rows.Err()
}

// Rows written as they are, without recording a new event: an import
// brings its own history.

func (t *txn) insertCaseRow(c actionlist.Case) error {
	if err := c.Validate(); err != nil {
		return fmt.Errorf("case: %w", err)
	}
	_, err := t.exec("INSERT INTO cases ("+columnList(actionlist.CaseColumns)+", created, updated) VALUES ("+placeholders(len(actionlist.CaseColumns)+2)+")",
		anys(actionlist.CaseValues(c), stamp(c.Created), stamp(c.Updated))...)
	if err != nil {
		return fmt.Errorf("add case: %w", err)
	}
	return nil
}

var insertStepSQL = "INSERT INTO steps (case_id, " + columnList(actionlist.StepColumns) + ") VALUES (?, " + placeholders(len(actionlist.StepColumns)) + ")"

func (t *txn) insertStepRow(stmt *sql.Stmt, caseID string, st actionlist.Step) error {
	if err := st.Validate(); err != nil {
		return fmt.Errorf("step %q: %w", st.Title, err)
	}
	args := append([]any{caseID}, anys(actionlist.StepValues(st))...)
	var err error
	if stmt != nil {
		_, err = stmt.ExecContext(t.ctx, args...)
	} else {
		_, err = t.exec(insertStepSQL, args...)
	}
	if err != nil {
		return fmt.Errorf("add step %q: %w", st.Title, err)
	}
	return nil
}

func (t *txn) insertAgreementRow(caseID string, a actionlist.Agreement) error {
	if err := a.Validate(); err != nil {
		return fmt.Errorf("agreement: %w", err)
	}
	_, err := t.exec("INSERT INTO agreements (case_id, "+columnList(actionlist.AgreementColumns)+") VALUES (?, "+placeholders(len(actionlist.AgreementColumns))+")",
		append([]any{caseID}, anys(actionlist.AgreementValues(a))...)...)
	if err != nil {
		return fmt.Errorf("add agreement: %w", err)
	}
	return nil
}

const insertEventSQL = `INSERT INTO events (id, case_id, entity, entity_id, action, field, old, new, at, actor, role)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

func (t *txn) insertEventRow(stmt *sql.Stmt, caseID string, e actionlist.Event) error {
	_, err := stmt.ExecContext(t.ctx, e.ID, caseID, string(e.Entity), e.EntityID, string(e.Action), e.Field, e.Old, e.New,
		stamp(e.At), e.Actor.Name, string(e.Actor.Role))
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return &ExistsError{ID: caseID, History: true}
		}
		return fmt.Errorf("record event: %w", err)
	}
	return nil
}

// batchRows is how many rows one INSERT writes during an import: one
// statement per hundred rows instead of per row makes importing a large
// case several times faster, well inside SQLite's limit on parameters.
const batchRows = 100

// batchInsert writes rows (each the values of cols) into table, a hundred
// at a time. A UNIQUE failure means part of the case is here already.
func (t *txn) batchInsert(table string, cols []string, rows [][]any) error {
	stmts := map[int]*sql.Stmt{}
	defer func() {
		for _, st := range stmts {
			st.Close()
		}
	}()
	args := make([]any, 0, batchRows*len(cols))
	for start := 0; start < len(rows); start += batchRows {
		chunk := rows[start:min(len(rows), start+batchRows)]
		st := stmts[len(chunk)]
		if st == nil {
			row := "(" + placeholders(len(cols)) + ")"
			var err error
			st, err = t.tx.PrepareContext(t.ctx, "INSERT INTO "+table+" ("+columnList(cols)+") VALUES "+strings.TrimSuffix(strings.Repeat(row+", ", len(chunk)), ", "))
			if err != nil {
				return err
			}
			stmts[len(chunk)] = st
		}
		args = args[:0]
		for _, r := range chunk {
			args = append(args, r...)
		}
		if _, err := st.ExecContext(t.ctx, args...); err != nil {
			if strings.Contains(err.Error(), "UNIQUE") {
				return &ExistsError{History: true}
			}
			return fmt.Errorf("add to %s: %w", table, err)
		}
	}
	return nil
}

var (
	importStepColumns  = append([]string{"case_id"}, actionlist.StepColumns...)
	importEventColumns = []string{"id", "case_id", "entity", "entity_id", "action", "field", "old", "new", "at", "actor", "role"}
)

// eventJSON records the details of an ActionImported event.
func (t *txn) imported(caseID, field string, details any) error {
	b, err := json.Marshal(details)
	if err != nil {
		return err
	}
	return t.event(caseID, actionlist.EntityCase, caseID, ActionImported, field, "", string(b))
}

func (t *txn) caseRef(id string) (string, bool, error) {
	var ref string
	err := t.tx.QueryRowContext(t.ctx, "SELECT ref FROM cases WHERE id = ?", id).Scan(&ref)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return ref, err == nil, err
}

func (t *txn) refTaken(ref string) (bool, error) {
	var n int
	err := t.tx.QueryRowContext(t.ctx, "SELECT count(*) FROM cases WHERE ref = ?", ref).Scan(&n)
	return n > 0, err
}

// ImportResult is what an import did.
type ImportResult struct {
	Case actionlist.Case
	// FileRef is the reference in the file, when the case got another one
	// here (a copy, or the reference was in use).
	FileRef string
}

// ImportCase writes a whole case from a case file: its fields, steps and
// agreements as they are, and its events with their original IDs, times
// and actors, all in one transaction. A case whose ID is here already is
// refused (*ExistsError) unless asNew: then the case is stored as a copy
// with new IDs everywhere and a new reference, and an ActionImported
// event (FieldCopyOf) says what it is a copy of. A case whose reference is
// taken by another case gets a new reference. A step in the case's Now
// here without a due date gets one, as the importer's change (Case holds
// it).
// Apart from that, an import records nothing new, so exporting it again
// gives the same file.
func (s *Store) ImportCase(ctx context.Context, actor actionlist.Actor, c actionlist.Case, events []actionlist.Event, asNew bool) (ImportResult, error) {
	var res ImportResult
	err := s.change(ctx, actor, func(t *txn) error {
		res = ImportResult{}
		kase, evs := c, events
		localRef, exists, err := t.caseRef(kase.ID)
		if err != nil {
			return err
		}
		if exists && !asNew {
			return &ExistsError{ID: kase.ID, LocalRef: localRef}
		}
		if asNew {
			kase, evs = renumber(kase, evs, NewID)
		}
		taken, err := t.refTaken(kase.Ref)
		if err != nil {
			return err
		}
		if taken || kase.Ref == "" || asNew {
			if kase.Ref, err = t.nextRef(); err != nil {
				return err
			}
			res.FileRef = c.Ref
		}
		if err := t.insertCaseRow(kase); err != nil {
			return err
		}
		rows := make([][]any, len(kase.Steps))
		for i, st := range kase.Steps {
			if err := st.Validate(); err != nil {
				return fmt.Errorf("step %q: %w", st.Title, err)
			}
			rows[i] = append([]any{kase.ID}, anys(actionlist.StepValues(st))...)
		}
		if err := t.batchInsert("steps", importStepColumns, rows); err != nil {
			return existsHere(err, kase.ID)
		}
		for _, a := range kase.Agreements {
			if err := t.insertAgreementRow(kase.ID, a); err != nil {
				if strings.Contains(err.Error(), "UNIQUE") {
					return &ExistsError{ID: kase.ID, History: true}
				}
				return err
			}
		}
		for _, d := range kase.Debts {
			if err := t.insertDebtRow(kase.ID, d); err != nil {
				if strings.Contains(err.Error(), "UNIQUE") {
					return &ExistsError{ID: kase.ID, History: true}
				}
				return err
			}
		}
		rows = make([][]any, len(evs))
		for i, e := range evs {
			rows[i] = []any{e.ID, kase.ID, string(e.Entity), e.EntityID, string(e.Action), e.Field, e.Old, e.New,
				stamp(e.At), e.Actor.Name, string(e.Actor.Role)}
		}
		if err := t.batchInsert("events", importEventColumns, rows); err != nil {
			return existsHere(err, kase.ID)
		}
		if asNew {
			if err := t.imported(kase.ID, FieldCopyOf, map[string]string{"case_id": c.ID, "ref": c.Ref}); err != nil {
				return err
			}
		}
		// Every step in Now here is new here: it says by when.
		planned, err := t.keepPromise(nowState{caseID: kase.ID})
		if err != nil {
			return err
		}
		kase.Steps = slices.Clone(kase.Steps)
		for _, p := range planned {
			if st, _ := kase.StepByID(p.ID); st != nil {
				st.Due = p.Due
			}
		}
		res.Case = kase
		return nil
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// existsHere names the case in an ExistsError from a batch.
func existsHere(err error, caseID string) error {
	var ee *ExistsError
	if errors.As(err, &ee) {
		ee.ID = caseID
	}
	return err
}

// renumber gives a case, its steps, agreements and events new IDs, and
// rewrites every place an old ID appears: dependencies, event entities,
// and the snapshots inside created and deleted events.
func renumber(c actionlist.Case, events []actionlist.Event, newID func() string) (actionlist.Case, []actionlist.Event) {
	ids := map[string]string{}
	to := func(old string) string {
		if old == "" {
			return ""
		}
		if n, ok := ids[old]; ok {
			return n
		}
		n := newID()
		ids[old] = n
		return n
	}
	deps := func(list []string) []string {
		out := make([]string, len(list))
		for i, d := range list {
			out[i] = to(d)
		}
		return out
	}
	c.ID = to(c.ID)
	c.Steps = slices.Clone(c.Steps)
	for i := range c.Steps {
		c.Steps[i].ID = to(c.Steps[i].ID)
		c.Steps[i].DependsOn = deps(c.Steps[i].DependsOn)
	}
	c.Agreements = slices.Clone(c.Agreements)
	for i := range c.Agreements {
		c.Agreements[i].ID = to(c.Agreements[i].ID)
	}
	c.Debts = slices.Clone(c.Debts)
	for i := range c.Debts {
		c.Debts[i].ID = to(c.Debts[i].ID)
	}
	out := make([]actionlist.Event, len(events))
	for i, e := range events {
		e.ID = newID()
		e.CaseID = c.ID
		e.EntityID = to(e.EntityID)
		switch {
		case e.Field == "depends_on":
			e.Old = strings.Join(deps(splitIDs(e.Old)), ",")
			e.New = strings.Join(deps(splitIDs(e.New)), ",")
		case e.Field == "" && e.Entity == actionlist.EntityStep:
			e.Old, e.New = restep(e.Old, to, deps), restep(e.New, to, deps)
		case e.Field == "" && e.Entity == actionlist.EntityAgreement:
			if a, err := actionlist.AgreementFromSnapshot(e.Old); e.Old != "" && err == nil {
				a.ID = to(a.ID)
				e.Old = actionlist.AgreementSnapshot(a)
			}
			if a, err := actionlist.AgreementFromSnapshot(e.New); e.New != "" && err == nil {
				a.ID = to(a.ID)
				e.New = actionlist.AgreementSnapshot(a)
			}
		case e.Field == "" && e.Entity == actionlist.EntityDebt:
			if d, err := actionlist.DebtFromSnapshot(e.Old); e.Old != "" && err == nil {
				d.ID = to(d.ID)
				e.Old = actionlist.DebtSnapshot(d)
			}
			if d, err := actionlist.DebtFromSnapshot(e.New); e.New != "" && err == nil {
				d.ID = to(d.ID)
				e.New = actionlist.DebtSnapshot(d)
			}
		case e.Field == "" && e.Entity == actionlist.EntityCase && e.Action == actionlist.ActionCreated:
			if old, err := actionlist.CaseFromSnapshot(e.New); err == nil {
				old.ID = c.ID
				e.New = actionlist.CaseSnapshot(old)
			}
		}
		out[i] = e
	}
	return c, out
}

func splitIDs(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func restep(snap string, to func(string) string, deps func([]string) []string) string {
	if snap == "" {
		return ""
	}
	st, err := actionlist.StepFromSnapshot(snap)
	if err != nil {
		return snap // history only: keep what cannot be read
	}
	st.ID = to(st.ID)
	st.DependsOn = deps(st.DependsOn)
	return actionlist.StepSnapshot(st)
}

// VolunteerImport is what importing a volunteer package did.
type VolunteerImport struct {
	Case actionlist.Case
	// Refreshed: the copy was here and is brought up to date.
	Refreshed bool
	Added     int // steps new in the package
	Changed   int // steps of which some field changed
	Kept      int // fields where the volunteer's own work, not yet taken over, stayed
	// The debts a package made with --with-debts carries, apart from the
	// steps: new ones, ones whose creditor or reference changed, and ones
	// the package no longer shares.
	DebtsAdded, DebtsChanged, DebtsRemoved int
	// DebtsLeft: a package without debts left the copy's debts as they
	// were, this many (see refreshDebts).
	DebtsLeft int
}

// returnFields are the step fields a return file may change: those a
// package carries.
var returnFields = actionlist.StepFieldsWhere(actionlist.StepFieldInfo.GoesToVolunteer)

// volunteerFields are a step's fields that belong to whoever does it: a
// newer package does not overwrite them once the volunteer changed them.
var volunteerFields = actionlist.StepFieldsWhere(actionlist.StepFieldInfo.OwnedByVolunteer)

// ImportVolunteerCopy stores a volunteer package as a case on the
// volunteer's laptop, with the same IDs as on the specialist's, so that
// what the volunteer does can be merged back. It records the case, its
// steps and agreements as created, then an ActionImported event that
// remembers the origin; the volunteer's work recorded after it is what
// ReturnEvents collects. fields are the step fields the package carries.
//
// A newer package for a copy already here brings it up to date: new steps
// are added, and the specialist's fields take the package's values; the
// volunteer's own work (a tick, a note, a step they removed) stays over any
// number of packages until one shows the specialist took it over
// (copyRefresh), and travels back in the return file. The shared debts
// become what the package holds (refreshDebts). The events a
// refresh records are the specialist's changes, not the volunteer's: they
// are listed in its ActionImported event and never returned. The same
// package twice is refused (*ExistsError with SamePackage), as is a package
// for a case here that is no copy of it.
func (s *Store) ImportVolunteerCopy(ctx context.Context, actor actionlist.Actor, c actionlist.Case, origin VolunteerOrigin, fields []string) (VolunteerImport, error) {
	var res VolunteerImport
	now := s.Now()
	c.Created, c.Updated = now, now
	origin.CaseID = c.ID
	if origin.Ref == "" {
		origin.Ref = c.Ref
	}
	err := s.change(ctx, actor, func(t *txn) error {
		res = VolunteerImport{}
		localRef, exists, err := t.caseRef(c.ID)
		if err != nil {
			return err
		}
		if exists {
			metas, err := volunteerMetas(t.ctx, t.tx, c.ID)
			if err != nil {
				return err
			}
			e := &ExistsError{ID: c.ID, LocalRef: localRef}
			for _, m := range metas {
				if m.PackageID == origin.PackageID {
					e.SamePackage = true
				}
			}
			if e.SamePackage || len(metas) == 0 {
				return e
			}
			res.Refreshed = true
			return t.refreshCopy(c, origin, metas, fields, &res)
		}
		// Keep the specialist's reference when it is free here, so both
		// talk about the same case; else add a number.
		ref := origin.Ref
		for n := 2; ; n++ {
			taken, err := t.refTaken(ref)
			if err != nil {
				return err
			}
			if !taken && ref != "" {
				break
			}
			ref = fmt.Sprintf("%s-%d", origin.Ref, n)
		}
		c.Ref = ref
		if err := t.insertCaseRow(c); err != nil {
			return err
		}
		if err := t.event(c.ID, actionlist.EntityCase, c.ID, actionlist.ActionCreated, "", "", actionlist.CaseSnapshot(c)); err != nil {
			return err
		}
		for _, st := range c.Steps {
			if err := t.insertStep(c.ID, st); err != nil {
				if strings.Contains(err.Error(), "UNIQUE") {
					return &ExistsError{ID: c.ID, History: true}
				}
				return err
			}
		}
		for _, a := range c.Agreements {
			if err := t.insertAgreement(c.ID, a); err != nil {
				if strings.Contains(err.Error(), "UNIQUE") {
					return &ExistsError{ID: c.ID, History: true}
				}
				return err
			}
		}
		for _, d := range c.Debts {
			if err := t.insertDebt(c.ID, d); err != nil {
				if strings.Contains(err.Error(), "UNIQUE") {
					return &ExistsError{ID: c.ID, History: true}
				}
				return err
			}
		}
		res.Case, res.Added = c, len(c.Steps)
		return t.imported(c.ID, FieldVolunteerPackage, volunteerMeta{VolunteerOrigin: origin})
	})
	return res, err
}

// volunteerMeta is what the ActionImported event of a package holds.
type volunteerMeta struct {
	VolunteerOrigin
	// OwnEvents are the events a refresh recorded: the specialist's
	// changes brought by the package, which a return file leaves out.
	OwnEvents []string `json:"own_events,omitempty"`
	// Kept are the parts of the copy the refresh kept as the volunteer's
	// (see copyRefresh), each with what the package held: the next refresh
	// tells by it whether the specialist changed them since.
	Kept map[string]string `json:"kept,omitempty"`
	seq  int64
}

// volunteerMetas lists the packages a copy was made and refreshed from,
// oldest first.
func volunteerMetas(ctx context.Context, q queryer, caseID string) ([]volunteerMeta, error) {
	rows, err := q.QueryContext(ctx, `SELECT seq, new FROM events WHERE case_id = ? AND `+copyMarkWhere+` ORDER BY seq`, caseID)
	if err != nil {
		return nil, fmt.Errorf("read where case %s came from: %w", caseID, err)
	}
	defer rows.Close()
	var out []volunteerMeta
	for rows.Next() {
		var m volunteerMeta
		var details string
		if err := rows.Scan(&m.seq, &details); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(details), &m); err != nil {
			return nil, fmt.Errorf("read where case %s came from: %w", caseID, err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// ownEvent records an event and returns its ID.
func (t *txn) ownEvent(caseID string, entity actionlist.Entity, id string, action actionlist.Action, field, old, new string) (string, error) {
	eid := NewID()
	_, err := t.exec(insertEventSQL, eid, caseID, string(entity), id, string(action), field, old, new,
		stamp(t.s.Now()), t.actor.Name, string(t.actor.Role))
	if err != nil {
		return "", fmt.Errorf("record event: %w", err)
	}
	return eid, nil
}

// refreshCopy brings a volunteer's copy up to date with a newer package;
// metas are the packages it came from so far.
func (t *txn) refreshCopy(pkg actionlist.Case, origin VolunteerOrigin, metas []volunteerMeta, fields []string, res *VolunteerImport) error {
	cur, err := loadCase(t.ctx, t.tx, pkg.ID)
	if err != nil {
		return err
	}
	r, err := t.startRefresh(pkg.ID, metas)
	if err != nil {
		return err
	}
	groups := volunteerGroups(fields)
	var own []string
	record := func(entity actionlist.Entity, id string, action actionlist.Action, field, old, new string) error {
		eid, err := t.ownEvent(pkg.ID, entity, id, action, field, old, new)
		own = append(own, eid)
		return err
	}
	for _, p := range pkg.Steps {
		st, _ := cur.StepByID(p.ID)
		if st == nil {
			if r.keepsAway(actionlist.EntityStep, p.ID) {
				continue // the volunteer removed it; the return file says so
			}
			if err := t.insertStepRow(nil, pkg.ID, p); err != nil {
				if strings.Contains(err.Error(), "UNIQUE") {
					return &ExistsError{ID: pkg.ID, History: true}
				}
				return err
			}
			if err := record(actionlist.EntityStep, p.ID, actionlist.ActionCreated, "", "", actionlist.StepSnapshot(p)); err != nil {
				return err
			}
			res.Added++
			continue
		}
		vals, want := actionlist.StepValues(*st), actionlist.StepValues(p)
		keep := map[int]bool{} // the volunteer's fields that stay
		for _, g := range groups {
			names, have, get := make([]string, len(g)), make([]string, len(g)), make([]string, len(g))
			for j, i := range g {
				names[j], have[j], get[j] = actionlist.StepColumns[i], vals[i], want[i]
			}
			if r.keeps(actionlist.EntityStep, p.ID, names, have, get) {
				for _, i := range g {
					keep[i] = true
				}
			}
		}
		var changes []actionlist.Change
		for i, f := range actionlist.StepColumns {
			if f == "id" || !slices.Contains(fields, f) || vals[i] == want[i] {
				continue
			}
			if keep[i] {
				res.Kept++
				continue
			}
			changes = append(changes, actionlist.Change{Field: f, Old: vals[i], New: want[i]})
			vals[i] = want[i]
		}
		if len(changes) == 0 {
			continue
		}
		after, err := actionlist.StepFromValues(vals)
		if err != nil {
			return fmt.Errorf("step %q: %w", p.Title, err)
		}
		if err := after.Validate(); err != nil {
			return fmt.Errorf("step %q: %w", p.Title, err)
		}
		if _, err := t.exec("UPDATE steps SET "+assignments(actionlist.StepColumns)+" WHERE id = ?",
			anys(actionlist.StepValues(after), after.ID)...); err != nil {
			return fmt.Errorf("save step %q: %w", p.Title, err)
		}
		for _, ch := range changes {
			if err := record(actionlist.EntityStep, p.ID, actionlist.ActionChanged, ch.Field, ch.Old, ch.New); err != nil {
				return err
			}
		}
		res.Changed++
	}
	// The case's own fields as the package has them (name, helpers, dose).
	next := cur
	next.Name, next.Participants, next.Status, next.Language, next.Dose = pkg.Name, pkg.Participants, pkg.Status, pkg.Language, pkg.Dose
	if changes := actionlist.CaseChanges(cur, next); len(changes) > 0 {
		if err := next.Validate(); err != nil {
			return fmt.Errorf("case: %w", err)
		}
		if _, err := t.exec("UPDATE cases SET "+assignments(actionlist.CaseColumns)+" WHERE id = ?",
			anys(actionlist.CaseValues(next), next.ID)...); err != nil {
			return fmt.Errorf("save case: %w", err)
		}
		for _, ch := range changes {
			if err := record(actionlist.EntityCase, pkg.ID, actionlist.ActionChanged, ch.Field, ch.Old, ch.New); err != nil {
				return err
			}
		}
	}
	for _, a := range pkg.Agreements {
		if slices.ContainsFunc(cur.Agreements, func(x actionlist.Agreement) bool { return x.ID == a.ID }) {
			continue
		}
		if err := t.insertAgreementRow(pkg.ID, a); err != nil {
			if strings.Contains(err.Error(), "UNIQUE") {
				return &ExistsError{ID: pkg.ID, History: true}
			}
			return err
		}
		if err := record(actionlist.EntityAgreement, a.ID, actionlist.ActionCreated, "", "", actionlist.AgreementSnapshot(a)); err != nil {
			return err
		}
	}
	if err := t.refreshDebts(pkg, cur.Debts, metas, r, record, res); err != nil {
		return err
	}
	if err := t.touch(pkg.ID); err != nil {
		return err
	}
	res.Case, err = loadCase(t.ctx, t.tx, pkg.ID)
	if err != nil {
		return err
	}
	return t.imported(pkg.ID, FieldVolunteerPackage, volunteerMeta{VolunteerOrigin: origin, OwnEvents: own, Kept: r.kept})
}

// keepVolunteers is the rule a refresh follows for the volunteer's own work
// on their copy: it stays until the specialist's package shows it was taken
// over. A package carries values only, not which return files were merged,
// so that is read from the values: the package holds the volunteer's value,
// or it holds another value than the package before it (the specialist
// changed it since, after a merge or not) while the volunteer did not. The
// rule is applied to one part at a time: the fields of a step the volunteer
// owns that go together as one change (a tick-off's state, day and name; a
// work note), or whether a step or debt the volunteer removed is there.
// mine is what the copy holds now, before what it held when the last
// package came in, last what that package held, and pkg what this one holds.
func keepVolunteers(mine, before, last, pkg []string) bool {
	return !slices.Equal(mine, pkg) && (!slices.Equal(mine, before) || slices.Equal(pkg, last))
}

// there is the value of a step or debt as a whole (field FieldWholeStep)
// where it is; "" where it is not.
const there = "there"

// copyRefresh is what one refresh knows of the copy's history since the
// last package, and what it keeps as the volunteer's.
type copyRefresh struct {
	first    map[string]actionlist.Event // per part, the copy's first event since the last package
	lastKept map[string]string           // the parts the last refresh kept, with what its package held
	kept     map[string]string           // the same, for this refresh
}

func partKey(entity actionlist.Entity, id, field string) string {
	return string(entity) + "/" + id + "/" + field
}

// startRefresh reads the copy's steps' and debts' events since the last
// package, all the copy's own: a refresh records its events before its mark.
func (t *txn) startRefresh(caseID string, metas []volunteerMeta) (*copyRefresh, error) {
	last := metas[len(metas)-1]
	evs, err := loadEvents(t.ctx, t.tx, `WHERE case_id = ? AND seq > ? AND entity IN ('step', 'debt') AND action IN ('created', 'changed', 'deleted') ORDER BY seq`, caseID, last.seq)
	if err != nil {
		return nil, err
	}
	r := &copyRefresh{first: map[string]actionlist.Event{}, lastKept: last.Kept, kept: map[string]string{}}
	for _, e := range evs {
		k := partKey(e.Entity, e.EntityID, e.Field)
		if _, ok := r.first[k]; !ok {
			r.first[k] = e
		}
	}
	return r, nil
}

// keeps applies keepVolunteers to fields of a step or debt that go
// together, which the copy holds as mine and the package as pkg, and
// remembers what it kept for the next refresh.
func (r *copyRefresh) keeps(entity actionlist.Entity, id string, fields, mine, pkg []string) bool {
	before, last := slices.Clone(mine), make([]string, len(fields))
	for i, f := range fields {
		if e, ok := r.first[partKey(entity, id, f)]; ok {
			switch e.Action {
			case actionlist.ActionChanged:
				before[i] = e.Old
			case actionlist.ActionDeleted:
				before[i] = there
			case actionlist.ActionCreated:
				before[i] = ""
			}
		}
		last[i] = before[i]
		if v, ok := r.lastKept[partKey(entity, id, f)]; ok {
			last[i] = v
		}
	}
	if !keepVolunteers(mine, before, last, pkg) {
		return false
	}
	for i, f := range fields {
		r.kept[partKey(entity, id, f)] = pkg[i]
	}
	return true
}

// carry passes what the copy keeps of one kind of part on to the next
// refresh when this package says nothing of that kind (debts, without
// --with-debts): what the last refresh kept, and the parts the volunteer
// removed since, as if this package held them as the last one did.
func (r *copyRefresh) carry(entity actionlist.Entity) {
	prefix := string(entity) + "/"
	for k, v := range r.lastKept {
		if strings.HasPrefix(k, prefix) {
			r.kept[k] = v
		}
	}
	for _, e := range r.first {
		if e.Entity == entity && e.Action == actionlist.ActionDeleted {
			r.kept[partKey(entity, e.EntityID, FieldWholeStep)] = there
		}
	}
}

// keepsAway says whether a step or debt the package holds and the copy does
// not stays away: the volunteer removed it, and no package took that over.
func (r *copyRefresh) keepsAway(entity actionlist.Entity, id string) bool {
	return r.keeps(entity, id, []string{FieldWholeStep}, []string{""}, []string{there})
}

// volunteerGroups are the fields the volunteer owns among those a package
// carries, as places in actionlist.StepColumns, one group per change (a
// tick-off's three fields are one).
func volunteerGroups(fields []string) [][]int {
	var out [][]int
	for i, f := range actionlist.StepColumns {
		if !slices.Contains(volunteerFields, f) || !slices.Contains(fields, f) {
			continue
		}
		j := slices.IndexFunc(out, func(g []int) bool { return actionlist.SameChange(actionlist.StepColumns[g[0]], f) })
		if j < 0 {
			out = append(out, []int{i})
			continue
		}
		out[j] = append(out[j], i)
	}
	return out
}

// refreshDebts makes the copy's shared debts what the package holds: the
// creditor and reference are the specialist's and take its values, the rest
// (a balance asked, a note) is the volunteer's and stays. A debt that came in
// a package and is no longer in this one goes, also when this package was
// made without --with-debts: the specialist no longer shares it. A debt the
// volunteer added stays, and one they removed is not brought back while the
// packages hold it, as with steps (copyRefresh). Each change is recorded as
// the refresh's own.
func (t *txn) refreshDebts(pkg actionlist.Case, cur []actionlist.Debt, metas []volunteerMeta, r *copyRefresh, record func(actionlist.Entity, string, actionlist.Action, string, string, string) error, res *VolunteerImport) error {
	if len(pkg.Debts) == 0 {
		// A package without debts cannot say whether the specialist stopped
		// sharing them or forgot --with-debts, and a debt on the copy holds
		// the volunteer's own work (a balance asked, a note), which never
		// travels back: the debts on the copy stay as they are, and so does
		// what the next package must know of them.
		res.DebtsLeft = len(cur)
		r.carry(actionlist.EntityDebt)
		return nil
	}
	shared, err := t.sharedDebts(pkg.ID, metas)
	if err != nil {
		return err
	}
	// The fields a package carries are the specialist's: the package's
	// value wins; the others are the volunteer's own, and stay.
	carried := actionlist.VolunteerDebtFields()
	inPkg := map[string]bool{}
	for _, p := range pkg.Debts {
		inPkg[p.ID] = true
		i := slices.IndexFunc(cur, func(d actionlist.Debt) bool { return d.ID == p.ID })
		if i < 0 {
			if r.keepsAway(actionlist.EntityDebt, p.ID) {
				continue
			}
			if err := t.insertDebtRow(pkg.ID, p); err != nil {
				if strings.Contains(err.Error(), "UNIQUE") {
					return &ExistsError{ID: pkg.ID, History: true}
				}
				return err
			}
			if err := record(actionlist.EntityDebt, p.ID, actionlist.ActionCreated, "", "", actionlist.DebtSnapshot(p)); err != nil {
				return err
			}
			res.DebtsAdded++
			continue
		}
		changes := slices.DeleteFunc(actionlist.DebtChanges(cur[i], p), func(c actionlist.Change) bool {
			return c.Field == "id" || !slices.Contains(carried, c.Field)
		})
		if len(changes) == 0 {
			continue
		}
		after := cur[i]
		if _, _, err := actionlist.ApplyDebtChanges(&after, changes); err != nil {
			return fmt.Errorf("debt %q: %w", p.Creditor, err)
		}
		if err := after.Validate(); err != nil {
			return fmt.Errorf("debt %q: %w", p.Creditor, err)
		}
		if _, err := t.exec("UPDATE debts SET "+assignments(actionlist.DebtColumns)+" WHERE id = ?",
			anys(actionlist.DebtValues(after), after.ID)...); err != nil {
			return fmt.Errorf("save debt %q: %w", p.Creditor, err)
		}
		for _, ch := range changes {
			if err := record(actionlist.EntityDebt, p.ID, actionlist.ActionChanged, ch.Field, ch.Old, ch.New); err != nil {
				return err
			}
		}
		res.DebtsChanged++
	}
	for _, d := range cur {
		if inPkg[d.ID] || !shared[d.ID] {
			continue
		}
		if _, err := t.exec("DELETE FROM debts WHERE id = ?", d.ID); err != nil {
			return fmt.Errorf("delete debt %q: %w", d.Creditor, err)
		}
		// The snapshot keeps the debt in the copy's history as it was there.
		if err := record(actionlist.EntityDebt, d.ID, actionlist.ActionDeleted, "", actionlist.DebtSnapshot(d), ""); err != nil {
			return err
		}
		res.DebtsRemoved++
	}
	return nil
}

// sharedDebts reads from a copy's history which debts came in a package
// (the first import's, or a refresh's). Unlike a step's, a debt's events
// never go back in a return file, so only the history on the copy knows.
func (t *txn) sharedDebts(caseID string, metas []volunteerMeta) (map[string]bool, error) {
	own := map[string]bool{}
	for _, m := range metas {
		for _, id := range m.OwnEvents {
			own[id] = true
		}
	}
	rows, err := t.tx.QueryContext(t.ctx, `SELECT seq, id, entity_id FROM events WHERE case_id = ? AND entity = 'debt' AND action = 'created'`, caseID)
	if err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
	defer rows.Close()
	shared := map[string]bool{}
	for rows.Next() {
		var seq int64
		var id, debt string
		if err := rows.Scan(&seq, &id, &debt); err != nil {
			return nil, fmt.Errorf("read history: %w", err)
		}
		if seq < metas[0].seq || own[id] {
			shared[debt] = true
		}
	}
	return shared, rows.Err()
}

// volunteerOrigin finds the package a copy was first made from, and the seq
// of the event that says so.
func volunteerOrigin(ctx context.Context, q queryer, caseID string) (VolunteerOrigin, int64, bool, error) {
	metas, err := volunteerMetas(ctx, q, caseID)
	if err != nil || len(metas) == 0 {
		return VolunteerOrigin{}, 0, false, err
	}
	return metas[0].VolunteerOrigin, metas[0].seq, true, nil
}

// VolunteerOriginOf tells whether a case is a volunteer's copy, and of what.
func (s *Store) VolunteerOriginOf(ctx context.Context, caseID string) (VolunteerOrigin, bool, error) {
	o, _, ok, err := volunteerOrigin(ctx, s.db, caseID)
	return o, ok, err
}

// ReturnEvents collects what the volunteer did on their copy since it was
// imported: every change, addition and deletion of a step, oldest first,
// with the events' own IDs. A return file holds them all, each time, so a
// lost file is no loss; the merge skips what it has seen.
func (s *Store) ReturnEvents(ctx context.Context, caseID string) (VolunteerOrigin, []actionlist.Event, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return VolunteerOrigin{}, nil, classify(err)
	}
	defer tx.Rollback()
	metas, err := volunteerMetas(ctx, tx, caseID)
	if err != nil {
		return VolunteerOrigin{}, nil, err
	}
	if len(metas) == 0 {
		return VolunteerOrigin{}, nil, fmt.Errorf("case %s: %w", caseID, ErrNotVolunteerCopy)
	}
	own := map[string]bool{}
	for _, m := range metas {
		for _, id := range m.OwnEvents {
			own[id] = true
		}
	}
	evs, err := loadEvents(ctx, tx, `WHERE case_id = ? AND seq > ? AND entity = 'step' AND action IN ('changed', 'created', 'deleted') ORDER BY seq`, caseID, metas[0].seq)
	if err != nil {
		return VolunteerOrigin{}, nil, err
	}
	// A field that stays home (the team's note, a pin) was never the
	// volunteer's: a change to it on the copy does not go back.
	evs = slices.DeleteFunc(evs, func(e actionlist.Event) bool {
		return own[e.ID] || (e.Action == actionlist.ActionChanged && !slices.Contains(returnFields, e.Field))
	})
	// The latest package says whom to send it to.
	o := metas[0].VolunteerOrigin
	o.PackageID, o.MadeBy, o.MadeAt = metas[len(metas)-1].PackageID, metas[len(metas)-1].MadeBy, metas[len(metas)-1].MadeAt
	return o, evs, nil
}
