package casework

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"time"

	"houvast/actionlist"
	"houvast/demo"
	"houvast/store"
)

// SeedDemo stores the example cases (demo.Cases: Fatima's first) with
// their history, each change at the moment it happened.
func SeedDemo(ctx context.Context, s *store.Store, lang actionlist.Lang, now time.Time) error {
	real := s.Now
	defer func() { s.Now = real }()
	for _, ex := range demo.Cases(lang, actionlist.DateOf(now), store.NewID) {
		if _, err := ex.Replay(ctx, s, func(at time.Time) {
			s.Now = func() time.Time { at = at.Add(time.Second); return at }
		}); err != nil {
			return err
		}
	}
	return nil
}

// OpenDemo makes a new database at path with the example cases; a file
// that is there already is refused (DemoExists), since the demo never
// writes into someone's data.
func OpenDemo(ctx context.Context, s Settings, now time.Time) (*Work, error) {
	if _, err := os.Lstat(s.DB); err == nil {
		return nil, &Refusal{Kind: DemoExists, Path: s.DB}
	}
	w, err := Open(ctx, s)
	if err != nil {
		return nil, err
	}
	if err := SeedDemo(ctx, w.Store, s.Lang, now); err != nil {
		w.Close()
		return nil, err
	}
	return w, nil
}

// SeedPlan is what `houvast seed` is asked to make.
type SeedPlan struct {
	Cases, Steps, Events int
	Seed                 uint64
	// Signals is how many early-warning signals that did not become a case
	// to make; each case from early warning gets its accepted signal too.
	Signals int
	// RefPrefix goes before every case's reference (SeedTeam: one a laptop).
	RefPrefix string
}

// SeedMade is what a seed made.
type SeedMade struct {
	Cases, Steps, Events int
	Signals              int // signals stored, the accepted ones included
}

// Bounds on what seed makes: large enough for any load test, small enough
// that a typing slip does not fill the disk.
const (
	MaxSeedCases   = 100_000
	MaxSeedSteps   = 2_000_000
	MaxSeedEvents  = 2_000_000
	MaxSeedSignals = 100_000
)

// Seed fills an empty database with the plan's made-up cases in one
// transaction and returns what it made. A database that holds cases is
// refused (SeedNotEmpty) and left as it was.
func (w *Work) Seed(ctx context.Context, p SeedPlan) (SeedMade, error) {
	return w.SeedTeam(ctx, p)
}

// SeedTeam fills an empty database with what Seed makes for each plan, in
// one transaction: one database holding the cases of a whole team, each
// laptop's seed as Seed would make it on its own.
func (w *Work) SeedTeam(ctx context.Context, plans ...SeedPlan) (SeedMade, error) {
	var made SeedMade
	err := w.Store.Bulk(ctx, func(b *store.Bulk) error {
		n, err := b.CaseCount()
		if err != nil {
			return err
		}
		if n > 0 {
			return &Refusal{Kind: SeedNotEmpty, Path: w.Store.Path(), Count: n}
		}
		for _, p := range plans {
			if err := w.seedInto(ctx, b, p, &made); err != nil {
				return err
			}
		}
		return nil
	})
	var r *Refusal
	if errors.As(err, &r) {
		return SeedMade{}, r
	}
	if err != nil {
		return SeedMade{}, err
	}
	return made, nil
}

func (w *Work) seedInto(ctx context.Context, b *store.Bulk, p SeedPlan, made *SeedMade) error {
	rng := rand.New(rand.NewPCG(p.Seed, 0x486f7576))
	var early []actionlist.Case
	n := 0
	for ex := range demo.SyntheticExamples(rng, p.Cases, p.Steps, p.Events, w.Now(), store.NewID) {
		ex.Case.Ref = p.RefPrefix + ex.Case.Ref
		// The debts of a seed's nth case are the same in a team's database
		// as on its own laptop.
		n++
		ex.Case.Debts = demo.SyntheticDebts(p.Seed, n, ex.Case.Start, store.NewID)
		c, err := ex.Replay(ctx, b, b.At)
		if err != nil {
			return err
		}
		if c.Source.Kind == actionlist.SourceEarlyWarning && !c.Source.SignalDate.IsZero() {
			early = append(early, c)
		}
		made.Cases++
		made.Steps += len(ex.Case.Steps)
		made.Events += ex.Events()
	}
	// The signals draw from their own stream, so the cases of a seed are
	// the same with or without them.
	srng := rand.New(rand.NewPCG(p.Seed, 0x5369676e))
	signals := demo.SyntheticSignals(srng, p.Signals, w.Today())
	for _, c := range early {
		signals = append(signals, demo.AcceptedSignal(srng, c))
	}
	b.At(time.Time{})
	added, err := b.AddSignals(signals)
	if err != nil {
		return err
	}
	made.Signals += added.Added
	return nil
}
