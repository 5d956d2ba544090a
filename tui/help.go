package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// updateKey sends a key to the screen that is showing.
func (m Model) updateKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch m.screen {
	case screenList:
		return m.updateList(msg)
	case screenCase:
		return m.updateCase(msg)
	case screenSteps:
		return m.updateSteps(msg)
	case screenResident:
		return m.updateResident(msg)
	case screenVolunteer:
		return m.updateVolunteer(msg)
	case screenHistory:
		return m.updateHistory(msg)
	case screenAftercare:
		return m.updateAftercare(msg)
	case screenReport:
		return m.updateReport(msg)
	case screenConflicts:
		return m.updateConflicts(msg)
	case screenHelp:
		k := m.keys
		switch {
		case key.Matches(msg, k.Back, k.Help, k.Quit):
			m.screen, m.helpOffset = m.back, 0
		case key.Matches(msg, k.Down):
			m.helpOffset++
		case key.Matches(msg, k.Up):
			m.helpOffset = max(0, m.helpOffset-1)
		case key.Matches(msg, k.PageDown):
			m.helpOffset += m.height / 2
		case key.Matches(msg, k.PageUp):
			m.helpOffset = max(0, m.helpOffset-m.height/2)
		}
	}
	return m, nil
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

// renderHelp is the full page of keys, per screen.
func (m Model) renderHelp() (string, []key.Binding) {
	t, k := m.t, m.keys
	groups := []struct {
		title string
		keys  []key.Binding
	}{
		{t.ListTitle, []key.Binding{k.Up, k.Down, k.Open, k.Search, k.New, k.CloseCase, k.ShowClosed, k.Volunteer, k.Aftercare, k.Report, k.Quit}},
		{t.Now, []key.Binding{k.Tick, k.Undo, k.Edit, k.Due, k.Assign, k.Note, k.Add, k.Pin, k.Push, k.Dose, k.Appt, k.Agreement, k.Summary, k.Profile, k.Stage, k.Referral, k.Steps, k.Resident, k.History, k.PageDown, k.Back}},
		{t.StepsTitle, []key.Binding{k.Tick, k.NA, k.Edit, k.Due, k.Assign, k.Note, k.Pin, k.Push, k.Delete, k.Add, k.FilterOwner, k.FilterStatus, k.Undo}},
		{t.VolunteerTitle, []key.Binding{k.Tick, k.WorkNote, k.Undo}},
	}
	lines := []string{m.st.title.Render(t.App) + m.st.dim.Render(" › ") + m.st.bold.Render(t.HelpTitle), m.st.rule.Render(strings.Repeat("─", m.width))}
	colW := max(26, (m.width-4)/len(groups))
	var cols [][]string
	for _, g := range groups {
		col := []string{m.st.section.Render(g.title)}
		for _, b := range g.keys {
			h := b.Help()
			col = append(col, pad(m.st.helpKey.Render(h.Key), 8)+" "+h.Desc)
		}
		cols = append(cols, col)
	}
	if m.width >= 4*colW {
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
	} else {
		half := []([]string){append(append(cols[0], ""), cols[3]...), append(append(cols[1], ""), cols[2]...)}
		lines = append(lines, sideBySide(half[0], half[1], m.width/2, m.width)...)
	}
	lines = append(lines, "")
	lines = append(lines, wrap(t.HelpGeneral, m.width)...)
	lines = append(lines, wrap(t.HelpDates, m.width)...)
	// Below the title, the page scrolls when the window is short.
	room := m.height - 2 - 2
	body := lines[2:]
	off := min(m.helpOffset, max(0, len(body)-room))
	body = body[off:]
	if len(body) > room {
		body = append(body[:room-1], m.st.dim.Render("  ↓ "+k.Down.Help().Key+" "+k.PageDown.Help().Key))
	}
	return strings.Join(append(lines[:2], body...), "\n"), []key.Binding{k.Down, k.Up, k.Back}
}
