package actionlist

import "slices"

// PhaseProgress counts one phase's steps. Steps marked not applicable do not
// count, so leaving something out never makes progress look worse.
type PhaseProgress struct {
	Phase      Phase
	Done       int
	Applicable int
	Overdue    int
}

// Percent is the share done, rounded down; a phase with nothing to do is 100.
func (p PhaseProgress) Percent() int {
	if p.Applicable == 0 {
		return 100
	}
	return p.Done * 100 / p.Applicable
}

// Clock says how the stabilisation period stands against its target.
type Clock int

const (
	ClockNone    Clock = iota // no target, or the case is stabilised or closed
	ClockOnTrack              // more than ClockNearDays left
	ClockNear                 // the target is close: time to check what is missing
	ClockPast                 // the target date has passed
)

// ClockNearDays is when the clock starts to warn before the target.
const ClockNearDays = 21

// Progress is how far a case has come.
type Progress struct {
	Phases         []PhaseProgress // the phases that hold steps, in order
	Overall        PhaseProgress   // Phase is empty
	Overdue        []Step          // unfinished and past their due date, oldest first
	DaysSinceStart int
	TargetDays     int // from start to target; 0 without a target
	DaysLeft       int // until the target; negative when past
	// RanDays is, for a clock that stopped (Clock is ClockNone with a
	// target), how many days it ran: from the start to the day the case
	// was stabilised or closed, when RanKnown (that day is recorded).
	RanDays  int
	RanKnown bool
	Clock    Clock
	Timeline []Step // finished steps, in the order they were done
}

// Measure computes the progress of a case on a day.
func Measure(c Case, today Date) Progress {
	var p Progress
	byPhase := make([]PhaseProgress, len(Phases)+1) // the last: a phase this version does not know
	seen := make([]bool, len(Phases)+1)
	// Sort positions, then copy: swapping whole steps costs more than the
	// counting itself on a long case.
	var done, late []int
	for i := range c.Steps {
		s := &c.Steps[i]
		ix := s.Phase.Index()
		seen[ix] = true
		pp := &byPhase[ix]
		if s.Status == StepNotApplicable {
			continue
		}
		pp.Applicable++
		p.Overall.Applicable++
		if s.Status == StepDone {
			pp.Done++
			p.Overall.Done++
			done = append(done, i)
		}
		if s.Overdue(today) {
			pp.Overdue++
			p.Overall.Overdue++
			late = append(late, i)
		}
	}
	for ix, ph := range Phases { // an unknown phase counts only in Overall
		if seen[ix] {
			byPhase[ix].Phase = ph
			p.Phases = append(p.Phases, byPhase[ix])
		}
	}
	byDate := func(date func(*Step) Date) func(i, j int) int {
		return func(i, j int) int {
			a, b := &c.Steps[i], &c.Steps[j]
			if c := date(a).Compare(date(b)); c != 0 {
				return c
			}
			return planOrderOf(a, b)
		}
	}
	slices.SortStableFunc(done, byDate(func(s *Step) Date { return s.DoneOn }))
	slices.SortStableFunc(late, byDate(func(s *Step) Date { return s.Due }))
	p.Timeline = pick(c.Steps, done)
	p.Overdue = pick(c.Steps, late)
	if !c.Start.IsZero() {
		p.DaysSinceStart = max(0, c.Start.DaysUntil(today))
	}
	p.Clock = clockOf(c, today, &p)
	return p
}

func pick(steps []Step, at []int) []Step {
	if len(at) == 0 {
		return nil
	}
	out := make([]Step, len(at))
	for k, i := range at {
		out[k] = steps[i]
	}
	return out
}

// clockOf reads the stabilisation deadline, so the header says what the
// agenda says.
func clockOf(c Case, today Date, p *Progress) Clock {
	k, ok := stabilisationDeadline(c)
	if !ok {
		return ClockNone
	}
	p.TargetDays = k.Start.DaysUntil(k.Due)
	p.DaysLeft = k.Left(today)
	switch {
	case !k.Running():
		if !k.Met.IsZero() {
			p.RanDays, p.RanKnown = max(0, k.Start.DaysUntil(k.Met)), true
		}
		return ClockNone
	case k.Passed(today):
		return ClockPast
	case k.Close(today):
		return ClockNear
	}
	return ClockOnTrack
}
