// Package cli is Houvast's command line (cobra + fang): each verb reads its
// flags, calls a use case of package casework, and prints the result in the
// language of the run. It holds no rule of its own.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"charm.land/fang/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"houvast/actionlist"
	"houvast/casework"
	"houvast/tui"
)

// Factory holds every seam of a run: the environment, the terminal, the
// clock and the screen. Tests fill their own, so they can run in parallel.
type Factory struct {
	Env            func(string) string
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Now            func() time.Time
	// ReadPassphrase asks for a passphrase without showing it; it returns
	// ErrNoTerminal when there is no terminal to ask on.
	ReadPassphrase func(prompt string) (string, error)
	// StdinIsTerminal and StdoutIsTerminal tell whether a person is there
	// to answer a question, and whether binary output would hit a screen.
	StdinIsTerminal, StdoutIsTerminal func() bool
	// Screen runs the terminal screens until the user quits.
	Screen func(ctx context.Context, o tui.Options) error
}

// ErrNoTerminal: there is no terminal to ask a passphrase on.
var ErrNoTerminal = errors.New("no terminal to ask for a passphrase")

// System is the factory of a real run, on this process's terminal.
func System() *Factory {
	return &Factory{
		Env:    os.Getenv,
		Stdin:  os.Stdin,
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Now:    time.Now,
		ReadPassphrase: func(prompt string) (string, error) {
			// /dev/tty, so it works while standard output goes to a file.
			tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
			if err != nil {
				return "", ErrNoTerminal
			}
			defer tty.Close()
			if !term.IsTerminal(tty.Fd()) {
				return "", ErrNoTerminal
			}
			fmt.Fprint(tty, prompt)
			b, err := term.ReadPassword(tty.Fd())
			fmt.Fprintln(tty)
			if err != nil {
				return "", err
			}
			return string(b), nil
		},
		StdinIsTerminal:  func() bool { return term.IsTerminal(os.Stdin.Fd()) },
		StdoutIsTerminal: func() bool { return term.IsTerminal(os.Stdout.Fd()) },
		Screen:           func(ctx context.Context, o tui.Options) error { return tui.Run(ctx, o) },
	}
}

// app is one run of the command line: the factory, the global flags and
// what they resolve to.
type app struct {
	f     *Factory
	flags casework.Flags
	role  string
	t     *text
	lang  actionlist.Lang
}

// errUnsound makes `houvast check` exit with code 2 when it found damage;
// the problems and the sentence were printed already.
var errUnsound = errors.New("the database has problems")

// said is an error that is already the sentence the user reads.
type said string

func (s said) Error() string { return string(s) }

// Run executes the command line and returns the exit code: 0 done, 2 a
// check found damage, 1 anything else.
func Run(ctx context.Context, args []string, f *Factory) int {
	a := &app{f: f}
	// The help and the flag errors are in the run's language, so it is
	// decided before the flags are parsed: from --lang if given, else from
	// the environment.
	pre, _ := casework.Resolve(casework.Flags{Lang: langArg(args)}, f.Env)
	a.lang, a.t = pre.Lang, texts(pre.Lang)
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetIn(f.Stdin)
	root.SetOut(f.Stdout)
	root.SetErr(f.Stderr)
	err := fang.Execute(ctx, root,
		fang.WithoutManpage(),
		fang.WithVersion(root.Version),
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) {
			fmt.Fprintln(w, a.sentence(err))
		}))
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUnsound):
		return 2
	}
	return 1
}

// langArg finds --lang among the arguments, before cobra has parsed them.
func langArg(args []string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		if v, ok := strings.CutPrefix(a, "--lang="); ok {
			return v
		}
		if a == "--lang" && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

// settings resolves the run's settings from the flags and the environment;
// a setting Houvast cannot use stops the verb before it touches anything.
func (a *app) settings() (casework.Settings, error) {
	s, err := casework.Resolve(a.flags, a.f.Env)
	a.lang, a.t = s.Lang, texts(s.Lang)
	return s, err
}

// sentence turns an error into what the user reads: what happened and what
// to do. An error nobody made a sentence for is shown as it is.
func (a *app) sentence(err error) string {
	var s said
	if errors.As(err, &s) {
		return string(s)
	}
	if s := casework.Sentence(err, a.lang); s != "" {
		return s
	}
	if errors.Is(err, errUnsound) {
		return a.t.Unsound
	}
	if s := a.usageSentence(err); s != "" {
		return s
	}
	return err.Error()
}

func (a *app) say(format string, args ...any) error { return said(fmt.Sprintf(format, args...)) }

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

func (a *app) printf(format string, args ...any) { fmt.Fprintf(a.f.Stdout, format+"\n", args...) }

func (a *app) rootCommand() *cobra.Command {
	h := a.t.Help
	root := &cobra.Command{
		Use:     "houvast",
		Short:   h.Root.Short,
		Long:    h.Root.Long,
		Args:    cobra.NoArgs,
		Version: version(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.openScreen(cmd.Context())
		},
	}
	pf := root.PersistentFlags()
	pf.StringVar(&a.flags.DB, "db", "", h.FlagDB)
	pf.StringVar(&a.flags.Lang, "lang", "", h.FlagLang)
	pf.StringVar(&a.flags.Name, "name", "", h.FlagName)
	root.Flags().StringVar(&a.role, "role", "specialist", h.FlagRole)
	pf.BoolVar(&a.flags.Agenda, "agenda", false, h.FlagAgenda)
	root.AddCommand(
		a.backupCommand(), a.casesCommand(), a.checkCommand(), a.demoCommand(),
		a.eraseCommand(), a.exportCommand(), a.importCommand(), a.reportCommand(),
		a.seedCommand(), a.templatesCommand(), a.agendaCommand(),
		a.signalsCommand(),
	)
	a.translateCobra(root)
	root.SetFlagErrorFunc(flagError)
	return root
}

// translateCobra puts the run's words on what cobra adds itself: the help
// flag of every verb, and the help and completion verbs.
func (a *app) translateCobra(root *cobra.Command) {
	h := a.t.Help
	root.InitDefaultHelpCmd()
	root.InitDefaultVersionFlag()
	root.InitDefaultCompletionCmd()
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = fmt.Sprintf(h.FlagHelp, c.Name())
		}
		if f := c.Flags().Lookup("version"); f != nil {
			f.Usage = fmt.Sprintf(h.FlagVersion, c.Name())
		}
		if orig := c.Args; orig != nil {
			// A wrong number of arguments is said with the command's name.
			c.Args = func(cmd *cobra.Command, args []string) error {
				if err := orig(cmd, args); err != nil {
					return &usageError{cmd: cmd.CommandPath(), err: err}
				}
				return nil
			}
		}
		switch c.Name() {
		case "help":
			c.Short = h.HelpVerb
		case "completion":
			c.Short = h.CompletionVerb
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// open opens the database of the run for a verb that may change it.
func (a *app) open(ctx context.Context) (*casework.Work, error) {
	s, err := a.settings()
	if err != nil {
		return nil, err
	}
	w, err := casework.Open(ctx, s)
	if w != nil {
		w.Now = a.f.Now
	}
	return w, err
}

// openExisting opens the database for a verb that must never create one.
func (a *app) openExisting(ctx context.Context) (*casework.Work, error) {
	s, err := a.settings()
	if err != nil {
		return nil, err
	}
	w, err := casework.OpenExisting(ctx, s)
	if w != nil {
		w.Now = a.f.Now
	}
	return w, err
}

// version is the module's version as the build recorded it.
func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}

// today is the run's date.
func (a *app) today() actionlist.Date { return actionlist.DateOf(a.f.Now()) }

// clean and cleanPath say a text and a file's name safely (see
// actionlist.ShownText and ShownPath).
var clean, cleanPath = actionlist.ShownText, actionlist.ShownPath
