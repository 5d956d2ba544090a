package actionlist_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"houvast/actionlist"
	"houvast/demo"
)

// The domain's share of a key press on a case of 500 steps (budget: the
// whole key press under 2 ms). Timings never fail; BENCHMARKS.md reports
// them.

var benchToday = actionlist.MustDate("2026-11-23")

func benchCase(b *testing.B, steps int) actionlist.Case {
	b.Helper()
	n := 0
	ids := func() string { n++; return fmt.Sprintf("step-%05d", n) }
	c := demo.Synthetic(rand.New(rand.NewPCG(1, 2)), 1, steps, benchToday, ids)
	if len(c.Steps) != steps {
		b.Fatalf("%d steps, want %d", len(c.Steps), steps)
	}
	return c
}

func BenchmarkDose500(b *testing.B) {
	c := benchCase(b, 500)
	for b.Loop() {
		d := actionlist.Dose(c.Steps, 5, benchToday)
		if len(d.Now) == 0 {
			b.Fatal("nothing in Now")
		}
	}
}

func BenchmarkMeasure500(b *testing.B) {
	c := benchCase(b, 500)
	for b.Loop() {
		p := actionlist.Measure(c, benchToday)
		if p.Overall.Applicable == 0 {
			b.Fatal("nothing applicable")
		}
	}
}

// The due dates a tick-off brings: Dose, then PlanDueDates.
func BenchmarkPlanDueDates500(b *testing.B) {
	c := benchCase(b, 500)
	for b.Loop() {
		_ = actionlist.PlanDueDates(actionlist.Dose(c.Steps, 5, benchToday), benchToday)
	}
}
