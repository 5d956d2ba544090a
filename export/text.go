package export

import "houvast/actionlist"

// text holds every sentence and word of the files this package writes, and
// of its error messages, one value per language. A struct, not a map: a
// missing translation is an empty field, and TestTextComplete catches it.
type text struct {
	debtSummaryText
	// The summary for the resident (in the case's language).
	Title        string // %s: the resident's name
	Made         string // %s: today in words
	Intro        string
	DoneTitle    string
	DoneCount    string // %d done of %d
	DoneNone     string
	DoneOn       string // %s: the day in words
	NowTitle     string
	NowNone      string
	NowAllDone   string
	Who          string
	When         string
	Why          string
	After        string
	ForYou       string // the resident's own note on a step
	WhenWhere    string // the resident's own when and where for a step
	IfNot        string // and what they do if it does not work out
	Later        string // %d steps kept for later
	LaterPhase   string // %s: phase, %d: count
	Phase        map[actionlist.Phase]string
	ApptTitle    string
	ApptNone     string
	ApptAt       string // %s: the day in words, %s: the time
	ApptWhere    string
	ApptWith     string
	AgreeTitle   string
	ContactTitle string
	ContactNone  string
	Footer       string // %s: the case reference
	Calendar     string // %s: the resident's name; the calendar's name
	ApptEvent    string // the appointment's title in a calendar
	DueEvent     string // %s: the step's title

	// The first page, and the page after it.
	CallFirst    string // before the one person to call first
	DoneAllTitle string
	DoneLatest   string // %d: the other finished steps, on the next page
	DoneOlder    string // %d: the other finished steps, on a one-page summary
	LaterShort   string // %d steps kept for later
	AgreeMore    string // %d: older agreements, on the next page
	AgreeOlder   string // %d: older agreements, on a one-page summary
	MoreTitle    string // the heading of the page after the first
	WhyTitle     string
	LaterTitle   string
	AgreeAll     string

	// Who does a step, in words for the resident.
	WhoYou            string
	WhoTogether       string // %s: the helper's name
	WhoTogetherNoName string
	WhoNamed          string // %s: name, %s: what they are
	Role              map[actionlist.Role]string
	RoleAlone         map[actionlist.Role]string // without a name: "your volunteer"

	// When a step is due, in words.
	DueBy       string // %s: the day
	DueToday    string
	DueLate     string // %s: the day it was due
	DueNone     string
	Started     string
	WaitingNote string

	Weekdays [7]string  // Sunday first, as time.Weekday
	Months   [12]string // January first, as a date writes them
	Time     string     // a clock time: %02d:%02d
	// Dates: %[1]s the weekday, %[2]d the day, %[3]s the month, %[4]d the
	// year; ShortDate has no weekday: %[1]d day, %[2]s month, %[3]d year.
	LongDate, LongDateYear, ShortDate string

	// Error sentences (in the language of the screens).
	ErrNotHouvast   string            // %s: what it seems to be, may be ""
	Seems           map[string]string // what a file that is not ours seems to be
	ErrDatabase     string
	ErrEmpty        string
	ErrDamaged      string // %s: the detail
	ErrTruncated    string
	ErrNewer        string // %d: version found, %d: version known
	ErrOlder        string // %d: version found
	ErrTooLarge     string // %d: MiB limit
	ErrWrongPass    string
	ErrNeedPass     string
	ErrShortPass    string // %d: minimum length
	ErrPassMismatch string
	ErrBSN          string // %s: where, %s: the masked number
	ErrNotAllowed   string // %s: the field name
	ErrWrongKind    string // %s: what the file is, %s: what was expected
	KindCase        string
	KindVolunteer   string
	KindReturn      string
	WhereStep       string // %s: the step's title
	WhereStepNote   string // %s: the step's title
	WhereHistory    string // %s: the step's title
	WhereCase       string
	WhereAgreement  string
	WhereDebt       string // %s: the creditor
	WherePeople     string
	WhereAppt       string
	KindCaseload    string
	WhereInCase     string // %s: where, %s: the case's reference
	ErrBSNImport    string // %s: where, %s: the masked number
	BSNFound        string // %s: where, %s: the masked number

	// A file refused for what it holds (Problem Invalid).
	ErrInvalid                                          string // %s ThisReturn..., %s what is wrong, %s the advice
	ThisFile, ThisCase, ThisPackage, ThisReturn         string
	ThisCaseload                                        string
	AskNewFile, AskNewReturn                            string
	FlawStep                                            string // %q: the step's title
	FlawDebt                                            string // %q: the debt's creditor
	FlawChange                                          string // %d: which change in the file
	FlawAStep, FlawCase, FlawAgreement                  string
	FlawInCase                                          string // %s the case's reference, %s what in it
	FlawCode, FlawDate, FlawTime, FlawNumber, FlawJSON  string // %s where, %s the field, %q the value
	FlawTooLong                                         string // %s where, %s the field, %d its length, %d the limit
	FlawEmpty                                           string // %s where, %s the field
	FlawField                                           string // %s where, %q the field's stored name
	FlawNeverThere, FlawTwice, FlawRemoved, FlawUndated string // %s: where
	FlawWaitsFor                                        string // %s: where
}

// summaryTexts returns the catalogue the resident's summary is written
// from; Dutch for a language Houvast does not know.
func summaryTexts(l actionlist.CaseLang) *text {
	switch l {
	case actionlist.CaseEnglish:
		return &english
	case actionlist.CaseTurkish:
		return &turkish
	case actionlist.CasePolish:
		return &polish
	case actionlist.CaseArabic:
		return &arabic
	}
	return &dutch
}

// phaseNames are the domain's names of the phases, for the Dutch and
// English catalogues.
func phaseNames(l actionlist.Lang) map[actionlist.Phase]string {
	out := make(map[actionlist.Phase]string, len(actionlist.Phases))
	for _, p := range actionlist.Phases {
		out[p] = actionlist.PhaseLabel(p, l)
	}
	return out
}

// texts returns the catalogue of the screens' language, for error
// sentences; Dutch is the default.
func texts(l actionlist.Lang) *text {
	if l == actionlist.English {
		return &english
	}
	return &dutch
}
