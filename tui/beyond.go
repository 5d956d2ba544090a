package tui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"houvast/actionlist"
	"houvast/store"
)

// Beyond the list: the profile screening and its advice, the stage of the
// case (arrangement, aftercare, a new arrears signal) and referrals to other
// help. The domain decides; these forms ask and save.

// openProfileForm asks the screening questions, motivation first.
func (m Model) openProfileForm() (tea.Model, tea.Cmd) {
	qs := actionlist.Questions(m.lang)
	answers := make([]int, len(qs))
	if s := m.cs.c.Screening; s != nil {
		for i, q := range qs {
			answers[i] = s.Answers[q.ID]
		}
	}
	var groups []*huh.Group
	for _, dim := range []actionlist.Dimension{actionlist.Motivation, actionlist.Skills} {
		var fields []huh.Field
		for i, q := range qs {
			if q.Dimension != dim {
				continue
			}
			opts := make([]huh.Option[int], len(q.Options))
			for j, o := range q.Options {
				opts[j] = huh.NewOption(o, j)
			}
			fields = append(fields, huh.NewSelect[int]().Title(q.Text).Options(opts...).Value(&answers[i]))
		}
		head := huh.NewNote().Title(actionlist.DimensionLabel(dim, m.lang)).Description(m.t.ProfileIntro)
		groups = append(groups, huh.NewGroup(append([]huh.Field{head}, fields...)...))
	}
	before := m.cs.c
	submit := func(m Model) (Model, tea.Cmd) {
		a := actionlist.Answers{}
		for i, q := range qs {
			a[q.ID] = answers[i]
		}
		after, err := actionlist.RecordScreening(before, a, m.today())
		if err != nil {
			m.status = m.failure(err)
			return m, nil
		}
		m.afterSave = Model.openAdviceForm
		next, cmd := m.saveCase(before, after, m.t.KeyProfile, m.t.ProfileSaved)
		return next.(Model), cmd
	}
	return m.openForm(m.newForm(m.t.ProfileTitle, submit, groups...))
}

// openAdviceForm shows the profile's advice and asks to follow it or to
// choose another dose, with a reason.
func (m Model) openAdviceForm() (tea.Model, tea.Cmd) {
	c := m.cs.c
	if c.Screening == nil {
		return m, nil
	}
	adv := actionlist.Advise(c.Screening.Profile)
	var text []string
	text = append(text, adv.Summary(m.lang), "")
	for _, o := range adv.Offer(m.lang) {
		text = append(text, "• "+o)
	}
	if ch, ok := c.Screening.Change(); ok {
		text = append(text, "")
		text = append(text, actionlist.ScreeningChangeLines(ch, m.lang)...)
	}
	text = append(text, "", actionlist.AdviceNote(m.lang))
	follow := true
	dose := adv.Dose
	var reason string
	var doses []huh.Option[int]
	for n := actionlist.MinDose; n <= actionlist.MaxDose; n++ {
		doses = append(doses, huh.NewOption(strconv.Itoa(n), n))
	}
	following := func() bool { return follow }
	title := actionlist.ProfileLabel(c.Screening.Profile, m.lang) + " · " + fmt.Sprintf(m.t.AdviceDose, adv.Dose)
	groups := []*huh.Group{
		huh.NewGroup(
			huh.NewNote().Title(title).Description(strings.Join(text, "\n")),
			huh.NewSelect[bool]().Title(m.t.AdviceChoice).Options(huh.NewOption(m.t.AdviceAccept, true), huh.NewOption(m.t.AdviceOverride, false)).Value(&follow),
		),
		huh.NewGroup(
			huh.NewSelect[int]().Title(m.t.OverrideDose).Options(doses...).Value(&dose).Inline(true),
			huh.NewInput().Title(m.t.OverrideReason).Value(&reason).CharLimit(actionlist.MaxText+1).Validate(m.required(m.t.ReasonRequired, actionlist.MaxText)),
		).WithHideFunc(following),
	}
	before := c
	submit := func(m Model) (Model, tea.Cmd) {
		var after actionlist.Case
		var err error
		if follow {
			after, err = actionlist.AcceptAdvice(before, m.today())
		} else {
			after, err = actionlist.OverrideAdvice(before, dose, actionlist.CleanText(reason, false), m.today())
		}
		if err != nil {
			m.status = m.failure(err)
			return m, nil
		}
		next, cmd := m.saveCase(before, after, m.t.AdviceTitle, m.t.DecisionSaved)
		return next.(Model), cmd
	}
	return m.openForm(m.newForm(m.t.AdviceTitle, submit, groups...))
}

// profileLine is the specialist's view of the profile and the decision on
// its advice. It is never shown to the resident.
func (m Model) profileLine() string {
	c, t := m.cs.c, m.t
	if c.Screening == nil {
		return m.st.dim.Render(t.ProfileNone)
	}
	decision := t.ProfilePending
	switch d := c.Decision; {
	case actionlist.AdvicePending(c):
	case d.Accepted:
		decision = fmt.Sprintf(t.ProfileAccepted, d.Dose)
	default:
		decision = fmt.Sprintf(t.ProfileOverridden, d.Dose, clean(d.Reason))
	}
	return fmt.Sprintf(t.ProfileLine, actionlist.ProfileLabel(c.Screening.Profile, m.lang), decision)
}

// stage is one way the case can move on.
type stage int

const (
	stageArrangement stage = iota + 1
	stageAftercare
	stageSignal
	stageFirstTalk
)

// openStageForm offers the moves that fit the case's status.
func (m Model) openStageForm() (tea.Model, tea.Cmd) {
	c, t := m.cs.c, m.t
	var opts []huh.Option[stage]
	if !c.RequestedOn.IsZero() && c.FirstTalkOn.IsZero() && c.Status != actionlist.CaseClosed {
		opts = append(opts, huh.NewOption(t.StageFirstTalk, stageFirstTalk))
	}
	switch c.Status {
	case actionlist.CaseIntake, actionlist.CaseStabilisation:
		opts = append(opts, huh.NewOption(t.StageArrangement, stageArrangement), huh.NewOption(t.StageAftercare, stageAftercare))
	case actionlist.CaseArrangement:
		opts = append(opts, huh.NewOption(t.StageAftercare, stageAftercare))
	case actionlist.CaseAftercare:
		opts = append(opts, huh.NewOption(t.StageSignal, stageSignal))
	}
	if len(opts) == 0 {
		m.status = status{text: t.StageNothing}
		return m, nil
	}
	choice := opts[0].Value
	kind := actionlist.SignalKinds[0]
	var when string
	var kinds []huh.Option[actionlist.SignalKind]
	for _, k := range actionlist.SignalKinds {
		kinds = append(kinds, huh.NewOption(actionlist.SignalLabel(k, m.lang), k))
	}
	notSignal := func() bool { return choice != stageSignal }
	notFirstTalk := func() bool { return choice != stageFirstTalk }
	var talkOn string
	groups := []*huh.Group{
		huh.NewGroup(huh.NewSelect[stage]().Title(t.StageTitle).Options(opts...).Value(&choice)),
		huh.NewGroup(
			huh.NewSelect[actionlist.SignalKind]().Title(t.SignalKindQ).Options(kinds...).Value(&kind),
			huh.NewInput().Title(t.SignalDateQ).Description(t.FieldDueHint).Value(&when).CharLimit(actionlist.MaxDateInput).Validate(m.validPastDate),
		).WithHideFunc(notSignal),
		huh.NewGroup(
			huh.NewInput().Title(t.FirstTalkDateQ).Description(t.FirstTalkDateHint).Placeholder(t.DueToday).
				Value(&talkOn).CharLimit(actionlist.MaxDateInput).Validate(m.validPastDate),
		).WithHideFunc(notFirstTalk),
	}
	before := c
	submit := func(m Model) (Model, tea.Cmd) {
		today := m.today()
		var after actionlist.Case
		var err error
		report := ""
		switch choice {
		case stageArrangement:
			after, err = actionlist.StartArrangement(before, today)
			report = fmt.Sprintf(m.t.StageSaved, actionlist.CaseStatusLabel(actionlist.CaseArrangement, m.lang))
		case stageAftercare:
			after, err = actionlist.MoveToAftercare(before, today, actionlist.AftercarePlan{By: m.o.Actor.Name}, store.NewID)
			report = fmt.Sprintf(m.t.StageSaved, actionlist.CaseStatusLabel(actionlist.CaseAftercare, m.lang))
		case stageFirstTalk:
			on, _ := actionlist.ParseDateInput(talkOn, today) // validated above
			if on.IsZero() {
				on = today
			}
			after, err = actionlist.RecordFirstTalk(before, on, today)
			if err == nil {
				report := m.t.FirstTalkSaved
				for _, k := range actionlist.Deadlines(after) {
					if k.Kind == actionlist.DeadlineFirstTalk && k.Passed(today) {
						report = fmt.Sprintf(m.t.FirstTalkLate, shortDate(k.Due, today, m.lang))
					}
				}
				return m.storeCase(before, after, m.t.StageFirstTalk, report, false)
			}
		case stageSignal:
			on, _ := actionlist.ParseDateInput(when, today) // validated above
			if on.IsZero() {
				on = today
			}
			after, err = actionlist.RecordSignal(before, kind, on, today, store.NewID)
			report = m.t.SignalSaved
		}
		if err != nil {
			m.status = m.failure(err)
			return m, nil
		}
		return m.saveWholeCase(before, after, m.t.KeyStage, report)
	}
	return m.openForm(m.newForm(t.StageTitle, submit, groups...))
}

// saveWholeCase saves a domain operation's new case: its fields and the
// steps it changed or added, in one transaction.
func (m Model) saveWholeCase(before, after actionlist.Case, label, report string) (Model, tea.Cmd) {
	return m.storeCase(before, after, label, report, true)
}

// openReferralForm adds a referral to other help, owned by the generalist.
func (m Model) openReferralForm() (tea.Model, tea.Cmd) {
	area := actionlist.Areas[0]
	var opts []huh.Option[actionlist.Area]
	for _, a := range actionlist.Areas {
		opts = append(opts, huh.NewOption(actionlist.AreaLabel(a, m.lang), a))
	}
	c := m.cs.c
	submit := func(m Model) (Model, tea.Cmd) {
		s, err := actionlist.ReferralStep(c, area, m.today())
		if err != nil {
			m.status = m.failure(err)
			return m, nil
		}
		return m.addStep(s, m.t.ReferralAdded)
	}
	return m.openForm(m.newForm(m.t.ReferralTitle, submit, huh.NewGroup(
		huh.NewSelect[actionlist.Area]().Title(m.t.ReferralArea).Options(opts...).Value(&area),
	)))
}

// domainSentence is the screen's sentence for a domain refusal.
func (m Model) domainSentence(err error) (string, bool) {
	switch {
	case errors.Is(err, actionlist.ErrReasonNeeded):
		return m.t.ReasonRequired, true
	case errors.Is(err, actionlist.ErrCaseClosed):
		return m.t.AlreadyClosed, true
	case errors.Is(err, actionlist.ErrAlreadyAftercare), errors.Is(err, actionlist.ErrNotInAftercare), errors.Is(err, actionlist.ErrNotStabilising):
		return m.t.StageNothing, true
	case errors.Is(err, actionlist.ErrFutureSignal), errors.Is(err, actionlist.ErrFutureTalk):
		return m.t.DateInFuture, true
	case errors.Is(err, actionlist.ErrBeforeRequest):
		return fmt.Sprintf(m.t.DateBeforeRequest, shortDate(m.cs.c.RequestedOn, m.today(), m.lang)), true
	case errors.Is(err, actionlist.ErrFirstTalkHeld):
		return m.t.StageNothing, true
	}
	return "", false
}
