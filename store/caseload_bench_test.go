package store

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"houvast/demo"
)

// BenchmarkCaseloadRows is the store's share of handing over a caseload of
// 100 cases of 70 steps with their history (16,500 rows), without the file:
//
//   - import: ImportCaseload of the cases as read, into a new database on
//     disk, in one transaction;
//   - engine: the same rows copied by SQLite itself, table to table
//     (INSERT … SELECT from the first database, attached), into a new
//     database with the store's schema, on the store's own connection: no
//     Go code per row, no file to read. This is the least any import of
//     these rows can cost here, and so the floor under the budget.
func BenchmarkCaseloadRows(b *testing.B) {
	dir := b.TempDir()
	src, err := Open(ctx, filepath.Join(dir, "colleague.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	rng := rand.New(rand.NewPCG(1, 0x486f7576))
	n := 0
	var ids []string
	err = src.Bulk(ctx, func(bk *Bulk) error {
		for ex := range demo.SyntheticExamples(rng, 100, 7000, 2000, time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC), NewID) {
			n++
			ex.Case.Debts = demo.SyntheticDebts(1, n, ex.Case.Start, NewID)
			c, err := ex.Replay(ctx, bk, bk.At)
			if err != nil {
				return err
			}
			ids = append(ids, c.ID)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	cases, err := src.CasesWithEvents(ctx, ids)
	if err != nil {
		b.Fatal(err)
	}
	made := 0
	fresh := func(b *testing.B) *Store {
		b.Helper()
		b.StopTimer()
		defer b.StartTimer()
		made++
		s, err := Open(ctx, filepath.Join(dir, fmt.Sprintf("new-%d.db", made)))
		if err != nil {
			b.Fatal(err)
		}
		return s
	}
	b.Run("import", func(b *testing.B) {
		for b.Loop() {
			dst := fresh(b)
			if _, err := dst.ImportCaseload(ctx, specialist, cases); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			dst.Close()
			os.Remove(dst.Path())
			b.StartTimer()
		}
	})
	b.Run("engine", func(b *testing.B) {
		for b.Loop() {
			dst := fresh(b)
			conn, err := dst.db.Conn(ctx)
			if err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			if _, err := conn.ExecContext(ctx, "ATTACH ? AS colleague", src.Path()); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			tx, err := conn.BeginTx(ctx, nil)
			if err != nil {
				b.Fatal(err)
			}
			for _, table := range []string{"cases", "steps", "agreements", "debts", "events"} {
				if _, err := tx.ExecContext(ctx, "INSERT INTO main."+table+" SELECT * FROM colleague."+table); err != nil {
					b.Fatal(table, err)
				}
			}
			if err := tx.Commit(); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			conn.ExecContext(ctx, "DETACH colleague")
			conn.Close()
			dst.Close()
			os.Remove(dst.Path())
			b.StartTimer()
		}
	})
}
