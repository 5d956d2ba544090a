package export

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"houvast/actionlist"
)

func debtFixture() actionlist.Case {
	c := fixture(actionlist.Dutch)
	c.Debts = []actionlist.Debt{
		{ID: "d1", Creditor: "Woonstad", Reference: "HR-1", Amount: 241500, Kind: actionlist.DebtRent,
			Threat: actionlist.ThreatEviction, State: actionlist.DebtAnswered, AskedOn: actionlist.MustDate("2026-10-02"),
			AnsweredOn: actionlist.MustDate("2026-10-09"), Confirmed: 241500, Note: "TEAM-ONLY"},
		{ID: "d2", Creditor: "Eneco", Amount: 12345, Kind: actionlist.DebtEnergy, State: actionlist.DebtNotAsked},
	}
	return c
}

// A case file carries every field of every debt, and reads back the same.
// A debt in a case file that Houvast cannot use is named as the debt it
// is, by its creditor, never as a step.
func TestCaseFileNamesABadDebt(t *testing.T) {
	f := CaseFile{ExportedAt: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC), Case: debtFixture()}
	data := bytes.Replace(f.Encode(), []byte(`"state": "answered"`), []byte(`"state": "bogus"`), 1)
	_, err := Parse(data)
	var fe *FileError
	if !errors.As(err, &fe) || fe.Flaw == nil || fe.Flaw.Entity != actionlist.EntityDebt {
		t.Fatalf("a bad debt: %v", err)
	}
	for l, want := range map[actionlist.Lang]string{actionlist.Dutch: `de schuld bij "Woonstad"`, actionlist.English: `the debt to "Woonstad"`} {
		if s := Sentence(err, l); !strings.Contains(s, want) || strings.Contains(s, "stap") || strings.Contains(s, "step") {
			t.Errorf("%s: %s", l, s)
		}
	}
}

func TestCaseFileCarriesDebts(t *testing.T) {
	c := debtFixture()
	f := CaseFile{ExportedAt: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC), Case: c}
	data := f.Encode()
	back, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	got := back.Case.Case.Debts
	if len(got) != 2 || got[0] != c.Debts[0] || got[1] != c.Debts[1] {
		t.Fatalf("debts read back: %+v", got)
	}
	if again := back.Case.Encode(); !bytes.Equal(again, data) {
		t.Error("the file written again differs")
	}
}

// A volunteer gets no debt unless asked, and then only who and which file.
func TestVolunteerPackageDebts(t *testing.T) {
	c := debtFixture()
	at := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	plain, err := Volunteer(c, VolunteerOptions{ID: "p1", Now: at})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(plain.Encode(), []byte("Woonstad")) {
		t.Error("a package without --with-debts holds a creditor")
	}
	with, err := Volunteer(c, VolunteerOptions{ID: "p1", Now: at, Debts: true})
	if err != nil {
		t.Fatal(err)
	}
	data := with.Encode()
	for _, bad := range []string{"241500", "12345", "amount", "confirmed", "TEAM-ONLY", "rent", "eviction"} {
		if bytes.Contains(data, []byte(bad)) {
			t.Errorf("the package holds %q", bad)
		}
	}
	back, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if ds := back.Volunteer.Case.Debts; len(ds) != 2 || ds[0].Creditor != "Woonstad" || ds[0].Reference != "HR-1" || ds[0].Amount != 0 {
		t.Fatalf("package debts %+v", ds)
	}
	// A package that carries an amount anyway is refused.
	forged := bytes.Replace(data, []byte(`"reference": "HR-1"`), []byte(`"reference": "HR-1", "amount": "5"`), 1)
	if _, err := Parse(forged); err == nil || !strings.Contains(err.Error(), "amount") {
		t.Errorf("a package with an amount: %v", err)
	}
}

// The summary ends with the debts on a page of their own, in the case's
// language, without the team's note.
func TestSummaryDebtOverview(t *testing.T) {
	today := actionlist.MustDate("2026-11-23")
	for _, lang := range actionlist.CaseLangs {
		c := debtFixture()
		c.Language = lang
		tx := summaryTexts(lang)
		for _, f := range []Format{Markdown, Text, HTML, PDF} {
			// The debts are among the longer lists: not on the one page.
			if one, err := Summary(c, f, today); err != nil || bytes.Contains(one, []byte("Woonstad")) {
				t.Errorf("%s %s: the debts are on the first page (%v)", lang, f, err)
			}
			out, err := Options{Pages: AllPages}.Summary(c, f, today)
			if err != nil {
				t.Fatalf("%s %s: %v", lang, f, err)
			}
			if bytes.Contains(out, []byte("TEAM-ONLY")) {
				t.Errorf("%s %s: the team's note is in the summary", lang, f)
			}
			if f == PDF {
				if n := pdfPages(t, out); n < 2 {
					t.Errorf("%s pdf: %d pages", lang, n)
				}
				continue
			}
			s := string(out)
			title := strings.Index(s, tx.DebtsTitle)
			if title < 0 || title < strings.Index(s, tx.ContactTitle) {
				t.Errorf("%s %s: no debt overview after the rest", lang, f)
			}
			for _, want := range []string{"Woonstad", actionlist.FormatAmountFor(241500, lang), tx.DebtsFirst, tx.DebtsNotAsked} {
				if !strings.Contains(s, want) {
					t.Errorf("%s %s: %q missing", lang, f, want)
				}
			}
			breaks := map[Format]string{Markdown: "\n---\n", HTML: `<section class="more">`, Text: strings.Repeat("=", textWidth)}
			if !strings.Contains(s[strings.Index(s, tx.ContactTitle):title], breaks[f]) {
				t.Errorf("%s %s: no page break before the debts", lang, f)
			}
		}
		c.Debts = nil
		if out, _ := (Options{Pages: AllPages}).Summary(c, Text, today); strings.Contains(string(out), tx.DebtsTitle) {
			t.Errorf("%s: an overview of no debts", lang)
		}
	}
}
