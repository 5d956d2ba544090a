package actionlist

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestTeamReportsAddUp(t *testing.T) {
	today := MustDate("2026-11-30")
	from, to := MustDate("2026-01-01"), MustDate("2026-11-30")
	stab := func(start string, days int) Case {
		s := MustDate(start)
		return Case{Status: CaseArrangement, Start: s, Stabilised: s.AddDays(days), Source: Source{Kind: SourceEarlyWarning}}
	}
	sig := func(p SignalKind, reachedAt int, outcome SignalOutcome) ArrearsSignal {
		s := ArrearsSignal{Partner: p, Received: MustDate("2026-06-01"), Outcome: outcome}
		for i := range max(reachedAt, 2) {
			s.Attempts = append(s.Attempts, Attempt{Kind: AttemptPhone, Reached: i+1 == reachedAt})
		}
		return s
	}
	laptopA := []Case{stab("2026-02-01", 30), stab("2026-03-01", 90)}
	laptopB := []Case{stab("2026-02-01", 40), {Status: CaseClosed, Start: MustDate("2026-04-01"), ClosedOn: MustDate("2026-05-01"), CloseReason: CloseMoved}}
	sigA := []ArrearsSignal{sig(SignalEnergy, 1, OutcomeAccepted), sig(SignalWater, 0, OutcomeOpen)}
	sigB := []ArrearsSignal{sig(SignalEnergy, 3, OutcomeDeclined)}

	a := NewTeamReport(ReportID("key-a", from, to), Report(laptopA, from, to, today), SignalReport(sigA, from, to, today))
	b := NewTeamReport(ReportID("key-b", from, to), Report(laptopB, from, to, today), SignalReport(sigB, from, to, today))
	whole := NewTeamReport("", Report(append(slices.Clone(laptopA), laptopB...), from, to, today), SignalReport(append(slices.Clone(sigA), sigB...), from, to, today))

	m, err := MergeTeamReports([]TeamReport{a, b, a})
	if err != nil {
		t.Fatal(err)
	}
	if m.Twice != 1 || m.Report.Laptops != 2 {
		t.Errorf("twice %d, laptops %d", m.Twice, m.Report.Laptops)
	}
	whole.ID, whole.Laptops = "", 2
	if got, want := TeamCSV(m.Report), TeamCSV(whole); got != want {
		t.Errorf("merged:\n%s\nwhole:\n%s", got, want)
	}
	csv := TeamCSV(m.Report)
	for _, want := range []string{
		"2026-01-01/2026-11-30,signals,received,3,",
		"2026-01-01/2026-11-30,signals_received,energy,2,ENERGIE",
		"2026-01-01/2026-11-30,signals,attempts_per_reached,2.0,",
		"2026-01-01/2026-11-30,stabilisation,median_days,40,",
		"2026-01-01/2026-11-30,dropout,moved,1,BEEINDIGD_VERHUISD",
		"2026-01-01/2026-11-30,signal_outcome,declined,1,HULP_GEWEIGERD",
	} {
		if !strings.Contains(csv, want+"\n") {
			t.Errorf("the CSV lacks %q:\n%s", want, csv)
		}
	}
	for _, l := range []Lang{Dutch, English} {
		txt := TeamText(m.Report, l)
		if !strings.Contains(txt, SignalLabel(SignalEnergy, l)) || !strings.Contains(txt, "2 / 2 / 1 / 2.0") {
			t.Errorf("the text in %s:\n%s", l, txt)
		}
	}

	other := NewTeamReport(ReportID("key-c", from, today.AddDays(-1)), Report(nil, from, today.AddDays(-1), today), SignalFigures{})
	if _, err := MergeTeamReports([]TeamReport{a, other}); !errors.Is(err, ErrPeriodsDiffer) {
		t.Errorf("different periods: %v", err)
	}
	if _, err := MergeTeamReports([]TeamReport{m.Report}); !errors.Is(err, ErrMergedTeamFile) {
		t.Errorf("a merged file: %v", err)
	}
	if a.ID == b.ID || a.ID != ReportID("key-a", from, to) || a.ID == ReportID("key-a", from, today.AddDays(-1)) {
		t.Error("the id is not one per laptop and period")
	}
}
