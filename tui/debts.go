package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"houvast/actionlist"
)

// The debts screen is every creditor of the open case on one page: who,
// how much, and where the request for the balance stands. The rows are
// drawn from the case's debts, which are sorted once per change, not per
// frame.

// debtsScreen is the list's cursor, scroll and order.
type debtsScreen struct {
	cursor  int
	scroll  int
	byState bool              // sorted by state; else in the order they were added
	rows    []actionlist.Debt // the case's debts in the order shown
	totals  actionlist.DebtTotals
}

// refreshDebts orders the open case's debts for the screen and adds them
// up; every change of the debts goes through here.
func (m *Model) refreshDebts() {
	rows := slices.Clone(m.cs.c.Debts)
	if m.debts.byState {
		actionlist.SortDebts(rows)
	}
	m.debts.rows = rows
	m.debts.totals = actionlist.TotalDebts(rows)
	m.debts.cursor = max(0, min(m.debts.cursor, len(rows)-1))
}

func (ds debtsScreen) selected() (actionlist.Debt, bool) {
	if ds.cursor < len(ds.rows) {
		return ds.rows[ds.cursor], true
	}
	return actionlist.Debt{}, false
}

// Messages of the debts screen.
type (
	debtSavedMsg struct {
		caseID string
		d      actionlist.Debt
		seq    int64
		err    error
		undo   *undoEntry
		report string
	}
	debtDeletedMsg struct {
		caseID string
		id     string
		seq    int64
		err    error
		undo   *undoEntry
		report string
	}
)

func debtChosen(m Model) bool {
	_, ok := m.debts.selected()
	return ok
}

func whyNoDebt(t *text) string { return t.NoDebtChosen }

// onDebt runs f on the chosen debt.
func onDebt(f func(Model, actionlist.Debt) (tea.Model, tea.Cmd)) func(Model) (tea.Model, tea.Cmd) {
	return func(m Model) (tea.Model, tea.Cmd) {
		d, _ := m.debts.selected()
		return f(m, d)
	}
}

// openDebts shows the debts screen of the open case.
func (m Model) openDebts() (tea.Model, tea.Cmd) {
	m.screen = screenDebts
	m.status = status{}
	m.refreshDebts()
	return m, nil
}

// debtsKeys are the debts screen's keys.
func (m Model) debtsKeys() keyTable {
	k, t := m.keys, m.t
	sortDesc := t.KeySortState
	if m.debts.byState {
		sortDesc = t.KeySortAdded
	}
	move := func(to func(Model) int) func(Model) (tea.Model, tea.Cmd) {
		return func(m Model) (tea.Model, tea.Cmd) {
			m.debts.cursor = max(0, min(len(m.debts.rows)-1, to(m)))
			m.debts.scroll = m.debtsScrollTo(m.debts.cursor)
			return m, nil
		}
	}
	back := func(m Model) (tea.Model, tea.Cmd) {
		m.screen = screenCase
		m.status = status{}
		return m, nil
	}
	return keyTable{
		{key: k.Add, desc: t.KeyAddDebt, do: func(m Model) (tea.Model, tea.Cmd) {
			return m.openForm(m.debtForm(actionlist.Debt{Kind: actionlist.DebtOther, State: actionlist.DebtNotAsked}, m.newDebtValues(actionlist.Debt{}), true))
		}},
		{key: k.Edit, when: debtChosen, why: whyNoDebt, do: onDebt(func(m Model, d actionlist.Debt) (tea.Model, tea.Cmd) {
			return m.openForm(m.debtForm(d, m.newDebtValues(d), false))
		})},
		{key: k.Asked, when: debtChosen, why: whyNoDebt, do: onDebt(func(m Model, d actionlist.Debt) (tea.Model, tea.Cmd) {
			return m.saveDebt(d, actionlist.AskBalance(d, m.today()), fmt.Sprintf(m.t.DebtAskedMsg, clean(d.Creditor)))
		})},
		{key: k.Answered, when: debtChosen, why: whyNoDebt, do: onDebt(func(m Model, d actionlist.Debt) (tea.Model, tea.Cmd) {
			v := &debtValues{confirmed: actionlist.AmountInput(d.Amount, m.lang)}
			if d.IsConfirmed() {
				v.confirmed = actionlist.AmountInput(d.Confirmed, m.lang)
			}
			return m.openForm(m.answerForm(d, v))
		})},
		{key: k.Delete, when: debtChosen, why: whyNoDebt, do: onDebt(Model.askRemoveDebt)},
		{key: k.CrisisStep, when: threatOffered, why: func(t *text) string { return t.NoCrisisStep }, do: onDebt(Model.addDebtCrisisStep)},
		{key: k.SortState, desc: sortDesc, do: func(m Model) (tea.Model, tea.Cmd) {
			keep, _ := m.debts.selected()
			m.debts.byState = !m.debts.byState
			m.refreshDebts()
			if i := slices.IndexFunc(m.debts.rows, func(d actionlist.Debt) bool { return d.ID == keep.ID }); i >= 0 {
				m.debts.cursor = i
			}
			m.debts.scroll = m.debtsScrollTo(m.debts.cursor)
			return m, nil
		}},
		{key: k.Undo, when: canUndo, why: whyNothingToUndoHere, do: Model.undoLast},
		{key: k.Back, do: back},
		{key: k.Help, do: Model.openHelp},
		{key: k.Quit, desc: t.KeyBack, quiet: true, do: back},
		{key: k.Up, quiet: true, do: move(func(m Model) int { return m.debts.cursor - 1 })},
		{key: k.Down, quiet: true, do: move(func(m Model) int { return m.debts.cursor + 1 })},
		{key: k.PageUp, quiet: true, do: move(func(m Model) int { return m.debts.cursor - m.debtRoom() })},
		{key: k.PageDown, quiet: true, do: move(func(m Model) int { return m.debts.cursor + m.debtRoom() })},
	}
}

// threatOffered is true when the chosen debt threatens the home or a basic
// service and no crisis step for it is in the plan yet.
func threatOffered(m Model) bool {
	d, ok := m.debts.selected()
	return ok && len(actionlist.DebtCrisisSteps([]actionlist.Debt{d}, m.cs.c.Steps, m.cs.c.Language.Working())) > 0
}

func (m Model) addDebtCrisisStep(d actionlist.Debt) (tea.Model, tea.Cmd) {
	steps := actionlist.DebtCrisisSteps([]actionlist.Debt{d}, m.cs.c.Steps, m.cs.c.Language.Working())
	if len(steps) == 0 {
		m.status = status{text: m.t.NoCrisisStep}
		return m, nil
	}
	s := steps[0]
	s.Order = actionlist.NextOrder(m.cs.c.Steps, s.Phase)
	s.Due = m.today().AddDays(1)
	m.status = status{text: m.t.Saving}
	return m.addStep(s, fmt.Sprintf(m.t.CrisisStepAdded, clean(s.Title)))
}

// debtRoom is how many rows of debts fit under the screen's header.
func (m Model) debtRoom() int {
	return max(1, m.bodyHeight()-debtsHeaderLines-2)
}

// debtsScrollTo is the scroll that keeps row i in view, moving as little
// as possible.
func (m Model) debtsScrollTo(i int) int {
	room, scroll := m.debtRoom(), m.debts.scroll
	if i >= scroll+room {
		scroll = i - room + 1
	}
	if i < scroll {
		scroll = i
	}
	return max(0, scroll)
}

// debtsHeaderLines is the height of debtsHeader: the title, a rule and the
// totals.
const debtsHeaderLines = 3

func (m Model) debtsHeader() []string {
	c, t := m.cs.c, m.t
	title := m.st.title.Render(t.App) + m.st.dim.Render(" › ") + m.st.bold.Render(clean(c.Name)) +
		m.st.dim.Render(" › "+t.DebtsTitle+" · "+clean(c.Ref))
	tot := m.debts.totals
	sums := fmt.Sprintf(t.DebtTotals, actionlist.FormatEuros(tot.ConfirmedAt, m.lang), actionlist.FormatEuros(tot.ToConfirm, m.lang))
	if tot.Threats > 0 {
		sums += m.st.overdue.Render("  " + glyphOverdue + " " + fmt.Sprintf(t.DebtThreats, tot.Threats))
	}
	return []string{fit(title, m.width), m.st.rule.Render(strings.Repeat("─", m.width)), fit(m.debtCountLine()+m.st.dim.Render(" · ")+sums, m.width)}
}

// debtColumns are the widths of the row's columns on this screen.
func (m Model) debtColumns() (creditor, kind, amount, state int) {
	amount, state = 14, 26
	if m.width >= 110 {
		kind = 26
	}
	creditor = max(10, m.width-4-amount-2-state-2-kind)
	return
}

// debtRow is one debt on a line: a threat mark, the creditor, the amount
// as best known and the state.
func (m Model) debtRow(d actionlist.Debt, selected bool) string {
	today := m.today()
	cw, kw, aw, sw := m.debtColumns()
	marker := "  "
	if selected {
		marker = "▸ "
	}
	mark := "  "
	if d.Threat != actionlist.ThreatNone && d.State != actionlist.DebtPaidOff {
		mark = glyphOverdue + " "
	}
	who := clean(d.Creditor)
	if col := clean(d.Collector); col != "" {
		who += " / " + col
	}
	row := marker + mark + pad(who, cw)
	if kw > 0 {
		row += pad(actionlist.DebtKindLabel(d.Kind, m.lang), kw)
	}
	amount := actionlist.FormatAmount(d.Best(), m.lang)
	row += strings.Repeat(" ", max(0, aw-widthOf(amount))) + amount + "  " + pad(m.debtStateText(d, today), sw)
	switch {
	case selected:
		return m.st.selected.Render(pad(row, m.width))
	case mark != "  ":
		return m.st.overdue.Render(row)
	case d.State == actionlist.DebtPaidOff:
		return m.st.dim.Render(row)
	}
	return row
}

// debtStateText is the state with its date, and a glyph so it reads
// without colour.
func (m Model) debtStateText(d actionlist.Debt, today actionlist.Date) string {
	label := actionlist.DebtStateLabel(d.State, m.lang)
	switch d.State {
	case actionlist.DebtNotAsked:
		return glyphOpen + " " + label
	case actionlist.DebtAsked:
		return glyphWaiting + " " + label + " " + shortDate(d.AskedOn, today, m.lang)
	case actionlist.DebtAnswered, actionlist.DebtArrangement, actionlist.DebtPaidOff:
		return glyphDone + " " + label
	}
	return glyphOverdue + " " + label
}

// debtDetail is what the row leaves out, for the chosen debt: reference,
// original amount, the threat and the team's note.
func (m Model) debtDetail(d actionlist.Debt) string {
	t := m.t
	var parts []string
	if ref := clean(d.Reference); ref != "" {
		parts = append(parts, t.DebtRef+" "+ref)
	}
	parts = append(parts, actionlist.DebtKindLabel(d.Kind, m.lang))
	if d.Original > 0 {
		parts = append(parts, t.DebtOriginal+" "+actionlist.FormatAmount(d.Original, m.lang))
	}
	if d.IsConfirmed() && d.Confirmed != d.Amount {
		parts = append(parts, t.DebtClaimed+" "+actionlist.FormatAmount(d.Amount, m.lang))
	}
	if d.Threat != actionlist.ThreatNone {
		parts = append(parts, glyphOverdue+" "+actionlist.ThreatLabel(d.Threat, m.lang))
	}
	if note := clean(d.Note); note != "" {
		parts = append(parts, "✎ "+note)
	}
	return strings.Join(parts, " · ")
}

func (m Model) renderDebts() (string, []key.Binding) {
	ds, t := m.debts, m.t
	lines := m.debtsHeader()
	if len(ds.rows) == 0 {
		lines = append(lines, "", "  "+t.DebtsNone)
		return strings.Join(lines, "\n"), m.footerKeys(m.debtsKeys())
	}
	cw, kw, aw, sw := m.debtColumns()
	head := "    " + pad(t.DebtCreditor, cw)
	if kw > 0 {
		head += pad(t.DebtKind, kw)
	}
	head += strings.Repeat(" ", max(0, aw-widthOf(t.DebtAmount))) + t.DebtAmount + "  " + pad(t.DebtState, sw)
	lines = append(lines, m.st.dim.Render(fit(head, m.width)))
	room := m.debtRoom()
	scroll := min(ds.scroll, max(0, len(ds.rows)-room))
	end := min(len(ds.rows), scroll+room)
	for i := scroll; i < end; i++ {
		lines = append(lines, m.debtRow(ds.rows[i], i == ds.cursor))
	}
	more := ""
	if rest := len(ds.rows) - end; rest > 0 {
		more = fmt.Sprintf(t.DebtsMore, rest) + " · "
	}
	if d, ok := ds.selected(); ok {
		lines = append(lines, m.st.dim.Render(fit("  "+more+m.debtDetail(d), m.width)))
	}
	return strings.Join(lines, "\n"), m.footerKeys(m.debtsKeys())
}

// debtCountLine is the case header's one line about the debts: how many
// are confirmed, and the total as best known.
func (m Model) debtCountLine() string {
	tot := m.debts.totals
	if tot.Count == 0 {
		return m.st.dim.Render(m.t.DebtsHeaderNone)
	}
	return fmt.Sprintf(m.t.DebtsHeader, tot.Confirmed, tot.Count, actionlist.FormatEuros(tot.Known, m.lang))
}

// debtValues are the debt form's fields.
type debtValues struct {
	creditor, collector, reference, amount, original, note, confirmed string
	kind                                                              actionlist.DebtKind
	threat                                                            actionlist.Threat
	state                                                             actionlist.DebtState
}

func (m Model) newDebtValues(d actionlist.Debt) *debtValues {
	v := &debtValues{creditor: d.Creditor, collector: d.Collector, reference: d.Reference, note: d.Note,
		kind: d.Kind, threat: d.Threat, state: d.State}
	if v.kind == "" {
		v.kind = actionlist.DebtOther
	}
	if v.state == "" {
		v.state = actionlist.DebtNotAsked
	}
	if d.Amount > 0 {
		v.amount = actionlist.AmountInput(d.Amount, m.lang)
	}
	if d.Original > 0 {
		v.original = actionlist.AmountInput(d.Original, m.lang)
	}
	return v
}

// validAmount says in a sentence what is wrong with a typed amount; the
// form keeps what was typed. An empty amount is allowed when optional.
func (m Model) validAmount(optional bool) func(string) error {
	return func(s string) error {
		if optional && strings.TrimSpace(s) == "" {
			return nil
		}
		_, err := actionlist.ParseAmount(s)
		var ae *actionlist.AmountError
		if !errors.As(err, &ae) {
			return nil
		}
		switch ae.Problem {
		case actionlist.AmountNegative:
			return errors.New(m.t.AmountNegative)
		case actionlist.AmountTooLarge:
			return errors.New(m.t.AmountTooLarge)
		case actionlist.AmountEmpty:
			return errors.New(m.t.AmountRequired)
		}
		return errors.New(m.t.AmountWrong)
	}
}

// amountOf reads a validated amount field; empty is zero.
func amountOf(s string) actionlist.Cents {
	c, _ := actionlist.ParseAmount(s)
	return c
}

func (m Model) debtForm(orig actionlist.Debt, v *debtValues, adding bool) *form {
	t, l := m.t, m.lang
	var kinds []huh.Option[actionlist.DebtKind]
	for _, k := range actionlist.DebtKinds {
		kinds = append(kinds, huh.NewOption(actionlist.DebtKindLabel(k, l), k))
	}
	threats := []huh.Option[actionlist.Threat]{huh.NewOption(actionlist.ThreatLabel(actionlist.ThreatNone, l), actionlist.ThreatNone)}
	for _, th := range actionlist.Threats {
		threats = append(threats, huh.NewOption(actionlist.ThreatLabel(th, l), th))
	}
	var states []huh.Option[actionlist.DebtState]
	for _, s := range actionlist.DebtStates {
		states = append(states, huh.NewOption(actionlist.DebtStateLabel(s, l), s))
	}
	first := []huh.Field{
		huh.NewInput().Title(t.FieldCreditor).Value(&v.creditor).CharLimit(actionlist.MaxShort + 1).Validate(m.required(t.CreditorRequired, actionlist.MaxShort)),
		huh.NewInput().Title(t.FieldAmount).Description(t.FieldAmountHint).Value(&v.amount).CharLimit(41).Validate(m.validAmount(false)),
		huh.NewSelect[actionlist.DebtKind]().Title(t.FieldKind).Options(kinds...).Value(&v.kind).Inline(true),
		huh.NewSelect[actionlist.Threat]().Title(t.FieldThreat).Options(threats...).Value(&v.threat).Inline(true),
	}
	if !adding {
		first = append(first, huh.NewSelect[actionlist.DebtState]().Title(t.FieldDebtState).Options(states...).Value(&v.state).Inline(true))
	}
	second := []huh.Field{
		huh.NewInput().Title(t.FieldCollector).Value(&v.collector).CharLimit(actionlist.MaxShort + 1).Validate(m.limited(actionlist.MaxShort)),
		huh.NewInput().Title(t.FieldReference).Value(&v.reference).CharLimit(actionlist.MaxShort + 1).Validate(m.limited(actionlist.MaxShort)),
		huh.NewInput().Title(t.FieldOriginal).Value(&v.original).CharLimit(41).Validate(m.validAmount(true)),
		textArea().Title(t.FieldInternal).Description(t.FieldInternalHint).Value(&v.note).CharLimit(actionlist.MaxText + 1).Lines(2).Validate(m.limited(actionlist.MaxText)),
	}
	title := t.DebtEditTitle
	if adding {
		title = t.DebtNewTitle
	}
	submit := func(m Model) (Model, tea.Cmd) {
		m.retry = func(m Model) *form { return m.debtForm(m.currentDebt(orig), v, adding) }
		after := orig
		after.Creditor = actionlist.CleanText(v.creditor, false)
		after.Collector = actionlist.CleanText(v.collector, false)
		after.Reference = actionlist.CleanText(v.reference, false)
		after.Amount = amountOf(v.amount)
		after.Original = amountOf(v.original)
		after.Kind, after.Threat = v.kind, v.threat
		after.Note = actionlist.CleanText(v.note, true)
		if adding {
			return m.addDebt(after)
		}
		if v.state != orig.State {
			switch v.state {
			case actionlist.DebtAsked:
				after = actionlist.AskBalance(after, m.today())
			case actionlist.DebtAnswered:
				confirmed := after.Amount
				if orig.IsConfirmed() {
					confirmed = orig.Confirmed
				}
				after = actionlist.AnswerBalance(after, m.today(), confirmed)
			default:
				after.State = v.state
			}
		}
		next, cmd := m.saveDebt(orig, after, fmt.Sprintf(m.t.DebtSaved, clean(after.Creditor)))
		return next.(Model), cmd
	}
	return m.newForm(title, submit, huh.NewGroup(first...), huh.NewGroup(second...))
}

// answerForm records the creditor's answer: the confirmed amount, today.
func (m Model) answerForm(orig actionlist.Debt, v *debtValues) *form {
	submit := func(m Model) (Model, tea.Cmd) {
		m.retry = func(m Model) *form { return m.answerForm(m.currentDebt(orig), v) }
		confirmed := amountOf(v.confirmed)
		after := actionlist.AnswerBalance(orig, m.today(), confirmed)
		next, cmd := m.saveDebt(orig, after, fmt.Sprintf(m.t.DebtAnsweredMsg, clean(orig.Creditor), actionlist.FormatAmount(confirmed, m.lang)))
		return next.(Model), cmd
	}
	return m.newForm(fmt.Sprintf(m.t.DebtAnswerTitle, clean(orig.Creditor)), submit, huh.NewGroup(
		huh.NewInput().Title(m.t.FieldConfirmed).Description(m.t.FieldAmountHint).Value(&v.confirmed).CharLimit(41).Validate(m.validAmount(false)),
	))
}

// currentDebt is the debt as the open case now holds it, for a form that
// comes back after a conflict.
func (m Model) currentDebt(d actionlist.Debt) actionlist.Debt {
	for _, cur := range m.cs.c.Debts {
		if cur.ID == d.ID {
			return cur
		}
	}
	return d
}

func (m Model) askRemoveDebt(d actionlist.Debt) (tea.Model, tea.Cmd) {
	yes := false
	submit := func(m Model) (Model, tea.Cmd) {
		if !yes {
			return m, nil
		}
		return m.removeDebt(d)
	}
	return m.openForm(m.newForm(m.t.DebtRemoveTitle, submit, huh.NewGroup(
		huh.NewConfirm().Title(fmt.Sprintf(m.t.DebtRemoveAsk, clean(d.Creditor), actionlist.FormatAmount(d.Best(), m.lang))).
			Affirmative(m.t.Yes).Negative(m.t.No).Value(&yes),
	)))
}

func (m Model) addDebt(d actionlist.Debt) (Model, tea.Cmd) {
	st, actor, caseID := m.o.Store, m.o.Actor, m.cs.c.ID
	report := fmt.Sprintf(m.t.DebtAdded, clean(d.Creditor), actionlist.FormatAmount(d.Amount, m.lang))
	m.pending++
	m.status = status{text: m.t.Saving}
	return m, func() tea.Msg {
		ctx, cancel := storeCtx()
		defer cancel()
		saved, err := st.AddDebt(ctx, actor, caseID, d)
		if err != nil {
			return debtSavedMsg{err: err}
		}
		seq, _ := st.CaseSeq(ctx, caseID)
		return debtSavedMsg{caseID: caseID, d: saved, seq: seq, report: report,
			undo: &undoEntry{label: clean(saved.Creditor), caseID: caseID, addedDebt: saved.ID}}
	}
}

func (m Model) saveDebt(before, after actionlist.Debt, report string) (tea.Model, tea.Cmd) {
	st, actor, caseID := m.o.Store, m.o.Actor, m.cs.c.ID
	m.pending++
	m.status = status{text: m.t.Saving}
	return m, func() tea.Msg {
		ctx, cancel := storeCtx()
		defer cancel()
		saved, err := st.UpdateDebt(ctx, actor, caseID, before, after)
		if err != nil {
			return debtSavedMsg{err: err}
		}
		seq, _ := st.CaseSeq(ctx, caseID)
		return debtSavedMsg{caseID: caseID, d: saved, seq: seq, report: report,
			undo: &undoEntry{label: clean(before.Creditor), caseID: caseID, debtBefore: &saved, debtAfter: &before}}
	}
}

func (m Model) removeDebt(d actionlist.Debt) (Model, tea.Cmd) {
	st, actor, caseID := m.o.Store, m.o.Actor, m.cs.c.ID
	report := fmt.Sprintf(m.t.DebtRemoved, clean(d.Creditor))
	m.pending++
	m.status = status{text: m.t.Saving}
	return m, func() tea.Msg {
		ctx, cancel := storeCtx()
		defer cancel()
		err := st.DeleteDebt(ctx, actor, caseID, d.ID)
		seq, _ := st.CaseSeq(ctx, caseID)
		removed := d
		return debtDeletedMsg{caseID: caseID, id: d.ID, seq: seq, err: err, report: report,
			undo: &undoEntry{label: clean(d.Creditor), caseID: caseID, removedDebt: &removed}}
	}
}

// debtSaved puts a stored debt into the open case.
func (m Model) debtSaved(msg debtSavedMsg) (tea.Model, tea.Cmd) {
	m, quit, ok := m.landed(msg.err, msg.undo)
	if !ok {
		return m, quit
	}
	// An undo of another case's debt is saved there; the open case stays.
	if m.cs.open() && m.cs.c.ID == msg.caseID {
		ds := slices.Clone(m.cs.c.Debts)
		if i := slices.IndexFunc(ds, func(d actionlist.Debt) bool { return d.ID == msg.d.ID }); i >= 0 {
			ds[i] = msg.d
		} else {
			ds = append(ds, msg.d)
		}
		m.cs.c.Debts = ds
		m.cs.seq = msg.seq
		m.refreshDebts()
		if i := slices.IndexFunc(m.debts.rows, func(d actionlist.Debt) bool { return d.ID == msg.d.ID }); i >= 0 {
			m.debts.cursor = i
			m.debts.scroll = m.debtsScrollTo(i)
		}
	}
	m.status = status{text: msg.report}
	return m, quit
}

func (m Model) debtDeleted(msg debtDeletedMsg) (tea.Model, tea.Cmd) {
	m, quit, ok := m.landed(msg.err, msg.undo)
	if !ok {
		return m, quit
	}
	if m.cs.open() && m.cs.c.ID == msg.caseID {
		m.cs.c.Debts = slices.DeleteFunc(slices.Clone(m.cs.c.Debts), func(d actionlist.Debt) bool { return d.ID == msg.id })
		m.cs.seq = msg.seq
		m.refreshDebts()
	}
	m.status = status{text: msg.report}
	return m, quit
}

// undoDebt takes back a debt's change: an added one removed, a removed one
// put back with its ID, a change reversed.
func (m Model) undoDebt(u undoEntry, report string) tea.Cmd {
	st, actor := m.o.Store, m.o.Actor
	return func() tea.Msg {
		ctx, cancel := storeCtx()
		defer cancel()
		switch {
		case u.addedDebt != "":
			err := st.DeleteDebt(ctx, actor, u.caseID, u.addedDebt)
			seq, _ := st.CaseSeq(ctx, u.caseID)
			return debtDeletedMsg{caseID: u.caseID, id: u.addedDebt, seq: seq, err: err, report: report}
		case u.removedDebt != nil:
			saved, err := st.AddDebt(ctx, actor, u.caseID, *u.removedDebt)
			seq, _ := st.CaseSeq(ctx, u.caseID)
			return debtSavedMsg{caseID: u.caseID, d: saved, seq: seq, err: err, report: report}
		}
		saved, err := st.UpdateDebt(ctx, actor, u.caseID, *u.debtBefore, *u.debtAfter)
		seq, _ := st.CaseSeq(ctx, u.caseID)
		return debtSavedMsg{caseID: u.caseID, d: saved, seq: seq, err: err, report: report}
	}
}

// residentDebts is the debts as the resident sees them, in the resident
// view's words: how many creditors have answered, with a bar. No amounts,
// no notes.
func (m Model) residentDebts(width int, t *text) []string {
	tot := m.debts.totals
	if tot.Count == 0 {
		return nil
	}
	full, empty, _ := progressBar(tot.Responded, tot.Count, min(40, width-4))
	return []string{fit(fmt.Sprintf(t.ResidentDebts, tot.Responded, tot.Count), width), m.st.barFull.Render(full) + m.st.barEmpty.Render(empty)}
}

// debtEventText tells a debt's event in words; a removed debt is named
// from the snapshot the event holds.
func debtEventText(e actionlist.Event, creditor, field string, val func(string) string, t *text, l actionlist.Lang) string {
	snap := e.New
	if e.Action == actionlist.ActionDeleted {
		snap = e.Old
	}
	if e.Action != actionlist.ActionChanged {
		d, _ := actionlist.DebtFromSnapshot(snap)
		if e.Action == actionlist.ActionDeleted {
			return fmt.Sprintf(t.EvDebtDeleted, clean(d.Creditor))
		}
		return fmt.Sprintf(t.EvDebtCreated, clean(d.Creditor), actionlist.FormatAmount(d.Amount, l))
	}
	return fmt.Sprintf(t.EvDebtChanged, creditor, field, val(e.Old), val(e.New))
}
