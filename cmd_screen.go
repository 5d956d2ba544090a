package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/adrg/xdg"
	"github.com/spf13/cobra"

	"houvast/actionlist"
	"houvast/demo"
	"houvast/export"
	"houvast/store"
	"houvast/tui"
)

// screenOptions are the TUI's options for this run.
func (a *app) screenOptions(s *store.Store, role actionlist.Role) tui.Options {
	templates, errs := a.screenTemplates()
	o := tui.Options{
		Store:     s,
		Lang:      a.lang(),
		Actor:     a.actor(role),
		Volunteer: role == actionlist.RoleVolunteer,
		Templates: templates,
		Summaries: summaries{},
		ExportDir: exportDir(),
	}
	if len(errs) > 0 {
		o.Notice = errs[0].Error()
	}
	if path := a.env("HOUVAST_FIRST_FRAME"); path != "" {
		start := processStart
		o.FirstFrame = func() {
			// Measured from process start, for bench/compare.sh; the file is
			// written beside the screen, which never waits for a disk.
			took := time.Since(start).Microseconds()
			go func() { _ = os.WriteFile(path, []byte(fmt.Sprintf("%d\n", took)), 0o600) }()
		}
	}
	return o
}

// screenMemoryLimit is the screen's soft memory limit (see runScreen).
const screenMemoryLimit = 32 << 20

// processStart is when main started, for the time-to-first-frame figure.
var processStart = time.Now()

// parseRole accepts the role names people type, in Dutch or English.
func parseRole(s string) (actionlist.Role, error) {
	switch s {
	case "", "specialist":
		return actionlist.RoleSpecialist, nil
	case "vrijwilliger", "volunteer":
		return actionlist.RoleVolunteer, nil
	case "generalist":
		return actionlist.RoleGeneralist, nil
	}
	return "", fmt.Errorf("unknown role %q: use specialist or vrijwilliger (volunteer)", s)
}

func (a *app) runScreen(ctx context.Context, s *store.Store) error {
	role, err := parseRole(a.roleFlag)
	if err != nil {
		return err
	}
	// The screen keeps one case in memory at a time; a soft limit makes the
	// collector return what a very large case leaves behind, so a laptop
	// with 20,000 steps open stays small. GOMEMLIMIT overrides it.
	if a.env("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(screenMemoryLimit)
	}
	return tui.Run(ctx, a.screenOptions(s, role))
}

func (a *app) demoCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: "Try Houvast on a throwaway database with an example case",
		Long: `Demo opens the screen on a new database holding one realistic example case in
the middle of stabilisation: some steps done, one overdue, a volunteer at work,
an agreement and a next appointment. Without --db the database is temporary and
removed when you quit; with --db it is kept there (the file must not exist yet).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			path := a.dbFlag
			if path == "" {
				dir, err := os.MkdirTemp("", "houvast-demo-")
				if err != nil {
					return err
				}
				defer os.RemoveAll(dir)
				path = filepath.Join(dir, "demo.db")
			} else if _, err := os.Stat(path); err == nil {
				return fmt.Errorf("%s exists already: demo makes a new database; choose a new file name", path)
			}
			s, err := store.Open(ctx, path)
			if err != nil {
				return err
			}
			defer s.Close()
			if err := seedDemo(ctx, s, a.lang()); err != nil {
				return err
			}
			return a.runScreen(ctx, s)
		},
	}
}

// seedDemo stores the example case with its history, each change at the
// moment it happened.
func seedDemo(ctx context.Context, s *store.Store, lang actionlist.Lang) error {
	real := s.Now
	defer func() { s.Now = real }()
	ex := demo.Case(lang, actionlist.DateOf(time.Now()), store.NewID)
	_, err := ex.Replay(ctx, s, func(at time.Time) {
		s.Now = func() time.Time { at = at.Add(time.Second); return at }
	})
	return err
}

// summaries lets the screens write the resident's summary with the export
// package.
type summaries struct{}

func (summaries) Formats() []string {
	out := make([]string, 0, len(export.Formats))
	out = append(out, string(export.PDF))
	for _, f := range export.Formats {
		if f != export.PDF {
			out = append(out, string(f))
		}
	}
	return out
}

func (summaries) Write(c actionlist.Case, format, path string, today actionlist.Date, allowBSN bool) error {
	f, err := export.ParseFormat(format)
	if err != nil {
		return err
	}
	data, err := export.Options{AllowBSN: allowBSN}.Summary(c, f, today)
	if err != nil {
		return err
	}
	return export.WriteFile(path, data)
}

func (summaries) Sentence(err error, l actionlist.Lang) string { return export.Sentence(err, l) }

func (summaries) LooksLikeBSN(err error) bool {
	var be *export.BSNError
	return errors.As(err, &be)
}

// exportDir is where the screens put a summary unless told otherwise: the
// user's documents folder when there is one, else the current folder.
func exportDir() string {
	if d := xdg.UserDirs.Documents; d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	if wd, err := os.Getwd(); err == nil {
		return wd
	}
	return "."
}
