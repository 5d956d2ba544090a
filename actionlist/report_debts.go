package actionlist

import (
	"slices"
	"strconv"
	"strings"
)

// DebtFigures are the report's figures about debts, counted over the
// cases of the period that have any. Only counts and amounts: never a
// creditor's name or a reference.
type DebtFigures struct {
	CasesWithDebts int
	// MedianCreditors is the median number of creditors per case.
	MedianCreditors int
	// MedianConfirmed is the median per case of the confirmed debt: the
	// amounts as the creditors confirmed them in stabilisation, paid off
	// since or not. Cases without a confirmed debt do not count.
	MedianConfirmed Cents
	ConfirmedCases  int
	// MedianDaysToAnswer is the median number of days from asking a
	// balance to the creditor's answer, over every answered request.
	MedianDaysToAnswer int
	Answers            int
	PerKind            map[DebtKind]int

	// The values behind the medians, so a team's figures can be added up
	// and their medians found again (teamreport.go).
	creditors, confirmedEuros, daysToAnswer []int
}

// reportDebts counts the debts of the cases the report counts.
func reportDebts(cases []Case) DebtFigures {
	f := DebtFigures{PerKind: map[DebtKind]int{}}
	var creditors, days []int
	var confirmed []Cents
	for _, c := range cases {
		if len(c.Debts) == 0 {
			continue
		}
		f.CasesWithDebts++
		names := map[string]bool{}
		var sum Cents
		anyConfirmed := false
		for _, d := range c.Debts {
			names[strings.ToLower(strings.TrimSpace(d.Creditor))] = true
			f.PerKind[d.Kind]++
			if d.IsConfirmed() {
				sum += d.Confirmed
				anyConfirmed = true
			}
			if !d.AskedOn.IsZero() && !d.AnsweredOn.IsZero() {
				days = append(days, max(0, d.AskedOn.DaysUntil(d.AnsweredOn)))
			}
		}
		creditors = append(creditors, len(names))
		if anyConfirmed {
			confirmed = append(confirmed, sum)
		}
	}
	f.creditors, f.daysToAnswer = slices.Clone(creditors), slices.Clone(days)
	for _, c := range confirmed {
		f.confirmedEuros = append(f.confirmedEuros, euros(c))
	}
	f.MedianCreditors = median(creditors)
	f.MedianDaysToAnswer, f.Answers = median(days), len(days)
	f.ConfirmedCases = len(confirmed)
	if len(confirmed) > 0 {
		cents := make([]int, len(confirmed))
		for i, c := range confirmed {
			cents[i] = int(c)
		}
		f.MedianConfirmed = Cents(median(cents))
	}
	return f
}

var debtReportWords = map[string]words{
	"cases":     {"dossiers met schulden op de lijst", "cases with debts on the list"},
	"creditors": {"mediaan aantal schuldeisers per dossier", "median number of creditors per case"},
	"confirmed": {"mediaan bevestigde schuld per dossier, €", "median confirmed debt per case, €"},
	"answer":    {"mediaan tijd van saldo vragen tot antwoord", "median time from asking a balance to the answer"},
}

// debtReportRows are the debt figures as rows of the report's sections
// "debts" and "debt_kinds"; amounts in whole euros.
func debtReportRows(f DebtFigures, l Lang) []ReportRow {
	w := func(k string) string { return debtReportWords[k].in(l) }
	rows := []ReportRow{
		{Section: "debts", Key: "cases", Label: w("cases"), Value: strconv.Itoa(f.CasesWithDebts)},
		{Section: "debts", Key: "median_creditors", Label: w("creditors"), Unit: UnitNumber},
		{Section: "debts", Key: "median_confirmed_eur", Label: w("confirmed"), Unit: UnitNumber},
		{Section: "debts", Key: "median_days_to_answer", Label: w("answer"), Unit: "days"},
	}
	if f.CasesWithDebts > 0 {
		rows[1].Value = strconv.Itoa(f.MedianCreditors)
	}
	if f.ConfirmedCases > 0 {
		rows[2].Value = strconv.Itoa(euros(f.MedianConfirmed))
	}
	if f.Answers > 0 {
		rows[3].Value = strconv.Itoa(f.MedianDaysToAnswer)
	}
	for _, k := range DebtKinds {
		rows = append(rows, ReportRow{Section: "debt_kinds", Key: string(k), Label: DebtKindLabel(k, l), Value: strconv.Itoa(f.PerKind[k])})
	}
	return rows
}

// euros rounds an amount to whole euros, as the report writes amounts.
func euros(c Cents) int { return int((c + 50) / 100) }
