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
}

// Bounds on what seed makes: large enough for any load test, small enough
// that a typing slip does not fill the disk.
const (
	MaxSeedCases  = 100_000
	MaxSeedSteps  = 2_000_000
	MaxSeedEvents = 2_000_000
)

// Seed fills an empty database with the plan's made-up cases in one
// transaction and returns what it made. A database that holds cases is
// refused (SeedNotEmpty) and left as it was.
func (w *Work) Seed(ctx context.Context, p SeedPlan) (SeedPlan, error) {
	rng := rand.New(rand.NewPCG(p.Seed, 0x486f7576))
	var made SeedPlan
	err := w.Store.Bulk(ctx, func(b *store.Bulk) error {
		n, err := b.CaseCount()
		if err != nil {
			return err
		}
		if n > 0 {
			return &Refusal{Kind: SeedNotEmpty, Path: w.Store.Path(), Count: n}
		}
		for ex := range demo.SyntheticExamples(rng, p.Cases, p.Steps, p.Events, w.Now(), store.NewID) {
			ex.Case.Debts = demo.SyntheticDebts(made.Cases+1, ex.Case.Start, store.NewID)
			if _, err := ex.Replay(ctx, b, b.At); err != nil {
				return err
			}
			made.Cases++
			made.Steps += len(ex.Case.Steps)
			made.Events += ex.Events()
		}
		return nil
	})
	var r *Refusal
	if errors.As(err, &r) {
		return SeedPlan{}, r
	}
	if err != nil {
		return SeedPlan{}, err
	}
	return made, nil
}
