package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"houvast/actionlist"
	"houvast/export"
	"houvast/store"
)

// typed answers the passphrase prompts, one answer per prompt.
func typed(answers ...string) func(*Factory) {
	return func(f *Factory) {
		f.ReadPassphrase = func(string) (string, error) {
			a := answers[0]
			answers = answers[1:]
			return a, nil
		}
	}
}

// A case file, a volunteer package, a return file and a caseload file are
// locked unless --plain says otherwise; --plain says once what it means. The
// resident's summary stays plain.
func TestExchangeFilesAreLockedByDefault(t *testing.T) {
	db := demoDB(t, actionlist.Dutch)
	dir := t.TempDir()
	for _, verb := range [][]string{{"case", "--case", "2026-001"}, {"volunteer", "--case", "2026-001"}, {"cases"}} {
		out := filepath.Join(dir, verb[0]+".json")
		args := append(append([]string{"--db", db, "export"}, verb...), "-o", out)
		code, _, errOut := cli(t, nil, args...)
		if code == 0 || !strings.Contains(errOut, "--passphrase-file") || !strings.Contains(errOut, "--plain") {
			t.Errorf("%s without a terminal: %d %q", verb[0], code, errOut)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s: a file was written without its lock", verb[0])
		}
		code, _, errOut = cliWith(t, typed("een lang wachtwoord", "een lang wachtwoord"), nil, args...)
		data, _ := os.ReadFile(out)
		if code != 0 || !export.Encrypted(data) {
			t.Errorf("%s, passphrase typed twice: %d %q, locked %v", verb[0], code, errOut, export.Encrypted(data))
		}
		code, stdout, errOut := cli(t, nil, append(args, "--plain")...)
		data, _ = os.ReadFile(out)
		if code != 0 || export.Encrypted(data) || !bytes.HasPrefix(data, []byte("{")) {
			t.Errorf("%s --plain: %d %q", verb[0], code, errOut)
		}
		if n := strings.Count(errOut, "niet versleuteld"); n != 1 || strings.Contains(stdout, "niet versleuteld") {
			t.Errorf("%s --plain says what it means %d times on stderr (%q), stdout %q", verb[0], n, errOut, stdout)
		}
	}
	if code, _, errOut := cli(t, nil, "--db", db, "export", "case", "--case", "2026-001", "--plain", "--encrypt", "-o", filepath.Join(dir, "x.json")); code == 0 || !strings.Contains(errOut, "niet allebei") {
		t.Errorf("--plain and --encrypt: %d %q", code, errOut)
	}
	code, stdout, errOut := cli(t, nil, "--db", db, "export", "summary", "--case", "2026-001")
	if code != 0 || !strings.Contains(stdout, "Fatima") || strings.Contains(errOut, "niet versleuteld") {
		t.Errorf("the summary: %d %q", code, errOut)
	}
	// A locked file imports with its passphrase; so does a plain one.
	other := filepath.Join(t.TempDir(), "other.db")
	if code, out, errOut := cliWith(t, typed("een lang wachtwoord"), nil, "--db", other, "import", filepath.Join(dir, "volunteer.json")); code != 0 {
		t.Errorf("import: %d %q %q", code, out, errOut)
	}
}

// The files Houvast wrote before (version 1, plain, without debts) still
// import.
func TestAnOldPlainCaseFileStillImports(t *testing.T) {
	db := demoDB(t, actionlist.Dutch)
	path := filepath.Join(t.TempDir(), "v2.json")
	mustRun(t, "--db", db, "export", "case", "--case", "2026-001", "--plain", "-o", path)
	data, _ := os.ReadFile(path)
	// Version 1 had neither the fields added since, nor debts, nor a newer
	// number.
	old := regexp.MustCompile(`, "(requested_on|threat|first_talk_on)": "[^"]*"`).ReplaceAll(data, nil)
	old = regexp.MustCompile(`(?s)  "debts": \[.*?\n  \],\n`).ReplaceAll(old, nil)
	old = regexp.MustCompile(`(?m)^.*"entity": "debt".*\n`).ReplaceAll(old, nil)
	old = bytes.Replace(old, []byte(`"version": 3`), []byte(`"version": 1`), 1)
	v1 := filepath.Join(t.TempDir(), "v1.json")
	if err := os.WriteFile(v1, old, 0o600); err != nil {
		t.Fatal(err)
	}
	out := mustRun(t, "--db", filepath.Join(t.TempDir(), "new.db"), "import", v1)
	if !strings.Contains(out, "2026-001") {
		t.Errorf("import of a version 1 file: %q", out)
	}
}

// roundTrip hands the demo case's volunteer steps out and brings back a
// return file in which the volunteer ticked one off and noted on another.
func roundTrip(t *testing.T) (spec, ret string) {
	t.Helper()
	spec = demoDB(t, actionlist.Dutch)
	dir := t.TempDir()
	pkg := filepath.Join(dir, "pakket.json")
	mustRun(t, "--db", spec, "--name", "Marieke", "export", "volunteer", "--case", "2026-001", "--plain", "-o", pkg)
	vol := filepath.Join(t.TempDir(), "sanne.db")
	mustRun(t, "--db", vol, "--name", "Sanne", "import", pkg)
	withStore(t, vol, func(s *store.Store, c actionlist.Case) {
		var edits []store.StepEdit
		for _, st := range c.Steps {
			if st.Status.Finished() || len(edits) == 2 {
				continue
			}
			after := actionlist.TickOff(st, actionlist.DateOf(time.Now()), "Sanne")
			if len(edits) == 1 {
				after = st
				after.WorkNote = "Gebeld, brief komt."
			}
			edits = append(edits, store.StepEdit{Before: st, After: after})
		}
		if _, err := s.UpdateSteps(context.Background(), actionlist.Actor{Name: "Sanne", Role: actionlist.RoleVolunteer}, edits...); err != nil {
			t.Fatal(err)
		}
	})
	ret = filepath.Join(dir, "terug.json")
	mustRun(t, "--db", vol, "--name", "Sanne", "export", "return", "--case", "2026-001", "--plain", "-o", ret)
	return spec, ret
}

// A return file edited by hand is refused whole, in the user's language,
// with what is wrong and that nothing was changed.
func TestAnEditedReturnFileIsRefusedWhole(t *testing.T) {
	spec, ret := roundTrip(t)
	data, _ := os.ReadFile(ret)
	write := func(b []byte) string {
		p := filepath.Join(t.TempDir(), "terug.json")
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	stepID := regexp.MustCompile(`"entity_id": "([^"]+)"`).FindSubmatch(data)[1]
	for _, tc := range []struct {
		name   string
		file   string
		nl, en string
	}{
		{"a state that does not exist", write(bytes.Replace(data, []byte(`"new": "done"`), []byte(`"new": "dune"`), 1)),
			`de stand "dune", en dat bestaat niet`, `the state is "dune", which does not exist`},
		{"a step that never was", write(bytes.ReplaceAll(data, stepID, []byte("never-in-this-case"))),
			"nooit in dit dossier stond", "was never in this case"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := fingerprint(t, spec)
			for _, env := range []map[string]string{nil, inEnglish} {
				code, out, errOut := cli(t, env, "--db", spec, "import", tc.file)
				want, nothing := tc.nl, "Er is niets veranderd"
				if env != nil {
					want, nothing = tc.en, "Nothing was changed"
				}
				if code == 0 || !strings.Contains(errOut, want) || !strings.Contains(errOut, nothing) {
					t.Errorf("exit %d, stderr %q, stdout %q", code, errOut, out)
				}
			}
			if fingerprint(t, spec) != before {
				t.Error("a refused return file changed the case")
			}
		})
	}
	// The file as the volunteer made it merges, counted in changes.
	out := mustRun(t, "--db", spec, "import", ret)
	if !strings.Contains(out, "2 wijziging(en) overgenomen") || !strings.Contains(out, "komt nu aan de beurt") {
		t.Errorf("merge report: %s", out)
	}
}

// A volunteer package imported into the specialist's own database says what
// to do with it instead.
func TestAPackageAtHomeSaysWhatToDo(t *testing.T) {
	db := demoDB(t, actionlist.Dutch)
	pkg := filepath.Join(t.TempDir(), "pakket.json")
	mustRun(t, "--db", db, "export", "volunteer", "--case", "2026-001", "--plain", "-o", pkg)
	code, _, errOut := cli(t, nil, "--db", db, "import", pkg)
	if code == 0 || !strings.Contains(errOut, "geef het bestand aan de vrijwilliger") || !strings.Contains(errOut, "niets veranderd") {
		t.Errorf("%d %q", code, errOut)
	}
}

// A file holding what looks like a BSN comes in only when the specialist
// says it is none, as exports do; the sentences never show it whole.
func TestImportAsksAboutABSN(t *testing.T) {
	db := demoDB(t, actionlist.Dutch)
	withStore(t, db, func(s *store.Store, c actionlist.Case) {
		st := c.Steps[0]
		after := st
		after.Title = "Kopie id, BSN 111222333"
		m := actionlist.Actor{Name: "M", Role: actionlist.RoleSpecialist}
		if _, err := s.UpdateStep(context.Background(), m, st, after); err != nil {
			t.Fatal(err)
		}
		renamed := c
		renamed.Name = "Fatima 123456782"
		if _, err := s.UpdateCase(context.Background(), m, c, renamed); err != nil {
			t.Fatal(err)
		}
	})
	file := filepath.Join(t.TempDir(), "dossier.json")
	code, _, errOut := cli(t, nil, "--db", db, "export", "case", "--case", "2026-001", "--plain", "-o", file)
	if code == 0 || strings.Contains(errOut, "111222333") || strings.Contains(errOut, "123456782") || !strings.Contains(errOut, "******") {
		t.Errorf("the export's refusal: %d %q", code, errOut)
	}
	mustRun(t, "--db", db, "export", "case", "--case", "2026-001", "--plain", "--allow-bsn", "-o", file)

	target := filepath.Join(t.TempDir(), "new.db")
	code, _, errOut = cli(t, nil, "--db", target, "import", file)
	if code == 0 || !strings.Contains(errOut, "--allow-bsn") || strings.Contains(errOut, "111222333") {
		t.Errorf("import without a terminal: %d %q", code, errOut)
	}
	if _, err := os.Stat(target); err == nil {
		t.Error("a refused import made a database")
	}
	terminal := func(answer string) func(*Factory) {
		return func(f *Factory) {
			f.StdinIsTerminal = func() bool { return true }
			f.Stdin = strings.NewReader(answer + "\n")
		}
	}
	code, out, _ := cliWith(t, terminal("n"), nil, "--db", target, "import", file)
	if code != 0 || !strings.Contains(out, "op een BSN lijkt") || !strings.Contains(out, "Niets veranderd") {
		t.Errorf("asked, answered no: %d %q", code, out)
	}
	if _, err := os.Stat(target); err == nil {
		t.Error("an import answered no made a database")
	}
	code, out, _ = cliWith(t, terminal("j"), nil, "--db", target, "import", file)
	if code != 0 || !strings.Contains(out, "staat nu op deze laptop") || strings.Contains(out, "111222333") ||
		strings.Contains(out, "123456782") || !strings.Contains(out, "Fatima ******782") {
		t.Errorf("asked, answered yes: %d %q", code, out)
	}
	out = mustRun(t, "--db", filepath.Join(t.TempDir(), "other.db"), "import", file, "--allow-bsn")
	if !strings.Contains(out, "staat nu op deze laptop") {
		t.Errorf("--allow-bsn: %q", out)
	}
}

// A whole caseload goes to a colleague in one file, and the import says per
// case what it did.
func TestCaseloadHandover(t *testing.T) {
	db := demoDB(t, actionlist.Dutch)
	var refs []string
	withStore(t, db, func(s *store.Store, _ actionlist.Case) {
		list, _ := s.Cases(context.Background(), actionlist.DateOf(time.Now()))
		for _, c := range list {
			refs = append(refs, c.Ref)
		}
	})
	pf := passFile(t, "overdracht van marieke")
	file := filepath.Join(t.TempDir(), "caseload.age")
	out := mustRun(t, "--db", db, "export", "cases", "--passphrase-file", pf, "-o", file)
	if !strings.Contains(out, "Overdrachtsbestand geschreven") || !strings.Contains(out, "dossiers") {
		t.Errorf("export: %q", out)
	}
	// The colleague has a case of their own under the first reference.
	colleague := filepath.Join(t.TempDir(), "colleague.db")
	s, err := openForTest(colleague)
	if err != nil {
		t.Fatal(err)
	}
	c := actionlist.NewCase(actionlist.CaseSpec{Name: "Joyce", Language: actionlist.CaseDutch, Dose: 3, Start: actionlist.DateOf(time.Now()),
		Template: actionlist.DefaultTemplate(actionlist.Dutch)}, store.NewID)
	if _, err := s.CreateCase(context.Background(), actionlist.Actor{Name: "Ahmed", Role: actionlist.RoleSpecialist}, c); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out = mustRun(t, "--db", colleague, "import", file, "--passphrase-file", pf)
	if !strings.Contains(out, "Overdrachtsbestand ingelezen") || strings.Count(out, ": nieuw,") != len(refs) ||
		!strings.Contains(out, "was hier al in gebruik") {
		t.Errorf("import:\n%s", out)
	}
	before := fingerprint(t, colleague)
	out = mustRun(t, "--db", colleague, "import", file, "--passphrase-file", pf)
	if strings.Count(out, "Niets veranderd") != len(refs) || fingerprint(t, colleague) != before {
		t.Errorf("the same file again:\n%s", out)
	}
	// Only the cases in aftercare; an unknown status is refused.
	out = mustRun(t, "--db", db, "export", "cases", "--status", "aftercare", "--plain", "-o", filepath.Join(t.TempDir(), "nazorg.json"))
	if !strings.Contains(out, "(1 dossiers") {
		t.Errorf("--status aftercare: %q", out)
	}
	if code, _, errOut := cli(t, nil, "--db", db, "export", "cases", "--status", "nazorg", "--plain"); code == 0 || !strings.Contains(errOut, `"nazorg"`) {
		t.Errorf("an unknown status: %d %q", code, errOut)
	}
}

// Two questions in one import (a BSN, then a case that is here already)
// each get their own answer from the same input.
func TestImportTakesEachAnswerInTurn(t *testing.T) {
	db := demoDB(t, actionlist.Dutch)
	withStore(t, db, func(s *store.Store, c actionlist.Case) {
		st := c.Steps[0]
		after := st
		after.WorkNote = "nummer 111222333"
		if _, err := s.UpdateStep(context.Background(), actionlist.Actor{Name: "M", Role: actionlist.RoleSpecialist}, st, after); err != nil {
			t.Fatal(err)
		}
	})
	file := filepath.Join(t.TempDir(), "dossier.json")
	mustRun(t, "--db", db, "export", "case", "--case", "2026-001", "--plain", "--allow-bsn", "-o", file)
	code, out, errOut := cliWith(t, func(f *Factory) {
		f.StdinIsTerminal = func() bool { return true }
		f.Stdin = strings.NewReader("j\nj\n")
	}, nil, "--db", db, "import", file)
	if code != 0 || !strings.Contains(out, "Kopie gemaakt") {
		t.Errorf("%d %q %q", code, out, errOut)
	}
}
