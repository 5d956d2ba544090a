package store

import (
	"bufio"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"houvast/actionlist"
	"houvast/demo"
)

// fingerprint sums everything a caseworker saved, to compare a file before
// and after.
func fingerprint(t *testing.T, db *sql.DB) string {
	t.Helper()
	h := sha256.New()
	for _, q := range []string{
		"SELECT id || name || status FROM cases ORDER BY id",
		"SELECT id || title || status || internal_note || work_note || due FROM steps ORDER BY id",
		"SELECT id || what FROM agreements ORDER BY id",
		"SELECT id || entity_id || field || old || new FROM events ORDER BY seq",
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		for rows.Next() {
			var s string
			rows.Scan(&s)
			fmt.Fprintln(h, s)
		}
		rows.Close()
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

func userVersion(t *testing.T, db *sql.DB) int {
	t.Helper()
	var v int
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func hasColumn(t *testing.T, db *sql.DB, table, column string) bool {
	t.Helper()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM pragma_table_info(?) WHERE name = ?", table, column).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n > 0
}

// A migration killed half-way leaves the file as it was, at the old
// version; the copy made before it is whole or absent, never half; and
// once a migration has run, its copy can be put back with Restore (what
// `houvast backup restore` does) by a Houvast that only knows the old
// schema.
func TestMigrationKilledMidwayLeavesOldSchema(t *testing.T) {
	bin := buildHelper(t)
	kills := envInt("HOUVAST_MIGRATE_KILLS", 12)
	seed := uint64(time.Now().UnixNano() % 1e9)
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 2))

	dir := t.TempDir()
	path := filepath.Join(dir, "houvast.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	gen := rand.New(rand.NewPCG(3, 3))
	for i := range 8 {
		if _, err := s.CreateCase(ctx, specialist, demo.Synthetic(gen, i, 60, today, NewID)); err != nil {
			t.Fatal(err)
		}
	}
	want := fingerprint(t, s.db)
	var steps int
	s.db.QueryRow("SELECT count(*) FROM steps").Scan(&steps)
	s.Close()
	old := SchemaVersion()
	bak := MigrationBackupPath(path, old)

	var midway, early, copies int
	var toFirstRow time.Duration // how long a run takes to its first row, from round 0
	for round := range kills {
		stop := 1 + rng.IntN(steps)
		cmd := exec.Command(bin, "migrate", path, strconv.Itoa(stop))
		stdout, _ := cmd.StdoutPipe()
		var stderr limitedBuffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Half the rounds kill the migration while it waits at a random
		// row, inside its transaction; the others kill at a random moment
		// before its first row: while starting or copying the file.
		var timer *time.Timer
		started := time.Now()
		if round%2 == 1 && toFirstRow > 0 {
			// As on the first start of a new version: no copy yet.
			os.Remove(bak)
			timer = time.AfterFunc(time.Duration(rng.Int64N(int64(toFirstRow))), func() { cmd.Process.Signal(syscall.SIGKILL) })
		}
		r := bufio.NewReader(stdout)
		stopped, rows := false, 0
		for {
			l, err := r.ReadString('\n')
			if err != nil {
				break
			}
			if strings.HasPrefix(l, "row ") {
				if rows++; rows == 1 && toFirstRow == 0 {
					toFirstRow = time.Since(started)
				}
			}
			if strings.TrimSpace(l) == "stopped" && !stopped {
				stopped = true
				cmd.Process.Signal(syscall.SIGKILL)
			}
		}
		if timer != nil {
			timer.Stop()
		}
		err := cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("round %d: the migration ended by itself: %v %s", round, err, stderr.String())
		}
		if stopped {
			midway++
		} else {
			early++
		}

		// This Houvast knows only the old schema, and finds it intact.
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("round %d: open after the kill: %v", round, err)
		}
		if v := userVersion(t, s.db); v != old {
			t.Errorf("round %d: version %d, want %d", round, v, old)
		}
		if hasColumn(t, s.db, "cases", "erase_after") {
			t.Errorf("round %d: half a migration is visible", round)
		}
		if got := fingerprint(t, s.db); got != want {
			t.Errorf("round %d: the data changed", round)
		}
		if rep, err := s.Check(ctx); err != nil || !rep.Sound() {
			t.Errorf("round %d: check: %v %v", round, err, rep.Problems)
		}
		s.Close()
		if _, err := os.Stat(bak); err == nil {
			copies++
			checkCopy(t, bak, old, want)
		}
	}

	// A migration that runs to the end: the new version, and a copy.
	out, err := exec.Command(bin, "migrate", path, "-1").CombinedOutput()
	if err != nil || !strings.HasSuffix(strings.TrimSpace(string(out)), "migrated") {
		t.Fatalf("a whole migration: %v\n%.300s", err, out)
	}
	if _, err := Open(ctx, path); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("the old Houvast opened the migrated file: %v", err)
	}
	raw, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if v := userVersion(t, raw); v != old+1 || !hasColumn(t, raw, "cases", "erase_after") {
		t.Errorf("after the whole migration: version %d", v)
	}
	raw.Close()
	checkCopy(t, bak, old, want)
	if parts, _ := filepath.Glob(bak + ".*.part"); len(parts) > 0 {
		t.Errorf("pieces of interrupted copies were left: %v", parts)
	}

	// Going back: the old Houvast puts the copy back.
	saved, err := Restore(ctx, path, bak, time.Now())
	if err != nil {
		t.Fatalf("restore the copy made before the migration: %v", err)
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("open after restoring: %v", err)
	}
	if v := userVersion(t, s.db); v != old || fingerprint(t, s.db) != want {
		t.Errorf("after restoring: version %d, data the same: %v", v, fingerprint(t, s.db) == want)
	}
	s.Close()
	if err := checkHeader(saved); !errors.Is(err, ErrNewerSchema) {
		t.Errorf("the migrated file was not kept before restoring: %s %v", saved, err)
	}
	t.Logf("%d kills: %d inside the migration's transaction (at a random one of %d rows), %d earlier (starting or copying); the old schema was intact after every one; the copy before the migration was whole after %d kills and absent after %d; restored after a whole migration",
		kills, midway, steps, early, copies, kills-copies)
}

// checkCopy opens a private copy of the copy made before a migration (so
// the copy itself stays untouched) and compares it.
func checkCopy(t *testing.T, bak string, version int, want string) {
	t.Helper()
	if err := checkHeader(bak); err != nil {
		t.Fatalf("the copy before the migration: %v", err)
	}
	tmp := filepath.Join(t.TempDir(), "copy.db")
	if err := copyFile(bak, tmp); err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, tmp)
	if err != nil {
		t.Fatalf("open the copy before the migration: %v", err)
	}
	defer s.Close()
	if v := userVersion(t, s.db); v != version || fingerprint(t, s.db) != want {
		t.Errorf("the copy before the migration: version %d, same data %v", v, fingerprint(t, s.db) == want)
	}
}

// A migration that fails half-way (its second statement is wrong) leaves
// the old schema and every case as they were.
func TestFailingMigrationLeavesOldSchema(t *testing.T) {
	saved := migrations
	t.Cleanup(func() { migrations = saved })
	path := filepath.Join(t.TempDir(), "h.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, s)
	want := fingerprint(t, s.db)
	s.Close()

	migrations = append(slices.Clone(saved), `
ALTER TABLE cases ADD COLUMN extra TEXT NOT NULL DEFAULT '';
INSERT INTO no_such_table VALUES (1);`)
	if _, err := Open(ctx, path); err == nil || !strings.Contains(err.Error(), "migrate schema") {
		t.Fatalf("a failing migration opened: %v", err)
	}
	migrations = saved
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v := userVersion(t, s.db); v != len(saved) || hasColumn(t, s.db, "cases", "extra") || fingerprint(t, s.db) != want {
		t.Errorf("after the failed migration: version %d, column %v, same data %v", v, hasColumn(t, s.db, "cases", "extra"), fingerprint(t, s.db) == want)
	}
}

// Two windows started at once on a file that needs a migration: it runs
// once, both open, and one copy is made.
func TestConcurrentOpensMigrateOnce(t *testing.T) {
	saved := migrations
	t.Cleanup(func() { migrations = saved })
	path := filepath.Join(t.TempDir(), "h.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	c := mustCreate(t, s)
	s.Close()

	migrations = append(slices.Clone(saved), "ALTER TABLE cases ADD COLUMN extra TEXT NOT NULL DEFAULT ''")
	const windows = 4
	var wg sync.WaitGroup
	errs := make([]error, windows)
	stores := make([]*Store, windows)
	for i := range windows {
		wg.Go(func() { stores[i], errs[i] = Open(ctx, path) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("window %d: %v", i, err)
			continue
		}
		defer stores[i].Close()
		if got, err := stores[i].Case(ctx, c.ID); err != nil || got.Name != c.Name {
			t.Errorf("window %d reads %v", i, err)
		}
	}
	copies, _ := filepath.Glob(path + ".before-v*")
	if len(copies) != 1 {
		t.Errorf("copies made: %v", copies)
	}
}

// Every change written after a restore lands in the restored database,
// and a second window is refused while it would be replaced.
func TestRestoreRefusesAnOpenDatabase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "houvast.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	c := mustCreate(t, s)
	bak := filepath.Join(dir, "copy.db")
	if err := s.Backup(ctx, bak); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAgreement(ctx, specialist, c.ID, actionlist.Agreement{What: "after the backup"}); err != nil {
		t.Fatal(err)
	}
	before := fingerprint(t, s.db)
	if _, err := Restore(ctx, path, bak, time.Now()); !errors.Is(err, ErrInUse) {
		t.Fatalf("restore while a window is open: %v, want ErrInUse", err)
	}
	if fingerprint(t, s.db) != before {
		t.Error("a refused restore changed the database")
	}
	if leftovers, _ := filepath.Glob(path + ".*"); len(leftovers) > 0 {
		t.Errorf("a refused restore left files: %v", leftovers)
	}
	s.Close()
}

// The index of a volunteer's copy marks is used only when a query names
// its terms as the index does, and both must say what the constants say.
func TestCopyMarksUseTheirIndex(t *testing.T) {
	want := fmt.Sprintf("entity = '%s' AND action = '%s' AND field = '%s'", actionlist.EntityCase, ActionImported, FieldVolunteerPackage)
	if copyMarkWhere != want || !strings.Contains(migrationCopyMarks, "WHERE "+want+";") {
		t.Fatalf("copyMarkWhere %q and the index must both be %q", copyMarkWhere, want)
	}
	s, _ := openTemp(t)
	var plan string
	for _, q := range []string{"SELECT seq, new FROM events WHERE case_id = ? AND " + copyMarkWhere + " ORDER BY seq", "SELECT DISTINCT case_id FROM events WHERE " + copyMarkWhere} {
		rows, err := s.db.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q, "c1")
		if err != nil {
			t.Fatal(err)
		}
		plan = ""
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan += detail + "\n"
		}
		rows.Close()
		if !strings.Contains(plan, "events_copy_marks") {
			t.Errorf("%s\ndoes not use the index:\n%s", q, plan)
		}
	}
}
