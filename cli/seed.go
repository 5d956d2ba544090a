package cli

import (
	"time"

	"github.com/spf13/cobra"

	"houvast/casework"
)

func (a *app) seedCommand() *cobra.Command {
	var p casework.SeedPlan
	h := a.t.Help.Seed
	cmd := &cobra.Command{
		Use: "seed", Short: h.Short, Long: h.Long, Example: h.Example, Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := a.settings(); err != nil {
				return err
			}
			if err := a.checkSeedPlan(p); err != nil {
				return err
			}
			if a.flags.DB == "" {
				return said(a.t.SeedNeedsDB)
			}
			w, err := a.open(cmd.Context())
			if err != nil {
				return err
			}
			defer w.Close()
			began := time.Now()
			made, err := w.Seed(cmd.Context(), p)
			if err != nil {
				return err
			}
			a.printf(a.t.SeedMade, made.Cases, made.Steps, made.Events, w.Store.Path(), time.Since(began).Seconds())
			a.printf(signalTexts(a.lang).SeedSignals, made.Signals)
			return nil
		},
	}
	f, hh := cmd.Flags(), a.t.Help
	f.IntVar(&p.Cases, "cases", 100, hh.FlagCases)
	f.IntVar(&p.Steps, "steps", 2000, hh.FlagSteps)
	f.IntVar(&p.Events, "events", 0, hh.FlagEvents)
	f.Uint64Var(&p.Seed, "seed", 1, hh.FlagSeed)
	f.IntVar(&p.Signals, "signals", 50, signalTexts(a.lang).FlagSignals)
	return cmd
}

func (a *app) checkSeedPlan(p casework.SeedPlan) error {
	switch {
	case p.Cases < 1 || p.Cases > casework.MaxSeedCases:
		return a.say(a.t.SeedBadCases, casework.MaxSeedCases)
	case p.Steps < 0 || p.Steps > casework.MaxSeedSteps:
		return a.say(a.t.SeedBadSteps, casework.MaxSeedSteps)
	case p.Events < 0 || p.Events > casework.MaxSeedEvents:
		return a.say(a.t.SeedBadEvents, casework.MaxSeedEvents)
	case p.Signals < 0 || p.Signals > casework.MaxSeedSignals:
		return a.say(signalTexts(a.lang).SeedBadSignals, casework.MaxSeedSignals)
	case p.Events > 0 && p.Steps == 0:
		return said(a.t.SeedEventsNeedSteps)
	}
	return nil
}
