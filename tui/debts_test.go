package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"houvast/actionlist"
)

// A debt is added as people type amounts; a wrong amount, a negative one,
// one over the limit and a creditor's name far too long each get a sentence
// and keep what was typed, and nothing is saved until all is right.
func TestDebtsAddAnswerUndoRemove(t *testing.T) {
	f := nl(t)
	f.openCase()
	f.see("Schulden: 6 van 12 bevestigd · € 30.961")
	f.press("c")
	if f.m.screen != screenDebts {
		t.Fatalf("c did not open the debts:\n%s", f.screen())
	}
	f.see("Woonstad Rotterdam", "€ 2.415,00", "bevestigd", "saldo gevraagd", "nog niet gevraagd")

	f.press("a")
	f.send(tea.PasteMsg{Content: strings.Repeat("W", 5000)})
	f.press("enter")
	f.see(fmt.Sprintf(f.m.t.TooLong, actionlist.MaxShort))
	f.press("ctrl+u")
	f.typeText("Gemeente Rotterdam")
	f.press("enter")
	for _, bad := range []struct{ typed, sentence string }{
		{"twaalf", f.m.t.AmountWrong},
		{"-5", f.m.t.AmountNegative},
		{"10.000.000,01", f.m.t.AmountTooLarge},
	} {
		f.typeText(bad.typed)
		f.press("enter")
		f.see(bad.sentence, bad.typed)
		f.press("ctrl+u")
	}
	if n := len(f.stored().Debts); n != 12 {
		t.Fatalf("%d debts stored while the form was wrong", n)
	}
	f.typeText("1.234,56")
	f.press("enter", "enter", "enter") // the amount, the kind, the threat
	f.press("enter", "enter", "enter", "enter")
	debts := f.stored().Debts
	if len(debts) != 13 {
		t.Fatalf("%d debts after adding:\n%s", len(debts), f.screen())
	}
	added := debts[12]
	if added.Creditor != "Gemeente Rotterdam" || added.Amount != 123456 || added.State != actionlist.DebtNotAsked {
		t.Fatalf("added %+v", added)
	}
	f.see("Schulden: 6 van 13 bevestigd", "€ 1.234,56", "Gemeente Rotterdam")

	// The cursor is on the new debt: its answer, with the confirmed amount.
	f.press("b", "ctrl+u")
	f.typeText("1200")
	f.press("enter")
	got := f.stored().Debts[12]
	if got.State != actionlist.DebtAnswered || got.Confirmed != 120000 || got.AnsweredOn != testToday {
		t.Fatalf("answered %+v", got)
	}
	f.see("Schulden: 7 van 13 bevestigd", "€ 1.200,00")
	f.press("u")
	if got := f.stored().Debts[12]; got.State != actionlist.DebtNotAsked || got.Confirmed != 0 {
		t.Fatalf("after undo %+v", got)
	}

	f.press("D", "n")
	if n := len(f.stored().Debts); n != 13 {
		t.Fatalf("no to the question removed it: %d", n)
	}
	f.press("D", "y")
	if n := len(f.stored().Debts); n != 12 {
		t.Fatalf("%d debts after removing", n)
	}
	f.press("u")
	if ds := f.stored().Debts; len(ds) != 13 || ds[12].ID != added.ID || ds[12].Amount != 123456 {
		t.Fatalf("undo of the removal: %+v", ds)
	}
}

// The resident view shows how many creditors answered, with no amounts
// and none of the team's notes.
func TestResidentSeesDebtsAsProgress(t *testing.T) {
	f := nl(t)
	f.openCase()
	f.press("r")
	f.see("7 van je 12 schuldeisers hebben al gereageerd")
	f.notSee("Ontruimingsvonnis", "€ 2.415", "Woonstad")
	f.press("r", "c", "down", "down", "down", "v") // asking a balance is no answer: the count stays
	if got := f.m.debts.totals.Responded; got != 7 {
		t.Fatalf("asking a balance made %d answered", got)
	}
	f.press("down", "down", "down")
	if d, _ := f.m.debts.selected(); d.IsConfirmed() {
		t.Fatalf("%s has answered already", d.Creditor)
	}
	f.press("b", "enter") // the chosen creditor answers
	f.press("esc", "r")
	f.see("8 van je 12 schuldeisers hebben al gereageerd")
}

// A debt that threatens the home is offered as a crisis step, once.
func TestThreateningDebtBecomesACrisisStep(t *testing.T) {
	f := nl(t)
	f.openCase()
	f.press("c", "C")
	c := f.stored()
	s := c.Steps[len(c.Steps)-1]
	found := false
	for _, st := range c.Steps {
		if st.Phase == actionlist.PhaseCrisis && strings.Contains(st.Title, "Woonstad Rotterdam") {
			found = true
		}
	}
	if !found {
		t.Fatalf("no crisis step; last step %+v", s)
	}
	f.press("C")
	f.see(f.m.t.NoCrisisStep)
}

// At 80x24 the debts screen shows at least twelve debts; a case of 200
// scrolls, and the chosen one stays in view.
func TestDebtsScreenScrolls(t *testing.T) {
	f := newFixture(t, actionlist.Dutch, 80, 24)
	for i := range 200 {
		if _, err := f.st.AddDebt(ctx, marieke, f.c.ID, actionlist.Debt{Creditor: fmt.Sprintf("Schuldeiser %03d", i),
			Amount: actionlist.Cents(1000 + i), Kind: actionlist.DebtOther, State: actionlist.DebtNotAsked}); err != nil {
			t.Fatal(err)
		}
	}
	f.openCase()
	f.press("c")
	rows := 0
	for _, l := range strings.Split(f.screen(), "\n") {
		if strings.Contains(l, "€ ") && (strings.Contains(l, "gevraagd") || strings.Contains(l, "bevestigd") || strings.Contains(l, "betwist") || strings.Contains(l, "afbetaald")) {
			rows++
		}
	}
	if rows < 12 {
		t.Fatalf("%d debts in view at 80x24:\n%s", rows, f.screen())
	}
	for range 100 {
		f.press("down")
	}
	// The chosen row is in view, marked.
	chosen, _ := f.m.debts.selected()
	cursorLine := ""
	for _, l := range strings.Split(f.screen(), "\n") {
		if strings.Contains(l, "▸") {
			cursorLine = l
		}
	}
	if !strings.Contains(cursorLine, chosen.Creditor) {
		t.Errorf("the chosen debt %q is not the marked line %q", chosen.Creditor, cursorLine)
	}
	f.press("pgdown")
	if f.m.debts.cursor <= 100 {
		t.Errorf("pgdown stayed at %d", f.m.debts.cursor)
	}
}
