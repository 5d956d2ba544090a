package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"houvast/actionlist"
)

// The resident's language is the case's own (nl, en, tr, pl, ar); the
// screens stay in the caseworker's. A case in Turkish, Polish or Arabic
// keeps its steps in Dutch, and its summary prints each step in the
// resident's language where the template has words for it.

// stepTexts are the words of the template steps in every language, read
// once (New makes Options.StepTexts a read-once function when it is not).
func (m Model) stepTexts() actionlist.StepTexts { return m.o.StepTexts() }

// caseLanguageLine tells the caseworker, on a case in a draft language,
// which language the summary is in and how many open steps it prints in
// Dutch, for want of words in the resident's language.
func (m Model) caseLanguageLine() string {
	c := m.cs.c
	if !c.Language.Draft() {
		return ""
	}
	name := actionlist.CaseLangLabel(c.Language, m.lang)
	if m.cs.kept > 0 {
		return m.st.warn.Render(fit(glyphWaiting+" "+fmt.Sprintf(m.t.SummaryKeptSteps, name, m.cs.kept), m.width))
	}
	return m.st.dim.Render(fit(fmt.Sprintf(m.t.SummaryLanguage, name), m.width))
}

// residentStep is a step as the resident view shows it. The screens have
// words in Dutch and English only, and terminals draw Arabic letters
// unjoined and left to right, so a case in Turkish, Polish or Arabic shows
// its steps in the screen's language (the caseworker's --lang), and a line
// says which language the printed summary is in.
func (m Model) residentStep(s actionlist.Step) actionlist.Step {
	c := m.cs.c
	if l := m.residentLang(); c.Language != l.Case() {
		c.Language = l.Case()
	} else {
		return s
	}
	st, _ := m.stepTexts().ForResident(c, s)
	s.Title, s.Why, s.After = st.Title, st.Why, st.After
	return s
}

// residentLanguageLine is the line under the greeting of an Arabic case's
// resident view.
func (m Model) residentLanguageLine(width int) []string {
	l := m.residentLang()
	if m.cs.c.Language == l.Case() {
		return nil
	}
	t := textFor(l)
	return []string{m.st.dim.Render(fit(fmt.Sprintf(t.ResidentPrinted, actionlist.CaseLangLabel(m.cs.c.Language, l)), width))}
}

// openCaseLanguageForm changes the resident's language of the open case.
func (m Model) openCaseLanguageForm() (tea.Model, tea.Cmd) {
	before := m.cs.c
	lang := before.Language
	var opts []huh.Option[actionlist.CaseLang]
	for _, l := range actionlist.CaseLangs {
		opts = append(opts, huh.NewOption(actionlist.CaseLangLabel(l, m.lang), l))
	}
	submit := func(m Model) (Model, tea.Cmd) {
		after := before
		after.Language = lang
		next, cmd := m.saveCase(before, after, m.t.KeyCaseLanguage, fmt.Sprintf(m.t.CaseLanguageSet, actionlist.CaseLangLabel(lang, m.lang)))
		return next.(Model), cmd
	}
	return m.openForm(m.newForm(m.t.CaseLanguageTitle, submit, huh.NewGroup(
		huh.NewSelect[actionlist.CaseLang]().Title(m.t.CaseLanguageTitle).Description(m.t.CaseLanguageHint).Options(opts...).Value(&lang),
	)))
}
