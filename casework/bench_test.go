package casework

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"houvast/actionlist"
	"houvast/export"
	"houvast/store"
)

// BenchmarkCaseload times handing over a caseload of 100 cases of 70 steps
// with their history (a created event for every case and step, and 2,000
// changes): the export to a plain file, checked for a BSN first, and the
// import of that file into a new database on disk, read, checked and
// written in one transaction. The budget is 150 ms each (BENCHMARKS.md).
func BenchmarkCaseload(b *testing.B) {
	dir := b.TempDir()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	open := func(name string) *Work {
		db := filepath.Join(dir, name)
		s, err := store.Open(ctx, db)
		if err != nil {
			b.Fatal(err)
		}
		return &Work{Store: s, Settings: Settings{DB: db, Name: "Marieke"}, Now: func() time.Time { return now }}
	}
	src := open("colleague.db")
	defer src.Close()
	made, err := src.Seed(ctx, SeedPlan{Cases: 100, Steps: 7000, Events: 2000, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(dir, "caseload.json")
	write := func() Exported {
		e, err := src.ExportCases(ctx, ExportRequest{Path: file, Plain: true}, CaseSelection{All: true})
		if err != nil {
			b.Fatal(err)
		}
		return e
	}
	if e := write(); e.Cases != 100 || e.Steps != made.Steps {
		b.Fatalf("exported %d cases, %d steps; seeded %+v", e.Cases, e.Steps, made)
	}
	b.Run("export", func(b *testing.B) {
		for b.Loop() {
			write()
		}
	})
	b.Run("import", func(b *testing.B) {
		n := 0
		for b.Loop() {
			b.StopTimer()
			n++
			dst := open(filepath.Join("new", string(rune('a'+n%26))+time.Now().Format("150405.000000000")+".db"))
			b.StartTimer()
			f, err := ReadExchangeFile(file, nil)
			if err != nil {
				b.Fatal(err)
			}
			res, err := dst.Import(ctx, f, false)
			if err != nil || f.Kind != export.KindCaseload || len(res.Caseload) != 100 {
				b.Fatalf("import: %v", err)
			}
			b.StopTimer()
			dst.Close()
			b.StartTimer()
		}
	})
}

// BenchmarkImportSignals10000 times importing a platform's CSV of 10,000
// signals into a database on disk: reading, checking every row and the
// BSN guard, and storing them in one transaction.
func BenchmarkImportSignals10000(b *testing.B) {
	dir := b.TempDir()
	now := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	var csv strings.Builder
	csv.WriteString("Soort;Bedrag;Datum;Voornaam;Adres;Telefoon;Crisis\n")
	partners := []string{"energie", "water", "zorgverzekeraar", "woningcorporatie", "gemeentelijke belastingen", "verhuurder"}
	for i := range 10_000 {
		fmt.Fprintf(&csv, "%s;%d,%02d;%s;Bewoner %d;Laan %d;06%08d;%s\n", partners[i%len(partners)], 50+i%3000, i%100,
			actionlist.DateOf(now).AddDays(-i%180), i, i%400+1, i, []string{"nee", "ja"}[min(1, i%9/8)])
	}
	file := filepath.Join(dir, "signalen.csv")
	if err := os.WriteFile(file, []byte(csv.String()), 0o600); err != nil {
		b.Fatal(err)
	}
	cols := actionlist.SignalColumns{actionlist.ColPartner: "Soort", actionlist.ColAmount: "Bedrag", actionlist.ColDate: "Datum",
		actionlist.ColName: "Voornaam", actionlist.ColAddress: "Adres", actionlist.ColPhone: "Telefoon", actionlist.ColCrisis: "Crisis"}
	n := 0
	for b.Loop() {
		b.StopTimer()
		n++
		db := filepath.Join(dir, fmt.Sprintf("s%d.db", n))
		s, err := store.Open(ctx, db)
		if err != nil {
			b.Fatal(err)
		}
		w := &Work{Store: s, Settings: Settings{DB: db, Name: "Marieke"}, Now: func() time.Time { return now }}
		b.StartTimer()
		got, err := w.ImportSignals(ctx, file, cols)
		if err != nil || got.Added != 10_000 {
			b.Fatalf("import: %+v, %v", got, err)
		}
		b.StopTimer()
		s.Close()
		os.Remove(db)
		b.StartTimer()
	}
}
