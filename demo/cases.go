package demo

import (
	"fmt"
	"slices"
	"time"

	"houvast/actionlist"
)

// The rest of the demo's caseload, besides Fatima's case. Each case shows
// something the case list and the agenda are for:
//
//   - Joyce, in intake: her landlord has the bailiff announce an eviction;
//     she asked for help two days ago, so the first conversation has to be
//     held within 3 working days (it is planned for the next working day)
//     and the crisis clock of 2 weeks runs;
//   - Kees, in stabilisation, slipping: three of Marieke's steps and one of
//     the generalist's are late, one is due this week, the volunteer's step
//     is over a week late, the end of stabilisation is near, and he comes in
//     today;
//   - Sevgi, in aftercare, with her first check-in due this week;
//   - Ricardo, in a debt arrangement, quiet: nothing needs anyone this week.
//
// All dates are counted from today, so the demo always looks current.

// The people of the other cases. First names only.
const (
	joyce, kees, sevgi, ricardo = "Joyce", "Kees", "Sevgi", "Ricardo"
	joost, latifa               = "Joost", "Latifa" // volunteers
	ellen                       = "Ellen"           // a second generalist
)

var marieke = actionlist.Actor{Name: specialist, Role: actionlist.RoleSpecialist}

// week is how far the agenda looks ahead: today and the six days after it.
const week = actionlist.AgendaWeek

// say is a text in the case's language.
func say(l actionlist.Lang, nl, en string) string {
	if l == actionlist.English {
		return en
	}
	return nl
}

// at is a moment on a day, in local time.
func at(d actionlist.Date, hour, minute int) time.Time {
	return d.Time(time.Local).Add(time.Duration(hour)*time.Hour + time.Duration(minute)*time.Minute)
}

// workdayBefore is the day itself when people work on it, else the last
// working day before it.
func workdayBefore(d actionlist.Date) actionlist.Date {
	for !actionlist.IsWorkingDay(d) {
		d = d.AddDays(-1)
	}
	return d
}

// workdayWithin is the first working day from d on, or the last one before
// it when that would pass last; d itself when neither lies within first and
// last.
func workdayWithin(d, first, last actionlist.Date) actionlist.Date {
	w := d
	for !actionlist.IsWorkingDay(w) {
		w = w.AddDays(1)
	}
	if w.After(last) {
		w = workdayBefore(d)
	}
	if w.Before(first) || w.After(last) {
		return d
	}
	return w
}

// story writes one case's history in the order it happened: the case as it
// was opened, then each change to one of its steps or to the whole case.
type story struct {
	ex   Example
	now  actionlist.Case // the case after the changes so far
	last time.Time
	who  map[actionlist.Role]actionlist.Actor // who ticks off a step of a role
}

func newStory(c actionlist.Case, created time.Time) *story {
	s := &story{ex: Example{Case: c, Created: created}, now: c, last: created}
	s.now.Steps = slices.Clone(c.Steps)
	// The specialist ticks off what was done in a conversation; the
	// generalist and the volunteer tick off their own.
	s.who = map[actionlist.Role]actionlist.Actor{
		actionlist.RoleResident:   marieke,
		actionlist.RoleSpecialist: marieke,
		actionlist.RoleTogether:   marieke,
		actionlist.RoleVolunteer:  marieke,
		actionlist.RoleGeneralist: marieke,
	}
	if p, ok := c.Participant(actionlist.RoleGeneralist); ok {
		s.who[actionlist.RoleGeneralist] = actionlist.Actor{Name: p.Name, Role: actionlist.RoleGeneralist}
	}
	if p, ok := c.Participant(actionlist.RoleVolunteer); ok {
		v := actionlist.Actor{Name: p.Name, Role: actionlist.RoleVolunteer}
		s.who[actionlist.RoleVolunteer], s.who[actionlist.RoleTogether] = v, v
	}
	return s
}

// moment keeps the history in order: a change is never recorded before the
// one written before it.
func (s *story) moment(t time.Time) time.Time {
	if !t.After(s.last) {
		t = s.last.Add(7 * time.Minute)
	}
	s.last = t
	return t
}

// step is the index of the step with a template key.
func (s *story) step(key string) int {
	i := slices.IndexFunc(s.now.Steps, func(st actionlist.Step) bool { return st.Key == key })
	if i < 0 {
		panic(fmt.Sprintf("demo: case %s has no step %q", s.now.Name, key))
	}
	return i
}

// edit changes the step with a template key; change is given the moment
// the change is recorded at.
func (s *story) edit(key string, when time.Time, by actionlist.Actor, change func(actionlist.Step, time.Time) actionlist.Step) {
	i := s.step(key)
	before := s.now.Steps[i]
	stamp := s.moment(when)
	after := change(before, stamp)
	s.ex.Changes = append(s.ex.Changes, Change{At: stamp, Actor: by, Before: before, After: after})
	s.now.Steps[i] = after
}

// set changes a step with a plain function of it.
func (s *story) set(key string, when time.Time, by actionlist.Actor, change func(actionlist.Step) actionlist.Step) {
	s.edit(key, when, by, func(st actionlist.Step, _ time.Time) actionlist.Step { return change(st) })
}

// tick ticks off a step, by whoever does steps of its owner.
func (s *story) tick(key string, when time.Time, note string) {
	by := s.who[s.now.Steps[s.step(key)].Owner]
	s.edit(key, when, by, func(st actionlist.Step, stamp time.Time) actionlist.Step {
		on := actionlist.DateOf(stamp)
		after := actionlist.TickOff(st, on, by.Name)
		if after.Due.IsZero() {
			after.Due = on
		}
		after.ResidentNote = note
		return after
	})
}

// progress ticks off steps in the order given, spread evenly over the
// working days from one day to another, at different hours.
func (s *story) progress(from, to actionlist.Date, keys ...string) {
	span := max(0, from.DaysUntil(to))
	for i, k := range keys {
		day := from
		if len(keys) > 1 {
			day = from.AddDays(span * i / (len(keys) - 1))
		}
		s.tick(k, at(workdayWithin(day, from, to), 9+(i*3)%8, (i*25)%60), "")
	}
}

// skip marks steps as not applicable, as the specialist does when a step
// does not fit the household.
func (s *story) skip(day actionlist.Date, keys ...string) {
	for _, k := range keys {
		s.set(k, at(day, 11, 0), marieke, func(st actionlist.Step) actionlist.Step {
			return actionlist.SetStatus(st, actionlist.StepNotApplicable, day, specialist)
		})
	}
}

// due gives a step a date, as agreed in a conversation.
func (s *story) due(key string, when time.Time, on actionlist.Date) {
	s.set(key, when, marieke, func(st actionlist.Step) actionlist.Step {
		st.Due = on
		return st
	})
}

// open lists the keys of the unfinished steps of the phases, in plan order,
// but for those left out.
func (s *story) open(leaveOut []string, phases ...actionlist.Phase) []string {
	var out []string
	for _, st := range s.now.Steps {
		if slices.Contains(phases, st.Phase) && !st.Status.Finished() && !slices.Contains(leaveOut, st.Key) {
			out = append(out, st.Key)
		}
	}
	return out
}

// whole changes the case itself, as the screens save a stage or an
// appointment: its own fields and whatever steps change with them.
func (s *story) whole(when time.Time, by actionlist.Actor, change func(actionlist.Case) (actionlist.Case, error)) {
	before := s.now
	before.Steps = slices.Clone(s.now.Steps)
	in := before
	in.Steps = slices.Clone(before.Steps)
	after, err := change(in)
	if err != nil {
		panic(fmt.Sprintf("demo: case %s: %v", s.now.Name, err))
	}
	after.Steps = slices.Clone(after.Steps)
	s.ex.Changes = append(s.ex.Changes, Change{At: s.moment(when), Actor: by, Whole: &CaseChange{Before: before, After: after}})
	s.now = after
	s.now.Steps = slices.Clone(after.Steps)
}

// plan gives the steps in the resident's view a date from a day on, as
// after a real conversation.
func (s *story) plan(when time.Time) {
	day := actionlist.DateOf(when)
	for _, p := range actionlist.PlanDueDates(actionlist.Dose(s.now.Steps, s.now.Dose, day), day) {
		s.due(p.Key, when, p.Due)
	}
}

// intakeCase is Joyce: the bailiff announced an eviction for the rent
// arrears; she asked for help herself two days ago, through the
// municipality's form, and has not had her first conversation yet.
func intakeCase(lang actionlist.Lang, today actionlist.Date, newID func() string) Example {
	asked := today.AddDays(-2)
	c := actionlist.NewCase(actionlist.CaseSpec{
		Name: joyce, Language: lang.Case(), Dose: 2, Start: asked,
		Template: actionlist.DefaultTemplate(lang),
		Participants: []actionlist.Participant{
			{Name: joyce, Role: actionlist.RoleResident, Contact: "06-12344021"},
			{Name: generalist, Role: actionlist.RoleGeneralist},
			{Name: specialist, Role: actionlist.RoleSpecialist},
		},
		Source: actionlist.Source{Kind: actionlist.SourceSelf},
	}, newID)
	c.Status = actionlist.CaseIntake
	c.RequestedOn, c.Threat = asked, actionlist.ThreatEviction
	// The first conversation, at her home with the generalist, on the next
	// working day: within the 3 working days, and on the last of them when
	// yesterday and today are working days.
	c.Next = actionlist.Appointment{
		At:    at(actionlist.AddWorkingDays(today, 1), 10, 0),
		Place: say(lang, "Bij Joyce thuis", "At Joyce's home"),
		With:  generalist + ", " + specialist,
	}
	c.Agreements = []actionlist.Agreement{{ID: newID(), Date: asked, Who: joyce + ", " + specialist,
		What: say(lang, "Joyce belt Marieke meteen als de deurwaarder aan de deur komt.",
			"Joyce calls Marieke at once if the bailiff comes to the door.")}}
	s := newStory(c, at(asked, 9, 40))
	s.set("crisis-threats", at(asked, 14, 10), marieke, func(st actionlist.Step) actionlist.Step {
		st.Status = actionlist.StepInProgress
		st.WorkNote = say(lang,
			"Woningcorporatie gebeld: de ontruiming gaat door, tenzij er binnen twee weken een voorstel ligt.",
			"Called the housing association: the eviction goes ahead unless there is a proposal within two weeks.")
		st.InternalNote = say(lang,
			"Drie maanden huurachterstand; de aanzegging van de deurwaarder gezien. Twee kinderen thuis.",
			"Three months' rent arrears; saw the bailiff's notice. Two children at home.")
		return st
	})
	return s.ex
}

// slippingCase is Kees: three months into stabilisation, and behind.
// Marieke's own steps (the protected income above all: the bailiff takes
// too much of his wages) and the generalist's are late, the volunteer is
// stuck on a login code, and he comes in this afternoon.
func slippingCase(lang actionlist.Lang, today actionlist.Date, newID func() string) Example {
	start := workdayBefore(today.AddDays(-102))
	c := actionlist.NewCase(actionlist.CaseSpec{
		Name: kees, Language: lang.Case(), Dose: 3, Start: start,
		Template: actionlist.DefaultTemplate(lang),
		Participants: []actionlist.Participant{
			{Name: kees, Role: actionlist.RoleResident},
			{Name: joost, Role: actionlist.RoleVolunteer, Contact: "06-12348810"},
			{Name: ellen, Role: actionlist.RoleGeneralist},
			{Name: specialist, Role: actionlist.RoleSpecialist},
		},
		Source: actionlist.Source{Kind: actionlist.SourceGP},
	}, newID)
	c.RequestedOn, c.FirstTalkOn = start.AddDays(-9), start
	c.Agreements = []actionlist.Agreement{{ID: newID(), Date: start.AddDays(14), Who: kees + ", " + specialist,
		What: say(lang, "Kees betaalt elke maand eerst de huur en de zorgverzekering.",
			"Kees pays the rent and the health insurance first, every month.")}}
	s := newStory(c, at(start, 10, 0))
	s.skip(start, "crisis-pause", "crisis-moratorium", "overview-alimony", "overview-childcare", "overview-car")
	s.progress(start.AddDays(1), today.AddDays(-23),
		"crisis-threats", "crisis-urgent-post", "other-screening", "crisis-small-arrears",
		"other-volunteer", "other-meet-schedule",
		"overview-id", "overview-payslips", "overview-contract", "overview-benefit-decisions",
		"overview-allowance-decisions", "overview-health-policy", "overview-rent", "overview-meters",
		"overview-tax", "overview-story", "overview-application", "overview-sort-post",
		"overview-debt-letters", "overview-cjib", "overview-bkr", "overview-income-data",
		"other-life-areas", "income-allowances-change", "income-remission", "income-allowances",
		"other-referral", "fixed-pay-first", "fixed-list", "fixed-cancel-contracts", "fixed-no-new-debts")
	// Three weeks ago Joost took on the provisional tax assessment.
	s.due("income-provisional-tax", at(workdayBefore(today.AddDays(-21)), 15, 0), workdayBefore(today.AddDays(-11)))
	// Two weeks ago: dates for Marieke's and Ellen's next steps, and the
	// next appointment, today.
	talk := at(workdayBefore(today.AddDays(-14)), 15, 0)
	s.set("income-floor-check", talk, marieke, func(st actionlist.Step) actionlist.Step {
		st.Due = workdayBefore(today.AddDays(-9))
		st.InternalNote = say(lang,
			"De deurwaarder houdt te veel in op zijn loon; de beslagvrije voet klopt waarschijnlijk niet.",
			"The bailiff keeps too much of his wages; the protected income is probably set too low.")
		return st
	})
	s.due("overview-debts-checked", talk, workdayBefore(today.AddDays(-6)))
	s.due("income-benefits", talk, workdayBefore(today.AddDays(-5)))
	s.due("fixed-budget-plan", talk, workdayBefore(today.AddDays(-2)))
	s.due("fixed-health-agreement", talk, workdayWithin(today.AddDays(3), today.AddDays(1), today.AddDays(week)))
	s.whole(talk, marieke, func(c actionlist.Case) (actionlist.Case, error) {
		c.Next = actionlist.Appointment{At: at(today, 13, 30), Place: "Wijkcentrum Oost", With: ellen + ", " + specialist}
		return c, nil
	})
	s.set("income-provisional-tax", at(today.AddDays(-9), 19, 15), s.who[actionlist.RoleVolunteer], func(st actionlist.Step) actionlist.Step {
		st.Status = actionlist.StepInProgress
		st.WorkNote = say(lang,
			"Lukt nog niet: Kees is zijn DigiD-code kwijt. Nieuwe aangevraagd, die komt per post.",
			"Not done yet: Kees lost his DigiD code. Asked for a new one; it comes by post.")
		return st
	})
	return s.ex
}

// checkInMoveDay is a working day about three months before today on which
// a case moved to aftercare has its first check-in in the days ahead.
func checkInMoveDay(today actionlist.Date) actionlist.Date {
	for d := today.AddMonths(-3).AddDays(-3); d.Before(today.AddMonths(-3).AddDays(8)); d = d.AddDays(1) {
		if due := d.AddMonths(actionlist.DefaultCheckInMonths[0]); actionlist.IsWorkingDay(d) &&
			due.After(today.AddDays(1)) && !due.After(today.AddDays(5)) {
			return d
		}
	}
	return today.AddDays(3).AddMonths(-3)
}

// aftercareCase is Sevgi: the energy company was about to cut her off;
// stabilisation went well, the debts were settled with payment plans, and
// three months ago her case moved to aftercare. Her first check-in, with
// the volunteer, is due this week.
func aftercareCase(lang actionlist.Lang, today actionlist.Date, newID func() string) Example {
	moved := checkInMoveDay(today)
	start := workdayBefore(moved.AddDays(-112))
	asked := workdayBefore(start.AddDays(-1))
	c := actionlist.NewCase(actionlist.CaseSpec{
		Name: sevgi, Language: lang.Case(), Dose: 3, Start: start,
		Template: actionlist.DefaultTemplate(lang),
		Participants: []actionlist.Participant{
			{Name: sevgi, Role: actionlist.RoleResident},
			{Name: latifa, Role: actionlist.RoleVolunteer, Contact: "06-12346154"},
			{Name: ellen, Role: actionlist.RoleGeneralist},
			{Name: specialist, Role: actionlist.RoleSpecialist},
		},
		Source: actionlist.Source{Kind: actionlist.SourceEarlyWarning, Signal: actionlist.SignalEnergy, SignalDate: asked.AddDays(-10)},
	}, newID)
	c.RequestedOn, c.Threat, c.FirstTalkOn = asked, actionlist.ThreatEnergy, start
	c.Agreements = []actionlist.Agreement{{ID: newID(), Date: start.AddDays(20), Who: sevgi + ", " + latifa,
		What: say(lang, "Sevgi en Latifa kijken elke maand samen naar de betaalkalender.",
			"Sevgi and Latifa go over the payment calendar together every month.")}}
	s := newStory(c, at(start, 9, 30))
	s.skip(start, "crisis-moratorium", "overview-alimony", "overview-car")
	// The crisis first: the energy company agreed to wait within a week.
	s.progress(start.AddDays(1), start.AddDays(9),
		"crisis-threats", "crisis-pause", "crisis-small-arrears", "crisis-urgent-post",
		"other-screening", "other-volunteer", "other-meet-schedule")
	s.progress(start.AddDays(10), start.AddDays(40), s.open(nil, actionlist.PhaseOverview)...)
	s.progress(start.AddDays(41), start.AddDays(58), s.open([]string{"income-floor-correct"}, actionlist.PhaseIncome)...)
	s.skip(start.AddDays(58), "income-floor-correct")
	s.progress(start.AddDays(60), moved.AddDays(-12),
		append(s.open(nil, actionlist.PhaseFixedCosts, actionlist.PhaseCreditors), s.open(nil, actionlist.PhaseOtherHelp)...)...)
	s.progress(moved.AddDays(-11), moved.AddDays(-5), "closing-stability", "closing-capacity", "closing-route")
	// Settled with payment plans: no arrangement, so no file for the credit bank.
	s.skip(moved.AddDays(-5), "closing-file-complete", "closing-credit-bank", "closing-refusal")
	s.tick("closing-record-end", at(moved.AddDays(-2), 16, 0), "")
	move := at(moved, 10, 30)
	s.whole(move, marieke, func(c actionlist.Case) (actionlist.Case, error) {
		return actionlist.MoveToAftercare(c, moved, actionlist.AftercarePlan{By: specialist}, newID)
	})
	s.due("aftercare-signals", move, moved.AddMonths(12))
	course := at(moved.AddDays(40), 14, 0)
	s.tick("aftercare-course", course, say(lang, "Mooi dat je de cursus hebt afgemaakt!", "Great that you finished the course!"))
	s.due("aftercare-peer", course, today.AddDays(21))
	return s.ex
}

// arrangementCase is Ricardo: stabilisation is over, the credit bank runs
// his debt arrangement, and nothing needs anyone this week.
func arrangementCase(lang actionlist.Lang, today actionlist.Date, newID func() string) Example {
	arranged := workdayBefore(today.AddDays(-35))
	start := workdayBefore(arranged.AddDays(-110))
	c := actionlist.NewCase(actionlist.CaseSpec{
		Name: ricardo, Language: lang.Case(), Dose: 2, Start: start,
		Template: actionlist.DefaultTemplate(lang),
		Participants: []actionlist.Participant{
			{Name: ricardo, Role: actionlist.RoleResident, Contact: "06-12341187"},
			{Name: generalist, Role: actionlist.RoleGeneralist},
			{Name: specialist, Role: actionlist.RoleSpecialist},
		},
		Source: actionlist.Source{Kind: actionlist.SourceNeighborhood},
	}, newID)
	c.RequestedOn, c.FirstTalkOn = start.AddDays(-12), start
	c.Agreements = []actionlist.Agreement{{ID: newID(), Date: start.AddDays(7), Who: ricardo + ", " + specialist,
		What: say(lang, "Ricardo neemt elke nieuwe brief over geld mee naar het gesprek.",
			"Ricardo brings every new letter about money to the conversation.")}}
	s := newStory(c, at(start, 11, 0))
	s.skip(start, "crisis-pause", "crisis-moratorium", "overview-alimony", "overview-childcare",
		"income-provisional-tax", "other-volunteer", "other-meet-schedule")
	// The check-ins are planned when the arrangement ends, in about 18
	// months: agreed at the start, so the date is there when the step
	// comes into view.
	s.due("aftercare-plan", at(start, 11, 30), arranged.AddDays(548))
	s.progress(start.AddDays(1), start.AddDays(6), "crisis-threats", "crisis-urgent-post", "other-screening", "crisis-small-arrears")
	s.progress(start.AddDays(8), arranged.AddDays(-20), s.open(nil, actionlist.PhaseOverview, actionlist.PhaseIncome,
		actionlist.PhaseFixedCosts, actionlist.PhaseCreditors, actionlist.PhaseOtherHelp)...)
	s.progress(arranged.AddDays(-19), arranged.AddDays(-4),
		"closing-stability", "closing-capacity", "closing-route", "closing-file-complete", "closing-credit-bank")
	// Every creditor agreed: the court is not needed.
	s.skip(arranged.AddDays(-2), "closing-refusal")
	talk := at(arranged, 10, 0)
	s.tick("closing-record-end", talk, say(lang, "Je schuldregeling is begonnen. Goed volgehouden!", "Your debt arrangement has started. Well done for keeping at it!"))
	s.whole(talk, marieke, func(c actionlist.Case) (actionlist.Case, error) {
		c, err := actionlist.StartArrangement(c, arranged)
		c.Next = actionlist.Appointment{At: at(workdayBefore(today.AddDays(20)), 10, 30), Place: "Gemeentehuis", With: specialist}
		return c, err
	})
	// The check-ins are for when the arrangement ends, not now.
	s.set("aftercare-plan", talk, marieke, actionlist.PushBack)
	s.plan(talk)
	return s.ex
}
