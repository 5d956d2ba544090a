package actionlist

import (
	"cmp"
	"errors"
	"slices"
	"strings"
)

// Early warning: a partner (an energy company, a water company, a landlord,
// a health insurer, the municipal taxes) reports that a resident is behind
// with payments, before any case exists. The team reaches out, attempt by
// attempt, until the resident is reached and either accepts help (the signal
// becomes a case) or the signal is closed with another outcome. A signal
// holds only what the outreach needs: a first name or alias and how to reach
// the resident; never a BSN.

// ArrearsSignal is one payment-arrears signal and the attempts to reach
// the resident it is about.
type ArrearsSignal struct {
	ID           string
	Partner      SignalKind
	AmountCents  Cents // the arrears
	ArrearsSince Date  // when the arrears arose; zero when the partner did not say
	Received     Date  // the signal's date
	Crisis       bool  // the partner marked it urgent (eviction, cut-off)
	Name         string
	Address      string
	Phone        string
	Outcome      SignalOutcome // "" while the outreach goes on
	ClosedOn     Date
	CaseID       string // the case it became, for an accepted signal
	Attempts     []Attempt
}

// Attempt is one try to reach the resident of a signal.
type Attempt struct {
	ID      string
	Kind    AttemptKind
	On      Date
	Part    DayPart
	Reached bool
	Note    string
}

// AttemptKind is how an attempt was made.
type AttemptKind string

const (
	AttemptLetter AttemptKind = "letter"
	AttemptPhone  AttemptKind = "phone"
	AttemptVisit  AttemptKind = "home_visit"
	AttemptText   AttemptKind = "sms" // SMS or WhatsApp
	AttemptEmail  AttemptKind = "email"
)

// AttemptKinds lists the kinds in the order a form offers them.
var AttemptKinds = []AttemptKind{AttemptPhone, AttemptVisit, AttemptLetter, AttemptText, AttemptEmail}

func (k AttemptKind) Valid() bool { return slices.Contains(AttemptKinds, k) }

// DayPart is the part of the day an attempt was made in.
type DayPart string

const (
	PartMorning   DayPart = "morning"
	PartAfternoon DayPart = "afternoon"
	PartEvening   DayPart = "evening"
)

// DayParts lists the parts of the day in order.
var DayParts = []DayPart{PartMorning, PartAfternoon, PartEvening}

func (p DayPart) Valid() bool { return slices.Contains(DayParts, p) }

// SignalOutcome is how the outreach of a signal ended.
type SignalOutcome string

const (
	OutcomeOpen        SignalOutcome = ""
	OutcomeAccepted    SignalOutcome = "accepted"        // accepted help: the signal became a case
	OutcomeDeclined    SignalOutcome = "declined"        // reached, does not want help
	OutcomeInHelp      SignalOutcome = "already_in_help" // already helped elsewhere
	OutcomePaid        SignalOutcome = "paid"            // settled by paying
	OutcomeNotReached  SignalOutcome = "not_reached"     // not reached after the attempts
	OutcomeMoved       SignalOutcome = "moved"
	OutcomeOtherReason SignalOutcome = "other"
)

// SignalOutcomes lists the outcomes; ClosingOutcomes those a signal is
// closed with by hand (accepted comes from turning it into a case).
var (
	SignalOutcomes  = []SignalOutcome{OutcomeAccepted, OutcomeDeclined, OutcomeInHelp, OutcomePaid, OutcomeNotReached, OutcomeMoved, OutcomeOtherReason}
	ClosingOutcomes = SignalOutcomes[1:]
)

func (o SignalOutcome) Valid() bool { return o == OutcomeOpen || slices.Contains(SignalOutcomes, o) }

// Limits of a signal.
const (
	MaxAttempts    = 50  // attempts on one signal
	MaxAttemptNote = 200 // an attempt's short note
)

// Refusals of the signal rules.
var (
	ErrSignalClosed   = errors.New("the signal is closed")
	ErrFutureAttempt  = errors.New("the attempt's date is after today")
	ErrAttemptEarly   = errors.New("the attempt's date is before the signal came in")
	ErrTooManyAttempt = errors.New("the signal has the most attempts it can hold")
)

// Open is true while the outreach goes on.
func (s ArrearsSignal) Open() bool { return s.Outcome == OutcomeOpen }

// Reached is true when an attempt reached the resident.
func (s ArrearsSignal) Reached() bool {
	return slices.ContainsFunc(s.Attempts, func(a Attempt) bool { return a.Reached })
}

// AttemptsToReach is how many attempts it took to reach the resident (the
// reaching one included), or 0 when they were not reached.
func (s ArrearsSignal) AttemptsToReach() int {
	for i, a := range s.Attempts {
		if a.Reached {
			return i + 1
		}
	}
	return 0
}

// PersonKey is who a signal is about, as a double is recognised by: the
// name and address, case- and space-blind.
func (s ArrearsSignal) PersonKey() string {
	norm := func(v string) string { return strings.Join(strings.Fields(strings.ToLower(v)), " ") }
	return norm(s.Name) + "|" + norm(s.Address)
}

// Validate checks a signal before it is stored: known kinds, lengths, no
// BSN in any text.
func (s ArrearsSignal) Validate() error {
	switch {
	case s.Partner == SignalNone || !s.Partner.Valid():
		return &InvalidError{Field: "partner", Value: string(s.Partner)}
	case s.Received.IsZero():
		return &InvalidError{Field: "date", Value: ""}
	case s.AmountCents < 0 || s.AmountCents > MaxAmount:
		return &InvalidError{Field: "amount", Value: FormatAmount(s.AmountCents, Dutch)}
	case strings.TrimSpace(s.Name) == "":
		return &InvalidError{Field: "name", Value: ""}
	case !s.Outcome.Valid():
		return &InvalidError{Field: "outcome", Value: string(s.Outcome)}
	case len(s.Attempts) > MaxAttempts:
		return &LimitError{Field: "attempts", Limit: MaxAttempts, Got: len(s.Attempts)}
	}
	for _, f := range []struct {
		name, v string
		limit   int
	}{{"name", s.Name, MaxName}, {"address", s.Address, MaxShort}, {"phone", s.Phone, MaxShort}} {
		if err := checkLen(f.name, f.v, f.limit); err != nil {
			return err
		}
		if HasBSN(f.v) {
			return &BSNFieldError{Field: f.name}
		}
	}
	for _, a := range s.Attempts {
		if err := a.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// Validate checks an attempt's kinds and note.
func (a Attempt) Validate() error {
	switch {
	case !a.Kind.Valid():
		return &InvalidError{Field: "kind", Value: string(a.Kind)}
	case !a.Part.Valid():
		return &InvalidError{Field: "part", Value: string(a.Part)}
	case a.On.IsZero():
		return &InvalidError{Field: "date", Value: ""}
	}
	if err := checkLen("note", a.Note, MaxAttemptNote); err != nil {
		return err
	}
	if HasBSN(a.Note) {
		return &BSNFieldError{Field: "note"}
	}
	return nil
}

// BSNFieldError: a field of a signal holds a number that looks like a BSN,
// which Houvast never keeps.
type BSNFieldError struct{ Field string }

func (e *BSNFieldError) Error() string { return e.Field + " holds a number that looks like a BSN" }

// LogAttempt adds an attempt to an open signal: not in the future, not
// before the signal came in, its note cleaned.
func LogAttempt(s ArrearsSignal, a Attempt, today Date) (ArrearsSignal, error) {
	a.Note = CleanText(a.Note, false)
	switch {
	case !s.Open():
		return s, ErrSignalClosed
	case len(s.Attempts) >= MaxAttempts:
		return s, ErrTooManyAttempt
	case a.On.After(today):
		return s, ErrFutureAttempt
	case a.On.Before(s.Received):
		return s, ErrAttemptEarly
	}
	if err := a.Validate(); err != nil {
		return s, err
	}
	s.Attempts = append(slices.Clone(s.Attempts), a)
	return s, nil
}

// CloseSignal ends the outreach with an outcome other than accepting help.
func CloseSignal(s ArrearsSignal, o SignalOutcome, on Date) (ArrearsSignal, error) {
	switch {
	case !s.Open():
		return s, ErrSignalClosed
	case o == OutcomeOpen || o == OutcomeAccepted || !o.Valid():
		return s, &InvalidError{Field: "outcome", Value: string(o)}
	}
	s.Outcome, s.ClosedOn = o, on
	return s, nil
}

// partnerThreat is the threat a crisis signal of a partner means.
var partnerThreat = map[SignalKind]Threat{
	SignalHousing:  ThreatEviction,
	SignalLandlord: ThreatEviction,
	SignalEnergy:   ThreatEnergy,
	SignalWater:    ThreatWater,
	SignalInsurer:  ThreatInsurance,
}

// AcceptSignal is what a case made from a signal starts with: the source
// (early warning, the partner, the signal's date), the request for help on
// the day it is accepted, so the first conversation's clock starts, and the
// threat a crisis signal means. The resident's name is the signal's.
func AcceptSignal(s ArrearsSignal, today Date) (CaseSpec, error) {
	if !s.Open() {
		return CaseSpec{}, ErrSignalClosed
	}
	spec := CaseSpec{
		Name:        s.Name,
		Start:       today,
		Source:      Source{Kind: SourceEarlyWarning, Signal: s.Partner, SignalDate: s.Received},
		RequestedOn: today,
	}
	if s.Crisis {
		spec.Threat = partnerThreat[s.Partner]
	}
	return spec, nil
}

// Accepted marks a signal as having become a case.
func Accepted(s ArrearsSignal, caseID string, on Date) ArrearsSignal {
	s.Outcome, s.ClosedOn, s.CaseID = OutcomeAccepted, on, caseID
	return s
}

// SortByUrgency orders signals as the outreach takes them: crisis first,
// then the larger amount, then the older signal.
func SortByUrgency(signals []ArrearsSignal) {
	slices.SortStableFunc(signals, func(a, b ArrearsSignal) int {
		if a.Crisis != b.Crisis {
			if a.Crisis {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(b.AmountCents, a.AmountCents), a.Received.Compare(b.Received), cmp.Compare(a.ID, b.ID))
	})
}

// SignalDueForErasure is true for a signal that did not become a case and
// whose retention period has passed: counted from its closing, or from its
// date while it stays open.
func SignalDueForErasure(s ArrearsSignal, today Date, months int) bool {
	if s.Outcome == OutcomeAccepted {
		return false // it lives on in its case, and goes with it
	}
	since := s.Received
	if !s.ClosedOn.IsZero() {
		since = s.ClosedOn
	}
	return !since.AddMonths(months).After(today)
}

// ParseSignalDate reads a date as a signal platform writes it: 2026-11-20,
// 20-11-2026 or 20/11/2026.
func ParseSignalDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if y, m, d, ok := isoParts(s); ok {
		return validDate(y, m, d)
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	if len(parts) == 3 && len(parts[2]) == 4 {
		var n [3]int
		for i, p := range parts {
			if len(p) == 0 || len(p) > 4 {
				return Date{}, ErrDateInput
			}
			for _, r := range p {
				if r < '0' || r > '9' {
					return Date{}, ErrDateInput
				}
				n[i] = n[i]*10 + int(r-'0')
			}
		}
		return validDate(n[2], n[1], n[0])
	}
	return Date{}, ErrDateInput
}
