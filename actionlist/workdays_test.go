package actionlist

import (
	"testing"
	"time"
)

func TestEaster(t *testing.T) {
	for year, want := range map[int]string{
		2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28",
		2028: "2028-04-16", 2029: "2029-04-01", 2030: "2030-04-21", 2038: "2038-04-25",
	} {
		if got := Easter(year).String(); got != want {
			t.Errorf("Easter %d = %s, want %s", year, got, want)
		}
	}
}

func TestHolidays(t *testing.T) {
	for _, tc := range []struct {
		date string
		want Holiday
	}{
		{"2026-01-01", NewYear}, {"2026-04-06", EasterMonday}, {"2026-04-27", KingsDay},
		{"2026-05-14", AscensionDay}, {"2026-05-25", WhitMonday}, {"2026-12-25", ChristmasDay},
		{"2026-12-26", SecondChristmas}, {"2026-05-05", LiberationDay}, {"2026-04-03", NoHoliday}, // Good Friday
		{"2027-03-29", EasterMonday}, {"2027-04-27", KingsDay}, {"2027-05-06", AscensionDay}, {"2027-05-17", WhitMonday},
		{"2028-04-17", EasterMonday}, {"2028-05-25", AscensionDay}, {"2028-06-05", WhitMonday},
		{"2029-04-02", EasterMonday}, {"2029-05-10", AscensionDay}, {"2029-05-21", WhitMonday},
		{"2030-04-22", EasterMonday}, {"2030-05-05", LiberationDay}, {"2030-05-30", AscensionDay}, {"2030-06-10", WhitMonday},
		{"2025-05-05", LiberationDay}, {"2025-04-26", KingsDay}, {"2025-04-27", NoHoliday}, // the 27th a Sunday
		{"2031-04-26", KingsDay}, {"2031-04-27", NoHoliday},
		{"2026-04-26", NoHoliday}, {"2026-06-01", NoHoliday},
	} {
		if got := HolidayOn(MustDate(tc.date)); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.date, got, tc.want)
		}
	}
}

// The deadlines of the law, worked out by hand on a calendar.
func TestAddWorkingDays(t *testing.T) {
	for _, tc := range []struct {
		from string
		n    int
		want string
		why  string
	}{
		{"2026-04-24", 3, "2026-04-30", "Friday; Monday 27 April is King's Day"},
		{"2026-04-20", 3, "2026-04-23", "a plain week"},
		{"2026-04-22", 3, "2026-04-28", "over the weekend and King's Day"},
		{"2026-04-02", 3, "2026-04-08", "Good Friday counts, Easter Monday does not"},
		{"2026-05-13", 1, "2026-05-15", "Ascension Day"},
		{"2026-05-22", 1, "2026-05-26", "Whit Monday"},
		{"2026-12-24", 3, "2026-12-30", "Christmas, Boxing Day and a weekend"},
		{"2026-12-31", 1, "2027-01-04", "New Year and a weekend"},
		{"2027-03-26", 1, "2027-03-30", "Easter Monday 2027"},
		{"2027-12-23", 3, "2027-12-28", "Christmas on a Saturday, Boxing Day on a Sunday: no weekday lost"},
		{"2028-05-24", 1, "2028-05-26", "Ascension Day 2028"},
		{"2028-12-29", 1, "2029-01-02", "New Year on a Monday"},
		{"2029-05-18", 1, "2029-05-22", "Whit Monday 2029"},
		{"2029-04-26", 1, "2029-04-30", "King's Day on a Friday"},
		{"2030-05-03", 1, "2030-05-06", "Liberation Day on a Sunday"},
		{"2025-05-02", 1, "2025-05-06", "Liberation Day on a Monday"},
		{"2026-05-04", 1, "2026-05-06", "Liberation Day on a Tuesday: every year, as the Algemene termijnenwet counts it"},
		{"2030-04-26", 1, "2030-04-29", "King's Day on a Saturday"},
		{"2026-11-27", 0, "2026-11-27", "no days"},
		{"2026-11-28", 1, "2026-11-30", "from a Saturday"},
	} {
		if got := AddWorkingDays(MustDate(tc.from), tc.n).String(); got != tc.want {
			t.Errorf("%s + %d working days = %s, want %s (%s)", tc.from, tc.n, got, tc.want, tc.why)
		}
		if tc.n > 0 {
			if n := WorkingDaysBetween(MustDate(tc.from), MustDate(tc.want)); n != tc.n {
				t.Errorf("working days from %s to %s: %d, want %d", tc.from, tc.want, n, tc.n)
			}
		}
	}
	if n := WorkingDaysBetween(MustDate("2026-04-30"), MustDate("2026-04-24")); n != -3 {
		t.Errorf("backwards: %d", n)
	}
}

// Over five years, a working day is never a weekend or a holiday, and
// there are the right number of holidays on weekdays.
func TestWorkingDaysOverFiveYears(t *testing.T) {
	for d := MustDate("2026-01-01"); d.Year() <= 2030; d = d.AddDays(1) {
		wd := d.Weekday()
		if IsWorkingDay(d) == (wd == time.Saturday || wd == time.Sunday || HolidayOn(d) != NoHoliday) {
			t.Fatalf("%s (%s, %q): working day %v", d, wd, HolidayOn(d), IsWorkingDay(d))
		}
	}
	count := 0
	for d := MustDate("2026-01-01"); d.Year() == 2026; d = d.AddDays(1) {
		if HolidayOn(d) != NoHoliday {
			count++
		}
	}
	if count != 8 {
		t.Errorf("2026 has %d holidays, want 8", count)
	}
	for _, h := range []Holiday{NewYear, EasterMonday, KingsDay, LiberationDay, AscensionDay, WhitMonday, ChristmasDay, SecondChristmas} {
		if HolidayLabel(h, Dutch) == string(h) || HolidayLabel(h, English) == string(h) {
			t.Errorf("no words for %s", h)
		}
	}
}
