package cli

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"houvast/actionlist"
	"houvast/store"
	"houvast/tui"
)

// A verb that only reads, or that must not start a new database by
// accident, says there is none and makes nothing: no file, no folder, no
// log beside it.
func TestReadOnlyVerbsCreateNothing(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"cases"}, {"cases", "--json"}, {"check"}, {"report"},
		{"export", "summary", "--case", "2026-001"},
		{"export", "case", "--case", "2026-001", "--plain", "-o", filepath.Join(dir, "out.json")},
		{"erase", "--due", "--yes"}, {"erase", "--compact"},
		{"backup"},
	} {
		for _, db := range []string{filepath.Join(dir, "missing.db"), filepath.Join(dir, "no-folder", "missing.db")} {
			code, out, errOut := cli(t, inEnglish, append([]string{"--db", db}, args...)...)
			if code == 0 {
				t.Errorf("%v on %s: exit 0, out %q", args, db, out)
			}
			if !strings.Contains(errOut, "There is no database at "+db) || !strings.Contains(errOut, "houvast --db "+db) {
				t.Errorf("%v: %q", args, errOut)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 0 {
				t.Fatalf("%v made %v", args, entries)
			}
		}
	}
	// In Dutch too.
	_, _, errOut := cli(t, nil, "--db", filepath.Join(dir, "x.db"), "cases")
	if !strings.Contains(errOut, "Er is geen database in") {
		t.Errorf("Dutch: %q", errOut)
	}
}

// The retention period is one setting: the case list on the screen gets
// the same number of months as `check` and `erase --due` use, for any
// period configured.
func TestRetentionIsOneSetting(t *testing.T) {
	for _, months := range []int{6, 12, 24} {
		path, c := dbWithCase(t, "Oud")
		today := actionlist.DateOf(time.Now())
		closeCaseOn(t, path, c.ID, today.AddMonths(-18))
		env := map[string]string{"LANG": "en", "HOUVAST_RETENTION_MONTHS": strconv.Itoa(months)}
		var got tui.Options
		var screenDue []store.CaseSummary
		code, _, errOut := cliWith(t, func(f *Factory) {
			f.Screen = func(ctx context.Context, o tui.Options) error {
				got = o
				var err error
				screenDue, err = o.Store.DueForErasure(ctx, today, o.RetentionMonths)
				return err
			}
		}, env, "--db", path)
		if code != 0 {
			t.Fatalf("screen: %d %q", code, errOut)
		}
		if got.RetentionMonths != months {
			t.Errorf("%d months: the screens got %d", months, got.RetentionMonths)
		}
		_, checkOut, _ := cli(t, env, "--db", path, "check")
		_, eraseOut, _ := cli(t, env, "--db", path, "erase", "--due", "--yes")
		due := months <= 18
		if (len(screenDue) == 1) != due || strings.Contains(checkOut, "Retention period passed") != due || strings.Contains(eraseOut, "erased for good") != due {
			t.Errorf("%d months: screen %d due, check %q, erase %q", months, len(screenDue), checkOut, eraseOut)
		}
	}
	code, _, errOut := cli(t, map[string]string{"HOUVAST_RETENTION_MONTHS": "twee jaar"}, "--db", filepath.Join(t.TempDir(), "x.db"), "cases")
	if code == 0 || !strings.Contains(errOut, "HOUVAST_RETENTION_MONTHS") {
		t.Errorf("a retention that is no number: %d %q", code, errOut)
	}
}
