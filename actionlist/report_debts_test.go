package actionlist

import (
	"encoding/csv"
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
	// Each figure on its own row: section, key, label, value.
	rows, err := csv.NewReader(strings.NewReader(ReportCSV(f, Dutch))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range rows {
		got[r[0]+"/"+r[1]] = r[3]
	}
	for key, want := range map[string]string{"debts/median_creditors": "2", "debts/median_confirmed_eur": "300",
		"debts/median_days_to_answer": "20", "debt_kinds/energy": "2", "debt_kinds/rent": "1"} {
		if got[key] != want {
			t.Errorf("csv: %s is %q, want %q", key, got[key], want)
		}
	}
	if none := Report(nil, Date{}, day("2026-06-30"), day("2026-07-01")); !strings.Contains(ReportText(none, English), "median number of creditors per case") {
		t.Error("no debt rows on an empty report")
	}
}
