package export

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"houvast/actionlist"
)

// The BSN check reads each step field's kind from the registry: a field
// skipped there is skipped here, and every other is checked as what it is.
func TestBSNCheckFollowsTheStepRegistry(t *testing.T) {
	const bsn = "111222333"
	base := actionlist.Step{ID: "s1", Phase: actionlist.PhaseCrisis, Title: "Bel de bank", Owner: actionlist.RoleVolunteer, Status: actionlist.StepOpen}
	for i, f := range actionlist.StepFieldInfos() {
		t.Run(f.Name, func(t *testing.T) {
			vals := actionlist.StepValues(base)
			vals[i] = strings.TrimSpace(vals[i] + " " + bsn)
			s, err := actionlist.StepFromValues(vals)
			if err != nil {
				// A date or a kind cannot hold the number at all.
				if f.BSN != actionlist.BSNSkip {
					t.Errorf("checked as %d, but holds no text: %v", f.BSN, err)
				}
				return
			}
			want := map[actionlist.BSNCheck]WhereKind{actionlist.BSNPlain: InStep, actionlist.BSNNote: InStepNote}[f.BSN]
			found := CheckCase(actionlist.Case{Steps: []actionlist.Step{s}}, nil)
			switch {
			case f.BSN == actionlist.BSNSkip && len(found) != 0:
				t.Errorf("skipped in the registry, found here: %+v", found)
			case f.BSN != actionlist.BSNSkip && (len(found) != 1 || found[0].Where.What != want):
				t.Errorf("found %+v, want one in %d", found, want)
			}
			ev := actionlist.Event{ID: "e1", Entity: actionlist.EntityStep, EntityID: "s1", Action: actionlist.ActionChanged, Field: f.Name, New: bsn}
			found = CheckCase(actionlist.Case{Steps: []actionlist.Step{base}}, []actionlist.Event{ev})
			if got := len(found) != 0; got != (f.BSN != actionlist.BSNSkip) {
				t.Errorf("in the history: found %+v", found)
			}
		})
	}
}

// A volunteer package carries the fields the registry sends to a
// volunteer, in its order, and nothing of the fields that stay home.
func TestVolunteerPackageCarriesTheRegistrysFields(t *testing.T) {
	want := actionlist.StepFieldsWhere(actionlist.StepFieldInfo.GoesToVolunteer)
	pinned := []string{"id", "key", "phase", "order", "title", "why", "after", "owner", "owner_name",
		"due", "status", "done_on", "done_by", "work_note", "depends_on", "days", "when_where", "if_not"}
	if got := VolunteerStepFields(); !slices.Equal(got, want) || !slices.Equal(got, pinned) {
		t.Fatalf("VolunteerStepFields %q\n registry %q\n   pinned %q", got, want, pinned)
	}

	c := fixture(actionlist.Dutch)
	full := actionlist.Step{ID: "v1", Key: "KEY-1", Phase: actionlist.PhaseIncome, Order: 3, Title: "TITLE-1", Why: "WHY-V", After: "AFTER-V",
		Owner: actionlist.RoleVolunteer, OwnerName: "Sanne", Due: today.AddDays(3), Status: actionlist.StepDone, DoneOn: today, DoneBy: "DONEBY-1",
		InternalNote: "INTERNAL-1", WorkNote: "WORK-1", ResidentNote: "RESIDENT-1", DependsOn: []string{"n2"}, Pin: actionlist.PinLater,
		Days: 5, Outcome: "OUTCOME-1"}
	c.Steps = []actionlist.Step{c.Steps[4], full}
	p, err := Volunteer(c, VolunteerOptions{ID: "p1", Now: at})
	if err != nil {
		t.Fatal(err)
	}
	data := p.Encode()
	keys := stepKeys(t, data)
	if len(keys) != 2 || !slices.Equal(keys[1], want) {
		t.Fatalf("keys of the steps %q, want %q", keys, want)
	}
	all, vals := actionlist.StepColumns, actionlist.StepValues(full)
	for i, f := range actionlist.StepFieldInfos() {
		if !f.GoesToVolunteer() && vals[i] != "" && bytes.Contains(data, []byte(vals[i])) {
			t.Errorf("%s stays home, but %q is in the package", all[i], vals[i])
		}
	}
	parsed, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	home, _ := actionlist.VolunteerStep(full)
	if got := parsed.Volunteer.Case.Steps[1]; !slices.Equal(actionlist.StepValues(got), actionlist.StepValues(home)) {
		t.Errorf("parsed back as %+v, want %+v", got, home)
	}

	// What stays home is not checked for a BSN before the package is made,
	// since it never leaves; what travels is.
	for i, f := range actionlist.StepFieldInfos() {
		if f.Limit == actionlist.NoLimit {
			continue
		}
		v := slices.Clone(vals)
		v[i] += " 111222333"
		s, err := actionlist.StepFromValues(v)
		if err != nil {
			t.Fatal(err)
		}
		c.Steps[1] = s
		_, err = Volunteer(c, VolunteerOptions{ID: "p1", Now: at})
		if blocked := err != nil; blocked != f.GoesToVolunteer() {
			t.Errorf("a BSN in %s: package refused %v", f.Name, blocked)
		}
	}
}

// stepKeys lists each step object's keys in the order they are written.
func stepKeys(t *testing.T, data []byte) [][]string {
	t.Helper()
	var top struct{ Steps []json.RawMessage }
	if err := json.Unmarshal(data, &top); err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for _, raw := range top.Steps {
		dec := json.NewDecoder(bytes.NewReader(raw))
		if _, err := dec.Token(); err != nil {
			t.Fatal(err)
		}
		var keys []string
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				t.Fatal(err)
			}
			keys = append(keys, k.(string))
			if _, err := dec.Token(); err != nil {
				t.Fatal(err)
			}
		}
		out = append(out, keys)
	}
	return out
}
