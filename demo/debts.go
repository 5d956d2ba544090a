package demo

import (
	"fmt"
	"math/rand/v2"

	"houvast/actionlist"
)

// fatimaDebts is the demo case's debt list: a dozen creditors, as a
// household in stabilisation has (NVVK counts 13 on average), in every
// state of the balance request. The rent arrears threaten the home.
func fatimaDebts(lang actionlist.Lang, start actionlist.Date, newID func() string) []actionlist.Debt {
	note := func(nl, en string) string {
		if lang == actionlist.English {
			return en
		}
		return nl
	}
	asked := func(d actionlist.Debt, day int) actionlist.Debt { return actionlist.AskBalance(d, start.AddDays(day)) }
	answered := func(d actionlist.Debt, askDay, answerDay int, confirmed actionlist.Cents) actionlist.Debt {
		return actionlist.AnswerBalance(asked(d, askDay), start.AddDays(answerDay), confirmed)
	}
	debt := func(creditor, collector, ref string, kind actionlist.DebtKind, amount, original actionlist.Cents) actionlist.Debt {
		return actionlist.Debt{ID: newID(), Creditor: creditor, Collector: collector, Reference: ref, Kind: kind,
			Amount: amount, Original: original, State: actionlist.DebtNotAsked}
	}
	rent := answered(debt("Woonstad Rotterdam", "", "HR-2291-04", actionlist.DebtRent, 241500, 0), 2, 9, 241500)
	rent.Threat = actionlist.ThreatEviction
	rent.Note = note("Ontruimingsvonnis aangezegd; regeling loopt via de wijkconsulent.", "Eviction notice served; the plan runs through the housing officer.")
	energy := answered(debt("Eneco", "", "E-77120934", actionlist.DebtEnergy, 128045, 0), 3, 15, 131210)
	health := answered(debt("Zilveren Kruis", "CJIB", "ZK-4410-882", actionlist.DebtHealth, 185600, 96000), 5, 21, 185600)
	health.Note = note("Bestuursrechtelijke premie; wanbetalersregeling.", "Administrative premium; the defaulters' scheme.")
	tax := asked(debt("Belastingdienst/Toeslagen", "", "TS-2024-0031", actionlist.DebtTaxOffice, 460000, 0), 12)
	tax.Note = note("Terugvordering huurtoeslag 2024; bezwaar overwegen.", "Rent allowance clawback 2024; consider an objection.")
	cjib := answered(debt("CJIB", "", "1200 3344 5566 7788", actionlist.DebtFines, 39000, 9500), 6, 18, 41500)
	municipal := asked(debt("Belastingsamenwerking Rivierenland", "", "BSR-98812", actionlist.DebtLocalTaxes, 51230, 0), 14)
	water := debt("Evides Waterbedrijf", "", "EV-0044192", actionlist.DebtWater, 21875, 0)
	water.Threat = actionlist.ThreatWater
	duo := debt("DUO", "", "", actionlist.DebtStudy, 1240000, 0)
	credit := answered(debt("ING Bank", "Intrum", "INT-55120-9", actionlist.DebtCredit, 612000, 450000), 8, 30, 587500)
	telecom := debt("Odido", "GGN Gerechtsdeurwaarders", "GGN-7718-22", actionlist.DebtTelecom, 48960, 21000)
	telecom.State = actionlist.DebtDisputed
	telecom.Note = note("Fatima zegt dat het abonnement in 2023 is opgezegd.", "Fatima says the contract was ended in 2023.")
	care := answered(debt("Tandartspraktijk De Linde", "", "TDL-3380", actionlist.DebtCare, 34500, 0), 4, 11, 34500)
	care.State = actionlist.DebtPaidOff
	shop := asked(debt("Wehkamp", "Riverty", "RV-10293847", actionlist.DebtCredit, 86740, 62000), 16)
	return []actionlist.Debt{rent, energy, health, tax, cjib, municipal, water, duo, credit, telecom, care, shop}
}

// SyntheticDebts makes the debts of a made-up case: between 5 and 21
// creditors (13 on average, as NVVK counts), in every state. Its own
// random source keeps the cases' other made-up data as it was.
func SyntheticDebts(seed uint64, n int, start actionlist.Date, newID func() string) []actionlist.Debt {
	rng := rand.New(rand.NewPCG(seed<<20^uint64(n), 0x5c4d))
	count := 5 + rng.IntN(17)
	out := make([]actionlist.Debt, 0, count)
	for i := range count {
		kind := actionlist.DebtKinds[rng.IntN(len(actionlist.DebtKinds))]
		amount := actionlist.Cents(5_000 + rng.IntN(600_000))
		d := actionlist.Debt{ID: newID(), Creditor: fmt.Sprintf("%s %d", pick(rng, creditorNames), i+1),
			Reference: fmt.Sprintf("SYN-%05d-%02d", n, i), Kind: kind, Amount: amount, State: actionlist.DebtNotAsked}
		switch rng.IntN(6) {
		case 1:
			d = actionlist.AskBalance(d, start.AddDays(rng.IntN(20)))
		case 2, 3:
			d = actionlist.AnswerBalance(actionlist.AskBalance(d, start.AddDays(rng.IntN(20))), start.AddDays(20+rng.IntN(40)), amount+actionlist.Cents(rng.IntN(5_000)))
		case 4:
			d.State = actionlist.DebtDisputed
		case 5:
			d = actionlist.AnswerBalance(d, start.AddDays(10+rng.IntN(40)), amount)
			d.State = actionlist.DebtArrangement
		}
		if kind == actionlist.DebtRent && rng.IntN(3) == 0 {
			d.Threat = actionlist.ThreatEviction
		}
		out = append(out, d)
	}
	return out
}

var creditorNames = []string{"Woonbron", "Vattenfall", "Menzis", "CZ", "Belastingdienst", "CJIB", "DUO", "KPN", "Vodafone",
	"Santander", "Klarna", "Wehkamp", "Gemeente", "Waterschap", "Essent", "Eneco", "Brabant Water", "Ziggo"}
