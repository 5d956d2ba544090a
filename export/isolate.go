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

// isolateView wraps the left-to-right stretches of every line a reader
// sees in a right-to-left summary (not the calendar's entries, which the
// phone lays out itself).
func isolateView(v *view) {
	one := func(s *string) { *s = isolateLTR(*s) }
	many := func(ss []string) {
		for i := range ss {
			one(&ss[i])
		}
	}
	items := func(its []item) {
		for i := range its {
			one(&its[i].title)
			one(&its[i].meta)
			for j := range its[i].lines {
				one(&its[i].lines[j].text)
			}
		}
	}
	for _, s := range []*string{&v.title, &v.made, &v.doneCount, &v.doneMore, &v.nowNone, &v.later, &v.apptNone, &v.contactNone, &v.footer} {
		one(s)
	}
	items(v.done)
	items(v.now)
	many(v.laterBy)
	many(v.appt)
	many(v.agreements)
	many(v.contacts)
}
