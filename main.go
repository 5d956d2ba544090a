// Houvast keeps debt-help case files on this laptop and shows a dosed,
// step-by-step action list. main wires the command line to the store, the
// screens and the exports.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"strings"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"houvast/actionlist"
	"houvast/store"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

// app holds what every verb shares: the global flags and the environment.
type app struct {
	dbFlag   string
	langFlag string
	nameFlag string
	roleFlag string
	env      func(string) string
	stdin    io.Reader
	stdout   io.Writer
	stderr   io.Writer
}

// run executes the command line and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, env func(string) string) int {
	a := &app{env: env, stdin: stdin, stdout: stdout, stderr: stderr}
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := fang.Execute(ctx, root,
		fang.WithoutManpage(),
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

func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "houvast",
		Short: "Case files and a dosed action list for debt help",
		Long: `Houvast keeps debt-help case files in a local SQLite file and shows a dosed,
step-by-step action list: a few concrete next steps at a time, each with who,
by when and what happens next. Nothing is sent over a network.

Without a verb, houvast opens the screen on the default database.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.openScreen(cmd.Context())
		},
	}
	pf := root.PersistentFlags()
	pf.StringVar(&a.dbFlag, "db", "", "database file (default: $HOUVAST_DB, or houvast/houvast.db in the XDG data folder)")
	pf.StringVar(&a.langFlag, "lang", "", "language of the screens and messages: nl or en (default: from LANG, else nl)")
	pf.StringVar(&a.nameFlag, "name", "", "your name, recorded with every change (default: $HOUVAST_NAME, else your login name)")
	root.Flags().StringVar(&a.roleFlag, "role", "specialist", "who you are: specialist, or vrijwilliger (volunteer) for the volunteer's checklist")
	root.AddCommand(a.backupCommand())
	root.AddCommand(a.casesCommand())
	root.AddCommand(a.checkCommand())
	root.AddCommand(a.demoCommand())
	root.AddCommand(a.eraseCommand())
	root.AddCommand(a.exportCommand())
	root.AddCommand(a.importCommand())
	root.AddCommand(a.reportCommand())
	root.AddCommand(a.seedCommand())
	root.AddCommand(a.templatesCommand())
	return root
}

// lang decides the language: --lang, then HOUVAST_LANG, then the locale
// (LC_ALL, LC_MESSAGES, LANG) when it is English; Dutch otherwise.
func (a *app) lang() actionlist.Lang {
	if a.langFlag != "" {
		if l, err := actionlist.ParseLang(a.langFlag); err == nil {
			return l
		}
	}
	if l, err := actionlist.ParseLang(a.env("HOUVAST_LANG")); err == nil {
		return l
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := a.env(v); s != "" {
			if strings.HasPrefix(s, "en") {
				return actionlist.English
			}
			return actionlist.Dutch
		}
	}
	return actionlist.Dutch
}

func (a *app) checkLangFlag() error {
	if a.langFlag == "" {
		return nil
	}
	_, err := actionlist.ParseLang(a.langFlag)
	return err
}

// actor is who the changes made in this run are recorded as.
func (a *app) actor(role actionlist.Role) actionlist.Actor {
	name := a.nameFlag
	if name == "" {
		name = a.env("HOUVAST_NAME")
	}
	if name == "" {
		if u, err := user.Current(); err == nil {
			name = u.Username
		}
	}
	return actionlist.Actor{Name: actionlist.CleanText(name, false), Role: role}
}

func (a *app) dbPath() (string, error) {
	if a.dbFlag != "" {
		return a.dbFlag, nil
	}
	if p := a.env("HOUVAST_DB"); p != "" {
		return p, nil
	}
	return store.DefaultPath()
}

func (a *app) openStore(ctx context.Context) (*store.Store, error) {
	if err := a.checkLangFlag(); err != nil {
		return nil, err
	}
	path, err := a.dbPath()
	if err != nil {
		return nil, err
	}
	return store.Open(ctx, path)
}

// openScreen starts the terminal screen on the database.
func (a *app) openScreen(ctx context.Context) error {
	s, err := a.openStore(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	return a.runScreen(ctx, s)
}
