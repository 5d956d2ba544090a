package actionlist

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestMaskBSN(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Bel de gemeente", "Bel de gemeente"},
		{"BSN 111222333 meenemen", "BSN ******333 meenemen"},
		{"BSN 111.222.333, of 123456782", "BSN ***.***.333, of ******782"},
		{"Loonstrook 2026-11-23 van 123456789", "Loonstrook 2026-11-23 van 123456789"}, // no eleven-test
		{"telefoon 0612345678", "telefoon 0612345678"},
	} {
		if got := MaskBSN(tc.in); got != tc.want {
			t.Errorf("MaskBSN(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestGroupChangesKeepsATickOffTogether(t *testing.T) {
	got := GroupChanges([]Change{{Field: "status"}, {Field: "work_note"}, {Field: "done_on"}, {Field: "title"}, {Field: "done_by"}})
	var names [][]string
	for _, g := range got {
		var n []string
		for _, c := range g {
			n = append(n, c.Field)
		}
		names = append(names, n)
	}
	want := [][]string{{"status", "done_on", "done_by"}, {"work_note"}, {"title"}}
	if !slices.EqualFunc(names, want, slices.Equal) {
		t.Errorf("groups %q, want %q", names, want)
	}
	if SameChange("work_note", "title") || !SameChange("done_by", "status") || SameChange("status", "no_such_field") {
		t.Error("SameChange does not follow the registry")
	}
}

func TestCountChangesCountsWhatAPersonDid(t *testing.T) {
	sanne := Actor{Name: "Sanne", Role: RoleVolunteer}
	ev := func(step, field string) Event {
		return Event{EntityID: step, Action: ActionChanged, Field: field, Actor: sanne}
	}
	tick := []Event{ev("a", "status"), ev("a", "done_on"), ev("a", "done_by")}
	for _, tc := range []struct {
		name string
		evs  []Event
		want int
	}{
		{"a tick-off", tick, 1},
		{"a tick-off and a note", append(slices.Clone(tick), ev("a", "work_note")), 2},
		{"ticked and reopened", append(slices.Clone(tick), tick...), 2},
		{"two steps ticked", append(slices.Clone(tick), ev("b", "status"), ev("b", "done_on"), ev("b", "done_by")), 2},
		{"two notes", []Event{ev("a", "work_note"), ev("a", "work_note")}, 2},
		{"a step added and removed", []Event{{EntityID: "c", Action: ActionCreated}, {EntityID: "c", Action: ActionDeleted}}, 2},
	} {
		if got := CountChanges(tc.evs); got != tc.want {
			t.Errorf("%s: %d changes, want %d", tc.name, got, tc.want)
		}
	}
}

func TestDoneWithoutRecord(t *testing.T) {
	today := MustDate("2026-11-23")
	s := Step{Status: StepOpen}
	if s.DoneWithoutRecord() || TickOff(s, today, "Sanne").DoneWithoutRecord() {
		t.Error("an open step, or one ticked off, counted as unrecorded")
	}
	for _, bad := range []Step{{Status: StepDone}, {Status: StepDone, DoneOn: today}, {Status: StepDone, DoneBy: "Sanne"}} {
		if !bad.DoneWithoutRecord() {
			t.Errorf("%+v is done without its date and name", bad)
		}
	}
}

func TestCheckStepValue(t *testing.T) {
	for _, tc := range []struct {
		field, value string
		want         func(error) bool
	}{
		{"status", "done", nil},
		{"status", "dune", func(err error) bool {
			var ve *ValueError
			return errors.As(err, &ve) && ve.Field == "status" && ve.Value == "dune" && ve.Want == ValueCode
		}},
		{"done_on", "2026-13-45", func(err error) bool {
			var ve *ValueError
			return errors.As(err, &ve) && ve.Field == "done_on" && ve.Want == ValueDate
		}},
		{"days", "three", func(err error) bool {
			var ve *ValueError
			return errors.As(err, &ve) && ve.Want == ValueNumber
		}},
		{"work_note", strings.Repeat("x", MaxText+1), func(err error) bool {
			var le *LimitError
			return errors.As(err, &le) && le.Field == "work_note" && le.Limit == MaxText
		}},
		{"title", " ", func(err error) bool {
			var ie *InvalidError
			return errors.As(err, &ie) && ie.Field == "title"
		}},
		{"colour", "red", func(err error) bool {
			var ie *InvalidError
			return errors.As(err, &ie) && ie.Field == "colour"
		}},
	} {
		err := CheckStepValue(tc.field, tc.value)
		if (tc.want == nil) != (err == nil) || (tc.want != nil && !tc.want(err)) {
			t.Errorf("CheckStepValue(%s, %.20q): %v", tc.field, tc.value, err)
		}
	}
	// The same error from reading a stored row names its field.
	vals := StepValues(Step{ID: "s", Title: "t", Phase: PhaseCrisis, Owner: RoleResident, Status: StepOpen})
	vals[slices.Index(StepColumns, "status")] = "dune"
	var ve *ValueError
	if _, err := StepFromValues(vals); !errors.As(err, &ve) || ve.Field != "status" || !strings.Contains(err.Error(), `"dune"`) {
		t.Errorf("StepFromValues: %v", err)
	}
}

// A change that brings a step into Now gives it a due date, as the screen's
// tick-off does; a step in Now that the specialist left without one keeps
// it so.
func TestDueDatesAfter(t *testing.T) {
	today := MustDate("2026-11-23")
	step := func(id string, order int, due string) Step {
		return Step{ID: id, Phase: PhaseOverview, Order: order, Title: id, Owner: RoleResident, Status: StepOpen, Days: 3, Due: MustDate(due)}
	}
	before := []Step{step("a", 0, "2026-11-25"), step("b", 1, ""), step("c", 2, "")}
	after := slices.Clone(before)
	after[0] = TickOff(after[0], today, "Sanne")
	got := DueDatesAfter(before, 2, after, 2, today)
	if len(got) != 1 || got[0].ID != "c" || got[0].Due != today.AddDays(3) {
		t.Fatalf("planned %+v, want c due in 3 days (b was in Now without a date: the specialist's choice)", got)
	}
	// A date the change emptied comes back.
	after = slices.Clone(before)
	after[0].Due = Date{}
	if got := DueDatesAfter(before, 2, after, 2, today); len(got) != 1 || got[0].ID != "a" {
		t.Errorf("an emptied date: %+v", got)
	}
}

// An undo takes back the dates a change's promise gave only from steps
// that hold them still and are out of Now without them.
func TestDueDatesTakenBack(t *testing.T) {
	today := MustDate("2026-11-23")
	step := func(id string, order int, due string) Step {
		return Step{ID: id, Phase: PhaseOverview, Order: order, Title: id, Owner: RoleResident, Status: StepOpen, Days: 3, Due: MustDate(due)}
	}
	given := map[string]Date{"b": MustDate("2026-11-26"), "c": MustDate("2026-11-26"), "d": MustDate("2026-11-26")}
	// b is in Now again; d's date was changed since.
	steps := []Step{step("a", 0, "2026-11-25"), step("b", 1, "2026-11-26"), step("c", 2, "2026-11-26"), step("d", 3, "2026-12-10")}
	got := DueDatesTakenBack(steps, 2, given, today)
	if len(got) != 1 || got[0].ID != "c" || !got[0].Due.IsZero() {
		t.Fatalf("taken back %+v, want c without its date", got)
	}
	// A promised date that has passed would keep c in Now as overdue;
	// without it c is out, and the date goes.
	today = MustDate("2026-11-27")
	steps = []Step{step("a", 0, "2026-11-25"), step("b", 1, "2026-11-30"), step("c", 2, "2026-11-26")}
	got = DueDatesTakenBack(steps, 2, given, today)
	if len(got) != 1 || got[0].ID != "c" {
		t.Fatalf("taken back after the date passed %+v, want c", got)
	}
}
