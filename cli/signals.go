package cli

import (
	"bufio"
	"context"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"houvast/actionlist"
	"houvast/casework"
)

func (a *app) signalsCommand() *cobra.Command {
	st := signalTexts(a.lang)
	cmd := &cobra.Command{
		Use: "signals", Short: st.Signals.Short, Long: st.Signals.Long, Args: cobra.NoArgs,
	}
	cmd.AddCommand(a.signalsImportCommand())
	return cmd
}

func (a *app) signalsImportCommand() *cobra.Command {
	st := signalTexts(a.lang)
	var maps []string
	var columnsFile string
	cmd := &cobra.Command{
		Use: "import FILE.csv", Short: st.SignalsImport.Short, Long: st.SignalsImport.Long, Example: st.SignalsImport.Example,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := a.settings(); err != nil {
				return err
			}
			cols, err := a.signalMapping(columnsFile, maps)
			if err != nil {
				return err
			}
			w, err := a.openExisting(cmd.Context())
			if err != nil {
				return err
			}
			defer w.Close()
			return a.importSignals(cmd.Context(), w, args[0], cols)
		},
	}
	cmd.Flags().StringArrayVar(&maps, "map", nil, st.FlagMap)
	cmd.Flags().StringVar(&columnsFile, "columns", "", st.FlagColumns)
	return cmd
}

// signalMapping reads the mapping file, then the --map flags over it.
func (a *app) signalMapping(file string, flags []string) (actionlist.SignalColumns, error) {
	cols := actionlist.SignalColumns{}
	if file != "" {
		lines, err := readLines(file)
		if err != nil {
			return nil, a.say(signalTexts(a.lang).ColumnsFile, cleanPath(file), err)
		}
		if cols, err = actionlist.ParseSignalMapping(lines, false); err != nil {
			return nil, err
		}
	}
	fromFlags, err := actionlist.ParseSignalMapping(flags, true)
	if err != nil {
		return nil, err
	}
	for k, v := range fromFlags {
		cols[k] = v
	}
	return cols, nil
}

// readLines reads a small text file; a mapping has a line a field.
func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() && len(lines) < 1000 {
		lines = append(lines, sc.Text())
	}
	return lines, sc.Err()
}

func (a *app) importSignals(ctx context.Context, w *casework.Work, path string, cols actionlist.SignalColumns) error {
	got, err := w.ImportSignals(ctx, path, cols)
	if rows := casework.SignalRowSentences(err, a.lang); len(rows) > 0 {
		return said(casework.Sentence(err, a.lang) + "\n  " + strings.Join(rows, "\n  "))
	}
	if err != nil {
		return err
	}
	a.printf(signalTexts(a.lang).SignalsImported, got.Read, cleanPath(path), got.Added, got.Doubles)
	return nil
}

// remindSignalRetention says, for `houvast check`, how many signals that
// did not become a case have passed their retention period.
func (a *app) remindSignalRetention(ctx context.Context, w *casework.Work) {
	due, err := w.SignalsDueForErasure(ctx)
	if err != nil || len(due) == 0 {
		return
	}
	a.printf(signalTexts(a.lang).SignalsDue, len(due), w.Settings.SignalRetentionMonths)
}
