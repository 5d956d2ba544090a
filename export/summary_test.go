package export

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"golang.org/x/text/unicode/norm"

	"houvast/actionlist"
)

var today = actionlist.MustDate("2026-11-23") // a Monday

// Markers: text that must never reach a summary.
const (
	internalMark = "INTERNAL-MARKER"
	workMark     = "WORKNOTE-MARKER"
	laterMark    = "LATER-MARKER"
	profileMark  = "PROFILE-MARKER"
)

// fixture is a case with every kind of step: done ones (one with a note
// for the resident), three in Now (the resident's, a volunteer's, one done
// together), later ones, notes for the team and work notes on all of
// them, an appointment with Dutch characters, an agreement and helpers.
func fixture(lang actionlist.Lang) actionlist.Case {
	c := actionlist.Case{
		ID: "case-1", Ref: "2026-007", Name: "Zoë", Status: actionlist.CaseStabilisation, Language: lang.Case(), Dose: 3,
		Start: today.AddDays(-40), Target: today.AddDays(80),
		Participants: []actionlist.Participant{
			{Name: "Zoë", Role: actionlist.RoleResident, Contact: "06-11111111"},
			{Name: "Sanne", Role: actionlist.RoleVolunteer, Contact: "06-22222222"},
			{Name: "Ahmed", Role: actionlist.RoleGeneralist},
			{Name: "Marieke", Role: actionlist.RoleSpecialist, Contact: "marieke@example.org"},
		},
		Next: actionlist.Appointment{At: time.Date(2026, 11, 30, 14, 0, 0, 0, time.Local), Place: "Buurthuis Één, zaal 2; €5 koffie", With: "Ahmed, Marieke"},
		Agreements: []actionlist.Agreement{
			{ID: "a1", Date: today.AddDays(-20), Who: "Zoë, Sanne", What: "AGREED: Zoë opent elke vrijdag de post met Sanne."},
		},
		// The profile is for the team: it never leaves in a summary or a package.
		Decision: &actionlist.ProfileDecision{Date: today.AddDays(-30), Profile: actionlist.Profile{Motivation: actionlist.LevelLow, Skills: actionlist.LevelHigh}, Dose: 3, Reason: profileMark},
	}
	add := func(s actionlist.Step) {
		s.Order = len(c.Steps)
		s.InternalNote = internalMark + " " + s.ID
		s.WorkNote = workMark + " " + s.ID
		c.Steps = append(c.Steps, s)
	}
	for i := range 3 {
		add(actionlist.Step{ID: fmt.Sprintf("d%d", i), Phase: actionlist.PhaseCrisis, Title: fmt.Sprintf("DONE-%d: huur veilig", i),
			Owner: actionlist.RoleResident, Status: actionlist.StepDone, DoneOn: today.AddDays(-10 + i), DoneBy: "Zoë"})
	}
	c.Steps[2].ResidentNote = "FORYOU: goed gedaan!"
	add(actionlist.Step{ID: "n1", Phase: actionlist.PhaseOverview, Title: "NOW-1: zoek je loonstroken op",
		Why: "WHY-1", After: "AFTER-1: de specialist rekent je inkomen uit.", Owner: actionlist.RoleResident, Status: actionlist.StepOpen, Due: today.AddDays(4)})
	add(actionlist.Step{ID: "n2", Phase: actionlist.PhaseOverview, Title: "NOW-2: sorteer de post",
		After: "AFTER-2", Owner: actionlist.RoleVolunteer, OwnerName: "Sanne", Status: actionlist.StepInProgress, Due: today.AddDays(5)})
	add(actionlist.Step{ID: "n3", Phase: actionlist.PhaseOverview, Title: "NOW-3: bel samen de woningcorporatie",
		After: "AFTER-3", Owner: actionlist.RoleTogether, OwnerName: "Sanne", Status: actionlist.StepOpen, Due: today.AddDays(7)})
	for i := range 4 {
		add(actionlist.Step{ID: fmt.Sprintf("l%d", i), Phase: actionlist.PhaseIncome, Title: fmt.Sprintf("%s %d", laterMark, i),
			Why: laterMark, After: laterMark, Owner: actionlist.RoleResident, Status: actionlist.StepOpen, Due: today.AddDays(20 + i)})
	}
	return c
}

// readable turns any summary format into the text a person reads,
// without the invisible direction isolates (isolate.go).
func readable(t *testing.T, f Format, data []byte) string {
	t.Helper()
	return strings.Map(func(r rune) rune {
		if r >= lri && r <= pdi {
			return -1
		}
		return r
	}, formatText(t, f, data))
}

func formatText(t *testing.T, f Format, data []byte) string {
	t.Helper()
	switch f {
	case PDF:
		return pdfText(t, data)
	case HTML:
		return html.UnescapeString(string(data))
	case ICS:
		return icsLines(t, data)
	case Markdown:
		return strings.NewReplacer(`\`, "").Replace(string(data))
	}
	return string(data)
}

// pdfText extracts a PDF's text with pdftotext (Debian's poppler-utils).
// Without it the test is skipped, except in CI, where it must be there.
func pdfText(t *testing.T, data []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is missing; CI installs poppler-utils")
		}
		t.Skip("pdftotext is not installed (apt-get install poppler-utils)")
	}
	in := filepath.Join(t.TempDir(), "s.pdf")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", in, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext cannot read the PDF: %v", err)
	}
	// pdftotext breaks lines where the PDF wraps them.
	return strings.Join(strings.Fields(string(out)), " ")
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestSummaryHoldsWhatTheResidentNeedsAndNothingElse(t *testing.T) {
	for _, lang := range actionlist.CaseLangs {
		c := fixture(lang.Working())
		c.Language = lang
		tx := summaryTexts(lang)
		for _, f := range Formats {
			t.Run(string(lang)+"/"+string(f), func(t *testing.T) {
				data, err := Options{Pages: AllPages}.Summary(c, f, today)
				if err != nil {
					t.Fatal(err)
				}
				for _, mark := range []string{internalMark, workMark, laterMark, profileMark, "BSN"} {
					if bytes.Contains(data, []byte(mark)) {
						t.Errorf("the file holds %q", mark)
					}
				}
				text := squash(readable(t, f, data))
				if f == PDF && lang.RightToLeft() {
					// Where Latin stands in an Arabic line, pdftotext puts a
					// space or a sign beside it on the wrong side; compare
					// the letters (see letters).
					text = letters(norm.NFKC.String(text))
				}
				for _, mark := range []string{internalMark, workMark, laterMark, profileMark} {
					if strings.Contains(text, mark) {
						t.Errorf("the text holds %q", mark)
					}
				}
				must := []string{
					// The appointment, with its Dutch characters intact.
					"Buurthuis Één, zaal 2; €5 koffie",
				}
				if f == ICS {
					must = append(must, "20261130T140000", "NOW-1: zoek je loonstroken op", "NOW-3: bel samen de woningcorporatie",
						"DTSTART;VALUE=DATE:20261127", "DTSTART;VALUE=DATE:20261130")
					if strings.Contains(text, "NOW-2") || strings.Contains(text, "DONE-") {
						t.Error("the calendar holds a step that is not the resident's own, or a done one")
					}
				} else {
					must = append(must,
						"DONE-0: huur veilig", "DONE-1: huur veilig", "DONE-2: huur veilig", "FORYOU: goed gedaan!",
						"NOW-1: zoek je loonstroken op", "NOW-2: sorteer de post", "NOW-3: bel samen de woningcorporatie",
						"AFTER-1: de specialist rekent je inkomen uit.", "AGREED: Zoë opent elke vrijdag de post met Sanne.",
						// Who, and by when, in words.
						tx.WhoYou, fmt.Sprintf(tx.WhoNamed, "Sanne", tx.Role[actionlist.RoleVolunteer]), fmt.Sprintf(tx.WhoTogether, "Sanne"),
						fmt.Sprintf(tx.DueBy, longDate(today.AddDays(4), today, tx)),
						fmt.Sprintf(tx.DueBy, longDate(today.AddDays(5), today, tx)),
						fmt.Sprintf(tx.ApptAt, longDate(today.AddDays(7), today, tx), fmt.Sprintf(tx.Time, 14, 0)),
						// Later steps only as a count per phase.
						fmt.Sprintf(tx.LaterPhase, tx.Phase[actionlist.PhaseIncome], 4),
						"Marieke", "marieke@example.org", "06-22222222", "2026-007",
					)
					if strings.Contains(text, "06-11111111") {
						t.Error("the resident's own contact is listed among the helpers")
					}
				}
				for _, m := range must {
					want := squash(m)
					if f == PDF && lang.RightToLeft() {
						want = letters(m)
					}
					if !strings.Contains(text, want) {
						t.Errorf("missing %q", m)
					}
				}
			})
		}
	}
}

func TestSummaryDosesAndCountsLater(t *testing.T) {
	c := fixture(actionlist.English)
	c.Dose = 1
	data, err := Options{Pages: AllPages}.Summary(c, Text, today)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	// The step under way comes first; the others wait.
	if !strings.Contains(s, "NOW-2") || strings.Contains(s, "NOW-1") || strings.Contains(s, "NOW-3") {
		t.Errorf("dose 1 shows another step, or more than one:\n%s", s)
	}
	if !strings.Contains(s, "6 more steps") || !strings.Contains(s, "Overview and papers: 2") {
		t.Errorf("later steps not counted per phase:\n%s", s)
	}
}

func TestSummaryWithoutAppointmentOrHelpers(t *testing.T) {
	c := fixture(actionlist.Dutch)
	c.Next = actionlist.Appointment{At: time.Date(2026, 11, 2, 10, 0, 0, 0, time.Local), Place: "OLD-PLACE"} // past
	c.Participants = nil
	c.Agreements = nil
	for i := range c.Steps {
		c.Steps[i].Status = actionlist.StepDone
	}
	data, err := Summary(c, Markdown, today)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, want := range []string{dutch.ApptNone, dutch.ContactNone, dutch.NowAllDone} {
		if !strings.Contains(s, mdEscape(want)) {
			t.Errorf("missing %q in\n%s", want, s)
		}
	}
	if strings.Contains(s, "OLD-PLACE") || strings.Contains(s, dutch.AgreeTitle) {
		t.Errorf("a past appointment or an empty agreements heading:\n%s", s)
	}
	ics, _ := Summary(c, ICS, today)
	if bytes.Contains(ics, []byte("VEVENT")) {
		t.Errorf("a calendar with events for nothing to do:\n%s", ics)
	}
}

func TestHostileTextStaysText(t *testing.T) {
	c := fixture(actionlist.English)
	c.Steps[3].Title = "<script>alert(1)</script> *bold* [link](http://x) \x1b[31mred"
	c.Steps[3].After = "a & b; c, d \\ e\nnext"
	for _, f := range []Format{Markdown, HTML, Text, ICS} {
		data, err := Summary(c, f, today)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		switch f {
		case HTML:
			if strings.Contains(s, "<script>") || !strings.Contains(s, "&lt;script&gt;") {
				t.Error("HTML does not escape a title")
			}
		case Markdown:
			if strings.Contains(s, "*bold*") || strings.Contains(s, "[link]") || strings.Count(s, "<script>") != strings.Count(s, `\<script>`) {
				t.Errorf("Markdown does not escape a title:\n%s", s)
			}
		case ICS:
			if !strings.Contains(strings.ReplaceAll(s, "\r\n ", ""), `a & b\; c\, d \\ e next`) {
				t.Errorf("iCalendar does not escape:\n%s", s)
			}
		}
		if strings.ContainsRune(s, '\x1b') {
			t.Errorf("%s passes a terminal escape", f)
		}
	}
}

func TestICSIsWellFormed(t *testing.T) {
	c := fixture(actionlist.Dutch)
	c.Steps[3].Title = strings.Repeat("Één lange titel met € en ë, ", 8)
	data, err := Options{Now: time.Date(2026, 11, 23, 8, 30, 0, 0, time.UTC)}.Summary(c, ICS, today)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	checkICSLines(t, data)
	for _, want := range []string{"UID:n1@houvast", "UID:n3@houvast", "UID:case-1-20261130@houvast", "DTSTAMP:20261123T083000Z", "PRODID:", "VERSION:2.0"} {
		if !strings.Contains(s, want) {
			t.Errorf("missing %q", want)
		}
	}
	if strings.Count(s, "BEGIN:VEVENT") != 3 {
		t.Errorf("want the appointment and two dates:\n%s", s)
	}
	again, _ := Options{Now: time.Date(2026, 11, 23, 8, 30, 0, 0, time.UTC)}.Summary(c, ICS, today)
	if !bytes.Equal(again, data) {
		t.Error("the same case gives another calendar")
	}
	// Read back: the appointment at the wall time agreed, whatever the zone
	// of the time value (floating: no TZID, no UTC), an hour long; the
	// steps all day on their due dates.
	c.Next.At = time.Date(2026, 11, 30, 14, 0, 0, 0, time.FixedZone("UTC-5", -5*3600))
	data, err = Summary(c, ICS, today)
	if err != nil {
		t.Fatal(err)
	}
	checkICSLines(t, data)
	events := parseICS(t, data).Events()
	if len(events) != 3 {
		t.Fatalf("%d events", len(events))
	}
	start := events[0].GetProperty(ics.ComponentPropertyDtStart)
	if start.Value != "20261130T140000" || len(start.ICalParameters) != 0 || prop(events[0], ics.ComponentPropertyDuration) != "PT1H" {
		t.Errorf("the appointment starts %q %v, lasts %q", start.Value, start.ICalParameters, prop(events[0], ics.ComponentPropertyDuration))
	}
	if stamp, err := events[0].GetDtStampTime(); err != nil || !stamp.Equal(today.Time(time.UTC)) {
		t.Errorf("without Now, DTSTAMP %v (%v), want midnight of today", stamp, err)
	}
	for i, due := range []string{"2026-11-27", "2026-11-30"} {
		e := events[i+1]
		first, err := e.GetAllDayStartAt()
		end, err2 := e.GetAllDayEndAt()
		if err != nil || err2 != nil || first.Format(time.DateOnly) != due || actionlist.DateOf(end) != actionlist.MustDate(due).AddDays(1) {
			t.Errorf("%s: from %v to %v, want all of %s", e.Id(), first, end, due)
		}
	}
}

func TestPDFWrapsAndBreaksPages(t *testing.T) {
	c := fixture(actionlist.Dutch)
	for i := range 40 {
		c.Steps = append(c.Steps, actionlist.Step{ID: fmt.Sprintf("x%d", i), Phase: actionlist.PhaseCrisis, Order: 100 + i,
			Title: fmt.Sprintf("Extra stap %d met een lange titel die over de rand van de bladzijde zou gaan als hij niet werd afgebroken", i),
			Owner: actionlist.RoleResident, Status: actionlist.StepDone, DoneOn: today, ResidentNote: strings.Repeat("Goed gedaan, ", 30)})
	}
	c.Dose = 7
	for i := range c.Steps {
		if c.Steps[i].Status == actionlist.StepDone {
			continue
		}
		c.Steps[i].Why = strings.Repeat("Een heel lange uitleg waarom dit belangrijk is. ", 12)
	}
	data, err := Options{Pages: AllPages}.Summary(c, PDF, today)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	text := pdfText(t, data)
	if !strings.Contains(text, "Een heel lange uitleg waarom dit belangrijk is.") || !strings.Contains(text, "zou gaan als hij niet werd afgebroken") {
		t.Error("long text lost")
	}
	pages := pdfPages(t, data)
	if pages < 2 {
		t.Errorf("%d pages for a long summary: no page break", pages)
	}
}

// The first page holds what the resident needs most, in the order it is
// read: the appointment and the one person to call, the steps of now with
// who, when and what comes after, what was agreed, how far they are and the
// latest finished steps. Why, the later steps by phase and the older
// finished steps are on the pages after it, and only when asked for.
func TestFirstPageHoldsWhatMattersMostInOrder(t *testing.T) {
	for _, lang := range actionlist.Langs {
		c := fixture(lang)
		for i := range 4 {
			c.Agreements = append(c.Agreements, actionlist.Agreement{ID: fmt.Sprintf("old%d", i), Date: today.AddDays(-60 - i), What: fmt.Sprintf("OLD-AGREEMENT-%d", i)})
		}
		tx := texts(lang)
		for _, f := range []Format{Markdown, HTML, Text, PDF} {
			t.Run(string(lang)+"/"+string(f), func(t *testing.T) {
				data, err := Summary(c, f, today)
				if err != nil {
					t.Fatal(err)
				}
				text := squash(readable(t, f, data))
				order := []string{
					tx.ApptTitle, fmt.Sprintf(tx.ApptAt, longDate(today.AddDays(7), today, tx), "14:00"),
					tx.CallFirst, "Marieke · " + tx.Role[actionlist.RoleSpecialist] + " · marieke@example.org",
					tx.NowTitle, "NOW-2", tx.Started, "NOW-1: zoek je loonstroken op", tx.WhoYou, fmt.Sprintf(tx.DueBy, longDate(today.AddDays(4), today, tx)),
					"AFTER-1: de specialist rekent je inkomen uit.", "NOW-3", fmt.Sprintf(tx.LaterShort, 4),
					tx.AgreeTitle, "AGREED: Zoë opent elke vrijdag de post met Sanne.", "OLD-AGREEMENT-0", "OLD-AGREEMENT-1", fmt.Sprintf(tx.AgreeOlder, 2),
					tx.DoneTitle, fmt.Sprintf(tx.DoneCount, 3, 10), "DONE-2: huur veilig", "DONE-1: huur veilig", "DONE-0: huur veilig",
				}
				at := 0
				for _, want := range order {
					i := strings.Index(text[at:], squash(want))
					if i < 0 {
						t.Fatalf("missing %q after place %d in:\n%s", want, at, text)
					}
					at += i + len(squash(want))
				}
				for _, not := range []string{"WHY-1", "FORYOU", "OLD-AGREEMENT-2", tx.MoreTitle, tx.ContactTitle,
					fmt.Sprintf(tx.LaterPhase, actionlist.PhaseLabel(actionlist.PhaseIncome, lang), 4)} {
					if strings.Contains(text, not) {
						t.Errorf("the first page holds %q", not)
					}
				}
				if f == PDF {
					if n := pdfPages(t, data); n != 1 {
						t.Errorf("%d pages", n)
					}
				}
				all, err := Options{Pages: AllPages}.Summary(c, f, today)
				if err != nil {
					t.Fatal(err)
				}
				text = squash(readable(t, f, all))
				for _, want := range []string{tx.MoreTitle, "WHY-1", "FORYOU", "OLD-AGREEMENT-3", tx.ContactTitle, "06-22222222", fmt.Sprintf(tx.AgreeMore, 2), tx.AgreeAll} {
					if !strings.Contains(text, squash(want)) {
						t.Errorf("all pages: missing %q", want)
					}
				}
				if f == PDF {
					if n := pdfPages(t, all); n != 2 {
						t.Errorf("all pages: %d pages, want the first and one after it", n)
					}
				}
			})
		}
	}
}

// pdfPages counts a PDF's page objects: "/Type /Page", not "/Pages".
func pdfPages(t *testing.T, data []byte) int {
	t.Helper()
	return len(pageObject.FindAll(data, -1))
}

var pageObject = regexp.MustCompile(`/Type\s*/Page[^s]`)

func TestSummaryRefusesABSN(t *testing.T) {
	const bsn = "111222333" // passes the eleven-test
	c := fixture(actionlist.Dutch)
	c.Steps[4].After = "Zet " + bsn + " op het formulier"
	_, err := Summary(c, Markdown, today)
	var be *BSNError
	if !errors.As(err, &be) || len(be.Findings) != 1 || be.Findings[0].Where.Title != c.Steps[4].Title {
		t.Fatalf("want a BSN error naming the step, got %v", err)
	}
	s := Sentence(err, actionlist.Dutch)
	if !strings.Contains(s, c.Steps[4].Title) || strings.Contains(s, bsn) || !strings.Contains(s, "***333") {
		t.Errorf("sentence %q", s)
	}
	if _, err := (Options{AllowBSN: true}).Summary(c, Markdown, today); err != nil {
		t.Errorf("--allow-bsn: %v", err)
	}
	// A number in what is never written does not stop the summary.
	c = fixture(actionlist.Dutch)
	c.Steps[4].InternalNote = bsn
	c.Steps[len(c.Steps)-1].Title = "Later: " + bsn
	if _, err := Summary(c, Markdown, today); err != nil {
		t.Errorf("a BSN outside the summary stops it: %v", err)
	}
}

func TestTextComplete(t *testing.T) {
	nl := reflect.ValueOf(dutch)
	for _, l := range actionlist.Langs {
		v := reflect.ValueOf(*texts(l))
		for i := range v.NumField() {
			name := v.Type().Field(i).Name
			switch f := v.Field(i); f.Kind() {
			case reflect.String:
				if f.String() == "" {
					t.Errorf("%s: %s is empty", l, name)
				}
			case reflect.Map:
				// The same keys as the Dutch, each with words.
				if f.Len() != nl.Field(i).Len() {
					t.Errorf("%s: %s has %d entries, Dutch %d", l, name, f.Len(), nl.Field(i).Len())
				}
				for _, k := range nl.Field(i).MapKeys() {
					if w := f.MapIndex(k); !w.IsValid() || w.String() == "" {
						t.Errorf("%s: %s[%v] is empty", l, name, k)
					}
				}
			case reflect.Array:
				for j := range f.Len() {
					if f.Index(j).String() == "" {
						t.Errorf("%s: %s[%d] is empty", l, name, j)
					}
				}
			}
		}
	}
	for _, r := range actionlist.Roles {
		if dutch.Role[r] == "" || dutch.RoleAlone[r] == "" {
			t.Errorf("no words for the role %s", r)
		}
	}
}

// TestDoneStepsAgreeWithMeasure: the summary's quick order of achievements
// is the domain's timeline, newest first.
func TestDoneStepsAgreeWithMeasure(t *testing.T) {
	c := fixture(actionlist.English)
	for i := range 12 {
		c.Steps = append(c.Steps, actionlist.Step{ID: fmt.Sprintf("z%02d", i), Phase: actionlist.Phases[i%3], Order: 12 - i,
			Title: "t", Owner: actionlist.RoleResident, Status: actionlist.StepDone, DoneOn: today.AddDays(-(i % 4))})
	}
	c.Steps[5].Status = actionlist.StepNotApplicable
	got, applicable := doneSteps(c.Steps)
	p := actionlist.Measure(c, today)
	want := slices.Clone(p.Timeline)
	slices.Reverse(want)
	if applicable != p.Overall.Applicable || len(got) != len(want) {
		t.Fatalf("%d of %d, want %d of %d", len(got), applicable, len(want), p.Overall.Applicable)
	}
	for i := range got {
		if got[i].ID != want[i].ID {
			t.Errorf("place %d: %s, want %s", i, got[i].ID, want[i].ID)
		}
	}
}
