package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"houvast/actionlist"
	"houvast/store"
)

// Only colour codes (SGR: ESC [ ... m) may reach the terminal; anything else
// would be a title, a cursor move, a screen clear, a bell or a hyperlink that
// someone typed or imported.
var onlySGR = regexp.MustCompile(`\x1b(\[[0-9;:]*m)?`)

func assertHarmless(t *testing.T, view string, width, height int) {
	t.Helper()
	for _, m := range onlySGR.FindAllString(view, -1) {
		if m == "\x1b" {
			t.Fatalf("an escape sequence other than colour reached the screen:\n%q", view)
		}
	}
	if strings.ContainsAny(view, "\x07\x00\r\x08") {
		t.Fatalf("a control character reached the screen:\n%q", view)
	}
	lines := strings.Split(view, "\n")
	if len(lines) != height {
		t.Errorf("%d lines on a screen of %d", len(lines), height)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("line %d is %d wide on a screen of %d: %q", i, w, width, ansi.Strip(l))
		}
	}
}

var hostile = []string{
	"Evil\x1b]0;gehackt\x07 title",            // sets the window title
	"Clear\x1b[2J\x1b[H screen",               // clears the screen
	"Link \x1b]8;;http://x.invalid\x1b\\here", // a hyperlink
	"Bell\x07\x07 and NUL\x00",
	"مرحبا بك في هوفاست", // right to left
	"\u202eesrever",      // a direction override
	"Zoë e\u0301e\u0301n combining",
	"日本語の長いタイトルはとても幅が広いです。日本語の長いタイトルはとても幅が広いです。",
	"👩‍👩‍👧 family emoji 👍🏽",
	strings.Repeat("W", actionlist.MaxTitle),
}

// Names and titles from a typed or imported file show harmlessly and keep
// the layout aligned, on every screen.
func TestHostileTextIsShownHarmlessly(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			f := newFixture(t, actionlist.Dutch, size[0], size[1])
			c := f.stored()
			// Write past the form's cleaning, as a damaged or hostile file would.
			var edits []store.StepEdit
			for i, s := range c.Steps[:len(hostile)] {
				after := s
				after.Title = hostile[i]
				after.After = hostile[(i+1)%len(hostile)]
				after.OwnerName = hostile[(i+2)%len(hostile)][:min(20, len(hostile[(i+2)%len(hostile)]))]
				after.WorkNote = hostile[(i+3)%len(hostile)]
				after.Status = actionlist.StepOpen
				after.Pin = actionlist.PinNow
				edits = append(edits, store.StepEdit{Before: s, After: after})
			}
			if _, err := f.st.UpdateSteps(ctx, marieke, edits...); err != nil {
				t.Fatal(err)
			}
			renamed := c
			renamed.Name = "Fa\x1b[31mti\x1b]0;x\x07ma"
			if _, err := f.st.UpdateCase(ctx, marieke, c, renamed); err != nil {
				t.Fatal(err)
			}
			f.run(f.m.loadCases())
			assertHarmless(t, f.m.View().Content, size[0], size[1])
			f.see("Fa[31mti]0") // the text is there, its escapes defused
			f.openCase()
			f.see("Evil]0;gehackt title")
			for _, keys := range [][]string{nil, {"down", "down"}, {"s"}, {"esc", "r"}, {"r", "h"}, {"esc", "esc", "v"}} {
				f.press(keys...)
				assertHarmless(t, f.m.View().Content, size[0], size[1])
			}
		})
	}
}

// A pasted megabyte does not freeze the screen: the field keeps its limit
// plus one character and says it is too long.
func TestPastedMegabyte(t *testing.T) {
	f := nl(t)
	f.openCase()
	f.press("n") // the team note: a multi-line field
	huge := strings.Repeat("plakken ", 1<<17)
	f.send(tea.PasteMsg{Content: huge})
	f.press("enter")
	f.see(fmt.Sprintf("Te lang: maximaal %d tekens", actionlist.MaxText))
	if f.m.form == nil {
		t.Fatal("the form closed on an over-long note")
	}
	sel, _ := f.m.cs.selected()
	if got, _ := f.stored().StepByID(sel.ID); len(got.InternalNote) > actionlist.MaxText {
		t.Fatalf("an over-long note was saved: %d bytes", len(got.InternalNote))
	}
	assertHarmless(t, f.m.View().Content, 100, 32)
	// A name field too.
	f.press("esc", "esc", "n")
	f.send(tea.PasteMsg{Content: huge})
	f.press("enter")
	f.see(fmt.Sprintf("Te lang: maximaal %d tekens", actionlist.MaxName))
}

// When another window holds the lock too long, the screen says so in a
// sentence, nothing is pretended, and the same key works once it is free.
func TestBusyDatabaseIsSaidAndNothingPretended(t *testing.T) {
	f := nl(t)
	f.openCase()
	sel, _ := f.m.cs.selected()
	f.busy.fail = fmt.Errorf("save: %w", store.ErrBusy)
	f.press("space")
	f.see("Niet opgeslagen", "ander Houvast-venster")
	if cur, _ := f.m.cs.selected(); cur.ID != sel.ID || cur.Status == actionlist.StepDone {
		t.Fatal("the screen pretended the tick-off was saved")
	}
	if got, _ := f.stored().StepByID(sel.ID); got.Status == actionlist.StepDone {
		t.Fatal("the store has the tick-off")
	}
	// A form keeps what was typed.
	f.press("w", "ctrl+u")
	f.typeText("+9")
	f.press("enter")
	if f.m.form == nil {
		t.Fatal("the form was dropped on a busy database")
	}
	f.see("+9", "ander Houvast-venster")
	f.busy.fail = nil
	f.press("enter")
	if got, _ := f.stored().StepByID(sel.ID); got.Due != testToday.AddDays(9) {
		t.Fatalf("the retried date was not saved: %s", got.Due)
	}
	f.press("space")
	if got, _ := f.stored().StepByID(sel.ID); got.Status != actionlist.StepDone {
		t.Fatal("the retried tick-off was not saved")
	}
}
