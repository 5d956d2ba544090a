package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"houvast/actionlist"
	"houvast/store"
)

// The resident's own plan for a step of theirs: when and where they will
// do it, and what they do if it does not work out. Typed in the
// conversation, with the resident, in their words.

// residentsStep is true for a step the resident does, alone or together.
func residentsStep(s actionlist.Step) bool { return residentsRole(s.Owner) }

// residentsRole is the same for a role, as chosen in e's form.
func residentsRole(r actionlist.Role) bool {
	return r == actionlist.RoleResident || r == actionlist.RoleTogether
}

func residentsStepInNow(m Model) bool {
	sel, ok := m.cs.selected()
	return ok && residentsStep(sel)
}

func whyNotResidents(t *text) string { return t.PlanOnlyResident }

// planValues are the plan's two fields, in W's form and on the last page
// of e's.
type planValues struct{ whenWhere, ifNot string }

func planOf(s actionlist.Step) planValues {
	return planValues{whenWhere: s.WhenWhere, ifNot: s.IfNot}
}

// onto is s with the plan as typed.
func (v planValues) onto(s actionlist.Step) actionlist.Step {
	s.WhenWhere = actionlist.CleanText(v.whenWhere, false)
	s.IfNot = actionlist.CleanText(v.ifNot, false)
	return s
}

// planFields ask the plan, held to the limits the store holds it to.
func (m Model) planFields(v *planValues) []huh.Field {
	return []huh.Field{
		m.stepInput("when_where", m.t.FieldWhenWhere, m.t.FieldWhenWhereHint, &v.whenWhere),
		m.stepInput("if_not", m.t.FieldIfNot, m.t.FieldIfNotHint, &v.ifNot),
	}
}

// stepInput is a one-line field for the step field of that stored name,
// with its limit from the field registry.
func (m Model) stepInput(name, title, hint string, value *string) *huh.Input {
	f, _ := actionlist.LookupStepField(name)
	return huh.NewInput().Title(title).Description(hint).Value(value).
		CharLimit(f.Limit + 1).Validate(m.limited(f.Limit))
}

func (m Model) openPlanForm(s actionlist.Step) (tea.Model, tea.Cmd) {
	v := planOf(s)
	return m.openForm(m.planForm(s, &v))
}

func (m Model) planForm(orig actionlist.Step, v *planValues) *form {
	submit := func(m Model) (Model, tea.Cmd) {
		after := v.onto(orig)
		m.retry = func(m Model) *form { return m.planForm(m.current(orig), v) }
		next, cmd := m.stepChange([]store.StepEdit{{Before: orig, After: after}}, clean(orig.Title), m.t.StepSaved)
		return next.(Model), cmd
	}
	intro := huh.NewNote().Title(clean(orig.Title)).Description(m.t.PlanIntro)
	return m.newForm(m.t.PlanTitle, submit, huh.NewGroup(append([]huh.Field{intro}, m.planFields(v)...)...))
}

// whyNow says, in the status line, why the chosen step is in Now: the
// reason the dose gave when it put it there.
func (m Model) whyNow(s actionlist.Step) (tea.Model, tea.Cmd) {
	m.status = status{text: reasonText(m.cs.dosing.Why[s.ID], m, m.t)}
	return m, nil
}

// reasonText puts the dose's reason into words.
func reasonText(r actionlist.Reason, m Model, t *text) string {
	switch r.Place {
	case actionlist.NowPinned:
		return t.WhyPinned
	case actionlist.NowOverdue:
		return fmt.Sprintf(t.WhyOverdue, shortDate(r.Since, m.today(), m.lang))
	case actionlist.NowUnderWay:
		return t.WhyUnderWay
	case actionlist.NowNext:
		return fmt.Sprintf(t.WhyNext, r.Rank)
	case actionlist.NowRoom:
		return t.WhyRoom
	case actionlist.LaterWaits:
		return fmt.Sprintf(t.WhyWaits, m.stepTitles(r.WaitsFor))
	case actionlist.LaterPushed:
		return t.WhyPushed
	case actionlist.LaterFull:
		return fmt.Sprintf(t.WhyFull, r.Dose)
	}
	return t.WhyFinished // the dose places only unfinished steps
}
