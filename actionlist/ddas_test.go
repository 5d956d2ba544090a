package actionlist

import "testing"

// Every key the team report writes for closing reasons, signal partners,
// outcomes, contact attempts and debt kinds has its DDAS code beside it.
func TestEveryKindHasADDASCode(t *testing.T) {
	check := func(measure string, keys []string) {
		for _, k := range keys {
			if DDASCode(measure, k) == "" {
				t.Errorf("%s %s has no DDAS code", measure, k)
			}
		}
	}
	var reasons, partners, outcomes, attempts, debts []string
	for _, r := range CloseReasons {
		reasons = append(reasons, string(r))
	}
	for _, k := range SignalKinds {
		partners = append(partners, string(k))
	}
	for _, o := range SignalOutcomes {
		if o != OutcomeOpen {
			outcomes = append(outcomes, string(o))
		}
	}
	for _, a := range AttemptKinds {
		attempts = append(attempts, string(a))
	}
	for _, d := range DebtKinds {
		debts = append(debts, string(d))
	}
	check("dropout", reasons)
	check("signals_received", partners)
	check("signal_outcome", outcomes)
	check("signal_attempts", attempts)
	check("debt_kinds", debts)
}
