package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"houvast/actionlist"
)

// Kind is what an exchange file holds; it is the file's "format" field.
type Kind string

const (
	KindCase      Kind = "houvast-case"      // a whole case with its history
	KindVolunteer Kind = "houvast-volunteer" // a volunteer's tasks
	KindReturn    Kind = "houvast-return"    // what the volunteer did
	KindCaseload  Kind = "houvast-caseload"  // many cases with their history, handed to a colleague
)

// Version is the version of the exchange formats this Houvast writes and
// the newest it reads. docs/exchange-format.md describes it.
const Version = 3

// stampLayout is how moments are written: UTC, as precise as stored.
const stampLayout = time.RFC3339Nano

func stamp(t time.Time) string { return t.UTC().Format(stampLayout) }

// CaseFile is a whole case for moving to another laptop or for archiving:
// every field, step, agreement and event, with the original IDs and times.
type CaseFile struct {
	ExportedAt time.Time // volatile: differs between two exports
	Case       actionlist.Case
	Events     []actionlist.Event // oldest first
}

// VolunteerPackage is what a volunteer gets: their steps and the least
// about the resident those steps need.
type VolunteerPackage struct {
	ID         string // identifies this hand-over; the return file names it
	ExportedAt time.Time
	MadeBy     string // the specialist who made it
	Case       actionlist.Case
}

// ReturnFile is what a volunteer sends back: the changes they made to the
// package's steps, as events with their own IDs and times.
type ReturnFile struct {
	ID         string
	ExportedAt time.Time
	PackageID  string
	CaseID     string // the case on the specialist's laptop
	Ref        string // its reference there, for the sentence
	Volunteer  string
	Events     []actionlist.Event // oldest first
}

// File is a parsed exchange file: one of the four is set, as Kind says.
type File struct {
	Kind      Kind
	Case      *CaseFile
	Volunteer *VolunteerPackage
	Return    *ReturnFile
	Caseload  *Caseload
}

var eventColumns = []string{"id", "entity", "entity_id", "action", "field", "old", "new", "at", "actor", "role"}

func eventValues(e actionlist.Event) []string {
	return []string{e.ID, string(e.Entity), e.EntityID, string(e.Action), e.Field, e.Old, e.New, stamp(e.At), e.Actor.Name, string(e.Actor.Role)}
}

func (w *jsonw) header(k Kind, exported time.Time) {
	w.raw("{\n")
	w.key("  ", "format")
	w.str(string(k))
	w.raw(",\n")
	w.key("  ", "version")
	w.int(Version)
	w.raw(",\n")
	w.key("  ", "exported_at")
	w.str(stamp(exported))
	w.raw(",\n")
}

func (w *jsonw) field(name, value string) {
	w.key("  ", name)
	w.str(value)
	w.raw(",\n")
}

var caseFileColumns = append(slices.Clone(actionlist.CaseColumns), "created", "updated")

func (w *jsonw) caseObject(cols []string, all map[string]string) {
	vals := make([]string, len(cols))
	for i, k := range cols {
		vals[i] = all[k]
	}
	w.key("  ", "case")
	w.object(cols, vals, false)
	w.raw(",\n")
}

func caseMap(c actionlist.Case) map[string]string {
	m := make(map[string]string, len(caseFileColumns))
	for i, v := range actionlist.CaseValues(c) {
		m[actionlist.CaseColumns[i]] = v
	}
	m["created"], m["updated"] = stamp(c.Created), stamp(c.Updated)
	return m
}

func (w *jsonw) steps(steps []actionlist.Step, cols []string) {
	idx := columnIndex(actionlist.StepColumns, cols)
	vals := make([]string, len(cols))
	w.list("steps", len(steps), func(i int) {
		all := actionlist.StepValues(steps[i])
		for j, k := range idx {
			vals[j] = all[k]
		}
		w.object(cols, vals, false)
	})
	w.raw(",\n")
}

func (w *jsonw) agreements(as []actionlist.Agreement) {
	w.list("agreements", len(as), func(i int) {
		w.object(actionlist.AgreementColumns, actionlist.AgreementValues(as[i]), false)
	})
}

func (w *jsonw) debts(ds []actionlist.Debt, cols []string) {
	idx := columnIndex(actionlist.DebtColumns, cols)
	vals := make([]string, len(cols))
	w.list("debts", len(ds), func(i int) {
		all := actionlist.DebtValues(ds[i])
		for j, k := range idx {
			vals[j] = all[k]
		}
		w.object(cols, vals, false)
	})
}

func (w *jsonw) events(evs []actionlist.Event) {
	w.list("events", len(evs), func(i int) {
		w.object(eventColumns, eventValues(evs[i]), false)
	})
}

// columnIndex maps each wanted column to its place in all.
func columnIndex(all, want []string) []int {
	out := make([]int, len(want))
	for i, k := range want {
		out[i] = slices.Index(all, k)
	}
	return out
}

// Encode writes the case file. The same case and events always give the
// same bytes, apart from exported_at.
func (f CaseFile) Encode() []byte {
	var b bytes.Buffer
	f.WriteTo(&b)
	return b.Bytes()
}

// WriteTo writes the case file to w a piece at a time: the bytes of Encode,
// without holding them all.
func (f CaseFile) WriteTo(out io.Writer) (int64, error) {
	w := &jsonw{b: make([]byte, 0, 2*spillSize), out: out}
	w.header(KindCase, f.ExportedAt)
	w.caseObject(caseFileColumns, caseMap(f.Case))
	w.steps(f.Case.Steps, actionlist.StepColumns)
	w.agreements(f.Case.Agreements)
	w.raw(",\n")
	w.debts(f.Case.Debts, actionlist.DebtColumns)
	w.raw(",\n")
	w.events(f.Events)
	w.raw("\n}\n")
	w.spill(true)
	return w.n, w.err
}

// WriteChecked is WriteTo while a second goroutine checks the case for
// numbers that look like a BSN, as CheckCaseFile does; a *BSNError comes
// only after the writing. So what was written must be thrown away on an
// error, as WriteStream does; output that cannot be taken back (a pipe)
// is checked first instead.
func (f CaseFile) WriteChecked(out io.Writer) error {
	return writeChecked(out, f, func() error { return CheckCaseFile(f) })
}

// writeChecked writes while check looks for a BSN on another goroutine:
// the file is made in the time the check takes. A finding comes before an
// error of the writing, which it makes moot.
func writeChecked(out io.Writer, file io.WriterTo, check func() error) error {
	checked := make(chan error, 1)
	go func() { checked <- check() }()
	_, err := file.WriteTo(out)
	if bsn := <-checked; bsn != nil {
		return bsn
	}
	return err
}

// What a volunteer package may hold; everything else stays home.
var (
	volunteerCaseColumns = []string{"id", "ref", "name", "participants", "status", "language", "dose"}
	volunteerStepColumns = actionlist.StepFieldsWhere(actionlist.StepFieldInfo.GoesToVolunteer)
)

// volunteerDebtColumns are what a volunteer gets of a debt.
var volunteerDebtColumns = actionlist.VolunteerDebtFields()

// VolunteerStepFields are the step fields a volunteer package carries.
func VolunteerStepFields() []string { return slices.Clone(volunteerStepColumns) }

// Encode writes the volunteer package.
func (p VolunteerPackage) Encode() []byte {
	w := &jsonw{b: make([]byte, 0, 1024*(len(p.Case.Steps)+4))}
	w.header(KindVolunteer, p.ExportedAt)
	w.field("package_id", p.ID)
	w.field("made_by", p.MadeBy)
	w.caseObject(volunteerCaseColumns, caseMap(p.Case))
	w.steps(p.Case.Steps, volunteerStepColumns)
	w.agreements(p.Case.Agreements)
	if len(p.Case.Debts) > 0 {
		w.raw(",\n")
		w.debts(p.Case.Debts, volunteerDebtColumns)
	}
	w.raw("\n}\n")
	return w.b
}

// Encode writes the return file.
func (r ReturnFile) Encode() []byte {
	w := &jsonw{b: make([]byte, 0, 512*(len(r.Events)+4))}
	w.header(KindReturn, r.ExportedAt)
	w.field("return_id", r.ID)
	w.field("package_id", r.PackageID)
	w.field("case_id", r.CaseID)
	w.field("ref", r.Ref)
	w.field("volunteer", r.Volunteer)
	w.events(r.Events)
	w.raw("\n}\n")
	return w.b
}

// fileJSON is every top-level key any of the three kinds may have; which
// belong to which kind is checked after reading.
type fileJSON struct {
	Format     string
	Version    int
	ExportedAt string
	PackageID  *string
	MadeBy     *string
	ReturnID   *string
	CaseID     *string
	Ref        *string
	Volunteer  *string
	Case       obj
	Cases      []obj
	Steps      []obj
	Agreements []obj
	Debts      []obj
	Events     []obj
}

var (
	formatPeek  = regexp.MustCompile(`^\s*\{\s*"format"\s*:\s*"([^"\\]{0,64})"\s*,\s*"version"\s*:\s*(-?\d{1,9})\b`)
	sqliteMagic = []byte("SQLite format 3\x00")
)

// Parse reads an exchange file. It refuses, with a *FileError saying why,
// anything that is not a complete, valid Houvast file of a version this
// Houvast knows; nothing is changed by a refusal because nothing is
// written here. An encrypted file must be decrypted first.
//
// The texts of the File share data's memory (a case of 10,000 steps is
// read without copying its 16 MB again), so data must not be changed
// afterwards.
func Parse(data []byte) (File, error) {
	if len(data) > MaxFileSize {
		return File{}, refuse(TooLarge, "", nil)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return File{}, refuse(Empty, "", nil)
	}
	if bytes.HasPrefix(data, sqliteMagic) {
		// The application id of a Houvast database ("Houv") at offset 68.
		if len(data) >= 72 && string(data[68:72]) == "Houv" {
			return File{}, refuse(IsDatabase, "", nil)
		}
		return File{}, refuse(NotHouvast, "sqlite", nil)
	}
	if Encrypted(data) {
		return File{}, refuse(NeedPassphrase, "", nil)
	}
	body := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	kind, version, ok := peek(body)
	if !ok {
		return File{}, refuse(NotHouvast, guess(body), nil)
	}
	switch {
	case kind != KindCase && kind != KindVolunteer && kind != KindReturn && kind != KindCaseload:
		return File{}, refuse(NotHouvast, "", fmt.Errorf("format %q", kind))
	case version > Version:
		return File{Kind: kind}, &FileError{Problem: NewerVersion, Found: version}
	case version < 1:
		return File{Kind: kind}, &FileError{Problem: UnknownVersion, Found: version}
	}
	fj, err := readFile(body)
	if err != nil {
		return File{Kind: kind}, decodeError(err)
	}
	exported, err := time.Parse(stampLayout, fj.ExportedAt)
	if err != nil {
		return File{Kind: kind}, refuse(Damaged, "exported_at is not a time", nil)
	}
	var f File
	switch kind {
	case KindCase:
		f, err = parseCase(fj, exported)
	case KindVolunteer:
		f, err = parseVolunteer(fj, exported)
	case KindReturn:
		f, err = parseReturn(fj, exported)
	case KindCaseload:
		f, err = parseCaseload(fj, exported)
	}
	f.Kind = kind
	var fe *FileError
	if errors.As(err, &fe) && fe.Problem == Invalid && fe.Kind == "" {
		fe.Kind = kind // the sentence names the kind of file
	}
	return f, err
}

// peek reads the format and version from the start of the file, where
// Houvast writes them, without decoding the rest; a file whose keys were
// reordered by another tool is decoded once more to find them.
func peek(body []byte) (Kind, int, bool) {
	if m := formatPeek.FindSubmatch(body[:min(len(body), 512)]); m != nil {
		v, err := strconv.Atoi(string(m[2]))
		return Kind(m[1]), v, err == nil
	}
	if len(body) == 0 || body[0] != '{' {
		return "", 0, false
	}
	var h struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(body, &h); err != nil || h.Format == "" {
		return "", 0, false
	}
	return Kind(h.Format), h.Version, true
}

// guess names a few common kinds of file people pick by mistake; the
// catalogue (Seems) says them in words.
func guess(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("%PDF")):
		return "pdf"
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		return "zip"
	case bytes.HasPrefix(b, []byte("BEGIN:VCALENDAR")):
		return "ics"
	case bytes.HasPrefix(bytes.TrimSpace(b), []byte("<")):
		return "html"
	}
	return ""
}

func decodeError(err error) error {
	var se *syntaxError
	switch {
	case errors.Is(err, errEOF):
		return refuse(Truncated, "", err)
	case errors.As(err, &se):
		return refuse(Damaged, "not valid: "+se.Error(), nil)
	}
	return refuse(Damaged, err.Error(), nil)
}

// entity turns one decoded object into the values of its columns, in
// order. A key not among allowed is refused: for a case file it is
// damage, for a volunteer package a field that must not travel.
func entity(o obj, cols, allowed []string, what string, forbidden Problem) ([]string, error) {
	if slices.Equal(o.keys, cols) && slices.Equal(allowed, cols) { // as Houvast writes them
		return o.vals, nil
	}
	for _, k := range o.keys {
		if !slices.Contains(allowed, k) {
			if forbidden == NotAllowed && slices.Contains(cols, k) {
				return nil, refuse(NotAllowed, k, nil)
			}
			return nil, refuse(forbidden, fmt.Sprintf("%s has an unknown field %q", what, k), nil)
		}
	}
	vals := make([]string, len(cols))
	for i, k := range o.keys {
		if j := slices.Index(cols, k); j >= 0 {
			vals[j] = o.vals[i] // a key given twice: the last one counts
		}
	}
	return vals, nil
}

func parseCaseObject(o obj, allowed []string, forbidden Problem) (actionlist.Case, error) {
	if !o.present {
		return actionlist.Case{}, refuse(Damaged, "no case in the file", nil)
	}
	vals, err := entity(o, actionlist.CaseColumns, allowed, "the case", forbidden)
	if err != nil {
		return actionlist.Case{}, err
	}
	c, err := actionlist.CaseFromValues(vals)
	if err != nil {
		return c, refuseValue(actionlist.EntityCase, "", "the case", err)
	}
	if err := checkID(c.ID); err != nil {
		return c, refuse(Damaged, "the case: "+err.Error(), nil)
	}
	if err := c.Validate(); err != nil {
		return c, refuseValue(actionlist.EntityCase, "", "the case", err)
	}
	return c, nil
}

func parseSteps(objs []obj, allowed []string, forbidden Problem) ([]actionlist.Step, error) {
	steps := make([]actionlist.Step, 0, len(objs))
	seen := make(map[string]bool, len(objs))
	for i, o := range objs {
		what := fmt.Sprintf("step %d", i+1)
		vals, err := entity(o, actionlist.StepColumns, allowed, what, forbidden)
		if err != nil {
			return nil, err
		}
		s, err := actionlist.StepFromValues(vals)
		if err != nil {
			return nil, refuseValue(actionlist.EntityStep, o.get("title"), what, err)
		}
		if err := checkID(s.ID); err != nil {
			return nil, refuse(Damaged, what+": "+err.Error(), nil)
		}
		for _, dep := range s.DependsOn {
			if err := checkID(dep); err != nil {
				return nil, refuse(Damaged, what+": depends_on: "+err.Error(), nil)
			}
		}
		if seen[s.ID] {
			return nil, refuse(Damaged, what+": its ID appears twice", nil)
		}
		seen[s.ID] = true
		if err := s.Validate(); err != nil {
			return nil, refuseValue(actionlist.EntityStep, s.Title, what, err)
		}
		steps = append(steps, s)
	}
	return steps, nil
}

func parseAgreements(objs []obj) ([]actionlist.Agreement, error) {
	out := make([]actionlist.Agreement, 0, len(objs))
	seen := map[string]bool{}
	for i, o := range objs {
		what := fmt.Sprintf("agreement %d", i+1)
		vals, err := entity(o, actionlist.AgreementColumns, actionlist.AgreementColumns, what, Damaged)
		if err != nil {
			return nil, err
		}
		a, err := actionlist.AgreementFromValues(vals)
		if err != nil {
			return nil, refuseValue(actionlist.EntityAgreement, "", what, err)
		}
		if err := checkID(a.ID); err != nil {
			return nil, refuse(Damaged, what+": "+err.Error(), nil)
		}
		if seen[a.ID] {
			return nil, refuse(Damaged, what+": its ID appears twice", nil)
		}
		seen[a.ID] = true
		if err := a.Validate(); err != nil {
			return nil, refuseValue(actionlist.EntityAgreement, "", what, err)
		}
		out = append(out, a)
	}
	return out, nil
}

// parseDebts reads the debts of a file. A volunteer's package holds only
// allowed of their fields; the rest read as a debt not yet asked about.
func parseDebts(objs []obj, allowed []string, forbidden Problem) ([]actionlist.Debt, error) {
	out := make([]actionlist.Debt, 0, len(objs))
	seen := map[string]bool{}
	for i, o := range objs {
		what := fmt.Sprintf("debt %d", i+1)
		vals, err := entity(o, actionlist.DebtColumns, allowed, what, forbidden)
		if err != nil {
			return nil, err
		}
		if len(allowed) < len(actionlist.DebtColumns) {
			for j, k := range actionlist.DebtColumns {
				switch k {
				case "kind":
					vals[j] = string(actionlist.DebtOther)
				case "state":
					vals[j] = string(actionlist.DebtNotAsked)
				}
			}
		}
		d, err := actionlist.DebtFromValues(vals)
		if err != nil {
			return nil, refuseValue(actionlist.EntityDebt, o.get("creditor"), what, err)
		}
		if err := checkID(d.ID); err != nil {
			return nil, refuse(Damaged, what+": "+err.Error(), nil)
		}
		if seen[d.ID] {
			return nil, refuse(Damaged, what+": its ID appears twice", nil)
		}
		seen[d.ID] = true
		if err := d.Validate(); err != nil {
			return nil, refuseValue(actionlist.EntityDebt, d.Creditor, what, err)
		}
		out = append(out, d)
	}
	return out, nil
}

// maxEventValue bounds one old or new value: a snapshot of a step with
// every text at its limit fits many times over.
const maxEventValue = 256 << 10

func parseEvents(objs []obj, caseID string, onlySteps bool) ([]actionlist.Event, error) {
	out := make([]actionlist.Event, 0, len(objs))
	seen := make(map[string]bool, len(objs))
	for i, o := range objs {
		what := fmt.Sprintf("event %d", i+1)
		vals, err := entity(o, eventColumns, eventColumns, what, Damaged)
		if err != nil {
			return nil, err
		}
		e := actionlist.Event{
			ID: vals[0], CaseID: caseID, Entity: actionlist.Entity(vals[1]), EntityID: vals[2],
			Action: actionlist.Action(vals[3]), Field: vals[4], Old: vals[5], New: vals[6],
			Actor: actionlist.Actor{Name: vals[8], Role: actionlist.Role(vals[9])},
		}
		if e.At, err = time.Parse(stampLayout, vals[7]); err != nil {
			return nil, refuse(Damaged, what+": the time is not valid", nil)
		}
		switch {
		case checkID(e.ID) != nil:
			return nil, refuse(Damaged, what+": no valid ID", nil)
		case seen[e.ID]:
			return nil, refuse(Damaged, what+": its ID appears twice", nil)
		case checkID(e.EntityID) != nil:
			return nil, refuse(Damaged, what+": no valid entity_id", nil)
		case e.Entity != actionlist.EntityCase && e.Entity != actionlist.EntityStep && e.Entity != actionlist.EntityAgreement && e.Entity != actionlist.EntityDebt:
			return nil, refuse(Damaged, fmt.Sprintf("%s: unknown entity %q", what, e.Entity), nil)
		case onlySteps && e.Entity != actionlist.EntityStep:
			return nil, refuse(NotAllowed, string(e.Entity), nil)
		case e.Action == "" || utf8.RuneCountInString(string(e.Action)) > 32:
			return nil, refuse(Damaged, what+": no valid action", nil)
		case utf8.RuneCountInString(e.Field) > 64:
			return nil, refuse(Damaged, what+": no valid field", nil)
		case len(e.Old) > maxEventValue || len(e.New) > maxEventValue:
			return nil, refuse(Damaged, what+": a value is too long", nil)
		case utf8.RuneCountInString(e.Actor.Name) > actionlist.MaxShort:
			return nil, refuse(Damaged, what+": the name is too long", nil)
		case e.Actor.Role != "" && !e.Actor.Role.Valid():
			return nil, refuse(Damaged, fmt.Sprintf("%s: unknown role %q", what, e.Actor.Role), nil)
		}
		seen[e.ID] = true
		out = append(out, e)
	}
	return out, nil
}

// checkID accepts the IDs Houvast makes (UUIDs) and anything like them:
// 1 to 64 letters, digits, '-', '_', '.' or ':'. A comma would break the
// list of dependencies, and a stray byte has no business in a key.
func checkID(id string) error {
	if id == "" || len(id) > 64 {
		return errors.New("no valid ID")
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':') {
			return fmt.Errorf("the ID %q holds a character IDs never have", id)
		}
	}
	return nil
}

func parseStamp(s, what string) (time.Time, error) {
	t, err := time.Parse(stampLayout, s)
	if err != nil {
		return t, refuse(Damaged, what+" is not a time", nil)
	}
	return t, nil
}

func notAllowed(present bool, name string) error {
	if present {
		return refuse(NotAllowed, name, nil)
	}
	return nil
}

func parseCase(fj fileJSON, exported time.Time) (File, error) {
	for _, x := range []struct {
		present bool
		name    string
	}{{fj.PackageID != nil, "package_id"}, {fj.MadeBy != nil, "made_by"}, {fj.ReturnID != nil, "return_id"},
		{fj.CaseID != nil, "case_id"}, {fj.Ref != nil, "ref"}, {fj.Volunteer != nil, "volunteer"}, {len(fj.Cases) > 0, "cases"}} {
		if err := notAllowed(x.present, x.name); err != nil {
			return File{}, err
		}
	}
	caseOnly := obj{present: fj.Case.present}
	for i, k := range fj.Case.keys {
		if k != "created" && k != "updated" {
			caseOnly.keys = append(caseOnly.keys, k)
			caseOnly.vals = append(caseOnly.vals, fj.Case.vals[i])
		}
	}
	c, err := parseCaseObject(caseOnly, actionlist.CaseColumns, Damaged)
	if err != nil {
		return File{}, err
	}
	if c.Created, err = parseStamp(fj.Case.get("created"), "the case's created"); err != nil {
		return File{}, err
	}
	if c.Updated, err = parseStamp(fj.Case.get("updated"), "the case's updated"); err != nil {
		return File{}, err
	}
	if c.Steps, err = parseSteps(fj.Steps, actionlist.StepColumns, Damaged); err != nil {
		return File{}, err
	}
	if c.Agreements, err = parseAgreements(fj.Agreements); err != nil {
		return File{}, err
	}
	if c.Debts, err = parseDebts(fj.Debts, actionlist.DebtColumns, Damaged); err != nil {
		return File{}, err
	}
	evs, err := parseEvents(fj.Events, c.ID, false)
	if err != nil {
		return File{}, err
	}
	return File{Case: &CaseFile{ExportedAt: exported, Case: c, Events: evs}}, nil
}

func parseVolunteer(fj fileJSON, exported time.Time) (File, error) {
	for _, x := range []struct {
		present bool
		name    string
	}{{fj.ReturnID != nil, "return_id"}, {fj.CaseID != nil, "case_id"}, {fj.Ref != nil, "ref"},
		{fj.Volunteer != nil, "volunteer"}, {len(fj.Events) > 0, "events"}, {len(fj.Cases) > 0, "cases"}} {
		if err := notAllowed(x.present, x.name); err != nil {
			return File{}, err
		}
	}
	if fj.PackageID == nil || checkID(*fj.PackageID) != nil {
		return File{}, refuse(Damaged, "no valid package_id", nil)
	}
	p := &VolunteerPackage{ID: *fj.PackageID, ExportedAt: exported}
	if fj.MadeBy != nil {
		p.MadeBy = *fj.MadeBy
	}
	if utf8.RuneCountInString(p.MadeBy) > actionlist.MaxShort {
		return File{}, refuse(Damaged, "made_by is too long", nil)
	}
	for _, k := range fj.Case.keys {
		if (k == "created" || k == "updated") || (slices.Contains(actionlist.CaseColumns, k) && !slices.Contains(volunteerCaseColumns, k)) {
			return File{}, refuse(NotAllowed, k, nil)
		}
	}
	c, err := parseCaseObject(fj.Case, volunteerCaseColumns, NotAllowed)
	if err != nil {
		return File{}, err
	}
	if c.Steps, err = parseSteps(fj.Steps, volunteerStepColumns, NotAllowed); err != nil {
		return File{}, err
	}
	if err := checkWaits(c.Steps); err != nil {
		return File{}, err
	}
	if c.Agreements, err = parseAgreements(fj.Agreements); err != nil {
		return File{}, err
	}
	if c.Debts, err = parseDebts(fj.Debts, volunteerDebtColumns, NotAllowed); err != nil {
		return File{}, err
	}
	p.Case = c
	return File{Volunteer: p}, nil
}

func parseReturn(fj fileJSON, exported time.Time) (File, error) {
	for _, x := range []struct {
		present bool
		name    string
	}{{fj.MadeBy != nil, "made_by"}, {fj.Case.present, "case"}, {len(fj.Steps) > 0, "steps"}, {len(fj.Agreements) > 0, "agreements"}, {len(fj.Debts) > 0, "debts"}, {len(fj.Cases) > 0, "cases"}} {
		if err := notAllowed(x.present, x.name); err != nil {
			return File{}, err
		}
	}
	r := &ReturnFile{ExportedAt: exported}
	for _, x := range []struct {
		p    *string
		dst  *string
		name string
	}{{fj.ReturnID, &r.ID, "return_id"}, {fj.PackageID, &r.PackageID, "package_id"}, {fj.CaseID, &r.CaseID, "case_id"}} {
		if x.p == nil || checkID(*x.p) != nil {
			return File{}, refuse(Damaged, "no valid "+x.name, nil)
		}
		*x.dst = *x.p
	}
	if fj.Ref != nil {
		r.Ref = *fj.Ref
	}
	if fj.Volunteer != nil {
		r.Volunteer = *fj.Volunteer
	}
	if utf8.RuneCountInString(r.Ref) > actionlist.MaxShort || utf8.RuneCountInString(r.Volunteer) > actionlist.MaxShort {
		return File{}, refuse(Damaged, "ref or volunteer is too long", nil)
	}
	evs, err := parseEvents(fj.Events, r.CaseID, true)
	if err != nil {
		return File{}, err
	}
	for _, e := range evs {
		switch e.Action {
		case actionlist.ActionChanged, actionlist.ActionCreated, actionlist.ActionDeleted:
		default:
			return File{}, refuse(Damaged, fmt.Sprintf("a step event with action %q", e.Action), nil)
		}
	}
	if err := checkReturnEvents(evs); err != nil {
		return File{}, err
	}
	r.Events = evs
	return File{Return: r}, nil
}
