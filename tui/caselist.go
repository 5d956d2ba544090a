package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"houvast/actionlist"
	"houvast/store"
)

// caseList is the first screen: every case, searchable.
type caseList struct {
	all        []store.CaseSummary
	rows       []store.CaseSummary // after search and the closed filter
	seq        int64
	cursor     int
	search     textinput.Model
	searching  bool
	showClosed bool
	loaded     bool
	due        int // closed cases past retention, to be erased
	dueSignals int // signals that did not become a case, past theirs
}

func newCaseList(t *text) caseList {
	in := textinput.New()
	in.Prompt = t.SearchPrompt
	in.CharLimit = actionlist.MaxName
	return caseList{search: in}
}

// filter recomputes the visible rows: by name or reference, case-blind.
func (l *caseList) filter() {
	q := strings.ToLower(strings.TrimSpace(l.search.Value()))
	l.rows = l.rows[:0]
	for _, c := range l.all {
		if c.Status == actionlist.CaseClosed && !l.showClosed {
			continue
		}
		if q != "" && !strings.Contains(strings.ToLower(c.Name), q) && !strings.Contains(strings.ToLower(c.Ref), q) {
			continue
		}
		l.rows = append(l.rows, c)
	}
	l.cursor = max(0, min(l.cursor, len(l.rows)-1))
}

func (l caseList) selected() (store.CaseSummary, bool) {
	if l.cursor < len(l.rows) {
		return l.rows[l.cursor], true
	}
	return store.CaseSummary{}, false
}

func (m Model) casesLoaded(msg casesLoadedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.status = m.failure(msg.err)
		return m, nil
	}
	keep := ""
	if sel, ok := m.list.selected(); ok {
		keep = sel.ID
	}
	m.list.all, m.list.seq, m.list.loaded, m.list.due, m.list.dueSignals = msg.list, msg.seq, true, msg.due, msg.dueSignals
	m.list.rows = make([]store.CaseSummary, 0, len(msg.list))
	m.list.filter()
	for i, r := range m.list.rows {
		if r.ID == keep {
			m.list.cursor = i
		}
	}
	return m, nil
}

func (m Model) updateListSearch(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "esc":
			m.list.searching = false
			m.list.search.SetValue("")
			m.list.search.Blur()
			m.list.filter()
			return m, nil
		case "enter", "down", "up":
			m.list.searching = false
			m.list.search.Blur()
			if k.String() == "enter" {
				return m, nil
			}
			return m.updateList(k)
		}
	}
	var cmd tea.Cmd
	m.list.search, cmd = m.list.search.Update(msg)
	m.list.cursor = 0
	m.list.filter()
	return m, cmd
}

func (m Model) updateList(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if m.list.searching {
		return m.updateListSearch(msg)
	}
	return m.dispatch(m.listKeys(), msg)
}

func caseChosen(m Model) bool {
	_, ok := m.list.selected()
	return ok
}

// listKeys are the case list's keys; typing into the search field is not
// among them.
func (m Model) listKeys() keyTable {
	k, t := m.keys, m.t
	return keyTable{
		{key: k.Up, do: func(m Model) (tea.Model, tea.Cmd) {
			m.list.cursor = max(0, m.list.cursor-1)
			return m, nil
		}},
		{key: k.Down, do: func(m Model) (tea.Model, tea.Cmd) {
			m.list.cursor = max(0, min(len(m.list.rows)-1, m.list.cursor+1))
			return m, nil
		}},
		{key: k.Open, when: caseChosen, do: func(m Model) (tea.Model, tea.Cmd) {
			sel, _ := m.list.selected()
			m.status = status{}
			return m, m.loadCase(sel.ID, false)
		}},
		{key: k.Search, do: func(m Model) (tea.Model, tea.Cmd) {
			m.list.searching = true
			return m, m.list.search.Focus()
		}},
		{key: k.New, do: Model.openNewCaseForm},
		{key: k.CloseCase, when: caseChosen, do: func(m Model) (tea.Model, tea.Cmd) {
			sel, _ := m.list.selected()
			if sel.Status == actionlist.CaseClosed {
				m.status = status{text: m.t.AlreadyClosed}
				return m, nil
			}
			return m.openCloseForm(sel.ID)
		}},
		{key: k.ShowClosed, do: func(m Model) (tea.Model, tea.Cmd) {
			m.list.showClosed = !m.list.showClosed
			m.list.filter()
			return m, nil
		}},
		{key: k.Volunteer, do: func(m Model) (tea.Model, tea.Cmd) {
			m.screen = screenVolunteer
			return m, m.loadVolunteer()
		}},
		{key: k.Agenda, do: func(m Model) (tea.Model, tea.Cmd) {
			m.agendaFromList = true
			return m.openAgenda()
		}},
		{key: m.sk.Open, when: hasSignals, do: Model.openSignals},
		{key: k.Aftercare, do: func(m Model) (tea.Model, tea.Cmd) { return m.openOverview(screenAftercare) }},
		{key: k.Report, do: func(m Model) (tea.Model, tea.Cmd) { return m.openOverview(screenReport) }},
		{key: k.Help, do: Model.openHelp},
		{key: k.Quit, do: Model.quit},
		{key: k.Back, desc: t.KeyQuit, quiet: true, do: Model.quit},
		{key: k.PageDown, quiet: true, do: func(m Model) (tea.Model, tea.Cmd) {
			m.list.cursor = max(0, min(len(m.list.rows)-1, m.list.cursor+m.listRoom()))
			return m, nil
		}},
		{key: k.PageUp, quiet: true, do: func(m Model) (tea.Model, tea.Cmd) {
			m.list.cursor = max(0, m.list.cursor-m.listRoom())
			return m, nil
		}},
	}
}

// listRoom is how many rows fit between the title and the footer.
func (m Model) listRoom() int { return max(1, m.bodyHeight()-4) }

func (m Model) renderList() (string, []key.Binding) {
	t, l := m.t, m.list
	var b strings.Builder
	title := m.st.title.Render(t.App) + m.st.dim.Render(" › ") + m.st.bold.Render(t.ListTitle)
	if l.showClosed {
		title += m.st.dim.Render(" · " + t.ShowingClosed)
	}
	b.WriteString(title + "\n")
	if l.searching || l.search.Value() != "" {
		b.WriteString(l.search.View() + "\n")
	} else {
		b.WriteString(m.st.rule.Render(strings.Repeat("─", m.width)) + "\n")
	}
	cols := listColumns(m.width)
	b.WriteString(m.st.dim.Render(listRow(cols, t.ColRef, t.ColName, t.ColStatus, t.ColProgress, t.ColNext)) + "\n")
	switch {
	case !l.loaded:
		b.WriteString(t.Loading + "\n")
	case len(l.all) == 0:
		b.WriteString(t.ListEmpty + "\n")
	case len(l.rows) == 0 && strings.TrimSpace(l.search.Value()) == "":
		b.WriteString(t.ListOnlyClosed + "\n")
	case len(l.rows) == 0:
		b.WriteString(t.ListNoMatch + "\n")
	}
	room := m.listRoom()
	var reminder []string
	if l.due > 0 {
		for _, line := range wrap(glyphOverdue+" "+fmt.Sprintf(t.ErasureDue, l.due, m.o.RetentionMonths), m.width) {
			reminder = append(reminder, m.st.warn.Render(line))
		}
		room -= len(reminder)
	}
	if l.dueSignals > 0 {
		for _, line := range wrap(glyphOverdue+" "+fmt.Sprintf(m.stx.ErasureDue, l.dueSignals, m.o.SignalRetentionMonths), m.width) {
			reminder = append(reminder, m.st.warn.Render(line))
			room--
		}
	}
	off, end, more := m.scrollWindow(l.cursor, len(l.rows), room)
	for i := off; i < end; i++ {
		line := caseRow(l.rows[i], cols, m.today(), t, m.lang)
		if i == l.cursor {
			line = m.st.selected.Render(pad(line, m.width))
		} else if l.rows[i].Status == actionlist.CaseClosed {
			line = m.st.dim.Render(line)
		}
		b.WriteString(line + "\n")
	}
	if more != "" {
		b.WriteString(more + "\n")
	}
	for _, line := range reminder {
		b.WriteString(line + "\n")
	}
	return strings.TrimRight(b.String(), "\n"), m.footerKeys(m.listKeys())
}

// listColumns gives the widths of ref, name, status, progress and next
// appointment for a window width; the name takes what is left.
func listColumns(width int) [5]int {
	ref, status, progress, next := 10, 16, 18, 20
	name := max(10, width-ref-status-progress-next-4)
	return [5]int{ref, name, status, progress, next}
}

func listRow(cols [5]int, cells ...string) string {
	parts := make([]string, len(cells))
	for i, c := range cells {
		parts[i] = pad(c, cols[i])
	}
	return strings.TrimRight(strings.Join(parts, " "), " ")
}

// caseRow is one case in the list: reference, name, status (with the
// clock's warning), progress and the next appointment.
func caseRow(c store.CaseSummary, cols [5]int, today actionlist.Date, t *text, l actionlist.Lang) string {
	status := actionlist.CaseStatusLabel(c.Status, l)
	// The fields the stabilisation clock reads, so the row warns as the case's header does.
	p := actionlist.Measure(actionlist.Case{Status: c.Status, Start: c.Start, Target: c.Target, Stabilised: c.Stabilised, ClosedOn: c.ClosedOn}, today)
	switch p.Clock {
	case actionlist.ClockNear:
		status = glyphOverdue + " " + status
	case actionlist.ClockPast:
		status = glyphOverdue + glyphOverdue + " " + status
	}
	full, empty, count := progressBar(c.Done, c.Applicable, 8)
	progress := full + empty + " " + count
	if c.Overdue > 0 {
		progress += fmt.Sprintf(" %s%d", glyphOverdue, c.Overdue)
	}
	next := t.NoAppointment
	if !c.Next.IsZero() {
		next = apptText(actionlist.Appointment{At: c.Next}, today, l, false)
	}
	return listRow(cols, clean(c.Ref), clean(c.Name), status, progress, next)
}

// scrollWindow is the part of a list of total rows that room lines show,
// with the cursor in view. When not all fit, the window is a line shorter
// and hint says how many rows are above and below it, so a list never
// seems to end where the screen does.
func (m Model) scrollWindow(cursor, total, room int) (off, end int, hint string) {
	if total <= room {
		return 0, total, ""
	}
	room = max(1, room-1)
	off = scrollOffset(cursor, total, room)
	end = min(total, off+room)
	var parts []string
	if off > 0 {
		parts = append(parts, fmt.Sprintf(m.t.ScrollAbove, off))
	}
	if end < total {
		parts = append(parts, fmt.Sprintf(m.t.ScrollBelow, total-end))
	}
	return off, end, m.st.dim.Render(strings.Join(parts, " · "))
}

// scrollOffset keeps the cursor in a window of room rows.
func scrollOffset(cursor, total, room int) int {
	if total <= room || cursor < room/2 {
		return 0
	}
	return min(cursor-room/2, total-room)
}
