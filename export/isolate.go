package export

import (
	"strings"

	xbidi "golang.org/x/text/unicode/bidi"
)

// In a right-to-left summary, a stretch of Latin letters and digits (a
// name, a phone number, a case reference, a place) is read left to right
// as one piece. The bidi algorithm alone splits some of them: after Arabic
// text "06-12345678" becomes two numbers shown as "12345678-06". So each
// such stretch is put between LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL
// ISOLATE (U+2066, U+2069), which browsers, editors and the PDF's layout
// honour, and which a reader never sees.
const (
	lri = '\u2066'
	pdi = '\u2069'
)

// isIsolate is true for the isolates' marks, LRI to PDI (U+2066 to U+2069).
func isIsolate(r rune) bool { return r >= lri && r <= pdi }

// isolateLTR wraps each left-to-right stretch of s: from a letter or digit
// that reads left to right to the last such one before right-to-left text
// or the end, with what stands between them.
func isolateLTR(s string) string {
	if !strings.ContainsFunc(s, isRTL) {
		return s // nothing to keep apart from
	}
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if !isLTR(rs[i]) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		end := i // the last left-to-right letter or digit of the stretch
		for j := i; j < len(rs) && !isRTL(rs[j]); j++ {
			if isLTR(rs[j]) {
				end = j
			}
		}
		b.WriteRune(lri)
		b.WriteString(string(rs[i : end+1]))
		b.WriteRune(pdi)
		i = end + 1
	}
	return b.String()
}

func bidiClass(r rune) xbidi.Class {
	p, _ := xbidi.LookupRune(r)
	return p.Class()
}

func isLTR(r rune) bool {
	c := bidiClass(r)
	return c == xbidi.L || c == xbidi.EN
}

func isRTL(r rune) bool {
	c := bidiClass(r)
	return c == xbidi.R || c == xbidi.AL
}

// isolateBlocks wraps the left-to-right stretches of every line a reader
// sees in a right-to-left summary (not the calendar's entries, which the
// phone lays out itself).
func isolateBlocks(blocks []block) {
	one := func(s *string) { *s = isolateLTR(*s) }
	for i := range blocks {
		b := &blocks[i]
		one(&b.text)
		one(&b.label)
		one(&b.meta)
		for j := range b.lines {
			one(&b.lines[j].label)
			one(&b.lines[j].text)
		}
		for j := range b.lines2 {
			one(&b.lines2[j])
		}
	}
}

// isolateDebts does the same for the debt overview.
func isolateDebts(o *debtOverview) {
	one := func(s *string) { *s = isolateLTR(*s) }
	for _, s := range []*string{&o.title, &o.intro, &o.creditor, &o.amount, &o.status, &o.totalLabel, &o.total, &o.progress} {
		one(s)
	}
	for i := range o.rows {
		one(&o.rows[i].creditor)
		one(&o.rows[i].amount)
		one(&o.rows[i].status)
	}
}
