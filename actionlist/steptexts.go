package actionlist

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// A texts file words the steps of a template in one language, or changes
// some of its words. The default template's steps are kept in Dutch and
// English (the caseworker's languages); embedded texts files give them in
// Turkish, Polish and Arabic for the resident's summary, and a team's own
// texts file can correct any of those words. The format is the template's,
// with texts_for naming the template and steps that hold only an id and
// the words to use:
//
//	format: houvast-template
//	version: 1
//	id: stabilisatie-tr-zuid   # the file's own id
//	texts_for: stabilisatie    # the template whose steps it words
//	language: tr               # nl, en, tr, pl or ar
//	name: Turkse teksten, team Zuid
//	steps:
//	  - id: crisis-threats     # a step of that template
//	    title: ...             # any of title, why and after; at least one
//
// The texts follow the template's rules (one line, no control characters,
// no BSN, the same limits).

// StepText is a step's words in one language.
type StepText struct{ Title, Why, After string }

// TemplateTexts is a parsed texts file.
type TemplateTexts struct {
	ID, Name, Description string
	For                   string // the template whose steps it words
	Language              CaseLang
	Source                string
	Steps                 []TemplateStepText
}

// TemplateStepText is one step's words in a texts file; an empty field
// leaves the word as it was.
type TemplateStepText struct {
	Key string
	StepText
}

var (
	textsTopNeed = []string{"format", "version", "id", "texts_for", "language", "name", "steps"}
	textsTopHint = map[string]string{
		"texts_for": "add the id of the template whose steps it words, such as \"texts_for: " + DefaultTemplateID + "\"",
		"language":  "add \"language:\" with one of nl, en, tr, pl or ar",
	}
	textsStepKeys = []string{"id", "title", "why", "after"}
)

// ParseTemplateTexts reads a texts file's bytes; file names it in errors
// and is the result's Source. It does not know the template the file words;
// StepTexts.Add checks the steps against it.
func ParseTemplateTexts(file string, data []byte) (TemplateTexts, error) {
	p := &templateParser{file: file}
	root, err := p.root(data)
	if err != nil {
		return TemplateTexts{}, err
	}
	t, err := p.texts(root)
	if err != nil {
		return TemplateTexts{}, err
	}
	t.Source = file
	return t, nil
}

// IsTemplateTexts reports whether a template file is a texts file (it has
// texts_for), so a reader knows which parser to use.
func IsTemplateTexts(data []byte) bool {
	var top map[string]any
	if yaml.Unmarshal(data, &top) != nil {
		return false
	}
	_, ok := top["texts_for"]
	return ok
}

func (p *templateParser) texts(root *yaml.Node) (TemplateTexts, error) {
	var t TemplateTexts
	h, err := p.head(root, "a texts file", textsTopNeed, textsTopHint, func(n *yaml.Node) (err error) {
		t.Language, err = p.caseLanguage(n)
		return err
	})
	if err != nil {
		return TemplateTexts{}, err
	}
	t.ID, t.For, t.Name, t.Description = h.ID, h.For, h.Name, h.Description
	steps := h.steps
	if steps.Kind != yaml.SequenceNode || len(steps.Content) == 0 {
		return TemplateTexts{}, p.fail(steps, "steps", "steps must be a list with at least one step, each starting with \"- id:\"")
	}
	if len(steps.Content) > MaxTemplateSteps {
		return TemplateTexts{}, p.fail(steps.Content[MaxTemplateSteps], "steps", "the file has %d steps; the limit is %d", len(steps.Content), MaxTemplateSteps)
	}
	seen := map[string]int{}
	for i, sn := range steps.Content {
		st, err := p.stepText(i, sn)
		if err != nil {
			return TemplateTexts{}, err
		}
		if line, dup := seen[st.Key]; dup {
			return TemplateTexts{}, p.fail(sn, "id", "step %q appears twice (first on line %d); keep one", st.Key, line)
		}
		seen[st.Key] = sn.Line
		t.Steps = append(t.Steps, st)
	}
	return t, nil
}

func (p *templateParser) stepText(i int, n *yaml.Node) (TemplateStepText, error) {
	var s TemplateStepText
	where := fmt.Sprintf("step %d: ", i+1)
	if n.Kind != yaml.MappingNode {
		return s, p.fail(n, "", "%seach step must be a list of keys, starting with \"- id:\"", where)
	}
	ps, err := p.pairs(n, where, textsStepKeys)
	if err != nil {
		return s, err
	}
	idp, ok := findTemplatePair(ps, "id")
	if !ok {
		return s, p.fail(n, "id", "%sid is missing; name the step of the template, such as \"id: crisis-threats\"", where)
	}
	if s.Key, err = p.key(idp.v, where, "id"); err != nil {
		return s, err
	}
	where = fmt.Sprintf("step %q: ", s.Key)
	for _, pr := range ps {
		var err error
		switch pr.key {
		case "id":
		case "title":
			s.Title, err = p.text(pr.v, where, "title", MaxTemplateTitle, true)
		case "why":
			s.Why, err = p.text(pr.v, where, "why", MaxTemplateText, true)
		case "after":
			s.After, err = p.text(pr.v, where, "after", MaxTemplateText, true)
		case "phase", "owner", "days", "depends_on":
			err = p.fail(pr.k, pr.key, "%s%s belongs in the template itself; a texts file changes only title, why and after", where, pr.key)
		default:
			err = p.unknownKey(pr, where, "a step of a texts file", textsStepKeys)
		}
		if err != nil {
			return s, err
		}
	}
	if s.StepText == (StepText{}) {
		return s, p.fail(n, "title", "%sthe step has no words; give at least one of title, why and after", where)
	}
	return s, nil
}

func (p *templateParser) caseLanguage(n *yaml.Node) (CaseLang, error) {
	if err := p.scalar(n, "", "language", "a language"); err != nil {
		return "", err
	}
	if l := CaseLang(strings.TrimSpace(n.Value)); l.Valid() {
		return l, nil
	}
	return "", p.fail(n, "language", "language is %s; it must be nl (Dutch), en (English), tr (Turkish), pl (Polish) or ar (Arabic)", describeNode(n))
}

// StepTexts holds the words of templates' steps in every language it was
// given, by template and step. The zero value is empty; DefaultStepTexts
// holds the embedded ones.
type StepTexts struct {
	steps map[string]map[string]*stepWords // template id -> step key
}

// stepWords are one step's words: what a resident reads in each language,
// and every text it was kept under in a case (the caseworker's languages,
// before and after a team's correction), which tells a step whose words
// the caseworker changed from one still as the template had it.
type stepWords struct {
	by    map[CaseLang]StepText
	known [3][]string // title, why, after
}

// words finds a step's words; create makes room for them when there are none.
func (x *StepTexts) words(template, key string, create bool) *stepWords {
	if x.steps == nil {
		if !create {
			return nil
		}
		x.steps = map[string]map[string]*stepWords{}
	}
	t := x.steps[template]
	if t == nil {
		if !create {
			return nil
		}
		t = map[string]*stepWords{}
		x.steps[template] = t
	}
	w := t[key]
	if w == nil && create {
		w = &stepWords{by: map[CaseLang]StepText{}}
		t[key] = w
	}
	return w
}

func (w *stepWords) set(l CaseLang, st StepText) {
	cur := w.by[l]
	for i, v := range [3]string{st.Title, st.Why, st.After} {
		if v == "" {
			continue
		}
		*cur.field(i) = v
		if l == CaseDutch || l == CaseEnglish {
			if !slices.Contains(w.known[i], v) {
				w.known[i] = append(w.known[i], v)
			}
		}
	}
	w.by[l] = cur
}

func (st *StepText) field(i int) *string {
	switch i {
	case 0:
		return &st.Title
	case 1:
		return &st.Why
	}
	return &st.After
}

// AddTemplate takes a template's steps as words in its own language.
func (x *StepTexts) AddTemplate(t Template) {
	for _, s := range t.Steps {
		x.words(t.ID, s.Key, true).set(t.Language.Case(), StepText{s.Title, s.Why, s.After})
	}
}

// Add takes a texts file's words, each over the one it had. The template
// it words must be known already, and so must each of its steps.
func (x *StepTexts) Add(t TemplateTexts) error {
	if x.steps[t.For] == nil {
		return &TemplateError{File: t.Source, Field: "texts_for",
			Msg: fmt.Sprintf("texts_for names the template %q, and there is no template with that id; use the id of the embedded template (%s) or of a team template", t.For, DefaultTemplateID)}
	}
	for _, s := range t.Steps {
		if x.steps[t.For][s.Key] == nil {
			return &TemplateError{File: t.Source, Field: "id",
				Msg: fmt.Sprintf("step %q: the template %s has no step with that id; see `houvast templates default` for its ids", s.Key, t.For)}
		}
	}
	for _, s := range t.Steps {
		x.words(t.For, s.Key, false).set(t.Language, s.StepText)
	}
	return nil
}

// Lookup returns a step's words in a language as far as they are known.
func (x StepTexts) Lookup(template, key string, l CaseLang) StepText {
	if w := x.words(template, key, false); w != nil {
		return w.by[l]
	}
	return StepText{}
}

// Clone returns a copy that can take more words without changing x.
func (x StepTexts) Clone() StepTexts {
	var out StepTexts
	for id, steps := range x.steps {
		for key, w := range steps {
			c := out.words(id, key, true)
			for l, st := range w.by {
				c.by[l] = st
			}
			for i := range w.known {
				c.known[i] = slices.Clone(w.known[i])
			}
		}
	}
	return out
}

// ForResident returns a case's step in the words the resident reads: each
// of title, why and after in the case's language where the template has
// it and the caseworker kept the template's words; otherwise as the step
// holds it. Kept is true when a word stays in the caseworker's language
// although the resident's is another (a step of the caseworker's own, or
// words the template has no translation of): the case screen says so.
func (x StepTexts) ForResident(c Case, s Step) (st StepText, kept bool) {
	st = StepText{s.Title, s.Why, s.After}
	foreign := c.Language.Valid() && c.Language != c.Language.Working().Case()
	w := x.words(c.Template, s.Key, false)
	if w == nil || s.Key == "" {
		return st, foreign
	}
	want := w.by[c.Language]
	for i := range 3 {
		have := st.field(i)
		if *have == "" {
			continue
		}
		switch to := *want.field(i); {
		case to != "" && slices.Contains(w.known[i], *have):
			*have = to
		case to != "" && *have == to:
		default:
			kept = kept || foreign
		}
	}
	return st, kept
}

// KeptSteps counts the steps of a case (all but those that do not apply)
// whose words stay in the caseworker's language in the resident's summary
// (see ForResident). It is quick enough for every frame of a large case.
func (x StepTexts) KeptSteps(c Case) int {
	if !c.Language.Valid() || c.Language == c.Language.Working().Case() {
		return 0
	}
	n := 0
	for i := range c.Steps {
		if c.Steps[i].Status == StepNotApplicable {
			continue
		}
		if _, kept := x.ForResident(c, c.Steps[i]); kept {
			n++
		}
	}
	return n
}

var defaultTextsFiles = map[CaseLang]string{
	CaseTurkish: "templates/stabilisatie.tr.yaml",
	CasePolish:  "templates/stabilisatie.pl.yaml",
	CaseArabic:  "templates/stabilisatie.ar.yaml",
}

// defaultStepTexts parses the embedded templates and texts files once.
var defaultStepTexts = sync.OnceValue(func() StepTexts {
	var x StepTexts
	for _, t := range defaultTemplates() {
		x.AddTemplate(t)
	}
	for _, l := range CaseLangs {
		name, ok := defaultTextsFiles[l]
		if !ok {
			continue
		}
		data, err := templateFS.ReadFile(name)
		if err != nil {
			panic(err)
		}
		t, err := ParseTemplateTexts(name, data)
		if err != nil {
			panic("embedded texts: " + err.Error())
		}
		if t.Language != l || t.For != DefaultTemplateID {
			panic(fmt.Sprintf("embedded texts %s say language %q for %q", name, t.Language, t.For))
		}
		t.Source = "embedded"
		if err := x.Add(t); err != nil {
			panic("embedded texts: " + err.Error())
		}
	}
	return x
})

// DefaultStepTexts returns the embedded words of the default template's
// steps in every resident's language, as the caller's own copy.
func DefaultStepTexts() StepTexts { return defaultStepTexts().Clone() }

// DefaultTextsFile returns the embedded texts file of a resident's
// language, as a starting point for a team's corrections; for Dutch and
// English, whose words are the template's own, it returns the template.
func DefaultTextsFile(l CaseLang) []byte {
	name, ok := defaultTextsFiles[l]
	if !ok {
		return DefaultTemplateFile(l.Working())
	}
	data, err := templateFS.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return data
}

// DefaultTemplateTexts returns the embedded texts file of a draft
// language, parsed.
func DefaultTemplateTexts(l CaseLang) TemplateTexts {
	name, ok := defaultTextsFiles[l]
	if !ok {
		return TemplateTexts{}
	}
	data, _ := templateFS.ReadFile(name)
	t, err := ParseTemplateTexts(name, data)
	if err != nil {
		panic("embedded texts: " + err.Error())
	}
	t.Source = "embedded"
	return t
}

// Apply returns the template with its steps in the words x has for them in
// its own language: a team's corrections of the Dutch or English words
// reach the cases made from it.
func (x StepTexts) Apply(t Template) Template {
	t = t.Clone()
	for i, s := range t.Steps {
		st := x.Lookup(t.ID, s.Key, t.Language.Case())
		for j, v := range [3]string{st.Title, st.Why, st.After} {
			if v != "" {
				*[3]*string{&t.Steps[i].Title, &t.Steps[i].Why, &t.Steps[i].After}[j] = v
			}
		}
	}
	return t
}
