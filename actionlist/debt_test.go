package actionlist

import (
	"errors"
	"strings"
	"testing"
)

func TestTotalDebts(t *testing.T) {
	day := MustDate("2026-05-04")
	ds := []Debt{
		{Creditor: "Woonstad", Kind: DebtRent, Amount: 150000, Threat: ThreatEviction, State: DebtNotAsked},
		AnswerBalance(Debt{Creditor: "Eneco", Kind: DebtEnergy, Amount: 80000, State: DebtAsked}, day, 82050),
		AskBalance(Debt{Creditor: "CJIB", Kind: DebtFines, Amount: 30000}, day),
		{Creditor: "Belastingdienst", Kind: DebtTaxOffice, Amount: 200000, State: DebtDisputed, AnsweredOn: day, Confirmed: 190000},
		{Creditor: "KPN", Kind: DebtTelecom, Amount: 12000, State: DebtPaidOff, AnsweredOn: day, Confirmed: 12000, Threat: ThreatEnergy},
		{Creditor: "Vattenfall", Kind: DebtEnergy, Amount: 10000, State: DebtArrangement, AnsweredOn: day, Confirmed: 9000},
	}
	got := TotalDebts(ds)
	want := DebtTotals{Count: 6, Responded: 4, Confirmed: 3, Threats: 1,
		Known: 150000 + 82050 + 30000 + 200000 + 9000, ConfirmedAt: 82050 + 9000, ToConfirm: 150000 + 30000 + 200000}
	if got.Count != want.Count || got.Responded != want.Responded || got.Confirmed != want.Confirmed ||
		got.Threats != want.Threats || got.Known != want.Known || got.ConfirmedAt != want.ConfirmedAt || got.ToConfirm != want.ToConfirm {
		t.Errorf("TotalDebts = %+v\nwant %+v", got, want)
	}
	if got.Known != got.ConfirmedAt+got.ToConfirm {
		t.Errorf("known %d is not confirmed %d + to confirm %d", got.Known, got.ConfirmedAt, got.ToConfirm)
	}
	wantKinds := []KindTotal{{DebtRent, 1, 150000}, {DebtEnergy, 2, 91050}, {DebtTaxOffice, 1, 200000}, {DebtFines, 1, 30000}, {DebtTelecom, 1, 0}}
	if len(got.PerKind) != len(wantKinds) {
		t.Fatalf("per kind = %+v, want %+v", got.PerKind, wantKinds)
	}
	for i := range wantKinds {
		if got.PerKind[i] != wantKinds[i] {
			t.Errorf("per kind %d = %+v, want %+v", i, got.PerKind[i], wantKinds[i])
		}
	}
	if z := TotalDebts(nil); z.Count != 0 || z.Known != 0 || z.PerKind != nil {
		t.Errorf("no debts: %+v", z)
	}
}

func TestDebtValidate(t *testing.T) {
	ok := Debt{Creditor: "Eneco", Kind: DebtEnergy, State: DebtNotAsked, Amount: 1000}
	for _, tc := range []struct {
		name string
		edit func(*Debt)
		want func(error) bool
	}{
		{"fine", func(*Debt) {}, func(err error) bool { return err == nil }},
		{"no creditor", func(d *Debt) { d.Creditor = "  " }, isInvalid("creditor")},
		{"long creditor", func(d *Debt) { d.Creditor = strings.Repeat("x", 5000) }, isLimit("creditor")},
		{"long reference", func(d *Debt) { d.Reference = strings.Repeat("9", MaxShort+1) }, isLimit("reference")},
		{"negative", func(d *Debt) { d.Amount = -1 }, isAmount(AmountNegative)},
		{"too large", func(d *Debt) { d.Confirmed = MaxAmount + 1 }, isAmount(AmountTooLarge)},
		{"kind", func(d *Debt) { d.Kind = "loan" }, isInvalid("kind")},
		{"state", func(d *Debt) { d.State = "" }, isInvalid("state")},
	} {
		d := ok
		tc.edit(&d)
		if err := d.Validate(); !tc.want(err) {
			t.Errorf("%s: Validate() = %v", tc.name, err)
		}
	}
}

func isInvalid(field string) func(error) bool {
	return func(err error) bool { var ie *InvalidError; return errors.As(err, &ie) && ie.Field == field }
}
func isLimit(field string) func(error) bool {
	return func(err error) bool { var le *LimitError; return errors.As(err, &le) && le.Field == field }
}
func isAmount(p AmountProblem) func(error) bool {
	return func(err error) bool { var ae *AmountError; return errors.As(err, &ae) && ae.Problem == p }
}

func TestDebtFieldsRoundTrip(t *testing.T) {
	d := Debt{ID: "d1", Creditor: "Woonstad", Collector: "GGN", Reference: "W-123", Amount: 123456, Original: 100000,
		Kind: DebtRent, Threat: ThreatEviction, State: DebtAnswered, AskedOn: MustDate("2026-01-02"),
		AnsweredOn: MustDate("2026-01-20"), Confirmed: 120000, Note: "belt terug"}
	back, err := DebtFromValues(DebtValues(d))
	if err != nil || back != d {
		t.Fatalf("from values: %+v, %v", back, err)
	}
	snap, err := DebtFromSnapshot(DebtSnapshot(d))
	if err != nil || snap != d {
		t.Fatalf("from snapshot: %+v, %v", snap, err)
	}
	after := AskBalance(d, MustDate("2026-02-01"))
	changes := DebtChanges(d, after)
	cur := d
	if _, conflicts, err := ApplyDebtChanges(&cur, changes); err != nil || len(conflicts) > 0 || cur != after {
		t.Fatalf("apply: %+v %v %v", cur, conflicts, err)
	}
	for _, name := range DebtColumns {
		if w, ok := debtFieldWords[name]; !ok || w.nl == "" || w.en == "" {
			t.Errorf("debt field %s has no name for people", name)
		}
	}
}

func TestSortAndCrisis(t *testing.T) {
	ds := []Debt{
		{Creditor: "b", State: DebtAnswered},
		{Creditor: "a", State: DebtAnswered},
		{Creditor: "z", State: DebtNotAsked},
		{Creditor: "y", State: DebtNotAsked, Threat: ThreatWater},
	}
	SortDebts(ds)
	var order []string
	for _, d := range ds {
		order = append(order, d.Creditor)
	}
	if strings.Join(order, "") != "yzab" {
		t.Errorf("sorted %v", order)
	}
	steps := DebtCrisisSteps(ds, nil, Dutch)
	if len(steps) != 1 || steps[0].Phase != PhaseCrisis || !strings.Contains(steps[0].Title, "y") || steps[0].Validate() != nil {
		t.Fatalf("crisis steps %+v", steps)
	}
	if again := DebtCrisisSteps(ds, steps, Dutch); len(again) != 0 {
		t.Errorf("offered twice: %+v", again)
	}
	for _, k := range DebtKinds {
		for _, l := range Langs {
			if DebtKindLabel(k, l) == "" {
				t.Errorf("kind %s has no name in %s", k, l)
			}
		}
	}
	for _, s := range DebtStates {
		for _, l := range Langs {
			if DebtStateLabel(s, l) == "" {
				t.Errorf("state %s has no name in %s", s, l)
			}
		}
	}
}
