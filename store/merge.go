package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"houvast/actionlist"
)

// ReturnInput is a volunteer's return file as the merge needs it.
type ReturnInput struct {
	ReturnID  string
	PackageID string
	CaseID    string
	Events    []actionlist.Event // oldest first
}

// ConflictField is one field of a change that was not taken over.
type ConflictField struct {
	Field   string
	Base    string // what the volunteer started from
	Offered string // what the volunteer wrote
	Kept    string // what the case holds, and keeps
}

// MergeConflict is a change of the volunteer's the merge did not take
// over: one field, or the fields that go together (a tick-off's state,
// date and name), which are one choice for the specialist.
type MergeConflict struct {
	StepID  string
	Title   string
	Fields  []ConflictField // none when the volunteer deleted the step
	Deleted bool            // the volunteer deleted the step; it stays (deleting is the specialist's call)
	Gone    bool            // the step was deleted here meanwhile
	By      actionlist.Actor
}

// MergeChange is a change of the volunteer's that was taken over: one
// field, or the fields that go together.
type MergeChange struct {
	StepID, Title string
	Fields        []actionlist.Change
}

// MergeReport is what a merge did. Applied and Conflicts count in changes a
// person made: a tick-off is one, not three.
type MergeReport struct {
	Ref       string
	Seen      int // events merged before (from an earlier return file)
	New       int // events merged now
	Applied   []MergeChange
	Added     []actionlist.Step // steps the volunteer added
	Conflicts []MergeConflict
	// Planned are the steps the merge brought into Now, with the due date
	// they got, as a tick-off on the screen gives one.
	Planned []actionlist.Step
}

// MergeProblem is why a return file was not merged.
type MergeProblem int

const (
	MergeUnknownStep    MergeProblem = iota + 1 // a change to a step that was never in the case
	MergeDoneUnrecorded                         // a step would be done without its date or name
)

// MergeRefusal is a return file that was not merged at all, because taking
// it over would make the case wrong; nothing was changed.
type MergeRefusal struct {
	Why    MergeProblem
	StepID string
	Title  string // "" when the step is not known here
}

func (e *MergeRefusal) Error() string {
	if e.Why == MergeUnknownStep {
		return fmt.Sprintf("the return file changes step %s, which was never in the case", e.StepID)
	}
	return fmt.Sprintf("the return file would leave step %q done without its date or name", e.Title)
}

// MergeReturn merges a volunteer's return file into the case, in one
// transaction. Events merged before (by ID) are skipped, so the same file
// twice changes nothing. Per step, the volunteer's changes are taken one
// change at a time, the fields of a merge group together: a change runs
// from the values the volunteer started from to their last values, and is
// taken over when the case still holds the starting values (a three-way
// merge); otherwise it is kept out whole and recorded as ActionConflict
// events, one per field, to be resolved by the specialist. Steps the
// volunteer added are added; steps they deleted stay (a conflict). A file
// about a step that was never in the case, or that would leave a step done
// without its date or name, is refused whole (*MergeRefusal). Steps the
// merge brings into Now get a due date. The volunteer's events are stored
// with their own IDs, so the history shows who did what, and when.
func (s *Store) MergeReturn(ctx context.Context, actor actionlist.Actor, in ReturnInput) (MergeReport, error) {
	var rep MergeReport
	err := s.change(ctx, actor, func(t *txn) error {
		rep = MergeReport{}
		ref, ok, err := t.caseRef(in.CaseID)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("case %s: %w", in.CaseID, ErrNotFound)
		}
		rep.Ref = ref
		if _, _, isCopy, err := volunteerOrigin(t.ctx, t.tx, in.CaseID); err != nil {
			return err
		} else if isCopy {
			return fmt.Errorf("case %s: %w", ref, ErrIsVolunteerCopy)
		}
		fresh, err := t.unseen(in.CaseID, in.Events)
		if err != nil {
			return err
		}
		rep.Seen = len(in.Events) - len(fresh)
		rep.New = len(fresh)
		if len(fresh) == 0 {
			return nil
		}
		before, err := loadCase(t.ctx, t.tx, in.CaseID)
		if err != nil {
			return err
		}
		if err := t.mergeEvents(in.CaseID, fresh, &rep); err != nil {
			return err
		}
		evStmt, err := t.tx.PrepareContext(t.ctx, insertEventSQL)
		if err != nil {
			return err
		}
		defer evStmt.Close()
		for _, e := range fresh {
			if err := t.insertEventRow(evStmt, in.CaseID, e); err != nil {
				return err
			}
		}
		now := t.s.Now()
		for _, c := range rep.Conflicts {
			if err := t.conflictEvents(evStmt, in.CaseID, c, now); err != nil {
				return err
			}
		}
		if err := t.planAfterMerge(in.CaseID, before, &rep); err != nil {
			return err
		}
		if err := t.imported(in.CaseID, FieldReturnFile, map[string]any{
			"return_id": in.ReturnID, "package_id": in.PackageID,
			"events": len(fresh), "applied": len(rep.Applied), "added": len(rep.Added), "conflicts": len(rep.Conflicts),
		}); err != nil {
			return err
		}
		return t.touch(in.CaseID)
	})
	if err != nil {
		return MergeReport{}, err
	}
	return rep, nil
}

// unseen drops the events this database holds already. An event ID that
// belongs to another case means the file is not what it says.
func (t *txn) unseen(caseID string, evs []actionlist.Event) ([]actionlist.Event, error) {
	stmt, err := t.tx.PrepareContext(t.ctx, "SELECT case_id FROM events WHERE id = ?")
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	var out []actionlist.Event
	for _, e := range evs {
		var owner string
		err := stmt.QueryRowContext(t.ctx, e.ID).Scan(&owner)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			out = append(out, e)
		case err != nil:
			return nil, err
		case owner != caseID:
			return nil, &ExistsError{ID: caseID, History: true}
		}
	}
	return out, nil
}

// everInCase lists the steps that are, or ever were, in the case.
func (t *txn) everInCase(caseID string) (map[string]bool, error) {
	rows, err := t.tx.QueryContext(t.ctx, `SELECT id FROM steps WHERE case_id = ?
UNION SELECT entity_id FROM events WHERE case_id = ? AND entity = 'step'`, caseID, caseID)
	if err != nil {
		return nil, fmt.Errorf("read the case's steps: %w", err)
	}
	return idSet(rows)
}

// fieldChange is one field's net change by the volunteer.
type fieldChange struct {
	field     string
	base, new string
	by        actionlist.Actor
}

func (t *txn) mergeEvents(caseID string, fresh []actionlist.Event, rep *MergeReport) error {
	known, err := t.everInCase(caseID)
	if err != nil {
		return err
	}
	adds := map[string]bool{}
	for _, e := range fresh {
		if e.Action == actionlist.ActionCreated {
			adds[e.EntityID] = true
		}
	}
	for _, e := range fresh {
		if !known[e.EntityID] && !adds[e.EntityID] {
			return &MergeRefusal{Why: MergeUnknownStep, StepID: e.EntityID}
		}
	}
	// Steps the volunteer added come first: later changes build on them.
	for _, e := range fresh {
		if e.Action != actionlist.ActionCreated {
			continue
		}
		st, err := actionlist.StepFromSnapshot(e.New)
		if err != nil || st.ID != e.EntityID {
			return fmt.Errorf("a step the volunteer added cannot be read: %w", errors.Join(err, errors.New("damaged snapshot")))
		}
		_, owner, err := loadStepRow(t.ctx, t.tx, st.ID)
		switch {
		case err == nil && owner == caseID:
			continue // merged before by another way; nothing to add
		case err == nil:
			return &ExistsError{ID: caseID, History: true}
		case !errors.Is(err, ErrNotFound):
			return err
		}
		if err := t.insertStepRow(nil, caseID, st); err != nil {
			return err
		}
		rep.Added = append(rep.Added, st)
	}
	// Net change per step and field, in the order first seen. A field the
	// volunteer changed and changed back is kept too: its value is theirs,
	// and a change it belongs with needs it.
	var order []string
	byStep := map[string][]fieldChange{}
	deleted := map[string]actionlist.Event{}
	for _, e := range fresh {
		switch e.Action {
		case actionlist.ActionDeleted:
			deleted[e.EntityID] = e
			if _, ok := byStep[e.EntityID]; !ok {
				order = append(order, e.EntityID)
				byStep[e.EntityID] = nil
			}
		case actionlist.ActionChanged:
			list, ok := byStep[e.EntityID]
			if !ok {
				order = append(order, e.EntityID)
			}
			i := slices.IndexFunc(list, func(c fieldChange) bool { return c.field == e.Field })
			if i < 0 {
				list = append(list, fieldChange{field: e.Field, base: e.Old, new: e.New, by: e.Actor})
			} else {
				list[i].new, list[i].by = e.New, e.Actor
			}
			byStep[e.EntityID] = list
		}
	}
	for _, id := range order {
		if err := t.mergeStep(caseID, id, byStep[id], deleted, rep); err != nil {
			return err
		}
	}
	return nil
}

// units splits a step's field changes into the changes a person made (see
// actionlist.GroupChanges), leaving out those that end where they began.
func units(changes []fieldChange) [][]fieldChange {
	var out [][]fieldChange
	for _, c := range changes {
		i := slices.IndexFunc(out, func(u []fieldChange) bool { return actionlist.SameChange(u[0].field, c.field) })
		if i < 0 {
			out = append(out, []fieldChange{c})
			continue
		}
		out[i] = append(out[i], c)
	}
	return slices.DeleteFunc(out, func(u []fieldChange) bool {
		return !slices.ContainsFunc(u, func(c fieldChange) bool { return c.base != c.new })
	})
}

// lastActor is who made the latest part of a change.
func lastActor(u []fieldChange) actionlist.Actor { return u[len(u)-1].by }

func (t *txn) mergeStep(caseID, id string, changes []fieldChange, deleted map[string]actionlist.Event, rep *MergeReport) error {
	cur, owner, err := loadStepRow(t.ctx, t.tx, id)
	gone := errors.Is(err, ErrNotFound) || (err == nil && owner != caseID)
	if err != nil && !gone {
		return err
	}
	title := cur.Title
	if gone {
		if title, err = goneTitle(t.ctx, t.tx, caseID, id, deleted); err != nil {
			return err
		}
	}
	if gone {
		for _, u := range units(changes) {
			c := MergeConflict{StepID: id, Title: title, Gone: true, By: lastActor(u)}
			for _, f := range u {
				c.Fields = append(c.Fields, ConflictField{Field: f.field, Base: f.base, Offered: f.new})
			}
			rep.Conflicts = append(rep.Conflicts, c)
		}
		return nil
	}
	if del, ok := deleted[id]; ok {
		// Deleting is the specialist's call: the step stays, and says so.
		rep.Conflicts = append(rep.Conflicts, MergeConflict{StepID: id, Title: title, Deleted: true, By: del.Actor})
	}
	was := cur
	var applied []MergeChange
	for _, u := range units(changes) {
		held := false
		for _, f := range u {
			now, _ := actionlist.StepField(cur, f.field)
			if f.base != f.new && now != f.base && now != f.new {
				held = true // the specialist changed it meanwhile
			}
		}
		if held {
			c := MergeConflict{StepID: id, Title: title, By: lastActor(u)}
			for _, f := range u {
				if now, _ := actionlist.StepField(cur, f.field); now != f.new {
					c.Fields = append(c.Fields, ConflictField{Field: f.field, Base: f.base, Offered: f.new, Kept: now})
				}
			}
			rep.Conflicts = append(rep.Conflicts, c)
			continue
		}
		var net []actionlist.Change
		for _, f := range u {
			if f.base != f.new {
				net = append(net, actionlist.Change{Field: f.field, Old: f.base, New: f.new})
			}
		}
		done, _, err := actionlist.ApplyStepChanges(&cur, net)
		if err != nil {
			return fmt.Errorf("step %q: %w", title, err)
		}
		if len(done) > 0 {
			applied = append(applied, MergeChange{StepID: id, Title: title, Fields: done})
		}
	}
	if len(applied) == 0 {
		return nil
	}
	if cur.DoneWithoutRecord() && !was.DoneWithoutRecord() {
		return &MergeRefusal{Why: MergeDoneUnrecorded, StepID: id, Title: title}
	}
	if err := cur.Validate(); err != nil {
		return fmt.Errorf("step %q: %w", title, err)
	}
	if _, err := t.exec("UPDATE steps SET "+assignments(actionlist.StepColumns)+" WHERE id = ?",
		anys(actionlist.StepValues(cur), cur.ID)...); err != nil {
		return fmt.Errorf("save step %q: %w", title, err)
	}
	rep.Applied = append(rep.Applied, applied...)
	return nil
}

// goneTitle is the title a step had before it was deleted here, from the
// case's history, else from the volunteer's own deletion.
func goneTitle(ctx context.Context, q queryer, caseID, id string, deleted map[string]actionlist.Event) (string, error) {
	var snap string
	err := q.QueryRowContext(ctx, `SELECT CASE action WHEN 'deleted' THEN old ELSE new END FROM events
WHERE case_id = ? AND entity = 'step' AND entity_id = ? AND field = '' AND action IN ('created', 'deleted')
ORDER BY seq DESC LIMIT 1`, caseID, id).Scan(&snap)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", err
	}
	if snap == "" {
		snap = deleted[id].Old
	}
	if st, err := actionlist.StepFromSnapshot(snap); err == nil {
		return st.Title, nil
	}
	return "", nil
}

// conflictEvents records a conflict: one event per field (the case's value
// as old, the volunteer's as new), or one for a deleted step. The events of
// one conflict share their moment and actor.
func (t *txn) conflictEvents(stmt *sql.Stmt, caseID string, c MergeConflict, at time.Time) error {
	by := c.By
	if by.Name == "" {
		by = t.actor
	}
	fields := c.Fields
	if c.Deleted {
		fields = []ConflictField{{Field: FieldWholeStep, Offered: "deleted"}}
	}
	for _, f := range fields {
		if _, err := stmt.ExecContext(t.ctx, NewID(), caseID, string(actionlist.EntityStep), c.StepID, string(ActionConflict),
			f.Field, f.Kept, f.Offered, stamp(at), by.Name, string(by.Role)); err != nil {
			return fmt.Errorf("record a conflict: %w", err)
		}
	}
	return nil
}

// planAfterMerge gives a due date to every step the merge brought into Now
// or whose date it emptied (see actionlist.DueDatesAfter), as the
// specialist's change.
func (t *txn) planAfterMerge(caseID string, before actionlist.Case, rep *MergeReport) error {
	planned, err := t.plan(nowState{caseID: caseID, steps: before.Steps, dose: before.Dose}, actionlist.DueDatesAfter)
	rep.Planned = append(rep.Planned, planned...)
	return err
}

// OpenConflict is a change from a merge that nobody has dealt with yet:
// one field, or the fields that go together, as one choice.
type OpenConflict struct {
	EventIDs []string // the conflict events, one per field
	StepID   string
	Title    string          // the step's title; for a step deleted here, the one it had
	Fields   []ConflictField // none when Deleted
	Deleted  bool            // the volunteer deleted the step
	Gone     bool            // the step was deleted here: only keeping what the case has is possible
	By       actionlist.Actor
	At       time.Time
}

// OpenConflicts lists a case's open conflicts, oldest first, for the
// specialist to resolve: take the volunteer's values over with a normal
// edit (UpdateStep), or keep their own with ResolveConflict. The conflict
// events of one merge about fields that go together (a tick-off) are one
// conflict, open while none of them has been dealt with.
func (s *Store) OpenConflicts(ctx context.Context, caseID string) ([]OpenConflict, error) {
	rows, err := s.db.QueryContext(ctx, `
SELECT e.seq, e.id, e.entity_id, st.id IS NULL, COALESCE(st.title, ''), e.field, e.old, e.new, e.actor, e.role, e.at,
	NOT EXISTS (
		SELECT 1 FROM events later
		WHERE later.case_id = e.case_id AND later.seq > e.seq AND later.entity_id = e.entity_id
		AND ((later.action = ? AND later.new = e.id)
			OR (e.field <> '' AND later.action = 'changed' AND later.field = e.field)
			OR (later.action = 'deleted'))),
	COALESCE((SELECT min(m.seq) FROM events m WHERE m.case_id = e.case_id AND m.seq > e.seq
		AND m.action = ? AND m.field = ?), 0)
FROM events e LEFT JOIN steps st ON st.id = e.entity_id AND st.case_id = e.case_id
WHERE e.case_id = ? AND e.action = ?
ORDER BY e.seq`, string(ActionResolved), string(ActionImported), FieldReturnFile, caseID, string(ActionConflict))
	if err != nil {
		return nil, fmt.Errorf("read conflicts: %w", err)
	}
	defer rows.Close()
	type member struct {
		c     OpenConflict
		f     ConflictField
		open  bool
		merge int64 // the merge that recorded it
	}
	var all []member
	for rows.Next() {
		var m member
		var seq int64
		var id, role, at string
		if err := rows.Scan(&seq, &id, &m.c.StepID, &m.c.Gone, &m.c.Title, &m.f.Field, &m.f.Kept, &m.f.Offered,
			&m.c.By.Name, &role, &at, &m.open, &m.merge); err != nil {
			return nil, fmt.Errorf("read conflicts: %w", err)
		}
		m.c.EventIDs, m.c.By.Role, m.c.At = []string{id}, actionlist.Role(role), parseStamp(at)
		m.c.Deleted = m.f.Field == FieldWholeStep
		all = append(all, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read conflicts: %w", err)
	}
	rows.Close()
	// One conflict per merge, step and change; open while all of it is.
	var out []OpenConflict
	closed := map[int]bool{}
	index := map[[3]string]int{}
	for _, m := range all {
		group := m.f.Field
		if !m.c.Deleted {
			for _, o := range all {
				if o.merge == m.merge && o.c.StepID == m.c.StepID && actionlist.SameChange(o.f.Field, m.f.Field) && !o.c.Deleted {
					group = o.f.Field // the first field of the change names it
					break
				}
			}
		}
		k := [3]string{fmt.Sprint(m.merge), m.c.StepID, group}
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			c := m.c
			c.EventIDs = nil
			out = append(out, c)
		}
		out[i].EventIDs = append(out[i].EventIDs, m.c.EventIDs...)
		if !m.c.Deleted {
			out[i].Fields = append(out[i].Fields, m.f)
		}
		if !m.open {
			closed[i] = true
		}
	}
	var open []OpenConflict
	for i, c := range out {
		if closed[i] {
			continue
		}
		if c.Gone {
			if c.Title, err = goneTitle(ctx, s.db, caseID, c.StepID, nil); err != nil {
				return nil, err
			}
		}
		open = append(open, c)
	}
	return open, nil
}

// ResolveConflict closes conflicts, keeping what the case holds: the events
// of one OpenConflict, in one transaction.
func (s *Store) ResolveConflict(ctx context.Context, actor actionlist.Actor, caseID string, conflictIDs ...string) error {
	return s.change(ctx, actor, func(t *txn) error {
		for _, conflictID := range conflictIDs {
			var stepID, field string
			err := t.tx.QueryRowContext(t.ctx, "SELECT entity_id, field FROM events WHERE id = ? AND case_id = ? AND action = ?",
				conflictID, caseID, string(ActionConflict)).Scan(&stepID, &field)
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("conflict %s: %w", conflictID, ErrNotFound)
			}
			if err != nil {
				return err
			}
			if err := t.event(caseID, actionlist.EntityStep, stepID, ActionResolved, field, "", conflictID); err != nil {
				return err
			}
		}
		return t.touch(caseID)
	})
}
