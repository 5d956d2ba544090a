package tui

import "houvast/actionlist"

// text is every sentence and word the screens show, one value per language.
// A struct, not a map: a missing translation is a compile error or an empty
// field that TestTextComplete catches.
type text struct {
	debtText
	App string

	// Sizes and states
	TooSmall    string // %d %d %d %d: have w, h; need w, h
	Loading     string
	Saved       string
	Saving      string
	Undone      string
	NothingUndo string
	// NothingUndoHere: u on a case's screens takes back only that case's
	// changes.
	NothingUndoHere string
	UndoneIn        string // %s the case's reference, %s what was undone
	SaveFailed      string // %s: the reason
	Reloaded        string
	ChangedHere     string
	QuitPending     string
	BSNWarning      string
	TooLong         string // %d: the limit
	DamagedValue    string

	// Case list
	ListTitle      string
	ListEmpty      string
	ListNoMatch    string
	ScrollAbove    string // %d rows above the window
	ScrollBelow    string // %d rows below it
	ListOnlyClosed string
	SearchPrompt   string
	ColRef         string
	ColName        string
	ColStatus      string
	ColProgress    string
	ColNext        string
	ShowingClosed  string
	NoAppointment  string
	CaseClosed     string // %s: name
	CloseAskReason string
	CloseTitle     string
	AlreadyClosed  string
	ErasureDue     string // %d cases, %d months

	// New case
	NewCaseTitle       string
	FieldName          string
	FieldNameHint      string
	FieldLanguage      string
	FieldSource        string
	FieldSignal        string
	FieldSignalDate    string
	FieldTemplate      string
	FieldLeaveOut      string
	FieldLeaveOutHint  string
	FieldDose          string
	FieldDoseHint      string
	FieldVolunteer     string
	FieldGeneralist    string
	FieldOptional      string
	FieldScreenNow     string
	FieldScreenNowHint string
	NameRequired       string
	CaseCreated        string // %s: ref

	// The action list
	Now            string
	NowCount       string // %d of %d
	NowEmpty       string
	NowAllDone     string
	Later          string // %d steps later
	Progress       string
	Total          string
	DoneTitle      string
	DoneEmpty      string
	DoneMore       string // %d more
	NextAppt       string
	NoNextAppt     string
	Agreements     string
	NoAgreements   string
	After          string // "Daarna:"
	By             string // "vóór %s"
	WasDue         string // "was vóór %s"
	Overdue        string // %d days
	OverdueOne     string
	DueToday       string
	DueTomorrow    string
	NoDue          string
	Pinned         string
	PushedBack     string
	NewInNow       string
	Waiting        string
	InProgress     string
	DayOf          string // day %d of %d
	DaysLeft       string // %d days left
	DaysPast       string // %d days past target
	ClockRan       string // %d days the stopped clock ran, of %d
	ClockStopped   string // the clock stopped on a day not recorded
	ClockNear      string
	ClockPast      string
	TickedOff      string // %s: title
	NextUp         string // %s: title
	Reopened       string
	PinnedMsg      string
	UnpinnedMsg    string
	PushedMsg      string
	UnpushedMsg    string
	BlockedPin     string // %s: titles it waits for
	StillInNow     string
	DoseSet        string // %d
	ApptSet        string
	ApptCleared    string
	AgreementAdded string
	StepAdded      string
	StepDeleted    string
	StepSaved      string
	NotInNow       string

	// Forms
	EditTitle         string
	AddTitle          string
	FieldTitle        string
	FieldWhy          string
	FieldAfter        string
	FieldOwner        string
	FieldOwnerName    string
	FieldDue          string
	FieldDueHint      string
	FieldStatus       string
	FieldPhase        string
	FieldInternal     string
	FieldInternalHint string
	FieldWorkNote     string
	FieldResident     string
	FieldResidentHint string
	TitleRequired     string
	DateWrong         string
	TimeWrong         string
	DoseTitle         string
	ApptTitle         string
	FieldWhen         string
	FieldWhenHint     string
	FieldPlace        string
	FieldWith         string
	AgreementTitle    string
	FieldWho          string
	FieldWhat         string
	WhatRequired      string
	DeleteConfirm     string // %s: title
	Yes               string
	No                string
	FormHelp          string

	// All steps
	StepsTitle   string
	FilterOwner  string
	FilterStatus string
	FilterAll    string
	StepsEmpty   string
	WaitsFor     string // %s: titles

	// Resident view
	ResidentHello    string // %s: name
	ResidentNoSteps  string
	ResidentWho      string
	ResidentWhen     string
	ResidentYou      string
	ResidentSoFar    string // %d of %d
	ResidentAppt     string
	ResidentAgreed   string
	ResidentBack     string
	ResidentASAP     string
	ResidentTogether string // "jij samen met %s"
	ResidentPrinted  string // %s: the case's language; the summary is printed in it

	// The resident's language
	CaseLanguageTitle string
	CaseLanguageHint  string
	CaseLanguageSet   string // %s: the language
	SummaryLanguage   string // %s: the language; a case in a draft language
	SummaryKeptSteps  string // %s: the language, %d: steps printed in Dutch
	KeyCaseLanguage   string

	// Volunteer view
	VolunteerTitle string
	VolunteerEmpty string
	NoteTitle      string
	NoteSaved      string

	// History
	HistoryTitle   string
	HistoryEmpty   string
	EvCaseCreated  string // %d steps
	EvStepCreated  string // %s title
	EvStepDeleted  string
	EvStepChanged  string // %s title, %s field, %s old, %s new
	EvCaseChanged  string // %s field, %s old, %s new
	EvAgreeCreated string
	EvAgreeChanged string
	EvAgreeDeleted string
	EvImported     map[string]string
	EvConflict     string // %s title, %s field, %s kept, %s offered
	EvResolved     string // %s title, %s field
	Empty          string

	// Help
	HelpTitle   string
	HelpDates   string
	HelpGeneral string
	// Short names of the screens that have none of their own.
	HelpResident, HelpAftercare string

	// Key descriptions
	KeyUp, KeyDown, KeyOpen, KeyBack, KeyQuit, KeyHelp, KeySearch string
	KeyNew, KeyCloseCase, KeyShowClosed, KeyVolunteer             string
	KeyTick, KeyUndo, KeyEdit, KeyAdd, KeyPin, KeyPush, KeyDose   string
	KeyAppt, KeyAgreement, KeySteps, KeyResident, KeyHistory      string
	KeyFilterOwner, KeyFilterStatus, KeyNA, KeyDelete, KeyNote    string
	KeyPage, KeyDue, KeyAssign, SpaceKey, KeyWorkNote             string
	DueTitle, AssignTitle, NoteStepTitle                          string

	// Profile, stage, referral, aftercare, report
	ProfileTitle                                               string
	ProfileIntro                                               string
	ProfileMotivation                                          string
	ProfileSkills                                              string
	AdviceTitle                                                string
	AdviceDose                                                 string // %d
	AdviceChoice                                               string
	AdviceAccept                                               string
	AdviceOverride                                             string
	OverrideDose                                               string
	OverrideReason                                             string
	ReasonRequired                                             string
	ProfileSaved                                               string
	DecisionSaved                                              string
	ProfileLine                                                string // %s profile, %s decision
	ProfileAccepted                                            string // %d
	ProfileOverridden                                          string // %d, %s
	ProfilePending                                             string
	ProfileNone                                                string
	StageTitle                                                 string
	StageArrangement                                           string
	StageAftercare                                             string
	StageSignal                                                string
	StageFirstTalk, FirstTalkSaved                             string
	FirstTalkDateQ, FirstTalkDateHint                          string
	DateInFuture, DateBeforeRequest                            string // DateBeforeRequest %s: the day of the request
	FirstTalkLate                                              string // %s: the deadline
	ClockPassed                                                string // %s the clock, %s its deadline, %s the rule
	FieldRequested, FieldRequestedHint, FieldThreat            string
	FieldFirstTalk, FieldFirstTalkHint                         string
	StageNothing                                               string
	StageSaved                                                 string
	SignalKindQ                                                string
	SignalDateQ                                                string
	SignalSaved                                                string
	ReferralTitle                                              string
	ReferralArea                                               string
	ReferralAdded                                              string
	FieldOutcome                                               string
	AftercareTitle                                             string
	AftercareEmpty                                             string
	AftercareDays                                              string // %d days
	ReportTitle                                                string
	ReportLoading                                              string
	KeyProfile, KeyStage, KeyReferral, KeyAftercare, KeyReport string
	KeySummary                                                 string
	KeyConflicts, KeyKeepMine, KeyTakeTheirs                   string
	ConflictsTitle, ConflictsIntro, ConflictsWaiting           string
	ConflictMine, ConflictGoneStep, ConflictStepKept           string
	ConflictStepDeleted, ConflictKept, ConflictTaken           string
	ConflictGoneNoTitle, ConflictStepGone, ConflictNoTake      string
	ConflictNotWhole                                           string
	SummaryTitle, SummaryFormat, SummaryWhat, SummaryPath      string
	SummaryPathHint, SummaryBSNCheck, SummaryWritten           string
	SummaryFormats                                             map[string]string
	SummaryPages, SummaryPagesHint                             string
	SummaryFirstPage, SummaryAllPages                          string

	// The agenda.
	KeyAgenda, AgendaTitle, AgendaEmpty, AgendaNoStep, AgendaGone string
	AgendaDeadlineWas, AgendaDeadlineOn                           string // %s: a day
	AgendaAppointment, AgendaYours                                string
	AgendaRequested, AgendaStarted, AgendaWith                    string // %s: the day the clock started; who
	AgendaGeneralist, AgendaVolunteer                             string // %s: who
	ClockRuns                                                     string // %s the clock, %s its deadline, %s the rule

	// The resident's own plan for a step, and why a step is in Now.
	KeyPlan, PlanTitle, PlanIntro, PlanOnlyResident string
	FieldWhenWhere, FieldWhenWhereHint              string
	FieldIfNot, FieldIfNotHint                      string
	WhenWhere, IfNot                                string // the labels on the screens
	KeyWhyNow                                       string
	WhyPinned, WhyUnderWay, WhyRoom, WhyPushed      string
	WhyFinished                                     string
	WhyOverdue                                      string // %s: the date that passed
	WhyNext                                         string // %d: its place in Now
	WhyWaits                                        string // %s: the titles
	WhyFull                                         string // %d: the dose
	DueKeep                                         string // %s: the date the field keeps when left empty
	ApptKeep                                        string // %s: the appointment the field keeps when left empty
	FieldDueExamples, FieldWhenExamples             string
}

func textFor(l actionlist.Lang) *text {
	if l == actionlist.English {
		return &english
	}
	return &dutch
}
