package store

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"houvast/actionlist"
	"houvast/demo"
)

// assertUntouched fails when path changed from want or SQLite left a file
// beside it.
func assertUntouched(t *testing.T, path string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s was changed", filepath.Base(path))
	}
	for _, side := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + side); err == nil {
			t.Errorf("%s%s was left behind", filepath.Base(path), side)
		}
	}
}

// goodDatabase makes a closed Houvast database with the sample case and
// returns its bytes.
func goodDatabase(t *testing.T, path string) []byte {
	t.Helper()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, s)
	s.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// More kinds of bad file than TestForeignFilesAreRefusedUntouched: each is
// refused with an error that names what is wrong, and is left exactly as
// it was.
func TestMoreBadFilesAreRefusedUntouched(t *testing.T) {
	dir := t.TempDir()
	good := goodDatabase(t, filepath.Join(dir, "good.db"))
	pageSize := int(binary.BigEndian.Uint16(good[16:18]))
	rng := rand.New(rand.NewPCG(5, 5))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		return b
	}
	withHeader := func(tail []byte) []byte { return append(append([]byte(nil), good[:100]...), tail...) }
	// Page 1 holds the list of tables: garbage there with a sound header.
	damagedSchema := append(withHeader(random(pageSize-100)), good[pageSize:]...)
	// A header that claims a foreign application on a Houvast body.
	foreignID := append([]byte(nil), good...)
	binary.BigEndian.PutUint32(foreignID[68:72], 0x12345678)

	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"one byte", []byte{0}, ErrNotHouvast},
		{"half a header", good[:50], ErrNotHouvast},
		{"only the header", good[:100], ErrTruncated},
		{"one page", good[:pageSize], ErrTruncated},
		{"all but the last page", good[:len(good)-pageSize], ErrTruncated},
		{"SQLite magic, then noise", append([]byte("SQLite format 3\x00"), random(3*pageSize)...), ErrNotHouvast},
		{"noise", random(4 * pageSize), ErrNotHouvast},
		{"text", bytes.Repeat([]byte("Boodschappen: melk, brood, kaas.\n"), 300), ErrNotHouvast},
		{"zeros", make([]byte, 4*pageSize), ErrNotHouvast},
		{"another application id", foreignID, ErrNotHouvast},
		{"damaged list of tables", damagedSchema, ErrDamaged},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "houvast.db")
			if err := os.WriteFile(p, tc.data, 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := Open(ctx, p)
			if err == nil {
				s.Close()
				t.Fatal("opened")
			}
			if !errors.Is(err, tc.want) {
				t.Errorf("error %v, want %v", err, tc.want)
			}
			assertUntouched(t, p, tc.data)
		})
	}
}

// Another program's SQLite database that is open right now (its log is
// beside it) is refused without touching the file or its log.
func TestOtherAppWithLiveLogIsUntouched(t *testing.T) {
	p := filepath.Join(t.TempDir(), "notes.db")
	other, err := sql.Open("sqlite", "file:"+p+"?_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.Exec("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('hello')"); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(p)
	wal, _ := os.ReadFile(p + "-wal")
	if len(wal) == 0 {
		t.Fatal("the other program's log is empty; the test needs one")
	}
	if _, err := Open(ctx, p); !errors.Is(err, ErrNotHouvast) {
		t.Errorf("error %v, want ErrNotHouvast", err)
	}
	if got, _ := os.ReadFile(p); !bytes.Equal(got, before) {
		t.Error("the file was changed")
	}
	if got, _ := os.ReadFile(p + "-wal"); !bytes.Equal(got, wal) {
		t.Error("its log was changed")
	}
}

// bigDatabase makes a closed database of realistic size: made-up cases
// with their history, one of them deleted without compacting so the file
// has free pages.
func bigDatabase(t *testing.T, path string) {
	t.Helper()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 7))
	var last actionlist.Case
	for i := range 12 {
		c := demo.Synthetic(rng, i, 60, today, NewID)
		if last, err = s.CreateCase(ctx, specialist, c); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.db.Exec("DELETE FROM cases WHERE id = ?", last.ID); err != nil {
		t.Fatal(err)
	}
	s.Close()
}

// pagesOf lists the pages of a table or index, from the dbstat table.
func pagesOf(t *testing.T, path, name string) []int64 {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", name)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var n int64
		rows.Scan(&n)
		out = append(out, n)
	}
	if len(out) == 0 {
		t.Fatalf("no leaf pages for %s", name)
	}
	return out
}

var uuidRE = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

// Damage in the middle of the file that everyday use does not read (an
// index of the history, the list of free pages) goes unnoticed by the case
// list, and Check finds it.
func TestCheckFindsDamageThatQueriesMiss(t *testing.T) {
	damages := []struct {
		name   string
		damage func(t *testing.T, path string, b []byte, pageSize int)
	}{
		{"a changed key in an index page", func(t *testing.T, path string, b []byte, pageSize int) {
			pages := pagesOf(t, path, "events_by_case")
			pg := pages[len(pages)/2]
			page := b[(pg-1)*int64(pageSize) : pg*int64(pageSize)]
			// A live cell, through the page's cell pointers (free space
			// on the page may hold stale keys nobody reads).
			cells := int(binary.BigEndian.Uint16(page[3:5]))
			ptr := int(binary.BigEndian.Uint16(page[8+2*(cells/2):]))
			loc := uuidRE.FindIndex(page[ptr:])
			if page[0] != 0x0a || loc == nil {
				t.Fatalf("page %d is not an index leaf with case IDs", pg)
			}
			page[ptr+loc[1]-1] ^= 0x01 // one character of one key
		}},
		{"an index page overwritten", func(t *testing.T, path string, b []byte, pageSize int) {
			pages := pagesOf(t, path, "steps_by_owner")
			pg := pages[len(pages)/2]
			rng := rand.New(rand.NewPCG(1, 2))
			for i := (pg - 1) * int64(pageSize); i < pg*int64(pageSize); i++ {
				b[i] = byte(rng.Uint32())
			}
		}},
		{"the list of free pages", func(t *testing.T, path string, b []byte, pageSize int) {
			trunk := int64(binary.BigEndian.Uint32(b[32:36]))
			if trunk == 0 {
				t.Fatal("the database has no free pages")
			}
			off := (trunk - 1) * int64(pageSize)
			binary.BigEndian.PutUint32(b[off+4:off+8], uint32(pageSize)) // more leaves than fit
		}},
	}
	for _, d := range damages {
		t.Run(d.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "houvast.db")
			bigDatabase(t, path)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			pageSize := int(binary.BigEndian.Uint16(b[16:18]))
			d.damage(t, path, b, pageSize)
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := Open(ctx, path)
			if err != nil {
				t.Fatalf("open: %v", err)
			}
			defer s.Close()
			list, err := s.Cases(ctx, today)
			if err != nil || len(list) != 11 {
				t.Fatalf("the case list should still work: %d cases, %v", len(list), err)
			}
			rep, err := s.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Sound() {
				t.Fatal("check found nothing")
			}
			t.Logf("check reports: %q", rep.Problems[0])
		})
	}
}

// A crash while the log is being copied into the file leaves the file's
// header counting pages that are still only in the log. That is no damage:
// the file opens and SQLite finishes the copy. (Found by the crash test.)
func TestCrashMidCheckpointIsNotTruncation(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "houvast.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.db.SetMaxOpenConns(1)
	if _, err := s.db.Exec("PRAGMA wal_autocheckpoint = 0"); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(9, 9))
	for i := range 3 {
		if _, err := s.CreateCase(ctx, specialist, demo.Synthetic(rng, i, 60, today, NewID)); err != nil {
			t.Fatal(err)
		}
	}
	want := fingerprint(t, s.db)
	// The state a crash leaves: the file, and the log with every change.
	crashed := filepath.Join(dir, "crashed.db")
	for _, side := range []string{"", "-wal"} {
		b, err := os.ReadFile(path + side)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(crashed+side, b, 0o600)
	}
	wal, _ := os.ReadFile(crashed + "-wal")
	db, _ := os.ReadFile(crashed)
	pageSize := int(binary.BigEndian.Uint16(db[16:18]))
	// The size of the database after the log's last commit, from its frames.
	var size uint32
	for off := 32; off+24+pageSize <= len(wal); off += 24 + pageSize {
		if n := binary.BigEndian.Uint32(wal[off+4 : off+8]); n > 0 {
			size = n
		}
	}
	if int(size)*pageSize <= len(db) {
		t.Fatalf("the log does not grow the file (%d pages, file %d bytes)", size, len(db))
	}
	// The copy writes page 1 first: its count is new, the file still short.
	binary.BigEndian.PutUint32(db[28:32], size)
	os.WriteFile(crashed, db, 0o600)

	c, err := Open(ctx, crashed)
	if err != nil {
		t.Fatalf("open after a crash in the middle of a checkpoint: %v", err)
	}
	defer c.Close()
	if fingerprint(t, c.db) != want {
		t.Error("the changes in the log are not all there")
	}
	if rep, err := c.Check(ctx); err != nil || !rep.Sound() {
		t.Errorf("check: %v %v", err, rep.Problems)
	}
	// Without its log, the same file is cut short and refused.
	c.Close()
	removeDB(crashed)
	os.WriteFile(crashed, db, 0o600)
	if _, err := Open(ctx, crashed); !errors.Is(err, ErrTruncated) {
		t.Errorf("the same file without its log: %v, want ErrTruncated", err)
	}
}
