package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"houvast/actionlist"
)

// Views across all cases: the aftercare check-ins that need attention and
// the anonymous caseload figures. Both read every case, in a command.

type overviewScreen struct {
	checkIns []actionlist.CheckIn
	report   []string
	loaded   bool
	cursor   int // in checkIns
	offset   int // in report
}

type allCasesMsg struct {
	cases   []actionlist.Case
	signals []actionlist.ArrearsSignal // for the figures; none without a signal store
	err     error
}

func (m Model) loadAllCases() tea.Cmd {
	st, sigs := m.o.Store, m.o.Signals
	return func() tea.Msg {
		ctx, cancel := storeCtx()
		defer cancel()
		cases, err := st.AllCases(ctx)
		if err != nil || sigs == nil {
			return allCasesMsg{cases: cases, err: err}
		}
		signals, err := sigs.AllSignals(ctx)
		return allCasesMsg{cases: cases, signals: signals, err: err}
	}
}

// aftercareWithin is how far ahead the aftercare view looks, in days.
const aftercareWithin = 14

func (m Model) allCasesLoaded(msg allCasesMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.status = m.failure(msg.err)
		return m, nil
	}
	today := m.today()
	m.over.loaded = true
	m.over.checkIns = actionlist.AftercareView(msg.cases, today, aftercareWithin)
	m.over.cursor = max(0, min(m.over.cursor, len(m.over.checkIns)-1))
	f := actionlist.Report(msg.cases, actionlist.Date{}, today, today)
	text := actionlist.ReportText(f, m.lang)
	if m.o.Signals != nil {
		text += actionlist.SignalReportText(actionlist.SignalReport(msg.signals, actionlist.Date{}, today, today), m.lang)
	}
	m.over.report = strings.Split(strings.TrimRight(text, "\n"), "\n")
	return m, nil
}

func (m Model) openOverview(s screen) (tea.Model, tea.Cmd) {
	m.screen = s
	m.over = overviewScreen{}
	return m, m.loadAllCases()
}

func checkInChosen(m Model) bool { return m.over.cursor < len(m.over.checkIns) }

// aftercareKeys are the aftercare view's keys.
func (m Model) aftercareKeys() keyTable {
	k, t := m.keys, m.t
	back := func(m Model) (tea.Model, tea.Cmd) {
		m.screen = screenList
		return m, m.loadCases()
	}
	return keyTable{
		{key: k.Up, do: func(m Model) (tea.Model, tea.Cmd) {
			m.over.cursor = max(0, m.over.cursor-1)
			return m, nil
		}},
		{key: k.Down, do: func(m Model) (tea.Model, tea.Cmd) {
			m.over.cursor = max(0, min(len(m.over.checkIns)-1, m.over.cursor+1))
			return m, nil
		}},
		{key: k.Open, when: checkInChosen, do: func(m Model) (tea.Model, tea.Cmd) {
			return m, m.loadCase(m.over.checkIns[m.over.cursor].CaseID, false)
		}},
		{key: k.Back, do: back},
		{key: k.Help, do: Model.openHelp},
		{key: k.Quit, desc: t.KeyBack, quiet: true, do: back},
		{key: k.Aftercare, desc: t.KeyBack, quiet: true, do: back},
	}
}

func (m Model) renderAftercare() (string, []key.Binding) {
	t, today := m.t, m.today()
	lines := []string{m.st.title.Render(t.App) + m.st.dim.Render(" › ") + m.st.bold.Render(t.AftercareTitle), m.st.rule.Render(strings.Repeat("─", m.width))}
	switch {
	case !m.over.loaded:
		lines = append(lines, t.Loading)
	case len(m.over.checkIns) == 0:
		lines = append(lines, t.AftercareEmpty)
	}
	room := m.bodyHeight() - len(lines)
	rows := m.over.checkIns
	off, end, more := m.scrollWindow(m.over.cursor, len(rows), room)
	for i := off; i < end; i++ {
		ci := rows[i]
		when := shortDate(ci.Step.Due, today, m.lang)
		if ci.Days > 0 {
			when += " (" + fmt.Sprintf(t.AftercareDays, ci.Days) + ")"
		}
		line := fmt.Sprintf("  %s  %s  %s · %s  %s", pad(actionlist.CheckInStateLabel(ci.State, m.lang), 16), pad(when, 25),
			clean(ci.Name), clean(ci.Ref), clean(ci.Step.Title))
		switch {
		case i == m.over.cursor:
			line = m.st.selected.Render(pad(line, m.width))
		case ci.Days < 0:
			line = m.st.overdue.Render(line)
		}
		lines = append(lines, line)
	}
	if more != "" {
		lines = append(lines, more)
	}
	return strings.Join(lines, "\n"), m.footerKeys(m.aftercareKeys())
}

// reportKeys are the figures' keys: they scroll, and R goes back.
func (m Model) reportKeys() keyTable {
	back := func(m Model) (tea.Model, tea.Cmd) {
		m.screen = screenList
		return m, nil
	}
	return m.pageKeys(m.keys.Report, back, func(m Model, by int) Model {
		m.over.offset = m.scrolled(m.over.offset, len(m.over.report), by)
		return m
	})
}

func (m Model) renderReport() (string, []key.Binding) {
	t := m.t
	lines := []string{m.st.title.Render(t.App) + m.st.dim.Render(" › ") + m.st.bold.Render(t.ReportTitle), m.st.rule.Render(strings.Repeat("─", m.width))}
	if !m.over.loaded {
		lines = append(lines, t.ReportLoading)
	}
	room := m.bodyHeight() - len(lines)
	r := m.over.report
	for _, l := range r[min(m.over.offset, len(r)):min(len(r), m.over.offset+room)] {
		lines = append(lines, clean(l))
	}
	return strings.Join(lines, "\n"), m.footerKeys(m.reportKeys())
}
