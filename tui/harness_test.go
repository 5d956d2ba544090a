package tui

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"houvast/actionlist"
	"houvast/casework"
	"houvast/demo"
	"houvast/store"
)

func TestMain(m *testing.M) {
	time.Local = time.UTC // appointment and event times print the same everywhere
	os.Exit(m.Run())
}

var (
	ctx       = context.Background()
	testToday = actionlist.MustDate("2026-11-23") // a Monday
	marieke   = actionlist.Actor{Name: "Marieke", Role: actionlist.RoleSpecialist}
)

// counterIDs gives predictable identities, so screens render the same.
func counterIDs() func() string {
	n := 0
	return func() string { n++; return fmt.Sprintf("id-%04d", n) }
}

// fixture is a model on an in-memory store holding the demo case.
type fixture struct {
	t    testing.TB
	m    Model
	st   *store.Store
	busy *busyStore
	c    actionlist.Case
	quit bool
}

func newFixture(t testing.TB, lang actionlist.Lang, width, height int) *fixture {
	t.Helper()
	st, err := store.OpenMemory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return newFixtureOn(t, st, lang, width, height)
}

// newFixtureOn is newFixture on a store of the test's choosing (a file, to
// replace under it).
func newFixtureOn(t testing.TB, st *store.Store, lang actionlist.Lang, width, height int) *fixture {
	t.Helper()
	ex := demo.Case(lang, testToday, counterIDs())
	c, err := ex.Replay(ctx, st, func(at time.Time) { st.Now = func() time.Time { return at } })
	if err != nil {
		t.Fatal(err)
	}
	st.Now = func() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC) }
	busy := &busyStore{s: st}
	m := New(Options{
		Store: busy, Lang: lang, Actor: marieke, Signals: busy,
		Today:    func() actionlist.Date { return testToday },
		Watch:    -1,
		Sentence: casework.Sentence,
	})
	f := &fixture{t: t, m: m, st: st, busy: busy, c: c}
	f.send(tea.WindowSizeMsg{Width: width, Height: height})
	f.run(m.Init())
	return f
}

// send gives the model one message and runs what it asks for.
func (f *fixture) send(msg tea.Msg) {
	f.t.Helper()
	f.loop(msg, nil)
}

// run executes a command as the program would, feeding its messages back.
func (f *fixture) run(cmd tea.Cmd) {
	f.t.Helper()
	f.loop(nil, cmd)
}

// youngFor is how long a command counts as just started, so the loop waits
// for it: on a loaded CI machine, under the race detector, a store call can
// take longer than that to begin.
var youngFor = func() time.Duration {
	if os.Getenv("CI") != "" {
		return 150 * time.Millisecond
	}
	return 30 * time.Millisecond
}()

// loop is a small event loop like bubbletea's: commands run concurrently and
// their messages go back into Update one at a time. It returns once no
// message is waiting, no store call is running, and every command still
// running has been going for a while without one: those are ticks and
// cursor blinks.
func (f *fixture) loop(first tea.Msg, cmd tea.Cmd) {
	f.t.Helper()
	msgs := make(chan tea.Msg, 256)
	var running sync.Map // *time.Time of each command still running
	start := func(c tea.Cmd) {
		if c == nil {
			return
		}
		began := new(time.Time)
		*began = time.Now()
		running.Store(began, true)
		go func() {
			defer running.Delete(began)
			if m := c(); m != nil {
				msgs <- m
			}
		}()
	}
	busy := func() bool {
		if f.busy != nil && f.busy.busy.Load() > 0 {
			return true
		}
		young := false
		running.Range(func(k, _ any) bool {
			if time.Since(*k.(*time.Time)) < youngFor {
				young = true
			}
			return !young
		})
		return young
	}
	handle := func(msg tea.Msg) {
		// tea.Batch and tea.Sequence hand back lists of commands.
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
			for i := range v.Len() {
				start(v.Index(i).Interface().(tea.Cmd))
			}
			return
		}
		if _, ok := msg.(tea.QuitMsg); ok {
			f.quit = true
			return
		}
		next, c := f.m.Update(msg)
		f.m = next.(Model)
		start(c)
	}
	if first != nil {
		handle(first)
	}
	start(cmd)
	for {
		select {
		case msg := <-msgs:
			handle(msg)
		case <-time.After(5 * time.Millisecond):
			if !busy() && len(msgs) == 0 {
				return
			}
		}
	}
}

// keyMsg makes a key press from the name bubbletea gives it.
func keyMsg(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+u":
		return tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// press sends keys by name: press("down", "enter").
func (f *fixture) press(keys ...string) {
	f.t.Helper()
	for _, k := range keys {
		f.send(keyMsg(k))
	}
}

// typeText types text one key at a time.
func (f *fixture) typeText(s string) {
	f.t.Helper()
	for _, r := range s {
		if r == ' ' {
			f.send(keyMsg("space"))
			continue
		}
		f.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// screen is the view as plain text, as a person reads it.
func (f *fixture) screen() string {
	return ansi.Strip(f.m.View().Content)
}

func (f *fixture) see(want ...string) {
	f.t.Helper()
	s := f.screen()
	for _, w := range want {
		if !strings.Contains(s, w) {
			f.t.Fatalf("the screen does not show %q:\n%s", w, s)
		}
	}
}

func (f *fixture) notSee(bad ...string) {
	f.t.Helper()
	s := f.screen()
	for _, b := range bad {
		if strings.Contains(s, b) {
			f.t.Fatalf("the screen shows %q:\n%s", b, s)
		}
	}
}

// stored reads the demo case back from the store.
func (f *fixture) stored() actionlist.Case {
	f.t.Helper()
	c, err := f.st.Case(ctx, f.c.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

func (f *fixture) openCase() {
	f.t.Helper()
	f.press("enter")
	if f.m.screen != screenCase {
		f.t.Fatalf("enter did not open the case:\n%s", f.screen())
	}
}

func storeEdits(before, after actionlist.Step) []store.StepEdit {
	return []store.StepEdit{{Before: before, After: after}}
}
