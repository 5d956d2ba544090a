package actionlist

import (
	"strings"
	"testing"
)

// Three cases of the period with debts worked out by hand, one without.
func TestReportDebts(t *testing.T) {
	day := func(s string) Date { return MustDate(s) }
	debt := func(creditor, ref string, k DebtKind, asked, answered string, confirmed Cents) Debt {
		d := Debt{Creditor: creditor, Reference: ref, Kind: k, Amount: confirmed + 100, State: DebtNotAsked, Note: "NOTE-" + creditor}
		if asked != "" {
			d = AskBalance(d, day(asked))
		}
		if answered != "" {
			d = AnswerBalance(d, day(answered), confirmed)
		}
		return d
	}
	mk := func(ref string, ds ...Debt) Case {
		return Case{ID: "id-" + ref, Ref: ref, Name: "N" + ref, Status: CaseStabilisation, Start: day("2026-02-01"), Debts: ds}
	}
	cases := []Case{
		mk("A", debt("CRED-Woonstad", "REF-1", DebtRent, "2026-02-02", "2026-02-12", 100000),
			debt("CRED-Eneco", "REF-2", DebtEnergy, "2026-02-02", "2026-02-22", 50000),
			debt("cred-eneco", "REF-3", DebtEnergy, "", "", 0)), // the same creditor twice: 2 creditors
		mk("B", debt("CRED-CJIB", "REF-4", DebtFines, "2026-03-01", "2026-03-31", 30000)),
		mk("C", debt("CRED-DUO", "REF-5", DebtStudy, "2026-03-01", "", 0),
			debt("CRED-KPN", "REF-6", DebtTelecom, "", "", 0), debt("CRED-Menzis", "REF-7", DebtHealth, "", "", 0)),
		mk("D"),
	}
	f := Report(cases, Date{}, day("2026-06-30"), day("2026-07-01"))
	d := f.Debts
	// Creditors per case 2, 1, 3: median 2. Confirmed per case 150000,
	// 30000 (C has none): lower middle 30000. Days 10, 20, 30: median 20.
	if d.CasesWithDebts != 3 || d.MedianCreditors != 2 || d.MedianConfirmed != 30000 || d.ConfirmedCases != 2 ||
		d.MedianDaysToAnswer != 20 || d.Answers != 3 {
		t.Errorf("figures %+v", d)
	}
	if d.PerKind[DebtEnergy] != 2 || d.PerKind[DebtRent] != 1 || d.PerKind[DebtCredit] != 0 {
		t.Errorf("per kind %v", d.PerKind)
	}
	for _, l := range Langs {
		for _, out := range []string{ReportText(f, l), ReportCSV(f, l)} {
			if strings.Contains(out, "CRED-") || strings.Contains(out, "cred-") || strings.Contains(out, "REF-") || strings.Contains(out, "NOTE-") {
				t.Errorf("%s report names a creditor, reference or note:\n%s", l, out)
			}
		}
	}
	csv := ReportCSV(f, Dutch)
	for _, want := range []string{"debts,median_creditors,", ",2\n", "debts,median_confirmed_eur,", ",300\n", "debts,median_days_to_answer,", ",20\n", "debt_kinds,energy,energie,2\n"} {
		if !strings.Contains(csv, want) {
			t.Errorf("csv lacks %q:\n%s", want, csv)
		}
	}
	if none := Report(nil, Date{}, day("2026-06-30"), day("2026-07-01")); !strings.Contains(ReportText(none, English), "median number of creditors per case") {
		t.Error("no debt rows on an empty report")
	}
}
