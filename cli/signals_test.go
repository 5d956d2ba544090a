package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"houvast/actionlist"
	"houvast/casework"
	"houvast/internal/catalogtest"
)

func TestSignalCatalogueIsComplete(t *testing.T) {
	catalogtest.Check(t, map[string]any{"nl": &signalDutch, "en": &signalEnglish})
}

var fixedNow = time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)

func atFixedTime(f *Factory) { f.Now = func() time.Time { return fixedNow } }

func TestSignalsImportVerb(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	if code, _, errOut := cliWith(t, atFixedTime, nil, "--db", db, "seed", "--cases", "1", "--steps", "0", "--signals", "0"); code != 0 {
		t.Fatal(errOut)
	}
	csv := filepath.Join(dir, "export.csv")
	os.WriteFile(csv, []byte("Soort;Bedrag;Datum;Voornaam;Adres\nenergie;€ 312,50;20-11-2026;Kees;Kerkstraat 1\nwater;80;2026-11-21;Anouk;Dorpsweg 4\n"), 0o600)
	mapping := filepath.Join(dir, "koppeling.txt")
	os.WriteFile(mapping, []byte("# kolommen van het platform\npartner = Soort\namount = Bedrag\ndate = Datum\n"), 0o600)
	args := []string{"--lang", "en", "--db", db, "signals", "import", csv, "--columns", mapping, "--map", "name=Voornaam", "--map", "address=Adres"}
	code, out, errOut := cliWith(t, atFixedTime, nil, args...)
	if code != 0 || !strings.Contains(out, "2 signal(s) read from") || !strings.Contains(out, ": 2 new, 0 here already") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	code, out, _ = cliWith(t, atFixedTime, nil, args...)
	if code != 0 || !strings.Contains(out, ": 0 new, 2 here already") {
		t.Errorf("the same file again: %q", out)
	}

	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("partner,amount,date,name\nenergie,12x,2026-11-20,Kees\nwater,10,31-02-2026,Noor\n"), 0o600)
	code, out, errOut = cliWith(t, atFixedTime, nil, "--lang", "en", "--db", db, "signals", "import", bad)
	for _, want := range []string{"2 row(s) of", "nothing was imported", `row 2, column "amount": "12x" is not an amount`, `row 3, column "date": "31-02-2026" is not a date`} {
		if code == 0 || !strings.Contains(errOut, want) {
			t.Errorf("a bad file does not say %q: %d %q %q", want, code, out, errOut)
		}
	}
	code, _, errOut = cliWith(t, atFixedTime, nil, "--lang", "en", "--db", db, "signals", "import", csv, "--map", "colour=Kleur")
	if code == 0 || !strings.Contains(errOut, `"colour" is not a field of a signal`) {
		t.Errorf("an unknown field: %q", errOut)
	}
}

// The team's figures: the files of 50 laptops, one of them given twice,
// add up to the report of one database holding all their cases.
func TestReportMergeOf50Laptops(t *testing.T) {
	dir := t.TempDir()
	const laptops = 50
	var files []string
	var plans []casework.SeedPlan
	for i := 1; i <= laptops; i++ {
		db := filepath.Join(dir, fmt.Sprintf("laptop-%02d.db", i))
		plan := casework.SeedPlan{Cases: 4 + i%5, Steps: 40, Seed: uint64(i), Signals: 5 + i%7}
		code, _, errOut := cliWith(t, atFixedTime, nil, "--db", db, "seed", "--cases", fmt.Sprint(plan.Cases), "--steps", "40",
			"--seed", fmt.Sprint(i), "--signals", fmt.Sprint(plan.Signals))
		if code != 0 {
			t.Fatal(errOut)
		}
		plan.RefPrefix = fmt.Sprintf("L%02d-", i)
		plans = append(plans, plan)
		code, out, errOut := cliWith(t, atFixedTime, nil, "--db", db, "report", "--from", "2026-01-01", "--format", "json")
		if code != 0 {
			t.Fatal(errOut)
		}
		file := filepath.Join(dir, fmt.Sprintf("laptop-%02d.json", i))
		os.WriteFile(file, []byte(out), 0o600)
		files = append(files, file)
	}
	files = append(files, files[7]) // given twice

	team := filepath.Join(dir, "team.db")
	st, err := openForTest(team)
	if err != nil {
		t.Fatal(err)
	}
	w := &casework.Work{Store: st, Settings: casework.Settings{DB: team}, Now: func() time.Time { return fixedNow }}
	if _, err := w.SeedTeam(context.Background(), plans...); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, out, errOut := cliWith(t, atFixedTime, nil, "--db", team, "report", "--from", "2026-01-01", "--format", "json")
	if code != 0 {
		t.Fatal(errOut)
	}
	var whole actionlist.TeamReport
	if err := json.Unmarshal([]byte(out), &whole); err != nil {
		t.Fatal(err)
	}

	code, out, errOut = cliWith(t, atFixedTime, nil, append([]string{"--lang", "en", "report", "merge", "--format", "json"}, files...)...)
	if code != 0 {
		t.Fatal(errOut)
	}
	if !strings.Contains(errOut, "1 file(s) were given twice") {
		t.Errorf("the double file is not said: %q", errOut)
	}
	var merged actionlist.TeamReport
	if err := json.Unmarshal([]byte(out), &merged); err != nil {
		t.Fatal(err)
	}
	if merged.Laptops != laptops {
		t.Errorf("%d laptops merged, want %d", merged.Laptops, laptops)
	}
	whole.ID, whole.Laptops = "", laptops
	if a, b := actionlist.TeamCSV(merged), actionlist.TeamCSV(whole); a != b {
		t.Errorf("the merged figures differ from the whole database's:\n%s\n---\n%s", a, b)
	}
	if whole.Figures == nil || !strings.Contains(actionlist.TeamCSV(whole), ",signals,accepted,") {
		t.Fatal("no signal figures")
	}
	for _, f := range whole.Figures {
		if f.Measure == "signals" && f.Key == "received" && f.Value < laptops*5 {
			t.Errorf("only %d signals received", f.Value)
		}
	}
	// The other formats write the same merged figures.
	for format, want := range map[string]string{"txt": actionlist.TeamText(merged, actionlist.English), "csv": actionlist.TeamCSV(merged)} {
		code, out, errOut = cliWith(t, atFixedTime, nil, append([]string{"--lang", "en", "report", "merge", "--format", format}, files...)...)
		if code != 0 || out != want {
			t.Errorf("merge --format %s: %d %q\n%s\n--- want\n%s", format, code, errOut, out, want)
		}
	}
}

// Signals past their retention are pointed out by check and erased by
// erase --due, with the cases'.
func TestSignalsRetentionByCheckAndErase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	if code, _, errOut := cliWith(t, atFixedTime, nil, "--db", db, "seed", "--cases", "1", "--steps", "0", "--signals", "0"); code != 0 {
		t.Fatal(errOut)
	}
	csv := filepath.Join(dir, "old.csv")
	os.WriteFile(csv, []byte("partner,amount,date,name\nenergie,10,2026-01-05,Oud\nwater,10,2026-11-20,Nieuw\n"), 0o600)
	if code, _, errOut := cliWith(t, atFixedTime, nil, "--db", db, "signals", "import", csv); code != 0 {
		t.Fatal(errOut)
	}
	_, out, _ := cliWith(t, atFixedTime, nil, "--lang", "en", "--db", db, "check")
	if !strings.Contains(out, "1 signal(s) that did not become a case are over 6 months old") {
		t.Errorf("check: %q", out)
	}
	_, out, _ = cliWith(t, atFixedTime, map[string]string{casework.EnvSignalRetention: "12"}, "--lang", "en", "--db", db, "check")
	if strings.Contains(out, "signal(s)") {
		t.Errorf("check with 12 months: %q", out)
	}
	code, out, errOut := cliWith(t, atFixedTime, nil, "--lang", "en", "--db", db, "erase", "--due", "--yes")
	if code != 0 || !strings.Contains(out, "Erased the signal of Oud") || strings.Contains(out, "Nieuw") || !strings.Contains(errOut, "These 1 signals") {
		t.Errorf("erase --due: %d %q %q", code, out, errOut)
	}
	st, _ := openForTest(db)
	defer st.Close()
	all, _ := st.AllSignals(context.Background())
	var left []string
	for _, sg := range all {
		if sg.Outcome != actionlist.OutcomeAccepted {
			left = append(left, sg.Name)
		}
	}
	if strings.Join(left, " ") != "Nieuw" {
		t.Errorf("left after erase: %v", left)
	}
}

// A file refused in a merge is named: the one of another period, not the
// first, and the sentence says nothing was merged.
func TestReportMergeNamesTheRefusedFile(t *testing.T) {
	// A number in a folder's name is said as it is, also one that passes
	// the BSN check (a temporary folder's name has one now and then).
	dir := filepath.Join(t.TempDir(), "laptops-111222333")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "laptop.db")
	if code, _, errOut := cliWith(t, atFixedTime, nil, "--db", db, "seed", "--cases", "3", "--steps", "30"); code != 0 {
		t.Fatal(errOut)
	}
	var files []string
	for _, from := range []string{"2026-01-01", "2026-06-01"} {
		_, out, _ := cliWith(t, atFixedTime, nil, "--db", db, "report", "--from", from, "--format", "json")
		file := filepath.Join(dir, "from-"+from+".json")
		os.WriteFile(file, []byte(out), 0o600)
		files = append(files, file)
	}
	code, _, errOut := cliWith(t, atFixedTime, inEnglish, append([]string{"report", "merge"}, files...)...)
	if code == 0 || !strings.Contains(errOut, files[1]+" covers another period") || strings.Contains(errOut, files[0]) {
		t.Errorf("merge of two periods: %d %s", code, errOut)
	}
}
