package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"houvast/actionlist"
	"houvast/casework"
	"houvast/store"
)

func (a *app) eraseCommand() *cobra.Command {
	var ref string
	var due, compact, yes bool
	months := 0
	h := a.t.Help.Erase
	cmd := &cobra.Command{
		Use:     "erase --case REF | --due | --compact",
		Short:   h.Short,
		Long:    h.Long,
		Example: h.Example,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			chosen := 0
			for _, b := range []bool{ref != "", due, compact} {
				if b {
					chosen++
				}
			}
			if chosen != 1 {
				return said(a.t.EraseWhich)
			}
			if cmd.Flags().Changed("months") && (months < 1 || months > casework.MaxRetentionMonths) {
				return a.say(a.t.BadMonths, months)
			}
			w, err := a.openExisting(cmd.Context())
			if err != nil {
				return err
			}
			defer w.Close()
			if months > 0 {
				w.Settings.RetentionMonths = months
			}
			switch {
			case compact:
				return a.compact(cmd.Context(), w)
			case due:
				return a.eraseDue(cmd.Context(), w, yes)
			}
			return a.eraseOne(cmd.Context(), w, ref, yes)
		},
	}
	f := cmd.Flags()
	hh := a.t.Help
	f.StringVar(&ref, "case", "", hh.FlagEraseCase)
	f.BoolVar(&due, "due", false, hh.FlagDue)
	f.IntVar(&months, "months", 0, hh.FlagMonths)
	f.BoolVar(&compact, "compact", false, hh.FlagCompact)
	f.BoolVar(&yes, "yes", false, hh.FlagYes)
	return cmd
}

// confirm asks on the terminal and compares the answer with want. Without a
// terminal and without --yes, nothing is erased.
func (a *app) confirm(question, want string, yes bool) (bool, error) {
	if yes {
		return true, nil
	}
	if !a.f.StdinIsTerminal() {
		return false, said(a.t.EraseNeedsYes)
	}
	fmt.Fprint(a.f.Stderr, question)
	answer, _ := bufio.NewReader(a.f.Stdin).ReadString('\n')
	if !strings.EqualFold(strings.TrimSpace(answer), want) {
		a.printf("%s", a.t.EraseCancelled)
		return false, nil
	}
	return true, nil
}

func (a *app) eraseOne(ctx context.Context, w *casework.Work, ref string, yes bool) error {
	c, err := w.ErasableCase(ctx, ref)
	if err != nil {
		return err
	}
	ref, name := clean(c.Ref), clean(c.Name)
	ok, err := a.confirm(fmt.Sprintf(a.t.EraseAsk, ref, name, c.Steps, c.Agreements, ref), ref, yes)
	if !ok || err != nil {
		return err
	}
	done, err := w.Erase(ctx, c.ID)
	if err != nil {
		return err
	}
	a.printf(a.t.Erased, ref, name)
	return a.afterErase(done)
}

func (a *app) eraseDue(ctx context.Context, w *casework.Work, yes bool) error {
	due, err := w.DueForErasure(ctx)
	if err != nil {
		return err
	}
	signals, err := w.SignalsDueForErasure(ctx)
	if err != nil {
		return err
	}
	months, st := w.Settings.RetentionMonths, signalTexts(a.lang)
	if len(due) == 0 && len(signals) == 0 {
		a.printf(a.t.EraseNoneDue, months)
		a.printf(st.EraseNoSignalDue, w.Settings.SignalRetentionMonths)
		return nil
	}
	if len(due) > 0 {
		fmt.Fprintf(a.f.Stderr, a.t.EraseDueList+"\n", len(due), months)
		for _, c := range due {
			fmt.Fprintf(a.f.Stderr, "  %s  %s  %s\n", clean(c.Ref), clean(c.Name), c.ClosedOn)
		}
	}
	if len(signals) > 0 {
		fmt.Fprintf(a.f.Stderr, st.SignalsDueList+"\n", len(signals), w.Settings.SignalRetentionMonths)
		for _, sg := range signals {
			fmt.Fprintf(a.f.Stderr, "  %s  %s  %s\n", clean(sg.Name), actionlist.SignalLabel(sg.Partner, a.lang), sg.Received)
		}
	}
	word := a.t.EraseWord
	ok, err := a.confirm(fmt.Sprintf(a.t.EraseDueAsk, word), word, yes)
	if !ok || err != nil {
		return err
	}
	var done casework.Erased
	if len(due) > 0 {
		ids := make([]string, len(due))
		for i, c := range due {
			ids[i] = c.ID
		}
		if done, err = w.Erase(ctx, ids...); err != nil {
			return err
		}
		for _, c := range due {
			a.printf(a.t.Erased, clean(c.Ref), clean(c.Name))
		}
	}
	if len(signals) > 0 {
		ids := make([]string, len(signals))
		for i, sg := range signals {
			ids[i] = sg.ID
		}
		erased, err := w.EraseSignals(ctx, ids)
		if err != nil {
			return err
		}
		done.TracesRemain = done.TracesRemain || erased.TracesRemain
		done.Backups = erased.Backups
		for _, sg := range signals {
			a.printf(st.SignalErased, clean(sg.Name), actionlist.SignalLabel(sg.Partner, a.lang), sg.Received)
		}
	}
	return a.afterErase(done)
}

// afterErase names the backups that still hold what was erased, and says
// when traces may be left in the file.
func (a *app) afterErase(done casework.Erased) error {
	if len(done.Backups) > 0 {
		a.printf(a.t.EraseBackups, strings.Join(done.Backups, "\n  "))
	}
	if done.TracesRemain {
		return said(a.t.TracesRemain)
	}
	return nil
}

func (a *app) compact(ctx context.Context, w *casework.Work) error {
	if err := w.Compact(ctx); errors.Is(err, store.ErrTracesRemain) {
		return said(a.t.CompactBlocked)
	} else if err != nil {
		return err
	}
	a.printf("%s", a.t.Compacted)
	return nil
}
