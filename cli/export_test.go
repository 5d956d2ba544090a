package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"houvast/actionlist"
	"houvast/casework"
	"houvast/export"
	"houvast/store"
)

func init() { export.WorkFactor = 10 } // fast scrypt for tests

// demoDB makes a database holding the demo case in a language.
func demoDB(t *testing.T, lang actionlist.Lang) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "houvast.db")
	s, err := openForTest(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := casework.SeedDemo(context.Background(), s, lang, time.Now()); err != nil {
		t.Fatal(err)
	}
	return db
}

func withStore(t *testing.T, db string, fn func(s *store.Store, c actionlist.Case)) {
	t.Helper()
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.Cases(context.Background(), actionlist.DateOf(time.Now()))
	if err != nil || len(list) == 0 {
		t.Fatalf("no case in %s: %v", db, err)
	}
	c, err := s.Case(context.Background(), list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	fn(s, c)
}

// fingerprint is everything a database holds, as one hash: every case
// as a case file (with a fixed export time) and the event counter.
func fingerprint(t *testing.T, db string) [32]byte {
	t.Helper()
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	list, err := s.Cases(ctx, actionlist.DateOf(time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	for _, cs := range list {
		c, evs, err := s.CaseWithEvents(ctx, cs.ID)
		if err != nil {
			t.Fatal(err)
		}
		h.Write(export.CaseFile{Case: c, Events: evs}.Encode())
	}
	seq, _ := s.Seq(ctx)
	h.Write([]byte{byte(seq), byte(seq >> 8), byte(seq >> 16)})
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

func passFile(t *testing.T, pass string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "pass")
	if err := os.WriteFile(p, []byte(pass+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := cli(t, nil, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	return out
}

func TestExportSummaryEveryFormat(t *testing.T) {
	for _, lang := range actionlist.Langs {
		db := demoDB(t, lang)
		dir := t.TempDir()
		var secrets []string
		withStore(t, db, func(_ *store.Store, c actionlist.Case) {
			for _, s := range c.Steps {
				for _, note := range []string{s.InternalNote, s.WorkNote} {
					if note != "" {
						secrets = append(secrets, note)
					}
				}
			}
		})
		if len(secrets) < 2 {
			t.Fatalf("the demo case has %d notes to keep out", len(secrets))
		}
		pf := passFile(t, "een lang wachtwoord")
		for _, f := range export.Formats {
			out := filepath.Join(dir, "samenvatting"+f.Ext())
			// No --format: the extension decides.
			msg := mustRun(t, "--db", db, "export", "summary", "--case", "2026-001", "-o", out)
			if !strings.Contains(msg, out) {
				t.Errorf("%s: no word on what was written: %q", f, msg)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if st, _ := os.Stat(out); st.Mode().Perm() != 0o600 {
				t.Errorf("%s: mode %v", f, st.Mode().Perm())
			}
			// Encrypted, then opened again: the same bytes.
			locked := out + ".age"
			mustRun(t, "--db", db, "export", "summary", "--case", "2026-001", "--format", string(f), "--encrypt", "--passphrase-file", pf, "-o", locked)
			enc, _ := os.ReadFile(locked)
			plain, err := export.Decrypt(enc, "een lang wachtwoord")
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			for _, b := range [][]byte{data, plain} {
				for _, s := range secrets {
					if bytes.Contains(b, []byte(s)) {
						t.Errorf("%s/%s holds a note: %q", lang, f, s)
					}
				}
				if f != export.PDF && f != export.ICS && !bytes.Contains(b, []byte("Fatima")) {
					t.Errorf("%s/%s lacks the resident's name", lang, f)
				}
			}
		}
		// Without -o, text goes to standard output.
		code, out, _ := cli(t, nil, "--db", db, "export", "summary", "--case", "2026-001", "--format", "md")
		if code != 0 || !strings.HasPrefix(out, "# Fatima") {
			t.Errorf("md to stdout: %d %q", code, out)
		}
	}
}

// volatile blanks what the format documents as differing between exports.
var volatile = regexp.MustCompile(`(?m)^  "exported_at": ".*",$`)

func TestCaseFileRoundTripIsByteIdentical(t *testing.T) {
	db := demoDB(t, actionlist.Dutch)
	dir := t.TempDir()
	first := filepath.Join(dir, "first.json")
	mustRun(t, "--db", db, "export", "case", "--case", "2026-001", "--plain", "-o", first)
	other := filepath.Join(dir, "other.db")
	out := mustRun(t, "--db", other, "import", first)
	if !strings.Contains(out, "2026-001") {
		t.Errorf("import says %q", out)
	}
	second := filepath.Join(dir, "second.json")
	mustRun(t, "--db", other, "export", "case", "--case", "2026-001", "--plain", "-o", second)
	a, _ := os.ReadFile(first)
	b, _ := os.ReadFile(second)
	if bytes.Equal(a, b) {
		t.Log("identical including exported_at")
	}
	a, b = volatile.ReplaceAll(a, nil), volatile.ReplaceAll(b, nil)
	if !bytes.Equal(a, b) {
		t.Fatalf("export -> import -> export differs beyond exported_at")
	}
	if len(a) < 10000 || !bytes.Contains(a, []byte(`"internal_note": "Vindt dit lastig`)) {
		t.Error("the case file lacks the team's notes or the history")
	}
	if !bytes.Contains(a, []byte(`"creditor": "Woonstad Rotterdam"`)) || !bytes.Contains(a, []byte(`"entity": "debt"`)) {
		t.Error("the case file lacks the debts or their history")
	}

	// Encrypted the same way, through a third laptop.
	pf := passFile(t, "correct horse battery")
	locked := filepath.Join(dir, "case.age")
	mustRun(t, "--db", db, "export", "case", "--case", "2026-001", "--encrypt", "--passphrase-file", pf, "-o", locked)
	third := filepath.Join(dir, "third.db")
	mustRun(t, "--db", third, "import", locked, "--passphrase-file", pf)
	if fingerprint(t, third) != fingerprint(t, other) {
		t.Error("the encrypted round trip differs")
	}

	// The same file again: refused, nothing changes; --as-new copies.
	before := fingerprint(t, other)
	code, _, errOut := cli(t, nil, "--db", other, "import", first)
	if code == 0 || !strings.Contains(errOut, "--as-new") {
		t.Errorf("second import: %d %q", code, errOut)
	}
	if fingerprint(t, other) != before {
		t.Error("a refused import changed the database")
	}
	out = mustRun(t, "--db", other, "import", first, "--as-new")
	if !strings.Contains(out, "2026-002") {
		t.Errorf("copy: %q", out)
	}
}

func TestBadFilesChangeNothing(t *testing.T) {
	db := demoDB(t, actionlist.Dutch)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	mustRun(t, "--db", db, "export", "case", "--case", "2026-001", "--plain", "-o", good)
	data, _ := os.ReadFile(good)
	pf := passFile(t, "correct horse battery")
	locked := filepath.Join(dir, "locked.age")
	mustRun(t, "--db", db, "export", "case", "--case", "2026-001", "--encrypt", "--passphrase-file", pf, "-o", locked)
	lockedData, _ := os.ReadFile(locked)
	flipped := bytes.Clone(lockedData)
	flipped[len(flipped)/2] ^= 0x40

	// The target: a laptop with its own case, and an empty one.
	target := demoDB(t, actionlist.English)
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	huge := filepath.Join(dir, "huge.json")
	f, _ := os.Create(huge)
	f.Truncate(export.MaxFileSize + 10)
	f.Close()
	wrongPass := passFile(t, "wrong horse battery")
	for _, tc := range []struct {
		name, file string
		extra      []string
		says       string
	}{
		{"damaged", write("damaged.json", bytes.Replace(data, []byte(`"steps": [`), []byte(`"steps": [}`), 1)), nil, "beschadigd"},
		{"a bad value", write("bad.json", bytes.Replace(data, []byte(`"status": "open"`), []byte(`"status": "vague"`), 1)), nil, "\"vague\", en dat bestaat niet"},
		{"truncated", write("truncated.json", data[:len(data)*2/3]), nil, "niet compleet"},
		{"a newer version", write("v2.json", bytes.Replace(data, []byte(`"version": 3`), []byte(`"version": 7`), 1)), nil, "nieuwere Houvast"},
		{"huge", huge, nil, "groter dan 64 MiB"},
		{"not Houvast", write("notes.txt", []byte("boodschappen: melk, brood\n")), nil, "geen Houvast-bestand"},
		{"a database", db, nil, "Houvast-database"},
		{"empty", write("empty.json", nil), nil, "leeg"},
		{"missing", filepath.Join(dir, "nope.json"), nil, "kan"},
		{"wrong passphrase", locked, []string{"--passphrase-file", wrongPass}, "wachtwoord klopt niet"},
		{"a changed byte", write("flipped.age", flipped), []string{"--passphrase-file", pf}, "wachtwoord klopt niet"},
		{"locked, no passphrase", locked, nil, "op slot"},
	} {
		for _, target := range []string{target, filepath.Join(t.TempDir(), "empty.db")} {
			t.Run(tc.name, func(t *testing.T) {
				var before [32]byte
				if _, err := os.Stat(target); err == nil {
					before = fingerprint(t, target)
				}
				code, out, errOut := cli(t, nil, append([]string{"--db", target, "import", tc.file}, tc.extra...)...)
				if code == 0 {
					t.Fatalf("accepted: %q", out)
				}
				if !strings.Contains(errOut, tc.says) {
					t.Errorf("message %q lacks %q", errOut, tc.says)
				}
				if tc.name != "missing" && !strings.Contains(errOut, "niets veranderd") && !strings.Contains(errOut, "op slot") {
					t.Errorf("message %q does not say nothing changed", errOut)
				}
				if before != ([32]byte{}) && fingerprint(t, target) != before {
					t.Error("the database changed")
				}
				if before == ([32]byte{}) {
					if _, err := os.Stat(target); err == nil && fingerprint(t, target) != fingerprint(t, filepath.Join(t.TempDir(), "fresh.db")) {
						t.Error("an empty database got something")
					}
				}
			})
		}
	}
}

func TestVolunteerRoundTripThroughFiles(t *testing.T) {
	spec := demoDB(t, actionlist.Dutch)
	dir := t.TempDir()
	pkg := filepath.Join(dir, "sanne.age")
	pf := passFile(t, "post op vrijdag")
	out := mustRun(t, "--db", spec, "--name", "Marieke", "export", "volunteer", "--case", "2026-001", "--encrypt", "--passphrase-file", pf, "-o", pkg)
	if !strings.Contains(out, "stappen") {
		t.Errorf("package: %q", out)
	}
	enc, _ := os.ReadFile(pkg)
	plain, err := export.Decrypt(enc, "post op vrijdag")
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"Vindt dit lastig", "internal_note", "resident_note", "06-12345678x", "Ahmed"} {
		if bytes.Contains(plain, []byte(secret)) {
			t.Errorf("the package holds %q", secret)
		}
	}

	vol := filepath.Join(t.TempDir(), "sanne.db")
	out = mustRun(t, "--db", vol, "--name", "Sanne", "import", pkg, "--passphrase-file", pf)
	if !strings.Contains(out, "Marieke") || !strings.Contains(out, "export return") {
		t.Errorf("import on the volunteer's laptop says %q", out)
	}
	// The same package again: nothing changes.
	before := fingerprint(t, vol)
	mustRun(t, "--db", vol, "import", pkg, "--passphrase-file", pf)
	if fingerprint(t, vol) != before {
		t.Error("importing the package twice changed the copy")
	}
	code, _, errOut := cli(t, nil, "--db", vol, "export", "summary", "--case", "2026-001")
	if code == 0 || !strings.Contains(errOut, "kopie") {
		t.Errorf("summary from a copy: %d %q", code, errOut)
	}
	out = mustRun(t, "--db", vol, "export", "return", "--case", "2026-001", "--plain", "-o", filepath.Join(dir, "empty.json"))
	if !strings.Contains(out, "nog niets") {
		t.Errorf("an empty return: %q", out)
	}

	// The volunteer ticks one task off and notes on another; the
	// specialist meanwhile notes on the second one too.
	ctx := context.Background()
	today := actionlist.DateOf(time.Now())
	var ticked, noted string
	withStore(t, vol, func(s *store.Store, c actionlist.Case) {
		sanne := actionlist.Actor{Name: "Sanne", Role: actionlist.RoleVolunteer}
		var edits []store.StepEdit
		for _, st := range c.Steps {
			if st.Status.Finished() {
				continue
			}
			switch {
			case ticked == "":
				ticked = st.ID
				edits = append(edits, store.StepEdit{Before: st, After: actionlist.TickOff(st, today, "Sanne")})
			case noted == "":
				noted = st.ID
				after := st
				after.WorkNote = "Gebeld, brief komt."
				edits = append(edits, store.StepEdit{Before: st, After: after})
			}
		}
		if _, err := s.UpdateSteps(ctx, sanne, edits...); err != nil {
			t.Fatal(err)
		}
	})
	withStore(t, spec, func(s *store.Store, c actionlist.Case) {
		st, _ := c.StepByID(noted)
		after := *st
		after.WorkNote = "Marieke heeft zelf gebeld."
		if _, err := s.UpdateStep(ctx, actionlist.Actor{Name: "Marieke", Role: actionlist.RoleSpecialist}, *st, after); err != nil {
			t.Fatal(err)
		}
	})
	ret := filepath.Join(dir, "terug.json")
	out = mustRun(t, "--db", vol, "--name", "Sanne", "export", "return", "--case", "2026-001", "--plain", "-o", ret)
	if !strings.Contains(out, "Marieke") {
		t.Errorf("return: %q", out)
	}
	out = mustRun(t, "--db", spec, "--name", "Marieke", "import", ret)
	if !strings.Contains(out, "1 wijziging(en) overgenomen") || !strings.Contains(out, "1 niet overgenomen") || !strings.Contains(out, "druk op K") ||
		!strings.Contains(out, `"Gebeld, brief komt."`) || !strings.Contains(out, `"Marieke heeft zelf gebeld."`) {
		t.Errorf("merge report:\n%s", out)
	}
	withStore(t, spec, func(s *store.Store, c actionlist.Case) {
		st, _ := c.StepByID(ticked)
		if st.Status != actionlist.StepDone || st.DoneBy != "Sanne" {
			t.Errorf("the tick did not arrive: %+v", st)
		}
		st, _ = c.StepByID(noted)
		if st.WorkNote != "Marieke heeft zelf gebeld." {
			t.Errorf("the specialist's note was overwritten: %q", st.WorkNote)
		}
		open, err := s.OpenConflicts(ctx, c.ID)
		if err != nil || len(open) != 1 || len(open[0].Fields) != 1 || open[0].Fields[0].Offered != "Gebeld, brief komt." {
			t.Errorf("stored conflicts: %+v %v", open, err)
		}
	})
	// The same return file twice changes nothing.
	before = fingerprint(t, spec)
	out = mustRun(t, "--db", spec, "import", ret)
	if !strings.Contains(out, "al eerder verwerkt") || fingerprint(t, spec) != before {
		t.Errorf("second merge: %q", out)
	}
	// A return file on the volunteer's own laptop is refused.
	code, _, errOut = cli(t, nil, "--db", vol, "import", ret)
	if code == 0 || !strings.Contains(errOut, "kopie") {
		t.Errorf("return into the copy: %d %q", code, errOut)
	}
	// A newer package brings the copy up to date, keeping the volunteer's work.
	pkg2 := filepath.Join(dir, "sanne-2.json")
	mustRun(t, "--db", spec, "--name", "Marieke", "export", "volunteer", "--case", "2026-001", "--plain", "-o", pkg2)
	out = mustRun(t, "--db", vol, "--name", "Sanne", "import", pkg2)
	if !strings.Contains(out, "bijgewerkt") || !strings.Contains(out, "gebleven") {
		t.Errorf("refresh: %q", out)
	}
	withStore(t, vol, func(_ *store.Store, c actionlist.Case) {
		if st, _ := c.StepByID(noted); st.WorkNote != "Gebeld, brief komt." {
			t.Errorf("the refresh overwrote the volunteer's note: %q", st.WorkNote)
		}
	})
}

func TestExportRefusals(t *testing.T) {
	db := demoDB(t, actionlist.English)
	dir := t.TempDir()
	en := map[string]string{"LANG": "en_GB.UTF-8"}
	for _, tc := range []struct {
		name string
		args []string
		says string
	}{
		{"an unknown case", []string{"export", "summary", "--case", "1999-999"}, "no case with reference"},
		{"an unknown format", []string{"export", "summary", "--case", "2026-001", "--format", "docx"}, "Unknown format"},
		{"over the database", []string{"export", "case", "--case", "2026-001", "-o", db}, "your Houvast database"},
		{"into a folder", []string{"export", "case", "--case", "2026-001", "-o", dir}, "is a folder"},
		{"a return from the original", []string{"export", "return", "--case", "2026-001", "--plain"}, "not a volunteer's copy"},
		{"nobody by that name", []string{"export", "volunteer", "--case", "2026-001", "--volunteer", "Kees", "--plain"}, `named "Kees"`},
		{"a short passphrase", []string{"export", "case", "--case", "2026-001", "--encrypt", "--passphrase-file", passFile(t, "kort")}, "too short"},
		{"no terminal for a passphrase", []string{"export", "case", "--case", "2026-001", "--encrypt"}, "--passphrase-file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := fingerprint(t, db)
			code, out, errOut := cli(t, en, append([]string{"--db", db}, tc.args...)...)
			if code == 0 || !strings.Contains(errOut, tc.says) {
				t.Errorf("exit %d, stderr %q, stdout %q", code, errOut, out)
			}
			if fingerprint(t, db) != before {
				t.Error("a refused export changed the database")
			}
		})
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("refused exports left files: %v", entries)
	}
}

func TestExportStopsAtABSN(t *testing.T) {
	db := demoDB(t, actionlist.Dutch)
	var title string
	withStore(t, db, func(s *store.Store, c actionlist.Case) {
		d := actionlist.Dose(c.Steps, c.Dose, actionlist.DateOf(time.Now()))
		st := d.Now[0]
		title = st.Title
		after := st
		after.After = "Neem BSN 111 222 333 mee."
		if _, err := s.UpdateStep(context.Background(), actionlist.Actor{Name: "M", Role: actionlist.RoleSpecialist}, st, after); err != nil {
			t.Fatal(err)
		}
	})
	out := filepath.Join(t.TempDir(), "s.txt")
	code, _, errOut := cli(t, nil, "--db", db, "export", "summary", "--case", "2026-001", "-o", out)
	if code == 0 || !strings.Contains(errOut, title) || !strings.Contains(errOut, "--allow-bsn") || strings.Contains(errOut, "111 222 333") {
		t.Errorf("BSN: %d %q", code, errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a file was written")
	}
	for _, verb := range []string{"case", "summary"} {
		code, stdout, errOut := cli(t, nil, "--db", db, "export", verb, "--case", "2026-001", "--plain")
		if code == 0 || stdout != "" {
			t.Errorf("%s exported with a BSN: %q, %d bytes out", verb, errOut, len(stdout))
		}
	}
	mustRun(t, "--db", db, "export", "summary", "--case", "2026-001", "-o", out, "--allow-bsn")

	// A case file with a finding leaves no file, not even a temporary one
	// (locked, it is checked while it is written), and an older file of
	// that name stays.
	dir := t.TempDir()
	older := filepath.Join(dir, "dossier.json")
	if err := os.WriteFile(older, []byte("older"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, lock := range [][]string{{"--plain"}, {"--passphrase-file", passFile(t, "een lang wachtwoord")}} {
		args := append([]string{"--db", db, "export", "case", "--case", "2026-001", "-o", older}, lock...)
		code, _, errOut = cli(t, nil, args...)
		if code == 0 || !strings.Contains(errOut, title) || strings.Contains(errOut, "111 222 333") {
			t.Errorf("case file with a BSN %v: %d %q", lock, code, errOut)
		}
		if data, _ := os.ReadFile(older); string(data) != "older" {
			t.Errorf("%v: the older file was replaced: %.40q", lock, data)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Errorf("%v: left behind: %v", lock, entries)
		}
	}
	// A plain file is checked before a byte is written: even where nothing
	// could be written (a folder that is not there), the BSN is what is said.
	code, _, errOut = cli(t, nil, "--db", db, "export", "case", "--case", "2026-001", "--plain", "-o", filepath.Join(dir, "missing", "dossier.json"))
	if code == 0 || !strings.Contains(errOut, title) {
		t.Errorf("a plain case file was written before it was checked: %d %q", code, errOut)
	}
	mustRun(t, "--db", db, "export", "case", "--case", "2026-001", "--plain", "-o", older, "--allow-bsn")
	if data, _ := os.ReadFile(older); !strings.Contains(string(data), "111 222 333") {
		t.Error("--allow-bsn: the case file was not written whole")
	}
}

func TestPassphraseTypedTwice(t *testing.T) {
	db := demoDB(t, actionlist.Dutch)
	answers := []string{"eerste wachtwoord", "tweede wachtwoord"}
	typing := func(f *Factory) {
		f.ReadPassphrase = func(string) (string, error) {
			a := answers[0]
			answers = answers[1:]
			return a, nil
		}
	}
	out := filepath.Join(t.TempDir(), "s.age")
	code, _, errOut := cliWith(t, typing, nil, "--db", db, "export", "summary", "--case", "2026-001", "--encrypt", "-o", out)
	if code == 0 || !strings.Contains(errOut, "niet gelijk") {
		t.Errorf("different passphrases: %d %q", code, errOut)
	}
	answers = []string{"zelfde wachtwoord", "zelfde wachtwoord", "zelfde wachtwoord"}
	if code, _, errOut := cliWith(t, typing, nil, "--db", db, "export", "summary", "--case", "2026-001", "--encrypt", "-o", out); code != 0 {
		t.Fatalf("the same passphrase twice: %d %q", code, errOut)
	}
	// Import asks for it too (a summary is not importable: it says so).
	code, _, errOut = cliWith(t, typing, nil, "--db", db, "import", out)
	if code == 0 || !strings.Contains(errOut, "geen Houvast-bestand") {
		t.Errorf("importing a summary: %d %q", code, errOut)
	}
}

// Export and import loosen the garbage collector for their one big file,
// and put it back as it was when they end.
func TestWholeFileVerbsPutTheCollectorBack(t *testing.T) {
	db := demoDB(t, actionlist.Dutch)
	percent := debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	limit := debug.SetMemoryLimit(-1)
	out := filepath.Join(t.TempDir(), "dossier.json")
	mustRun(t, "--db", db, "export", "case", "--case", "2026-001", "--plain", "-o", out)
	mustRun(t, "--db", filepath.Join(t.TempDir(), "other.db"), "import", out)
	if got := debug.SetGCPercent(percent); got != percent {
		t.Errorf("GC percent afterwards: %d, want %d", got, percent)
	}
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("memory limit afterwards: %d, want %d", got, limit)
	}
}
