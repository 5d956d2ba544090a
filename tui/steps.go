package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"houvast/actionlist"
	"houvast/store"
)

// stepsScreen is the full list for the specialist, by phase, filterable by
// owner and by state.
type stepsScreen struct {
	cursor int // among the filtered steps
	owner  actionlist.Role
	state  actionlist.StepStatus
}

func (s *stepsScreen) clamp(rows []*actionlist.Step) {
	s.cursor = max(0, min(s.cursor, len(rows)-1))
}

// stepRows are the case's steps that pass the filters, in plan order. They
// point into the case, which is never changed in place (a change makes a
// new slice), so a long case is not copied on every key press.
func (m Model) stepRows() []*actionlist.Step {
	out := make([]*actionlist.Step, 0, len(m.cs.c.Steps))
	for i := range m.cs.c.Steps {
		s := &m.cs.c.Steps[i]
		if (m.steps.owner == "" || s.Owner == m.steps.owner) && (m.steps.state == "" || s.Status == m.steps.state) {
			out = append(out, s)
		}
	}
	return out
}

// cycle moves to the next value of a filter, with "all" ("") between the
// last and the first.
func cycle[T comparable](cur T, all []T) T {
	var none T
	if cur == none {
		return all[0]
	}
	for i, v := range all {
		if v == cur && i+1 < len(all) {
			return all[i+1]
		}
	}
	return none
}

// chosenRow is the step chosen on the full list, found without making
// the filtered list.
func (m Model) chosenRow() (actionlist.Step, bool) {
	n := 0
	for _, s := range m.cs.c.Steps {
		if (m.steps.owner == "" || s.Owner == m.steps.owner) && (m.steps.state == "" || s.Status == m.steps.state) {
			if n == m.steps.cursor {
				return s, true
			}
			n++
		}
	}
	return actionlist.Step{}, false
}

func rowChosen(m Model) bool {
	_, ok := m.chosenRow()
	return ok
}

// onRow runs f on the step chosen on the full list.
func onRow(f func(Model, actionlist.Step) (tea.Model, tea.Cmd)) func(Model) (tea.Model, tea.Cmd) {
	return func(m Model) (tea.Model, tea.Cmd) {
		sel, _ := m.chosenRow()
		return f(m, sel)
	}
}

// stepsKeys are the full list's keys.
func (m Model) stepsKeys() keyTable {
	k, t := m.keys, m.t
	back := func(m Model) (tea.Model, tea.Cmd) {
		m.screen = screenCase
		return m, nil
	}
	return keyTable{
		{key: k.Tick, when: rowChosen, why: whyNotInNow, do: onRow(func(m Model, sel actionlist.Step) (tea.Model, tea.Cmd) {
			after := actionlist.TickOff(sel, m.today(), m.o.Actor.Name)
			report := fmt.Sprintf(m.t.TickedOff, clean(sel.Title))
			if sel.Status == actionlist.StepDone {
				after, report = actionlist.Reopen(sel), m.t.Reopened
			}
			return m.stepChange([]store.StepEdit{{Before: sel, After: after}}, clean(sel.Title), report)
		})},
		{key: k.Edit, when: rowChosen, why: whyNotInNow, do: onRow(func(m Model, sel actionlist.Step) (tea.Model, tea.Cmd) {
			return m.openStepForm(sel, false)
		})},
		{key: k.Due, when: rowChosen, why: whyNotInNow, do: onRow(Model.openDueForm)},
		{key: k.WhyNow, when: rowChosen, why: whyNotInNow, do: onRow(Model.whyNow)},
		{key: k.Assign, when: rowChosen, why: whyNotInNow, do: onRow(Model.openAssignForm)},
		{key: k.Pin, when: rowChosen, why: whyNotInNow, do: onRow(Model.togglePin)},
		{key: k.Push, when: rowChosen, why: whyNotInNow, do: onRow(Model.togglePush)},
		{key: k.NA, when: rowChosen, why: whyNotInNow, do: onRow(func(m Model, sel actionlist.Step) (tea.Model, tea.Cmd) {
			after := actionlist.SetStatus(sel, actionlist.StepNotApplicable, m.today(), "")
			report := actionlist.StepStatusLabel(actionlist.StepNotApplicable, m.lang)
			if sel.Status == actionlist.StepNotApplicable {
				after, report = actionlist.Reopen(sel), m.t.Reopened
			}
			return m.stepChange([]store.StepEdit{{Before: sel, After: after}}, clean(sel.Title), report)
		})},
		{key: k.Note, when: rowChosen, why: whyNotInNow, do: onRow(Model.openTeamNoteForm)},
		{key: k.Delete, when: rowChosen, why: whyNotInNow, do: onRow(Model.openDeleteForm)},
		{key: k.Add, do: func(m Model) (tea.Model, tea.Cmd) { return m.openStepForm(actionlist.Step{}, true) }},
		{key: k.FilterOwner, do: func(m Model) (tea.Model, tea.Cmd) {
			m.steps.owner = cycle(m.steps.owner, actionlist.Roles)
			m.steps.cursor = 0
			return m, nil
		}},
		{key: k.FilterStatus, do: func(m Model) (tea.Model, tea.Cmd) {
			m.steps.state = cycle(m.steps.state, actionlist.StepStatuses)
			m.steps.cursor = 0
			return m, nil
		}},
		{key: k.Undo, when: canUndo, why: whyNothingToUndoHere, do: Model.undoLast},
		{key: k.Back, do: back},
		{key: k.Help, do: Model.openHelp},
		{key: k.Open, desc: t.KeyEdit, quiet: true, when: rowChosen, why: whyNotInNow, do: onRow(func(m Model, sel actionlist.Step) (tea.Model, tea.Cmd) {
			return m.openStepForm(sel, false)
		})},
		{key: k.Quit, desc: t.KeyBack, quiet: true, do: back},
		{key: k.Steps, desc: t.KeyBack, quiet: true, do: back},
		{key: k.Up, quiet: true, do: func(m Model) (tea.Model, tea.Cmd) {
			m.steps.cursor = max(0, m.steps.cursor-1)
			return m, nil
		}},
		{key: k.Down, quiet: true, do: func(m Model) (tea.Model, tea.Cmd) {
			m.steps.cursor = max(0, min(len(m.stepRows())-1, m.steps.cursor+1))
			return m, nil
		}},
		{key: k.PageDown, quiet: true, do: func(m Model) (tea.Model, tea.Cmd) {
			m.steps.cursor = max(0, min(len(m.stepRows())-1, m.steps.cursor+m.height/2))
			return m, nil
		}},
		{key: k.PageUp, quiet: true, do: func(m Model) (tea.Model, tea.Cmd) {
			m.steps.cursor = max(0, m.steps.cursor-m.height/2)
			return m, nil
		}},
	}
}

func (m Model) openDeleteForm(s actionlist.Step) (tea.Model, tea.Cmd) {
	yes := false
	submit := func(m Model) (Model, tea.Cmd) {
		if !yes {
			return m, nil
		}
		st, actor, report := m.o.Store, m.o.Actor, m.t.StepDeleted
		m.pending++
		return m, func() tea.Msg {
			ctx, cancel := storeCtx()
			defer cancel()
			err := st.DeleteStep(ctx, actor, s.ID)
			return stepDeletedMsg{id: s.ID, err: err, report: report}
		}
	}
	return m.openForm(m.newForm(m.t.KeyDelete, submit, huh.NewGroup(
		huh.NewConfirm().Title(fmt.Sprintf(m.t.DeleteConfirm, clean(s.Title))).Affirmative(m.t.Yes).Negative(m.t.No).Value(&yes),
	)))
}

func (m Model) renderSteps() (string, []key.Binding) {
	t, today := m.t, m.today()
	rows := m.stepRows()
	ownerF, stateF := t.FilterAll, t.FilterAll
	if m.steps.owner != "" {
		ownerF = actionlist.RoleLabel(m.steps.owner, m.lang)
	}
	if m.steps.state != "" {
		stateF = actionlist.StepStatusLabel(m.steps.state, m.lang)
	}
	head := m.st.title.Render(t.App) + m.st.dim.Render(" › "+clean(m.cs.c.Name)+" › ") + m.st.bold.Render(t.StepsTitle) +
		m.st.dim.Render(fmt.Sprintf("  %s: %s · %s: %s", t.FilterOwner, ownerF, t.FilterStatus, stateF))
	lines := []string{head, m.st.rule.Render(strings.Repeat("─", m.width))}
	detailRoom := 4
	room := m.bodyHeight() - len(lines) - detailRoom
	// Lay out phase headers and steps as line numbers first; only the
	// window around the cursor is drawn.
	type line struct {
		step   int
		header bool
	}
	var layout []line
	cursorLine := 0
	var last actionlist.Phase
	for i, s := range rows {
		if s.Phase != last {
			layout = append(layout, line{step: i, header: true})
			last = s.Phase
		}
		if i == m.steps.cursor {
			cursorLine = len(layout)
		}
		layout = append(layout, line{step: i})
	}
	var body []string
	if len(rows) == 0 {
		body = append(body, m.st.dim.Render(t.StepsEmpty))
	}
	inNow := make(map[string]bool, len(m.cs.dosing.Now))
	for _, s := range m.cs.dosing.Now {
		inNow[s.ID] = true
	}
	off, end, more := m.scrollWindow(cursorLine, len(layout), room)
	for _, l := range layout[off:end] {
		s := rows[l.step]
		if l.header {
			pp := phaseProgress(m.cs.progress, s.Phase)
			body = append(body, m.st.section.Render(actionlist.PhaseLabel(s.Phase, m.lang))+m.st.dim.Render(fmt.Sprintf("  %d/%d", pp.Done, pp.Applicable)))
			continue
		}
		body = append(body, m.stepLine(*s, l.step == m.steps.cursor, inNow[s.ID], today))
	}
	for len(body) < room-1 {
		body = append(body, "")
	}
	if more != "" || len(body) < room {
		body = append(body, more)
	}
	lines = append(lines, body...)
	if m.steps.cursor < len(rows) {
		lines = append(lines, m.stepDetail(*rows[m.steps.cursor], detailRoom)...)
	}
	return strings.Join(lines, "\n"), m.footerKeys(m.stepsKeys())
}

func phaseProgress(p actionlist.Progress, ph actionlist.Phase) actionlist.PhaseProgress {
	for _, pp := range p.Phases {
		if pp.Phase == ph {
			return pp
		}
	}
	return actionlist.PhaseProgress{Phase: ph}
}

// stepLine is one step in the full list: state, title, owner, date, marks.
func (m Model) stepLine(s actionlist.Step, selected, inNow bool, today actionlist.Date) string {
	t := m.t
	marks := ""
	switch {
	case inNow:
		marks = "● " + t.Now
	case len(m.cs.dosing.WaitsFor(s.ID)) > 0:
		marks = "⧖ " + t.Waiting
	}
	if s.Pin == actionlist.PinNow {
		marks += " " + glyphPinned
	} else if s.Pin == actionlist.PinLater {
		marks += " " + glyphPushed
	}
	when, late := dueText(s, today, t, m.lang)
	switch s.Status {
	case actionlist.StepDone:
		when = shortDate(s.DoneOn, today, m.lang)
	case actionlist.StepNotApplicable:
		when = actionlist.StepStatusLabel(s.Status, m.lang)
	}
	ownerW, whenW, marksW := 14, 15, 8
	if m.width >= 110 {
		ownerW, whenW, marksW = 26, 18, 10
	}
	titleW := m.width - 2 - 2 - ownerW - whenW - marksW - 3
	line := fmt.Sprintf("  %s %s %s %s %s", stepGlyph(s, today), pad(clean(s.Title), titleW),
		pad(ownerText(s, m.lang), ownerW), pad(when, whenW), pad(marks, marksW))
	switch {
	case selected:
		return m.st.selected.Render(pad(line, m.width))
	case late:
		return m.st.overdue.Render(line)
	case s.Status.Finished():
		return m.st.dim.Render(line)
	}
	return line
}

// stepDetail shows the chosen step's why, expectation, waits and notes.
func (m Model) stepDetail(s actionlist.Step, room int) []string {
	t := m.t
	out := []string{m.st.rule.Render(strings.Repeat("─", m.width))}
	add := func(label, text string) {
		if text = clean(text); text != "" && len(out) < room {
			out = append(out, m.st.dim.Render(label+" ")+fit(text, m.width-widthOf(label)-1))
		}
	}
	if waits := m.cs.dosing.WaitsFor(s.ID); len(waits) > 0 {
		add("⧖", fmt.Sprintf(t.WaitsFor, m.stepTitles(waits)))
	}
	add(t.After, s.After)
	add(t.FieldInternal+":", s.InternalNote)
	add(t.FieldWorkNote+":", s.WorkNote)
	add(t.FieldWhy, s.Why)
	return out
}
