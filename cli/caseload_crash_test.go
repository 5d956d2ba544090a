package cli

import (
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"houvast/actionlist"
	"houvast/export"
	"houvast/store"
)

// The promise of a caseload import: a laptop holds all of the file's cases
// or none of them, whenever the import is stopped. The real program imports
// a caseload file and is killed with SIGKILL at a random moment (while it
// starts, reads and checks the file, writes the transaction, or commits);
// the database is then opened as the next run would, checked, and holds
// either what it held before or that and every case of the file.
func TestCaseloadImportIsAllOrNothingUnderKill(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program and kills it many times")
	}
	kills := 25
	if n, err := strconv.Atoi(os.Getenv("HOUVAST_CRASH_KILLS")); err == nil && n > 0 {
		kills = n
	}
	seed := uint64(time.Now().UnixNano() % 1e9)
	if n, err := strconv.ParseUint(os.Getenv("HOUVAST_CRASH_SEED"), 10, 64); err == nil {
		seed = n
	}
	t.Logf("seed %d (HOUVAST_CRASH_SEED=%d repeats this run)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 16))

	dir := t.TempDir()
	bin := filepath.Join(dir, "houvast")
	if out, err := exec.Command("go", "build", "-o", bin, "houvast").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "HOUVAST_LANG=en")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	src, base, file := filepath.Join(dir, "colleague.db"), filepath.Join(dir, "base.db"), filepath.Join(dir, "caseload.json")
	run("--db", src, "seed", "--cases", "30", "--steps", "2100", "--events", "600")
	run("--db", src, "export", "cases", "--all", "--plain", "-o", file)
	run("--db", base, "seed", "--cases", "2", "--steps", "60", "--seed", "7") // the laptop's own cases
	data, err := export.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := export.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	want := parsed.Caseload.Cases
	baseCases, baseSeq := countCases(t, base)

	// How long one import takes whole, so the kills fall before, during and
	// just after the transaction.
	copyDB(t, base, filepath.Join(dir, "timing.db"))
	start := time.Now()
	run("--db", filepath.Join(dir, "timing.db"), "import", file)
	whole := time.Since(start)
	if n, _ := countCases(t, filepath.Join(dir, "timing.db")); n != baseCases+len(want) {
		t.Fatalf("an import that was not killed holds %d cases, want %d", n, baseCases+len(want))
	}

	var all, none, midway int
	for i := range kills {
		db := filepath.Join(dir, "run"+strconv.Itoa(i)+".db")
		copyDB(t, base, db)
		cmd := exec.Command(bin, "--db", db, "import", file)
		cmd.Env = append(os.Environ(), "HOUVAST_LANG=en")
		cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(whole) * 11 / 10)))
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		var ee *exec.ExitError
		killed := errors.As(err, &ee) && ee.Sys().(syscall.WaitStatus).Signal() == syscall.SIGKILL
		// A log with pages in it and no commit: killed inside the transaction.
		inside := false
		if st, err := os.Stat(db + "-wal"); err == nil && st.Size() > 0 {
			inside = true
		}

		s, err := store.Open(context.Background(), db)
		if err != nil {
			t.Fatalf("run %d: open after the kill: %v", i, err)
		}
		rep, err := s.Check(context.Background())
		if err != nil || !rep.Sound() {
			s.Close()
			t.Fatalf("run %d: check after the kill: %v %v", i, err, rep.Problems)
		}
		s.Close()
		n, seq := countCases(t, db)
		switch {
		case n == baseCases && seq == baseSeq:
			none++
			if inside {
				midway++
			}
		case n == baseCases+len(want):
			all++
			checkAllThere(t, db, want)
		default:
			t.Fatalf("run %d (killed %v): %d cases, want %d or %d", i, killed, n, baseCases, baseCases+len(want))
		}
		os.Remove(db)
	}
	t.Logf("%d kills in runs of %v: %d left none of the file (%d of them inside its transaction), %d all of it",
		kills, whole.Round(time.Millisecond), none, midway, all)
	if none == 0 {
		t.Error("no kill came before the commit: the test did not test")
	}
}

func copyDB(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(from + "-wal"); err == nil {
		t.Fatalf("%s has a log beside it: not closed", from)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func countCases(t *testing.T, db string) (int, int64) {
	t.Helper()
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.Cases(context.Background(), actionlist.DateOf(time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	seq, err := s.Seq(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(list), seq
}

// checkAllThere: every case of the file, with all its steps and events.
func checkAllThere(t *testing.T, db string, want []export.CaseFile) {
	t.Helper()
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, w := range want {
		c, evs, err := s.CaseWithEvents(context.Background(), w.Case.ID)
		if err != nil || len(c.Steps) != len(w.Case.Steps) || len(evs) != len(w.Events) {
			t.Fatalf("case %s after the import: %d steps, %d events (%v); want %d, %d",
				w.Case.Ref, len(c.Steps), len(evs), err, len(w.Case.Steps), len(w.Events))
		}
	}
}
