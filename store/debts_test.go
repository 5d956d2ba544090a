package store

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"houvast/actionlist"
)

func sampleDebt() actionlist.Debt {
	return actionlist.Debt{Creditor: "Woonstad Rotterdam", Collector: "GGN", Reference: "HR-2026-118", Amount: 123456,
		Kind: actionlist.DebtRent, Threat: actionlist.ThreatEviction, State: actionlist.DebtNotAsked, Note: "TEAM-NOTE"}
}

func TestDebtsAddUpdateDelete(t *testing.T) {
	s, _ := openTemp(t)
	c, err := s.CreateCase(ctx, specialist, sampleCase())
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.AddDebt(ctx, specialist, c.ID, sampleDebt())
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.AddDebt(ctx, specialist, c.ID, actionlist.Debt{Creditor: "Eneco", Kind: actionlist.DebtEnergy, State: actionlist.DebtAsked, Amount: 50000})
	if err != nil {
		t.Fatal(err)
	}
	answered := actionlist.AnswerBalance(d, actionlist.MustDate("2026-11-20"), 120000)
	got, err := s.UpdateDebt(ctx, specialist, c.ID, d, answered)
	if err != nil || got != answered {
		t.Fatalf("update: %+v, %v", got, err)
	}
	// A second window still holding the old version conflicts on the state.
	stale := actionlist.AskBalance(d, actionlist.MustDate("2026-11-21"))
	var ce *ConflictError
	if _, err := s.UpdateDebt(ctx, specialist, c.ID, d, stale); !errors.As(err, &ce) {
		t.Fatalf("stale update: %v", err)
	}
	read, err := s.Case(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(read.Debts) != 2 || read.Debts[0] != answered || read.Debts[1] != other {
		t.Fatalf("read debts %+v", read.Debts)
	}
	if err := s.DeleteDebt(ctx, specialist, c.ID, other.ID); err != nil {
		t.Fatal(err)
	}
	evs, err := s.Events(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, e := range evs {
		if e.Entity == actionlist.EntityDebt {
			kinds = append(kinds, string(e.Action)+":"+e.Field)
		}
	}
	want := "created:,created:,changed:state,changed:answered_on,changed:confirmed,changed:asked_on,deleted:"
	if got := strings.Join(kinds, ","); !sameSet(got, want) {
		t.Errorf("debt events %s, want %s", got, want)
	}
	var last actionlist.Event
	for _, e := range evs {
		if e.Entity == actionlist.EntityDebt && e.Action == actionlist.ActionDeleted {
			last = e
		}
	}
	if back, err := actionlist.DebtFromSnapshot(last.Old); err != nil || back != other {
		t.Errorf("deleted snapshot %+v, %v", back, err)
	}
	all, err := s.AllCases(ctx)
	if err != nil || len(all) != 1 || len(all[0].Debts) != 1 {
		t.Fatalf("all cases: %+v, %v", all, err)
	}
}

func sameSet(a, b string) bool {
	as, bs := strings.Split(a, ","), strings.Split(b, ",")
	if len(as) != len(bs) {
		return false
	}
	count := map[string]int{}
	for _, x := range as {
		count[x]++
	}
	for _, x := range bs {
		count[x]--
	}
	for _, n := range count {
		if n != 0 {
			return false
		}
	}
	return true
}

// A bad debt is refused whole: nothing of it is stored, no event recorded.
func TestDebtBadInputSavesNothing(t *testing.T) {
	s, _ := openTemp(t)
	c, err := s.CreateCase(ctx, specialist, sampleCase())
	if err != nil {
		t.Fatal(err)
	}
	before, _ := s.Events(ctx, c.ID)
	for name, edit := range map[string]func(*actionlist.Debt){
		"long creditor": func(d *actionlist.Debt) { d.Creditor = strings.Repeat("W", 5000) },
		"negative":      func(d *actionlist.Debt) { d.Amount = -100 },
		"too large":     func(d *actionlist.Debt) { d.Amount = actionlist.MaxAmount + 1 },
		"no creditor":   func(d *actionlist.Debt) { d.Creditor = "" },
	} {
		d := sampleDebt()
		edit(&d)
		if _, err := s.AddDebt(ctx, specialist, c.ID, d); err == nil {
			t.Errorf("%s: saved", name)
		}
	}
	good, err := s.AddDebt(ctx, specialist, c.ID, sampleDebt())
	if err != nil {
		t.Fatal(err)
	}
	bad := good
	bad.Amount = -1
	bad.Creditor = "Anders"
	if _, err := s.UpdateDebt(ctx, specialist, c.ID, good, bad); err == nil {
		t.Error("negative update saved")
	}
	read, _ := s.Case(ctx, c.ID)
	after, _ := s.Events(ctx, c.ID)
	if len(read.Debts) != 1 || read.Debts[0] != good || len(after) != len(before)+1 {
		t.Errorf("debts %+v, events %d then %d", read.Debts, len(before), len(after))
	}
}

// A database of version 4 gets its debts table on opening, after a copy of
// the file is made beside it; the case in it keeps its steps.
func TestMigrationToDebts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "houvast.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	// The schema as version 4 wrote it, with one case of one step.
	for _, q := range append(slices.Clone(migrations[:4]),
		fmt.Sprintf("PRAGMA application_id = %d", ApplicationID), "PRAGMA user_version = 4",
		`INSERT INTO cases (id, ref, name, status, language, dose, created, updated) VALUES ('c1', '2026-001', 'Fatima', 'stabilisation', 'nl', 3, '2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z')`,
		`INSERT INTO steps (id, case_id, phase, "order", title, owner, status) VALUES ('s1', 'c1', 'crisis', 0, 'Bel de specialist', 'resident', 'open')`,
	) {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := os.Stat(MigrationBackupPath(path, 4)); err != nil {
		t.Errorf("no copy before migrating: %v", err)
	}
	if _, err := s.AddDebt(ctx, specialist, "c1", sampleDebt()); err != nil {
		t.Fatal(err)
	}
	read, err := s.Case(ctx, "c1")
	if err != nil || len(read.Debts) != 1 || len(read.Steps) != 1 {
		t.Fatalf("after migration: %+v, %v", read.Debts, err)
	}
}
