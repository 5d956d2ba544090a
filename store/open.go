// Package store keeps Houvast's case files in one SQLite file. Every change
// is one transaction that writes the change together with its events.
//
// Two rules about the file itself:
//
//   - Only Open makes a database. OpenExisting, for use that only reads or
//     must not start a new database by accident, creates nothing when there
//     is nothing at the path (no file, no folder, no log) and returns
//     ErrNoDatabase.
//   - A store stops when its file is replaced or removed while it is open
//     (by another program, a restore by another tool, a copy or a move over
//     it, a removal). The next save returns ErrReplaced and saves nothing,
//     neither into the old file nor at the path; so do EraseCase, Compact
//     and Backup, and so does every read that needs a new connection.
//     Reads on a connection that is already open go on showing the old
//     database. Close the store and open the path again. ErrReplaced says
//     what is and is not noticed.
package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/adrg/xdg"
	"modernc.org/sqlite"
)

// Errors the screens and the command line turn into sentences.
var (
	ErrNotHouvast  = errors.New("not a Houvast database")
	ErrEmptyFile   = errors.New("the file is empty")
	ErrTruncated   = errors.New("the database file is shorter than it says it is (truncated)")
	ErrNewerSchema = errors.New("the database was made by a newer Houvast")
	ErrBusy        = errors.New("the database is busy: another Houvast window is saving")
	ErrNotFound    = errors.New("not found")
	ErrDamaged     = errors.New("the database file is damaged")
	// ErrNoDatabase is OpenExisting's answer when nothing is at the path.
	ErrNoDatabase = errors.New("there is no database at this path")
	// ErrReplaced: the file at the store's path is no longer the database
	// the store opened. Nothing was saved; close the store. A removal, or
	// another file moved (or copied and renamed) over the path, is always
	// noticed. A copy written over the file in place is noticed when the
	// header no longer matches (another application, an older schema) or
	// the file is empty or not whole pages, and otherwise when its size or
	// header changed while SQLite did not write the file itself. It can be
	// missed when it comes at about the moment a window's save starts a new
	// log or copies the log into the file, while a checkpoint was left
	// unfinished, and when it has exactly the same size and header as the
	// file it overwrote. The log beside the path (path-wal) still belongs
	// to the old file: SQLite lays it over whatever file it finds at the
	// path when that is opened next, so it must go with the old file.
	ErrReplaced = errors.New("the database file was replaced or removed while Houvast had it open")
)

// SchemaError is ErrNewerSchema with the versions involved.
type SchemaError struct{ Found, Known int }

func (e *SchemaError) Error() string {
	return fmt.Sprintf("%v (schema version %d; this Houvast knows up to %d)", ErrNewerSchema, e.Found, e.Known)
}

func (e *SchemaError) Unwrap() error { return ErrNewerSchema }

// Store is an open Houvast database.
type Store struct {
	db    *sql.DB
	path  string
	guard *fileGuard // nil in memory
	// Now is the clock for timestamps; tests set it.
	Now func() time.Time
}

// DefaultPath is the database in the user's XDG data directory; its folder is
// created private (0700).
func DefaultPath() (string, error) {
	p, err := xdg.DataFile(filepath.Join("houvast", "houvast.db"))
	if err != nil {
		return "", fmt.Errorf("find the data folder: %w", err)
	}
	return p, nil
}

// Path is the file the store was opened on.
func (s *Store) Path() string { return s.path }

// DefaultBusyTimeout is how long a write waits for another window's write
// before it gives up with ErrBusy.
const DefaultBusyTimeout = 5 * time.Second

// Options tune how a database is opened; the zero value is what the app uses.
type Options struct {
	// BusyTimeout replaces DefaultBusyTimeout when it is not zero.
	BusyTimeout time.Duration
}

func (o Options) busyTimeout() time.Duration {
	if o.BusyTimeout > 0 {
		return o.BusyTimeout
	}
	return DefaultBusyTimeout
}

// Open opens the Houvast database at path, creating it (0600, in a 0700
// folder) if it does not exist. A file that is not a Houvast database is
// refused before SQLite touches it, so it is never written to. An older
// schema is migrated, after a copy of the file is made beside it.
func Open(ctx context.Context, path string) (*Store, error) {
	return OpenWith(ctx, path, Options{})
}

// OpenWith is Open with options.
func OpenWith(ctx context.Context, path string, o Options) (*Store, error) {
	return open(ctx, path, o, true)
}

// OpenExisting is Open for a database that must already exist: when there
// is nothing at path it creates nothing, not even the folder, and returns
// a *FileError for path that is ErrNoDatabase. Otherwise it is Open,
// migration of an older schema included.
func OpenExisting(ctx context.Context, path string) (*Store, error) {
	return OpenExistingWith(ctx, path, Options{})
}

// OpenExistingWith is OpenExisting with options.
func OpenExistingWith(ctx context.Context, path string, o Options) (*Store, error) {
	return open(ctx, path, o, false)
}

func open(ctx context.Context, path string, o Options, mayCreate bool) (*Store, error) {
	missing := func(err error) bool { return !mayCreate && errors.Is(err, fs.ErrNotExist) }
	if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
		if !mayCreate {
			return nil, &FileError{Path: path, Err: ErrNoDatabase}
		}
		if err := create(ctx, path, o); err != nil {
			return nil, err
		}
	}
	if err := checkHeader(path); err != nil {
		if missing(err) {
			return nil, &FileError{Path: path, Err: ErrNoDatabase}
		}
		return nil, err
	}
	g, err := newGuard(path)
	if err != nil {
		if missing(err) {
			return nil, &FileError{Path: path, Err: ErrNoDatabase}
		}
		return nil, err
	}
	s, err := openSQL(path, o, g)
	if err != nil {
		g.release()
		return nil, err
	}
	if err := s.init(ctx); err != nil {
		s.Close()
		return nil, err
	}
	// The first look with SQLite's log index in place: from here on a copy
	// over the file can be told from SQLite's own writes.
	if err := g.check(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// openSQL opens path with SQLite; a guard, if given, is asked before every
// new connection.
func openSQL(path string, o Options, g *fileGuard) (*Store, error) {
	c, err := sqlite.NewConnector(dsn(path, o))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if g != nil {
		c = guardedConnector{Connector: c, g: g}
	}
	return &Store{db: sql.OpenDB(c), path: path, guard: g, Now: time.Now}, nil
}

// create makes a new database under a temporary name and moves it into place
// only when its schema is complete, so a crash never leaves a half-made
// database at path.
func create(ctx context.Context, path string, o Options) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create the folder for %s: %w", path, err)
	}
	tmp := path + ".new"
	removeDB(tmp)
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	f.Close()
	s, err := openSQL(tmp, o, nil) // private until it is complete
	if err == nil {
		err = s.init(ctx)
		if cerr := s.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		removeDB(tmp)
		return fmt.Errorf("create %s: %w", path, err)
	}
	// Link, not rename: if another process created path meanwhile, keep theirs.
	if err := os.Link(tmp, path); err != nil && !errors.Is(err, os.ErrExist) {
		removeDB(tmp)
		return fmt.Errorf("create %s: %w", path, err)
	}
	removeDB(tmp)
	return nil
}

// OpenMemory opens a private in-memory database, for tests and for "demo".
func OpenMemory(ctx context.Context) (*Store, error) {
	db, err := sql.Open("sqlite", "file::memory:?_pragma=foreign_keys(1)&_txlock=immediate")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1) // each connection would be its own empty database
	s := &Store{db: db, path: ":memory:", Now: time.Now}
	if err := s.init(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	err := s.db.Close()
	s.guard.release() // only now: see guardFiles
	return err
}

func dsn(path string, o Options) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", o.busyTimeout().Milliseconds()))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "temp_store(MEMORY)")
	q.Set("_txlock", "immediate")
	// Never create: a connection opened after the file was removed must
	// fail, not start an empty database at the path. create makes the file
	// before SQLite opens it.
	q.Set("mode", "rw")
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// checkHeader reads the SQLite header (the first 100 bytes) without opening
// the file as a database: the magic string, the application id, the schema
// version and whether the file is as long as the header says.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	if st.IsDir() {
		return fmt.Errorf("%s: %w (it is a folder)", path, ErrNotHouvast)
	}
	if st.Size() == 0 {
		return fmt.Errorf("%s: %w", path, ErrEmptyFile)
	}
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); err != nil {
		return fmt.Errorf("%s: %w (too short for a database)", path, ErrNotHouvast)
	}
	if string(h[:16]) != "SQLite format 3\x00" {
		return fmt.Errorf("%s: %w (not a SQLite file)", path, ErrNotHouvast)
	}
	if id := binary.BigEndian.Uint32(h[68:72]); id != ApplicationID {
		return fmt.Errorf("%s: %w (a SQLite file of another application)", path, ErrNotHouvast)
	}
	if v := int(binary.BigEndian.Uint32(h[60:64])); v > SchemaVersion() {
		return fmt.Errorf("%s: %w", path, &SchemaError{Found: v, Known: SchemaVersion()})
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	// The page count is only trustworthy when its "valid-for" counter
	// matches, and only without a write-ahead log: a crash in the middle of
	// copying the log into the file leaves the new count before the pages
	// it counts, and SQLite finishes the copy from the log.
	if binary.BigEndian.Uint32(h[92:96]) == binary.BigEndian.Uint32(h[24:28]) && pages*pageSize > st.Size() {
		if wal, err := os.Stat(path + "-wal"); err != nil || wal.Size() == 0 {
			return fmt.Errorf("%s: %w", path, ErrTruncated)
		}
	}
	return nil
}

// init checks the identity of an opened database and brings its schema up to
// date. A brand-new file (application id and version both 0) is only ever
// met here through create or OpenMemory: Open refuses such a file earlier.
func (s *Store) init(ctx context.Context) error {
	var appID, version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return notReadable(s.path, err)
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return notReadable(s.path, err)
	}
	fresh := appID == 0 && version == 0
	switch {
	case fresh:
	case appID != ApplicationID:
		return fmt.Errorf("%s: %w", s.path, ErrNotHouvast)
	case version > SchemaVersion():
		return fmt.Errorf("%s: %w", s.path, &SchemaError{Found: version, Known: SchemaVersion()})
	}
	// Damage in the schema pages shows at the first read; say so now rather
	// than at the first save.
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
		return fmt.Errorf("%s: %w", s.path, classify(err))
	}
	for v := version; v < SchemaVersion(); {
		next, err := s.migrate(ctx, version, fresh)
		if err != nil {
			return err
		}
		v = next
	}
	return nil
}

// notReadable is the error for a file with a Houvast header that SQLite
// cannot read: ErrDamaged or ErrBusy when it is one of those, else
// ErrNotHouvast.
func notReadable(path string, err error) error {
	if err := classify(err); errors.Is(err, ErrDamaged) || errors.Is(err, ErrBusy) {
		return fmt.Errorf("%s: %w", path, err)
	}
	return fmt.Errorf("%s: %w (%v)", path, ErrNotHouvast, err)
}

// migrate runs the next migration in one write transaction and returns the
// version the file is at afterwards. The version is read again under the
// write lock, because another window may have migrated meanwhile. Before the
// first migration of an existing file, a copy of it is made while this
// transaction holds the lock, so the copy is the file as it was.
func (s *Store) migrate(ctx context.Context, start int, fresh bool) (int, error) {
	var now int
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&now); err != nil {
			return err
		}
		if now >= SchemaVersion() {
			return nil
		}
		if now == start && !fresh {
			if _, err := s.backupBeforeMigration(ctx, now); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, migrations[now]); err != nil {
			return fmt.Errorf("migrate schema %d to %d: %w", now, now+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", ApplicationID, now+1)); err != nil {
			return fmt.Errorf("migrate schema %d to %d: %w", now, now+1, err)
		}
		now++
		return nil
	})
	return now, err
}

// MigrationBackupPath is where the copy made before migrating from version
// v is kept.
func MigrationBackupPath(path string, v int) string {
	return fmt.Sprintf("%s.before-v%d.bak", path, v+1)
}

func (s *Store) backupBeforeMigration(ctx context.Context, from int) (string, error) {
	dst := MigrationBackupPath(s.path, from)
	// Pieces of copies cut short by a crash go; only this process can be
	// copying now, as it holds the write lock.
	if parts, _ := filepath.Glob(dst + ".*.part"); len(parts) > 0 {
		for _, p := range parts {
			os.Remove(p)
		}
	}
	if _, err := os.Stat(dst); err == nil {
		// A copy from an earlier, interrupted attempt is the true original.
		return dst, nil
	}
	if err := s.Backup(ctx, dst); err != nil {
		return "", fmt.Errorf("copy the database before updating it: %w", err)
	}
	return dst, nil
}

func removeDB(path string) {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
}
