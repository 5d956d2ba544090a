package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"houvast/actionlist"
)

// ErrSignalClosed: the signal's outreach has ended (in this window or
// another), so it takes no attempt and becomes no case.
var ErrSignalClosed = errors.New("the signal is closed")

// SignalsAdded is what an import of signals did.
type SignalsAdded struct {
	Added   int
	Doubles int // already here (same partner, date and person), left as they were
}

const signalColumns = "id, partner, amount_cents, arrears_since, received, crisis, name, address, phone, outcome, closed_on, COALESCE(case_id, '')"

// AddSignals stores new signals in one transaction: all of them or, on an
// error, none. A signal already here (the same partner, date and person) is
// not added again; neither is a second one of the same in the list.
func (s *Store) AddSignals(ctx context.Context, actor actionlist.Actor, signals []actionlist.ArrearsSignal) (SignalsAdded, error) {
	var out SignalsAdded
	err := s.change(ctx, actor, func(t *txn) error {
		var err error
		out, err = t.addSignals(signals)
		return err
	})
	if err != nil {
		return SignalsAdded{}, err
	}
	return out, nil
}

func (t *txn) addSignals(signals []actionlist.ArrearsSignal) (SignalsAdded, error) {
	var out SignalsAdded
	stmt, err := t.tx.PrepareContext(t.ctx, `INSERT INTO arrears_signals (id, partner, amount_cents, arrears_since, received, crisis, name, address, phone,
	person_key, outcome, closed_on, case_id, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULLIF(?, ''), ?, ?)
	ON CONFLICT (partner, received, person_key) DO NOTHING`)
	if err != nil {
		return out, fmt.Errorf("add signals: %w", err)
	}
	defer stmt.Close()
	now := stamp(t.s.Now())
	for _, sg := range signals {
		if sg.ID == "" {
			sg.ID = NewID()
		}
		if err := sg.Validate(); err != nil {
			return out, fmt.Errorf("signal of %s: %w", sg.Received, err)
		}
		res, err := stmt.ExecContext(t.ctx, sg.ID, string(sg.Partner), sg.AmountCents, sg.ArrearsSince.String(), sg.Received.String(), boolInt(sg.Crisis),
			sg.Name, sg.Address, sg.Phone, sg.PersonKey(), string(sg.Outcome), sg.ClosedOn.String(), sg.CaseID, now, now)
		if err != nil {
			return out, fmt.Errorf("add signal: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			out.Doubles++
			continue
		}
		out.Added++
		for i, a := range sg.Attempts {
			if err := t.insertAttempt(sg.ID, i, a); err != nil {
				return out, err
			}
		}
	}
	return out, nil
}

func (t *txn) insertAttempt(signalID string, seq int, a actionlist.Attempt) error {
	if a.ID == "" {
		a.ID = NewID()
	}
	if err := a.Validate(); err != nil {
		return fmt.Errorf("attempt: %w", err)
	}
	_, err := t.exec(`INSERT INTO signal_attempts (id, signal_id, seq, kind, on_date, part, reached, note, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, signalID, seq, string(a.Kind), a.On.String(), string(a.Part), boolInt(a.Reached), a.Note, t.actor.Name, stamp(t.s.Now()))
	if err != nil {
		return fmt.Errorf("add attempt: %w", err)
	}
	return nil
}

// OpenSignals lists the signals whose outreach goes on, with their
// attempts, most urgent first.
func (s *Store) OpenSignals(ctx context.Context) ([]actionlist.ArrearsSignal, error) {
	out, err := readSignals(ctx, s.db, "WHERE outcome = ''")
	if err != nil {
		return nil, err
	}
	actionlist.SortByUrgency(out)
	return out, nil
}

// AllSignals lists every signal with its attempts, for the report.
func (s *Store) AllSignals(ctx context.Context) ([]actionlist.ArrearsSignal, error) {
	return readSignals(ctx, s.db, "")
}

// Signal reads one signal with its attempts.
func (s *Store) Signal(ctx context.Context, id string) (actionlist.ArrearsSignal, error) {
	return signalIn(ctx, s.db, id)
}

func signalIn(ctx context.Context, q queryer, id string) (actionlist.ArrearsSignal, error) {
	list, err := readSignals(ctx, q, "WHERE id = ?", id)
	if err != nil {
		return actionlist.ArrearsSignal{}, err
	}
	if len(list) == 0 {
		return actionlist.ArrearsSignal{}, fmt.Errorf("signal %s: %w", id, ErrNotFound)
	}
	return list[0], nil
}

// readSignals reads the signals a WHERE clause of arrears_signals picks,
// each with its attempts.
func readSignals(ctx context.Context, q queryer, where string, args ...any) ([]actionlist.ArrearsSignal, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+signalColumns+" FROM arrears_signals "+where+" ORDER BY received, id", args...)
	if err != nil {
		return nil, fmt.Errorf("read signals: %w", classify(err))
	}
	var out []actionlist.ArrearsSignal
	at := map[string]int{}
	for rows.Next() {
		var sg actionlist.ArrearsSignal
		var partner, since, received, outcome, closed string
		var crisis int
		if err := rows.Scan(&sg.ID, &partner, &sg.AmountCents, &since, &received, &crisis, &sg.Name, &sg.Address, &sg.Phone, &outcome, &closed, &sg.CaseID); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read signals: %w", classify(err))
		}
		sg.Partner, sg.Outcome, sg.Crisis = actionlist.SignalKind(partner), actionlist.SignalOutcome(outcome), crisis != 0
		sg.ArrearsSince, _ = actionlist.ParseDate(since)
		sg.Received, _ = actionlist.ParseDate(received)
		sg.ClosedOn, _ = actionlist.ParseDate(closed)
		at[sg.ID] = len(out)
		out = append(out, sg)
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("read signals: %w", classify(err))
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read signals: %w", classify(err))
	}
	if len(out) == 0 {
		return out, nil
	}
	aq := "SELECT a.signal_id, a.id, a.kind, a.on_date, a.part, a.reached, a.note FROM signal_attempts a"
	var aargs []any
	if where != "" {
		// The same signals, by the same clause, not a rewrite of it.
		aq += " WHERE a.signal_id IN (SELECT id FROM arrears_signals " + where + ")"
		aargs = args
	}
	arows, err := q.QueryContext(ctx, aq+" ORDER BY a.signal_id, a.seq", aargs...)
	if err != nil {
		return nil, fmt.Errorf("read attempts: %w", classify(err))
	}
	defer arows.Close()
	for arows.Next() {
		var sid, kind, on, part string
		var a actionlist.Attempt
		var reached int
		if err := arows.Scan(&sid, &a.ID, &kind, &on, &part, &reached, &a.Note); err != nil {
			return nil, fmt.Errorf("read attempts: %w", classify(err))
		}
		a.Kind, a.Part, a.Reached = actionlist.AttemptKind(kind), actionlist.DayPart(part), reached != 0
		a.On, _ = actionlist.ParseDate(on)
		if i, ok := at[sid]; ok {
			out[i].Attempts = append(out[i].Attempts, a)
		}
	}
	if err := arows.Err(); err != nil {
		return nil, fmt.Errorf("read attempts: %w", classify(err))
	}
	return out, nil
}

// openSignal reads a signal inside a transaction and refuses a closed one.
func (t *txn) openSignal(id string) (actionlist.ArrearsSignal, error) {
	sg, err := signalIn(t.ctx, t.tx, id)
	if err != nil {
		return sg, err
	}
	if !sg.Open() {
		return sg, fmt.Errorf("signal %s: %w", id, ErrSignalClosed)
	}
	return sg, nil
}

// AddAttempt records an attempt on an open signal (the rules of
// actionlist.LogAttempt) and returns the signal as stored.
func (s *Store) AddAttempt(ctx context.Context, actor actionlist.Actor, signalID string, a actionlist.Attempt, today actionlist.Date) (actionlist.ArrearsSignal, error) {
	var out actionlist.ArrearsSignal
	err := s.change(ctx, actor, func(t *txn) error {
		sg, err := t.openSignal(signalID)
		if err != nil {
			return err
		}
		if out, err = actionlist.LogAttempt(sg, a, today); err != nil {
			return err
		}
		if err := t.insertAttempt(signalID, len(sg.Attempts), out.Attempts[len(out.Attempts)-1]); err != nil {
			return err
		}
		return t.touchSignal(signalID)
	})
	if err != nil {
		return actionlist.ArrearsSignal{}, err
	}
	return s.Signal(ctx, signalID)
}

func (t *txn) touchSignal(id string) error {
	_, err := t.exec("UPDATE arrears_signals SET updated = ? WHERE id = ?", stamp(t.s.Now()), id)
	return err
}

// CloseSignal ends the outreach of an open signal with an outcome.
func (s *Store) CloseSignal(ctx context.Context, actor actionlist.Actor, signalID string, o actionlist.SignalOutcome, on actionlist.Date) error {
	return s.change(ctx, actor, func(t *txn) error {
		sg, err := t.openSignal(signalID)
		if err != nil {
			return err
		}
		if sg, err = actionlist.CloseSignal(sg, o, on); err != nil {
			return err
		}
		_, err = t.exec("UPDATE arrears_signals SET outcome = ?, closed_on = ?, updated = ? WHERE id = ?",
			string(sg.Outcome), sg.ClosedOn.String(), stamp(t.s.Now()), signalID)
		return err
	})
}

// AcceptSignal makes a case of an open signal: the case is created and the
// signal marked accepted and tied to it, in one transaction. A signal that
// was closed meanwhile is ErrSignalClosed, and no case is made.
func (s *Store) AcceptSignal(ctx context.Context, actor actionlist.Actor, signalID string, c actionlist.Case, on actionlist.Date) (actionlist.Case, error) {
	var out actionlist.Case
	err := s.change(ctx, actor, func(t *txn) error {
		sg, err := t.openSignal(signalID)
		if err != nil {
			return err
		}
		if out, err = t.createCase(c); err != nil {
			return err
		}
		sg = actionlist.Accepted(sg, out.ID, on)
		_, err = t.exec("UPDATE arrears_signals SET outcome = ?, closed_on = ?, case_id = ?, updated = ? WHERE id = ?",
			string(sg.Outcome), sg.ClosedOn.String(), sg.CaseID, stamp(t.s.Now()), signalID)
		return err
	})
	if err != nil {
		return c, err
	}
	return out, nil
}

// SignalsDueForErasure lists the signals that did not become a case and
// whose retention period (months) has passed on today.
func (s *Store) SignalsDueForErasure(ctx context.Context, today actionlist.Date, months int) ([]actionlist.ArrearsSignal, error) {
	all, err := readSignals(ctx, s.db, "WHERE case_id IS NULL")
	if err != nil {
		return nil, err
	}
	var out []actionlist.ArrearsSignal
	for _, sg := range all {
		if actionlist.SignalDueForErasure(sg, today, months) {
			out = append(out, sg)
		}
	}
	return out, nil
}

// EraseSignals removes signals that did not become a case, for good, with
// their attempts, as EraseCase removes a case: overwritten, the file
// rebuilt. A signal that became a case is left alone; it goes with its case.
func (s *Store) EraseSignals(ctx context.Context, ids []string) error {
	return s.eraseForGood(ctx, func(tx *sql.Tx) error {
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, "DELETE FROM arrears_signals WHERE id = ? AND case_id IS NULL", id); err != nil {
				return fmt.Errorf("erase signal: %w", err)
			}
		}
		return nil
	})
}

// SignalsStamp changes whenever a signal is added, closed or erased, or an
// attempt is recorded: the counts of signals, open ones and attempts, and
// the latest change.
func (s *Store) SignalsStamp(ctx context.Context) (string, error) {
	var n, open, attempts int
	var last string
	err := s.db.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE outcome = ''), COALESCE(max(updated), ''),
	(SELECT count(*) FROM signal_attempts) FROM arrears_signals`).Scan(&n, &open, &last, &attempts)
	if err != nil {
		return "", fmt.Errorf("read the signals' stamp: %w", classify(err))
	}
	return fmt.Sprintf("%d/%d/%d/%s", n, open, attempts, last), nil
}

// ReportKey is this database's random key, from which the team report's
// id for a period is made.
func (s *Store) ReportKey(ctx context.Context) (string, error) {
	var k string
	if err := s.db.QueryRowContext(ctx, "SELECT key FROM report_key").Scan(&k); err != nil {
		return "", fmt.Errorf("read the report key: %w", classify(err))
	}
	return k, nil
}

// AddSignals is Store.AddSignals inside the bulk transaction.
func (b *Bulk) AddSignals(signals []actionlist.ArrearsSignal) (SignalsAdded, error) {
	return b.t.addSignals(signals)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// checkSignals reads every signal and its attempts, for Check: a value
// the rules refuse is a problem, named by the signal's date and partner.
func (s *Store) checkSignals(ctx context.Context) []Problem {
	all, err := s.AllSignals(ctx)
	if err != nil {
		return []Problem{{Kind: ProblemSignal, Err: err}}
	}
	var out []Problem
	for _, sg := range all {
		if err := sg.Validate(); err != nil {
			out = append(out, Problem{Kind: ProblemSignal, Partner: sg.Partner, On: sg.Received, Err: err})
		}
	}
	return out
}
