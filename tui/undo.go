package tui

import (
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"houvast/actionlist"
	"houvast/store"
)

// undoEntry takes one saved change back. Exactly one of its parts is set.
type undoEntry struct {
	label          string
	caseID         string
	steps          []store.StepEdit // edits that restore the steps
	caseBefore     *actionlist.Case // the case as saved
	caseAfter      *actionlist.Case // the case as it was before
	addedAgreement string           // an agreement to remove again
	addedStep      string           // a step to remove again
	addedDebt      string           // a debt to remove again
	removedDebt    *actionlist.Debt // a debt to put back
	debtBefore     *actionlist.Debt // a debt as saved
	debtAfter      *actionlist.Debt // the debt as it was before
	// promised are the due dates the change's promise gave, which the
	// undo of steps or of the case takes back.
	promised store.Promised
}

// undoScope is the case whose changes u takes back on this screen: on a
// case's own screens only that case's, so a change in a case out of view
// is never taken back unseen; on the screens across cases (the agenda, the
// volunteer's checklist) any, and the report names the case.
func (m Model) undoScope() string {
	switch m.screen {
	case screenCase, screenSteps, screenDebts:
		return m.cs.c.ID
	}
	return ""
}

// undoAt is the place in the undo stack of the change u takes back here,
// or -1.
func (m Model) undoAt() int {
	scope := m.undoScope()
	for i := len(m.undo) - 1; i >= 0; i-- {
		if scope == "" || m.undo[i].caseID == scope {
			return i
		}
	}
	return -1
}

func canUndo(m Model) bool { return m.undoAt() >= 0 }

// caseRef is a case's reference as the screens know it, or "".
func (m Model) caseRef(id string) string {
	if id != "" && m.cs.c.ID == id {
		return clean(m.cs.c.Ref)
	}
	for _, c := range m.list.all {
		if c.ID == id {
			return clean(c.Ref)
		}
	}
	return ""
}

// undoLast reverts the most recent change of this session that u takes
// back on this screen (undoScope). Like every change it is saved at once,
// and a conflict with another window's newer change is refused rather than
// overwritten.
func (m Model) undoLast() (tea.Model, tea.Cmd) {
	i := m.undoAt()
	if i < 0 {
		m.status = status{text: m.t.NothingUndo}
		if m.undoScope() != "" {
			m.status = status{text: m.t.NothingUndoHere}
		}
		return m, nil
	}
	u := m.undo[i]
	m.undo = slices.Delete(m.undo, i, i+1)
	report := fmt.Sprintf(m.t.Undone, u.label)
	if ref := m.caseRef(u.caseID); m.undoScope() == "" && ref != "" {
		report = fmt.Sprintf(m.t.UndoneIn, ref, u.label)
	}
	st, actor := m.o.Store, m.o.Actor
	m.pending++
	switch {
	case len(u.steps) > 0:
		return m, func() tea.Msg {
			ctx, cancel := storeCtx()
			defer cancel()
			done, err := st.Undo(ctx, actor, store.Undo{Steps: u.steps, Promised: u.promised})
			seq, _ := st.CaseSeq(ctx, u.caseID)
			return stepsSavedMsg{caseID: u.caseID, steps: done.Steps, seq: seq, err: err, report: report}
		}
	case u.caseBefore != nil:
		return m, func() tea.Msg {
			ctx, cancel := storeCtx()
			defer cancel()
			done, err := st.Undo(ctx, actor, store.Undo{Case: &store.CaseEdit{Before: *u.caseBefore, After: *u.caseAfter}, Promised: u.promised})
			seq, _ := st.CaseSeq(ctx, u.caseID)
			msg := caseSavedMsg{c: done.Case, seq: seq, err: err, report: report}
			if err == nil && len(done.Steps) > 0 {
				msg.steps = caseSteps(ctx, st, u.caseID)
			}
			return msg
		}
	case u.addedAgreement != "":
		return m, func() tea.Msg {
			ctx, cancel := storeCtx()
			defer cancel()
			err := st.DeleteAgreement(ctx, actor, u.caseID, u.addedAgreement)
			seq, _ := st.CaseSeq(ctx, u.caseID)
			return agreementDeletedMsg{id: u.addedAgreement, seq: seq, err: err, report: report}
		}
	case u.addedDebt != "" || u.removedDebt != nil || u.debtBefore != nil:
		return m, m.undoDebt(u, report)
	case u.addedStep != "":
		return m, func() tea.Msg {
			ctx, cancel := storeCtx()
			defer cancel()
			err := st.DeleteStep(ctx, actor, u.addedStep)
			seq, _ := st.CaseSeq(ctx, u.caseID)
			return stepDeletedMsg{id: u.addedStep, seq: seq, err: err, report: report}
		}
	}
	m.pending--
	return m, nil
}
