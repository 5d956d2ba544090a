package casework

import (
	"context"
	"errors"
	"io"

	"houvast/actionlist"
	"houvast/export"
	"houvast/store"
)

// Lock is the passphrase a file is encrypted with (age); empty writes it
// plain.
type Lock string

// ExportRequest is what every export is asked: which case, where to, and how.
type ExportRequest struct {
	Ref      string
	Path     string    // the file; "" writes to Out
	Out      io.Writer // standard output, when Path is ""
	Lock     Lock
	Plain    bool // written without a lock, knowingly (--plain)
	AllowBSN bool // the specialist checked that what looks like a BSN is none
}

// mustLock is the rule for the files that carry a resident's data away
// from the laptop (a case file, a volunteer package, a return file, a
// caseload file): locked unless the user chose plain. A summary is the
// resident's own and stays plain.
func (r ExportRequest) mustLock() error {
	if r.Lock == "" && !r.Plain {
		return &Refusal{Kind: NeedsLock, Ref: r.Ref}
	}
	return nil
}

// Exported says what an export wrote.
type Exported struct {
	Path    string // "" when written to Out
	Ref     string
	Steps   int    // a volunteer package: the steps in it
	Changes int    // a return file: the volunteer's changes in it, as a person counts them
	Cases   int    // a caseload file: the cases in it
	Copies  int    // a caseload file: volunteers' copies left out
	To      string // a return file: who to send it to ("" when the package named nobody)
}

// bytesOut writes a file made whole.
func bytesOut(data []byte) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}

// deliver encrypts when asked and writes to path (checked, whole or not at
// all, private) or to out.
func (w *Work) deliver(path string, out io.Writer, name string, lock Lock, write func(io.Writer) error) error {
	if lock != "" {
		plain := write
		write = func(dst io.Writer) error {
			locked, err := export.EncryptTo(dst, string(lock))
			if err != nil {
				return err
			}
			if err := plain(locked); err != nil {
				return err
			}
			return locked.Close()
		}
	}
	if path == "" {
		return write(out)
	}
	return WriteOutput(path, w.Settings.DB, name, write)
}

// readCase finds and reads the case of a request; with its history only
// for the file that carries it.
func (w *Work) readCase(ctx context.Context, ref string, withEvents bool) (actionlist.Case, []actionlist.Event, error) {
	id, err := w.FindCase(ctx, ref)
	if err != nil {
		return actionlist.Case{}, nil, err
	}
	if withEvents {
		return w.Store.CaseWithEvents(ctx, id)
	}
	c, err := w.Store.Case(ctx, id)
	return c, nil, err
}

// lockedCase begins an export of a file that carries a resident's data:
// the output is one that may be written, the file will be locked (or
// --plain was chosen), and then the case is read, with its history when
// the file carries it.
func (w *Work) lockedCase(ctx context.Context, r ExportRequest, name string, withEvents bool) (actionlist.Case, []actionlist.Event, error) {
	if err := CheckOutput(r.Path, w.Settings.DB, name); err != nil {
		return actionlist.Case{}, nil, err
	}
	if err := r.mustLock(); err != nil {
		return actionlist.Case{}, nil, err
	}
	return w.readCase(ctx, r.Ref, withEvents)
}

// ExportSummary writes the resident's summary of the request's case.
func (w *Work) ExportSummary(ctx context.Context, r ExportRequest, f export.Format, pages export.Pages) (Exported, error) {
	c, _, err := w.readCase(ctx, r.Ref, false)
	if err != nil {
		return Exported{}, err
	}
	err = w.WriteSummary(ctx, c, SummaryRequest{Format: f, Path: r.Path, Out: r.Out, AllowBSN: r.AllowBSN, Lock: r.Lock, Pages: pages})
	return Exported{Path: r.Path, Ref: c.Ref}, err
}

// VolunteerRequest narrows a volunteer package.
type VolunteerRequest struct {
	Only    string // one volunteer's name; "" for every volunteer's steps
	Contact bool   // include the resident's contact
	Debts   bool   // include the debts' creditors and references, no amounts
}

// ExportVolunteer writes a package of a case's volunteer tasks, made from
// the specialist's whole case.
func (w *Work) ExportVolunteer(ctx context.Context, r ExportRequest, v VolunteerRequest, newID func() string) (Exported, error) {
	c, _, err := w.lockedCase(ctx, r, "volunteer.json", false)
	if err != nil {
		return Exported{}, err
	}
	if err := w.refuseCopy(ctx, c); err != nil {
		return Exported{}, err
	}
	p, err := export.Volunteer(c, export.VolunteerOptions{
		ID: newID(), Now: w.Now(), MadeBy: w.Settings.Name,
		Only: v.Only, Contact: v.Contact, Debts: v.Debts, AllowBSN: r.AllowBSN,
	})
	if errors.Is(err, export.ErrNoVolunteerSteps) {
		return Exported{}, &Refusal{Kind: NoVolunteerSteps, Ref: c.Ref, Name: v.Only}
	}
	if err != nil {
		return Exported{}, err
	}
	done := Exported{Path: r.Path, Ref: c.Ref, Steps: len(p.Case.Steps)}
	return done, w.deliver(r.Path, r.Out, "volunteer.json", r.Lock, bytesOut(p.Encode()))
}

// ExportReturn writes, on the volunteer's laptop, what the volunteer did
// with the tasks of a package since it was imported.
func (w *Work) ExportReturn(ctx context.Context, r ExportRequest, newID func() string) (Exported, error) {
	c, _, err := w.lockedCase(ctx, r, "return.json", false)
	if err != nil {
		return Exported{}, err
	}
	origin, evs, err := w.Store.ReturnEvents(ctx, c.ID)
	if errors.Is(err, store.ErrNotVolunteerCopy) {
		return Exported{}, &Refusal{Kind: NotCopy, Ref: c.Ref}
	}
	if err != nil {
		return Exported{}, err
	}
	if len(evs) == 0 {
		return Exported{}, &Refusal{Kind: NothingToReturn, Ref: c.Ref}
	}
	file := export.ReturnFile{
		ID: newID(), ExportedAt: w.Now(), PackageID: origin.PackageID,
		CaseID: origin.CaseID, Ref: origin.Ref, Volunteer: w.Settings.Name, Events: evs,
	}
	if !r.AllowBSN {
		if err := export.CheckReturnFile(file); err != nil {
			return Exported{}, err
		}
	}
	done := Exported{Path: r.Path, Ref: c.Ref, Changes: actionlist.CountChanges(evs), To: origin.MadeBy}
	return done, w.deliver(r.Path, r.Out, "return.json", r.Lock, bytesOut(file.Encode()))
}

// ExportCase writes a whole case with its history.
func (w *Work) ExportCase(ctx context.Context, r ExportRequest) (Exported, error) {
	c, evs, err := w.lockedCase(ctx, r, "case.json", true)
	if err != nil {
		return Exported{}, err
	}
	file := export.CaseFile{ExportedAt: w.Now(), Case: c, Events: evs}
	write := func(out io.Writer) error { _, err := file.WriteTo(out); return err }
	switch {
	case r.AllowBSN:
	case r.Lock != "" && r.Path != "":
		// Only locked bytes reach the disk, so the check can run while they
		// are written; a finding throws the file away.
		write = file.WriteChecked
	default:
		// A number that looks like a BSN must never reach the disk or a
		// pipe in plain text, not even in a temporary file.
		if err := export.CheckCaseFile(file); err != nil {
			return Exported{}, err
		}
	}
	return Exported{Path: r.Path, Ref: c.Ref}, w.deliver(r.Path, r.Out, "case.json", r.Lock, write)
}

// ReadExchangeFile reads a file made by an export and, when it is locked,
// decrypts it with the passphrase that ask returns (asked only then). All
// of it happens before a database is opened, so a bad file never gets near
// one.
func ReadExchangeFile(path string, ask func() (string, error)) (export.File, error) {
	data, err := export.ReadFile(path)
	if err != nil {
		var fe *export.FileError
		if errors.As(err, &fe) {
			return export.File{}, err
		}
		return export.File{}, &Refusal{Kind: NoFile, Path: path, Err: errors.Unwrap(err)}
	}
	if export.Encrypted(data) {
		pass, err := ask()
		if err != nil {
			return export.File{}, err
		}
		if data, err = export.Decrypt(data, pass); err != nil {
			return export.File{}, err
		}
	}
	return export.Parse(data)
}

// Imported says what an import did.
type Imported struct {
	Kind export.Kind

	// A case file.
	Case    actionlist.Case // as it is now on this laptop
	FileRef string          // the reference in the file
	Events  int             // the events the file carried
	AsNew   bool            // stored as a copy with new identities

	// A volunteer package.
	Again     bool   // this package (or return file) was imported before: nothing changed
	Refreshed bool   // an earlier copy was brought up to date
	Added     int    // new steps
	Changed   int    // steps changed
	Kept      int    // steps where the volunteer's own work stayed
	MadeBy    string // the specialist who made the package
	// Debts new, changed and no longer shared, apart from the steps; and
	// the debts a package without any left as they were.
	DebtsAdded, DebtsChanged, DebtsRemoved, DebtsLeft int

	// A return file.
	Merge store.MergeReport

	// A caseload file: each case, in the file's order.
	Caseload []store.CaseloadCase
}

// Import puts what an exchange file carries into the database, in one
// transaction: a case, a volunteer's copy, or a return file's merge. A case
// that is here already is refused (CaseExists) unless asNew.
func (w *Work) Import(ctx context.Context, f export.File, asNew bool) (Imported, error) {
	switch f.Kind {
	case export.KindCase:
		return w.importCase(ctx, f.Case, asNew)
	case export.KindVolunteer:
		return w.importPackage(ctx, f.Volunteer)
	case export.KindReturn:
		return w.importReturn(ctx, f.Return)
	case export.KindCaseload:
		return w.importCaseload(ctx, f.Caseload)
	}
	return Imported{}, &export.FileError{Problem: export.NotHouvast}
}

func (w *Work) importCase(ctx context.Context, f *export.CaseFile, asNew bool) (Imported, error) {
	res, err := w.Store.ImportCase(ctx, w.Settings.Actor(actionlist.RoleSpecialist), f.Case, f.Events, asNew)
	var ee *store.ExistsError
	switch {
	case errors.As(err, &ee) && ee.History:
		return Imported{}, &Refusal{Kind: HistoryExists, Ref: f.Case.Ref}
	case errors.As(err, &ee):
		return Imported{}, &Refusal{Kind: CaseExists, Ref: f.Case.Ref, LocalRef: ee.LocalRef}
	case err != nil:
		return Imported{}, err
	}
	fileRef := f.Case.Ref
	if res.FileRef != "" {
		fileRef = res.FileRef
	}
	return Imported{Kind: export.KindCase, Case: res.Case, FileRef: fileRef, Events: len(f.Events), AsNew: asNew}, nil
}

func (w *Work) importPackage(ctx context.Context, p *export.VolunteerPackage) (Imported, error) {
	res, err := w.Store.ImportVolunteerCopy(ctx, w.Settings.Actor(actionlist.RoleVolunteer), p.Case, store.VolunteerOrigin{
		PackageID: p.ID, Ref: p.Case.Ref, MadeBy: p.MadeBy, MadeAt: p.ExportedAt,
	}, export.VolunteerStepFields())
	var ee *store.ExistsError
	switch {
	case errors.As(err, &ee) && ee.SamePackage:
		return Imported{Kind: export.KindVolunteer, Again: true, Case: actionlist.Case{Ref: ee.LocalRef}, MadeBy: p.MadeBy}, nil
	case errors.As(err, &ee) && ee.History:
		return Imported{}, &Refusal{Kind: HistoryExists, Ref: p.Case.Ref}
	case errors.As(err, &ee):
		return Imported{}, &Refusal{Kind: PackageCaseHere, Ref: p.Case.Ref, LocalRef: ee.LocalRef}
	case err != nil:
		return Imported{}, err
	}
	return Imported{
		Kind: export.KindVolunteer, Case: res.Case, MadeBy: p.MadeBy,
		Refreshed: res.Refreshed, Added: res.Added, Changed: res.Changed, Kept: res.Kept,
		DebtsAdded: res.DebtsAdded, DebtsChanged: res.DebtsChanged, DebtsRemoved: res.DebtsRemoved, DebtsLeft: res.DebtsLeft,
	}, nil
}

func (w *Work) importReturn(ctx context.Context, r *export.ReturnFile) (Imported, error) {
	rep, err := w.Store.MergeReturn(ctx, w.Settings.Actor(actionlist.RoleSpecialist), store.ReturnInput{
		ReturnID: r.ID, PackageID: r.PackageID, CaseID: r.CaseID, Events: r.Events,
	})
	var ee *store.ExistsError
	var mr *store.MergeRefusal
	switch {
	case errors.As(err, &mr):
		// The file, not the case, is wrong: said as the file's own flaw.
		flaw := export.Flaw{Kind: export.FlawUnknownStep, Entity: actionlist.EntityStep, Title: mr.Title}
		if mr.Why == store.MergeDoneUnrecorded {
			flaw.Kind = export.FlawDoneUnrecorded
		}
		return Imported{}, &export.FileError{Problem: export.Invalid, Kind: export.KindReturn, Flaw: &flaw, Err: err}
	case errors.Is(err, store.ErrNotFound):
		return Imported{}, &Refusal{Kind: ReturnUnknown, Ref: r.Ref}
	case errors.Is(err, store.ErrIsVolunteerCopy):
		return Imported{}, &Refusal{Kind: ReturnIntoCopy, Ref: r.Ref}
	case errors.As(err, &ee):
		return Imported{}, &Refusal{Kind: HistoryExists, Ref: r.Ref}
	case err != nil:
		return Imported{}, err
	}
	return Imported{Kind: export.KindReturn, Merge: rep, Again: rep.New == 0}, nil
}
