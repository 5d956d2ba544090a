package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"houvast/actionlist"
	"houvast/casework"
)

// maxTeamFile bounds one laptop's report file: it holds a few hundred counts.
const maxTeamFile = 4 << 20

// teamReport is a laptop's figures with its id for the period.
func (a *app) teamReport(ctx context.Context, w *casework.Work, f actionlist.Figures) (actionlist.TeamReport, actionlist.SignalFigures, error) {
	signals, err := w.Store.AllSignals(ctx)
	if err != nil {
		return actionlist.TeamReport{}, actionlist.SignalFigures{}, err
	}
	sf := actionlist.SignalReport(signals, f.From, f.To, f.Today)
	key, err := w.Store.ReportKey(ctx)
	if err != nil {
		return actionlist.TeamReport{}, sf, err
	}
	return actionlist.NewTeamReport(actionlist.ReportID(key, f.From, f.To), f, sf), sf, nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func (a *app) reportMergeCommand() *cobra.Command {
	st := signalTexts(a.lang)
	format := "txt"
	cmd := &cobra.Command{
		Use: "merge FILE...", Short: st.ReportMerge.Short, Long: st.ReportMerge.Long, Example: st.ReportMerge.Example,
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := a.settings(); err != nil {
				return err
			}
			if format != "txt" && format != "csv" && format != "json" {
				return a.say(st.BadTeamFormat, format)
			}
			if len(args) == 0 {
				return said(st.MergeNone)
			}
			return a.mergeReports(args, format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "txt", st.FlagMergeFormat)
	return cmd
}

func (a *app) mergeReports(paths []string, format string) error {
	st := signalTexts(a.lang)
	files := make([]actionlist.TeamReport, len(paths))
	for i, p := range paths {
		r, err := readTeamFile(p)
		if err != nil {
			return a.say(st.MergeUnreadable, cleanPath(p), err)
		}
		files[i] = r
	}
	m, err := actionlist.MergeTeamReports(files)
	if err != nil {
		name := ""
		var fe *actionlist.TeamFileError
		if errors.As(err, &fe) && fe.Index < len(paths) {
			name = cleanPath(paths[fe.Index])
		}
		switch {
		case errors.Is(err, actionlist.ErrPeriodsDiffer):
			return a.say(st.MergePeriods, name)
		case errors.Is(err, actionlist.ErrMergedTeamFile):
			return a.say(st.MergeMerged, name)
		case errors.Is(err, actionlist.ErrNewerTeamFile):
			return a.say(st.MergeNewer, name)
		case errors.Is(err, actionlist.ErrNotTeamReport):
			return a.say(st.MergeUnreadable, name, err)
		}
		return err
	}
	if m.Twice > 0 {
		fmt.Fprintf(a.f.Stderr, st.MergeTwice+"\n", m.Twice)
	}
	switch format {
	case "json":
		return writeJSON(a.f.Stdout, m.Report)
	case "csv":
		_, err = io.WriteString(a.f.Stdout, actionlist.TeamCSV(m.Report))
	default:
		_, err = io.WriteString(a.f.Stdout, actionlist.TeamText(m.Report, a.lang))
	}
	return err
}

func readTeamFile(path string) (actionlist.TeamReport, error) {
	f, err := os.Open(path)
	if err != nil {
		return actionlist.TeamReport{}, errors.Unwrap(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxTeamFile+1))
	if err != nil {
		return actionlist.TeamReport{}, err
	}
	if len(data) > maxTeamFile {
		return actionlist.TeamReport{}, actionlist.ErrNotTeamReport
	}
	var r actionlist.TeamReport
	if err := json.Unmarshal(data, &r); err != nil {
		return r, actionlist.ErrNotTeamReport
	}
	if r.Format != actionlist.TeamReportFormat {
		return r, actionlist.ErrNotTeamReport
	}
	return r, nil
}
