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
	"houvast/export"
	"houvast/store"
)

func (a *app) importCommand() *cobra.Command {
	var asNew bool
	var passFile string
	h := a.t.Help.Import
	cmd := &cobra.Command{
		Use: "import FILE", Short: h.Short, Long: h.Long, Example: h.Example,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runImport(cmd.Context(), args[0], asNew, passFile)
		},
	}
	cmd.Flags().BoolVar(&asNew, "as-new", false, a.t.Help.FlagAsNew)
	cmd.Flags().StringVar(&passFile, "passphrase-file", "", a.t.Help.FlagPassFile)
	return cmd
}

func (a *app) runImport(ctx context.Context, path string, asNew bool, passFile string) error {
	if _, err := a.settings(); err != nil {
		return err
	}
	defer a.wholeFileGC()()
	f, err := casework.ReadExchangeFile(path, func() (string, error) {
		if passFile != "" {
			return a.passphraseFromFile(passFile)
		}
		p, err := a.f.ReadPassphrase(fmt.Sprintf(a.t.PassOpen, path))
		if errors.Is(err, ErrNoTerminal) {
			return "", &export.FileError{Problem: export.NeedPassphrase}
		}
		return p, err
	})
	if err != nil {
		return err
	}
	// An import may start the database: a case moved to a new laptop, a
	// volunteer's first package.
	w, err := a.open(ctx)
	if err != nil {
		return err
	}
	defer w.Close()
	res, err := w.Import(ctx, f, asNew)
	var r *casework.Refusal
	if errors.As(err, &r) && r.Kind == casework.CaseExists && !asNew && a.f.StdinIsTerminal() {
		fmt.Fprintf(a.f.Stdout, a.t.CaseExistsAsk, clean(r.Ref), clean(r.LocalRef))
		line, _ := bufio.NewReader(a.f.Stdin).ReadString('\n')
		if !strings.EqualFold(strings.TrimSpace(line), a.t.Yes) {
			a.printf("%s", a.t.Cancelled)
			return nil
		}
		res, err = w.Import(ctx, f, true)
	}
	if err != nil {
		return err
	}
	switch res.Kind {
	case export.KindCase:
		a.caseImported(res)
	case export.KindVolunteer:
		a.packageImported(res)
	case export.KindReturn:
		if res.Again {
			a.printf(a.t.ReturnAgain, clean(res.Merge.Ref))
			return nil
		}
		a.mergeReport(res.Merge)
	}
	return nil
}

func (a *app) caseImported(res casework.Imported) {
	c := res.Case
	if res.AsNew {
		a.printf(a.t.CaseCopied, clean(c.Ref), clean(c.Name), clean(res.FileRef))
		return
	}
	a.printf(a.t.CaseImported, clean(c.Ref), clean(c.Name), len(c.Steps), res.Events)
	if res.FileRef != c.Ref {
		a.printf(a.t.RefChanged, clean(res.FileRef), clean(c.Ref))
	}
}

func (a *app) packageImported(res casework.Imported) {
	c := res.Case
	if res.Again {
		a.printf(a.t.PackageAgain, clean(c.Ref))
		return
	}
	if res.Refreshed {
		a.printf(a.t.PackageRefreshed, clean(c.Ref), res.Added, res.Changed)
		if res.Kept > 0 {
			a.printf("%s", a.t.PackageKept)
		}
		return
	}
	to := clean(res.MadeBy)
	if to == "" {
		to = a.t.TheSpecialist
	}
	a.printf(a.t.PackageImported, clean(c.Ref), len(c.Steps), clean(c.Ref), to)
}

// mergeReport lists what a merge took over and what it did not.
func (a *app) mergeReport(rep store.MergeReport) {
	a.printf(a.t.ReturnMerged, clean(rep.Ref), len(rep.Applied), len(rep.Added), len(rep.Conflicts))
	if len(rep.Applied)+len(rep.Added) > 0 {
		a.printf("%s", a.t.AppliedHeader)
	}
	// One line per step: its fields and their new values.
	var order []string
	parts := map[string][]string{}
	titles := map[string]string{}
	for _, c := range rep.Applied {
		if _, ok := parts[c.StepID]; !ok {
			order = append(order, c.StepID)
		}
		titles[c.StepID] = clean(c.Title)
		parts[c.StepID] = append(parts[c.StepID], actionlist.StepFieldLabel(c.Field, a.lang)+": "+a.value(c.Field, c.New))
	}
	for _, id := range order {
		a.printf(a.t.AppliedLine, titles[id], strings.Join(parts[id], "; "))
	}
	for _, st := range rep.Added {
		a.printf(a.t.AddedLine, clean(st.Title))
	}
	if len(rep.Conflicts) > 0 {
		a.printf("%s", a.t.ConflictHeader)
	}
	for _, c := range rep.Conflicts {
		who := clean(c.By.Name)
		if who == "" {
			who = a.t.Someone
		}
		title := clean(c.Title)
		if title == "" {
			title = a.t.AStep
		}
		field := actionlist.StepFieldLabel(c.Field, a.lang)
		switch {
		case c.Field == store.FieldWholeStep:
			a.printf(a.t.ConflictDeleted, title, who)
		case c.Gone:
			a.printf(a.t.ConflictGone, title, field, who, a.value(c.Field, c.Offered))
		default:
			a.printf(a.t.ConflictLine, title, field, who, a.value(c.Field, c.Offered), a.value(c.Field, c.Kept))
		}
	}
}

// value shows a stored value in words, quoted; "(empty)" for nothing.
func (a *app) value(field, v string) string {
	v = clean(v)
	if v == "" {
		return a.t.EmptyValue
	}
	return fmt.Sprintf("%q", actionlist.FieldValueLabel(field, v, a.lang))
}
