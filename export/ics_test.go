package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"

	"houvast/actionlist"
)

// parseICS reads a calendar back with golang-ical.
func parseICS(t *testing.T, data []byte) *ics.Calendar {
	t.Helper()
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("golang-ical cannot read the calendar: %v\n%s", err, data)
	}
	return cal
}

// icsLines is a calendar as its content lines unfolded and unescaped,
// "NAME;PARAM=VALUE:value" one a line, for tests that look for what a
// person reads in it.
func icsLines(t *testing.T, data []byte) string {
	t.Helper()
	cal := parseICS(t, data)
	var b strings.Builder
	line := func(p ics.BaseProperty) {
		b.WriteString(p.IANAToken)
		keys := make([]string, 0, len(p.ICalParameters))
		for k := range p.ICalParameters {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			b.WriteString(";" + k + "=" + strings.Join(p.ICalParameters[k], ","))
		}
		b.WriteString(":" + p.Value + "\n")
	}
	for _, p := range cal.CalendarProperties {
		line(p.BaseProperty)
	}
	var walk func(cs []ics.Component)
	walk = func(cs []ics.Component) {
		for _, c := range cs {
			b.WriteString("BEGIN:component\n")
			for _, p := range c.UnknownPropertiesIANAProperties() {
				line(p.BaseProperty)
			}
			walk(c.SubComponents())
			b.WriteString("END:component\n")
		}
	}
	walk(cal.Components)
	return b.String()
}

// prop is the value of an event's property, "" when it has none.
func prop(e *ics.VEvent, p ics.ComponentProperty) string {
	if v := e.GetProperty(p); v != nil {
		return v.Value
	}
	return ""
}

// checkICSLines: CRLF line ends, no line over 75 octets, no fold inside a
// UTF-8 sequence (RFC 5545, 3.1).
func checkICSLines(t *testing.T, data []byte) {
	t.Helper()
	s := string(data)
	if !strings.HasSuffix(s, "END:VCALENDAR\r\n") || strings.Count(s, "\n") != strings.Count(s, "\r\n") {
		t.Error("not every line ends in CRLF")
	}
	for _, line := range strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line of %d octets: %q", len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("a fold splits a character: %q", line)
		}
	}
}

// pyEvent is an event as Python's icalendar reads it.
type pyEvent struct {
	UID, Summary, Location, Description, Class, Transp string
	Start, End                                         string // ISO dates or date-times
	StartIsDate, EndIsDate                             bool
	StartZone                                          string // "" for a floating time or a date
	Duration                                           float64
	Sequence                                           int
	Stamp                                              string
}

type pyCalendar struct {
	Name, ProdID, Version string
	Events                []pyEvent
	Errors                []string // what icalendar's lenient parser put aside
}

const pyReader = `
import datetime, json, sys
import icalendar

cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = {'Name': str(cal.get('X-WR-CALNAME', '')), 'ProdID': str(cal.get('PRODID', '')),
       'Version': str(cal.get('VERSION', '')), 'Events': [], 'Errors': []}
for c in cal.walk():
    for e in getattr(c, 'errors', []) or []:
        out['Errors'].append('%s: %s' % (c.name, e))
def when(ev, name):
    if name not in ev:
        return '', False, ''
    v = ev.decoded(name)
    if isinstance(v, datetime.datetime):
        return v.isoformat(), False, str(v.tzinfo) if v.tzinfo else ''
    return v.isoformat(), True, ''
for ev in cal.walk('VEVENT'):
    start, start_date, zone = when(ev, 'DTSTART')
    end, end_date, _ = when(ev, 'DTEND')
    out['Events'].append({
        'UID': str(ev.get('UID', '')), 'Summary': str(ev.get('SUMMARY', '')),
        'Location': str(ev.get('LOCATION', '')), 'Description': str(ev.get('DESCRIPTION', '')),
        'Class': str(ev.get('CLASS', '')), 'Transp': str(ev.get('TRANSP', '')),
        'Start': start, 'StartIsDate': start_date, 'StartZone': zone,
        'End': end, 'EndIsDate': end_date,
        'Duration': ev.decoded('DURATION').total_seconds() if 'DURATION' in ev else 0,
        'Sequence': int(ev.get('SEQUENCE', 0)),
        'Stamp': ev.decoded('DTSTAMP').isoformat() if 'DTSTAMP' in ev else '',
    })
json.dump(out, sys.stdout)
`

// pythonICalendar reads a calendar with Python's icalendar module (Debian's
// python3-icalendar), a reader that shares no code with golang-ical.
// Without it the test is skipped, except in CI, where it must be there.
func pythonICalendar(t *testing.T, data []byte) pyCalendar {
	t.Helper()
	const python = "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import icalendar").Run(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("Python's icalendar module cannot be imported by %s (%v): install python3-icalendar, as .ci/run does", python, err)
		}
		t.Skip("Python's icalendar module is not installed (apt-get install python3-icalendar)")
	}
	dir := t.TempDir()
	script, in := filepath.Join(dir, "read.py"), filepath.Join(dir, "c.ics")
	if err := os.WriteFile(script, []byte(pyReader), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, data, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, script, in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("Python's icalendar cannot read the calendar: %v\n%s\n%s", err, stderr.String(), data)
	}
	var cal pyCalendar
	if err := json.Unmarshal(out, &cal); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(cal.Errors) > 0 {
		t.Errorf("Python's icalendar put aside what it could not read: %q", cal.Errors)
	}
	return cal
}

func TestCalendarsReadByPythonICalendar(t *testing.T) {
	now := time.Date(2026, 11, 23, 8, 30, 0, 0, time.UTC)
	t.Run("summary", func(t *testing.T) {
		c := fixture(actionlist.Dutch)
		c.Steps[3].Title = strings.Repeat("Één lange titel met € en ë, ", 8)
		// An appointment's time in another zone than the laptop's: the
		// file holds its wall time.
		c.Next.At = time.Date(2026, 11, 30, 14, 0, 0, 0, time.FixedZone("UTC-5", -5*3600))
		data, err := Options{Now: now}.Summary(c, ICS, today)
		if err != nil {
			t.Fatal(err)
		}
		cal := pythonICalendar(t, data)
		if cal.Name != "Houvast – Zoë" || !strings.Contains(cal.ProdID, "Houvast") || cal.Version != "2.0" {
			t.Errorf("calendar %q, %q, %q", cal.Name, cal.ProdID, cal.Version)
		}
		want := []pyEvent{
			{UID: "case-1-20261130@houvast", Summary: dutch.ApptEvent, Location: "Buurthuis Één, zaal 2; €5 koffie",
				Start: "2026-11-30T14:00:00", Duration: 3600},
			{UID: "n1@houvast", Summary: fmt.Sprintf(dutch.DueEvent, strings.TrimSpace(c.Steps[3].Title)), Transp: "TRANSPARENT",
				Start: "2026-11-27", StartIsDate: true, End: "2026-11-28", EndIsDate: true},
			{UID: "n3@houvast", Summary: fmt.Sprintf(dutch.DueEvent, "NOW-3: bel samen de woningcorporatie"), Transp: "TRANSPARENT",
				Start: "2026-11-30", StartIsDate: true, End: "2026-12-01", EndIsDate: true},
		}
		if len(cal.Events) != len(want) {
			t.Fatalf("%d events, want %d: %+v", len(cal.Events), len(want), cal.Events)
		}
		for i, w := range want {
			got := cal.Events[i]
			if got.Stamp != "2026-11-23T08:30:00+00:00" || got.Sequence != icsSequence(now) {
				t.Errorf("event %d stamped %q", i, got.Stamp)
			}
			got.Description, got.Stamp, got.Sequence = "", "", 0
			if got != w {
				t.Errorf("event %d:\n got %+v\nwant %+v", i, got, w)
			}
		}
		if d := cal.Events[0].Description; !strings.Contains(d, "Met: Ahmed, Marieke") || strings.Contains(d, internalMark) {
			t.Errorf("the appointment's description %q", d)
		}
	})
	t.Run("agenda", func(t *testing.T) {
		items := actionlist.Agenda(agendaCases(), today, 6)
		data, err := AgendaCalendar(items, AgendaCalendarOptions{Lang: actionlist.Dutch, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		cal := pythonICalendar(t, data)
		if cal.Name != agendaDutch.Calendar || !strings.Contains(cal.ProdID, "Houvast") {
			t.Errorf("calendar %q, %q", cal.Name, cal.ProdID)
		}
		if len(cal.Events) != len(items) {
			t.Fatalf("%d events for %d items", len(cal.Events), len(items))
		}
		for i, it := range items {
			got := cal.Events[i]
			uid, _ := agendaUID(it)
			if got.UID != uid || got.Class != "PRIVATE" || got.Stamp != "2026-11-23T08:30:00+00:00" || got.Sequence != icsSequence(now) {
				t.Errorf("item %d (%s): %+v", i, it.Kind, got)
			}
			if !strings.HasPrefix(got.Summary, it.Ref+" · "+it.Name+" · "+actionlist.AgendaKindLabel(it.Kind, actionlist.Dutch)) {
				t.Errorf("item %d: summary %q", i, got.Summary)
			}
			if it.Kind == actionlist.AgendaAppointment {
				if got.Start != it.At.Format("2006-01-02T15:04:05") || got.StartIsDate || got.StartZone != "" || got.Duration != 3600 {
					t.Errorf("the appointment: %+v", got)
				}
				continue
			}
			if got.Start != it.When.String() || !got.StartIsDate || got.End != it.When.AddDays(1).String() || !got.EndIsDate || got.Transp != "TRANSPARENT" {
				t.Errorf("item %d (%s) not all day on %s: %+v", i, it.Kind, it.When, got)
			}
		}
	})
}
