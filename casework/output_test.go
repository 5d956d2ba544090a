package casework

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"houvast/store"
)

// newDB makes a Houvast database in a fresh folder and returns its path.
func newDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "houvast.db")
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	return db
}

func TestCheckOutput(t *testing.T) {
	db := newDB(t)
	dir := filepath.Dir(db)
	other := filepath.Join(dir, "backup.db") // another SQLite file
	if err := store.CopyFiles(db, other); err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(dir, "old-summary.md")
	if err := os.WriteFile(plain, []byte("# oud\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link-to-db")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	rel, err := filepath.Rel(wd, db)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, path string
		want       OutputProblem // 0: allowed
	}{
		{"standard output", "", 0},
		{"a new file", filepath.Join(dir, "summary.pdf"), 0},
		{"an old summary, replaced whole", plain, 0},
		{"the database", db, OutputIsDatabase},
		{"the database, by another way of writing it", rel, OutputIsDatabase},
		{"the database, through a link", link, OutputIsDatabase},
		{"the database's log, before it exists", db + "-wal", OutputIsCompanion},
		{"the database's shared memory", db + "-shm", OutputIsCompanion},
		{"the database's journal", db + "-journal", OutputIsCompanion},
		{"another database's log", other + "-wal", OutputIsCompanion},
		{"another SQLite file", other, OutputIsSQLite},
		{"a folder", dir, OutputIsFolder},
		{"a name ending in a slash", filepath.Join(dir, "new") + "/", OutputIsFolder},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckOutput(tc.path, db, "summary.pdf")
			var oe *OutputError
			switch {
			case tc.want == 0 && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.want != 0 && !errors.As(err, &oe):
				t.Fatalf("allowed, want problem %d (err %v)", tc.want, err)
			case tc.want != 0 && oe.Problem != tc.want:
				t.Fatalf("problem %d, want %d", oe.Problem, tc.want)
			}
			if tc.want == OutputIsFolder && oe.Example == "" {
				t.Error("a folder is refused without a file name to offer")
			}
		})
	}
}

// WriteOutput writes nothing at all when it refuses, and leaves the file
// in place when the writing fails half-way.
func TestWriteOutputIsWholeOrNothing(t *testing.T) {
	db := newDB(t)
	before, _ := os.ReadFile(db)
	err := WriteOutput(db, db, "x.md", bytesOut([]byte("# Fatima, zo ver ben je\n")))
	var oe *OutputError
	if !errors.As(err, &oe) || oe.Problem != OutputIsDatabase {
		t.Fatalf("writing over the database: %v", err)
	}
	if after, _ := os.ReadFile(db); string(after) != string(before) {
		t.Fatal("the database was changed")
	}
	missing := filepath.Join(t.TempDir(), "no-such-folder", "x.md")
	err = WriteOutput(missing, db, "x.md", bytesOut([]byte("x")))
	if !errors.As(err, &oe) || oe.Problem != OutputFailed || oe.Err == nil {
		t.Fatalf("writing into a missing folder: %v", err)
	}
	out := filepath.Join(t.TempDir(), "s.md")
	if err := WriteOutput(out, db, "x.md", bytesOut([]byte("hallo"))); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(out)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("written file: %v %v", st, err)
	}
}
