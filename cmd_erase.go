package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"houvast/actionlist"
	"houvast/store"
)

func (a *app) eraseCommand() *cobra.Command {
	var ref string
	var due, compact, yes bool
	months := 0
	cmd := &cobra.Command{
		Use:   "erase --case REF | --due | --compact",
		Short: "Erase closed cases for good",
		Long: `Erase removes a closed case for good: the case, its steps, agreements and
history. The file is then rebuilt, so the resident's name is no longer in it
anywhere, not even in its free space. A case that is not closed is refused:
close it first (x on the case list).

Houvast reminds you (in 'houvast check' and on the case list) to erase closed
cases once their retention period has passed: 12 months after closing, or
the number of months in $HOUVAST_RETENTION_MONTHS. --due erases all of those.

On a terminal, erase asks you to confirm by typing the reference (or, with
--due, the word the question names). In a script, pass --yes.

Backups made earlier still hold an erased case; erase names the ones it finds
next to the database. --compact rebuilds the file again: use it when erase
said another window was in the way.`,
		Example: `  houvast erase --case 2025-014
  houvast erase --due
  houvast erase --due --months 24 --yes`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			chosen := 0
			for _, b := range []bool{ref != "", due, compact} {
				if b {
					chosen++
				}
			}
			if chosen != 1 {
				return errors.New(a.msg(msgEraseWhich))
			}
			if months == 0 {
				months = a.retentionMonths()
			}
			s, err := a.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			switch {
			case compact:
				return a.compact(cmd.Context(), s)
			case due:
				return a.eraseDue(cmd.Context(), s, months, yes)
			}
			return a.eraseOne(cmd.Context(), s, ref, yes)
		},
	}
	f := cmd.Flags()
	f.StringVar(&ref, "case", "", "the reference of the closed case to erase (see 'houvast cases')")
	f.BoolVar(&due, "due", false, "erase every closed case whose retention period has passed")
	f.IntVar(&months, "months", 0, "the retention period in months, for --due (default: $HOUVAST_RETENTION_MONTHS, else 12)")
	f.BoolVar(&compact, "compact", false, "only rebuild the file, so nothing erased lingers in it")
	f.BoolVar(&yes, "yes", false, "do not ask for confirmation (for scripts)")
	return cmd
}

// retentionMonths is how long closed cases are kept: $HOUVAST_RETENTION_MONTHS
// or the default.
func (a *app) retentionMonths() int {
	if n, err := strconv.Atoi(a.env("HOUVAST_RETENTION_MONTHS")); err == nil && n > 0 {
		return n
	}
	return store.DefaultRetentionMonths
}

// stdinIsATerminal tells whether erase can ask; tests replace it.
var stdinIsATerminal = func(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// confirm asks on the terminal and compares the answer with want. Without a
// terminal and without --yes, nothing is erased.
func (a *app) confirm(question, want string, yes bool) (bool, error) {
	if yes {
		return true, nil
	}
	if !stdinIsATerminal(a.stdin) {
		return false, errors.New(a.msg(msgEraseNeedsYes))
	}
	fmt.Fprint(a.stderr, question)
	answer, _ := bufio.NewReader(a.stdin).ReadString('\n')
	if !strings.EqualFold(strings.TrimSpace(answer), want) {
		fmt.Fprintln(a.stdout, a.msg(msgEraseCancelled))
		return false, nil
	}
	return true, nil
}

func (a *app) eraseOne(ctx context.Context, s *store.Store, ref string, yes bool) error {
	id, err := s.CaseIDByRef(ctx, ref)
	if errors.Is(err, store.ErrNotFound) {
		return errors.New(fmt.Sprintf(a.msg(msgEraseUnknown), ref))
	}
	if err != nil {
		return err
	}
	c, err := s.Case(ctx, id)
	if err != nil {
		return err
	}
	ref, name := actionlist.CleanText(c.Ref, false), actionlist.CleanText(c.Name, false)
	if c.Status != actionlist.CaseClosed {
		return errors.New(fmt.Sprintf(a.msg(msgEraseNotClosed), ref, name))
	}
	ok, err := a.confirm(fmt.Sprintf(a.msg(msgEraseAsk), ref, name, len(c.Steps), len(c.Agreements), ref), ref, yes)
	if !ok || err != nil {
		return err
	}
	err = s.EraseCase(ctx, id)
	if err != nil && !errors.Is(err, store.ErrTracesRemain) {
		return err
	}
	fmt.Fprintf(a.stdout, a.msg(msgErased)+"\n", ref, name)
	a.warnBackups(s.Path())
	if err != nil {
		return errors.New(a.msg(msgTracesRemain))
	}
	return nil
}

func (a *app) eraseDue(ctx context.Context, s *store.Store, months int, yes bool) error {
	due, err := s.DueForErasure(ctx, actionlist.DateOf(time.Now()), months)
	if err != nil {
		return err
	}
	if len(due) == 0 {
		fmt.Fprintf(a.stdout, a.msg(msgEraseNoneDue)+"\n", months)
		return nil
	}
	word := a.msg(msgEraseWord)
	fmt.Fprintf(a.stderr, a.msg(msgEraseDueList)+"\n", len(due), months)
	for _, c := range due {
		fmt.Fprintf(a.stderr, "  %s  %s  %s\n", actionlist.CleanText(c.Ref, false), actionlist.CleanText(c.Name, false), c.ClosedOn)
	}
	ok, err := a.confirm(fmt.Sprintf(a.msg(msgEraseDueAsk), word), word, yes)
	if !ok || err != nil {
		return err
	}
	traces := false
	for _, c := range due {
		err := s.EraseCase(ctx, c.ID)
		if errors.Is(err, store.ErrTracesRemain) {
			traces = true
		} else if err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, a.msg(msgErased)+"\n", actionlist.CleanText(c.Ref, false), actionlist.CleanText(c.Name, false))
	}
	a.warnBackups(s.Path())
	if traces {
		return errors.New(a.msg(msgTracesRemain))
	}
	return nil
}

func (a *app) compact(ctx context.Context, s *store.Store) error {
	if err := s.Compact(ctx); errors.Is(err, store.ErrTracesRemain) {
		return errors.New(a.msg(msgCompactBlocked))
	} else if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, a.msg(msgCompacted))
	return nil
}

// warnBackups names the backups next to the database: they still hold
// what was erased.
func (a *app) warnBackups(path string) {
	if found := backupsBeside(path); len(found) > 0 {
		fmt.Fprintf(a.stdout, a.msg(msgEraseBackups)+"\n", strings.Join(found, "\n  "))
	}
}

// backupsBeside lists the copies Houvast makes next to a database: by
// `houvast backup`, before a migration and before a restore.
func backupsBeside(path string) []string {
	base := strings.TrimSuffix(path, filepath.Ext(path))
	var found []string
	for _, pattern := range []string{base + "-backup-*.db", path + ".before-*.bak"} {
		m, _ := filepath.Glob(pattern)
		found = append(found, m...)
	}
	return found
}

// remindRetention prints, after a check, how many closed cases have passed
// their retention period and how to erase them. Nothing when none have.
func (a *app) remindRetention(ctx context.Context, s *store.Store) {
	months := a.retentionMonths()
	due, err := s.DueForErasure(ctx, actionlist.DateOf(time.Now()), months)
	if err != nil || len(due) == 0 {
		return
	}
	refs := make([]string, len(due))
	for i, c := range due {
		refs[i] = actionlist.CleanText(c.Ref, false)
	}
	id := msgRetentionDueMany
	if len(due) == 1 {
		id = msgRetentionDueOne
	}
	fmt.Fprintf(a.stdout, a.msg(id)+"\n", len(due), months, strings.Join(refs, ", "))
}
