package cli

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"houvast/actionlist"
	"houvast/casework"
)

func (a *app) agendaCommand() *cobra.Command {
	var days int
	var asJSON, allowBSN bool
	var ics string
	h := a.t.Help.Agenda
	cmd := &cobra.Command{
		Use: "agenda", Short: h.Short, Long: h.Long, Example: h.Example, Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if days < 0 || days > maxAgendaDays {
				return a.say(a.t.BadDays, days, maxAgendaDays)
			}
			s, err := a.settings()
			if err != nil {
				return err
			}
			if err := casework.CheckOutput(ics, s.DB, "agenda.ics"); err != nil {
				return err
			}
			w, err := a.openExisting(cmd.Context())
			if err != nil {
				return err
			}
			defer w.Close()
			items, err := w.Agenda(cmd.Context(), days)
			if err != nil {
				return err
			}
			if ics != "" {
				if err := w.WriteAgendaCalendar(ics, items, allowBSN); err != nil {
					return err
				}
				a.printf(a.t.AgendaWritten, ics, len(items))
				return nil
			}
			if asJSON {
				return a.writeAgendaJSON(items)
			}
			return a.writeAgendaTable(items)
		},
	}
	f, hh := cmd.Flags(), a.t.Help
	f.IntVar(&days, "days", actionlist.AgendaWeek, hh.FlagDays)
	f.BoolVar(&asJSON, "json", false, hh.FlagJSON)
	f.StringVar(&ics, "ics", "", hh.FlagICS)
	f.BoolVar(&allowBSN, "allow-bsn", false, hh.FlagAllowBSN)
	return cmd
}

// maxAgendaDays bounds --days: a quarter ahead is still an agenda.
const maxAgendaDays = 92

// agendaJSON is the stable shape of `houvast agenda --json`: the facts of an
// item, and why it is there in the run's language.
type agendaJSON struct {
	Kind        string `json:"kind"`
	Why         string `json:"why"`
	CaseID      string `json:"case_id"`
	Ref         string `json:"ref"`
	Name        string `json:"name"`
	Date        string `json:"date"`
	Days        int    `json:"days"`
	At          string `json:"at,omitempty"`
	Place       string `json:"place,omitempty"`
	StepID      string `json:"step_id,omitempty"`
	Title       string `json:"title,omitempty"`
	Owner       string `json:"owner,omitempty"`
	OwnerName   string `json:"owner_name,omitempty"`
	Deadline    string `json:"deadline,omitempty"`
	Rule        string `json:"rule,omitempty"`
	WorkingDays bool   `json:"working_days,omitempty"`
}

func (a *app) writeAgendaJSON(items []actionlist.AgendaItem) error {
	out := make([]agendaJSON, 0, len(items))
	for _, it := range items {
		j := agendaJSON{
			Kind: string(it.Kind), Why: actionlist.AgendaKindLabel(it.Kind, a.lang),
			CaseID: it.CaseID, Ref: it.Ref, Name: it.Name, Date: it.When.String(), Days: it.Days,
		}
		switch {
		case it.Kind == actionlist.AgendaAppointment:
			j.At, j.Place = it.At.Format(actionlist.TimeLayout), it.Place
		case it.HasStep():
			j.StepID, j.Title, j.Owner, j.OwnerName = it.Step.ID, it.Step.Title, string(it.Step.Owner), it.Step.OwnerName
		default:
			j.Deadline, j.Rule, j.WorkingDays = string(it.Deadline.Kind), actionlist.DeadlineRule(it.Deadline, a.lang), it.Deadline.WorkingDays
		}
		out = append(out, j)
	}
	return writeJSON(a.f.Stdout, out)
}

func (a *app) writeAgendaTable(items []actionlist.AgendaItem) error {
	if len(items) == 0 {
		a.printf("%s", a.t.AgendaEmpty)
		return nil
	}
	w := tabwriter.NewWriter(a.f.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, a.t.AgendaHeader)
	for _, it := range items {
		when := it.When.String()
		what := clean(it.Step.Title)
		switch {
		case it.Kind == actionlist.AgendaAppointment:
			when += " " + it.At.Format("15:04")
			what = a.t.AgendaAppointment
			if p := clean(it.Place); p != "" {
				what += " · " + p
			}
		case !it.HasStep():
			what = actionlist.DeadlineLabel(it.Deadline.Kind, a.lang) + " · " + actionlist.DeadlineRule(it.Deadline, a.lang)
		}
		fmt.Fprintf(w, "%s\t%s %s\t%s\t%s\n", when, clean(it.Ref), clean(it.Name), actionlist.AgendaKindLabel(it.Kind, a.lang), what)
	}
	return w.Flush()
}
