package tui

import (
	"fmt"
	"math/rand/v2"
	"testing"

	tea "charm.land/bubbletea/v2"

	"houvast/actionlist"
	"houvast/demo"
	"houvast/store"
)

// These measure one key press (Update plus View) against the budget of
// docs/design.md: under 2 ms. Timings never fail a test; bench/compare.sh and
// BENCHMARKS.md report them.

func benchCase(b *testing.B, steps int) Model {
	b.Helper()
	st, err := store.OpenMemory(ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	c := demo.Synthetic(rand.New(rand.NewPCG(1, 2)), 1, steps, testToday, counterIDs())
	c.Status, c.Dose = actionlist.CaseStabilisation, 5
	c, err = st.CreateCase(ctx, marieke, c)
	if err != nil {
		b.Fatal(err)
	}
	m := New(Options{Store: st, Lang: actionlist.Dutch, Actor: marieke, Today: func() actionlist.Date { return testToday }, Watch: -1})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	next, _ = next.(Model).Update(caseLoadedMsg{c: c})
	return next.(Model)
}

func keyPress(b *testing.B, m Model, keys ...tea.KeyPressMsg) Model {
	b.Helper()
	for i := 0; b.Loop(); i++ {
		next, _ := m.Update(keys[i%len(keys)])
		m = next.(Model)
		_ = m.View()
	}
	return m
}

func BenchmarkCaseKey500(b *testing.B) {
	m := benchCase(b, 500)
	keyPress(b, m, keyMsg("down"), keyMsg("up"))
}

func BenchmarkAllStepsKey500(b *testing.B) {
	m := benchCase(b, 500)
	next, _ := m.Update(keyMsg("s"))
	keyPress(b, next.(Model), keyMsg("down"), keyMsg("down"), keyMsg("up"))
}

// The state change of a tick-off on 500 steps, without the save itself
// (that runs in a command, off the screen's goroutine).
func BenchmarkTickOffUpdate500(b *testing.B) {
	m := benchCase(b, 500)
	for b.Loop() {
		next, _ := m.Update(keyMsg("space"))
		_ = next.(Model).View()
	}
}

// The saved result arriving: Now refills, progress is recounted.
func BenchmarkTickOffApply500(b *testing.B) {
	m := benchCase(b, 500)
	sel, _ := m.cs.selected()
	done := actionlist.TickOff(sel, testToday, "x")
	for b.Loop() {
		next, _ := m.Update(stepsSavedMsg{steps: []actionlist.Step{done}, report: "ok"})
		_ = next.(Model).View()
	}
}

func BenchmarkVolunteerKey20000(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	ids := counterIDs()
	var items []store.OwnedStep
	for n := 0; len(items) < 20000; n++ {
		c := demo.Synthetic(rng, n, 40, testToday, ids)
		for _, s := range c.Steps {
			s.Owner = actionlist.RoleVolunteer
			items = append(items, store.OwnedStep{CaseID: c.Ref, CaseRef: c.Ref, CaseName: c.Name, Step: s})
		}
	}
	m := New(Options{Lang: actionlist.Dutch, Actor: marieke, Today: func() actionlist.Date { return testToday }, Watch: -1, Volunteer: true})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	next, _ = next.(Model).Update(volunteerLoadedMsg{steps: items[:20000]})
	m = next.(Model)
	m.vol.cursor = 10000
	keyPress(b, m, keyMsg("down"), keyMsg("up"))
}

// A key press on the debts screen of a case with 200 debts.
func BenchmarkDebtsKey200(b *testing.B) {
	m := benchCase(b, 70)
	for i := range 200 {
		m.cs.c.Debts = append(m.cs.c.Debts, actionlist.Debt{ID: fmt.Sprintf("d%03d", i), Creditor: fmt.Sprintf("Schuldeiser %03d", i),
			Reference: fmt.Sprintf("REF-%05d", i), Amount: actionlist.Cents(1000 + 997*i), Kind: actionlist.DebtKinds[i%len(actionlist.DebtKinds)],
			State: actionlist.DebtStates[i%len(actionlist.DebtStates)], AskedOn: testToday.AddDays(-i % 40)})
	}
	next, _ := m.Update(keyMsg("c"))
	m = next.(Model)
	m.debts.cursor = 100
	keyPress(b, m, keyMsg("down"), keyMsg("down"), keyMsg("up"), keyMsg("s"))
}

// A key press on the signals screen with 5,000 open signals: moving down
// and up the list, with the selected signal's detail and advice drawn.
func BenchmarkSignalsKey5000(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	list := demo.SyntheticSignals(rng, 5000, testToday)
	ids := counterIDs()
	for i := range list {
		list[i].ID = ids()
		list[i].Outcome, list[i].ClosedOn = actionlist.OutcomeOpen, actionlist.Date{}
	}
	actionlist.SortByUrgency(list)
	m := New(Options{Lang: actionlist.Dutch, Actor: marieke, Today: func() actionlist.Date { return testToday }, Watch: -1})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m = next.(Model)
	m.screen = screenSignals
	next, _ = m.Update(signalsLoadedMsg{list: list})
	m = next.(Model)
	m.sig.cursor = 2500
	keyPress(b, m, keyMsg("down"), keyMsg("down"), keyMsg("up"))
}
