package cli

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"houvast/actionlist"
	"houvast/demo"
	"houvast/store"
)

// Every kind of bad file gets a sentence that says what to do, in both
// languages, and stays exactly as it was, with nothing left beside it.
func TestBadFilesGetASentenceAndStayUntouched(t *testing.T) {
	good, _ := dbWithCase(t, "Fatima")
	gb, _ := os.ReadFile(good)
	pageSize := int(binary.BigEndian.Uint16(gb[16:18]))

	other := filepath.Join(t.TempDir(), "other.db")
	odb, _ := sql.Open("sqlite", other)
	odb.Exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('stamppot')")
	odb.Close()
	ob, _ := os.ReadFile(other)
	newer := append([]byte(nil), gb...)
	binary.BigEndian.PutUint32(newer[60:64], uint32(store.SchemaVersion()+1))
	damaged := append([]byte(nil), gb...)
	copy(damaged[100:pageSize], bytes.Repeat([]byte{0xA5}, pageSize-100))

	for _, tc := range []struct {
		name     string
		data     []byte
		en, nl   string // what to do, in each language
		unchange string // the promise that the file was left alone
	}{
		{"garbage", []byte("boodschappen: melk, brood\n"), "Choose another file with --db", "Kies een ander bestand met --db", "did not change it"},
		{"empty", nil, "Delete it, or choose another file with --db", "Verwijder het of kies een ander bestand", "did not change it"},
		{"other application", ob, "Choose another file with --db", "Kies een ander bestand met --db", "did not change it"},
		{"truncated", gb[:len(gb)-pageSize], "Restore a backup", "Zet een reservekopie terug", "did not change it"},
		{"newer schema", newer, "Update Houvast", "Werk Houvast bij", "leaves it alone"},
		{"damaged list of tables", damaged, "houvast backup restore FILE", "houvast backup restore BESTAND", "did not change it"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "houvast.db")
			if err := os.WriteFile(p, tc.data, 0o600); err != nil {
				t.Fatal(err)
			}
			for _, lang := range []struct {
				env  map[string]string
				want []string
			}{{inEnglish, []string{tc.en, tc.unchange}}, {nil, []string{tc.nl}}} {
				for _, verb := range [][]string{{"cases"}, {"check"}, {"erase", "--due", "--yes"}} {
					code, out, errOut := cli(t, lang.env, append([]string{"--db", p}, verb...)...)
					if code != 1 || out != "" {
						t.Errorf("%v: code %d, stdout %q", verb, code, out)
					}
					for _, w := range lang.want {
						if !strings.Contains(errOut, w) {
							t.Errorf("%v: %q lacks %q", verb, errOut, w)
						}
					}
				}
			}
			got, _ := os.ReadFile(p)
			if !bytes.Equal(got, tc.data) {
				t.Error("the file was changed")
			}
			for _, side := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(p + side); err == nil {
					t.Errorf("%s was left beside it", side)
				}
			}
		})
	}
}

// Damage in the middle of a real database, in a page the case list does
// not read: `houvast cases` still works, `houvast check` finds it and
// exits 2, and `houvast backup` still makes a copy to keep.
func TestCheckCommandFindsPageDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "houvast.db")
	ctx := context.Background()
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(11, 11))
	today := actionlist.DateOf(time.Now())
	for i := range 10 {
		if _, err := s.CreateCase(ctx, testActor, demo.Synthetic(rng, i, 60, today, store.NewID)); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	// A leaf page of the index on the history, in the middle of the file.
	db, _ := sql.Open("sqlite", "file:"+path+"?mode=ro")
	var page int64
	err = db.QueryRow(`SELECT pageno FROM dbstat WHERE name = 'events_by_case' AND pagetype = 'leaf'
		ORDER BY pageno LIMIT 1 OFFSET (SELECT count(*) / 2 FROM dbstat WHERE name = 'events_by_case' AND pagetype = 'leaf')`).Scan(&page)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	ps := int64(binary.BigEndian.Uint16(b[16:18]))
	if page*ps >= int64(len(b)) || page < 3 {
		t.Fatalf("page %d is not in the middle of %d pages", page, int64(len(b))/ps)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for i := (page - 1) * ps; i < page*ps; i++ {
		b[i] = byte(r.Uint32())
	}
	os.WriteFile(path, b, 0o600)

	code, out, errOut := cli(t, inEnglish, "--db", path, "cases")
	if code != 0 || strings.Count(out, "\n") != 11 {
		t.Errorf("cases on the damaged file: %d %q %q", code, out, errOut)
	}
	code, report, errOut := cli(t, inEnglish, "--db", path, "check")
	if code != 2 || !strings.Contains(report, "The file is damaged") || !strings.Contains(errOut, "Make a copy with 'houvast backup'") {
		t.Errorf("check on the damaged file: code %d\n%s\n%s", code, report, errOut)
	}
	if code, report, _ := cli(t, nil, "--db", path, "check"); code != 2 || !strings.Contains(report, "Het bestand is beschadigd") {
		t.Errorf("check in Dutch: code %d\n%s", code, report)
	}
	// What check advises works: the copy is made (as it is, since SQLite
	// cannot copy the damaged index).
	keep := filepath.Join(t.TempDir(), "keep.db")
	code, out, _ = cli(t, inEnglish, "--db", path, "backup", "-o", keep)
	if code != 0 || !strings.Contains(out, keep) {
		t.Errorf("backup of the damaged file: %d %q", code, out)
	}
	if k, _ := os.ReadFile(keep); len(k) == 0 {
		t.Error("no copy was made")
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, b) {
		t.Error("check or backup changed the damaged file")
	}
	t.Logf("check on a file with page %d of %d overwritten: %s", page, int64(len(b))/ps, strings.TrimSpace(report))
}

// A value no Houvast writes (a step's status changed by hand, a case's
// name emptied) is named by check in the run's language: the case, the
// step, the field and what is wrong with it.
func TestCheckNamesABadValueInWords(t *testing.T) {
	path := demoDB(t, actionlist.Dutch)
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	var id, title string
	if err := db.QueryRow(`SELECT s.id, s.title FROM steps s JOIN cases c ON c.id = s.case_id WHERE c.ref = '2026-005' ORDER BY "order" LIMIT 1`).Scan(&id, &title); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE steps SET status = 'dune' WHERE id = ?`, id); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE cases SET name = ' ' WHERE ref = '2026-002'`); err != nil {
		t.Fatal(err)
	}
	var creditor string
	if err := db.QueryRow(`SELECT d.creditor FROM debts d JOIN cases c ON c.id = d.case_id WHERE c.ref = '2026-001' LIMIT 1`).Scan(&creditor); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE debts SET note = ? WHERE creditor = ?`, strings.Repeat("x", actionlist.MaxText+1), creditor); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, tc := range []struct {
		env  map[string]string
		want []string
	}{
		{nil, []string{fmt.Sprintf("Dossier 2026-005, stap %q: stand", title), `een waarde die Houvast niet kent ("dune")`, "Dossier 2026-002: ", "is leeg", fmt.Sprintf("schuld bij %q: ", creditor), "te lang"}},
		{inEnglish, []string{fmt.Sprintf("Case 2026-005, step %q: state", title), `a value Houvast does not know ("dune")`, "Case 2026-002: ", "is empty", fmt.Sprintf("debt to %q: ", creditor), "too long"}},
	} {
		code, report, _ := cli(t, tc.env, "--db", path, "check")
		for _, w := range tc.want {
			if code != 2 || !strings.Contains(report, w) {
				t.Errorf("check: code %d, missing %q in\n%s", code, w, report)
			}
		}
	}
}
