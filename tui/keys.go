package tui

import "charm.land/bubbles/v2/key"

// keys are all bindings, with help in the UI language. Each screen lists
// the ones that apply to it; bindings that do not apply right now are
// disabled, so help shows only what works.
type keys struct {
	Up, Down, PageUp, PageDown, Open, Back, Quit, Help      key.Binding
	Search, New, CloseCase, ShowClosed, Volunteer           key.Binding
	Tick, Undo, Edit, Add, Pin, Push, Dose, Appt, Agreement key.Binding
	Steps, Resident, History, FilterOwner, FilterStatus, NA key.Binding
	Delete, Note, WorkNote, Due, Assign                     key.Binding
	Profile, Stage, Referral, Aftercare, Report, Summary    key.Binding
	Conflicts, KeepMine, TakeTheirs, Agenda                 key.Binding
	Debts, Asked, Answered, CrisisStep, SortState           key.Binding // the debts screen's
	Plan, WhyNow                                            key.Binding
	ResidentBack                                            key.Binding // r or esc: the resident view's one way out
	CaseLanguage                                            key.Binding // the resident's language
}

func newKeys(t *text) keys {
	b := func(desc string, ks ...string) key.Binding {
		return key.NewBinding(key.WithKeys(ks...), key.WithHelp(helpName(ks[0], t), desc))
	}
	return keys{
		Up:           b(t.KeyUp, "up", "k"),
		Down:         b(t.KeyDown, "down", "j"),
		PageUp:       b(t.KeyPage, "pgup"),
		PageDown:     b(t.KeyPage, "pgdown"),
		Open:         b(t.KeyOpen, "enter"),
		Back:         b(t.KeyBack, "esc"),
		Quit:         b(t.KeyQuit, "q", "ctrl+c"),
		Help:         b(t.KeyHelp, "?"),
		Search:       b(t.KeySearch, "/"),
		New:          b(t.KeyNew, "n"),
		CloseCase:    b(t.KeyCloseCase, "x"),
		ShowClosed:   b(t.KeyShowClosed, "c"),
		Volunteer:    b(t.KeyVolunteer, "v"),
		Tick:         b(t.KeyTick, "space"),
		Undo:         b(t.KeyUndo, "u"),
		Edit:         b(t.KeyEdit, "e"),
		Add:          b(t.KeyAdd, "a"),
		Pin:          b(t.KeyPin, "p"),
		Push:         b(t.KeyPush, "l"),
		Dose:         b(t.KeyDose, "d"),
		Appt:         b(t.KeyAppt, "t"),
		Agreement:    b(t.KeyAgreement, "g"),
		Steps:        b(t.KeySteps, "s"),
		Resident:     b(t.KeyResident, "r"),
		History:      b(t.KeyHistory, "h"),
		FilterOwner:  b(t.KeyFilterOwner, "f"),
		FilterStatus: b(t.KeyFilterStatus, "F"),
		NA:           b(t.KeyNA, "-"),
		Delete:       b(t.KeyDelete, "D"),
		Note:         b(t.KeyNote, "n"),
		WorkNote:     b(t.KeyWorkNote, "n"),
		Due:          b(t.KeyDue, "w"),
		Assign:       b(t.KeyAssign, "o"),
		Profile:      b(t.KeyProfile, "P"),
		Stage:        b(t.KeyStage, "S"),
		Referral:     b(t.KeyReferral, "v"),
		Aftercare:    b(t.KeyAftercare, "A"),
		Report:       b(t.KeyReport, "R"),
		Summary:      b(t.KeySummary, "X"),
		Conflicts:    b(t.KeyConflicts, "K"),
		Agenda:       b(t.KeyAgenda, "a"),
		KeepMine:     b(t.KeyKeepMine, "1"),
		TakeTheirs:   b(t.KeyTakeTheirs, "2"),
		Debts:        b(t.KeyDebts, "c"),
		Asked:        b(t.KeyAsked, "v"),
		Answered:     b(t.KeyAnswered, "b"),
		CrisisStep:   b(t.KeyCrisisStep, "C"),
		SortState:    b(t.KeySortState, "s"),
		Plan:         b(t.KeyPlan, "W"),
		WhyNow:       b(t.KeyWhyNow, "i"),
		CaseLanguage: b(t.KeyCaseLanguage, "L"),
		ResidentBack: key.NewBinding(key.WithKeys("r", "esc"), key.WithHelp("r/esc", t.ResidentBack)),
	}
}

// helpName is how a key is written in the footer.
func helpName(k string, t *text) string {
	switch k {
	case "up":
		return "↑"
	case "down":
		return "↓"
	case "space":
		return t.SpaceKey
	}
	return k
}
