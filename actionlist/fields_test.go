package actionlist

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// fullStep sets every field, so a round trip that drops one shows.
func fullStep() Step {
	return Step{
		ID: "s1", Key: "overview-payslips", Phase: PhaseOverview, Order: 4,
		Title: "Zoek je loonstroken op", Why: "Zo weten we je inkomen.", After: "De specialist rekent.",
		Owner: RoleVolunteer, OwnerName: "Sanne", Due: MustDate("2026-12-01"), Status: StepDone,
		DoneOn: MustDate("2026-11-20"), DoneBy: "Sanne", InternalNote: "INTERN", WorkNote: "gebeld", ResidentNote: "fijn gedaan",
		DependsOn: []string{"s0", "s-1"}, Pin: PinLater, Days: 7,
	}
}

func fullCase() Case {
	return Case{
		ID: "c1", Ref: "2026-001", Name: "Fatima",
		Participants: []Participant{{Name: "Fatima", Role: RoleResident, Contact: "06-1"}, {Name: "Sanne", Role: RoleVolunteer}},
		Status:       CaseStabilisation, Language: CaseEnglish, Dose: 4,
		Start: MustDate("2026-10-01"), Target: MustDate("2027-01-29"),
		Next:     Appointment{At: time.Date(2026, 12, 2, 14, 30, 0, 0, time.Local), Place: "Buurthuis", With: "Ahmed"},
		Source:   Source{Kind: SourceEarlyWarning, Signal: SignalHousing, SignalDate: MustDate("2026-09-20")},
		Template: "stabilisatie", ClosedOn: MustDate("2027-02-01"), CloseReason: CloseArrangement,
	}
}

func TestStepValuesRoundTrip(t *testing.T) {
	s := fullStep()
	back, err := StepFromValues(StepValues(s))
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(s.DependsOn)
	if !reflect.DeepEqual(back, s) {
		t.Errorf("round trip\n got %+v\nwant %+v", back, s)
	}
	snap, err := StepFromSnapshot(StepSnapshot(s))
	if err != nil || !reflect.DeepEqual(snap, s) {
		t.Errorf("snapshot round trip: %v\n got %+v\nwant %+v", err, snap, s)
	}
	// Every Step field is in the registry: a zero field in fullStep would
	// hide a forgotten one, so check the count too.
	if n := reflect.TypeFor[Step]().NumField(); len(StepColumns) != n {
		t.Errorf("registry has %d step fields, Step has %d", len(StepColumns), n)
	}
}

func TestCaseValuesRoundTrip(t *testing.T) {
	c := fullCase()
	back, err := CaseFromValues(CaseValues(c))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, c) {
		t.Errorf("round trip\n got %+v\nwant %+v", back, c)
	}
	snap, err := CaseFromSnapshot(CaseSnapshot(c))
	if err != nil || !reflect.DeepEqual(snap, c) {
		t.Errorf("snapshot: %v\n got %+v\nwant %+v", err, snap, c)
	}
	a := Agreement{ID: "a1", Date: MustDate("2026-11-23"), Who: "Fatima", What: "Post elke week openen"}
	ab, err := AgreementFromValues(AgreementValues(a))
	if err != nil || ab != a {
		t.Errorf("agreement round trip: %v %+v", err, ab)
	}
}

func TestStepChangesAndApply(t *testing.T) {
	base := fullStep()
	mine := base
	mine.Title = "Nieuwe titel"
	mine.Status = StepOpen
	theirs := base
	theirs.Title = "Hun titel"
	theirs.ResidentNote = "hun notitie"

	changes := StepChanges(base, mine)
	var fields []string
	for _, c := range changes {
		fields = append(fields, c.Field)
	}
	if !slices.Equal(fields, []string{"title", "status"}) {
		t.Fatalf("changes = %v", fields)
	}
	cur := theirs
	applied, conflicts, err := ApplyStepChanges(&cur, changes)
	if err != nil {
		t.Fatal(err)
	}
	if len(applied) != 1 || applied[0].Field != "status" || cur.Status != StepOpen {
		t.Errorf("applied = %+v, status %s", applied, cur.Status)
	}
	if len(conflicts) != 1 || conflicts[0] != (Conflict{Field: "title", Base: base.Title, Mine: "Nieuwe titel", Theirs: "Hun titel"}) {
		t.Errorf("conflicts = %+v", conflicts)
	}
	if cur.Title != "Hun titel" || cur.ResidentNote != "hun notitie" {
		t.Errorf("their changes were overwritten: %+v", cur)
	}
	// The same change arriving twice is no conflict and no change.
	again := mine
	applied, conflicts, _ = ApplyStepChanges(&again, changes)
	if len(applied) != 0 || len(conflicts) != 0 {
		t.Errorf("re-applying: applied %v conflicts %v", applied, conflicts)
	}
	// Dependency order is not a change.
	reordered := base
	reordered.DependsOn = []string{"s-1", "s0"}
	if c := StepChanges(base, reordered); len(c) != 0 {
		t.Errorf("reordered deps counted as change: %v", c)
	}
}

func TestApplyRefusesBadValues(t *testing.T) {
	s := fullStep()
	for _, c := range []Change{
		{Field: "status", Old: "done", New: "finished"},
		{Field: "phase", Old: "overview", New: "nowhere"},
		{Field: "due", Old: "2026-12-01", New: "tomorrow"},
		{Field: "order", Old: "4", New: "four"},
		{Field: "nosuch", Old: "", New: "x"},
	} {
		if _, _, err := ApplyStepChanges(&s, []Change{c}); err == nil {
			t.Errorf("%+v was accepted", c)
		}
	}
	if _, err := StepFromSnapshot(`{"status":"weird"}`); err == nil {
		t.Error("a snapshot with a bad status was accepted")
	}
	if _, err := StepFromSnapshot(`not json`); err == nil {
		t.Error("a broken snapshot was accepted")
	}
}

func TestValidate(t *testing.T) {
	ok := fullStep()
	if err := ok.Validate(); err != nil {
		t.Fatalf("a good step: %v", err)
	}
	long := ok
	long.Title = strings.Repeat("é", MaxTitle+1)
	if err, isLimit := long.Validate().(*LimitError); !isLimit || err.Field != "title" || err.Limit != MaxTitle {
		t.Errorf("long title: %v", long.Validate())
	}
	atLimit := ok
	atLimit.Title = strings.Repeat("é", MaxTitle) // characters, not bytes
	if err := atLimit.Validate(); err != nil {
		t.Errorf("title at the limit: %v", err)
	}
	empty := ok
	empty.Title = "  "
	if empty.Validate() == nil {
		t.Error("an empty title was accepted")
	}
	c := fullCase()
	if err := c.Validate(); err != nil {
		t.Fatalf("a good case: %v", err)
	}
	c.Language = "fr"
	if c.Validate() == nil {
		t.Error("language fr was accepted")
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct {
		in, want  string
		multiline bool
	}{
		{"  Fatima  ", "Fatima", false},
		{"a\x1b[31mrood\x1b[0m", "a[31mrood[0m", false},
		{"bel\x07 nul\x00", "bel nul", false},
		{"regel 1\nregel 2", "regel 1 regel 2", false},
		{"regel 1\nregel 2", "regel 1\nregel 2", true},
		{"a\u202eevil", "aevil", false},
		{"\xff\xfe", "\uFFFD", false}, // a run of bad bytes becomes one mark
		{"Zoë één €", "Zoë één €", false},
		{"مرحبا", "مرحبا", false},
	}
	for _, tt := range tests {
		if got := CleanText(tt.in, tt.multiline); got != tt.want {
			t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDates(t *testing.T) {
	d := MustDate("2027-01-31")
	if got := d.AddMonths(1); got != MustDate("2027-02-28") {
		t.Errorf("31 Jan + 1 month = %s", got)
	}
	if got := d.AddMonths(12); got != MustDate("2028-01-31") {
		t.Errorf("+12 months = %s", got)
	}
	if got := MustDate("2026-11-23").DaysUntil(MustDate("2027-03-23")); got != 120 {
		t.Errorf("days until = %d", got)
	}
	if _, err := ParseDate("23-11-2026"); err == nil {
		t.Error("a non-ISO stored date was accepted")
	}
	var z Date
	if z.String() != "" || !z.IsZero() {
		t.Error("zero date")
	}
	b, _ := d.MarshalText()
	var back Date
	if err := back.UnmarshalText(b); err != nil || back != d {
		t.Errorf("text round trip: %v %s", err, back)
	}
}
