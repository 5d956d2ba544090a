package actionlist

import (
	"errors"
	"testing"
)

func TestParseAmount(t *testing.T) {
	for _, tc := range []struct {
		typed string
		want  Cents
		err   AmountProblem
	}{
		{"1.234,56", 123456, 0},
		{"€ 1234", 123400, 0},
		{"€1234", 123400, 0},
		{"1234.5", 123450, 0},
		{"12,-", 1200, 0},
		{"12,--", 1200, 0},
		{"1 234", 123400, 0},
		{"1\u00a0234,50", 123450, 0},
		{"1,234.56", 123456, 0},
		{"1.234", 123400, 0},
		{"1,234", 123400, 0},
		{"1.234.567", 123456700, 0},
		{"0,5", 50, 0},
		{",75", 75, 0},
		{"  42  ", 4200, 0},
		{"EUR 99,99", 9999, 0},
		{"99,99 €", 9999, 0},
		{"0", 0, 0},
		{"10.000.000", MaxAmount, 0},
		{"10.000.000,01", 0, AmountTooLarge},
		{"99999999999999999999", 0, AmountTooLarge},
		{"-5", 0, AmountNegative},
		{"- 1.234,56", 0, AmountNegative},
		{"", 0, AmountEmpty},
		{"€", 0, AmountEmpty},
		{"twaalf", 0, AmountUnreadable},
		{"12,345,6", 0, AmountUnreadable},
		{"1.23.4", 0, AmountUnreadable},
		{"12,5,-", 0, AmountUnreadable},
		{"1,2345", 0, AmountUnreadable},
		{"1.234 567", 0, AmountUnreadable},
		{"12.", 0, AmountUnreadable},
		{"1e5", 0, AmountUnreadable},
		{"0x10", 0, AmountUnreadable},
		{",-", 0, AmountUnreadable},
	} {
		got, err := ParseAmount(tc.typed)
		if tc.err != 0 {
			var ae *AmountError
			if !errors.As(err, &ae) || ae.Problem != tc.err {
				t.Errorf("ParseAmount(%q) = %d, %v; want problem %d", tc.typed, got, err, tc.err)
			} else if ae.Typed != tc.typed {
				t.Errorf("ParseAmount(%q) kept %q", tc.typed, ae.Typed)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("ParseAmount(%q) = %d, %v; want %d", tc.typed, got, err, tc.want)
		}
	}
}

// Every amount reads back from how it is written, in both languages.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"1.234,56", "€ 1234", "1234.5", "12,-", "1 234", "-3", "1,2,3", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseAmount(s)
		if err != nil {
			var ae *AmountError
			if !errors.As(err, &ae) {
				t.Fatalf("ParseAmount(%q): error %T is no AmountError", s, err)
			}
			return
		}
		if c < 0 || c > MaxAmount {
			t.Fatalf("ParseAmount(%q) = %d: outside 0..MaxAmount", s, c)
		}
		for _, l := range Langs {
			for _, written := range []string{FormatAmount(c, l), AmountInput(c, l)} {
				back, err := ParseAmount(written)
				if err != nil || back != c {
					t.Fatalf("ParseAmount(%q) = %d; written as %q it reads %d, %v", s, c, written, back, err)
				}
			}
		}
	})
}

func TestFormatAmount(t *testing.T) {
	for _, tc := range []struct {
		c     Cents
		l     Lang
		full  string
		euros string
	}{
		{123456, Dutch, "€ 1.234,56", "€ 1.235"},
		{123456, English, "€1,234.56", "€1,235"},
		{2130000, Dutch, "€ 21.300,00", "€ 21.300"},
		{5, Dutch, "€ 0,05", "€ 0"},
		{100000000, English, "€1,000,000.00", "€1,000,000"},
	} {
		if got := FormatAmount(tc.c, tc.l); got != tc.full {
			t.Errorf("FormatAmount(%d, %s) = %q, want %q", tc.c, tc.l, got, tc.full)
		}
		if got := FormatEuros(tc.c, tc.l); got != tc.euros {
			t.Errorf("FormatEuros(%d, %s) = %q, want %q", tc.c, tc.l, got, tc.euros)
		}
	}
}

// The resident's languages write amounts their own way.
func TestFormatAmountFor(t *testing.T) {
	for l, want := range map[CaseLang]string{
		CaseDutch: "€ 1.234,56", CaseEnglish: "€1,234.56", CaseTurkish: "1.234,56 €",
		CasePolish: "1\u00a0234,56 €", CaseArabic: "€ 1,234.56", "xx": "€ 1.234,56",
	} {
		if got := FormatAmountFor(123456, l); got != want {
			t.Errorf("FormatAmountFor(%s) = %q, want %q", l, got, want)
		}
	}
	if got := FormatAmountFor(-500, CaseTurkish); got != "-5,00 €" {
		t.Errorf("a negative Turkish amount: %q", got)
	}
}
