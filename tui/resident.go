package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"houvast/actionlist"
)

// The resident view is the laptop turned to the resident: only the dosed
// steps, how far they are and what was agreed. No notes for the team, no
// other cases, no jargon. One key in, one key out.

// residentKeys lead back to the action list, and nowhere else; the
// arrows and page keys move a long view. Their words are in the case's
// language, as the rest of the view.
func (m Model) residentKeys() keyTable {
	back := func(m Model) (tea.Model, tea.Cmd) {
		m.screen = screenCase
		m.cs.residentScroll = 0
		return m, nil
	}
	scroll := func(by func(Model) int) func(Model) (tea.Model, tea.Cmd) {
		return func(m Model) (tea.Model, tea.Cmd) {
			m.cs.residentScroll = max(0, m.cs.residentScroll+by(m))
			return m, nil
		}
	}
	rt := textFor(m.residentLang())
	return keyTable{
		{key: m.keys.ResidentBack, desc: rt.ResidentBack, do: back},
		{key: m.keys.Quit, desc: rt.ResidentBack, quiet: true, do: back},
		{key: m.keys.Down, quiet: true, when: moreBelow, do: scroll(func(Model) int { return 1 })},
		{key: m.keys.Up, quiet: true, when: scrolledDown, do: scroll(func(Model) int { return -1 })},
		{key: m.keys.PageDown, quiet: true, when: moreBelow, do: scroll(func(m Model) int { return m.height / 2 })},
		{key: m.keys.PageUp, quiet: true, when: scrolledDown, do: scroll(func(m Model) int { return -m.height / 2 })},
	}
}

func scrolledDown(m Model) bool { return m.cs.residentScroll > 0 }

func moreBelow(m Model) bool {
	return len(m.residentBody()) > m.cs.residentScroll+m.residentRoom()
}

// residentRoom is how many lines of the view fit under its blank top line.
func (m Model) residentRoom() int { return m.bodyHeight() - 1 }

// residentLang is the case's language when the screens have words for it
// (Dutch, English): the view is the resident's, whatever language the
// screens are in. A case in another language is shown in the screens' own,
// with a line that says the printed summary is in the resident's.
func (m Model) residentLang() actionlist.Lang {
	if l := m.cs.c.Language; slices.Contains(actionlist.Langs, actionlist.Lang(l)) {
		return actionlist.Lang(l)
	}
	return m.lang
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
	width := min(m.width-8, 90)
	indent := strings.Repeat(" ", max(2, (m.width-width)/2))
	body, room := m.residentBody(), m.residentRoom()
	// A view taller than the window scrolls, with the way down shown.
	scroll := min(m.cs.residentScroll, max(0, len(body)-room))
	body = body[scroll:]
	if len(body) > room {
		body = append(body[:room-1], m.st.dim.Render("↓ "+m.keys.PageDown.Help().Key))
	}
	lines := []string{""}
	for _, l := range body {
		if l != "" {
			l = indent + l
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n"), m.footerKeys(m.residentKeys())
}

// residentBody is every line of the resident view, unscrolled.
func (m Model) residentBody() []string {
	c, today := m.cs.c, m.today()
	lang := m.residentLang()
	t := textFor(lang)
	width := min(m.width-8, 90)
	// Every text whole, wrapped: a resident who reads with difficulty
	// loses no word to an ellipsis. A label hangs before its text.
	hang := func(prefix string, label, text string) []string {
		head := prefix
		if label != "" {
			head += m.st.dim.Render(label) + " "
		}
		rest := strings.Repeat(" ", widthOf(head))
		var out []string
		for k, l := range wrap(text, max(10, width-widthOf(head))) {
			if k == 0 {
				out = append(out, head+l)
			} else {
				out = append(out, rest+l)
			}
		}
		return out
	}
	var blocks [][]string
	blocks = append(blocks, append(hang("", "", m.st.big.Render(fmt.Sprintf(t.ResidentHello, clean(c.Name)))), m.residentLanguageLine(width)...))
	if len(m.cs.dosing.Now) == 0 {
		blocks = append(blocks, wrap(t.ResidentNoSteps, width))
	}
	for i, s := range m.cs.dosing.Now {
		s = m.residentStep(s)
		var b []string
		for k, l := range wrap(clean(s.Title), width-3) {
			if k == 0 {
				b = append(b, m.st.bold.Render(fmt.Sprintf("%d  ", i+1)+l))
			} else {
				b = append(b, "   "+m.st.bold.Render(l))
			}
		}
		b = append(b, hang("   ", t.ResidentWho+":", residentOwner(s, t, lang)+m.st.dim.Render(" · "+t.ResidentWhen+": ")+residentWhen(s, today, t, lang))...)
		for _, l := range []struct{ label, text string }{
			{t.After, s.After}, {t.WhenWhere, s.WhenWhere}, {t.IfNot, s.IfNot},
		} {
			if text := clean(l.text); text != "" {
				b = append(b, hang("   ", l.label, text)...)
			}
		}
		if note := clean(s.ResidentNote); note != "" {
			b = append(b, hang("   ", "✎", note)...)
		}
		blocks = append(blocks, b)
	}
	p := m.cs.progress.Overall
	full, empty, _ := progressBar(p.Done, p.Applicable, min(40, width-4))
	blocks = append(blocks, []string{fmt.Sprintf(t.ResidentSoFar, p.Done, p.Applicable), m.st.barFull.Render(full) + m.st.barEmpty.Render(empty)})
	if debts := m.residentDebts(width, t); len(debts) > 0 {
		blocks = append(blocks, debts)
	}
	var meeting []string
	if appt := apptText(c.Next, today, lang, true); appt != "" {
		meeting = append(meeting, hang(m.st.bold.Render(t.ResidentAppt+":")+" ", "", appt)...)
	}
	if n := len(c.Agreements); n > 0 {
		meeting = append(meeting, m.st.bold.Render(t.ResidentAgreed+":"))
		for i := n - 1; i >= 0 && i >= n-3; i-- {
			meeting = append(meeting, hang("  • ", "", clean(c.Agreements[i].What))...)
		}
	}
	blocks = append(blocks, meeting)
	return stack(blocks, m.residentRoom())
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
