package tui

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"houvast/actionlist"
	"houvast/casework"
	"houvast/demo"
	"houvast/export"
	"houvast/store"
)

// fileFixture is the demo case on a database file, with the screens'
// summaries written through the same use case as the command line's.
func fileFixture(t *testing.T) (*fixture, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "houvast.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f := newFixtureOn(t, st, actionlist.Dutch, 120, 40)
	f.m.o.Summaries = countedSummaries{casework.ScreenSummaries{W: &casework.Work{
		Store:    st,
		Settings: casework.Settings{DB: path, Lang: actionlist.Dutch},
		Now:      func() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC) },
	}}, f.busy}
	f.m.o.ExportDir = filepath.Dir(path)
	// Short names to type: the folder of the database is the current one.
	t.Chdir(filepath.Dir(path))
	return f, path
}

// countedSummaries tells the fixture's event loop that a summary is being
// written, so it waits for a real disk as it waits for the store.
type countedSummaries struct {
	casework.ScreenSummaries
	b *busyStore
}

func (c countedSummaries) Write(cs actionlist.Case, format, path string, today actionlist.Date, allowBSN, allPages bool) error {
	defer c.b.enter()()
	return c.ScreenSummaries.Write(cs, format, path, today, allowBSN, allPages)
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

// The summary typed over the database (or its log, a backup beside it, a
// folder) is refused on the screen with the command line's sentence, and
// the database is untouched and still works.
func TestSummaryOverTheDatabaseIsRefused(t *testing.T) {
	f, db := fileFixture(t)
	backup := filepath.Join(filepath.Dir(db), "houvast-backup.db")
	if err := f.st.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	f.openCase()
	for _, tc := range []struct{ path, says string }{
		{"houvast.db", "is je Houvast-database"},
		{db, "is je Houvast-database"},
		{"houvast.db-wal", "hoort bij een database"},
		{"houvast-backup.db", "is een database"},
		{".", "is een map"},
	} {
		before, beforeBackup := fileHash(t, db), fileHash(t, backup)
		f.press("X")
		f.see("Overzicht voor de inwoner")
		f.press("down", "down", "enter") // Markdown
		f.typeText(tc.path)
		f.press("enter", "enter") // the path, one page
		f.see("Niet opgeslagen", tc.says)
		if fileHash(t, db) != before || fileHash(t, backup) != beforeBackup {
			t.Fatalf("%s: a database file was changed", tc.path)
		}
		f.press("esc")
	}
	if _, err := os.Stat(db + "-wal-summary"); err == nil {
		t.Fatal("a file was written beside the database")
	}
	if c := f.stored(); c.ID != f.c.ID {
		t.Fatal("the database no longer reads")
	}
	// A new name in the same folder is written.
	out := filepath.Join(filepath.Dir(db), "fatima.md")
	f.press("X", "down", "down", "enter")
	f.typeText("fatima.md")
	f.press("enter", "enter")
	f.see("Overzicht geschreven")
	if data, err := os.ReadFile(out); err != nil || len(data) == 0 {
		t.Fatalf("the summary was not written: %v", err)
	}
}

// The database file replaced under an open window: the next tick-off says
// so, saves nothing, and the file now at the path is left as it is.
func TestReplacedDatabaseIsSaid(t *testing.T) {
	f, db := fileFixture(t)
	f.openCase()
	other := filepath.Join(t.TempDir(), "other.db")
	st2, err := store.Open(ctx, other)
	if err != nil {
		t.Fatal(err)
	}
	st2.Close()
	if err := os.Rename(other, db); err != nil {
		t.Fatal(err)
	}
	before, beforeWAL := fileHash(t, db), fileHash(t, db+"-wal")
	f.press("space")
	f.see("Niet opgeslagen", "vervangen of weggehaald", "Er is niets opgeslagen")
	if fileHash(t, db) != before || fileHash(t, db+"-wal") != beforeWAL {
		t.Fatal("the save wrote to the file that replaced the database, or to the log beside it")
	}
	f.notSee("Klaar: ")
}

// A volunteer's copy holds only part of the case, so the screen makes no
// summary of it, as the command line makes none.
func TestNoSummaryFromAVolunteersCopy(t *testing.T) {
	spec, err := store.OpenMemory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer spec.Close()
	c, err := demo.Case(actionlist.Dutch, testToday, counterIDs()).Replay(ctx, spec, func(at time.Time) { spec.Now = func() time.Time { return at } })
	if err != nil {
		t.Fatal(err)
	}
	made := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	p, err := export.Volunteer(c, export.VolunteerOptions{ID: "pkg-0001", Now: made, MadeBy: "Marieke"})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sanne.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sanne := actionlist.Actor{Name: "Sanne", Role: actionlist.RoleVolunteer}
	if _, err := st.ImportVolunteerCopy(ctx, sanne, p.Case, store.VolunteerOrigin{PackageID: p.ID, Ref: p.Case.Ref, MadeBy: p.MadeBy, MadeAt: made}, export.VolunteerStepFields()); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	m := New(Options{
		Store: st, Lang: actionlist.Dutch, Actor: sanne, Watch: -1,
		Today:     func() actionlist.Date { return testToday },
		Sentence:  casework.Sentence,
		ExportDir: dir,
		Summaries: casework.ScreenSummaries{W: &casework.Work{Store: st, Settings: casework.Settings{DB: path}, Now: func() time.Time { return made }}},
	})
	f := &fixture{t: t, m: m, st: st, busy: &busyStore{s: st}, c: c}
	f.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	f.run(m.Init())
	f.openCase()
	f.press("X", "enter", "enter", "enter") // PDF, to the export folder, one page
	f.see("Niet opgeslagen", "kopie voor een vrijwilliger")
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("a summary was written: %v", entries)
	}
}
