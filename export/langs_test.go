package export

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/exp/golden"
	"golang.org/x/text/unicode/norm"

	"houvast/actionlist"
	"houvast/demo"
	"houvast/internal/catalogtest"
)

// summaryPart is a catalogue's summary words, with the error sentences
// after them taken from the Dutch: those are the screens', in Dutch and
// English only (TestTextComplete checks them).
func summaryPart(t text) text {
	v, nl := reflect.ValueOf(&t).Elem(), reflect.ValueOf(dutch)
	end := false
	for i := range v.NumField() {
		if v.Type().Field(i).Name == "ErrNotHouvast" {
			end = true
		}
		if end {
			v.Field(i).Set(nl.Field(i))
		}
	}
	return t
}

// TestSummaryTextsInEveryLanguage: every word of the summary is there in
// each resident's language, with the same values in its sentences.
func TestSummaryTextsInEveryLanguage(t *testing.T) {
	langs := map[string]any{}
	for _, l := range actionlist.CaseLangs {
		p := summaryPart(*summaryTexts(l))
		langs[string(l)] = &p
		if summaryTexts(l) == summaryTexts(actionlist.CaseDutch) && l != actionlist.CaseDutch {
			t.Errorf("%s falls back to Dutch", l)
		}
	}
	// The summary's part must be the language's own, or the check proves
	// nothing.
	if summaryPart(arabic).Title != arabic.Title || summaryPart(arabic).Weekdays[0] == dutch.Weekdays[0] {
		t.Fatal("summaryPart dropped the summary's words")
	}
	catalogtest.Check(t, langs)
	// Arabic text has no parentheses: a PDF reader copies a mirrored one
	// the wrong way round.
	for _, v := range []reflect.Value{reflect.ValueOf(arabic), reflect.ValueOf(arabic.debtSummaryText)} {
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if f.Name == "ErrNotHouvast" {
				break
			}
			if !f.IsExported() {
				continue // the debt overview's words, checked as the second value
			}
			if s := fmt.Sprint(v.Field(i).Interface()); strings.ContainsAny(s, "()") {
				t.Errorf("ar: %s holds a parenthesis: %s", f.Name, s)
			}
		}
	}
}

// demoCase is the demo's example as it stands today, every change
// applied, in the resident's language l; its steps are in the working
// language, as a case of that language keeps them.
func demoCase(l actionlist.CaseLang) actionlist.Case {
	n := 0
	ex := demo.Case(l.Working(), today, func() string { n++; return fmt.Sprintf("id-%03d", n) })
	c := ex.Case
	c.ID = "case-demo"
	for _, ch := range ex.Changes {
		if ch.Whole != nil {
			c = ch.Whole.After
			c.ID = "case-demo"
			continue
		}
		if s, _ := c.StepByID(ch.After.ID); s != nil {
			*s = ch.After
		}
	}
	c.Language = l
	return c
}

// TestSummaryMarkdownGolden: the demo case's Markdown summary in each
// language (go test ./export -run Golden -update rewrites the files).
func TestSummaryMarkdownGolden(t *testing.T) {
	for _, l := range actionlist.CaseLangs {
		t.Run(string(l), func(t *testing.T) {
			data, err := Summary(demoCase(l), Markdown, today)
			if err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, data)
		})
	}
}

// nowTitles are the titles of the steps in Now, as the resident reads them.
func nowTitles(t *testing.T, c actionlist.Case) []string {
	t.Helper()
	words := actionlist.DefaultStepTexts()
	var out []string
	for _, s := range actionlist.Dose(c.Steps, c.Dose, today).Now {
		st, kept := words.ForResident(c, s)
		if kept {
			t.Errorf("%s: step %s stays in Dutch", c.Language, s.Key)
		}
		out = append(out, st.Title)
	}
	if len(out) == 0 {
		t.Fatal("the demo case has no step in Now")
	}
	return out
}

// TestSummaryInEveryLanguageAndFormat: the summary in each language holds
// the steps in Now in that language's words, in every text format, and
// the HTML says its language and direction.
func TestSummaryInEveryLanguageAndFormat(t *testing.T) {
	for _, l := range actionlist.CaseLangs {
		c := demoCase(l)
		titles := nowTitles(t, c)
		t.Run(string(l), func(t *testing.T) {
			for _, f := range []Format{Markdown, HTML, Text} {
				data, err := Summary(c, f, today)
				if err != nil {
					t.Fatal(err)
				}
				got := squash(readable(t, f, data))
				for _, title := range titles {
					if !strings.Contains(got, squash(title)) {
						t.Errorf("%s: %q is missing", f, title)
					}
				}
				if !strings.Contains(got, summaryTexts(l).NowTitle) {
					t.Errorf("%s: the heading %q is missing", f, summaryTexts(l).NowTitle)
				}
			}
			data, _ := Summary(c, HTML, today)
			head := fmt.Sprintf(`<html lang="%s"`, l)
			if l == actionlist.CaseArabic {
				head += ` dir="rtl">`
			} else {
				head += `>`
			}
			if !bytes.Contains(data, []byte(head)) {
				t.Errorf("the HTML does not start with %s", head)
			}
		})
	}
}

// pdfLines extracts a PDF's text line by line, as pdftotext lays it out,
// with the direction marks it adds taken out and Arabic presentation forms
// turned back into letters (NFKC), so the text can be compared with what
// was written. It also returns the number of pages.
func pdfLines(t *testing.T, data []byte) ([]string, int) {
	t.Helper()
	text := pdfText(t, data) // skips or fails without pdftotext
	_ = text
	in := filepath.Join(t.TempDir(), "s.pdf")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", in, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := bytes.Count(out, []byte("\f"))
	clean := strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Bidi_Control, r) || r == '\u200e' || r == '\u200f' {
			return -1
		}
		return r
	}, norm.NFKC.String(string(out)))
	var lines []string
	for _, l := range strings.Split(clean, "\n") {
		if l = squash(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines, pages
}

// TestPDFInEveryLanguage: the PDF of the demo case in each language holds
// the titles of the steps in Now in that language. For Arabic the text
// comes out of the PDF in reading order: pdftotext, which reads the
// glyphs as they stand on the page, gives back the sentences as they were
// written, letter by letter.
func TestPDFInEveryLanguage(t *testing.T) {
	for _, l := range actionlist.CaseLangs {
		t.Run(string(l), func(t *testing.T) {
			c := demoCase(l)
			data, err := Summary(c, PDF, today)
			if err != nil {
				t.Fatal(err)
			}
			lines, pages := pdfLines(t, data)
			all := letters(strings.Join(lines, " "))
			for _, title := range nowTitles(t, c) {
				if !strings.Contains(all, letters(title)) {
					t.Errorf("the title %q is not in the PDF's text:\n%s", title, strings.Join(lines, "\n"))
				}
			}
			tx := summaryTexts(l)
			for _, want := range []string{tx.NowTitle, tx.DoneTitle, tx.ApptTitle, tx.AgreeTitle, fmt.Sprintf(tx.Title, "Fatima")} {
				if !containsLine(lines, want) {
					t.Errorf("the line %q is not in the PDF's text:\n%s", want, strings.Join(lines, "\n"))
				}
			}
			if pages != 1 {
				t.Errorf("the summary of the demo case is %d pages, want one", pages)
			}
		})
	}
}

// containsLine reports whether one line of the PDF is want.
func containsLine(lines []string, want string) bool {
	for _, l := range lines {
		if letters(l) == letters(want) {
			return true
		}
	}
	return false
}

// letters keeps the letters and digits of s, in order. Where a Latin word
// or a number stands in an Arabic line, pdftotext puts the space or the
// comma beside it on the wrong side; the letters, and so the words and
// their order, it gives back as written.
func letters(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			return r
		}
		return -1
	}, s)
}

// TestExchangeFilesCarryTheLanguage: the full case file, the volunteer's
// package and the summary's calendar keep the resident's language as it
// is, in each of the five; a file with a language Houvast does not know is
// refused with a sentence that names it.
func TestExchangeFilesCarryTheLanguage(t *testing.T) {
	for _, l := range actionlist.CaseLangs {
		c := fixture(l.Working())
		c.Language = l
		parsed, err := Parse(CaseFile{ExportedAt: at, Case: c}.Encode())
		if err != nil || parsed.Case == nil || parsed.Case.Case.Language != l {
			t.Errorf("%s: the case file came back with %+v, %v", l, parsed.Case, err)
		}
		pkg, err := Volunteer(c, VolunteerOptions{ID: "p1", Now: at})
		if err != nil {
			t.Fatal(err)
		}
		back, err := Parse(pkg.Encode())
		if err != nil || back.Volunteer == nil || back.Volunteer.Case.Language != l {
			t.Errorf("%s: the volunteer package came back with %v", l, err)
		}
		cal, err := Summary(c, ICS, today)
		if err != nil {
			t.Fatal(err)
		}
		text := icsLines(t, cal)
		tx := summaryTexts(l)
		if !strings.Contains(text, "//"+strings.ToUpper(string(l))) || !strings.Contains(text, tx.ApptEvent) ||
			!strings.Contains(text, fmt.Sprintf(tx.DueEvent, "NOW-1: zoek je loonstroken op")) {
			t.Errorf("%s: the calendar is not in the language:\n%s", l, text)
		}
	}
	c := fixture(actionlist.Dutch)
	c.Language = "fr"
	_, err := Parse(CaseFile{ExportedAt: at, Case: c}.Encode())
	if err == nil {
		t.Fatal("a case file in French was taken")
	}
	for _, s := range []string{Sentence(err, actionlist.Dutch), Sentence(err, actionlist.English)} {
		if !strings.Contains(s, `"fr"`) || (!strings.Contains(s, "taal") && !strings.Contains(s, "language")) {
			t.Errorf("sentence %q", s)
		}
	}
}

// TestBSNGuardInEveryLanguage: a number that looks like a BSN stops the
// summary in every language, in a step the caseworker wrote and in a
// template step's words alike.
func TestBSNGuardInEveryLanguage(t *testing.T) {
	const bsn = "111222333" // passes the eleven-test
	for _, l := range actionlist.CaseLangs {
		c := fixture(l.Working())
		c.Language = l
		c.Steps[4].After = "Zet " + bsn + " op het formulier"
		for _, f := range Formats {
			var be *BSNError
			if _, err := Summary(c, f, today); !errors.As(err, &be) {
				t.Errorf("%s/%s: %v", l, f, err)
			}
		}
		// The words of a step in the resident's language are checked too
		// (a texts file refuses such a number when it is read; these come
		// in without one).
		d := demoCase(l)
		now := actionlist.Dose(d.Steps, d.Dose, today).Now
		x := actionlist.DefaultStepTexts()
		tt := actionlist.TemplateTexts{ID: "t", For: actionlist.DefaultTemplateID, Language: l, Source: "t.yaml",
			Steps: []actionlist.TemplateStepText{{Key: now[0].Key, StepText: actionlist.StepText{Title: "Bel " + bsn}}}}
		if err := x.Add(tt); err != nil {
			t.Fatal(err)
		}
		var be *BSNError
		if _, err := (Options{Texts: &x}).Summary(d, Markdown, today); !errors.As(err, &be) {
			t.Errorf("%s: a team's word with a BSN: %v", l, err)
		}
	}
}
