package actionlist

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// A template is the plan a case starts from: the default stabilisation list
// embedded in Houvast (in Dutch and English), or a team's own file. Its
// steps' words in a resident's other languages (Turkish, Polish, Arabic)
// are in texts files of the same format (steptexts.go).
//
// The file format is YAML:
//
//	format: houvast-template   # required, exactly this
//	version: 1                 # required; only 1 is known
//	id: stabilisatie           # required, [a-z0-9-]+, at most 60 characters
//	language: nl               # required: nl or en
//	name: Stabilisatie         # required, at most 120 characters
//	description: ...           # optional, at most 2000 characters
//	steps:                     # required, 1 to 500 steps
//	  - id: crisis-threats     # required, unique, [a-z0-9-]+, at most 60 characters
//	    phase: crisis          # required, one of Phases
//	    owner: specialist      # required, one of Roles
//	    title: ...             # required, one action, at most 120 characters
//	    why: ...               # required, at most 400 characters
//	    after: ...             # required, at most 400 characters
//	    days: 7                # required, 1..365
//	    depends_on: [other-id] # optional; ids in the same file, no loops
//
// Rules for texts (name, description, title, why, after): surrounding
// whitespace is trimmed, and line breaks and tabs (from a YAML block such as
// "why: >" or a long quoted text wrapped over lines) are folded into single
// spaces, so every text is one line. Any other control character (ESC, NUL,
// DEL, ...), a Unicode line or paragraph separator or a text-direction
// control is refused, as is a number that looks like a citizen service
// number (BSN). Unknown keys, duplicate keys, YAML anchors and aliases and
// a second YAML document in the file are refused too.
//
// ParseTemplate stops at the first problem, in the order a reader meets them
// in the file (with the format and version checked first), and returns it as
// a *TemplateError.

// Template is a parsed template file.
type Template struct {
	ID, Name, Description string
	Language              Lang
	Source                string // the file name it came from, or "embedded"
	Steps                 []TemplateStep
}

// TemplateStep is one step of a template. A case's Step is made from it.
type TemplateStep struct {
	Key               string // the step's id in the file
	Phase             Phase
	Owner             Role
	Title, Why, After string
	Days              int
	DependsOn         []string // keys of steps in the same template
}

// Limits of the template format.
const (
	TemplateFormat    = "houvast-template"
	TemplateVersion   = 1
	DefaultTemplateID = "stabilisatie"
	MaxTemplateBytes  = 1 << 20 // 1 MiB
	MaxTemplateSteps  = 500
	MaxTemplateKey    = 60  // a template's or a step's id
	MaxTemplateTitle  = 120 // a step's title: one action
	MaxTemplateText   = 400 // a step's why and after
	MaxTemplateDays   = 365
	maxTemplateName   = MaxShort
	maxTemplateDesc   = MaxText
)

// TemplateError says what is wrong in a template file, and where:
// `team.yaml: line 12: step "huur": why is empty`. Line is 0 when the problem
// has no single line (an empty file, a file that is too big). Field is the
// key the problem is about ("why", "depends_on", "format"), or "" when it is
// about the file as a whole.
type TemplateError struct {
	File  string
	Line  int
	Field string
	Msg   string
}

func (e *TemplateError) Error() string {
	file := e.File
	if file == "" {
		file = "template"
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s: line %d: %s", file, e.Line, e.Msg)
	}
	return file + ": " + e.Msg
}

// Phases lists the phases the template has steps in, in case order.
func (t Template) Phases() []Phase {
	var out []Phase
	for _, s := range t.Steps {
		if !slices.Contains(out, s.Phase) {
			out = append(out, s.Phase)
		}
	}
	slices.SortStableFunc(out, func(a, b Phase) int { return a.Index() - b.Index() })
	return out
}

// Clone returns a deep copy, safe to change.
func (t Template) Clone() Template {
	t.Steps = slices.Clone(t.Steps)
	for i := range t.Steps {
		t.Steps[i].DependsOn = slices.Clone(t.Steps[i].DependsOn)
	}
	return t
}

//go:embed templates/stabilisatie.*.yaml
var templateFS embed.FS

var defaultTemplateFiles = map[Lang]string{
	Dutch:   "templates/stabilisatie.nl.yaml",
	English: "templates/stabilisatie.en.yaml",
}

// defaultTemplates parses the embedded templates once. They are part of the
// binary and covered by tests, so a broken one is a programming error.
var defaultTemplates = sync.OnceValue(func() map[Lang]Template {
	out := make(map[Lang]Template, len(defaultTemplateFiles))
	for lang, name := range defaultTemplateFiles {
		data, err := templateFS.ReadFile(name)
		if err != nil {
			panic(err)
		}
		t, err := ParseTemplate(name, data)
		if err != nil {
			panic("embedded template: " + err.Error())
		}
		if t.Language != lang {
			panic(fmt.Sprintf("embedded template %s says language %q", name, t.Language))
		}
		t.Source = "embedded"
		out[lang] = t
	}
	return out
})

// DefaultTemplate returns the embedded stabilisation template in lang; an
// unknown language gets the Dutch one. The result is the caller's own copy.
func DefaultTemplate(lang Lang) Template {
	all := defaultTemplates()
	t, ok := all[lang]
	if !ok {
		t = all[Dutch]
	}
	return t.Clone()
}

// DefaultTemplateFile returns the embedded template file in lang, as a
// starting point for a team's own template.
func DefaultTemplateFile(lang Lang) []byte {
	name, ok := defaultTemplateFiles[lang]
	if !ok {
		name = defaultTemplateFiles[Dutch]
	}
	data, err := templateFS.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return data
}

// ParseTemplate reads a template file's bytes; file is only used in error
// messages and as the template's Source. Steps come back sorted by phase
// (in the order of Phases), keeping the file's order within a phase.
func ParseTemplate(file string, data []byte) (Template, error) {
	p := &templateParser{file: file}
	t, err := p.parse(data)
	if err != nil {
		return Template{}, err
	}
	t.Source = file
	return t, nil
}

var (
	templateKeyRE = regexp.MustCompile(`^[a-z0-9-]+$`)
	yamlLineRE    = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
)

var (
	templateTopKeys  = []string{"format", "version", "id", "texts_for", "language", "name", "description", "steps"}
	templateTopNeed  = []string{"format", "version", "id", "language", "name", "steps"}
	templateStepKeys = []string{"id", "phase", "owner", "title", "why", "after", "days", "depends_on"}
	templateStepNeed = []string{"id", "phase", "owner", "title", "why", "after", "days"}
)

type templateParser struct {
	file string
}

// fail makes the error; n gives the line when it is not nil.
func (p *templateParser) fail(n *yaml.Node, field, format string, args ...any) *TemplateError {
	line := 0
	if n != nil {
		line = n.Line
	}
	return &TemplateError{File: p.file, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)}
}

// templatePair is one key and its value in a mapping, in file order.
type templatePair struct {
	key   string
	k, v  *yaml.Node
	known bool
}

func (p *templateParser) parse(data []byte) (Template, error) {
	root, err := p.root(data)
	if err != nil {
		return Template{}, err
	}
	if ps, err := p.pairs(root, "", templateTopKeys); err == nil {
		if pr, ok := findTemplatePair(ps, "texts_for"); ok {
			return Template{}, p.fail(pr.k, "texts_for", "this file holds texts for the steps of the template %s, not a template to start a case from; read it as a texts file", describeNode(pr.v))
		}
	}
	return p.template(root)
}

// root reads the file's bytes into its top YAML node, refusing what no
// Houvast file can be.
func (p *templateParser) root(data []byte) (*yaml.Node, error) {
	if len(data) > MaxTemplateBytes {
		return nil, p.fail(nil, "", "the file is %s; a template can be at most 1 MiB. Is this the right file?", templateByteSize(len(data)))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, p.fail(nil, "", "the file is empty; a template starts with the line \"format: %s\"", TemplateFormat)
	}
	if !utf8.Valid(data) {
		bad := len(data)
		for i := 0; i < len(data); {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				bad = i
				break
			}
			i += size
		}
		return nil, &TemplateError{File: p.file, Line: 1 + bytes.Count(data[:bad], []byte("\n")),
			Msg: "the file is not UTF-8 text; save it as UTF-8 (in most editors: \"Save as\", encoding UTF-8)"}
	}
	if r, line, bad := firstBadChar(data); bad {
		return nil, &TemplateError{File: p.file, Line: line,
			Msg: fmt.Sprintf("the file holds an invisible control character (U+%04X) on this line; remove it", r)}
	}
	root, err := p.decode(data)
	if err != nil {
		return nil, err
	}
	if err := p.noAliases(root); err != nil {
		return nil, err
	}
	if root.Kind != yaml.MappingNode {
		return nil, p.fail(root, "", "this is not a Houvast template: it should be a list of keys, starting with \"format: %s\"", TemplateFormat)
	}
	return root, nil
}

// decode reads exactly one YAML document.
func (p *templateParser) decode(data []byte) (root *yaml.Node, err error) {
	defer func() {
		// The YAML library is not ours; whatever it does, a bad file must
		// end in an error, never in a crash.
		if r := recover(); r != nil {
			root, err = nil, p.fail(nil, "", "this is not valid YAML, and Houvast cannot read it (%v)", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, p.fail(nil, "", "the file holds only comments or blank lines; a template starts with the line \"format: %s\"", TemplateFormat)
		}
		return nil, p.yamlError(err, data)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, p.yamlError(err, data)
	default:
		at := &extra
		if len(extra.Content) > 0 {
			at = extra.Content[0]
		}
		return nil, p.fail(at, "", "the file holds a second YAML document (after \"---\"); put each template in a file of its own")
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, p.fail(&doc, "", "this is not a Houvast template: it should start with the line \"format: %s\"", TemplateFormat)
	}
	return doc.Content[0], nil
}

// yamlParserErrors are the YAML library's parser messages. Their line
// numbers count from 0 (the scanner's count from 1), and a problem on the
// first line comes without a number.
var yamlParserErrors = []string{
	"did not find expected <stream-start>",
	"did not find expected <document start>",
	"did not find expected node content",
	"did not find expected '-' indicator",
	"did not find expected key",
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"found duplicate %YAML directive",
	"found incompatible YAML document",
	"found duplicate %TAG directive",
	"found undefined tag handle",
}

// yamlError turns the YAML library's message into one that names the file
// and line and says what to check.
func (p *templateParser) yamlError(err error, data []byte) error {
	msg := err.Error()
	line := 0
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	switch {
	case slices.Contains(yamlParserErrors, msg):
		line++
	case line == 0 && (strings.HasPrefix(msg, "found ") || strings.HasPrefix(msg, "did not find ") || strings.HasPrefix(msg, "could not find ") || strings.HasPrefix(msg, "mapping values")):
		line = 1 // a scanner problem on the first line
	}
	// A problem found at the end of the file (an unclosed bracket) is
	// reported on the line after the last one; name the last line instead.
	lines := bytes.Count(data, []byte("\n"))
	if !bytes.HasSuffix(data, []byte("\n")) {
		lines++
	}
	line = min(line, lines)
	hint := "check the indentation, and that every key ends with \":\""
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		hint = "a text that holds \": \" must be put between double quotes"
	case strings.Contains(msg, "expected key"), strings.Contains(msg, "'-' indicator"):
		hint = "check the indentation: the keys of one step must line up under each other"
	case strings.Contains(msg, "tab") || indentedWithTab(data, line):
		hint = "indent with spaces, not tabs"
	case strings.Contains(msg, "anchor"):
		hint = "anchors and aliases (& and *) are not supported in a template; write each value out in full"
	case strings.Contains(msg, "end of stream"):
		hint = "check that every opening quote or bracket is closed"
	}
	return &TemplateError{File: p.file, Line: line, Msg: fmt.Sprintf("this is not valid YAML (%s); %s", msg, hint)}
}

// indentedWithTab reports whether the line (counted from 1) starts with
// spaces and tabs, at least one of them a tab.
func indentedWithTab(data []byte, line int) bool {
	if line < 1 {
		return false
	}
	lines := bytes.SplitN(data, []byte("\n"), line+1)
	if len(lines) < line {
		return false
	}
	l := lines[line-1]
	indent := l[:len(l)-len(bytes.TrimLeft(l, " \t"))]
	return bytes.IndexByte(indent, '\t') >= 0
}

// firstBadChar finds the first character YAML does not allow in a file, with its
// line: invisible control characters other than tab and line breaks, and a
// byte-order mark or non-character anywhere but at the start.
func firstBadChar(data []byte) (r rune, line int, ok bool) {
	line = 1
	for i, c := range string(data) {
		switch {
		case c == '\n':
			line++
		case c == '\t' || c == '\r':
		case c < 0x20, c == 0x7f, c >= 0x80 && c <= 0x9f, c == 0xfffe, c == 0xffff, c == 0xfeff && i > 0:
			return c, line, true
		}
	}
	return 0, 0, false
}

// noAliases refuses anchors and aliases: a template is written out in full,
// and aliases would let a small file expand into a huge one.
func (p *templateParser) noAliases(n *yaml.Node) error {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return p.fail(n, "", "YAML anchors and aliases (& and *) are not supported in a template; write each value out in full")
	}
	for _, c := range n.Content {
		if err := p.noAliases(c); err != nil {
			return err
		}
	}
	return nil
}

// pairs lists a mapping's keys and values in file order, refusing keys that
// are not plain words and keys that appear twice. where is "" at the top,
// or the step's name followed by ": ".
func (p *templateParser) pairs(m *yaml.Node, where string, known []string) ([]templatePair, error) {
	out := make([]templatePair, 0, len(m.Content)/2)
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Tag == "!!null" {
			return nil, p.fail(k, "", "%sa key must be a single word followed by \":\", such as \"%s:\"", where, known[0])
		}
		if first, dup := seen[k.Value]; dup {
			return nil, p.fail(k, k.Value, "%s%s appears twice (first on line %d); keep one", where, k.Value, first.Line)
		}
		seen[k.Value] = k
		out = append(out, templatePair{key: k.Value, k: k, v: v, known: slices.Contains(known, k.Value)})
	}
	return out, nil
}

func (p *templateParser) unknownKey(pr templatePair, where, what string, known []string) error {
	msg := fmt.Sprintf("%sunknown key %q", where, pr.key)
	if s := closestWord(pr.key, known); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	return p.fail(pr.k, pr.key, "%s; %s can have: %s", msg, what, strings.Join(known, ", "))
}

func findTemplatePair(ps []templatePair, key string) (templatePair, bool) {
	for _, pr := range ps {
		if pr.key == key {
			return pr, true
		}
	}
	return templatePair{}, false
}

func (p *templateParser) template(root *yaml.Node) (Template, error) {
	var t Template
	h, err := p.head(root, "a template", templateTopNeed, nil, func(n *yaml.Node) (err error) {
		t.Language, err = p.language(n)
		return err
	})
	if err != nil {
		return Template{}, err
	}
	t.ID, t.Name, t.Description = h.ID, h.Name, h.Description
	t.Steps, err = p.steps(h.steps)
	if err != nil {
		return Template{}, err
	}
	return t, nil
}

// templateHead is what a template and a texts file both start with.
type templateHead struct {
	ID, For, Name, Description string
	steps                      *yaml.Node
}

// head reads the top-level keys of a template or a texts file (what names
// which, in messages), in file order, so the first wrong one is the one
// reported: the format first, then each key checked as it comes, then a
// sentence for the first of need that is missing (hints says what to add,
// over templateTopHint). language is read by the caller's own rule.
func (p *templateParser) head(root *yaml.Node, what string, need []string, hints map[string]string, language func(*yaml.Node) error) (templateHead, error) {
	ps, err := p.pairs(root, "", templateTopKeys)
	if err != nil {
		return templateHead{}, err
	}
	if err := p.header(root, ps); err != nil {
		return templateHead{}, err
	}
	var h templateHead
	for _, pr := range ps {
		if !pr.known {
			return templateHead{}, p.unknownKey(pr, "", what, templateTopKeys)
		}
		var err error
		switch pr.key {
		case "id":
			h.ID, err = p.key(pr.v, "", "id")
		case "texts_for":
			h.For, err = p.key(pr.v, "", "texts_for")
		case "language":
			err = language(pr.v)
		case "name":
			h.Name, err = p.text(pr.v, "", "name", maxTemplateName, true)
		case "description":
			h.Description, err = p.text(pr.v, "", "description", maxTemplateDesc, false)
		case "steps":
			h.steps = pr.v
		}
		if err != nil {
			return templateHead{}, err
		}
	}
	for _, key := range need {
		if _, ok := findTemplatePair(ps, key); !ok {
			hint, own := hints[key]
			if !own {
				hint = templateTopHint[key]
			}
			return templateHead{}, p.fail(root, key, "%s is missing; %s", key, hint)
		}
	}
	return h, nil
}

// header checks the format and version first: a file that is not a
// template, or a newer one, should say so rather than list everything it
// does not know.
func (p *templateParser) header(root *yaml.Node, ps []templatePair) error {
	format, ok := findTemplatePair(ps, "format")
	if !ok {
		return p.fail(root, "format", "format is missing; is this a Houvast template? The file should start with the line \"format: %s\"", TemplateFormat)
	}
	if format.v.Kind != yaml.ScalarNode || strings.TrimSpace(format.v.Value) != TemplateFormat {
		return p.fail(format.v, "format", "format is %s, not %q; is this a Houvast template?", describeNode(format.v), TemplateFormat)
	}
	version, ok := findTemplatePair(ps, "version")
	if !ok {
		return p.fail(root, "version", "version is missing; add the line \"version: %d\"", TemplateVersion)
	}
	v, err := p.wholeNumber(version.v, "", "version")
	if err != nil {
		return err
	}
	if v != TemplateVersion {
		return p.fail(version.v, "version", "version %d is not known to this Houvast, which reads version %d; a newer Houvast may read it", v, TemplateVersion)
	}

	return nil
}

var templateTopHint = map[string]string{
	"id":       "add a short name in lowercase letters, digits and \"-\", such as \"id: team-zuid\"",
	"language": "add \"language: nl\" or \"language: en\"",
	"name":     "add the name people see when they choose a template, such as \"name: Stabilisatie team Zuid\"",
	"steps":    "add \"steps:\" with the list of steps",
}

func (p *templateParser) steps(n *yaml.Node) ([]TemplateStep, error) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil, p.fail(n, "steps", "steps is empty; a template needs at least one step")
	}
	if n.Kind != yaml.SequenceNode {
		return nil, p.fail(n, "steps", "steps must be a list, with each step starting with \"- id:\"")
	}
	if len(n.Content) == 0 {
		return nil, p.fail(n, "steps", "steps is empty; a template needs at least one step")
	}
	if len(n.Content) > MaxTemplateSteps {
		return nil, p.fail(n.Content[MaxTemplateSteps], "steps", "the template has %d steps; the limit is %d", len(n.Content), MaxTemplateSteps)
	}
	steps := make([]TemplateStep, 0, len(n.Content))
	deps := make([][]*yaml.Node, 0, len(n.Content)) // the depends_on entries, for their lines
	index := map[string]int{}
	idNodes := map[string]*yaml.Node{}
	for i, sn := range n.Content {
		s, dn, idNode, err := p.step(i, sn)
		if err != nil {
			return nil, err
		}
		if first, dup := idNodes[s.Key]; dup {
			return nil, p.fail(idNode, "id", "step %q: the id %q is already used by the step on line %d; every step needs an id of its own", s.Key, s.Key, first.Line)
		}
		idNodes[s.Key] = idNode
		index[s.Key] = i
		steps = append(steps, s)
		deps = append(deps, dn)
	}
	for i, s := range steps {
		for j, d := range s.DependsOn {
			if _, ok := index[d]; !ok {
				return nil, p.fail(deps[i][j], "depends_on", "step %q: depends_on names %q, but there is no step with that id", s.Key, d)
			}
		}
	}
	if err := p.noLoops(steps, deps, index); err != nil {
		return nil, err
	}
	slices.SortStableFunc(steps, func(a, b TemplateStep) int { return a.Phase.Index() - b.Phase.Index() })
	return steps, nil
}

// step reads one step. It returns the step, the nodes of its depends_on
// entries and the node of its id.
func (p *templateParser) step(i int, n *yaml.Node) (TemplateStep, []*yaml.Node, *yaml.Node, error) {
	var s TemplateStep
	where := fmt.Sprintf("step %d: ", i+1)
	if n.Kind != yaml.MappingNode {
		return s, nil, nil, p.fail(n, "", "%seach step must be a list of keys, starting with \"- id:\"", where)
	}
	ps, err := p.pairs(n, where, templateStepKeys)
	if err != nil {
		return s, nil, nil, err
	}
	// The id first, so that every other message can name the step.
	idp, ok := findTemplatePair(ps, "id")
	if !ok {
		return s, nil, nil, p.fail(n, "id", "%sid is missing; give the step a short name such as \"id: rent-arrears\"", where)
	}
	if s.Key, err = p.key(idp.v, where, "id"); err != nil {
		return s, nil, nil, err
	}
	where = fmt.Sprintf("step %q: ", s.Key)
	var depNodes []*yaml.Node
	for _, pr := range ps {
		if !pr.known {
			return s, nil, nil, p.unknownKey(pr, where, "a step", templateStepKeys)
		}
		var err error
		switch pr.key {
		case "phase":
			s.Phase, err = p.phase(pr.v, where)
		case "owner":
			s.Owner, err = p.owner(pr.v, where)
		case "title":
			s.Title, err = p.text(pr.v, where, "title", MaxTemplateTitle, true)
		case "why":
			s.Why, err = p.text(pr.v, where, "why", MaxTemplateText, true)
		case "after":
			s.After, err = p.text(pr.v, where, "after", MaxTemplateText, true)
		case "days":
			s.Days, err = p.wholeNumber(pr.v, where, "days")
			if err == nil && (s.Days < 1 || s.Days > MaxTemplateDays) {
				err = p.fail(pr.v, "days", "%sdays is %d; it must be from 1 to %d (the usual number of days the step takes)", where, s.Days, MaxTemplateDays)
			}
		case "depends_on":
			s.DependsOn, depNodes, err = p.dependsOn(pr.v, where, s.Key)
		}
		if err != nil {
			return s, nil, nil, err
		}
	}
	for _, need := range templateStepNeed {
		if _, ok := findTemplatePair(ps, need); !ok {
			return s, nil, nil, p.fail(n, need, "%s%s is missing; %s", where, need, templateStepHint[need])
		}
	}
	return s, depNodes, idp.v, nil
}

var templateStepHint = map[string]string{
	"phase": "add \"phase:\" with one of " + joinWords(Phases),
	"owner": "add \"owner:\" with one of " + joinWords(Roles),
	"title": "add \"title:\" with the one action to do",
	"why":   "add \"why:\" saying why the step matters",
	"after": "add \"after:\" saying what happens once it is done",
	"days":  "add \"days:\" with the usual number of days the step takes, from 1 to 365",
}

func joinWords[S ~string](xs []S) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return strings.Join(out, ", ")
}

// scalar checks that n is a single value, not a list or a block of keys.
func (p *templateParser) scalar(n *yaml.Node, where, field, want string) error {
	if n.Kind != yaml.ScalarNode {
		return p.fail(n, field, "%s%s must be %s, not %s", where, field, want, describeNode(n))
	}
	return nil
}

// describeNode says in a few words what a node holds, for messages.
func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a block of keys"
	case yaml.ScalarNode:
		if n.Tag == "!!null" || n.Value == "" {
			return "empty"
		}
		v := n.Value
		if utf8.RuneCountInString(v) > 40 {
			v = string([]rune(v)[:40]) + "..."
		}
		return strconv.Quote(v)
	}
	return "not a value"
}

func (p *templateParser) key(n *yaml.Node, where, field string) (string, error) {
	if err := p.scalar(n, where, field, "a short name"); err != nil {
		return "", err
	}
	v := strings.TrimSpace(n.Value)
	switch {
	case n.Tag == "!!null" || v == "":
		return "", p.fail(n, field, "%s%s is empty; use a short name in lowercase letters, digits and \"-\"", where, field)
	case utf8.RuneCountInString(v) > MaxTemplateKey:
		return "", p.fail(n, field, "%s%s is %d characters long; the limit is %d", where, field, utf8.RuneCountInString(v), MaxTemplateKey)
	case !templateKeyRE.MatchString(v):
		return "", p.fail(n, field, "%s%s %s may only hold lowercase letters a-z, digits and \"-\"", where, field, strconv.Quote(v))
	}
	return v, nil
}

func (p *templateParser) wholeNumber(n *yaml.Node, where, field string) (int, error) {
	if err := p.scalar(n, where, field, "a whole number"); err != nil {
		return 0, err
	}
	var v int
	if n.Tag != "!!int" || n.Decode(&v) != nil {
		return 0, p.fail(n, field, "%s%s is %s; it must be a whole number, such as 7", where, field, describeNode(n))
	}
	return v, nil
}

func (p *templateParser) language(n *yaml.Node) (Lang, error) {
	if err := p.scalar(n, "", "language", "nl or en"); err != nil {
		return "", err
	}
	switch l := Lang(strings.TrimSpace(n.Value)); l {
	case Dutch, English:
		return l, nil
	}
	if CaseLang(strings.TrimSpace(n.Value)).Valid() {
		return "", p.fail(n, "language", "language is %s; a template to start a case from is in nl (Dutch) or en (English), the caseworker's languages; the words of its steps in a resident's language go in a texts file (with \"texts_for:\", see `houvast templates default %s`)", describeNode(n), strings.TrimSpace(n.Value))
	}
	return "", p.fail(n, "language", "language is %s; it must be nl (Dutch) or en (English)", describeNode(n))
}

func (p *templateParser) phase(n *yaml.Node, where string) (Phase, error) {
	if err := p.scalar(n, where, "phase", "one phase"); err != nil {
		return "", err
	}
	ph := Phase(strings.TrimSpace(n.Value))
	if ph.Valid() {
		return ph, nil
	}
	if ph == "" || n.Tag == "!!null" {
		return "", p.fail(n, "phase", "%sphase is empty; use one of %s", where, joinWords(Phases))
	}
	return "", p.fail(n, "phase", "%sphase %s is not one of %s%s", where, describeNode(n), joinWords(Phases), didYouMean(string(ph), Phases))
}

func (p *templateParser) owner(n *yaml.Node, where string) (Role, error) {
	if err := p.scalar(n, where, "owner", "one role"); err != nil {
		return "", err
	}
	r := Role(strings.TrimSpace(n.Value))
	if r.Valid() {
		return r, nil
	}
	if r == "" || n.Tag == "!!null" {
		return "", p.fail(n, "owner", "%sowner is empty; use one of %s", where, joinWords(Roles))
	}
	return "", p.fail(n, "owner", "%sowner %s is not one of %s%s", where, describeNode(n), joinWords(Roles), didYouMean(string(r), Roles))
}

func (p *templateParser) dependsOn(n *yaml.Node, where, self string) ([]string, []*yaml.Node, error) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil, nil, nil // "depends_on:" with nothing after it
	}
	if n.Kind != yaml.SequenceNode {
		return nil, nil, p.fail(n, "depends_on", "%sdepends_on must be a list of step ids, such as [other-id]", where)
	}
	var ids []string
	for _, e := range n.Content {
		id, err := p.key(e, where, "depends_on")
		if err != nil {
			return nil, nil, err
		}
		switch {
		case id == self:
			return nil, nil, p.fail(e, "depends_on", "%sdepends_on names the step itself; a step cannot wait for itself", where)
		case slices.Contains(ids, id):
			return nil, nil, p.fail(e, "depends_on", "%sdepends_on names %q twice; keep one", where, id)
		}
		ids = append(ids, id)
	}
	return ids, n.Content, nil
}

// text reads a text: trimmed, line breaks folded into spaces, control
// characters refused (see the format's rules at the top of this file).
func (p *templateParser) text(n *yaml.Node, where, field string, limit int, required bool) (string, error) {
	if err := p.scalar(n, where, field, "a text"); err != nil {
		return "", err
	}
	raw := n.Value
	if n.Tag == "!!null" {
		raw = ""
	}
	if !utf8.ValidString(raw) {
		return "", p.fail(n, field, "%s%s is not valid UTF-8 text", where, field)
	}
	digits := 0
	for _, r := range raw {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r >= ' ' && r < 0x7f, r == '\n', r == '\r', r == '\t':
		case unicode.IsControl(r), r == '\u2028', r == '\u2029', unicode.Is(unicode.Bidi_Control, r):
			return "", p.fail(n, field, "%s%s holds an invisible control character (U+%04X); remove it", where, field, r)
		}
	}
	s := strings.Join(strings.Fields(raw), " ")
	if s == "" {
		if required {
			return "", p.fail(n, field, "%s%s is empty", where, field)
		}
		return "", nil
	}
	if c := utf8.RuneCountInString(s); c > limit {
		return "", p.fail(n, field, "%s%s is %d characters long; the limit is %d", where, field, c, limit)
	}
	if digits >= 9 && HasBSN(s) {
		return "", p.fail(n, field, "%s%s holds a number that looks like a citizen service number (BSN); Houvast never stores one, so remove it", where, field)
	}
	return s, nil
}

// noLoops refuses dependencies that go round in a circle. It reports the
// first loop met when walking the steps in file order.
func (p *templateParser) noLoops(steps []TemplateStep, deps [][]*yaml.Node, index map[string]int) error {
	const (
		unseen = iota
		onPath
		finished
	)
	state := make([]int, len(steps))
	var path []int
	var visit func(i int) error
	visit = func(i int) error {
		state[i] = onPath
		path = append(path, i)
		for j, d := range steps[i].DependsOn {
			k := index[d]
			switch state[k] {
			case onPath:
				start := slices.Index(path, k)
				names := make([]string, 0, len(path)-start+1)
				for _, x := range path[start:] {
					names = append(names, steps[x].Key)
				}
				names = append(names, steps[k].Key)
				return p.fail(deps[i][j], "depends_on", "step %q: depends_on makes a loop: %s; the steps would wait for each other forever", steps[i].Key, strings.Join(names, " → "))
			case unseen:
				if err := visit(k); err != nil {
					return err
				}
			}
		}
		path = path[:len(path)-1]
		state[i] = finished
		return nil
	}
	for i := range steps {
		if state[i] == unseen {
			if err := visit(i); err != nil {
				return err
			}
		}
	}
	return nil
}

// didYouMean suggests the closest known value for a typo, or says nothing.
func didYouMean[S ~string](got string, known []S) string {
	names := make([]string, len(known))
	for i, k := range known {
		names[i] = string(k)
	}
	if s := closestWord(got, names); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}

// closestWord returns the known word within a small edit distance of got.
func closestWord(got string, known []string) string {
	got = strings.ToLower(strings.TrimSpace(got))
	if got == "" || utf8.RuneCountInString(got) > 40 {
		return ""
	}
	best, bestD := "", 3
	for _, k := range known {
		if d := editDistance(got, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func templateByteSize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
