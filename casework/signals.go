package casework

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"houvast/actionlist"
	"houvast/store"
)

// EnvSignalRetention is the retention of signals that did not become a
// case, in months; store.DefaultSignalRetentionMonths when unset.
const EnvSignalRetention = "HOUVAST_SIGNAL_RETENTION_MONTHS"

// MaxSignalFileBytes bounds a file of signals: a platform's export of a
// year of signals fits many times over; a larger file is not one.
const MaxSignalFileBytes = 20 << 20

// SignalFileError is a file of signals refused whole: empty, too large, or
// without the columns it needs. Nothing was imported.
type SignalFileError struct {
	Path    string
	Problem SignalFileProblem
	Size    int64
	Columns *actionlist.ColumnsError
}

// SignalFileProblem is why a file of signals was refused.
type SignalFileProblem int

const (
	SignalFileEmpty SignalFileProblem = iota + 1
	SignalFileTooBig
	SignalFileColumns
)

func (e *SignalFileError) Error() string {
	return fmt.Sprintf("signals file %s refused (%d)", e.Path, e.Problem)
}

// SignalRowsError: rows of a file of signals hold bad values; nothing was
// imported. Errors are the first actionlist.MaxRowErrors of them.
type SignalRowsError struct {
	Path    string
	Errors  []actionlist.RowError
	BadRows int
}

func (e *SignalRowsError) Error() string {
	return fmt.Sprintf("signals file %s: %d bad rows", e.Path, e.BadRows)
}

// SignalImport is what an import of signals did.
type SignalImport struct {
	Read    int // the good rows of the file
	Added   int
	Doubles int // here already, left as they were
}

// ImportSignals reads a CSV file of signals with a mapping of columns and
// stores them, whole or not at all: an empty or oversized file, a missing
// column or any bad row refuses the file, and every bad row is told.
func (w *Work) ImportSignals(ctx context.Context, path string, cols actionlist.SignalColumns) (SignalImport, error) {
	data, err := readSignalFile(path)
	if err != nil {
		return SignalImport{}, err
	}
	got, err := actionlist.ReadSignalsCSV(data, cols, w.Today())
	var ce *actionlist.ColumnsError
	switch {
	case errors.Is(err, actionlist.ErrEmptyCSV):
		return SignalImport{}, &SignalFileError{Path: path, Problem: SignalFileEmpty}
	case errors.As(err, &ce):
		return SignalImport{}, &SignalFileError{Path: path, Problem: SignalFileColumns, Columns: ce}
	case err != nil:
		return SignalImport{}, err
	case got.BadRows > 0:
		return SignalImport{}, &SignalRowsError{Path: path, Errors: got.Errors, BadRows: got.BadRows}
	}
	added, err := w.Store.AddSignals(ctx, w.Settings.Actor(actionlist.RoleSpecialist), got.Signals)
	if err != nil {
		return SignalImport{}, err
	}
	return SignalImport{Read: len(got.Signals), Added: added.Added, Doubles: added.Doubles}, nil
}

func readSignalFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Refusal{Kind: NoFile, Path: path, Err: unwrapPath(err)}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &Refusal{Kind: NoFile, Path: path, Err: unwrapPath(err)}
	}
	switch {
	case st.IsDir():
		return nil, &Refusal{Kind: NoFile, Path: path, Err: errors.New("a folder")}
	case st.Size() == 0:
		return nil, &SignalFileError{Path: path, Problem: SignalFileEmpty}
	case st.Size() > MaxSignalFileBytes:
		return nil, &SignalFileError{Path: path, Problem: SignalFileTooBig, Size: st.Size()}
	}
	// A file that grows while it is read is held to the same bound.
	data, err := io.ReadAll(io.LimitReader(f, MaxSignalFileBytes+1))
	if err != nil {
		return nil, &Refusal{Kind: NoFile, Path: path, Err: err}
	}
	if len(data) > MaxSignalFileBytes {
		return nil, &SignalFileError{Path: path, Problem: SignalFileTooBig, Size: int64(len(data))}
	}
	return data, nil
}

// SignalsDueForErasure lists the signals that did not become a case and
// whose retention period (the settings') has passed; the case list's
// reminder, `houvast check` and `houvast erase --due` all ask this.
func (w *Work) SignalsDueForErasure(ctx context.Context) ([]actionlist.ArrearsSignal, error) {
	return w.Store.SignalsDueForErasure(ctx, w.Today(), w.Settings.SignalRetentionMonths)
}

// EraseSignals removes signals for good and rebuilds the file.
func (w *Work) EraseSignals(ctx context.Context, ids []string) (Erased, error) {
	var out Erased
	err := w.Store.EraseSignals(ctx, ids)
	if errors.Is(err, store.ErrTracesRemain) {
		out.TracesRemain = true
	} else if err != nil {
		return out, err
	}
	out.Backups = BackupsBeside(w.Store.Path())
	return out, nil
}
