package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"houvast/actionlist"
	"houvast/casework"
	"houvast/store"
)

var inEnglish = map[string]string{"LANG": "en_GB.UTF-8"}

var testActor = actionlist.Actor{Name: "Ahmed", Role: actionlist.RoleSpecialist}

// dbWithCase makes a database holding one case and returns its path and
// the case.
func dbWithCase(t *testing.T, name string) (string, actionlist.Case) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "houvast.db")
	s, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.CreateCase(context.Background(), testActor, actionlist.NewCase(actionlist.CaseSpec{
		Name: name, Language: actionlist.CaseDutch, Dose: 3, Start: actionlist.DateOf(time.Now()),
		Template: actionlist.DefaultTemplate(actionlist.Dutch),
	}, store.NewID))
	if err != nil {
		t.Fatal(err)
	}
	return path, c
}

// countIn opens a database and counts its agreements, and the events that
// created them: in a consistent copy the two are equal.
func countIn(t *testing.T, path string) (agreements, created int) {
	t.Helper()
	s, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open %s: %v", filepath.Base(path), err)
	}
	defer s.Close()
	list, err := s.Cases(context.Background(), actionlist.DateOf(time.Now()))
	if err != nil || len(list) != 1 {
		t.Fatalf("cases in %s: %v", filepath.Base(path), err)
	}
	c, err := s.Case(context.Background(), list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	evs, _ := s.Events(context.Background(), c.ID)
	for _, e := range evs {
		if e.Entity == actionlist.EntityAgreement && e.Action == actionlist.ActionCreated {
			created++
		}
	}
	if rep, err := s.Check(context.Background()); err != nil || !rep.Sound() {
		t.Errorf("check %s: %v %v", filepath.Base(path), err, rep.Problems)
	}
	return len(c.Agreements), created
}

// Backups made while another window keeps saving are consistent (every
// change with its history), private, and Houvast databases themselves.
func TestBackupWhileAWindowSaves(t *testing.T) {
	path, c := dbWithCase(t, "Fatima")
	other, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	var saved atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	writerDone := make(chan struct{})
	wg.Go(func() {
		defer close(writerDone)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := other.AddAgreement(context.Background(), testActor, c.ID, actionlist.Agreement{What: "afspraak " + time.Now().String()}); err != nil {
				t.Errorf("the other window's save failed: %v", err)
				return
			}
			saved.Add(1)
		}
	})
	var counts []int
	for i := range 6 {
		for saved.Load() < int64(5*(i+1)) { // let the writer get ahead between copies
			select {
			case <-writerDone:
				t.Fatal("the writer stopped")
			case <-time.After(time.Millisecond):
			}
		}
		out := filepath.Join(t.TempDir(), "copy.db")
		code, stdout, stderr := cli(t, inEnglish, "--db", path, "backup", "-o", out)
		if code != 0 || !strings.Contains(stdout, "Backup made: "+out) {
			t.Fatalf("backup %d: code %d, %q %q", i, code, stdout, stderr)
		}
		if st, err := os.Stat(out); err != nil || st.Mode().Perm() != 0o600 {
			t.Fatalf("backup %d: %v", i, err)
		}
		agreements, created := countIn(t, out)
		if agreements != created {
			t.Errorf("backup %d holds %d agreements but %d of their events", i, agreements, created)
		}
		counts = append(counts, agreements)
	}
	close(stop)
	wg.Wait()
	for i := 1; i < len(counts); i++ {
		if counts[i] < counts[i-1] {
			t.Errorf("a later backup holds less: %v", counts)
		}
	}
	if counts[len(counts)-1] == counts[0] {
		t.Errorf("the writer made no progress between backups: %v", counts)
	}
	t.Logf("6 backups while another window saved %d agreements; they hold %v", saved.Load(), counts)
}

func TestBackupNamesAndRefusals(t *testing.T) {
	path, _ := dbWithCase(t, "Fatima")
	dir := filepath.Dir(path)
	code, out, _ := cli(t, inEnglish, "--db", path, "backup")
	name := regexp.MustCompile(`houvast-backup-\d{8}-\d{6}(-\d+)?\.db`).FindString(out)
	if code != 0 || name == "" {
		t.Fatalf("backup without -o: %d %q", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
		t.Fatalf("not next to the database: %v", err)
	}
	// A second one in the same second gets its own name.
	if got := casework.BackupName(path, time.Now()); got == filepath.Join(dir, name) {
		t.Errorf("the default name %s is taken and offered again", got)
	}

	existing := filepath.Join(dir, "keep.db")
	os.WriteFile(existing, []byte("mine"), 0o600)
	code, _, errOut := cli(t, inEnglish, "--db", path, "backup", "-o", existing)
	if code != 1 || !strings.Contains(errOut, "does not overwrite") {
		t.Errorf("backup over an existing file: %d %q", code, errOut)
	}
	if b, _ := os.ReadFile(existing); string(b) != "mine" {
		t.Error("an existing file was overwritten")
	}

	missing := filepath.Join(t.TempDir(), "none.db")
	code, _, errOut = cli(t, inEnglish, "--db", missing, "backup")
	if code != 1 || !strings.Contains(errOut, "no database at") {
		t.Errorf("backup of no database: %d %q", code, errOut)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("backing up nothing created a database")
	}
}

// A database too damaged to read through SQLite is copied as it is.
func TestBackupOfADamagedDatabase(t *testing.T) {
	path, _ := dbWithCase(t, "Fatima")
	b, _ := os.ReadFile(path)
	copy(b[100:], bytes.Repeat([]byte{0xEE}, 3000)) // the list of tables
	os.WriteFile(path, b, 0o600)
	out := filepath.Join(t.TempDir(), "rescue.db")
	code, stdout, stderr := cli(t, inEnglish, "--db", path, "backup", "-o", out)
	if code != 0 || !strings.Contains(stdout, "copied the file as it is") {
		t.Fatalf("backup of a damaged database: %d %q %q", code, stdout, stderr)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, b) {
		t.Error("the rescue copy differs from the file")
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, b) {
		t.Error("the damaged file was changed")
	}
}

// The copy Houvast makes before a migration is put back by `houvast backup
// restore`; the database as it was is kept; files that cannot be restored
// are refused with a sentence and nothing changes.
func TestRestoreCommand(t *testing.T) {
	path, c := dbWithCase(t, "Fatima")
	ctx := context.Background()
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	bak := store.MigrationBackupPath(path, store.SchemaVersion()-1)
	if err := s.Backup(ctx, bak); err != nil { // as the migration to this version did
		t.Fatal(err)
	}
	if _, err := s.AddAgreement(ctx, testActor, c.ID, actionlist.Agreement{What: "na de kopie"}); err != nil {
		t.Fatal(err)
	}

	// While a window is open, nothing happens.
	code, _, errOut := cli(t, inEnglish, "--db", path, "backup", "restore", bak)
	if code != 1 || !strings.Contains(errOut, "open in another Houvast window") || !strings.Contains(errOut, "Nothing was changed") {
		t.Errorf("restore beside an open window: %d %q", code, errOut)
	}
	s.Close()
	if n, _ := countIn(t, path); n != len(c.Agreements)+1 {
		t.Fatalf("the refused restore changed the database: %d agreements", n)
	}

	bakBytes, _ := os.ReadFile(bak)
	code, out, errOut := cli(t, inEnglish, "--db", path, "backup", "restore", bak)
	if code != 0 || !strings.Contains(out, "Restored") || !strings.Contains(out, ".before-restore-") {
		t.Fatalf("restore: %d %q %q", code, out, errOut)
	}
	if n, _ := countIn(t, path); n != len(c.Agreements) {
		t.Errorf("after restoring: %d agreements, want the backup's %d", n, len(c.Agreements))
	}
	if got, _ := os.ReadFile(bak); !bytes.Equal(got, bakBytes) {
		t.Error("the backup was changed")
	}
	kept := regexp.MustCompile(`\S+\.before-restore-\S+\.bak`).FindString(out)
	if n, _ := countIn(t, kept); n != len(c.Agreements)+1 {
		t.Errorf("the kept copy holds %d agreements, want %d", n, len(c.Agreements)+1)
	}

	dir := t.TempDir()
	garbage := filepath.Join(dir, "notes.db")
	os.WriteFile(garbage, []byte("boodschappen\n"), 0o600)
	newer := filepath.Join(dir, "newer.db")
	nb := append([]byte(nil), bakBytes...)
	nb[60], nb[61], nb[62], nb[63] = 0, 0, 0, 99
	os.WriteFile(newer, nb, 0o600)
	short := filepath.Join(dir, "short.db")
	os.WriteFile(short, bakBytes[:len(bakBytes)/2], 0o600)
	for _, tc := range []struct {
		file, want string
	}{
		{garbage, "is not a Houvast database"},
		{newer, "newer Houvast"},
		{short, "is damaged"},
		{filepath.Join(dir, "missing.db"), "does not exist"},
	} {
		before, _ := os.ReadFile(path)
		code, _, errOut := cli(t, inEnglish, "--db", path, "backup", "restore", tc.file)
		if code != 1 || !strings.Contains(errOut, tc.want) || !strings.Contains(errOut, "Nothing was changed") {
			t.Errorf("restore %s: %d %q", filepath.Base(tc.file), code, errOut)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
			t.Errorf("restore %s changed the database", filepath.Base(tc.file))
		}
	}
	code, _, errOut = cli(t, nil, "--db", path, "backup", "restore", garbage)
	if code != 1 || !strings.Contains(errOut, "geen Houvast-database") {
		t.Errorf("in Dutch: %q", errOut)
	}
}
