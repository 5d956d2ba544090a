package tui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"houvast/actionlist"
)

// The signals screen: the early-warning signals whose outreach goes on,
// most urgent first, each with its attempts and the advised next one. An
// attempt is logged in a few keys (the form starts on the advice); a
// signal becomes a case through the new-case form, filled in from it.

// SignalStore is what the signals screen needs from storage.
type SignalStore interface {
	OpenSignals(ctx context.Context) ([]actionlist.ArrearsSignal, error)
	AllSignals(ctx context.Context) ([]actionlist.ArrearsSignal, error)
	// SignalsStamp changes whenever a signal or an attempt is saved, so the
	// screen sees another window's work without reading every signal.
	SignalsStamp(ctx context.Context) (string, error)
	AddAttempt(ctx context.Context, actor actionlist.Actor, signalID string, a actionlist.Attempt, today actionlist.Date) (actionlist.ArrearsSignal, error)
	CloseSignal(ctx context.Context, actor actionlist.Actor, signalID string, o actionlist.SignalOutcome, on actionlist.Date) error
	AcceptSignal(ctx context.Context, actor actionlist.Actor, signalID string, c actionlist.Case, on actionlist.Date) (actionlist.Case, error)
	SignalsDueForErasure(ctx context.Context, today actionlist.Date, months int) ([]actionlist.ArrearsSignal, error)
}

type signalsScreen struct {
	list   []actionlist.ArrearsSignal
	cursor int
	loaded bool
	stamp  string // SignalsStamp when the list was read
}

func (s signalsScreen) selected() (actionlist.ArrearsSignal, bool) {
	if s.cursor < len(s.list) {
		return s.list[s.cursor], true
	}
	return actionlist.ArrearsSignal{}, false
}

// signalKeys are the bindings of the signals screen and the one that opens it.
type signalKeys struct{ Open, Attempt, MakeCase, Close key.Binding }

func newSignalKeys(st *signalText) signalKeys {
	b := func(desc, k string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc)) }
	return signalKeys{
		Open:     b(st.KeySignals, "V"),
		Attempt:  b(st.KeyAttempt, "a"),
		MakeCase: b(st.KeyMakeCase, "c"),
		Close:    b(st.KeyClose, "x"),
	}
}

type (
	signalsLoadedMsg struct {
		list  []actionlist.ArrearsSignal
		stamp string
		err   error
	}
	signalsStampMsg struct {
		stamp string
		err   error
	}
	signalSavedMsg struct {
		s      actionlist.ArrearsSignal
		report string
		err    error
	}
	signalClosedMsg struct {
		id     string
		report string
		err    error
	}
	signalAcceptedMsg struct {
		signalID string
		c        actionlist.Case
		err      error
	}
)

func hasSignals(m Model) bool { return m.o.Signals != nil }

func signalChosen(m Model) bool {
	_, ok := m.sig.selected()
	return ok
}

func (m Model) openSignals() (tea.Model, tea.Cmd) {
	m.screen = screenSignals
	m.status = status{}
	return m, m.loadSignals()
}

func (m Model) loadSignals() tea.Cmd {
	st := m.o.Signals
	return func() tea.Msg {
		ctx, cancel := storeCtx()
		defer cancel()
		// The stamp first: a change between the two reads then only causes
		// one extra read, never a missed one.
		stamp, err := st.SignalsStamp(ctx)
		if err != nil {
			return signalsLoadedMsg{err: err}
		}
		list, err := st.OpenSignals(ctx)
		return signalsLoadedMsg{list: list, stamp: stamp, err: err}
	}
}

func (m Model) signalsLoaded(msg signalsLoadedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.status = m.failure(msg.err)
		return m, nil
	}
	keep := ""
	if s, ok := m.sig.selected(); ok {
		keep = s.ID
	}
	m.sig.list, m.sig.loaded, m.sig.stamp = msg.list, true, msg.stamp
	m.sig.cursor = max(0, min(m.sig.cursor, len(m.sig.list)-1))
	for i, s := range m.sig.list {
		if s.ID == keep {
			m.sig.cursor = i
		}
	}
	return m, nil
}

// checkSignals asks whether another window changed the signals.
func (m Model) checkSignals() tea.Cmd {
	if m.screen != screenSignals || m.o.Signals == nil {
		return nil
	}
	st := m.o.Signals
	return func() tea.Msg {
		ctx, cancel := storeCtx()
		defer cancel()
		stamp, err := st.SignalsStamp(ctx)
		return signalsStampMsg{stamp: stamp, err: err}
	}
}

func (m Model) signalsStamped(msg signalsStampMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil || m.form != nil || m.pending > 0 || m.screen != screenSignals || msg.stamp == m.sig.stamp {
		return m, nil
	}
	return m, m.loadSignals()
}

func (m Model) signalsKeys() keyTable {
	k, sk := m.keys, m.sk
	return keyTable{
		{key: k.Up, do: func(m Model) (tea.Model, tea.Cmd) {
			m.sig.cursor = max(0, m.sig.cursor-1)
			return m, nil
		}},
		{key: k.Down, do: func(m Model) (tea.Model, tea.Cmd) {
			m.sig.cursor = max(0, min(len(m.sig.list)-1, m.sig.cursor+1))
			return m, nil
		}},
		{key: sk.Attempt, when: signalChosen, do: Model.openAttemptForm},
		{key: sk.MakeCase, when: signalChosen, do: Model.openCaseFromSignal},
		{key: sk.Close, when: signalChosen, do: Model.openCloseSignalForm},
		{key: k.Help, do: Model.openHelp},
		{key: k.Back, do: signalsBack},
		{key: k.Quit, desc: m.t.KeyBack, quiet: true, do: signalsBack},
		{key: k.PageDown, quiet: true, do: func(m Model) (tea.Model, tea.Cmd) {
			m.sig.cursor = max(0, min(len(m.sig.list)-1, m.sig.cursor+m.signalRoom()))
			return m, nil
		}},
		{key: k.PageUp, quiet: true, do: func(m Model) (tea.Model, tea.Cmd) {
			m.sig.cursor = max(0, m.sig.cursor-m.signalRoom())
			return m, nil
		}},
	}
}

// attemptValues are the attempt form's fields.
type attemptValues struct {
	kind    actionlist.AttemptKind
	part    actionlist.DayPart
	reached bool
	on      string
	note    string
}

// openAttemptForm asks how, when and whether the resident was reached; it
// starts on the advised attempt, so following the advice is a few enters.
func (m Model) openAttemptForm() (tea.Model, tea.Cmd) {
	s, _ := m.sig.selected()
	sug := actionlist.SuggestNext(s)
	v := &attemptValues{kind: actionlist.AttemptPhone, part: sug.Part}
	if sug.Kind != "" {
		v.kind = sug.Kind
	}
	if v.part == "" {
		v.part = actionlist.PartMorning
	}
	return m.openForm(m.attemptForm(s, v))
}

func (m Model) attemptForm(s actionlist.ArrearsSignal, v *attemptValues) *form {
	st, t, l := m.stx, m.t, m.lang
	var kinds []huh.Option[actionlist.AttemptKind]
	for _, k := range actionlist.AttemptKinds {
		kinds = append(kinds, huh.NewOption(actionlist.AttemptKindLabel(k, l), k))
	}
	var parts []huh.Option[actionlist.DayPart]
	for _, p := range actionlist.DayParts {
		parts = append(parts, huh.NewOption(actionlist.DayPartLabel(p, l), p))
	}
	group := huh.NewGroup(
		huh.NewSelect[actionlist.AttemptKind]().Title(st.AttemptKind).Options(kinds...).Value(&v.kind),
		huh.NewSelect[actionlist.DayPart]().Title(st.AttemptPart).Options(parts...).Value(&v.part).Inline(true),
		huh.NewConfirm().Title(st.AttemptReached).Affirmative(t.Yes).Negative(t.No).Value(&v.reached),
		huh.NewInput().Title(st.AttemptDate).Description(st.AttemptDateHint).Value(&v.on).CharLimit(actionlist.MaxDateInput).Validate(m.validDate),
		huh.NewInput().Title(st.AttemptNote).Value(&v.note).CharLimit(actionlist.MaxAttemptNote+1).Validate(m.noBSN(actionlist.MaxAttemptNote)),
	)
	submit := func(m Model) (Model, tea.Cmd) {
		today := m.today()
		on, _ := actionlist.ParseDateInput(v.on, today) // validated above; empty is today
		if on.IsZero() {
			on = today
		}
		a := actionlist.Attempt{Kind: v.kind, Part: v.part, Reached: v.reached, On: on, Note: v.note}
		if _, err := actionlist.LogAttempt(s, a, today); err != nil {
			m.status = m.failure(err)
			m.form = m.attemptForm(s, v)
			return m, m.form.f.Init()
		}
		m.retry = func(m Model) *form { return m.attemptForm(s, v) }
		st, actor, stx, lang := m.o.Signals, m.o.Actor, m.stx, m.lang
		m.pending++
		return m, func() tea.Msg {
			ctx, cancel := storeCtx()
			defer cancel()
			saved, err := st.AddAttempt(ctx, actor, s.ID, a, today)
			return signalSavedMsg{s: saved, err: err, report: fmt.Sprintf(stx.AttemptSaved, attemptText(a, stx, today, lang))}
		}
	}
	return m.newForm(fmt.Sprintf(st.AttemptTitle, clean(s.Name)), submit, group)
}

func (m Model) signalSaved(msg signalSavedMsg) (tea.Model, tea.Cmd) {
	m, quit, ok := m.landed(msg.err, nil)
	if !ok {
		return m, tea.Batch(quit, m.loadSignals())
	}
	m.status = status{text: msg.report}
	for i, s := range m.sig.list {
		if s.ID == msg.s.ID {
			m.sig.list[i] = msg.s
		}
	}
	return m, quit
}

func (m Model) openCloseSignalForm() (tea.Model, tea.Cmd) {
	s, _ := m.sig.selected()
	outcome := actionlist.OutcomeNotReached
	if s.Reached() {
		outcome = actionlist.OutcomeDeclined
	}
	var opts []huh.Option[actionlist.SignalOutcome]
	for _, o := range actionlist.ClosingOutcomes {
		opts = append(opts, huh.NewOption(actionlist.SignalOutcomeLabel(o, m.lang), o))
	}
	submit := func(m Model) (Model, tea.Cmd) {
		st, actor, today := m.o.Signals, m.o.Actor, m.today()
		report := fmt.Sprintf(m.stx.Closed, clean(s.Name), actionlist.SignalOutcomeLabel(outcome, m.lang))
		m.pending++
		return m, func() tea.Msg {
			ctx, cancel := storeCtx()
			defer cancel()
			err := st.CloseSignal(ctx, actor, s.ID, outcome, today)
			return signalClosedMsg{id: s.ID, report: report, err: err}
		}
	}
	return m.openForm(m.newForm(fmt.Sprintf(m.stx.CloseTitle, clean(s.Name)), submit, huh.NewGroup(
		huh.NewSelect[actionlist.SignalOutcome]().Title(m.stx.CloseOutcome).Options(opts...).Value(&outcome),
	)))
}

func (m Model) signalClosed(msg signalClosedMsg) (tea.Model, tea.Cmd) {
	m, quit, ok := m.landed(msg.err, nil)
	if !ok {
		return m, tea.Batch(quit, m.loadSignals())
	}
	m.status = status{text: msg.report}
	m.sig.list = slices.DeleteFunc(slices.Clone(m.sig.list), func(s actionlist.ArrearsSignal) bool { return s.ID == msg.id })
	m.sig.cursor = max(0, min(m.sig.cursor, len(m.sig.list)-1))
	return m, quit
}

// openCaseFromSignal opens the new-case form filled in from the signal:
// the name, early warning as the source with the partner and the signal's
// date, the request for help today (so the first conversation's clock
// starts) and the threat of a crisis signal.
func (m Model) openCaseFromSignal() (tea.Model, tea.Cmd) {
	s, _ := m.sig.selected()
	spec, err := actionlist.AcceptSignal(s, m.today())
	if err != nil {
		m.status = m.failure(err)
		return m, nil
	}
	v := &caseValues{
		name: spec.Name, lang: m.lang.Case(), dose: actionlist.DefaultDose,
		source: spec.Source.Kind, signal: spec.Source.Signal, signalDate: spec.Source.SignalDate.String(),
		requested: spec.RequestedOn.String(), threat: spec.Threat, fromSignal: s.ID,
	}
	return m.openForm(m.newCaseForm(v))
}

// acceptSignal stores the case made from a signal and marks the signal
// accepted, in one transaction.
func (m Model) acceptSignal(signalID string, c actionlist.Case) (Model, tea.Cmd) {
	st, actor, today := m.o.Signals, m.o.Actor, m.today()
	m.pending++
	return m, func() tea.Msg {
		ctx, cancel := storeCtx()
		defer cancel()
		saved, err := st.AcceptSignal(ctx, actor, signalID, c, today)
		return signalAcceptedMsg{signalID: signalID, c: saved, err: err}
	}
}

func (m Model) signalAccepted(msg signalAcceptedMsg) (tea.Model, tea.Cmd) {
	m, quit, ok := m.landed(msg.err, nil)
	if !ok {
		return m, quit
	}
	m.sig.list = slices.DeleteFunc(slices.Clone(m.sig.list), func(s actionlist.ArrearsSignal) bool { return s.ID == msg.signalID })
	m.sig.cursor = max(0, min(m.sig.cursor, len(m.sig.list)-1))
	m.status = status{text: fmt.Sprintf(m.stx.Accepted, clean(msg.c.Ref))}
	return m, tea.Batch(quit, m.loadCase(msg.c.ID, false), m.loadCases())
}

// noBSN refuses text over the limit and, unlike a case's notes, any
// number that looks like a BSN: a signal is about someone who never asked
// for help, and the rules refuse it there.
func (m Model) noBSN(limit int) func(string) error {
	return func(s string) error {
		if n := len([]rune(s)); n > limit {
			return fmt.Errorf(m.t.TooLong, limit)
		}
		if actionlist.HasBSN(s) {
			return errors.New(m.stx.NoBSN)
		}
		return nil
	}
}

// adviceText says the advised next attempt and why.
func adviceText(s actionlist.Suggestion, st *signalText, l actionlist.Lang) string {
	why := actionlist.SuggestionReasonLabel(s.Reason, l)
	if s.Kind == "" {
		return fmt.Sprintf(st.AdviceOnly, why)
	}
	what := actionlist.AttemptKindLabel(s.Kind, l)
	if s.Part != "" {
		what += ", " + actionlist.DayPartLabel(s.Part, l)
	}
	return fmt.Sprintf(st.Advice, what, why)
}

// signalDetailLines is how many lines the selected signal's detail takes.
const signalDetailLines = 8

// signalRoom is how many signals fit between the header and the detail.
func (m Model) signalRoom() int { return max(1, m.bodyHeight()-3-signalDetailLines) }

func signalColumns(width int) [5]int {
	partner, amount, age, attempts := 18, 11, 6, 24
	if width >= 100 {
		partner, amount, attempts = 22, 12, 28
	}
	name := max(8, width-2-partner-amount-age-attempts-4)
	return [5]int{partner, amount, age, name, attempts}
}

func (m Model) renderSignals() (string, []key.Binding) {
	st, s, l := m.stx, m.sig, m.lang
	today := m.today()
	var b strings.Builder
	title := m.st.title.Render(m.t.App) + m.st.dim.Render(" › ") + m.st.bold.Render(st.Title)
	if s.loaded {
		title += m.st.dim.Render(" · " + fmt.Sprintf(st.Count, len(s.list)))
	}
	b.WriteString(title + "\n")
	b.WriteString(m.st.rule.Render(strings.Repeat("─", m.width)) + "\n")
	cols := signalColumns(m.width)
	b.WriteString(m.st.dim.Render("  "+listRow(cols, st.ColPartner, st.ColAmount, st.ColAge, st.ColName, st.ColAttempts)) + "\n")
	room := m.signalRoom()
	lines := 0
	switch {
	case !s.loaded:
		b.WriteString(m.t.Loading + "\n")
		lines++
	case len(s.list) == 0:
		b.WriteString(st.Empty + "\n")
		lines++
	}
	off, end, more := m.scrollWindow(s.cursor, len(s.list), room)
	for i := off; i < end; i++ {
		sg := s.list[i]
		mark := "  "
		if sg.Crisis {
			mark = glyphOverdue + " "
		}
		line := mark + listRow(cols, actionlist.SignalLabel(sg.Partner, l), actionlist.FormatAmount(sg.AmountCents, l),
			fmt.Sprintf(st.Days, max(0, sg.Received.DaysUntil(today))), clean(sg.Name), attemptsSummary(sg, st, today, l))
		switch {
		case i == s.cursor:
			line = m.st.selected.Render(pad(line, m.width))
		case sg.Crisis:
			line = m.st.warn.Render(line)
		}
		b.WriteString(line + "\n")
		lines++
	}
	if more != "" {
		b.WriteString(more + "\n")
		lines++
	}
	for ; lines < room; lines++ {
		b.WriteString("\n")
	}
	if sg, ok := s.selected(); ok {
		for _, line := range m.signalDetail(sg, today) {
			b.WriteString(line + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n"), m.footerKeys(m.signalsKeys())
}

// signalDetail is the selected signal: who and how to reach them, the
// signal's facts, its last attempts and the advice.
func (m Model) signalDetail(sg actionlist.ArrearsSignal, today actionlist.Date) []string {
	st, l := m.stx, m.lang
	out := []string{m.st.rule.Render(strings.Repeat("─", m.width))}
	who := []string{m.st.bold.Render(clean(sg.Name))}
	for _, v := range []string{sg.Address, sg.Phone} {
		if v != "" {
			who = append(who, clean(v))
		}
	}
	out = append(out, fit(strings.Join(who, m.st.dim.Render(" · ")), m.width))
	var facts []string
	if sg.Crisis {
		facts = append(facts, glyphOverdue+" "+st.Crisis)
	}
	facts = append(facts, actionlist.SignalLabel(sg.Partner, l), actionlist.FormatAmount(sg.AmountCents, l), fmt.Sprintf(st.Received, shortDate(sg.Received, today, l)))
	if !sg.ArrearsSince.IsZero() {
		facts = append(facts, fmt.Sprintf(st.Since, shortDate(sg.ArrearsSince, today, l)))
	}
	out = append(out, m.st.dim.Render(fit(strings.Join(facts, " · "), m.width)))
	const shown = 3
	if len(sg.Attempts) == 0 {
		out = append(out, m.st.dim.Render(st.NoAttempts))
	}
	for _, a := range sg.Attempts[max(0, len(sg.Attempts)-shown):] {
		line := "  " + attemptText(a, st, today, l)
		if a.Note != "" {
			line += " · " + clean(a.Note)
		}
		out = append(out, fit(line, m.width))
	}
	// The advice wraps over two lines at most, and is never cut off by
	// the attempts above it.
	advice := wrap(adviceText(actionlist.SuggestNext(sg), st, l), m.width)
	advice = advice[:min(2, len(advice))]
	out = out[:min(len(out), signalDetailLines-len(advice))]
	for _, line := range advice {
		out = append(out, m.st.ok.Render(line))
	}
	return out
}

// attemptText is one attempt in a line: when, how, and whether it reached.
func attemptText(a actionlist.Attempt, st *signalText, today actionlist.Date, l actionlist.Lang) string {
	res := st.NotReached
	if a.Reached {
		res = st.Reached
	}
	return fmt.Sprintf("%s %s · %s · %s", shortDate(a.On, today, l), actionlist.DayPartLabel(a.Part, l), actionlist.AttemptKindLabel(a.Kind, l), res)
}

// attemptsSummary is the number of attempts and the last one, short.
func attemptsSummary(sg actionlist.ArrearsSignal, st *signalText, today actionlist.Date, l actionlist.Lang) string {
	if len(sg.Attempts) == 0 {
		return "0"
	}
	a := sg.Attempts[len(sg.Attempts)-1]
	res := "✗"
	if a.Reached {
		res = glyphDone
	}
	return fmt.Sprintf("%d · %s %s %s", len(sg.Attempts), actionlist.AttemptKindLabel(a.Kind, l), actionlist.DayPartLabel(a.Part, l), res)
}

// signalsBack leaves the signals screen for the case list, as q and esc
// leave every screen under it.
func signalsBack(m Model) (tea.Model, tea.Cmd) {
	m.screen = screenList
	return m, m.loadCases()
}

// dueSignals counts the signals past their retention, for the case list's
// reminder; none without a signal store.
func dueSignals(ctx context.Context, st SignalStore, today actionlist.Date, months int) (int, error) {
	if st == nil {
		return 0, nil
	}
	due, err := st.SignalsDueForErasure(ctx, today, months)
	return len(due), err
}

// signalSourceLine names, under the running clock of the first
// conversation, the early-warning signal the case began with: the
// outreach's story is what that conversation starts from.
func (m Model) signalSourceLine() string {
	c := m.cs.c
	if c.Source.Kind != actionlist.SourceEarlyWarning || c.Source.Signal == actionlist.SignalNone || !c.FirstTalkOn.IsZero() {
		return ""
	}
	line := fmt.Sprintf(m.stx.SourceLine, actionlist.SignalLabel(c.Source.Signal, m.lang), shortDate(c.Source.SignalDate, m.today(), m.lang))
	return m.st.dim.Render(fit("  "+line, m.width))
}
