package export

import (
	"bytes"
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"houvast/actionlist"
)

// The resident's own plan for a step (when and where, and what if it does
// not work out) goes into every file that carries the step, and comes back
// out as it went in; a file made before these fields existed still reads,
// with the plan empty.
func TestTheResidentsPlanTravelsLosslessly(t *testing.T) {
	const when, ifNot = "maandagochtend aan de keukentafel, met \"Sanne\"\n€5", "dan bel ik Sanne"
	f := caseFile()
	for i := range f.Case.Steps {
		f.Case.Steps[i].WhenWhere, f.Case.Steps[i].IfNot = when, ifNot
	}
	data := f.Encode()
	got, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range got.Case.Case.Steps {
		if s.WhenWhere != when || s.IfNot != ifNot {
			t.Fatalf("case file: step %s came back with %q, %q", s.ID, s.WhenWhere, s.IfNot)
		}
	}
	if !bytes.Equal(got.Case.Encode(), data) {
		t.Error("the case file does not write back the same")
	}

	pkg, err := Volunteer(f.Case, VolunteerOptions{ID: "p1", Now: at})
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse(pkg.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Volunteer.Case.Steps) == 0 {
		t.Fatal("the package holds no steps")
	}
	for _, s := range back.Volunteer.Case.Steps {
		if s.WhenWhere != when || s.IfNot != ifNot {
			t.Errorf("volunteer package: step %s came back with %q, %q", s.ID, s.WhenWhere, s.IfNot)
		}
	}

	sanne := actionlist.Actor{Name: "Sanne", Role: actionlist.RoleVolunteer}
	r := ReturnFile{ID: "r1", ExportedAt: at, PackageID: "p1", CaseID: "case-1", Ref: "2026-007", Volunteer: "Sanne",
		Events: []actionlist.Event{{ID: "e1", CaseID: "case-1", Entity: actionlist.EntityStep, EntityID: "n2", Action: actionlist.ActionChanged,
			Field: "when_where", Old: when, New: "dinsdagavond", At: at, Actor: sanne}}}
	rf, err := Parse(r.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if e := rf.Return.Events[0]; e.Field != "when_where" || e.Old != when || e.New != "dinsdagavond" {
		t.Errorf("return file: %+v", e)
	}

	// The same file as a Houvast before the plan wrote it.
	older := regexp.MustCompile(`, "(when_where|if_not)": "(\\.|[^"\\])*"`).ReplaceAll(data, nil)
	if bytes.Contains(older, []byte("when_where")) {
		t.Fatal("the older file still has the plan")
	}
	old, err := Parse(older)
	if err != nil {
		t.Fatalf("a file without the plan's keys: %v", err)
	}
	for _, s := range old.Case.Case.Steps {
		if s.WhenWhere != "" || s.IfNot != "" {
			t.Errorf("older file: step %s has a plan %q, %q", s.ID, s.WhenWhere, s.IfNot)
		}
	}
}

// The summary shows the resident's own plan with the step in Now, in every
// format but the calendar, and refuses a BSN in it like in any text.
func TestSummaryShowsTheResidentsPlan(t *testing.T) {
	for _, lang := range actionlist.Langs {
		c := fixture(lang)
		i := slices.IndexFunc(c.Steps, func(s actionlist.Step) bool { return strings.HasPrefix(s.Title, "NOW-1") })
		c.Steps[i].WhenWhere, c.Steps[i].IfNot = "PLAN-WHEN: maandagochtend aan de keukentafel", "PLAN-IFNOT: dan bel ik Sanne"
		tx := texts(lang)
		for _, f := range Formats {
			if f == ICS {
				continue
			}
			data, err := Summary(c, f, today)
			if err != nil {
				t.Fatal(err)
			}
			text := squash(readable(t, f, data))
			for _, m := range []string{tx.WhenWhere, c.Steps[i].WhenWhere, tx.IfNot, c.Steps[i].IfNot} {
				if !strings.Contains(text, squash(m)) {
					t.Errorf("%s/%s: missing %q", lang, f, m)
				}
			}
		}
		c.Steps[i].IfNot = "bel 111222333"
		var be *BSNError
		if _, err := Summary(c, Markdown, today); !errors.As(err, &be) {
			t.Errorf("%s: a BSN in the plan: %v", lang, err)
		}
	}
}
