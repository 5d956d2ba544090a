package store

import (
	"database/sql"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"houvast/actionlist"
)

// backupAndChange makes a database with the sample case, a backup of it,
// and then one more agreement in the database. It returns the backup and
// the fingerprints of the backup and of the changed database.
func backupAndChange(t *testing.T, path string) (bak, wantBak, wantNow string) {
	t.Helper()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := mustCreate(t, s)
	bak = filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(ctx, bak); err != nil {
		t.Fatal(err)
	}
	wantBak = fingerprint(t, s.db)
	if _, err := s.AddAgreement(ctx, specialist, c.ID, actionlist.Agreement{What: "made after the backup"}); err != nil {
		t.Fatal(err)
	}
	return bak, wantBak, fingerprint(t, s.db)
}

func fingerprintOf(t *testing.T, path string) string {
	t.Helper()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("open %s: %v", filepath.Base(path), err)
	}
	defer s.Close()
	return fingerprint(t, s.db)
}

// Restoring puts the backup's content in place, keeps the database as it
// was beside it, and leaves the backup as it was, whatever state the
// database was in: sound, damaged, cut short, from a newer Houvast, or
// missing.
func TestRestore(t *testing.T) {
	for _, tc := range []struct {
		name   string
		spoil  func(t *testing.T, path string)
		keeps  bool // the old database is kept as a copy
		sameAs bool // the copy holds what the database held
	}{
		{"sound database", func(*testing.T, string) {}, true, true},
		{"database cut short", func(t *testing.T, path string) {
			b, _ := os.ReadFile(path)
			os.WriteFile(path, b[:len(b)/2], 0o600)
		}, true, false},
		{"damaged index page", func(t *testing.T, path string) {
			b, _ := os.ReadFile(path)
			pages := pagesOf(t, path, "events_by_case")
			ps := int64(binary.BigEndian.Uint16(b[16:18]))
			copy(b[(pages[0]-1)*ps+200:], "damage damage damage")
			os.WriteFile(path, b, 0o600)
		}, true, false},
		{"damaged table page", func(t *testing.T, path string) {
			b, _ := os.ReadFile(path)
			pages := pagesOf(t, path, "steps")
			ps := int64(binary.BigEndian.Uint16(b[16:18]))
			for i := (pages[0] - 1) * ps; i < pages[0]*ps; i++ {
				b[i] = byte(i * 7)
			}
			os.WriteFile(path, b, 0o600)
		}, true, false},
		{"database from a newer Houvast", func(t *testing.T, path string) {
			db, _ := sql.Open("sqlite", path)
			db.Exec("PRAGMA user_version = 99")
			db.Close()
		}, true, false},
		{"no database yet", func(t *testing.T, path string) { removeDB(path) }, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "houvast.db")
			bak, wantBak, wantNow := backupAndChange(t, path)
			tc.spoil(t, path)
			bakBytes, _ := os.ReadFile(bak)
			oldBytes, _ := os.ReadFile(path)

			saved, err := Restore(ctx, path, bak, time.Date(2026, 11, 23, 14, 5, 0, 0, time.Local))
			if err != nil {
				t.Fatalf("restore: %v", err)
			}
			if got := fingerprintOf(t, path); got != wantBak {
				t.Error("the database does not hold the backup's content")
			}
			if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
				t.Errorf("mode %o", st.Mode().Perm())
			}
			assertUntouched(t, bak, bakBytes)
			if !tc.keeps {
				if saved != "" {
					t.Errorf("a copy %s of nothing", saved)
				}
				return
			}
			if want := RestoreBackupPath(path, time.Date(2026, 11, 23, 14, 5, 0, 0, time.Local)); saved != want {
				t.Errorf("copy at %s, want %s", saved, want)
			}
			if st, err := os.Stat(saved); err != nil || st.Mode().Perm() != 0o600 {
				t.Fatalf("the copy of the old database: %v", err)
			}
			if tc.sameAs {
				tmp := filepath.Join(t.TempDir(), "old.db")
				copyFile(saved, tmp)
				if fingerprintOf(t, tmp) != wantNow {
					t.Error("the copy does not hold what the database held")
				}
			} else if len(oldBytes) > 0 {
				if b, _ := os.ReadFile(saved); len(b) == 0 {
					t.Error("the copy of the damaged database is empty")
				}
			}
			if left, _ := filepath.Glob(path + ".restore*"); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}

// A file that is not a sound Houvast database of a known version is never
// restored, and nothing changes: not the database, not the file.
func TestRestoreRefusesBadBackups(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "houvast.db")
	good, _, wantNow := backupAndChange(t, path)
	goodBytes, _ := os.ReadFile(good)

	other := filepath.Join(dir, "other.db")
	odb, _ := sql.Open("sqlite", other)
	odb.Exec("CREATE TABLE notes (x TEXT)")
	odb.Close()
	newer := append([]byte(nil), goodBytes...)
	binary.BigEndian.PutUint32(newer[60:64], 99)
	// A backup whose values the domain rejects: a step status nobody knows.
	unsound := filepath.Join(dir, "unsound.db")
	copyFile(good, unsound)
	udb, _ := sql.Open("sqlite", unsound)
	if _, err := udb.Exec("UPDATE steps SET status = 'finished'"); err != nil {
		t.Fatal(err)
	}
	udb.Close()

	files := map[string][]byte{
		"garbage.db":   []byte("not a database at all, just words\n"),
		"empty.db":     {},
		"truncated.db": goodBytes[:len(goodBytes)/2],
		"newer.db":     newer,
	}
	for name, b := range files {
		os.WriteFile(filepath.Join(dir, name), b, 0o600)
	}
	for _, tc := range []struct {
		file string
		want error
	}{
		{"garbage.db", ErrNotHouvast}, {"empty.db", ErrEmptyFile}, {"truncated.db", ErrTruncated},
		{"newer.db", ErrNewerSchema}, {"other.db", ErrNotHouvast}, {"unsound.db", ErrDamaged},
		{"houvast.db", nil}, // the database itself
	} {
		t.Run(tc.file, func(t *testing.T) {
			src := filepath.Join(dir, tc.file)
			before, _ := os.ReadFile(src)
			dbBefore, _ := os.ReadFile(path)
			_, err := Restore(ctx, path, src, time.Now())
			var fe *FileError
			if err == nil || !errors.As(err, &fe) || fe.Path != src {
				t.Fatalf("restore from %s: %v", tc.file, err)
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("error %v, want %v", err, tc.want)
			}
			if tc.file != "houvast.db" {
				assertUntouched(t, src, before)
			}
			if got, _ := os.ReadFile(path); string(got) != string(dbBefore) {
				t.Error("the database was changed")
			}
			if left, _ := filepath.Glob(path + ".*"); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
	if fingerprintOf(t, path) != wantNow {
		t.Error("the database changed")
	}
}

// A file at the database's place that is not a Houvast database is never
// replaced by a restore.
func TestRestoreNeverReplacesAForeignFile(t *testing.T) {
	dir := t.TempDir()
	bak, _, _ := backupAndChange(t, filepath.Join(dir, "houvast.db"))
	path := filepath.Join(dir, "notes.txt")
	words := []byte("my shopping list\n")
	os.WriteFile(path, words, 0o600)
	_, err := Restore(ctx, path, bak, time.Now())
	var fe *FileError
	if !errors.Is(err, ErrNotHouvast) || !errors.As(err, &fe) || fe.Path != path {
		t.Fatalf("restore over a foreign file: %v", err)
	}
	assertUntouched(t, path, words)
}

// A backup from an older Houvast is brought up to date on the way in; the
// backup itself stays as it was and nothing of the update is left behind.
func TestRestoreAnOlderBackup(t *testing.T) {
	saved := migrations
	t.Cleanup(func() { migrations = saved })
	path := filepath.Join(t.TempDir(), "houvast.db")
	bak, wantBak, _ := backupAndChange(t, path)
	bakBytes, _ := os.ReadFile(bak)

	migrations = append(slices.Clone(saved), "ALTER TABLE cases ADD COLUMN extra TEXT NOT NULL DEFAULT ''")
	s, err := Open(ctx, path) // this Houvast is newer: the database is migrated
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Restore(ctx, path, bak, time.Now()); err != nil {
		t.Fatalf("restore an older backup: %v", err)
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v := userVersion(t, s.db); v != len(migrations) || !hasColumn(t, s.db, "cases", "extra") || fingerprint(t, s.db) != wantBak {
		t.Errorf("restored: version %d, same data %v", v, fingerprint(t, s.db) == wantBak)
	}
	assertUntouched(t, bak, bakBytes)
	if left, _ := filepath.Glob(path + ".restore*"); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}
