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
	var asNew, allowBSN bool
	var passFile string
	h := a.t.Help.Import
	cmd := &cobra.Command{
		Use: "import FILE", Short: h.Short, Long: h.Long, Example: h.Example,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runImport(cmd.Context(), args[0], asNew, allowBSN, passFile)
		},
	}
	cmd.Flags().BoolVar(&asNew, "as-new", false, a.t.Help.FlagAsNew)
	cmd.Flags().BoolVar(&allowBSN, "allow-bsn", false, a.t.Help.FlagImportBSN)
	cmd.Flags().StringVar(&passFile, "passphrase-file", "", a.t.Help.FlagPassFile)
	return cmd
}

func (a *app) runImport(ctx context.Context, path string, asNew, allowBSN bool, passFile string) error {
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
	// One reader for every answer, so none is lost in another's buffer.
	answers := bufio.NewReader(a.f.Stdin)
	// A number that looks like a BSN comes in only when the specialist says
	// it is none: asked on a terminal, else --allow-bsn.
	if err := casework.CheckImport(f); err != nil && !allowBSN {
		var be *export.BSNError
		if !errors.As(err, &be) || !a.f.StdinIsTerminal() {
			return err
		}
		fmt.Fprintf(a.f.Stdout, "%s %s", export.BSNFound(err, a.lang), a.t.ImportBSNAsk)
		line, _ := answers.ReadString('\n')
		if !strings.EqualFold(strings.TrimSpace(line), a.t.Yes) {
			a.printf("%s", a.t.Cancelled)
			return nil
		}
	}
	// An import may start the database: a case moved to a new laptop, a
	// volunteer's first package.
	open := a.open
	if f.Kind == export.KindReturn { // it merges into a case that must be here
		open = a.openExisting
	}
	w, err := open(ctx)
	if err != nil {
		return err
	}
	defer w.Close()
	res, err := w.Import(ctx, f, asNew)
	var r *casework.Refusal
	if errors.As(err, &r) && r.Kind == casework.CaseExists && !asNew && a.f.StdinIsTerminal() {
		fmt.Fprintf(a.f.Stdout, a.t.CaseExistsAsk, clean(r.Ref), clean(r.LocalRef))
		line, _ := answers.ReadString('\n')
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
	case export.KindCaseload:
		a.caseloadReport(res.Caseload)
	}
	return nil
}

// caseloadReport says per case what the import did with it.
func (a *app) caseloadReport(cases []store.CaseloadCase) {
	var added, refreshed, kept int
	for _, c := range cases {
		switch c.Outcome {
		case store.CaseAdded:
			added++
		case store.CaseRefreshed:
			refreshed++
		default:
			kept++
		}
	}
	a.printf(a.t.CaseloadImported, len(cases), added, refreshed, kept)
	for _, c := range cases {
		ref, name := clean(c.Case.Ref), clean(c.Case.Name)
		switch c.Outcome {
		case store.CaseAdded:
			a.printf(a.t.CaseloadAdded, ref, name, len(c.Case.Steps), c.Events)
			if c.FileRef != "" {
				a.printf(a.t.CaseloadNewRef, clean(c.FileRef), ref)
			}
		case store.CaseRefreshed:
			a.printf(a.t.CaseloadRefreshed, ref, name, c.Events)
		case store.CaseSame:
			a.printf(a.t.CaseloadSame, ref, name)
		case store.CaseDiverged:
			a.printf(a.t.CaseloadDiverged, ref, name)
		}
	}
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
		if res.DebtsAdded+res.DebtsChanged+res.DebtsRemoved > 0 {
			a.printf(a.t.PackageDebts, res.DebtsAdded, res.DebtsChanged, res.DebtsRemoved)
		}
		if res.DebtsLeft > 0 {
			a.printf(a.t.PackageNoDebts, res.DebtsLeft)
		}
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

// mergeReport lists what a merge took over and what it did not, counted
// in changes a person made: a tick-off is one.
func (a *app) mergeReport(rep store.MergeReport) {
	a.printf(a.t.ReturnMerged, clean(rep.Ref), len(rep.Applied), len(rep.Added), len(rep.Conflicts))
	if len(rep.Applied)+len(rep.Added) > 0 {
		a.printf("%s", a.t.AppliedHeader)
	}
	// One line per step: its changes and their new values.
	var order []string
	parts := map[string][]string{}
	titles := map[string]string{}
	for _, c := range rep.Applied {
		if _, ok := parts[c.StepID]; !ok {
			order = append(order, c.StepID)
		}
		titles[c.StepID] = clean(c.Title)
		for _, f := range c.Fields {
			parts[c.StepID] = append(parts[c.StepID], actionlist.StepFieldLabel(f.Field, a.lang)+": "+a.value(f.Field, f.New))
		}
	}
	for _, id := range order {
		a.printf(a.t.AppliedLine, titles[id], strings.Join(parts[id], "; "))
	}
	for _, st := range rep.Added {
		a.printf(a.t.AddedLine, clean(st.Title))
	}
	for _, st := range rep.Planned {
		a.printf(a.t.PlannedLine, clean(st.Title), st.Due.String())
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
		var offered, kept []string
		for _, f := range c.Fields {
			label := actionlist.StepFieldLabel(f.Field, a.lang)
			offered = append(offered, label+" "+a.value(f.Field, f.Offered))
			kept = append(kept, label+" "+a.value(f.Field, f.Kept))
		}
		switch {
		case c.Deleted:
			a.printf(a.t.ConflictDeleted, title, who)
		case c.Gone:
			a.printf(a.t.ConflictGone, title, who, strings.Join(offered, ", "))
		default:
			a.printf(a.t.ConflictLine, title, who, strings.Join(offered, ", "), strings.Join(kept, ", "))
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
