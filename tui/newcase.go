package tui

import (
	"fmt"
	"strconv"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"houvast/actionlist"
	"houvast/store"
)

// caseValues are the new-case form's fields.
type caseValues struct {
	name, volunteer, generalist, signalDate string
	requested                               string // the request for help, as typed
	threat                                  actionlist.Threat
	firstTalk                               bool                // this conversation is the first
	lang                                    actionlist.CaseLang // the resident's
	source                                  actionlist.SourceKind
	signal                                  actionlist.SignalKind
	template                                int
	leaveOut                                []actionlist.Phase
	dose                                    int
	screenNow                               bool // ask the profile questions right after

	fromSignal string // the early-warning signal the case is made from
}

func (m Model) templates() []actionlist.Template {
	if len(m.o.Templates) > 0 {
		return m.o.Templates
	}
	return []actionlist.Template{actionlist.DefaultTemplate(m.lang)}
}

// openNewCaseForm asks for the name, the language, how the case started,
// the template and what to leave out, and the dose.
func (m Model) openNewCaseForm() (tea.Model, tea.Cmd) {
	return m.openForm(m.newCaseForm(&caseValues{lang: m.lang.Case(), dose: actionlist.DefaultDose, firstTalk: true}))
}

func (m Model) newCaseForm(v *caseValues) *form {
	t, l := m.t, m.lang
	var langs []huh.Option[actionlist.CaseLang]
	for _, cl := range actionlist.CaseLangs {
		langs = append(langs, huh.NewOption(actionlist.CaseLangLabel(cl, l), cl))
	}
	sources := []huh.Option[actionlist.SourceKind]{huh.NewOption(actionlist.SourceLabel(actionlist.SourceUnknown, l), actionlist.SourceUnknown)}
	for _, s := range actionlist.SourceKinds {
		sources = append(sources, huh.NewOption(actionlist.SourceLabel(s, l), s))
	}
	var signals []huh.Option[actionlist.SignalKind]
	for _, s := range actionlist.SignalKinds {
		signals = append(signals, huh.NewOption(actionlist.SignalLabel(s, l), s))
	}
	var tmpls []huh.Option[int]
	for i, tp := range m.templates() {
		tmpls = append(tmpls, huh.NewOption(fmt.Sprintf("%s (%d)", clean(tp.Name), len(tp.Steps)), i))
	}
	var phases []huh.Option[actionlist.Phase]
	for _, p := range actionlist.Phases {
		phases = append(phases, huh.NewOption(actionlist.PhaseLabel(p, l), p))
	}
	var doses []huh.Option[int]
	for n := actionlist.MinDose; n <= actionlist.MaxDose; n++ {
		doses = append(doses, huh.NewOption(strconv.Itoa(n), n))
	}
	threats := []huh.Option[actionlist.Threat]{huh.NewOption(actionlist.ThreatLabel(actionlist.ThreatNone, l), actionlist.ThreatNone)}
	for _, th := range actionlist.Threats {
		threats = append(threats, huh.NewOption(actionlist.ThreatLabel(th, l), th))
	}
	notSignal := func() bool { return v.source != actionlist.SourceEarlyWarning }
	groups := []*huh.Group{
		huh.NewGroup(
			huh.NewInput().Title(t.FieldName).Description(t.FieldNameHint).Value(&v.name).CharLimit(actionlist.MaxName+1).Validate(m.required(t.NameRequired, actionlist.MaxName)),
			huh.NewSelect[actionlist.CaseLang]().Title(t.FieldLanguage).Options(langs...).Value(&v.lang).Inline(true),
			huh.NewSelect[actionlist.SourceKind]().Title(t.FieldSource).Options(sources...).Value(&v.source),
		),
		huh.NewGroup(
			huh.NewSelect[actionlist.SignalKind]().Title(t.FieldSignal).Options(signals...).Value(&v.signal),
			huh.NewInput().Title(t.FieldSignalDate).Description(t.FieldDueHint).Value(&v.signalDate).CharLimit(actionlist.MaxDateInput).Validate(m.validDate),
		).WithHideFunc(notSignal),
		huh.NewGroup(
			huh.NewInput().Title(t.FieldRequested).Description(t.FieldRequestedHint).Value(&v.requested).CharLimit(actionlist.MaxDateInput).Validate(m.validDate),
			huh.NewSelect[actionlist.Threat]().Title(t.FieldThreat).Options(threats...).Value(&v.threat),
			huh.NewConfirm().Title(t.FieldFirstTalk).Description(t.FieldFirstTalkHint).Affirmative(t.Yes).Negative(t.No).Value(&v.firstTalk),
		),
		huh.NewGroup(
			huh.NewSelect[int]().Title(t.FieldTemplate).Options(tmpls...).Value(&v.template),
			huh.NewMultiSelect[actionlist.Phase]().Title(t.FieldLeaveOut).Description(t.FieldLeaveOutHint).Options(phases...).Value(&v.leaveOut).Height(10),
		),
		huh.NewGroup(
			huh.NewSelect[int]().Title(t.FieldDose).Description(t.FieldDoseHint).Options(doses...).Value(&v.dose).Inline(true),
			huh.NewInput().Title(t.FieldVolunteer).Description(t.FieldOptional).Value(&v.volunteer).CharLimit(actionlist.MaxName+1).Validate(m.limited(actionlist.MaxName)),
			huh.NewInput().Title(t.FieldGeneralist).Description(t.FieldOptional).Value(&v.generalist).CharLimit(actionlist.MaxName+1).Validate(m.limited(actionlist.MaxName)),
			huh.NewConfirm().Title(t.FieldScreenNow).Description(t.FieldScreenNowHint).Affirmative(t.Yes).Negative(t.No).Value(&v.screenNow),
		),
	}
	return m.newForm(t.NewCaseTitle, func(m Model) (Model, tea.Cmd) { return m.createCase(v) }, groups...)
}

// caseSpec turns the form into what the domain needs to make a case.
func (m Model) caseSpec(v *caseValues) actionlist.CaseSpec {
	today := m.today()
	tmpl := m.templates()[min(v.template, len(m.templates())-1)]
	if tmpl.Source == actionlist.DefaultTemplate(actionlist.Dutch).Source {
		// The resident's language when the steps can be kept in it, else
		// the caseworker's: the summary words them in the resident's.
		// A team's corrections of the template's words apply.
		tmpl = m.stepTexts().Apply(actionlist.DefaultTemplate(v.lang.Working()))
	}
	name := actionlist.CleanText(v.name, false)
	people := []actionlist.Participant{{Name: name, Role: actionlist.RoleResident}}
	if n := actionlist.CleanText(v.volunteer, false); n != "" {
		people = append(people, actionlist.Participant{Name: n, Role: actionlist.RoleVolunteer})
	}
	if n := actionlist.CleanText(v.generalist, false); n != "" {
		people = append(people, actionlist.Participant{Name: n, Role: actionlist.RoleGeneralist})
	}
	if n := m.o.Actor.Name; n != "" && m.o.Actor.Role == actionlist.RoleSpecialist {
		people = append(people, actionlist.Participant{Name: n, Role: actionlist.RoleSpecialist})
	}
	src := actionlist.Source{Kind: v.source}
	if v.source == actionlist.SourceEarlyWarning {
		src.Signal = v.signal
		src.SignalDate, _ = actionlist.ParseDateInput(v.signalDate, today)
	}
	spec := actionlist.CaseSpec{
		Name: name, Language: v.lang, Dose: v.dose, Start: today, Template: tmpl,
		LeaveOut: v.leaveOut, Participants: people, Source: src, Threat: v.threat,
	}
	spec.RequestedOn, _ = actionlist.ParseDateInput(v.requested, today) // validated above; empty is today
	if spec.RequestedOn.IsZero() || spec.RequestedOn.After(today) {
		spec.RequestedOn = today
	}
	if v.firstTalk {
		spec.FirstTalkOn = today
	}
	return spec
}

func (m Model) createCase(v *caseValues) (Model, tea.Cmd) {
	c := actionlist.NewCase(m.caseSpec(v), store.NewID)
	m.retry = func(m Model) *form { return m.newCaseForm(v) }
	if v.screenNow {
		m.afterSave = Model.openProfileForm
	}
	if v.fromSignal != "" && m.o.Signals != nil {
		return m.acceptSignal(v.fromSignal, c)
	}
	st, actor := m.o.Store, m.o.Actor
	m.pending++
	return m, func() tea.Msg {
		ctx, cancel := storeCtx()
		defer cancel()
		saved, err := st.CreateCase(ctx, actor, c)
		return caseCreatedMsg{c: saved, err: err}
	}
}

func (m Model) caseCreated(msg caseCreatedMsg) (tea.Model, tea.Cmd) {
	m, quit, ok := m.landed(msg.err, nil)
	if !ok {
		return m, quit
	}
	m.status = status{text: fmt.Sprintf(m.t.CaseCreated, msg.c.Ref)}
	return m, tea.Batch(quit, m.loadCase(msg.c.ID, false), m.loadCases())
}
