package export

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"houvast/actionlist"
)

// agendaNow is when the test's agenda calendars are made.
var agendaNow = time.Date(2026, 11, 23, 7, 45, 0, 0, time.UTC)

// apptZone is the zone of the appointment's time: not UTC and not the
// laptop's, so a time converted anywhere shows.
var apptZone = time.FixedZone("UTC+1", 3600)

// agendaCases are two open cases with one item of every kind on the
// agenda of Monday 23 November 2026 and the six days after it.
func agendaCases() []actionlist.Case {
	step := func(id, title string, owner actionlist.Role, due int) actionlist.Step {
		return actionlist.Step{ID: id, Phase: actionlist.PhaseOverview, Title: title, Owner: owner,
			Status: actionlist.StepOpen, Due: today.AddDays(due)}
	}
	a := actionlist.Case{
		ID: "case-a", Ref: "2026-011", Name: "Zoë", Status: actionlist.CaseStabilisation, Language: actionlist.CaseEnglish,
		RequestedOn: today.AddDays(-30),                             // the first conversation was due on the 21st: passed
		Start:       today.AddDays(-100), Target: today.AddDays(10), // stabilisation ends within three weeks: close
		Next: actionlist.Appointment{At: time.Date(2026, 11, 25, 14, 30, 0, 0, apptZone), Place: "Dorpsstraat 1", With: "Sanne"},
		Participants: []actionlist.Participant{
			{Name: "Zoë", Role: actionlist.RoleResident, Contact: "06-11111111"},
			{Name: "Sanne", Role: actionlist.RoleVolunteer, Contact: "06-22222222"},
			{Name: "Marieke", Role: actionlist.RoleSpecialist, Contact: "marieke@example.org"},
		},
		Agreements: []actionlist.Agreement{{ID: "a1", Date: today.AddDays(-20), Who: "Zoë", What: "post openen"}},
		Screening:  &actionlist.Screening{Date: today.AddDays(-40)},
		Decision:   &actionlist.ProfileDecision{Date: today.AddDays(-30), Dose: 3},
		Steps: []actionlist.Step{
			step("s-late", "Bel de woningcorporatie, over de huur", actionlist.RoleSpecialist, -2),
			step("s-due", "Vraag de toeslag aan", actionlist.RoleSpecialist, 3),
			step("s-gen", "Zoek een budgetcursus", actionlist.RoleGeneralist, 0),
			step("s-vol", "Sorteer de post", actionlist.RoleVolunteer, -10),
			step("s-res", "Zoek je loonstroken op", actionlist.RoleResident, 1), // the resident's: not on the agenda
		},
	}
	done := step("s-done", "Al gedaan", actionlist.RoleSpecialist, -1)
	done.Status, done.DoneOn = actionlist.StepDone, today.AddDays(-1)
	a.Steps = append(a.Steps, done)
	b := actionlist.Case{
		ID: "case-b", Ref: "2026-012", Name: "Sem", Status: actionlist.CaseAftercare, Language: actionlist.CaseDutch,
		RequestedOn: today.AddDays(-1), Threat: actionlist.ThreatEviction, // the first conversation within 3 working days: close
		Steps: []actionlist.Step{{ID: "b-ci", Key: actionlist.KeyCheckInPrefix + "3", Phase: actionlist.PhaseAftercare,
			Title: "Nazorggesprek na 3 maanden", Owner: actionlist.RoleSpecialist, Status: actionlist.StepOpen, Due: today.AddDays(4)}},
	}
	return []actionlist.Case{a, b}
}

func agendaFile(t *testing.T, items []actionlist.AgendaItem, o AgendaCalendarOptions) []byte {
	t.Helper()
	data, err := AgendaCalendar(items, o)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestAgendaCalendarReadsBack(t *testing.T) {
	items := actionlist.Agenda(agendaCases(), today, 6)
	kinds := map[actionlist.AgendaKind]bool{}
	for _, it := range items {
		kinds[it.Kind] = true
	}
	if len(kinds) != 7 || len(items) != 9 {
		t.Fatalf("the cases give %d items of %d kinds, want 9 of all 7: %+v", len(items), len(kinds), items)
	}
	for _, lang := range actionlist.Langs {
		t.Run(string(lang), func(t *testing.T) {
			data := agendaFile(t, items, AgendaCalendarOptions{Lang: lang, Now: agendaNow})
			checkICSLines(t, data)
			cal := parseICS(t, data)
			calProps := map[string]string{}
			for _, p := range cal.CalendarProperties {
				calProps[p.IANAToken] = p.Value
			}
			if name := agendaTexts(lang).Calendar; calProps["X-WR-CALNAME"] != name || calProps["NAME"] != name {
				t.Errorf("calendar name %q, want %q", calProps["X-WR-CALNAME"], name)
			}
			if calProps["PRODID"] != "-//Houvast//Houvast agenda//"+strings.ToUpper(string(lang)) || calProps["VERSION"] != "2.0" || calProps["METHOD"] != "PUBLISH" {
				t.Errorf("calendar properties %v", calProps)
			}
			events := cal.Events()
			if len(events) != len(items) {
				t.Fatalf("%d events for %d items", len(events), len(items))
			}
			byUID := map[string]*ics.VEvent{}
			for _, e := range events {
				byUID[e.Id()] = e
				if stamp, err := e.GetDtStampTime(); err != nil || !stamp.Equal(agendaNow) {
					t.Errorf("%s: DTSTAMP %v, %v", e.Id(), stamp, err)
				}
				if prop(e, ics.ComponentPropertySequence) != strconv.Itoa(icsSequence(agendaNow)) || prop(e, ics.ComponentPropertyClass) != "PRIVATE" {
					t.Errorf("%s: SEQUENCE %q, CLASS %q", e.Id(), prop(e, ics.ComponentPropertySequence), prop(e, ics.ComponentPropertyClass))
				}
			}
			label := func(k actionlist.AgendaKind) string { return actionlist.AgendaKindLabel(k, lang) }
			gen := actionlist.RoleLabel(actionlist.RoleGeneralist, lang)
			want := []struct {
				uid, summary string
				day          string // all day; "" for the appointment
			}{
				{"deadline-case-a-first_talk@houvast", "2026-011 · Zoë · " + label(actionlist.AgendaDeadlinePassed) + ": " + actionlist.DeadlineLabel(actionlist.DeadlineFirstTalk, lang), "2026-11-21"},
				{"deadline-case-a-stabilisation@houvast", "2026-011 · Zoë · " + label(actionlist.AgendaDeadlineClose) + ": " + actionlist.DeadlineLabel(actionlist.DeadlineStabilisation, lang), "2026-12-03"},
				{"deadline-case-b-first_talk@houvast", "2026-012 · Sem · " + label(actionlist.AgendaDeadlineClose) + ": " + actionlist.DeadlineLabel(actionlist.DeadlineFirstTalk, lang), actionlist.AddWorkingDays(today.AddDays(-1), actionlist.FirstTalkThreatDays).String()},
				{"appointment-case-a@houvast", "2026-011 · Zoë · " + label(actionlist.AgendaAppointment), ""},
				{"step-s-late@houvast", "2026-011 · Zoë · " + label(actionlist.AgendaStepOverdue) + ": Bel de woningcorporatie, over de huur", "2026-11-21"},
				{"step-s-due@houvast", "2026-011 · Zoë · " + label(actionlist.AgendaStepDue) + ": Vraag de toeslag aan", "2026-11-26"},
				{"step-s-gen@houvast", "2026-011 · Zoë · " + label(actionlist.AgendaStepDue) + " (" + gen + "): Zoek een budgetcursus", "2026-11-23"},
				{"step-s-vol@houvast", "2026-011 · Zoë · " + label(actionlist.AgendaVolunteerLate) + ": Sorteer de post", "2026-11-13"},
				{"step-b-ci@houvast", "2026-012 · Sem · " + label(actionlist.AgendaCheckIn) + ": Nazorggesprek na 3 maanden", "2026-11-27"},
			}
			for _, w := range want {
				e := byUID[w.uid]
				if e == nil {
					t.Errorf("no event %s", w.uid)
					continue
				}
				if got := prop(e, ics.ComponentPropertySummary); got != w.summary {
					t.Errorf("%s: summary %q, want %q", w.uid, got, w.summary)
				}
				for _, p := range []ics.ComponentProperty{ics.ComponentPropertyDescription, ics.ComponentPropertyLocation,
					ics.ComponentPropertyAttendee, ics.ComponentPropertyOrganizer, ics.ComponentPropertyContact, ics.ComponentPropertyComment} {
					if e.HasProperty(p) {
						t.Errorf("%s: holds %s", w.uid, p)
					}
				}
				start := e.GetProperty(ics.ComponentPropertyDtStart)
				if w.day == "" { // the appointment: 14:30 where it was agreed, an hour
					if start.Value != "20261125T143000" || len(start.ICalParameters) != 0 || prop(e, ics.ComponentPropertyDuration) != "PT1H" || e.HasProperty(ics.ComponentPropertyDtEnd) {
						t.Errorf("the appointment starts %q %v, lasts %q", start.Value, start.ICalParameters, prop(e, ics.ComponentPropertyDuration))
					}
					if at, err := e.GetStartAt(); err != nil || at.Hour() != 14 || at.Minute() != 30 || at.Day() != 25 {
						t.Errorf("the appointment reads back as %v, %v", at, err)
					}
					continue
				}
				d := actionlist.MustDate(w.day)
				first, err := e.GetAllDayStartAt()
				end, err2 := e.GetAllDayEndAt()
				if err != nil || err2 != nil || actionlist.DateOf(first) != d || actionlist.DateOf(end) != d.AddDays(1) ||
					!slices.Equal(start.ICalParameters["VALUE"], []string{"DATE"}) || prop(e, ics.ComponentPropertyTransp) != "TRANSPARENT" {
					t.Errorf("%s: from %v to %v (%v, %v), want all of %s", w.uid, first, end, err, err2, d)
				}
			}
		})
	}
}

func TestAgendaCalendarUIDsLastFromDayToDay(t *testing.T) {
	cases := agendaCases()
	items := actionlist.Agenda(cases, today, 6)
	monday := agendaFile(t, items, AgendaCalendarOptions{Now: agendaNow})
	if again := agendaFile(t, items, AgendaCalendarOptions{Now: agendaNow}); !bytes.Equal(again, monday) {
		t.Error("the same items and time give another file")
	}
	uids := func(data []byte) (out []string, seq int) {
		for _, e := range parseICS(t, data).Events() {
			out = append(out, e.Id())
			seq, _ = strconv.Atoi(prop(e, ics.ComponentPropertySequence))
		}
		return out, seq
	}
	// The same data, a day later.
	tuesday := agendaFile(t, items, AgendaCalendarOptions{Now: agendaNow.AddDate(0, 0, 1)})
	a, seqA := uids(monday)
	b, seqB := uids(tuesday)
	if !slices.Equal(a, b) || len(a) != len(items) {
		t.Errorf("UIDs a day apart:\n%q\n%q", a, b)
	}
	if seqB <= seqA || !bytes.Contains(tuesday, []byte("DTSTAMP:20261124T074500Z")) {
		t.Errorf("the later file does not win: SEQUENCE %d, then %d", seqA, seqB)
	}
	// The agenda of the next day: the generalist's step due today is late
	// then, and keeps its event.
	next := agendaFile(t, actionlist.Agenda(cases, today.AddDays(1), 6), AgendaCalendarOptions{Now: agendaNow.AddDate(0, 0, 1)})
	c, _ := uids(next)
	if !slices.Contains(c, "step-s-gen@houvast") || !strings.Contains(icsLines(t, next), actionlist.AgendaKindLabel(actionlist.AgendaStepOverdue, actionlist.Dutch)+" (generalist): Zoek een budgetcursus") {
		t.Errorf("the late step lost its UID or its new kind: %q", c)
	}
	for _, uid := range c {
		if !slices.Contains(a, uid) {
			t.Errorf("a new UID the next day: %s", uid)
		}
	}
}

// fillMarkers puts a distinctive text in every plain string field of v and
// of what it holds (steps, people, the appointment, agreements, profile),
// except the fields named in keep, and returns the texts.
func fillMarkers(v reflect.Value, keep map[string]bool, marks *[]string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			fillMarkers(v.Elem(), keep, marks)
		}
	case reflect.Slice:
		for i := range v.Len() {
			fillMarkers(v.Index(i), keep, marks)
		}
	case reflect.Struct:
		ty := v.Type()
		for i := range v.NumField() {
			f, name := v.Field(i), ty.Name()+"."+ty.Field(i).Name
			if !f.CanSet() || keep[name] {
				continue
			}
			switch {
			case f.Type() == reflect.TypeFor[string]():
				m := fmt.Sprintf("MARKER%02d-%s", len(*marks), strings.ToUpper(ty.Field(i).Name))
				f.SetString(m)
				*marks = append(*marks, m)
			case f.Type() == reflect.TypeFor[[]string]():
				m := fmt.Sprintf("MARKER%02d-%s", len(*marks), strings.ToUpper(ty.Field(i).Name))
				f.Set(reflect.ValueOf([]string{m}))
				*marks = append(*marks, m)
			default:
				fillMarkers(f, keep, marks)
			}
		}
	}
}

func TestAgendaCalendarHoldsNoNote(t *testing.T) {
	cases := agendaCases()
	// What an event may hold, and what names a step or a case.
	keep := map[string]bool{"Case.ID": true, "Case.Ref": true, "Case.Name": true, "Step.ID": true, "Step.Key": true, "Step.Title": true}
	var marks []string
	for i := range cases {
		fillMarkers(reflect.ValueOf(&cases[i]), keep, &marks)
	}
	for _, field := range []string{"INTERNALNOTE", "WORKNOTE", "RESIDENTNOTE", "OUTCOME", "WHY", "AFTER", "OWNERNAME", "DONEBY",
		"CONTACT", "PLACE", "WITH", "WHAT", "WHO", "REASON", "TEMPLATE"} {
		if !slices.ContainsFunc(marks, func(m string) bool { return strings.HasSuffix(m, "-"+field) }) {
			t.Fatalf("no marker in %s: %q", field, marks)
		}
	}
	items := actionlist.Agenda(cases, today, 6)
	if len(items) != 9 {
		t.Fatalf("the marked cases give %d items, want 9", len(items))
	}
	for _, lang := range actionlist.Langs {
		data := agendaFile(t, items, AgendaCalendarOptions{Lang: lang, Now: agendaNow})
		text := icsLines(t, data) // unfolded: a fold cannot hide a marker
		for _, m := range marks {
			if bytes.Contains(data, []byte(m)) || strings.Contains(text, m) {
				t.Errorf("%s: the calendar holds %q", lang, m)
			}
		}
		if strings.Contains(text, "MARKER") {
			t.Errorf("%s: the calendar holds a marker:\n%s", lang, text)
		}
	}
}

func TestAgendaCalendarRefusesABSN(t *testing.T) {
	const bsn = "111222333" // passes the eleven-test
	for _, tc := range []struct {
		name  string
		edit  func(c *actionlist.Case)
		where Where
	}{
		{"in a step's title", func(c *actionlist.Case) { c.Steps[1].Title = "Zet " + bsn + " op het formulier" }, Where{What: InStep, Title: "Zet " + bsn + " op het formulier"}},
		{"in the name", func(c *actionlist.Case) { c.Name = "Zoë " + bsn }, Where{What: InCase}},
		{"in the reference", func(c *actionlist.Case) { c.Ref = bsn }, Where{What: InCase}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cases := agendaCases()
			tc.edit(&cases[0])
			items := actionlist.Agenda(cases, today, 6)
			_, err := AgendaCalendar(items, AgendaCalendarOptions{Now: agendaNow})
			var be *BSNError
			if !errors.As(err, &be) || len(be.Findings) == 0 || be.Findings[0].Where != tc.where || be.Findings[0].Number != bsn {
				t.Fatalf("want a BSN error %v, got %v", tc.where, err)
			}
			if s := Sentence(err, actionlist.Dutch); !strings.Contains(s, "***333") {
				t.Errorf("sentence %q", s)
			}
			data, err := AgendaCalendar(items, AgendaCalendarOptions{Now: agendaNow, AllowBSN: true})
			if err != nil || !strings.Contains(icsLines(t, data), bsn) {
				t.Errorf("allowed: %v", err)
			}
		})
	}
	// A number in what is never written does not stop the calendar.
	cases := agendaCases()
	for i := range cases[0].Steps {
		cases[0].Steps[i].InternalNote = bsn
		cases[0].Steps[i].Why = bsn
	}
	cases[0].Next.Place = bsn
	cases[0].Participants[1].Contact = bsn
	cases[0].Steps[4].Title = bsn // the resident's step: not on the agenda
	if _, err := AgendaCalendar(actionlist.Agenda(cases, today, 6), AgendaCalendarOptions{Now: agendaNow}); err != nil {
		t.Errorf("a BSN outside the calendar stops it: %v", err)
	}
}

func TestAgendaCalendarRefusals(t *testing.T) {
	items := actionlist.Agenda(agendaCases(), today, 6)
	if _, err := AgendaCalendar(items, AgendaCalendarOptions{}); err == nil {
		t.Error("no error without a time to stamp the file with")
	}
	for name, edit := range map[string]func(*actionlist.AgendaItem){
		"an unknown kind":        func(it *actionlist.AgendaItem) { it.Kind = "tea" },
		"a step without an ID":   func(it *actionlist.AgendaItem) { it.Step.ID = "" },
		"a step without a date":  func(it *actionlist.AgendaItem) { it.When = actionlist.Date{} },
		"a case without an ID":   func(it *actionlist.AgendaItem) { it.Kind, it.CaseID = actionlist.AgendaAppointment, "" },
		"a clock without a kind": func(it *actionlist.AgendaItem) { it.Kind, it.Deadline.Kind = actionlist.AgendaDeadlineClose, "" },
		"an appointment, no date": func(it *actionlist.AgendaItem) {
			it.Kind, it.At, it.When = actionlist.AgendaAppointment, time.Time{}, actionlist.Date{}
		},
	} {
		bad := slices.Clone(items)
		i := slices.IndexFunc(bad, func(it actionlist.AgendaItem) bool { return it.HasStep() })
		edit(&bad[i])
		if _, err := AgendaCalendar(bad, AgendaCalendarOptions{Now: agendaNow}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	// The same step twice is one event.
	twice := append(slices.Clone(items), items[len(items)-1])
	data := agendaFile(t, twice, AgendaCalendarOptions{Now: agendaNow})
	if n := len(parseICS(t, data).Events()); n != len(items) {
		t.Errorf("%d events for %d items, one of them twice", n, len(items))
	}
	// No items: a calendar with no events, still named.
	empty := agendaFile(t, nil, AgendaCalendarOptions{Lang: actionlist.English, Now: agendaNow})
	if bytes.Contains(empty, []byte("VEVENT")) || !strings.Contains(icsLines(t, empty), "X-WR-CALNAME:"+agendaEnglish.Calendar) {
		t.Errorf("an empty agenda:\n%s", empty)
	}
}

func TestAgendaTextComplete(t *testing.T) {
	nl := reflect.ValueOf(agendaDutch)
	for _, l := range actionlist.Langs {
		v := reflect.ValueOf(*agendaTexts(l))
		for i := range v.NumField() {
			if v.Field(i).String() == "" {
				t.Errorf("%s: %s is empty", l, v.Type().Field(i).Name)
			}
			if l != actionlist.Dutch && v.Field(i).String() == nl.Field(i).String() {
				t.Errorf("%s: %s is the Dutch", l, v.Type().Field(i).Name)
			}
		}
	}
}
