// Package tui is Houvast's terminal screen: one root model, screens as plain
// structs that render, and every save done in a tea.Cmd.
package tui

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"houvast/actionlist"
	"houvast/store"
)

// Store is what the screens need from storage.
type Store interface {
	Cases(ctx context.Context, today actionlist.Date) ([]store.CaseSummary, error)
	Case(ctx context.Context, id string) (actionlist.Case, error)
	CaseSeq(ctx context.Context, id string) (int64, error)
	Seq(ctx context.Context) (int64, error)
	CreateCase(ctx context.Context, actor actionlist.Actor, c actionlist.Case) (actionlist.Case, error)
	UpdateCase(ctx context.Context, actor actionlist.Actor, before, after actionlist.Case) (actionlist.Case, error)
	UpdateCaseDated(ctx context.Context, actor actionlist.Actor, before, after actionlist.Case) (actionlist.Case, store.Promised, error)
	UpdateStepsDated(ctx context.Context, actor actionlist.Actor, edits ...store.StepEdit) ([]actionlist.Step, store.Promised, error)
	Undo(ctx context.Context, actor actionlist.Actor, u store.Undo) (store.Undone, error)
	AddStep(ctx context.Context, actor actionlist.Actor, caseID string, s actionlist.Step) (actionlist.Step, error)
	DeleteStep(ctx context.Context, actor actionlist.Actor, stepID string) error
	AddAgreement(ctx context.Context, actor actionlist.Actor, caseID string, a actionlist.Agreement) (actionlist.Agreement, error)
	DeleteAgreement(ctx context.Context, actor actionlist.Actor, caseID, id string) error
	AddDebt(ctx context.Context, actor actionlist.Actor, caseID string, d actionlist.Debt) (actionlist.Debt, error)
	UpdateDebt(ctx context.Context, actor actionlist.Actor, caseID string, before, after actionlist.Debt) (actionlist.Debt, error)
	DeleteDebt(ctx context.Context, actor actionlist.Actor, caseID, id string) error
	Events(ctx context.Context, caseID string) ([]actionlist.Event, error)
	StepsOwnedBy(ctx context.Context, role actionlist.Role) ([]store.OwnedStep, error)
	AllCases(ctx context.Context) ([]actionlist.Case, error)
	AgendaCases(ctx context.Context, until actionlist.Date) ([]actionlist.Case, error)
	DueForErasure(ctx context.Context, today actionlist.Date, months int) ([]store.CaseSummary, error)
	OpenConflicts(ctx context.Context, caseID string) ([]store.OpenConflict, error)
	ResolveConflict(ctx context.Context, actor actionlist.Actor, caseID string, conflictIDs ...string) error
	SaveCase(ctx context.Context, actor actionlist.Actor, before, after actionlist.Case) (actionlist.Case, error)
}

// Options configure the screen.
type Options struct {
	Store     Store
	Lang      actionlist.Lang
	Actor     actionlist.Actor
	Volunteer bool // start in the volunteer view (houvast --role vrijwilliger)
	// StartAgenda starts on the agenda (houvast --agenda); esc there quits.
	StartAgenda bool
	Templates   []actionlist.Template
	// StepTexts words the template steps in each resident's language, with
	// the team's corrections; nil means the embedded words. It is called
	// when a case in another language than the screens' is shown, so
	// reading the files need not delay the first frame.
	StepTexts func() actionlist.StepTexts
	// Today is the calendar; tests fix it.
	Today func() actionlist.Date
	// Watch is how often the screen looks for changes made by another
	// window; 0 means every 2 seconds, negative never (tests).
	Watch time.Duration
	// Summaries writes the resident's summary (the X key); ExportDir is
	// where it goes unless the specialist types another path.
	Summaries Summaries
	ExportDir string
	// Sentence turns an error from below the screens (the store, the use
	// cases) into what a caseworker reads, in a language; "" when it has
	// none. The command line says the same errors in the same words.
	Sentence func(err error, l actionlist.Lang) string
	// RetentionMonths is how long a closed case is kept before the case
	// list points it out for erasing; 0 means the store's default.
	RetentionMonths int
	// Signals holds the early-warning signals; nil leaves the signals
	// screen out. SignalRetentionMonths is theirs, as RetentionMonths.
	Signals               SignalStore
	SignalRetentionMonths int
	// Notice is shown in the status line at the start (a team template
	// that did not load, say).
	Notice string
	// FirstFrame, when set, is called once when the first real frame
	// (the loaded case list) has been rendered. It is called from View, so
	// it must not block.
	FirstFrame func()
}

// Minimum terminal size; below it the screen says so.
const (
	minWidth  = 80
	minHeight = 24
)

type screen int

const (
	screenList screen = iota
	screenCase
	screenSteps
	screenResident
	screenVolunteer
	screenHistory
	screenHelp
	screenAftercare
	screenReport
	screenConflicts
	screenAgenda
	screenDebts
	screenSignals
)

// Model is the root of the screen.
type Model struct {
	o      Options
	t      *text
	lang   actionlist.Lang
	keys   keys
	st     styles
	width  int
	height int

	screen screen
	back   screen // where help, history and the resident view return to

	list  caseList
	cs    caseScreen
	steps stepsScreen
	vol   volunteerScreen
	hist  historyScreen
	debts debtsScreen
	over  overviewScreen
	// agenda is the week across cases; fromAgenda: the open case was opened
	// from it, so going back returns there; agendaFromList: the agenda was
	// opened from the case list rather than started on.
	agenda         agendaScreen
	sig            signalsScreen
	sk             signalKeys
	stx            *signalText
	fromAgenda     bool
	agendaFromList bool
	form           *form

	helpOffset int // how far the help page is scrolled

	status status
	undo   []undoEntry
	// retry rebuilds the last submitted form with what was typed, for when
	// its save fails: a failed save never throws typing away.
	retry      func(Model) *form
	retryAfter bool // reopen once the case has been read again
	// afterSave opens what follows a successful save (the advice after a
	// screening); it gets the model as it is then.
	afterSave func(Model) (tea.Model, tea.Cmd)
	pending   int // saves in flight; quitting waits for them
	quitting  bool
	framed    *sync.Once // reports the first real frame once
}

// status is the one-line message under the screen.
type status struct {
	text  string
	isErr bool
}

// New makes the root model.
func New(o Options) Model {
	if o.Today == nil {
		o.Today = func() actionlist.Date { return actionlist.DateOf(time.Now()) }
	}
	if o.Watch == 0 {
		o.Watch = 2 * time.Second
	}
	if o.RetentionMonths <= 0 {
		o.RetentionMonths = store.DefaultRetentionMonths
	}
	if o.SignalRetentionMonths <= 0 {
		o.SignalRetentionMonths = store.DefaultSignalRetentionMonths
	}
	if o.StepTexts == nil {
		o.StepTexts = sync.OnceValue(actionlist.DefaultStepTexts)
	}
	t := textFor(o.Lang)
	m := Model{o: o, t: t, lang: o.Lang, keys: newKeys(t), st: newStyles(true), screen: screenList, framed: new(sync.Once)}
	if o.Lang == "" {
		m.lang = actionlist.Dutch
	}
	m.list = newCaseList(t)
	m.stx = signalTexts(m.lang)
	m.sk = newSignalKeys(m.stx)
	if o.Notice != "" {
		m.status = status{text: clean(o.Notice), isErr: true}
	}
	switch {
	case o.Volunteer:
		m.screen = screenVolunteer
	case o.StartAgenda:
		m.screen = screenAgenda
	}
	return m
}

func (m Model) today() actionlist.Date { return m.o.Today() }

// Init loads the first screen and asks the terminal for its background.
func (m Model) Init() tea.Cmd {
	// The step texts may be read from files: read once, off the screen's
	// goroutine, before a case in a resident's language needs them.
	texts := m.o.StepTexts
	cmds := []tea.Cmd{tea.RequestBackgroundColor, m.watch(), func() tea.Msg { texts(); return nil }}
	switch m.screen {
	case screenVolunteer:
		cmds = append(cmds, m.loadVolunteer())
	case screenAgenda:
		cmds = append(cmds, m.loadAgenda())
	default:
		cmds = append(cmds, m.loadCases())
	}
	return tea.Batch(cmds...)
}

// Messages: named for what happened; they carry values.
type (
	casesLoadedMsg struct {
		list []store.CaseSummary
		seq  int64
		due  int // closed cases past the retention period
		err  error

		dueSignals int // signals that did not become a case, past their retention
	}
	caseLoadedMsg struct {
		c      actionlist.Case
		seq    int64
		err    error
		reload bool // a refresh after another window's change
	}
	stepsSavedMsg struct {
		caseID string // the case the steps belong to
		steps  []actionlist.Step
		seq    int64
		err    error
		undo   *undoEntry // how to take it back; nil for an undo itself
		report string     // the status line on success
	}
	caseSavedMsg struct {
		c      actionlist.Case
		seq    int64
		err    error
		undo   *undoEntry
		report string
		whole  bool // c holds its steps and agreements too
		// steps are the case's steps read after the save, when a new dose
		// may have brought steps into Now (and given them dates).
		steps []actionlist.Step
	}
	caseCreatedMsg struct {
		c   actionlist.Case
		err error
	}
	agreementSavedMsg struct {
		a      actionlist.Agreement
		seq    int64
		err    error
		undo   *undoEntry
		report string
	}
	agreementDeletedMsg struct {
		id     string
		seq    int64
		err    error
		report string
	}
	stepAddedMsg struct {
		s      actionlist.Step
		seq    int64
		err    error
		undo   *undoEntry
		report string
	}
	stepDeletedMsg struct {
		id     string
		seq    int64
		err    error
		report string
	}
	eventsLoadedMsg struct {
		events []actionlist.Event
		err    error
	}
	volunteerLoadedMsg struct {
		steps []store.OwnedStep
		err   error
	}
	watchTickMsg  struct{}
	seqCheckedMsg struct {
		caseID string
		seq    int64
		err    error
	}
	freshExpiredMsg struct{ ids []string }
)

// ctx is the context for store calls: short, so a stuck disk shows as an
// error instead of a frozen screen.
func storeCtx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 10*time.Second)
}

func (m Model) loadCases() tea.Cmd {
	st, today, months := m.o.Store, m.today(), m.o.RetentionMonths
	sigs, sigMonths := m.o.Signals, m.o.SignalRetentionMonths
	return func() tea.Msg {
		ctx, cancel := storeCtx()
		defer cancel()
		seq, err := st.Seq(ctx)
		if err != nil {
			return casesLoadedMsg{err: err}
		}
		list, err := st.Cases(ctx, today)
		if err != nil {
			return casesLoadedMsg{err: err}
		}
		due, err := st.DueForErasure(ctx, today, months)
		if err != nil {
			return casesLoadedMsg{err: err}
		}
		dueSignals, err := dueSignals(ctx, sigs, today, sigMonths)
		return casesLoadedMsg{list: list, seq: seq, due: len(due), dueSignals: dueSignals, err: err}
	}
}

func (m Model) loadCase(id string, reload bool) tea.Cmd {
	st := m.o.Store
	return func() tea.Msg {
		ctx, cancel := storeCtx()
		defer cancel()
		// The number first: a change between the two reads then only
		// causes one extra reload, never a missed one.
		seq, err := st.CaseSeq(ctx, id)
		if err != nil {
			return caseLoadedMsg{err: err, reload: reload}
		}
		c, err := st.Case(ctx, id)
		return caseLoadedMsg{c: c, seq: seq, err: err, reload: reload}
	}
}

// loadVolunteer reads the volunteers' tasks: the steps they own, and the
// ones they do together with the resident.
func (m Model) loadVolunteer() tea.Cmd {
	st := m.o.Store
	return func() tea.Msg {
		ctx, cancel := storeCtx()
		defer cancel()
		var all []store.OwnedStep
		for _, r := range []actionlist.Role{actionlist.RoleVolunteer, actionlist.RoleTogether} {
			steps, err := st.StepsOwnedBy(ctx, r)
			if err != nil {
				return volunteerLoadedMsg{err: err}
			}
			all = append(all, steps...)
		}
		slices.SortStableFunc(all, func(a, b store.OwnedStep) int {
			if c := cmp.Compare(a.CaseRef, b.CaseRef); c != 0 {
				return c
			}
			return cmp.Or(cmp.Compare(a.Step.Phase.Index(), b.Step.Phase.Index()), cmp.Compare(a.Step.Order, b.Step.Order))
		})
		return volunteerLoadedMsg{steps: all}
	}
}

func (m Model) loadEvents(caseID string) tea.Cmd {
	st := m.o.Store
	return func() tea.Msg {
		ctx, cancel := storeCtx()
		defer cancel()
		evs, err := st.Events(ctx, caseID)
		return eventsLoadedMsg{events: evs, err: err}
	}
}

// watch schedules the next look for changes made by another window.
func (m Model) watch() tea.Cmd {
	if m.o.Watch < 0 {
		return nil
	}
	return tea.Tick(m.o.Watch, func(time.Time) tea.Msg { return watchTickMsg{} })
}

func (m Model) checkSeq() tea.Cmd {
	st := m.o.Store
	caseID := ""
	if m.cs.open() && m.screen != screenList && m.screen != screenVolunteer && m.screen != screenAgenda {
		caseID = m.cs.c.ID
	}
	return func() tea.Msg {
		ctx, cancel := storeCtx()
		defer cancel()
		var seq int64
		var err error
		if caseID != "" {
			seq, err = st.CaseSeq(ctx, caseID)
		} else {
			seq, err = st.Seq(ctx)
		}
		return seqCheckedMsg{caseID: caseID, seq: seq, err: err}
	}
}

// Update handles one message.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		if m.form != nil {
			m.form.resize(m.width, m.height)
		}
		return m, nil
	case tea.BackgroundColorMsg:
		m.st = newStyles(msg.IsDark())
		return m, nil
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			return m.quit()
		}
		if m.form != nil {
			return m.updateForm(msg)
		}
		return m.updateKey(msg)
	case tea.PasteMsg:
		if m.form != nil {
			return m.updateForm(msg)
		}
		if m.screen == screenList && m.list.searching {
			return m.updateListSearch(msg)
		}
		return m, nil
	case casesLoadedMsg:
		return m.casesLoaded(msg)
	case caseLoadedMsg:
		return m.caseLoaded(msg)
	case caseCreatedMsg:
		return m.caseCreated(msg)
	case stepsSavedMsg:
		return m.stepsSaved(msg)
	case caseSavedMsg:
		return m.caseSaved(msg)
	case agreementSavedMsg:
		return m.agreementSaved(msg)
	case agreementDeletedMsg:
		return m.agreementDeleted(msg)
	case debtSavedMsg:
		return m.debtSaved(msg)
	case debtDeletedMsg:
		return m.debtDeleted(msg)
	case stepAddedMsg:
		return m.stepAdded(msg)
	case stepDeletedMsg:
		return m.stepDeleted(msg)
	case eventsLoadedMsg:
		m.hist.set(msg.events, msg.err)
		if msg.err != nil {
			m.status = m.failure(msg.err)
		}
		return m, nil
	case conflictsLoadedMsg:
		return m.conflictsLoaded(msg)
	case conflictResolvedMsg:
		return m.conflictResolved(msg)
	case summaryWrittenMsg:
		return m.summaryWritten(msg)
	case allCasesMsg:
		return m.allCasesLoaded(msg)
	case agendaLoadedMsg:
		return m.agendaLoaded(msg)
	case signalsLoadedMsg:
		return m.signalsLoaded(msg)
	case signalsStampMsg:
		return m.signalsStamped(msg)
	case signalSavedMsg:
		return m.signalSaved(msg)
	case signalClosedMsg:
		return m.signalClosed(msg)
	case signalAcceptedMsg:
		return m.signalAccepted(msg)
	case volunteerLoadedMsg:
		if msg.err != nil {
			m.status = m.failure(msg.err)
			return m, nil
		}
		m.vol.set(msg.steps)
		return m, nil
	case watchTickMsg:
		if m.form != nil || m.pending > 0 {
			return m, m.watch()
		}
		return m, tea.Batch(m.checkSeq(), m.checkSignals(), m.watch())
	case seqCheckedMsg:
		return m.seqChecked(msg)
	case freshExpiredMsg:
		m.cs.fresh = without(m.cs.fresh, msg.ids)
		return m, nil
	}
	if m.form != nil {
		// huh's own messages (next field, cursor blink) go to the form.
		return m.updateForm(msg)
	}
	return m, nil
}

// quit leaves, but only once every save has landed.
func (m Model) quit() (tea.Model, tea.Cmd) {
	if m.pending > 0 {
		m.quitting = true
		m.status = status{text: m.t.QuitPending}
		return m, nil
	}
	return m, tea.Quit
}

// saveDone is called for every finished save: it releases a pending quit.
func (m Model) saveDone() (Model, tea.Cmd) {
	if m.pending > 0 {
		m.pending--
	}
	if m.quitting && m.pending == 0 {
		return m, tea.Quit
	}
	return m, nil
}

func (m Model) seqChecked(msg seqCheckedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil || m.form != nil || m.pending > 0 {
		return m, nil
	}
	if msg.caseID == "" {
		if msg.seq != m.list.seq {
			return m, tea.Batch(m.loadCases(), m.reloadVolunteerIfShown(), m.reloadAgendaIfShown())
		}
		return m, nil
	}
	if m.cs.open() && m.cs.c.ID == msg.caseID && msg.seq != m.cs.seq {
		return m, m.loadCase(msg.caseID, true)
	}
	return m, nil
}

func (m Model) reloadAgendaIfShown() tea.Cmd {
	if m.screen == screenAgenda {
		return m.loadAgenda()
	}
	return nil
}

func (m Model) reloadVolunteerIfShown() tea.Cmd {
	if m.screen == screenVolunteer {
		return m.loadVolunteer()
	}
	return nil
}

// saveFailed shows why a save failed and brings the form back, with what
// was typed, so the change can be tried again. After a conflict the form
// comes back once the newer version has been read, so it edits that.
func (m Model) saveFailed(err error, cmds ...tea.Cmd) (tea.Model, tea.Cmd) {
	m.status = m.failure(err)
	m.afterSave = nil
	conflict := isConflict(err)
	if conflict && m.cs.open() {
		cmds = append(cmds, m.loadCase(m.cs.c.ID, true))
	}
	if m.retry != nil {
		if conflict {
			m.retryAfter = true
		} else {
			m.form, m.retry = m.retry(m), nil
			cmds = append(cmds, m.form.f.Init())
		}
	}
	return m, tea.Batch(cmds...)
}

// failure turns an error into the status line: a sentence the caseworker
// understands. The detail stays in the error for logs.
func (m Model) failure(err error) status {
	if s, ok := m.domainSentence(err); ok {
		return status{text: fmt.Sprintf(m.t.SaveFailed, s), isErr: true}
	}
	reason := ""
	if m.o.Sentence != nil {
		reason = m.o.Sentence(err, m.lang)
	}
	if reason == "" {
		reason = err.Error()
	}
	return status{text: fmt.Sprintf(m.t.SaveFailed, reason), isErr: true}
}

// View draws the screen.
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = m.t.App
	if m.o.FirstFrame != nil && (m.list.loaded || m.vol.loaded || m.agenda.loaded) && m.width > 0 {
		m.framed.Do(m.o.FirstFrame)
	}
	return v
}

func (m Model) render() string {
	if m.width == 0 {
		return m.t.Loading
	}
	if m.width < minWidth || m.height < minHeight {
		msg := fmt.Sprintf(m.t.TooSmall, m.width, m.height, minWidth, minHeight)
		return strings.Join(wrap(msg, max(1, m.width)), "\n")
	}
	return m.frame(m.body())
}

// body is the showing screen's lines above the status, and its keys.
func (m Model) body() (body string, help []key.Binding) {
	switch {
	case m.form != nil:
		body, help = m.form.render(m), nil
	case m.screen == screenList:
		body, help = m.renderList()
	case m.screen == screenCase:
		body, help = m.renderCase()
	case m.screen == screenSteps:
		body, help = m.renderSteps()
	case m.screen == screenResident:
		body, help = m.renderResident()
	case m.screen == screenVolunteer:
		body, help = m.renderVolunteer()
	case m.screen == screenHistory:
		body, help = m.renderHistory()
	case m.screen == screenHelp:
		body, help = m.renderHelp()
	case m.screen == screenAftercare:
		body, help = m.renderAftercare()
	case m.screen == screenReport:
		body, help = m.renderReport()
	case m.screen == screenConflicts:
		body, help = m.renderConflicts()
	case m.screen == screenAgenda:
		body, help = m.renderAgenda()
	case m.screen == screenDebts:
		body, help = m.renderDebts()
	case m.screen == screenSignals:
		body, help = m.renderSignals()
	}
	return body, help
}

// maxStatusLines is how far a long status wraps before it is cut.
const maxStatusLines = 3

// bodyHeight is how many lines a screen's body has above the status line
// as it will be drawn (one to three lines) and the key footer. Every
// screen sizes its body from it, so a long status never hides the end of
// a list.
func (m Model) bodyHeight() int {
	return m.height - 1 - min(maxStatusLines, max(1, len(wrap(m.status.text, m.width))))
}

// frame puts the body above the status line and the key footer, exactly
// filling the window.
func (m Model) frame(body string, help []key.Binding) string {
	lines := strings.Split(body, "\n")
	// A long status (a refusal and what to do about it) wraps over up to
	// three lines rather than losing its end; the body gives way.
	status := wrap(m.status.text, m.width)
	if len(status) == 0 {
		status = []string{""}
	}
	if len(status) > maxStatusLines {
		// Cut, it says so: its last line ends in an ellipsis.
		status = status[:maxStatusLines]
		status[maxStatusLines-1] = fit(status[maxStatusLines-1]+" …", m.width)
	}
	room := m.bodyHeight()
	if len(lines) > room {
		lines = lines[:room]
	}
	for len(lines) < room {
		lines = append(lines, "")
	}
	for i, l := range lines {
		lines[i] = fit(l, m.width)
	}
	for i, l := range status {
		switch {
		case m.status.isErr:
			status[i] = m.st.err.Render(fit(l, m.width))
		case l != "":
			status[i] = m.st.ok.Render(fit(l, m.width))
		}
	}
	st := strings.Join(status, "\n")
	var footer string
	if m.form != nil {
		footer = m.st.helpDesc.Render(fit(m.t.FormHelp, m.width))
	} else {
		footer = m.footer(help)
	}
	return strings.Join(append(lines, st, footer), "\n")
}
