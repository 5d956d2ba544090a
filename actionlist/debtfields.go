package actionlist

import "strconv"

// debtFields is how a debt is stored, recorded, exported and merged; the
// same table as for steps and agreements (fields.go).
var debtFields = fields[Debt]{
	textField("id", func(d *Debt) *string { return &d.ID }),
	textField("creditor", func(d *Debt) *string { return &d.Creditor }),
	textField("collector", func(d *Debt) *string { return &d.Collector }),
	textField("reference", func(d *Debt) *string { return &d.Reference }),
	centsField("amount", func(d *Debt) *Cents { return &d.Amount }),
	centsField("original", func(d *Debt) *Cents { return &d.Original }),
	enumField("kind", func(d *Debt) *DebtKind { return &d.Kind }, DebtKind.Valid),
	enumField("threat", func(d *Debt) *Threat { return &d.Threat }, Threat.Valid),
	enumField("state", func(d *Debt) *DebtState { return &d.State }, DebtState.Valid),
	dateField("asked_on", func(d *Debt) *Date { return &d.AskedOn }),
	dateField("answered_on", func(d *Debt) *Date { return &d.AnsweredOn }),
	centsField("confirmed", func(d *Debt) *Cents { return &d.Confirmed }),
	textField("note", func(d *Debt) *string { return &d.Note }),
	textField("reference_checked", func(d *Debt) *string { return &d.ReferenceChecked }),
}

var debtFieldWords = map[string]words{
	"id": {"kenmerk", "identifier"}, "creditor": {"schuldeiser", "creditor"},
	"collector": {"incassobureau of deurwaarder", "collection agency or bailiff"},
	"reference": {"dossiernummer", "reference"}, "amount": {"bedrag", "amount"},
	"original": {"oorspronkelijk bedrag", "original amount"}, "kind": {"soort", "kind"},
	"threat": {"dreiging", "threat"}, "state": {"stand saldo-opgave", "state of the balance"},
	"asked_on": {"saldo gevraagd op", "balance asked on"}, "answered_on": {"antwoord op", "answered on"},
	"confirmed": {"bevestigd bedrag", "confirmed amount"}, "note": {"notitie voor het team", "note for the team"},
	"reference_checked": {"dossiernummer nagekeken (geen BSN)", "reference checked (no BSN)"},
}

// centsField stores an amount as its whole number of cents.
func centsField[T any](name string, p func(*T) *Cents) field[T] {
	return field[T]{name,
		func(v T) string { return strconv.FormatInt(int64(*p(&v)), 10) },
		func(v *T, s string) error {
			if s == "" {
				*p(v) = 0
				return nil
			}
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return &ValueError{Value: s, Want: ValueNumber}
			}
			*p(v) = Cents(n)
			return nil
		}}
}

// DebtColumns are a debt's stored fields, in the order of the database's
// columns and of the exchange files' keys.
var DebtColumns = debtFields.names()

// VolunteerDebtFields are what a volunteer package holds of a debt, and
// only when the specialist asks for it: who to call and about which file,
// no amounts. They are the specialist's: a newer package overwrites them on
// the volunteer's copy, and leaves the rest of the debt to the volunteer.
func VolunteerDebtFields() []string { return []string{"id", "creditor", "reference"} }

func DebtValues(d Debt) []string              { return debtFields.values(d) }
func DebtFromValues(v []string) (Debt, error) { return debtFields.fromValues(v) }
func DebtSnapshot(d Debt) string              { return debtFields.snapshot(d) }
func DebtFromSnapshot(s string) (Debt, error) { return debtFields.restore(s) }
func DebtChanges(before, after Debt) []Change { return debtFields.changes(before, after) }

// ApplyDebtChanges moves current by changes made against an older version;
// see Conflict for what is not applied.
func ApplyDebtChanges(current *Debt, changes []Change) ([]Change, []Conflict, error) {
	return debtFields.apply(current, changes)
}

// DebtFieldValueLabel shows a stored value of a debt's field in words: an
// amount in euros, a kind, state or threat by its name.
func DebtFieldValueLabel(field, v string, l Lang) string {
	switch field {
	case "amount", "original", "confirmed":
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			return FormatAmount(Cents(n), l)
		}
	case "kind":
		return DebtKindLabel(DebtKind(v), l)
	case "state":
		return DebtStateLabel(DebtState(v), l)
	case "threat":
		return ThreatLabel(Threat(v), l)
	case "asked_on", "answered_on":
		return FieldValueLabel("due", v, l)
	}
	return v
}
