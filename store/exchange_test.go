package store

import (
	"context"
	"database/sql"
	"errors"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"houvast/actionlist"
	"houvast/demo"
)

// withHistory makes a case with a few changes after its creation: a tick,
// a note, a deleted step and an agreement, so every kind of event is there.
func withHistory(t testing.TB, s *Store) actionlist.Case {
	t.Helper()
	c := mustCreate(t, s)
	s2, _ := c.StepByID("s2")
	after := actionlist.TickOff(*s2, today, "Sanne")
	after.WorkNote = "post sorted"
	if _, err := s.UpdateStep(ctx, volunteer, *s2, after); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddStep(ctx, specialist, c.ID, actionlist.Step{ID: "s4", Phase: actionlist.PhaseIncome, Title: "Apply for rent allowance", Owner: actionlist.RoleResident, Status: actionlist.StepOpen, DependsOn: []string{"s3"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteStep(ctx, specialist, "s3"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAgreement(ctx, specialist, c.ID, actionlist.Agreement{Date: today, Who: "Sanne", What: "Calls on Mondays"}); err != nil {
		t.Fatal(err)
	}
	out, err := s.Case(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// flat is a case as the strings it is stored as, for comparing.
func flat(c actionlist.Case) []string {
	out := append(actionlist.CaseValues(c), stamp(c.Created), stamp(c.Updated))
	for _, s := range c.Steps {
		out = append(out, actionlist.StepValues(s)...)
	}
	for _, a := range c.Agreements {
		out = append(out, actionlist.AgreementValues(a)...)
	}
	return out
}

func flatEvents(evs []actionlist.Event) [][]string {
	out := make([][]string, len(evs))
	for i, e := range evs {
		out[i] = []string{e.ID, e.CaseID, string(e.Entity), e.EntityID, string(e.Action), e.Field, e.Old, e.New, stamp(e.At), e.Actor.Name, string(e.Actor.Role)}
	}
	return out
}

func TestImportCaseKeepsEverything(t *testing.T) {
	src, _ := openTemp(t)
	c := withHistory(t, src)
	c, evs, err := src.CaseWithEvents(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) < 8 || evs[0].Action != actionlist.ActionCreated || evs[0].Entity != actionlist.EntityCase {
		t.Fatalf("events oldest first, with the case's creation first: %d, %+v", len(evs), evs[0])
	}
	dst, _ := openTemp(t)
	res, err := dst.ImportCase(ctx, specialist, c, evs, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.FileRef != "" || res.Case.Ref != c.Ref {
		t.Errorf("reference changed on a free laptop: %+v", res)
	}
	got, gotEvs, err := dst.CaseWithEvents(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(flat(got), flat(c)) {
		t.Errorf("case differs after import:\n got %q\nwant %q", flat(got), flat(c))
	}
	if !reflect.DeepEqual(flatEvents(gotEvs), flatEvents(evs)) {
		t.Errorf("events differ after import")
	}

	// The same case again: refused, and nothing changes.
	seq, _ := dst.Seq(ctx)
	_, err = dst.ImportCase(ctx, specialist, c, evs, false)
	var ee *ExistsError
	if !errors.As(err, &ee) || ee.LocalRef != c.Ref || !errors.Is(err, ErrExists) {
		t.Fatalf("second import: %v", err)
	}
	if after, _ := dst.Seq(ctx); after != seq {
		t.Error("a refused import wrote events")
	}
}

func TestImportAsNewRenumbersEverything(t *testing.T) {
	s, _ := openTemp(t)
	c := withHistory(t, s)
	c, evs, err := s.CaseWithEvents(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.ImportCase(ctx, specialist, c, evs, true)
	if err != nil {
		t.Fatal(err)
	}
	cp, cpEvs, err := s.CaseWithEvents(ctx, res.Case.ID)
	if err != nil {
		t.Fatal(err)
	}
	if cp.ID == c.ID || cp.Ref == c.Ref || res.FileRef != c.Ref || cp.Name != c.Name {
		t.Fatalf("copy %s %s of %s %s", cp.ID, cp.Ref, c.ID, c.Ref)
	}
	old := map[string]bool{c.ID: true}
	for _, st := range c.Steps {
		old[st.ID] = true
	}
	for _, a := range c.Agreements {
		old[a.ID] = true
	}
	for _, e := range evs {
		old[e.ID] = true
		old[e.EntityID] = true
	}
	if len(cp.Steps) != len(c.Steps) || len(cpEvs) != len(evs)+1 {
		t.Fatalf("copy has %d steps, %d events; original %d, %d", len(cp.Steps), len(cpEvs), len(c.Steps), len(evs))
	}
	ids := map[string]bool{}
	for _, st := range cp.Steps {
		ids[st.ID] = true
	}
	for i, st := range cp.Steps {
		if old[st.ID] {
			t.Errorf("step %q kept its ID", st.Title)
		}
		if len(st.DependsOn) != len(c.Steps[i].DependsOn) {
			t.Errorf("step %q lost dependencies", st.Title)
		}
		for _, d := range st.DependsOn {
			if old[d] {
				t.Errorf("step %q still waits for an old ID", st.Title)
			}
		}
	}
	for _, e := range cpEvs {
		if old[e.ID] || old[e.EntityID] {
			t.Errorf("event %s %s still has an old ID", e.Action, e.Field)
		}
		// IDs inside snapshots and lists of dependencies are new too.
		var inside []string
		for _, v := range []string{e.Old, e.New} {
			switch {
			case e.Field == "depends_on":
				inside = append(inside, splitIDs(v)...)
			case v == "" || e.Field != "":
			case e.Entity == actionlist.EntityStep:
				st, err := actionlist.StepFromSnapshot(v)
				if err != nil {
					t.Fatal(err)
				}
				inside = append(inside, st.ID)
				inside = append(inside, st.DependsOn...)
			case e.Entity == actionlist.EntityAgreement:
				a, _ := actionlist.AgreementFromSnapshot(v)
				inside = append(inside, a.ID)
			case e.Entity == actionlist.EntityCase:
				kc, _ := actionlist.CaseFromSnapshot(v)
				inside = append(inside, kc.ID)
			}
		}
		for _, id := range inside {
			if old[id] {
				t.Errorf("event %s %s %s holds old ID %s", e.Entity, e.Action, e.Field, id)
			}
		}
	}
	last := cpEvs[len(cpEvs)-1]
	if last.Action != ActionImported || last.Field != FieldCopyOf || !strings.Contains(last.New, c.Ref) {
		t.Errorf("the copy does not say what it copies: %+v", last)
	}
	// The original is untouched.
	orig, err := s.Case(ctx, c.ID)
	if err != nil || !reflect.DeepEqual(flat(orig), flat(c)) {
		t.Errorf("original changed: %v", err)
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	s, _ := openTemp(t)
	c := withHistory(t, s)
	c, evs, _ := s.CaseWithEvents(ctx, c.ID)
	dst, _ := openTemp(t)
	for name, mutate := range map[string]func(c *actionlist.Case, evs []actionlist.Event) []actionlist.Event{
		"a step without a title": func(c *actionlist.Case, evs []actionlist.Event) []actionlist.Event {
			c.Steps[len(c.Steps)-1].Title = " "
			return evs
		},
		"an event ID twice": func(c *actionlist.Case, evs []actionlist.Event) []actionlist.Event {
			return append(evs, evs[len(evs)-1])
		},
		"an unknown language": func(c *actionlist.Case, evs []actionlist.Event) []actionlist.Event {
			c.Language = "fr"
			return evs
		},
	} {
		t.Run(name, func(t *testing.T) {
			bad := c
			bad.Steps = slices.Clone(c.Steps)
			badEvs := mutate(&bad, slices.Clone(evs))
			if _, err := dst.ImportCase(ctx, specialist, bad, badEvs, false); err == nil {
				t.Fatal("accepted")
			}
			list, err := dst.Cases(ctx, today)
			if err != nil || len(list) != 0 {
				t.Fatalf("a failed import left %d cases (%v)", len(list), err)
			}
			if seq, _ := dst.Seq(ctx); seq != 0 {
				t.Fatalf("a failed import left events (seq %d)", seq)
			}
		})
	}
}

// pkgFields are the step fields a volunteer package carries.
var pkgFields = []string{"id", "key", "phase", "order", "title", "why", "after", "owner", "owner_name",
	"due", "status", "done_on", "done_by", "work_note", "depends_on", "days", "when_where", "if_not"}

// volunteerCopy is the case as a volunteer package holds it: the volunteer's
// step only, without the team's notes.
func volunteerCopy(c actionlist.Case) actionlist.Case {
	cp := actionlist.Case{ID: c.ID, Ref: c.Ref, Name: c.Name, Status: c.Status, Language: c.Language, Dose: c.Dose}
	for _, st := range c.Steps {
		if st.Owner == actionlist.RoleVolunteer || st.Owner == actionlist.RoleTogether {
			st.InternalNote, st.ResidentNote, st.Pin = "", "", actionlist.PinNone
			st.DependsOn = nil
			cp.Steps = append(cp.Steps, st)
		}
	}
	return cp
}

func TestVolunteerRoundTripMergesAndKeepsConflicts(t *testing.T) {
	spec, _ := openTemp(t)
	c := mustCreate(t, spec)
	// A second and a third volunteer step, so three fields can be compared.
	for _, st := range []actionlist.Step{
		{ID: "v2", Phase: actionlist.PhaseIncome, Title: "Fill in the allowance form", Owner: actionlist.RoleVolunteer, OwnerName: "Sanne", Status: actionlist.StepOpen},
		{ID: "v3", Phase: actionlist.PhaseIncome, Order: 1, Title: "Call the water board", Owner: actionlist.RoleTogether, OwnerName: "Sanne", Status: actionlist.StepOpen},
	} {
		if _, err := spec.AddStep(ctx, specialist, c.ID, st); err != nil {
			t.Fatal(err)
		}
	}
	c, _ = spec.Case(ctx, c.ID)

	vol, _ := openTemp(t)
	origin := VolunteerOrigin{PackageID: "pkg-1", Ref: c.Ref, MadeBy: "Ahmed", MadeAt: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	imp, err := vol.ImportVolunteerCopy(ctx, volunteer, volunteerCopy(c), origin, pkgFields)
	if err != nil {
		t.Fatal(err)
	}
	cp := imp.Case
	if o, ok, err := vol.VolunteerOriginOf(ctx, cp.ID); err != nil || !ok || o.PackageID != "pkg-1" || o.CaseID != c.ID || o.MadeBy != "Ahmed" {
		t.Fatalf("the copy does not remember its origin: %+v %v %v", o, ok, err)
	}
	if _, evs, err := vol.ReturnEvents(ctx, cp.ID); err != nil || len(evs) != 0 {
		t.Fatalf("a fresh copy has %d events to return (%v)", len(evs), err)
	}
	// The same package twice: refused, nothing changes.
	if _, err := vol.ImportVolunteerCopy(ctx, volunteer, volunteerCopy(c), origin, pkgFields); !isSamePackage(err) {
		t.Fatalf("the same package twice: %v", err)
	}

	// The volunteer ticks s2 off, notes on v2 and v3.
	step := func(s *Store, id string) actionlist.Step {
		t.Helper()
		st, _, err := loadStepRow(ctx, s.db, id)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	edit := func(s *Store, who actionlist.Actor, id string, fn func(*actionlist.Step)) {
		t.Helper()
		before := step(s, id)
		after := before
		fn(&after)
		if _, err := s.UpdateStep(ctx, who, before, after); err != nil {
			t.Fatal(err)
		}
	}
	edit(vol, volunteer, "s2", func(st *actionlist.Step) { *st = actionlist.TickOff(*st, today, "Sanne") })
	edit(vol, volunteer, "v2", func(st *actionlist.Step) { st.WorkNote = "form sent" })
	edit(vol, volunteer, "v3", func(st *actionlist.Step) { st.WorkNote = "first draft" })
	edit(vol, volunteer, "v3", func(st *actionlist.Step) { st.WorkNote = "called, letter follows" })

	// Meanwhile the specialist puts s2 on waiting and notes on v3 too.
	edit(spec, specialist, "s2", func(st *actionlist.Step) { st.Status = actionlist.StepWaiting })
	edit(spec, specialist, "v3", func(st *actionlist.Step) { st.WorkNote = "water board phoned us" })
	edit(spec, specialist, "v2", func(st *actionlist.Step) { st.InternalNote = "check the income" })

	o, evs, err := vol.ReturnEvents(ctx, cp.ID)
	if err != nil {
		t.Fatal(err)
	}
	in := ReturnInput{ReturnID: "ret-1", PackageID: o.PackageID, CaseID: o.CaseID, Events: evs}
	rep, err := spec.MergeReturn(ctx, specialist, in)
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != len(evs) || rep.Seen != 0 {
		t.Errorf("merge saw %d new, %d seen of %d", rep.New, rep.Seen, len(evs))
	}
	// v2's note arrives; the specialist's internal note stays.
	if v2 := step(spec, "v2"); v2.WorkNote != "form sent" || v2.InternalNote != "check the income" {
		t.Errorf("v2 after merge: %+v", v2)
	}
	// s2: the specialist's "waiting" stays, and the done date and name with
	// it do not arrive on their own.
	if s2 := step(spec, "s2"); s2.Status != actionlist.StepWaiting || !s2.DoneOn.IsZero() || s2.DoneBy != "" {
		t.Errorf("s2 after merge: %+v", s2)
	}
	if v3 := step(spec, "v3"); v3.WorkNote != "water board phoned us" {
		t.Errorf("v3's note was overwritten: %q", v3.WorkNote)
	}
	want := map[string]string{"s2/status": "done", "s2/done_on": today.String(), "s2/done_by": "Sanne", "v3/work_note": "called, letter follows"}
	got := map[string]string{}
	for _, cf := range rep.Conflicts {
		for _, f := range cf.Fields {
			got[cf.StepID+"/"+f.Field] = f.Offered
		}
		if cf.By != volunteer {
			t.Errorf("conflict %s/%+v by %+v", cf.StepID, cf.Fields, cf.By)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("conflicts %v, want %v", got, want)
	}
	// The tick-off is one change held back, not three.
	if len(rep.Conflicts) != 2 {
		t.Errorf("%d conflicts, want 2 (the tick-off and the note): %+v", len(rep.Conflicts), rep.Conflicts)
	}
	if len(rep.Applied) != 1 || len(rep.Applied[0].Fields) != 1 || rep.Applied[0].Fields[0].Field != "work_note" {
		t.Errorf("applied %+v", rep.Applied)
	}
	// Nothing lost: every volunteer event is in the specialist's history.
	all, _ := spec.Events(ctx, c.ID)
	have := map[string]bool{}
	for _, e := range all {
		have[e.ID] = true
	}
	for _, e := range evs {
		if !have[e.ID] {
			t.Errorf("volunteer event %s %s lost", e.EntityID, e.Field)
		}
	}
	open, err := spec.OpenConflicts(ctx, c.ID)
	if err != nil || len(open) != 2 {
		t.Fatalf("open conflicts: %d %v", len(open), err)
	}

	// The same return file again changes nothing.
	seq, _ := spec.Seq(ctx)
	rep2, err := spec.MergeReturn(ctx, specialist, in)
	if err != nil || rep2.New != 0 || rep2.Seen != len(evs) {
		t.Fatalf("second merge: %+v %v", rep2, err)
	}
	if after, _ := spec.Seq(ctx); after != seq {
		t.Error("the second merge wrote events")
	}

	// The specialist resolves: takes the volunteer's note over by hand, and
	// keeps "waiting" for the three completion fields.
	edit(spec, specialist, "v3", func(st *actionlist.Step) { st.WorkNote = "called, letter follows" })
	for _, cf := range open {
		if cf.StepID == "s2" {
			if err := spec.ResolveConflict(ctx, specialist, c.ID, cf.EventIDs...); err != nil {
				t.Fatal(err)
			}
		}
	}
	if open, _ := spec.OpenConflicts(ctx, c.ID); len(open) != 0 {
		t.Errorf("still open after resolving: %+v", open)
	}

	// The volunteer goes on; the next return file holds everything, and
	// only the new change is merged.
	edit(vol, volunteer, "v2", func(st *actionlist.Step) { *st = actionlist.TickOff(*st, today, "Sanne") })
	_, evs2, _ := vol.ReturnEvents(ctx, cp.ID)
	rep3, err := spec.MergeReturn(ctx, specialist, ReturnInput{ReturnID: "ret-2", PackageID: "pkg-1", CaseID: c.ID, Events: evs2})
	if err != nil {
		t.Fatal(err)
	}
	if rep3.Seen != len(evs) || rep3.New != len(evs2)-len(evs) || len(rep3.Conflicts) != 0 || len(rep3.Applied) != 1 || len(rep3.Applied[0].Fields) != 3 {
		t.Errorf("third merge: %+v", rep3)
	}
	if v2 := step(spec, "v2"); v2.Status != actionlist.StepDone || v2.DoneBy != "Sanne" {
		t.Errorf("v2 not ticked off: %+v", v2)
	}
}

func isSamePackage(err error) bool {
	var ee *ExistsError
	return errors.As(err, &ee) && ee.SamePackage
}

func TestMergeRefusals(t *testing.T) {
	spec, _ := openTemp(t)
	c := mustCreate(t, spec)
	tick := actionlist.Event{ID: "e1", Entity: actionlist.EntityStep, EntityID: "s2", Action: actionlist.ActionChanged,
		Field: "status", Old: "open", New: "done", At: time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC), Actor: volunteer}
	seq, _ := spec.Seq(ctx)

	if _, err := spec.MergeReturn(ctx, specialist, ReturnInput{CaseID: "elsewhere", Events: []actionlist.Event{tick}}); !errors.Is(err, ErrNotFound) {
		t.Errorf("a return for a case not here: %v", err)
	}
	// A step the volunteer added whose snapshot is damaged: the whole file
	// is refused, including the good change before it.
	added := actionlist.Event{ID: "e2", Entity: actionlist.EntityStep, EntityID: "new", Action: actionlist.ActionCreated, New: "{not json", At: tick.At, Actor: volunteer}
	if _, err := spec.MergeReturn(ctx, specialist, ReturnInput{CaseID: c.ID, Events: []actionlist.Event{tick, added}}); err == nil {
		t.Error("a damaged snapshot was accepted")
	}
	if after, _ := spec.Seq(ctx); after != seq {
		t.Error("a refused merge wrote events")
	}
	if s2, _, _ := loadStepRow(ctx, spec.db, "s2"); s2.Status != actionlist.StepOpen {
		t.Error("a refused merge changed a step")
	}
	// A volunteer's copy does not take return files.
	vol, _ := openTemp(t)
	if _, err := vol.ImportVolunteerCopy(ctx, volunteer, volunteerCopy(c), VolunteerOrigin{PackageID: "p"}, pkgFields); err != nil {
		t.Fatal(err)
	}
	if _, err := vol.MergeReturn(ctx, specialist, ReturnInput{CaseID: c.ID, Events: []actionlist.Event{tick}}); !errors.Is(err, ErrIsVolunteerCopy) {
		t.Errorf("merge into a copy: %v", err)
	}
	if _, _, err := spec.ReturnEvents(ctx, c.ID); !errors.Is(err, ErrNotVolunteerCopy) {
		t.Errorf("return from the original: %v", err)
	}
}

func TestVolunteerAddsAndDeletesSteps(t *testing.T) {
	spec, _ := openTemp(t)
	c := mustCreate(t, spec)
	vol, _ := openTemp(t)
	imp, err := vol.ImportVolunteerCopy(ctx, volunteer, volunteerCopy(c), VolunteerOrigin{PackageID: "p"}, pkgFields)
	if err != nil {
		t.Fatal(err)
	}
	cp := imp.Case
	if _, err := vol.AddStep(ctx, volunteer, cp.ID, actionlist.Step{ID: "n1", Phase: actionlist.PhaseOverview, Order: 9, Title: "Ask the landlord for a rent statement", Owner: actionlist.RoleVolunteer, OwnerName: "Sanne", Status: actionlist.StepOpen}); err != nil {
		t.Fatal(err)
	}
	if err := vol.DeleteStep(ctx, volunteer, "s2"); err != nil {
		t.Fatal(err)
	}
	_, evs, _ := vol.ReturnEvents(ctx, cp.ID)
	rep, err := spec.MergeReturn(ctx, specialist, ReturnInput{CaseID: c.ID, PackageID: "p", Events: evs})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Added) != 1 || rep.Added[0].ID != "n1" {
		t.Errorf("added %+v", rep.Added)
	}
	if len(rep.Conflicts) != 1 || rep.Conflicts[0].StepID != "s2" || !rep.Conflicts[0].Deleted {
		t.Errorf("conflicts %+v", rep.Conflicts)
	}
	got, _ := spec.Case(ctx, c.ID)
	if st, _ := got.StepByID("s2"); st == nil {
		t.Error("the specialist's step was deleted by a volunteer")
	}
	if st, _ := got.StepByID("n1"); st == nil || st.Title != "Ask the landlord for a rent statement" {
		t.Error("the volunteer's new step did not arrive")
	}
}

// BenchmarkCaseFile reads and imports a case of 10,000 steps with a
// created event for each: the store's part of export and import.
func BenchmarkCaseFile(b *testing.B) {
	src, _ := openTemp(b)
	c := demo.Synthetic(rand.New(rand.NewPCG(1, 2)), 1, 10000, today, NewID)
	c, err := src.CreateCase(ctx, specialist, c)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("read", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := src.CaseWithEvents(ctx, c.ID); err != nil {
				b.Fatal(err)
			}
		}
	})
	kase, evs, err := src.CaseWithEvents(ctx, c.ID)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("import", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			dst, err := OpenMemory(ctx)
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if _, err := dst.ImportCase(ctx, specialist, kase, evs, false); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			dst.Close()
			b.StartTimer()
		}
	})
}

func TestNewerPackageRefreshesTheCopy(t *testing.T) {
	spec, _ := openTemp(t)
	c := mustCreate(t, spec)
	if _, err := spec.AddStep(ctx, specialist, c.ID, actionlist.Step{ID: "v2", Phase: actionlist.PhaseIncome, Title: "Fill in the form", Owner: actionlist.RoleVolunteer, OwnerName: "Sanne", Status: actionlist.StepOpen}); err != nil {
		t.Fatal(err)
	}
	c, _ = spec.Case(ctx, c.ID)
	vol, _ := openTemp(t)
	if _, err := vol.ImportVolunteerCopy(ctx, volunteer, volunteerCopy(c), VolunteerOrigin{PackageID: "p1", MadeBy: "Ahmed"}, pkgFields); err != nil {
		t.Fatal(err)
	}
	load := func(s *Store, id string) actionlist.Step {
		st, _, err := loadStepRow(ctx, s.db, id)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	update := func(s *Store, who actionlist.Actor, id string, fn func(*actionlist.Step)) {
		before := load(s, id)
		after := before
		fn(&after)
		if _, err := s.UpdateStep(ctx, who, before, after); err != nil {
			t.Fatal(err)
		}
	}
	// The volunteer ticks s2 off; the specialist renames it, ticks v2 off
	// in the conversation, and adds a new task.
	update(vol, volunteer, "s2", func(st *actionlist.Step) { *st = actionlist.TickOff(*st, today, "Sanne") })
	update(spec, specialist, "s2", func(st *actionlist.Step) { st.Title = "Sort the post, all of it" })
	update(spec, specialist, "v2", func(st *actionlist.Step) { *st = actionlist.TickOff(*st, today, "Ahmed") })
	if _, err := spec.AddStep(ctx, specialist, c.ID, actionlist.Step{ID: "v3", Phase: actionlist.PhaseIncome, Order: 5, Title: "Call the water board", Owner: actionlist.RoleVolunteer, OwnerName: "Sanne", Status: actionlist.StepOpen}); err != nil {
		t.Fatal(err)
	}
	c, _ = spec.Case(ctx, c.ID)

	res, err := vol.ImportVolunteerCopy(ctx, volunteer, volunteerCopy(c), VolunteerOrigin{PackageID: "p2", MadeBy: "Ahmed"}, pkgFields)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Refreshed || res.Added != 1 || res.Changed != 2 || res.Kept != 3 {
		t.Errorf("refresh: %+v", res)
	}
	s2 := load(vol, "s2")
	if s2.Title != "Sort the post, all of it" || s2.Status != actionlist.StepDone || s2.DoneBy != "Sanne" {
		t.Errorf("s2 on the copy: %+v", s2)
	}
	if v2 := load(vol, "v2"); v2.Status != actionlist.StepDone || v2.DoneBy != "Ahmed" {
		t.Errorf("v2 did not take the specialist's tick: %+v", v2)
	}
	load(vol, "v3")
	if _, err := vol.ImportVolunteerCopy(ctx, volunteer, volunteerCopy(c), VolunteerOrigin{PackageID: "p2"}, pkgFields); !isSamePackage(err) {
		t.Errorf("the newer package twice: %v", err)
	}

	// The return file holds the volunteer's tick only, not what the
	// refresh brought; it merges without conflicts.
	o, evs, err := vol.ReturnEvents(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if o.PackageID != "p2" {
		t.Errorf("return names package %s", o.PackageID)
	}
	for _, e := range evs {
		if e.EntityID != "s2" || e.Actor != volunteer {
			t.Errorf("a refresh event in the return file: %+v", e)
		}
	}
	rep, err := spec.MergeReturn(ctx, specialist, ReturnInput{PackageID: o.PackageID, CaseID: c.ID, Events: evs})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Conflicts) != 0 || len(rep.Applied) != 1 || len(rep.Applied[0].Fields) != 3 {
		t.Errorf("merge after a refresh: %+v", rep)
	}
	if s2 := load(spec, "s2"); s2.Title != "Sort the post, all of it" || s2.Status != actionlist.StepDone {
		t.Errorf("s2 on the specialist's laptop: %+v", s2)
	}
}

// CaseWithEvents reads the steps and the history on two connections at
// once; what it returns is what one read transaction sees, also while
// another window holds the write lock: then it does not wait for the lock
// (five seconds by default) but reads in one go.
func TestCaseWithEventsReadsOneMoment(t *testing.T) {
	s, path := openTemp(t) // the default busy timeout
	c := mustCreate(t, s)
	st, _ := c.StepByID("s2")
	after := *st
	after.Title = "Sort all the post"
	if _, err := s.UpdateStep(ctx, specialist, *st, after); err != nil {
		t.Fatal(err)
	}
	oneGo := func() (actionlist.Case, []actionlist.Event) {
		tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		kase, err := loadCase(ctx, tx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		evs, err := loadEvents(ctx, tx, "WHERE case_id = ? ORDER BY seq", c.ID)
		if err != nil {
			t.Fatal(err)
		}
		return kase, evs
	}
	wantCase, wantEvents := oneGo()
	check := func(when string) {
		t.Helper()
		// Far less than the five seconds a wait for the lock would take.
		short, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		got, evs, err := s.CaseWithEvents(short, c.ID)
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		if !reflect.DeepEqual(got, wantCase) || !reflect.DeepEqual(evs, wantEvents) {
			t.Errorf("%s: read differs from one read transaction", when)
		}
	}
	check("alone")
	if _, _, ok, err := s.caseWithEventsAtOnce(ctx, c.ID); !ok || err != nil {
		t.Errorf("alone, the two connections were not used: %v %v", ok, err)
	}

	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	busy, err := other.db.BeginTx(ctx, nil) // another window in the middle of a save
	if err != nil {
		t.Fatal(err)
	}
	check("while another window holds the write lock")
	if _, _, ok, _ := s.caseWithEventsAtOnce(ctx, c.ID); ok {
		t.Error("the write lock of another window was taken")
	}
	busy.Rollback()
	if _, _, err := s.CaseWithEvents(ctx, "no-such-case"); !errors.Is(err, ErrNotFound) {
		t.Errorf("a missing case: %v", err)
	}
	// Saves still wait for another window as long as before.
	for range 3 {
		var wait int
		if err := s.db.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&wait); err != nil || wait != int(DefaultBusyTimeout.Milliseconds()) {
			t.Errorf("busy timeout afterwards: %d (%v)", wait, err)
		}
	}
}

// A database in memory has one connection: it is read in one go, not on
// two connections (the second would wait for the first for ever).
func TestCaseWithEventsInMemory(t *testing.T) {
	s, err := OpenMemory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := mustCreate(t, s)
	short, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	got, evs, err := s.CaseWithEvents(short, c.ID)
	if err != nil || len(got.Steps) != len(c.Steps) || len(evs) == 0 {
		t.Fatalf("in memory: %v, %d steps, %d events", err, len(got.Steps), len(evs))
	}
}
