package casework

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"houvast/actionlist"
	"houvast/export"
	"houvast/store"
)

func init() { export.WorkFactor = 10 } // fast scrypt for tests

var ctx = context.Background()

// demoWork is a run on a database holding the demo cases.
func demoWork(t testing.TB) *Work {
	t.Helper()
	db := filepath.Join(t.TempDir(), "houvast.db")
	s, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	if err := SeedDemo(ctx, s, actionlist.Dutch, now); err != nil {
		t.Fatal(err)
	}
	return &Work{Store: s, Settings: Settings{DB: db, Name: "Marieke", Lang: actionlist.Dutch}, Now: func() time.Time { return now }}
}

// The files that carry a resident's data are locked unless the user chose
// plain; the resident's summary is theirs, and plain.
func TestExchangeFilesAreLockedUnlessPlain(t *testing.T) {
	w := demoWork(t)
	dir := t.TempDir()
	for name, export := range map[string]func(r ExportRequest) (Exported, error){
		"case": func(r ExportRequest) (Exported, error) { return w.ExportCase(ctx, r) },
		"volunteer": func(r ExportRequest) (Exported, error) {
			return w.ExportVolunteer(ctx, r, VolunteerRequest{}, store.NewID)
		},
		"return": func(r ExportRequest) (Exported, error) { return w.ExportReturn(ctx, r, store.NewID) },
		"cases":  func(r ExportRequest) (Exported, error) { return w.ExportCases(ctx, r, CaseSelection{}) },
	} {
		path := filepath.Join(dir, name+".json")
		_, err := export(ExportRequest{Ref: "2026-001", Path: path})
		if !IsRefusal(err, NeedsLock) {
			t.Errorf("%s without a lock: %v", name, err)
		}
		for _, l := range actionlist.Langs {
			if s := Sentence(err, l); !strings.Contains(s, "--plain") || !strings.Contains(s, "--passphrase-file") {
				t.Errorf("%s: %s", name, s)
			}
		}
	}
	if _, err := w.ExportCase(ctx, ExportRequest{Ref: "2026-001", Path: filepath.Join(dir, "plain.json"), Plain: true}); err != nil {
		t.Errorf("a plain case file, chosen: %v", err)
	}
	var out bytes.Buffer
	if _, err := w.ExportSummary(ctx, ExportRequest{Ref: "2026-001", Out: &out}, export.Text, export.FirstPage); err != nil || out.Len() == 0 {
		t.Errorf("a summary without a lock: %v", err)
	}
}

// A caseload file holds the chosen cases with their history; volunteers'
// copies stay out.
func TestExportCasesChoosesTheCases(t *testing.T) {
	w := demoWork(t)
	list, _ := w.Store.Cases(ctx, w.Today())
	// One case closed, so "open" and "all" differ.
	var last actionlist.Case
	for _, c := range list {
		if c.Status == actionlist.CaseArrangement {
			last, _ = w.Store.Case(ctx, c.ID)
		}
	}
	if last.ID == "" {
		t.Fatal("the demo has no case in an arrangement")
	}
	if _, err := w.Store.UpdateCase(ctx, w.Settings.Actor(actionlist.RoleSpecialist), last, actionlist.Close(last, actionlist.CloseOther, w.Today())); err != nil {
		t.Fatal(err)
	}
	list, _ = w.Store.Cases(ctx, w.Today())
	var open, closed int
	for _, c := range list {
		if c.Status == actionlist.CaseClosed {
			closed++
			continue
		}
		open++
	}
	if open == 0 || closed == 0 {
		t.Fatalf("the demo has %d open and %d closed cases", open, closed)
	}
	read := func(sel CaseSelection) (Exported, *export.Caseload, error) {
		var out bytes.Buffer
		e, err := w.ExportCases(ctx, ExportRequest{Out: &out, Plain: true}, sel)
		if err != nil {
			return e, nil, err
		}
		f, err := export.Parse(out.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		return e, f.Caseload, nil
	}
	e, l, err := read(CaseSelection{})
	if err != nil || e.Cases != open || len(l.Cases) != open {
		t.Fatalf("open cases: %+v %v", e, err)
	}
	for _, c := range l.Cases {
		if c.Case.Status == actionlist.CaseClosed || len(c.Events) == 0 {
			t.Errorf("%s: status %s, %d events", c.Case.Ref, c.Case.Status, len(c.Events))
		}
	}
	if e, _, err := read(CaseSelection{All: true}); err != nil || e.Cases != open+closed {
		t.Errorf("all cases: %+v %v", e, err)
	}
	sel, err := ParseCaseSelection("aftercare", false)
	if err != nil {
		t.Fatal(err)
	}
	if e, l, err := read(sel); err != nil || e.Cases == 0 || l.Cases[0].Case.Status != actionlist.CaseAftercare {
		t.Errorf("aftercare: %+v %v", e, err)
	}
	if _, err := ParseCaseSelection("nazorg", false); !IsRefusal(err, BadStatus) || !strings.Contains(Sentence(err, actionlist.Dutch), `"nazorg"`) {
		t.Errorf("an unknown status: %v", err)
	}
	// A volunteer's copy holds only part of a case: it never goes along.
	pkg, err := w.ExportVolunteer(ctx, ExportRequest{Ref: "2026-001", Path: filepath.Join(t.TempDir(), "p.json"), Plain: true}, VolunteerRequest{}, store.NewID)
	if err != nil || pkg.Steps == 0 {
		t.Fatalf("package: %v", err)
	}
	db := filepath.Join(t.TempDir(), "sanne.db")
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	vol := &Work{Store: st, Settings: Settings{DB: db, Name: "Sanne"}, Now: w.Now}
	f, err := ReadExchangeFile(pkg.Path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := vol.Import(ctx, f, false); err != nil {
		t.Fatal(err)
	}
	_, err = vol.ExportCases(ctx, ExportRequest{Out: &bytes.Buffer{}, Plain: true}, CaseSelection{All: true})
	if !IsRefusal(err, NoCasesChosen) || !strings.Contains(Sentence(err, actionlist.Dutch), "kopieën van een vrijwilliger") {
		t.Errorf("only a copy: %v", err)
	}
}

// What the merge refuses is the file's flaw, said as such.
func TestAMergeRefusalIsTheFilesFlaw(t *testing.T) {
	w := demoWork(t)
	id, _ := w.FindCase(ctx, "2026-001")
	r := &export.ReturnFile{ID: "r", PackageID: "p", CaseID: id, Ref: "2026-001", Events: []actionlist.Event{{
		ID: "e1", CaseID: id, Entity: actionlist.EntityStep, EntityID: "never-was", Action: actionlist.ActionChanged,
		Field: "work_note", New: "x", At: w.Now(), Actor: actionlist.Actor{Name: "Sanne", Role: actionlist.RoleVolunteer}}}}
	_, err := w.Import(ctx, export.File{Kind: export.KindReturn, Return: r}, false)
	var fe *export.FileError
	if !errors.As(err, &fe) || fe.Problem != export.Invalid {
		t.Fatalf("merge: %v", err)
	}
	if s := Sentence(err, actionlist.Dutch); !strings.Contains(s, "nooit in dit dossier stond") || !strings.Contains(s, "niets veranderd") {
		t.Errorf("sentence: %s", s)
	}
}

// Every sentence that names a case or a step masks a BSN in that name.
func TestSentencesMaskABSNInAName(t *testing.T) {
	for _, l := range actionlist.Langs {
		s := Sentence(&Refusal{Kind: NotClosed, Ref: "2026-001", Name: "Fatima 111222333"}, l)
		if strings.Contains(s, "111222333") || !strings.Contains(s, "******333") {
			t.Errorf("%s: %s", l, s)
		}
	}
}
