package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"houvast/actionlist"
	"houvast/store"
)

// volunteerScreen is a simple checklist of the steps owned by volunteers,
// across cases, to tick off with a short note.
type volunteerScreen struct {
	items  []store.OwnedStep
	cursor int
	loaded bool
	// rows is the layout: a case header, a task, or a task's note. It is
	// made once per change, so a key press draws only the visible rows,
	// however many tasks there are.
	rows   []volunteerRow
	lineOf []int // the row of each item
}

type volunteerRow struct {
	item   int
	header bool
	detail bool // who and when
	note   bool
}

func (v *volunteerScreen) set(items []store.OwnedStep) {
	v.items, v.loaded = items, true
	v.cursor = max(0, min(v.cursor, len(items)-1))
	v.layout()
}

func (v *volunteerScreen) layout() {
	v.rows = v.rows[:0]
	v.lineOf = make([]int, len(v.items))
	lastCase := ""
	for i, it := range v.items {
		if it.CaseID != lastCase {
			v.rows = append(v.rows, volunteerRow{item: i, header: true})
			lastCase = it.CaseID
		}
		v.lineOf[i] = len(v.rows)
		v.rows = append(v.rows, volunteerRow{item: i}, volunteerRow{item: i, detail: true})
		if it.Step.WorkNote != "" {
			v.rows = append(v.rows, volunteerRow{item: i, note: true})
		}
	}
}

// replace puts saved steps into the checklist.
func (v *volunteerScreen) replace(steps []actionlist.Step) {
	changed := false
	for _, s := range steps {
		for i := range v.items {
			if v.items[i].Step.ID == s.ID {
				if !changed {
					v.items = slices.Clone(v.items)
					changed = true
				}
				v.items[i].Step = s
			}
		}
	}
	if changed {
		v.layout()
	}
}

func (m Model) updateVolunteer(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	v := m.vol
	switch {
	case key.Matches(msg, k.Quit) && m.o.Volunteer:
		return m.quit()
	case key.Matches(msg, k.Back), key.Matches(msg, k.Quit), key.Matches(msg, k.Volunteer):
		if m.o.Volunteer {
			return m, nil
		}
		m.screen = screenList
		return m, m.loadCases()
	case key.Matches(msg, k.Up):
		m.vol.cursor = max(0, v.cursor-1)
	case key.Matches(msg, k.Down):
		m.vol.cursor = max(0, min(len(v.items)-1, v.cursor+1))
	case key.Matches(msg, k.Help):
		m.back, m.screen = screenVolunteer, screenHelp
	case key.Matches(msg, k.Undo):
		return m.undoLast()
	case v.cursor >= len(v.items):
		return m, nil
	case key.Matches(msg, k.Tick):
		item := v.items[v.cursor]
		s := item.Step
		after := actionlist.TickOff(s, m.today(), m.o.Actor.Name)
		report := fmt.Sprintf(m.t.TickedOff, clean(s.Title))
		if s.Status == actionlist.StepDone {
			after, report = actionlist.Reopen(s), m.t.Reopened
		}
		m.pending++
		return m, m.saveSteps(item.CaseID, []store.StepEdit{{Before: s, After: after}}, clean(s.Title), report, nil)
	case key.Matches(msg, k.WorkNote), key.Matches(msg, k.Edit):
		return m.openNoteForm(v.items[v.cursor])
	case key.Matches(msg, k.Open) && !m.o.Volunteer:
		return m, m.loadCase(v.items[v.cursor].CaseID, false)
	}
	return m, nil
}

func (m Model) openNoteForm(item store.OwnedStep) (tea.Model, tea.Cmd) {
	return m.openForm(m.noteForm(item, &stepValues{work: item.Step.WorkNote}))
}

func (m Model) noteForm(item store.OwnedStep, v *stepValues) *form {
	note := &v.work
	submit := func(m Model) (Model, tea.Cmd) {
		m.retry = func(m Model) *form { return m.noteForm(item, v) }
		after := item.Step
		after.WorkNote = actionlist.CleanText(*note, true)
		m.pending++
		return m, m.saveSteps(item.CaseID, []store.StepEdit{{Before: item.Step, After: after}}, clean(item.Step.Title), m.t.NoteSaved, nil)
	}
	return m.newForm(m.t.NoteTitle, submit, huh.NewGroup(
		textArea().Title(clean(item.Step.Title)).Description(m.t.NoteTitle).Value(note).CharLimit(actionlist.MaxText+1).Lines(4).Validate(m.limited(actionlist.MaxText)),
	))
}

func (m Model) renderVolunteer() (string, []key.Binding) {
	t, today := m.t, m.today()
	lines := []string{m.st.title.Render(t.App) + m.st.dim.Render(" › ") + m.st.bold.Render(t.VolunteerTitle), m.st.rule.Render(strings.Repeat("─", m.width))}
	room := m.height - 2 - len(lines)
	switch {
	case !m.vol.loaded:
		lines = append(lines, t.Loading)
	case len(m.vol.items) == 0:
		lines = append(lines, t.VolunteerEmpty)
	}
	v := m.vol
	cursorLine := 0
	if v.cursor < len(v.lineOf) {
		cursorLine = v.lineOf[v.cursor]
	}
	off := scrollOffset(cursorLine, len(v.rows), room)
	for _, r := range v.rows[off:min(len(v.rows), off+room)] {
		it := v.items[r.item]
		switch {
		case r.header:
			lines = append(lines, m.st.section.Render(clean(it.CaseName))+m.st.dim.Render(" · "+clean(it.CaseRef)))
		case r.detail:
			lines = append(lines, m.volunteerDetail(it.Step, today))
		case r.note:
			lines = append(lines, m.st.dim.Render(fit("      ✎ "+clean(it.Step.WorkNote), m.width)))
		default:
			lines = append(lines, m.volunteerLine(it.Step, r.item == v.cursor, today))
		}
	}
	k := m.keys
	back := k.Back
	back.SetEnabled(!m.o.Volunteer)
	return strings.Join(lines, "\n"), []key.Binding{k.Up, k.Down, k.Tick, k.WorkNote, k.Undo, back, k.Help, k.Quit}
}

// volunteerLine is one task as a checkbox: "[✓] title"; who and when go on
// the line below, and its note below that.
func (m Model) volunteerLine(s actionlist.Step, selected bool, today actionlist.Date) string {
	box := "[ ]"
	if s.Status == actionlist.StepDone {
		box = "[" + glyphDone + "]"
	}
	line := fit("  "+box+" "+clean(s.Title), m.width)
	switch {
	case selected:
		return m.st.selected.Render(pad(line, m.width))
	case s.Overdue(today):
		return m.st.overdue.Render(line)
	case s.Status == actionlist.StepDone:
		return m.st.done.Render(line)
	}
	return line
}

func (m Model) volunteerDetail(s actionlist.Step, today actionlist.Date) string {
	when, late := dueText(s, today, m.t, m.lang)
	if s.Status == actionlist.StepDone {
		when, late = shortDate(s.DoneOn, today, m.lang), false
		if when == "" {
			when = actionlist.StepStatusLabel(actionlist.StepDone, m.lang)
		}
	}
	parts := []string{}
	if name := clean(s.OwnerName); name != "" {
		parts = append(parts, name)
	}
	parts = append(parts, when)
	line := fit("      "+strings.Join(parts, " · "), m.width)
	if late {
		return m.st.overdue.Render(fit("      "+glyphOverdue+" "+strings.Join(parts, " · "), m.width))
	}
	return m.st.dim.Render(line)
}
