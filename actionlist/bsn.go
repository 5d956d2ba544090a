package actionlist

import (
	"regexp"
	"strings"
)

// Houvast never stores a citizen service number (BSN). FindBSN spots text that
// looks like one, so it can be flagged before it is saved or exported.

// numberRun is a run of digit groups joined by single spaces, dots or dashes.
var numberRun = regexp.MustCompile(`\d+(?:[ .\-]\d+)*`)

// FindBSN returns the numbers in s that look like a BSN: nine digits, written
// together or grouped (123.456.782, 1234 56 782), that pass the eleven-test.
func FindBSN(s string) []string {
	var found []string
	for _, run := range numberRun.FindAllString(s, -1) {
		groups := strings.FieldsFunc(run, func(r rune) bool { return r == ' ' || r == '.' || r == '-' })
		if all := strings.Join(groups, ""); len(all) == 9 && elevenTest(all) {
			found = append(found, run)
			continue
		}
		// A longer run (a date next to a number, a list) may still hold one.
		for _, g := range groups {
			if len(g) == 9 && elevenTest(g) {
				found = append(found, g)
			}
		}
	}
	return found
}

// elevenTest is the BSN check: 9a+8b+7c+6d+5e+4f+3g+2h-1i is a multiple of 11
// and not zero.
func elevenTest(d string) bool {
	sum := 0
	for i := range 8 {
		sum += (9 - i) * int(d[i]-'0')
	}
	sum -= int(d[8] - '0')
	return sum != 0 && sum%11 == 0
}

// HasBSN reports whether any of the texts holds something that looks like a BSN.
func HasBSN(texts ...string) bool {
	for _, t := range texts {
		if ninedigits(t) && len(FindBSN(t)) > 0 {
			return true
		}
	}
	return false
}

// ninedigits is true when s holds nine digits or more: a text with fewer
// holds no BSN, and most texts are checked this way without a regexp.
func ninedigits(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if n++; n == 9 {
				return true
			}
		}
	}
	return false
}

// ShownText is stored or typed text as a sentence or a screen says it: on
// one line, without terminal escapes, and with every number that looks like
// a BSN masked (MaskBSN). Every name, title or reference said goes through it.
func ShownText(s string) string { return MaskBSN(CleanText(s, false)) }

// ShownPath is a file's name as the user gave it, safe for the terminal: no
// BSN is masked in it (a number in a folder's name is no resident's, and the
// user must see which file is meant).
func ShownPath(s string) string { return CleanText(s, false) }

// MaskBSN hides all but the last three digits of every number in s that
// looks like a BSN, so a sentence that names a step or a case never shows
// one in full, on a screen someone else may see or in a message that is
// passed on. Text without nine digits is returned as it is, at once.
func MaskBSN(s string) string {
	digits := 0
	for i := 0; i < len(s) && digits < 9; i++ {
		if s[i] >= '0' && s[i] <= '9' {
			digits++
		}
	}
	if digits < 9 {
		return s
	}
	for _, n := range FindBSN(s) {
		s = strings.ReplaceAll(s, n, maskDigits(n))
	}
	return s
}

// maskDigits keeps the last three digits of a number and its separators.
func maskDigits(n string) string {
	total := 0
	for _, r := range n {
		if r >= '0' && r <= '9' {
			total++
		}
	}
	b := []byte(n)
	seen := 0
	for i, c := range b {
		if c >= '0' && c <= '9' {
			seen++
			if seen <= total-3 {
				b[i] = '*'
			}
		}
	}
	return string(b)
}
