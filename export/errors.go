package export

import (
	"errors"
	"fmt"
	"strings"

	"houvast/actionlist"
)

// Problem is why a file was refused.
type Problem int

const (
	NotHouvast         Problem = iota + 1 // not a file Houvast wrote
	IsDatabase                            // a Houvast database, not an exchange file
	Empty                                 // zero bytes
	Damaged                               // the right kind of file, but broken
	Truncated                             // stops too early
	NewerVersion                          // made by a newer Houvast
	UnknownVersion                        // a version that never existed
	TooLarge                              // larger than MaxFileSize
	WrongPassphrase                       // the passphrase does not open it, or a byte changed
	NeedPassphrase                        // encrypted, and no passphrase was given
	ShortPassphrase                       // too short to encrypt with
	PassphraseMismatch                    // the two typed passphrases differ
	NotAllowed                            // a field that must not be in this kind of file
	WrongKind                             // a valid file of another kind than asked for
	Invalid                               // whole and readable, but holding what Houvast must not take (Flaw says what)
)

// FileError says why a file was refused. Whatever the problem, nothing was
// changed: parsing happens before anything is written.
type FileError struct {
	Problem Problem
	Detail  string // for the log and for Damaged/NotAllowed: what exactly; NotHouvast: what it seems to be (a key of text.Seems)
	Found   int    // NewerVersion, UnknownVersion: the version in the file
	Kind    Kind   // WrongKind: what the file is
	Want    Kind   // WrongKind: what was asked for
	Err     error  // the underlying error, if any
	Flaw    *Flaw  // Invalid: what is wrong, and where
}

func (e *FileError) Error() string {
	msg := problemNames[e.Problem]
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *FileError) Unwrap() error { return e.Err }

var problemNames = map[Problem]string{
	NotHouvast:         "not a Houvast file",
	IsDatabase:         "a Houvast database, not an exchange file",
	Empty:              "the file is empty",
	Damaged:            "the file is damaged",
	Truncated:          "the file is truncated",
	NewerVersion:       "made by a newer Houvast",
	UnknownVersion:     "unknown version",
	TooLarge:           "the file is too large",
	WrongPassphrase:    "wrong passphrase, or the file was changed",
	NeedPassphrase:     "the file is encrypted",
	ShortPassphrase:    "the passphrase is too short",
	PassphraseMismatch: "the passphrases differ",
	NotAllowed:         "a field that does not belong in this file",
	WrongKind:          "another kind of file",
	Invalid:            "the file holds what Houvast cannot take",
}

func refuse(p Problem, detail string, err error) *FileError {
	return &FileError{Problem: p, Detail: detail, Err: err}
}

// Where says where in a case a piece of text sits, for a sentence that
// helps the specialist find it.
type Where struct {
	What  WhereKind
	Title string // the step's title, when it is about a step
	Case  string // a caseload: the reference of the case
}

type WhereKind int

const (
	InStep WhereKind = iota + 1
	InStepNote
	InStepHistory
	InCase
	InAgreement
	InPeople
	InAppointment
	InDebt // Title is the creditor
)

// Finding is a number that looks like a BSN, and where it is.
type Finding struct {
	Where  Where
	Number string
}

// BSNError refuses to write a file holding something that looks like a
// BSN. The specialist removes it, or confirms it is none (AllowBSN). On
// import (Reading), the file is not taken until they confirm.
type BSNError struct {
	Findings []Finding
	Reading  bool
}

func (e *BSNError) Error() string {
	parts := make([]string, len(e.Findings))
	for i, f := range e.Findings {
		parts[i] = fmt.Sprintf("%v %q: %s", f.Where.What, f.Where.Title, mask(f.Number))
	}
	return "text that looks like a BSN: " + strings.Join(parts, "; ")
}

// mask shows only the last three digits: enough to find the number, not
// enough to repeat it on a screen someone else may see.
func mask(n string) string {
	digits := 0
	var b strings.Builder
	for _, r := range n {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	seen := 0
	for _, r := range n {
		if r >= '0' && r <= '9' {
			seen++
			if seen <= digits-3 {
				b.WriteByte('*')
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Sentence is what a caseworker reads for an error of this package, in the
// language of the screens; "" for errors this package did not make.
func Sentence(err error, l actionlist.Lang) string {
	t := texts(l)
	var be *BSNError
	if errors.As(err, &be) && len(be.Findings) > 0 {
		f := be.Findings[0]
		if be.Reading {
			return fmt.Sprintf(t.ErrBSNImport, whereText(f.Where, t), mask(f.Number))
		}
		return fmt.Sprintf(t.ErrBSN, whereText(f.Where, t), mask(f.Number))
	}
	var fe *FileError
	if !errors.As(err, &fe) {
		return ""
	}
	switch fe.Problem {
	case NotHouvast:
		seems := ""
		if w := t.Seems[fe.Detail]; w != "" {
			seems = " (" + w + ")"
		}
		return fmt.Sprintf(t.ErrNotHouvast, seems)
	case IsDatabase:
		return t.ErrDatabase
	case Empty:
		return t.ErrEmpty
	case Damaged:
		return fmt.Sprintf(t.ErrDamaged, fe.Detail)
	case Truncated:
		return t.ErrTruncated
	case NewerVersion:
		return fmt.Sprintf(t.ErrNewer, fe.Found, Version)
	case UnknownVersion:
		return fmt.Sprintf(t.ErrOlder, fe.Found)
	case TooLarge:
		return fmt.Sprintf(t.ErrTooLarge, MaxFileSize>>20)
	case WrongPassphrase:
		return t.ErrWrongPass
	case NeedPassphrase:
		return t.ErrNeedPass
	case ShortPassphrase:
		return fmt.Sprintf(t.ErrShortPass, MinPassphrase)
	case PassphraseMismatch:
		return t.ErrPassMismatch
	case NotAllowed:
		return fmt.Sprintf(t.ErrNotAllowed, fe.Detail)
	case WrongKind:
		return fmt.Sprintf(t.ErrWrongKind, kindText(fe.Kind, t), kindText(fe.Want, t))
	case Invalid:
		if fe.Flaw != nil {
			return flawSentence(fe, t, l)
		}
	}
	return ""
}

// whereText names where a finding is; a title is masked like the number,
// since a title can hold the very BSN the sentence is about.
// BSNFound says where a finding of a *BSNError is, without what to do:
// for a front-end that asks the question itself. It is "" for any other
// error.
func BSNFound(err error, l actionlist.Lang) string {
	var be *BSNError
	if !errors.As(err, &be) || len(be.Findings) == 0 {
		return ""
	}
	t := texts(l)
	f := be.Findings[0]
	return fmt.Sprintf(t.BSNFound, whereText(f.Where, t), mask(f.Number))
}

func whereText(w Where, t *text) string {
	w.Title = actionlist.ShownText(w.Title)
	if w.Case != "" {
		ref := actionlist.ShownText(w.Case)
		w.Case = ""
		return fmt.Sprintf(t.WhereInCase, whereText(w, t), ref)
	}
	switch w.What {
	case InStep:
		return fmt.Sprintf(t.WhereStep, w.Title)
	case InStepNote:
		return fmt.Sprintf(t.WhereStepNote, w.Title)
	case InStepHistory:
		return fmt.Sprintf(t.WhereHistory, w.Title)
	case InAgreement:
		return t.WhereAgreement
	case InPeople:
		return t.WherePeople
	case InAppointment:
		return t.WhereAppt
	case InDebt:
		return fmt.Sprintf(t.WhereDebt, w.Title)
	}
	return t.WhereCase
}

func kindText(k Kind, t *text) string {
	switch k {
	case KindVolunteer:
		return t.KindVolunteer
	case KindReturn:
		return t.KindReturn
	case KindCaseload:
		return t.KindCaseload
	}
	return t.KindCase
}
