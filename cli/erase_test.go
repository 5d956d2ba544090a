package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"houvast/actionlist"
	"houvast/store"
)

// cliAnswering runs the command line with typed input, as on a terminal.
func cliAnswering(t *testing.T, env map[string]string, input string, args ...string) (int, string, string) {
	t.Helper()
	return cliWith(t, func(f *Factory) {
		f.Stdin = strings.NewReader(input)
		f.StdinIsTerminal = func() bool { return true }
	}, env, args...)
}

// closeCaseOn closes a case as the case list's x does, on a given day.
func closeCaseOn(t *testing.T, path, id string, on actionlist.Date) {
	t.Helper()
	s, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.Case(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateCase(context.Background(), testActor, c, actionlist.Close(c, actionlist.CloseFinished, on)); err != nil {
		t.Fatal(err)
	}
}

func caseExists(t *testing.T, path, id string) bool {
	t.Helper()
	s, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.Case(context.Background(), id)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		t.Fatal(err)
	}
	return err == nil
}

func nameInFiles(t *testing.T, path, name string) bool {
	t.Helper()
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if b, err := os.ReadFile(p); err == nil && bytes.Contains(b, []byte(name)) {
			return true
		}
	}
	return false
}

func TestEraseCommand(t *testing.T) {
	const name = "Gerritdina"
	path, c := dbWithCase(t, name)
	env := inEnglish

	code, _, errOut := cli(t, env, "--db", path, "erase")
	if code != 1 || !strings.Contains(errOut, "--case REF") {
		t.Errorf("erase without saying what: %d %q", code, errOut)
	}
	code, _, errOut = cli(t, env, "--db", path, "erase", "--case", "1999-999")
	if code != 1 || !strings.Contains(errOut, `no case with reference "1999-999"`) {
		t.Errorf("unknown reference: %d %q", code, errOut)
	}
	code, _, errOut = cli(t, env, "--db", path, "erase", "--case", c.Ref, "--yes")
	if code != 1 || !strings.Contains(errOut, "is not closed") || !caseExists(t, path, c.ID) {
		t.Errorf("erase an open case: %d %q", code, errOut)
	}

	closeCaseOn(t, path, c.ID, actionlist.DateOf(time.Now()))
	code, _, errOut = cli(t, env, "--db", path, "erase", "--case", c.Ref)
	if code != 1 || !strings.Contains(errOut, "--yes") || !caseExists(t, path, c.ID) {
		t.Errorf("erase without a terminal and without --yes: %d %q", code, errOut)
	}
	code, out, errOut := cliAnswering(t, env, "yes\n", "--db", path, "erase", "--case", c.Ref)
	if code != 0 || !strings.Contains(errOut, "Type the reference ("+c.Ref+")") || !strings.Contains(out, "Nothing erased") || !caseExists(t, path, c.ID) {
		t.Errorf("a wrong answer: %d %q %q", code, out, errOut)
	}
	if !nameInFiles(t, path, name) {
		t.Fatal("the name is not in the file before erasing: the test would prove nothing")
	}
	code, out, errOut = cli(t, env, "--db", path, "backup")
	if code != 0 {
		t.Fatal(errOut)
	}
	code, out, errOut = cliAnswering(t, env, c.Ref+"\n", "--db", path, "erase", "--case", c.Ref)
	if code != 0 || !strings.Contains(out, "is erased for good") || caseExists(t, path, c.ID) {
		t.Fatalf("erase with the right answer: %d %q %q", code, out, errOut)
	}
	if !strings.Contains(out, "these backups still hold") || !strings.Contains(out, "houvast-backup-") {
		t.Errorf("the backup beside the database was not named: %q", out)
	}
	if nameInFiles(t, path, name) {
		t.Error("the name is still in the database's files")
	}
}

// Closed cases past the retention period: `check` reminds, `erase --due`
// erases exactly those.
func TestRetentionReminderAndEraseDue(t *testing.T) {
	path, recent := dbWithCase(t, "Recent")
	ctx := context.Background()
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var old []actionlist.Case
	for _, n := range []string{"Oud", "Ouder"} {
		c, err := s.CreateCase(ctx, testActor, actionlist.Case{Name: n, Status: actionlist.CaseStabilisation, Language: actionlist.CaseDutch, Dose: 3})
		if err != nil {
			t.Fatal(err)
		}
		old = append(old, c)
	}
	open, err := s.CreateCase(ctx, testActor, actionlist.Case{Name: "Lopend", Status: actionlist.CaseStabilisation, Language: actionlist.CaseDutch, Dose: 3})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	today := actionlist.DateOf(time.Now())
	closeCaseOn(t, path, old[0].ID, today.AddMonths(-13))
	closeCaseOn(t, path, old[1].ID, today.AddMonths(-12))
	closeCaseOn(t, path, recent.ID, today.AddMonths(-2))

	code, out, _ := cli(t, inEnglish, "--db", path, "check")
	want := "Retention period passed: 2 closed cases were closed 12 months ago or more (" + old[0].Ref + ", " + old[1].Ref + ")"
	if code != 0 || !strings.Contains(out, want) || !strings.Contains(out, "houvast erase --due") {
		t.Errorf("check's reminder:\n%s\nwant %q", out, want)
	}
	code, out, _ = cli(t, map[string]string{"HOUVAST_RETENTION_MONTHS": "2"}, "--db", path, "check")
	if code != 0 || !strings.Contains(out, "3 afgesloten dossiers zijn 2 maanden") {
		t.Errorf("check with a retention of 2 months:\n%s", out)
	}

	code, out, errOut := cliAnswering(t, inEnglish, "no\n", "--db", path, "erase", "--due")
	if code != 0 || !strings.Contains(errOut, old[0].Ref) || !strings.Contains(out, "Nothing erased") {
		t.Errorf("erase --due, answered no: %d %q %q", code, out, errOut)
	}
	code, out, errOut = cliAnswering(t, inEnglish, "erase\n", "--db", path, "erase", "--due")
	if code != 0 || strings.Count(out, "is erased for good") != 2 {
		t.Fatalf("erase --due: %d %q %q", code, out, errOut)
	}
	for _, c := range old {
		if caseExists(t, path, c.ID) {
			t.Errorf("%s is still there", c.Ref)
		}
	}
	if !caseExists(t, path, recent.ID) || !caseExists(t, path, open.ID) {
		t.Error("erase --due erased a case that was not due")
	}
	code, out, _ = cli(t, inEnglish, "--db", path, "check")
	if code != 0 || strings.Contains(out, "Retention period passed") {
		t.Errorf("check after erasing: %q", out)
	}
	code, out, _ = cli(t, inEnglish, "--db", path, "erase", "--due", "--months", "1", "--yes")
	if code != 0 || !strings.Contains(out, "Case "+recent.Ref) || caseExists(t, path, recent.ID) {
		t.Errorf("erase --due --months 1 --yes: %d %q", code, out)
	}
	code, out, _ = cli(t, inEnglish, "--db", path, "erase", "--compact")
	if code != 0 || !strings.Contains(out, "cleaned up") {
		t.Errorf("erase --compact: %d %q", code, out)
	}
	if !caseExists(t, path, open.ID) {
		t.Error("the open case is gone")
	}
	if names := filepath.Base(path); nameInFiles(t, path, "Ouder") {
		t.Errorf("an erased name is still in %s", names)
	}
}
