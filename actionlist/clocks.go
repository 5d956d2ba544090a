package actionlist

import (
	"errors"
	"slices"
)

// Threat is what makes a request for help urgent in the law on municipal
// debt help: a threat of eviction, of the energy or water being cut off,
// or of the health insurance ending.
type Threat string

const (
	ThreatNone      Threat = ""
	ThreatEviction  Threat = "eviction"
	ThreatEnergy    Threat = "energy"
	ThreatWater     Threat = "water"
	ThreatInsurance Threat = "insurance"
)

// Threats lists the threats, in the order a form offers them.
var Threats = []Threat{ThreatEviction, ThreatEnergy, ThreatWater, ThreatInsurance}

func (t Threat) Valid() bool { return t == ThreatNone || slices.Contains(Threats, t) }

var threatWords = map[Threat]words{
	ThreatNone:      {"geen dreiging", "no threat"},
	ThreatEviction:  {"dreigende huisuitzetting", "threat of eviction"},
	ThreatEnergy:    {"energie dreigt te worden afgesloten", "energy about to be cut off"},
	ThreatWater:     {"water dreigt te worden afgesloten", "water about to be cut off"},
	ThreatInsurance: {"zorgverzekering dreigt te stoppen", "health insurance about to end"},
}

// ThreatLabel names a threat in a language.
func ThreatLabel(t Threat, l Lang) string { return label(threatWords, t, l) }

// The deadlines of debt help.
const (
	FirstTalkDays       = 28 // Wgs: a first conversation within 4 weeks of the request
	FirstTalkThreatDays = 3  // Wgs: within 3 working days under a threat
	CrisisDays          = 14 // NVVK: a crisis dealt with within 2 weeks
	DeadlineWarnDays    = 3  // a deadline is close from 3 days before it
)

// DeadlineKind is which rule a deadline keeps.
type DeadlineKind string

const (
	DeadlineFirstTalk     DeadlineKind = "first_talk"    // the Wgs's first conversation
	DeadlineCrisis        DeadlineKind = "crisis"        // NVVK's two weeks for a crisis
	DeadlineStabilisation DeadlineKind = "stabilisation" // the target end of stabilisation
)

// Deadline is one clock of a case: when it started, when it runs out, and
// whether what it waits for has happened.
type Deadline struct {
	Kind  DeadlineKind
	Start Date // the request for help, the start of stabilisation
	Due   Date
	Met   Date // when what the clock waits for happened; zero while it runs
	// WorkingDays: counted in working days (the Wgs under a threat);
	// otherwise in calendar days.
	WorkingDays bool
	// Stopped: the clock stopped on a day not recorded (Met is zero): a
	// case moved past stabilisation, or closed, without the day.
	Stopped bool
}

// Running is true while what the clock waits for has not happened.
func (k Deadline) Running() bool { return k.Met.IsZero() && !k.Stopped }

// Passed is true for a running clock whose deadline is behind today, and
// for one met after its deadline.
func (k Deadline) Passed(today Date) bool {
	if !k.Running() {
		return k.Met.After(k.Due)
	}
	return today.After(k.Due)
}

// Left is how many days are left until the deadline (working days for a
// working-day clock), negative once it has passed.
func (k Deadline) Left(today Date) int {
	if k.WorkingDays {
		return WorkingDaysBetween(today, k.Due)
	}
	return today.DaysUntil(k.Due)
}

// Close is true for a running clock within its warning time of the
// deadline, or past it.
func (k Deadline) Close(today Date) bool {
	if !k.Running() {
		return false
	}
	warn := DeadlineWarnDays
	if k.Kind == DeadlineStabilisation {
		warn = ClockNearDays
	}
	return k.Left(today) <= warn
}

// Deadlines are the clocks that apply to a case, from the dates it
// records: the first conversation from the request for help (within 3
// working days under a threat, else 4 weeks), the crisis from the request
// when there is a threat (met when every applicable crisis step is
// finished), and stabilisation from its start to its target
// (stabilisationDeadline). A closed case keeps no clock running.
func Deadlines(c Case) []Deadline {
	var out []Deadline
	if !c.RequestedOn.IsZero() {
		k := Deadline{Kind: DeadlineFirstTalk, Start: c.RequestedOn, Met: c.FirstTalkOn}
		if c.Threat != ThreatNone {
			k.Due, k.WorkingDays = AddWorkingDays(c.RequestedOn, FirstTalkThreatDays), true
		} else {
			k.Due = c.RequestedOn.AddDays(FirstTalkDays)
		}
		out = append(out, k)
		if c.Threat != ThreatNone {
			out = append(out, Deadline{Kind: DeadlineCrisis, Start: c.RequestedOn,
				Due: c.RequestedOn.AddDays(CrisisDays), Met: crisisDealtWith(c)})
		}
	}
	for i := range out {
		out[i] = stopOnClose(c, out[i])
	}
	if k, ok := stabilisationDeadline(c); ok {
		out = append(out, k)
	}
	return out
}

// stabilisationDeadline is the stabilisation clock, from the start to the
// target, and the one rule for whether it runs: while the case is
// stabilising. The progress header, the case list, the agenda and the
// figures all read it. ok is false without a start or a target.
func stabilisationDeadline(c Case) (Deadline, bool) {
	if c.Start.IsZero() || c.Target.IsZero() {
		return Deadline{}, false
	}
	k := Deadline{Kind: DeadlineStabilisation, Start: c.Start, Due: c.Target}
	if end, ok := stabilisationEnd(c); ok {
		k.Met, k.Stopped = end, end.IsZero()
	}
	return stopOnClose(c, k), true
}

// stabilising is true while a case is in its stabilisation phase: not
// stabilised (stabilisationEnd) and not closed.
func stabilising(c Case) bool {
	_, ended := stabilisationEnd(c)
	return !ended && c.Status != CaseClosed
}

// stabilisationEnd says whether a case reached an arrangement (or went on to
// aftercare) and on which day, if known.
func stabilisationEnd(c Case) (Date, bool) {
	switch {
	case !c.Stabilised.IsZero():
		return c.Stabilised, true
	case c.Status == CaseArrangement || c.Status == CaseAftercare:
		return Date{}, true
	case c.Status == CaseClosed && c.CloseReason == CloseArrangement:
		return c.ClosedOn, true
	}
	return Date{}, false
}

// stopOnClose stops a running clock on the day its case closed, or on a
// day not recorded for a case closed without one.
func stopOnClose(c Case, k Deadline) Deadline {
	if c.Status == CaseClosed && k.Running() {
		k.Met, k.Stopped = c.ClosedOn, c.ClosedOn.IsZero()
	}
	return k
}

// crisisDealtWith is the day the last applicable crisis step was finished,
// or zero while one is open. A case with no crisis step left to do (none
// taken from the template, or all marked not applicable because the
// threat went away) has its crisis dealt with from the request; a step
// done without its date counts from the request too.
func crisisDealtWith(c Case) Date {
	last := c.RequestedOn
	for _, s := range c.Steps {
		if s.Phase != PhaseCrisis || s.Status == StepNotApplicable {
			continue
		}
		if s.Status != StepDone {
			return Date{}
		}
		if s.DoneOn.After(last) {
			last = s.DoneOn
		}
	}
	return last
}

var deadlineWords = map[DeadlineKind]words{
	DeadlineFirstTalk:     {"Eerste gesprek", "First conversation"},
	DeadlineCrisis:        {"Crisis opgelost", "Crisis dealt with"},
	DeadlineStabilisation: {"Einde stabilisatie", "End of stabilisation"},
}

// deadlineRules say which rule sets a clock.
var deadlineRules = map[string]words{
	"first_talk":        {"Wgs: binnen 4 weken na de hulpvraag", "Wgs: within 4 weeks of the request"},
	"first_talk_threat": {"Wgs: binnen 3 werkdagen bij een dreiging", "Wgs: within 3 working days under a threat"},
	"crisis":            {"NVVK: crisis binnen 2 weken opgelost", "NVVK: a crisis dealt with within 2 weeks"},
	"stabilisation":     {"streefdatum van de stabilisatie", "target end of stabilisation"},
}

// DeadlineRule says, in a language, which rule sets a clock.
func DeadlineRule(k Deadline, l Lang) string {
	key := string(k.Kind)
	if k.Kind == DeadlineFirstTalk && k.WorkingDays {
		key = "first_talk_threat"
	}
	return label(deadlineRules, key, l)
}

// DeadlineLabel names what a clock waits for, in a language.
func DeadlineLabel(k DeadlineKind, l Lang) string { return label(deadlineWords, k, l) }

// Refusals of RecordFirstTalk.
var (
	ErrFirstTalkHeld = errors.New("the first conversation is recorded already")
	ErrBeforeRequest = errors.New("the first conversation cannot be before the request for help")
	ErrFutureTalk    = errors.New("the first conversation cannot be noted before it is held")
)

// RecordFirstTalk stops the Wgs clock: the first conversation was held on
// a day, which cannot lie before the request for help, nor after today.
func RecordFirstTalk(c Case, on, today Date) (Case, error) {
	if !c.FirstTalkOn.IsZero() {
		return c, ErrFirstTalkHeld
	}
	if on.After(today) {
		return c, ErrFutureTalk
	}
	if !c.RequestedOn.IsZero() && on.Before(c.RequestedOn) {
		return c, ErrBeforeRequest
	}
	c.FirstTalkOn = on
	return c, nil
}
