package export

import (
	"errors"
	"fmt"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"houvast/actionlist"
)

// AgendaCalendarOptions say how the caseworker's agenda calendar is made.
type AgendaCalendarOptions struct {
	// Lang is the language of the calendar's name and of the words for
	// what each item is; Dutch unless English.
	Lang actionlist.Lang
	// Now is when the file is made: every event's DTSTAMP, and the
	// SEQUENCE derived from it (see stampEvent). Required: export reads no
	// clock of its own; the use case passes the run's.
	Now time.Time
	// AllowBSN writes the file even though a reference, a name or a step's
	// title looks like a BSN: the caseworker has checked it is none.
	AllowBSN bool
}

// AgendaCalendar writes the caseworker's agenda (the items of
// actionlist.Agenda, in any order) as an iCalendar file (RFC 5545) to
// import into their own calendar app. One event per item; the bytes are
// the whole file, ready for WriteStream.
//
// An event holds only the case's reference, the resident's first name
// (the item's Name) and what the item is about: the kind in words
// (actionlist.AgendaKindLabel), with the step's title for a step or
// check-in, the clock's name (actionlist.DeadlineLabel) for a deadline,
// and the word for the generalist on the generalist's steps. Its SUMMARY
// reads "2026-007 · Zoë · te laat: Bel de woningcorporatie". Nothing else
// of a case is written: no note of any kind (internal, for the resident,
// work note, outcome), no why or after, no participant's name or contact,
// and not the appointment's place, which can be the resident's address.
// Events are marked CLASS:PRIVATE.
//
//   - An appointment is a timed event at its local wall time (a floating
//     time, as the appointment was agreed), an hour long.
//   - Every other item is an all-day event on its date (the step's or
//     check-in's due date, the clock's deadline), shown as free time.
//
// The UIDs say what an item is, not when it was made, so importing a newer
// file updates the events of an older one instead of doubling them:
//
//	step-<step ID>@houvast                   a step, a check-in, a volunteer's late step
//	appointment-<case ID>@houvast            the case's next appointment
//	deadline-<case ID>-<clock kind>@houvast  a clock of the case (first_talk, crisis, stabilisation)
//
// A step keeps its UID when it turns from due to overdue, a clock when it
// turns from close to passed, and a case's appointment when it is moved,
// or replaced by the next one. A second item with a UID already written
// (the same step twice) is left out. What is no longer on the agenda (a
// step done) stays in the app until removed there: a file can add and
// change events, not take them away.
//
// DTSTAMP is o.Now in UTC, and SEQUENCE the minutes from 2020 to it, so
// the later file wins in every calendar app; the same items and Now give
// the same bytes.
//
// It refuses with a *BSNError (Sentence says where) when a reference, a
// name or a title looks like a BSN, unless o.AllowBSN; with an error when
// o.Now is zero, or an item has no date, no ID to name it by, or a kind
// it does not know.
func AgendaCalendar(items []actionlist.AgendaItem, o AgendaCalendarOptions) ([]byte, error) {
	if o.Now.IsZero() {
		return nil, errors.New("agenda calendar: no time to stamp it with (AgendaCalendarOptions.Now)")
	}
	lang := o.Lang
	if lang != actionlist.English {
		lang = actionlist.Dutch
	}
	t := agendaTexts(lang)
	cal := newCalendar("Houvast agenda", string(lang), t.Calendar)
	scan := &bsnScan{}
	seen := make(map[string]bool, len(items))
	for _, it := range items {
		uid, err := agendaUID(it)
		if err != nil {
			return nil, err
		}
		if seen[uid] {
			continue
		}
		seen[uid] = true
		e := cal.AddEvent(uid)
		stampEvent(e, o.Now)
		switch {
		case it.Kind == actionlist.AgendaAppointment && !it.At.IsZero():
			setWallTime(e, it.At)
		case !it.When.IsZero():
			setAllDay(e, it.When)
		default:
			return nil, fmt.Errorf("agenda calendar: %s item of case %s has no date", it.Kind, it.CaseID)
		}
		e.SetSummary(agendaSummary(it, lang, scan))
		e.SetClass(ics.ClassificationPrivate)
	}
	if !o.AllowBSN {
		if err := scan.err(); err != nil {
			return nil, err
		}
	}
	return serializeCalendar(cal)
}

// agendaUID names an item by what it is (see AgendaCalendar).
func agendaUID(it actionlist.AgendaItem) (string, error) {
	id := func(s string) string { return actionlist.CleanText(s, false) }
	var uid string
	switch it.Kind {
	case actionlist.AgendaAppointment:
		if id(it.CaseID) != "" {
			uid = "appointment-" + id(it.CaseID)
		}
	case actionlist.AgendaDeadlinePassed, actionlist.AgendaDeadlineClose:
		if id(it.CaseID) != "" && it.Deadline.Kind != "" {
			uid = "deadline-" + id(it.CaseID) + "-" + id(string(it.Deadline.Kind))
		}
	case actionlist.AgendaStepDue, actionlist.AgendaStepOverdue, actionlist.AgendaCheckIn, actionlist.AgendaVolunteerLate:
		if id(it.Step.ID) != "" {
			uid = "step-" + id(it.Step.ID)
		}
	default:
		return "", fmt.Errorf("agenda calendar: an item of unknown kind %q", it.Kind)
	}
	if uid == "" {
		return "", fmt.Errorf("agenda calendar: %s item of case %s has no ID to name it by", it.Kind, it.CaseID)
	}
	return uid + "@houvast", nil
}

// agendaSummary is an event's one line: reference, first name, and what it
// is about. It feeds the scan exactly the texts of the case it writes; the
// rest are the domain's own words.
func agendaSummary(it actionlist.AgendaItem, lang actionlist.Lang, scan *bsnScan) string {
	clean := func(w Where, s string) string {
		s = actionlist.CleanText(s, false)
		scan.check(w, s)
		return s
	}
	var parts []string
	if ref := clean(Where{What: InCase}, it.Ref); ref != "" {
		parts = append(parts, ref)
	}
	if name := clean(Where{What: InCase}, it.Name); name != "" {
		parts = append(parts, name)
	}
	what := actionlist.AgendaKindLabel(it.Kind, lang)
	if it.Generalist {
		what += " (" + actionlist.RoleLabel(actionlist.RoleGeneralist, lang) + ")"
	}
	switch it.Kind {
	case actionlist.AgendaDeadlinePassed, actionlist.AgendaDeadlineClose:
		what += ": " + actionlist.DeadlineLabel(it.Deadline.Kind, lang)
	case actionlist.AgendaAppointment:
	default:
		if title := clean(Where{What: InStep, Title: it.Step.Title}, it.Step.Title); title != "" {
			what += ": " + title
		}
	}
	return strings.Join(append(parts, what), " · ")
}

// agendaText holds the agenda calendar's own words, one value per language
// (the kinds and clocks are actionlist's words).
type agendaText struct {
	Calendar string // the calendar's name in the calendar app
}

var (
	agendaDutch   = agendaText{Calendar: "Houvast – agenda schuldhulp"}
	agendaEnglish = agendaText{Calendar: "Houvast – debt help agenda"}
)

func agendaTexts(l actionlist.Lang) *agendaText {
	if l == actionlist.English {
		return &agendaEnglish
	}
	return &agendaDutch
}
