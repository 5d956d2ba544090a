package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"houvast/actionlist"
	"houvast/casework"
	"houvast/tui"
)

// screenMemoryLimit is the screen's soft memory limit (see runScreen).
const screenMemoryLimit = 32 << 20

// processStart is when the program started, for the time-to-first-frame
// figure of bench/compare.sh.
var processStart = time.Now()

// openScreen starts the screens on the run's database.
func (a *app) openScreen(ctx context.Context) error {
	role, err := casework.ParseRole(a.role)
	if err != nil {
		return err
	}
	w, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer w.Close()
	return a.runScreen(ctx, w, role)
}

// screenOptions are the screens' options for this run: the use cases they
// reach, and the settings resolved for both front-ends.
func (a *app) screenOptions(w *casework.Work, role actionlist.Role) tui.Options {
	s := w.Settings
	templates, errs := casework.Templates(s)
	// The words of the steps in the residents' languages are read beside
	// the first frame; `houvast templates` says what is wrong in a file.
	texts := sync.OnceValue(func() actionlist.StepTexts {
		t, _ := casework.StepTexts(s)
		return t
	})
	go texts()
	o := tui.Options{
		StepTexts:       texts,
		Store:           w.Store,
		Lang:            s.Lang,
		Actor:           s.Actor(role),
		Volunteer:       role == actionlist.RoleVolunteer,
		Templates:       templates,
		Summaries:       casework.ScreenSummaries{W: w},
		Sentence:        casework.Sentence,
		ExportDir:       s.ExportDir,
		RetentionMonths: s.RetentionMonths,
		StartAgenda:     s.StartAgenda,
	}
	o.Signals, o.SignalRetentionMonths = w.Store, s.SignalRetentionMonths
	if len(errs) > 0 {
		o.Notice = errs[0].Error()
	}
	if path := a.f.Env("HOUVAST_FIRST_FRAME"); path != "" {
		start := processStart
		o.FirstFrame = func() {
			// The file is written beside the screen, which never waits for
			// a disk.
			took := time.Since(start).Microseconds()
			go func() { _ = os.WriteFile(path, []byte(fmt.Sprintf("%d\n", took)), 0o600) }()
		}
	}
	return o
}

func (a *app) runScreen(ctx context.Context, w *casework.Work, role actionlist.Role) error {
	// The screen keeps one case in memory at a time; a soft limit makes the
	// collector return what a very large case leaves behind, so a laptop
	// with 20,000 steps open stays small. GOMEMLIMIT overrides it.
	if a.f.Env("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(screenMemoryLimit)
	}
	return a.f.Screen(ctx, a.screenOptions(w, role))
}

func (a *app) demoCommand() *cobra.Command {
	h := a.t.Help.Demo
	return &cobra.Command{
		Use:   "demo",
		Short: h.Short,
		Long:  h.Long,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			s, err := a.settings()
			if err != nil {
				return err
			}
			if a.flags.DB == "" {
				dir, err := os.MkdirTemp("", "houvast-demo-")
				if err != nil {
					return err
				}
				defer os.RemoveAll(dir)
				s.DB = filepath.Join(dir, "demo.db")
			}
			w, err := casework.OpenDemo(ctx, s, a.f.Now())
			if err != nil {
				return err
			}
			defer w.Close()
			w.Now = a.f.Now
			return a.runScreen(ctx, w, actionlist.RoleSpecialist)
		},
	}
}
