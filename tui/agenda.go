package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"houvast/actionlist"
	"houvast/store"
)

// The agenda: what needs the caseworker today and this week across every
// open case, most urgent first, each item saying why it is there. A step
// on it can be ticked off or moved right here, through the same save, undo
// and history as on the case screen.

type agendaScreen struct {
	items  []actionlist.AgendaItem
	loaded bool
	cursor int
}

type agendaLoadedMsg struct {
	items []actionlist.AgendaItem
	err   error
}

func (a agendaScreen) selected() (actionlist.AgendaItem, bool) {
	if a.cursor < 0 || a.cursor >= len(a.items) {
		return actionlist.AgendaItem{}, false
	}
	return a.items[a.cursor], true
}

// loadAgenda reads the open cases' steps due this week and makes the
// agenda of them, in a command.
func (m Model) loadAgenda() tea.Cmd {
	st, today := m.o.Store, m.today()
	return func() tea.Msg {
		ctx, cancel := storeCtx()
		defer cancel()
		cases, err := st.AgendaCases(ctx, today.AddDays(actionlist.AgendaWeek))
		if err != nil {
			return agendaLoadedMsg{err: err}
		}
		return agendaLoadedMsg{items: actionlist.Agenda(cases, today, actionlist.AgendaWeek)}
	}
}

func (m Model) agendaLoaded(msg agendaLoadedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.status = m.failure(msg.err)
		return m, nil
	}
	keep, had := m.agenda.selected()
	m.agenda.items, m.agenda.loaded = msg.items, true
	m.agenda.cursor = max(0, min(m.agenda.cursor, len(msg.items)-1))
	if had {
		if i := slices.IndexFunc(msg.items, func(it actionlist.AgendaItem) bool { return sameItem(it, keep) }); i >= 0 {
			m.agenda.cursor = i
		}
	}
	return m, nil
}

func sameItem(a, b actionlist.AgendaItem) bool {
	return a.Kind == b.Kind && a.CaseID == b.CaseID && a.Step.ID == b.Step.ID && a.Deadline.Kind == b.Deadline.Kind
}

func (m Model) openAgenda() (tea.Model, tea.Cmd) {
	m.screen = screenAgenda
	m.agenda.loaded = false
	return m, m.loadAgenda()
}

func itemChosen(m Model) bool { _, ok := m.agenda.selected(); return ok }

// stepItemChosen: the chosen item is about one step that can still be
// ticked off.
func stepItemChosen(m Model) bool {
	it, ok := m.agenda.selected()
	return ok && it.HasStep()
}

func whyNoStepItem(t *text) string { return t.AgendaNoStep }

// withItemCase reads the chosen item's case, then does what follows with it
// open, staying on the agenda: a tick-off or a new date then goes through
// the case screen's own save, with the next step's date and the undo.
func (m Model) withItemCase(then func(m Model, it actionlist.AgendaItem) (tea.Model, tea.Cmd)) func(Model) (tea.Model, tea.Cmd) {
	return func(m Model) (tea.Model, tea.Cmd) {
		it, ok := m.agenda.selected()
		if !ok {
			return m, nil
		}
		m.afterSave = func(m Model) (tea.Model, tea.Cmd) {
			if m.cs.c.ID != it.CaseID { // another read landed first
				return m, m.loadAgenda()
			}
			return then(m, it)
		}
		return m, m.loadCase(it.CaseID, false)
	}
}

// onItemStep is withItemCase for the chosen item's step as it is stored now.
func (m Model) onItemStep(do func(m Model, s actionlist.Step) (tea.Model, tea.Cmd)) func(Model) (tea.Model, tea.Cmd) {
	return m.withItemCase(func(m Model, it actionlist.AgendaItem) (tea.Model, tea.Cmd) {
		cur, _ := m.cs.c.StepByID(it.Step.ID)
		if cur == nil {
			m.status = status{text: m.t.AgendaGone, isErr: true}
			return m, m.loadAgenda()
		}
		return do(m, *cur)
	})
}

// openItem opens the item's case at its step: in Now when it is there,
// else in the list of all steps.
func openItem(m Model, it actionlist.AgendaItem) (tea.Model, tea.Cmd) {
	m.fromAgenda = true
	m.screen = screenCase
	m.status = status{}
	if !it.HasStep() {
		return m, nil
	}
	for i, s := range m.cs.dosing.Now {
		if s.ID == it.Step.ID {
			m.cs.cursor = i
			return m, nil
		}
	}
	m.screen = screenSteps
	rows := m.stepRows()
	for i, s := range rows {
		if s.ID == it.Step.ID {
			m.steps.cursor = i
		}
	}
	m.steps.clamp(rows)
	return m, nil
}

// agendaKeys are the agenda's keys.
func (m Model) agendaKeys() keyTable {
	k, t := m.keys, m.t
	// Back is always the case list, also when the screens started here;
	// q quits when they did, as on the case list.
	back := func(m Model) (tea.Model, tea.Cmd) {
		m.agendaFromList = true
		m.screen = screenList
		return m, m.loadCases()
	}
	quit := func(m Model) (tea.Model, tea.Cmd) {
		if m.o.StartAgenda && !m.agendaFromList {
			return m.quit()
		}
		return back(m)
	}
	return keyTable{
		{key: k.Up, do: func(m Model) (tea.Model, tea.Cmd) {
			m.agenda.cursor = max(0, m.agenda.cursor-1)
			return m, nil
		}},
		{key: k.Down, do: func(m Model) (tea.Model, tea.Cmd) {
			m.agenda.cursor = max(0, min(len(m.agenda.items)-1, m.agenda.cursor+1))
			return m, nil
		}},
		{key: k.Open, when: itemChosen, do: m.withItemCase(openItem)},
		{key: k.Tick, when: stepItemChosen, why: whyNoStepItem, do: m.onItemStep(func(m Model, s actionlist.Step) (tea.Model, tea.Cmd) {
			done := actionlist.TickOff(s, m.today(), m.o.Actor.Name)
			return m.stepChange([]store.StepEdit{{Before: s, After: done}}, clean(s.Title), fmt.Sprintf(m.t.TickedOff, clean(s.Title)))
		})},
		{key: k.Due, when: stepItemChosen, why: whyNoStepItem, do: m.onItemStep(Model.openDueForm)},
		{key: k.Undo, when: canUndo, why: whyNothingToUndo, do: Model.undoLast},
		{key: k.Help, do: Model.openHelp},
		{key: k.Back, desc: t.KeyBack, do: back},
		{key: k.Quit, desc: t.KeyBack, quiet: true, when: func(m Model) bool { return !m.o.StartAgenda || m.agendaFromList }, do: back},
		{key: k.Quit, when: func(m Model) bool { return m.o.StartAgenda && !m.agendaFromList }, do: quit},
		{key: k.Agenda, desc: t.KeyBack, quiet: true, do: back},
		{key: k.PageUp, quiet: true, do: func(m Model) (tea.Model, tea.Cmd) {
			m.agenda.cursor = max(0, m.agenda.cursor-5)
			return m, nil
		}},
		{key: k.PageDown, quiet: true, do: func(m Model) (tea.Model, tea.Cmd) {
			m.agenda.cursor = max(0, min(len(m.agenda.items)-1, m.agenda.cursor+5))
			return m, nil
		}},
	}
}

func (m Model) renderAgenda() (string, []key.Binding) {
	t, today := m.t, m.today()
	head := []string{
		m.st.title.Render(t.App) + m.st.dim.Render(" › ") + m.st.bold.Render(t.AgendaTitle) + m.st.dim.Render(" · "+longDate(today, today, m.lang)),
		m.st.rule.Render(strings.Repeat("─", m.width)),
	}
	switch {
	case !m.agenda.loaded:
		return strings.Join(append(head, t.Loading), "\n"), m.footerKeys(m.agendaKeys())
	case len(m.agenda.items) == 0:
		return strings.Join(append(head, "", "  "+t.AgendaEmpty), "\n"), m.footerKeys(m.agendaKeys())
	}
	// Every item is drawn whole (its lines wrap, never cut); the window
	// scrolls by items so the chosen one is always in view. Only the items
	// around the window are drawn: a caseload's agenda holds a thousand.
	items, cursor := m.agenda.items, m.agenda.cursor
	drawn := map[int][]string{} // each item drawn once per frame
	block := func(i int) []string {
		if b, ok := drawn[i]; ok {
			return b
		}
		drawn[i] = m.agendaItem(items[i], i == cursor, today)
		return drawn[i]
	}
	room := m.bodyHeight() - len(head)
	first, used := cursor, len(block(cursor))
	for first > 0 {
		h := len(block(first - 1))
		if used+h > room-2 { // a line each for "↑ n" and "↓ n"
			break
		}
		first, used = first-1, used+h
	}
	lines := head
	if first > 0 {
		lines = append(lines, m.st.dim.Render(fmt.Sprintf("  ↑ %d", first)))
		room--
	}
	shown := 0
	for i := first; i < len(items); i++ {
		b := block(i)
		limit := room - 1 // keep the "↓ n" line
		if i == len(items)-1 {
			limit = room
		}
		if shown+len(b) > limit && i != first {
			lines = append(lines, m.st.dim.Render(fmt.Sprintf("  ↓ %d", len(items)-i)))
			break
		}
		lines = append(lines, b...)
		shown += len(b)
	}
	return strings.Join(lines, "\n"), m.footerKeys(m.agendaKeys())
}

// agendaItem is one item: when and which case on the first line, what on
// the next, and why it is on the agenda below that, each wrapped whole.
func (m Model) agendaItem(it actionlist.AgendaItem, selected bool, today actionlist.Date) []string {
	t := m.t
	when, late := agendaWhen(it, today, t, m.lang)
	glyph := " "
	if late {
		glyph = glyphOverdue
	}
	cursor := "  "
	if selected {
		cursor = "▸ "
	}
	first := cursor + glyph + " " + when + "  " + clean(it.Ref) + " · " + clean(it.Name)
	switch {
	case selected:
		first = m.st.selected.Render(pad(first, m.width))
	case late:
		first = m.st.overdue.Render(first)
	}
	out := []string{first}
	for _, l := range wrap(agendaWhat(it, t, m.lang), m.width-6) {
		out = append(out, "      "+l)
	}
	for _, l := range wrap(agendaWhy(it, today, t, m.lang), m.width-6) {
		out = append(out, "      "+m.st.dim.Render(l))
	}
	return out
}

// agendaWhen is when an item is due, in words, and whether it is late.
func agendaWhen(it actionlist.AgendaItem, today actionlist.Date, t *text, l actionlist.Lang) (string, bool) {
	day := func(d actionlist.Date) string {
		switch d {
		case today:
			return t.DueToday
		case today.AddDays(1):
			return t.DueTomorrow
		}
		return shortDate(d, today, l)
	}
	switch it.Kind {
	case actionlist.AgendaDeadlinePassed:
		return fmt.Sprintf(t.AgendaDeadlineWas, shortDate(it.When, today, l)), true
	case actionlist.AgendaDeadlineClose:
		return fmt.Sprintf(t.AgendaDeadlineOn, day(it.When)), false
	case actionlist.AgendaAppointment:
		return day(it.When) + " " + it.At.Format("15:04"), false
	case actionlist.AgendaStepOverdue, actionlist.AgendaVolunteerLate:
		s, _ := dueText(it.Step, today, t, l)
		return s, true
	case actionlist.AgendaCheckIn:
		if it.Days < 0 {
			s, _ := dueText(it.Step, today, t, l)
			return s, true
		}
	}
	return day(it.When), false
}

// agendaWhat is what the item is about: the step, the appointment, the
// clock and its rule.
func agendaWhat(it actionlist.AgendaItem, t *text, l actionlist.Lang) string {
	switch it.Kind {
	case actionlist.AgendaDeadlinePassed, actionlist.AgendaDeadlineClose:
		return actionlist.DeadlineLabel(it.Deadline.Kind, l) + " · " + actionlist.DeadlineRule(it.Deadline, l)
	case actionlist.AgendaAppointment:
		s := t.AgendaAppointment
		if p := clean(it.Place); p != "" {
			s += " · " + p
		}
		return s
	}
	return clean(it.Step.Title)
}

// agendaWhy says why the item is on the agenda.
func agendaWhy(it actionlist.AgendaItem, today actionlist.Date, t *text, l actionlist.Lang) string {
	kind := actionlist.AgendaKindLabel(it.Kind, l)
	switch it.Kind {
	case actionlist.AgendaDeadlinePassed, actionlist.AgendaDeadlineClose:
		since := t.AgendaRequested
		if it.Deadline.Kind == actionlist.DeadlineStabilisation {
			since = t.AgendaStarted
		}
		return kind + " · " + fmt.Sprintf(since, shortDate(it.Deadline.Start, today, l))
	case actionlist.AgendaAppointment:
		if w := clean(it.With); w != "" {
			return kind + " · " + fmt.Sprintf(t.AgendaWith, w)
		}
	case actionlist.AgendaStepOverdue, actionlist.AgendaStepDue:
		who := t.AgendaYours
		if it.Generalist {
			who = fmt.Sprintf(t.AgendaGeneralist, ownerText(it.Step, l))
		}
		return kind + " · " + who
	case actionlist.AgendaVolunteerLate:
		return kind + " · " + fmt.Sprintf(t.AgendaVolunteer, ownerText(it.Step, l))
	case actionlist.AgendaCheckIn:
		return kind + " · " + actionlist.CheckInStateLabel(it.CheckIn, l) + " · " + ownerText(it.Step, l)
	}
	return kind
}
