package actionlist

import (
	"fmt"
	"slices"
	"strings"
)

// Lang is the language of the screens, the command line and the
// caseworker's messages: Dutch or English, never more. The resident's
// language, which may be any of CaseLangs, is a CaseLang: a screen can
// never be set to one it does not speak.
type Lang string

const (
	Dutch   Lang = "nl"
	English Lang = "en"
)

// Langs lists the screen languages, Dutch first (the default).
var Langs = []Lang{Dutch, English}

// ParseLang accepts "nl" or "en" (and the ISO-ish long forms people type).
func ParseLang(s string) (Lang, error) {
	switch s {
	case "nl", "nl_NL", "nl-NL", "dutch", "nederlands":
		return Dutch, nil
	case "en", "en_GB", "en-GB", "en_US", "en-US", "english", "engels":
		return English, nil
	}
	return "", fmt.Errorf("unknown language %q: use nl or en", s)
}

// Case is the same language as the resident's: a case whose resident
// reads the caseworker's language.
func (l Lang) Case() CaseLang { return CaseLang(l) }

// CaseLang is the resident's language: the one the summary and the
// resident's files are written in. Its steps are kept in the caseworker's
// language (Working), and the summary prints each step in the case's
// language where the template has a text for it.
type CaseLang string

const (
	CaseDutch   CaseLang = "nl"
	CaseEnglish CaseLang = "en"
	CaseTurkish CaseLang = "tr"
	CasePolish  CaseLang = "pl"
	CaseArabic  CaseLang = "ar"
)

// CaseLangs lists the resident's languages, Dutch first (the default).
var CaseLangs = []CaseLang{CaseDutch, CaseEnglish, CaseTurkish, CasePolish, CaseArabic}

// DraftLangs are the resident's languages whose texts still wait for a
// native speaker's review.
var DraftLangs = []CaseLang{CaseTurkish, CasePolish, CaseArabic}

func (l CaseLang) Valid() bool { return slices.Contains(CaseLangs, l) }

// Working is the language a case's steps are kept in and the caseworker
// reads: the case's own when it is Dutch or English, Dutch otherwise.
func (l CaseLang) Working() Lang {
	if l == CaseEnglish {
		return English
	}
	return Dutch
}

// RightToLeft reports whether the language is written from right to left.
func (l CaseLang) RightToLeft() bool { return l == CaseArabic }

// Draft reports whether the language's texts wait for a native speaker.
func (l CaseLang) Draft() bool { return slices.Contains(DraftLangs, l) }

// caseLangNames are the forms people type, by language.
var caseLangNames = map[CaseLang][]string{
	CaseDutch:   {"nl", "nl_nl", "nl-nl", "dutch", "nederlands"},
	CaseEnglish: {"en", "en_gb", "en-gb", "en_us", "en-us", "english", "engels"},
	CaseTurkish: {"tr", "tr_tr", "tr-tr", "turkish", "turks", "türkçe", "turkce"},
	CasePolish:  {"pl", "pl_pl", "pl-pl", "polish", "pools", "polski"},
	CaseArabic:  {"ar", "arabic", "arabisch", "العربية"},
}

// ParseCaseLang accepts a resident's language: nl, en, tr, pl or ar (and
// the names people type for them).
func ParseCaseLang(s string) (CaseLang, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	for _, l := range CaseLangs {
		if slices.Contains(caseLangNames[l], k) {
			return l, nil
		}
	}
	return "", fmt.Errorf("unknown language %q: use nl, en, tr, pl or ar", s)
}

// Phase is one group of the stabilisation action list (docs/design.md).
type Phase string

const (
	PhaseCrisis     Phase = "crisis"
	PhaseOverview   Phase = "overview"
	PhaseIncome     Phase = "income"
	PhaseFixedCosts Phase = "fixed_costs"
	PhaseCreditors  Phase = "creditors"
	PhaseOtherHelp  Phase = "other_help"
	PhaseClosing    Phase = "closing"
	PhaseAftercare  Phase = "aftercare"
)

// Phases in the order a case goes through them.
var Phases = []Phase{
	PhaseCrisis, PhaseOverview, PhaseIncome, PhaseFixedCosts,
	PhaseCreditors, PhaseOtherHelp, PhaseClosing, PhaseAftercare,
}

// Index is the phase's place in Phases, or len(Phases) if unknown.
func (p Phase) Index() int {
	if i := slices.Index(Phases, p); i >= 0 {
		return i
	}
	return len(Phases)
}

func (p Phase) Valid() bool { return slices.Contains(Phases, p) }

// Role is who owns a step, or what part a participant plays.
type Role string

const (
	RoleResident   Role = "resident"
	RoleSpecialist Role = "specialist"
	RoleGeneralist Role = "generalist"
	RoleVolunteer  Role = "volunteer"
	RoleTogether   Role = "together"
)

// Roles that can own a step.
var Roles = []Role{RoleResident, RoleSpecialist, RoleGeneralist, RoleVolunteer, RoleTogether}

func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// StepStatus is where a step stands.
type StepStatus string

const (
	StepOpen          StepStatus = "open"
	StepInProgress    StepStatus = "in_progress"
	StepWaiting       StepStatus = "waiting"
	StepDone          StepStatus = "done"
	StepNotApplicable StepStatus = "not_applicable"
)

var StepStatuses = []StepStatus{StepOpen, StepInProgress, StepWaiting, StepDone, StepNotApplicable}

func (s StepStatus) Valid() bool { return slices.Contains(StepStatuses, s) }

// Finished is true for steps that no longer ask anything of anyone.
func (s StepStatus) Finished() bool { return s == StepDone || s == StepNotApplicable }

// CaseStatus is the stage of the whole case.
type CaseStatus string

const (
	CaseIntake        CaseStatus = "intake"
	CaseStabilisation CaseStatus = "stabilisation"
	CaseArrangement   CaseStatus = "arrangement"
	CaseAftercare     CaseStatus = "aftercare"
	CaseClosed        CaseStatus = "closed"
)

var CaseStatuses = []CaseStatus{CaseIntake, CaseStabilisation, CaseArrangement, CaseAftercare, CaseClosed}

func (s CaseStatus) Valid() bool { return slices.Contains(CaseStatuses, s) }

// Pin is the specialist's say over dosing: force a step into Now, or push it
// back behind everything else.
type Pin string

const (
	PinNone  Pin = ""
	PinNow   Pin = "now"
	PinLater Pin = "later"
)

func (p Pin) Valid() bool { return p == PinNone || p == PinNow || p == PinLater }

// SourceKind is how a case came to the team.
type SourceKind string

const (
	SourceUnknown      SourceKind = ""
	SourceSelf         SourceKind = "self"
	SourceNeighborhood SourceKind = "neighbourhood_team"
	SourceGP           SourceKind = "gp"
	SourceEarlyWarning SourceKind = "early_warning"
)

var SourceKinds = []SourceKind{SourceSelf, SourceNeighborhood, SourceGP, SourceEarlyWarning}

func (s SourceKind) Valid() bool { return s == SourceUnknown || slices.Contains(SourceKinds, s) }

// SignalKind is who sent an early-warning arrears signal.
type SignalKind string

const (
	SignalNone      SignalKind = ""
	SignalEnergy    SignalKind = "energy"
	SignalWater     SignalKind = "water"
	SignalHousing   SignalKind = "housing"
	SignalInsurer   SignalKind = "health_insurer"
	SignalMunicipal SignalKind = "municipal_taxes"
	SignalLandlord  SignalKind = "private_landlord"
	SignalOther     SignalKind = "other"
)

var SignalKinds = []SignalKind{SignalEnergy, SignalWater, SignalHousing, SignalInsurer, SignalMunicipal, SignalLandlord, SignalOther}

func (s SignalKind) Valid() bool { return s == SignalNone || slices.Contains(SignalKinds, s) }

// CloseReason records why a case was closed.
type CloseReason string

const (
	CloseNone        CloseReason = ""
	CloseFinished    CloseReason = "finished"
	CloseArrangement CloseReason = "arrangement_started"
	CloseNoShow      CloseReason = "no_show"
	CloseWithdrew    CloseReason = "withdrew"
	CloseAgreements  CloseReason = "agreements_broken"
	CloseMoved       CloseReason = "moved"
	CloseOther       CloseReason = "other"
)

var CloseReasons = []CloseReason{CloseFinished, CloseArrangement, CloseNoShow, CloseWithdrew, CloseAgreements, CloseMoved, CloseOther}

func (r CloseReason) Valid() bool { return r == CloseNone || slices.Contains(CloseReasons, r) }
