package tui

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"houvast/actionlist"
	"houvast/store"
)

// caseScreen is the open case and what is derived from it. Dosing and
// progress are recomputed once per change, not per frame.
type caseScreen struct {
	c        actionlist.Case
	seq      int64
	dosing   actionlist.Dosing
	progress actionlist.Progress
	cursor   int // in dosing.Now
	scroll   int
	// residentScroll is how far the resident view is scrolled down.
	residentScroll int
	fresh          map[string]bool // steps that just slid into Now
	// conflicts are a volunteer's changes a return file could not take over.
	conflicts      []store.OpenConflict
	conflictCursor int
	// kept: on a case in a draft language, how many open steps its summary
	// prints in Dutch, for want of words in the resident's language.
	kept int
}

func (cs caseScreen) open() bool { return cs.c.ID != "" }

func (cs *caseScreen) refresh(today actionlist.Date, texts func() actionlist.StepTexts) {
	cs.dosing = actionlist.Dose(cs.c.Steps, cs.c.Dose, today)
	cs.progress = actionlist.Measure(cs.c, today)
	cs.kept = 0
	if cs.c.Language.Draft() {
		cs.kept = texts().KeptSteps(cs.c)
	}
	cs.cursor = max(0, min(cs.cursor, len(cs.dosing.Now)-1))
}

func (cs caseScreen) selected() (actionlist.Step, bool) {
	if cs.cursor < len(cs.dosing.Now) {
		return cs.dosing.Now[cs.cursor], true
	}
	return actionlist.Step{}, false
}

// withSteps returns the case with the given steps replaced by ID.
func withSteps(c actionlist.Case, steps []actionlist.Step) actionlist.Case {
	c.Steps = slices.Clone(c.Steps)
	for _, s := range steps {
		if _, i := c.StepByID(s.ID); i >= 0 {
			c.Steps[i] = s
		} else {
			c.Steps = append(c.Steps, s)
		}
	}
	actionlist.SortPlan(c.Steps)
	return c
}

func without(set map[string]bool, ids []string) map[string]bool {
	if len(set) == 0 {
		return set
	}
	out := maps.Clone(set)
	for _, id := range ids {
		delete(out, id)
	}
	return out
}

func (m Model) caseLoaded(msg caseLoadedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		// What was to follow the read (a tick-off asked on the agenda)
		// must not run on a later, other read.
		m.afterSave = nil
		m.status = m.failure(msg.err)
		return m, nil
	}
	keep := ""
	if sel, ok := m.cs.selected(); ok && m.cs.c.ID == msg.c.ID {
		keep = sel.ID
	}
	fresh := m.cs.fresh
	if m.cs.c.ID != msg.c.ID {
		fresh = nil
	}
	conflicts := m.cs.conflicts
	if m.cs.c.ID != msg.c.ID {
		conflicts = nil
	}
	was, same := m.cs.dosing, m.cs.c.ID == msg.c.ID
	m.cs = caseScreen{c: msg.c, seq: msg.seq, fresh: fresh, conflicts: conflicts}
	m.cs.refresh(m.today(), m.o.StepTexts)
	if !same {
		m.debts = debtsScreen{} // another case's debts start at the top
	}
	m.refreshDebts()
	var entered tea.Cmd
	if same && msg.reload {
		m, entered = m.markEntered(was)
	}
	if m.retryAfter && m.retry != nil && msg.reload {
		m.form, m.retry, m.retryAfter = m.retry(m), nil, false
		return m, m.form.f.Init()
	}
	for i, s := range m.cs.dosing.Now {
		if s.ID == keep {
			m.cs.cursor = i
		}
	}
	conflictsCmd := tea.Batch(m.loadConflicts(msg.c.ID), entered)
	if msg.reload {
		if !m.status.isErr { // a conflict's explanation stays in view
			m.status = status{text: m.t.Reloaded}
		}
		if m.screen == screenHistory {
			return m, tea.Batch(conflictsCmd, m.loadEvents(msg.c.ID))
		}
		m.steps.clamp(m.stepRows())
		return m, conflictsCmd
	}
	if m.screen == screenList || m.screen == screenVolunteer || m.screen == screenAftercare || m.screen == screenSignals {
		m.screen = screenCase
	}
	if next := m.afterSave; next != nil {
		m.afterSave = nil
		model, cmd := next(m)
		return model, tea.Batch(conflictsCmd, cmd)
	}
	return m, conflictsCmd
}

// stepChange saves step edits. The store gives a due date, in the same
// transaction, to every step the change brings into Now, and returns those
// steps too.
func (m Model) stepChange(edits []store.StepEdit, label, report string) (tea.Model, tea.Cmd) {
	m.pending++
	m.status = status{text: m.t.Saving}
	return m, m.saveSteps(m.cs.c.ID, edits, label, report)
}

func (m Model) saveSteps(caseID string, edits []store.StepEdit, label, report string) tea.Cmd {
	st, actor := m.o.Store, m.o.Actor
	return func() tea.Msg {
		ctx, cancel := storeCtx()
		defer cancel()
		saved, promised, err := st.UpdateStepsDated(ctx, actor, edits...)
		if err != nil {
			return stepsSavedMsg{err: err}
		}
		seq, _ := st.CaseSeq(ctx, caseID)
		back := store.UndoSteps(edits, saved, promised)
		undo := &undoEntry{label: label, caseID: caseID, steps: back.Steps, promised: back.Promised}
		return stepsSavedMsg{caseID: caseID, steps: saved, seq: seq, undo: undo, report: report}
	}
}

func (m Model) stepsSaved(msg stepsSavedMsg) (tea.Model, tea.Cmd) {
	m, quit, ok := m.landed(msg.err, msg.undo)
	if !ok {
		return m, quit
	}
	if msg.caseID != "" && m.cs.open() && m.cs.c.ID != msg.caseID {
		// An undo of a change to another case than the one open (the
		// undo list spans cases): it is saved, and the open case is left
		// as it is.
		m.vol.replace(msg.steps)
		m.status = status{text: msg.report}
		return m, tea.Batch(quit, m.reloadAgendaIfShown())
	}
	// A tick-off on the agenda takes the item off it.
	return m.applySaved(msg.steps, msg.seq, msg.report, quit, m.reloadAgendaIfShown())
}

// applySaved puts stored steps into the open case and the other screens.
func (m Model) applySaved(steps []actionlist.Step, seq int64, report string, cmds ...tea.Cmd) (tea.Model, tea.Cmd) {
	m.vol.replace(steps)
	if !m.cs.open() {
		m.status = status{text: report}
		return m, tea.Batch(cmds...)
	}
	keep := ""
	if sel, ok := m.cs.selected(); ok {
		keep = sel.ID
	}
	was := m.cs.dosing
	m.cs.c = withSteps(m.cs.c, steps)
	if seq > 0 {
		m.cs.seq = seq
	}
	m.cs.refresh(m.today(), m.o.StepTexts)
	m.keepCursorOn(keep)
	m.steps.clamp(m.stepRows())
	m.status = status{text: report}
	if len(m.cs.conflicts) > 0 {
		cmds = append(cmds, m.loadConflicts(m.cs.c.ID))
	}
	m, cmd := m.markEntered(was)
	return m, tea.Batch(append(cmds, cmd)...)
}

// keepCursorOn puts the cursor back on the step with id, if it is in Now.
func (m *Model) keepCursorOn(id string) {
	for i, s := range m.cs.dosing.Now {
		if s.ID == id {
			m.cs.cursor = i
		}
	}
}

// markEntered gives the steps that came into Now since was the new mark
// for a few seconds and names them on the status line: whatever brought
// them in (a tick-off, a new dose, a pin, an import, an undo).
func (m Model) markEntered(was actionlist.Dosing) (Model, tea.Cmd) {
	var newIn []string
	for _, s := range m.cs.dosing.Now {
		if !was.InNow(s.ID) {
			newIn = append(newIn, s.ID)
		}
	}
	if len(newIn) == 0 {
		return m, nil
	}
	m.cs.fresh = maps.Clone(m.cs.fresh)
	if m.cs.fresh == nil {
		m.cs.fresh = map[string]bool{}
	}
	var titles []string
	for _, id := range newIn {
		m.cs.fresh[id] = true
		if s, _ := m.cs.c.StepByID(id); s != nil {
			titles = append(titles, clean(s.Title))
		}
	}
	if len(titles) > 0 && !m.status.isErr {
		m.status.text += " · " + fmt.Sprintf(m.t.NextUp, strings.Join(titles, "; "))
	}
	return m, tea.Tick(5*time.Second, func(time.Time) tea.Msg { return freshExpiredMsg{ids: newIn} })
}

func (m Model) saveCase(before, after actionlist.Case, label, report string) (tea.Model, tea.Cmd) {
	return m.storeCase(before, after, label, report, false)
}

// storeCase saves a case's own fields (whole: also the steps a domain
// operation changed or added, in the same transaction). Only a change of
// the fields alone can be undone.
func (m Model) storeCase(before, after actionlist.Case, label, report string, whole bool) (Model, tea.Cmd) {
	st, actor := m.o.Store, m.o.Actor
	m.pending++
	m.status = status{text: m.t.Saving}
	return m, func() tea.Msg {
		ctx, cancel := storeCtx()
		defer cancel()
		var saved actionlist.Case
		var promised store.Promised
		var err error
		if whole {
			saved, err = st.SaveCase(ctx, actor, before, after)
		} else {
			saved, promised, err = st.UpdateCaseDated(ctx, actor, before, after)
		}
		if err != nil {
			return caseSavedMsg{err: err}
		}
		seq, _ := st.CaseSeq(ctx, saved.ID)
		msg := caseSavedMsg{c: saved, seq: seq, report: report, whole: whole}
		if len(promised) > 0 {
			// The steps a larger dose brought in got their dates.
			msg.steps = caseSteps(ctx, st, saved.ID)
		}
		if !whole {
			msg.undo = &undoEntry{label: label, caseID: saved.ID, caseBefore: &saved, caseAfter: &before, promised: promised}
		}
		return msg
	}
}

// caseSteps reads a case's steps again after a save of its fields changed
// some of them too; nil if that fails, and the screen keeps its own.
func caseSteps(ctx context.Context, st Store, id string) []actionlist.Step {
	full, err := st.Case(ctx, id)
	if err != nil {
		return nil
	}
	return full.Steps
}

// landed is how every save's result starts: one fewer pending, a failure
// shown (and its form back), or the undo entry kept.
func (m Model) landed(err error, undo *undoEntry) (Model, tea.Cmd, bool) {
	m, quit := m.saveDone()
	if err != nil {
		next, cmd := m.saveFailed(err, quit)
		return next.(Model), cmd, false
	}
	m.retry = nil
	if undo != nil {
		m.undo = append(m.undo, *undo)
	}
	return m, quit, true
}

func (m Model) caseSaved(msg caseSavedMsg) (tea.Model, tea.Cmd) {
	m, quit, ok := m.landed(msg.err, msg.undo)
	if !ok {
		return m, quit
	}
	m.status = status{text: msg.report}
	var entered tea.Cmd
	if m.cs.open() && m.cs.c.ID == msg.c.ID {
		if !msg.whole {
			steps := m.cs.c.Steps
			if msg.steps != nil {
				steps = msg.steps
			}
			msg.c.Steps, msg.c.Agreements, msg.c.Debts = steps, m.cs.c.Agreements, m.cs.c.Debts
		}
		keep := ""
		if sel, ok := m.cs.selected(); ok {
			keep = sel.ID
		}
		was := m.cs.dosing
		m.cs.c = msg.c
		m.cs.seq = msg.seq
		m.cs.refresh(m.today(), m.o.StepTexts)
		m.keepCursorOn(keep)
		m, entered = m.markEntered(was)
		quit = tea.Batch(quit, entered)
	}
	if next := m.afterSave; next != nil {
		m.afterSave = nil
		model, cmd := next(m)
		return model, tea.Batch(quit, cmd)
	}
	if msg.c.Status == actionlist.CaseClosed || m.screen == screenList {
		return m, tea.Batch(quit, m.loadCases())
	}
	return m, quit
}

func (m Model) agreementSaved(msg agreementSavedMsg) (tea.Model, tea.Cmd) {
	m, quit, ok := m.landed(msg.err, msg.undo)
	if !ok {
		return m, quit
	}
	if m.cs.open() {
		m.cs.c.Agreements = append(slices.Clone(m.cs.c.Agreements), msg.a)
		m.cs.seq = msg.seq
	}
	m.status = status{text: msg.report}
	return m, quit
}

func (m Model) agreementDeleted(msg agreementDeletedMsg) (tea.Model, tea.Cmd) {
	m, quit := m.saveDone()
	if msg.err != nil {
		m.status = m.failure(msg.err)
		return m, quit
	}
	if m.cs.open() {
		m.cs.c.Agreements = slices.DeleteFunc(slices.Clone(m.cs.c.Agreements), func(a actionlist.Agreement) bool { return a.ID == msg.id })
		m.cs.seq = msg.seq
	}
	m.status = status{text: msg.report}
	return m, quit
}

func (m Model) stepAdded(msg stepAddedMsg) (tea.Model, tea.Cmd) {
	m, quit, ok := m.landed(msg.err, msg.undo)
	if !ok {
		return m, quit
	}
	return m.applySaved([]actionlist.Step{msg.s}, msg.seq, msg.report, quit)
}

func (m Model) stepDeleted(msg stepDeletedMsg) (tea.Model, tea.Cmd) {
	m, quit := m.saveDone()
	if msg.err != nil {
		m.status = m.failure(msg.err)
		return m, quit
	}
	m.status = status{text: msg.report}
	if m.cs.open() {
		// Other steps' dependencies changed too: read the case again.
		return m, tea.Batch(quit, m.loadCase(m.cs.c.ID, false))
	}
	return m, quit
}

func stepInNow(m Model) bool {
	_, ok := m.cs.selected()
	return ok
}

func hasConflicts(m Model) bool { return len(m.cs.conflicts) > 0 }

func canSummarise(m Model) bool { return m.o.Summaries != nil }

// onNow runs f on the step chosen in Now.
func onNow(f func(Model, actionlist.Step) (tea.Model, tea.Cmd)) func(Model) (tea.Model, tea.Cmd) {
	return func(m Model) (tea.Model, tea.Cmd) {
		sel, _ := m.cs.selected()
		return f(m, sel)
	}
}

// caseKeys are the action list's keys.
func (m Model) caseKeys() keyTable {
	k, t := m.keys, m.t
	return keyTable{
		{key: k.Conflicts, when: hasConflicts, do: func(m Model) (tea.Model, tea.Cmd) {
			m.screen = screenConflicts
			return m, nil
		}},
		{key: k.Tick, when: stepInNow, why: whyNotInNow, do: onNow(func(m Model, sel actionlist.Step) (tea.Model, tea.Cmd) {
			done := actionlist.TickOff(sel, m.today(), m.o.Actor.Name)
			return m.stepChange([]store.StepEdit{{Before: sel, After: done}}, clean(sel.Title), fmt.Sprintf(m.t.TickedOff, clean(sel.Title)))
		})},
		{key: k.Undo, when: canUndo, why: whyNothingToUndoHere, do: Model.undoLast},
		{key: k.Edit, when: stepInNow, why: whyNotInNow, do: onNow(func(m Model, sel actionlist.Step) (tea.Model, tea.Cmd) {
			return m.openStepForm(sel, false)
		})},
		{key: k.Due, when: stepInNow, do: onNow(Model.openDueForm)},
		{key: k.Resident, do: func(m Model) (tea.Model, tea.Cmd) {
			m.back, m.screen = screenCase, screenResident
			m.status = status{} // nothing of the team's work on the resident's screen
			return m, nil
		}},
		{key: k.WhyNow, when: stepInNow, why: whyNotInNow, do: onNow(Model.whyNow)},
		{key: k.Plan, when: residentsStepInNow, why: whyNotResidents, do: onNow(Model.openPlanForm)},
		{key: k.Steps, do: func(m Model) (tea.Model, tea.Cmd) {
			m.screen = screenSteps
			m.steps.clamp(m.stepRows())
			return m, nil
		}},
		{key: k.Add, do: func(m Model) (tea.Model, tea.Cmd) { return m.openStepForm(actionlist.Step{}, true) }},
		{key: k.Assign, when: stepInNow, do: onNow(Model.openAssignForm)},
		{key: k.Pin, when: stepInNow, do: onNow(Model.togglePin)},
		{key: k.Push, when: stepInNow, do: onNow(Model.togglePush)},
		{key: k.Note, when: stepInNow, do: onNow(Model.openTeamNoteForm)},
		{key: k.Dose, do: Model.openDoseForm},
		{key: k.CaseLanguage, do: Model.openCaseLanguageForm},
		{key: k.Appt, do: Model.openApptForm},
		{key: k.Agreement, do: Model.openAgreementForm},
		{key: k.Debts, do: Model.openDebts},
		{key: k.Summary, when: canSummarise, do: Model.openSummaryForm},
		{key: k.Profile, do: func(m Model) (tea.Model, tea.Cmd) {
			if actionlist.AdvicePending(m.cs.c) {
				return m.openAdviceForm()
			}
			return m.openProfileForm()
		}},
		{key: k.Stage, do: Model.openStageForm},
		{key: k.Referral, do: Model.openReferralForm},
		{key: k.History, do: func(m Model) (tea.Model, tea.Cmd) {
			m.back, m.screen = screenCase, screenHistory
			m.hist = historyScreen{}
			return m, m.loadEvents(m.cs.c.ID)
		}},
		{key: k.Back, do: Model.closeCaseScreen},
		{key: k.Help, do: Model.openHelp},
		{key: k.Quit, desc: t.KeyBack, quiet: true, do: Model.closeCaseScreen},
		{key: k.Up, quiet: true, do: func(m Model) (tea.Model, tea.Cmd) {
			m.cs.cursor = max(0, m.cs.cursor-1)
			m.cs.scroll = m.scrollToSelected()
			return m, nil
		}},
		{key: k.Down, quiet: true, do: func(m Model) (tea.Model, tea.Cmd) {
			m.cs.cursor = max(0, min(len(m.cs.dosing.Now)-1, m.cs.cursor+1))
			m.cs.scroll = m.scrollToSelected()
			return m, nil
		}},
		{key: k.PageDown, quiet: true, do: func(m Model) (tea.Model, tea.Cmd) {
			m.cs.scroll += m.height / 2
			return m, nil
		}},
		{key: k.PageUp, quiet: true, do: func(m Model) (tea.Model, tea.Cmd) {
			m.cs.scroll = max(0, m.cs.scroll-m.height/2)
			return m, nil
		}},
	}
}

// closeCaseScreen goes back to the case list, read afresh.
func (m Model) closeCaseScreen() (tea.Model, tea.Cmd) {
	m.status = status{}
	if m.fromAgenda {
		m.fromAgenda = false
		return m.openAgenda()
	}
	m.screen = screenList
	return m, m.loadCases()
}

// scrollToSelected is the scroll that shows the chosen step in Now whole,
// moving as little as possible. Now is laid out to fit the window with its
// header (see nowLevels), so the cursor never scrolls the header away; only
// a Now taller than the window, which the levels prevent from the smallest
// window up, scrolls.
func (m Model) scrollToSelected() int {
	cs := m.cs
	room := m.caseRoom()
	lines, starts := m.nowLayout(room)
	if len(lines) <= room || cs.cursor >= len(starts) {
		return 0
	}
	start := starts[cs.cursor]
	end := len(lines)
	if cs.cursor+1 < len(starts) {
		end = starts[cs.cursor+1]
	}
	scroll := cs.scroll
	if end > scroll+room {
		scroll = end - room
	}
	if start-1 < scroll {
		scroll = max(0, start-1)
	}
	return scroll
}

// caseRoom is the number of lines the case screen's body has under its
// header, with the status line as it will be drawn.
func (m Model) caseRoom() int {
	return m.bodyHeight() - len(m.caseHeader())
}

func (m Model) togglePin(s actionlist.Step) (tea.Model, tea.Cmd) {
	if waits := m.cs.dosing.WaitsFor(s.ID); len(waits) > 0 && s.Pin != actionlist.PinNow {
		m.status = status{text: fmt.Sprintf(m.t.BlockedPin, m.stepTitles(waits))}
		return m, nil
	}
	after := actionlist.TogglePin(s)
	report := m.t.PinnedMsg
	if after.Pin != actionlist.PinNow {
		report = m.t.UnpinnedMsg
	}
	return m.stepChange([]store.StepEdit{{Before: s, After: after}}, clean(s.Title), report)
}

func (m Model) togglePush(s actionlist.Step) (tea.Model, tea.Cmd) {
	after := actionlist.PushBack(s)
	report := m.t.UnpushedMsg
	if after.Pin == actionlist.PinLater {
		report = m.t.PushedMsg
		next := withSteps(m.cs.c, []actionlist.Step{after})
		if actionlist.Dose(next.Steps, next.Dose, m.today()).InNow(s.ID) && m.cs.dosing.InNow(s.ID) {
			report = m.t.StillInNow
		}
	}
	return m.stepChange([]store.StepEdit{{Before: s, After: after}}, clean(s.Title), report)
}

func (m Model) stepTitles(ids []string) string {
	var titles []string
	for _, id := range ids {
		if s, _ := m.cs.c.StepByID(id); s != nil {
			titles = append(titles, "„"+clean(s.Title)+"”")
		}
	}
	return strings.Join(titles, ", ")
}

func isConflict(err error) bool {
	return errors.Is(err, store.ErrConflict)
}

// renderCase draws the action list: Now, progress, done, the next
// appointment and the agreements.
func (m Model) renderCase() (string, []key.Binding) {
	cs, t, today := m.cs, m.t, m.today()
	header := m.caseHeader() // drawn once a frame: it counts debts and clocks
	room := m.bodyHeight() - len(header)
	now, _ := m.nowLayout(room)
	wide := m.width >= 110
	progress := m.progressSection(wide)
	meeting := []string{
		m.st.section.Render(t.NextAppt) + "  " + orDim(m, apptText(cs.c.Next, today, m.lang, false), t.NoNextAppt),
		m.st.section.Render(t.Agreements) + "  " + m.agreementsLine(),
		m.profileLine(),
	}
	var sections [][]string
	if wide {
		done := m.doneSection(max(3, room-len(now)-len(meeting)-3))
		sections = [][]string{now, sideBySide(progress, done, 56, m.width), meeting}
	} else {
		sections = [][]string{now, progress, meeting, m.doneSection(room)}
	}
	body := stack(sections, room)
	scroll := min(cs.scroll, max(0, len(body)-room))
	body = body[scroll:]
	if len(body) > room {
		body = append(body[:room-1], m.st.dim.Render("  ↓ "+m.keys.PageDown.Help().Key))
	}
	return strings.Join(append(header, body...), "\n"), m.footerKeys(m.caseKeys())
}

// stack joins sections, with a blank line between them while that fits.
func stack(sections [][]string, room int) []string {
	n := len(sections) - 1
	for _, sec := range sections {
		n += len(sec)
	}
	gap := n <= room
	var out []string
	for i, sec := range sections {
		if i > 0 && gap {
			out = append(out, "")
		}
		out = append(out, sec...)
	}
	return out
}

func orDim(m Model, s, empty string) string {
	if s == "" {
		return m.st.dim.Render(empty)
	}
	return s
}

func (m Model) caseHeader() []string {
	c, t := m.cs.c, m.t
	left := m.st.title.Render(t.App) + m.st.dim.Render(" › ") + m.st.bold.Render(clean(c.Name)) +
		m.st.dim.Render(" · "+clean(c.Ref)+" · "+actionlist.CaseStatusLabel(c.Status, m.lang))
	right := clockText(m.cs.progress, t)
	var first string
	switch m.cs.progress.Clock {
	case actionlist.ClockNear:
		// A warning is never dropped for want of room: it is said shorter,
		// and the name gives way before it does.
		first = keepRight(left, m.st.warn.Render(glyphOverdue+" "+t.ClockNear+" · "+right), m.st.warn.Render(glyphOverdue+" "+t.ClockNear), m.width)
	case actionlist.ClockPast:
		first = keepRight(left, m.st.overdue.Render(glyphOverdue+" "+t.ClockPast+" · "+right), m.st.overdue.Render(glyphOverdue+" "+t.ClockPast), m.width)
	default:
		first = spread(left, m.st.dim.Render(right), m.width)
	}
	lines := []string{first, m.st.rule.Render(strings.Repeat("─", m.width)), fit(m.debtCountLine(), m.width)}
	if l := m.deadlineLine(); l != "" {
		lines = append(lines, l)
		if src := m.signalSourceLine(); src != "" {
			lines = append(lines, src)
		}
	}
	if l := m.conflictLine(); l != "" {
		lines = append(lines, l)
	}
	if l := m.caseLanguageLine(); l != "" {
		lines = append(lines, l)
	}
	return lines
}

// deadlineLine is the legal clock that runs for the case, when one does
// besides stabilisation's (which the header shows): the first conversation
// or the crisis, with its deadline and the rule that sets it.
func (m Model) deadlineLine() string {
	today := m.today()
	for _, k := range actionlist.Deadlines(m.cs.c) {
		if !k.Running() || k.Kind == actionlist.DeadlineStabilisation {
			continue
		}
		line := fmt.Sprintf(m.t.ClockRuns, actionlist.DeadlineLabel(k.Kind, m.lang), shortDate(k.Due, today, m.lang), actionlist.DeadlineRule(k, m.lang))
		switch {
		case k.Passed(today):
			line = fmt.Sprintf(m.t.ClockPassed, actionlist.DeadlineLabel(k.Kind, m.lang), shortDate(k.Due, today, m.lang), actionlist.DeadlineRule(k, m.lang))
			return m.st.overdue.Render(fit(glyphOverdue+" "+line, m.width))
		case k.Close(today):
			return m.st.warn.Render(fit(glyphOverdue+" "+line, m.width))
		}
		return m.st.dim.Render(fit(glyphWaiting+" "+line, m.width))
	}
	return ""
}

// keepRight puts left and right on one line of width; when they do not fit
// it uses the short form of right, and shortens left to make room for it.
func keepRight(left, right, short string, width int) string {
	if widthOf(left)+widthOf(right)+2 <= width {
		return spread(left, right, width)
	}
	room := width - widthOf(short) - 2
	if widthOf(left) > room {
		left = fit(left, max(10, room))
	}
	return spread(left, short, width)
}

// spread puts left and right on one line of width, dropping right if it
// does not fit.
func spread(left, right string, width int) string {
	lw, rw := widthOf(left), widthOf(right)
	if lw+rw+2 > width {
		return fit(left, width)
	}
	return left + strings.Repeat(" ", width-lw-rw) + right
}

// Detail levels of a step in Now: the title and who and when; with the
// expectation and the resident's plan on a line each; with them whole.
const (
	nowCompact = iota
	nowLines
	nowWhole
)

// nowLayout is the Now section and the line at which each step starts. It
// takes the richest detail that lets the whole section fit room, the lines
// under the header, the chosen step one level richer where that fits: with any
// dose, every step in Now is in view whole, with the section's title.
func (m Model) nowLayout(room int) ([]string, []int) {
	// On a small window the expectation takes one line, leaving room for
	// progress and the appointment below.
	most := nowLines
	if m.width >= 100 || m.height >= 30 {
		most = nowWhole
	}
	for _, lv := range [][2]int{{nowWhole, nowWhole}, {nowLines, nowWhole}, {nowLines, nowLines}, {nowCompact, nowWhole}, {nowCompact, nowLines}} {
		if lv[1] > most {
			continue
		}
		if lines, starts := m.nowSection(lv[0], lv[1]); len(lines) <= room {
			return lines, starts
		}
	}
	return m.nowSection(nowCompact, nowCompact)
}

// nowSection is Now with each step at level, the chosen one at chosen.
func (m Model) nowSection(level, chosen int) ([]string, []int) {
	cs, t, today := m.cs, m.t, m.today()
	open := len(cs.dosing.Now) + cs.dosing.LaterTotal
	title := m.st.section.Render(t.Now) + m.st.dim.Render("  "+fmt.Sprintf(t.NowCount, len(cs.dosing.Now), open))
	lines := []string{title}
	if len(cs.dosing.Now) == 0 {
		if open == 0 {
			lines = append(lines, "  "+m.st.done.Render(glyphDone+" "+t.NowAllDone))
		} else {
			lines = append(lines, "  "+t.NowEmpty)
		}
	}
	starts := make([]int, len(cs.dosing.Now))
	for i, s := range cs.dosing.Now {
		lv := level
		if i == cs.cursor {
			lv = chosen
		}
		starts[i] = len(lines)
		lines = append(lines, m.nowStep(s, i == cs.cursor, cs.fresh[s.ID], lv, today)...)
	}
	if cs.dosing.LaterTotal > 0 {
		var parts []string
		for _, ph := range actionlist.Phases {
			if n := cs.dosing.Later[ph]; n > 0 {
				parts = append(parts, fmt.Sprintf("%s %d", actionlist.PhaseLabel(ph, m.lang), n))
			}
		}
		lines = append(lines, m.st.dim.Render(fit("  "+fmt.Sprintf(t.Later, cs.dosing.LaterTotal)+": "+strings.Join(parts, " · "), m.width)))
	}
	return lines, starts
}

// nowStep is one step in Now: the title line, who and when, and, as the
// level allows, what happens after and the resident's own plan.
func (m Model) nowStep(s actionlist.Step, selected, fresh bool, level int, today actionlist.Date) []string {
	t := m.t
	marker := "  "
	if selected {
		marker = "▸ "
	}
	glyph := stepGlyph(s, today)
	var tags []string
	switch {
	case s.Pin == actionlist.PinNow:
		tags = append(tags, glyphPinned+" "+t.Pinned)
	case s.Pin == actionlist.PinLater:
		tags = append(tags, glyphPushed+" "+t.PushedBack)
	}
	switch s.Status {
	case actionlist.StepInProgress:
		tags = append(tags, t.InProgress)
	case actionlist.StepWaiting:
		tags = append(tags, t.Waiting)
	}
	tagText := ""
	if len(tags) > 0 {
		tagText = " [" + strings.Join(tags, ", ") + "]"
	}
	if fresh {
		tagText += " " + glyphNew + " " + t.NewInNow
	}
	titleWidth := m.width - 4 - widthOf(tagText)
	title := marker + glyph + " " + fit(clean(s.Title), titleWidth)
	if selected {
		title = m.st.selected.Render(pad(title, m.width-widthOf(tagText)))
	} else if s.Overdue(today) {
		title = m.st.overdue.Render(title)
	}
	if fresh {
		tagText = m.st.dim.Render(strings.TrimSuffix(tagText, " "+glyphNew+" "+t.NewInNow)) + " " + m.st.newStep.Render(glyphNew+" "+t.NewInNow)
	} else {
		tagText = m.st.dim.Render(tagText)
	}
	due, late := dueText(s, today, t, m.lang)
	if late {
		due = m.st.overdue.Render(glyphOverdue + " " + due + " (" + fmt.Sprintf(t.WasDue, shortDate(s.Due, today, m.lang)) + ")")
	}
	who := "    " + ownerText(s, m.lang) + " · " + due
	lines := []string{title + tagText, fit(who, m.width)}
	if level == nowCompact {
		return lines
	}
	labelled := func(label, text string) {
		text = clean(text)
		if text == "" {
			return
		}
		body := wrap(text, m.width-6-widthOf(label))
		if level != nowWhole && len(body) > 1 {
			body = []string{fit(text, m.width-6-widthOf(label))}
		}
		for i, l := range body {
			if i == 0 {
				lines = append(lines, "    "+m.st.dim.Render(label)+" "+l)
			} else {
				lines = append(lines, "    "+strings.Repeat(" ", widthOf(label)+1)+l)
			}
		}
	}
	labelled(t.After, s.After)
	labelled(t.WhenWhere, s.WhenWhere)
	labelled(t.IfNot, s.IfNot)
	return lines
}

// progressSection is a bar per phase and one overall. On a narrow screen
// the phases go two to a row.
func (m Model) progressSection(wide bool) []string {
	p, t := m.cs.progress, m.t
	lines := []string{m.st.section.Render(t.Progress)}
	cell := func(label string, pp actionlist.PhaseProgress, labelW, barW int) string {
		full, empty, count := progressBar(pp.Done, pp.Applicable, barW)
		s := pad(label, labelW) + " " + m.st.barFull.Render(full) + m.st.barEmpty.Render(empty) + " " + pad(count, 5)
		if pp.Overdue > 0 {
			s += m.st.overdue.Render(fmt.Sprintf(" %s%d", glyphOverdue, pp.Overdue))
		} else if pp.Applicable > 0 && pp.Done == pp.Applicable {
			s += m.st.done.Render(" " + glyphDone)
		}
		return s
	}
	if wide {
		for _, pp := range p.Phases {
			lines = append(lines, cell(actionlist.PhaseLabel(pp.Phase, m.lang), pp, 22, 20))
		}
	} else {
		half := m.width / 2
		for i := 0; i < len(p.Phases); i += 2 {
			row := pad(cell(actionlist.PhaseLabel(p.Phases[i].Phase, m.lang), p.Phases[i], 16, 12), half)
			if i+1 < len(p.Phases) {
				row += cell(actionlist.PhaseLabel(p.Phases[i+1].Phase, m.lang), p.Phases[i+1], 16, 12)
			}
			lines = append(lines, row)
		}
	}
	barW := 20
	if !wide {
		barW = 12
	}
	total := cell(t.Total, p.Overall, map[bool]int{true: 22, false: 16}[wide], barW)
	lines = append(lines, m.st.bold.Render(total)+m.st.dim.Render(fmt.Sprintf(" %d%%", p.Overall.Percent())))
	return lines
}

// doneSection lists what is finished, newest first, as achievements.
func (m Model) doneSection(room int) []string {
	t, today := m.t, m.today()
	tl := m.cs.progress.Timeline
	lines := []string{m.st.section.Render(t.DoneTitle) + m.st.dim.Render(fmt.Sprintf("  %d", len(tl)))}
	if len(tl) == 0 {
		return append(lines, m.st.dim.Render("  "+t.DoneEmpty))
	}
	show := min(len(tl), max(1, room-2))
	for i := len(tl) - 1; i >= len(tl)-show; i-- {
		s := tl[i]
		lines = append(lines, m.st.done.Render("  "+glyphDone+" ")+m.st.dim.Render(pad(shortDate(s.DoneOn, today, m.lang), 11))+clean(s.Title))
	}
	if rest := len(tl) - show; rest > 0 {
		lines = append(lines, m.st.dim.Render("    "+fmt.Sprintf(t.DoneMore, rest)))
	}
	return lines
}

func (m Model) agreementsLine() string {
	as := m.cs.c.Agreements
	if len(as) == 0 {
		return m.st.dim.Render(m.t.NoAgreements)
	}
	var parts []string
	for i := len(as) - 1; i >= 0 && len(parts) < 3; i-- {
		a := as[i]
		s := clean(a.What)
		if who := clean(a.Who); who != "" {
			s = who + ": " + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " · ")
}

// sideBySide joins two columns of lines, the left one padded to leftW.
func sideBySide(left, right []string, leftW, width int) []string {
	n := max(len(left), len(right))
	out := make([]string, n)
	for i := range n {
		var l, r string
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out[i] = pad(l, leftW) + fit(r, width-leftW)
	}
	return out
}
