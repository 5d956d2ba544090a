// Package demo makes the example cases of `houvast demo`: a small caseload
// in every stage, around today, for trying Houvast out and for training;
// and the made-up cases of `houvast seed`.
package demo

import (
	"context"
	"fmt"
	"slices"
	"time"

	"houvast/actionlist"
)

// Change is one thing that happened to a demo case, replayed through the
// store so the history looks like real use: a change of one step, or, with
// Whole set, of the case itself.
type Change struct {
	At     time.Time
	Actor  actionlist.Actor
	Before actionlist.Step
	After  actionlist.Step
	// Whole is a change of the case as the screens save one (moving it to
	// an arrangement or to aftercare, planning the next appointment): its
	// own fields and the steps that change with them. Before and After are
	// then empty.
	Whole *CaseChange
}

// CaseChange is the whole case before and after a change of it. Their IDs
// are left empty: the case gets its ID when it is stored.
type CaseChange struct {
	Before, After actionlist.Case
}

// Example is a demo case as created, and what happened to it since.
type Example struct {
	Case    actionlist.Case
	Changes []Change
	Created time.Time
	// AsMade is true for a history that holds every due date it gave (the
	// synthetic ones): replayed by store.Bulk, which adds none.
	AsMade bool
}

// The people of the example. Names only: the demo holds nothing real.
const (
	resident   = "Fatima"
	volunteer  = "Sanne"
	generalist = "Ahmed"
	specialist = "Marieke"
)

// Cases builds the demo's caseload around today, Fatima's case (Case)
// first; see cases.go for the others. Every case is the specialist
// Marieke's, so the agenda has something of each kind to show.
func Cases(lang actionlist.Lang, today actionlist.Date, newID func() string) []Example {
	return []Example{
		Case(lang, today, newID),
		intakeCase(lang, today, newID),
		slippingCase(lang, today, newID),
		aftercareCase(lang, today, newID),
		arrangementCase(lang, today, newID),
	}
}

// Case builds the example around today: started 45 days ago, the crisis
// handled, papers mostly gathered, one step overdue, a volunteer at work,
// an agreement made, the next appointment planned and a dozen debts in
// every state of their balance request.
func Case(lang actionlist.Lang, today actionlist.Date, newID func() string) Example {
	start := today.AddDays(-45)
	spec := actionlist.CaseSpec{
		Name: resident, Language: lang.Case(), Dose: 3, Start: start,
		Template: actionlist.DefaultTemplate(lang),
		Participants: []actionlist.Participant{
			{Name: resident, Role: actionlist.RoleResident},
			{Name: volunteer, Role: actionlist.RoleVolunteer, Contact: "06-12345678"},
			{Name: generalist, Role: actionlist.RoleGeneralist},
			{Name: specialist, Role: actionlist.RoleSpecialist},
		},
		Source: actionlist.Source{Kind: actionlist.SourceEarlyWarning, Signal: actionlist.SignalHousing, SignalDate: start.AddDays(-12)},
	}
	c := actionlist.NewCase(spec, newID)
	c.Next = actionlist.Appointment{
		At:    today.AddDays(7).Time(time.Local).Add(14 * time.Hour),
		Place: "Buurthuis De Linde",
		With:  generalist + ", " + specialist,
	}
	agreed := map[actionlist.Lang]string{
		actionlist.Dutch:   "Fatima opent elke vrijdag samen met Sanne de post.",
		actionlist.English: "Fatima opens the post with Sanne every Friday.",
	}
	c.Agreements = []actionlist.Agreement{{ID: newID(), Date: start.AddDays(14), Who: resident + ", " + volunteer, What: agreed[lang]}}
	c.Debts = fatimaDebts(lang, start, newID)
	ex := Example{Case: c, Created: start.Time(time.Local).Add(10 * time.Hour)}

	who := map[actionlist.Role]actionlist.Actor{
		actionlist.RoleResident:   {Name: specialist, Role: actionlist.RoleSpecialist}, // ticked off in the conversation
		actionlist.RoleSpecialist: {Name: specialist, Role: actionlist.RoleSpecialist},
		actionlist.RoleGeneralist: {Name: generalist, Role: actionlist.RoleGeneralist},
		actionlist.RoleVolunteer:  {Name: volunteer, Role: actionlist.RoleVolunteer},
		actionlist.RoleTogether:   {Name: volunteer, Role: actionlist.RoleVolunteer},
	}
	steps := slices.Clone(c.Steps)
	day := 1
	tick := func(i int, note string) {
		s := steps[i]
		on := start.AddDays(min(day, 44))
		after := actionlist.TickOff(s, on, who[s.Owner].Name)
		if s.Due.IsZero() {
			after.Due = on
		}
		after.ResidentNote = note
		ex.Changes = append(ex.Changes, Change{At: on.Time(time.Local).Add(11 * time.Hour), Actor: who[s.Owner], Before: s, After: after})
		steps[i] = after
		day += 3
	}
	well := map[actionlist.Lang]string{actionlist.Dutch: "Goed gedaan: de huur is weer veilig.", actionlist.English: "Well done: the rent is safe again."}
	doneIn := map[actionlist.Phase]float64{actionlist.PhaseCrisis: 1, actionlist.PhaseOverview: 0.7}
	counts := map[actionlist.Phase]int{}
	for _, s := range steps {
		counts[s.Phase]++
	}
	seen := map[actionlist.Phase]int{}
	first := true
	for i, s := range steps {
		seen[s.Phase]++
		if float64(seen[s.Phase]) <= doneIn[s.Phase]*float64(counts[s.Phase]) {
			note := ""
			if first {
				note, first = well[lang], false
			}
			tick(i, note)
		}
	}
	// One of the resident's own steps went past its date; one volunteer task
	// is under way with a note.
	for i, s := range steps {
		if s.Status == actionlist.StepOpen && s.Owner == actionlist.RoleResident && s.Phase == actionlist.PhaseOverview {
			after := s
			after.Due = today.AddDays(-3)
			after.InternalNote = map[actionlist.Lang]string{
				actionlist.Dutch:   "Vindt dit lastig; volgende keer samen doen.",
				actionlist.English: "Finds this hard; do it together next time.",
			}[lang]
			ex.Changes = append(ex.Changes, Change{At: today.AddDays(-10).Time(time.Local).Add(15 * time.Hour), Actor: who[actionlist.RoleSpecialist], Before: s, After: after})
			steps[i] = after
			break
		}
	}
	var volunteerTasks []int
	for i, s := range steps {
		if !s.Status.Finished() && s.Owner == actionlist.RoleVolunteer {
			volunteerTasks = append(volunteerTasks, i)
		}
	}
	if len(volunteerTasks) > 0 {
		i := volunteerTasks[0]
		s := steps[i]
		after := actionlist.TickOff(s, today.AddDays(-4), volunteer)
		after.Due = today.AddDays(-2)
		after.WorkNote = map[actionlist.Lang]string{
			actionlist.Dutch:   "Drie dozen post gesorteerd; de aanmaningen zitten in de blauwe map.",
			actionlist.English: "Sorted three boxes of post; the reminders are in the blue folder.",
		}[lang]
		ex.Changes = append(ex.Changes, Change{At: today.AddDays(-4).Time(time.Local).Add(16 * time.Hour), Actor: who[actionlist.RoleVolunteer], Before: s, After: after})
		steps[i] = after
	}
	if len(volunteerTasks) > 1 {
		i := volunteerTasks[1]
		s := steps[i]
		after := s
		after.Status = actionlist.StepInProgress
		after.Due = today.AddDays(4)
		after.WorkNote = map[actionlist.Lang]string{
			actionlist.Dutch:   "Formulier half ingevuld; loonstrook van oktober ontbreekt nog.",
			actionlist.English: "Form half filled in; the October pay slip is still missing.",
		}[lang]
		ex.Changes = append(ex.Changes, Change{At: today.AddDays(-2).Time(time.Local).Add(16 * time.Hour), Actor: who[actionlist.RoleVolunteer], Before: s, After: after})
		steps[i] = after
	}
	// Whatever is now in view gets a date, as after a real conversation.
	now := actionlist.Dose(steps, c.Dose, today)
	for _, planned := range actionlist.PlanDueDates(now, today.AddDays(-7)) {
		for i := range steps {
			if steps[i].ID == planned.ID {
				ex.Changes = append(ex.Changes, Change{At: today.AddDays(-7).Time(time.Local).Add(15 * time.Hour), Actor: who[actionlist.RoleSpecialist], Before: steps[i], After: planned})
				steps[i] = planned
			}
		}
	}
	slices.SortStableFunc(ex.Changes, func(a, b Change) int { return a.At.Compare(b.At) })
	return ex
}

// Recorder is what replaying the example needs of a store.
type Recorder interface {
	CreateCase(ctx context.Context, actor actionlist.Actor, c actionlist.Case) (actionlist.Case, error)
	UpdateStep(ctx context.Context, actor actionlist.Actor, before, after actionlist.Step) (actionlist.Step, error)
	// Step reads a step as stored: the store dates a step that enters Now
	// by itself, and the change that follows starts from that.
	Step(ctx context.Context, id string) (actionlist.Step, error)
}

// rebase moves the change from before to after onto the step as stored.
func rebase(stored func(id string) (actionlist.Step, bool), before, after actionlist.Step) (actionlist.Step, actionlist.Step) {
	cur, ok := stored(before.ID)
	if !ok {
		return before, after
	}
	next := cur
	_, conflicts, err := actionlist.ApplyStepChanges(&next, actionlist.StepChanges(before, after))
	if err != nil {
		return before, after
	}
	for _, c := range conflicts {
		if _, _, err := actionlist.ApplyStepChanges(&next, []actionlist.Change{{Field: c.Field, Old: c.Theirs, New: c.Mine}}); err != nil {
			return before, after
		}
	}
	return cur, next
}

// CaseSaver is what replaying a change of the whole case needs of a store
// besides a Recorder (the store's SaveCase). Only the demo's own cases
// have such changes; synthetic ones replay on a Recorder alone.
type CaseSaver interface {
	SaveCase(ctx context.Context, actor actionlist.Actor, before, after actionlist.Case) (actionlist.Case, error)
}

// Replay stores the example and then each change, with setClock called
// first so every event carries the moment it happened. It returns the case
// as it was created.
func (ex Example) Replay(ctx context.Context, r Recorder, setClock func(time.Time)) (actionlist.Case, error) {
	setClock(ex.Created)
	c, err := r.CreateCase(ctx, actionlist.Actor{Name: specialist, Role: actionlist.RoleSpecialist}, ex.Case)
	if err != nil {
		return c, fmt.Errorf("make the example case: %w", err)
	}
	stored := func(id string) (actionlist.Step, bool) {
		st, err := r.Step(ctx, id)
		return st, err == nil
	}
	for _, ch := range ex.Changes {
		setClock(ch.At)
		if ch.Whole == nil {
			before, after := rebase(stored, ch.Before, ch.After)
			if _, err := r.UpdateStep(ctx, ch.Actor, before, after); err != nil {
				return c, fmt.Errorf("make the example case %s: %w", ex.Case.Name, err)
			}
			continue
		}
		saver, ok := r.(CaseSaver)
		if !ok {
			return c, fmt.Errorf("make the example case %s: this store cannot save a whole case", ex.Case.Name)
		}
		before, after := ch.Whole.Before, ch.Whole.After
		before.ID, after.ID = c.ID, c.ID
		before.Steps, after.Steps = slices.Clone(before.Steps), slices.Clone(after.Steps)
		for i, st := range before.Steps {
			if j := slices.IndexFunc(after.Steps, func(a actionlist.Step) bool { return a.ID == st.ID }); j >= 0 {
				before.Steps[i], after.Steps[j] = rebase(stored, st, after.Steps[j])
			}
		}
		if _, err := saver.SaveCase(ctx, ch.Actor, before, after); err != nil {
			return c, fmt.Errorf("make the example case %s: %w", ex.Case.Name, err)
		}
	}
	return c, nil
}
