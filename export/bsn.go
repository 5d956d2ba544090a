package export

import (
	"slices"

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

// notText are the fields that hold IDs, dates, numbers and kinds, where a
// run of digits (inside a UUID, say) means nothing. Every other field is
// checked, so a text field added later is checked without a change here.
var notText = map[string]bool{
	"id": true, "key": true, "phase": true, "order": true, "owner": true, "due": true,
	"status": true, "done_on": true, "depends_on": true, "pin": true, "days": true,
	"language": true, "dose": true, "start": true, "target": true, "next_at": true,
	"source": true, "signal": true, "signal_date": true, "template": true,
	"closed_on": true, "close_reason": true, "stabilised_on": true, "date": true,
}

// stepPlain are the step's fields a resident or volunteer may read; the
// others are notes.
var stepPlain = map[string]bool{"title": true, "why": true, "after": true, "owner_name": true, "done_by": true}

// checkStep checks every text of a step.
func checkStep(b *bsnScan, s actionlist.Step) { checkStepAs(b, s, s.Title, InStep, InStepNote) }

// checkStepAs checks a step's texts and names it by title.
func checkStepAs(b *bsnScan, s actionlist.Step, title string, plain, note WhereKind) {
	for i, v := range actionlist.StepValues(s) {
		name := actionlist.StepColumns[i]
		switch {
		case notText[name]:
		case stepPlain[name]:
			b.check(Where{What: plain, Title: title}, v)
		default:
			b.check(Where{What: note, Title: title}, v)
		}
	}
}

// CheckCase looks for BSN-like numbers in every text of a case, its steps,
// agreements and events: what a full case file holds.
func CheckCase(c actionlist.Case, events []actionlist.Event) []Finding {
	var b bsnScan
	checkCaseFields(&b, c)
	for _, s := range c.Steps {
		checkStep(&b, s)
	}
	for _, a := range c.Agreements {
		b.check(Where{What: InAgreement}, a.Who, a.What)
	}
	titles := make(map[string]string, len(c.Steps))
	for _, s := range c.Steps {
		titles[s.ID] = s.Title
	}
	for _, e := range events {
		checkEvent(&b, e, titles)
	}
	return b.found
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
			}
		}
		return
	}
	if notText[e.Field] {
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
