package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"houvast/actionlist"
	"houvast/casework"
	"houvast/store"
)

func (a *app) casesCommand() *cobra.Command {
	var asJSON bool
	h := a.t.Help.Cases
	cmd := &cobra.Command{
		Use:     "cases",
		Short:   h.Short,
		Example: h.Example,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			w, err := a.openExisting(cmd.Context())
			if err != nil {
				return err
			}
			defer w.Close()
			list, err := w.Store.Cases(cmd.Context(), a.today())
			if err != nil {
				return err
			}
			if asJSON {
				return a.writeCasesJSON(list)
			}
			return a.writeCasesTable(list)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, a.t.Help.FlagJSON)
	cmd.AddCommand(a.casesLanguageCommand())
	return cmd
}

// casesLanguageCommand sets the resident's language of one case.
func (a *app) casesLanguageCommand() *cobra.Command {
	h := a.t.Help.CasesLanguage
	return &cobra.Command{
		Use: "language REF LANGUAGE", Short: h.Short, Long: h.Long, Example: h.Example, Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := actionlist.ParseCaseLang(args[1])
			if err != nil {
				return said(fmt.Sprintf(a.t.UnknownCaseLang, args[1]))
			}
			w, err := a.openExisting(cmd.Context())
			if err != nil {
				return err
			}
			defer w.Close()
			c, err := w.SetCaseLanguage(cmd.Context(), args[0], l, w.Settings.Actor(actionlist.RoleSpecialist))
			if err != nil {
				return err
			}
			a.printf(a.t.CaseLangSet, c.Ref, actionlist.CaseLangLabel(l, a.lang))
			return nil
		},
	}
}

// caseJSON is the stable shape of `houvast cases --json`.
type caseJSON struct {
	ID              string `json:"id"`
	Ref             string `json:"ref"`
	Name            string `json:"name"`
	Status          string `json:"status"`
	NextAppointment string `json:"next_appointment,omitempty"`
	Start           string `json:"start,omitempty"`
	Target          string `json:"target,omitempty"`
	Done            int    `json:"done"`
	Applicable      int    `json:"applicable"`
	Overdue         int    `json:"overdue"`
	Updated         string `json:"updated"`
}

func (a *app) writeCasesJSON(list []store.CaseSummary) error {
	out := make([]caseJSON, 0, len(list))
	for _, c := range list {
		j := caseJSON{
			ID: c.ID, Ref: c.Ref, Name: c.Name, Status: string(c.Status),
			Start: c.Start.String(), Target: c.Target.String(),
			Done: c.Done, Applicable: c.Applicable, Overdue: c.Overdue,
			Updated: c.Updated.UTC().Format(time.RFC3339),
		}
		if !c.Next.IsZero() {
			j.NextAppointment = c.Next.Format(actionlist.TimeLayout)
		}
		out = append(out, j)
	}
	return writeJSON(a.f.Stdout, out)
}

func (a *app) writeCasesTable(list []store.CaseSummary) error {
	if len(list) == 0 {
		a.printf("%s", a.t.NoCases)
		return nil
	}
	w := tabwriter.NewWriter(a.f.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, a.t.CasesHeader)
	for _, c := range list {
		next := "-"
		if !c.Next.IsZero() {
			next = c.Next.Format("2006-01-02 15:04")
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%d/%d\t%d\t%s\n", clean(c.Ref), clean(c.Name),
			actionlist.CaseStatusLabel(c.Status, a.lang), c.Done, c.Applicable, c.Overdue, next)
	}
	return w.Flush()
}

func (a *app) checkCommand() *cobra.Command {
	h := a.t.Help.Check
	return &cobra.Command{
		Use:   "check",
		Short: h.Short,
		Long:  h.Long,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			w, err := a.openExisting(cmd.Context())
			if err != nil {
				return err
			}
			defer w.Close()
			rep, err := w.Store.Check(cmd.Context())
			if err != nil {
				return err
			}
			if !rep.Sound() {
				for _, p := range rep.Problems {
					a.printf("%s", casework.ProblemSentence(p, a.lang))
				}
				return errUnsound
			}
			a.printf(a.t.CheckOK, w.Store.Path(), rep.Cases, rep.Steps, rep.Events)
			a.remindRetention(cmd.Context(), w)
			return nil
		},
	}
}

// remindRetention prints how many closed cases have passed their retention
// period and how to erase them; nothing when none have.
func (a *app) remindRetention(ctx context.Context, w *casework.Work) {
	a.remindSignalRetention(ctx, w)
	due, err := w.DueForErasure(ctx)
	if err != nil || len(due) == 0 {
		return
	}
	refs := make([]string, len(due))
	for i, c := range due {
		refs[i] = clean(c.Ref)
	}
	format := a.t.RetentionDueMany
	if len(due) == 1 {
		format = a.t.RetentionDueOne
	}
	a.printf(format, len(due), w.Settings.RetentionMonths, strings.Join(refs, ", "))
}
