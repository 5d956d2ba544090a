package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Every screen has one key table: each key with when it works and what it
// does. The screen's update dispatches through it, its footer is the
// entries that work now and the help page lists every table whole, so the
// three cannot drift apart.

// keyEntry is one key of a screen.
type keyEntry struct {
	key key.Binding
	// desc is what the key does on this screen when its own help says
	// something else (q goes back instead of quitting, say).
	desc string
	// when says whether the key works now; nil is always.
	when func(Model) bool
	// why is said in the status line when the key is pressed while it
	// does not work; nil says nothing.
	why func(*text) string
	// quiet keeps the entry out of the footer, for arrows and second keys
	// to the same thing; the help page lists it all the same.
	quiet bool
	do    func(Model) (tea.Model, tea.Cmd)
}

// keyTable is a screen's keys, the most important first: the footer shows
// them in this order, and the first working entry that matches a key wins.
type keyTable []keyEntry

func (e keyEntry) enabled(m Model) bool { return e.when == nil || e.when(m) }

// help is the key and what it does here.
func (e keyEntry) help() key.Help {
	h := e.key.Help()
	if e.desc != "" {
		h.Desc = e.desc
	}
	return h
}

// keysFor is the table of a screen.
func (m Model) keysFor(s screen) keyTable {
	switch s {
	case screenList:
		return m.listKeys()
	case screenCase:
		return m.caseKeys()
	case screenSteps:
		return m.stepsKeys()
	case screenResident:
		return m.residentKeys()
	case screenVolunteer:
		return m.volunteerKeys()
	case screenHistory:
		return m.historyKeys()
	case screenHelp:
		return m.helpKeys()
	case screenAftercare:
		return m.aftercareKeys()
	case screenReport:
		return m.reportKeys()
	case screenConflicts:
		return m.conflictsKeys()
	case screenAgenda:
		return m.agendaKeys()
	case screenDebts:
		return m.debtsKeys()
	case screenSignals:
		return m.signalsKeys()
	}
	return nil
}

// dispatch runs the first working entry that matches the key. A key that
// does not work now says why, if its entry knows; any other key does
// nothing.
func (m Model) dispatch(table keyTable, msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	for _, e := range table {
		if key.Matches(msg, e.key) && e.enabled(m) {
			return e.do(m)
		}
	}
	for _, e := range table {
		if e.why != nil && key.Matches(msg, e.key) {
			m.status = status{text: e.why(m.t)}
			return m, nil
		}
	}
	return m, nil
}

// footerKeys are the entries of a table that work now, in its order.
func (m Model) footerKeys(table keyTable) []key.Binding {
	out := make([]key.Binding, 0, len(table))
	for _, e := range table {
		if e.quiet || !e.enabled(m) {
			continue
		}
		b := e.key
		if e.desc != "" {
			b.SetHelp(b.Help().Key, e.desc)
		}
		out = append(out, b)
	}
	return out
}

// Conditions shared by several tables.

func whyNothingToUndo(t *text) string { return t.NothingUndo }

func whyNothingToUndoHere(t *text) string { return t.NothingUndoHere }

func whyNotInNow(t *text) string { return t.NotInNow }

// openHelp shows the help page; it returns to the screen it came from.
func (m Model) openHelp() (tea.Model, tea.Cmd) {
	m.back, m.screen = m.screen, screenHelp
	return m, nil
}
