package actionlist

// The national exchange model for poverty, debts and early warning (DDAS)
// names its categories itself. The team's CSV writes each of Houvast's keys
// with the DDAS code beside it, from the tables here, so a municipality's
// data warehouse can join the figures to the national ones. A key without
// a DDAS counterpart gets no code. When the model renames a category, these
// tables are the one place to change.

// ddasCloseReasons: why a case closed, as the model's reasons for ending a
// trajectory.
var ddasCloseReasons = map[CloseReason]string{
	CloseFinished:    "BEEINDIGD_AFGEROND",
	CloseArrangement: "BEEINDIGD_SCHULDREGELING",
	CloseNoShow:      "BEEINDIGD_NIET_VERSCHENEN",
	CloseWithdrew:    "BEEINDIGD_OP_VERZOEK_KLANT",
	CloseAgreements:  "BEEINDIGD_AFSPRAKEN_NIET_NAGEKOMEN",
	CloseMoved:       "BEEINDIGD_VERHUISD",
	CloseOther:       "BEEINDIGD_OVERIG",
}

// ddasSignalOutcomes: how the outreach of a signal ended.
var ddasSignalOutcomes = map[SignalOutcome]string{
	OutcomeAccepted:    "HULP_GEACCEPTEERD",
	OutcomeDeclined:    "HULP_GEWEIGERD",
	OutcomeInHelp:      "AL_IN_HULPVERLENING",
	OutcomePaid:        "ACHTERSTAND_BETAALD",
	OutcomeNotReached:  "NIET_BEREIKT",
	OutcomeMoved:       "VERHUISD",
	OutcomeOtherReason: "OVERIG",
}

// ddasPartners: the kinds of signal partner.
var ddasPartners = map[SignalKind]string{
	SignalEnergy:    "ENERGIE",
	SignalWater:     "DRINKWATER",
	SignalHousing:   "WONINGCORPORATIE",
	SignalInsurer:   "ZORGVERZEKERAAR",
	SignalMunicipal: "GEMEENTELIJKE_BELASTINGEN",
	SignalLandlord:  "PARTICULIERE_VERHUURDER",
	SignalOther:     "OVERIG",
}

// ddasAttempts: the kinds of contact attempt.
var ddasAttempts = map[AttemptKind]string{
	AttemptLetter: "BRIEF",
	AttemptPhone:  "TELEFONISCH",
	AttemptVisit:  "HUISBEZOEK",
	AttemptText:   "SMS_WHATSAPP",
	AttemptEmail:  "EMAIL",
}

// ddasDebtKinds: the kinds of debt, as the model groups creditors.
var ddasDebtKinds = map[DebtKind]string{
	DebtRent:       "HUUR",
	DebtEnergy:     "ENERGIE",
	DebtWater:      "DRINKWATER",
	DebtHealth:     "ZORGVERZEKERING",
	DebtLocalTaxes: "GEMEENTELIJKE_BELASTINGEN",
	DebtTaxOffice:  "BELASTINGDIENST_TOESLAGEN",
	DebtFines:      "CJIB",
	DebtStudy:      "STUDIEFINANCIERING",
	DebtCredit:     "KREDIET",
	DebtTelecom:    "TELECOM",
	DebtCare:       "ZORGKOSTEN",
	DebtOther:      "OVERIG",
}

// DDASCode is the DDAS code of a key of a measure of the team report, or ""
// when the model has none for it.
func DDASCode(measure, key string) string {
	switch measure {
	case "dropout":
		return ddasCloseReasons[CloseReason(key)]
	case "signal_outcome":
		return ddasSignalOutcomes[SignalOutcome(key)]
	case "signals_received", "signals_reached", "signals_accepted", "signals_attempts_to_reach", "signals_attempts_per_reached":
		return ddasPartners[SignalKind(key)]
	case "signal_attempts", "signal_reached_by":
		return ddasAttempts[AttemptKind(key)]
	case "debt_kinds":
		return ddasDebtKinds[DebtKind(key)]
	}
	return ""
}
