package actionlist

import (
	"fmt"
	"testing"
)

// BenchmarkKeptSteps500 is what the case screen of a Polish case of 500
// steps adds to each frame: counting the steps its summary prints in Dutch.
func BenchmarkKeptSteps500(b *testing.B) {
	c := NewCase(CaseSpec{Name: "Ola", Language: CasePolish, Start: NewDate(2026, 11, 2), Template: DefaultTemplate(Dutch)}, seqID())
	for len(c.Steps) < 500 {
		c.Steps = append(c.Steps, Step{ID: fmt.Sprint("own-", len(c.Steps)), Title: "Bel de woningcorporatie", Status: StepOpen})
	}
	x := DefaultStepTexts()
	b.ResetTimer()
	for range b.N {
		if x.KeptSteps(c) != 500-67 {
			b.Fatal("wrong count")
		}
	}
}
