package actionlist

// The names for people of a case's and an agreement's fields; a step's
// field names are in its registry (stepfacts.go). History, conflicts and
// refusals on both front-ends read them here, so they use the same words.
var caseFieldWords = map[string]words{
	"id": {"kenmerk", "identifier"}, "ref": {"referentie", "reference"},
	"name": {"naam", "name"}, "participants": {"betrokkenen", "people"},
	"status": {"status", "status"}, "language": {"taal", "language"},
	"dose": {"aantal in Nu", "steps in Now"}, "start": {"start", "start"},
	"target": {"streefdatum", "target date"}, "next_at": {"volgende afspraak", "next appointment"},
	"next_place": {"plaats", "place"}, "next_with": {"met", "with"},
	"source": {"bron", "source"}, "signal": {"signaal", "signal"},
	"signal_date": {"signaaldatum", "signal date"}, "template": {"sjabloon", "template"},
	"closed_on": {"afgesloten op", "closed on"}, "close_reason": {"reden afsluiten", "reason closed"},
	"stabilised_on": {"einde stabilisatie", "end of stabilisation"}, "profile": {"vragenlijst", "questionnaire"},
	"profile_decision": {"keuze over advies", "choice about advice"}, "signals": {"signalen", "signals"},
	"requested_on": {"hulpvraag op", "asked for help on"}, "threat": {"dreiging", "threat"},
	"first_talk_on": {"eerste gesprek op", "first conversation on"},
}

var agreementFieldWords = map[string]words{
	"id": {"kenmerk", "identifier"}, "date": {"datum", "date"},
	"who": {"wie", "who"}, "what": {"wat", "what"},
}

// FieldLabel names a field of a case, a step or an agreement for people;
// an unknown field keeps its stored name.
func FieldLabel(e Entity, name string, l Lang) string {
	var table map[string]words
	switch e {
	case EntityStep:
		return StepFieldLabel(name, l)
	case EntityCase:
		table = caseFieldWords
	case EntityAgreement:
		table = agreementFieldWords
	case EntityDebt:
		table = debtFieldWords
	}
	if w, ok := table[name]; ok {
		return w.in(l)
	}
	return name
}
