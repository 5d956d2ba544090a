package actionlist

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// Every step field says all its facts; a zero value is a fact forgotten.
func TestStepRegistryHasEveryFact(t *testing.T) {
	infos := StepFieldInfos()
	if got := len(infos); got != len(StepColumns) {
		t.Fatalf("%d fields with facts for %d columns", got, len(StepColumns))
	}
	labels := map[Lang]map[string]string{}
	for i, f := range infos {
		t.Run(f.Name, func(t *testing.T) {
			if f.Name == "" || f.Name != StepColumns[i] {
				t.Errorf("name %q at %d, column %q", f.Name, i, StepColumns[i])
			}
			for _, l := range Langs {
				lab := f.Label(l)
				if strings.TrimSpace(lab) == "" {
					t.Errorf("no name in %s", l)
				}
				if labels[l] == nil {
					labels[l] = map[string]string{}
				}
				if other, ok := labels[l][lab]; ok {
					t.Errorf("called %q in %s, as %s is", lab, l, other)
				}
				labels[l][lab] = f.Name
				if got := StepFieldLabel(f.Name, l); got != lab {
					t.Errorf("StepFieldLabel in %s = %q, want %q", l, got, lab)
				}
			}
			if f.Limit != NoLimit && f.Limit <= 0 {
				t.Errorf("limit %d", f.Limit)
			}
			if !slices.Contains([]BSNCheck{BSNSkip, BSNPlain, BSNNote}, f.BSN) {
				t.Errorf("BSN check %d", f.BSN)
			}
			// Typed text can hold a BSN; only what nobody types is skipped.
			if f.Limit != NoLimit && f.BSN == BSNSkip {
				t.Errorf("typed text (limit %d) is not checked for a BSN", f.Limit)
			}
			if !slices.Contains([]Handoff{StaysHome, Travels, VolunteerOwns}, f.Handoff) {
				t.Errorf("handoff %d", f.Handoff)
			}
			if f.OwnedByVolunteer() && !f.GoesToVolunteer() {
				t.Error("owned by the volunteer but not sent to them")
			}
			if !slices.Contains([]MergeGroup{MergeAlone, MergeCompletion}, f.Merge) {
				t.Errorf("merge group %d", f.Merge)
			}
		})
	}
}

func TestStepFieldLabelOfAnUnknownField(t *testing.T) {
	for _, l := range Langs {
		if got := StepFieldLabel("no_such_field", l); got != "no_such_field" {
			t.Errorf("%s: %q", l, got)
		}
	}
	if StepFieldLabel("internal_note", Dutch) == StepFieldLabel("internal_note", English) {
		t.Error("the same name in both languages")
	}
}

// What the exchange formats carried before the facts moved here: changing
// any of these changes a file on a volunteer's laptop, or what is checked.
func TestStepFactsAsTheFormatsHadThem(t *testing.T) {
	for _, c := range []struct {
		what string
		keep func(StepFieldInfo) bool
		want []string
	}{
		{"in a volunteer package", StepFieldInfo.GoesToVolunteer, []string{"id", "key", "phase", "order", "title", "why", "after",
			"owner", "owner_name", "due", "status", "done_on", "done_by", "work_note", "depends_on", "days", "when_where", "if_not"}},
		{"the volunteer's after hand-off", StepFieldInfo.OwnedByVolunteer, []string{"status", "done_on", "done_by", "work_note"}},
		{"merged together", func(f StepFieldInfo) bool { return f.Merge == MergeCompletion }, []string{"status", "done_on", "done_by"}},
		{"not checked for a BSN", func(f StepFieldInfo) bool { return f.BSN == BSNSkip }, []string{"id", "key", "phase", "order",
			"owner", "due", "status", "done_on", "depends_on", "pin", "days"}},
		{"checked as plain text", func(f StepFieldInfo) bool { return f.BSN == BSNPlain }, []string{"title", "why", "after", "owner_name", "done_by", "when_where", "if_not"}},
	} {
		if got := StepFieldsWhere(c.keep); !slices.Equal(got, c.want) {
			t.Errorf("%s:\n got %q\nwant %q", c.what, got, c.want)
		}
	}
}

// Validate holds each field to the registry's limit, and to nothing less.
func TestValidateUsesTheRegistryLimits(t *testing.T) {
	for _, f := range StepFieldInfos() {
		if f.Limit == NoLimit {
			continue
		}
		s := Step{Title: "Bel de bank", Phase: PhaseCrisis, Owner: RoleResident, Status: StepOpen}
		if err := stepFields.setField(&s, f.Name, strings.Repeat("é", f.Limit)); err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(); err != nil {
			t.Errorf("%s at its limit: %v", f.Name, err)
		}
		if err := stepFields.setField(&s, f.Name, strings.Repeat("é", f.Limit+1)); err != nil {
			t.Fatal(err)
		}
		var le *LimitError
		if err := s.Validate(); !errors.As(err, &le) || le.Field != f.Name || le.Limit != f.Limit {
			t.Errorf("%s over its limit: %v", f.Name, err)
		}
	}
	want := map[string]int{"title": MaxTitle, "why": MaxText, "after": MaxText, "owner_name": MaxShort, "done_by": MaxShort,
		"internal_note": MaxText, "work_note": MaxText, "resident_note": MaxText, "outcome": MaxText,
		"when_where": MaxPlan, "if_not": MaxPlan}
	for _, f := range StepFieldInfos() {
		if w, ok := want[f.Name]; ok && f.Limit != w || !ok && f.Limit != NoLimit {
			t.Errorf("%s: limit %d", f.Name, f.Limit)
		}
	}
}

// A volunteer's step keeps what travels and nothing that stays home.
func TestVolunteerStepKeepsWhatTravels(t *testing.T) {
	s := fullStep()
	s.Outcome = "UITKOMST"
	v, err := VolunteerStep(s)
	if err != nil {
		t.Fatal(err)
	}
	was, got, zero := StepValues(s), StepValues(v), StepValues(Step{})
	for i, f := range StepFieldInfos() {
		want := zero[i]
		if f.GoesToVolunteer() {
			want = was[i]
		}
		if got[i] != want {
			t.Errorf("%s: %q, want %q", f.Name, got[i], want)
		}
	}
}
