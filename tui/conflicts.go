package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"houvast/actionlist"
	"houvast/store"
)

// Conflicts are a volunteer's changes from a return file that were not
// taken over because the specialist changed the same thing meanwhile.
// Nothing was lost: the specialist sees both and chooses.

type conflictsLoadedMsg struct {
	caseID    string
	conflicts []store.OpenConflict
	err       error
}

type conflictResolvedMsg struct {
	err error
}

func (m Model) loadConflicts(caseID string) tea.Cmd {
	st := m.o.Store
	return func() tea.Msg {
		ctx, cancel := storeCtx()
		defer cancel()
		cs, err := st.OpenConflicts(ctx, caseID)
		return conflictsLoadedMsg{caseID: caseID, conflicts: cs, err: err}
	}
}

func (m Model) conflictsLoaded(msg conflictsLoadedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.status = m.failure(msg.err)
		return m, nil
	}
	if m.cs.c.ID == msg.caseID {
		m.cs.conflicts = msg.conflicts
		m.cs.conflictCursor = max(0, min(m.cs.conflictCursor, len(msg.conflicts)-1))
		if m.screen == screenConflicts && len(msg.conflicts) == 0 {
			m.screen = screenCase
		}
	}
	return m, nil
}

func conflictChosen(m Model) bool { return m.cs.conflictCursor < len(m.cs.conflicts) }

// conflictTakeable: the volunteer's version can be taken over, which needs
// the step to be here still.
func conflictTakeable(m Model) bool {
	return conflictChosen(m) && !m.cs.conflicts[m.cs.conflictCursor].Gone
}

func whyGone(t *text) string { return t.ConflictNoTake }

// conflictsKeys are the keys of the differences with a volunteer.
func (m Model) conflictsKeys() keyTable {
	k, t := m.keys, m.t
	back := func(m Model) (tea.Model, tea.Cmd) {
		m.screen = screenCase
		return m, nil
	}
	// The two choices first: the footer shows what fits, in this order.
	return keyTable{
		{key: k.KeepMine, when: conflictChosen, do: func(m Model) (tea.Model, tea.Cmd) {
			c := m.cs.conflicts[m.cs.conflictCursor]
			st, actor, caseID := m.o.Store, m.o.Actor, m.cs.c.ID
			m.pending++
			return m, func() tea.Msg {
				ctx, cancel := storeCtx()
				defer cancel()
				return conflictResolvedMsg{err: st.ResolveConflict(ctx, actor, caseID, c.EventIDs...)}
			}
		}},
		{key: k.TakeTheirs, when: conflictTakeable, why: whyGone, do: func(m Model) (tea.Model, tea.Cmd) {
			return m.takeVolunteers(m.cs.conflicts[m.cs.conflictCursor])
		}},
		{key: k.Back, do: back},
		{key: k.Up, do: func(m Model) (tea.Model, tea.Cmd) {
			m.cs.conflictCursor = max(0, m.cs.conflictCursor-1)
			return m, nil
		}},
		{key: k.Down, do: func(m Model) (tea.Model, tea.Cmd) {
			m.cs.conflictCursor = max(0, min(len(m.cs.conflicts)-1, m.cs.conflictCursor+1))
			return m, nil
		}},
		{key: k.Quit, desc: t.KeyBack, quiet: true, do: back},
	}
}

// takeVolunteers saves the volunteer's values as a normal edit, which also
// closes the conflict: the fields of one change together (state, done date
// and done by), so a step is never done without its date and name. A step
// the volunteer deleted is deleted.
func (m Model) takeVolunteers(c store.OpenConflict) (tea.Model, tea.Cmd) {
	cur, _ := m.cs.c.StepByID(c.StepID)
	if cur == nil {
		m.status = status{text: m.t.ConflictNoTake}
		return m, nil
	}
	if c.Deleted {
		st, actor, id := m.o.Store, m.o.Actor, c.StepID
		m.pending++
		return m, func() tea.Msg {
			ctx, cancel := storeCtx()
			defer cancel()
			return stepDeletedMsg{id: id, err: st.DeleteStep(ctx, actor, id), report: m.t.StepDeleted}
		}
	}
	after := *cur
	for _, f := range c.Fields {
		if err := actionlist.SetStepField(&after, f.Field, f.Offered); err != nil {
			m.status = m.failure(err)
			return m, nil
		}
	}
	if after.DoneWithoutRecord() && !cur.DoneWithoutRecord() {
		m.status = status{text: m.t.ConflictNotWhole, isErr: true}
		return m, nil
	}
	return m.stepChange([]store.StepEdit{{Before: *cur, After: after}}, clean(cur.Title), m.t.ConflictTaken)
}

func (m Model) conflictResolved(msg conflictResolvedMsg) (tea.Model, tea.Cmd) {
	m, quit := m.saveDone()
	if msg.err != nil {
		m.status = m.failure(msg.err)
		return m, quit
	}
	m.status = status{text: m.t.ConflictKept}
	return m, tea.Batch(quit, m.loadConflicts(m.cs.c.ID))
}

// conflictLine warns on the case screen that a return file left choices.
func (m Model) conflictLine() string {
	if len(m.cs.conflicts) == 0 {
		return ""
	}
	return m.st.warn.Render(fit(glyphOverdue+" "+fmt.Sprintf(m.t.ConflictsWaiting, len(m.cs.conflicts)), m.width))
}

func (m Model) renderConflicts() (string, []key.Binding) {
	t, today := m.t, m.today()
	lines := []string{m.st.title.Render(t.App) + m.st.dim.Render(" › "+clean(m.cs.c.Name)+" › ") + m.st.bold.Render(t.ConflictsTitle),
		m.st.rule.Render(strings.Repeat("─", m.width))}
	lines = append(lines, wrap(t.ConflictsIntro, m.width)...)
	lines = append(lines, "")
	for i, c := range m.cs.conflicts {
		title := clean(c.Title)
		switch {
		case c.Gone && title == "":
			title = t.ConflictGoneNoTitle
		case c.Gone:
			title = fmt.Sprintf(t.ConflictGoneStep, title)
		}
		var labels, mine, theirs []string
		for _, f := range c.Fields {
			label := actionlist.FieldLabel(actionlist.EntityStep, f.Field, m.lang)
			labels = append(labels, label)
			kept, offered := clean(f.Kept), clean(f.Offered)
			if kept == "" {
				kept = t.Empty
			}
			if offered == "" {
				offered = t.Empty
			}
			prefix := ""
			if len(c.Fields) > 1 {
				prefix = label + " "
			}
			mine = append(mine, prefix+fieldValue(f.Field, kept, m.lang))
			theirs = append(theirs, prefix+fieldValue(f.Field, offered, m.lang))
		}
		head := fmt.Sprintf("%s · %s · %s", title, strings.Join(labels, ", "), eventTime(c.At, today, m.lang))
		switch {
		case c.Deleted:
			head = fmt.Sprintf("%s · %s", title, eventTime(c.At, today, m.lang))
			mine, theirs = []string{t.ConflictStepKept}, []string{t.ConflictStepDeleted}
		case c.Gone:
			mine = []string{t.ConflictStepGone}
		}
		marker := "  "
		if i == m.cs.conflictCursor {
			marker = "▸ "
		}
		row := marker + fit(head, m.width-2)
		if i == m.cs.conflictCursor {
			row = m.st.selected.Render(pad(row, m.width))
		}
		lines = append(lines, row,
			"    "+fit(m.st.dim.Render("1 "+t.ConflictMine+": ")+strings.Join(mine, " · "), m.width-4),
			"    "+fit(m.st.dim.Render("2 "+clean(c.By.Name)+": ")+strings.Join(theirs, " · "), m.width-4))
	}
	return strings.Join(lines, "\n"), m.footerKeys(m.conflictsKeys())
}
