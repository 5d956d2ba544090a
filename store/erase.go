package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"houvast/actionlist"
)

var (
	// ErrNotClosed: only a closed case can be erased.
	ErrNotClosed = errors.New("the case is not closed")
	// ErrTracesRemain: the case is gone from the database, but another
	// window kept the file from being rebuilt, so old copies of its pages
	// may stay in the file's bytes until Compact succeeds.
	ErrTracesRemain = errors.New("the case is erased, but another window kept the file from being cleaned up")
)

// EraseCase removes a closed case for good: the case, its steps, agreements
// and history. The deleted content is overwritten with zeros, the file is
// rebuilt without free pages (VACUUM) and the write-ahead log is emptied,
// so the resident's name no longer appears anywhere in the file's bytes.
// A case that is not closed is refused with ErrNotClosed. When another
// window keeps the file from being rebuilt, the case is erased all the same
// and the error is ErrTracesRemain: call Compact when that window is closed.
func (s *Store) EraseCase(ctx context.Context, caseID string) error {
	return s.eraseForGood(ctx, func(tx *sql.Tx) error { return eraseRows(ctx, tx, caseID) })
}

// eraseForGood deletes in one transaction, overwriting what it deletes,
// and then rebuilds the file (Compact): the one way anything is erased.
func (s *Store) eraseForGood(ctx context.Context, del func(*sql.Tx) error) error {
	if err := s.guard.check(); err != nil {
		return err
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return classify(err)
	}
	defer conn.Close()
	// secure_delete is a setting of the connection: only this erase pays
	// for overwriting what it deletes.
	if _, err := conn.ExecContext(ctx, "PRAGMA secure_delete = ON"); err != nil {
		return classify(err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA secure_delete = OFF")
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	if err := del(tx); err != nil {
		tx.Rollback()
		return classify(err)
	}
	if err := s.guard.check(); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return classify(err)
	}
	s.guard.settle()
	return s.Compact(ctx)
}

func eraseRows(ctx context.Context, tx *sql.Tx, caseID string) error {
	var status, ref string
	err := tx.QueryRowContext(ctx, "SELECT status, ref FROM cases WHERE id = ?", caseID).Scan(&status, &ref)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("case %s: %w", caseID, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("read case %s: %w", caseID, err)
	}
	if actionlist.CaseStatus(status) != actionlist.CaseClosed {
		return fmt.Errorf("case %s: %w", ref, ErrNotClosed)
	}
	// Steps, agreements and events go with the case (ON DELETE CASCADE).
	if _, err := tx.ExecContext(ctx, "DELETE FROM cases WHERE id = ?", caseID); err != nil {
		return fmt.Errorf("erase case %s: %w", ref, err)
	}
	return nil
}

// Compact rebuilds the file without free pages and empties the write-ahead
// log, so nothing deleted lingers in the file's bytes. ErrTracesRemain when
// another window is in the way.
func (s *Store) Compact(ctx context.Context) error {
	if err := s.guard.check(); err != nil {
		return err
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM"); err != nil {
		return fmt.Errorf("%w (%v)", ErrTracesRemain, err)
	}
	// The rebuild can take a while; the checkpoint writes into the file.
	if err := s.guard.check(); err != nil {
		return err
	}
	var busy, frames, copied int
	if err := s.db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &frames, &copied); err != nil {
		return fmt.Errorf("%w (%v)", ErrTracesRemain, err)
	}
	s.guard.settle()
	if busy != 0 {
		return ErrTracesRemain
	}
	return nil
}
