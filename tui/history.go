package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"houvast/actionlist"
	"houvast/store"
)

// historyScreen lists a case's events, newest first.
type historyScreen struct {
	events []actionlist.Event
	loaded bool
	offset int
}

func (h *historyScreen) set(evs []actionlist.Event, err error) {
	h.events, h.loaded, h.offset = evs, err == nil, 0
}

// historyKeys are the history's keys: it scrolls, and h goes back.
func (m Model) historyKeys() keyTable {
	back := func(m Model) (tea.Model, tea.Cmd) {
		m.screen = screenCase
		return m, nil
	}
	return m.pageKeys(m.keys.History, back, func(m Model, by int) Model {
		m.hist.offset = m.scrolled(m.hist.offset, len(m.hist.events), by)
		return m
	})
}

// pageKeys are the keys of a page of text that scrolls: a line (up, down)
// or a page (pgdown, pgup) at a time; esc, q and the key that opened it go
// back.
func (m Model) pageKeys(again key.Binding, back func(Model) (tea.Model, tea.Cmd), scroll func(m Model, by int) Model) keyTable {
	k, t := m.keys, m.t
	by := func(n func(Model) int) func(Model) (tea.Model, tea.Cmd) {
		return func(m Model) (tea.Model, tea.Cmd) { return scroll(m, n(m)), nil }
	}
	return keyTable{
		{key: k.Up, do: by(func(Model) int { return -1 })},
		{key: k.Down, do: by(func(Model) int { return 1 })},
		{key: k.PageDown, do: by(func(m Model) int { return m.pageRoom() })},
		{key: k.Back, do: back},
		{key: k.PageUp, quiet: true, do: by(func(m Model) int { return -m.pageRoom() })},
		{key: k.Quit, desc: t.KeyBack, quiet: true, do: back},
		{key: again, desc: t.KeyBack, quiet: true, do: back},
	}
}

// pageRoom is how many lines of a text page fit under its title.
func (m Model) pageRoom() int { return m.bodyHeight() - 2 }

// scrolled moves a text page's offset by some lines, within the lines
// there are.
func (m Model) scrolled(offset, total, by int) int {
	last := max(0, total-m.pageRoom())
	return max(0, min(last, offset+by))
}

// eventLine tells one event in words: when, who, what.
func eventLine(e actionlist.Event, titles map[string]string, t *text, l actionlist.Lang, today actionlist.Date) string {
	who := clean(e.Actor.Name)
	if e.Actor.Role != "" {
		who += " (" + actionlist.RoleLabel(e.Actor.Role, l) + ")"
	}
	field := actionlist.FieldLabel(e.Entity, e.Field, l)
	val := func(v string) string {
		if v = clean(v); v == "" {
			return t.Empty
		}
		if e.Entity == actionlist.EntityDebt {
			return actionlist.DebtFieldValueLabel(e.Field, v, l)
		}
		return fieldValue(e.Field, v, l)
	}
	var what string
	switch e.Action {
	case store.ActionImported:
		return eventTime(e.At, today, l) + "  " + who + "  " + t.EvImported[e.Field]
	case store.ActionConflict:
		return eventTime(e.At, today, l) + "  " + who + "  " + fmt.Sprintf(t.EvConflict, titles[e.EntityID], field, val(e.Old), val(e.New))
	case store.ActionResolved:
		return eventTime(e.At, today, l) + "  " + who + "  " + fmt.Sprintf(t.EvResolved, titles[e.EntityID], field)
	}
	switch e.Entity {
	case actionlist.EntityCase:
		if e.Action == actionlist.ActionCreated {
			what = t.EvCaseCreated
		} else {
			what = fmt.Sprintf(t.EvCaseChanged, field, val(e.Old), val(e.New))
		}
	case actionlist.EntityStep:
		title := titles[e.EntityID]
		switch e.Action {
		case actionlist.ActionCreated:
			what = fmt.Sprintf(t.EvStepCreated, snapshotTitle(e.New, title))
		case actionlist.ActionDeleted:
			what = fmt.Sprintf(t.EvStepDeleted, snapshotTitle(e.Old, title))
		default:
			what = fmt.Sprintf(t.EvStepChanged, title, field, val(e.Old), val(e.New))
		}
	case actionlist.EntityAgreement:
		switch e.Action {
		case actionlist.ActionCreated:
			a, _ := actionlist.AgreementFromSnapshot(e.New)
			what = fmt.Sprintf(t.EvAgreeCreated, clean(a.What))
		case actionlist.ActionDeleted:
			a, _ := actionlist.AgreementFromSnapshot(e.Old)
			what = fmt.Sprintf(t.EvAgreeDeleted, clean(a.What))
		default:
			what = fmt.Sprintf(t.EvAgreeChanged, field, val(e.Old), val(e.New))
		}
	case actionlist.EntityDebt:
		what = debtEventText(e, titles[e.EntityID], field, val, t, l)
	}
	return eventTime(e.At, today, l) + "  " + who + "  " + what
}

func snapshotTitle(snapshot, fallback string) string {
	if s, err := actionlist.StepFromSnapshot(snapshot); err == nil && s.Title != "" {
		return clean(s.Title)
	}
	return fallback
}

// fieldValue shows stored kinds (a status, a role) in words.
func fieldValue(field, v string, l actionlist.Lang) string {
	return actionlist.FieldValueLabel(field, v, l)
}

func (m Model) renderHistory() (string, []key.Binding) {
	t, today := m.t, m.today()
	lines := []string{m.st.title.Render(t.App) + m.st.dim.Render(" › "+clean(m.cs.c.Name)+" › ") + m.st.bold.Render(t.HistoryTitle), m.st.rule.Render(strings.Repeat("─", m.width))}
	titles := make(map[string]string, len(m.cs.c.Steps))
	for _, s := range m.cs.c.Steps {
		titles[s.ID] = clean(s.Title)
	}
	for _, d := range m.cs.c.Debts {
		titles[d.ID] = clean(d.Creditor)
	}
	switch {
	case !m.hist.loaded:
		lines = append(lines, t.Loading)
	case len(m.hist.events) == 0:
		lines = append(lines, t.HistoryEmpty)
	}
	room := m.bodyHeight() - len(lines)
	for _, e := range m.hist.events[min(m.hist.offset, len(m.hist.events)):min(len(m.hist.events), m.hist.offset+room)] {
		lines = append(lines, fit(eventLine(e, titles, t, m.lang, today), m.width))
	}
	return strings.Join(lines, "\n"), m.footerKeys(m.historyKeys())
}
