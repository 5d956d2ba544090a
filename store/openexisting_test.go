package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"houvast/actionlist"
)

// newCase is a case with nothing in common with the sample case.
func newCase() actionlist.Case {
	return actionlist.Case{Name: "Joost", Status: actionlist.CaseIntake, Language: actionlist.CaseDutch}
}

// listDir lists every file and folder under dir.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	return names
}

// OpenExisting on a missing path creates nothing, not even the folder; on
// a database it opens it as Open does.
func TestOpenExistingCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	before := listDir(t, dir)
	for _, path := range []string{
		filepath.Join(dir, "houvast.db"),
		filepath.Join(dir, "missing", "houvast.db"),
	} {
		s, err := OpenExisting(ctx, path)
		if err == nil {
			s.Close()
			t.Fatalf("%s: opened", path)
		}
		if !errors.Is(err, ErrNoDatabase) {
			t.Errorf("%s: error %v, want ErrNoDatabase", path, err)
		}
		var fe *FileError
		if !errors.As(err, &fe) || fe.Path != path {
			t.Errorf("%s: error %v does not name the path", path, err)
		}
		if after := listDir(t, dir); !slices.Equal(after, before) {
			t.Errorf("%s: the folder went from %v to %v", path, before, after)
		}
	}

	path := filepath.Join(dir, "houvast.db")
	goodDatabase(t, path)
	s, err := OpenExisting(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.Cases(ctx, today)
	if err != nil || len(list) != 1 {
		t.Fatalf("%d cases, %v", len(list), err)
	}
	if _, err := s.CreateCase(ctx, specialist, newCase()); err != nil {
		t.Errorf("save on a database opened with OpenExisting: %v", err)
	}
}
