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
			for _, l := range actionlist.DraftLangs {
				tt := actionlist.DefaultTemplateTexts(l)
				a.printf(a.t.TextsEmbedded, tt.ID, tt.Language, len(tt.Steps), tt.For)
			}
			team, texts, _ := casework.TeamFiles(s)
			for _, t := range team {
				a.printf(a.t.TemplateTeam, t.ID, t.Language, len(t.Steps), t.Name, filepath.Base(t.Source))
			}
			for _, tt := range texts {
				a.printf(a.t.TemplateTexts, tt.ID, tt.Language, len(tt.Steps), tt.For, filepath.Base(tt.Source))
			}
			// The files that cannot be read, then the texts files that do
			// not fit their template.
			_, errs := casework.StepTexts(s)
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
			s, err := a.settings()
			if err != nil {
				return err
			}
			bad := false
			for _, f := range files {
				t, tt, err := casework.ReadTemplateFile(f)
				if err == nil && tt != nil {
					err = casework.CheckTemplateTexts(s, *tt)
				}
				if err != nil {
					fmt.Fprintln(a.f.Stderr, a.sentence(err))
					bad = true
					continue
				}
				if tt != nil {
					a.printf(a.t.TextsGood, f, len(tt.Steps), tt.For, actionlist.CaseLangLabel(tt.Language, a.lang))
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
		Use: "default [LANGUAGE]", Short: h.TemplatesDefault.Short, Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := a.settings(); err != nil {
				return err
			}
			if len(args) == 0 {
				_, err := a.f.Stdout.Write(actionlist.DefaultTemplateFile(a.lang))
				return err
			}
			l, err := actionlist.ParseCaseLang(args[0])
			if err != nil {
				return said(fmt.Sprintf(a.t.UnknownCaseLang, args[0]))
			}
			_, err = a.f.Stdout.Write(actionlist.DefaultTextsFile(l))
			return err
		},
	}
	cmd.AddCommand(check, def)
	return cmd
}
