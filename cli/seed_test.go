package cli

import (
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"houvast/actionlist"
	"houvast/store"
)

func TestSeedFillsWhatWasAsked(t *testing.T) {
	for _, tc := range []struct {
		name                 string
		cases, steps, events int
	}{
		{"a caseload", 12, 300, 150},
		{"one long case", 1, 500, 40},
		{"fewer steps than cases", 10, 7, 5},
		{"no steps", 3, 0, 0},
		{"one event", 4, 80, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "seed.db")
			code, out, errOut := cli(t, nil, "--db", db, "seed",
				"--cases", strconv.Itoa(tc.cases), "--steps", strconv.Itoa(tc.steps), "--events", strconv.Itoa(tc.events))
			if code != 0 {
				t.Fatalf("seed: code %d, err %q", code, errOut)
			}
			if !strings.Contains(out, strconv.Itoa(tc.cases)+" dossiers met "+strconv.Itoa(tc.steps)+" stappen") {
				t.Errorf("seed said %q", out)
			}
			if code, out, _ := cli(t, nil, "--db", db, "check"); code != 0 {
				t.Fatalf("check after seed: code %d, %s", code, out)
			}
			s, err := store.Open(context.Background(), db)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			rep, err := s.Check(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if rep.Cases != tc.cases || rep.Steps != tc.steps {
				t.Errorf("%d cases and %d steps, want %d and %d", rep.Cases, rep.Steps, tc.cases, tc.steps)
			}
			// Making a case records one event for it and one per step and
			// agreement and debt; the rest are the extra events asked for.
			if extra := rep.Events - rep.Cases - rep.Steps - rep.Agreements - rep.Debts; extra != tc.events {
				t.Errorf("%d extra events, want %d", extra, tc.events)
			}
			checkSeededHistory(t, s)
		})
	}
}

// checkSeededHistory reads every case's history as the history screen does:
// each extra event changes a known field of an existing step, and time never
// runs backwards or past now.
func checkSeededHistory(t *testing.T, s *store.Store) {
	t.Helper()
	ctx := context.Background()
	list, err := s.Cases(ctx, actionlist.DateOf(time.Now()))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for _, cs := range list {
		c, err := s.Case(ctx, cs.ID)
		if err != nil {
			t.Fatal(err)
		}
		events, err := s.Events(ctx, cs.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i, e := range events {
			if e.At.After(now) {
				t.Errorf("case %s: event at %v, after now", cs.Ref, e.At)
			}
			if i > 0 && e.At.After(events[i-1].At) {
				t.Errorf("case %s: history goes back in time at %v", cs.Ref, e.At)
			}
			if e.Action != actionlist.ActionChanged {
				continue
			}
			st, _ := c.StepByID(e.EntityID)
			if e.Entity != actionlist.EntityStep || st == nil {
				t.Errorf("case %s: a change of %s %s, not of one of its steps", cs.Ref, e.Entity, e.EntityID)
				continue
			}
			if _, ok := actionlist.StepField(*st, e.Field); !ok || e.Old == e.New {
				t.Errorf("case %s: change of field %q from %q to %q", cs.Ref, e.Field, e.Old, e.New)
			}
		}
	}
}

func TestSeedRefusesADatabaseWithCases(t *testing.T) {
	db := filepath.Join(t.TempDir(), "full.db")
	if code, _, errOut := cli(t, nil, "--db", db, "seed", "--cases", "2", "--steps", "20"); code != 0 {
		t.Fatalf("first seed: %s", errOut)
	}
	sum := func() [32]byte {
		b, err := os.ReadFile(db)
		if err != nil {
			t.Fatal(err)
		}
		return sha256.Sum256(b)
	}
	before := sum()
	for _, env := range []map[string]string{nil, {"LANG": "en_GB.UTF-8"}} {
		code, out, errOut := cli(t, env, "--db", db, "seed", "--cases", "5", "--steps", "50", "--events", "10")
		if code == 0 {
			t.Fatalf("seed on a full database: exit 0, %q", out)
		}
		want := "bevat al 2 dossiers"
		if env != nil {
			want = "holds 2 cases already"
		}
		if !strings.Contains(errOut, want) || !strings.Contains(errOut, "--db") {
			t.Errorf("message %q, want %q and what to do", errOut, want)
		}
	}
	if sum() != before {
		t.Fatal("the database was changed")
	}
	if _, err := os.Stat(db + "-wal"); err == nil {
		if b, _ := os.ReadFile(db + "-wal"); len(b) > 0 {
			t.Errorf("a write-ahead log of %d bytes was left", len(b))
		}
	}
	code, out, _ := cli(t, nil, "--db", db, "cases", "--json")
	if code != 0 || strings.Count(out, `"ref"`) != 2 {
		t.Errorf("after the refusal: code %d, %s", code, out)
	}
}

func TestSeedSaysWhatIsWrong(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"seed", "--cases", "3"}, "--db"},
		{[]string{"--db", db, "seed", "--cases", "0"}, "--cases moet tussen 1 en"},
		{[]string{"--db", db, "seed", "--steps", "-1"}, "--steps moet tussen 0 en"},
		{[]string{"--db", db, "seed", "--events", "5", "--steps", "0"}, "geef ook --steps"},
		{[]string{"--db", db, "seed", "--events", "-3"}, "--events moet tussen 0 en"},
	} {
		code, _, errOut := cli(t, nil, tc.args...)
		if code == 0 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: code %d, %q, want %q", tc.args, code, errOut, tc.want)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a refused seed left a database behind")
	}
}

func TestSeedIsRepeatable(t *testing.T) {
	dir := t.TempDir()
	var lists [2][]store.CaseSummary
	for i := range lists {
		db := filepath.Join(dir, strconv.Itoa(i)+".db")
		if code, _, errOut := cli(t, nil, "--db", db, "seed", "--cases", "6", "--steps", "120", "--seed", "7"); code != 0 {
			t.Fatal(errOut)
		}
		s, err := store.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		lists[i], err = s.Cases(context.Background(), actionlist.DateOf(time.Now()))
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	key := func(l []store.CaseSummary) map[string]string {
		m := map[string]string{}
		for _, c := range l {
			m[c.Ref] = c.Name + " " + string(c.Status) + " " + strconv.Itoa(c.Done) + "/" + strconv.Itoa(c.Applicable)
		}
		return m
	}
	a, b := key(lists[0]), key(lists[1])
	if len(a) != 6 {
		t.Fatalf("%d cases", len(a))
	}
	for ref, v := range a {
		if b[ref] != v {
			t.Errorf("%s: %q the first time, %q the second", ref, v, b[ref])
		}
	}
}
