package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"houvast/store"
)

// cli runs the command line in-process and returns the exit code and output.
func cli(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errOut, func(k string) string { return env[k] })
	return code, out.String(), errOut.String()
}

func TestCasesOnAFreshDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "fresh.db")
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
	if err := seedDemo(context.Background(), s, "nl"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	code, out, _ := cli(t, nil, "--db", db, "cases", "--json")
	var list []caseJSON
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list) != 1 {
		t.Fatalf("cases --json: %d %q", code, out)
	}
	c := list[0]
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
	if _, err := parseRole("boss"); err == nil {
		t.Error("role boss accepted")
	}
	for _, r := range []string{"vrijwilliger", "volunteer", "specialist", ""} {
		if _, err := parseRole(r); err != nil {
			t.Errorf("role %q: %v", r, err)
		}
	}
}

func openForTest(path string) (*store.Store, error) {
	return store.Open(context.Background(), path)
}
