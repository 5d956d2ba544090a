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

// volunteerStart is a volunteer's own start (houvast --role vrijwilliger),
// which stays in the checklist.
func volunteerStart(m Model) bool { return m.o.Volunteer }

func notVolunteerStart(m Model) bool { return !m.o.Volunteer }

func taskChosen(m Model) bool { return m.vol.cursor < len(m.vol.items) }

// volunteerKeys are the checklist's keys.
func (m Model) volunteerKeys() keyTable {
	k, t := m.keys, m.t
	back := func(m Model) (tea.Model, tea.Cmd) {
		m.screen = screenList
		return m, m.loadCases()
	}
	note := func(m Model) (tea.Model, tea.Cmd) { return m.openNoteForm(m.vol.items[m.vol.cursor]) }
	return keyTable{
		{key: k.Up, do: func(m Model) (tea.Model, tea.Cmd) {
			m.vol.cursor = max(0, m.vol.cursor-1)
			return m, nil
		}},
		{key: k.Down, do: func(m Model) (tea.Model, tea.Cmd) {
			m.vol.cursor = max(0, min(len(m.vol.items)-1, m.vol.cursor+1))
			return m, nil
		}},
		{key: k.Tick, when: taskChosen, do: func(m Model) (tea.Model, tea.Cmd) {
			item := m.vol.items[m.vol.cursor]
			s := item.Step
			after := actionlist.TickOff(s, m.today(), m.o.Actor.Name)
			report := fmt.Sprintf(m.t.TickedOff, clean(s.Title))
			if s.Status == actionlist.StepDone {
				after, report = actionlist.Reopen(s), m.t.Reopened
			}
			m.pending++
			return m, m.saveSteps(item.CaseID, []store.StepEdit{{Before: s, After: after}}, clean(s.Title), report)
		}},
		{key: k.WorkNote, when: taskChosen, do: note},
		{key: k.Undo, when: canUndo, why: whyNothingToUndo, do: Model.undoLast},
		{key: k.Back, when: notVolunteerStart, do: back},
		{key: k.Help, do: Model.openHelp},
		{key: k.Quit, when: volunteerStart, do: Model.quit},
		{key: k.Quit, desc: t.KeyBack, quiet: true, when: notVolunteerStart, do: back},
		{key: k.Volunteer, desc: t.KeyBack, quiet: true, when: notVolunteerStart, do: back},
		{key: k.Edit, desc: t.KeyWorkNote, quiet: true, when: taskChosen, do: note},
		{key: k.Open, quiet: true, when: func(m Model) bool { return taskChosen(m) && !m.o.Volunteer }, do: func(m Model) (tea.Model, tea.Cmd) {
			return m, m.loadCase(m.vol.items[m.vol.cursor].CaseID, false)
		}},
	}
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
		return m, m.saveSteps(item.CaseID, []store.StepEdit{{Before: item.Step, After: after}}, clean(item.Step.Title), m.t.NoteSaved)
	}
	return m.newForm(m.t.NoteTitle, submit, huh.NewGroup(
		textArea().Title(clean(item.Step.Title)).Description(m.t.NoteTitle).Value(note).CharLimit(actionlist.MaxText+1).Lines(4).Validate(m.limited(actionlist.MaxText)),
	))
}

func (m Model) renderVolunteer() (string, []key.Binding) {
	t, today := m.t, m.today()
	lines := []string{m.st.title.Render(t.App) + m.st.dim.Render(" › ") + m.st.bold.Render(t.VolunteerTitle), m.st.rule.Render(strings.Repeat("─", m.width))}
	room := m.bodyHeight() - len(lines)
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
	off, end, more := m.scrollWindow(cursorLine, len(v.rows), room)
	for _, r := range v.rows[off:end] {
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
	if more != "" {
		lines = append(lines, more)
	}
	return strings.Join(lines, "\n"), m.footerKeys(m.volunteerKeys())
}

// volunteerLine is one task as a checkbox: "[✓] title", and a step under
// way or waiting with the case screen's mark for it ("[◐]", "[◷]"); who
// and when go on the line below, and its note below that.
func (m Model) volunteerLine(s actionlist.Step, selected bool, today actionlist.Date) string {
	box := "[ ]"
	switch s.Status {
	case actionlist.StepDone:
		box = "[" + glyphDone + "]"
	case actionlist.StepInProgress:
		box = "[" + glyphProgress + "]"
	case actionlist.StepWaiting:
		box = "[" + glyphWaiting + "]"
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
