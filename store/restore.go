package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"modernc.org/sqlite"
)

// ErrInUse: the file is open in a Houvast window (or another program).
var ErrInUse = errors.New("the database is open in another Houvast window")

// FileError says which file an error is about: which one when a command
// handles two, and the path with ErrNoDatabase and ErrReplaced.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// RestoreBackupPath is where Restore keeps the database as it was before a
// restore made at t.
func RestoreBackupPath(path string, t time.Time) string {
	return fmt.Sprintf("%s.before-restore-%s.bak", path, t.Format("20060102-150405"))
}

// Restore puts the backup src back as the database at path.
//
// src is never written to. A private copy of it is checked first: it must
// be a Houvast database this version can open (an older one is brought up
// to date) and pass Check. Only then is the database at path locked for
// this process alone (ErrInUse when a window has it open), copied to
// RestoreBackupPath, and its content replaced by the checked copy in one
// SQLite transaction: a crash leaves either the old or the restored
// database, never a mix. A file at path that is not a Houvast database is
// never replaced. It returns the path of the copy of the old database, or
// "" when there was none.
func Restore(ctx context.Context, path, src string, now time.Time) (string, error) {
	if err := checkRestoreSource(path, src); err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", fmt.Errorf("create the folder for %s: %w", path, err)
	}
	tmp := path + ".restore"
	clearRestoreTemp(tmp)
	defer clearRestoreTemp(tmp)
	if err := copyFile(src, tmp); err != nil {
		return "", err
	}
	if err := checkRestoreCopy(ctx, tmp); err != nil {
		return "", &FileError{src, err}
	}

	if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(tmp, path); err != nil {
			return "", fmt.Errorf("restore %s: %w", path, err)
		}
		return "", syncDir(filepath.Dir(path))
	}
	switch err := checkHeader(path); {
	case err == nil, errors.Is(err, ErrTruncated), errors.Is(err, ErrNewerSchema):
		// a Houvast database, damaged or from a newer version: replaceable
	default:
		return "", &FileError{path, err}
	}
	saved := RestoreBackupPath(path, now)
	for i := 2; fileExists(saved); i++ {
		saved = fmt.Sprintf("%s.before-restore-%s-%d.bak", path, now.Format("20060102-150405"), i)
	}

	db, err := lockAlone(ctx, path)
	if errors.Is(err, ErrInUse) {
		return "", &FileError{path, ErrInUse}
	}
	if err != nil {
		// SQLite cannot read the old file at all, so no window can be
		// using it: keep its bytes and put the copy in its place.
		return saved, replaceFile(path, tmp, saved)
	}
	if err := vacuumInto(ctx, db, saved); err != nil {
		// Too damaged to copy through SQLite: keep its bytes instead. The
		// lock is let go for that, because closing any handle of the file
		// in this process would drop it silently (POSIX locks).
		db.Close()
		if err := copyDatabaseFiles(path, saved); err != nil {
			return "", fmt.Errorf("keep a copy of %s before restoring: %w", path, err)
		}
		if db, err = lockAlone(ctx, path); err != nil {
			if errors.Is(err, ErrInUse) {
				return saved, &FileError{path, ErrInUse}
			}
			return saved, replaceFile(path, tmp, saved)
		}
	}
	defer db.Close()
	if err := restorePages(ctx, db, tmp); err != nil {
		db.Close()
		return saved, replaceFile(path, tmp, saved)
	}
	// Closing the only connection writes the restored pages into the file
	// and removes its write-ahead log.
	if err := db.Close(); err != nil {
		return saved, fmt.Errorf("restore %s: %w", path, err)
	}
	return saved, syncDir(filepath.Dir(path))
}

// checkRestoreSource refuses a source that is the database itself, is not
// a Houvast database, or has changes in a write-ahead log beside it (it is
// open somewhere, or was not closed properly).
func checkRestoreSource(path, src string) error {
	ss, err := os.Stat(src)
	if err != nil {
		return &FileError{src, err}
	}
	if ds, err := os.Stat(path); err == nil && os.SameFile(ss, ds) {
		return &FileError{src, errors.New("this is the database itself, not a backup of it")}
	}
	if err := checkHeader(src); err != nil {
		return &FileError{src, err}
	}
	if st, err := os.Stat(src + "-wal"); err == nil && st.Size() > 0 {
		return &FileError{src, ErrInUse}
	}
	return nil
}

// checkRestoreCopy opens the private copy (bringing an older schema up to
// date) and checks every page and value.
func checkRestoreCopy(ctx context.Context, tmp string) error {
	s, err := Open(ctx, tmp)
	if err != nil {
		return err
	}
	rep, err := s.Check(ctx)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if !rep.Sound() {
		return fmt.Errorf("%w: %v", ErrDamaged, rep.Problems)
	}
	return nil
}

// lockAlone opens path with a connection that keeps the file locked for
// itself until it is closed. ErrInUse when another connection has it open.
func lockAlone(ctx context.Context, path string) (*sql.DB, error) {
	q := url.Values{}
	// Other windows hold the file as long as they are open: waiting long
	// would not help. A short wait covers one that is just closing.
	q.Add("_pragma", "busy_timeout(200)")
	q.Add("_pragma", "locking_mode(EXCLUSIVE)")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	// The first read takes the lock (in WAL mode it cannot be shared from
	// then on); an exclusive transaction takes it in rollback mode too.
	var mode string
	err = db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode)
	if err == nil {
		_, err = db.ExecContext(ctx, "BEGIN EXCLUSIVE; COMMIT")
	}
	if err != nil {
		db.Close()
		if err = classify(err); errors.Is(err, ErrBusy) {
			return nil, ErrInUse
		}
		return nil, err
	}
	return db, nil
}

// restorePages overwrites the database behind db with the pages of the
// file at src, in one write transaction (SQLite's backup interface).
func restorePages(ctx context.Context, db *sql.DB, src string) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		r, ok := dc.(interface {
			NewRestore(string) (*sqlite.Backup, error)
		})
		if !ok {
			return errors.New("the SQLite driver cannot restore")
		}
		b, err := r.NewRestore("file:" + (&url.URL{Path: src}).EscapedPath() + "?mode=ro")
		if err != nil {
			return err
		}
		if _, err := b.Step(-1); err != nil {
			b.Finish()
			return err
		}
		return b.Finish()
	})
}

// replaceFile is the way out when SQLite cannot use the old file: its bytes
// (and its log) are kept at saved, and tmp takes its name.
func replaceFile(path, tmp, saved string) error {
	if !fileExists(saved) {
		if err := copyDatabaseFiles(path, saved); err != nil {
			return fmt.Errorf("keep a copy of %s before restoring: %w", path, err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("restore %s: %w", path, err)
	}
	// The old file's log and index must not be read as the new file's.
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	return syncDir(filepath.Dir(path))
}

// copyDatabaseFiles copies a database file and its write-ahead log, if any,
// keeping them together under the new name.
func copyDatabaseFiles(path, dst string) error {
	if err := copyFile(path, dst); err != nil {
		return err
	}
	if st, err := os.Stat(path + "-wal"); err == nil && st.Size() > 0 {
		return copyFile(path+"-wal", dst+"-wal")
	}
	return nil
}

// copyFile copies src to a new private file dst and flushes it to disk.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(dst)
		return fmt.Errorf("copy %s: %w", src, err)
	}
	if err := out.Sync(); err != nil {
		out.Close()
		os.Remove(dst)
		return fmt.Errorf("copy %s: %w", src, err)
	}
	return out.Close()
}

// clearRestoreTemp removes the private copy and what opening it left.
func clearRestoreTemp(tmp string) {
	removeDB(tmp)
	if baks, _ := filepath.Glob(tmp + ".before-v*.bak"); len(baks) > 0 {
		for _, b := range baks {
			os.Remove(b)
		}
	}
}

func fileExists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// CopyFiles copies the database file at path, and its write-ahead log if it
// has one, byte for byte to dst (and dst-wal), private, without opening it:
// the way to keep a file too damaged for Backup. Nothing is written to the
// database. dst must not exist.
func CopyFiles(path, dst string) error {
	if err := copyDatabaseFiles(path, dst); err != nil {
		return fmt.Errorf("copy %s: %w", path, err)
	}
	return syncDir(filepath.Dir(dst))
}
