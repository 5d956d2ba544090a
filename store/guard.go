package store

import (
	"context"
	"database/sql/driver"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// A file guard notices that the file at a store's path is no longer the
// database the store has open (SQLite's "unlinking or renaming a database
// file while in use"): SQLite keeps using the old file and its log, so a
// save would land where nobody will look, or pair the old log with the new
// file, and a new connection would open, or create, whatever is at the path
// now. The guard is asked before every new connection, before every write
// transaction, just before it commits and once more after it committed; a
// look costs two stats and a few small reads. What it notices:
//
//   - nothing at the path any more, or another file there (removed, renamed
//     away, or a file moved or copied-then-renamed over it): always;
//   - the same file with other content (a copy over it in place): when the
//     header no longer says Houvast (magic, page size, text encoding,
//     application id), when the schema version went down, when the file is
//     empty or no longer whole pages, and when its size or header changed
//     while the log's index says no checkpoint ran, the only way SQLite
//     writes the file in WAL mode.
//
// Not noticed, when the header fields above come out the same: a copy in
// place made between two looks during which SQLite also copied the log into
// the file or started a new log (another window's checkpoint or save at
// about the same moment); one made while a checkpoint was left unfinished
// (interrupted, failed, or the log's index rebuilt, until the next one
// completes); one of exactly the same size and header; and anything done to
// the log or its index alone.
//
// What it cannot undo: a connection opened before the change keeps reading
// the old file. The log beside the path still belongs to the old file, and
// SQLite applies it to whatever file it finds at the path when that is next
// opened, or, for a file overwritten in place, when the last connection
// closes; whoever puts another file there must take the log away too.
type fileGuard struct {
	path    string      // as given, for errors
	abs     string      // as looked at: SQLite too holds the full name
	id      os.FileInfo // the file the store opened
	head    [100]byte   // its header then
	aligned bool        // its size was whole pages then
	files   *guardFiles
	done    sync.Once

	mu       sync.Mutex
	replaced error // once replaced, for good
	base     snapshot
	baseOK   bool
}

// snapshot is the file's size and header and the log index's account of
// checkpoints, as seen at one check.
type snapshot struct {
	size int64
	head [100]byte
	gen  int // which index file mark was read from
	mark walMark
}

// walMark is what the log's index (path-shm, see SQLite's "WAL-mode file
// format") says about checkpoints: the first salt of the log, new at every
// restart of it; the frames copied into the database; and the frames a
// checkpoint may be copying, set before it writes the first page.
type walMark struct{ salt, backfill, attempted uint32 }

func newGuard(path string) (*fileGuard, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	st, err := os.Stat(abs)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	files, err := acquireFiles(abs, st)
	if errors.Is(err, ErrReplaced) {
		return nil, &FileError{Path: path, Err: ErrReplaced}
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	g := &fileGuard{path: path, abs: abs, id: st, files: files}
	if _, err := files.db.ReadAt(g.head[:], 0); err != nil {
		g.release()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// SQLite refuses a file whose page size is not one later, in init.
	if ps := g.pageSize(); ps >= 512 {
		g.aligned = st.Size()%ps == 0
	}
	return g, nil
}

func (g *fileGuard) pageSize() int64 {
	if n := int64(binary.BigEndian.Uint16(g.head[16:18])); n != 1 {
		return n
	}
	return 65536
}

// check returns an error for which errors.Is(err, ErrReplaced) holds when
// the file at the path is no longer the store's database. A nil guard (a
// database in memory) has nothing to check.
func (g *fileGuard) check() error {
	if g == nil {
		return nil
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.replaced != nil {
		return g.replaced
	}
	err := g.look()
	if errors.Is(err, ErrReplaced) {
		g.replaced = err
	}
	return err
}

// settle takes a new look after this store wrote: a commit that starts a
// new log changes the index in a way that, seen later, could also be a
// checkpoint, so the look is best taken at once. A replacement seen now is
// kept for the next call of check; the write itself has landed.
func (g *fileGuard) settle() { g.check() }

func (g *fileGuard) look() error {
	// The index is read before and after the file: a checkpoint that wrote
	// the file while it was read shows in the second reading.
	shm, gen := g.files.index()
	a, okA := readMark(shm)
	st, err := os.Stat(g.abs)
	if errors.Is(err, fs.ErrNotExist) || err == nil && !os.SameFile(st, g.id) {
		return g.gone()
	}
	if err != nil {
		return fmt.Errorf("check %s: %w", g.path, err)
	}
	var now snapshot
	now.size = st.Size()
	if _, err := g.files.db.ReadAt(now.head[:], 0); errors.Is(err, io.EOF) {
		return g.gone()
	} else if err != nil {
		return fmt.Errorf("check %s: %w", g.path, err)
	}
	if !g.sameKind(now) {
		return g.gone()
	}
	b, okB := readMark(shm)
	now.gen, now.mark = gen, b
	steady := okA && okB && a == b && b.backfill == b.attempted
	if steady && g.baseOK && now.gen == g.base.gen && now.mark == g.base.mark &&
		(now.size != g.base.size || now.head != g.base.head) {
		return g.gone()
	}
	g.base, g.baseOK = now, steady
	return nil
}

// sameKind reports whether the file could still be the one opened, whatever
// SQLite wrote to it since: the header fields no connection changes, a
// schema version that only goes up, and whole pages.
func (g *fileGuard) sameKind(now snapshot) bool {
	h := now.head
	switch {
	case now.size == 0,
		string(h[0:18]) != string(g.head[0:18]),   // magic, page size
		string(h[56:60]) != string(g.head[56:60]), // text encoding
		string(h[68:72]) != string(g.head[68:72]), // application id
		binary.BigEndian.Uint32(h[60:64]) < binary.BigEndian.Uint32(g.head[60:64]):
		return false
	}
	return !g.aligned || now.size%g.pageSize() == 0
}

func (g *fileGuard) gone() error { return &FileError{Path: g.path, Err: ErrReplaced} }

// release lets go of the guard's files; the store's connections must be
// closed first.
func (g *fileGuard) release() {
	if g != nil {
		g.done.Do(g.files.release)
	}
}

// readMark reads the checkpoint fields of the log's index. The lock bytes
// between them (120 to 127) are skipped: on Windows they may be locked.
func readMark(shm *os.File) (walMark, bool) {
	if shm == nil {
		return walMark{}, false
	}
	var hdr [68]byte // from the first header's salts to nBackfill
	var att [4]byte
	if _, err := shm.ReadAt(hdr[:], 32); err != nil {
		return walMark{}, false
	}
	if _, err := shm.ReadAt(att[:], 128); err != nil {
		return walMark{}, false
	}
	ne := binary.NativeEndian
	return walMark{salt: ne.Uint32(hdr[0:4]), backfill: ne.Uint32(hdr[64:68]), attempted: ne.Uint32(att[:])}, true
}

// guardFiles are the handles a guard reads through, one set per database
// file in the process, shared by every store that has the file open. They
// stay open until the last of those stores is closed: closing any handle of
// a file drops every POSIX lock this process holds on it, SQLite's too.
type guardFiles struct {
	id      os.FileInfo
	db      *os.File
	shmPath string
	refs    int // under guarded.Mutex

	mu     sync.Mutex
	shm    *os.File
	shmID  os.FileInfo
	gen    int
	stale  []*os.File
	closed bool
}

var guarded struct {
	sync.Mutex
	files []*guardFiles
}

func acquireFiles(path string, st os.FileInfo) (*guardFiles, error) {
	guarded.Lock()
	defer guarded.Unlock()
	for _, f := range guarded.files {
		if os.SameFile(f.id, st) {
			f.refs++
			return f, nil
		}
	}
	db, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if dst, err := db.Stat(); err != nil || !os.SameFile(dst, st) {
		db.Close()
		return nil, ErrReplaced // between the two looks
	}
	// SQLite names the index after the file's real name.
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		real = path
	}
	f := &guardFiles{id: st, db: db, shmPath: real + "-shm", refs: 1}
	guarded.files = append(guarded.files, f)
	return f, nil
}

func (f *guardFiles) release() {
	guarded.Lock()
	defer guarded.Unlock()
	if f.refs--; f.refs > 0 {
		return
	}
	for i, g := range guarded.files {
		if g == f {
			guarded.files = append(guarded.files[:i], guarded.files[i+1:]...)
			break
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closed = true
	f.db.Close()
	if f.shm != nil {
		f.shm.Close()
	}
	for _, s := range f.stale {
		s.Close()
	}
}

// index returns a handle on the log's index as it is at the path now, and
// a number that changes when that is another file than before (SQLite
// makes a new one after the last connection anywhere closed the old).
func (f *guardFiles) index() (*os.File, int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return nil, f.gen
	}
	st, err := os.Stat(f.shmPath)
	if err != nil {
		return nil, f.gen
	}
	if f.shm != nil && os.SameFile(st, f.shmID) {
		return f.shm, f.gen
	}
	h, err := os.Open(f.shmPath)
	if err != nil {
		return nil, f.gen
	}
	// The handle that is let go of is kept open all the same: SQLite in
	// this process may still hold locks on that file.
	hs, err := h.Stat()
	if err != nil || !os.SameFile(hs, st) {
		f.stale = append(f.stale, h)
		return nil, f.gen
	}
	if f.shm != nil {
		f.stale = append(f.stale, f.shm)
	}
	f.shm, f.shmID = h, hs
	f.gen++
	return f.shm, f.gen
}

// guardedConnector checks the guard before every new connection, so that no
// connection opens, or creates, what is at the path after the file was
// replaced or removed.
type guardedConnector struct {
	driver.Connector
	g *fileGuard
}

func (c guardedConnector) Connect(ctx context.Context) (driver.Conn, error) {
	if err := c.g.check(); err != nil {
		return nil, err
	}
	return c.Connector.Connect(ctx)
}
