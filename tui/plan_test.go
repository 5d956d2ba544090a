package tui

import (
	"fmt"
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
}
