package actionlist

import (
	"strings"
	"unicode"
)

// AmountProblem is what is wrong with a typed amount.
type AmountProblem int

const (
	AmountUnreadable AmountProblem = iota + 1
	AmountNegative
	AmountTooLarge
	AmountEmpty
)

// AmountError is an amount that cannot be a debt's; Typed is kept so the
// form can show it back.
type AmountError struct {
	Problem AmountProblem
	Typed   string
}

func (e *AmountError) Error() string {
	switch e.Problem {
	case AmountNegative:
		return "amount is negative"
	case AmountTooLarge:
		return "amount is over €10,000,000"
	case AmountEmpty:
		return "amount is empty"
	}
	return "amount " + e.Typed + " does not read as euros"
}

// ParseAmount reads an amount as people type it: "1.234,56", "€ 1234",
// "1234.5", "12,-", "1 234", "EUR 1,234.56". A single separator followed
// by one or two digits is the decimal one; followed by three, it groups
// thousands. With both a dot and a comma, the last one is decimal.
func ParseAmount(typed string) (Cents, error) {
	bad := func(p AmountProblem) (Cents, error) { return 0, &AmountError{Problem: p, Typed: typed} }
	s := strings.TrimSpace(typed)
	if len(s) > 40 {
		return bad(AmountUnreadable)
	}
	for _, cur := range []string{"€", "EUR", "eur", "Eur"} {
		s = strings.TrimSpace(strings.TrimPrefix(s, cur))
		s = strings.TrimSpace(strings.TrimSuffix(s, cur))
	}
	if s == "" {
		return bad(AmountEmpty)
	}
	negative := false
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−") {
		negative = true
		s = strings.TrimSpace(strings.TrimLeft(s, "-−"))
	}
	whole := false
	for _, suffix := range []string{",--", ".--", ",-", ".-", ",—", ".—"} {
		if strings.HasSuffix(s, suffix) {
			s, whole = strings.TrimSuffix(s, suffix), true
			break
		}
	}
	// Spaces (also the non-breaking ones a copied amount brings) group
	// thousands like a dot does.
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\'' {
			return ' '
		}
		return r
	}, s)
	if s == "" {
		return bad(AmountUnreadable)
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9') && r != '.' && r != ',' && r != ' ' {
			return bad(AmountUnreadable)
		}
	}
	intPart, frac := s, ""
	lastDot, lastComma := strings.LastIndex(s, "."), strings.LastIndex(s, ",")
	decimal := -1
	switch {
	case lastDot >= 0 && lastComma >= 0:
		decimal = max(lastDot, lastComma)
	case lastDot >= 0 || lastComma >= 0:
		sep := max(lastDot, lastComma)
		single := strings.Count(s, string(s[sep])) == 1
		if after := len(s) - sep - 1; single && after >= 1 && after <= 2 {
			decimal = sep
		}
	}
	if decimal >= 0 {
		if whole {
			return bad(AmountUnreadable)
		}
		intPart, frac = s[:decimal], s[decimal+1:]
		if len(frac) < 1 || len(frac) > 2 || strings.ContainsAny(frac, " .,") {
			return bad(AmountUnreadable)
		}
	}
	digits, ok := groupedDigits(intPart)
	if !ok {
		return bad(AmountUnreadable)
	}
	if frac == "" && decimal >= 0 {
		return bad(AmountUnreadable)
	}
	if digits == "" {
		if frac == "" {
			return bad(AmountUnreadable)
		}
		digits = "0"
	}
	digits = strings.TrimLeft(digits, "0")
	if len(digits) > 10 {
		if negative {
			return bad(AmountNegative)
		}
		return bad(AmountTooLarge)
	}
	var c Cents
	for _, r := range digits {
		c = c*10 + Cents(r-'0')
	}
	c *= 100
	if frac != "" {
		f := Cents(frac[0] - '0')
		if len(frac) == 2 {
			f = f*10 + Cents(frac[1]-'0')
		} else {
			f *= 10
		}
		c += f
	}
	switch {
	case negative && c > 0:
		return bad(AmountNegative)
	case c > MaxAmount:
		return bad(AmountTooLarge)
	}
	return c, nil
}

// groupedDigits takes the separators out of a whole number: none at all,
// or one kind (dot, comma or space) between groups of three after a first
// group of one to three digits.
func groupedDigits(s string) (string, bool) {
	if s == "" {
		return "", true
	}
	sep := rune(0)
	for _, r := range s {
		if r == '.' || r == ',' || r == ' ' {
			if sep != 0 && r != sep {
				return "", false
			}
			sep = r
		}
	}
	if sep == 0 {
		return s, true
	}
	groups := strings.Split(s, string(sep))
	for i, g := range groups {
		if g == "" || len(g) > 3 || (i > 0 && len(g) != 3) {
			return "", false
		}
	}
	return strings.Join(groups, ""), true
}
