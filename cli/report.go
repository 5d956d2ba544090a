package cli

import (
	"io"

	"github.com/spf13/cobra"

	"houvast/actionlist"
)

func (a *app) reportCommand() *cobra.Command {
	var fromFlag, toFlag, format string
	h := a.t.Help.Report
	cmd := &cobra.Command{
		Use: "report", Short: h.Short, Long: h.Long, Example: h.Example, Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if _, err := a.settings(); err != nil {
				return err
			}
			today := a.today()
			from, err := a.reportDate("--from", fromFlag, today)
			if err != nil {
				return err
			}
			to, err := a.reportDate("--to", toFlag, today)
			if err != nil {
				return err
			}
			if !from.IsZero() && !to.IsZero() && from.After(to) {
				return a.say(a.t.BadOrder, from, to)
			}
			if format != "txt" && format != "csv" && format != "json" {
				return a.say(a.t.BadReportFormat, format)
			}
			w, err := a.openExisting(cmd.Context())
			if err != nil {
				return err
			}
			defer w.Close()
			cases, err := w.Store.AllCases(cmd.Context())
			if err != nil {
				return err
			}
			f := actionlist.Report(cases, from, to, today)
			team, signals, err := a.teamReport(cmd.Context(), w, f)
			if err != nil {
				return err
			}
			text := actionlist.ReportText(f, a.lang) + actionlist.SignalReportText(signals, a.lang)
			switch format {
			case "csv":
				text = actionlist.ReportCSV(f, a.lang)
			case "json":
				return writeJSON(a.f.Stdout, team)
			}
			_, err = io.WriteString(a.f.Stdout, text)
			return err
		},
	}
	cmd.Flags().StringVar(&fromFlag, "from", "", a.t.Help.FlagFrom)
	cmd.Flags().StringVar(&toFlag, "to", "", a.t.Help.FlagTo)
	cmd.Flags().StringVar(&format, "format", "txt", a.t.Help.FlagReportFormat)
	cmd.AddCommand(a.reportMergeCommand())
	return cmd
}

func (a *app) reportDate(flag, s string, today actionlist.Date) (actionlist.Date, error) {
	if s == "" {
		return actionlist.Date{}, nil
	}
	d, err := actionlist.ParseDateInput(s, today)
	if err != nil {
		return d, a.say(a.t.BadDate, flag, s)
	}
	return d, nil
}
