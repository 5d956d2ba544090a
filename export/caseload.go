package export

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"sync"
	"time"

	"houvast/actionlist"
)

// Caseload is many cases with their whole history in one file, for handing
// a caseload to a colleague (leave, a new job). Each case is what a case
// file holds.
type Caseload struct {
	ExportedAt time.Time
	Cases      []CaseFile // each with its events, oldest first; ExportedAt unused
}

// The caseload file keeps the case file's lines: every case, step,
// agreement and event on a line of its own, each naming its case first.
var (
	caseloadStepColumns      = append([]string{"case_id"}, actionlist.StepColumns...)
	caseloadAgreementColumns = append([]string{"case_id"}, actionlist.AgreementColumns...)
	caseloadDebtColumns      = append([]string{"case_id"}, actionlist.DebtColumns...)
	caseloadEventColumns     = append([]string{"case_id"}, eventColumns...)
)

// Steps counts the steps in the file.
func (l Caseload) Steps() int {
	n := 0
	for _, c := range l.Cases {
		n += len(c.Case.Steps)
	}
	return n
}

// Encode writes the caseload file.
func (l Caseload) Encode() []byte {
	var b bytes.Buffer
	l.WriteTo(&b)
	return b.Bytes()
}

// WriteTo writes the caseload file to out a piece at a time. The same
// cases always give the same bytes, apart from exported_at.
func (l Caseload) WriteTo(out io.Writer) (int64, error) {
	w := &jsonw{b: make([]byte, 0, 2*spillSize), out: out}
	w.header(KindCaseload, l.ExportedAt)
	vals := make([]string, len(caseFileColumns))
	w.list("cases", len(l.Cases), func(i int) {
		m := caseMap(l.Cases[i].Case)
		for j, k := range caseFileColumns {
			vals[j] = m[k]
		}
		w.object(caseFileColumns, vals, false)
	})
	w.raw(",\n")
	type at struct{ c, i int }
	var steps, agreements, debts, events []at
	for ci, c := range l.Cases {
		for i := range c.Case.Steps {
			steps = append(steps, at{ci, i})
		}
		for i := range c.Case.Agreements {
			agreements = append(agreements, at{ci, i})
		}
		for i := range c.Case.Debts {
			debts = append(debts, at{ci, i})
		}
		for i := range c.Events {
			events = append(events, at{ci, i})
		}
	}
	row := make([]string, 0, len(caseloadStepColumns))
	w.list("steps", len(steps), func(i int) {
		p := steps[i]
		row = append(append(row[:0], l.Cases[p.c].Case.ID), actionlist.StepValues(l.Cases[p.c].Case.Steps[p.i])...)
		w.object(caseloadStepColumns, row, false)
	})
	w.raw(",\n")
	w.list("agreements", len(agreements), func(i int) {
		p := agreements[i]
		row = append(append(row[:0], l.Cases[p.c].Case.ID), actionlist.AgreementValues(l.Cases[p.c].Case.Agreements[p.i])...)
		w.object(caseloadAgreementColumns, row, false)
	})
	w.raw(",\n")
	w.list("debts", len(debts), func(i int) {
		p := debts[i]
		row = append(append(row[:0], l.Cases[p.c].Case.ID), actionlist.DebtValues(l.Cases[p.c].Case.Debts[p.i])...)
		w.object(caseloadDebtColumns, row, false)
	})
	w.raw(",\n")
	w.list("events", len(events), func(i int) {
		p := events[i]
		row = append(append(row[:0], l.Cases[p.c].Case.ID), eventValues(l.Cases[p.c].Events[p.i])...)
		w.object(caseloadEventColumns, row, false)
	})
	w.raw("\n}\n")
	w.spill(true)
	return w.n, w.err
}

// WriteChecked is WriteTo while the cases are checked for numbers that look
// like a BSN, as CheckCaseload does; what was written must be thrown away
// on an error, as WriteStream does.
func (l Caseload) WriteChecked(out io.Writer) error {
	return writeChecked(out, l, func() error { return CheckCaseload(l) })
}

// EncodeChecked is Encode while the cases are checked for numbers that look
// like a BSN: the bytes come back only when none was found, so a plain file
// is checked before a byte of it is written, at the cost of holding it.
func (l Caseload) EncodeChecked() ([]byte, error) {
	b := bytes.NewBuffer(make([]byte, 0, 1<<20))
	if err := writeChecked(b, l, func() error { return CheckCaseload(l) }); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// CheckCaseload refuses a caseload with text that looks like a BSN; a
// finding names its case.
func CheckCaseload(l Caseload) error {
	found := make([][]Finding, len(l.Cases))
	var wg sync.WaitGroup
	for i, c := range l.Cases {
		wg.Go(func() {
			found[i] = CheckCase(c.Case, c.Events)
			for j := range found[i] {
				found[i][j].Where.Case = c.Case.Ref
			}
		})
	}
	wg.Wait()
	if all := slices.Concat(found...); len(all) > 0 {
		return &BSNError{Findings: all}
	}
	return nil
}

// byCase splits objects that name their case first ("case_id") among the
// cases, without that key; an object of a case not in the file is damage.
func byCase(objs []obj, what string, cases map[string]int, n int) ([][]obj, error) {
	out := make([][]obj, n)
	for i, o := range objs {
		id := o.get("case_id")
		ci, ok := cases[id]
		if !ok {
			return nil, refuse(Damaged, fmt.Sprintf("%s %d belongs to no case in the file", what, i+1), nil)
		}
		rest := obj{present: o.present}
		if len(o.keys) > 0 && o.keys[0] == "case_id" && !slices.Contains(o.keys[1:], "case_id") {
			rest.keys, rest.vals = o.keys[1:], o.vals[1:]
		} else {
			for j, k := range o.keys {
				if k != "case_id" {
					rest.keys = append(rest.keys, k)
					rest.vals = append(rest.vals, o.vals[j])
				}
			}
		}
		out[ci] = append(out[ci], rest)
	}
	return out, nil
}

func parseCaseload(fj fileJSON, exported time.Time) (File, error) {
	for _, x := range []struct {
		present bool
		name    string
	}{{fj.PackageID != nil, "package_id"}, {fj.MadeBy != nil, "made_by"}, {fj.ReturnID != nil, "return_id"},
		{fj.CaseID != nil, "case_id"}, {fj.Ref != nil, "ref"}, {fj.Volunteer != nil, "volunteer"}, {fj.Case.present, "case"}} {
		if err := notAllowed(x.present, x.name); err != nil {
			return File{}, err
		}
	}
	index := make(map[string]int, len(fj.Cases))
	for i, o := range fj.Cases {
		id := o.get("id")
		if _, twice := index[id]; twice {
			return File{}, refuse(Damaged, fmt.Sprintf("case %d: its ID appears twice", i+1), nil)
		}
		index[id] = i
	}
	steps, err := byCase(fj.Steps, "step", index, len(fj.Cases))
	if err != nil {
		return File{}, err
	}
	agreements, err := byCase(fj.Agreements, "agreement", index, len(fj.Cases))
	if err != nil {
		return File{}, err
	}
	debts, err := byCase(fj.Debts, "debt", index, len(fj.Cases))
	if err != nil {
		return File{}, err
	}
	events, err := byCase(fj.Events, "event", index, len(fj.Cases))
	if err != nil {
		return File{}, err
	}
	l := &Caseload{ExportedAt: exported, Cases: make([]CaseFile, len(fj.Cases))}
	seen := map[string]bool{}
	for i, o := range fj.Cases {
		o.present = true
		one, err := parseCase(fileJSON{Case: o, Steps: steps[i], Agreements: agreements[i], Debts: debts[i], Events: events[i]}, exported)
		if err != nil {
			return File{}, inCase(err, o.get("ref"))
		}
		c := one.Case
		// An ID is one thing in one place, across the whole file.
		for _, id := range caseIDs(c) {
			if seen[id] {
				return File{}, refuse(Damaged, fmt.Sprintf("case %d: an ID appears twice in the file", i+1), nil)
			}
			seen[id] = true
		}
		l.Cases[i] = *c
	}
	return File{Caseload: l}, nil
}

// caseIDs are every ID a case file holds.
func caseIDs(f *CaseFile) []string {
	ids := make([]string, 0, 1+len(f.Case.Steps)+len(f.Case.Agreements)+len(f.Events))
	ids = append(ids, f.Case.ID)
	for _, s := range f.Case.Steps {
		ids = append(ids, s.ID)
	}
	for _, a := range f.Case.Agreements {
		ids = append(ids, a.ID)
	}
	for _, d := range f.Case.Debts {
		ids = append(ids, d.ID)
	}
	for _, e := range f.Events {
		ids = append(ids, "event:"+e.ID) // events have IDs of their own kind
	}
	return ids
}

// inCase names the case of a caseload in a flaw found in it.
func inCase(err error, ref string) error {
	if fe, ok := err.(*FileError); ok && fe.Flaw != nil {
		fe.Flaw.Case = ref
	}
	return err
}
