package export

import (
	"strings"
	"time"
	"unicode/utf8"
)

// renderICS writes an iCalendar file (RFC 5545) for the resident's phone:
// the next appointment at its local wall time (a floating time, so the
// phone shows it as agreed wherever it is set), and the due dates of the
// resident's own Now steps as all-day events. UIDs come from the case and
// step IDs, so importing a newer file updates entries instead of doubling
// them.
func renderICS(v view, stamp time.Time) []byte {
	var b strings.Builder
	prop := func(name, value string) { icsLine(&b, name+":"+value) }
	text := func(name, value string) { icsLine(&b, name+":"+icsEscape(value)) }
	prop("BEGIN", "VCALENDAR")
	prop("VERSION", "2.0")
	prop("PRODID", "-//Houvast//Houvast summary//"+strings.ToUpper(string(v.lang)))
	prop("CALSCALE", "GREGORIAN")
	prop("METHOD", "PUBLISH")
	text("X-WR-CALNAME", v.calendar)
	dtstamp := stamp.UTC().Format("20060102T150405Z")
	for _, e := range v.events {
		prop("BEGIN", "VEVENT")
		prop("UID", icsEscape(e.uid)+"@houvast")
		prop("DTSTAMP", dtstamp)
		if e.at.IsZero() {
			prop("DTSTART;VALUE=DATE", e.day.Time(time.UTC).Format("20060102"))
			prop("DTEND;VALUE=DATE", e.day.AddDays(1).Time(time.UTC).Format("20060102"))
			prop("TRANSP", "TRANSPARENT")
		} else {
			prop("DTSTART", e.at.Format("20060102T150405"))
			prop("DURATION", "PT1H")
		}
		text("SUMMARY", e.summary)
		if e.place != "" {
			text("LOCATION", e.place)
		}
		if e.desc != "" {
			text("DESCRIPTION", e.desc)
		}
		prop("END", "VEVENT")
	}
	prop("END", "VCALENDAR")
	return []byte(b.String())
}

// icsEscape escapes a TEXT value: backslash, semicolon, comma and line
// breaks (RFC 5545, 3.3.11); other control characters are dropped.
func icsEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == ';':
			b.WriteString(`\;`)
		case r == ',':
			b.WriteString(`\,`)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// icsLine writes one content line, folded so no line is longer than 75
// octets (a fold is CRLF and a space), never inside a UTF-8 sequence.
func icsLine(b *strings.Builder, line string) {
	limit := 75
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(line)
	b.WriteString("\r\n")
}
