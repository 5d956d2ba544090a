// Package actionlist is Houvast's domain: cases, steps, phases, dosing,
// progress, templates and events. It is pure: no SQL, no UI, no files.
package actionlist

import (
	"time"
)

// Case is one household's file (dossier).
type Case struct {
	ID           string // stable identity across laptops (a UUID)
	Ref          string // the short reference people say and type
	Name         string // the resident's first name or alias; never a full ID
	Participants []Participant
	Status       CaseStatus
	Language     CaseLang // the resident's language, for the summary
	Dose         int      // how many open steps are "now" at once
	Start        Date
	Target       Date // target end of stabilisation
	Next         Appointment
	Source       Source
	RequestedOn  Date   // the day the resident asked for help: the Wgs clock starts
	Threat       Threat // eviction, cut-off or the end of health insurance threatens
	FirstTalkOn  Date   // the day of the first conversation: the Wgs clock stops
	Template     string // the template the case was made from
	ClosedOn     Date
	CloseReason  CloseReason
	Stabilised   Date             // the day stabilisation ended: an arrangement or aftercare began
	Screening    *Screening       // the latest profile screening (with the one before it); nil: none yet
	Decision     *ProfileDecision // the specialist's answer to the screening's advice
	Signals      []Signal         // arrears signals recorded during aftercare
	Agreements   []Agreement
	Debts        []Debt // the creditors' claims, in the order they were added
	Steps        []Step
	Created      time.Time
	Updated      time.Time
}

// Participant is a person in the case: the resident, the generalist, a
// volunteer. Contact is optional and only what the team needs.
type Participant struct {
	Name    string `json:"name"`
	Role    Role   `json:"role"`
	Contact string `json:"contact,omitempty"`
}

// Appointment is the next conversation. A zero At means none is planned.
type Appointment struct {
	At    time.Time // local wall time, minutes precision
	Place string
	With  string
}

func (a Appointment) IsZero() bool { return a.At.IsZero() }

// Source is how the case started.
type Source struct {
	Kind       SourceKind
	Signal     SignalKind // only for early warning
	SignalDate Date
}

// Agreement is what was agreed in a conversation.
type Agreement struct {
	ID   string
	Date Date
	Who  string
	What string
}

// Step is one small, concrete action.
type Step struct {
	ID           string
	Key          string // the template's identifier, "" for steps added by hand
	Phase        Phase
	Order        int // place within the phase
	Title        string
	Why          string
	After        string // the expectation: what happens once this is done
	Owner        Role
	OwnerName    string
	Due          Date
	Status       StepStatus
	DoneOn       Date
	DoneBy       string
	InternalNote string // for the team only: never leaves in a resident's or volunteer's file
	WorkNote     string // what the one doing the step noted (a volunteer's "called, letter follows")
	ResidentNote string
	DependsOn    []string // IDs of steps that must be finished first
	Pin          Pin
	Days         int    // typical number of days the step takes
	Outcome      string // what came of it (a referral's result); for the team
	// The resident's own plan for a step of theirs, made together in the
	// conversation: when and where they will do it, and what they do if
	// it does not work out. Both optional.
	WhenWhere string
	IfNot     string
}

// Overdue is true for an unfinished step whose due date has passed.
func (s *Step) Overdue(today Date) bool {
	return !s.Status.Finished() && !s.Due.IsZero() && s.Due.Before(today)
}

// StepByID returns the step with the given ID and its index, or -1.
func (c Case) StepByID(id string) (*Step, int) {
	for i := range c.Steps {
		if c.Steps[i].ID == id {
			return &c.Steps[i], i
		}
	}
	return nil, -1
}

// Participant returns the first participant with the role, if any.
func (c Case) Participant(r Role) (Participant, bool) {
	for _, p := range c.Participants {
		if p.Role == r {
			return p, true
		}
	}
	return Participant{}, false
}

// Default dose and stabilisation length.
const (
	DefaultDose       = 3
	MinDose           = 1
	MaxDose           = 7
	DefaultTargetDays = 120 // NVVK: stabilisation at most about 4 months
)

// ClampDose keeps a dose within what makes sense on one screen.
func ClampDose(n int) int {
	return max(MinDose, min(MaxDose, n))
}
