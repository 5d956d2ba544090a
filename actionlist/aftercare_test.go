package actionlist

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func counter() func() string {
	n := 0
	return func() string { n++; return fmt.Sprintf("new%d", n) }
}

func byKey(steps []Step, key string) []Step {
	var out []Step
	for _, s := range steps {
		if s.Key == key {
			out = append(out, s)
		}
	}
	return out
}

// bareCase has no aftercare steps of its own (a team template without them).
func bareCase(l Lang, people ...Participant) Case {
	return Case{ID: "c1", Ref: "2026-020", Name: "Noor", Status: CaseStabilisation, Language: l.Case(), Dose: 3,
		Start: MustDate("2026-01-05"), Target: MustDate("2026-05-05"), Participants: people,
		Steps: []Step{step("a", PhaseCrisis, 0, done), step("b", PhaseClosing, 0, done), step("x", PhaseAftercare, 0)}}
}

func TestAftercareCheckInDates(t *testing.T) {
	tests := []struct {
		on                    string
		three, six, twelve, e string
	}{
		{"2026-03-10", "2026-06-10", "2026-09-10", "2027-03-10", "2027-03-24"},
		{"2026-01-31", "2026-04-30", "2026-07-31", "2027-01-31", "2027-02-14"}, // April has 30 days
		{"2026-08-31", "2026-11-30", "2027-02-28", "2027-08-31", "2027-09-14"}, // February, not a leap year
		{"2027-11-30", "2028-02-29", "2028-05-30", "2028-11-30", "2028-12-14"}, // February, a leap year
		{"2026-12-15", "2027-03-15", "2027-06-15", "2027-12-15", "2027-12-29"}, // over the year's end
	}
	for _, tt := range tests {
		t.Run(tt.on, func(t *testing.T) {
			c, err := MoveToAftercare(bareCase(Dutch), MustDate(tt.on), AftercarePlan{}, counter())
			if err != nil {
				t.Fatal(err)
			}
			for key, want := range map[string]string{
				"aftercare-checkin-3": tt.three, "aftercare-checkin-6": tt.six,
				"aftercare-checkin-12": tt.twelve, KeyEvaluation: tt.e,
			} {
				got := byKey(c.Steps, key)
				if len(got) != 1 || got[0].Due != MustDate(want) {
					t.Errorf("%s: %v, want one due %s", key, got, want)
				}
			}
		})
	}
}

func TestMoveToAftercareAddsCheckIns(t *testing.T) {
	people := []Participant{{Name: "Noor", Role: RoleResident}, {Name: "Sanne", Role: RoleVolunteer}}
	before := bareCase(English, people...)
	on := MustDate("2026-05-01")
	c, err := MoveToAftercare(before, on, AftercarePlan{By: "Ahmed"}, counter())
	if err != nil {
		t.Fatal(err)
	}
	if c.Status != CaseAftercare || c.Stabilised != on {
		t.Errorf("status %s, stabilised %s", c.Status, c.Stabilised)
	}
	if len(before.Steps) != 3 || before.Status != CaseStabilisation {
		t.Error("MoveToAftercare changed its input")
	}
	added := c.Steps[3:]
	want := []struct {
		key, owner, name, dep string
		order                 int
	}{
		{"aftercare-checkin-3", "volunteer", "Sanne", "", 1},
		{"aftercare-checkin-6", "volunteer", "Sanne", "new1", 2},
		{"aftercare-checkin-12", "specialist", "", "new2", 3},
		{KeyEvaluation, "specialist", "", "new3", 4},
	}
	if len(added) != len(want) {
		t.Fatalf("added %d steps, want %d", len(added), len(want))
	}
	for i, w := range want {
		s := added[i]
		if s.Key != w.key || string(s.Owner) != w.owner || s.OwnerName != w.name || s.Order != w.order ||
			s.Phase != PhaseAftercare || s.Status != StepOpen || s.ID != fmt.Sprintf("new%d", i+1) {
			t.Errorf("step %d: %+v", i, s)
		}
		if (w.dep == "" && len(s.DependsOn) != 0) || (w.dep != "" && !slices.Equal(s.DependsOn, []string{w.dep})) {
			t.Errorf("step %s waits for %v, want %q", s.Key, s.DependsOn, w.dep)
		}
		if s.Title == "" || s.Why == "" || s.After == "" || s.Validate() != nil {
			t.Errorf("step %s texts: %+v (%v)", s.Key, s, s.Validate())
		}
	}
	if !strings.Contains(added[0].Title, "after 3 months") || !strings.Contains(added[2].After, "final conversation") {
		t.Errorf("English texts: %q / %q", added[0].Title, added[2].After)
	}
	// Only the first check-in is free to come into view; the rest wait.
	if d := Dose(c.Steps, 5, on); !slices.Equal(ids(d.Now), []string{"x", "new1"}) {
		t.Errorf("now = %v", ids(d.Now))
	}
	// Without a volunteer, the specialist owns every check-in; Dutch texts.
	nl, _ := MoveToAftercare(bareCase(Dutch), on, AftercarePlan{}, counter())
	for _, s := range nl.Steps[3:] {
		if s.Owner != RoleSpecialist {
			t.Errorf("%s owned by %s without a volunteer", s.Key, s.Owner)
		}
	}
	if got := nl.Steps[3].Title; got != "Praat na 3 maanden samen over hoe het gaat met je geld" {
		t.Errorf("Dutch title %q", got)
	}
}

func TestMoveToAftercareUsesTheTemplatesSteps(t *testing.T) {
	tmpl := DefaultTemplate(Dutch)
	c := NewCase(CaseSpec{Name: "Fatima", Start: MustDate("2026-01-05"), Template: tmpl}, counter())
	on := MustDate("2026-06-01")
	moved, err := MoveToAftercare(c, on, AftercarePlan{By: "Ahmed"}, counter())
	if err != nil {
		t.Fatal(err)
	}
	if len(moved.Steps) != len(c.Steps) {
		t.Fatalf("%d steps became %d: the template's check-ins were duplicated", len(c.Steps), len(moved.Steps))
	}
	for key, want := range map[string]string{
		"aftercare-checkin-3": "2026-09-01", "aftercare-checkin-6": "2026-12-01",
		"aftercare-checkin-12": "2027-06-01", KeyEvaluation: "2027-06-15",
	} {
		if s := byKey(moved.Steps, key); len(s) != 1 || s[0].Due != MustDate(want) {
			t.Errorf("%s: %+v, want due %s", key, s, want)
		}
	}
	plan := byKey(moved.Steps, KeyAftercarePlan)
	if len(plan) != 1 || plan[0].Status != StepDone || plan[0].DoneOn != on || plan[0].DoneBy != "Ahmed" {
		t.Errorf("planning step %+v: moving to aftercare is the planning", plan)
	}

	// Other months: the template's check-ins that are not in the plan no
	// longer apply, and the plan's own are added.
	custom, err := MoveToAftercare(c, on, AftercarePlan{Months: []int{1, 4}}, counter())
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"aftercare-checkin-3", "aftercare-checkin-6", "aftercare-checkin-12"} {
		if s := byKey(custom.Steps, key); len(s) != 1 || s[0].Status != StepNotApplicable {
			t.Errorf("%s: %+v, want not applicable", key, s)
		}
	}
	one := byKey(custom.Steps, "aftercare-checkin-1")
	if len(one) != 1 || one[0].Due != MustDate("2026-07-01") || !strings.Contains(one[0].Title, "na 1 maand ") {
		t.Errorf("check-in after 1 month: %+v", one)
	}
	if ev := byKey(custom.Steps, KeyEvaluation); len(ev) != 1 || ev[0].Due != MustDate("2026-10-15") {
		t.Errorf("evaluation %+v", ev)
	}
}

func TestMoveToAftercareRefuses(t *testing.T) {
	on := MustDate("2026-05-01")
	closed := Close(bareCase(Dutch), CloseFinished, on)
	if _, err := MoveToAftercare(closed, on, AftercarePlan{}, counter()); !errors.Is(err, ErrCaseClosed) {
		t.Errorf("closed: %v", err)
	}
	in, _ := MoveToAftercare(bareCase(Dutch), on, AftercarePlan{}, counter())
	if _, err := MoveToAftercare(in, on, AftercarePlan{}, counter()); !errors.Is(err, ErrAlreadyAftercare) {
		t.Errorf("twice: %v", err)
	}
	for _, months := range [][]int{{6, 3}, {0, 3}, {3, 3}, {3, MaxCheckInMonths + 1}} {
		if _, err := MoveToAftercare(bareCase(Dutch), on, AftercarePlan{Months: months}, counter()); err == nil {
			t.Errorf("months %v accepted", months)
		}
	}
	if _, err := MoveToAftercare(bareCase(Dutch), Date{}, AftercarePlan{}, counter()); err == nil {
		t.Error("no date accepted")
	}
}

func TestEndOfStabilisationIsKept(t *testing.T) {
	c := bareCase(Dutch)
	arr, err := StartArrangement(c, MustDate("2026-04-20"))
	if err != nil || arr.Status != CaseArrangement || arr.Stabilised != MustDate("2026-04-20") {
		t.Fatalf("arrangement: %v %s %s", err, arr.Status, arr.Stabilised)
	}
	if _, err := StartArrangement(arr, MustDate("2026-04-21")); !errors.Is(err, ErrNotStabilising) {
		t.Errorf("twice: %v", err)
	}
	if _, err := StartArrangement(Close(c, CloseMoved, MustDate("2026-04-01")), MustDate("2026-04-21")); !errors.Is(err, ErrCaseClosed) {
		t.Errorf("closed: %v", err)
	}
	// After the arrangement, aftercare keeps the day stabilisation ended.
	after, err := MoveToAftercare(arr, MustDate("2029-04-20"), AftercarePlan{}, counter())
	if err != nil || after.Stabilised != MustDate("2026-04-20") {
		t.Errorf("aftercare after the arrangement: %v, stabilised %s", err, after.Stabilised)
	}
	// The clock stops once stabilisation has ended.
	if p := Measure(arr, MustDate("2026-06-01")); p.Clock != ClockNone {
		t.Errorf("clock %d in the arrangement", p.Clock)
	}
}

func TestSignalDuringAftercareAddsACheckIn(t *testing.T) {
	people := []Participant{{Name: "Noor", Role: RoleResident}, {Name: "Marieke", Role: RoleGeneralist}}
	in, err := MoveToAftercare(bareCase(Dutch, people...), MustDate("2026-05-01"), AftercarePlan{}, counter())
	if err != nil {
		t.Fatal(err)
	}
	today := MustDate("2026-08-12")
	got, err := RecordSignal(in, SignalHousing, MustDate("2026-08-10"), today, func() string { return "sig" })
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Steps) != len(in.Steps)+1 || len(in.Signals) != 0 {
		t.Fatalf("%d steps after, %d before; input signals %v", len(got.Steps), len(in.Steps), in.Signals)
	}
	s := got.Steps[len(got.Steps)-1]
	if s.ID != "sig" || s.Key != KeySignalCheckIn || s.Phase != PhaseAftercare || s.Owner != RoleGeneralist || s.OwnerName != "Marieke" ||
		s.Due != MustDate("2026-08-15") || s.Pin != PinNow || s.Status != StepOpen || !IsCheckIn(s) {
		t.Errorf("signal step %+v", s)
	}
	if !strings.Contains(s.Title, "je huur") || !strings.Contains(s.Why, "je huur") || s.Validate() != nil {
		t.Errorf("texts %q / %q", s.Title, s.Why)
	}
	if !slices.Equal(got.Signals, []Signal{{SignalHousing, MustDate("2026-08-10")}}) {
		t.Errorf("signals %v", got.Signals)
	}
	if d := Dose(got.Steps, 2, today); len(d.Now) == 0 || d.Now[0].ID != "sig" {
		t.Errorf("the signal's check-in is not first in Now: %v", ids(d.Now))
	}
	changes := CaseChanges(in, got)
	if len(changes) != 1 || changes[0].Field != "signals" || !strings.Contains(changes[0].New, `"housing"`) {
		t.Errorf("case changes %+v", changes)
	}
	if err := got.Validate(); err != nil {
		t.Errorf("invalid after the signal: %v", err)
	}
	en := in
	en.Language = CaseEnglish
	if s, _ := RecordSignal(en, SignalInsurer, today, today, counter()); !strings.Contains(s.Steps[len(s.Steps)-1].Title, "your health insurance") {
		t.Errorf("English title %q", s.Steps[len(s.Steps)-1].Title)
	}

	for _, tt := range []struct {
		name  string
		c     Case
		kind  SignalKind
		on    Date
		wantE error
	}{
		{"not in aftercare", bareCase(Dutch), SignalEnergy, today, ErrNotInAftercare},
		{"from the future", in, SignalEnergy, today.AddDays(1), ErrFutureSignal},
		{"no kind", in, SignalNone, today, nil},
		{"unknown kind", in, "phone", today, nil},
		{"no date", in, SignalWater, Date{}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := RecordSignal(tt.c, tt.kind, tt.on, today, counter())
			if err == nil || (tt.wantE != nil && !errors.Is(err, tt.wantE)) {
				t.Errorf("err = %v, want %v", err, tt.wantE)
			}
		})
	}
}

func TestCheckInState(t *testing.T) {
	today := MustDate("2026-06-15")
	tests := []struct {
		name string
		s    Step
		want CheckInState
	}{
		{"done", step("a", PhaseAftercare, 0, done, due("2026-01-01")), CheckInDone},
		{"not applicable", step("a", PhaseAftercare, 0, na, due("2026-01-01")), CheckInSkipped},
		{"no date", step("a", PhaseAftercare, 0), CheckInDue},
		{"today", step("a", PhaseAftercare, 0, due("2026-06-15")), CheckInDue},
		{"within the days ahead", step("a", PhaseAftercare, 0, due("2026-06-29")), CheckInDue},
		{"beyond them", step("a", PhaseAftercare, 0, due("2026-06-30")), CheckInLater},
		{"a day late", step("a", PhaseAftercare, 0, due("2026-06-14")), CheckInOverdue},
		{"27 days late", step("a", PhaseAftercare, 0, due("2026-05-19")), CheckInOverdue},
		{"28 days late: missed", step("a", PhaseAftercare, 0, due("2026-05-18")), CheckInMissed},
		{"late but in progress is still missed", step("a", PhaseAftercare, 0, started, due("2026-01-18")), CheckInMissed},
	}
	for _, tt := range tests {
		if got := CheckInStateOf(tt.s, today, 14); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, CheckInStateLabel(got, English), CheckInStateLabel(tt.want, English))
		}
	}
}

func TestAftercareView(t *testing.T) {
	today := MustDate("2026-06-15")
	ck := func(id, key string, mods ...func(*Step)) Step {
		s := step(id, PhaseAftercare, 0, mods...)
		s.Key = key
		return s
	}
	cases := []Case{
		{ID: "1", Ref: "B", Name: "Bo", Status: CaseAftercare, Steps: []Step{
			ck("b3", "aftercare-checkin-3", due("2026-06-20")),
			ck("b6", "aftercare-checkin-6", due("2026-09-20")), // later: not listed
			ck("bx", "aftercare-course", due("2026-06-01")),    // not a check-in
			ck("bs", KeySignalCheckIn, due("2026-06-10")),
		}},
		{ID: "2", Ref: "A", Name: "Ans", Status: CaseAftercare, Steps: []Step{
			ck("a3", "aftercare-checkin-3", due("2026-04-01")),
			ck("a6", "aftercare-checkin-6", done, due("2026-06-12")),
			ck("ae", KeyEvaluation),
			ck("a9", "aftercare-checkin-9", due("2026-06-20")),
		}},
		{ID: "3", Ref: "C", Name: "Cas", Status: CaseStabilisation, Steps: []Step{ // not in aftercare
			ck("c3", "aftercare-checkin-3", due("2026-06-01")),
		}},
	}
	got := AftercareView(cases, today, 14)
	var rows []string
	for _, ci := range got {
		rows = append(rows, fmt.Sprintf("%s %s %s %d", ci.Ref, ci.Step.ID, CheckInStateLabel(ci.State, English), ci.Days))
	}
	want := []string{"A a3 missed -75", "B bs overdue -5", "A a9 due 5", "B b3 due 5", "A ae due 0"}
	if !slices.Equal(rows, want) {
		t.Errorf("view\n got %q\nwant %q", rows, want)
	}
	if got[0].CaseID != "2" || got[0].Name != "Ans" {
		t.Errorf("first row %+v", got[0])
	}
}

// Closing asks why: a closed case without a reason is refused on every save.
func TestClosingNeedsAReason(t *testing.T) {
	c := bareCase(Dutch)
	on := MustDate("2026-05-01")
	if err := Close(c, CloseNone, on).Validate(); err == nil {
		t.Fatal("a case closed without a reason passed validation")
	} else if ie := (*InvalidError)(nil); !errors.As(err, &ie) || ie.Field != "close_reason" {
		t.Errorf("err = %v, want one about close_reason", err)
	}
	for _, r := range CloseReasons {
		closed := Close(c, r, on)
		if err := closed.Validate(); err != nil {
			t.Errorf("closed as %s: %v", r, err)
		}
		if closed.Status != CaseClosed || closed.CloseReason != r || closed.ClosedOn != on {
			t.Errorf("closed as %s: %+v", r, closed)
		}
		if CloseReasonLabel(r, Dutch) == "" || CloseReasonLabel(r, English) == "" {
			t.Errorf("reason %s has no label", r)
		}
	}
	if err := Close(c, "bored", on).Validate(); err == nil {
		t.Error("an unknown reason passed validation")
	}
	// An open case needs no reason.
	if err := c.Validate(); err != nil {
		t.Errorf("open case: %v", err)
	}
}

// The stabilisation clock of a new case: 120 days by default, a warning from
// 21 days before the target, and past after it.
func TestStabilisationClockOfANewCase(t *testing.T) {
	start := MustDate("2026-02-02")
	c := NewCase(CaseSpec{Name: "Fatima", Start: start, Template: DefaultTemplate(Dutch)}, counter())
	if c.Target != start.AddDays(DefaultTargetDays) || DefaultTargetDays != 120 {
		t.Fatalf("target %s, want 120 days after %s", c.Target, start)
	}
	for _, tt := range []struct {
		day  int
		want Clock
	}{{0, ClockOnTrack}, {98, ClockOnTrack}, {99, ClockNear}, {120, ClockNear}, {121, ClockPast}} {
		p := Measure(c, start.AddDays(tt.day))
		if p.Clock != tt.want || p.DaysSinceStart != tt.day || p.TargetDays != 120 || p.DaysLeft != 120-tt.day {
			t.Errorf("day %d: clock %d (since %d, left %d), want %d", tt.day, p.Clock, p.DaysSinceStart, p.DaysLeft, tt.want)
		}
	}
	custom := NewCase(CaseSpec{Name: "Kees", Start: start, TargetDays: 90, Template: DefaultTemplate(English)}, counter())
	if p := Measure(custom, start.AddDays(70)); p.Clock != ClockNear || p.DaysLeft != 20 {
		t.Errorf("90-day target at day 70: clock %d, left %d", p.Clock, p.DaysLeft)
	}
}

// How a case started: self-referral, the neighbourhood team, the GP, or an
// early-warning signal with its kind and date.
func TestHowACaseStarted(t *testing.T) {
	for _, k := range append([]SourceKind{SourceUnknown}, SourceKinds...) {
		if SourceLabel(k, Dutch) == "" || SourceLabel(k, English) == "" || SourceLabel(k, Dutch) == string(k) && k != SourceUnknown {
			t.Errorf("source %q has no label", k)
		}
	}
	for _, k := range SignalKinds {
		if SignalLabel(k, Dutch) == "" || SignalLabel(k, English) == "" {
			t.Errorf("signal %q has no label", k)
		}
		if _, ok := signalWhat[k]; !ok {
			t.Errorf("signal %q cannot be named in a step", k)
		}
	}
	warned := Source{Kind: SourceEarlyWarning, Signal: SignalMunicipal, SignalDate: MustDate("2026-01-20")}
	c := NewCase(CaseSpec{Name: "Ayşe", Start: MustDate("2026-02-02"), Template: DefaultTemplate(English), Source: warned}, counter())
	if c.Source != warned || c.Validate() != nil {
		t.Errorf("source %+v, %v", c.Source, c.Validate())
	}
	if back, err := CaseFromValues(CaseValues(c)); err != nil || back.Source != warned {
		t.Errorf("stored source %+v, %v", back.Source, err)
	}
	tests := []struct {
		name string
		src  Source
		ok   bool
	}{
		{"self-referral", Source{Kind: SourceSelf}, true},
		{"neighbourhood team", Source{Kind: SourceNeighborhood}, true},
		{"GP", Source{Kind: SourceGP}, true},
		{"not known", Source{}, true},
		{"early warning, kind not known yet", Source{Kind: SourceEarlyWarning}, true},
		{"unknown source", Source{Kind: "newspaper"}, false},
		{"unknown signal", Source{Kind: SourceEarlyWarning, Signal: "phone"}, false},
		{"a signal on a GP referral", Source{Kind: SourceGP, Signal: SignalWater}, false},
		{"a signal date on a self-referral", Source{Kind: SourceSelf, SignalDate: MustDate("2026-01-01")}, false},
	}
	for _, tt := range tests {
		c.Source = tt.src
		if err := c.Validate(); (err == nil) != tt.ok {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}
