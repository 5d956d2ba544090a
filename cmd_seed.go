package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/spf13/cobra"

	"houvast/actionlist"
	"houvast/demo"
	"houvast/store"
)

// seedPlan is what `houvast seed` is asked to make.
type seedPlan struct {
	cases, steps, events int
	seed                 uint64
}

func (a *app) seedCommand() *cobra.Command {
	var p seedPlan
	cmd := &cobra.Command{
		Use:   "seed",
		Short: "Fill a new database with made-up cases, for trying out and measuring",
		Long: `Seed fills a new database with realistic made-up cases: varied names, phases,
states, dates, notes, agreements and appointments. --steps is the number of
steps over all cases together; --events adds that many changes to steps
(ticked off, dates moved, notes written), recorded as history like real use.
Everything is saved in one go: if seed stops half-way, nothing is saved.

Seed refuses a database that already holds cases, and never touches your own
database: name the file with --db. The same --seed makes the same cases, with
their dates around today.`,
		Example: `  houvast seed --cases 1000 --steps 20000 --events 10000 --db load.db
  houvast --db load.db`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := a.checkSeedPlan(p); err != nil {
				return err
			}
			if a.dbFlag == "" {
				return errors.New(a.seedText(seedNeedsDB))
			}
			s, err := a.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			began := time.Now()
			made, err := seed(cmd.Context(), s, p, began)
			var full errFullDatabase
			if errors.As(err, &full) {
				return fmt.Errorf(a.seedText(seedNotEmpty), s.Path(), int(full))
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, a.seedText(seedMade)+"\n", made.cases, made.steps, made.events, s.Path(), time.Since(began).Seconds())
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&p.cases, "cases", 100, "how many cases")
	f.IntVar(&p.steps, "steps", 2000, "how many steps, over all cases together")
	f.IntVar(&p.events, "events", 0, "how many extra step changes, over all cases together")
	f.Uint64Var(&p.seed, "seed", 1, "the same number makes the same cases")
	return cmd
}

// seedMsg names a sentence of `houvast seed`; seedMessages holds it in
// Dutch and English.
type seedMsg int

const (
	seedNeedsDB seedMsg = iota
	seedNotEmpty
	seedMade
	seedBadCases
	seedBadSteps
	seedBadEvents
	seedEventsNeedSteps
)

var seedMessages = map[seedMsg][2]string{
	seedNeedsDB: {
		"Seed maakt alleen een nieuwe database met verzonnen dossiers. Noem het bestand met --db, bijvoorbeeld --db proef.db.",
		"Seed only fills a new database with made-up cases. Name the file with --db, for example --db trial.db.",
	},
	seedNotEmpty: {
		"%s bevat al %d dossiers. Seed vult alleen een nieuwe, lege database; er is niets veranderd. Kies met --db een nieuwe bestandsnaam.",
		"%s holds %d cases already. Seed only fills a new, empty database; nothing was changed. Choose a new file name with --db.",
	},
	seedMade: {
		"%d dossiers met %d stappen en %d extra gebeurtenissen gemaakt in %s (%.1f s).",
		"Made %d cases with %d steps and %d extra events in %s (%.1f s).",
	},
	seedBadCases:        {"--cases moet tussen 1 en %d liggen.", "--cases must be between 1 and %d."},
	seedBadSteps:        {"--steps moet tussen 0 en %d liggen.", "--steps must be between 0 and %d."},
	seedBadEvents:       {"--events moet tussen 0 en %d liggen.", "--events must be between 0 and %d."},
	seedEventsNeedSteps: {"--events verandert stappen; geef ook --steps.", "--events changes steps; give --steps too."},
}

func (a *app) seedText(id seedMsg) string {
	if a.lang() == actionlist.English {
		return seedMessages[id][1]
	}
	return seedMessages[id][0]
}

// Bounds on what seed makes: large enough for any load test, small enough
// that a typing slip does not fill the disk.
const (
	maxSeedCases  = 100_000
	maxSeedSteps  = 2_000_000
	maxSeedEvents = 2_000_000
)

func (a *app) checkSeedPlan(p seedPlan) error {
	switch {
	case p.cases < 1 || p.cases > maxSeedCases:
		return fmt.Errorf(a.seedText(seedBadCases), maxSeedCases)
	case p.steps < 0 || p.steps > maxSeedSteps:
		return fmt.Errorf(a.seedText(seedBadSteps), maxSeedSteps)
	case p.events < 0 || p.events > maxSeedEvents:
		return fmt.Errorf(a.seedText(seedBadEvents), maxSeedEvents)
	case p.events > 0 && p.steps == 0:
		return errors.New(a.seedText(seedEventsNeedSteps))
	}
	return nil
}

// errFullDatabase is the number of cases found in a database seed was
// asked to fill.
type errFullDatabase int

func (e errFullDatabase) Error() string {
	return fmt.Sprintf("the database holds %d cases already", int(e))
}

// seed fills an empty store with the plan's cases in one transaction and
// returns what it made.
func seed(ctx context.Context, s *store.Store, p seedPlan, now time.Time) (seedPlan, error) {
	rng := rand.New(rand.NewPCG(p.seed, 0x486f7576))
	var made seedPlan
	err := s.Bulk(ctx, func(b *store.Bulk) error {
		n, err := b.CaseCount()
		if err != nil {
			return err
		}
		if n > 0 {
			return errFullDatabase(n)
		}
		for ex := range demo.SyntheticExamples(rng, p.cases, p.steps, p.events, now, store.NewID) {
			if _, err := ex.Replay(ctx, b, b.At); err != nil {
				return err
			}
			made.cases++
			made.steps += len(ex.Case.Steps)
			made.events += ex.Events()
		}
		return nil
	})
	if err != nil {
		return seedPlan{}, err
	}
	return made, nil
}
