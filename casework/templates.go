package casework

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"houvast/actionlist"
)

// TeamTemplates reads every *.yaml in the team's template folder. A broken
// file is reported and left out; the others still load.
func TeamTemplates(s Settings) ([]actionlist.Template, []error) {
	files, err := filepath.Glob(filepath.Join(s.TemplateDir, "*.y*ml"))
	if err != nil {
		return nil, []error{err}
	}
	sort.Strings(files)
	var out []actionlist.Template
	var errs []error
	for _, f := range files {
		t, err := ReadTemplate(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, t)
	}
	return out, errs
}

// ReadTemplate reads and checks one template file, refusing a file too
// large to be a template before reading it.
func ReadTemplate(path string) (actionlist.Template, error) {
	info, err := os.Stat(path)
	if err != nil {
		return actionlist.Template{}, &Refusal{Kind: NoFile, Path: path, Err: unwrapPath(err)}
	}
	if info.Size() > actionlist.MaxTemplateBytes {
		return actionlist.Template{}, &actionlist.TemplateError{File: path, Msg: fmt.Sprintf("the file is %d bytes; a template may be at most %d", info.Size(), actionlist.MaxTemplateBytes)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return actionlist.Template{}, &Refusal{Kind: NoFile, Path: path, Err: unwrapPath(err)}
	}
	return actionlist.ParseTemplate(path, data)
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
