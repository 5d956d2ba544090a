package casework

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"houvast/actionlist"
)

// TeamTemplates reads every template in the team's template folder. A
// broken file is reported and left out; the others still load.
func TeamTemplates(s Settings) ([]actionlist.Template, []error) {
	templates, _, errs := TeamFiles(s)
	return templates, errs
}

// TeamFiles reads every *.yaml in the team's template folder: the
// templates a case can start from, and the texts files that word their
// steps (or the default template's) in a language. A broken file is
// reported and left out; the others still load.
func TeamFiles(s Settings) ([]actionlist.Template, []actionlist.TemplateTexts, []error) {
	files, err := filepath.Glob(filepath.Join(s.TemplateDir, "*.y*ml"))
	if err != nil {
		return nil, nil, []error{err}
	}
	sort.Strings(files)
	var templates []actionlist.Template
	var texts []actionlist.TemplateTexts
	var errs []error
	for _, f := range files {
		t, tt, err := ReadTemplateFile(f)
		switch {
		case err != nil:
			errs = append(errs, err)
		case tt != nil:
			texts = append(texts, *tt)
		default:
			templates = append(templates, *t)
		}
	}
	return templates, texts, errs
}

// StepTexts are the words of every template's steps in every language:
// the embedded ones, with the team's templates and texts files over them,
// in the order of the folder. A texts file that does not fit its template
// is reported and left out.
func StepTexts(s Settings) (actionlist.StepTexts, []error) {
	templates, texts, errs := TeamFiles(s)
	return stepTextsOf(templates, texts, errs)
}

func stepTextsOf(templates []actionlist.Template, texts []actionlist.TemplateTexts, errs []error) (actionlist.StepTexts, []error) {
	x := actionlist.DefaultStepTexts()
	for _, t := range templates {
		x.AddTemplate(t)
	}
	for _, tt := range texts {
		if err := x.Add(tt); err != nil {
			errs = append(errs, err)
		}
	}
	return x, errs
}

// CheckTemplateTexts checks a texts file against the templates it may
// word: the embedded ones and the team's.
func CheckTemplateTexts(s Settings, tt actionlist.TemplateTexts) error {
	templates, _, _ := TeamFiles(s)
	x, _ := stepTextsOf(templates, nil, nil)
	return x.Add(tt)
}

// ReadTemplateFile reads and checks one file of the template folder: a
// template (t) or a texts file (tt).
func ReadTemplateFile(path string) (t *actionlist.Template, tt *actionlist.TemplateTexts, err error) {
	data, err := readTemplateBytes(path)
	if err != nil {
		return nil, nil, err
	}
	if actionlist.IsTemplateTexts(data) {
		texts, err := actionlist.ParseTemplateTexts(path, data)
		if err != nil {
			return nil, nil, err
		}
		return nil, &texts, nil
	}
	tmpl, err := actionlist.ParseTemplate(path, data)
	if err != nil {
		return nil, nil, err
	}
	return &tmpl, nil, nil
}

// ReadTemplate reads and checks one template file, refusing a file too
// large to be a template before reading it.
func ReadTemplate(path string) (actionlist.Template, error) {
	data, err := readTemplateBytes(path)
	if err != nil {
		return actionlist.Template{}, err
	}
	return actionlist.ParseTemplate(path, data)
}

func readTemplateBytes(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, &Refusal{Kind: NoFile, Path: path, Err: unwrapPath(err)}
	}
	if info.Size() > actionlist.MaxTemplateBytes {
		return nil, &actionlist.TemplateError{File: path, Msg: fmt.Sprintf("the file is %d bytes; a template may be at most %d", info.Size(), actionlist.MaxTemplateBytes)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Refusal{Kind: NoFile, Path: path, Err: unwrapPath(err)}
	}
	return data, nil
}

// Templates are what a new case can start from: the default template in the
// screens' language, then the team's own.
func Templates(s Settings) ([]actionlist.Template, []error) {
	team, errs := TeamTemplates(s)
	return append([]actionlist.Template{actionlist.DefaultTemplate(s.Lang)}, team...), errs
}

// unwrapPath keeps what the system said without the path, which the
// sentence names itself.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
