package actionlist

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// Cents is an amount of money in euro cents. Money is never a float.
type Cents int64

// MaxAmount is the largest amount a debt can hold: €10,000,000. Anything
// above it is a typing error, not a debt of a household.
const MaxAmount Cents = 10_000_000_00

// DebtKind is what a debt is for, as debt-help statistics group them.
type DebtKind string

const (
	DebtRent       DebtKind = "rent"
	DebtEnergy     DebtKind = "energy"
	DebtWater      DebtKind = "water"
	DebtHealth     DebtKind = "health_insurance"
	DebtLocalTaxes DebtKind = "local_taxes" // municipal and water-board taxes
	DebtTaxOffice  DebtKind = "tax_office"  // the tax office and allowance repayments
	DebtFines      DebtKind = "fines"       // CJIB
	DebtStudy      DebtKind = "study_finance"
	DebtCredit     DebtKind = "credit" // consumer credit or overdraft
	DebtTelecom    DebtKind = "telecom"
	DebtCare       DebtKind = "care_costs"
	DebtOther      DebtKind = "other"
)

// DebtKinds lists the kinds in the order a form offers them.
var DebtKinds = []DebtKind{DebtRent, DebtEnergy, DebtWater, DebtHealth, DebtLocalTaxes, DebtTaxOffice,
	DebtFines, DebtStudy, DebtCredit, DebtTelecom, DebtCare, DebtOther}

func (k DebtKind) Valid() bool { return slices.Contains(DebtKinds, k) }

var debtKindWords = map[DebtKind]words{
	DebtRent:       {"huur", "rent"},
	DebtEnergy:     {"energie", "energy"},
	DebtWater:      {"water", "water"},
	DebtHealth:     {"zorgverzekering", "health insurance"},
	DebtLocalTaxes: {"gemeente- en waterschapsbelasting", "municipal and water-board taxes"},
	DebtTaxOffice:  {"Belastingdienst en toeslagen", "tax office and allowances"},
	DebtFines:      {"boetes (CJIB)", "fines (CJIB)"},
	DebtStudy:      {"studiefinanciering (DUO)", "study finance (DUO)"},
	DebtCredit:     {"lening of rood staan", "loan or overdraft"},
	DebtTelecom:    {"telefoon en internet", "phone and internet"},
	DebtCare:       {"zorgkosten", "care costs"},
	DebtOther:      {"overig", "other"},
}

// DebtKindLabel names a kind in a language.
func DebtKindLabel(k DebtKind, l Lang) string { return label(debtKindWords, k, l) }

// DebtState is where the request for the balance (saldo-opgave) stands.
type DebtState string

const (
	DebtNotAsked    DebtState = "not_asked"
	DebtAsked       DebtState = "asked"
	DebtAnswered    DebtState = "answered"
	DebtDisputed    DebtState = "disputed"
	DebtPaidOff     DebtState = "paid_off"
	DebtArrangement DebtState = "arrangement"
)

// DebtStates lists the states in the order the work goes through them;
// sorting by state follows it.
var DebtStates = []DebtState{DebtNotAsked, DebtAsked, DebtAnswered, DebtDisputed, DebtArrangement, DebtPaidOff}

func (s DebtState) Valid() bool { return slices.Contains(DebtStates, s) }

// Index is the state's place in DebtStates.
func (s DebtState) Index() int { return slices.Index(DebtStates, s) }

// Responded is true once the creditor has said something back.
func (s DebtState) Responded() bool { return s != DebtNotAsked && s != DebtAsked }

var debtStateWords = map[DebtState]words{
	DebtNotAsked:    {"nog niet gevraagd", "not yet asked"},
	DebtAsked:       {"saldo gevraagd", "balance asked"},
	DebtAnswered:    {"bevestigd", "confirmed"},
	DebtDisputed:    {"betwist", "disputed"},
	DebtArrangement: {"in de regeling", "in the arrangement"},
	DebtPaidOff:     {"afbetaald", "paid off"},
}

// DebtStateLabel names a state in a language, for the team.
func DebtStateLabel(s DebtState, l Lang) string { return label(debtStateWords, s, l) }

// Debt is one claim of one creditor on the household.
type Debt struct {
	ID         string
	Creditor   string
	Collector  string // the collection agency or bailiff, if any
	Reference  string // the creditor's reference (dossiernummer)
	Amount     Cents  // the amount claimed
	Original   Cents  // the original amount, 0 when unknown
	Kind       DebtKind
	Threat     Threat // what it threatens: the home, energy, water, insurance
	State      DebtState
	AskedOn    Date   // the balance was asked
	AnsweredOn Date   // the creditor answered
	Confirmed  Cents  // the amount the creditor confirmed
	Note       string // for the team only: never in a resident's file
	// ReferenceChecked is the reference as the specialist confirmed it is
	// no BSN, though it passes the same test; the guard asks again only
	// when the reference changes.
	ReferenceChecked string
}

// Validate checks a debt before it is stored.
func (d Debt) Validate() error {
	if strings.TrimSpace(d.Creditor) == "" {
		return &InvalidError{Field: "creditor", Value: ""}
	}
	for _, f := range []struct {
		name, s string
		limit   int
	}{{"creditor", d.Creditor, MaxShort}, {"collector", d.Collector, MaxShort}, {"reference", d.Reference, MaxShort}, {"note", d.Note, MaxText}} {
		if err := checkLen(f.name, f.s, f.limit); err != nil {
			return err
		}
	}
	for _, a := range []Cents{d.Amount, d.Original, d.Confirmed} {
		if a < 0 {
			return &AmountError{Problem: AmountNegative}
		}
		if a > MaxAmount {
			return &AmountError{Problem: AmountTooLarge}
		}
	}
	switch {
	case !d.Kind.Valid():
		return &InvalidError{Field: "kind", Value: string(d.Kind)}
	case !d.State.Valid():
		return &InvalidError{Field: "state", Value: string(d.State)}
	case !d.Threat.Valid():
		return &InvalidError{Field: "threat", Value: string(d.Threat)}
	}
	return nil
}

// IsConfirmed is true when the creditor confirmed an amount.
func (d Debt) IsConfirmed() bool { return !d.AnsweredOn.IsZero() && d.State != DebtDisputed }

// Best is the amount as best known: the confirmed one, else the claim.
func (d Debt) Best() Cents {
	if d.IsConfirmed() {
		return d.Confirmed
	}
	return d.Amount
}

// The operations on a debt; each returns a new version.

// AskBalance records that the balance was asked on a day.
func AskBalance(d Debt, on Date) Debt {
	d.State = DebtAsked
	d.AskedOn = on
	d.AnsweredOn = Date{}
	d.Confirmed = 0
	return d
}

// AnswerBalance records the creditor's answer with the confirmed amount.
func AnswerBalance(d Debt, on Date, confirmed Cents) Debt {
	d.State = DebtAnswered
	if d.AskedOn.IsZero() {
		d.AskedOn = on
	}
	d.AnsweredOn = on
	d.Confirmed = confirmed
	return d
}

// DebtTotals are the sums of a case's debts.
type DebtTotals struct {
	Count       int
	Responded   int   // creditors that answered in any way
	Confirmed   int   // debts with a confirmed amount
	Known       Cents // every debt at its best known amount
	ConfirmedAt Cents // the confirmed amounts
	ToConfirm   Cents // the claims not yet confirmed
	Threats     int   // debts that threaten the home or a basic service
	PerKind     []KindTotal
}

// KindTotal is the debts of one kind.
type KindTotal struct {
	Kind  DebtKind
	Count int
	Sum   Cents
}

// TotalDebts adds up a case's debts. Paid-off debts count as debts that
// were there, but no longer add to what is owed.
func TotalDebts(ds []Debt) DebtTotals {
	var t DebtTotals
	per := map[DebtKind]*KindTotal{}
	for _, d := range ds {
		t.Count++
		if d.State.Responded() {
			t.Responded++
		}
		if d.Threat != ThreatNone && d.State != DebtPaidOff {
			t.Threats++
		}
		if d.IsConfirmed() {
			t.Confirmed++
		}
		owed := d.Best()
		if d.State == DebtPaidOff {
			owed = 0
		}
		t.Known += owed
		if d.IsConfirmed() {
			t.ConfirmedAt += owed
		} else {
			t.ToConfirm += owed
		}
		k := per[d.Kind]
		if k == nil {
			k = &KindTotal{Kind: d.Kind}
			per[d.Kind] = k
		}
		k.Count++
		k.Sum += owed
	}
	for _, kind := range DebtKinds {
		if k := per[kind]; k != nil {
			t.PerKind = append(t.PerKind, *k)
		}
	}
	return t
}

// SortDebts orders debts by state (the work still to do first), threats
// first within a state, then by creditor.
func SortDebts(ds []Debt) {
	slices.SortStableFunc(ds, func(a, b Debt) int {
		return cmp.Or(cmp.Compare(a.State.Index(), b.State.Index()),
			cmp.Compare(threatRank(b), threatRank(a)),
			cmp.Compare(strings.ToLower(a.Creditor), strings.ToLower(b.Creditor)))
	})
}

func threatRank(d Debt) int {
	if d.Threat != ThreatNone {
		return 1
	}
	return 0
}

// DebtCrisisSteps are the crisis steps a threatening debt calls for: one per
// threatening debt that has no step of its own yet (by title), so the
// specialist can take them into the plan.
func DebtCrisisSteps(ds []Debt, steps []Step, l Lang) []Step {
	var out []Step
	for _, d := range ds {
		if d.Threat == ThreatNone || d.State == DebtPaidOff || d.State == DebtArrangement {
			continue
		}
		title := debtCrisisTitle(d, l)
		if slices.ContainsFunc(steps, func(s Step) bool { return s.Title == title }) {
			continue
		}
		out = append(out, Step{Phase: PhaseCrisis, Title: title, Owner: RoleSpecialist, Status: StepOpen,
			Why: ThreatLabel(d.Threat, l), Days: 3})
	}
	return out
}

var debtCrisisWords = words{"Betalingsregeling of uitstel vragen bij ", "Ask for a payment plan or a delay from "}

func debtCrisisTitle(d Debt, l Lang) string {
	return debtCrisisWords.in(l) + strings.TrimSpace(CleanText(d.Creditor, false))
}

// FormatAmount writes an amount as people read it: "€ 1.234,56" in Dutch,
// "€1,234.56" in English.
func FormatAmount(c Cents, l Lang) string {
	return formatEuro(c, euroStyles[CaseLang(l)], true)
}

// FormatEuros writes an amount rounded to whole euros: "€ 21.300".
func FormatEuros(c Cents, l Lang) string {
	return formatEuro(c, euroStyles[CaseLang(l)], false)
}

// FormatAmountFor writes an amount as a resident's language writes it:
// "1.234,56 €" in Turkish, "1 234,56 €" in Polish (a no-break space), and
// in Arabic with the Western digits Dutch letters use.
func FormatAmountFor(c Cents, l CaseLang) string {
	st, ok := euroStyles[l]
	if !ok {
		st = euroStyles[CaseDutch]
	}
	return formatEuro(c, st, true)
}

type euroStyle struct{ group, dec, prefix, suffix string }

var euroStyles = map[CaseLang]euroStyle{
	CaseDutch:   {".", ",", "€ ", ""},
	CaseEnglish: {",", ".", "€", ""},
	CaseTurkish: {".", ",", "", " €"},
	CasePolish:  {"\u00a0", ",", "", " €"},
	CaseArabic:  {",", ".", "€ ", ""},
}

func formatEuro(c Cents, st euroStyle, cents bool) string {
	neg := c < 0
	if neg {
		c = -c
	}
	whole, rest := int64(c)/100, int64(c)%100
	if !cents && rest >= 50 {
		whole++
	}
	digits := strconv.FormatInt(whole, 10)
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(st.group)
		}
		b.WriteRune(r)
	}
	s := b.String()
	if cents {
		s += st.dec + strconv.FormatInt(rest/10, 10) + strconv.FormatInt(rest%10, 10)
	}
	sign := ""
	if neg {
		sign = "-"
	}
	return sign + st.prefix + s + st.suffix
}

// AmountInput writes an amount the way the form shows it for editing, in
// the form ParseAmount reads back: "1234,56" or "1234.56".
func AmountInput(c Cents, l Lang) string {
	dec := ","
	if l == English {
		dec = "."
	}
	return strconv.FormatInt(int64(c)/100, 10) + dec + strconv.FormatInt(int64(c)%100/10, 10) + strconv.FormatInt(int64(c)%10, 10)
}

// DebtsOf returns the debts in the order the screens show them.
func DebtsOf(c Case) []Debt {
	out := slices.Clone(c.Debts)
	SortDebts(out)
	return out
}
