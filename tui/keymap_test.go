package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"houvast/actionlist"
	"houvast/store"
)

// allScreens is every screen with keys, named for failures.
var allScreens = []struct {
	s    screen
	name string
}{
	{screenList, "case list"}, {screenCase, "case"}, {screenSteps, "all steps"}, {screenResident, "resident view"},
	{screenVolunteer, "volunteer"}, {screenHistory, "history"}, {screenHelp, "help"},
	{screenAftercare, "aftercare"}, {screenReport, "report"}, {screenConflicts, "conflicts"},
	{screenDebts, "debts"},
	{screenSignals, "signals"},
	{screenAgenda, "agenda"},
}

// wholeHelpPage scrolls the help page from the top to the end, a line at a
// time, and gives its lines below the title.
func (f *fixture) wholeHelpPage() []string {
	f.t.Helper()
	room := f.m.height - 4
	window := func() []string {
		lines := strings.Split(f.screen(), "\n")
		return lines[2 : 2+room]
	}
	var page []string
	last := window()
	for range 500 {
		f.press("down")
		next := window()
		if slices.Equal(next, last) {
			// At the end: the whole window is the page, no "more" line.
			return append(page, last...)
		}
		page = append(page, last[0])
		last = next
	}
	f.t.Fatal("the help page does not end")
	return nil
}

// helpLine is one line of a section on the help page: keys and what they do.
type helpLine struct {
	keys []string
	desc string
}

// sectionOf finds a section title on the page and reads the lines under it
// in its column, up to the blank line that ends it.
func sectionOf(t *testing.T, page []string, title string) []helpLine {
	t.Helper()
	type at struct{ y, x int }
	var found []at
	for y, line := range page {
		for i := 0; i < len(line); {
			j := strings.Index(line[i:], title)
			if j < 0 {
				break
			}
			j += i
			rest := line[j+len(title):]
			if (j == 0 || strings.HasSuffix(line[:j], "  ")) && (strings.TrimSpace(rest) == "" || strings.HasPrefix(rest, "  ")) {
				found = append(found, at{y, ansi.StringWidth(line[:j])})
			}
			i = j + len(title)
		}
	}
	if len(found) != 1 {
		t.Fatalf("section %q found %d times on the help page:\n%s", title, len(found), strings.Join(page, "\n"))
	}
	var out []helpLine
	for _, line := range page[found[0].y+1:] {
		cell := ansi.Cut(line, found[0].x, ansi.StringWidth(line))
		if cell == "" || cell[0] == ' ' {
			break
		}
		keys, rest, _ := strings.Cut(cell, "  ")
		desc, _, _ := strings.Cut(strings.TrimLeft(rest, " "), "  ")
		out = append(out, helpLine{keys: strings.Fields(keys), desc: strings.TrimSpace(desc)})
	}
	return out
}

// The help page lists every key of every screen's table under that
// screen, with what it does there: nothing a screen handles is left off.
func TestHelpPageListsEveryKeyOfEveryScreen(t *testing.T) {
	for _, lang := range actionlist.Langs {
		for _, size := range [][2]int{{120, 40}, {80, 24}} {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, size[0], size[1]), func(t *testing.T) {
				f := newFixture(t, lang, size[0], size[1])
				f.openCase() // so the case's keys are all enabled, for what it is worth
				f.press("?")
				page := f.wholeHelpPage()
				upDown := f.m.t.KeyUp + "/" + f.m.t.KeyDown
				for _, sc := range allScreens {
					table := f.m.keysFor(sc.s)
					if len(table) == 0 {
						t.Fatalf("the %s screen has no key table", sc.name)
					}
					lines := sectionOf(t, page, f.m.helpTitle(sc.s))
					for _, e := range table {
						h := e.help()
						listed := slices.ContainsFunc(lines, func(l helpLine) bool {
							return slices.Contains(l.keys, h.Key) && (l.desc == h.Desc || l.desc == upDown && e.desc == "")
						})
						if !listed {
							t.Errorf("%s: %q (%s) is not on the help page under %q: %+v", sc.name, h.Key, h.Desc, f.m.helpTitle(sc.s), lines)
						}
					}
				}
			})
		}
	}
}

// keyState is a model on one screen, in a state where keys work.
type keyState struct {
	name   string
	screen screen
	setup  func(f *fixture)
}

// withUndo gives the session a change to take back; the undo itself never
// runs in these tests.
func withUndo(f *fixture) {
	f.m.undo = []undoEntry{{label: "x", caseID: f.c.ID, addedStep: "not-a-step"}}
}

// someConflicts puts three made-up differences with a volunteer on the open
// case, on real steps.
func someConflicts(f *fixture) {
	var cs []store.OpenConflict
	for i, s := range f.m.cs.c.Steps[:3] {
		cs = append(cs, store.OpenConflict{EventIDs: []string{fmt.Sprintf("ev-%d", i)}, StepID: s.ID, Title: s.Title,
			Fields: []store.ConflictField{{Field: "title", Kept: s.Title, Offered: s.Title + " (Sanne)"}},
			By:     actionlist.Actor{Name: "Sanne", Role: actionlist.RoleVolunteer}})
	}
	f.m.cs.conflicts = cs
}

// keyStates cover every screen: cursors at the top and in the middle, so
// that up and down both move somewhere, and with every optional key on.
func keyStates() []keyState {
	middle := func(f *fixture) {
		f.openCase()
		f.press("down")
		withUndo(f)
		someConflicts(f)
		f.m.o.Summaries = &fakeSummaries{}
		f.m.cs.scroll = 3
	}
	threeCases := func(f *fixture) {
		for _, name := range []string{"Kees", "Noor"} {
			if _, err := f.st.CreateCase(ctx, marieke, actionlist.Case{Name: name, Status: actionlist.CaseIntake, Language: actionlist.CaseDutch, Dose: 3}); err != nil {
				f.t.Fatal(err)
			}
		}
		f.run(f.m.loadCases())
		f.m.list.cursor = 1
	}
	return []keyState{
		{"no case open", screenList, func(f *fixture) {}},
		{"three cases, the middle one chosen", screenList, threeCases},
		{"a step chosen in Now", screenCase, func(f *fixture) { f.openCase() }},
		{"the second step chosen, with undo, conflicts and summaries", screenCase, middle},
		{"all steps, one in the middle chosen", screenSteps, func(f *fixture) {
			middle(f)
			f.press("s")
			f.m.steps.cursor = 5
		}},
		{"all steps, filtered to none", screenSteps, func(f *fixture) {
			f.openCase()
			f.press("s")
			f.m.steps.state = actionlist.StepWaiting
			f.m.steps.cursor = 0
		}},
		{"resident view", screenResident, func(f *fixture) { f.openCase(); f.press("r") }},
		{"resident view, longer than the window", screenResident, func(f *fixture) { longResidentView(f); f.press("r") }},
		{"resident view, scrolled down", screenResident, func(f *fixture) { longResidentView(f); f.press("r", "pgdown") }},
		{"volunteer view from the list", screenVolunteer, func(f *fixture) {
			f.press("v")
			f.press("down")
			withUndo(f)
		}},
		{"volunteer start", screenVolunteer, func(f *fixture) {
			f.m.o.Volunteer = true
			f.m.screen = screenVolunteer
			f.run(f.m.loadVolunteer())
			f.press("down")
			withUndo(f)
		}},
		{"history, scrolled a little", screenHistory, func(f *fixture) {
			f.openCase()
			f.press("h")
			f.m.hist.events = slices.Repeat(f.m.hist.events[:1], 100)
			f.m.hist.offset = 1
		}},
		{"help, scrolled a little", screenHelp, func(f *fixture) {
			f.openCase()
			f.press("?", "down")
		}},
		{"aftercare, the middle check-in chosen", screenAftercare, func(f *fixture) {
			f.press("A")
			for _, s := range f.c.Steps[:3] {
				f.m.over.checkIns = append(f.m.over.checkIns, actionlist.CheckIn{CaseID: f.c.ID, Ref: f.c.Ref, Name: f.c.Name, Step: s})
			}
			f.m.over.cursor = 1
		}},
		{"report, scrolled a little", screenReport, func(f *fixture) {
			f.press("R")
			f.m.over.report = slices.Repeat([]string{"regel"}, 100)
			f.m.over.offset = 1
		}},
		{"debts, the rent arrears chosen", screenDebts, func(f *fixture) {
			f.openCase()
			f.press("c")
		}},
		{"debts, the second chosen, with undo", screenDebts, func(f *fixture) {
			middle(f)
			f.press("c", "down")
		}},
		{"conflicts, the middle one chosen", screenConflicts, func(f *fixture) {
			middle(f)
			f.press("K")
			f.m.cs.conflictCursor = 1
		}},
		{"agenda from the list, the second item chosen", screenAgenda, func(f *fixture) { fillAgenda(f); f.press("a", "down") }},
		{"agenda after a tick-off, with undo", screenAgenda, func(f *fixture) { fillAgenda(f); f.press("a", "down", "space") }},
		{"agenda Houvast started on", screenAgenda, func(f *fixture) {
			fillAgenda(f)
			f.press("a")
			f.m.o.StartAgenda, f.m.agendaFromList = true, false
		}},
		{"signals, the middle one chosen", screenSignals, func(f *fixture) {
			addTestSignals(f, 3)
			f.press("V")
			f.m.sig.cursor = 1
		}},
	}
}

// stateOf sets a key state up on a fresh model.
func stateOf(t *testing.T, ks keyState) *fixture {
	t.Helper()
	f := newFixture(t, actionlist.Dutch, 80, 24)
	ks.setup(f)
	if f.m.screen != ks.screen {
		t.Fatalf("%s: on screen %d, want %d", ks.name, f.m.screen, ks.screen)
	}
	return f
}

// Two entries of a table that work at the same time never share a key: the
// second would never run, while the footer and the help page offer it.
func TestNoTwoWorkingEntriesShareAKey(t *testing.T) {
	for _, ks := range keyStates() {
		m := stateOf(t, ks).m
		for _, sc := range allScreens {
			seen := map[string]string{}
			for _, e := range m.keysFor(sc.s) {
				if !e.enabled(m) {
					continue
				}
				for _, k := range e.key.Keys() {
					if other, ok := seen[k]; ok {
						t.Errorf("%s, %s screen: %q is both %q and %q", ks.name, sc.name, k, other, e.help().Desc)
					}
					seen[k] = e.help().Desc
				}
			}
		}
	}
}

// Every key of every table does something on its screen: pressed through
// Update in a state where its entry works, it changes the model or asks
// for a command, never falling through unnoticed. Every entry must work in
// one of the states, so a new key needs a state here.
func TestEveryTableKeyIsHandled(t *testing.T) {
	handled := map[screen]map[int]bool{}
	enabled := map[screen]map[int]bool{}
	for _, ks := range keyStates() {
		base := stateOf(t, ks).m
		before := fmt.Sprintf("%+v", base)
		if handled[ks.screen] == nil {
			handled[ks.screen], enabled[ks.screen] = map[int]bool{}, map[int]bool{}
		}
		for i, e := range base.keysFor(ks.screen) {
			if !e.enabled(base) {
				continue
			}
			enabled[ks.screen][i] = true
			all := true
			for _, k := range e.key.Keys() {
				next, cmd := base.Update(keyMsg(k))
				if cmd == nil && fmt.Sprintf("%+v", next.(Model)) == before {
					all = false
				}
			}
			if all {
				handled[ks.screen][i] = true
			}
		}
	}
	m := newFixture(t, actionlist.Dutch, 80, 24).m
	for _, sc := range allScreens {
		for i, e := range m.keysFor(sc.s) {
			h := e.help()
			switch {
			case !enabled[sc.s][i]:
				t.Errorf("%s screen: %q (%s) works in none of the test's states", sc.name, h.Key, h.Desc)
			case !handled[sc.s][i]:
				t.Errorf("%s screen: %q (%s) does nothing in every state it works in", sc.name, h.Key, h.Desc)
			}
		}
	}
}

// A key that does not work now says why when its entry knows, and the
// footer leaves it out.
func TestAKeyThatDoesNotWorkSaysWhy(t *testing.T) {
	f := newFixture(t, actionlist.Dutch, 120, 40)
	f.openCase()
	f.press("s", "F", "F", "F") // a state no step is in
	if len(f.m.stepRows()) != 0 {
		t.Fatalf("the filter left %d steps", len(f.m.stepRows()))
	}
	f.press("space")
	f.see(f.m.t.NotInNow)
	footer := strings.Split(f.screen(), "\n")[f.m.height-1]
	if strings.Contains(footer, f.m.t.KeyTick) {
		t.Errorf("the footer offers a tick with no step chosen: %q", footer)
	}
	f.press("u")
	f.see(f.m.t.NothingUndoHere)
}

// Moving down on an empty filtered list keeps the cursor on the list, so
// the next frame has a row to draw or none, never one before the first.
func TestAllStepsDownOnAnEmptyFilter(t *testing.T) {
	f := newFixture(t, actionlist.Dutch, 120, 40)
	f.openCase()
	f.press("s", "F", "F", "F")
	for _, k := range []string{"down", "pgdown", "up", "pgup"} {
		f.press(k)
		if f.m.steps.cursor != 0 {
			t.Fatalf("%s: cursor %d on an empty list", k, f.m.steps.cursor)
		}
		f.see(f.m.t.StepsEmpty)
	}
}

// longResidentView opens the case with seven steps in Now, more than the
// resident view shows at once at 80x24.
func longResidentView(f *fixture) {
	f.openCase()
	f.press("d", "right", "right", "right", "right", "enter")
}
