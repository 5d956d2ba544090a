package actionlist

import (
	"errors"
	"testing"
	"time"
)

func TestParseDateInput(t *testing.T) {
	today := MustDate("2026-11-23") // a Monday
	tests := []struct {
		in   string
		want string // "" = no date; "err" = refused
	}{
		{"", ""},
		{"   ", ""},
		{"12-3", "2027-03-12"},       // nearer next March than last March
		{"20-11", "2026-11-20"},      // three days ago, not next year
		{"1-1", "2027-01-01"},        // nearer in the future
		{"30-5", "2026-05-30"},       // nearer in the past
		{"12-03-2027", "2027-03-12"}, // full Dutch form
		{"12/3/27", "2027-03-12"},
		{"12.03.2027", "2027-03-12"},
		{"2027-03-12", "2027-03-12"},
		{"12 maart", "2027-03-12"},
		{"12 mrt 2027", "2027-03-12"},
		{"12 march", "2027-03-12"},
		{"3 dec", "2026-12-03"},
		{"+7", "2026-11-30"},
		{"+0", "2026-11-23"},
		{"+2w", "2026-12-07"},
		{"+10d", "2026-12-03"},
		{"vandaag", "2026-11-23"},
		{"today", "2026-11-23"},
		{"morgen", "2026-11-24"},
		{"Tomorrow", "2026-11-24"},
		{"overmorgen", "2026-11-25"},
		{"ma", "2026-11-30"}, // Monday on a Monday: next week
		{"maandag", "2026-11-30"},
		{"mon", "2026-11-30"},
		{"di", "2026-11-24"},
		{"tuesday", "2026-11-24"},
		{"vr", "2026-11-27"},
		{"zondag", "2026-11-29"},
		{"29-2-2028", "2028-02-29"},
		{"29-2-2027", "err"},
		{"31-4", "err"},
		{"32-1", "err"},
		{"0-1", "err"},
		{"12-13", "err"},
		{"12-3-999", "err"},
		{"twaalf maart", "err"},
		{"+", "err"},
		{"+-3", "err"},
		{"+99999", "err"},
		{"12-3-2027-1", "err"},
		{"banaan", "err"},
		{"2027-02-30", "err"},
		{"1-1-1800", "err"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDateInput(tt.in, today)
			if tt.want == "err" {
				if !errors.Is(err, ErrDateInput) {
					t.Errorf("got %s, %v; want an ErrDateInput", got, err)
				}
				return
			}
			if err != nil || got.String() != tt.want {
				t.Errorf("got %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestParseDateInputRefusesHugeText(t *testing.T) {
	huge := make([]byte, 1<<20)
	for i := range huge {
		huge[i] = '1'
	}
	if _, err := ParseDateInput(string(huge), MustDate("2026-11-23")); !errors.Is(err, ErrDateInput) {
		t.Fatalf("a megabyte of digits: %v", err)
	}
}

func TestParseDateTimeInput(t *testing.T) {
	today := MustDate("2026-11-23")
	loc := time.UTC
	tests := []struct {
		in      string
		want    string
		hasTime bool
		err     error
	}{
		{"di 14:00", "2026-11-24 14:00", true, nil},
		{"12-3 9.30", "2027-03-12 09:30", true, nil},
		{"morgen 10u", "2026-11-24 10:00", true, nil},
		{"12 maart 2027 16:45", "2027-03-12 16:45", true, nil},
		{"+7", "2026-11-30 00:00", false, nil},
		{"di 25:00", "", false, ErrTimeInput},
		{"di 14:75", "", false, ErrTimeInput},
		{"nooit 14:00", "", false, ErrDateInput},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, hasTime, err := ParseDateTimeInput(tt.in, today, loc)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Errorf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil || got.Format(TimeLayout) != tt.want || hasTime != tt.hasTime {
				t.Errorf("got %s (time %v), %v; want %s (time %v)", got.Format(TimeLayout), hasTime, err, tt.want, tt.hasTime)
			}
		})
	}
}

func FuzzParseDateInput(f *testing.F) {
	for _, s := range []string{"12-3", "+7", "ma", "12 maart 2027", "2027-02-29", "29-2", "+2w", "di 14:00"} {
		f.Add(s)
	}
	today := MustDate("2026-11-23")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDateInput(s, today)
		if err != nil {
			if !errors.Is(err, ErrDateInput) {
				t.Fatalf("unexpected error kind %v", err)
			}
			return
		}
		if !d.IsZero() && (d.Year() < 1900 || d.Year() > 2200) {
			t.Fatalf("%q gave an implausible date %s", s, d)
		}
		if _, _, err := ParseDateTimeInput(s, today, time.UTC); err != nil && !errors.Is(err, ErrDateInput) && !errors.Is(err, ErrTimeInput) {
			t.Fatalf("date-time: unexpected error %v", err)
		}
	})
}
