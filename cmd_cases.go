package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"houvast/actionlist"
	"houvast/store"
)

func (a *app) casesCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "cases",
		Short: "List the cases with their status, progress and next appointment",
		Example: `  houvast cases
  houvast cases --json | jq '.[] | select(.overdue > 0) | .ref'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := a.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			list, err := s.Cases(cmd.Context(), actionlist.DateOf(time.Now()))
			if err != nil {
				return err
			}
			if asJSON {
				return a.writeCasesJSON(list)
			}
			return a.writeCasesTable(list)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON, for scripts")
	return cmd
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
	enc := json.NewEncoder(a.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func (a *app) writeCasesTable(list []store.CaseSummary) error {
	if len(list) == 0 {
		fmt.Fprintln(a.stdout, a.msg(msgNoCases))
		return nil
	}
	lang := a.lang()
	w := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, a.msg(msgCasesHeader))
	for _, c := range list {
		next := "-"
		if !c.Next.IsZero() {
			next = c.Next.Format("2006-01-02 15:04")
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%d/%d\t%d\t%s\n",
			actionlist.CleanText(c.Ref, false), actionlist.CleanText(c.Name, false),
			actionlist.CaseStatusLabel(c.Status, lang), c.Done, c.Applicable, c.Overdue, next)
	}
	return w.Flush()
}

// errUnsound makes `houvast check` exit with code 2 when it found damage.
var errUnsound = errors.New("the database has problems")

func (a *app) checkCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Check the database for damage; the exit code says if it is sound (0) or not (2)",
		Long: `Check reads every page of the database (SQLite's integrity check, which finds
damage that normal use does not notice), every link between cases, steps and
events, and every stored value. Exit code 0: sound. 2: problems found (listed).
1: the file could not be checked at all (the message says why).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := a.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			rep, err := s.Check(cmd.Context())
			if err != nil {
				return err
			}
			if !rep.Sound() {
				for _, p := range rep.Problems {
					fmt.Fprintln(a.stdout, p)
				}
				return errUnsound
			}
			fmt.Fprintf(a.stdout, a.msg(msgCheckOK)+"\n", s.Path(), rep.Cases, rep.Steps, rep.Events)
			a.remindRetention(cmd.Context(), s)
			return nil
		},
	}
}
