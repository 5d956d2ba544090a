package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"houvast/casework"
	"houvast/store"
	"houvast/tui"
)

// testFactory is a run without a terminal: nobody to answer a question or
// type a passphrase, and no screen.
func testFactory(env map[string]string, stdin string, out, errOut *bytes.Buffer) *Factory {
	return &Factory{
		Env:              func(k string) string { return env[k] },
		Stdin:            strings.NewReader(stdin),
		Stdout:           out,
		Stderr:           errOut,
		Now:              time.Now,
		ReadPassphrase:   func(string) (string, error) { return "", ErrNoTerminal },
		StdinIsTerminal:  func() bool { return false },
		StdoutIsTerminal: func() bool { return false },
		Screen:           func(context.Context, tui.Options) error { return errors.New("no screen in this test") },
	}
}

// cli runs the command line in-process and returns the exit code and output.
func cli(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	return cliWith(t, nil, env, args...)
}

// cliWith is cli with the factory changed first, for a terminal or typed
// passphrases.
func cliWith(t *testing.T, change func(*Factory), env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	f := testFactory(env, "", &out, &errOut)
	if change != nil {
		change(f)
	}
	code := Run(context.Background(), args, f)
	return code, out.String(), errOut.String()
}

func TestCasesOnAFreshDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fresh.db")
	s, err := openForTest(db)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, out, errOut := cli(t, nil, "--db", db, "cases", "--json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Fatalf("cases --json: code %d, out %q, err %q", code, out, errOut)
	}
	code, out, _ = cli(t, nil, "--db", db, "check")
	if code != 0 || !strings.Contains(out, "In orde") {
		t.Fatalf("check: code %d, out %q", code, out)
	}
	code, out, _ = cli(t, map[string]string{"LANG": "en_GB.UTF-8"}, "--db", db, "cases")
	if code != 0 || !strings.Contains(out, "No cases yet") {
		t.Fatalf("cases in English: code %d, out %q", code, out)
	}
	// HOUVAST_DB is the same as --db.
	code, out, _ = cli(t, map[string]string{"HOUVAST_DB": db}, "cases", "--json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Fatalf("HOUVAST_DB: code %d, out %q", code, out)
	}
}

func TestForeignFileIsRefusedByEveryVerb(t *testing.T) {
	db := filepath.Join(t.TempDir(), "notes.db")
	garbage := bytes.Repeat([]byte("boodschappen: melk, brood\n"), 200)
	if err := os.WriteFile(db, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	before := sha256.Sum256(garbage)
	for _, args := range [][]string{{"cases"}, {"cases", "--json"}, {"check"}} {
		code, out, errOut := cli(t, nil, append([]string{"--db", db}, args...)...)
		if code == 0 {
			t.Errorf("%v: exit 0 on a garbage file", args)
		}
		if !strings.Contains(errOut, "geen Houvast-database") || !strings.Contains(errOut, "niet veranderd") {
			t.Errorf("%v: message %q", args, errOut)
		}
		if out != "" {
			t.Errorf("%v: printed %q to stdout", args, out)
		}
	}
	after, _ := os.ReadFile(db)
	if sha256.Sum256(after) != before {
		t.Fatal("the garbage file was changed")
	}
}

func TestCasesListsTheDemoCase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	s, err := openForTest(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := casework.SeedDemo(context.Background(), s, "nl", time.Now()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, out, _ := cli(t, nil, "--db", db, "cases", "--json")
	var list []caseJSON
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list) < 5 {
		t.Fatalf("cases --json: %d %q", code, out)
	}
	c := list[0] // the case list opens on Fatima, changed last
	if c.Name != "Fatima" || c.Done == 0 || c.Applicable <= c.Done || c.Overdue != 1 || c.NextAppointment == "" {
		t.Errorf("demo case row %+v", c)
	}
	code, out, _ = cli(t, nil, "--db", db, "cases")
	if code != 0 || !strings.Contains(out, "Fatima") || !strings.Contains(out, "stabilisatie") {
		t.Errorf("cases table: %d\n%s", code, out)
	}
}

func TestBadLanguageAndRole(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	code, _, errOut := cli(t, nil, "--db", db, "--lang", "fr", "cases")
	if code == 0 || !strings.Contains(errOut, "--lang nl") {
		t.Errorf("--lang fr: %d %q", code, errOut)
	}
	if _, err := casework.ParseRole("boss"); err == nil {
		t.Error("role boss accepted")
	}
	for _, r := range []string{"vrijwilliger", "volunteer", "specialist", ""} {
		if _, err := casework.ParseRole(r); err != nil {
			t.Errorf("role %q: %v", r, err)
		}
	}
}

func openForTest(path string) (*store.Store, error) {
	return store.Open(context.Background(), path)
}
