package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/adrg/xdg"
	"github.com/spf13/cobra"

	"houvast/actionlist"
)

// templateDir is where a team keeps its own templates: HOUVAST_TEMPLATES, or
// houvast/templates in the XDG config folder.
func (a *app) templateDir() string {
	if d := a.env("HOUVAST_TEMPLATES"); d != "" {
		return d
	}
	return filepath.Join(xdg.ConfigHome, "houvast", "templates")
}

// teamTemplates reads every *.yaml in the template folder. A broken file is
// reported and left out; the others still load.
func (a *app) teamTemplates() ([]actionlist.Template, []error) {
	files, err := filepath.Glob(filepath.Join(a.templateDir(), "*.y*ml"))
	if err != nil {
		return nil, []error{err}
	}
	sort.Strings(files)
	var out []actionlist.Template
	var errs []error
	for _, f := range files {
		t, err := readTemplate(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, t)
	}
	return out, errs
}

func readTemplate(path string) (actionlist.Template, error) {
	info, err := os.Stat(path)
	if err != nil {
		return actionlist.Template{}, err
	}
	if info.Size() > actionlist.MaxTemplateBytes {
		return actionlist.Template{}, &actionlist.TemplateError{File: path, Msg: fmt.Sprintf("the file is %d bytes; a template may be at most %d", info.Size(), actionlist.MaxTemplateBytes)}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return actionlist.Template{}, err
	}
	return actionlist.ParseTemplate(path, data)
}

// screenTemplates are the templates a new case can start from: the default
// one (in the resident's language) and the team's own.
func (a *app) screenTemplates() ([]actionlist.Template, []error) {
	team, errs := a.teamTemplates()
	return append([]actionlist.Template{actionlist.DefaultTemplate(a.lang())}, team...), errs
}

func (a *app) templatesCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "templates",
		Short: "List the action-list templates: the default one and your team's own",
		Long: `A template is the list of steps a new case starts from. Houvast has a default
stabilisation template in Dutch and English. A team can add its own: YAML files
in the folder this command shows (or in $HOUVAST_TEMPLATES). Start from the
default with 'houvast templates default > ourteam.yaml', edit it, and check it
with 'houvast templates check ourteam.yaml'.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(a.stdout, "%s\n", a.templateDir())
			for _, l := range actionlist.Langs {
				t := actionlist.DefaultTemplate(l)
				fmt.Fprintf(a.stdout, "  %-14s %-3s %3d steps  %s (embedded)\n", t.ID, t.Language, len(t.Steps), t.Name)
			}
			team, errs := a.teamTemplates()
			for _, t := range team {
				fmt.Fprintf(a.stdout, "  %-14s %-3s %3d steps  %s (%s)\n", t.ID, t.Language, len(t.Steps), t.Name, filepath.Base(t.Source))
			}
			for _, err := range errs {
				fmt.Fprintln(a.stderr, err)
			}
			if len(errs) > 0 {
				return errBadTemplate
			}
			return nil
		},
	}
	check := &cobra.Command{
		Use:   "check FILE...",
		Short: "Check template files; the exit code says if all are good",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, files []string) error {
			bad := false
			for _, f := range files {
				t, err := readTemplate(f)
				if err != nil {
					fmt.Fprintln(a.stderr, err)
					bad = true
					continue
				}
				fmt.Fprintf(a.stdout, "%s: %d steps in %d phases, good\n", f, len(t.Steps), len(t.Phases()))
			}
			if bad {
				return errBadTemplate
			}
			return nil
		},
	}
	def := &cobra.Command{
		Use:   "default",
		Short: "Print the default template (in --lang), as a start for your own",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := a.stdout.Write(actionlist.DefaultTemplateFile(a.lang()))
			return err
		},
	}
	cmd.AddCommand(check, def)
	return cmd
}

// errBadTemplate: the files' own errors were printed already.
var errBadTemplate = errors.New("a template file has a problem (see above)")
