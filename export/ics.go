package export

import (
	"bytes"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"houvast/actionlist"
)

// The calendar files (RFC 5545) are built and written by golang-ical: it
// escapes TEXT values, folds lines at 75 octets without splitting a UTF-8
// sequence, and reads the files back in the tests. Houvast decides what an
// event holds and how its times are written; the helpers below are the
// few places the library's defaults do not fit.

// newCalendar starts a calendar published as a file: a PRODID for Houvast
// and the part of Houvast that made it, and a name for the calendar app
// (NAME of RFC 7986, and X-WR-CALNAME, which more apps read).
func newCalendar(product string, lang string, name string) *ics.Calendar {
	cal := ics.NewCalendarFor("Houvast")
	cal.SetProductId("-//Houvast//" + product + "//" + strings.ToUpper(lang))
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ics.MethodPublish)
	cal.SetName(name)
	return cal
}

// serializeCalendar writes the calendar with CRLF line ends, as RFC 5545
// asks: golang-ical's default on Unix is a bare LF.
func serializeCalendar(cal *ics.Calendar) ([]byte, error) {
	var b bytes.Buffer
	if err := cal.SerializeTo(&b, ics.WithNewLineWindows); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// stampEvent sets DTSTAMP (when the file was made, in UTC) and SEQUENCE.
// A file is published, not kept in step with a server, so Houvast has no
// count of revisions; the sequence is the minutes from 2020 to the stamp
// instead, which only grows. A calendar app that meets a UID again takes
// the event with the higher SEQUENCE, or at an equal one the later DTSTAMP
// (RFC 5546, 2.1.5), so a newer file always updates the entries of an
// older one, whichever of the two rules the app follows.
func stampEvent(e *ics.VEvent, stamp time.Time) {
	e.SetDtStampTime(stamp)
	e.SetSequence(icsSequence(stamp))
}

// sequenceEpoch is the start of the count of minutes SEQUENCE holds.
var sequenceEpoch = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// icsSequence is whole minutes from 2020 to t, never negative. An INTEGER
// holds 31 bits: enough minutes for four thousand years.
func icsSequence(t time.Time) int {
	return max(0, int(t.Sub(sequenceEpoch)/time.Minute))
}

// setAllDay makes the event take the whole of a day (DTSTART and DTEND as
// DATE values, the end the day after), shown as free time: a due date is
// a reminder, not an hour taken.
func setAllDay(e *ics.VEvent, d actionlist.Date) {
	e.SetAllDayStartAt(d.Time(time.UTC))
	e.SetAllDayEndAt(d.AddDays(1).Time(time.UTC))
	e.SetTimeTransparency(ics.TransparencyTransparent)
}

// setWallTime makes the event start at the wall time of at, in its own
// location, written as a floating time (no zone, no Z): an appointment is
// at the hour agreed, and the calendar app shows that hour wherever it is
// set. golang-ical's SetStartAt would convert to UTC, which an app set to
// another zone than the laptop's would show shifted. An appointment is
// given an hour (DURATION; the library's SetDuration would write a DTEND
// in UTC beside the floating start).
func setWallTime(e *ics.VEvent, at time.Time) {
	e.SetProperty(ics.ComponentPropertyDtStart, at.Format("20060102T150405"))
	e.SetProperty(ics.ComponentPropertyDuration, "PT1H")
}

// renderICS writes the resident's calendar for their phone: the next
// appointment at its local wall time, and the due dates of the resident's
// own Now steps as all-day events. UIDs come from the case and step IDs,
// so importing a newer file updates entries instead of doubling them.
// Every text in the view was checked for a BSN; golang-ical escapes and
// folds it.
func renderICS(v view, stamp time.Time) ([]byte, error) {
	cal := newCalendar("Houvast summary", string(v.lang), v.calendar)
	for _, ce := range v.events {
		e := cal.AddEvent(ce.uid + "@houvast")
		stampEvent(e, stamp)
		if ce.at.IsZero() {
			setAllDay(e, ce.day)
		} else {
			setWallTime(e, ce.at)
		}
		e.SetSummary(ce.summary)
		if ce.place != "" {
			e.SetLocation(ce.place)
		}
		if ce.desc != "" {
			e.SetDescription(ce.desc)
		}
	}
	return serializeCalendar(cal)
}
