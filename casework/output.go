package casework

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"houvast/export"
)

// OutputProblem is why a file may not be written where the user asked.
type OutputProblem int

const (
	OutputIsDatabase  OutputProblem = iota + 1 // the database this run has open
	OutputIsCompanion                          // the -wal, -shm or -journal of a database
	OutputIsSQLite                             // another SQLite file: a backup, another program's data
	OutputIsFolder                             // a folder, not a file name
	OutputFailed                               // the writing itself failed (no such folder, no room, no right)
)

// OutputError refuses or reports an output path. Whatever the problem,
// nothing at the path was changed.
type OutputError struct {
	Path    string
	Problem OutputProblem
	Example string // OutputIsFolder: a file name in that folder to offer
	Err     error  // OutputFailed: what the system said
}

func (e *OutputError) Error() string {
	msg := map[OutputProblem]string{
		OutputIsDatabase:  "is the open database",
		OutputIsCompanion: "belongs to a database",
		OutputIsSQLite:    "is an SQLite file",
		OutputIsFolder:    "is a folder",
		OutputFailed:      "could not be written",
	}[e.Problem]
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return "output " + e.Path + " " + msg
}

func (e *OutputError) Unwrap() error { return e.Err }

// sqliteHeader opens every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// companions are the files SQLite keeps beside a database while it is in
// use; writing over one destroys what it holds.
var companions = []string{"-wal", "-shm", "-journal"}

// CheckOutput refuses a path that an export must never write: the open
// database db, a file beside a database that SQLite uses, any other SQLite
// file, or a folder. name is the file name to suggest inside a folder.
// An empty path (standard output) is always fine.
func CheckOutput(path, db, name string) error {
	if path == "" {
		return nil
	}
	refuse := func(p OutputProblem) error { return &OutputError{Path: path, Problem: p} }
	if strings.HasSuffix(path, string(filepath.Separator)) || strings.HasSuffix(path, "/") {
		return &OutputError{Path: path, Problem: OutputIsFolder, Example: filepath.Join(path, name)}
	}
	if db != "" && sameName(path, db) {
		return refuse(OutputIsDatabase)
	}
	for _, c := range companions {
		if stem, ok := strings.CutSuffix(path, c); ok {
			if (db != "" && sameName(stem, db)) || isSQLite(stem) {
				return refuse(OutputIsCompanion)
			}
		}
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil // a new file
	}
	if st.IsDir() {
		return &OutputError{Path: path, Problem: OutputIsFolder, Example: filepath.Join(path, name)}
	}
	if db != "" {
		if dst, err := os.Stat(db); err == nil && os.SameFile(st, dst) {
			return refuse(OutputIsDatabase)
		}
	}
	if isSQLite(path) {
		return refuse(OutputIsSQLite)
	}
	return nil
}

// sameName tells whether two paths name the same place, also when neither
// exists yet.
func sameName(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	if err1 != nil || err2 != nil {
		return filepath.Clean(a) == filepath.Clean(b)
	}
	if aa == bb {
		return true
	}
	sa, err1 := os.Stat(aa)
	sb, err2 := os.Stat(bb)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// isSQLite tells whether the file at path starts as an SQLite database.
func isSQLite(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, _ := io.ReadFull(f, head)
	return string(head[:n]) == sqliteHeader
}

// WriteOutput checks path with CheckOutput and writes it whole or not at
// all, private to the user (export.WriteStream). A refusal over a possible
// BSN passes unchanged; a failure of the file system is an OutputError.
func WriteOutput(path, db, name string, write func(io.Writer) error) error {
	if err := CheckOutput(path, db, name); err != nil {
		return err
	}
	err := export.WriteStream(path, write)
	if err == nil {
		return nil
	}
	var bsn *export.BSNError
	if errors.As(err, &bsn) {
		return bsn
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return &OutputError{Path: path, Problem: OutputFailed, Err: pe.Err}
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return &OutputError{Path: path, Problem: OutputFailed, Err: le.Err}
	}
	return err
}
