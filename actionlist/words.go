package actionlist

// The domain's own words, in both languages. Screens and exports use these,
// so a phase or a role is called the same everywhere.

type words struct{ nl, en string }

func (w words) in(l Lang) string {
	if l == English {
		return w.en
	}
	return w.nl
}

var phaseWords = map[Phase]words{
	PhaseCrisis:     {"Eerst de crisis", "Crisis first"},
	PhaseOverview:   {"Overzicht en papieren", "Overview and papers"},
	PhaseIncome:     {"Inkomen omhoog", "More income"},
	PhaseFixedCosts: {"Vaste lasten eerst", "Fixed costs first"},
	PhaseCreditors:  {"Schuldeisers", "Creditors"},
	PhaseOtherHelp:  {"Andere hulp", "Other help"},
	PhaseClosing:    {"Afronden stabilisatie", "Closing stabilisation"},
	PhaseAftercare:  {"Nazorg", "Aftercare"},
}

var roleWords = map[Role]words{
	RoleResident:   {"inwoner", "resident"},
	RoleSpecialist: {"specialist", "specialist"},
	RoleGeneralist: {"generalist", "generalist"},
	RoleVolunteer:  {"vrijwilliger", "volunteer"},
	RoleTogether:   {"samen", "together"},
}

var stepStatusWords = map[StepStatus]words{
	StepOpen:          {"open", "open"},
	StepInProgress:    {"bezig", "in progress"},
	StepWaiting:       {"wacht op een ander", "waiting on someone"},
	StepDone:          {"klaar", "done"},
	StepNotApplicable: {"niet van toepassing", "not applicable"},
}

var caseStatusWords = map[CaseStatus]words{
	CaseIntake:        {"intake", "intake"},
	CaseStabilisation: {"stabilisatie", "stabilisation"},
	CaseArrangement:   {"schuldregeling", "debt arrangement"},
	CaseAftercare:     {"nazorg", "aftercare"},
	CaseClosed:        {"afgesloten", "closed"},
}

var sourceWords = map[SourceKind]words{
	SourceUnknown:      {"onbekend", "unknown"},
	SourceSelf:         {"zelf aangemeld", "self-referral"},
	SourceNeighborhood: {"buurtteam", "neighbourhood team"},
	SourceGP:           {"huisarts", "GP"},
	SourceEarlyWarning: {"vroegsignalering", "early warning"},
}

var signalWords = map[SignalKind]words{
	SignalNone:      {"", ""},
	SignalEnergy:    {"energie", "energy"},
	SignalWater:     {"water", "water"},
	SignalHousing:   {"woningcorporatie", "housing corporation"},
	SignalInsurer:   {"zorgverzekeraar", "health insurer"},
	SignalMunicipal: {"gemeentelijke belastingen", "municipal taxes"},
	SignalLandlord:  {"particuliere verhuurder", "private landlord"},
	SignalOther:     {"andere partner", "other partner"},
}

var closeWords = map[CloseReason]words{
	CloseNone:        {"", ""},
	CloseFinished:    {"afgerond", "finished"},
	CloseArrangement: {"schuldregeling gestart", "arrangement started"},
	CloseNoShow:      {"niet verschenen", "did not show"},
	CloseWithdrew:    {"zelf gestopt", "withdrew"},
	CloseAgreements:  {"afspraken niet nagekomen", "did not keep agreements"},
	CloseMoved:       {"verhuisd", "moved"},
	CloseOther:       {"andere reden", "other reason"},
}

// label finds a word, falling back to the raw value for anything unknown
// (a damaged or future file), so a screen never shows an empty label.
func label[K ~string](m map[K]words, k K, l Lang) string {
	if w, ok := m[k]; ok {
		return w.in(l)
	}
	return string(k)
}

func PhaseLabel(p Phase, l Lang) string             { return label(phaseWords, p, l) }
func RoleLabel(r Role, l Lang) string               { return label(roleWords, r, l) }
func StepStatusLabel(s StepStatus, l Lang) string   { return label(stepStatusWords, s, l) }
func CaseStatusLabel(s CaseStatus, l Lang) string   { return label(caseStatusWords, s, l) }
func SourceLabel(s SourceKind, l Lang) string       { return label(sourceWords, s, l) }
func SignalLabel(s SignalKind, l Lang) string       { return label(signalWords, s, l) }
func CloseReasonLabel(r CloseReason, l Lang) string { return label(closeWords, r, l) }

// FieldValueLabel shows a stored value of a kind (a state, a role, a phase,
// a reason for closing) in words, for the history and the merge report;
// any other value is shown as it is.
func FieldValueLabel(field, v string, l Lang) string {
	switch field {
	case "status":
		if s := StepStatus(v); s.Valid() {
			return StepStatusLabel(s, l)
		}
		return CaseStatusLabel(CaseStatus(v), l)
	case "owner":
		return RoleLabel(Role(v), l)
	case "phase":
		return PhaseLabel(Phase(v), l)
	case "close_reason":
		return CloseReasonLabel(CloseReason(v), l)
	case "threat":
		return ThreatLabel(Threat(v), l)
	case "language":
		if c := CaseLang(v); c.Valid() {
			return CaseLangLabel(c, l)
		}
	}
	return v
}

var caseLangWords = map[CaseLang]words{
	CaseDutch:   {"Nederlands", "Dutch (Nederlands)"},
	CaseEnglish: {"Engels (English)", "English"},
	CaseTurkish: {"Turks (Türkçe)", "Turkish (Türkçe)"},
	CasePolish:  {"Pools (Polski)", "Polish (Polski)"},
	// Terminals draw Arabic letters unjoined, so its own name is left out.
	CaseArabic: {"Arabisch", "Arabic"},
}

// CaseLangLabel names a resident's language in the screen's language.
func CaseLangLabel(c CaseLang, l Lang) string { return label(caseLangWords, c, l) }
