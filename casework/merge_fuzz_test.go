package casework

import (
	"bytes"
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"houvast/actionlist"
	"houvast/demo"
	"houvast/export"
	"houvast/store"
)

// mergeFixture is the specialist's case as it is when a return file comes
// back (the package went out, and the specialist changed a few things
// since), and genuine return files of a volunteer's work on the package.
type mergeFixture struct {
	spec    export.CaseFile
	before  []byte // the database with only spec in it (see snapshot)
	returns [][]byte
}

var fuzzToday = actionlist.MustDate("2026-11-23")

func fuzzClock() func() time.Time {
	at := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	return func() time.Time { at = at.Add(time.Millisecond); return at }
}

func memoryStore(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.OpenMemory(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s.Now = fuzzClock()
	return s
}

func newMergeFixture(t testing.TB) mergeFixture {
	t.Helper()
	spec := memoryStore(t)
	defer spec.Close()
	n := 0
	ids := func() string { n++; return "id-" + string(rune('a'+n/26%26)) + string(rune('a'+n%26)) }
	ex := demo.Case(actionlist.Dutch, fuzzToday, ids)
	replayed, err := ex.Replay(ctx, spec, func(at time.Time) { spec.Now = func() time.Time { return at } })
	if err != nil {
		t.Fatal(err)
	}
	c, err := spec.Case(ctx, replayed.ID) // as the replayed history left it
	if err != nil {
		t.Fatal(err)
	}
	spec.Now = fuzzClock()
	marieke := actionlist.Actor{Name: "Marieke", Role: actionlist.RoleSpecialist}
	pkg, err := export.Volunteer(c, export.VolunteerOptions{ID: "pkg-1", Now: spec.Now(), MadeBy: "Marieke", AllowBSN: true})
	if err != nil {
		t.Fatal(err)
	}

	// The specialist goes on after the package went out: one volunteer step
	// put on waiting, a note written on another, a third deleted.
	var open []actionlist.Step
	inNow := ""
	now := actionlist.Dose(c.Steps, c.Dose, fuzzToday)
	for _, s := range pkg.Case.Steps {
		if s.Status == actionlist.StepOpen {
			open = append(open, s)
		}
		if now.InNow(s.ID) && s.Status == actionlist.StepInProgress {
			inNow = s.ID // ticking it brings a step without a date into Now
		}
	}
	if inNow == "" {
		t.Fatal("the demo package has no step under way in Now")
	}
	if len(open) < 6 {
		t.Fatalf("the demo package has %d open steps", len(open))
	}
	cur := func(id string) actionlist.Step {
		k, _ := spec.Case(ctx, c.ID)
		s, _ := k.StepByID(id)
		return *s
	}
	w := cur(open[0].ID)
	waiting := w
	waiting.Status = actionlist.StepWaiting
	note := cur(open[1].ID)
	noted := note
	noted.WorkNote = "Marieke belde zelf"
	if _, err := spec.UpdateSteps(ctx, marieke, store.StepEdit{Before: w, After: waiting}, store.StepEdit{Before: note, After: noted}); err != nil {
		t.Fatal(err)
	}
	if err := spec.DeleteStep(ctx, marieke, open[5].ID); err != nil {
		t.Fatal(err)
	}
	k, evs, err := spec.CaseWithEvents(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	f := mergeFixture{spec: export.CaseFile{Case: k, Events: evs}}
	fresh := f.fresh(t)
	f.before = snapshot(t, fresh, k.ID)
	fresh.Close()
	for _, s := range actionlist.Dose(k.Steps, k.Dose, fuzzToday).Now {
		if s.Due.IsZero() {
			t.Fatalf("the fixture has %q in Now without a date", s.Title)
		}
	}

	// The volunteer's work, in a few rounds: each round's return file holds
	// everything since the package, as a real one does.
	vol := memoryStore(t)
	defer vol.Close()
	sanne := actionlist.Actor{Name: "Sanne", Role: actionlist.RoleVolunteer}
	if _, err := vol.ImportVolunteerCopy(ctx, sanne, pkg.Case, store.VolunteerOrigin{PackageID: pkg.ID, Ref: c.Ref, MadeBy: "Marieke", MadeAt: pkg.ExportedAt},
		export.VolunteerStepFields()); err != nil {
		t.Fatal(err)
	}
	vcur := func(id string) actionlist.Step {
		k, _ := vol.Case(ctx, c.ID)
		s, _ := k.StepByID(id)
		return *s
	}
	edit := func(id string, fn func(actionlist.Step) actionlist.Step) {
		before := vcur(id)
		if _, err := vol.UpdateStep(ctx, sanne, before, fn(before)); err != nil {
			t.Fatal(err)
		}
	}
	tick := func(s actionlist.Step) actionlist.Step { return actionlist.TickOff(s, fuzzToday, "Sanne") }
	rounds := []func(){
		func() { edit(open[0].ID, tick); edit(open[2].ID, tick); edit(inNow, tick) },
		func() {
			edit(open[1].ID, func(s actionlist.Step) actionlist.Step { s.WorkNote = "Gebeld, brief komt"; return s })
			edit(open[2].ID, actionlist.Reopen)
		},
		func() {
			if _, err := vol.AddStep(ctx, sanne, c.ID, actionlist.Step{Phase: actionlist.PhaseOverview, Order: 40, Title: "Vraag de huurspecificatie op",
				Owner: actionlist.RoleVolunteer, OwnerName: "Sanne", Status: actionlist.StepOpen}); err != nil {
				t.Fatal(err)
			}
			edit(open[5].ID, tick)
			edit(open[3].ID, tick)
		},
		func() {
			if err := vol.DeleteStep(ctx, sanne, open[4].ID); err != nil {
				t.Fatal(err)
			}
		},
	}
	for i, round := range rounds {
		round()
		origin, evs, err := vol.ReturnEvents(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		r := export.ReturnFile{ID: "ret-" + string(rune('1'+i)), ExportedAt: vol.Now(), PackageID: origin.PackageID, CaseID: c.ID,
			Ref: c.Ref, Volunteer: "Sanne", Events: evs}
		f.returns = append(f.returns, r.Encode())
	}
	return f
}

// fresh is a database holding the specialist's case and nothing else.
func (f mergeFixture) fresh(t testing.TB) *store.Store {
	t.Helper()
	s := memoryStore(t)
	if _, err := s.ImportCase(ctx, actionlist.Actor{Name: "Marieke", Role: actionlist.RoleSpecialist}, f.spec.Case, f.spec.Events, false); err != nil {
		s.Close()
		t.Fatal(err)
	}
	return s
}

// mergeOnce merges a return file into a fresh copy of the specialist's
// case. It returns the store (to be closed) and the error of the import.
func (f mergeFixture) mergeOnce(t testing.TB, file export.File) (*store.Store, []byte, error) {
	t.Helper()
	s := f.fresh(t)
	w := &Work{Store: s, Settings: Settings{Name: "Marieke"}, Now: s.Now}
	_, err := w.Import(ctx, file, false)
	return s, f.before, err
}

// snapshot is everything the database holds of the case, and its counter.
func snapshot(t testing.TB, s *store.Store, caseID string) []byte {
	t.Helper()
	c, evs, err := s.CaseWithEvents(ctx, caseID)
	if err != nil {
		t.Fatal(err)
	}
	seq, _ := s.Seq(ctx)
	return append(export.CaseFile{Case: c, Events: evs}.Encode(), byte(seq), byte(seq>>8), byte(seq>>16))
}

// checkMerged: the database passes houvast check, and the case keeps its
// invariants: no done step without its date and name, every step in Now
// with a due date.
func checkMerged(t testing.TB, s *store.Store, caseID string) {
	t.Helper()
	rep, err := s.Check(ctx)
	if err != nil || !rep.Sound() {
		t.Fatalf("houvast check after a merge: %v %v", err, rep.Problems)
	}
	c, err := s.Case(ctx, caseID)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range c.Steps {
		if st.DoneWithoutRecord() {
			t.Fatalf("%q is done without its date or name: %s, %q", st.Title, st.DoneOn, st.DoneBy)
		}
	}
	for _, st := range actionlist.Dose(c.Steps, c.Dose, actionlist.DateOf(s.Now())).Now {
		if st.Due.IsZero() {
			t.Fatalf("%q is in Now without a due date", st.Title)
		}
	}
}

// The genuine return files merge, with conflicts where the specialist
// changed the same thing, and keep the case whole.
func TestGenuineReturnFilesMergeWhole(t *testing.T) {
	f := newMergeFixture(t)
	for i, data := range f.returns {
		file, err := export.Parse(data)
		if err != nil {
			t.Fatalf("return %d: %v", i+1, err)
		}
		s, _, err := f.mergeOnce(t, file)
		if err != nil {
			s.Close()
			t.Fatalf("return %d: %v", i+1, err)
		}
		checkMerged(t, s, f.spec.Case.ID)
		if open, err := s.OpenConflicts(ctx, f.spec.Case.ID); err != nil || len(open) == 0 {
			t.Errorf("return %d left no choice for the specialist (%v): the fixture has no conflict", i+1, err)
		}
		s.Close()
	}
}

// What a mutation may write: the values real files hold, and a few that
// no file should.
var (
	fuzzValues = []string{"done", "open", "waiting", "in_progress", "not_applicable", "dune", "", "2026-11-22", "2026-13-45",
		"Sanne", strings.Repeat("x", actionlist.MaxText+1), "{}", `{"id":"id-zz","title":"x"}`, "deleted", "7", "-1"}
	fuzzFields  = append(slices.Clone(actionlist.StepColumns), "colour")
	fuzzActions = []actionlist.Action{actionlist.ActionCreated, actionlist.ActionChanged, actionlist.ActionDeleted}
)

// mutate changes a genuine return file as ops say, two bytes an operation:
// what to do, and where (which event, which value).
func mutate(r export.ReturnFile, ops []byte, value string) export.ReturnFile {
	r.Events = slices.Clone(r.Events)
	for i := 0; i+1 < len(ops) && len(r.Events) > 0; i += 2 {
		op, at := ops[i], int(ops[i+1])
		e := &r.Events[at%len(r.Events)]
		pick := fuzzValues[at%len(fuzzValues)]
		if op&0x80 != 0 {
			pick = value
		}
		switch op % 10 {
		case 0:
			e.New = pick
		case 1:
			e.Old = pick
		case 2:
			e.Field = fuzzFields[at/3%len(fuzzFields)]
		case 3: // about another step of the file
			e.EntityID = r.Events[at/2%len(r.Events)].EntityID
		case 4: // about a step that never was
			e.EntityID = "never-" + strconv.Itoa(at)
		case 5:
			r.Events = slices.Delete(r.Events, at%len(r.Events), at%len(r.Events)+1)
		case 6:
			dup := *e
			dup.ID += "-again"
			r.Events = slices.Insert(r.Events, at%len(r.Events), dup)
		case 7:
			if j := at % len(r.Events); j+1 < len(r.Events) {
				r.Events[j], r.Events[j+1] = r.Events[j+1], r.Events[j]
			}
		case 8:
			e.Action = fuzzActions[at/4%len(fuzzActions)]
		case 9:
			e.Actor.Name = pick
		}
	}
	return r
}

// FuzzMergeReturn mutates genuine return files, field by field and event by
// event: each mutation is either refused whole (the database exactly as
// before, and a sentence for it) or merged, and then the database passes
// houvast check and the case keeps its invariants.
func FuzzMergeReturn(f *testing.F) {
	fx := newMergeFixture(f)
	for i := range fx.returns {
		f.Add(uint8(i), []byte{}, "")
		f.Add(uint8(i), []byte{0, 0, 0x85, 3}, "dune")
		f.Add(uint8(i), []byte{4, 1, 1, 2}, "")
		f.Add(uint8(i), []byte{5, 1, 7, 0, 2, 30}, "Sanne")
	}
	f.Fuzz(func(t *testing.T, seed uint8, ops []byte, value string) {
		genuine, err := export.Parse(fx.returns[int(seed)%len(fx.returns)])
		if err != nil {
			t.Fatal(err)
		}
		file, err := export.Parse(mutate(*genuine.Return, ops, value).Encode())
		if err != nil {
			if export.Sentence(err, actionlist.Dutch) == "" {
				t.Errorf("a refused file without a sentence: %v", err)
			}
			return // refused before any database is opened
		}
		s, before, err := fx.mergeOnce(t, file)
		defer s.Close()
		if err != nil {
			if Sentence(err, actionlist.Dutch) == "" {
				t.Errorf("a refusal without a sentence: %v", err)
			}
			if after := snapshot(t, s, fx.spec.Case.ID); !bytes.Equal(after, before) {
				t.Fatalf("a refused merge (%v) changed the database", err)
			}
			return
		}
		checkMerged(t, s, fx.spec.Case.ID)
	})
}
