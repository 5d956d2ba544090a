package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"filippo.io/age"
	"filippo.io/age/armor"

	"houvast/actionlist"
	"houvast/demo"
)

func init() { WorkFactor = 10 } // fast scrypt for tests; the format is the same

var at = time.Date(2026, 11, 20, 9, 15, 30, 123456789, time.UTC)

// caseFile is the fixture with a history: created, changed, deleted.
func caseFile() CaseFile {
	c := fixture(actionlist.Dutch)
	c.Created, c.Updated = at.Add(-48*time.Hour), at
	c.Steps[4].DependsOn = []string{"d0", "d1"}
	evs := []actionlist.Event{{ID: "e0", CaseID: c.ID, Entity: actionlist.EntityCase, EntityID: c.ID, Action: actionlist.ActionCreated,
		New: actionlist.CaseSnapshot(c), At: c.Created, Actor: actionlist.Actor{Name: "Marieke", Role: actionlist.RoleSpecialist}}}
	for i, s := range c.Steps {
		evs = append(evs, actionlist.Event{ID: fmt.Sprintf("e%d", i+1), CaseID: c.ID, Entity: actionlist.EntityStep, EntityID: s.ID,
			Action: actionlist.ActionCreated, New: actionlist.StepSnapshot(s), At: c.Created, Actor: evs[0].Actor})
	}
	evs = append(evs,
		actionlist.Event{ID: "ex1", CaseID: c.ID, Entity: actionlist.EntityStep, EntityID: "n2", Action: actionlist.ActionChanged,
			Field: "work_note", Old: "", New: "line one\nline \"two\" \t\x01 <b>&", At: at, Actor: actionlist.Actor{Name: "Sanne", Role: actionlist.RoleVolunteer}},
		actionlist.Event{ID: "ex2", CaseID: c.ID, Entity: actionlist.EntityStep, EntityID: "gone", Action: actionlist.ActionDeleted,
			Old: `{"id":"gone","title":"Weg"}`, At: at, Actor: evs[0].Actor},
	)
	return CaseFile{ExportedAt: at, Case: c, Events: evs}
}

func TestCaseFileRoundTripIsExact(t *testing.T) {
	f := caseFile()
	data := f.Encode()
	parsed, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if parsed.Kind != KindCase || parsed.Case == nil {
		t.Fatalf("parsed as %q", parsed.Kind)
	}
	again := parsed.Case.Encode()
	if !bytes.Equal(again, data) {
		t.Errorf("encode(parse(file)) differs:\n%s\n---\n%s", data, again)
	}
	// Only exported_at differs between two exports of the same case.
	later := f
	later.ExportedAt = at.Add(time.Hour)
	a, b := strings.Split(string(data), "\n"), strings.Split(string(later.Encode()), "\n")
	var diff []string
	for i := range a {
		if a[i] != b[i] {
			diff = append(diff, a[i])
		}
	}
	if len(diff) != 1 || !strings.Contains(diff[0], `"exported_at"`) {
		t.Errorf("lines that differ: %q", diff)
	}
	got := parsed.Case.Case
	if got.Steps[4].DependsOn[1] != "d1" || !got.Created.Equal(f.Case.Created) || got.Next.Place != f.Case.Next.Place {
		t.Errorf("case fields lost: %+v", got)
	}
	if e := parsed.Case.Events[len(parsed.Case.Events)-2]; e.New != f.Events[len(f.Events)-2].New || !e.At.Equal(at) || e.CaseID != f.Case.ID {
		t.Errorf("event lost: %+v", e)
	}
}

func TestVolunteerPackageHoldsTheLeast(t *testing.T) {
	c := fixture(actionlist.Dutch)
	c.Name = "Zoë van Dam"
	c.Steps = append(c.Steps,
		actionlist.Step{ID: "v9", Phase: actionlist.PhaseIncome, Order: 9, Title: "Vul het formulier in", Owner: actionlist.RoleVolunteer, OwnerName: "Joost",
			Status: actionlist.StepOpen, DependsOn: []string{"n2", "l0"}, ResidentNote: "RESIDENT-NOTE", Pin: actionlist.PinNow},
		actionlist.Step{ID: "t1", Phase: actionlist.PhaseIncome, Order: 10, Title: "Samen met de specialist", Owner: actionlist.RoleTogether, OwnerName: "Marieke", Status: actionlist.StepOpen},
		actionlist.Step{ID: "t2", Phase: actionlist.PhaseIncome, Order: 11, Title: "Samen, zonder naam", Owner: actionlist.RoleTogether, Status: actionlist.StepOpen},
		actionlist.Step{ID: "na", Phase: actionlist.PhaseIncome, Order: 12, Title: "Niet nodig", Owner: actionlist.RoleVolunteer, Status: actionlist.StepNotApplicable},
	)
	c.Participants = append(c.Participants, actionlist.Participant{Name: "Joost", Role: actionlist.RoleVolunteer})
	c.Agreements = append(c.Agreements, actionlist.Agreement{ID: "a2", Who: "Zoë", What: "Belt zelf de huisarts"})

	for _, tc := range []struct {
		name    string
		o       VolunteerOptions
		steps   []string
		contact bool
		agreed  int
	}{
		{"every volunteer", VolunteerOptions{ID: "p1"}, []string{"n2", "n3", "v9", "t2"}, false, 1},
		{"Sanne only", VolunteerOptions{ID: "p1", Only: "sanne"}, []string{"n2", "n3"}, false, 1},
		{"Joost with contact", VolunteerOptions{ID: "p1", Only: "Joost", Contact: true}, []string{"v9"}, true, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Volunteer(c, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, s := range p.Case.Steps {
				ids = append(ids, s.ID)
			}
			if !slices.Equal(ids, tc.steps) {
				t.Errorf("steps %v, want %v", ids, tc.steps)
			}
			if p.Case.Name != "Zoë" {
				t.Errorf("name %q: want the first name only", p.Case.Name)
			}
			data := p.Encode()
			for _, mark := range []string{internalMark, laterMark, profileMark, "RESIDENT-NOTE", "van Dam", "NOW-1", "DONE-", "WHY-1", c.Ref + "x", `"pin"`, "Ahmed"} {
				if bytes.Contains(data, []byte(mark)) {
					t.Errorf("the package holds %q", mark)
				}
			}
			if got := bytes.Contains(data, []byte("06-11111111")); got != tc.contact {
				t.Errorf("resident's contact in the package: %v, want %v", got, tc.contact)
			}
			if len(p.Case.Agreements) != tc.agreed {
				t.Errorf("%d agreements, want %d", len(p.Case.Agreements), tc.agreed)
			}
			for _, s := range p.Case.Steps {
				for _, d := range s.DependsOn {
					if !slices.Contains(tc.steps, d) {
						t.Errorf("step %s waits for %s, outside the package", s.ID, d)
					}
				}
			}
			parsed, err := Parse(data)
			if err != nil || parsed.Kind != KindVolunteer || parsed.Volunteer.ID != "p1" || !bytes.Equal(parsed.Volunteer.Encode(), data) {
				t.Fatalf("package does not parse back: %v", err)
			}
		})
	}
	if _, err := Volunteer(c, VolunteerOptions{Only: "Nobody"}); !errors.Is(err, ErrNoVolunteerSteps) {
		t.Errorf("no steps: %v", err)
	}
	c.Steps[4].WorkNote = "BSN 111222333"
	if _, err := Volunteer(c, VolunteerOptions{ID: "p"}); err == nil {
		t.Error("a BSN in a work note went into the package")
	}
}

func TestParseRefusesWhatIsNotAGoodFile(t *testing.T) {
	good := caseFile().Encode()
	pkg, err := Volunteer(fixture(actionlist.Dutch), VolunteerOptions{ID: "p1", Now: at})
	if err != nil {
		t.Fatal(err)
	}
	goodPkg := pkg.Encode()
	// A step as a case file writes it: every field, in Houvast's own order.
	line := func(b []byte) string {
		at := bytes.Index(b, []byte(`    {"id": `))
		return string(b[at : at+bytes.IndexByte(b[at:], '\n')])
	}
	fullStep := strings.TrimSuffix(line(good), ",")
	sqlite := append([]byte("SQLite format 3\x00"), make([]byte, 100)...)
	houvastDB := slices.Clone(sqlite)
	copy(houvastDB[68:], "Houv")
	replace := func(b []byte, old, new string) []byte {
		if !bytes.Contains(b, []byte(old)) {
			t.Fatalf("fixture lacks %q", old)
		}
		return bytes.Replace(slices.Clone(b), []byte(old), []byte(new), 1)
	}
	for _, tc := range []struct {
		name string
		data []byte
		want Problem
	}{
		{"empty", nil, Empty},
		{"blank", []byte(" \n\t"), Empty},
		{"a Houvast database", houvastDB, IsDatabase},
		{"another database", sqlite, NotHouvast},
		{"a PDF", []byte("%PDF-1.7\n..."), NotHouvast},
		{"plain text", []byte("boodschappen: melk, brood"), NotHouvast},
		{"other JSON", []byte(`{"name": "x", "format": 3}`), NotHouvast},
		{"another format", replace(good, "houvast-case", "houvast-cake"), NotHouvast},
		{"encrypted", []byte("age-encryption.org/v1\n-> scrypt abc 10\n"), NeedPassphrase},
		{"newer", replace(good, `"version": 3`, `"version": 4`), NewerVersion},
		{"version 0", replace(good, `"version": 3`, `"version": 0`), UnknownVersion},
		{"truncated half-way", good[:len(good)/2], Truncated},
		{"truncated near the end", good[:len(good)-3], Truncated},
		{"a byte changed into garbage", replace(good, `"steps": [`, `"steps": [}`), Damaged},
		{"trailing data", append(slices.Clone(good), []byte("{}")...), Damaged},
		{"unknown status", replace(good, `"status": "open"`, `"status": "maybe"`), Invalid},
		{"an unknown field", replace(good, `"why": "WHY-1"`, `"why": "WHY-1", "colour": "red"`), Damaged},
		{"a bad time", replace(good, `"exported_at": "2026-11-20T09:15:30.123456789Z"`, `"exported_at": "yesterday"`), Damaged},
		{"a number for a string", replace(good, `"dose": "3"`, `"dose": 3`), Damaged},
		{"an ID with a comma", replace(good, `"id": "n1"`, `"id": "n1,n2"`), Damaged},
		{"a step twice", replace(good, `"id": "n2"`, `"id": "n1"`), Damaged},
		{"a title too long", replace(good, `"title": "NOW-1: zoek je loonstroken op"`, `"title": "`+strings.Repeat("x", 200)+`"`), Invalid},
		{"a volunteer package with a team note", replace(goodPkg, `"work_note": `, `"internal_note": "x", "work_note": `), NotAllowed},
		{"a volunteer package with a whole step", replace(goodPkg, strings.TrimSuffix(line(goodPkg), ","), fullStep), NotAllowed},
		{"a volunteer package with history", replace(goodPkg, `"agreements"`, `"events": [{"id": "x"}], "agreements"`), NotAllowed},
		{"a volunteer package with the source", replace(goodPkg, `"dose": "3"`, `"dose": "3", "source": "gp"`), NotAllowed},
		{"a case file with a package_id", replace(good, `"case": {`, `"package_id": "p", "case": {`), NotAllowed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.data)
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("want a refusal, got %v", err)
			}
			if fe.Problem != tc.want {
				t.Fatalf("problem %d (%v), want %d", fe.Problem, err, tc.want)
			}
			for _, l := range actionlist.Langs {
				if s := Sentence(err, l); s == "" || strings.Contains(s, "%!") {
					t.Errorf("%s sentence %q", l, s)
				}
			}
		})
	}
	t.Run("too large", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "huge.json")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		f.Truncate(MaxFileSize + 1) // sparse: no disk used
		f.Close()
		_, err = ReadFile(path)
		var fe *FileError
		if !errors.As(err, &fe) || fe.Problem != TooLarge {
			t.Fatalf("a huge file: %v", err)
		}
		if _, err := Parse(make([]byte, MaxFileSize+1)); !errors.As(err, &fe) || fe.Problem != TooLarge {
			t.Fatalf("huge bytes: %v", err)
		}
	})
}

func TestReturnFileRoundTrip(t *testing.T) {
	sanne := actionlist.Actor{Name: "Sanne", Role: actionlist.RoleVolunteer}
	tick := func(id, field, old, new string) actionlist.Event {
		return actionlist.Event{ID: id, CaseID: "case-1", Entity: actionlist.EntityStep, EntityID: "n2", Action: actionlist.ActionChanged,
			Field: field, Old: old, New: new, At: at, Actor: sanne}
	}
	r := ReturnFile{ID: "r1", ExportedAt: at, PackageID: "p1", CaseID: "case-1", Ref: "2026-007", Volunteer: "Sanne",
		Events: []actionlist.Event{tick("e1", "status", "open", "done"), tick("e2", "done_on", "", "2026-11-20"), tick("e3", "done_by", "", "Sanne")}}
	data := r.Encode()
	f, err := Parse(data)
	if err != nil || f.Kind != KindReturn || !bytes.Equal(f.Return.Encode(), data) {
		t.Fatalf("return file: %v", err)
	}
	for name, bad := range map[string]string{
		"a case event":   strings.Replace(string(data), `"entity": "step"`, `"entity": "case"`, 1),
		"a new action":   strings.Replace(string(data), `"action": "changed"`, `"action": "conflict"`, 1),
		"an odd field":   strings.Replace(string(data), `"field": "status"`, `"field": "colour"`, 1),
		"no package ID":  strings.Replace(string(data), `"package_id": "p1"`, `"package_id": ""`, 1),
		"carries a case": strings.Replace(string(data), `"events"`, `"case": {}, "events"`, 1),
	} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	r.Events[0].Field, r.Events[0].New = "work_note", "BSN 111 222 333"
	if err := CheckReturnFile(r); err == nil {
		t.Error("a BSN in a return file passed")
	}
}

func TestEncryption(t *testing.T) {
	// Locked as houvast export writes it: the file streamed through age.
	plain := caseFile().Encode()
	var lb bytes.Buffer
	w, err := EncryptTo(&lb, "correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := caseFile().WriteTo(w); err != nil || w.Close() != nil {
		t.Fatal(err)
	}
	locked := lb.Bytes()
	if !Encrypted(locked) || bytes.Contains(locked, []byte("houvast-case")) {
		t.Fatal("not encrypted")
	}
	if _, err := Parse(locked); !isProblem(err, NeedPassphrase) {
		t.Errorf("parsing a locked file: %v", err)
	}
	got, err := Decrypt(locked, "correct horse")
	if err != nil || !bytes.Equal(got, plain) {
		t.Fatalf("decrypt: %v", err)
	}
	if _, err := Decrypt(locked, "wrong horse!"); !isProblem(err, WrongPassphrase) {
		t.Errorf("wrong passphrase: %v", err)
	}
	if _, err := Decrypt(locked, ""); !isProblem(err, NeedPassphrase) {
		t.Errorf("no passphrase: %v", err)
	}
	for _, i := range []int{len(locked) / 2, len(locked) - 1, 60} {
		changed := slices.Clone(locked)
		changed[i] ^= 0x01
		if _, err := Decrypt(changed, "correct horse"); !isProblem(err, WrongPassphrase) && !isProblem(err, Truncated) && !isProblem(err, Damaged) {
			t.Errorf("byte %d changed: %v", i, err)
		}
	}
	if _, err := Decrypt(locked[:len(locked)-20], "correct horse"); err == nil {
		t.Error("a truncated file decrypted")
	}
	if _, err := EncryptTo(io.Discard, "short"); !isProblem(err, ShortPassphrase) {
		t.Errorf("short passphrase: %v", err)
	}
	// An armored file from the age tool opens too.
	var b bytes.Buffer
	aw := armor.NewWriter(&b)
	r, _ := age.NewScryptRecipient("correct horse")
	r.SetWorkFactor(10)
	w, _ = age.Encrypt(aw, r)
	w.Write(plain)
	w.Close()
	aw.Close()
	if !Encrypted(b.Bytes()) {
		t.Fatal("armored file not recognised")
	}
	if got, err := Decrypt(b.Bytes(), "correct horse"); err != nil || !bytes.Equal(got, plain) {
		t.Errorf("armored: %v", err)
	}
}

func isProblem(err error, p Problem) bool {
	var fe *FileError
	return errors.As(err, &fe) && fe.Problem == p
}

func TestWriteFileIsAtomicAndPrivate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "samenvatting.txt")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if string(got) != "new" || st.Mode().Perm() != 0o600 {
		t.Errorf("content %q, mode %v", got, st.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	if err := WriteFile(filepath.Join(dir, "no", "such", "dir.txt"), []byte("x")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing folder: %v", err)
	}
	// A write that fails half-way, or panics, leaves the old file and
	// nothing else.
	half := func(w io.Writer) error {
		w.Write([]byte("half of"))
		return errors.New("disk full")
	}
	if err := WriteStream(path, half); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("a failed write: %v", err)
	}
	func() {
		defer func() { recover() }()
		WriteStream(path, func(w io.Writer) error {
			w.Write([]byte("half of"))
			panic("a bug")
		})
	}()
	got, _ = os.ReadFile(path)
	entries, _ = os.ReadDir(dir)
	if string(got) != "new" || len(entries) != 1 {
		t.Errorf("after failed writes: %q, %v", got, entries)
	}
}

// FuzzImportFile feeds Parse anything: it must never panic, and whatever it
// accepts must encode to a file that parses to the same bytes again.
func FuzzImportFile(f *testing.F) {
	good := caseFile().Encode()
	f.Add(good)
	f.Add(good[:len(good)/3])
	pkg, _ := Volunteer(fixture(actionlist.English), VolunteerOptions{ID: "p1", Now: at})
	f.Add(pkg.Encode())
	f.Add(ReturnFile{ID: "r1", PackageID: "p1", CaseID: "c1", ExportedAt: at}.Encode())
	f.Add([]byte(`{"format": "houvast-case", "version": 1, "exported_at": "2026-01-01T00:00:00Z", "case": {}}`))
	f.Add([]byte("SQLite format 3\x00"))
	f.Add([]byte("age-encryption.org/v1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse(data)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("refusal without a reason: %v", err)
			}
			return
		}
		if !json.Valid(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))) {
			t.Fatalf("accepted what is not JSON: %q", data)
		}
		var enc []byte
		switch file.Kind {
		case KindCase:
			enc = file.Case.Encode()
		case KindVolunteer:
			enc = file.Volunteer.Encode()
		case KindReturn:
			enc = file.Return.Encode()
		default:
			t.Fatalf("accepted kind %q", file.Kind)
		}
		again, err := Parse(enc)
		if err != nil {
			t.Fatalf("own output refused: %v\n%s", err, enc)
		}
		var enc2 []byte
		switch again.Kind {
		case KindCase:
			enc2 = again.Case.Encode()
		case KindVolunteer:
			enc2 = again.Volunteer.Encode()
		case KindReturn:
			enc2 = again.Return.Encode()
		}
		if !bytes.Equal(enc, enc2) {
			t.Fatalf("not stable:\n%s\n---\n%s", enc, enc2)
		}
	})
}

// A 10,000-step case with a created event per step, as the store holds it.
func bigCaseFile(b testing.TB) CaseFile {
	n := 0
	newID := func() string { n++; return fmt.Sprintf("00000000-0000-4000-8000-%012d", n) }
	c := demo.Synthetic(rand.New(rand.NewPCG(1, 2)), 1, 10000, today, newID)
	c.ID = newID()
	c.Created, c.Updated = at, at
	evs := []actionlist.Event{{ID: newID(), CaseID: c.ID, Entity: actionlist.EntityCase, EntityID: c.ID, Action: actionlist.ActionCreated, New: actionlist.CaseSnapshot(c), At: at}}
	for _, s := range c.Steps {
		evs = append(evs, actionlist.Event{ID: newID(), CaseID: c.ID, Entity: actionlist.EntityStep, EntityID: s.ID,
			Action: actionlist.ActionCreated, New: actionlist.StepSnapshot(s), At: at, Actor: actionlist.Actor{Name: "Marieke", Role: actionlist.RoleSpecialist}})
	}
	return CaseFile{ExportedAt: at, Case: c, Events: evs}
}

func BenchmarkCaseFile(b *testing.B) {
	f := bigCaseFile(b)
	data := f.Encode()
	b.Run("encode", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			f.Encode()
		}
	})
	b.Run("write-checked", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if err := f.WriteChecked(io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("check-bsn", func(b *testing.B) {
		for b.Loop() {
			if err := CheckCaseFile(f); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := Parse(data); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkSummary(b *testing.B) {
	c := bigCaseFile(b).Case
	c.Next = actionlist.Appointment{At: today.AddDays(3).Time(time.Local).Add(10 * time.Hour), Place: "Wijkcentrum"}
	for _, f := range Formats {
		b.Run(string(f), func(b *testing.B) {
			for b.Loop() {
				if _, err := (Options{AllowBSN: true}).Summary(c, f, today); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	// Arabic: shaped, right to left, in DejaVu Sans.
	ar := c
	ar.Language = actionlist.CaseArabic
	b.Run("pdf-ar", func(b *testing.B) {
		for b.Loop() {
			if _, err := (Options{AllowBSN: true}).Summary(ar, PDF, today); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestMayHoldBSNAgreesWithFindBSN: the quick test never misses what the
// full one finds.
func TestMayHoldBSNAgreesWithFindBSN(t *testing.T) {
	for _, s := range []string{
		"111222333", "111 222 333", "111.222.333", "1112-22-333", "x111222333y", "2026-11-23 111222333",
		"12 111222333 4", "5f3a1112-2233-3000-8000-000000000001", "nr 111222333.", "00000000-0000-4000-8000-111222333000",
		"a 1 2 3", "", "1234567890", "12-34-56-78-9",
	} {
		if len(actionlist.FindBSN(s)) > 0 && !mayHoldBSN(s) {
			t.Errorf("%q: FindBSN finds one, the quick test does not", s)
		}
	}
	if mayHoldBSN("00000000-0000-4000-8000-000000000001") {
		t.Error("a UUID needs the full test")
	}
}

func FuzzMayHoldBSN(f *testing.F) {
	f.Add("111 222 333")
	f.Add("5f3a1112-2233-3000-8000-000000000001")
	f.Fuzz(func(t *testing.T, s string) {
		if len(actionlist.FindBSN(s)) > 0 && !mayHoldBSN(s) {
			t.Fatalf("%q: missed", s)
		}
	})
}

// TestReaderMatchesEncodingJSON: the file reader decodes strings exactly
// as encoding/json does, escapes and broken bytes included.
func TestReaderMatchesEncodingJSON(t *testing.T) {
	for _, s := range []string{
		`"plain"`, `"a\"b\\c\/d"`, `"\b\f\n\r\t"`, `"\u00eb\u20ac"`, `"\ud83d\ude00"`, `"\ud83d"`, `"\ud83dx"`,
		`"\ude00\ud83d"`, "\"bad \xff byte\"", "\"\xed\xa0\x80\"", `"\u0000"`, `"é ë €"`,
	} {
		var want string
		if err := json.Unmarshal([]byte(s), &want); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		r := newJSONR(s)
		got, _, err := r.str()
		if err != nil || got != want {
			t.Errorf("%s: got %q (%v), want %q", s, got, err, want)
		}
	}
	for _, s := range []string{`"a`, `"a\`, `"\u12`, "\"a\nb\"", `"\x"`, `"\u12G4"`} {
		r := newJSONR(s)
		if _, _, err := r.str(); err == nil {
			t.Errorf("%q accepted", s)
		}
	}
}

func TestNextDigit(t *testing.T) {
	for _, s := range []string{"", "abc", "0", "abcdefgh9", "abcdefghijklmnop", "ééééé5", "\xff\xfe/:/:/:/:/:/:/:0", "////////::::::::", "abcdefg1abcdefgh"} {
		want := strings.IndexAny(s, "0123456789")
		if want < 0 {
			want = len(s)
		}
		for from := 0; from <= len(s); from++ {
			w := want
			if from > w {
				if j := strings.IndexAny(s[from:], "0123456789"); j >= 0 {
					w = from + j
				} else {
					w = len(s)
				}
			}
			if got := nextDigit(s, from); got != w {
				t.Errorf("nextDigit(%q, %d) = %d, want %d", s, from, got, w)
			}
		}
	}
}

func FuzzNextDigit(f *testing.F) {
	f.Add("abcdefghijklmnop1")
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.IndexAny(s, "0123456789")
		if want < 0 {
			want = len(s)
		}
		if got := nextDigit(s, 0); got != want {
			t.Fatalf("nextDigit(%q) = %d, want %d", s, got, want)
		}
	})
}

// countingWriter records how many writes it got, and fails after limit bytes.
type countingWriter struct {
	bytes.Buffer
	writes, limit int
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.writes++
	if w.limit > 0 && w.Len()+len(p) > w.limit {
		return 0, errors.New("disk full")
	}
	return w.Buffer.Write(p)
}

// A large case file is written a piece at a time, with the bytes of
// Encode; a failing writer stops it with its error; a BSN found while
// writing is reported after it.
func TestCaseFileIsWrittenInPieces(t *testing.T) {
	f := bigCaseFile(t)
	var w countingWriter
	n, err := f.WriteTo(&w)
	if err != nil || n != int64(w.Len()) || !bytes.Equal(w.Bytes(), f.Encode()) {
		t.Fatalf("WriteTo: %d bytes, %v; differs from Encode", n, err)
	}
	if w.writes < w.Len()/(2*spillSize) {
		t.Errorf("%d bytes in %d writes: not written in pieces", w.Len(), w.writes)
	}
	full := countingWriter{limit: 1 << 20}
	if _, err := f.WriteTo(&full); err == nil || full.Len() > 1<<20 {
		t.Errorf("a full disk: %v after %d bytes", err, full.Len())
	}
	if err := f.WriteChecked(io.Discard); err != nil {
		t.Errorf("a clean case: %v", err)
	}
	f.Case.Steps[len(f.Case.Steps)-1].WorkNote = "BSN 111222333"
	var bsn *BSNError
	if err := f.WriteChecked(io.Discard); !errors.As(err, &bsn) {
		t.Errorf("a BSN in the last step: %v", err)
	}
}

// Texts full of JSON's own characters are read back exactly, and a list
// of steps that is damaged is refused.
func TestTrickyTextsAndDamagedLists(t *testing.T) {
	f := caseFile()
	f.Case.Steps[0].Title = `Brackets ] } [ { and "quotes" \ in a title`
	f.Events[0].New = `{"x": "]}"}`
	data := f.Encode()
	parsed, err := Parse(data)
	if err != nil || !bytes.Equal(parsed.Case.Encode(), data) {
		t.Fatalf("tricky texts: %v", err)
	}
	text := string(data)
	stepsAt := strings.Index(text, `"steps": [`) + len(`"steps": `)
	afterSteps := strings.Index(text, ",\n  \"agreements\"")
	for name, bad := range map[string]string{
		"mismatched brackets":    text[:stepsAt] + "[}" + text[afterSteps:],
		"an invalid first steps": strings.Replace(text, `"steps": [`, `"steps": [}, "steps": [`, 1),
		"a number for steps":     text[:stepsAt] + "12" + text[afterSteps:],
		"an unfinished history":  strings.TrimSuffix(strings.TrimSpace(text), "}"),
		"a broken escape":        strings.Replace(text, `\"quotes\"`, `\x`, 1),
	} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	// null for the steps reads as none.
	none := text[:stepsAt] + "null" + text[afterSteps:]
	if p, err := Parse([]byte(none)); err != nil || len(p.Case.Case.Steps) != 0 {
		t.Errorf("null steps: %v", err)
	}
}
