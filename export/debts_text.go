package export

// debtSummaryText is the debt overview's words in the resident's summary
// and the debt overview file's column heads, one struct per language like
// the rest of text, of which it is part.
type debtSummaryText struct {
	DebtsTitle                              string
	DebtsIntro                              string // %d creditors, %d of them answered
	DebtsCreditor, DebtsAmount, DebtsStatus string
	DebtsTotal                              string
	DebtsVia                                string // %s: the collection agency or bailiff
	DebtsNotAsked, DebtsAnswered            string
	DebtsAsked                              string // %s: the day it was asked
	DebtsDisputed, DebtsArrangement         string
	DebtsPaidOff, DebtsFirst                string
	DebtsProgress                           string // %d answered, %d creditors: the first page's line
	// The overview file for the credit bank (CSV and XLSX): column heads.
	FileCreditor, FileCollector, FileReference, FileKind, FileThreat string
	FileAmount, FileOriginal, FileState, FileAskedOn, FileAnsweredOn string
	FileConfirmed, FileSheet                                         string
}

var dutchDebtSummary = debtSummaryText{
	DebtsTitle:    "Je schulden op een rij",
	DebtsProgress: "%d van je %d schuldeisers hebben al gereageerd.",
	DebtsIntro:    "We hebben %d schuldeisers op de lijst. %d van hen hebben al gereageerd. Het bedrag is wat we nu weten; het kan nog veranderen.",
	DebtsCreditor: "Schuldeiser", DebtsAmount: "Bedrag", DebtsStatus: "Wat er nu gebeurt",
	DebtsTotal:       "Samen",
	DebtsVia:         "via %s",
	DebtsNotAsked:    "We vragen binnenkort na hoeveel het precies is.",
	DebtsAsked:       "We hebben op %s gevraagd hoeveel het precies is. We wachten op antwoord.",
	DebtsAnswered:    "Het bedrag is bevestigd.",
	DebtsDisputed:    "We kijken samen of dit bedrag klopt.",
	DebtsArrangement: "Deze schuld hoort bij de regeling.",
	DebtsPaidOff:     "Afbetaald. Deze is klaar.",
	DebtsFirst:       "Deze pakken we als eerste aan.",
	FileCreditor:     "Schuldeiser", FileCollector: "Incassobureau of deurwaarder", FileReference: "Dossiernummer",
	FileKind: "Soort", FileThreat: "Dreiging", FileAmount: "Bedrag", FileOriginal: "Oorspronkelijk bedrag",
	FileState: "Stand saldo-opgave", FileAskedOn: "Saldo gevraagd op", FileAnsweredOn: "Antwoord op",
	FileConfirmed: "Bevestigd bedrag", FileSheet: "Schulden",
}

var englishDebtSummary = debtSummaryText{
	DebtsTitle:    "Your debts at a glance",
	DebtsProgress: "%d of your %d creditors have answered already.",
	DebtsIntro:    "We have %d creditors on the list. %d of them have answered already. The amount is what we know now; it may still change.",
	DebtsCreditor: "Creditor", DebtsAmount: "Amount", DebtsStatus: "What is happening",
	DebtsTotal:       "Together",
	DebtsVia:         "through %s",
	DebtsNotAsked:    "We will soon ask exactly how much it is.",
	DebtsAsked:       "On %s we asked exactly how much it is. We are waiting for the answer.",
	DebtsAnswered:    "The amount is confirmed.",
	DebtsDisputed:    "We are checking together whether this amount is right.",
	DebtsArrangement: "This debt is part of the arrangement.",
	DebtsPaidOff:     "Paid off. This one is done.",
	DebtsFirst:       "We deal with this one first.",
	FileCreditor:     "Creditor", FileCollector: "Collection agency or bailiff", FileReference: "Reference",
	FileKind: "Kind", FileThreat: "Threat", FileAmount: "Amount", FileOriginal: "Original amount",
	FileState: "Balance request", FileAskedOn: "Balance asked on", FileAnsweredOn: "Answered on",
	FileConfirmed: "Confirmed amount", FileSheet: "Debts",
}
