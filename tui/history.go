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

func (m Model) updateHistory(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if key.Matches(msg, m.keys.Back, m.keys.Quit, m.keys.History) {
		m.screen = screenCase
		return m, nil
	}
	m.hist.offset = m.scroll(msg, m.hist.offset, len(m.hist.events))
	return m, nil
}

// scroll moves a text page by a line (up, down) or a page (pgup, pgdown),
// within the lines there are; other keys leave it.
func (m Model) scroll(msg tea.KeyPressMsg, offset, total int) int {
	k, room := m.keys, m.height-4
	last := max(0, total-room)
	switch {
	case key.Matches(msg, k.Up):
		offset--
	case key.Matches(msg, k.Down):
		offset++
	case key.Matches(msg, k.PageUp):
		offset -= room
	case key.Matches(msg, k.PageDown):
		offset += room
	}
	return max(0, min(last, offset))
}

// eventLine tells one event in words: when, who, what.
func eventLine(e actionlist.Event, titles map[string]string, t *text, l actionlist.Lang, today actionlist.Date) string {
	who := clean(e.Actor.Name)
	if e.Actor.Role != "" {
		who += " (" + actionlist.RoleLabel(e.Actor.Role, l) + ")"
	}
	field := e.Field
	if n, ok := t.Fields[e.Field]; ok {
		field = n
	}
	val := func(v string) string {
		if v = clean(v); v == "" {
			return t.Empty
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
	switch field {
	case "status":
		if s := actionlist.StepStatus(v); s.Valid() {
			return actionlist.StepStatusLabel(s, l)
		}
		return actionlist.CaseStatusLabel(actionlist.CaseStatus(v), l)
	case "owner":
		return actionlist.RoleLabel(actionlist.Role(v), l)
	case "phase":
		return actionlist.PhaseLabel(actionlist.Phase(v), l)
	case "close_reason":
		return actionlist.CloseReasonLabel(actionlist.CloseReason(v), l)
	}
	return v
}

func (m Model) renderHistory() (string, []key.Binding) {
	t, today := m.t, m.today()
	lines := []string{m.st.title.Render(t.App) + m.st.dim.Render(" › "+clean(m.cs.c.Name)+" › ") + m.st.bold.Render(t.HistoryTitle), m.st.rule.Render(strings.Repeat("─", m.width))}
	titles := make(map[string]string, len(m.cs.c.Steps))
	for _, s := range m.cs.c.Steps {
		titles[s.ID] = clean(s.Title)
	}
	switch {
	case !m.hist.loaded:
		lines = append(lines, t.Loading)
	case len(m.hist.events) == 0:
		lines = append(lines, t.HistoryEmpty)
	}
	room := m.height - 2 - len(lines)
	for _, e := range m.hist.events[min(m.hist.offset, len(m.hist.events)):min(len(m.hist.events), m.hist.offset+room)] {
		lines = append(lines, fit(eventLine(e, titles, t, m.lang, today), m.width))
	}
	k := m.keys
	return strings.Join(lines, "\n"), []key.Binding{k.Up, k.Down, k.PageDown, k.Back}
}
