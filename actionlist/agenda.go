package actionlist

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// AgendaKind is why something is on the caseworker's agenda.
type AgendaKind string

const (
	AgendaDeadlinePassed AgendaKind = "deadline_passed" // a clock of debt help ran out
	AgendaDeadlineClose  AgendaKind = "deadline_close"  // a clock runs out within days
	AgendaAppointment    AgendaKind = "appointment"     // a conversation today or this week
	AgendaStepOverdue    AgendaKind = "step_overdue"    // a step of the specialist's (or generalist's) is late
	AgendaStepDue        AgendaKind = "step_due"        // a step of the specialist's (or generalist's) is due this week
	AgendaCheckIn        AgendaKind = "check_in"        // an aftercare talk is due, late or missed
	AgendaVolunteerLate  AgendaKind = "volunteer_late"  // a volunteer's step is over a week late: call the volunteer
)

// AgendaWeek is how many days after today the agenda looks: today and the
// six days after it make a week.
const AgendaWeek = 6

// VolunteerLateDays is how late a volunteer's step is before the
// specialist is asked to call: a week of slack, since volunteers have
// lives of their own.
const VolunteerLateDays = 7

// AgendaItem is one thing that needs the caseworker, with why.
type AgendaItem struct {
	Kind              AgendaKind
	CaseID, Ref, Name string
	Step              Step         // the step, for step and check-in items
	Deadline          Deadline     // for deadline items
	CheckIn           CheckInState // for check-in items
	At                time.Time    // an appointment's time
	Place             string       // an appointment's place
	With              string       // who an appointment is with
	When              Date         // the day it is about: due, deadline, appointment
	Days              int          // from today to When: negative is late
	// Generalist: a step the neighbourhood team's generalist owns, listed
	// apart so the specialist can pass it on.
	Generalist bool
}

// HasStep is true for an item about one step (which can be ticked off or
// moved from the agenda).
func (it AgendaItem) HasStep() bool { return it.Step.ID != "" }

// rank orders the kinds by urgency: what is late or runs out first, then
// today's appointments and own steps, then the rest of the week; the
// generalist's steps after the specialist's own.
func (it AgendaItem) rank() int {
	switch it.Kind {
	case AgendaDeadlinePassed:
		return 0
	case AgendaStepOverdue:
		if it.Generalist {
			return 6
		}
		return 1
	case AgendaAppointment:
		if it.Days == 0 {
			return 2
		}
		return 7
	case AgendaDeadlineClose:
		return 3
	case AgendaCheckIn:
		if it.Days < 0 || it.CheckIn == CheckInMissed {
			return 4
		}
		return 8
	case AgendaVolunteerLate:
		return 5
	case AgendaStepDue:
		switch {
		case it.Generalist:
			return 10
		case it.Days == 0:
			return 2 // today's own steps beside today's appointments
		}
		return 9
	}
	return 11
}

// Agenda lists what needs the caseworker today and in the days after it
// (days ≥ 0; 6 is the rest of the week), across the open cases, most urgent
// first, each item saying why it is there:
//   - a clock of debt help that ran out, or runs out within its warning days;
//   - appointments from today to the last day;
//   - the specialist's and the generalist's steps that are late or due by then;
//   - aftercare talks due by then, late or missed;
//   - volunteers' steps more than a week late.
//
// It needs only the cases' unfinished steps due by the last day and their
// crisis steps (store's AgendaCases reads just those).
func Agenda(cases []Case, today Date, days int) []AgendaItem {
	last := today.AddDays(max(0, days))
	var out []AgendaItem
	for _, c := range cases {
		if c.Status == CaseClosed {
			continue
		}
		base := AgendaItem{CaseID: c.ID, Ref: c.Ref, Name: c.Name}
		for _, k := range Deadlines(c) {
			if !k.Running() {
				continue
			}
			it := base
			it.Deadline, it.When, it.Days = k, k.Due, today.DaysUntil(k.Due)
			switch {
			case k.Passed(today):
				it.Kind = AgendaDeadlinePassed
			case k.Close(today):
				it.Kind = AgendaDeadlineClose
			default:
				continue
			}
			out = append(out, it)
		}
		if at := c.Next.At; !at.IsZero() {
			if d := DateOf(at); !d.Before(today) && !d.After(last) {
				it := base
				it.Kind, it.At, it.Place, it.With, it.When, it.Days = AgendaAppointment, at, c.Next.Place, c.Next.With, d, today.DaysUntil(d)
				out = append(out, it)
			}
		}
		for _, s := range c.Steps {
			if s.Status.Finished() || s.Due.IsZero() || s.Due.After(last) {
				continue
			}
			it := base
			it.Step, it.When, it.Days = s, s.Due, today.DaysUntil(s.Due)
			switch {
			case IsCheckIn(s):
				if c.Status != CaseAftercare {
					continue
				}
				it.Kind, it.CheckIn = AgendaCheckIn, CheckInStateOf(s, today, days)
			case s.Owner == RoleSpecialist, s.Owner == RoleGeneralist:
				it.Kind, it.Generalist = AgendaStepDue, s.Owner == RoleGeneralist
				if s.Due.Before(today) {
					it.Kind = AgendaStepOverdue
				}
			case VolunteerDoes(c, s) && s.Due.DaysUntil(today) > VolunteerLateDays:
				it.Kind = AgendaVolunteerLate
			default:
				continue
			}
			out = append(out, it)
		}
	}
	// Sort the places, not the items: an item is large, and a caseload's
	// agenda holds a thousand of them.
	order := make([]int, len(out))
	ranks := make([]int, len(out))
	for i := range out {
		order[i], ranks[i] = i, out[i].rank()
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := &out[i], &out[j]
		return cmp.Or(
			cmp.Compare(ranks[i], ranks[j]),
			a.When.Compare(b.When),
			a.At.Compare(b.At),
			cmp.Compare(a.Ref, b.Ref),
			planOrderOf(&a.Step, &b.Step),
		)
	})
	sorted := make([]AgendaItem, len(out))
	for k, i := range order {
		sorted[k] = out[i]
	}
	return sorted
}

var agendaWords = map[AgendaKind]words{
	AgendaDeadlinePassed: {"termijn voorbij", "deadline passed"},
	AgendaDeadlineClose:  {"termijn bijna om", "deadline close"},
	AgendaAppointment:    {"afspraak", "appointment"},
	AgendaStepOverdue:    {"te laat", "overdue"},
	AgendaStepDue:        {"komt eraan", "coming up"},
	AgendaCheckIn:        {"nazorggesprek", "aftercare talk"},
	AgendaVolunteerLate:  {"bel de vrijwilliger", "call the volunteer"},
}

// AgendaKindLabel names why an item is on the agenda, in a language.
func AgendaKindLabel(k AgendaKind, l Lang) string { return label(agendaWords, k, l) }

// VolunteerDoes reports whether a volunteer does a step: the volunteer's
// own, or one done together with the resident when the helper is a
// volunteer (one of the case's, or nobody named). A step not applicable is
// nobody's.
func VolunteerDoes(c Case, s Step) bool {
	if s.Status == StepNotApplicable {
		return false
	}
	switch s.Owner {
	case RoleVolunteer:
		return true
	case RoleTogether:
		name := strings.TrimSpace(s.OwnerName)
		if name == "" {
			return true
		}
		for _, p := range c.Participants {
			if p.Role == RoleVolunteer && strings.EqualFold(strings.TrimSpace(p.Name), name) {
				return true
			}
		}
	}
	return false
}
