package export

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"houvast/actionlist"
)

// A file can be whole, valid JSON of the right shape, and still hold what
// Houvast must not take: a state that does not exist, a date that does not
// read, a text over its limit, a change to a step that never was, events
// that contradict each other. Such a file is refused whole (Problem
// Invalid), and the Flaw says what is wrong in words a caseworker can pass
// on to whoever made the file.

// FlawKind is what is wrong.
type FlawKind int

const (
	FlawValue          FlawKind = iota + 1 // a value its field cannot hold (Want says what it should be)
	FlawTooLong                            // a text over its limit
	FlawEmpty                              // a value that must be there (a step's title)
	FlawUnknownField                       // a change to a field Houvast does not know
	FlawUnknownStep                        // a change to a step that was never in the case
	FlawStepTwice                          // a step added that was there already
	FlawAfterRemoved                       // a step changed after it was removed
	FlawDoneUnrecorded                     // a step done without the day or who did it
	FlawWaitsForNone                       // a step waits for a step the file does not have
)

// Flaw is one thing wrong inside a file, and where.
type Flaw struct {
	Kind   FlawKind
	Entity actionlist.Entity // what the value belongs to
	Case   string            // a caseload file: the reference of the case in it
	Title  string            // the step's title, when known
	Change int               // a return file: which change (from 1), when the title is not known
	Field  string            // the stored name
	Value  string
	Want   actionlist.ValueKind
	Limit  int
	Got    int
}

// invalid refuses a file for a flaw.
func invalid(f Flaw) *FileError {
	return &FileError{Problem: Invalid, Flaw: &f, Detail: f.String()}
}

// String is the flaw for a log, in English.
func (f Flaw) String() string {
	s := map[FlawKind]string{
		FlawValue: "a value its field cannot hold", FlawTooLong: "a text too long", FlawEmpty: "an empty value",
		FlawUnknownField: "an unknown field", FlawUnknownStep: "a step that was never in the case",
		FlawStepTwice: "a step added twice", FlawAfterRemoved: "a step changed after it was removed",
		FlawDoneUnrecorded: "a step done without its date or name", FlawWaitsForNone: "a step waits for a step that is not there",
	}[f.Kind]
	if f.Field != "" {
		s += " (" + f.Field + ")"
	}
	return s
}

// flawOf turns what actionlist said about a value into a flaw; ok is false
// for an error it did not make.
func flawOf(entity actionlist.Entity, title string, err error) (Flaw, bool) {
	f := Flaw{Entity: entity, Title: title}
	var ve *actionlist.ValueError
	var le *actionlist.LimitError
	var ie *actionlist.InvalidError
	switch {
	case errors.As(err, &ve):
		f.Kind, f.Field, f.Value, f.Want = FlawValue, ve.Field, ve.Value, ve.Want
	case errors.As(err, &le):
		f.Kind, f.Field, f.Limit, f.Got = FlawTooLong, le.Field, le.Limit, le.Got
	case errors.As(err, &ie) && ie.Value == "":
		f.Kind, f.Field = FlawEmpty, ie.Field
	case errors.As(err, &ie):
		f.Kind, f.Field, f.Value, f.Want = FlawValue, ie.Field, ie.Value, actionlist.ValueCode
	default:
		return f, false
	}
	return f, true
}

// refuseValue refuses a file for a value error of an entity: a Flaw when
// actionlist named it, else damage with the detail.
func refuseValue(entity actionlist.Entity, title, what string, err error) *FileError {
	if f, ok := flawOf(entity, title, err); ok {
		return invalid(f)
	}
	return refuse(Damaged, what+": "+err.Error(), nil)
}

// stepState is what a return file says of one step, change by change.
type stepState struct {
	title   string
	created bool
	removed bool
	touched map[string]string // group fields the file changes, and their last value
	snap    *actionlist.Step  // a step the file adds: its whole state
	last    int               // the change that last touched it
}

// checkReturnEvents checks the volunteer's changes of a return file, whole,
// before anything is merged: every value fits its field and every field
// travels, a step is added once and not changed after it is removed, and a
// step the file marks done carries its date and name.
func checkReturnEvents(evs []actionlist.Event) error {
	steps := map[string]*stepState{}
	var order []string
	for i, e := range evs {
		n := i + 1
		st := steps[e.EntityID]
		if st == nil {
			st = &stepState{touched: map[string]string{}}
			steps[e.EntityID] = st
			order = append(order, e.EntityID)
		}
		where := Flaw{Entity: actionlist.EntityStep, Title: st.title, Change: n}
		if st.removed {
			where.Kind = FlawAfterRemoved
			return invalid(where)
		}
		switch e.Action {
		case actionlist.ActionCreated:
			s, err := actionlist.StepFromSnapshot(e.New)
			if err != nil {
				return refuseValue(actionlist.EntityStep, "", fmt.Sprintf("change %d", n), err)
			}
			if s.ID != e.EntityID {
				return refuse(Damaged, fmt.Sprintf("change %d adds a step under another ID", n), nil)
			}
			if err := s.Validate(); err != nil {
				return refuseValue(actionlist.EntityStep, s.Title, fmt.Sprintf("change %d", n), err)
			}
			if st.created || st.last > 0 {
				where.Kind, where.Title = FlawStepTwice, s.Title
				return invalid(where)
			}
			st.created, st.title, st.snap = true, s.Title, &s
		case actionlist.ActionDeleted:
			if e.Old != "" {
				if s, err := actionlist.StepFromSnapshot(e.Old); err == nil && st.title == "" {
					st.title = s.Title
				}
			}
			st.removed = true
		case actionlist.ActionChanged:
			info, ok := actionlist.LookupStepField(e.Field)
			if !ok || e.Field == "id" {
				where.Kind, where.Field = FlawUnknownField, e.Field
				return invalid(where)
			}
			if !info.GoesToVolunteer() {
				// A volunteer never had this field, so never changed it.
				return refuse(NotAllowed, e.Field, nil)
			}
			for _, v := range []string{e.Old, e.New} {
				if err := actionlist.CheckStepValue(e.Field, v); err != nil {
					f, _ := flawOf(actionlist.EntityStep, st.title, err)
					f.Change = n
					if f.Kind == 0 {
						f.Kind, f.Field, f.Value = FlawValue, e.Field, v
					}
					return invalid(f)
				}
			}
			if st.snap != nil {
				_ = actionlist.SetStepField(st.snap, e.Field, e.New) // checked above
				st.title = st.snap.Title
			}
			if info.Merge != actionlist.MergeAlone {
				st.touched[e.Field] = e.New
			}
		}
		st.last = n
	}
	for _, id := range order {
		st := steps[id]
		if st.removed {
			continue
		}
		if st.doneUnrecorded() {
			return invalid(Flaw{Kind: FlawDoneUnrecorded, Entity: actionlist.EntityStep, Title: st.title, Change: st.last})
		}
	}
	return nil
}

// doneUnrecorded is true when the file leaves the step done without the
// day or the name: a step it adds is judged whole; for another step, a
// file that makes it done also says when and by whom, because a tick-off
// records all three and anything that undoes one clears the other two.
func (st *stepState) doneUnrecorded() bool {
	if st.snap != nil {
		return st.snap.DoneWithoutRecord()
	}
	status, ok := st.touched["status"]
	if !ok || status != string(actionlist.StepDone) {
		return false
	}
	return st.touched["done_on"] == "" || st.touched["done_by"] == ""
}

// short keeps a value quoted in a sentence to a line.
func short(s string) string {
	s = actionlist.ShownText(s)
	if utf8.RuneCountInString(s) > 60 {
		r := []rune(s)
		s = string(r[:59]) + "…"
	}
	return s
}

// flawSentence says what is wrong in a file, in a language.
func flawSentence(fe *FileError, t *text, l actionlist.Lang) string {
	f := fe.Flaw
	where := t.FlawChange
	var subject string
	switch {
	case f.Entity == actionlist.EntityCase:
		subject = t.FlawCase
	case f.Entity == actionlist.EntityAgreement:
		subject = t.FlawAgreement
	case f.Entity == actionlist.EntityDebt:
		subject = fmt.Sprintf(t.FlawDebt, short(f.Title))
	case f.Title != "":
		subject = fmt.Sprintf(t.FlawStep, short(f.Title))
	case f.Change > 0:
		subject = fmt.Sprintf(where, f.Change)
	default:
		subject = t.FlawAStep
	}
	if f.Case != "" {
		subject = fmt.Sprintf(t.FlawInCase, short(f.Case), subject)
	}
	label := actionlist.FieldLabel(f.Entity, f.Field, l)
	var what string
	switch f.Kind {
	case FlawValue:
		format := map[actionlist.ValueKind]string{
			actionlist.ValueDate: t.FlawDate, actionlist.ValueTime: t.FlawTime,
			actionlist.ValueNumber: t.FlawNumber, actionlist.ValueJSON: t.FlawJSON,
		}[f.Want]
		if format == "" {
			format = t.FlawCode
		}
		what = fmt.Sprintf(format, subject, label, short(f.Value))
	case FlawTooLong:
		what = fmt.Sprintf(t.FlawTooLong, subject, label, f.Got, f.Limit)
	case FlawEmpty:
		what = fmt.Sprintf(t.FlawEmpty, subject, label)
	case FlawUnknownField:
		what = fmt.Sprintf(t.FlawField, subject, short(f.Field))
	case FlawUnknownStep:
		what = fmt.Sprintf(t.FlawNeverThere, subject)
	case FlawStepTwice:
		what = fmt.Sprintf(t.FlawTwice, subject)
	case FlawAfterRemoved:
		what = fmt.Sprintf(t.FlawRemoved, subject)
	case FlawDoneUnrecorded:
		what = fmt.Sprintf(t.FlawUndated, subject)
	case FlawWaitsForNone:
		what = fmt.Sprintf(t.FlawWaitsFor, subject)
	}
	advice := t.AskNewFile
	if fe.Kind == KindReturn {
		advice = t.AskNewReturn
	}
	return fmt.Sprintf(t.ErrInvalid, fileText(fe.Kind, t), what, advice)
}

// fileText is "this return file" and the like, to start a sentence.
func fileText(k Kind, t *text) string {
	switch k {
	case KindReturn:
		return t.ThisReturn
	case KindVolunteer:
		return t.ThisPackage
	case KindCaseload:
		return t.ThisCaseload
	case KindCase:
		return t.ThisCase
	}
	return t.ThisFile
}

// checkWaits refuses a package whose step waits for a step it does not
// hold: a package only ever names its own steps there.
func checkWaits(steps []actionlist.Step) error {
	in := make(map[string]bool, len(steps))
	for _, s := range steps {
		in[s.ID] = true
	}
	for _, s := range steps {
		for _, d := range s.DependsOn {
			if !in[d] {
				return invalid(Flaw{Kind: FlawWaitsForNone, Entity: actionlist.EntityStep, Title: s.Title, Field: "depends_on", Value: d})
			}
		}
	}
	return nil
}
