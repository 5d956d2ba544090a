package store

import (
	"slices"
	"strings"
	"testing"

	"houvast/actionlist"
)

// What the store took as its own lists before they came from the registry.
var (
	pinnedVolunteerOwns = []string{"status", "done_on", "done_by", "work_note"}
	pinnedCompletion    = []string{"status", "done_on", "done_by"}
)

func TestStoreStepListsFollowTheRegistry(t *testing.T) {
	owned := actionlist.StepFieldsWhere(actionlist.StepFieldInfo.OwnedByVolunteer)
	if !slices.Equal(volunteerFields, owned) || !slices.Equal(volunteerFields, pinnedVolunteerOwns) {
		t.Errorf("volunteer's fields %q\nregistry %q\n  pinned %q", volunteerFields, owned, pinnedVolunteerOwns)
	}
	if travel := actionlist.StepFieldsWhere(actionlist.StepFieldInfo.GoesToVolunteer); !slices.Equal(pkgFields, travel) {
		t.Errorf("the tests' package fields %q, the registry's %q", pkgFields, travel)
	}
	// The merge takes a field over in one change with the state when the
	// registry puts them in one group.
	together := func(a, b string) bool {
		return len(units([]fieldChange{{field: a, base: "x", new: "y"}, {field: b, base: "x", new: "y"}})) == 1
	}
	var completion []string
	for _, f := range actionlist.StepFieldInfos() {
		if together("status", f.Name) {
			completion = append(completion, f.Name)
		}
		if f.Name != "status" && together("status", f.Name) != (f.Merge == actionlist.MergeCompletion) {
			t.Errorf("%s merges with the state: %v, the registry says group %d", f.Name, together("status", f.Name), f.Merge)
		}
	}
	if !slices.Equal(completion, pinnedCompletion) {
		t.Errorf("merged together %q, want %q", completion, pinnedCompletion)
	}
	if together("no_such_field", "status") || together("no_such_field", "other_field") {
		t.Error("an unknown field merges with another")
	}
}

// refreshValues are, for each field a package carries, a value the
// volunteer writes and one the specialist writes. A field added to the
// package must be added here, and so to what the test below checks.
var refreshValues = map[string][2]string{
	"key":        {"key-vol", "key-spec"},
	"phase":      {string(actionlist.PhaseCreditors), string(actionlist.PhaseOtherHelp)},
	"order":      {"7", "8"},
	"title":      {"Title by the volunteer", "Title by the specialist"},
	"why":        {"why-vol", "why-spec"},
	"after":      {"after-vol", "after-spec"},
	"owner":      {string(actionlist.RoleResident), string(actionlist.RoleTogether)},
	"owner_name": {"Joost", "Marieke"},
	"due":        {"2026-12-01", "2026-12-02"},
	"status":     {string(actionlist.StepInProgress), string(actionlist.StepWaiting)},
	"done_on":    {"2026-11-20", "2026-11-21"},
	"done_by":    {"Sanne", "Ahmed"},
	"work_note":  {"note-vol", "note-spec"},
	"depends_on": {"f-key", "f-title"},
	"days":       {"3", "4"},
	"when_where": {"maandagochtend aan de keukentafel", "dinsdagavond, met Sanne"},
	"if_not":     {"dan bel ik Sanne", "dan vraag ik mijn zus"},
}

func withField(t *testing.T, s actionlist.Step, name, v string) actionlist.Step {
	t.Helper()
	vals := actionlist.StepValues(s)
	vals[slices.Index(actionlist.StepColumns, name)] = v
	out, err := actionlist.StepFromValues(vals)
	if err != nil {
		t.Fatalf("%s = %q: %v", name, v, err)
	}
	return out
}

// A newer package overwrites what the volunteer changed on their copy,
// except the fields the volunteer owns: field by field, as pinned.
func TestRefreshKeepsWhatTheVolunteerOwns(t *testing.T) {
	for _, name := range actionlist.StepFieldsWhere(actionlist.StepFieldInfo.GoesToVolunteer) {
		if _, ok := refreshValues[name]; !ok && name != "id" {
			t.Fatalf("no values to refresh %s with", name)
		}
	}
	spec, _ := openTemp(t)
	c := mustCreate(t, spec)
	for name := range refreshValues {
		st := actionlist.Step{ID: "f-" + name, Phase: actionlist.PhaseIncome, Title: "Step for " + name,
			Owner: actionlist.RoleVolunteer, OwnerName: "Sanne", Status: actionlist.StepOpen}
		if _, err := spec.AddStep(ctx, specialist, c.ID, st); err != nil {
			t.Fatal(err)
		}
	}
	pkg := func() actionlist.Case {
		c, err := spec.Case(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		cp := actionlist.Case{ID: c.ID, Ref: c.Ref, Name: c.Name, Status: c.Status, Language: c.Language, Dose: c.Dose}
		for _, st := range c.Steps {
			if name, ok := strings.CutPrefix(st.ID, "f-"); ok && refreshValues[name] != [2]string{} {
				st, err := actionlist.VolunteerStep(st)
				if err != nil {
					t.Fatal(err)
				}
				cp.Steps = append(cp.Steps, st)
			}
		}
		return cp
	}
	vol, _ := openTemp(t)
	if _, err := vol.ImportVolunteerCopy(ctx, volunteer, pkg(), VolunteerOrigin{PackageID: "p1"}, pkgFields); err != nil {
		t.Fatal(err)
	}
	change := func(s *Store, who actionlist.Actor, name, v string) {
		t.Helper()
		before, _, err := loadStepRow(ctx, s.db, "f-"+name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.UpdateStep(ctx, who, before, withField(t, before, name, v)); err != nil {
			t.Fatal(err)
		}
	}
	for name, v := range refreshValues {
		change(vol, volunteer, name, v[0])
		change(spec, specialist, name, v[1])
	}
	// A second package with the same values keeps them too: the merge has
	// not happened, so the specialist has taken nothing over.
	for _, id := range []string{"p2", "p3"} {
		res, err := vol.ImportVolunteerCopy(ctx, volunteer, pkg(), VolunteerOrigin{PackageID: id}, pkgFields)
		if err != nil {
			t.Fatal(err)
		}
		if res.Kept != len(pinnedVolunteerOwns) {
			t.Errorf("%s kept %d of the volunteer's fields, want %d", id, res.Kept, len(pinnedVolunteerOwns))
		}
		for name, v := range refreshValues {
			st, _, err := loadStepRow(ctx, vol.db, "f-"+name)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := actionlist.StepField(st, name)
			want := v[1]
			if slices.Contains(pinnedVolunteerOwns, name) {
				want = v[0]
			}
			if got != want {
				t.Errorf("%s after %s: %q, want %q", name, id, got, want)
			}
		}
	}
}

// A conflict in one field of the completion group holds back the whole
// group, and nothing else: the volunteer's note still arrives.
func TestMergeHoldsBackTheCompletionGroup(t *testing.T) {
	spec, _ := openTemp(t)
	c := mustCreate(t, spec)
	theirs := map[string]string{"status": string(actionlist.StepWaiting), "done_on": "2026-11-01", "done_by": "Ahmed", "work_note": "note-spec", "": ""}
	for name := range theirs {
		st := actionlist.Step{ID: "m-" + name, Phase: actionlist.PhaseIncome, Title: "Step for " + name,
			Owner: actionlist.RoleVolunteer, OwnerName: "Sanne", Status: actionlist.StepOpen}
		if _, err := spec.AddStep(ctx, specialist, c.ID, st); err != nil {
			t.Fatal(err)
		}
	}
	c, _ = spec.Case(ctx, c.ID)
	vol, _ := openTemp(t)
	cp := actionlist.Case{ID: c.ID, Ref: c.Ref, Name: c.Name, Status: c.Status, Language: c.Language, Dose: c.Dose}
	for _, st := range c.Steps {
		if st.Owner == actionlist.RoleVolunteer {
			st, _ = actionlist.VolunteerStep(st)
			st.DependsOn = nil
			cp.Steps = append(cp.Steps, st)
		}
	}
	if _, err := vol.ImportVolunteerCopy(ctx, volunteer, cp, VolunteerOrigin{PackageID: "p1"}, pkgFields); err != nil {
		t.Fatal(err)
	}
	for name, v := range theirs {
		before, _, err := loadStepRow(ctx, vol.db, "m-"+name)
		if err != nil {
			t.Fatal(err)
		}
		after := actionlist.TickOff(before, today, "Sanne")
		after.WorkNote = "note-vol"
		if _, err := vol.UpdateStep(ctx, volunteer, before, after); err != nil {
			t.Fatal(err)
		}
		if name == "" {
			continue // the specialist leaves this one alone: everything arrives
		}
		if before, _, err = loadStepRow(ctx, spec.db, "m-"+name); err != nil {
			t.Fatal(err)
		}
		if _, err := spec.UpdateStep(ctx, specialist, before, withField(t, before, name, v)); err != nil {
			t.Fatal(err)
		}
	}
	o, evs, err := vol.ReturnEvents(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := spec.MergeReturn(ctx, specialist, ReturnInput{ReturnID: "r1", PackageID: o.PackageID, CaseID: c.ID, Events: evs}); err != nil {
		t.Fatal(err)
	}
	fresh := actionlist.Step{Status: actionlist.StepOpen}
	ticked := actionlist.TickOff(fresh, today, "Sanne")
	ticked.WorkNote = "note-vol"
	for name := range theirs {
		st, _, err := loadStepRow(ctx, spec.db, "m-"+name)
		if err != nil {
			t.Fatal(err)
		}
		held := slices.Contains(pinnedCompletion, name)
		for _, f := range append(slices.Clone(pinnedCompletion), "work_note") {
			got, _ := actionlist.StepField(st, f)
			want, _ := actionlist.StepField(ticked, f)
			if held && slices.Contains(pinnedCompletion, f) {
				want, _ = actionlist.StepField(fresh, f)
			}
			if f == name {
				want = theirs[name]
			}
			if got != want {
				t.Errorf("step m-%s, %s: %q, want %q", name, f, got, want)
			}
		}
	}
}
