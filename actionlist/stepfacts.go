package actionlist

import "slices"

// A step field is more than its stored string: it has a length limit, a way
// of being checked for a BSN before it leaves the laptop, a place (or none)
// in a volunteer's package, a way of merging, and a name people use. These
// are written next to the field in stepRegistry, so a field added there
// cannot leave any of them out, and the store, the exports and the screens
// read them from here instead of keeping lists of their own.

// NoLimit is the limit of a field nobody types (an ID, a date, a kind): its
// value is checked for what it is, not for its length.
const NoLimit = -1

// BSNCheck says how a field is checked for numbers that look like a BSN
// before a file with it leaves the laptop.
type BSNCheck int

const (
	BSNSkip  BSNCheck = iota + 1 // an ID, date, number or kind: digits there mean nothing
	BSNPlain                     // text a resident or volunteer may read
	BSNNote                      // a note, for the team or whoever does the step
)

// Handoff says what becomes of a field when a case goes to a volunteer.
type Handoff int

const (
	StaysHome     Handoff = iota + 1 // never in a volunteer package
	Travels                          // in the package; a newer package overwrites it
	VolunteerOwns                    // in the package, and the volunteer's once they changed it
)

// MergeGroup says which fields a merge takes over together or not at all.
type MergeGroup int

const (
	MergeAlone      MergeGroup = iota + 1 // taken over on its own
	MergeCompletion                       // a step is done on a day by someone: status, done_on, done_by
)

// StepFieldInfo is what is known of one step field.
type StepFieldInfo struct {
	Name    string // as stored, in the database and in every exchange file
	Limit   int    // in characters, or NoLimit
	BSN     BSNCheck
	Handoff Handoff
	Merge   MergeGroup
	label   words
}

// Label is the field's name as a caseworker says it.
func (f StepFieldInfo) Label(l Lang) string { return f.label.in(l) }

// GoesToVolunteer is true for a field a volunteer package carries.
func (f StepFieldInfo) GoesToVolunteer() bool {
	return f.Handoff == Travels || f.Handoff == VolunteerOwns
}

// OwnedByVolunteer is true for a field that belongs to whoever does the
// step once it was handed off.
func (f StepFieldInfo) OwnedByVolunteer() bool { return f.Handoff == VolunteerOwns }

// stepEntry is one line of the registry: the stored form and the facts.
type stepEntry struct {
	field[Step]
	limit   int
	bsn     BSNCheck
	handoff Handoff
	merge   MergeGroup
	label   words
}

func (e stepEntry) info() StepFieldInfo {
	return StepFieldInfo{Name: e.name, Limit: e.limit, BSN: e.bsn, Handoff: e.handoff, Merge: e.merge, label: e.label}
}

var stepInfos = func() []StepFieldInfo {
	out := make([]StepFieldInfo, len(stepRegistry))
	for i, e := range stepRegistry {
		out[i] = e.info()
	}
	return out
}()

// StepFieldInfos lists every step field, in the order of StepColumns.
func StepFieldInfos() []StepFieldInfo { return slices.Clone(stepInfos) }

// LookupStepField finds a step field by its stored name.
func LookupStepField(name string) (StepFieldInfo, bool) {
	for _, f := range stepInfos {
		if f.Name == name {
			return f, true
		}
	}
	return StepFieldInfo{}, false
}

// StepFieldLabel names a step field for people; a name it does not know (a
// damaged or future file) is returned as it is, so a screen never shows an
// empty label.
func StepFieldLabel(name string, l Lang) string {
	if f, ok := LookupStepField(name); ok {
		return f.Label(l)
	}
	return name
}

// VolunteerStep is the step as a volunteer may have it: every field that
// does not go to a volunteer is emptied, so nothing reads it by mistake (a
// BSN check, a summary) after the step left the case.
func VolunteerStep(s Step) (Step, error) {
	for _, e := range stepRegistry {
		if e.info().GoesToVolunteer() {
			continue
		}
		if err := e.set(&s, e.get(Step{})); err != nil {
			return s, inField(e.name, err)
		}
	}
	return s, nil
}

// StepFieldsWhere lists the stored names of the step fields for which keep
// is true, in the order of StepColumns: the order of every exchange file.
func StepFieldsWhere(keep func(StepFieldInfo) bool) []string {
	var out []string
	for _, f := range stepInfos {
		if keep(f) {
			out = append(out, f.Name)
		}
	}
	return out
}
