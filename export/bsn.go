package export

import (
	"slices"
	"sync"

	"houvast/actionlist"
)

// bsnScan collects the numbers that look like a BSN in the texts that go
// into a file. Every renderer feeds it exactly what it writes, so nothing
// leaves unchecked.
type bsnScan struct{ found []Finding }

func (b *bsnScan) check(w Where, texts ...string) {
	for _, s := range texts {
		if !mayHoldBSN(s) {
			continue
		}
		for _, n := range actionlist.FindBSN(s) {
			b.found = append(b.found, Finding{Where: w, Number: n})
		}
	}
}

func (b *bsnScan) err() error {
	if len(b.found) == 0 {
		return nil
	}
	return &BSNError{Findings: slices.Clone(b.found)}
}

// mayHoldBSN is a quick test before the full one, with the same idea of a
// number: groups of digits joined by single spaces, dots or dashes. FindBSN
// looks at a run whose digits number nine together, or at a group of nine.
// Most texts have neither (a UUID has runs of 32), and this keeps checking
// a large case file fast.
func mayHoldBSN(s string) bool {
	total, group := 0, 0
	for i := 0; i <= len(s); i++ {
		if total == 0 { // outside a number: on to the next digit at once
			i = nextDigit(s, i)
		}
		c := byte(0)
		if i < len(s) {
			c = s[i]
		}
		switch {
		case c >= '0' && c <= '9':
			total++
			group++
			continue
		case (c == ' ' || c == '.' || c == '-') && group > 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			if group == 9 {
				return true
			}
			group = 0
			continue
		}
		if total == 9 || group == 9 {
			return true
		}
		total, group = 0, 0
	}
	return false
}

// nextDigit is the index of the first ASCII digit in s from i on, or
// len(s). It looks at eight bytes at a time: a case file is megabytes of
// text with few digits, and this loop is most of the time checking takes.
func nextDigit(s string, i int) int {
	const (
		ones = 0x0101010101010101
		low7 = 0x7f7f7f7f7f7f7f7f
		high = 0x8080808080808080
	)
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// The high bit of a byte is set when it lies between '0'-1 and
		// '9'+1 and is ASCII ("Bit Twiddling Hacks", hasbetween).
		if (ones*(127+'9'+1)-(x&low7))&^x&((x&low7)+ones*(127-('0'-1)))&high != 0 {
			break
		}
	}
	for i < len(s) && (s[i] < '0' || s[i] > '9') {
		i++
	}
	return i
}

// notText are the case's and agreements' fields that hold IDs, dates,
// numbers and kinds, where a run of digits (inside a UUID, say) means
// nothing; a step's fields say so in actionlist's registry. Every other
// field is checked, so a text field added later is checked without a
// change here.
var notText = map[string]bool{
	"id": true, "status": true,
	"language": true, "dose": true, "start": true, "target": true, "next_at": true,
	"source": true, "signal": true, "signal_date": true, "template": true,
	"closed_on": true, "close_reason": true, "stabilised_on": true,
	"requested_on": true, "threat": true, "first_talk_on": true, "date": true,
	// A debt's amounts are whole cents: €1,234,567.89 has nine digits.
	"amount": true, "original": true, "confirmed": true, "kind": true, "state": true,
	"asked_on": true, "answered_on": true, "reference_checked": true,
}

// checkDebt checks the texts of a debt, named by its creditor.
func checkDebt(b *bsnScan, d actionlist.Debt) {
	w := Where{What: InDebt, Title: d.Creditor}
	b.check(w, d.Creditor, d.Collector, d.Note)
	if d.Reference != d.ReferenceChecked {
		b.check(w, d.Reference)
	}
}

// checkStep checks every text of a step.
func checkStep(b *bsnScan, s actionlist.Step) { checkStepAs(b, s, s.Title, InStep, InStepNote) }

// stepChecks is, for each step field in registry order, how it is checked;
// looked up once instead of twice per field of every step.
var stepChecks = func() []actionlist.BSNCheck {
	infos := actionlist.StepFieldInfos()
	kinds := make([]actionlist.BSNCheck, len(infos))
	for i, f := range infos {
		kinds[i] = f.BSN
	}
	return kinds
}()

// checkStepAs checks a step's texts and names it by title. A field of no
// known kind is checked as a note: better a question than a BSN let out.
func checkStepAs(b *bsnScan, s actionlist.Step, title string, plain, note WhereKind) {
	for i, v := range actionlist.StepValues(s) {
		switch stepChecks[i] {
		case actionlist.BSNSkip:
		case actionlist.BSNPlain:
			b.check(Where{What: plain, Title: title}, v)
		default:
			b.check(Where{What: note, Title: title}, v)
		}
	}
}

// skipped is true for a field of an event that holds no text.
func skipped(entity actionlist.Entity, field string) bool {
	if entity == actionlist.EntityStep {
		f, ok := actionlist.LookupStepField(field)
		return ok && f.BSN == actionlist.BSNSkip
	}
	return notText[field]
}

// CheckCase looks for BSN-like numbers in every text of a case, its steps,
// agreements and events: what a full case file holds.
// The history is checked by a goroutine of its own while the steps are.
func CheckCase(c actionlist.Case, events []actionlist.Event) []Finding {
	var history bsnScan
	var wg sync.WaitGroup
	wg.Go(func() {
		titles := make(map[string]string, len(c.Steps))
		for _, s := range c.Steps {
			titles[s.ID] = s.Title
		}
		for _, e := range events {
			checkEvent(&history, e, titles)
		}
	})
	var b bsnScan
	checkCaseFields(&b, c)
	for _, s := range c.Steps {
		checkStep(&b, s)
	}
	for _, a := range c.Agreements {
		b.check(Where{What: InAgreement}, a.Who, a.What)
	}
	for _, d := range c.Debts {
		checkDebt(&b, d)
	}
	wg.Wait()
	return append(b.found, history.found...)
}

// checkEvent checks the values an event holds. Only events that carry a
// case's content are read: created, changed, deleted, and a merge's
// conflicts; the store's bookkeeping events (an import, a resolved
// conflict) hold IDs.
func checkEvent(b *bsnScan, e actionlist.Event, titles map[string]string) {
	switch e.Action {
	case actionlist.ActionCreated, actionlist.ActionChanged, actionlist.ActionDeleted, "conflict":
	default:
		return
	}
	if e.Field == "" { // a created or deleted entity: its snapshot
		for _, snap := range []string{e.Old, e.New} {
			if !mayHoldBSN(snap) {
				continue
			}
			switch e.Entity {
			case actionlist.EntityStep:
				if s, err := actionlist.StepFromSnapshot(snap); err == nil {
					checkStepAs(b, s, cmpOr(titles[e.EntityID], s.Title), InStepHistory, InStepHistory)
				}
			case actionlist.EntityAgreement:
				if a, err := actionlist.AgreementFromSnapshot(snap); err == nil {
					b.check(Where{What: InAgreement}, a.Who, a.What)
				}
			case actionlist.EntityCase:
				if c, err := actionlist.CaseFromSnapshot(snap); err == nil {
					checkCaseFields(b, c)
				}
			case actionlist.EntityDebt:
				if d, err := actionlist.DebtFromSnapshot(snap); err == nil {
					checkDebt(b, d)
				}
			}
		}
		return
	}
	if skipped(e.Entity, e.Field) {
		return
	}
	w := Where{What: InCase}
	switch e.Entity {
	case actionlist.EntityStep:
		w = Where{What: InStepHistory, Title: titles[e.EntityID]}
		if w.Title == "" {
			w.What = InCase
		}
	case actionlist.EntityAgreement:
		w = Where{What: InAgreement}
	case actionlist.EntityDebt:
		w = Where{What: InDebt}
	}
	b.check(w, e.Old, e.New)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func checkCaseFields(b *bsnScan, c actionlist.Case) {
	for i, v := range actionlist.CaseValues(c) {
		switch name := actionlist.CaseColumns[i]; {
		case notText[name]:
		case name == "participants":
			b.check(Where{What: InPeople}, v)
		case name == "next_place" || name == "next_with":
			b.check(Where{What: InAppointment}, v)
		default:
			b.check(Where{What: InCase}, v)
		}
	}
}
