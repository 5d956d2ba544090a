package actionlist

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// A field is one stored attribute of an entity, as a string. The same table
// drives change detection, events, snapshots and merges, so a new attribute
// only needs one line here to be recorded, exported and merged.
type field[T any] struct {
	name string
	get  func(T) string
	set  func(*T, string) error
}

type fields[T any] []field[T]

// Changes lists the fields that differ between before and after.
func (fs fields[T]) changes(before, after T) []Change {
	var out []Change
	for _, f := range fs {
		if o, n := f.get(before), f.get(after); o != n {
			out = append(out, Change{Field: f.name, Old: o, New: n})
		}
	}
	return out
}

func (fs fields[T]) find(name string) (field[T], bool) {
	for _, f := range fs {
		if f.name == name {
			return f, true
		}
	}
	return field[T]{}, false
}

func (fs fields[T]) setField(v *T, name, value string) error {
	f, ok := fs.find(name)
	if !ok {
		return fmt.Errorf("unknown field %q", name)
	}
	if err := f.set(v, value); err != nil {
		return inField(name, err)
	}
	return nil
}

func (fs fields[T]) value(v T, name string) (string, bool) {
	f, ok := fs.find(name)
	if !ok {
		return "", false
	}
	return f.get(v), true
}

// apply moves current by the changes, but only where current still holds
// the change's old value; other fields are reported as conflicts and left.
// A field that already holds the new value is no conflict.
func (fs fields[T]) apply(current *T, changes []Change) ([]Change, []Conflict, error) {
	var applied []Change
	var conflicts []Conflict
	for _, c := range changes {
		f, ok := fs.find(c.Field)
		if !ok {
			return nil, nil, fmt.Errorf("unknown field %q", c.Field)
		}
		now := f.get(*current)
		switch now {
		case c.New:
			continue
		case c.Old:
			if err := f.set(current, c.New); err != nil {
				return nil, nil, inField(c.Field, err)
			}
			applied = append(applied, Change{Field: c.Field, Old: now, New: c.New})
		default:
			conflicts = append(conflicts, Conflict{Field: c.Field, Base: c.Old, Mine: c.New, Theirs: now})
		}
	}
	return applied, conflicts, nil
}

// snapshot is every field as JSON: the payload of created/deleted events.
func (fs fields[T]) snapshot(v T) string {
	m := make(map[string]string, len(fs))
	for _, f := range fs {
		if s := f.get(v); s != "" {
			m[f.name] = s
		}
	}
	b, _ := json.Marshal(m) // a map of strings always marshals
	return string(b)
}

func (fs fields[T]) restore(snapshot string) (T, error) {
	var v T
	var m map[string]string
	if err := json.Unmarshal([]byte(snapshot), &m); err != nil {
		return v, fmt.Errorf("snapshot: %w", err)
	}
	for name, s := range m {
		if err := fs.setField(&v, name, s); err != nil {
			return v, err
		}
	}
	return v, nil
}

// Field helpers: each turns one Go type into its stored string and back.

func textField[T any](name string, p func(*T) *string) field[T] {
	return field[T]{name,
		func(v T) string { return *p(&v) },
		func(v *T, s string) error { *p(v) = s; return nil }}
}

func intField[T any](name string, p func(*T) *int) field[T] {
	return field[T]{name,
		func(v T) string { return strconv.Itoa(*p(&v)) },
		func(v *T, s string) error {
			if s == "" {
				*p(v) = 0
				return nil
			}
			n, err := strconv.Atoi(s)
			if err != nil {
				return &ValueError{Value: s, Want: ValueNumber}
			}
			*p(v) = n
			return nil
		}}
}

func dateField[T any](name string, p func(*T) *Date) field[T] {
	return field[T]{name,
		func(v T) string { return p(&v).String() },
		func(v *T, s string) error {
			d, err := ParseDate(s)
			if err != nil {
				return &ValueError{Value: s, Want: ValueDate}
			}
			*p(v) = d
			return nil
		}}
}

// TimeLayout is how wall-clock times (appointments) are stored.
const TimeLayout = "2006-01-02 15:04"

func timeField[T any](name string, p func(*T) *time.Time) field[T] {
	return field[T]{name,
		func(v T) string {
			if t := *p(&v); !t.IsZero() {
				return t.Format(TimeLayout)
			}
			return ""
		},
		func(v *T, s string) error {
			if s == "" {
				*p(v) = time.Time{}
				return nil
			}
			t, err := time.ParseInLocation(TimeLayout, s, time.Local)
			if err != nil {
				return &ValueError{Value: s, Want: ValueTime}
			}
			*p(v) = t
			return nil
		}}
}

// enumField stores a string kind, refusing values the domain does not know.
func enumField[T any, E ~string](name string, p func(*T) *E, valid func(E) bool) field[T] {
	return field[T]{name,
		func(v T) string { return string(*p(&v)) },
		func(v *T, s string) error {
			if !valid(E(s)) {
				return &ValueError{Value: s, Want: ValueCode}
			}
			*p(v) = E(s)
			return nil
		}}
}

func jsonField[T any, V any](name string, p func(*T) *V) field[T] {
	return field[T]{name,
		func(v T) string {
			val := *p(&v)
			b, err := json.Marshal(val)
			if err != nil || string(b) == "null" || string(b) == "[]" {
				return ""
			}
			return string(b)
		},
		func(v *T, s string) error {
			var val V
			if s != "" {
				if err := json.Unmarshal([]byte(s), &val); err != nil {
					return &ValueError{Value: s, Want: ValueJSON}
				}
			}
			*p(v) = val
			return nil
		}}
}

// idListField keeps a set of IDs sorted, so order never shows as a change.
func idListField[T any](name string, p func(*T) *[]string) field[T] {
	return field[T]{name,
		func(v T) string {
			ids := slices.Clone(*p(&v))
			slices.Sort(ids)
			return strings.Join(slices.Compact(ids), ",")
		},
		func(v *T, s string) error {
			if s == "" {
				*p(v) = nil
				return nil
			}
			*p(v) = strings.Split(s, ",")
			return nil
		}}
}

// stepRegistry is every step field: how it is stored, then its length
// limit, how it is checked for a BSN, what a volunteer gets of it, how it
// merges, and its name in Dutch and English. Its order is the order of the
// columns in the database and of the keys in every exchange file.
var stepRegistry = []stepEntry{
	{textField("id", func(s *Step) *string { return &s.ID }),
		NoLimit, BSNSkip, Travels, MergeAlone, words{"kenmerk", "identifier"}},
	{textField("key", func(s *Step) *string { return &s.Key }),
		NoLimit, BSNSkip, Travels, MergeAlone, words{"stap uit het sjabloon", "template step"}},
	{enumField("phase", func(s *Step) *Phase { return &s.Phase }, Phase.Valid),
		NoLimit, BSNSkip, Travels, MergeAlone, words{"fase", "phase"}},
	{intField("order", func(s *Step) *int { return &s.Order }),
		NoLimit, BSNSkip, Travels, MergeAlone, words{"volgorde", "order"}},
	{textField("title", func(s *Step) *string { return &s.Title }),
		MaxTitle, BSNPlain, Travels, MergeAlone, words{"titel", "title"}},
	{textField("why", func(s *Step) *string { return &s.Why }),
		MaxText, BSNPlain, Travels, MergeAlone, words{"waarom", "why"}},
	{textField("after", func(s *Step) *string { return &s.After }),
		MaxText, BSNPlain, Travels, MergeAlone, words{"daarna", "after that"}},
	{enumField("owner", func(s *Step) *Role { return &s.Owner }, Role.Valid),
		NoLimit, BSNSkip, Travels, MergeAlone, words{"wie", "who"}},
	{textField("owner_name", func(s *Step) *string { return &s.OwnerName }),
		MaxShort, BSNPlain, Travels, MergeAlone, words{"naam van wie het doet", "name of whoever does it"}},
	{dateField("due", func(s *Step) *Date { return &s.Due }),
		NoLimit, BSNSkip, Travels, MergeAlone, words{"wanneer", "when"}},
	{enumField("status", func(s *Step) *StepStatus { return &s.Status }, StepStatus.Valid),
		NoLimit, BSNSkip, VolunteerOwns, MergeCompletion, words{"stand", "state"}},
	{dateField("done_on", func(s *Step) *Date { return &s.DoneOn }),
		NoLimit, BSNSkip, VolunteerOwns, MergeCompletion, words{"klaar op", "done on"}},
	{textField("done_by", func(s *Step) *string { return &s.DoneBy }),
		MaxShort, BSNPlain, VolunteerOwns, MergeCompletion, words{"klaar door", "done by"}},
	{textField("internal_note", func(s *Step) *string { return &s.InternalNote }),
		MaxText, BSNNote, StaysHome, MergeAlone, words{"notitie voor het team", "note for the team"}},
	{textField("work_note", func(s *Step) *string { return &s.WorkNote }),
		MaxText, BSNNote, VolunteerOwns, MergeAlone, words{"notitie van wie het doet", "note by whoever does it"}},
	{textField("resident_note", func(s *Step) *string { return &s.ResidentNote }),
		MaxText, BSNNote, StaysHome, MergeAlone, words{"notitie voor de inwoner", "note for the resident"}},
	{idListField("depends_on", func(s *Step) *[]string { return &s.DependsOn }),
		NoLimit, BSNSkip, Travels, MergeAlone, words{"wacht op", "waits for"}},
	{enumField("pin", func(s *Step) *Pin { return &s.Pin }, Pin.Valid),
		NoLimit, BSNSkip, StaysHome, MergeAlone, words{"vastgezet", "pinned"}},
	{intField("days", func(s *Step) *int { return &s.Days }),
		NoLimit, BSNSkip, Travels, MergeAlone, words{"duur in dagen", "days it takes"}},
	{textField("outcome", func(s *Step) *string { return &s.Outcome }),
		MaxText, BSNNote, StaysHome, MergeAlone, words{"uitkomst", "outcome"}},
	{textField("when_where", func(s *Step) *string { return &s.WhenWhere }),
		MaxPlan, BSNPlain, Travels, MergeAlone, words{"wanneer en waar", "when and where"}},
	{textField("if_not", func(s *Step) *string { return &s.IfNot }),
		MaxPlan, BSNPlain, Travels, MergeAlone, words{"als het niet lukt", "if it does not work out"}},
}

var stepFields = func() fields[Step] {
	out := make(fields[Step], len(stepRegistry))
	for i, e := range stepRegistry {
		out[i] = e.field
	}
	return out
}()

var caseFields = fields[Case]{
	textField("id", func(c *Case) *string { return &c.ID }),
	textField("ref", func(c *Case) *string { return &c.Ref }),
	textField("name", func(c *Case) *string { return &c.Name }),
	jsonField("participants", func(c *Case) *[]Participant { return &c.Participants }),
	enumField("status", func(c *Case) *CaseStatus { return &c.Status }, CaseStatus.Valid),
	enumField("language", func(c *Case) *CaseLang { return &c.Language }, func(l CaseLang) bool { return l == "" || l.Valid() }),
	intField("dose", func(c *Case) *int { return &c.Dose }),
	dateField("start", func(c *Case) *Date { return &c.Start }),
	dateField("target", func(c *Case) *Date { return &c.Target }),
	timeField("next_at", func(c *Case) *time.Time { return &c.Next.At }),
	textField("next_place", func(c *Case) *string { return &c.Next.Place }),
	textField("next_with", func(c *Case) *string { return &c.Next.With }),
	enumField("source", func(c *Case) *SourceKind { return &c.Source.Kind }, SourceKind.Valid),
	enumField("signal", func(c *Case) *SignalKind { return &c.Source.Signal }, SignalKind.Valid),
	dateField("signal_date", func(c *Case) *Date { return &c.Source.SignalDate }),
	textField("template", func(c *Case) *string { return &c.Template }),
	dateField("closed_on", func(c *Case) *Date { return &c.ClosedOn }),
	enumField("close_reason", func(c *Case) *CloseReason { return &c.CloseReason }, CloseReason.Valid),
	dateField("stabilised_on", func(c *Case) *Date { return &c.Stabilised }),
	jsonField("profile", func(c *Case) **Screening { return &c.Screening }),
	jsonField("profile_decision", func(c *Case) **ProfileDecision { return &c.Decision }),
	jsonField("signals", func(c *Case) *[]Signal { return &c.Signals }),
	dateField("requested_on", func(c *Case) *Date { return &c.RequestedOn }),
	enumField("threat", func(c *Case) *Threat { return &c.Threat }, Threat.Valid),
	dateField("first_talk_on", func(c *Case) *Date { return &c.FirstTalkOn }),
}

var agreementFields = fields[Agreement]{
	textField("id", func(a *Agreement) *string { return &a.ID }),
	dateField("date", func(a *Agreement) *Date { return &a.Date }),
	textField("who", func(a *Agreement) *string { return &a.Who }),
	textField("what", func(a *Agreement) *string { return &a.What }),
}

// StepChanges lists what differs between two versions of a step.
func StepChanges(before, after Step) []Change { return stepFields.changes(before, after) }

// CaseChanges lists what differs in the case's own fields (not its steps or
// agreements, which have their own events).
func CaseChanges(before, after Case) []Change { return caseFields.changes(before, after) }

// AgreementChanges lists what differs between two versions of an agreement.
func AgreementChanges(before, after Agreement) []Change {
	return agreementFields.changes(before, after)
}

// ApplyStepChanges moves current by changes made against an older version;
// see Conflict for what is not applied.
func ApplyStepChanges(current *Step, changes []Change) ([]Change, []Conflict, error) {
	return stepFields.apply(current, changes)
}

func ApplyCaseChanges(current *Case, changes []Change) ([]Change, []Conflict, error) {
	return caseFields.apply(current, changes)
}

func ApplyAgreementChanges(current *Agreement, changes []Change) ([]Change, []Conflict, error) {
	return agreementFields.apply(current, changes)
}

// Snapshots: every stored field of an entity as one JSON object of strings.
func StepSnapshot(s Step) string           { return stepFields.snapshot(s) }
func CaseSnapshot(c Case) string           { return caseFields.snapshot(c) }
func AgreementSnapshot(a Agreement) string { return agreementFields.snapshot(a) }

func StepFromSnapshot(s string) (Step, error)           { return stepFields.restore(s) }
func CaseFromSnapshot(s string) (Case, error)           { return caseFields.restore(s) }
func AgreementFromSnapshot(s string) (Agreement, error) { return agreementFields.restore(s) }

// StepField returns the stored string of one step field.
func StepField(s Step, name string) (string, bool) { return stepFields.value(s, name) }

func (fs fields[T]) names() []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.name
	}
	return out
}

func (fs fields[T]) values(v T) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.get(v)
	}
	return out
}

func (fs fields[T]) fromValues(vals []string) (T, error) {
	var v T
	if len(vals) != len(fs) {
		return v, fmt.Errorf("got %d values for %d fields", len(vals), len(fs))
	}
	for i, f := range fs {
		if err := f.set(&v, vals[i]); err != nil {
			return v, inField(f.name, err)
		}
	}
	return v, nil
}

// Stored form: each entity as a row of strings, one per field, in the order
// of its Columns. The store and the exchange files are built on these.
var (
	StepColumns      = stepFields.names()
	CaseColumns      = caseFields.names()
	AgreementColumns = agreementFields.names()
)

func StepValues(s Step) []string           { return stepFields.values(s) }
func CaseValues(c Case) []string           { return caseFields.values(c) }
func AgreementValues(a Agreement) []string { return agreementFields.values(a) }

func StepFromValues(v []string) (Step, error)           { return stepFields.fromValues(v) }
func CaseFromValues(v []string) (Case, error)           { return caseFields.fromValues(v) }
func AgreementFromValues(v []string) (Agreement, error) { return agreementFields.fromValues(v) }
