package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"houvast/actionlist"
	"houvast/store"
)

// export debts writes the demo case's debts as CSV and XLSX, private; a
// reference that looks like a BSN is asked about once.
func TestExportDebts(t *testing.T) {
	db := demoDB(t, actionlist.Dutch)
	dir := t.TempDir()
	csvPath, xlsxPath := filepath.Join(dir, "schulden.csv"), filepath.Join(dir, "schulden.xlsx")
	mustRun(t, "--db", db, "export", "debts", "--case", "2026-001", "-o", csvPath)
	mustRun(t, "--db", db, "export", "debts", "--case", "2026-001", "-o", xlsxPath)
	data, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\ufeffSchuldeiser;")) || !strings.Contains(string(data), "Woonstad Rotterdam;;HR-2291-04;huur;") ||
		!strings.Contains(string(data), ";2415,00;") {
		t.Errorf("csv:\n%s", data)
	}
	for _, p := range []string{csvPath, xlsxPath} {
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, %v", p, fi, err)
		}
	}
	x, _ := os.ReadFile(xlsxPath)
	if !bytes.HasPrefix(x, []byte("PK\x03\x04")) {
		t.Error("the xlsx is no workbook")
	}
	if code, _, errOut := cli(t, nil, "--db", db, "export", "debts", "--case", "2026-001", "--format", "ods", "-o", filepath.Join(dir, "x.ods")); code == 0 || !strings.Contains(errOut, "csv of xlsx") {
		t.Errorf("ods: %d %q", code, errOut)
	}

	// A creditor's reference that passes the eleven-test.
	s, err := openForTest(db)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := s.CaseIDByRef(context.Background(), "2026-001")
	c, _ := s.Case(context.Background(), id)
	after := c.Debts[1]
	after.Reference = "111222333"
	if _, err := s.UpdateDebt(context.Background(), actionlist.Actor{Name: "Marieke", Role: actionlist.RoleSpecialist}, c.ID, c.Debts[1], after); err != nil {
		t.Fatal(err)
	}
	s.Close()
	again := filepath.Join(dir, "again.csv")
	if code, _, errOut := cli(t, nil, "--db", db, "export", "debts", "--case", "2026-001", "-o", again); code == 0 || !strings.Contains(errOut, "BSN") {
		t.Fatalf("a BSN-like reference: %d %q", code, errOut)
	}
	if _, err := os.Stat(again); err == nil {
		t.Error("a refused file was written")
	}
	mustRun(t, "--db", db, "export", "debts", "--case", "2026-001", "--allow-bsn", "-o", again)
	os.Remove(again)
	mustRun(t, "--db", db, "export", "debts", "--case", "2026-001", "-o", again) // not asked again
}

// A volunteer's package carries no debt unless asked; with --with-debts the
// volunteer's laptop gets each creditor and reference, and no amount.
func TestVolunteerPackageWithDebts(t *testing.T) {
	spec := demoDB(t, actionlist.Dutch)
	dir := t.TempDir()
	without, with := filepath.Join(dir, "without.json"), filepath.Join(dir, "with.json")
	mustRun(t, "--db", spec, "export", "volunteer", "--case", "2026-001", "--plain", "-o", without)
	mustRun(t, "--db", spec, "export", "volunteer", "--case", "2026-001", "--plain", "--with-debts", "-o", with)
	if data, _ := os.ReadFile(without); bytes.Contains(data, []byte("Woonstad")) {
		t.Error("a package without --with-debts names a creditor")
	}
	data, _ := os.ReadFile(with)
	if bytes.Contains(data, []byte("241500")) || bytes.Contains(data, []byte(`"amount"`)) || bytes.Contains(data, []byte("Ontruimingsvonnis")) {
		t.Errorf("the package holds an amount or the team's note:\n%s", data)
	}
	vol := filepath.Join(t.TempDir(), "sanne.db")
	mustRun(t, "--db", vol, "--name", "Sanne", "import", with)
	s, err := openForTest(vol)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, err := s.CaseIDByRef(context.Background(), "2026-001")
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.Case(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Debts) != 12 || c.Debts[0].Creditor != "Woonstad Rotterdam" || c.Debts[0].Reference != "HR-2291-04" || c.Debts[0].Amount != 0 || c.Debts[0].Note != "" {
		t.Fatalf("the volunteer's debts: %+v", c.Debts)
	}

	// A newer package without --with-debts leaves them, and says so and
	// what to do, apart from the steps.
	out := mustRun(t, "--db", vol, "--name", "Sanne", "import", without)
	if !strings.Contains(out, "0 nieuwe stappen, 0 stappen veranderd") || !strings.Contains(out, "Dit pakket bevat geen schulden: de 12 schulden op deze laptop blijven zoals ze waren") || strings.Contains(out, "niet meer gedeeld") {
		t.Errorf("refresh without debts:\n%s", out)
	}
	withStore(t, vol, func(_ *store.Store, c actionlist.Case) {
		if len(c.Debts) != 12 {
			t.Errorf("the copy has %d debts, want its 12", len(c.Debts))
		}
	})
}
