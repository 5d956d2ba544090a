package casework

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"houvast/actionlist"
	"houvast/export"
	"houvast/store"
)

// DatabaseError is an error about the database file of the run, with its
// path, so the sentence can name it.
type DatabaseError struct {
	Path string
	Err  error
}

func (e *DatabaseError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *DatabaseError) Unwrap() error { return e.Err }

// RestoreError is a restore that did not happen; Err's *store.FileError
// names which of the two files is at fault.
type RestoreError struct {
	DB, Src string
	Err     error
}

func (e *RestoreError) Error() string { return "restore " + e.Src + ": " + e.Err.Error() }
func (e *RestoreError) Unwrap() error { return e.Err }

// Sentence is what a caseworker reads for an error of the use cases, the
// store or the export package: what happened and what to do, in a language.
// It is "" for an error none of them made; the front-end then shows the
// error as it is.
func Sentence(err error, l actionlist.Lang) string {
	if err == nil {
		return ""
	}
	t := texts(l)
	if s := export.Sentence(err, l); s != "" {
		return s
	}
	if s := signalSentence(err, l); s != "" {
		return s
	}
	var re *RestoreError
	if errors.As(err, &re) {
		return restoreSentence(re, t)
	}
	var r *Refusal
	if errors.As(err, &r) {
		return refusalSentence(r, t)
	}
	var oe *OutputError
	if errors.As(err, &oe) {
		switch oe.Problem {
		case OutputIsDatabase:
			return fmt.Sprintf(t.OutputDatabase, cleanPath(oe.Path))
		case OutputIsCompanion:
			return fmt.Sprintf(t.OutputCompanion, cleanPath(oe.Path))
		case OutputIsSQLite:
			return fmt.Sprintf(t.OutputSQLite, cleanPath(oe.Path))
		case OutputIsFolder:
			return fmt.Sprintf(t.OutputFolder, cleanPath(oe.Path), cleanPath(oe.Example))
		case OutputFailed:
			return fmt.Sprintf(t.OutputFailed, cleanPath(oe.Path), oe.Err)
		}
	}
	var se *SettingError
	if errors.As(err, &se) {
		switch se.Name {
		case "--lang":
			return fmt.Sprintf(t.BadLang, se.Value)
		case EnvLang:
			return fmt.Sprintf(t.BadLangEnv, se.Name, se.Value)
		case "--role":
			return fmt.Sprintf(t.BadRole, se.Value)
		case EnvRetention:
			return fmt.Sprintf(t.BadRetention, se.Value)
		case EnvSignalRetention:
			return fmt.Sprintf(signalTexts(l).BadSignalRetention, se.Value)
		case EnvStart:
			return fmt.Sprintf(t.BadStart, se.Value)
		}
	}
	var ce *store.ConflictError
	if errors.As(err, &ce) {
		fields := make([]string, 0, len(ce.Conflicts))
		for _, c := range ce.Conflicts {
			fields = append(fields, actionlist.FieldLabel(ce.Entity, c.Field, l))
		}
		return fmt.Sprintf(t.Conflict, strings.Join(fields, ", "))
	}
	var le *actionlist.LimitError
	if errors.As(err, &le) {
		return fmt.Sprintf(t.TooLong, limitedField(le.Field, l), le.Limit, le.Got)
	}
	var ae *actionlist.AmountError
	if errors.As(err, &ae) {
		switch ae.Problem {
		case actionlist.AmountNegative:
			return t.AmountNegative
		case actionlist.AmountTooLarge:
			return t.AmountTooLarge
		}
		return t.AmountUnread
	}
	path := ""
	var de *DatabaseError
	if errors.As(err, &de) {
		path = cleanPath(de.Path)
	}
	switch {
	case errors.Is(err, store.ErrReplaced):
		return t.Replaced
	case errors.Is(err, store.ErrBusy), errors.Is(err, context.DeadlineExceeded):
		return t.Busy
	case errors.Is(err, store.ErrNoDatabase):
		return fmt.Sprintf(t.NoDatabase, path, path)
	case errors.Is(err, store.ErrEmptyFile):
		return fmt.Sprintf(t.EmptyFile, path)
	case errors.Is(err, store.ErrTruncated):
		return fmt.Sprintf(t.Truncated, path)
	case errors.Is(err, store.ErrDamaged) && path == "":
		return t.DamagedNow
	case errors.Is(err, store.ErrDamaged):
		return fmt.Sprintf(t.Damaged, path)
	case errors.Is(err, store.ErrNewerSchema):
		return fmt.Sprintf(t.Newer, path)
	case errors.Is(err, store.ErrNotHouvast):
		return fmt.Sprintf(t.NotHouvast, path)
	}
	return ""
}

// limitedField names the field of a LimitError, which does not say whose
// field it is: a step's when the step has one by that name, else a case's,
// else a debt's.
func limitedField(name string, l actionlist.Lang) string {
	if _, ok := actionlist.LookupStepField(name); ok {
		return actionlist.StepFieldLabel(name, l)
	}
	if s := actionlist.FieldLabel(actionlist.EntityCase, name, l); s != name {
		return s
	}
	return actionlist.FieldLabel(actionlist.EntityDebt, name, l)
}

func refusalSentence(r *Refusal, t *text) string {
	ref, local, name, path := clean(r.Ref), clean(r.LocalRef), clean(r.Name), cleanPath(r.Path)
	switch r.Kind {
	case NoCase:
		return fmt.Sprintf(t.NoCase, ref)
	case IsCopy:
		return fmt.Sprintf(t.IsCopy, ref)
	case NotCopy:
		return fmt.Sprintf(t.NotCopy, ref)
	case NothingToReturn:
		return fmt.Sprintf(t.NothingToReturn, ref)
	case ReturnUnknown:
		return fmt.Sprintf(t.ReturnUnknown, ref)
	case ReturnIntoCopy:
		return fmt.Sprintf(t.ReturnIntoCopy, ref)
	case NoVolunteerSteps:
		who := ""
		if name != "" {
			who = fmt.Sprintf(t.ForWhom, name)
		}
		return fmt.Sprintf(t.NoVolunteerSteps, ref, who)
	case CaseExists:
		return fmt.Sprintf(t.CaseExists, ref, local)
	case PackageCaseHere:
		return fmt.Sprintf(t.PackageCaseHere, ref, local)
	case HistoryExists:
		return t.HistoryExists
	case NotClosed:
		return fmt.Sprintf(t.NotClosed, ref, name)
	case BackupExists:
		return fmt.Sprintf(t.BackupExists, path)
	case DemoExists:
		return fmt.Sprintf(t.DemoExists, path)
	case SeedNotEmpty:
		return fmt.Sprintf(t.SeedNotEmpty, path, r.Count)
	case NoFile:
		return fmt.Sprintf(t.NoFile, path, r.Err)
	case NeedsLock:
		return t.NeedsLock
	case NoCasesChosen:
		if r.Count > 0 {
			return fmt.Sprintf(t.NoCasesButCopies, r.Count)
		}
		return t.NoCasesChosen
	case BadStatus:
		return fmt.Sprintf(t.BadStatus, name)
	}
	return ""
}

// restoreSentence says what went wrong with which of the two files.
func restoreSentence(re *RestoreError, t *text) string {
	db, src := cleanPath(re.DB), cleanPath(re.Src)
	var fe *store.FileError
	if !errors.As(re.Err, &fe) {
		return fmt.Sprintf(t.RestoreOther, src, re.Err)
	}
	err := re.Err
	if fe.Path == re.DB {
		switch {
		case errors.Is(err, store.ErrInUse):
			return fmt.Sprintf(t.RestoreInUse, db)
		case errors.Is(err, store.ErrNotHouvast), errors.Is(err, store.ErrEmptyFile):
			return fmt.Sprintf(t.RestoreForeign, db)
		}
		return fmt.Sprintf(t.RestoreOther, src, fe.Err)
	}
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Sprintf(t.RestoreMissing, src)
	case errors.Is(err, store.ErrEmptyFile), errors.Is(err, store.ErrNotHouvast):
		return fmt.Sprintf(t.RestoreNotHouvast, src)
	case errors.Is(err, store.ErrNewerSchema):
		return fmt.Sprintf(t.RestoreNewer, src)
	case errors.Is(err, store.ErrTruncated), errors.Is(err, store.ErrDamaged):
		return fmt.Sprintf(t.RestoreDamaged, src)
	case errors.Is(err, store.ErrInUse):
		return fmt.Sprintf(t.RestoreSourceOpen, src, src)
	}
	return fmt.Sprintf(t.RestoreOther, src, fe.Err)
}

// clean and cleanPath say a text and a file's name safely (see
// actionlist.ShownText and ShownPath).
var clean, cleanPath = actionlist.ShownText, actionlist.ShownPath

// ProblemSentence words one problem `houvast check` found, in a language.
func ProblemSentence(p store.Problem, l actionlist.Lang) string {
	t := texts(l)
	switch p.Kind {
	case store.ProblemPage:
		return fmt.Sprintf(t.CheckPage, p.Detail)
	case store.ProblemLink:
		return fmt.Sprintf(t.CheckLink, tableWords(t, p.Table), tableWords(t, p.Parent))
	case store.ProblemValue:
		switch {
		case p.Step != "":
			return fmt.Sprintf(t.CheckStep, clean(p.Ref), clean(p.Step), valueProblem(p.Err, actionlist.EntityStep, t, l))
		case p.Debt != "":
			return fmt.Sprintf(t.CheckDebt, clean(p.Ref), clean(p.Debt), valueProblem(p.Err, actionlist.EntityDebt, t, l))
		}
		return fmt.Sprintf(t.CheckCase, clean(p.Ref), valueProblem(p.Err, actionlist.EntityCase, t, l))
	case store.ProblemSignal:
		if p.Partner == "" {
			return fmt.Sprintf(t.CheckSignals, valueProblem(p.Err, actionlist.EntityCase, t, l))
		}
		return fmt.Sprintf(t.CheckSignal, actionlist.SignalLabel(p.Partner, l), p.On.String(), valueProblem(p.Err, actionlist.EntityCase, t, l))
	}
	return p.String()
}

// valueProblem says what is wrong with a stored value of an entity.
func valueProblem(err error, e actionlist.Entity, t *text, l actionlist.Lang) string {
	field := func(name string) string { return actionlist.FieldLabel(e, name, l) }
	var le *actionlist.LimitError
	if errors.As(err, &le) {
		return fmt.Sprintf(t.CheckTooLong, field(le.Field), le.Got, le.Limit)
	}
	var ve *actionlist.ValueError
	if errors.As(err, &ve) {
		if ve.Want == actionlist.ValueCode {
			return fmt.Sprintf(t.CheckUnknown, field(ve.Field), clean(ve.Value))
		}
		return fmt.Sprintf(t.CheckUnreadableValue, field(ve.Field), clean(ve.Value))
	}
	var ie *actionlist.InvalidError
	if errors.As(err, &ie) {
		if ie.Value == "" {
			return fmt.Sprintf(t.CheckEmpty, field(ie.Field))
		}
		return fmt.Sprintf(t.CheckUnknown, field(ie.Field), clean(ie.Value))
	}
	return fmt.Sprintf(t.CheckUnreadable, err)
}

func tableWords(t *text, table string) string {
	if w, ok := t.Tables[table]; ok {
		return w
	}
	return table
}
