package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"houvast/actionlist"
	"houvast/casework"
	"houvast/demo"
	"houvast/store"
)

// newCaseFixture is newFixture with screens in one language and the demo
// case in another.
func newCaseFixture(t *testing.T, screens, kase actionlist.Lang, width, height int) *fixture {
	t.Helper()
	st, err := store.OpenMemory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c, err := demo.Case(kase, testToday, counterIDs()).Replay(ctx, st, func(at time.Time) { st.Now = func() time.Time { return at } })
	if err != nil {
		t.Fatal(err)
	}
	st.Now = func() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC) }
	busy := &busyStore{s: st}
	m := New(Options{Store: busy, Lang: screens, Actor: marieke, Today: func() actionlist.Date { return testToday }, Watch: -1, Sentence: casework.Sentence})
	f := &fixture{t: t, m: m, st: st, busy: busy, c: c}
	f.send(tea.WindowSizeMsg{Width: width, Height: height})
	f.run(m.Init())
	return f
}

// setDose sets the open case's dose with d, as a person does.
func (f *fixture) setDose(n int) {
	f.t.Helper()
	f.press("d")
	for cur := f.m.cs.c.Dose; cur < n; cur++ {
		f.press("right")
	}
	for cur := f.m.cs.c.Dose; cur > n; cur-- {
		f.press("left")
	}
	f.press("enter")
	if got := f.stored().Dose; got != n {
		f.t.Fatalf("dose %d, want %d", got, n)
	}
}

// plainScreen is the screen without colours.
func (f *fixture) plainScreen() string { return ansi.Strip(f.screen()) }

// nowInView checks that the Now header and every step in Now are on the
// screen: each step's title line and its who-and-when line.
func nowInView(t *testing.T, f *fixture, what string) {
	t.Helper()
	screen := f.plainScreen()
	lines := strings.Split(screen, "\n")
	header := fmt.Sprintf(f.m.t.NowCount, len(f.m.cs.dosing.Now), len(f.m.cs.dosing.Now)+f.m.cs.dosing.LaterTotal)
	under := len(f.m.caseHeader()) // the title, the rule, the debts and any clock
	if under >= len(lines) || !strings.HasPrefix(lines[under], f.m.t.Now+"  "+header) {
		t.Fatalf("%s: the Now header is not under the case header:\n%s", what, screen)
	}
	for i, s := range f.m.cs.dosing.Now {
		title := []rune(clean(s.Title))
		head := string(title[:min(len(title), 30)])
		at := strings.Index(screen, head)
		if at < 0 {
			t.Fatalf("%s: step %d %q is not in view:\n%s", what, i+1, head, screen)
		}
		if next := strings.SplitN(screen[at:], "\n", 3); len(next) < 2 || !strings.Contains(next[1], ownerText(s, f.m.lang)) {
			t.Fatalf("%s: step %d is cut off after its title:\n%s", what, i+1, screen)
		}
	}
}

// Every dose from 1 to 7 fits a window of 80x24: Now in view with its
// header and every step whole, wherever the cursor is, also with a long
// "why now" in the status line.
func TestEveryDoseFitsAt80x24(t *testing.T) {
	for _, lang := range actionlist.Langs {
		f := newFixture(t, lang, 80, 24)
		f.openCase()
		for n := actionlist.MinDose; n <= actionlist.MaxDose; n++ {
			f.setDose(n)
			if len(f.m.cs.dosing.Now) != n {
				t.Fatalf("dose %d: %d steps in Now", n, len(f.m.cs.dosing.Now))
			}
			for i := range n {
				nowInView(t, f, fmt.Sprintf("%s, dose %d, step %d chosen", lang, n, i+1))
				f.press("i")
				nowInView(t, f, fmt.Sprintf("%s, dose %d, step %d, why now", lang, n, i+1))
				f.press("down")
			}
			for range n {
				f.press("up")
			}
		}
	}
}

// Now at 80x24 with doses 1, 3 and 7, the cursor on the last step.
func TestGoldenDoses(t *testing.T) {
	for _, n := range []int{1, 3, 7} {
		t.Run(fmt.Sprintf("dose%d_nl_80x24", n), func(t *testing.T) {
			f := newFixture(t, actionlist.Dutch, 80, 24)
			f.send(background(true))
			f.openCase()
			f.setDose(n)
			f.send(freshExpiredMsg{ids: mapKeys(f.m.cs.fresh)})
			for range n - 1 {
				f.press("down")
			}
			nowInView(t, f, fmt.Sprintf("dose %d", n))
			golden.RequireEqual(t, f.m.View().Content)
		})
	}
}

func mapKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// The resident view is in the case's language whatever the screens' is,
// and wraps every text whole at any width from 80 columns.
func TestResidentViewWrapsWholeInTheCasesLanguage(t *testing.T) {
	f := newCaseFixture(t, actionlist.English, actionlist.Dutch, 80, 24)
	f.openCase()
	f.setDose(7)
	f.press("r")
	nl := textFor(actionlist.Dutch)
	for w := 80; w <= 160; w += 7 {
		f.send(tea.WindowSizeMsg{Width: w, Height: 24})
		body := ansi.Strip(strings.Join(f.m.residentBody(), "\n"))
		if strings.Contains(body, "…") {
			t.Fatalf("width %d: a text is cut:\n%s", w, body)
		}
		for _, s := range f.m.cs.dosing.Now {
			if !strings.Contains(strings.Join(strings.Fields(body), " "), clean(s.Title)) {
				t.Errorf("width %d: the title %q is not whole", w, s.Title)
			}
		}
		if !strings.Contains(body, fmt.Sprintf(nl.ResidentHello, "Fatima")) || !strings.Contains(body, nl.ResidentWho+":") {
			t.Fatalf("width %d: not in Dutch:\n%s", w, body)
		}
		if strings.Contains(body, english.ResidentWho+":") {
			t.Fatalf("width %d: English words in a Dutch case's view", w)
		}
	}
	f.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	f.see("r/esc " + nl.ResidentBack)
	// Longer than the window: it scrolls to the end and back.
	f.see("↓ pgdown")
	for range 10 {
		f.press("pgdown")
	}
	f.notSee("↓ pgdown")
	f.see(nl.ResidentSoFar[:10])
	f.press("pgup", "pgup", "pgup", "pgup")
	f.see(fmt.Sprintf(nl.ResidentHello, "Fatima"))
}

// The resident view at 80 columns, English screens on a Dutch case: the
// top, and scrolled to the end.
func TestGoldenResidentView(t *testing.T) {
	for _, sc := range []struct {
		name string
		keys []string
	}{{"top", nil}, {"end", []string{"pgdown", "pgdown", "pgdown", "pgdown"}}} {
		t.Run("resident_en-screens_nl-case_80x24_dose7_"+sc.name, func(t *testing.T) {
			f := newCaseFixture(t, actionlist.English, actionlist.Dutch, 80, 24)
			f.send(background(true))
			f.openCase()
			f.setDose(7)
			f.press("r")
			f.press(sc.keys...)
			golden.RequireEqual(t, f.m.View().Content)
		})
	}
}

// i says why the chosen step is in Now, from the dose's own reason; on the
// list of all steps it says why a step is not.
func TestWhyNow(t *testing.T) {
	f := nl(t)
	f.openCase()
	sel, _ := f.m.cs.selected()
	f.press("i")
	if want := reasonText(f.m.cs.dosing.Why[sel.ID], f.m, f.m.t); want == "" || f.m.status.text != want {
		t.Fatalf("status %q, want %q", f.m.status.text, want)
	}
	f.see("In Nu omdat de datum voorbij is")
	f.press("down", "i")
	f.see("In Nu omdat deze stap al begonnen is")
	f.press("p", "i")
	f.see("In Nu omdat je deze stap hebt vastgezet")
	// Not in Now: the reasons on the list of all steps.
	f.press("s")
	for _, st := range f.m.stepRows() {
		r, ok := f.m.cs.dosing.Why[st.ID]
		if ok && !r.Place.InNow() {
			for f.m.steps.cursor < len(f.m.stepRows())-1 {
				if row, _ := f.m.chosenRow(); row.ID == st.ID {
					break
				}
				f.press("down")
			}
			f.press("i")
			if want := reasonText(r, f.m, f.m.t); f.m.status.text != want || !strings.HasPrefix(want, "Niet in Nu") {
				t.Fatalf("status %q, want %q", f.m.status.text, want)
			}
			return
		}
	}
	t.Fatal("no step outside Now to ask about")
}

// W takes the resident's own plan for one of their steps; it shows with
// the step, in the resident view and in the history, and only the
// resident's steps have one.
func TestWhenAndWhere(t *testing.T) {
	f := nl(t)
	f.openCase()
	sel, _ := f.m.cs.selected()
	if !residentsStep(sel) {
		t.Fatalf("the first step in Now is not the resident's: %s", sel.Owner)
	}
	f.press("W")
	f.see("Wanneer en waar doe je het?")
	f.typeText("maandagochtend aan de keukentafel, met Sanne")
	f.press("enter")
	f.typeText("dan bel ik Sanne")
	f.press("enter")
	got, _ := f.stored().StepByID(sel.ID)
	if got.WhenWhere != "maandagochtend aan de keukentafel, met Sanne" || got.IfNot != "dan bel ik Sanne" {
		t.Fatalf("stored %q, %q", got.WhenWhere, got.IfNot)
	}
	f.see("Wanneer en waar: maandagochtend aan de keukentafel, met Sanne", "Lukt het niet: dan bel ik Sanne")
	f.press("r")
	f.see("Wanneer en waar: maandagochtend aan de keukentafel, met Sanne", "Lukt het niet: dan bel ik Sanne")
	f.press("r", "h")
	f.see("· wanneer en", "· als het ni") // the history names the fields
	f.press("esc")
	for i, s := range f.m.cs.dosing.Now {
		if !residentsStep(s) {
			f.m.cs.cursor = i
			f.press("W")
			if f.m.form != nil || f.m.status.text != f.m.t.PlanOnlyResident {
				t.Fatalf("W on a %s's step: form %v, status %q", s.Owner, f.m.form != nil, f.m.status.text)
			}
			return
		}
	}
	t.Fatal("no step in Now is someone else's than the resident's: W's refusal was not tried")
}

// toPlanPage goes through e's form with enter, keeping every field, to the
// page with the resident's plan; false if the form saved without one.
func toPlanPage(f *fixture) bool {
	f.t.Helper()
	for range 20 {
		if f.m.form == nil {
			return false
		}
		if strings.Contains(f.screen(), f.m.t.FieldWhenWhere) {
			return true
		}
		f.press("enter")
	}
	return false
}

// e edits the resident's plan too, on a page after the notes: one save,
// with a history event for each field changed and one undo for all of it.
// A step of someone else's asks for no plan, unless it still has one.
func TestEditStepPlan(t *testing.T) {
	f := nl(t)
	f.openCase()
	sel, _ := f.m.cs.selected()
	if !residentsStep(sel) || sel.WhenWhere != "" || sel.IfNot != "" {
		t.Fatalf("the first step in Now is not the resident's, or has a plan: %+v", sel)
	}
	before, _ := f.st.Events(ctx, f.c.ID)
	undos := len(f.m.undo)
	f.press("e", "ctrl+u")
	f.typeText("Bel het CJIB")
	if !toPlanPage(f) {
		t.Fatalf("e asks no when and where:\n%s", f.screen())
	}
	f.see(f.m.t.FieldWhenWhereHint, f.m.t.FieldIfNot, f.m.t.FieldIfNotHint)
	f.typeText("dinsdagavond thuis, met Sanne")
	f.press("enter")
	f.typeText("dan bel ik Sanne")
	f.press("enter")
	got, _ := f.stored().StepByID(sel.ID)
	if got.Title != "Bel het CJIB" || got.WhenWhere != "dinsdagavond thuis, met Sanne" || got.IfNot != "dan bel ik Sanne" {
		t.Fatalf("stored %q, %q, %q", got.Title, got.WhenWhere, got.IfNot)
	}
	f.see("Stap opgeslagen", "Wanneer en waar: dinsdagavond thuis, met Sanne", "Lukt het niet: dan bel ik Sanne")
	after, _ := f.st.Events(ctx, f.c.ID)
	var fields []string
	for _, e := range after[:len(after)-len(before)] {
		if e.EntityID != sel.ID || e.Action != actionlist.ActionChanged {
			t.Errorf("event %+v", e)
		}
		fields = append(fields, e.Field)
	}
	slices.Sort(fields)
	if want := []string{"if_not", "title", "when_where"}; !slices.Equal(fields, want) {
		t.Fatalf("events for %v, want %v", fields, want)
	}
	if len(f.m.undo) != undos+1 {
		t.Fatalf("%d undo entries for one save", len(f.m.undo)-undos)
	}
	f.press("u")
	if got, _ := f.stored().StepByID(sel.ID); !slices.Equal(actionlist.StepValues(*got), actionlist.StepValues(sel)) {
		t.Fatalf("one undo left %q, %q, %q", got.Title, got.WhenWhere, got.IfNot)
	}
	// Someone else's step with no plan: the notes' page is the last.
	for i, s := range f.m.cs.dosing.Now {
		if residentsStep(s) {
			continue
		}
		f.m.cs.cursor = i
		f.press("e")
		if toPlanPage(f) {
			t.Fatalf("e asks a plan for a %s's step", s.Owner)
		}
		// One that still has a plan from when it was the resident's shows it.
		planned := s
		planned.WhenWhere = "vrijdag op het stadhuis"
		if _, err := f.st.UpdateStep(ctx, marieke, s, planned); err != nil {
			t.Fatal(err)
		}
		f.send(watchTickMsg{})
		f.press("e")
		if !toPlanPage(f) {
			t.Fatalf("e hides the plan of a %s's step", s.Owner)
		}
		f.see("vrijdag op het stadhuis")
		return
	}
	t.Fatal("no step in Now is someone else's")
}

// A plan over its limit in e gets the sentence W gives; the form stays
// open with what was typed, and nothing of it is saved.
func TestEditStepPlanTooLong(t *testing.T) {
	f := nl(t)
	f.openCase()
	sel, _ := f.m.cs.selected()
	tooLong := fmt.Sprintf(f.m.t.TooLong, actionlist.MaxPlan)
	long := strings.Repeat("a", actionlist.MaxPlan+50)
	f.press("W")
	f.send(tea.PasteMsg{Content: long})
	f.press("enter")
	f.see(tooLong)
	f.press("esc")
	for field := range 2 { // when and where, then if not
		f.press("e", "ctrl+u")
		f.typeText("Niet bewaren")
		if !toPlanPage(f) {
			t.Fatalf("e asks no when and where:\n%s", f.screen())
		}
		for range field {
			f.press("enter")
		}
		f.send(tea.PasteMsg{Content: long})
		f.press("enter")
		if f.m.form == nil {
			t.Fatalf("field %d: the form closed on an over-long plan", field)
		}
		f.see(tooLong, strings.Repeat("a", 40))
		if got, _ := f.stored().StepByID(sel.ID); !slices.Equal(actionlist.StepValues(*got), actionlist.StepValues(sel)) {
			t.Fatalf("field %d: saved %q, %q, %q", field, got.Title, got.WhenWhere, got.IfNot)
		}
		f.press("esc")
	}
}

// e's page with the plan fits 80x24 in both languages: both questions and
// their hints whole, the footer in view, also with the sentence about a
// text too long under them.
func TestEditStepPlanFitsAt80x24(t *testing.T) {
	for _, lang := range actionlist.Langs {
		f := newFixture(t, lang, 80, 24)
		f.openCase()
		f.press("e")
		if !toPlanPage(f) {
			t.Fatalf("%s: e asks no when and where:\n%s", lang, f.screen())
		}
		tt := f.m.t
		check := func(what string, more ...string) {
			t.Helper()
			lines := strings.Split(f.screen(), "\n")
			if len(lines) != 24 || !strings.HasPrefix(lines[0], tt.App+" › "+tt.EditTitle) || lines[23] != fit(tt.FormHelp, 80) {
				t.Fatalf("%s, %s: not one window of 80x24 with its title and footer:\n%s", lang, what, f.screen())
			}
			f.see(append([]string{tt.FieldWhenWhere, tt.FieldWhenWhereHint, tt.FieldIfNot, tt.FieldIfNotHint}, more...)...)
		}
		check("the plan's page")
		f.press("enter")
		f.send(tea.PasteMsg{Content: strings.Repeat("a", actionlist.MaxPlan+1)})
		f.press("enter")
		check("a text too long", fmt.Sprintf(tt.TooLong, actionlist.MaxPlan))
	}
}
