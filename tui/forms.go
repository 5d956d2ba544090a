package tui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"houvast/actionlist"
	"houvast/store"
)

// form is an open huh form with what to do once it is filled in. On a
// failed save the form stays open with what was typed.
type form struct {
	title  string
	f      *huh.Form
	submit func(m Model) (Model, tea.Cmd)
}

func (m Model) newForm(title string, submit func(Model) (Model, tea.Cmd), groups ...*huh.Group) *form {
	km := huh.NewDefaultKeyMap()
	km.Quit = key.NewBinding(key.WithKeys("esc"))
	km.Text.Editor.SetEnabled(false)
	km.Text.NewLine = key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"))
	f := huh.NewForm(groups...).
		WithKeyMap(km).
		WithTheme(huh.ThemeFunc(formTheme)).
		WithShowHelp(false)
	fm := &form{title: title, f: f, submit: submit}
	fm.resize(m.width, m.height)
	return fm
}

// formTheme is huh's theme in the terminal's 16 colours, on light or dark
// alike, with the chosen button also bold and underlined, and a field's
// hint (the date it keeps when left empty) in italics: without colour
// (NO_COLOR) a yes/no question still shows which answer is chosen, and a
// hint does not look typed.
func formTheme(isDark bool) *huh.Styles {
	t := huh.ThemeBase16(isDark)
	t.Focused.FocusedButton = t.Focused.FocusedButton.Bold(true).Underline(true)
	t.Blurred.FocusedButton = t.Blurred.FocusedButton.Bold(true).Underline(true)
	t.Focused.TextInput.Placeholder = t.Focused.TextInput.Placeholder.Italic(true)
	t.Blurred.TextInput.Placeholder = t.Blurred.TextInput.Placeholder.Italic(true)
	return t
}

// resize fits the form between the title and the footer, leaving room under
// the fields for a validation message.
func (fm *form) resize(width, height int) {
	fm.f.WithWidth(max(20, min(width-4, 100)))
	fm.f.Update(tea.WindowSizeMsg{Width: max(20, min(width-4, 100)), Height: max(5, height-8)})
}

func (fm *form) render(m Model) string {
	title := m.st.title.Render(m.t.App) + m.st.dim.Render(" › ") + m.st.bold.Render(fm.title)
	body := fm.f.View()
	var lines []string
	for _, l := range strings.Split(body, "\n") {
		lines = append(lines, "  "+l)
	}
	return title + "\n" + m.st.rule.Render(strings.Repeat("─", m.width)) + "\n" + strings.Join(lines, "\n")
}

// openForm shows a form and starts it.
func (m Model) openForm(fm *form) (tea.Model, tea.Cmd) {
	m.form = fm
	m.status = status{}
	return m, fm.f.Init()
}

func (m Model) updateForm(msg tea.Msg) (tea.Model, tea.Cmd) {
	fm := m.form
	model, cmd := fm.f.Update(msg)
	if f, ok := model.(*huh.Form); ok {
		fm.f = f
	}
	switch fm.f.State {
	case huh.StateAborted:
		m.form = nil
		return m, nil
	case huh.StateCompleted:
		m.form = nil
		next, save := fm.submit(m)
		return next, tea.Batch(cmd, save)
	}
	return m, cmd
}

// Validators say what is wrong in a sentence, keeping what was typed.

func (m Model) required(msg string, limit int) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(msg)
		}
		return m.limited(limit)(s)
	}
}

// limited refuses text over the limit, and warns once about text that
// looks like a BSN: a second enter on the same text accepts it, since a
// creditor's reference can pass the same test. Fields take one character
// more than their limit, so typing past it gets this sentence instead of
// keys that silently do nothing.
func (m Model) limited(limit int) func(string) error {
	warned := ""
	return func(s string) error {
		if n := len([]rune(s)); n > limit {
			return fmt.Errorf(m.t.TooLong, limit)
		}
		if actionlist.HasBSN(s) && s != warned {
			warned = s
			return errors.New(m.t.BSNWarning)
		}
		return nil
	}
}

func (m Model) validDate(s string) error {
	if _, err := actionlist.ParseDateInput(s, m.today()); err != nil {
		return errors.New(m.t.DateWrong)
	}
	return nil
}

// validPastDate is validDate for what has happened: today or before.
func (m Model) validPastDate(s string) error {
	d, err := actionlist.ParseDateInput(s, m.today())
	switch {
	case err != nil:
		return errors.New(m.t.DateWrong)
	case d.After(m.today()):
		return errors.New(m.t.DateInFuture)
	}
	return nil
}

func (m Model) validDateTime(s string) error {
	_, _, err := actionlist.ParseDateTimeInput(s, m.today(), time.Local)
	switch {
	case errors.Is(err, actionlist.ErrTimeInput):
		return errors.New(m.t.TimeWrong)
	case err != nil:
		return errors.New(m.t.DateWrong)
	}
	return nil
}

// clearInput, typed into a date field, empties the date.
const clearInput = "-"

// dueInput is a date field over a date that may be there already. It
// starts empty, with that date as its placeholder, so what is typed
// replaces it (+9 is nine days from today, not "4-12-2026+9"); left empty
// the date stays, and - empties it (see keptDate).
func (m Model) dueInput(title string, current actionlist.Date, value *string) *huh.Input {
	in := huh.NewInput().Title(title).Value(value).CharLimit(actionlist.MaxDateInput)
	hint := m.t.FieldDueHint
	if !current.IsZero() {
		in = in.Placeholder(dateInput(current))
		hint = m.t.FieldDueExamples + " " + fmt.Sprintf(m.t.DueKeep, dateInput(current))
	}
	return in.Description(hint).Validate(func(s string) error {
		if strings.TrimSpace(s) == clearInput {
			return nil
		}
		return m.validDate(s)
	})
}

// keptDate is what a date field from dueInput gives: the date typed, the
// current one when nothing was typed, none for -.
func keptDate(input string, current, today actionlist.Date) actionlist.Date {
	switch s := strings.TrimSpace(input); s {
	case "":
		return current
	case clearInput:
		return actionlist.Date{}
	default:
		d, _ := actionlist.ParseDateInput(s, today)
		return d
	}
}

// apptWhenInput is dueInput for the appointment's day and time.
func (m Model) apptWhenInput(current actionlist.Appointment, value *string) *huh.Input {
	in := huh.NewInput().Title(m.t.FieldWhen).Value(value).CharLimit(actionlist.MaxDateInput + 6)
	hint := m.t.FieldWhenHint
	if !current.IsZero() {
		was := fmt.Sprintf("%s %s", dateInput(actionlist.DateOf(current.At)), current.At.Format("15:04"))
		in = in.Placeholder(was)
		hint = m.t.FieldWhenExamples + " " + fmt.Sprintf(m.t.ApptKeep, was)
	}
	return in.Description(hint).Validate(func(s string) error {
		if s = strings.TrimSpace(s); s == "" || s == clearInput {
			return nil
		}
		return m.validDateTime(s)
	})
}

// dateInput is how a stored date is shown for editing: 1-12-2026.
func dateInput(d actionlist.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d-%d-%d", d.Day(), d.Month(), d.Year())
}

func roleOptions(l actionlist.Lang) []huh.Option[actionlist.Role] {
	var out []huh.Option[actionlist.Role]
	for _, r := range actionlist.Roles {
		out = append(out, huh.NewOption(actionlist.RoleLabel(r, l), r))
	}
	return out
}

// stepValues are a step form's fields; they live on the heap so the form
// can hold pointers to them across updates.
type stepValues struct {
	title, why, after, ownerName, due, internal, work, resident, outcome string
	owner                                                                actionlist.Role
	status                                                               actionlist.StepStatus
	phase                                                                actionlist.Phase
	plan                                                                 planValues
}

// openStepForm edits a step, or adds one when adding is true.
func (m Model) openStepForm(s actionlist.Step, adding bool) (tea.Model, tea.Cmd) {
	v := &stepValues{
		title: s.Title, why: s.Why, after: s.After, ownerName: s.OwnerName,
		internal: s.InternalNote, work: s.WorkNote, resident: s.ResidentNote, outcome: s.Outcome,
		owner: s.Owner, status: s.Status, phase: s.Phase, plan: planOf(s),
	}
	if adding {
		v.owner, v.status = actionlist.RoleResident, actionlist.StepOpen
		v.phase = actionlist.PhaseOverview
		if sel, ok := m.cs.selected(); ok {
			v.phase = sel.Phase
		}
	}
	return m.openForm(m.stepForm(s, v, adding))
}

func (m Model) stepForm(orig actionlist.Step, v *stepValues, adding bool) *form {
	t, l := m.t, m.lang
	var statuses []huh.Option[actionlist.StepStatus]
	for _, s := range actionlist.StepStatuses {
		statuses = append(statuses, huh.NewOption(actionlist.StepStatusLabel(s, l), s))
	}
	var phases []huh.Option[actionlist.Phase]
	for _, p := range actionlist.Phases {
		phases = append(phases, huh.NewOption(actionlist.PhaseLabel(p, l), p))
	}
	first := []huh.Field{
		huh.NewInput().Title(t.FieldTitle).Value(&v.title).CharLimit(actionlist.MaxTitle + 1).Validate(m.required(t.TitleRequired, actionlist.MaxTitle)),
		huh.NewSelect[actionlist.Role]().Title(t.FieldOwner).Options(roleOptions(l)...).Value(&v.owner).Inline(true),
		huh.NewInput().Title(t.FieldOwnerName).Value(&v.ownerName).CharLimit(actionlist.MaxShort + 1).Validate(m.limited(actionlist.MaxShort)),
	}
	if adding {
		first = append(first, huh.NewSelect[actionlist.Phase]().Title(t.FieldPhase).Options(phases...).Value(&v.phase).Inline(true))
	} else {
		first = append(first, huh.NewSelect[actionlist.StepStatus]().Title(t.FieldStatus).Options(statuses...).Value(&v.status).Inline(true))
	}
	// The date goes last, so a message about it shows right under it.
	first = append(first, m.dueInput(t.FieldDue, orig.Due, &v.due))
	second := []huh.Field{
		textArea().Title(t.FieldWhy).Value(&v.why).CharLimit(actionlist.MaxText + 1).Lines(2).Validate(m.limited(actionlist.MaxText)),
		textArea().Title(t.FieldAfter).Value(&v.after).CharLimit(actionlist.MaxText + 1).Lines(2).Validate(m.limited(actionlist.MaxText)),
		textArea().Title(t.FieldResident).Description(t.FieldResidentHint).Value(&v.resident).CharLimit(actionlist.MaxText + 1).Lines(2).Validate(m.limited(actionlist.MaxText)),
	}
	third := []huh.Field{
		textArea().Title(t.FieldInternal).Description(t.FieldInternalHint).Value(&v.internal).CharLimit(actionlist.MaxText + 1).Lines(3).Validate(m.limited(actionlist.MaxText)),
		textArea().Title(t.FieldWorkNote).Value(&v.work).CharLimit(actionlist.MaxText + 1).Lines(2).Validate(m.limited(actionlist.MaxText)),
		textArea().Title(t.FieldOutcome).Value(&v.outcome).CharLimit(actionlist.MaxText + 1).Lines(2).Validate(m.limited(actionlist.MaxText)),
	}
	title := t.EditTitle
	if adding {
		title = t.AddTitle
	}
	submit := func(m Model) (Model, tea.Cmd) {
		due := keptDate(v.due, orig.Due, m.today()) // validated above
		after := orig
		after.Title = actionlist.CleanText(v.title, false)
		after.Why = actionlist.CleanText(v.why, true)
		after.After = actionlist.CleanText(v.after, true)
		after.Owner = v.owner
		after.OwnerName = actionlist.CleanText(v.ownerName, false)
		after.Due = due
		after.InternalNote = actionlist.CleanText(v.internal, true)
		after.WorkNote = actionlist.CleanText(v.work, true)
		after.ResidentNote = actionlist.CleanText(v.resident, true)
		after.Outcome = actionlist.CleanText(v.outcome, true)
		after = v.plan.onto(after)
		// After a conflict the form comes back on the newer version.
		m.retry = func(m Model) *form { return m.stepForm(m.current(orig), v, adding) }
		if adding {
			after.Phase = v.phase
			after.Status = actionlist.StepOpen
			after.Order = actionlist.NextOrder(m.cs.c.Steps, v.phase)
			return m.addStep(after, m.t.StepAdded)
		}
		after = actionlist.SetStatus(after, v.status, m.today(), m.o.Actor.Name)
		next, cmd := m.stepChange([]store.StepEdit{{Before: orig, After: after}}, clean(orig.Title), m.t.StepSaved)
		return next.(Model), cmd
	}
	groups := []*huh.Group{huh.NewGroup(first...), huh.NewGroup(second...), huh.NewGroup(third...)}
	if !adding {
		// The resident's plan gets a page of its own: the third is full
		// at 80x24. As with W, only the resident's steps ask for one; a
		// plan left on a step that changed hands still shows, to keep or
		// to clear.
		groups = append(groups, huh.NewGroup(m.planFields(&v.plan)...).WithHideFunc(func() bool {
			return !residentsRole(v.owner) && v.plan == planValues{}
		}))
	}
	return m.newForm(title, submit, groups...)
}

func (m Model) addStep(s actionlist.Step, report string) (Model, tea.Cmd) {
	st, actor, caseID := m.o.Store, m.o.Actor, m.cs.c.ID
	m.pending++
	return m, func() tea.Msg {
		ctx, cancel := storeCtx()
		defer cancel()
		saved, err := st.AddStep(ctx, actor, caseID, s)
		if err != nil {
			return stepAddedMsg{err: err}
		}
		seq, _ := st.CaseSeq(ctx, caseID)
		return stepAddedMsg{s: saved, seq: seq, report: report,
			undo: &undoEntry{label: clean(saved.Title), caseID: caseID, addedStep: saved.ID}}
	}
}

func (m Model) openDoseForm() (tea.Model, tea.Cmd) {
	dose := m.cs.c.Dose
	var opts []huh.Option[int]
	for n := actionlist.MinDose; n <= actionlist.MaxDose; n++ {
		opts = append(opts, huh.NewOption(strconv.Itoa(n), n))
	}
	before := m.cs.c
	submit := func(m Model) (Model, tea.Cmd) {
		after := before
		after.Dose = dose
		next, cmd := m.saveCase(before, after, m.t.KeyDose, fmt.Sprintf(m.t.DoseSet, dose))
		return next.(Model), cmd
	}
	return m.openForm(m.newForm(m.t.DoseTitle, submit, huh.NewGroup(
		huh.NewSelect[int]().Title(m.t.DoseTitle).Description(m.t.FieldDoseHint).Options(opts...).Value(&dose).Inline(true),
	)))
}

// apptValues are the appointment form's fields.
type apptValues struct{ when, place, with string }

func (m Model) openApptForm() (tea.Model, tea.Cmd) {
	next := m.cs.c.Next
	return m.openForm(m.apptForm(&apptValues{place: next.Place, with: next.With}))
}

func (m Model) apptForm(v *apptValues) *form {
	before := m.cs.c
	when, place, with := &v.when, &v.place, &v.with
	submit := func(m Model) (Model, tea.Cmd) {
		m.retry = func(m Model) *form { return m.apptForm(v) }
		at := before.Next.At // left empty, the appointment stays
		switch s := strings.TrimSpace(*when); s {
		case "":
		case clearInput:
			at = time.Time{}
		default:
			at, _, _ = actionlist.ParseDateTimeInput(s, m.today(), time.Local) // validated above
		}
		after := before
		after.Next = actionlist.Appointment{At: at, Place: actionlist.CleanText(*place, false), With: actionlist.CleanText(*with, false)}
		report := m.t.ApptSet
		if at.IsZero() {
			after.Next = actionlist.Appointment{}
			report = m.t.ApptCleared
		}
		next, cmd := m.saveCase(before, after, m.t.KeyAppt, report)
		return next.(Model), cmd
	}
	return m.newForm(m.t.ApptTitle, submit, huh.NewGroup(
		huh.NewInput().Title(m.t.FieldPlace).Value(place).CharLimit(actionlist.MaxShort+1).Validate(m.limited(actionlist.MaxShort)),
		huh.NewInput().Title(m.t.FieldWith).Value(with).CharLimit(actionlist.MaxShort+1).Validate(m.limited(actionlist.MaxShort)),
		m.apptWhenInput(before.Next, when),
	))
}

func (m Model) openAgreementForm() (tea.Model, tea.Cmd) {
	return m.openForm(m.agreementForm(new(stepValues)))
}

// agreementForm asks who agreed what; it reuses stepValues' owner name and
// title for who and what.
func (m Model) agreementForm(v *stepValues) *form {
	caseID := m.cs.c.ID
	submit := func(m Model) (Model, tea.Cmd) {
		a := actionlist.Agreement{Date: m.today(), Who: actionlist.CleanText(v.ownerName, false), What: actionlist.CleanText(v.title, true)}
		m.retry = func(m Model) *form { return m.agreementForm(v) }
		st, actor := m.o.Store, m.o.Actor
		m.pending++
		return m, func() tea.Msg {
			ctx, cancel := storeCtx()
			defer cancel()
			saved, err := st.AddAgreement(ctx, actor, caseID, a)
			if err != nil {
				return agreementSavedMsg{err: err}
			}
			seq, _ := st.CaseSeq(ctx, caseID)
			return agreementSavedMsg{a: saved, seq: seq, report: m.t.AgreementAdded,
				undo: &undoEntry{label: clean(saved.What), caseID: caseID, addedAgreement: saved.ID}}
		}
	}
	return m.newForm(m.t.AgreementTitle, submit, huh.NewGroup(
		huh.NewInput().Title(m.t.FieldWho).Value(&v.ownerName).CharLimit(actionlist.MaxShort+1).Validate(m.limited(actionlist.MaxShort)),
		textArea().Title(m.t.FieldWhat).Value(&v.title).CharLimit(actionlist.MaxText+1).Lines(3).Validate(m.required(m.t.WhatRequired, actionlist.MaxText)),
	))
}

// openCloseForm asks why a case closes; a reason is required.
func (m Model) openCloseForm(caseID string) (tea.Model, tea.Cmd) {
	reason := actionlist.CloseFinished
	var opts []huh.Option[actionlist.CloseReason]
	for _, r := range actionlist.CloseReasons {
		opts = append(opts, huh.NewOption(actionlist.CloseReasonLabel(r, m.lang), r))
	}
	st := m.o.Store
	submit := func(m Model) (Model, tea.Cmd) {
		today, actor := m.today(), m.o.Actor
		m.pending++
		return m, func() tea.Msg {
			ctx, cancel := storeCtx()
			defer cancel()
			before, err := st.Case(ctx, caseID)
			if err != nil {
				return caseSavedMsg{err: err}
			}
			after := actionlist.Close(before, reason, today)
			saved, err := st.UpdateCase(ctx, actor, before, after)
			if err != nil {
				return caseSavedMsg{err: err}
			}
			return caseSavedMsg{c: saved, report: fmt.Sprintf(m.t.CaseClosed, clean(saved.Name)),
				undo: &undoEntry{label: m.t.KeyCloseCase, caseID: caseID, caseBefore: &saved, caseAfter: &before}}
		}
	}
	return m.openForm(m.newForm(m.t.CloseTitle, submit, huh.NewGroup(
		huh.NewSelect[actionlist.CloseReason]().Title(m.t.CloseAskReason).Options(opts...).Value(&reason),
	)))
}

// Quick forms change one thing about a step, for use in the conversation.

func (m Model) openDueForm(s actionlist.Step) (tea.Model, tea.Cmd) {
	return m.openForm(m.dueForm(s, &stepValues{}))
}

func (m Model) dueForm(orig actionlist.Step, v *stepValues) *form {
	submit := func(m Model) (Model, tea.Cmd) {
		after := orig
		after.Due = keptDate(v.due, orig.Due, m.today()) // validated above
		m.retry = func(m Model) *form { return m.dueForm(m.current(orig), v) }
		next, cmd := m.stepChange([]store.StepEdit{{Before: orig, After: after}}, clean(orig.Title), m.t.StepSaved)
		return next.(Model), cmd
	}
	return m.newForm(m.t.DueTitle, submit, huh.NewGroup(
		m.dueInput(clean(orig.Title), orig.Due, &v.due),
	))
}

func (m Model) openAssignForm(s actionlist.Step) (tea.Model, tea.Cmd) {
	v := &stepValues{owner: s.Owner, ownerName: s.OwnerName}
	return m.openForm(m.assignForm(s, v))
}

func (m Model) assignForm(orig actionlist.Step, v *stepValues) *form {
	submit := func(m Model) (Model, tea.Cmd) {
		after := orig
		after.Owner = v.owner
		after.OwnerName = actionlist.CleanText(v.ownerName, false)
		if after.Owner != orig.Owner && after.OwnerName == orig.OwnerName {
			after.OwnerName = m.participantName(after.Owner)
		}
		m.retry = func(m Model) *form { return m.assignForm(m.current(orig), v) }
		next, cmd := m.stepChange([]store.StepEdit{{Before: orig, After: after}}, clean(orig.Title), m.t.StepSaved)
		return next.(Model), cmd
	}
	return m.newForm(m.t.AssignTitle, submit, huh.NewGroup(
		huh.NewSelect[actionlist.Role]().Title(m.t.FieldOwner).Options(roleOptions(m.lang)...).Value(&v.owner),
		huh.NewInput().Title(m.t.FieldOwnerName).Description(m.t.FieldOptional).Value(&v.ownerName).CharLimit(actionlist.MaxShort+1).Validate(m.limited(actionlist.MaxShort)),
	))
}

func (m Model) openTeamNoteForm(s actionlist.Step) (tea.Model, tea.Cmd) {
	v := &stepValues{internal: s.InternalNote}
	return m.openForm(m.teamNoteForm(s, v))
}

func (m Model) teamNoteForm(orig actionlist.Step, v *stepValues) *form {
	submit := func(m Model) (Model, tea.Cmd) {
		after := orig
		after.InternalNote = actionlist.CleanText(v.internal, true)
		m.retry = func(m Model) *form { return m.teamNoteForm(m.current(orig), v) }
		next, cmd := m.stepChange([]store.StepEdit{{Before: orig, After: after}}, clean(orig.Title), m.t.StepSaved)
		return next.(Model), cmd
	}
	return m.newForm(m.t.NoteStepTitle, submit, huh.NewGroup(
		textArea().Title(clean(orig.Title)).Description(m.t.FieldInternalHint).Value(&v.internal).CharLimit(actionlist.MaxText+1).Lines(4).Validate(m.limited(actionlist.MaxText)),
	))
}

// current is the open case's version of a step, or s itself if it is gone.
func (m Model) current(s actionlist.Step) actionlist.Step {
	if cur, _ := m.cs.c.StepByID(s.ID); cur != nil {
		return *cur
	}
	return s
}

// participantName is the name of the case's participant with a role, if any.
func (m Model) participantName(r actionlist.Role) string {
	if p, ok := m.cs.c.Participant(r); ok {
		return p.Name
	}
	return ""
}

// textArea is a multi-line field: enter goes on, alt+enter or ctrl+j makes a
// new line, and no outside editor is started.
func textArea() *huh.Text {
	return huh.NewText().ExternalEditor(false)
}
