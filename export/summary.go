// Package export writes the files that leave the laptop: the resident's
// progress summary (Markdown, HTML, plain text, PDF, iCalendar), the
// volunteer's package and return file, and the full case file, optionally
// encrypted with a passphrase. Rendering is pure (a case in, bytes out);
// WriteFile is the only function that touches the disk.
package export

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"houvast/actionlist"
)

// Format is a kind of summary file.
type Format string

const (
	Markdown Format = "md"
	HTML     Format = "html"
	Text     Format = "txt"
	PDF      Format = "pdf"
	ICS      Format = "ics"
)

// Formats lists the summary formats, in the order --help shows them.
var Formats = []Format{Markdown, HTML, Text, PDF, ICS}

// ParseFormat accepts a format name, with or without a leading dot.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.TrimPrefix(strings.ToLower(s), "."))
	switch f {
	case "markdown":
		f = Markdown
	case "text", "":
		f = Text
	case "htm":
		f = HTML
	case "ical", "ifb", "icalendar":
		f = ICS
	}
	if !slices.Contains(Formats, f) {
		return "", fmt.Errorf("unknown format %q: use md, html, txt, pdf or ics", s)
	}
	return f, nil
}

// Binary reports whether the format is not text for a terminal.
func (f Format) Binary() bool { return f == PDF }

// Ext is the usual file name extension, with the dot.
func (f Format) Ext() string { return "." + string(f) }

// Options change what a summary may hold and how it is stamped.
type Options struct {
	// AllowBSN writes the file even though some text looks like a BSN: the
	// specialist has checked it is none.
	AllowBSN bool
	// Pages is the first page only (the default) or that page and the
	// pages after it, with the longer lists.
	Pages Pages
	// Now stamps the calendar file (DTSTAMP, and the SEQUENCE that lets a
	// newer file win); zero means midnight of today, which keeps the output
	// the same for the same case and day.
	Now time.Time
	// Texts words the template's steps in the resident's language, with a
	// team's corrections; nil means the embedded words.
	Texts *actionlist.StepTexts
}

// Pages says how much of the summary is written.
type Pages int

const (
	// FirstPage is what the resident needs most, on one page.
	FirstPage Pages = iota
	// AllPages adds the pages after it: why each step matters, what comes
	// later, every finished step and agreement, and everyone who helps.
	AllPages
)

// Summary renders the resident's progress summary in the case's language.
// It refuses (a *BSNError) when a text in it looks like a BSN.
func Summary(c actionlist.Case, f Format, today actionlist.Date) ([]byte, error) {
	return Options{}.Summary(c, f, today)
}

// Summary renders the summary with these options.
func (o Options) Summary(c actionlist.Case, f Format, today actionlist.Date) ([]byte, error) {
	texts := o.Texts
	if texts == nil {
		d := actionlist.DefaultStepTexts()
		texts = &d
	}
	v, scan := buildView(c, today, *texts)
	v.pages = o.Pages
	if !o.AllowBSN {
		if err := scan.err(); err != nil {
			return nil, err
		}
	}
	switch f {
	case Markdown:
		return renderMarkdown(v), nil
	case HTML:
		return renderHTML(v)
	case Text:
		return renderText(v), nil
	case PDF:
		return renderPDF(v)
	case ICS:
		stamp := o.Now
		if stamp.IsZero() {
			stamp = today.Time(time.UTC)
		}
		return renderICS(v, stamp)
	}
	return nil, fmt.Errorf("unknown format %q", f)
}

// view is the summary as plain strings, shared by every format: what is
// written is decided here once, and every string in it was checked for a
// BSN. It never holds an internal note, a work note or a later step. The
// order on the page is layout's (layout.go).
type view struct {
	lang  actionlist.CaseLang
	t     *text
	pages Pages
	title string
	made  string
	intro string

	doneCount string // "20 of the 67 steps are done", or "no steps yet"
	doneN     int
	total     int    // the steps that apply
	done      []item // every finished step, newest first

	now     []item
	nowNone string
	later   string
	laterBy []string
	laterN  int

	appt     []string // the day and time, where, with whom; empty: none
	apptNone string

	agreements []string // newest first

	callFirst   string // the one person to call first, with role and number
	contacts    []string
	contactNone string

	footer string

	calendar string
	events   []calEvent

	debts debtOverview // on a page of its own, after the rest
}

// item is one step as the resident reads it.
type item struct {
	title string
	lines []labelled // who, when, after, note
	why   string     // Now steps: why it matters, on the page after the first
	meta  string     // done steps: the day
}

type labelled struct{ label, text string }

// calEvent is an entry for the resident's phone calendar.
type calEvent struct {
	uid     string
	summary string
	desc    string
	place   string
	day     actionlist.Date // all-day when at is zero
	at      time.Time
}

func buildView(c actionlist.Case, today actionlist.Date, words actionlist.StepTexts) (view, *bsnScan) {
	lang := c.Language
	if !lang.Valid() {
		lang = actionlist.CaseDutch
	}
	t := summaryTexts(lang)
	scan := &bsnScan{}
	clean := func(w Where, s string) string {
		s = actionlist.CleanText(s, false)
		scan.check(w, s)
		return s
	}
	name := clean(Where{What: InCase}, c.Name)
	v := view{
		lang: lang, t: t,
		title:    fmt.Sprintf(t.Title, name),
		made:     fmt.Sprintf(t.Made, fmt.Sprintf(t.LongDateYear, t.Weekdays[today.Weekday()], today.Day(), t.Months[today.Month()-1], today.Year())),
		intro:    t.Intro,
		calendar: fmt.Sprintf(t.Calendar, name),
	}
	if ref := actionlist.CleanText(c.Ref, false); ref != "" {
		v.footer = fmt.Sprintf(t.Footer, ref)
	}

	// Done: the newest achievements first.
	timeline, applicable := doneSteps(c.Steps)
	v.doneN, v.total = len(timeline), applicable
	if len(timeline) > 0 {
		v.doneCount = fmt.Sprintf(t.DoneCount, len(timeline), applicable)
	} else {
		v.doneCount = t.DoneNone
	}
	for _, s := range timeline {
		st, _ := words.ForResident(c, s)
		it := item{title: clean(Where{What: InStep, Title: s.Title}, st.Title)}
		if !s.DoneOn.IsZero() {
			it.meta = fmt.Sprintf(t.DoneOn, longDate(s.DoneOn, today, t))
		}
		if note := clean(Where{What: InStepNote, Title: s.Title}, s.ResidentNote); note != "" {
			it.lines = append(it.lines, labelled{t.ForYou, note})
		}
		v.done = append(v.done, it)
	}

	// Now: the dosed steps, with who, when and what comes after.
	d := actionlist.Dose(c.Steps, c.Dose, today)
	for _, s := range d.Now {
		w := Where{What: InStep, Title: s.Title}
		st, _ := words.ForResident(c, s)
		it := item{title: clean(w, st.Title), why: clean(w, st.Why)}
		it.lines = append(it.lines,
			labelled{t.Who, whoText(c, s, t, scan)},
			labelled{t.When, whenText(s, today, t)})
		switch s.Status {
		case actionlist.StepInProgress:
			it.lines = append(it.lines, labelled{"", t.Started})
		case actionlist.StepWaiting:
			it.lines = append(it.lines, labelled{"", t.WaitingNote})
		}
		if after := clean(w, st.After); after != "" {
			it.lines = append(it.lines, labelled{t.After, after})
		}
		// The resident's own plan, in their words from the conversation.
		if when := clean(w, s.WhenWhere); when != "" {
			it.lines = append(it.lines, labelled{t.WhenWhere, when})
		}
		if ifNot := clean(w, s.IfNot); ifNot != "" {
			it.lines = append(it.lines, labelled{t.IfNot, ifNot})
		}
		if note := clean(Where{What: InStepNote, Title: s.Title}, s.ResidentNote); note != "" {
			it.lines = append(it.lines, labelled{t.ForYou, note})
		}
		v.now = append(v.now, it)
		// A date already past is no use in a calendar: the step says "as
		// soon as you can" instead.
		if (s.Owner == actionlist.RoleResident || s.Owner == actionlist.RoleTogether) && !s.Due.IsZero() && !s.Due.Before(today) {
			desc := whoText(c, s, t, scan)
			if after := clean(w, st.After); after != "" {
				desc += "\n" + t.After + ": " + after
			}
			v.events = append(v.events, calEvent{
				uid: s.ID, summary: fmt.Sprintf(t.DueEvent, it.title), desc: desc, day: s.Due,
			})
		}
	}
	switch {
	case len(v.now) > 0:
	case applicable > 0 && len(timeline) == applicable:
		v.nowNone = t.NowAllDone
	default:
		v.nowNone = t.NowNone
	}
	if d.LaterTotal > 0 {
		v.laterN = d.LaterTotal
		v.later = fmt.Sprintf(t.Later, d.LaterTotal)
		for _, ph := range actionlist.Phases {
			if n := d.Later[ph]; n > 0 {
				v.laterBy = append(v.laterBy, fmt.Sprintf(t.LaterPhase, t.Phase[ph], n))
			}
		}
	}

	// The next appointment, if it is still ahead.
	if !c.Next.IsZero() && !actionlist.DateOf(c.Next.At).Before(today) {
		at := c.Next.At
		clock := fmt.Sprintf(t.Time, at.Hour(), at.Minute())
		v.appt = append(v.appt, fmt.Sprintf(t.ApptAt, longDate(actionlist.DateOf(at), today, t), clock))
		place := clean(Where{What: InAppointment}, c.Next.Place)
		if place != "" {
			v.appt = append(v.appt, t.ApptWhere+": "+place)
		}
		if with := clean(Where{What: InAppointment}, c.Next.With); with != "" {
			v.appt = append(v.appt, t.ApptWith+": "+with)
		}
		v.events = append([]calEvent{{
			uid: c.ID + "-" + at.Format("20060102"), summary: t.ApptEvent,
			desc: strings.Join(v.appt, "\n"), place: place, at: at,
		}}, v.events...)
	} else {
		v.apptNone = t.ApptNone
	}

	// Agreements, the newest first: the first page shows the latest.
	agreements := slices.Clone(c.Agreements)
	slices.SortStableFunc(agreements, func(a, b actionlist.Agreement) int { return b.Date.Compare(a.Date) })
	for _, a := range agreements {
		w := Where{What: InAgreement}
		line := clean(w, a.What)
		if who := clean(w, a.Who); who != "" {
			line = who + ": " + line
		}
		if !a.Date.IsZero() {
			line = shortDate(a.Date, t) + " · " + line
		}
		v.agreements = append(v.agreements, line)
	}

	// Who helps: everyone but the resident, the specialist first. The one
	// to call first is the first who can be reached, so the name on the
	// first page always comes with a number.
	people := slices.Clone(c.Participants)
	slices.SortStableFunc(people, func(a, b actionlist.Participant) int {
		return helperRank(a.Role) - helperRank(b.Role)
	})
	first := ""
	for _, pp := range people {
		if pp.Role == actionlist.RoleResident {
			continue
		}
		w := Where{What: InPeople}
		line := clean(w, pp.Name)
		if line == "" {
			continue
		}
		if role := t.Role[pp.Role]; role != "" {
			line += " · " + role
		}
		contact := clean(w, pp.Contact)
		if contact != "" {
			line += " · " + contact
			if v.callFirst == "" {
				v.callFirst = line
			}
		}
		if first == "" {
			first = line
		}
		v.contacts = append(v.contacts, line)
	}
	if v.callFirst == "" {
		v.callFirst = first
	}
	if len(v.contacts) == 0 {
		v.contactNone = t.ContactNone
	}
	v.debts = buildDebtOverview(c, t, scan)
	if lang.RightToLeft() {
		isolateDebts(&v.debts)
	}
	return v, scan
}

// doneSteps are the finished steps, newest first (as actionlist.Measure's
// timeline, reversed), and how many steps apply. It compares dates
// directly, which keeps a summary of a very large case quick.
func doneSteps(steps []actionlist.Step) ([]actionlist.Step, int) {
	var done []actionlist.Step
	applicable := 0
	for _, s := range steps {
		if s.Status == actionlist.StepNotApplicable {
			continue
		}
		applicable++
		if s.Status == actionlist.StepDone {
			done = append(done, s)
		}
	}
	slices.SortStableFunc(done, func(a, b actionlist.Step) int {
		switch {
		case a.DoneOn.After(b.DoneOn):
			return -1
		case a.DoneOn.Before(b.DoneOn):
			return 1
		case a.Phase.Index() != b.Phase.Index():
			return b.Phase.Index() - a.Phase.Index()
		case a.Order != b.Order:
			return b.Order - a.Order
		}
		return strings.Compare(b.ID, a.ID)
	})
	return done, applicable
}

func helperRank(r actionlist.Role) int {
	switch r {
	case actionlist.RoleSpecialist:
		return 0
	case actionlist.RoleGeneralist:
		return 1
	case actionlist.RoleVolunteer:
		return 2
	}
	return 3
}

// whoText says who does a step, in the resident's words.
func whoText(c actionlist.Case, s actionlist.Step, t *text, scan *bsnScan) string {
	name := actionlist.CleanText(s.OwnerName, false)
	scan.check(Where{What: InStep, Title: s.Title}, name)
	switch s.Owner {
	case actionlist.RoleResident:
		return t.WhoYou
	case actionlist.RoleTogether:
		if name == "" {
			if p, ok := c.Participant(actionlist.RoleVolunteer); ok {
				name = actionlist.CleanText(p.Name, false)
				scan.check(Where{What: InPeople}, name)
			}
		}
		if name == "" {
			return t.WhoTogetherNoName
		}
		return fmt.Sprintf(t.WhoTogether, name)
	}
	if name == "" {
		if p, ok := c.Participant(s.Owner); ok {
			name = actionlist.CleanText(p.Name, false)
			scan.check(Where{What: InPeople}, name)
		}
	}
	if name == "" {
		if alone, ok := t.RoleAlone[s.Owner]; ok {
			return alone
		}
		return t.WhoTogetherNoName
	}
	role := t.Role[s.Owner]
	if role == "" {
		return name
	}
	return fmt.Sprintf(t.WhoNamed, name, role)
}

// whenText says by when, kindly: an overdue step is "as soon as you can".
func whenText(s actionlist.Step, today actionlist.Date, t *text) string {
	switch {
	case s.Due.IsZero():
		return t.DueNone
	case s.Due.Before(today):
		return fmt.Sprintf(t.DueLate, longDate(s.Due, today, t))
	case s.Due == today:
		return t.DueToday
	}
	return fmt.Sprintf(t.DueBy, longDate(s.Due, today, t))
}

// longDate is "vrijdag 27 november", with the year only when it is not
// this year's, in the order and words of the summary's language.
func longDate(d, today actionlist.Date, t *text) string {
	if d.Year() != today.Year() {
		return fmt.Sprintf(t.LongDateYear, t.Weekdays[d.Weekday()], d.Day(), t.Months[d.Month()-1], d.Year())
	}
	return fmt.Sprintf(t.LongDate, t.Weekdays[d.Weekday()], d.Day(), t.Months[d.Month()-1])
}

// shortDate is "27 november 2026", for agreements, which may be old.
func shortDate(d actionlist.Date, t *text) string {
	return fmt.Sprintf(t.ShortDate, d.Day(), t.Months[d.Month()-1], d.Year())
}
