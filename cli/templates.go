package cli

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"houvast/actionlist"
	"houvast/casework"
)

func (a *app) templatesCommand() *cobra.Command {
	h := a.t.Help
	cmd := &cobra.Command{
		Use: "templates", Short: h.Templates.Short, Long: h.Templates.Long, Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := a.settings()
			if err != nil {
				return err
			}
			a.printf("%s", s.TemplateDir)
			for _, l := range actionlist.Langs {
				t := actionlist.DefaultTemplate(l)
				a.printf(a.t.TemplateEmbedded, t.ID, t.Language, len(t.Steps), t.Name)
			}
			team, errs := casework.TeamTemplates(s)
			for _, t := range team {
				a.printf(a.t.TemplateTeam, t.ID, t.Language, len(t.Steps), t.Name, filepath.Base(t.Source))
			}
			for _, err := range errs {
				fmt.Fprintln(a.f.Stderr, a.sentence(err))
			}
			if len(errs) > 0 {
				return said(a.t.TemplateBad)
			}
			return nil
		},
	}
	check := &cobra.Command{
		Use: "check FILE...", Short: h.TemplatesCheck.Short, Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, files []string) error {
			if _, err := a.settings(); err != nil {
				return err
			}
			bad := false
			for _, f := range files {
				t, err := casework.ReadTemplate(f)
				if err != nil {
					fmt.Fprintln(a.f.Stderr, a.sentence(err))
					bad = true
					continue
				}
				a.printf(a.t.TemplateGood, f, len(t.Steps), len(t.Phases()))
			}
			if bad {
				return said(a.t.TemplateBad)
			}
			return nil
		},
	}
	def := &cobra.Command{
		Use: "default", Short: h.TemplatesDefault.Short, Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := a.settings(); err != nil {
				return err
			}
			_, err := a.f.Stdout.Write(actionlist.DefaultTemplateFile(a.lang))
			return err
		},
	}
	cmd.AddCommand(check, def)
	return cmd
}
