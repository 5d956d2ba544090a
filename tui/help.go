package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// updateKey sends a key to the screen that is showing, through its key
// table; only the case list's search field takes typing first.
func (m Model) updateKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if m.screen == screenList {
		return m.updateList(msg)
	}
	return m.dispatch(m.keysFor(m.screen), msg)
}

// helpKeys scroll the help page and leave it for where it was opened.
func (m Model) helpKeys() keyTable {
	k, t := m.keys, m.t
	back := func(m Model) (tea.Model, tea.Cmd) {
		m.screen, m.helpOffset = m.back, 0
		return m, nil
	}
	return keyTable{
		{key: k.Up, do: func(m Model) (tea.Model, tea.Cmd) {
			m.helpOffset = max(0, m.helpOffset-1)
			return m, nil
		}},
		{key: k.Down, do: func(m Model) (tea.Model, tea.Cmd) {
			m.helpOffset++
			return m, nil
		}},
		{key: k.Back, do: back},
		{key: k.Help, desc: t.KeyBack, quiet: true, do: back},
		{key: k.Quit, desc: t.KeyBack, quiet: true, do: back},
		{key: k.PageDown, quiet: true, do: func(m Model) (tea.Model, tea.Cmd) {
			m.helpOffset += m.height / 2
			return m, nil
		}},
		{key: k.PageUp, quiet: true, do: func(m Model) (tea.Model, tea.Cmd) {
			m.helpOffset = max(0, m.helpOffset-m.height/2)
			return m, nil
		}},
	}
}

// helpScreens are the screens in the order the help page lists them, after
// the one it was opened from.
var helpScreens = []screen{screenList, screenAgenda, screenSignals, screenAftercare, screenReport, screenCase, screenResident,
	screenDebts, screenConflicts, screenHistory, screenSteps, screenVolunteer, screenHelp}

// helpTitle is a screen's name on the help page.
func (m Model) helpTitle(s screen) string {
	t := m.t
	switch s {
	case screenList:
		return t.ListTitle
	case screenCase:
		return t.Now
	case screenSteps:
		return t.StepsTitle
	case screenResident:
		return t.HelpResident
	case screenVolunteer:
		return t.VolunteerTitle
	case screenHistory:
		return t.HistoryTitle
	case screenHelp:
		return t.HelpTitle
	case screenAftercare:
		return t.HelpAftercare
	case screenReport:
		return t.ReportTitle
	case screenConflicts:
		return t.ConflictsTitle
	case screenAgenda:
		return t.AgendaTitle
	case screenDebts:
		return t.DebtsTitle
	case screenSignals:
		return m.stx.Title
	}
	return ""
}

// helpSection is a screen's title and a line per thing its keys do: keys
// that do the same share a line, and so do up and down.
func (m Model) helpSection(s screen) []string {
	upDown := m.t.KeyUp + "/" + m.t.KeyDown
	var descs []string
	keys := map[string][]string{}
	for _, e := range m.keysFor(s) {
		if m.o.Volunteer && !e.enabled(m) {
			continue // what a volunteer's checklist does not offer them
		}
		h := e.help()
		if e.desc == "" && (h.Key == m.keys.Up.Help().Key || h.Key == m.keys.Down.Help().Key) {
			h.Desc = upDown
		}
		if _, ok := keys[h.Desc]; !ok {
			descs = append(descs, h.Desc)
		}
		keys[h.Desc] = append(keys[h.Desc], m.st.helpKey.Render(h.Key))
	}
	lines := []string{m.st.section.Render(m.helpTitle(s))}
	for _, d := range descs {
		ks := strings.Join(keys[d], " ")
		lines = append(lines, pad(ks, max(8, widthOf(ks)+1))+" "+d)
	}
	return lines
}

// columns splits sections, kept in order, into at most n columns as short
// as they can be, with a blank line between sections.
func columns(sections [][]string, n int) [][]string {
	tallest, total := 0, 0
	for _, s := range sections {
		tallest = max(tallest, len(s))
		total += len(s) + 1
	}
	for limit := tallest; ; limit++ {
		cols := [][]string{nil}
		for _, s := range sections {
			cur := &cols[len(cols)-1]
			switch {
			case len(*cur) == 0:
				*cur = append(*cur, s...)
			case len(*cur)+1+len(s) <= limit:
				*cur = append(append(*cur, ""), s...)
			default:
				cols = append(cols, append([]string(nil), s...))
			}
		}
		if len(cols) <= n || limit >= total {
			return cols
		}
	}
}

// renderHelp is the full page of keys: every screen's key table.
func (m Model) renderHelp() (string, []key.Binding) {
	t, k := m.t, m.keys
	lines := []string{m.st.title.Render(t.App) + m.st.dim.Render(" › ") + m.st.bold.Render(t.HelpTitle), m.st.rule.Render(strings.Repeat("─", m.width))}
	// The screen it was opened from first: its keys are the ones wanted.
	order := []screen{m.back}
	for _, s := range helpScreens {
		if s != m.back {
			order = append(order, s)
		}
	}
	if m.o.Volunteer {
		// A volunteer stays in the checklist: only its keys, and help's.
		order = []screen{screenVolunteer, screenHelp}
	}
	sections := make([][]string, len(order))
	for i, s := range order {
		sections[i] = m.helpSection(s)
	}
	// Columns of at least 40 cells, so no description is cut.
	n := max(1, min(len(sections), m.width/40))
	cols := columns(sections, n)
	colW := m.width / len(cols)
	rows := 0
	for _, c := range cols {
		rows = max(rows, len(c))
	}
	for i := range rows {
		var row strings.Builder
		for _, c := range cols {
			cell := ""
			if i < len(c) {
				cell = c[i]
			}
			row.WriteString(pad(cell, colW))
		}
		lines = append(lines, row.String())
	}
	lines = append(lines, "")
	lines = append(lines, wrap(t.HelpGeneral, m.width)...)
	lines = append(lines, wrap(t.HelpDates, m.width)...)
	// Below the title, the page scrolls when the window is short.
	room := m.bodyHeight() - 2
	body := lines[2:]
	off := min(m.helpOffset, max(0, len(body)-room))
	body = body[off:]
	if len(body) > room {
		body = append(body[:room-1], m.st.dim.Render("  ↓ "+k.Down.Help().Key+" "+k.PageDown.Help().Key))
	}
	return strings.Join(append(lines[:2], body...), "\n"), m.footerKeys(m.helpKeys())
}

// footer is one line of the keys that work now, most important first; the
// help key always fits at the end, since it lists the rest.
func (m Model) footer(bindings []key.Binding) string {
	var parts []string
	helpW := widthOf(m.keys.Help.Help().Key) + 1 + widthOf(m.keys.Help.Help().Desc) + 3
	used := 0
	hasHelp := false
	for _, b := range bindings {
		if !b.Enabled() {
			continue
		}
		if key.Matches(tea.KeyPressMsg{Code: '?', Text: "?"}, b) {
			hasHelp = true
			continue
		}
		h := b.Help()
		w := widthOf(h.Key) + 1 + widthOf(h.Desc) + 3
		if used+w+helpW > m.width {
			continue
		}
		parts = append(parts, m.st.helpKey.Render(h.Key)+" "+m.st.helpDesc.Render(h.Desc))
		used += w
	}
	if hasHelp {
		h := m.keys.Help.Help()
		parts = append(parts, m.st.helpKey.Render(h.Key)+" "+m.st.helpDesc.Render(h.Desc))
	}
	return strings.Join(parts, m.st.dim.Render(" · "))
}
