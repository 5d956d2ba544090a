package actionlist

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func step(id string, ph Phase, order int, mods ...func(*Step)) Step {
	s := Step{ID: id, Phase: ph, Order: order, Title: "step " + id, Owner: RoleResident, Status: StepOpen}
	for _, m := range mods {
		m(&s)
	}
	return s
}

func done(s *Step)    { s.Status = StepDone; s.DoneOn = MustDate("2026-11-01") }
func na(s *Step)      { s.Status = StepNotApplicable }
func pinned(s *Step)  { s.Pin = PinNow }
func pushed(s *Step)  { s.Pin = PinLater }
func started(s *Step) { s.Status = StepInProgress }
func waiting(s *Step) { s.Status = StepWaiting }
func due(d string) func(*Step) {
	return func(s *Step) { s.Due = MustDate(d) }
}
func after(ids ...string) func(*Step) {
	return func(s *Step) { s.DependsOn = ids }
}

func ids(steps []Step) []string {
	out := make([]string, len(steps))
	for i, s := range steps {
		out[i] = s.ID
	}
	return out
}

func TestDose(t *testing.T) {
	today := MustDate("2026-11-23")
	tests := []struct {
		name    string
		steps   []Step
		n       int
		now     []string
		later   map[Phase]int
		blocked []string
	}{
		{name: "empty list", steps: nil, n: 3, now: []string{}, later: map[Phase]int{}},
		{
			name:  "finished list",
			steps: []Step{step("a", PhaseCrisis, 0, done), step("b", PhaseOverview, 0, na)},
			n:     3, now: []string{}, later: map[Phase]int{},
		},
		{
			name: "dose limit takes plan order",
			steps: []Step{
				step("c", PhaseOverview, 1), step("a", PhaseCrisis, 0), step("b", PhaseOverview, 0),
				step("d", PhaseIncome, 0),
			},
			n: 2, now: []string{"a", "b"}, later: map[Phase]int{PhaseOverview: 1, PhaseIncome: 1},
		},
		{
			name:  "done and not applicable never count",
			steps: []Step{step("a", PhaseCrisis, 0, done), step("b", PhaseCrisis, 1, na), step("c", PhaseCrisis, 2), step("d", PhaseCrisis, 3)},
			n:     1, now: []string{"c"}, later: map[Phase]int{PhaseCrisis: 1},
		},
		{
			name:  "pinned comes first, even from a late phase",
			steps: []Step{step("a", PhaseCrisis, 0), step("b", PhaseCrisis, 1), step("z", PhaseAftercare, 0, pinned)},
			n:     2, now: []string{"z", "a"}, later: map[Phase]int{PhaseCrisis: 1},
		},
		{
			name: "overdue before the plan, longest overdue first",
			steps: []Step{
				step("a", PhaseCrisis, 0), step("x", PhaseCreditors, 0, due("2026-11-20")),
				step("y", PhaseClosing, 0, due("2026-11-01")), step("f", PhaseCrisis, 1, due("2026-11-23")),
			},
			n: 3, now: []string{"y", "x", "a"}, later: map[Phase]int{PhaseCrisis: 1},
		},
		{
			name:  "pinned beats overdue",
			steps: []Step{step("o", PhaseCrisis, 0, due("2026-01-01")), step("p", PhaseAftercare, 0, pinned)},
			n:     1, now: []string{"p"}, later: map[Phase]int{PhaseCrisis: 1},
		},
		{
			name:  "started steps stay in view before plan order",
			steps: []Step{step("a", PhaseCrisis, 0), step("w", PhaseIncome, 0, waiting), step("i", PhaseIncome, 1, started)},
			n:     2, now: []string{"w", "i"}, later: map[Phase]int{PhaseCrisis: 1},
		},
		{
			name:  "pushed back goes behind everything",
			steps: []Step{step("a", PhaseCrisis, 0, pushed), step("b", PhaseClosing, 0), step("c", PhaseAftercare, 0)},
			n:     2, now: []string{"b", "c"}, later: map[Phase]int{PhaseCrisis: 1},
		},
		{
			name:  "pushed back still shows when nothing else is open",
			steps: []Step{step("a", PhaseCrisis, 0, pushed), step("b", PhaseClosing, 0, done)},
			n:     2, now: []string{"a"}, later: map[Phase]int{},
		},
		{
			name: "open dependency keeps a step out, even pinned or overdue",
			steps: []Step{
				step("a", PhaseCrisis, 0), step("b", PhaseOverview, 0, after("a"), pinned),
				step("c", PhaseOverview, 1, after("a"), due("2026-01-01")), step("d", PhaseIncome, 0),
			},
			n: 3, now: []string{"a", "d"}, later: map[Phase]int{PhaseOverview: 2}, blocked: []string{"b", "c"},
		},
		{
			name:  "finished dependency releases the step",
			steps: []Step{step("a", PhaseCrisis, 0, done), step("b", PhaseOverview, 0, after("a")), step("c", PhaseOverview, 1, after("x", "a"))},
			n:     3, now: []string{"b", "c"}, later: map[Phase]int{},
		},
		{
			name:  "not applicable dependency releases the step",
			steps: []Step{step("a", PhaseCrisis, 0, na), step("b", PhaseOverview, 0, after("a"))},
			n:     3, now: []string{"b"}, later: map[Phase]int{},
		},
		{
			name:  "dose is clamped to at least one",
			steps: []Step{step("a", PhaseCrisis, 0), step("b", PhaseCrisis, 1)},
			n:     0, now: []string{"a"}, later: map[Phase]int{PhaseCrisis: 1},
		},
		{
			name:  "dose is clamped to the maximum",
			steps: []Step{step("1", PhaseCrisis, 1), step("2", PhaseCrisis, 2), step("3", PhaseCrisis, 3), step("4", PhaseCrisis, 4), step("5", PhaseCrisis, 5), step("6", PhaseCrisis, 6), step("7", PhaseCrisis, 7), step("8", PhaseCrisis, 8)},
			n:     100, now: []string{"1", "2", "3", "4", "5", "6", "7"}, later: map[Phase]int{PhaseCrisis: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Dose(tt.steps, tt.n, today)
			if got := ids(d.Now); !slices.Equal(got, tt.now) {
				t.Errorf("now = %v, want %v", got, tt.now)
			}
			if len(d.Later) != len(tt.later) {
				t.Errorf("later = %v, want %v", d.Later, tt.later)
			}
			total := 0
			for ph, n := range tt.later {
				total += n
				if d.Later[ph] != n {
					t.Errorf("later[%s] = %d, want %d", ph, d.Later[ph], n)
				}
			}
			if d.LaterTotal != total {
				t.Errorf("later total = %d, want %d", d.LaterTotal, total)
			}
			var blocked []string
			for id, r := range d.Why {
				if len(d.WaitsFor(id)) > 0 {
					blocked = append(blocked, id)
				}
				if (r.Place == LaterWaits) != (len(r.WaitsFor) > 0) {
					t.Errorf("%s: place %v waiting for %v", id, r.Place, r.WaitsFor)
				}
			}
			slices.Sort(blocked)
			if !slices.Equal(blocked, tt.blocked) {
				t.Errorf("blocked = %v, want %v", blocked, tt.blocked)
			}
		})
	}
}

// The outcome must not depend on the order steps arrive in.
func TestDoseIgnoresInputOrder(t *testing.T) {
	today := MustDate("2026-11-23")
	steps := []Step{
		step("a", PhaseCrisis, 0), step("b", PhaseCrisis, 1, due("2026-11-02")), step("c", PhaseOverview, 0, pinned),
		step("d", PhaseOverview, 1, started), step("e", PhaseIncome, 0, after("a")), step("f", PhaseIncome, 1, pushed),
		step("g", PhaseIncome, 2, due("2026-11-02")),
	}
	want := ids(Dose(steps, 4, today).Now)
	r := rand.New(rand.NewPCG(1, 2))
	for range 50 {
		r.Shuffle(len(steps), func(i, j int) { steps[i], steps[j] = steps[j], steps[i] })
		if got := ids(Dose(steps, 4, today).Now); !slices.Equal(got, want) {
			t.Fatalf("order-dependent: got %v, want %v", got, want)
		}
	}
}

func TestPlanDueDates(t *testing.T) {
	today := MustDate("2026-11-23")
	steps := []Step{
		step("a", PhaseCrisis, 0, func(s *Step) { s.Days = 5 }),
		step("b", PhaseCrisis, 1, due("2026-12-24")),
		step("c", PhaseCrisis, 2),
		step("d", PhaseCrisis, 3, func(s *Step) { s.Days = 2 }),
	}
	got := PlanDueDates(Dose(steps, 3, today), today)
	if len(got) != 2 {
		t.Fatalf("planned %d steps, want 2: %v", len(got), ids(got))
	}
	if got[0].ID != "a" || got[0].Due != MustDate("2026-11-28") {
		t.Errorf("a: due %s, want 2026-11-28", got[0].Due)
	}
	if got[1].ID != "c" || got[1].Due != MustDate("2026-11-24") {
		t.Errorf("c (no typical days): due %s, want tomorrow", got[1].Due)
	}
}

func TestStepOperations(t *testing.T) {
	s := step("a", PhaseCrisis, 0, pinned)
	d := TickOff(s, MustDate("2026-11-23"), "Sanne")
	if d.Status != StepDone || d.DoneOn != MustDate("2026-11-23") || d.DoneBy != "Sanne" || d.Pin != PinNone {
		t.Errorf("tick off: %+v", d)
	}
	r := Reopen(d)
	if r.Status != StepOpen || !r.DoneOn.IsZero() || r.DoneBy != "" {
		t.Errorf("reopen: %+v", r)
	}
	if w := SetStatus(d, StepWaiting, Date{}, ""); w.Status != StepWaiting || !w.DoneOn.IsZero() {
		t.Errorf("waiting keeps done date: %+v", w)
	}
	if again := SetStatus(d, StepDone, MustDate("2027-01-01"), "X"); again.DoneOn != d.DoneOn {
		t.Errorf("done again moved the done date: %s", again.DoneOn)
	}
	if p := TogglePin(TogglePin(s)); p.Pin != PinNow {
		t.Errorf("pin twice: %q", p.Pin)
	}
	if p := PushBack(s); p.Pin != PinLater {
		t.Errorf("push back: %q", p.Pin)
	}
	if p := PushBack(PushBack(s)); p.Pin != PinNone {
		t.Errorf("push back twice: %q", p.Pin)
	}
	steps := []Step{step("a", PhaseCrisis, 0), step("b", PhaseCrisis, 4), step("c", PhaseIncome, 9)}
	if n := NextOrder(steps, PhaseCrisis); n != 5 {
		t.Errorf("next order crisis = %d, want 5", n)
	}
	if n := NextOrder(steps, PhaseClosing); n != 0 {
		t.Errorf("next order of an empty phase = %d, want 0", n)
	}
}

func TestSortPlanMatchesAStableSort(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	phases := Phases
	for n := range 60 {
		steps := make([]Step, n)
		for i := range steps {
			// Few distinct orders, so ties are common and the ID decides.
			steps[i] = Step{ID: string(rune('a'+r.IntN(26))) + string(rune('a'+i%26)) + string(rune('A'+i/26)),
				Phase: phases[r.IntN(len(phases))], Order: r.IntN(3), Title: "step"}
		}
		want := slices.Clone(steps)
		slices.SortStableFunc(want, planOrder)
		SortPlan(steps)
		if !slices.EqualFunc(steps, want, func(a, b Step) bool { return a.ID == b.ID }) {
			t.Fatalf("%d steps: sorted differently", n)
		}
	}
}

// Every unfinished step gets the reason for its place from the rule that
// gave it: in Now pinned, overdue since its date, under way, next in the
// plan, or pushed back with room to spare; not in Now because it waits,
// was pushed back, or the dose is full.
func TestDoseSaysWhy(t *testing.T) {
	today := MustDate("2026-11-23")
	steps := []Step{
		step("done", PhaseCrisis, 0, done),
		step("pin", PhaseOtherHelp, 0, pinned),
		step("late", PhaseIncome, 0, due("2026-11-20")),
		step("busy", PhaseCreditors, 0, started),
		step("next", PhaseOverview, 0),
		step("full", PhaseOverview, 1),
		step("waits", PhaseOverview, 2, after("next")),
		step("back", PhaseCrisis, 1, pushed),
	}
	d := Dose(steps, 4, today)
	want := map[string]Reason{
		"pin":   {Place: NowPinned},
		"late":  {Place: NowOverdue, Since: MustDate("2026-11-20")},
		"busy":  {Place: NowUnderWay},
		"next":  {Place: NowNext, Rank: 4},
		"full":  {Place: LaterFull, Dose: 4},
		"waits": {Place: LaterWaits, WaitsFor: []string{"next"}},
		"back":  {Place: LaterPushed},
	}
	if len(d.Why) != len(want) {
		t.Errorf("reasons for %d steps, want %d: %+v", len(d.Why), len(want), d.Why)
	}
	for id, w := range want {
		got := d.Why[id]
		if got.Place != w.Place || got.Since != w.Since || got.Rank != w.Rank || got.Dose != w.Dose || !slices.Equal(got.WaitsFor, w.WaitsFor) {
			t.Errorf("%s: %+v, want %+v", id, got, w)
		}
		if got.Place.InNow() != d.InNow(id) {
			t.Errorf("%s: the reason says in Now %v, the dose %v", id, got.Place.InNow(), d.InNow(id))
		}
	}
	// With room to spare, the pushed-back step comes into Now, and says so.
	if r := Dose(steps, 7, today).Why["back"]; r.Place != NowRoom {
		t.Errorf("pushed back with room: %+v", r)
	}
}
