package store

import (
	"testing"

	"houvast/actionlist"
)

// AgendaCases reads the open cases with their unfinished steps due by the
// day asked and, under a threat, their crisis steps, and nothing else: the agenda then
// sees the same as it would over every case whole.
func TestAgendaCasesReadWhatTheAgendaNeeds(t *testing.T) {
	s, _ := openTemp(t)
	open := mustCreate(t, s)
	closed := freshCase("closed")
	closed.Ref, closed.Name = "", "Gesloten"
	closed, err := s.CreateCase(ctx, specialist, closed)
	if err != nil {
		t.Fatal(err)
	}
	shut := actionlist.Close(closed, actionlist.CloseFinished, actionlist.MustDate("2026-11-01"))
	if _, err := s.UpdateCase(ctx, specialist, closed, shut); err != nil {
		t.Fatal(err)
	}
	until := actionlist.MustDate("2026-12-07")
	got, err := s.AgendaCases(ctx, until)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != open.ID {
		t.Fatalf("cases: %d, want only the open one", len(got))
	}
	want := 0
	for _, st := range open.Steps {
		due := !st.Status.Finished() && !st.Due.IsZero() && !st.Due.After(until)
		if due || st.Phase == actionlist.PhaseCrisis && open.Threat != actionlist.ThreatNone {
			want++
		}
	}
	if want == 0 || want == len(open.Steps) {
		t.Fatalf("the sample case does not tell a filter from none (%d of %d steps)", want, len(open.Steps))
	}
	if len(got[0].Steps) != want {
		t.Errorf("steps: %d, want %d", len(got[0].Steps), want)
	}
	all, err := s.AllCases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	today := actionlist.MustDate("2026-12-01")
	full, part := actionlist.Agenda(all, today, 6), actionlist.Agenda(got, today, 6)
	if len(full) != len(part) {
		t.Fatalf("the agenda over whole cases has %d items, over AgendaCases %d", len(full), len(part))
	}
	for i := range full {
		if full[i].Kind != part[i].Kind || full[i].Step.ID != part[i].Step.ID {
			t.Errorf("item %d differs: %+v / %+v", i, full[i], part[i])
		}
	}
}
