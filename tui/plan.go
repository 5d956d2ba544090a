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
func residentsStep(s actionlist.Step) bool {
	return s.Owner == actionlist.RoleResident || s.Owner == actionlist.RoleTogether
}

func residentsStepInNow(m Model) bool {
	sel, ok := m.cs.selected()
	return ok && residentsStep(sel)
}

func whyNotResidents(t *text) string { return t.PlanOnlyResident }

type planValues struct{ whenWhere, ifNot string }

func (m Model) openPlanForm(s actionlist.Step) (tea.Model, tea.Cmd) {
	return m.openForm(m.planForm(s, &planValues{whenWhere: s.WhenWhere, ifNot: s.IfNot}))
}

func (m Model) planForm(orig actionlist.Step, v *planValues) *form {
	submit := func(m Model) (Model, tea.Cmd) {
		after := orig
		after.WhenWhere = actionlist.CleanText(v.whenWhere, false)
		after.IfNot = actionlist.CleanText(v.ifNot, false)
		m.retry = func(m Model) *form { return m.planForm(m.current(orig), v) }
		next, cmd := m.stepChange([]store.StepEdit{{Before: orig, After: after}}, clean(orig.Title), m.t.StepSaved)
		return next.(Model), cmd
	}
	return m.newForm(m.t.PlanTitle, submit, huh.NewGroup(
		huh.NewNote().Title(clean(orig.Title)).Description(m.t.PlanIntro),
		huh.NewInput().Title(m.t.FieldWhenWhere).Description(m.t.FieldWhenWhereHint).Value(&v.whenWhere).
			CharLimit(actionlist.MaxPlan+1).Validate(m.limited(actionlist.MaxPlan)),
		huh.NewInput().Title(m.t.FieldIfNot).Description(m.t.FieldIfNotHint).Value(&v.ifNot).
			CharLimit(actionlist.MaxPlan+1).Validate(m.limited(actionlist.MaxPlan)),
	))
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
