package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"houvast/actionlist"
	"houvast/export"
	"houvast/store"
)

func (a *app) importCommand() *cobra.Command {
	var asNew bool
	var passFile string
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Import a case file, a volunteer package or a volunteer's return file",
		Long: `Import reads a file made by 'houvast export' and recognises what it is:

  a case file         puts the whole case with its history on this laptop
  a volunteer package puts the volunteer's tasks on this laptop (a copy that
                      remembers where it came from)
  a return file       merges what the volunteer did into the case: ticks and
                      notes arrive, nothing you changed meanwhile is
                      overwritten, and each conflict is listed (and kept in
                      the case's history) for you to resolve

A file locked with a passphrase is recognised; the passphrase is asked (or
read with --passphrase-file). An import is one transaction: a damaged,
incomplete, unknown or too large file changes nothing, and says why. A case
that is here already is refused, unless --as-new makes a copy with new
identities and a new reference. Importing the same file twice changes
nothing the second time.`,
		Example: `  houvast import sanne.json
  houvast import 2026-001.age --passphrase-file ~/.houvast-pass
  houvast import 2026-001.json --as-new`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.exchangeError(a.runImport(cmd.Context(), args[0], asNew, passFile))
		},
	}
	cmd.Flags().BoolVar(&asNew, "as-new", false, "import a case that is here already as a copy with new identities and a new reference")
	cmd.Flags().StringVar(&passFile, "passphrase-file", "", "read the passphrase from the first line of this file, for scripts")
	return cmd
}

// readExchangeFile reads and, when it is locked, decrypts a file: all
// before the database is opened, so a bad file never gets near it.
func (a *app) readExchangeFile(path, passFile string) (export.File, error) {
	data, err := export.ReadFile(path)
	if err != nil {
		var fe *export.FileError
		if errors.As(err, &fe) {
			return export.File{}, err
		}
		return export.File{}, a.say("no_file", path, errors.Unwrap(err))
	}
	if export.Encrypted(data) {
		var pass string
		if passFile != "" {
			if pass, err = a.passphraseFromFile(passFile); err != nil {
				return export.File{}, err
			}
		} else {
			pass, err = readPassphrase(fmt.Sprintf(a.xmsg("pass_open"), path))
			if errors.Is(err, errNoTerminal) {
				return export.File{}, &export.FileError{Problem: export.NeedPassphrase}
			}
			if err != nil {
				return export.File{}, err
			}
		}
		if data, err = export.Decrypt(data, pass); err != nil {
			return export.File{}, err
		}
	}
	return export.Parse(data)
}

func (a *app) runImport(ctx context.Context, path string, asNew bool, passFile string) error {
	if err := a.checkLangFlag(); err != nil {
		return err
	}
	defer a.wholeFileGC()()
	f, err := a.readExchangeFile(path, passFile)
	if err != nil {
		return err
	}
	s, err := a.openStore(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	switch f.Kind {
	case export.KindCase:
		return a.importCase(ctx, s, f.Case, asNew)
	case export.KindVolunteer:
		return a.importPackage(ctx, s, f.Volunteer)
	case export.KindReturn:
		return a.importReturn(ctx, s, f.Return)
	}
	return &export.FileError{Problem: export.NotHouvast}
}

func (a *app) importCase(ctx context.Context, s *store.Store, f *export.CaseFile, asNew bool) error {
	actor := a.actor(actionlist.RoleSpecialist)
	res, err := s.ImportCase(ctx, actor, f.Case, f.Events, asNew)
	var ee *store.ExistsError
	if errors.As(err, &ee) && ee.History {
		return a.say("history_exists")
	}
	if errors.As(err, &ee) && !asNew {
		if !a.stdinIsTerminal() {
			return a.say("case_exists", f.Case.Ref, ee.LocalRef)
		}
		fmt.Fprintf(a.stdout, a.xmsg("case_exists_ask"), f.Case.Ref, ee.LocalRef)
		line, _ := bufio.NewReader(a.stdin).ReadString('\n')
		if !strings.EqualFold(strings.TrimSpace(line), a.xmsg("yes")) {
			fmt.Fprintln(a.stdout, a.xmsg("cancelled"))
			return nil
		}
		asNew = true
		res, err = s.ImportCase(ctx, actor, f.Case, f.Events, true)
	}
	if err != nil {
		return err
	}
	c := res.Case
	if asNew {
		fmt.Fprintf(a.stdout, a.xmsg("case_copied")+"\n", clean(c.Ref), clean(c.Name), clean(f.Case.Ref))
		return nil
	}
	fmt.Fprintf(a.stdout, a.xmsg("case_imported")+"\n", clean(c.Ref), clean(c.Name), len(c.Steps), len(f.Events))
	if res.FileRef != "" && res.FileRef != c.Ref {
		fmt.Fprintf(a.stdout, a.xmsg("ref_changed")+"\n", clean(res.FileRef), clean(c.Ref))
	}
	return nil
}

func (a *app) importPackage(ctx context.Context, s *store.Store, p *export.VolunteerPackage) error {
	res, err := s.ImportVolunteerCopy(ctx, a.actor(actionlist.RoleVolunteer), p.Case, store.VolunteerOrigin{
		PackageID: p.ID, Ref: p.Case.Ref, MadeBy: p.MadeBy, MadeAt: p.ExportedAt,
	}, export.VolunteerStepFields())
	var ee *store.ExistsError
	switch {
	case errors.As(err, &ee) && ee.SamePackage:
		fmt.Fprintf(a.stdout, a.xmsg("package_again")+"\n", clean(ee.LocalRef))
		return nil
	case errors.As(err, &ee) && ee.History:
		return a.say("history_exists")
	case errors.As(err, &ee):
		return a.say("package_case_here", clean(p.Case.Ref), clean(ee.LocalRef))
	case err != nil:
		return err
	}
	c := res.Case
	to := clean(p.MadeBy)
	if to == "" {
		to = a.xmsg("the_specialist")
	}
	if res.Refreshed {
		fmt.Fprintf(a.stdout, a.xmsg("package_refreshed")+"\n", clean(c.Ref), res.Added, res.Changed)
		if res.Kept > 0 {
			fmt.Fprintln(a.stdout, a.xmsg("package_kept"))
		}
		return nil
	}
	fmt.Fprintf(a.stdout, a.xmsg("package_imported")+"\n", clean(c.Ref), len(c.Steps), clean(c.Ref), to)
	return nil
}

func (a *app) importReturn(ctx context.Context, s *store.Store, r *export.ReturnFile) error {
	rep, err := s.MergeReturn(ctx, a.actor(actionlist.RoleSpecialist), store.ReturnInput{
		ReturnID: r.ID, PackageID: r.PackageID, CaseID: r.CaseID, Events: r.Events,
	})
	var ee *store.ExistsError
	switch {
	case errors.Is(err, store.ErrNotFound):
		return a.say("return_unknown", clean(r.Ref))
	case errors.Is(err, store.ErrIsVolunteerCopy):
		return a.say("return_into_copy", clean(r.Ref))
	case errors.As(err, &ee):
		return a.say("history_exists")
	case err != nil:
		return err
	}
	if rep.New == 0 {
		fmt.Fprintf(a.stdout, a.xmsg("return_again")+"\n", clean(rep.Ref))
		return nil
	}
	a.writeMergeReport(a.stdout, rep)
	return nil
}

// writeMergeReport lists what a merge took over and what it did not.
func (a *app) writeMergeReport(w io.Writer, rep store.MergeReport) {
	lang := a.lang()
	fmt.Fprintf(w, a.xmsg("return_merged")+"\n", clean(rep.Ref), len(rep.Applied), len(rep.Added), len(rep.Conflicts))
	if len(rep.Applied)+len(rep.Added) > 0 {
		fmt.Fprintln(w, a.xmsg("applied_header"))
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
		parts[c.StepID] = append(parts[c.StepID], fieldWord(c.Field, lang)+": "+a.value(c.Field, c.New))
	}
	for _, id := range order {
		fmt.Fprintf(w, a.xmsg("applied_line")+"\n", titles[id], strings.Join(parts[id], "; "))
	}
	for _, st := range rep.Added {
		fmt.Fprintf(w, a.xmsg("added_line")+"\n", clean(st.Title))
	}
	if len(rep.Conflicts) > 0 {
		fmt.Fprintln(w, a.xmsg("conflict_header"))
	}
	for _, c := range rep.Conflicts {
		who := clean(c.By.Name)
		if who == "" {
			who = a.xmsg("someone")
		}
		title := clean(c.Title)
		if title == "" {
			title = a.xmsg("a_step")
		}
		switch {
		case c.Field == store.FieldWholeStep:
			fmt.Fprintf(w, a.xmsg("conflict_deleted")+"\n", title, who)
		case c.Gone:
			fmt.Fprintf(w, a.xmsg("conflict_gone")+"\n", title, fieldWord(c.Field, lang), who, a.value(c.Field, c.Offered))
		default:
			fmt.Fprintf(w, a.xmsg("conflict_line")+"\n", title, fieldWord(c.Field, lang), who, a.value(c.Field, c.Offered), a.value(c.Field, c.Kept))
		}
	}
}

// value shows a stored value in words, quoted; "(empty)" for nothing.
func (a *app) value(field, v string) string {
	v = clean(v)
	if v == "" {
		return a.xmsg("empty_value")
	}
	lang := a.lang()
	switch field {
	case "status":
		if st := actionlist.StepStatus(v); st.Valid() {
			v = actionlist.StepStatusLabel(st, lang)
		}
	case "owner":
		v = actionlist.RoleLabel(actionlist.Role(v), lang)
	case "phase":
		v = actionlist.PhaseLabel(actionlist.Phase(v), lang)
	}
	return fmt.Sprintf("%q", v)
}

// fieldWords names a step's fields for people.
var fieldWords = map[string][2]string{
	"title":         {"titel", "title"},
	"why":           {"waarom", "why"},
	"after":         {"daarna", "after that"},
	"owner":         {"wie", "who"},
	"owner_name":    {"naam van wie het doet", "name of who does it"},
	"due":           {"wanneer", "when"},
	"status":        {"staat", "state"},
	"done_on":       {"klaar op", "done on"},
	"done_by":       {"klaar door", "done by"},
	"internal_note": {"notitie voor het team", "note for the team"},
	"work_note":     {"notitie van wie het doet", "note of who does it"},
	"resident_note": {"notitie voor de inwoner", "note for the resident"},
	"depends_on":    {"wacht op", "waits for"},
	"pin":           {"vastgezet", "pinned"},
	"phase":         {"fase", "phase"},
	"order":         {"volgorde", "order"},
	"days":          {"duur in dagen", "days it takes"},
}

func fieldWord(f string, l actionlist.Lang) string {
	w, ok := fieldWords[f]
	if !ok {
		return f
	}
	if l == actionlist.English {
		return w[1]
	}
	return w[0]
}

// clean keeps terminal escapes and line breaks from a file out of the
// terminal.
func clean(s string) string { return actionlist.CleanText(s, false) }
