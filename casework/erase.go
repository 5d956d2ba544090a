package casework

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"houvast/actionlist"
	"houvast/store"
)

// DueForErasure lists the closed cases whose retention period (the
// settings') has passed. The case list's reminder, `houvast check` and
// `houvast erase --due` all ask this, so they always agree.
func (w *Work) DueForErasure(ctx context.Context) ([]store.CaseSummary, error) {
	return w.Store.DueForErasure(ctx, w.Today(), w.Settings.RetentionMonths)
}

// Erasable is a closed case about to be erased, for the question that
// confirms it.
type Erasable struct {
	ID, Ref, Name     string
	Steps, Agreements int
}

// ErasableCase finds a case to erase by its reference; only a closed case
// can be erased (NotClosed otherwise).
func (w *Work) ErasableCase(ctx context.Context, ref string) (Erasable, error) {
	id, err := w.FindCase(ctx, ref)
	if err != nil {
		return Erasable{}, err
	}
	c, err := w.Store.Case(ctx, id)
	if err != nil {
		return Erasable{}, err
	}
	e := Erasable{ID: c.ID, Ref: c.Ref, Name: c.Name, Steps: len(c.Steps), Agreements: len(c.Agreements)}
	if c.Status != actionlist.CaseClosed {
		return e, &Refusal{Kind: NotClosed, Ref: c.Ref, Name: c.Name}
	}
	return e, nil
}

// Erased is what an erase did.
type Erased struct {
	// TracesRemain: another window kept the file from being rebuilt, so
	// traces of what was erased may be left in its free space.
	TracesRemain bool
	// Backups beside the database still hold what was erased.
	Backups []string
}

// Erase removes closed cases for good and rebuilds the file. It stops at
// the first case that fails; the ones before it are erased.
func (w *Work) Erase(ctx context.Context, ids ...string) (Erased, error) {
	var out Erased
	for _, id := range ids {
		err := w.Store.EraseCase(ctx, id)
		if errors.Is(err, store.ErrTracesRemain) {
			out.TracesRemain = true
		} else if err != nil {
			return out, err
		}
	}
	out.Backups = BackupsBeside(w.Store.Path())
	return out, nil
}

// Compact rebuilds the file, so nothing erased lingers in it;
// store.ErrTracesRemain when another window is in the way.
func (w *Work) Compact(ctx context.Context) error { return w.Store.Compact(ctx) }

// BackupsBeside lists the copies Houvast makes next to a database: by
// `houvast backup`, before a migration and before a restore.
func BackupsBeside(path string) []string {
	base := strings.TrimSuffix(path, filepath.Ext(path))
	var found []string
	for _, pattern := range []string{base + "-backup-*.db", path + ".before-*.bak"} {
		m, _ := filepath.Glob(pattern)
		found = append(found, m...)
	}
	return found
}

// BackupName is the default name of a backup: beside the database, its
// name with "-backup-" and the time, and a number if that is taken.
func BackupName(path string, now time.Time) string {
	base := strings.TrimSuffix(path, filepath.Ext(path)) + "-backup-" + now.Format("20060102-150405")
	name := base + ".db"
	for i := 2; ; i++ {
		if _, err := os.Lstat(name); errors.Is(err, os.ErrNotExist) {
			return name
		}
		name = fmt.Sprintf("%s-%d.db", base, i)
	}
}

// BackedUp is what a backup did.
type BackedUp struct {
	Path string
	// Raw: the database was too damaged to read, so the file was copied
	// byte for byte, as it is.
	Raw bool
}

// Backup writes a consistent private copy of the database to out (a name
// beside it when out is ""), never over an existing file.
func Backup(ctx context.Context, s Settings, out string, now time.Time) (BackedUp, error) {
	if _, err := os.Stat(s.DB); errors.Is(err, os.ErrNotExist) {
		return BackedUp{}, &DatabaseError{Path: s.DB, Err: store.ErrNoDatabase}
	}
	if out == "" {
		out = BackupName(s.DB, now)
	} else if _, err := os.Lstat(out); err == nil {
		return BackedUp{}, &Refusal{Kind: BackupExists, Path: out}
	}
	st, err := store.OpenExisting(ctx, s.DB)
	if err == nil {
		err = st.Backup(ctx, out)
		st.Close()
	}
	switch {
	case errors.Is(err, store.ErrDamaged), errors.Is(err, store.ErrTruncated):
		if err := store.CopyFiles(s.DB, out); err != nil {
			return BackedUp{}, err
		}
		return BackedUp{Path: out, Raw: true}, nil
	case err != nil:
		return BackedUp{}, &DatabaseError{Path: s.DB, Err: err}
	}
	return BackedUp{Path: out}, nil
}

// Restore puts a backup back in place of the database (see store.Restore);
// it returns where the database as it was is kept.
func Restore(ctx context.Context, s Settings, src string, now time.Time) (string, error) {
	saved, err := store.Restore(ctx, s.DB, src, now)
	if err != nil {
		return "", &RestoreError{DB: s.DB, Src: src, Err: err}
	}
	return saved, nil
}
