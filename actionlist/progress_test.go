package actionlist

import (
	"slices"
	"testing"
)

func TestMeasure(t *testing.T) {
	today := MustDate("2026-11-23")
	c := Case{
		Status: CaseStabilisation,
		Start:  MustDate("2026-10-01"),
		Target: MustDate("2027-01-29"),
		Steps: []Step{
			step("a", PhaseCrisis, 0, done, func(s *Step) { s.DoneOn = MustDate("2026-10-05") }),
			step("b", PhaseCrisis, 1, done, func(s *Step) { s.DoneOn = MustDate("2026-10-02") }),
			step("c", PhaseCrisis, 2, na),
			step("d", PhaseOverview, 0, due("2026-11-10")),
			step("e", PhaseOverview, 1, due("2026-11-01"), started),
			step("f", PhaseOverview, 2, due("2026-11-23")),
			step("g", PhaseIncome, 0, done, due("2026-10-01"), func(s *Step) { s.DoneOn = MustDate("2026-10-05") }),
			step("h", PhaseAftercare, 0, na),
		},
	}
	p := Measure(c, today)
	wantPhases := []PhaseProgress{
		{Phase: PhaseCrisis, Done: 2, Applicable: 2},
		{Phase: PhaseOverview, Done: 0, Applicable: 3, Overdue: 2},
		{Phase: PhaseIncome, Done: 1, Applicable: 1},
		{Phase: PhaseAftercare, Done: 0, Applicable: 0},
	}
	if !slices.Equal(p.Phases, wantPhases) {
		t.Errorf("phases = %+v\nwant     %+v", p.Phases, wantPhases)
	}
	if p.Overall != (PhaseProgress{Done: 3, Applicable: 6, Overdue: 2}) {
		t.Errorf("overall = %+v", p.Overall)
	}
	if got := p.Overall.Percent(); got != 50 {
		t.Errorf("overall percent = %d", got)
	}
	if got := p.Phases[3].Percent(); got != 100 {
		t.Errorf("a phase with nothing applicable = %d%%, want 100", got)
	}
	if got := ids(p.Overdue); !slices.Equal(got, []string{"e", "d"}) {
		t.Errorf("overdue = %v, want oldest first [e d]", got)
	}
	if got := ids(p.Timeline); !slices.Equal(got, []string{"b", "a", "g"}) {
		t.Errorf("timeline = %v, want [b a g]", got)
	}
	if p.DaysSinceStart != 53 || p.TargetDays != 120 || p.DaysLeft != 67 || p.Clock != ClockOnTrack {
		t.Errorf("clock: since %d, target %d, left %d, clock %d", p.DaysSinceStart, p.TargetDays, p.DaysLeft, p.Clock)
	}
}

func TestClock(t *testing.T) {
	start := MustDate("2026-08-01")
	target := start.AddDays(120)
	tests := []struct {
		name   string
		status CaseStatus
		today  Date
		target Date
		want   Clock
		left   int
	}{
		{"on track", CaseStabilisation, start.AddDays(10), target, ClockOnTrack, 110},
		{"near: 21 days left", CaseStabilisation, target.AddDays(-21), target, ClockNear, 21},
		{"still on track at 22 days", CaseStabilisation, target.AddDays(-22), target, ClockOnTrack, 22},
		{"the target day itself", CaseIntake, target, target, ClockNear, 0},
		{"past", CaseStabilisation, target.AddDays(3), target, ClockPast, -3},
		{"no target", CaseStabilisation, target, Date{}, ClockNone, 0},
		{"after stabilisation the clock stops", CaseArrangement, target.AddDays(30), target, ClockNone, -30},
		{"closed", CaseClosed, target.AddDays(30), target, ClockNone, -30},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Measure(Case{Status: tt.status, Start: start, Target: tt.target}, tt.today)
			if p.Clock != tt.want || p.DaysLeft != tt.left {
				t.Errorf("clock %d left %d, want %d left %d", p.Clock, p.DaysLeft, tt.want, tt.left)
			}
		})
	}
}
