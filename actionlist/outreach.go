package actionlist

import "slices"

// The next attempt to reach the resident of a signal is advice, built from
// what is known of outreach in early warning: a letter alone reaches about
// 6% of residents, at least one phone call 59%, a home visit 46%, and 37% are
// reached only after four or more attempts. The caseworker decides.

// Suggestion is the advised next attempt; Kind is "" when none is advised
// (the resident was reached, or the signal is closed).
type Suggestion struct {
	Kind   AttemptKind
	Part   DayPart // "" when any part of the day will do
	Reason SuggestReason
}

// SuggestReason is why an attempt is advised.
type SuggestReason string

const (
	ReasonClosed         SuggestReason = "closed"          // nothing to do
	ReasonReached        SuggestReason = "reached"         // record what the resident chose
	ReasonFirstCall      SuggestReason = "first_call"      // a call reaches most residents
	ReasonCrisisVisit    SuggestReason = "crisis_visit"    // a crisis without a phone number: go there
	ReasonFirstVisit     SuggestReason = "first_visit"     // no phone number: a visit beats a letter
	ReasonOnlyLetter     SuggestReason = "only_letter"     // no phone, no address: a letter is all there is
	ReasonCallAfterPost  SuggestReason = "call_after_post" // letters without answer: call
	ReasonOtherPart      SuggestReason = "other_part"      // calls unanswered at one part of the day
	ReasonVisitAfterCall SuggestReason = "visit_after_calls"
	ReasonTryText        SuggestReason = "try_text"    // a message can be answered when it suits
	ReasonKeepTrying     SuggestReason = "keep_trying" // many are reached after four or more attempts
	ReasonConsiderClose  SuggestReason = "consider_closing"
)

// callPartsBeforeVisit is at how many parts of the day unanswered calls
// make a visit the better next try.
const callPartsBeforeVisit = 2

// SuggestNext advises the next attempt on a signal from the attempts so far.
func SuggestNext(s ArrearsSignal) Suggestion {
	if !s.Open() {
		return Suggestion{Reason: ReasonClosed}
	}
	if s.Reached() {
		return Suggestion{Reason: ReasonReached}
	}
	hasPhone, hasAddress := s.Phone != "", s.Address != ""
	count := map[AttemptKind]int{}
	callParts, visitParts := map[DayPart]int{}, map[DayPart]int{}
	for _, a := range s.Attempts {
		count[a.Kind]++
		switch a.Kind {
		case AttemptPhone:
			callParts[a.Part]++
		case AttemptVisit:
			visitParts[a.Part]++
		}
	}
	switch {
	case len(s.Attempts) == 0 && s.Crisis && !hasPhone && hasAddress:
		return Suggestion{AttemptVisit, PartAfternoon, ReasonCrisisVisit}
	case len(s.Attempts) == 0 && hasPhone:
		return Suggestion{AttemptPhone, PartMorning, ReasonFirstCall}
	case len(s.Attempts) == 0 && hasAddress:
		return Suggestion{AttemptVisit, PartEvening, ReasonFirstVisit}
	case count[AttemptPhone] == 0 && hasPhone:
		return Suggestion{AttemptPhone, nextPart(callParts, PartMorning), ReasonCallAfterPost}
	case hasPhone && len(callParts) < callPartsBeforeVisit:
		return Suggestion{AttemptPhone, nextPart(callParts, PartMorning), ReasonOtherPart}
	case count[AttemptVisit] == 0 && hasAddress:
		return Suggestion{AttemptVisit, nextPart(callParts, PartEvening), ReasonVisitAfterCall}
	case hasPhone && count[AttemptText] == 0:
		return Suggestion{AttemptText, "", ReasonTryText}
	case len(s.Attempts) >= MaxSuggestedAttempts:
		return Suggestion{AttemptLetter, "", ReasonConsiderClose}
	case hasAddress && len(visitParts) < len(DayParts):
		return Suggestion{AttemptVisit, nextPart(visitParts, PartEvening), ReasonKeepTrying}
	case hasPhone && len(callParts) < len(DayParts):
		return Suggestion{AttemptPhone, nextPart(callParts, PartEvening), ReasonKeepTrying}
	case !hasPhone && !hasAddress && count[AttemptLetter] < 2:
		return Suggestion{AttemptLetter, "", ReasonOnlyLetter}
	}
	return Suggestion{AttemptLetter, "", ReasonConsiderClose}
}

// MaxSuggestedAttempts is after how many unanswered attempts closing the
// signal as not reached is advised.
const MaxSuggestedAttempts = 8

// nextPart is the first part of the day not tried yet, starting from a
// preferred one; when all are tried, the least tried.
func nextPart(tried map[DayPart]int, prefer DayPart) DayPart {
	i := slices.Index(DayParts, prefer)
	best, bestN := prefer, tried[prefer]
	for k := range DayParts {
		p := DayParts[(i+k)%len(DayParts)]
		if tried[p] == 0 {
			return p
		}
		if tried[p] < bestN {
			best, bestN = p, tried[p]
		}
	}
	return best
}

var attemptWords = map[AttemptKind]words{
	AttemptLetter: {"brief", "letter"},
	AttemptPhone:  {"telefoon", "phone call"},
	AttemptVisit:  {"huisbezoek", "home visit"},
	AttemptText:   {"sms of WhatsApp", "SMS or WhatsApp"},
	AttemptEmail:  {"e-mail", "e-mail"},
}

var partWords = map[DayPart]words{
	PartMorning:   {"ochtend", "morning"},
	PartAfternoon: {"middag", "afternoon"},
	PartEvening:   {"avond", "evening"},
}

var outcomeWords = map[SignalOutcome]words{
	OutcomeOpen:        {"open", "open"},
	OutcomeAccepted:    {"hulp aangenomen", "accepted help"},
	OutcomeDeclined:    {"wil geen hulp", "declined help"},
	OutcomeInHelp:      {"al in de hulp", "already in help"},
	OutcomePaid:        {"betaald", "settled by paying"},
	OutcomeNotReached:  {"niet bereikt", "not reached"},
	OutcomeMoved:       {"verhuisd", "moved"},
	OutcomeOtherReason: {"andere reden", "other reason"},
}

var reasonWords = map[SuggestReason]words{
	ReasonClosed:         {"Dit signaal is afgesloten.", "This signal is closed."},
	ReasonReached:        {"Bereikt: leg vast wat de inwoner kiest.", "Reached: record what the resident chooses."},
	ReasonFirstCall:      {"Bel eerst: een telefoontje bereikt de meeste mensen (59%), een brief alleen 6%.", "Call first: a call reaches most people (59%), a letter alone 6%."},
	ReasonCrisisVisit:    {"Crisis en geen telefoonnummer: ga langs (een huisbezoek bereikt 46%).", "A crisis and no phone number: go there (a home visit reaches 46%)."},
	ReasonFirstVisit:     {"Geen telefoonnummer: een huisbezoek bereikt 46%, een brief 6%.", "No phone number: a home visit reaches 46%, a letter 6%."},
	ReasonOnlyLetter:     {"Geen telefoon of adres bekend: een brief is wat er is.", "No phone or address known: a letter is what there is."},
	ReasonCallAfterPost:  {"Brieven zonder antwoord: bel nu (bellen bereikt 59%).", "Letters without an answer: call now (a call reaches 59%)."},
	ReasonOtherPart:      {"Niet opgenomen: bel op een ander dagdeel.", "Not answered: call at another part of the day."},
	ReasonVisitAfterCall: {"Bellen lukt niet: ga langs, op een ander dagdeel.", "Calls do not get through: visit, at another part of the day."},
	ReasonTryText:        {"Stuur een sms of WhatsApp: die kan iemand beantwoorden wanneer het uitkomt.", "Send an SMS or WhatsApp: it can be answered when it suits."},
	ReasonKeepTrying:     {"Blijf proberen: 37% wordt pas na 4 of meer pogingen bereikt.", "Keep trying: 37% are reached only after 4 or more attempts."},
	ReasonConsiderClose:  {"Al veel pogingen: overweeg een laatste brief en sluit af als niet bereikt.", "Many attempts already: consider a last letter and close as not reached."},
}

func AttemptKindLabel(k AttemptKind, l Lang) string        { return label(attemptWords, k, l) }
func DayPartLabel(p DayPart, l Lang) string                { return label(partWords, p, l) }
func SignalOutcomeLabel(o SignalOutcome, l Lang) string    { return label(outcomeWords, o, l) }
func SuggestionReasonLabel(r SuggestReason, l Lang) string { return label(reasonWords, r, l) }
