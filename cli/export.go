package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"houvast/casework"
	"houvast/export"
	"houvast/store"
)

// exportFlags are shared by every export.
type exportFlags struct {
	ref      string
	out      string
	encrypt  bool
	plain    bool
	passFile string
	allowBSN bool
}

func (a *app) addExportFlags(cmd *cobra.Command, f *exportFlags) {
	cmd.Flags().StringVar(&f.ref, "case", "", a.t.Help.FlagCase)
	a.addFileFlags(cmd, f)
	_ = cmd.MarkFlagRequired("case")
}

// addFileFlags are the flags of every export but which case it is.
func (a *app) addFileFlags(cmd *cobra.Command, f *exportFlags) {
	fl, h := cmd.Flags(), a.t.Help
	fl.StringVarP(&f.out, "output", "o", "", h.FlagOutput)
	fl.BoolVar(&f.encrypt, "encrypt", false, h.FlagEncrypt)
	fl.BoolVar(&f.plain, "plain", false, h.FlagPlain)
	fl.StringVar(&f.passFile, "passphrase-file", "", h.FlagPassFile)
	fl.BoolVar(&f.allowBSN, "allow-bsn", false, h.FlagAllowBSN)
}

func (a *app) exportCommand() *cobra.Command {
	h := a.t.Help.Export
	cmd := &cobra.Command{Use: "export", Short: h.Short, Long: h.Long, Args: cobra.NoArgs}
	cmd.AddCommand(a.exportSummaryCommand(), a.exportVolunteerCommand(), a.exportReturnCommand(), a.exportCaseCommand(), a.exportCasesCommand(),
		a.exportDebtsCommand())
	return cmd
}

// Which exports are locked unless --plain: the files that carry a
// resident's data to another laptop. A summary is the resident's own.
const (
	lockedByDefault = true
	plainByDefault  = false
)

// exportRun is what every export does around its use case: refuse a bad
// output before anything else, ask the passphrase before the work (so a
// typo costs nothing), open the database without ever creating one, run
// the export, and say what was written.
func (a *app) exportRun(ctx context.Context, f exportFlags, locked, binary bool, name string,
	do func(w *casework.Work, r casework.ExportRequest) (casework.Exported, error),
	done func(casework.Exported)) error {
	s, err := a.settings()
	if err != nil {
		return err
	}
	if f.plain && f.encrypt {
		return said(a.t.PlainOrEncrypt)
	}
	if err := casework.CheckOutput(f.out, s.DB, name); err != nil {
		return err
	}
	encrypt := f.encrypt || (locked && !f.plain)
	if f.out == "" && (binary || encrypt) && a.f.StdoutIsTerminal() {
		kind := strings.TrimPrefix(filepath.Ext(name), ".")
		if encrypt {
			kind, name = "age", strings.TrimSuffix(name, filepath.Ext(name))+".age"
		}
		return a.say(a.t.BinaryTTY, strings.ToUpper(kind), name)
	}
	r := casework.ExportRequest{Ref: f.ref, Path: f.out, Out: a.f.Stdout, AllowBSN: f.allowBSN, Plain: !encrypt}
	if encrypt {
		pass, err := a.newPassphrase(f.passFile)
		if err != nil {
			return err
		}
		r.Lock = casework.Lock(pass)
	}
	defer a.wholeFileGC()()
	w, err := a.openExisting(ctx)
	if err != nil {
		return err
	}
	defer w.Close()
	res, err := do(w, r)
	if err != nil {
		return err
	}
	if locked && !encrypt {
		// Said once, and where a piped file cannot take it in.
		fmt.Fprintln(a.f.Stderr, a.t.PlainWritten)
	}
	if f.out != "" {
		done(res)
	}
	return nil
}

func (a *app) exportSummaryCommand() *cobra.Command {
	var f exportFlags
	var format string
	var allPages bool
	h := a.t.Help.ExportSummary
	cmd := &cobra.Command{
		Use: "summary", Short: h.Short, Long: h.Long, Example: h.Example, Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format == "" {
				// A database given as the file is refused as such, not
				// as an unknown format.
				if s, err := a.settings(); err != nil {
					return err
				} else if err := casework.CheckOutput(f.out, s.DB, "summary.pdf"); err != nil {
					return err
				}
				// samenvatting.pdf, or samenvatting.pdf.age when locked
				format = strings.TrimPrefix(filepath.Ext(strings.TrimSuffix(f.out, ".age")), ".")
			}
			ff, err := export.ParseFormat(format)
			if err != nil {
				return a.say(a.t.BadFormat, format)
			}
			return a.exportRun(cmd.Context(), f, plainByDefault, ff.Binary(), "summary"+ff.Ext(),
				func(w *casework.Work, r casework.ExportRequest) (casework.Exported, error) {
					pages := export.FirstPage
					if allPages {
						pages = export.AllPages
					}
					return w.ExportSummary(cmd.Context(), r, ff, pages)
				},
				func(e casework.Exported) { a.printf(a.t.Written, e.Path) })
		},
	}
	a.addExportFlags(cmd, &f)
	cmd.Flags().StringVar(&format, "format", "", a.t.Help.FlagFormat)
	cmd.Flags().BoolVar(&allPages, "all-pages", false, a.t.Help.FlagAllPages)
	return cmd
}

func (a *app) exportVolunteerCommand() *cobra.Command {
	var f exportFlags
	var v casework.VolunteerRequest
	h := a.t.Help.ExportVolunteer
	cmd := &cobra.Command{
		Use: "volunteer", Short: h.Short, Long: h.Long, Example: h.Example, Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.exportRun(cmd.Context(), f, lockedByDefault, false, "volunteer.json",
				func(w *casework.Work, r casework.ExportRequest) (casework.Exported, error) {
					return w.ExportVolunteer(cmd.Context(), r, v, store.NewID)
				},
				func(e casework.Exported) { a.printf(a.t.VolunteerWritten, e.Path, e.Steps) })
		},
	}
	a.addExportFlags(cmd, &f)
	cmd.Flags().BoolVar(&v.Contact, "with-contact", false, a.t.Help.FlagWithContact)
	cmd.Flags().BoolVar(&v.Debts, "with-debts", false, a.t.Help.FlagWithDebts)
	cmd.Flags().StringVar(&v.Only, "volunteer", "", a.t.Help.FlagVolunteer)
	return cmd
}

func (a *app) exportReturnCommand() *cobra.Command {
	var f exportFlags
	h := a.t.Help.ExportReturn
	cmd := &cobra.Command{
		Use: "return", Short: h.Short, Long: h.Long, Example: h.Example, Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			err := a.exportRun(cmd.Context(), f, lockedByDefault, false, "return.json",
				func(w *casework.Work, r casework.ExportRequest) (casework.Exported, error) {
					return w.ExportReturn(cmd.Context(), r, store.NewID)
				},
				func(e casework.Exported) {
					to := clean(e.To)
					if to == "" {
						to = a.t.TheSpecialist
					}
					a.printf(a.t.ReturnWritten, e.Path, e.Changes, to)
				})
			// Nothing to return yet is no failure: the volunteer is told
			// what to do first.
			if casework.IsRefusal(err, casework.NothingToReturn) {
				a.printf("%s", a.sentence(err))
				return nil
			}
			return err
		},
	}
	a.addExportFlags(cmd, &f)
	return cmd
}

func (a *app) exportCaseCommand() *cobra.Command {
	var f exportFlags
	h := a.t.Help.ExportCase
	cmd := &cobra.Command{
		Use: "case", Short: h.Short, Long: h.Long, Example: h.Example, Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.exportRun(cmd.Context(), f, lockedByDefault, false, "case.json",
				func(w *casework.Work, r casework.ExportRequest) (casework.Exported, error) {
					return w.ExportCase(cmd.Context(), r)
				},
				func(e casework.Exported) { a.printf(a.t.Written, e.Path) })
		},
	}
	a.addExportFlags(cmd, &f)
	return cmd
}

func (a *app) exportCasesCommand() *cobra.Command {
	var f exportFlags
	var status string
	var all bool
	h := a.t.Help.ExportCases
	cmd := &cobra.Command{
		Use: "cases", Short: h.Short, Long: h.Long, Example: h.Example, Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := a.settings(); err != nil {
				return err
			}
			sel, err := casework.ParseCaseSelection(status, all)
			if err != nil {
				return err
			}
			return a.exportRun(cmd.Context(), f, lockedByDefault, false, "cases.json",
				func(w *casework.Work, r casework.ExportRequest) (casework.Exported, error) {
					return w.ExportCases(cmd.Context(), r, sel)
				},
				func(e casework.Exported) {
					a.printf(a.t.CasesWritten, e.Path, e.Cases, e.Steps)
					if e.Copies > 0 {
						a.printf(a.t.CopiesLeftOut, e.Copies)
					}
				})
		},
	}
	a.addFileFlags(cmd, &f)
	fl := cmd.Flags()
	fl.StringVar(&status, "status", "", a.t.Help.FlagStatus)
	fl.BoolVar(&all, "all", false, a.t.Help.FlagAll)
	return cmd
}

// wholeFileGC is for the verbs that read or write a whole exchange file
// and then end: the collector may let the heap grow to five times what is
// live before it runs, but not past 256 MiB. For a case of 10,000 steps it
// then runs once or twice instead of three to five times (about 15% of
// the time). GOGC and GOMEMLIMIT override it. The returned func puts the
// settings back, for the tests that run many verbs in one process.
func (a *app) wholeFileGC() (restore func()) {
	var undo []func()
	if a.f.Env("GOGC") == "" {
		old := debug.SetGCPercent(400)
		undo = append(undo, func() { debug.SetGCPercent(old) })
	}
	if a.f.Env("GOMEMLIMIT") == "" {
		old := debug.SetMemoryLimit(256 << 20)
		undo = append(undo, func() { debug.SetMemoryLimit(old) })
	}
	return func() {
		for _, u := range undo {
			u()
		}
	}
}

// passphraseFromFile reads the first line of a file (at most 4 KiB).
func (a *app) passphraseFromFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", a.say(a.t.PassFile, path, errors.Unwrap(err))
	}
	defer f.Close()
	line, err := bufio.NewReader(io.LimitReader(f, 4096)).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", a.say(a.t.PassFile, path, err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", a.say(a.t.PassFileEmpty, path)
	}
	return line, nil
}

// newPassphrase gets the passphrase to encrypt with: from the file, or
// typed twice.
func (a *app) newPassphrase(file string) (string, error) {
	if file != "" {
		p, err := a.passphraseFromFile(file)
		if err != nil {
			return "", err
		}
		return p, export.CheckPassphrase(p)
	}
	p, err := a.f.ReadPassphrase(a.t.PassPrompt)
	if errors.Is(err, ErrNoTerminal) {
		return "", said(a.t.PassTTY)
	}
	if err != nil {
		return "", err
	}
	if err := export.CheckPassphrase(p); err != nil {
		return "", err
	}
	again, err := a.f.ReadPassphrase(a.t.PassAgain)
	if err != nil {
		return "", err
	}
	if again != p {
		return "", &export.FileError{Problem: export.PassphraseMismatch}
	}
	return p, nil
}

func (a *app) exportDebtsCommand() *cobra.Command {
	var f exportFlags
	var format string
	h := a.t.Help.ExportDebts
	cmd := &cobra.Command{
		Use: "debts", Short: h.Short, Long: h.Long, Example: h.Example, Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format == "" {
				format = strings.TrimPrefix(filepath.Ext(strings.TrimSuffix(f.out, ".age")), ".")
			}
			df, ok := export.ParseDebtFormat(strings.ToLower(format))
			if !ok {
				return a.say(a.t.BadDebtFormat, format)
			}
			return a.exportRun(cmd.Context(), f, plainByDefault, df == export.DebtsXLSX, "schulden"+df.Ext(),
				func(w *casework.Work, r casework.ExportRequest) (casework.Exported, error) {
					return w.ExportDebts(cmd.Context(), r, df)
				},
				func(e casework.Exported) { a.printf(a.t.Written, e.Path) })
		},
	}
	a.addExportFlags(cmd, &f)
	cmd.Flags().StringVar(&format, "format", "", a.t.Help.FlagDebtFormat)
	return cmd
}
