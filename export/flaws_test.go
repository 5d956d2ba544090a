package export

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"houvast/actionlist"
)

var sanneActor = actionlist.Actor{Name: "Sanne", Role: actionlist.RoleVolunteer}

func change(id, step, field, old, new string) actionlist.Event {
	return actionlist.Event{ID: id, CaseID: "case-1", Entity: actionlist.EntityStep, EntityID: step, Action: actionlist.ActionChanged,
		Field: field, Old: old, New: new, At: at, Actor: sanneActor}
}

// tickOff is a volunteer's tick-off as the copy records it: three events.
func tickOff(prefix, step string) []actionlist.Event {
	return []actionlist.Event{change(prefix+"1", step, "status", "open", "done"),
		change(prefix+"2", step, "done_on", "", "2026-11-20"), change(prefix+"3", step, "done_by", "", "Sanne")}
}

func returnFile(evs ...actionlist.Event) []byte {
	return ReturnFile{ID: "r1", ExportedAt: at, PackageID: "p1", CaseID: "case-1", Ref: "2026-007", Volunteer: "Sanne", Events: evs}.Encode()
}

// Every return file is checked whole before anything is merged; each of
// these is refused with a sentence naming what is wrong and saying that
// nothing was changed, in both languages.
func TestReturnFileIsCheckedWhole(t *testing.T) {
	added := actionlist.Step{ID: "new1", Phase: actionlist.PhaseOverview, Title: "Bel de woningcorporatie", Owner: actionlist.RoleVolunteer, Status: actionlist.StepOpen}
	create := actionlist.Event{ID: "x1", CaseID: "case-1", Entity: actionlist.EntityStep, EntityID: "new1", Action: actionlist.ActionCreated,
		New: actionlist.StepSnapshot(added), At: at, Actor: sanneActor}
	remove := actionlist.Event{ID: "d1", CaseID: "case-1", Entity: actionlist.EntityStep, EntityID: "n2", Action: actionlist.ActionDeleted,
		Old: `{"id":"n2","title":"Sorteer de post"}`, At: at, Actor: sanneActor}
	dune := tickOff("t", "n2")
	dune[0].New = "dune"
	tooLong := added
	tooLong.Title = strings.Repeat("x", actionlist.MaxTitle+1)
	createLong := create
	createLong.New = actionlist.StepSnapshot(tooLong)
	for _, tc := range []struct {
		name  string
		evs   []actionlist.Event
		want  Problem
		kind  FlawKind
		nl    string // what the Dutch sentence names
		field string
	}{
		{"an unknown state", dune, Invalid, FlawValue, `"dune"`, "status"},
		{"a date that does not read", []actionlist.Event{change("e1", "n2", "due", "", "2026-13-45")}, Invalid, FlawValue, "geen datum", "due"},
		{"a note over its limit", []actionlist.Event{change("e1", "n2", "work_note", "", strings.Repeat("x", actionlist.MaxText+1))}, Invalid, FlawTooLong, "te lang", "work_note"},
		{"an empty title", []actionlist.Event{change("e1", "n2", "title", "Sorteer", " ")}, Invalid, FlawEmpty, "leeg", "title"},
		{"an added step with a title over its limit", []actionlist.Event{createLong}, Invalid, FlawTooLong, "te lang", "title"},
		{"a field Houvast does not know", []actionlist.Event{change("e1", "n2", "colour", "", "red")}, Invalid, FlawUnknownField, "colour", "colour"},
		{"a field that never travels", []actionlist.Event{change("e1", "n2", "internal_note", "", "x")}, NotAllowed, 0, "internal_note", ""},
		{"a step added twice", []actionlist.Event{create, func() actionlist.Event { e := create; e.ID = "x2"; return e }()}, Invalid, FlawStepTwice, "Bel de woningcorporatie", ""},
		{"a step added after it was changed", []actionlist.Event{change("e1", "new1", "work_note", "", "x"), create}, Invalid, FlawStepTwice, "", ""},
		{"a change after the step was removed", []actionlist.Event{remove, change("e1", "n2", "work_note", "", "x")}, Invalid, FlawAfterRemoved, "Sorteer de post", ""},
		{"done without a date", tickOff("t", "n2")[:1], Invalid, FlawDoneUnrecorded, "zonder de datum", ""},
		{"done without a name", []actionlist.Event{tickOff("t", "n2")[0], tickOff("t", "n2")[1]}, Invalid, FlawDoneUnrecorded, "zonder de datum", ""},
		{"an added step done without its date", []actionlist.Event{create, change("e1", "new1", "status", "open", "done")}, Invalid, FlawDoneUnrecorded, "Bel de woningcorporatie", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(returnFile(tc.evs...))
			var fe *FileError
			if !errors.As(err, &fe) || fe.Problem != tc.want {
				t.Fatalf("want problem %d, got %v", tc.want, err)
			}
			if tc.want == Invalid {
				if fe.Flaw == nil || fe.Flaw.Kind != tc.kind || fe.Flaw.Field != tc.field || fe.Kind != KindReturn {
					t.Fatalf("flaw %+v (file %q), want kind %d field %q", fe.Flaw, fe.Kind, tc.kind, tc.field)
				}
			}
			nl, en := Sentence(err, actionlist.Dutch), Sentence(err, actionlist.English)
			if !strings.Contains(nl, "Er is niets veranderd") || !strings.Contains(en, "Nothing was changed") || !strings.Contains(nl, tc.nl) {
				t.Errorf("sentences:\n%s\n%s", nl, en)
			}
			if tc.want == Invalid && (!strings.Contains(nl, "terugmelding") || !strings.Contains(en, "return file")) {
				t.Errorf("the sentence does not say what file and what to do:\n%s\n%s", nl, en)
			}
			if strings.Contains(nl+en, "%!") || strings.Contains(nl, "unknown value") {
				t.Errorf("a raw or broken sentence:\n%s\n%s", nl, en)
			}
		})
	}
	// A genuine round of work passes: ticked off, reopened, ticked again, a
	// note, a step added and then ticked off.
	good := slices.Concat(tickOff("a", "n2"),
		[]actionlist.Event{change("b1", "n2", "status", "done", "open"), change("b2", "n2", "done_on", "2026-11-20", ""), change("b3", "n2", "done_by", "Sanne", "")},
		tickOff("c", "n2"), []actionlist.Event{change("d1", "n3", "work_note", "", "Gebeld"), create},
		[]actionlist.Event{change("f1", "new1", "status", "open", "done"), change("f2", "new1", "done_on", "", "2026-11-21"), change("f3", "new1", "done_by", "", "Sanne")})
	if _, err := Parse(returnFile(good...)); err != nil {
		t.Errorf("a genuine return file: %v", err)
	}
}

// A volunteer package and a case file say in words what value is wrong.
func TestPackageAndCaseFileNameTheirFlaw(t *testing.T) {
	pkg, err := Volunteer(fixture(actionlist.Dutch), VolunteerOptions{ID: "p1", Now: at})
	if err != nil {
		t.Fatal(err)
	}
	data := bytes.Replace(pkg.Encode(), []byte(`"status": "open"`), []byte(`"status": "dune"`), 1)
	_, err = Parse(data)
	var fe *FileError
	if !errors.As(err, &fe) || fe.Problem != Invalid || fe.Kind != KindVolunteer {
		t.Fatalf("package: %v", err)
	}
	if s := Sentence(err, actionlist.Dutch); !strings.Contains(s, "vrijwilligerspakket") || !strings.Contains(s, `de stand "dune"`) || !strings.Contains(s, "niets veranderd") {
		t.Errorf("package sentence: %s", s)
	}
	// A step that waits for one the package does not hold: a package names
	// only its own steps there.
	data = bytes.Replace(pkg.Encode(), []byte(`"depends_on": ""`), []byte(`"depends_on": "never-in-it"`), 1)
	if _, err := Parse(data); !errors.As(err, &fe) || fe.Flaw == nil || fe.Flaw.Kind != FlawWaitsForNone ||
		!strings.Contains(Sentence(err, actionlist.Dutch), "wacht op een stap die niet in het bestand staat") {
		t.Errorf("a package waiting for a step it lacks: %v", err)
	}
	data = bytes.Replace(caseFile().Encode(), []byte(`"dose": "3"`), []byte(`"dose": "drie"`), 1)
	_, err = Parse(data)
	if !errors.As(err, &fe) || fe.Problem != Invalid || fe.Flaw.Entity != actionlist.EntityCase || fe.Flaw.Want != actionlist.ValueNumber {
		t.Fatalf("case file: %v", err)
	}
	if s := Sentence(err, actionlist.English); !strings.Contains(s, "This case file") || !strings.Contains(s, `"drie", which is not a number`) {
		t.Errorf("case file sentence: %s", s)
	}
}

// The refusal that keeps a BSN out of a file does not print it either,
// also not inside the title of the step that holds it.
func TestBSNRefusalMasksTheTitle(t *testing.T) {
	c := fixture(actionlist.Dutch)
	c.Steps[0].Title = "Vraag kopie id op, BSN 111222333"
	err := CheckCaseFile(CaseFile{Case: c})
	for _, l := range actionlist.Langs {
		s := Sentence(err, l)
		if s == "" || strings.Contains(s, "111222333") || !strings.Contains(s, "******333") {
			t.Errorf("%s: %s", l, s)
		}
	}
}

// What comes in is checked for a BSN as what goes out is, and the sentence
// is about importing.
func TestCheckFileFindsABSNOnImport(t *testing.T) {
	f := caseFile()
	f.Case.Steps[2].WorkNote = "BSN 111 222 333"
	parsed, err := Parse(f.Encode())
	if err != nil {
		t.Fatal(err)
	}
	err = CheckFile(parsed)
	var be *BSNError
	if !errors.As(err, &be) || !be.Reading {
		t.Fatalf("case file: %v", err)
	}
	if s := Sentence(err, actionlist.Dutch); !strings.Contains(s, "niets geïmporteerd") || !strings.Contains(s, "--allow-bsn") || strings.Contains(s, "111 222 333") {
		t.Errorf("sentence: %s", s)
	}
	ret, err := Parse(returnFile(change("e1", "n2", "work_note", "", "nummer 111222333")))
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckFile(ret); !errors.As(err, &be) {
		t.Errorf("return file: %v", err)
	}
	if err := CheckFile(File{Kind: KindCase, Case: &CaseFile{Case: fixture(actionlist.Dutch)}}); err != nil {
		t.Errorf("a clean case: %v", err)
	}
}

func caseload() Caseload {
	a := caseFile()
	b := caseFile()
	b.Case.ID, b.Case.Ref, b.Case.Name = "case-2", "2026-008", "Kees"
	for i := range b.Case.Steps {
		b.Case.Steps[i].ID = "b-" + b.Case.Steps[i].ID
	}
	for i := range b.Case.Agreements {
		b.Case.Agreements[i].ID = "b-" + b.Case.Agreements[i].ID
	}
	for i := range b.Events {
		b.Events[i].ID, b.Events[i].CaseID = "b-"+b.Events[i].ID, b.Case.ID
	}
	return Caseload{ExportedAt: at, Cases: []CaseFile{a, b}}
}

func TestCaseloadRoundTripIsExact(t *testing.T) {
	l := caseload()
	data := l.Encode()
	f, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if f.Kind != KindCaseload || len(f.Caseload.Cases) != 2 || !bytes.Equal(f.Caseload.Encode(), data) {
		t.Fatalf("encode(parse(caseload)) differs, or %q", f.Kind)
	}
	for i, c := range f.Caseload.Cases {
		want := l.Cases[i]
		if c.Case.Ref != want.Case.Ref || len(c.Case.Steps) != len(want.Case.Steps) || len(c.Events) != len(want.Events) ||
			c.Events[0].CaseID != want.Case.ID || !c.Case.Created.Equal(want.Case.Created) {
			t.Errorf("case %d came back as %s with %d steps, %d events", i, c.Case.Ref, len(c.Case.Steps), len(c.Events))
		}
	}
	replace := func(old, new string) []byte {
		if !bytes.Contains(data, []byte(old)) {
			t.Fatalf("fixture lacks %q", old)
		}
		return bytes.Replace(slices.Clone(data), []byte(old), []byte(new), 1)
	}
	for name, tc := range map[string]struct {
		data []byte
		want Problem
	}{
		"a step of no case in the file": {replace(`{"case_id": "case-2", "id": "b-n1"`, `{"case_id": "case-9", "id": "b-n1"`), Damaged},
		"a step ID in two cases":        {replace(`"id": "b-n1"`, `"id": "n1"`), Damaged},
		"a case twice":                  {replace(`"id": "case-2", "ref"`, `"id": "case-1", "ref"`), Damaged},
		"an unknown state":              {replace(`"status": "open"`, `"status": "dune"`), Invalid},
		"a single case's key":           {replace(`"cases": [`, `"case": {}, "cases": [`), NotAllowed},
	} {
		_, err := Parse(tc.data)
		if !isProblem(err, tc.want) {
			t.Errorf("%s: %v, want problem %d", name, err, tc.want)
		}
	}
	// A flaw in the second case names it.
	lines := strings.Split(string(data), "\n")
	for i, line := range lines {
		if strings.Contains(line, `"case_id": "case-2", "id": "b-n1"`) {
			lines[i] = strings.Replace(line, `"status": "open"`, `"status": "dune"`, 1)
		}
	}
	_, err = Parse([]byte(strings.Join(lines, "\n")))
	if s := Sentence(err, actionlist.Dutch); !strings.Contains(s, "dossier 2026-008") || !strings.Contains(s, "overdrachtsbestand") {
		t.Errorf("a flaw in the second case: %s", s)
	}
	// A BSN names its case.
	l.Cases[1].Case.Steps[0].WorkNote = "111222333"
	if s := Sentence(CheckCaseload(l), actionlist.Dutch); !strings.Contains(s, "2026-008") {
		t.Errorf("BSN in a caseload: %s", s)
	}
}
