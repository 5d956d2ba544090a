package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"houvast/actionlist"
)

// Pure functions that turn domain values into the strings on screen. Each
// has a table test; views only arrange their output.

var (
	shortDays   = [2][7]string{{"zo", "ma", "di", "wo", "do", "vr", "za"}, {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}}
	longDays    = [2][7]string{{"zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"}, {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}}
	shortMonths = [2][12]string{{"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}, {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}}
	longMonths  = [2][12]string{{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}, {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}}
)

func li(l actionlist.Lang) int {
	if l == actionlist.English {
		return 1
	}
	return 0
}

// shortDate is "di 1 dec" / "Tue 1 Dec"; the year only when it is not this year's.
func shortDate(d, today actionlist.Date, l actionlist.Lang) string {
	if d.IsZero() {
		return ""
	}
	s := fmt.Sprintf("%s %d %s", shortDays[li(l)][d.Weekday()], d.Day(), shortMonths[li(l)][d.Month()-1])
	if d.Year() != today.Year() {
		s += fmt.Sprintf(" %d", d.Year())
	}
	return s
}

// longDate is "dinsdag 1 december" / "Tuesday 1 December", for the resident.
func longDate(d, today actionlist.Date, l actionlist.Lang) string {
	if d.IsZero() {
		return ""
	}
	s := fmt.Sprintf("%s %d %s", longDays[li(l)][d.Weekday()], d.Day(), longMonths[li(l)][d.Month()-1])
	if d.Year() != today.Year() {
		s += fmt.Sprintf(" %d", d.Year())
	}
	return s
}

// apptText is the next appointment in one line: "wo 2 dec 14:30 · place · with".
func apptText(a actionlist.Appointment, today actionlist.Date, l actionlist.Lang, long bool) string {
	if a.IsZero() {
		return ""
	}
	d := actionlist.DateOf(a.At)
	date := shortDate(d, today, l)
	if long {
		date = longDate(d, today, l)
	}
	parts := []string{date}
	if h, m := a.At.Hour(), a.At.Minute(); h != 0 || m != 0 {
		parts[0] += " " + a.At.Format("15:04")
	}
	for _, p := range []string{a.Place, a.With} {
		if p = clean(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " · ")
}

// dueText says by when a step is due, in words; overdue says it is late.
func dueText(s actionlist.Step, today actionlist.Date, t *text, l actionlist.Lang) (string, bool) {
	switch {
	case s.Due.IsZero():
		return t.NoDue, false
	case s.Overdue(today):
		late := s.Due.DaysUntil(today)
		if late == 1 {
			return t.OverdueOne, true
		}
		return fmt.Sprintf(t.Overdue, late), true
	case s.Due == today:
		return t.DueToday, false
	case s.Due == today.AddDays(1):
		return t.DueTomorrow, false
	}
	return fmt.Sprintf(t.By, shortDate(s.Due, today, l)), false
}

// ownerText is "inwoner (Fatima)" or just the role when no name is known.
func ownerText(s actionlist.Step, l actionlist.Lang) string {
	role := actionlist.RoleLabel(s.Owner, l)
	if name := clean(s.OwnerName); name != "" {
		return role + " (" + name + ")"
	}
	return role
}

// Glyphs show state without colour.
const (
	glyphOpen     = "○"
	glyphProgress = "◐"
	glyphWaiting  = "◷"
	glyphDone     = "✓"
	glyphNA       = "–"
	glyphOverdue  = "!"
	glyphPinned   = "▲"
	glyphPushed   = "▼"
	glyphNew      = "✦"
)

// stepGlyph is the one-character state of a step; overdue wins over open.
func stepGlyph(s actionlist.Step, today actionlist.Date) string {
	switch {
	case s.Status == actionlist.StepDone:
		return glyphDone
	case s.Status == actionlist.StepNotApplicable:
		return glyphNA
	case s.Overdue(today):
		return glyphOverdue
	case s.Status == actionlist.StepInProgress:
		return glyphProgress
	case s.Status == actionlist.StepWaiting:
		return glyphWaiting
	}
	return glyphOpen
}

// progressBar draws done out of total in width cells, with the count after:
// "██████░░░░ 6/10". Empty cells are shade blocks, visible without colour.
func progressBar(done, total, width int) (full, empty, count string) {
	count = fmt.Sprintf("%d/%d", done, total)
	if width < 1 {
		return "", "", count
	}
	n := actionlist.BarFill(done, total, width)
	return strings.Repeat("█", n), strings.Repeat("░", width-n), count
}

// clean makes stored text safe to print (actionlist.ShownText): a screen
// is seen by whoever sits beside it; the form to edit a text still shows
// it whole.
var clean = actionlist.ShownText

// fit cuts text to a display width with an ellipsis, counting wide
// characters and combining marks as the terminal does.
func fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if len(s) <= width {
		return s // no character is wider than its bytes
	}
	return ansi.Truncate(s, width, "…")
}

// pad fills text with spaces to a display width (after fitting it).
func pad(s string, width int) string {
	s = fit(s, width)
	if w := widthOf(s); w < width {
		s += strings.Repeat(" ", width-w)
	}
	return s
}

// widthOf is the display width of a string, ignoring styling; plain ASCII
// is counted directly, the rest grapheme by grapheme.
func widthOf(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c < 0x20 {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

// wrap breaks plain text into lines of at most width cells.
func wrap(s string, width int) []string {
	if width <= 0 {
		return nil
	}
	return strings.Split(ansi.Wrap(s, width, ""), "\n")
}

// clockText is the stabilisation clock in words: "dag 53 van 120 · nog 67
// dagen"; once it stopped, how long it ran, not the days since the start.
func clockText(p actionlist.Progress, t *text) string {
	if p.TargetDays <= 0 {
		return ""
	}
	s := fmt.Sprintf(t.DayOf, p.DaysSinceStart, p.TargetDays)
	switch {
	case p.Clock == actionlist.ClockNone && p.RanKnown:
		return fmt.Sprintf(t.ClockRan, p.RanDays, p.TargetDays)
	case p.Clock == actionlist.ClockNone:
		return t.ClockStopped
	case p.Clock == actionlist.ClockPast:
		return s + " · " + fmt.Sprintf(t.DaysPast, -p.DaysLeft)
	}
	return s + " · " + fmt.Sprintf(t.DaysLeft, p.DaysLeft)
}

// eventTime is when an event happened, in local time, short.
func eventTime(at time.Time, today actionlist.Date, l actionlist.Lang) string {
	local := at.Local()
	return shortDate(actionlist.DateOf(local), today, l) + " " + local.Format("15:04")
}
