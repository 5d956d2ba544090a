package actionlist

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestDeadlines(t *testing.T) {
	crisis := func(status StepStatus, done string) Step {
		s := Step{ID: "c1", Phase: PhaseCrisis, Status: status, Owner: RoleSpecialist}
		if done != "" {
			s.DoneOn = MustDate(done)
		}
		return s
	}
	for _, tc := range []struct {
		name  string
		c     Case
		today string
		want  []Deadline
	}{
		{name: "no request, no start: no clock", c: Case{Status: CaseIntake}, today: "2026-04-24"},
		{
			name:  "a request under a threat on Friday 24 April 2026: first conversation by Thursday 30 April (King's Day), crisis by 8 May",
			c:     Case{Status: CaseIntake, RequestedOn: MustDate("2026-04-24"), Threat: ThreatEviction, Steps: []Step{crisis(StepOpen, "")}},
			today: "2026-04-24",
			want: []Deadline{
				{Kind: DeadlineFirstTalk, Start: MustDate("2026-04-24"), Due: MustDate("2026-04-30"), WorkingDays: true},
				{Kind: DeadlineCrisis, Start: MustDate("2026-04-24"), Due: MustDate("2026-05-08")},
			},
		},
		{
			name:  "a request without a threat: four weeks",
			c:     Case{Status: CaseIntake, RequestedOn: MustDate("2026-11-02")},
			today: "2026-11-20",
			want:  []Deadline{{Kind: DeadlineFirstTalk, Start: MustDate("2026-11-02"), Due: MustDate("2026-11-30")}},
		},
		{
			name: "the first conversation held, the crisis dealt with on the day its last step was done",
			c: Case{Status: CaseStabilisation, RequestedOn: MustDate("2026-11-02"), Threat: ThreatEnergy, FirstTalkOn: MustDate("2026-11-04"),
				Start: MustDate("2026-11-04"), Target: MustDate("2027-03-04"),
				Steps: []Step{crisis(StepDone, "2026-11-10"), {ID: "c2", Phase: PhaseCrisis, Status: StepNotApplicable}, {ID: "c3", Phase: PhaseCrisis, Status: StepDone, DoneOn: MustDate("2026-11-12")}}},
			today: "2026-11-20",
			want: []Deadline{
				{Kind: DeadlineFirstTalk, Start: MustDate("2026-11-02"), Due: MustDate("2026-11-05"), Met: MustDate("2026-11-04"), WorkingDays: true},
				{Kind: DeadlineCrisis, Start: MustDate("2026-11-02"), Due: MustDate("2026-11-16"), Met: MustDate("2026-11-12")},
				{Kind: DeadlineStabilisation, Start: MustDate("2026-11-04"), Due: MustDate("2027-03-04")},
			},
		},
		{
			name:  "a closed case runs no clock",
			c:     Case{Status: CaseClosed, ClosedOn: MustDate("2026-11-10"), RequestedOn: MustDate("2026-11-02")},
			today: "2026-12-20",
			want:  []Deadline{{Kind: DeadlineFirstTalk, Start: MustDate("2026-11-02"), Due: MustDate("2026-11-30"), Met: MustDate("2026-11-10")}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Deadlines(tc.c)
			if len(got) != len(tc.want) {
				t.Fatalf("%d clocks, want %d: %+v", len(got), len(tc.want), got)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("clock %d:\n got %+v\nwant %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestDeadlineStates(t *testing.T) {
	k := Deadline{Kind: DeadlineFirstTalk, Start: MustDate("2026-04-24"), Due: MustDate("2026-04-30"), WorkingDays: true}
	for _, tc := range []struct {
		today        string
		left         int
		close, after bool
	}{
		{"2026-04-24", 3, true, false},
		{"2026-04-22", 5, false, false}, // King's Day between
		{"2026-04-30", 0, true, false},
		{"2026-05-01", -1, true, true},
		{"2026-05-04", -2, true, true},
	} {
		d := MustDate(tc.today)
		if k.Left(d) != tc.left || k.Close(d) != tc.close || k.Passed(d) != tc.after {
			t.Errorf("%s: left %d close %v passed %v, want %d %v %v", tc.today, k.Left(d), k.Close(d), k.Passed(d), tc.left, tc.close, tc.after)
		}
	}
	met := k
	met.Met = MustDate("2026-05-01")
	if met.Running() || met.Close(MustDate("2026-05-04")) || !met.Passed(MustDate("2026-05-04")) {
		t.Error("a clock met a day late: still running, or not passed")
	}
	stab := Deadline{Kind: DeadlineStabilisation, Due: MustDate("2027-03-01")}
	if !stab.Close(MustDate("2027-02-10")) || stab.Close(MustDate("2027-02-01")) {
		t.Error("the stabilisation clock warns three weeks ahead")
	}
}

func TestAgenda(t *testing.T) {
	today := MustDate("2026-12-01") // a Tuesday
	at := func(s string) time.Time { v, _ := time.ParseInLocation("2006-01-02 15:04", s, time.Local); return v }
	step := func(id string, owner Role, due string, status StepStatus) Step {
		return Step{ID: id, Title: "stap " + id, Owner: owner, Due: MustDate(due), Status: status, Phase: PhaseOverview}
	}
	cases := []Case{
		{ID: "a", Ref: "2026-001", Name: "Fatima", Status: CaseStabilisation,
			Next: Appointment{At: at("2026-12-01 14:00"), Place: "Buurthuis"},
			Steps: []Step{
				step("a1", RoleSpecialist, "2026-11-26", StepOpen),
				step("a2", RoleSpecialist, "2026-12-03", StepInProgress),
				step("a3", RoleResident, "2026-11-20", StepOpen),      // the resident's: not the caseworker's agenda
				step("a4", RoleVolunteer, "2026-11-27", StepOpen),     // 4 days late: not yet
				step("a5", RoleVolunteer, "2026-11-20", StepOpen),     // 11 days late: call
				step("a6", RoleSpecialist, "2026-12-09", StepOpen),    // after the week
				step("a7", RoleSpecialist, "2026-11-25", StepDone),    // done
				step("a8", RoleGeneralist, "2026-11-30", StepWaiting), // the generalist's, late
				step("a9", RoleSpecialist, "2026-12-01", StepOpen),    // today: beside today's appointment
			}},
		{ID: "b", Ref: "2026-002", Name: "Ahmed", Status: CaseIntake, RequestedOn: MustDate("2026-11-26"), Threat: ThreatEviction,
			Next: Appointment{At: at("2026-12-04 10:00")}},
		{ID: "c", Ref: "2026-003", Name: "Kees", Status: CaseAftercare,
			Steps: []Step{{ID: "c1", Key: "aftercare-checkin-3", Phase: PhaseAftercare, Owner: RoleVolunteer, Due: MustDate("2026-12-02"), Status: StepOpen}}},
		{ID: "d", Ref: "2026-004", Name: "Oud", Status: CaseClosed, Steps: []Step{step("d1", RoleSpecialist, "2026-11-01", StepOpen)}},
		{ID: "e", Ref: "2026-005", Name: "Noor", Status: CaseIntake, RequestedOn: MustDate("2026-11-05")}, // due 3 Dec: close
	}
	got := Agenda(cases, today, 6)
	type row struct {
		kind AgendaKind
		ref  string
		step string
		days int
	}
	var rows []row
	for _, it := range got {
		rows = append(rows, row{it.Kind, it.Ref, it.Step.ID, it.Days})
	}
	expect := []row{
		{AgendaStepOverdue, "2026-001", "a1", -5},
		{AgendaStepDue, "2026-001", "a9", 0},
		{AgendaAppointment, "2026-001", "", 0},
		{AgendaDeadlineClose, "2026-002", "", 0}, // 3 working days from Thursday 26 November: today
		{AgendaDeadlineClose, "2026-005", "", 2},
		{AgendaVolunteerLate, "2026-001", "a5", -11},
		{AgendaStepOverdue, "2026-001", "a8", -1},
		{AgendaAppointment, "2026-002", "", 3},
		{AgendaCheckIn, "2026-003", "c1", 1},
		{AgendaStepDue, "2026-001", "a2", 2},
	}
	if len(rows) != len(expect) {
		t.Fatalf("agenda:\n got %v\nwant %v", rows, expect)
	}
	for i := range rows {
		if rows[i] != expect[i] {
			t.Errorf("item %d: got %v, want %v", i, rows[i], expect[i])
		}
	}
	for _, it := range got {
		if it.Kind == AgendaStepOverdue && it.Step.ID == "a8" && !it.Generalist {
			t.Error("the generalist's step is not marked as theirs")
		}
		if AgendaKindLabel(it.Kind, Dutch) == string(it.Kind) || AgendaKindLabel(it.Kind, English) == "" {
			t.Errorf("no words for %s", it.Kind)
		}
	}
	// A day later the eviction clock has run out, and comes first.
	next := Agenda(cases, today.AddDays(1), 6)
	if len(next) == 0 || next[0].Kind != AgendaDeadlinePassed || next[0].Ref != "2026-002" {
		t.Errorf("the next day: %+v", next[0])
	}
	// Nothing for a day with nothing.
	if len(Agenda(nil, today, 6)) != 0 {
		t.Error("an agenda without cases")
	}
}

// A crisis with nothing left to do (its steps not applicable, or none taken
// from the template) is dealt with; a step done together with a volunteer
// that is over a week late asks for a call, one with the generalist not.
func TestAgendaCrisisAndTogether(t *testing.T) {
	today := MustDate("2026-12-01")
	asked := today.AddDays(-20)
	for name, steps := range map[string][]Step{
		"all not applicable": {{ID: "c1", Phase: PhaseCrisis, Status: StepNotApplicable}},
		"none at all":        nil,
	} {
		c := Case{ID: "x", Ref: "2026-009", Status: CaseIntake, RequestedOn: asked, FirstTalkOn: asked, Threat: ThreatWater, Steps: steps}
		for _, it := range Agenda([]Case{c}, today, AgendaWeek) {
			if it.Deadline.Kind == DeadlineCrisis {
				t.Errorf("%s: the crisis clock still runs: %+v", name, it.Deadline)
			}
		}
	}
	open := Case{ID: "y", Ref: "2026-010", Status: CaseIntake, RequestedOn: asked, FirstTalkOn: asked, Threat: ThreatWater,
		Steps: []Step{{ID: "c1", Phase: PhaseCrisis, Status: StepOpen, Owner: RoleSpecialist}}}
	if items := Agenda([]Case{open}, today, AgendaWeek); len(items) == 0 || items[0].Kind != AgendaDeadlinePassed {
		t.Errorf("an open crisis step past two weeks: %+v", items)
	}
	c := Case{ID: "z", Ref: "2026-011", Status: CaseStabilisation,
		Participants: []Participant{{Name: "Sanne", Role: RoleVolunteer}, {Name: "Ahmed", Role: RoleGeneralist}},
		Steps: []Step{
			{ID: "t1", Owner: RoleTogether, OwnerName: "Sanne", Due: today.AddDays(-9), Status: StepOpen},
			{ID: "t2", Owner: RoleTogether, OwnerName: "Ahmed", Due: today.AddDays(-9), Status: StepOpen},
			{ID: "t3", Owner: RoleTogether, Due: today.AddDays(-9), Status: StepOpen},
		}}
	var late []string
	for _, it := range Agenda([]Case{c}, today, AgendaWeek) {
		if it.Kind == AgendaVolunteerLate {
			late = append(late, it.Step.ID)
		}
	}
	if strings.Join(late, ",") != "t1,t3" {
		t.Errorf("together steps late for a volunteer: %v, want t1,t3", late)
	}
}

func TestRecordFirstTalk(t *testing.T) {
	today := MustDate("2026-12-02")
	asked := Case{RequestedOn: today.AddDays(-10)}
	for _, tc := range []struct {
		name string
		c    Case
		on   Date
		err  error
	}{
		{"today", asked, today, nil},
		{"the day of the request", asked, asked.RequestedOn, nil},
		{"before the request", asked, asked.RequestedOn.AddDays(-1), ErrBeforeRequest},
		{"tomorrow", asked, today.AddDays(1), ErrFutureTalk},
		{"held already", Case{RequestedOn: asked.RequestedOn, FirstTalkOn: today.AddDays(-2)}, today, ErrFirstTalkHeld},
		{"no request known", Case{}, today.AddDays(-300), nil},
	} {
		got, err := RecordFirstTalk(tc.c, tc.on, today)
		if !errors.Is(err, tc.err) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.err)
			continue
		}
		if want := tc.c.FirstTalkOn; err != nil && got.FirstTalkOn != want {
			t.Errorf("%s: refused, but the case changed", tc.name)
		}
		if err == nil && got.FirstTalkOn != tc.on {
			t.Errorf("%s: noted %s", tc.name, got.FirstTalkOn)
		}
	}
}
