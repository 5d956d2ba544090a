package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// write runs fn in one immediate transaction: it either all lands or none.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return classify(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return classify(err)
	}
	return classify(tx.Commit())
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
		}
	}
	return err
}

// Backup writes a consistent copy of the database to dst (mode 0600), even
// while other windows use it. dst must not exist yet.
func (s *Store) Backup(ctx context.Context, dst string) error {
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("create %s: %w", dst, err)
	}
	f.Close()
	// VACUUM INTO fills the empty file we made, keeping its 0600 mode.
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", dst); err != nil {
		os.Remove(dst)
		return fmt.Errorf("copy to %s: %w", dst, classify(err))
	}
	return nil
}

// columnList quotes column names for SQL ("order" is a keyword).
func columnList(cols []string) string { return qualifiedColumns("", cols) }

// qualifiedColumns is columnList with a table alias: t."order".
func qualifiedColumns(table string, cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = `"` + c + `"`
		if table != "" {
			q[i] = table + "." + q[i]
		}
	}
	return strings.Join(q, ", ")
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
