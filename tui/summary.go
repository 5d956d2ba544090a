package tui

import (
	"fmt"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"houvast/actionlist"
)

// Summaries writes the resident's progress summary to a file; main wires
// it to the export package, so the screens need not know file formats.
type Summaries interface {
	// Formats lists the formats, the one to offer first first.
	Formats() []string
	// Write renders the case's summary in a format and writes it to path
	// (private, whole or not at all). allowBSN writes it although some text
	// looks like a BSN, after the specialist checked it is none; allPages
	// adds the pages after the first, with the longer lists.
	Write(c actionlist.Case, format, path string, today actionlist.Date, allowBSN, allPages bool) error
	// Sentence says what went wrong, in a language; "" if it does not know.
	Sentence(err error, l actionlist.Lang) string
	// LooksLikeBSN reports whether the error is a refusal over a possible BSN.
	LooksLikeBSN(err error) bool
}

type summaryValues struct {
	format, path string
	allPages     bool
	allowBSN     bool
	askBSN       bool // the last try was refused over a possible BSN
}

type summaryWrittenMsg struct {
	path string
	err  error
	v    *summaryValues
}

func (m Model) openSummaryForm() (tea.Model, tea.Cmd) {
	if m.o.Summaries == nil {
		return m, nil
	}
	return m.openForm(m.summaryForm(&summaryValues{format: m.o.Summaries.Formats()[0]}))
}

// summaryPath is where a summary goes when no path is typed: the export
// folder, named after the resident and the day.
func (m Model) summaryPath(v *summaryValues) string {
	if p := strings.TrimSpace(v.path); p != "" {
		return p
	}
	name := strings.ToLower(strings.Join(strings.Fields(clean(m.cs.c.Name)), "-"))
	name = strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == '.' {
			return '-'
		}
		return r
	}, name)
	return filepath.Join(m.o.ExportDir, fmt.Sprintf("houvast-%s-%s.%s", name, m.today(), v.format))
}

func (m Model) summaryForm(v *summaryValues) *form {
	t := m.t
	var opts []huh.Option[string]
	for _, f := range m.o.Summaries.Formats() {
		opts = append(opts, huh.NewOption(t.SummaryFormats[f], f))
	}
	fields := []huh.Field{
		huh.NewSelect[string]().Title(t.SummaryFormat).Description(t.SummaryWhat).Options(opts...).Value(&v.format),
		huh.NewInput().Title(t.SummaryPath).Description(fmt.Sprintf(t.SummaryPathHint, m.o.ExportDir)).Value(&v.path).CharLimit(1024),
		huh.NewSelect[bool]().Title(t.SummaryPages).Description(t.SummaryPagesHint).Value(&v.allPages).
			Options(huh.NewOption(t.SummaryFirstPage, false), huh.NewOption(t.SummaryAllPages, true)),
	}
	if v.askBSN {
		fields = append(fields, huh.NewConfirm().Title(t.SummaryBSNCheck).Affirmative(t.Yes).Negative(t.No).Value(&v.allowBSN))
	}
	c := m.cs.c
	submit := func(m Model) (Model, tea.Cmd) {
		path := m.summaryPath(v)
		sum, today, allow, all := m.o.Summaries, m.today(), v.allowBSN, v.allPages
		m.status = status{text: m.t.Saving}
		return m, func() tea.Msg {
			return summaryWrittenMsg{path: path, err: sum.Write(c, v.format, path, today, allow, all), v: v}
		}
	}
	return m.newForm(t.SummaryTitle, submit, huh.NewGroup(fields...))
}

func (m Model) summaryWritten(msg summaryWrittenMsg) (tea.Model, tea.Cmd) {
	if msg.err == nil {
		m.status = status{text: fmt.Sprintf(m.t.SummaryWritten, msg.path)}
		return m, nil
	}
	reason := m.o.Summaries.Sentence(msg.err, m.lang)
	if reason == "" {
		reason = msg.err.Error()
	}
	m.status = status{text: fmt.Sprintf(m.t.SaveFailed, reason), isErr: true}
	// Back to the form with what was chosen; over a possible BSN it now
	// asks whether the specialist checked it.
	msg.v.askBSN = msg.v.askBSN || m.o.Summaries.LooksLikeBSN(msg.err)
	m.form = m.summaryForm(msg.v)
	return m, m.form.f.Init()
}
