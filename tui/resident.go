package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"houvast/actionlist"
)

// The resident view is the laptop turned to the resident: only the dosed
// steps, how far they are and what was agreed. No notes for the team, no
// other cases, no jargon. One key in, one key out.

// residentKeys lead back to the action list, and nowhere else.
func (m Model) residentKeys() keyTable {
	back := func(m Model) (tea.Model, tea.Cmd) {
		m.screen = screenCase
		return m, nil
	}
	return keyTable{
		{key: m.keys.ResidentBack, do: back},
		{key: m.keys.Quit, desc: m.t.ResidentBack, quiet: true, do: back},
	}
}

// residentOwner says who does a step, speaking to the resident.
func residentOwner(s actionlist.Step, t *text, l actionlist.Lang) string {
	name := clean(s.OwnerName)
	switch s.Owner {
	case actionlist.RoleResident:
		return t.ResidentYou
	case actionlist.RoleTogether:
		if name != "" {
			return fmt.Sprintf(t.ResidentTogether, name)
		}
		return fmt.Sprintf(t.ResidentTogether, actionlist.RoleLabel(actionlist.RoleVolunteer, l))
	}
	role := actionlist.RoleLabel(s.Owner, l)
	if name != "" {
		return name + " (" + role + ")"
	}
	return role
}

func (m Model) renderResident() (string, []key.Binding) {
	c, t, today := m.cs.c, m.t, m.today()
	width := min(m.width-8, 90)
	indent := strings.Repeat(" ", max(2, (m.width-width)/2))
	room := m.height - 2
	// The expectation may take two lines when there is room for it.
	afterLines := 2
	if 2+len(m.cs.dosing.Now)*5+3+3 > room {
		afterLines = 1
	}
	var blocks [][]string
	blocks = append(blocks, append([]string{m.st.big.Render(fmt.Sprintf(t.ResidentHello, clean(c.Name)))}, m.residentLanguageLine(width)...))
	if len(m.cs.dosing.Now) == 0 {
		blocks = append(blocks, wrap(t.ResidentNoSteps, width))
	}
	for i, s := range m.cs.dosing.Now {
		s = m.residentStep(s)
		b := []string{
			m.st.bold.Render(fmt.Sprintf("%d  ", i+1) + fit(clean(s.Title), width-3)),
			"   " + m.st.dim.Render(t.ResidentWho+": ") + residentOwner(s, t, m.lang) + m.st.dim.Render(" · "+t.ResidentWhen+": ") + residentWhen(s, today, t, m.lang),
		}
		if after := clean(s.After); after != "" {
			text := wrap(after, width-4-widthOf(t.After))
			if len(text) > afterLines {
				text = []string{fit(after, width-4-widthOf(t.After))}
			}
			for j, l := range text {
				if j == 0 {
					b = append(b, "   "+m.st.dim.Render(t.After)+" "+l)
				} else {
					b = append(b, "   "+strings.Repeat(" ", widthOf(t.After)+1)+l)
				}
			}
		}
		if note := clean(s.ResidentNote); note != "" {
			b = append(b, "   "+fit("✎ "+note, width-3))
		}
		blocks = append(blocks, b)
	}
	p := m.cs.progress.Overall
	full, empty, _ := progressBar(p.Done, p.Applicable, min(40, width-4))
	blocks = append(blocks, []string{fmt.Sprintf(t.ResidentSoFar, p.Done, p.Applicable), m.st.barFull.Render(full) + m.st.barEmpty.Render(empty)})
	var meeting []string
	if appt := apptText(c.Next, today, m.lang, true); appt != "" {
		meeting = append(meeting, fit(m.st.bold.Render(t.ResidentAppt+": ")+appt, width))
	}
	if n := len(c.Agreements); n > 0 {
		meeting = append(meeting, m.st.bold.Render(t.ResidentAgreed+":"))
		for i := n - 1; i >= 0 && i >= n-3; i-- {
			meeting = append(meeting, "  • "+fit(clean(c.Agreements[i].What), width-4))
		}
	}
	blocks = append(blocks, meeting)
	lines := []string{""}
	for _, l := range stack(blocks, room-1) {
		if l != "" {
			l = indent + l
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n"), m.footerKeys(m.residentKeys())
}

// residentWhen says by when, calmly: today, tomorrow, a day in words; a step
// past its date is "as soon as possible", not a reproach.
func residentWhen(s actionlist.Step, today actionlist.Date, t *text, l actionlist.Lang) string {
	switch {
	case s.Due.IsZero():
		return t.NoDue
	case s.Overdue(today):
		return t.ResidentASAP
	case s.Due == today:
		return t.DueToday
	case s.Due == today.AddDays(1):
		return t.DueTomorrow
	}
	return longDate(s.Due, today, l)
}
