package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"houvast/actionlist"
)

// `houvast agenda` on the demo: the items of the screen's agenda, for
// scripts as JSON, for people as a table, and as a calendar file.
func TestAgendaVerb(t *testing.T) {
	db := demoDB(t, actionlist.Dutch)
	out := mustRun(t, "--db", db, "agenda", "--json")
	var items []agendaJSON
	if err := json.Unmarshal([]byte(out), &items); err != nil || len(items) == 0 {
		t.Fatalf("agenda --json: %v\n%s", err, out)
	}
	kinds := map[string]bool{}
	for _, it := range items {
		kinds[it.Kind] = true
		if it.Ref == "" || it.Name == "" || it.Date == "" || it.Why == "" {
			t.Errorf("an item without its facts: %+v", it)
		}
		if it.Kind == string(actionlist.AgendaDeadlinePassed) && it.Rule == "" {
			t.Errorf("a clock without its rule: %+v", it)
		}
	}
	if !kinds[string(actionlist.AgendaStepOverdue)] {
		t.Errorf("no late step on the demo's agenda: %v", kinds)
	}
	table := mustRun(t, "--db", db, "--lang", "en", "agenda")
	if !strings.HasPrefix(table, "DATE") || !strings.Contains(table, "overdue") {
		t.Errorf("agenda table:\n%s", table)
	}
	none := mustRun(t, "--db", db, "agenda", "--days", "0", "--json")
	var today []agendaJSON
	if err := json.Unmarshal([]byte(none), &today); err != nil || len(today) == 0 || len(today) >= len(items) {
		t.Errorf("--days 0: %d items against %d for the week (%v)", len(today), len(items), err)
	}
	for _, it := range today {
		// Only today and what is late; a clock may run out later, but only
		// when it is close already.
		if it.Days > 0 && it.Deadline == "" {
			t.Errorf("--days 0 holds an item %d days ahead: %+v", it.Days, it)
		}
	}

	ics := filepath.Join(t.TempDir(), "agenda.ics")
	out = mustRun(t, "--db", db, "agenda", "--ics", ics)
	if !strings.Contains(out, "Agenda geschreven") {
		t.Errorf("--ics says %q", out)
	}
	data, err := os.ReadFile(ics)
	if err != nil || !strings.Contains(string(data), "BEGIN:VCALENDAR") || strings.Count(string(data), "BEGIN:VEVENT") != len(items) {
		t.Fatalf("the calendar: %v\n%s", err, data)
	}
	if st, _ := os.Stat(ics); st.Mode().Perm() != 0o600 {
		t.Errorf("the calendar is not private: %v", st.Mode())
	}
	// Over the database it is refused, and the database stays whole.
	before := fingerprint(t, db)
	code, _, errOut := cli(t, nil, "--db", db, "agenda", "--ics", db)
	if code == 0 || !strings.Contains(errOut, "is je Houvast-database") || fingerprint(t, db) != before {
		t.Errorf("--ics over the database: %d %q", code, errOut)
	}
	code, _, errOut = cli(t, nil, "--db", db, "agenda", "--days", "-1")
	if code == 0 || !strings.Contains(errOut, "--days") {
		t.Errorf("--days -1: %d %q", code, errOut)
	}
	code, _, errOut = cli(t, nil, "--db", filepath.Join(t.TempDir(), "none.db"), "agenda")
	if code == 0 || !strings.Contains(errOut, "geen database") {
		t.Errorf("agenda on no database: %d %q", code, errOut)
	}
}
