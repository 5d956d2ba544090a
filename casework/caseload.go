package casework

import (
	"context"
	"errors"
	"io"
	"slices"
	"strings"

	"houvast/actionlist"
	"houvast/export"
	"houvast/store"
)

// CaseSelection chooses the cases of a caseload file.
type CaseSelection struct {
	// Status is a case status, or "" for every case that is not closed.
	Status actionlist.CaseStatus
	All    bool // every case, closed ones too
}

// StatusOpen is the word for every case that is not closed.
const StatusOpen = "open"

// ParseCaseSelection reads --status and --all: "open" (the default) is every
// case not closed; a status code is the cases in that status.
func ParseCaseSelection(status string, all bool) (CaseSelection, error) {
	status = strings.TrimSpace(strings.ToLower(status))
	if all {
		if status != "" && status != StatusOpen {
			return CaseSelection{}, &Refusal{Kind: BadStatus, Name: status}
		}
		return CaseSelection{All: true}, nil
	}
	if status == "" || status == StatusOpen {
		return CaseSelection{}, nil
	}
	if st := actionlist.CaseStatus(status); st.Valid() {
		return CaseSelection{Status: st}, nil
	}
	return CaseSelection{}, &Refusal{Kind: BadStatus, Name: status}
}

func (s CaseSelection) takes(st actionlist.CaseStatus) bool {
	switch {
	case s.All:
		return true
	case s.Status != "":
		return st == s.Status
	}
	return st != actionlist.CaseClosed
}

// ExportCases writes the chosen cases, each with its whole history, in one
// caseload file for a colleague. A volunteer's copy holds only part of a
// case, so it is left out (Exported.Copies says how many).
func (w *Work) ExportCases(ctx context.Context, r ExportRequest, sel CaseSelection) (Exported, error) {
	if err := CheckOutput(r.Path, w.Settings.DB, "cases.json"); err != nil {
		return Exported{}, err
	}
	if err := r.mustLock(); err != nil {
		return Exported{}, err
	}
	list, err := w.Store.Cases(ctx, w.Today())
	if err != nil {
		return Exported{}, err
	}
	copies, err := w.Store.VolunteerCopies(ctx)
	if err != nil {
		return Exported{}, err
	}
	slices.SortFunc(list, func(a, b store.CaseSummary) int { return strings.Compare(a.Ref, b.Ref) })
	var ids []string
	done := Exported{Path: r.Path}
	for _, c := range list {
		switch {
		case !sel.takes(c.Status):
		case copies[c.ID]:
			done.Copies++
		default:
			ids = append(ids, c.ID)
		}
	}
	if len(ids) == 0 {
		return done, &Refusal{Kind: NoCasesChosen, Count: done.Copies}
	}
	read, err := w.Store.CasesWithEvents(ctx, ids)
	if err != nil {
		return Exported{}, err
	}
	file := export.Caseload{ExportedAt: w.Now(), Cases: make([]export.CaseFile, len(read))}
	for i, c := range read {
		file.Cases[i] = export.CaseFile{Case: c.Case, Events: c.Events}
	}
	done.Cases, done.Steps = len(file.Cases), file.Steps()
	write := func(out io.Writer) error { _, err := file.WriteTo(out); return err }
	switch {
	case r.AllowBSN:
	case r.Lock != "" && r.Path != "":
		write = file.WriteChecked // only locked bytes reach the disk; a finding throws them away
	default:
		// A number that looks like a BSN must never reach the disk or a
		// pipe in plain text; the file is made while it is checked.
		data, err := file.EncodeChecked()
		if err != nil {
			return Exported{}, err
		}
		write = bytesOut(data)
	}
	return done, w.deliver(r.Path, r.Out, "cases.json", r.Lock, write)
}

func (w *Work) importCaseload(ctx context.Context, l *export.Caseload) (Imported, error) {
	in := make([]store.CaseHistory, len(l.Cases))
	for i, c := range l.Cases {
		in[i] = store.CaseHistory{Case: c.Case, Events: c.Events}
	}
	res, err := w.Store.ImportCaseload(ctx, w.Settings.Actor(actionlist.RoleSpecialist), in)
	var ee *store.ExistsError
	if errors.As(err, &ee) {
		return Imported{}, &Refusal{Kind: HistoryExists}
	}
	if err != nil {
		return Imported{}, err
	}
	return Imported{Kind: export.KindCaseload, Caseload: res}, nil
}

// CheckImport looks for numbers that look like a BSN in a file to import,
// as every export does before it writes: a *export.BSNError (Reading) until
// the specialist confirms it is none.
func CheckImport(f export.File) error { return export.CheckFile(f) }
