package actionlist

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Aftercare: planned check-ins after stabilisation (by default after 3, 6
// and 12 months) and a final conversation, and a quick check-in when a new
// arrears signal comes in. Check-in steps are known by their keys, the same
// as in the default template, so a case made from it keeps its own steps and
// gets no duplicates.

// Signal is an arrears signal (early warning) recorded during aftercare.
type Signal struct {
	Kind SignalKind `json:"kind"`
	Date Date       `json:"date"`
}

// Keys of aftercare steps.
const (
	KeyAftercarePlan = "aftercare-plan"     // the template's "plan the check-ins"
	KeyCheckInPrefix = "aftercare-checkin-" // followed by the number of months
	KeyEvaluation    = "aftercare-evaluation"
	KeySignalCheckIn = "aftercare-signal"
)

// DefaultCheckInMonths are the check-ins of an aftercare plan, in months
// from the day the case moves to aftercare.
var DefaultCheckInMonths = []int{3, 6, 12}

const (
	EvaluationDays    = 14 // the final conversation, after the last check-in
	SignalCheckInDays = 3  // a check-in after a new arrears signal is due within these days
	MissedAfterDays   = 28 // a check-in this long past its date has been missed
	MaxCheckInMonths  = 60
)

// Errors of moving a case along.
var (
	ErrCaseClosed       = errors.New("the case is closed")
	ErrAlreadyAftercare = errors.New("the case is already in aftercare")
	ErrNotInAftercare   = errors.New("the case is not in aftercare: a signal is recorded here only during aftercare")
	ErrNotStabilising   = errors.New("the case is no longer in intake or stabilisation")
	ErrFutureSignal     = errors.New("the signal's date is after today")
)

// AftercarePlan is how a case moves to aftercare.
type AftercarePlan struct {
	Months []int  // check-ins after these many months, rising; empty: DefaultCheckInMonths
	By     string // who moves the case, recorded on the template's planning step
}

// StartArrangement ends stabilisation: the debt arrangement begins on a day.
func StartArrangement(c Case, on Date) (Case, error) {
	switch c.Status {
	case CaseClosed:
		return c, ErrCaseClosed
	case CaseIntake, CaseStabilisation:
	default:
		return c, ErrNotStabilising
	}
	c.Status = CaseArrangement
	if c.Stabilised.IsZero() {
		c.Stabilised = on
	}
	return c, nil
}

// MoveToAftercare puts a case in aftercare on a day and plans its check-ins
// and final conversation. Open check-in steps that the case already has
// (from the template) get the dates; missing ones are added, in the case's
// language, each waiting for the one before. The earlier check-ins go to the
// volunteer when the case has one; the last one and the final conversation
// are the specialist's. Check-ins for months not in the plan no longer apply.
// newID gives added steps their identity.
func MoveToAftercare(c Case, on Date, plan AftercarePlan, newID func() string) (Case, error) {
	switch c.Status {
	case CaseClosed:
		return c, ErrCaseClosed
	case CaseAftercare:
		return c, ErrAlreadyAftercare
	}
	if on.IsZero() {
		return c, &InvalidError{Field: "date", Value: ""}
	}
	months := plan.Months
	if len(months) == 0 {
		months = DefaultCheckInMonths
	}
	for i, m := range months {
		if m < 1 || m > MaxCheckInMonths || (i > 0 && m <= months[i-1]) {
			return c, &InvalidError{Field: "months", Value: fmt.Sprint(months)}
		}
	}
	if c.Status == CaseIntake || c.Status == CaseStabilisation {
		if c.Stabilised.IsZero() {
			c.Stabilised = on
		}
	}
	c.Status = CaseAftercare
	c.Steps = slices.Clone(c.Steps)
	l := c.Language.Working()
	for i, s := range c.Steps {
		if s.Status.Finished() {
			continue
		}
		switch {
		case s.Key == KeyAftercarePlan:
			c.Steps[i] = TickOff(s, on, plan.By) // this is the planning
		case strings.HasPrefix(s.Key, KeyCheckInPrefix):
			m, err := strconv.Atoi(strings.TrimPrefix(s.Key, KeyCheckInPrefix))
			if err == nil && !slices.Contains(months, m) {
				c.Steps[i] = SetStatus(s, StepNotApplicable, on, plan.By)
			}
		}
	}
	order := NextOrder(c.Steps, PhaseAftercare)
	prev := ""
	// schedule gives an open step with the key its date, or adds one.
	schedule := func(key string, due Date, owner Role, t stepText) {
		if i := openStepWithKey(c.Steps, key); i >= 0 {
			c.Steps[i].Due = due
			prev = c.Steps[i].ID
			return
		}
		s := Step{ID: newID(), Key: key, Phase: PhaseAftercare, Order: order,
			Title: t.title, Why: t.why, After: t.after,
			Owner: owner, OwnerName: ownerName(c, owner), Due: due, Status: StepOpen, Days: 7}
		if prev != "" {
			s.DependsOn = []string{prev}
		}
		order++
		c.Steps = append(c.Steps, s)
		prev = s.ID
	}
	_, hasVolunteer := c.Participant(RoleVolunteer)
	for i, m := range months {
		last := i == len(months)-1
		owner := RoleSpecialist
		if !last && hasVolunteer {
			owner = RoleVolunteer
		}
		schedule(KeyCheckInPrefix+strconv.Itoa(m), on.AddMonths(m), owner, checkInText(m, last, l))
	}
	end := on.AddMonths(months[len(months)-1]).AddDays(EvaluationDays)
	schedule(KeyEvaluation, end, RoleSpecialist, evaluationText(l))
	return c, nil
}

func openStepWithKey(steps []Step, key string) int {
	return slices.IndexFunc(steps, func(s Step) bool { return s.Key == key && !s.Status.Finished() })
}

// ownerName is the participant who plays the role, as NewCase does it.
func ownerName(c Case, r Role) string {
	if p, ok := c.Participant(r); ok {
		return p.Name
	}
	return ""
}

type stepText struct{ title, why, after string }

func checkInText(months int, last bool, l Lang) stepText {
	unit := words{"maanden", "months"}
	if months == 1 {
		unit = words{"maand", "month"}
	}
	after := words{
		"Gaat het goed, dan zie je elkaar bij het volgende gesprek. Zijn er zorgen, dan komt de specialist er eerder bij.",
		"If things go well, you meet again at the next talk. If there are worries, the specialist joins in sooner.",
	}
	if last {
		after = words{
			"Daarna volgt het eindgesprek. Zijn er nog zorgen, dan kijkt de specialist met je wat er nodig is.",
			"After this comes the final conversation. If there are still worries, the specialist looks with you at what is needed.",
		}
	}
	return stepText{
		title: fmt.Sprintf(words{"Praat na %d %s samen over hoe het gaat met je geld", "Talk together after %d %s about how things are going with your money"}.in(l), months, unit.in(l)),
		why: words{
			"Ook als het goed gaat, kan er iets gebeuren waardoor het weer lastig wordt. Als je op tijd samen kijkt, blijven problemen klein.",
			"Even when things go well, something can happen that makes it hard again. Looking together in time keeps problems small.",
		}.in(l),
		after: after.in(l),
	}
}

func evaluationText(l Lang) stepText {
	return stepText{
		title: words{"Kijk in een eindgesprek samen terug op de hulp", "Look back on the help together in a final conversation"}.in(l),
		why: words{
			"Je ziet wat je allemaal hebt bereikt. En jouw ervaring helpt om de hulp voor anderen beter te maken.",
			"You see everything you have achieved. And your experience helps make the help better for others.",
		}.in(l),
		after: words{
			"De nazorg stopt. Je weet waar je terecht kunt als je later weer hulp nodig hebt.",
			"Aftercare ends. You know where to go if you need help again later.",
		}.in(l),
	}
}

// signalWhat names what went unpaid, inside a sentence.
var signalWhat = map[SignalKind]words{
	SignalEnergy:    {"je energierekening", "your energy bill"},
	SignalWater:     {"je waterrekening", "your water bill"},
	SignalHousing:   {"je huur", "your rent"},
	SignalInsurer:   {"je zorgverzekering", "your health insurance"},
	SignalMunicipal: {"je gemeentelijke belastingen", "your municipal taxes"},
	SignalLandlord:  {"je huur", "your rent"},
	SignalOther:     {"een vaste last", "a fixed cost"},
}

// RecordSignal notes a new arrears signal of a kind, received on a day,
// during aftercare, and adds a check-in with the generalist due within
// SignalCheckInDays of today, pinned into Now so it is seen at once.
func RecordSignal(c Case, kind SignalKind, on, today Date, newID func() string) (Case, error) {
	switch {
	case c.Status != CaseAftercare:
		return c, ErrNotInAftercare
	case kind == SignalNone || !kind.Valid():
		return c, &InvalidError{Field: "signal", Value: string(kind)}
	case on.IsZero():
		return c, &InvalidError{Field: "signal_date", Value: ""}
	case on.After(today):
		return c, ErrFutureSignal
	case len(c.Signals) >= MaxSignals:
		return c, &LimitError{Field: "signals", Limit: MaxSignals, Got: len(c.Signals) + 1}
	}
	l := c.Language.Working()
	what := label(signalWhat, kind, l)
	c.Signals = append(slices.Clone(c.Signals), Signal{Kind: kind, Date: on})
	s := Step{ID: newID(), Key: KeySignalCheckIn, Phase: PhaseAftercare, Order: NextOrder(c.Steps, PhaseAftercare),
		Title: fmt.Sprintf(words{"Praat deze week met de generalist over de achterstand met %s", "Talk to the generalist this week about the arrears on %s"}.in(l), what),
		Why: fmt.Sprintf(words{
			"Er is gemeld dat %s niet op tijd betaald is. Als je er snel samen naar kijkt, blijft het klein en komt er geen nieuwe schuld.",
			"We heard that %s was not paid on time. If you look at it together soon, it stays small and no new debt grows.",
		}.in(l), what),
		After: words{
			"Jullie weten wat er nodig is: een betalingsregeling, een aanvraag of weer wat meer hulp. Daarna gaat de nazorg verder zoals gepland.",
			"Together you know what is needed: a payment plan, an application, or a bit more help again. After that, aftercare carries on as planned.",
		}.in(l),
		Owner: RoleGeneralist, OwnerName: ownerName(c, RoleGeneralist),
		Due: today.AddDays(SignalCheckInDays), Status: StepOpen, Pin: PinNow, Days: SignalCheckInDays,
	}
	c.Steps = append(slices.Clone(c.Steps), s)
	return c, nil
}

// IsCheckIn is true for an aftercare check-in, a signal's check-in and the
// final conversation.
func IsCheckIn(s Step) bool {
	return s.Phase == PhaseAftercare &&
		(strings.HasPrefix(s.Key, KeyCheckInPrefix) || s.Key == KeyEvaluation || s.Key == KeySignalCheckIn)
}

// CheckInState is where a check-in stands on a day.
type CheckInState int

const (
	CheckInLater   CheckInState = iota // due after the days looked ahead
	CheckInDue                         // due within the days looked ahead, or without a date
	CheckInOverdue                     // past its date, by fewer than MissedAfterDays
	CheckInMissed                      // MissedAfterDays or more past its date
	CheckInDone
	CheckInSkipped // marked not applicable
)

// CheckInStateOf says where a check-in stands, looking within days ahead.
func CheckInStateOf(s Step, today Date, within int) CheckInState {
	switch {
	case s.Status == StepDone:
		return CheckInDone
	case s.Status == StepNotApplicable:
		return CheckInSkipped
	case s.Due.IsZero():
		return CheckInDue
	case s.Due.DaysUntil(today) >= MissedAfterDays:
		return CheckInMissed
	case s.Due.Before(today):
		return CheckInOverdue
	case today.DaysUntil(s.Due) <= within:
		return CheckInDue
	}
	return CheckInLater
}

var checkInWords = map[CheckInState]words{
	CheckInLater:   {"later", "later"},
	CheckInDue:     {"nu aan de beurt", "due"},
	CheckInOverdue: {"te laat", "overdue"},
	CheckInMissed:  {"gemist", "missed"},
	CheckInDone:    {"gedaan", "done"},
	CheckInSkipped: {"niet nodig", "not needed"},
}

func CheckInStateLabel(s CheckInState, l Lang) string {
	if w, ok := checkInWords[s]; ok {
		return w.in(l)
	}
	return strconv.Itoa(int(s))
}

// CheckIn is one row of the aftercare view.
type CheckIn struct {
	CaseID, Ref, Name string
	Step              Step
	State             CheckInState
	Days              int // days until the due date; negative when late
}

// AftercareView lists the check-ins that need attention across the cases in
// aftercare: missed, overdue, and due within days ahead (or without a date),
// by due date (the oldest first, undated last), then reference.
func AftercareView(cases []Case, today Date, within int) []CheckIn {
	var out []CheckIn
	for _, c := range cases {
		if c.Status != CaseAftercare {
			continue
		}
		for _, s := range c.Steps {
			if !IsCheckIn(s) {
				continue
			}
			st := CheckInStateOf(s, today, within)
			if st == CheckInLater || st == CheckInDone || st == CheckInSkipped {
				continue
			}
			ci := CheckIn{CaseID: c.ID, Ref: c.Ref, Name: c.Name, Step: s, State: st}
			if !s.Due.IsZero() {
				ci.Days = today.DaysUntil(s.Due)
			}
			out = append(out, ci)
		}
	}
	slices.SortFunc(out, func(a, b CheckIn) int {
		if az, bz := a.Step.Due.IsZero(), b.Step.Due.IsZero(); az != bz {
			if az {
				return 1
			}
			return -1
		}
		if c := a.Step.Due.Compare(b.Step.Due); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Ref, b.Ref); c != 0 {
			return c
		}
		return planOrder(a.Step, b.Step)
	})
	return out
}
