package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// write runs fn in one immediate transaction: it either all lands or none.
// It is ErrReplaced, with nothing written, when the file at the path is no
// longer the store's, before the transaction begins or when it is about to
// commit (the wait for another window's lock can be long). A transaction
// large enough for SQLite to spill pages into the log before the commit may
// leave those uncommitted pages in the log's bytes.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if err := s.guard.check(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	if err := fn(tx); err != nil {
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
	return nil
}

// classify maps SQLite's lock errors to ErrBusy, so the screens can say that
// another window is saving and keep the change to retry.
func classify(err error) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return fmt.Errorf("%w: %v", ErrBusy, err)
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return fmt.Errorf("%w: %v", ErrDamaged, err)
		}
	}
	return err
}

// Backup writes a consistent copy of the database to dst (mode 0600), even
// while other windows use it. dst must not exist yet. It is ErrReplaced when
// the file at the path is no longer the store's: the copy could be of
// either file.
func (s *Store) Backup(ctx context.Context, dst string) error {
	if err := s.guard.check(); err != nil {
		return err
	}
	return vacuumInto(ctx, s.db, dst)
}

// execer is a database, a connection or a transaction.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// vacuumInto copies the database behind db to dst, which must not exist.
// The copy is written under a temporary name, flushed to disk and only then
// given its name, so a crash never leaves a half-written copy at dst.
func vacuumInto(ctx context.Context, db execer, dst string) error {
	if _, err := os.Lstat(dst); err == nil {
		return fmt.Errorf("create %s: %w", dst, os.ErrExist)
	}
	// CreateTemp makes the file 0600; VACUUM INTO fills it and keeps the mode.
	f, err := os.CreateTemp(filepath.Dir(dst), filepath.Base(dst)+".*.part")
	if err != nil {
		return fmt.Errorf("create %s: %w", dst, err)
	}
	tmp := f.Name()
	f.Close()
	defer os.Remove(tmp)
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		return fmt.Errorf("copy to %s: %w", dst, classify(err))
	}
	// VACUUM INTO does not flush its output: do it before the copy counts.
	if err := syncFile(tmp); err != nil {
		return fmt.Errorf("copy to %s: %w", dst, err)
	}
	// A link, unlike a rename, never replaces a file that appeared meanwhile.
	if err := os.Link(tmp, dst); err != nil {
		return fmt.Errorf("create %s: %w", dst, err)
	}
	return syncDir(filepath.Dir(dst))
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a new name in dir survive a power cut.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return err
	}
	return nil
}

// columnList quotes column names for SQL ("order" is a keyword).
func columnList(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = column("", c)
	}
	return strings.Join(q, ", ")
}

// column is one quoted column name, with a table alias if t is not "":
// t."order".
func column(t, c string) string {
	if t == "" {
		return `"` + c + `"`
	}
	return t + `."` + c + `"`
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func assignments(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = `"` + c + `" = ?`
	}
	return strings.Join(q, ", ")
}

func anys(vals []string, extra ...any) []any {
	out := make([]any, 0, len(vals)+len(extra))
	for _, v := range vals {
		out = append(out, v)
	}
	return append(out, extra...)
}

// scanStrings scans a row of n columns into strings.
func scanStrings(sc interface{ Scan(...any) error }, n int, extra ...any) ([]string, error) {
	vals := make([]string, n)
	ptrs := make([]any, 0, n+len(extra))
	for i := range vals {
		ptrs = append(ptrs, &vals[i])
	}
	ptrs = append(ptrs, extra...)
	if err := sc.Scan(ptrs...); err != nil {
		return nil, err
	}
	return vals, nil
}
