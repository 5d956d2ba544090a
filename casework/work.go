package casework

import (
	"context"
	"errors"
	"time"

	"houvast/actionlist"
	"houvast/store"
)

// Work is an open database with the settings of the run: what every use
// case starts from.
type Work struct {
	Store    *store.Store
	Settings Settings
	// Now is the clock; tests fix it.
	Now func() time.Time
}

// Open opens the database for use cases that may change it; a database that
// does not exist yet is made (private, in a private folder).
func Open(ctx context.Context, s Settings) (*Work, error) {
	st, err := store.Open(ctx, s.DB)
	if err != nil {
		return nil, &DatabaseError{Path: s.DB, Err: err}
	}
	return &Work{Store: st, Settings: s, Now: time.Now}, nil
}

// OpenExisting opens the database for use cases that only read, and for
// those that must not start a new database by accident (export, import,
// erase): a missing file is store.ErrNoDatabase, and nothing is created.
func OpenExisting(ctx context.Context, s Settings) (*Work, error) {
	st, err := store.OpenExisting(ctx, s.DB)
	if err != nil {
		return nil, &DatabaseError{Path: s.DB, Err: err}
	}
	return &Work{Store: st, Settings: s, Now: time.Now}, nil
}

// Close closes the database.
func (w *Work) Close() error { return w.Store.Close() }

// Today is the date of the run's clock.
func (w *Work) Today() actionlist.Date { return actionlist.DateOf(w.Now()) }

// Refusal is a use case saying no: nothing was changed, and the kind says
// why. Sentence turns it into words.
type Refusal struct {
	Kind     RefusalKind
	Ref      string // the case's reference, as the user typed it or the file names it
	LocalRef string // the reference of the same case on this laptop
	Name     string // the resident's name, or the volunteer's for NoVolunteerSteps
	Path     string
	Count    int
	Err      error // NoFile: what the system said
}

// RefusalKind is why a use case refused.
type RefusalKind int

const (
	NoCase           RefusalKind = iota + 1 // no case with that reference
	IsCopy                                  // a volunteer's copy: only part of the case
	NotCopy                                 // a return file is made from a volunteer's copy only
	NoVolunteerSteps                        // nothing in the case for a volunteer (of that name)
	NothingToReturn                         // the volunteer has not changed anything yet
	CaseExists                              // the case of a case file is here already
	HistoryExists                           // part of the file's history is here already
	PackageCaseHere                         // the package's case is here, and not as a copy
	ReturnUnknown                           // the return file's case is not on this laptop
	ReturnIntoCopy                          // a return file merged into a volunteer's copy
	NotClosed                               // only a closed case can be erased
	BackupExists                            // a backup is never written over a file
	DemoExists                              // the demo makes a new database only
	SeedNotEmpty                            // seed fills an empty database only
	NoFile                                  // the file to read cannot be opened
	NeedsLock                               // a file with a resident's data leaves locked, or knowingly plain
	NoCasesChosen                           // a caseload export found no case to hand over
	BadStatus                               // a caseload export asked for a status that does not exist
)

func (r *Refusal) Error() string {
	return map[RefusalKind]string{
		NoCase: "no such case", IsCopy: "a volunteer's copy", NotCopy: "not a volunteer's copy",
		NoVolunteerSteps: "no steps for a volunteer", NothingToReturn: "nothing to return",
		CaseExists: "the case is here already", HistoryExists: "the history is here already",
		PackageCaseHere: "the case is here, not as a copy", ReturnUnknown: "the case of the return file is not here",
		ReturnIntoCopy: "a return file into a volunteer's copy", NotClosed: "the case is not closed",
		BackupExists: "the backup file exists", DemoExists: "the demo database exists",
		SeedNotEmpty: "the database holds cases", NoFile: "cannot open the file",
		NeedsLock: "a file with a resident's data needs a lock or --plain", NoCasesChosen: "no cases to hand over",
		BadStatus: "no such status",
	}[r.Kind] + " (" + r.Ref + r.Path + ")"
}

// IsRefusal reports whether err is a refusal of that kind.
func IsRefusal(err error, k RefusalKind) bool {
	var r *Refusal
	return errors.As(err, &r) && r.Kind == k
}

// FindCase reads the case with a reference; NoCase when there is none.
func (w *Work) FindCase(ctx context.Context, ref string) (string, error) {
	id, err := w.Store.CaseIDByRef(ctx, ref)
	if errors.Is(err, store.ErrNotFound) {
		return "", &Refusal{Kind: NoCase, Ref: ref}
	}
	return id, err
}

// SetCaseLanguage sets the resident's language of the case with a
// reference: the language its summary is written in. The steps stay as
// they are, in the caseworker's words.
func (w *Work) SetCaseLanguage(ctx context.Context, ref string, l actionlist.CaseLang, actor actionlist.Actor) (actionlist.Case, error) {
	if !l.Valid() {
		return actionlist.Case{}, &actionlist.InvalidError{Field: "language", Value: string(l)}
	}
	id, err := w.FindCase(ctx, ref)
	if err != nil {
		return actionlist.Case{}, err
	}
	before, err := w.Store.Case(ctx, id)
	if err != nil {
		return actionlist.Case{}, err
	}
	after := before
	after.Language = l
	return w.Store.UpdateCase(ctx, actor, before, after)
}

// refuseCopy stops what must be made from the specialist's whole case (a
// summary, a volunteer package) when the case is a volunteer's copy, which
// holds only part of it.
func (w *Work) refuseCopy(ctx context.Context, c actionlist.Case) error {
	_, isCopy, err := w.Store.VolunteerOriginOf(ctx, c.ID)
	if err != nil {
		return err
	}
	if isCopy {
		return &Refusal{Kind: IsCopy, Ref: c.Ref}
	}
	return nil
}
