package actionlist

import "testing"

// The stabilisation clock is one rule: the progress header, the deadline,
// the agenda and the team's figures all say the same of a case, including
// where the status and the recorded dates do not tell the same story.
func TestOneStabilisationClock(t *testing.T) {
	start := MustDate("2026-08-01")
	target := start.AddDays(120)
	past := target.AddDays(3)
	for _, tc := range []struct {
		name  string
		c     Case
		today Date
		want  Clock // ClockNone: no clock runs
		left  int   // days to the target; 0 without one
	}{
		{"running, on track", Case{Status: CaseStabilisation, Start: start, Target: target}, start.AddDays(10), ClockOnTrack, 110},
		{"running in intake, near", Case{Status: CaseIntake, Start: start, Target: target}, target.AddDays(-ClockNearDays), ClockNear, ClockNearDays},
		{"target passed", Case{Status: CaseStabilisation, Start: start, Target: target}, past, ClockPast, -3},
		{"no target", Case{Status: CaseStabilisation, Start: start}, past, ClockNone, 0},
		{"stabilised, the status not yet moved on", Case{Status: CaseStabilisation, Start: start, Target: target, Stabilised: target.AddDays(-10)}, past, ClockNone, -3},
		{"aftercare without a stabilised date", Case{Status: CaseAftercare, Start: start, Target: target}, past, ClockNone, -3},
		{"an arrangement without a stabilised date", Case{Status: CaseArrangement, Start: start, Target: target}, past, ClockNone, -3},
		{"aftercare, stabilised late", Case{Status: CaseAftercare, Start: start, Target: target, Stabilised: target.AddDays(1)}, past, ClockNone, -3},
		{"closed", Case{Status: CaseClosed, Start: start, Target: target, ClosedOn: target.AddDays(-30)}, past, ClockNone, -3},
		{"closed without a closing date", Case{Status: CaseClosed, Start: start, Target: target}, past, ClockNone, -3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := Measure(tc.c, tc.today)
			if p.Clock != tc.want || p.DaysLeft != tc.left {
				t.Errorf("progress: clock %d, %d days left; want %d, %d", p.Clock, p.DaysLeft, tc.want, tc.left)
			}
			running := tc.want != ClockNone
			var stab []Deadline
			for _, k := range Deadlines(tc.c) {
				if k.Kind == DeadlineStabilisation {
					stab = append(stab, k)
				}
			}
			if tc.c.Target.IsZero() {
				if len(stab) != 0 || p.TargetDays != 0 {
					t.Errorf("a clock without a target: %+v, %d target days", stab, p.TargetDays)
				}
			} else {
				if len(stab) != 1 {
					t.Fatalf("%d stabilisation deadlines, want 1", len(stab))
				}
				k := stab[0]
				if k.Running() != running || k.Left(tc.today) != p.DaysLeft || p.TargetDays != k.Start.DaysUntil(k.Due) {
					t.Errorf("deadline %+v: running %v, %d left; progress: %d left of %d", k, k.Running(), k.Left(tc.today), p.DaysLeft, p.TargetDays)
				}
				if running && (k.Passed(tc.today) != (tc.want == ClockPast) || k.Close(tc.today) != (tc.want != ClockOnTrack)) {
					t.Errorf("deadline: passed %v, close %v; progress: clock %d", k.Passed(tc.today), k.Close(tc.today), p.Clock)
				}
				// The figures count the phase, which runs without a target too.
				f := Report([]Case{tc.c}, start, tc.today, tc.today)
				if f.StabilisationsRunning != 0 != running {
					t.Errorf("team figures: %d stabilisations running, want running %v", f.StabilisationsRunning, running)
				}
			}
			var onAgenda AgendaKind
			for _, it := range Agenda([]Case{tc.c}, tc.today, AgendaWeek) {
				if it.Deadline.Kind == DeadlineStabilisation {
					onAgenda = it.Kind
				}
			}
			if want := map[Clock]AgendaKind{ClockPast: AgendaDeadlinePassed, ClockNear: AgendaDeadlineClose}[tc.want]; onAgenda != want {
				t.Errorf("agenda: %q, want %q", onAgenda, want)
			}
		})
	}
}

// A stopped clock says how long it ran: to the day the case was
// stabilised, or closed; nothing when that day is not recorded.
func TestStoppedClockSaysHowLongItRan(t *testing.T) {
	start := MustDate("2026-08-01")
	target := start.AddDays(120)
	later := target.AddDays(40)
	for _, tc := range []struct {
		name  string
		c     Case
		ran   int
		known bool
	}{
		{"running", Case{Status: CaseStabilisation, Start: start, Target: target}, 0, false},
		{"stabilised early", Case{Status: CaseAftercare, Start: start, Target: target, Stabilised: target.AddDays(-25)}, 95, true},
		{"stabilised late", Case{Status: CaseAftercare, Start: start, Target: target, Stabilised: target.AddDays(5)}, 125, true},
		{"stabilised the day it started", Case{Status: CaseAftercare, Start: start, Target: target, Stabilised: start}, 0, true},
		{"closed before", Case{Status: CaseClosed, Start: start, Target: target, ClosedOn: start.AddDays(30)}, 30, true},
		{"aftercare without the day", Case{Status: CaseAftercare, Start: start, Target: target}, 0, false},
	} {
		if p := Measure(tc.c, later); p.RanDays != tc.ran || p.RanKnown != tc.known {
			t.Errorf("%s: ran %d days (known %v), want %d (%v)", tc.name, p.RanDays, p.RanKnown, tc.ran, tc.known)
		}
	}
}
