package store

import (
	"slices"
	"testing"

	"houvast/actionlist"
)

func TestDueForErasure(t *testing.T) {
	s, _ := openTemp(t)
	add := func(ref string, closed string) string {
		c := actionlist.Case{Ref: ref, Name: "R " + ref, Status: actionlist.CaseStabilisation, Language: actionlist.CaseDutch, Dose: 3}
		if closed != "" {
			c = actionlist.Close(c, actionlist.CloseFinished, actionlist.MustDate(closed))
		}
		c, err := s.CreateCase(ctx, specialist, c)
		if err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	add("open", "")
	add("a-year", "2025-11-23")
	add("a-day-short", "2025-11-24")
	add("long-ago", "2023-01-10")
	add("leap-day", "2024-02-29")
	add("last-month", "2026-10-23")
	// Closed before closing dates were kept: counts from its last change.
	undated := add("undated", "2020-01-01")
	if _, err := s.db.Exec("UPDATE cases SET closed_on = '', updated = '2024-05-01T10:00:00Z' WHERE id = ?", undated); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		today  string
		months int
		want   []string
	}{
		{"2026-11-23", 12, []string{"long-ago", "leap-day", "undated", "a-year"}},
		{"2026-11-22", 12, []string{"long-ago", "leap-day", "undated"}},
		{"2026-11-24", 12, []string{"long-ago", "leap-day", "undated", "a-year", "a-day-short"}},
		{"2025-02-28", 12, []string{"long-ago", "leap-day"}}, // 29 Feb + a year is 28 Feb
		{"2025-02-27", 12, []string{"long-ago"}},
		{"2026-11-23", 1, []string{"long-ago", "leap-day", "undated", "a-year", "a-day-short", "last-month"}},
		{"2026-11-23", 120, nil},
	} {
		got, err := s.DueForErasure(ctx, actionlist.MustDate(tc.today), tc.months)
		if err != nil {
			t.Fatal(err)
		}
		var refs []string
		for _, c := range got {
			refs = append(refs, c.Ref)
			if c.Status != actionlist.CaseClosed || c.ID == "" || c.Name == "" {
				t.Errorf("row %+v", c)
			}
		}
		if !slices.Equal(refs, tc.want) {
			t.Errorf("%s, %d months: %v, want %v", tc.today, tc.months, refs, tc.want)
		}
	}
}
