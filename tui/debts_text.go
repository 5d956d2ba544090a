package tui

// debtText is the debts screen's words and the debt lines of the case
// screen and the resident view, one struct per language like the rest of
// text, of which it is part.
type debtText struct {
	DebtsTitle                                    string
	DebtsHeader                                   string // %d confirmed, %d debts, %s the total as best known
	DebtsHeaderNone                               string
	DebtTotals                                    string // %s confirmed, %s still to confirm
	DebtThreats                                   string // %d debts that threaten the home or a basic service
	DebtsNone                                     string
	DebtsMore                                     string // %d more below
	DebtCreditor, DebtKind, DebtAmount, DebtState string
	DebtRef, DebtOriginal, DebtClaimed            string
	NoDebtChosen, NoCrisisStep                    string
	KeyDebts, KeyAddDebt, KeyAsked, KeyAnswered   string
	KeyCrisisStep, KeySortState, KeySortAdded     string
	DebtNewTitle, DebtEditTitle, DebtRemoveTitle  string
	DebtAnswerTitle                               string // %s: the creditor
	DebtRemoveAsk                                 string // %s the creditor, %s the amount
	FieldCreditor, FieldCollector, FieldReference string
	FieldAmount, FieldAmountHint, FieldOriginal   string
	FieldKind, FieldDebtState                     string
	FieldConfirmed, CreditorRequired              string
	AmountWrong, AmountNegative, AmountTooLarge   string
	AmountRequired                                string
	DebtAdded                                     string // %s the creditor, %s the amount
	DebtSaved, DebtRemoved, DebtAskedMsg          string // %s: the creditor
	DebtAnsweredMsg                               string // %s the creditor, %s the confirmed amount
	CrisisStepAdded                               string // %s: the step's title
	ResidentDebts                                 string // %d creditors that answered, %d creditors
	EvDebtCreated                                 string // %s the creditor, %s the amount
	EvDebtDeleted                                 string // %s: the creditor
	EvDebtChanged                                 string // %s the creditor, %s the field, %s old, %s new
}

var dutchDebts = debtText{
	DebtsTitle:      "Schulden",
	DebtsHeader:     "Schulden: %d van %d bevestigd · %s",
	DebtsHeaderNone: "Schulden: nog geen (c)",
	DebtTotals:      "waarvan bevestigd %s · nog te bevestigen %s",
	DebtThreats:     "%d bedreigt woning of basisvoorziening",
	DebtsNone:       "Nog geen schulden. a voegt de eerste toe.",
	DebtsMore:       "↓ nog %d",
	DebtCreditor:    "Schuldeiser", DebtKind: "Soort", DebtAmount: "Bedrag", DebtState: "Saldo-opgave",
	DebtRef: "dossier", DebtOriginal: "oorspronkelijk", DebtClaimed: "geëist",
	NoDebtChosen: "Kies eerst een schuld; a voegt er een toe.",
	NoCrisisStep: "Deze schuld bedreigt niets, of er staat al een crisisstap voor in het plan.",
	KeyDebts:     "schulden", KeyAddDebt: "toevoegen", KeyAsked: "saldo gevraagd", KeyAnswered: "bevestigd bedrag",
	KeyCrisisStep: "crisisstap", KeySortState: "op stand", KeySortAdded: "op invoer",
	DebtNewTitle: "Nieuwe schuld", DebtEditTitle: "Schuld wijzigen", DebtRemoveTitle: "Schuld verwijderen",
	DebtAnswerTitle: "Antwoord van %s",
	DebtRemoveAsk:   "De schuld bij %s (%s) verwijderen? Met u zet je hem terug.",
	FieldCreditor:   "Schuldeiser", FieldCollector: "Incassobureau of deurwaarder", FieldReference: "Dossiernummer van de schuldeiser",
	FieldAmount: "Bedrag", FieldAmountHint: "Zoals je het typt: 1.234,56 · € 1234 · 12,- · 1 234", FieldOriginal: "Oorspronkelijk bedrag (als bekend)",
	FieldKind: "Soort schuld", FieldDebtState: "Saldo-opgave",
	FieldConfirmed: "Bevestigd bedrag", CreditorRequired: "Typ de naam van de schuldeiser.",
	AmountWrong:     "Dit bedrag kan ik niet lezen. Typ bijvoorbeeld 1.234,56 of 1234.",
	AmountNegative:  "Een schuld is nooit negatief: typ het bedrag zonder min.",
	AmountTooLarge:  "Dat is meer dan € 10.000.000: kijk het bedrag na.",
	AmountRequired:  "Typ het bedrag; 0 als het nog niet bekend is.",
	DebtAdded:       "✓ Schuld bij %s opgeslagen: %s.",
	DebtSaved:       "✓ Schuld bij %s bijgewerkt.",
	DebtRemoved:     "Schuld bij %s verwijderd.",
	DebtAskedMsg:    "✓ Saldo gevraagd bij %s.",
	DebtAnsweredMsg: "✓ %s bevestigde %s.",
	CrisisStepAdded: "✓ Crisisstap in het plan: %s",
	ResidentDebts:   "%d van je %d schuldeisers hebben al gereageerd",
	EvDebtCreated:   "schuld bij %s toegevoegd: %s",
	EvDebtDeleted:   "schuld bij %s verwijderd",
	EvDebtChanged:   "schuld bij %s · %s: %s → %s",
}

var englishDebts = debtText{
	DebtsTitle:      "Debts",
	DebtsHeader:     "Debts: %d of %d confirmed · %s",
	DebtsHeaderNone: "Debts: none yet (c)",
	DebtTotals:      "of which confirmed %s · to confirm %s",
	DebtThreats:     "%d threaten the home or a basic service",
	DebtsNone:       "No debts yet. a adds the first.",
	DebtsMore:       "↓ %d more",
	DebtCreditor:    "Creditor", DebtKind: "Kind", DebtAmount: "Amount", DebtState: "Balance request",
	DebtRef: "reference", DebtOriginal: "original", DebtClaimed: "claimed",
	NoDebtChosen: "Choose a debt first; a adds one.",
	NoCrisisStep: "This debt threatens nothing, or the plan has a crisis step for it already.",
	KeyDebts:     "debts", KeyAddDebt: "add", KeyAsked: "balance asked", KeyAnswered: "confirmed amount",
	KeyCrisisStep: "crisis step", KeySortState: "by state", KeySortAdded: "as added",
	DebtNewTitle: "New debt", DebtEditTitle: "Edit debt", DebtRemoveTitle: "Remove debt",
	DebtAnswerTitle: "Answer from %s",
	DebtRemoveAsk:   "Remove the debt to %s (%s)? u puts it back.",
	FieldCreditor:   "Creditor", FieldCollector: "Collection agency or bailiff", FieldReference: "The creditor's reference",
	FieldAmount: "Amount", FieldAmountHint: "As you type it: 1,234.56 · € 1234 · 12,- · 1 234", FieldOriginal: "Original amount (when known)",
	FieldKind: "Kind of debt", FieldDebtState: "Balance request",
	FieldConfirmed: "Confirmed amount", CreditorRequired: "Type the creditor's name.",
	AmountWrong:     "I cannot read this amount. Type for example 1,234.56 or 1234.",
	AmountNegative:  "A debt is never negative: type the amount without a minus.",
	AmountTooLarge:  "That is more than €10,000,000: check the amount.",
	AmountRequired:  "Type the amount; 0 when it is not known yet.",
	DebtAdded:       "✓ Debt to %s saved: %s.",
	DebtSaved:       "✓ Debt to %s updated.",
	DebtRemoved:     "Debt to %s removed.",
	DebtAskedMsg:    "✓ Balance asked from %s.",
	DebtAnsweredMsg: "✓ %s confirmed %s.",
	CrisisStepAdded: "✓ Crisis step in the plan: %s",
	ResidentDebts:   "%d of your %d creditors have answered",
	EvDebtCreated:   "debt to %s added: %s",
	EvDebtDeleted:   "debt to %s removed",
	EvDebtChanged:   "debt to %s · %s: %s → %s",
}
