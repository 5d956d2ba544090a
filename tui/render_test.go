package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"houvast/actionlist"
	"houvast/store"
)

// Table tests of render.go's pure functions. testToday is Monday 23
// November 2026; TestMain sets the local zone to UTC.

var langNL, langEN = actionlist.Dutch, actionlist.English

func TestLangIndex(t *testing.T) {
	for _, tc := range []struct {
		l    actionlist.Lang
		want int
	}{{langNL, 0}, {langEN, 1}, {"", 0}, {"de", 0}} {
		if got := li(tc.l); got != tc.want {
			t.Errorf("li(%q) = %d, want %d", tc.l, got, tc.want)
		}
	}
}

func TestShortAndLongDate(t *testing.T) {
	for _, tc := range []struct {
		d           string
		l           actionlist.Lang
		short, long string
	}{
		{"", langNL, "", ""},
		{"", langEN, "", ""},
		{"2026-12-01", langNL, "di 1 dec", "dinsdag 1 december"},
		{"2026-12-01", langEN, "Tue 1 Dec", "Tuesday 1 December"},
		{"2026-11-23", langNL, "ma 23 nov", "maandag 23 november"},
		{"2026-03-29", langEN, "Sun 29 Mar", "Sunday 29 March"},
		{"2026-05-16", langNL, "za 16 mei", "zaterdag 16 mei"},
		// Another year than today's says which.
		{"2027-03-12", langNL, "vr 12 mrt 2027", "vrijdag 12 maart 2027"},
		{"2027-03-12", langEN, "Fri 12 Mar 2027", "Friday 12 March 2027"},
		{"2025-12-31", langNL, "wo 31 dec 2025", "woensdag 31 december 2025"},
	} {
		var d actionlist.Date
		if tc.d != "" {
			d = actionlist.MustDate(tc.d)
		}
		if got := shortDate(d, testToday, tc.l); got != tc.short {
			t.Errorf("shortDate(%s, %s) = %q, want %q", tc.d, tc.l, got, tc.short)
		}
		if got := longDate(d, testToday, tc.l); got != tc.long {
			t.Errorf("longDate(%s, %s) = %q, want %q", tc.d, tc.l, got, tc.long)
		}
	}
}

func TestApptText(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse("2006-01-02 15:04", s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct {
		name string
		a    actionlist.Appointment
		l    actionlist.Lang
		long bool
		want string
	}{
		{"none", actionlist.Appointment{}, langNL, false, ""},
		{"none, long", actionlist.Appointment{Place: "Buurthuis"}, langEN, true, ""},
		{"all of it", actionlist.Appointment{At: at("2026-11-30 14:00"), Place: "Buurthuis De Linde", With: "Ahmed, Marieke"}, langNL, false,
			"ma 30 nov 14:00 · Buurthuis De Linde · Ahmed, Marieke"},
		{"all of it, English", actionlist.Appointment{At: at("2026-11-30 14:00"), Place: "Community centre", With: "Ahmed"}, langEN, false,
			"Mon 30 Nov 14:00 · Community centre · Ahmed"},
		{"long, for the resident", actionlist.Appointment{At: at("2026-12-02 09:30"), Place: "Buurthuis"}, langNL, true,
			"woensdag 2 december 09:30 · Buurthuis"},
		{"long, English", actionlist.Appointment{At: at("2026-12-02 09:30"), With: "Sanne"}, langEN, true,
			"Wednesday 2 December 09:30 · Sanne"},
		{"midnight is a day without a time", actionlist.Appointment{At: at("2026-12-02 00:00")}, langNL, false, "wo 2 dec"},
		{"a minute past midnight has one", actionlist.Appointment{At: at("2026-12-02 00:01")}, langEN, false, "Wed 2 Dec 00:01"},
		{"next year", actionlist.Appointment{At: at("2027-01-04 10:15")}, langNL, false, "ma 4 jan 2027 10:15"},
		{"blank and hostile parts", actionlist.Appointment{At: at("2026-11-30 14:00"), Place: "  \t ", With: "Sanne\x1b]0;x\x07"}, langNL, false,
			"ma 30 nov 14:00 · Sanne]0;x"},
	} {
		if got := apptText(tc.a, testToday, tc.l, tc.long); got != tc.want {
			t.Errorf("%s: apptText = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestDueText(t *testing.T) {
	day := func(n int) actionlist.Date { return testToday.AddDays(n) }
	open := func(due actionlist.Date) actionlist.Step {
		return actionlist.Step{Status: actionlist.StepOpen, Due: due}
	}
	done := actionlist.Step{Status: actionlist.StepDone, Due: day(-3)}
	for _, tc := range []struct {
		name string
		s    actionlist.Step
		l    actionlist.Lang
		want string
		late bool
	}{
		{"no date", open(actionlist.Date{}), langNL, "nog geen datum", false},
		{"no date, English", open(actionlist.Date{}), langEN, "no date yet", false},
		{"one day late", open(day(-1)), langNL, "1 dag te laat", true},
		{"one day late, English", open(day(-1)), langEN, "1 day late", true},
		{"days late", open(day(-3)), langNL, "3 dagen te laat", true},
		{"days late, English", open(day(-40)), langEN, "40 days late", true},
		{"today", open(day(0)), langNL, "vandaag", false},
		{"today, English", open(day(0)), langEN, "today", false},
		{"tomorrow", open(day(1)), langNL, "morgen", false},
		{"tomorrow, English", open(day(1)), langEN, "tomorrow", false},
		{"the day after", open(day(2)), langNL, "vóór wo 25 nov", false},
		{"next year", open(actionlist.MustDate("2027-01-08")), langEN, "by Fri 8 Jan 2027", false},
		{"done is never late", done, langNL, "vóór vr 20 nov", false},
	} {
		got, late := dueText(tc.s, testToday, textFor(tc.l), tc.l)
		if got != tc.want || late != tc.late {
			t.Errorf("%s: dueText = %q, %v; want %q, %v", tc.name, got, late, tc.want, tc.late)
		}
	}
}

func TestOwnerText(t *testing.T) {
	for _, tc := range []struct {
		owner actionlist.Role
		name  string
		l     actionlist.Lang
		want  string
	}{
		{actionlist.RoleResident, "Fatima", langNL, "inwoner (Fatima)"},
		{actionlist.RoleResident, "Fatima", langEN, "resident (Fatima)"},
		{actionlist.RoleVolunteer, "", langNL, "vrijwilliger"},
		{actionlist.RoleVolunteer, "", langEN, "volunteer"},
		{actionlist.RoleTogether, "Sanne", langNL, "samen (Sanne)"},
		{actionlist.RoleSpecialist, "  ", langEN, "specialist"},
		{actionlist.RoleGeneralist, "Ahmed\x1b[2J", langNL, "generalist (Ahmed[2J)"},
	} {
		if got := ownerText(actionlist.Step{Owner: tc.owner, OwnerName: tc.name}, tc.l); got != tc.want {
			t.Errorf("ownerText(%s, %q, %s) = %q, want %q", tc.owner, tc.name, tc.l, got, tc.want)
		}
	}
}

func TestStepGlyph(t *testing.T) {
	past, future := testToday.AddDays(-1), testToday.AddDays(1)
	for _, tc := range []struct {
		status actionlist.StepStatus
		due    actionlist.Date
		want   string
	}{
		{actionlist.StepOpen, actionlist.Date{}, "○"},
		{actionlist.StepOpen, future, "○"},
		{actionlist.StepOpen, testToday, "○"},
		{actionlist.StepOpen, past, "!"},
		{actionlist.StepInProgress, future, "◐"},
		{actionlist.StepInProgress, past, "!"},
		{actionlist.StepWaiting, actionlist.Date{}, "◷"},
		{actionlist.StepWaiting, past, "!"},
		{actionlist.StepDone, past, "✓"},
		{actionlist.StepNotApplicable, past, "–"},
	} {
		if got := stepGlyph(actionlist.Step{Status: tc.status, Due: tc.due}, testToday); got != tc.want {
			t.Errorf("stepGlyph(%s, due %s) = %q, want %q", tc.status, tc.due, got, tc.want)
		}
	}
}

func TestProgressBar(t *testing.T) {
	for _, tc := range []struct {
		done, total, width int
		full, empty, count string
	}{
		{6, 10, 10, "██████", "░░░░", "6/10"},
		{0, 10, 4, "", "░░░░", "0/10"},
		{10, 10, 4, "████", "", "10/10"},
		{1, 100, 8, "█", "░░░░░░░", "1/100"}, // any progress shows
		{99, 100, 8, "███████", "░", "99/100"},
		{0, 0, 3, "███", "", "0/0"}, // nothing to do is all done
		{3, 4, 0, "", "", "3/4"},
		{3, 4, -2, "", "", "3/4"},
		{1, 3, 1, "", "░", "1/3"}, // one cell: only all done fills it
	} {
		full, empty, count := progressBar(tc.done, tc.total, tc.width)
		if full != tc.full || empty != tc.empty || count != tc.count {
			t.Errorf("progressBar(%d, %d, %d) = %q, %q, %q; want %q, %q, %q",
				tc.done, tc.total, tc.width, full, empty, count, tc.full, tc.empty, tc.count)
		}
	}
}

func TestClean(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"Fatima", "Fatima"},
		{"  two\nlines\tand a tab\r\n", "two lines and a tab"},
		{"Clear\x1b[2J\x1b[H screen", "Clear[2J[H screen"},
		{"Bell\x07 NUL\x00", "Bell NUL"},
		{"\u202eesrever", "esrever"},
		{"line\u2028separator", "lineseparator"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"Zoë e\u0301 日本", "Zoë e\u0301 日本"},
	} {
		if got := clean(tc.in); got != tc.want {
			t.Errorf("clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFitAndPad(t *testing.T) {
	for _, tc := range []struct {
		in       string
		width    int
		fit, pad string
	}{
		{"abc", 3, "abc", "abc"},
		{"abc", 5, "abc", "abc  "},
		{"abcd", 3, "ab…", "ab…"},
		{"abc", 1, "…", "…"},
		{"abc", 0, "", ""},
		{"abc", -1, "", ""},
		{"", 2, "", "  "},
		// More bytes than cells: ë is two bytes, one cell.
		{"Zoë", 3, "Zoë", "Zoë"},
		{"Zoëtje", 4, "Zoë…", "Zoë…"},
		// Wide characters take two cells, and are never cut in half.
		{"日本語", 6, "日本語", "日本語"},
		{"日本語", 5, "日本…", "日本…"},
		{"日本語", 4, "日…", "日… "},
		{"日本語", 7, "日本語", "日本語 "},
		// A combining accent takes no cell of its own.
		{"e\u0301e\u0301n", 3, "e\u0301e\u0301n", "e\u0301e\u0301n"},
		// Styling is kept and not counted.
		{"\x1b[1mab\x1b[m", 3, "\x1b[1mab\x1b[m", "\x1b[1mab\x1b[m "},
		{"\x1b[1mabcd\x1b[m", 3, "\x1b[1mab…\x1b[m", "\x1b[1mab…\x1b[m"},
	} {
		if got := fit(tc.in, tc.width); got != tc.fit {
			t.Errorf("fit(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.fit)
		}
		if got := pad(tc.in, tc.width); got != tc.pad {
			t.Errorf("pad(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.pad)
		}
	}
}

func TestWidthOf(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"a b", 3},
		{"Zoë", 3},
		{"e\u0301", 1},
		{"日本", 4},
		{"👍🏽", 2},
		{"👩‍👩‍👧", 2},
		{"\x1b[1;31mab\x1b[m", 2},
		{"▸ ○ ✓ – !", 9},
	} {
		if got := widthOf(tc.in); got != tc.want {
			t.Errorf("widthOf(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width int
		want  []string
	}{
		{"een twee drie", 8, []string{"een twee", "drie"}},
		{"een twee drie", 13, []string{"een twee drie"}},
		{"een twee drie", 12, []string{"een twee", "drie"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"日本語の文", 4, []string{"日本", "語の", "文"}},
		{"", 5, []string{""}},
		{"abc", 0, nil},
		{"abc", -3, nil},
	} {
		if got := wrap(tc.in, tc.width); !slices.Equal(got, tc.want) {
			t.Errorf("wrap(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
	}
}

func TestClockText(t *testing.T) {
	for _, tc := range []struct {
		name string
		p    actionlist.Progress
		l    actionlist.Lang
		want string
	}{
		{"no target", actionlist.Progress{DaysSinceStart: 53}, langNL, ""},
		{"no target, English", actionlist.Progress{DaysSinceStart: 53, Clock: actionlist.ClockOnTrack}, langEN, ""},
		{"on track", actionlist.Progress{DaysSinceStart: 53, TargetDays: 120, DaysLeft: 67, Clock: actionlist.ClockOnTrack}, langNL,
			"dag 53 van 120 · nog 67 dagen"},
		{"on track, English", actionlist.Progress{DaysSinceStart: 53, TargetDays: 120, DaysLeft: 67, Clock: actionlist.ClockOnTrack}, langEN,
			"day 53 of 120 · 67 days left"},
		{"the target day itself", actionlist.Progress{DaysSinceStart: 120, TargetDays: 120, DaysLeft: 0, Clock: actionlist.ClockNear}, langNL,
			"dag 120 van 120 · nog 0 dagen"},
		{"past", actionlist.Progress{DaysSinceStart: 125, TargetDays: 120, DaysLeft: -5, Clock: actionlist.ClockPast}, langNL,
			"dag 125 van 120 · 5 dagen over de streefdatum"},
		{"past, English", actionlist.Progress{DaysSinceStart: 125, TargetDays: 120, DaysLeft: -5, Clock: actionlist.ClockPast}, langEN,
			"day 125 of 120 · 5 days past the target"},
		// A stopped clock says how long it ran, not the days since the start.
		{"the clock stopped", actionlist.Progress{DaysSinceStart: 150, TargetDays: 120, DaysLeft: -30, RanDays: 95, RanKnown: true, Clock: actionlist.ClockNone}, langEN,
			"clock ran 95 of 120 days"},
		{"the clock stopped, Dutch", actionlist.Progress{DaysSinceStart: 150, TargetDays: 120, DaysLeft: -30, RanDays: 95, RanKnown: true, Clock: actionlist.ClockNone}, langNL,
			"klok liep 95 van 120 dagen"},
		{"stopped on the day it started", actionlist.Progress{DaysSinceStart: 150, TargetDays: 120, RanKnown: true, Clock: actionlist.ClockNone}, langEN,
			"clock ran 0 of 120 days"},
		{"stopped on a day not recorded", actionlist.Progress{DaysSinceStart: 150, TargetDays: 120, DaysLeft: -30, Clock: actionlist.ClockNone}, langEN,
			"clock stopped, day not recorded"},
	} {
		if got := clockText(tc.p, textFor(tc.l)); got != tc.want {
			t.Errorf("%s: clockText = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// A row of the case list warns as the case's header does: the clock stops
// when the case is stabilised or closed, whatever the status says.
func TestCaseRowClock(t *testing.T) {
	start := testToday.AddDays(-130)
	target := start.AddDays(actionlist.DefaultTargetDays) // ten days ago
	for _, tc := range []struct {
		name string
		c    store.CaseSummary
		warn string
	}{
		{"running, past the target", store.CaseSummary{Status: actionlist.CaseStabilisation, Start: start, Target: target}, glyphOverdue + glyphOverdue + " "},
		{"running, near the target", store.CaseSummary{Status: actionlist.CaseStabilisation, Start: start, Target: testToday.AddDays(5)}, glyphOverdue + " "},
		{"stabilised, the status not yet moved on", store.CaseSummary{Status: actionlist.CaseStabilisation, Start: start, Target: target, Stabilised: target.AddDays(-5)}, ""},
		{"closed without a closing date", store.CaseSummary{Status: actionlist.CaseClosed, Start: start, Target: target}, ""},
	} {
		row := caseRow(tc.c, listColumns(100), testToday, textFor(langEN), langEN)
		label := actionlist.CaseStatusLabel(tc.c.Status, langEN)
		if !strings.Contains(row, " "+tc.warn+label) || (tc.warn == "" && strings.Contains(row, glyphOverdue)) {
			t.Errorf("%s: %q, want %q before the status", tc.name, row, tc.warn)
		}
	}
}

func TestEventTime(t *testing.T) {
	amsterdam := time.FixedZone("CET", 3600)
	for _, tc := range []struct {
		at   time.Time
		l    actionlist.Lang
		want string
	}{
		{time.Date(2026, 11, 22, 9, 5, 0, 0, time.UTC), langNL, "zo 22 nov 09:05"},
		{time.Date(2026, 11, 22, 9, 5, 0, 0, time.UTC), langEN, "Sun 22 Nov 09:05"},
		{time.Date(2025, 1, 1, 10, 0, 0, 0, time.UTC), langNL, "wo 1 jan 2025 10:00"},
		// Shown in local time (UTC here): half past midnight in
		// Amsterdam is the evening before.
		{time.Date(2026, 11, 22, 0, 30, 0, 0, amsterdam), langEN, "Sat 21 Nov 23:30"},
		{time.Date(2027, 1, 1, 0, 30, 0, 0, amsterdam), langNL, "do 31 dec 23:30"},
	} {
		if got := eventTime(tc.at, testToday, tc.l); got != tc.want {
			t.Errorf("eventTime(%v, %s) = %q, want %q", tc.at, tc.l, got, tc.want)
		}
	}
}

// Without colour (NO_COLOR) the chosen answer of a yes/no question is still
// marked: bold and underlined, where huh's theme marks it by colour alone.
func TestChosenButtonShowsWithoutColour(t *testing.T) {
	for _, dark := range []bool{false, true} {
		th := formTheme(dark)
		for name, s := range map[string]lipgloss.Style{"focused": th.Focused.FocusedButton, "blurred": th.Blurred.FocusedButton} {
			if !s.GetBold() || !s.GetUnderline() {
				t.Errorf("dark %v, %s form: the chosen button is marked by colour alone", dark, name)
			}
		}
		if th.Focused.BlurredButton.GetUnderline() {
			t.Errorf("dark %v: the other button looks chosen too", dark)
		}
	}
}

// At 80 columns the case header keeps the stabilisation clock's warning,
// said shorter, rather than dropping it for want of room.
func TestHeaderKeepsTheClockWarningAt80Columns(t *testing.T) {
	for _, tc := range []struct {
		name     string
		target   actionlist.Date
		warning  string
		fullForm string
	}{
		{"near", testToday.AddDays(5), glyphOverdue + " streefdatum komt dichtbij", "nog 5 dagen"},
		{"past", testToday.AddDays(-3), glyphOverdue + " streefdatum voorbij", "3 dagen over"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, actionlist.Dutch, 80, 24)
			before := f.stored()
			after := before
			after.Name = "Fatima Zahra el Amrani-Bouzidi"
			after.Start, after.Target = testToday.AddDays(-110), tc.target
			if _, err := f.st.UpdateCase(ctx, marieke, before, after); err != nil {
				t.Fatal(err)
			}
			f.openCase()
			header := strings.Split(f.screen(), "\n")[0]
			if !strings.Contains(header, tc.warning) {
				t.Errorf("the header drops the warning at 80 columns:\n%s", header)
			}
			f.send(tea.WindowSizeMsg{Width: 160, Height: 40})
			if header := strings.Split(f.screen(), "\n")[0]; !strings.Contains(header, tc.fullForm) {
				t.Errorf("at 160 columns the header has no room for the days:\n%s", header)
			}
		})
	}
}

// A long status, wrapped over three lines, takes its room from every
// screen's body: the body is never longer than what is left, so the frame
// never cuts the end of a list, its cursor row or its "more below" line.
func TestLongStatusLeavesEveryScreenWhole(t *testing.T) {
	f := newFixture(t, actionlist.Dutch, 80, 24)
	// Lists longer than any window: debts on the case, cases in the list.
	for i := range 30 {
		d := actionlist.Debt{Creditor: fmt.Sprintf("Schuldeiser %02d", i), Amount: 1000, Kind: actionlist.DebtOther, State: actionlist.DebtNotAsked}
		if _, err := f.st.AddDebt(ctx, marieke, f.c.ID, d); err != nil {
			t.Fatal(err)
		}
		if _, err := f.st.CreateCase(ctx, marieke, actionlist.Case{Name: fmt.Sprintf("Bewoner %02d", i), Status: actionlist.CaseIntake, Language: actionlist.CaseDutch, Dose: 3}); err != nil {
			t.Fatal(err)
		}
	}
	f.run(f.m.loadCases())
	long := strings.Repeat("Niet opgeslagen: dit is een lange melding met wat je nu kunt doen. ", 3)
	for _, tc := range []struct {
		name string
		keys []string
	}{
		{"list", nil}, {"case", []string{"enter"}}, {"steps", []string{"s"}}, {"resident", []string{"r"}},
		{"debts", []string{"c"}}, {"history", []string{"h"}}, {"help", []string{"?"}},
	} {
		f.press("esc", "esc", "esc")
		f.openCase()
		if tc.name == "list" {
			f.press("esc")
		} else if tc.name != "case" {
			f.press(tc.keys...)
		}
		f.m.status = status{text: long, isErr: true}
		body, _ := f.m.body()
		if n := len(strings.Split(body, "\n")); n > f.m.bodyHeight() || f.m.bodyHeight() != 24-1-3 {
			t.Errorf("%s: a body of %d lines under a status of three, room %d", tc.name, n, f.m.bodyHeight())
		}
	}
}

// A status too long for three lines is cut, and says so: its last line
// ends in an ellipsis. One that fits is left whole.
func TestACutStatusEndsInAnEllipsis(t *testing.T) {
	f := newFixture(t, actionlist.Dutch, 80, 24)
	for _, tc := range []struct {
		text string
		cut  bool
	}{
		{strings.Repeat("Deze stappen staan nu in Nu: Vraag je gegevens op bij het BKR; ", 6), true},
		{"Opgeslagen.", false},
		{strings.Repeat("woord ", 39), false}, // three lines, whole
	} {
		f.m.status = status{text: tc.text}
		lines := strings.Split(f.m.View().Content, "\n")
		last := strings.TrimRight(ansi.Strip(lines[len(lines)-2]), " ")
		if got := strings.HasSuffix(last, "…"); got != tc.cut {
			t.Errorf("status of %d characters: the last status line %q ends in an ellipsis: %v, want %v", len(tc.text), last, got, tc.cut)
		}
	}
}

// A form's footer says how to cancel at 80 columns, in every language: it
// is one line, and a cut one lost its end.
func TestFormFooterFitsIn80Columns(t *testing.T) {
	for _, l := range []actionlist.Lang{langNL, langEN} {
		if w := ansi.StringWidth(textFor(l).FormHelp); w > 80 {
			t.Errorf("%s: the form footer is %d columns: %q", l, w, textFor(l).FormHelp)
		}
	}
}

// Without colour a field's hint must not look typed: it is in italics,
// which NO_COLOR keeps, focused or not, on light and dark alike.
func TestAFormHintIsItalic(t *testing.T) {
	for _, dark := range []bool{true, false} {
		th := formTheme(dark)
		if !th.Focused.TextInput.Placeholder.GetItalic() || !th.Blurred.TextInput.Placeholder.GetItalic() {
			t.Errorf("dark %v: a hint is not in italics", dark)
		}
	}
}
