package main

import (
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"houvast/actionlist"
)

// reportMessages are the sentences of `houvast report`, in Dutch and English.
var reportMessages = map[string][2]string{
	"bad_date": {
		"%s: de datum %q begrijpt Houvast niet. Typ bijvoorbeeld 2026-01-01, 1-1 of 1 januari.",
		"%s: Houvast does not understand the date %q. Type for example 2026-01-01, 1-1 or 1 January.",
	},
	"bad_order": {
		"--from (%s) ligt na --to (%s). Draai de twee datums om.",
		"--from (%s) is after --to (%s). Swap the two dates.",
	},
	"bad_format": {
		"Onbekend formaat %q: kies --format txt of --format csv.",
		"Unknown format %q: choose --format txt or --format csv.",
	},
}

func (a *app) reportMsg(key string) string {
	m := reportMessages[key]
	if a.lang() == actionlist.English {
		return m[1]
	}
	return m[0]
}

func (a *app) reportCommand() *cobra.Command {
	var fromFlag, toFlag, format string
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Anonymous figures about the caseload: no names, no references",
		Long: `Report counts the cases that ran in a period: by status, phase and how they
started; how long stabilisation took (median); how many reached a debt
arrangement and why others stopped; overdue steps; aftercare check-ins done
and missed; referrals to other help. It prints counts only, never a name, a
reference or a typed text, so it can be shared. Dates are typed as in the
screens (2026-01-01, 1-1, 1 januari, today); without --to the period ends today.`,
		Example: `  houvast report
  houvast report --from 2026-01-01 --to 2026-06-30
  houvast report --from 1-1 --format csv > cijfers.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := a.checkLangFlag(); err != nil {
				return err
			}
			today := actionlist.DateOf(time.Now())
			from, err := a.reportDate("--from", fromFlag, today)
			if err != nil {
				return err
			}
			to, err := a.reportDate("--to", toFlag, today)
			if err != nil {
				return err
			}
			if !from.IsZero() && !to.IsZero() && from.After(to) {
				return fmt.Errorf(a.reportMsg("bad_order"), from, to)
			}
			if format != "txt" && format != "csv" {
				return fmt.Errorf(a.reportMsg("bad_format"), format)
			}
			s, err := a.openStore(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			cases, err := s.AllCases(cmd.Context())
			if err != nil {
				return err
			}
			return a.writeReport(a.stdout, actionlist.Report(cases, from, to, today), format)
		},
	}
	cmd.Flags().StringVar(&fromFlag, "from", "", "first day of the period (default: from the first case)")
	cmd.Flags().StringVar(&toFlag, "to", "", "last day of the period (default: today)")
	cmd.Flags().StringVar(&format, "format", "txt", "txt for reading, csv for a spreadsheet")
	return cmd
}

func (a *app) reportDate(flag, s string, today actionlist.Date) (actionlist.Date, error) {
	if s == "" {
		return actionlist.Date{}, nil
	}
	d, err := actionlist.ParseDateInput(s, today)
	if err != nil {
		return d, fmt.Errorf(a.reportMsg("bad_date"), flag, s)
	}
	return d, nil
}

func (a *app) writeReport(w io.Writer, f actionlist.Figures, format string) error {
	text := actionlist.ReportText(f, a.lang())
	if format == "csv" {
		text = actionlist.ReportCSV(f, a.lang())
	}
	_, err := io.WriteString(w, text)
	return err
}
