package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"houvast/store"
)

func (a *app) backupCommand() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "backup [-o FILE]",
		Short: "Make a private copy of the database, even while Houvast is open",
		Long: `Backup writes a consistent copy of the database, even while Houvast is open in
another window and saving. The copy is only readable by you (mode 0600) and is
itself a Houvast database: open it with --db FILE, or put it back with
'houvast backup restore FILE'.

Without -o, the copy goes next to the database, named after it with the date
and time: houvast-backup-20261123-140512.db beside houvast.db. An existing
file is never overwritten.

A database too damaged to read is copied byte for byte instead, as it is,
so it can be kept and looked at.`,
		Example: `  houvast backup
  houvast backup -o /media/usb/houvast-friday.db`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.backup(cmd, out)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "the file to write (default: next to the database, with the date and time)")
	cmd.AddCommand(a.restoreCommand())
	return cmd
}

func (a *app) backup(cmd *cobra.Command, out string) error {
	ctx := cmd.Context()
	if err := a.checkLangFlag(); err != nil {
		return err
	}
	path, err := a.dbPath()
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return errors.New(fmt.Sprintf(a.msg(msgBackupNoDatabase), path))
	}
	if out == "" {
		out = backupName(path, time.Now())
	} else if _, err := os.Lstat(out); err == nil {
		return errors.New(fmt.Sprintf(a.msg(msgBackupExists), out))
	}
	s, err := a.openStore(ctx)
	if err == nil {
		err = s.Backup(ctx, out)
		s.Close()
	}
	switch {
	case errors.Is(err, store.ErrDamaged), errors.Is(err, store.ErrTruncated):
		if err := store.CopyFiles(path, out); err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, a.msg(msgBackupRaw)+"\n", out)
		return nil
	case err != nil:
		return err
	}
	fmt.Fprintf(a.stdout, a.msg(msgBackupDone)+"\n", out, out)
	return nil
}

// backupName is the default name of a backup: beside the database, its name
// with "-backup-" and the time, and a number if that is taken.
func backupName(path string, now time.Time) string {
	base := strings.TrimSuffix(path, filepath.Ext(path)) + "-backup-" + now.Format("20060102-150405")
	name := base + ".db"
	for i := 2; ; i++ {
		if _, err := os.Lstat(name); errors.Is(err, os.ErrNotExist) {
			return name
		}
		name = fmt.Sprintf("%s-%d.db", base, i)
	}
}

func (a *app) restoreCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "restore FILE",
		Short: "Put a backup back in place of the database",
		Long: `Restore puts a backup (made by 'houvast backup', or the copy Houvast makes
before it updates the database to a new layout, houvast.db.before-vN.bak) back
in place of the database. Safely:

  1. FILE is never changed. A private copy of it is checked first: it must be
     a sound Houvast database that this version can open. A copy from an
     older Houvast is brought up to date.
  2. Restore refuses while Houvast is open on the database in another window:
     close every Houvast window first.
  3. The database as it is now is kept beside it, as
     houvast.db.before-restore-20261123-140512.bak, even when it is damaged.
  4. Only then is the content replaced, in one step: if the laptop dies
     half-way, the database is either the old one or the restored one.

A file in the database's place that is not a Houvast database is never
replaced.`,
		Example: `  houvast backup restore houvast-backup-20261120-090000.db
  houvast backup restore ~/.local/share/houvast/houvast.db.before-v3.bak`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.checkLangFlag(); err != nil {
				return err
			}
			path, err := a.dbPath()
			if err != nil {
				return err
			}
			src := args[0]
			saved, err := store.Restore(cmd.Context(), path, src, time.Now())
			if err != nil {
				return a.restoreError(err, path, src)
			}
			fmt.Fprintf(a.stdout, a.msg(msgRestoreDone)+"\n", src, path)
			if saved != "" {
				fmt.Fprintf(a.stdout, a.msg(msgRestoreKept)+"\n", saved)
			}
			return nil
		},
	}
}

// restoreError says what went wrong with which of the two files; nothing
// was changed in any of these cases.
func (a *app) restoreError(err error, path, src string) error {
	var fe *store.FileError
	if !errors.As(err, &fe) {
		return err
	}
	say := func(id msgID, args ...any) error { return errors.New(fmt.Sprintf(a.msg(id), args...)) }
	if fe.Path == path {
		switch {
		case errors.Is(err, store.ErrInUse):
			return say(msgRestoreInUse, path)
		case errors.Is(err, store.ErrNotHouvast), errors.Is(err, store.ErrEmptyFile):
			return say(msgRestoreForeignDatabase, path)
		}
		return err
	}
	switch {
	case errors.Is(err, os.ErrNotExist):
		return say(msgRestoreMissing, src)
	case errors.Is(err, store.ErrEmptyFile), errors.Is(err, store.ErrNotHouvast):
		return say(msgRestoreNotHouvast, src)
	case errors.Is(err, store.ErrNewerSchema):
		return say(msgRestoreNewer, src)
	case errors.Is(err, store.ErrTruncated), errors.Is(err, store.ErrDamaged):
		return say(msgRestoreDamaged, src)
	case errors.Is(err, store.ErrInUse):
		return say(msgRestoreSourceOpen, src, src)
	}
	return say(msgRestoreOther, src, errors.Unwrap(err))
}
