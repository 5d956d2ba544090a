package store

import (
	"errors"
	"reflect"
	"testing"

	"houvast/actionlist"
)

// caseNamed is the sample case with IDs of its own, so many fit in one
// database.
func caseNamed(t testing.TB, s *Store, name string) actionlist.Case {
	t.Helper()
	c := sampleCase()
	c.Name = name
	for i := range c.Steps {
		c.Steps[i].ID, c.Steps[i].DependsOn = "", nil
	}
	c.Agreements[0].ID = ""
	c, err := s.CreateCase(ctx, specialist, c)
	if err != nil {
		t.Fatal(err)
	}
	// A debt too, so a refresh replaces debts as well as steps.
	if _, err := s.AddDebt(ctx, specialist, c.ID, sampleDebt()); err != nil {
		t.Fatal(err)
	}
	c, err = s.Case(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func histories(t testing.TB, s *Store, cases ...actionlist.Case) []CaseHistory {
	t.Helper()
	ids := make([]string, len(cases))
	for i, c := range cases {
		ids[i] = c.ID
	}
	out, err := s.CasesWithEvents(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func outcomes(res []CaseloadCase) []CaseloadOutcome {
	out := make([]CaseloadOutcome, len(res))
	for i, r := range res {
		out[i] = r.Outcome
	}
	return out
}

func TestImportCaseloadSaysPerCaseWhatItDid(t *testing.T) {
	src, _ := openTemp(t)
	a, b, c := caseNamed(t, src, "Fatima"), caseNamed(t, src, "Kees"), caseNamed(t, src, "Noor")
	dst, _ := openTemp(t)
	// Here already: another case under the reference c has there.
	other := sampleCase()
	other.Name = "Joyce"
	for i := range other.Steps {
		other.Steps[i].ID, other.Steps[i].DependsOn = "", nil
	}
	other.Agreements = nil
	if _, err := dst.CreateCase(ctx, specialist, other); err != nil { // takes 2026-001, as a has there
		t.Fatal(err)
	}
	res, err := dst.ImportCaseload(ctx, specialist, histories(t, src, a, b, c))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(outcomes(res), []CaseloadOutcome{CaseAdded, CaseAdded, CaseAdded}) {
		t.Fatalf("outcomes %v", outcomes(res))
	}
	if res[0].FileRef != a.Ref || res[0].Case.Ref == a.Ref || res[1].FileRef != "" || res[1].Case.Ref != b.Ref {
		t.Errorf("references: %+v %+v", res[0], res[1])
	}
	for _, r := range res {
		got, evs, err := dst.CaseWithEvents(ctx, r.Case.ID)
		want, wantEvs, _ := src.CaseWithEvents(ctx, r.Case.ID)
		got.Ref = want.Ref
		if err != nil || !reflect.DeepEqual(flat(got), flat(want)) || !reflect.DeepEqual(flatEvents(evs), flatEvents(wantEvs)) {
			t.Errorf("%s differs after the import (%v)", want.Name, err)
		}
	}

	// The same file again changes nothing.
	seq, _ := dst.Seq(ctx)
	res, err = dst.ImportCaseload(ctx, specialist, histories(t, src, a, b, c))
	if err != nil || !reflect.DeepEqual(outcomes(res), []CaseloadOutcome{CaseSame, CaseSame, CaseSame}) {
		t.Fatalf("again: %v %v", outcomes(res), err)
	}
	if after, _ := dst.Seq(ctx); after != seq {
		t.Error("the same caseload twice wrote events")
	}

	// A later file brings what happened since; a case changed on both
	// laptops stays as it is here.
	edit := func(s *Store, id string, note string) {
		t.Helper()
		k, _ := s.Case(ctx, id)
		st := k.Steps[1]
		after := st
		after.WorkNote = note
		if _, err := s.UpdateStep(ctx, specialist, st, after); err != nil {
			t.Fatal(err)
		}
	}
	edit(src, a.ID, "later, at the colleague's")
	edit(src, b.ID, "later, at the colleague's")
	edit(dst, b.ID, "meanwhile, here")
	res, err = dst.ImportCaseload(ctx, specialist, histories(t, src, a, b, c))
	if err != nil || !reflect.DeepEqual(outcomes(res), []CaseloadOutcome{CaseRefreshed, CaseDiverged, CaseSame}) || res[0].Events != 1 {
		t.Fatalf("later: %v %+v %v", outcomes(res), res[0], err)
	}
	if k, _ := dst.Case(ctx, a.ID); k.Steps[1].WorkNote != "later, at the colleague's" || k.Ref != res[0].Case.Ref {
		t.Errorf("the refresh did not arrive, or changed the reference: %+v", k.Steps[1])
	}
	if k, _ := dst.Case(ctx, b.ID); k.Steps[1].WorkNote != "meanwhile, here" {
		t.Errorf("a case changed here too was overwritten: %q", k.Steps[1].WorkNote)
	}
}

// One transaction: a case the store refuses halfway refuses them all.
func TestImportCaseloadIsAllOrNothing(t *testing.T) {
	src, _ := openTemp(t)
	a, b := caseNamed(t, src, "Fatima"), caseNamed(t, src, "Kees")
	in := histories(t, src, a, b)
	for name, spoil := range map[string]func([]CaseHistory){
		"a step without a title": func(h []CaseHistory) { h[1].Case.Steps[0].Title = " " },
		"an event of another case": func(h []CaseHistory) {
			h[1].Events = append(h[1].Events, h[0].Events[0])
		},
	} {
		t.Run(name, func(t *testing.T) {
			bad := make([]CaseHistory, len(in))
			for i, h := range in {
				bad[i] = h
				bad[i].Case.Steps = append([]actionlist.Step(nil), h.Case.Steps...)
				bad[i].Events = append([]actionlist.Event(nil), h.Events...)
			}
			spoil(bad)
			dst, _ := openTemp(t)
			_, err := dst.ImportCaseload(ctx, specialist, bad)
			if err == nil {
				t.Fatal("accepted")
			}
			var ee *ExistsError
			if name == "an event of another case" && !errors.As(err, &ee) {
				t.Errorf("an event twice: %v", err)
			}
			if list, _ := dst.Cases(ctx, today); len(list) != 0 {
				t.Errorf("%d cases stayed of a refused caseload", len(list))
			}
			if seq, _ := dst.Seq(ctx); seq != 0 {
				t.Errorf("events stayed of a refused caseload (seq %d)", seq)
			}
		})
	}
}
