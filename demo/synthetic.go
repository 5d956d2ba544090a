package demo

import (
	"fmt"
	"iter"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"houvast/actionlist"
)

// Made-up people and texts for synthetic cases. Names only, nothing real.
var (
	firstNames = []string{
		"Fatima", "Kees", "Sanne", "Mohammed", "Anouk", "Jan", "Samira", "Pieter", "Noor", "Daan",
		"Yasmin", "Bram", "Ilse", "Ahmed", "Lotte", "Tarik", "Esther", "Ricardo", "Mila", "Henk",
		"Zoë", "Émile", "Ayşe", "Joost", "Priya", "Wim", "Nadia", "Gerrit", "Chantal", "Youssef",
		"Marieke", "Dennis", "Aaliyah", "Ruud", "Kim", "Orlando", "Saskia", "Mehmet", "Femke", "Roy",
		"Hanneke", "Kofi", "Bianca", "Stijn", "Olga", "Hakan", "Naomi", "Sven", "Latoya", "Bert",
		"Ewa", "Dirk", "Soraya", "Thijs", "Miriam", "Ravi", "Ingrid", "Jorge", "Loes", "Anil",
	}
	initials    = []rune("ABCDEGHJKLMNOPRSTVWZ")
	places      = []string{"Buurthuis De Linde", "Wijkcentrum Oost", "Thuis", "Gemeentehuis", "Bibliotheek", "Telefonisch", "Buurtteam West", "Spreekuur Kerkstraat"}
	volunteers  = []string{"Sanne", "Joost", "Marloes", "Henk", "Latifa", "Koen", "Wendy", "Otto"}
	generalists = []string{"Ahmed", "Ellen", "Gijs", "Ranya", "Tom"}
	specialists = []string{"Marieke", "Jeroen", "Fenna", "Rachid"}
	// Team notes are in the team's language, Dutch.
	internalNotes = []string{
		"Belt liever 's ochtends.",
		"Heeft moeite met lezen; samen doorlopen.",
		"Partner weet ervan.",
		"Zorgverzekeraar belt terug.",
		"Brief is onderweg.",
		"Schaamt zich; rustig aan doen.",
		"Werkt in ploegen: afspraken na 15:00.",
		"Verhuurder wil eerst een voorstel zien.",
		"Wacht op beslissing over de toeslag.",
		"Tolk nodig bij het volgende gesprek.",
	}
	workNotes = []string{
		"Gebeld, ze sturen een brief.",
		"Samen het formulier ingevuld.",
		"Post gesorteerd; aanmaningen in de blauwe map.",
		"Nog niet gelukt: inlogcode kwijt.",
		"Kopie gemaakt en meegegeven.",
		"Afspraak gemaakt voor volgende week.",
	}
	residentNotes = map[actionlist.Lang][]string{
		actionlist.Dutch: {
			"Goed gedaan!",
			"Neem de brief mee naar de volgende afspraak.",
			"Lukt het niet? Bel dan even.",
			"Dit was een grote stap.",
		},
		actionlist.English: {
			"Well done!",
			"Bring the letter to the next appointment.",
			"If it does not work out, give us a call.",
			"This was a big step.",
		},
	}
	agreementTexts = map[actionlist.Lang][]string{
		actionlist.Dutch: {
			"Opent elke week de post.",
			"Betaalt eerst de huur, dan de rest.",
			"Neemt nieuwe brieven mee naar elk gesprek.",
			"Belt de specialist als er een deurwaarder komt.",
			"Sluit geen nieuwe abonnementen af.",
		},
		actionlist.English: {
			"Opens the post every week.",
			"Pays the rent first, then the rest.",
			"Brings new letters to every conversation.",
			"Calls the specialist if a bailiff comes.",
			"Takes out no new subscriptions.",
		},
	}
)

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// Synthetic makes a realistic made-up case for load tests and benchmarks:
// steps from the default template (a spread over the phases when fewer are
// asked, the template repeated when more), with its dependencies, a progress
// that depends on how long ago the case started, dates, notes, agreements
// and an appointment. The same rng gives the same case.
func Synthetic(rng *rand.Rand, n, steps int, today actionlist.Date, newID func() string) actionlist.Case {
	lang := actionlist.Dutch
	if rng.IntN(5) == 0 {
		lang = actionlist.English
	}
	tmpl := actionlist.DefaultTemplate(lang)
	name := pick(rng, firstNames)
	if rng.IntN(2) == 0 {
		name = fmt.Sprintf("%s %c.", name, pick(rng, initials))
	}
	start := today.AddDays(-rng.IntN(400))
	vol := pick(rng, volunteers)
	spec := pick(rng, specialists)
	c := actionlist.Case{
		Ref:      fmt.Sprintf("S%05d", n),
		Name:     name,
		Status:   actionlist.CaseStabilisation,
		Language: lang.Case(),
		Dose:     2 + rng.IntN(4),
		Start:    start,
		Target:   start.AddDays(actionlist.DefaultTargetDays),
		Template: tmpl.ID,
		Participants: []actionlist.Participant{
			{Name: name, Role: actionlist.RoleResident},
			{Name: vol, Role: actionlist.RoleVolunteer},
			{Name: spec, Role: actionlist.RoleSpecialist},
		},
		Source: actionlist.Source{Kind: pick(rng, actionlist.SourceKinds)},
	}
	if rng.IntN(3) > 0 {
		c.Participants = append(c.Participants, actionlist.Participant{Name: pick(rng, generalists), Role: actionlist.RoleGeneralist})
	}
	if c.Source.Kind == actionlist.SourceEarlyWarning {
		c.Source.Signal = pick(rng, actionlist.SignalKinds)
		c.Source.SignalDate = start.AddDays(-rng.IntN(30))
	}
	age := start.DaysUntil(today)
	switch {
	case age > 300:
		c.Status = actionlist.CaseAftercare
	case age > 200:
		c.Status = actionlist.CaseArrangement
	case age < 5:
		c.Status = actionlist.CaseIntake
	}
	if rng.IntN(12) == 0 {
		c.Status = actionlist.CaseClosed
		c.ClosedOn = today.AddDays(-rng.IntN(60))
		c.CloseReason = pick(rng, actionlist.CloseReasons)
	}
	if c.Status != actionlist.CaseClosed && rng.IntN(3) > 0 {
		at := today.AddDays(rng.IntN(21)).Time(time.Local).Add(time.Duration(9*60+15*rng.IntN(32)) * time.Minute)
		with := spec
		if g, ok := c.Participant(actionlist.RoleGeneralist); ok {
			with = g.Name + ", " + spec
		}
		c.Next = actionlist.Appointment{At: at, Place: pick(rng, places), With: with}
	}
	c.Steps = syntheticSteps(rng, c, tmpl, steps, today, newID)
	for range rng.IntN(4) {
		c.Agreements = append(c.Agreements, actionlist.Agreement{
			ID: newID(), Date: start.AddDays(rng.IntN(max(1, age))),
			Who: name, What: pick(rng, agreementTexts[lang]),
		})
	}
	// A step in the resident's view always says by when, as after a real
	// conversation.
	if c.Status != actionlist.CaseClosed {
		planned := today.AddDays(-rng.IntN(14))
		for _, p := range actionlist.PlanDueDates(actionlist.Dose(c.Steps, c.Dose, today), planned) {
			if st, _ := c.StepByID(p.ID); st != nil {
				st.Due = p.Due
			}
		}
	}
	clockDates(rng, &c, today)
	return c
}

// clockDates dates what the clocks of debt help run on. The request for
// help came in days or weeks before the case's start (a few later than the
// law's 4 weeks), one in six under a threat and then within 3 working days;
// the first conversation opened the case on its start, except in intake,
// where it is still to come and the clock runs. A threat goes only to young
// cases and to those whose crisis steps are all finished, so old cases show
// no crisis clock that ran out long ago. A case in an arrangement or in
// aftercare ended stabilisation around its target, some of them late.
// Drawn last, so everything else about the case is as the same rng made
// it before.
func clockDates(rng *rand.Rand, c *actionlist.Case, today actionlist.Date) {
	threat := rng.IntN(6) == 0
	kind := pick(rng, actionlist.Threats)
	before := rng.IntN(3)
	if !threat {
		before = 1 + rng.IntN(30)
	}
	stabilised := c.Start.AddDays(80 + rng.IntN(60))
	c.RequestedOn = c.Start.AddDays(-before)
	if c.Status != actionlist.CaseIntake {
		c.FirstTalkOn = c.Start
	}
	if threat && (c.Start.DaysUntil(today) <= actionlist.CrisisDays || crisisFinished(c.Steps)) {
		c.Threat = kind
	}
	if (c.Status == actionlist.CaseArrangement || c.Status == actionlist.CaseAftercare) && !stabilised.After(today) {
		c.Stabilised = stabilised
	}
}

// crisisFinished is true when no crisis step is open.
func crisisFinished(steps []actionlist.Step) bool {
	for _, s := range steps {
		if s.Phase == actionlist.PhaseCrisis && !s.Status.Finished() {
			return false
		}
	}
	return true
}

func syntheticSteps(rng *rand.Rand, c actionlist.Case, tmpl actionlist.Template, steps int, today actionlist.Date, newID func() string) []actionlist.Step {
	per := len(tmpl.Steps)
	// Which template steps: all of them (repeated) or a spread over the plan.
	picks := make([]int, 0, steps)
	if steps < per {
		picks = append(picks, rng.Perm(per)[:steps]...)
		slices.Sort(picks)
	} else {
		for i := range steps {
			picks = append(picks, i)
		}
	}
	type copyKey struct {
		copy int
		key  string
	}
	ids := make(map[copyKey]string, len(picks))
	for _, p := range picks {
		ids[copyKey{p / per, tmpl.Steps[p%per].Key}] = newID()
	}
	owner := func(r actionlist.Role) string {
		if r == actionlist.RoleTogether {
			r = actionlist.RoleVolunteer
		}
		if p, ok := c.Participant(r); ok {
			return p.Name
		}
		return ""
	}
	spec, _ := c.Participant(actionlist.RoleSpecialist)
	age := c.Start.DaysUntil(today)
	share := min(1, float64(age)/float64(actionlist.DefaultTargetDays)) // how far along
	order := map[actionlist.Phase]int{}
	out := make([]actionlist.Step, 0, len(picks))
	for _, p := range picks {
		ts := tmpl.Steps[p%per]
		round := p / per
		s := actionlist.Step{
			ID: ids[copyKey{round, ts.Key}], Key: ts.Key, Phase: ts.Phase, Order: order[ts.Phase],
			Title: ts.Title, Why: ts.Why, After: ts.After, Owner: ts.Owner,
			OwnerName: owner(ts.Owner), Status: actionlist.StepOpen, Days: ts.Days,
		}
		if round > 0 {
			s.Title = fmt.Sprintf("%s (%d)", ts.Title, round+1)
		}
		for _, dep := range ts.DependsOn {
			if id, ok := ids[copyKey{round, dep}]; ok {
				s.DependsOn = append(s.DependsOn, id)
			}
		}
		order[ts.Phase]++
		place := float64(ts.Phase.Index()) / float64(len(actionlist.Phases))
		switch r := rng.Float64(); {
		case place < share*0.9 && r < 0.9:
			s.Status = actionlist.StepDone
			s.DoneOn = c.Start.AddDays(int(place * float64(age)))
			s.DoneBy = spec.Name
			if ts.Owner == actionlist.RoleVolunteer {
				s.DoneBy = s.OwnerName
			}
			if rng.IntN(8) == 0 {
				s.ResidentNote = pick(rng, residentNotes[c.Language.Working()])
			}
		case r < 0.05:
			s.Status = actionlist.StepNotApplicable
		case r < 0.15:
			s.Status = actionlist.StepInProgress
		case r < 0.2:
			s.Status = actionlist.StepWaiting
		}
		if !s.Status.Finished() && rng.IntN(4) == 0 {
			s.Due = today.AddDays(rng.IntN(40) - 10)
		}
		if rng.IntN(6) == 0 {
			s.InternalNote = pick(rng, internalNotes)
		}
		if s.OwnerName != "" && s.Owner != actionlist.RoleResident && s.Status != actionlist.StepOpen && rng.IntN(3) == 0 {
			s.WorkNote = pick(rng, workNotes)
		}
		out = append(out, s)
	}
	return out
}

// SyntheticExample is a synthetic case with a history: the case as it was
// opened, and then exactly events step events (when it has steps) spread
// from its start until now. Steps finished or under way were opened as
// open and move on at a moment of their own (a tick-off is three events:
// the state, the day and who); the rest of the events are dates and notes
// written along the way. Replaying it through a store leaves the case as
// Synthetic makes it, give or take dates and notes. The same rng and now
// give the same example.
func SyntheticExample(rng *rand.Rand, n, steps, events int, now time.Time, newID func() string) Example {
	today := actionlist.DateOf(now)
	final := Synthetic(rng, n, steps, today, newID)
	c := final
	c.Steps = slices.Clone(final.Steps)
	clamp := func(t time.Time) time.Time {
		if t.After(now) {
			return now
		}
		return t
	}
	created := clamp(final.Start.Time(time.Local).Add(time.Duration(8*60+rng.IntN(9*60)) * time.Minute))
	ex := Example{Case: c, Created: created, AsMade: true}
	if events <= 0 || len(c.Steps) == 0 {
		return ex
	}
	age := max(1, final.Start.DaysUntil(today))
	// moment is a working hour on a day, never before the case was opened
	// nor after now.
	moment := func(day actionlist.Date) time.Time {
		t := day.Time(time.Local).Add(time.Duration(8*60+rng.IntN(9*60)) * time.Minute)
		if t.Before(created) {
			t = created.Add(time.Duration(1+rng.IntN(60)) * time.Minute)
		}
		return clamp(t)
	}
	someDay := func() actionlist.Date { return final.Start.AddDays(rng.IntN(age)) }

	spec, _ := c.Participant(actionlist.RoleSpecialist)
	specialist := actionlist.Actor{Name: spec.Name, Role: actionlist.RoleSpecialist}
	actorFor := func(s actionlist.Step) actionlist.Actor {
		if s.Owner == actionlist.RoleVolunteer || s.Owner == actionlist.RoleTogether {
			return actionlist.Actor{Name: s.OwnerName, Role: actionlist.RoleVolunteer}
		}
		return specialist
	}
	type plannedChange struct {
		at    time.Time
		step  int
		actor actionlist.Actor
		apply func(actionlist.Step) actionlist.Step // changes exactly cost fields
	}
	var plan []plannedChange
	left := events

	// About half the events move steps on: they were open when the case was
	// opened.
	moves := events / 2
	for _, i := range rng.Perm(len(c.Steps)) {
		f := final.Steps[i]
		cost := 1
		switch f.Status {
		case actionlist.StepOpen:
			continue
		case actionlist.StepDone:
			cost = 3 // status, done_on, done_by
		}
		if cost > moves {
			continue
		}
		moves -= cost
		left -= cost
		c.Steps[i] = actionlist.SetStatus(f, actionlist.StepOpen, actionlist.Date{}, "")
		day := f.DoneOn
		if day.IsZero() {
			day = someDay()
		}
		plan = append(plan, plannedChange{at: moment(day), step: i, actor: actorFor(f),
			apply: func(s actionlist.Step) actionlist.Step {
				s.Status, s.DoneOn, s.DoneBy = f.Status, f.DoneOn, f.DoneBy
				return s
			}})
	}
	// The rest: one field each, a date moved or a note written.
	for ; left > 0; left-- {
		i := rng.IntN(len(c.Steps))
		f := final.Steps[i]
		pc := plannedChange{at: moment(someDay()), step: i, actor: specialist}
		switch k := rng.IntN(4); {
		case k == 0 && !f.Status.Finished():
			pc.apply = func(s actionlist.Step) actionlist.Step {
				if s.Due.IsZero() {
					s.Due = actionlist.DateOf(pc.at).AddDays(max(1, s.Days))
				} else {
					s.Due = s.Due.AddDays(7 * (1 + rng.IntN(3)))
				}
				return s
			}
		case k == 1 && f.OwnerName != "" && f.Owner != actionlist.RoleResident:
			pc.actor = actorFor(f)
			pc.apply = func(s actionlist.Step) actionlist.Step {
				s.WorkNote = other(rng, workNotes, s.WorkNote)
				return s
			}
		case k == 2:
			pc.apply = func(s actionlist.Step) actionlist.Step {
				s.ResidentNote = other(rng, residentNotes[c.Language.Working()], s.ResidentNote)
				return s
			}
		default:
			pc.apply = func(s actionlist.Step) actionlist.Step {
				s.InternalNote = other(rng, internalNotes, s.InternalNote)
				return s
			}
		}
		plan = append(plan, pc)
	}
	slices.SortStableFunc(plan, func(a, b plannedChange) int { return a.at.Compare(b.at) })
	cur := slices.Clone(c.Steps)
	for _, p := range plan {
		after := p.apply(cur[p.step])
		ex.Changes = append(ex.Changes, Change{At: p.at, Actor: p.actor, Before: cur[p.step], After: after})
		cur[p.step] = after
	}
	return ex
}

// other picks a text from xs that differs from now, so a change always
// changes something.
func other(rng *rand.Rand, xs []string, now string) string {
	i := rng.IntN(len(xs))
	if xs[i] == now {
		i = (i + 1) % len(xs)
	}
	return xs[i]
}

// Events counts the events replaying the example's changes records (not
// those of creating the case): one per changed field, one per step a
// change of the whole case adds, and one per step the store dates because
// a change brought it into Now (but for a history AsMade). It replays the changes in memory as the
// store does, each onto the steps as they stand.
func (ex Example) Events() int {
	n := 0
	kase := ex.Case
	kase.Steps = slices.Clone(ex.Case.Steps)
	stored := func(id string) (actionlist.Step, bool) {
		st, _ := kase.StepByID(id)
		if st == nil {
			return actionlist.Step{}, false
		}
		return *st, true
	}
	for _, ch := range ex.Changes {
		was := kase
		was.Steps = slices.Clone(kase.Steps)
		if ch.Whole == nil {
			before, after := rebase(stored, ch.Before, ch.After)
			n += len(actionlist.StepChanges(before, after))
			if _, i := kase.StepByID(after.ID); i >= 0 {
				kase.Steps[i] = after
			}
		} else {
			n += len(actionlist.CaseChanges(ch.Whole.Before, ch.Whole.After))
			steps := kase.Steps
			kase = ch.Whole.After
			kase.Steps = slices.Clone(steps)
			for _, after := range ch.Whole.After.Steps {
				if _, i := kase.StepByID(after.ID); i >= 0 {
					if before, _ := ch.Whole.Before.StepByID(after.ID); before != nil {
						b, a := rebase(stored, *before, after)
						n += len(actionlist.StepChanges(b, a))
						kase.Steps[i] = a
					}
				} else {
					n++
					kase.Steps = append(kase.Steps, after)
				}
			}
		}
		if ex.AsMade {
			continue
		}
		for _, p := range actionlist.DueDatesOnEntry(was.Steps, was.Dose, kase.Steps, kase.Dose, actionlist.DateOf(ch.At)) {
			n++
			if st, _ := kase.StepByID(p.ID); st != nil {
				st.Due = p.Due
			}
		}
	}
	return n
}

// SyntheticExamples yields cases synthetic examples with steps steps and
// events events over them all, shared unevenly as in a real caseload: some
// cases are long, many short; events go to cases with steps, in proportion.
// Their references run from S00001. The same rng and now give the same
// examples.
func SyntheticExamples(rng *rand.Rand, cases, steps, events int, now time.Time, newID func() string) iter.Seq[Example] {
	perCase := spread(rng, steps, cases, nil)
	eventsPerCase := spread(rng, events, cases, perCase)
	return func(yield func(Example) bool) {
		for i := range cases {
			if !yield(SyntheticExample(rng, i+1, perCase[i], eventsPerCase[i], now, newID)) {
				return
			}
		}
	}
}

// spread shares total over n: by random weights, or, given weights, in
// proportion to them (a zero weight gets nothing).
func spread(rng *rand.Rand, total, n int, weights []int) []int {
	out := make([]int, n)
	w := make([]float64, n)
	sum := 0.0
	var eligible []int
	for i := range n {
		switch {
		case weights == nil:
			w[i] = 0.2 + rng.ExpFloat64()
		case weights[i] > 0:
			w[i] = float64(weights[i])
		}
		if w[i] > 0 {
			sum += w[i]
			eligible = append(eligible, i)
		}
	}
	if total <= 0 || len(eligible) == 0 {
		return out
	}
	// Rounding the running total keeps the sum exact and every share >= 0.
	cum, prev := 0.0, 0
	for k, i := range eligible {
		cum += w[i]
		next := int(math.Round(float64(total) * cum / sum))
		if k == len(eligible)-1 {
			next = total
		}
		out[i] = next - prev
		prev = next
	}
	return out
}
