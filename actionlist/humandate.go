package actionlist

import (
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// ErrDateInput is returned for text that is not a date Houvast understands;
// the screens turn it into a sentence with examples.
var ErrDateInput = errors.New("not a date")

// ErrTimeInput is returned for a time of day that is not HH:MM.
var ErrTimeInput = errors.New("not a time")

// MaxDateInput bounds what the date parser reads: a date is short.
const MaxDateInput = 40

var weekdays = map[string]time.Weekday{
	"zo": time.Sunday, "zon": time.Sunday, "zondag": time.Sunday, "sun": time.Sunday, "sunday": time.Sunday, "su": time.Sunday,
	"ma": time.Monday, "maa": time.Monday, "maandag": time.Monday, "mon": time.Monday, "monday": time.Monday, "mo": time.Monday,
	"di": time.Tuesday, "din": time.Tuesday, "dinsdag": time.Tuesday, "tue": time.Tuesday, "tues": time.Tuesday, "tuesday": time.Tuesday, "tu": time.Tuesday,
	"wo": time.Wednesday, "woe": time.Wednesday, "woensdag": time.Wednesday, "wed": time.Wednesday, "wednesday": time.Wednesday, "we": time.Wednesday,
	"do": time.Thursday, "don": time.Thursday, "donderdag": time.Thursday, "thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday, "thursday": time.Thursday, "th": time.Thursday,
	"vr": time.Friday, "vrij": time.Friday, "vrijdag": time.Friday, "fri": time.Friday, "friday": time.Friday, "fr": time.Friday,
	"za": time.Saturday, "zat": time.Saturday, "zaterdag": time.Saturday, "sat": time.Saturday, "saturday": time.Saturday, "sa": time.Saturday,
}

var months = map[string]time.Month{
	"jan": 1, "januari": 1, "january": 1,
	"feb": 2, "februari": 2, "february": 2,
	"mrt": 3, "maart": 3, "mar": 3, "march": 3,
	"apr": 4, "april": 4,
	"mei": 5, "may": 5,
	"jun": 6, "juni": 6, "june": 6,
	"jul": 7, "juli": 7, "july": 7,
	"aug": 8, "augustus": 8, "august": 8,
	"sep": 9, "sept": 9, "september": 9,
	"okt": 10, "oct": 10, "oktober": 10, "october": 10,
	"nov": 11, "november": 11,
	"dec": 12, "december": 12,
}

var relative = map[string]int{
	"vandaag": 0, "today": 0, "nu": 0, "now": 0,
	"morgen": 1, "tomorrow": 1,
	"overmorgen": 2,
	"gisteren":   -1, "yesterday": -1,
}

// ParseDateInput reads a date as people type it, in Dutch or English:
// 12-3, 12-03-2027, 12/3/27, 2027-03-12, 12 maart, +7 (days), +2w (weeks),
// ma or maandag or mon (the next such day), morgen or tomorrow. A day and
// month without a year means the one nearest to today, so "12-3" in November
// is next March and "20-11" in November is this week. Empty text is no date.
func ParseDateInput(s string, today Date) (Date, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return Date{}, nil
	}
	if len(s) > MaxDateInput {
		return Date{}, ErrDateInput
	}
	s = strings.TrimSuffix(s, ".")
	if n, ok := relative[s]; ok {
		return today.AddDays(n), nil
	}
	if wd, ok := weekdays[s]; ok {
		ahead := (int(wd) - int(today.Weekday()) + 7) % 7
		if ahead == 0 {
			ahead = 7
		}
		return today.AddDays(ahead), nil
	}
	if strings.HasPrefix(s, "+") {
		return parseOffset(s[1:], today)
	}
	if y, m, d, ok := isoParts(s); ok {
		return validDate(y, m, d)
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == '.' || r == ' ' })
	if len(parts) < 2 || len(parts) > 3 {
		return Date{}, ErrDateInput
	}
	day, err := strconv.Atoi(parts[0])
	if err != nil {
		return Date{}, ErrDateInput
	}
	month, ok := months[parts[1]]
	if !ok {
		n, err := strconv.Atoi(parts[1])
		if err != nil {
			return Date{}, ErrDateInput
		}
		month = time.Month(n)
	}
	if len(parts) == 3 {
		year, err := strconv.Atoi(parts[2])
		if err != nil || len(parts[2]) == 3 || len(parts[2]) > 4 {
			return Date{}, ErrDateInput
		}
		if len(parts[2]) <= 2 {
			year += 2000
		}
		return validDate(year, int(month), day)
	}
	return nearestYear(day, month, today)
}

func parseOffset(s string, today Date) (Date, error) {
	unit := 1
	switch {
	case strings.HasSuffix(s, "w"):
		unit, s = 7, strings.TrimSuffix(s, "w")
	case strings.HasSuffix(s, "d"):
		s = strings.TrimSuffix(s, "d")
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 || n > 3650 {
		return Date{}, ErrDateInput
	}
	return today.AddDays(n * unit), nil
}

func isoParts(s string) (y, m, d int, ok bool) {
	parts := strings.Split(s, "-")
	if len(parts) != 3 || len(parts[0]) != 4 {
		return 0, 0, 0, false
	}
	var err error
	if y, err = strconv.Atoi(parts[0]); err != nil {
		return 0, 0, 0, false
	}
	if m, err = strconv.Atoi(parts[1]); err != nil {
		return 0, 0, 0, false
	}
	if d, err = strconv.Atoi(parts[2]); err != nil {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

// validDate refuses days that do not exist (31-2) instead of rolling over.
func validDate(y, m, d int) (Date, error) {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return Date{}, ErrDateInput
	}
	date := NewDate(y, time.Month(m), d)
	if date.Day() != d {
		return Date{}, ErrDateInput
	}
	return date, nil
}

func nearestYear(day int, month time.Month, today Date) (Date, error) {
	var best Date
	found := false
	for _, y := range []int{today.Year() - 1, today.Year(), today.Year() + 1} {
		d, err := validDate(y, int(month), day)
		if err != nil {
			continue
		}
		if !found || abs(today.DaysUntil(d)) < abs(today.DaysUntil(best)) {
			best, found = d, true
		}
	}
	if !found {
		return Date{}, ErrDateInput
	}
	return best, nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// ParseDateTimeInput reads a date with an optional time of day at the end:
// "di 14:00", "12-3 9.30", "morgen 10u". Without a time it is 00:00 and
// hasTime is false.
func ParseDateTimeInput(s string, today Date, loc *time.Location) (t time.Time, hasTime bool, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false, nil
	}
	datePart, clock := s, ""
	if i := strings.LastIndexFunc(s, unicode.IsSpace); i > 0 && looksLikeClock(s[i+1:]) {
		datePart, clock = s[:i], s[i+1:]
	}
	d, err := ParseDateInput(datePart, today)
	if err != nil {
		return time.Time{}, false, err
	}
	if d.IsZero() {
		return time.Time{}, false, ErrDateInput
	}
	h, m := 0, 0
	if clock != "" {
		if h, m, err = parseClock(clock); err != nil {
			return time.Time{}, false, err
		}
	}
	return time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, loc), clock != "", nil
}

func looksLikeClock(s string) bool {
	return strings.ContainsAny(s, ":u") || (strings.Contains(s, ".") && len(s) <= 5 && len(s) >= 4)
}

func parseClock(s string) (int, int, error) {
	s = strings.TrimSuffix(strings.ToLower(s), "u")
	var hs, ms string
	if i := strings.IndexAny(s, ":."); i >= 0 {
		hs, ms = s[:i], s[i+1:]
	} else {
		hs, ms = s, "0"
	}
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 || len(ms) > 2 {
		return 0, 0, ErrTimeInput
	}
	return h, m, nil
}
