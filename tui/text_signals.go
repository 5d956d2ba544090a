package tui

import "houvast/actionlist"

// signalText holds the signals screen's words, one struct per language
// like text.
type signalText struct {
	Title, KeySignals, KeyAttempt, KeyMakeCase, KeyClose               string
	ColPartner, ColAmount, ColAge, ColName, ColAttempts                string
	Empty, Crisis, NoAttempts, Reached, NotReached                     string
	Count                                                              string // %d open signals
	Days                                                               string // %d days since the signal
	Received, Since                                                    string // %s a date
	Advice                                                             string // %s the attempt, %s why
	AdviceOnly                                                         string // %s why
	AttemptTitle                                                       string // %s the name
	AttemptKind, AttemptPart, AttemptReached, AttemptDate, AttemptNote string
	AttemptDateHint                                                    string
	AttemptSaved                                                       string // %s the attempt
	CloseTitle                                                         string // %s the name
	CloseOutcome                                                       string
	Closed                                                             string // %s the name, %s the outcome
	Accepted                                                           string // %s the reference
	ErasureDue                                                         string // %d signals, %d months
	NoBSN                                                              string
	SourceLine                                                         string // %s the partner, %s the signal's date
}

func signalTexts(l actionlist.Lang) *signalText {
	if l == actionlist.English {
		return &signalEnglish
	}
	return &signalDutch
}
