package store_test

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"houvast/actionlist"
	"houvast/demo"
	"houvast/store"
)

// These measure the store against the budgets of docs/design.md (start to first
// frame under 60 ms with 1,000 cases and 20,000 steps; a save under 5 ms).
// Timings never fail; BENCHMARKS.md reports them. Every database is a real
// file in WAL mode with synchronous FULL, as in use.

var (
	benchCtx = context.Background()
	// A fixed moment, so every run measures the same data.
	benchNow   = time.Date(2026, 11, 23, 10, 0, 0, 0, time.Local)
	benchToday = actionlist.DateOf(benchNow)
	benchActor = actionlist.Actor{Name: "Marieke", Role: actionlist.RoleSpecialist}
)

// fill makes a file database of synthetic cases with their history in one
// transaction (seconds for 1,000 cases), and returns its path and the IDs
// of the cases.
func fill(b *testing.B, cases, steps, events int) (string, []string) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "bench.db")
	s, err := store.Open(benchCtx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var ids []string
	rng := rand.New(rand.NewPCG(1, 2))
	err = s.Bulk(benchCtx, func(bk *store.Bulk) error {
		for ex := range demo.SyntheticExamples(rng, cases, steps, events, benchNow, store.NewID) {
			c, err := ex.Replay(benchCtx, bk, bk.At)
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
	return path, ids
}

func open(b *testing.B, path string) *store.Store {
	b.Helper()
	s, err := store.Open(benchCtx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkCaseList is the start of the screen: open the database and read
// the case list, on 1,000 cases with 20,000 steps and 10,000 changes.
func BenchmarkCaseList(b *testing.B) {
	path, _ := fill(b, 1000, 20000, 10000)
	b.Run("open+list", func(b *testing.B) {
		for b.Loop() {
			s, err := store.Open(benchCtx, path)
			if err != nil {
				b.Fatal(err)
			}
			list, err := s.Cases(benchCtx, benchToday)
			if err != nil || len(list) != 1000 {
				b.Fatalf("%d cases, %v", len(list), err)
			}
			if err := s.Close(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("list", func(b *testing.B) {
		s := open(b, path)
		for b.Loop() {
			if _, err := s.Cases(benchCtx, benchToday); err != nil {
				b.Fatal(err)
			}
		}
	})
	// The start on the agenda over the same database: its read and the
	// pure agenda over what it read.
	b.Run("agenda", func(b *testing.B) {
		s := open(b, path)
		for b.Loop() {
			cases, err := s.AgendaCases(benchCtx, benchToday.AddDays(actionlist.AgendaWeek))
			if err != nil {
				b.Fatal(err)
			}
			actionlist.Agenda(cases, benchToday, actionlist.AgendaWeek)
		}
	})
	// The start of the volunteer checklist over the same database.
	b.Run("volunteer", func(b *testing.B) {
		s := open(b, path)
		for b.Loop() {
			if _, err := s.StepsOwnedBy(benchCtx, actionlist.RoleVolunteer); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkCase500 is one case of 500 steps with 500 changes: opening it,
// its history, and a save (a tick-off, then taking it back, in turn).
func BenchmarkCase500(b *testing.B) {
	path, ids := fill(b, 1, 500, 500)
	b.Run("load", func(b *testing.B) {
		s := open(b, path)
		for b.Loop() {
			c, err := s.Case(benchCtx, ids[0])
			if err != nil || len(c.Steps) != 500 {
				b.Fatalf("%d steps, %v", len(c.Steps), err)
			}
		}
	})
	b.Run("history", func(b *testing.B) {
		s := open(b, path)
		for b.Loop() {
			if _, err := s.Events(benchCtx, ids[0]); err != nil {
				b.Fatal(err)
			}
		}
	})
	// What the screen saves for a tick-off: the step, and the due date of
	// the step that slides into Now, in one transaction; then the number it
	// watches for changes. Every other round takes both back, as undo does.
	b.Run("save", func(b *testing.B) {
		s := open(b, path)
		c, err := s.Case(benchCtx, ids[0])
		if err != nil {
			b.Fatal(err)
		}
		var done, next actionlist.Step
		for _, st := range c.Steps {
			switch {
			case st.Status.Finished() || len(st.DependsOn) > 0:
			case done.ID == "":
				done = st
			case next.ID == "" && st.Due.IsZero():
				next = st
			}
		}
		if next.ID == "" {
			b.Fatal("no open step without a due date")
		}
		for i := 0; b.Loop(); i++ {
			edits := []store.StepEdit{
				{Before: done, After: actionlist.TickOff(done, benchToday, benchActor.Name)},
				{Before: next, After: next},
			}
			edits[1].After.Due = benchToday.AddDays(7)
			if i%2 == 1 {
				edits[0].After = actionlist.Reopen(done)
				edits[1].After.Due = actionlist.Date{}
			}
			saved, err := s.UpdateSteps(benchCtx, benchActor, edits...)
			if err != nil {
				b.Fatal(err)
			}
			done, next = saved[0], saved[1]
			if _, err := s.CaseSeq(benchCtx, ids[0]); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkCaseListDebts is the start of the screen on a caseload with its
// debts: 1,000 cases, 20,000 steps, 10,000 changes and 13,000 debts (13 a
// case, NVVK's average).
func BenchmarkCaseListDebts(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.db")
	s, err := store.Open(benchCtx, path)
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	n := 0
	err = s.Bulk(benchCtx, func(bk *store.Bulk) error {
		for ex := range demo.SyntheticExamples(rng, 1000, 20000, 10000, benchNow, store.NewID) {
			n++
			ds := demo.SyntheticDebts(1, n, ex.Case.Start, store.NewID)
			for len(ds) < 13 {
				d := ds[len(ds)%5]
				d.ID = store.NewID()
				ds = append(ds, d)
			}
			ex.Case.Debts = ds[:13]
			if _, err := ex.Replay(benchCtx, bk, bk.At); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	b.Run("open+list", func(b *testing.B) {
		for b.Loop() {
			s, err := store.Open(benchCtx, path)
			if err != nil {
				b.Fatal(err)
			}
			list, err := s.Cases(benchCtx, benchToday)
			if err != nil || len(list) != 1000 {
				b.Fatalf("%d cases, %v", len(list), err)
			}
			if err := s.Close(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("case", func(b *testing.B) {
		s := open(b, path)
		list, err := s.Cases(benchCtx, benchToday)
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			c, err := s.Case(benchCtx, list[500].ID)
			if err != nil || len(c.Debts) != 13 {
				b.Fatalf("%d debts, %v", len(c.Debts), err)
			}
		}
	})
}
