package store

import (
	"bytes"
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"houvast/demo"
)

func readOrNil(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return b
}

// otherDatabase makes a closed Houvast database unlike the one under test:
// more cases, so it is bigger and its header differs.
func otherDatabase(t *testing.T, path string) {
	t.Helper()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 3))
	for i := range 5 {
		if _, err := s.CreateCase(ctx, specialist, demo.Synthetic(rng, i, 40, today, NewID)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// copyInPlace writes src's bytes into dst's own file, as cp does.
func copyInPlace(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func assertReplaced(t *testing.T, what string, err error, path string) {
	t.Helper()
	if !errors.Is(err, ErrReplaced) {
		t.Errorf("%s: error %v, want ErrReplaced", what, err)
		return
	}
	var fe *FileError
	if !errors.As(err, &fe) || fe.Path != path {
		t.Errorf("%s: error %v does not name %s", what, err, path)
	}
}

// A file replaced or removed under an open store: the next save is
// ErrReplaced and nothing is written, neither at the path nor into the old
// file or its log.
func TestSaveRefusedWhenFileReplaced(t *testing.T) {
	kinds := []struct {
		name    string
		replace func(t *testing.T, path, other string)
		inPlace bool // the old file itself now holds the other content
		gone    bool // nothing at the path afterwards
		logGone bool // the log and its index went too
	}{
		{name: "moved over it", replace: func(t *testing.T, path, other string) {
			if err := os.Rename(other, path); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "copied beside it and renamed over it", replace: func(t *testing.T, path, other string) {
			b, err := os.ReadFile(other)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path+".restoring", b, 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Rename(path+".restoring", path); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "copied over it in place", inPlace: true, replace: func(t *testing.T, path, other string) {
			copyInPlace(t, other, path)
		}},
		{name: "removed", gone: true, replace: func(t *testing.T, path, other string) {
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
		}},
		{name: "removed with its log", gone: true, logGone: true, replace: func(t *testing.T, path, other string) {
			for _, side := range []string{"", "-wal", "-shm"} {
				if err := os.Remove(path + side); err != nil {
					t.Fatal(err)
				}
			}
		}},
	}
	for _, k := range kinds {
		for _, saveFirst := range []bool{true, false} {
			name := k.name + "/right after opening"
			if saveFirst {
				name = k.name + "/after a save"
			}
			t.Run(name, func(t *testing.T) {
				dir := t.TempDir()
				path := filepath.Join(dir, "houvast.db")
				other := filepath.Join(dir, "other.db")
				goodDatabase(t, path)
				otherDatabase(t, other)
				s, err := Open(ctx, path)
				if err != nil {
					t.Fatal(err)
				}
				defer s.Close()
				list, err := s.Cases(ctx, today)
				if err != nil || len(list) != 1 {
					t.Fatalf("%d cases, %v", len(list), err)
				}
				c, err := s.Case(ctx, list[0].ID)
				if err != nil {
					t.Fatal(err)
				}
				step := c.Steps[1]
				if saveFirst {
					after := step
					after.WorkNote = "before the replace"
					if step, err = s.UpdateStep(ctx, specialist, step, after); err != nil {
						t.Fatal(err)
					}
				}
				// The old file stays reachable under another name, to see
				// that it is not written to.
				kept := filepath.Join(dir, "kept.db")
				if err := os.Link(path, kept); err != nil {
					t.Fatal(err)
				}
				oldFile, oldLog := readOrNil(t, path), readOrNil(t, path+"-wal")

				k.replace(t, path, other)
				atPath := readOrNil(t, path)

				after := step
				after.WorkNote = "after the replace"
				_, err = s.UpdateSteps(ctx, specialist, StepEdit{step, after})
				assertReplaced(t, "UpdateSteps", err, path)
				_, err = s.CreateCase(ctx, specialist, newCase())
				assertReplaced(t, "CreateCase", err, path)
				err = s.Backup(ctx, filepath.Join(dir, "backup.db"))
				assertReplaced(t, "Backup", err, path)

				untouched := func(when string) {
					t.Helper()
					if k.gone {
						if _, err := os.Lstat(path); err == nil {
							t.Errorf("%s: a file is at the path again", when)
						}
					} else if !bytes.Equal(readOrNil(t, path), atPath) {
						t.Errorf("%s: the file now at the path was written to", when)
					}
					if k.logGone {
						for _, side := range []string{"-wal", "-shm"} {
							if _, err := os.Lstat(path + side); err == nil {
								t.Errorf("%s: %s was made", when, filepath.Base(path+side))
							}
						}
					} else if !bytes.Equal(readOrNil(t, path+"-wal"), oldLog) {
						t.Errorf("%s: the old file's log was written to", when)
					}
					if !k.inPlace && !bytes.Equal(readOrNil(t, kept), oldFile) {
						t.Errorf("%s: the old file was written to", when)
					}
					if _, err := os.Lstat(filepath.Join(dir, "backup.db")); err == nil {
						t.Errorf("%s: a backup was made", when)
					}
				}
				untouched("after the refused saves")
				// Closing the last connection copies the log into the file
				// if SQLite thinks it is still its own: it does not for a
				// file that was moved or removed. It does for a file that
				// was overwritten in place, which nothing can prevent.
				if err := s.Close(); err != nil {
					t.Fatal(err)
				}
				if !k.inPlace {
					untouched("after closing")
				}
			})
		}
	}
}

// A read that needs a new connection after the file was removed is
// ErrReplaced too, and never makes an empty database at the path.
func TestReadsNeverRecreateARemovedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "houvast.db")
	goodDatabase(t, path)
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, side := range []string{"", "-wal", "-shm"} {
		os.Remove(path + side)
	}
	s.db.SetMaxIdleConns(0) // every read opens a connection of its own
	_, err = s.Cases(ctx, today)
	assertReplaced(t, "Cases", err, path)
	if names := listDir(t, dir); len(names) != 0 {
		t.Errorf("made %v", names)
	}
}

// SQLite's own writes into the file (checkpoints by this window or
// another, a rebuild by Compact) are never taken for a replacement.
func TestCheckpointsAreNoReplacement(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "houvast.db")
	// Compact holds the file for a long while under the race detector.
	o := Options{BusyTimeout: time.Minute}
	a, err := OpenWith(ctx, path, o)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := OpenWith(ctx, path, o)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	// b copies its log into the file every few saves.
	b.db.SetMaxOpenConns(1)
	if _, err := b.db.Exec("PRAGMA wal_autocheckpoint = 8"); err != nil {
		t.Fatal(err)
	}
	c := mustCreate(t, a)
	n := 150
	if testing.Short() {
		n = 40
	}
	errs := make(chan error, 2)
	go func() {
		rng := rand.New(rand.NewPCG(7, 7))
		for i := range n {
			if _, err := b.CreateCase(ctx, specialist, demo.Synthetic(rng, i, 8, today, NewID)); err != nil {
				errs <- err
				return
			}
			if i == n/2 {
				if err := b.Compact(ctx); err != nil && !errors.Is(err, ErrTracesRemain) {
					errs <- err
					return
				}
			}
		}
		errs <- nil
	}()
	go func() {
		step := c.Steps[1]
		for i := range n {
			after := step
			after.WorkNote = string(rune('a' + i%26))
			var err error
			if step, err = a.UpdateStep(ctx, specialist, step, after); err != nil {
				errs <- err
				return
			}
			if _, err := a.Case(ctx, c.ID); err != nil {
				errs <- err
				return
			}
		}
		errs <- nil
	}()
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []*Store{a, b} {
		if err := s.guard.check(); err != nil {
			t.Fatal(err)
		}
	}
	var cases int
	if err := a.db.QueryRow("SELECT count(*) FROM cases").Scan(&cases); err != nil || cases != n+1 {
		t.Fatalf("%d cases, %v", cases, err)
	}
}
