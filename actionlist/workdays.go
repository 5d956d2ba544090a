package actionlist

import "time"

// Working days, as Dutch law counts them for a deadline (the Algemene
// termijnenwet): Monday to Friday, without the public holidays it names:
// New Year's Day, Easter Monday, King's Day, the fifth of May (Liberation
// Day, every year), Ascension Day, Whit Monday, Christmas and Boxing Day.
// Good Friday is no such holiday.

// Easter is Easter Sunday of a year in the Gregorian calendar (the
// anonymous algorithm of Meeus, Jones and Butcher).
func Easter(year int) Date {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return NewDate(year, time.Month(month), day)
}

// Holiday names a Dutch public holiday.
type Holiday string

const (
	NoHoliday       Holiday = ""
	NewYear         Holiday = "new_year"
	EasterMonday    Holiday = "easter_monday"
	KingsDay        Holiday = "kings_day"
	LiberationDay   Holiday = "liberation_day"
	AscensionDay    Holiday = "ascension_day"
	WhitMonday      Holiday = "whit_monday"
	ChristmasDay    Holiday = "christmas"
	SecondChristmas Holiday = "boxing_day"
)

// HolidayOn tells which public holiday a date is, if any.
func HolidayOn(d Date) Holiday {
	y, m, day := d.Year(), d.Month(), d.Day()
	switch {
	case m == time.January && day == 1:
		return NewYear
	case m == time.December && day == 25:
		return ChristmasDay
	case m == time.December && day == 26:
		return SecondChristmas
	case m == time.May && day == 5:
		return LiberationDay
	case m == time.April && (day == 27 || day == 26):
		// King's Day moves to the 26th when the 27th is a Sunday.
		kings := NewDate(y, time.April, 27)
		if kings.Weekday() == time.Sunday {
			kings = kings.AddDays(-1)
		}
		if d == kings {
			return KingsDay
		}
		return NoHoliday
	}
	easter := Easter(y)
	switch d {
	case easter.AddDays(1):
		return EasterMonday
	case easter.AddDays(39):
		return AscensionDay
	case easter.AddDays(50):
		return WhitMonday
	}
	return NoHoliday
}

// IsWorkingDay is true from Monday to Friday, except on public holidays.
func IsWorkingDay(d Date) bool {
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	return HolidayOn(d) == NoHoliday
}

// AddWorkingDays is the date n working days after d (n ≥ 0); the day
// itself does not count, so "within 3 working days" of a request on a
// Friday is the Wednesday after, or later around a holiday.
func AddWorkingDays(d Date, n int) Date {
	for n > 0 {
		d = d.AddDays(1)
		if IsWorkingDay(d) {
			n--
		}
	}
	return d
}

// WorkingDaysBetween counts the working days after from up to and
// including to; negative when to is before from.
func WorkingDaysBetween(from, to Date) int {
	sign := 1
	if to.Before(from) {
		from, to, sign = to, from, -1
	}
	n := 0
	for d := from.AddDays(1); !d.After(to); d = d.AddDays(1) {
		if IsWorkingDay(d) {
			n++
		}
	}
	return sign * n
}

var holidayWords = map[Holiday]words{
	NewYear:         {"Nieuwjaarsdag", "New Year's Day"},
	EasterMonday:    {"Tweede Paasdag", "Easter Monday"},
	KingsDay:        {"Koningsdag", "King's Day"},
	LiberationDay:   {"Bevrijdingsdag", "Liberation Day"},
	AscensionDay:    {"Hemelvaartsdag", "Ascension Day"},
	WhitMonday:      {"Tweede Pinksterdag", "Whit Monday"},
	ChristmasDay:    {"Eerste Kerstdag", "Christmas Day"},
	SecondChristmas: {"Tweede Kerstdag", "Boxing Day"},
}

// HolidayLabel names a holiday in a language.
func HolidayLabel(h Holiday, l Lang) string { return label(holidayWords, h, l) }
