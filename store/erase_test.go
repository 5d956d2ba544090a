package store

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"houvast/actionlist"
)

// marker is a name that appears nowhere but in the case to erase.
const marker = "Wilhelmientje Zwartkruis"

// caseToErase has the marker in every kind of text: the name, a
// participant, step notes, an agreement, and (through edits) its history.
func caseToErase(t *testing.T, s *Store) actionlist.Case {
	t.Helper()
	c := sampleCase()
	c.Name = marker[:12]
	c.Participants[0].Name = marker
	c.Steps[0].InternalNote = "Belde met " + marker
	c.Agreements[0].What = marker + " opens the post"
	for i := range c.Steps { // its own IDs, beside the sample case
		c.Steps[i].ID = "e" + c.Steps[i].ID
		for j := range c.Steps[i].DependsOn {
			c.Steps[i].DependsOn[j] = "e" + c.Steps[i].DependsOn[j]
		}
	}
	c.Agreements[0].ID = "e" + c.Agreements[0].ID
	c, err := s.CreateCase(ctx, specialist, c)
	if err != nil {
		t.Fatal(err)
	}
	before := c.Steps[1]
	after := before
	after.WorkNote = marker + " was not home"
	if _, err := s.UpdateStep(ctx, volunteer, before, after); err != nil {
		t.Fatal(err)
	}
	return c
}

func closeCase(t *testing.T, s *Store, id string, on actionlist.Date) {
	t.Helper()
	c, err := s.Case(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateCase(ctx, specialist, c, actionlist.Close(c, actionlist.CloseFinished, on)); err != nil {
		t.Fatal(err)
	}
}

// filesContain reports which of the database's files hold s.
func filesContain(t *testing.T, path, s string) []string {
	t.Helper()
	var found []string
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		b, err := os.ReadFile(p)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(s)) || bytes.Contains(b, []byte(s[:12])) {
			found = append(found, filepath.Base(p))
		}
	}
	return found
}

// Erasing a closed case removes it for good: its rows and history are
// gone and the name is in none of the file's bytes, while the file is open
// and after it is closed. Other cases stay as they were.
func TestEraseRemovesEveryTrace(t *testing.T) {
	s, path := openTemp(t)
	keep := mustCreate(t, s)
	gone := caseToErase(t, s)
	keepBefore, _ := s.Case(ctx, keep.ID)
	keepEvents, _ := s.Events(ctx, keep.ID)
	if found := filesContain(t, path, marker); len(found) == 0 {
		t.Fatal("the name is not in the file before erasing: the test would prove nothing")
	}

	if err := s.EraseCase(ctx, gone.ID); !errors.Is(err, ErrNotClosed) {
		t.Fatalf("erase an open case: %v, want ErrNotClosed", err)
	}
	if _, err := s.Case(ctx, gone.ID); err != nil {
		t.Fatalf("a refused erase removed the case: %v", err)
	}
	closeCase(t, s, gone.ID, today)
	if err := s.EraseCase(ctx, gone.ID); err != nil {
		t.Fatalf("erase: %v", err)
	}

	if _, err := s.Case(ctx, gone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the erased case can still be read: %v", err)
	}
	for _, table := range []string{"steps", "agreements", "events"} {
		var n int
		s.db.QueryRow("SELECT count(*) FROM "+table+" WHERE case_id = ?", gone.ID).Scan(&n)
		if n != 0 {
			t.Errorf("%d %s of the erased case are left", n, table)
		}
	}
	if found := filesContain(t, path, marker); len(found) > 0 {
		t.Errorf("after erasing, the name is still in %v", found)
	}
	keepAfter, _ := s.Case(ctx, keep.ID)
	keepEventsAfter, _ := s.Events(ctx, keep.ID)
	if len(keepAfter.Steps) != len(keepBefore.Steps) || len(keepEventsAfter) != len(keepEvents) || keepAfter.Name != keepBefore.Name {
		t.Error("erasing one case changed another")
	}
	if rep, err := s.Check(ctx); err != nil || !rep.Sound() {
		t.Errorf("check after erasing: %v %v", err, rep.Problems)
	}
	s.Close()
	if found := filesContain(t, path, marker); len(found) > 0 {
		t.Errorf("after closing, the name is still in %v", found)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %o after erasing", st.Mode().Perm())
	}
	if _, err := s.Seq(ctx); err == nil {
		t.Error("the store still answers after Close")
	}
}

func TestEraseUnknownCase(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.EraseCase(ctx, "no-such-case"); !errors.Is(err, ErrNotFound) {
		t.Errorf("erase an unknown case: %v", err)
	}
}

// When another window is reading at that moment, the case is erased all the
// same and the caller is told that traces stay until every window is
// closed; then they are gone.
func TestEraseWhileAnotherWindowReads(t *testing.T) {
	path := filepath.Join(t.TempDir(), "houvast.db")
	s, err := OpenWith(ctx, path, Options{BusyTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	gone := caseToErase(t, s)
	closeCase(t, s, gone.ID, today)

	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	// A read left open, as a window in the middle of loading a long list.
	rows, err := other.db.Query("SELECT id FROM events")
	if err != nil || !rows.Next() {
		t.Fatal(err)
	}
	err = s.EraseCase(ctx, gone.ID)
	if !errors.Is(err, ErrTracesRemain) {
		t.Fatalf("erase beside a reading window: %v, want ErrTracesRemain", err)
	}
	if _, err := s.Case(ctx, gone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the case was not erased: %v", err)
	}
	rows.Close()
	// What `houvast erase --compact` does once the other window is done.
	if err := s.Compact(ctx); err != nil {
		t.Fatalf("compact after the other window finished: %v", err)
	}
	if found := filesContain(t, path, marker); len(found) > 0 {
		t.Errorf("after compacting, the name is still in %v", found)
	}
	other.Close()
	s.Close()
	if found := filesContain(t, path, marker); len(found) > 0 {
		t.Errorf("after every window closed, the name is still in %v", found)
	}
}

// When another window is saving for longer than the busy timeout, the file
// cannot be rebuilt: the caller hears so, and Compact finishes the job later.
func TestEraseWhileAnotherWindowSaves(t *testing.T) {
	bin := buildHelper(t)
	path := filepath.Join(t.TempDir(), "houvast.db")
	s, err := OpenWith(ctx, path, Options{BusyTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	gone := caseToErase(t, s)
	closeCase(t, s, gone.ID, today)

	// The lock is taken between the erase's delete and its rebuild, the
	// moment a window could save; simulated by taking it right after a
	// delete that does not compact.
	if err := s.write(ctx, func(tx *sql.Tx) error { return eraseRows(ctx, tx, gone.ID) }); err != nil {
		t.Fatal(err)
	}
	release := holdLock(t, bin, path)
	if err := s.Compact(ctx); !errors.Is(err, ErrTracesRemain) {
		t.Fatalf("compact while another window saves: %v, want ErrTracesRemain", err)
	}
	if found := filesContain(t, path, marker); len(found) == 0 {
		t.Fatal("without compacting the name should still be in the file: the test would prove nothing")
	}
	release()
	if err := s.Compact(ctx); err != nil {
		t.Fatalf("compact when the other window is done: %v", err)
	}
	if found := filesContain(t, path, marker); len(found) > 0 {
		t.Errorf("after compacting, the name is still in %v", found)
	}
}
