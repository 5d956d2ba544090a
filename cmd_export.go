package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"houvast/actionlist"
	"houvast/export"
	"houvast/store"
)

// exchangeMessages are the sentences of `houvast export` and `houvast
// import`, in Dutch and English. The sentences about a refused file are in
// package export (export.Sentence), which the screens share.
var exchangeMessages = map[string][2]string{
	"written": {"Geschreven: %s", "Written: %s"},
	"no_case": {
		"Er is geen dossier met kenmerk %q. 'houvast cases' laat alle dossiers zien.",
		"There is no case with reference %q. 'houvast cases' lists them all.",
	},
	"volunteer_written": {
		"Vrijwilligerspakket geschreven: %s (%d stappen). Geef het aan de vrijwilliger; die importeert het met 'houvast import'.",
		"Volunteer package written: %s (%d steps). Give it to the volunteer, who imports it with 'houvast import'.",
	},
	"no_volunteer_steps": {
		"Dossier %s heeft geen stappen voor een vrijwilliger%s. Wijs eerst een stap toe aan een vrijwilliger.",
		"Case %s has no steps for a volunteer%s. First give a step to a volunteer.",
	},
	"for_whom": {" met de naam %q", " named %q"},
	"is_copy": {
		"Dossier %s is een kopie voor een vrijwilliger. Een samenvatting of een vrijwilligerspakket maak je in het dossier van de specialist.",
		"Case %s is a volunteer's copy. A summary or a volunteer package is made from the specialist's case.",
	},
	"not_copy": {
		"Dossier %s is geen kopie van een vrijwilliger, dus er is niets terug te melden. Een terugmelding maak je op de laptop van de vrijwilliger.",
		"Case %s is not a volunteer's copy, so there is nothing to return. A return file is made on the volunteer's laptop.",
	},
	"return_written": {
		"Terugmelding geschreven: %s (%d wijzigingen). Stuur dit bestand naar %s.",
		"Return file written: %s (%d changes). Send this file to %s.",
	},
	"return_empty": {
		"Er is nog niets terug te melden voor dossier %s: vink eerst een taak af of schrijf een notitie. Er is geen bestand geschreven.",
		"There is nothing to return for case %s yet: tick a task off or write a note first. No file was written.",
	},
	"the_specialist": {"de specialist", "the specialist"},
	"pass_prompt":    {"Wachtwoord voor het bestand: ", "Passphrase for the file: "},
	"pass_again":     {"Typ het wachtwoord nog een keer: ", "Type the passphrase again: "},
	"pass_open":      {"Wachtwoord van %s: ", "Passphrase of %s: "},
	"pass_tty": {
		"Om te versleutelen is een wachtwoord nodig: start dit in een terminal om het te typen, of geef het met --passphrase-file.",
		"Encrypting needs a passphrase: run this in a terminal to type it, or give it with --passphrase-file.",
	},
	"pass_file": {
		"Het wachtwoord in %s kan Houvast niet lezen (%v). Zet het wachtwoord op de eerste regel van een bestand dat alleen jij kunt lezen.",
		"Houvast cannot read the passphrase in %s (%v). Put the passphrase on the first line of a file only you can read.",
	},
	"pass_file_empty": {
		"%s is leeg: zet het wachtwoord op de eerste regel.",
		"%s is empty: put the passphrase on the first line.",
	},
	"binary_tty": {
		"Een %s-bestand hoort niet in de terminal. Geef een bestandsnaam met -o, bijvoorbeeld -o %s.",
		"A %s file does not belong in a terminal. Give a file name with -o, for example -o %s.",
	},
	"output_db": {
		"%s is je Houvast-database: kies een andere naam voor het bestand. Er is niets geschreven.",
		"%s is your Houvast database: choose another name for the file. Nothing was written.",
	},
	"output_dir": {
		"%s is een map: geef een bestandsnaam, bijvoorbeeld %s.",
		"%s is a folder: give a file name, for example %s.",
	},
	"output_failed": {
		"Het bestand %s kon niet worden geschreven (%v). Kies een map waarin je mag schrijven. Een bestaand bestand met die naam is niet veranderd.",
		"The file %s could not be written (%v). Choose a folder you can write in. An existing file with that name was not changed.",
	},
	"bad_format": {
		"Onbekend formaat %q: kies md, html, txt, pdf of ics.",
		"Unknown format %q: choose md, html, txt, pdf or ics.",
	},
	"no_file": {
		"Houvast kan %s niet openen (%v). Klopt de naam van het bestand?",
		"Houvast cannot open %s (%v). Is the file name right?",
	},
	"case_imported": {
		"Dossier %s (%s) staat nu op deze laptop: %d stappen, %d gebeurtenissen.",
		"Case %s (%s) is now on this laptop: %d steps, %d events.",
	},
	"ref_changed": {
		"Het kenmerk %s was hier al in gebruik; het dossier heet hier %s.",
		"The reference %s was in use here; the case is called %s here.",
	},
	"case_copied": {
		"Kopie gemaakt: dossier %s (%s), een kopie van %s met nieuwe kenmerken. Het origineel is niet veranderd.",
		"Copy made: case %s (%s), a copy of %s with new identities. The original was not changed.",
	},
	"case_exists": {
		"Dossier %s staat al op deze laptop (hier: %s). Er is niets veranderd. Gebruik --as-new om een kopie te maken met een nieuw kenmerk.",
		"Case %s is on this laptop already (here: %s). Nothing was changed. Use --as-new to make a copy with a new reference.",
	},
	"case_exists_ask": {
		"Dossier %s staat al op deze laptop (hier: %s). Een kopie maken met een nieuw kenmerk? [j/N] ",
		"Case %s is on this laptop already (here: %s). Make a copy with a new reference? [y/N] ",
	},
	"yes":       {"j", "y"},
	"cancelled": {"Niets veranderd.", "Nothing was changed."},
	"history_exists": {
		"Een deel van de geschiedenis van dit dossier staat al op deze laptop. Er is niets veranderd. Gebruik --as-new voor een kopie met nieuwe kenmerken.",
		"Part of this case's history is on this laptop already. Nothing was changed. Use --as-new for a copy with new identities.",
	},
	"package_imported": {
		"De taken van dossier %s staan nu op deze laptop: %d stappen. Open ze met 'houvast --role vrijwilliger'. Klaar? Maak een terugmelding met 'houvast export return --case %s -o terug.json' en stuur die naar %s.",
		"The tasks of case %s are now on this laptop: %d steps. Open them with 'houvast --role volunteer'. Done? Make a return file with 'houvast export return --case %s -o return.json' and send it to %s.",
	},
	"package_again": {
		"Dit pakket staat al op deze laptop (dossier %s). Er is niets veranderd.",
		"This package is on this laptop already (case %s). Nothing was changed.",
	},
	"package_case_here": {
		"Dossier %s staat al op deze laptop (hier: %s), en niet als kopie van een vrijwilliger. Er is niets veranderd.",
		"Case %s is on this laptop already (here: %s), and not as a volunteer's copy. Nothing was changed.",
	},
	"package_refreshed": {
		"De taken van dossier %s zijn bijgewerkt: %d nieuwe stappen, %d stappen veranderd.",
		"The tasks of case %s are up to date: %d new steps, %d steps changed.",
	},
	"package_kept": {
		"Wat je zelf al had afgevinkt of genoteerd, is gebleven; het gaat mee in je volgende terugmelding.",
		"What you ticked off or noted yourself has stayed; it goes back in your next return file.",
	},
	"return_merged": {
		"Terugmelding voor dossier %s verwerkt: %d wijzigingen overgenomen, %d nieuwe stappen, %d niet overgenomen.",
		"Return file for case %s merged: %d changes taken over, %d new steps, %d not taken over.",
	},
	"return_again": {
		"Deze terugmelding is al eerder verwerkt (dossier %s). Er is niets veranderd.",
		"This return file was merged before (case %s). Nothing was changed.",
	},
	"return_unknown": {
		"Deze terugmelding hoort bij dossier %s, dat niet op deze laptop staat. Er is niets veranderd. Verwerk hem op de laptop waar het dossier staat.",
		"This return file belongs to case %s, which is not on this laptop. Nothing was changed. Merge it on the laptop that holds the case.",
	},
	"return_into_copy": {
		"Dossier %s is zelf een kopie van een vrijwilliger. Er is niets veranderd. Een terugmelding verwerk je op de laptop van de specialist.",
		"Case %s is itself a volunteer's copy. Nothing was changed. A return file is merged on the specialist's laptop.",
	},
	"applied_header":  {"Overgenomen:", "Taken over:"},
	"applied_line":    {"  ✓ %q — %s", "  ✓ %q — %s"},
	"added_line":      {"  + nieuwe stap %q", "  + new step %q"},
	"conflict_header": {"Niet overgenomen, omdat het dossier hier intussen ook veranderd is. Kijk ernaar in het dossier (geschiedenis, toets h):", "Not taken over, because the case changed here meanwhile too. Look at it in the case (history, key h):"},
	"conflict_line": {
		"  ! %q, %s: %s schreef %s; het dossier houdt %s.",
		"  ! %q, %s: %s wrote %s; the case keeps %s.",
	},
	"conflict_deleted": {
		"  ! %q: %s heeft deze stap weggehaald; de stap blijft staan.",
		"  ! %q: %s removed this step; the step stays.",
	},
	"conflict_gone": {
		"  ! %q, %s: %s schreef %s, maar de stap staat niet meer in het dossier.",
		"  ! %q, %s: %s wrote %s, but the step is no longer in the case.",
	},
	"empty_value":  {"(leeg)", "(empty)"},
	"someone":      {"de vrijwilliger", "the volunteer"},
	"a_step":       {"een stap", "a step"},
	"not_terminal": {"stdin is geen terminal", "stdin is not a terminal"},
}

func (a *app) xmsg(key string) string {
	m := exchangeMessages[key]
	if a.lang() == actionlist.English {
		return m[1]
	}
	return m[0]
}

// said is an error that is already the sentence the user reads.
type said string

func (s said) Error() string { return string(s) }

func (a *app) say(key string, args ...any) error { return said(fmt.Sprintf(a.xmsg(key), args...)) }

// exchangeError turns what export and store report into a sentence; other
// errors pass unchanged to a.sentence.
func (a *app) exchangeError(err error) error {
	if err == nil || errors.Is(err, store.ErrBusy) {
		return err
	}
	if s := export.Sentence(err, a.lang()); s != "" {
		return said(s)
	}
	var se said
	if errors.As(err, &se) {
		return se
	}
	return err
}

// exportFlags are shared by every export.
type exportFlags struct {
	ref      string
	out      string
	encrypt  bool
	passFile string
	allowBSN bool
	// withEvents reads the case's history too (the whole case file).
	withEvents bool
}

func (f *exportFlags) add(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.ref, "case", "", "the case's reference (see 'houvast cases')")
	fl.StringVarP(&f.out, "output", "o", "", "the file to write (default: standard output)")
	fl.BoolVar(&f.encrypt, "encrypt", false, "lock the file with a passphrase (asked twice; age encryption)")
	fl.StringVar(&f.passFile, "passphrase-file", "", "read the passphrase from the first line of this file, for scripts")
	fl.BoolVar(&f.allowBSN, "allow-bsn", false, "write even though some text looks like a BSN (you checked it is none)")
	_ = cmd.MarkFlagRequired("case")
}

func (a *app) exportCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write a file that leaves the laptop: a summary, a volunteer's tasks, a return file, a whole case",
		Long: `Export writes one of the files that may leave this laptop. Each holds only what
its reader needs:

  summary    the resident's progress summary (md, html, txt, pdf or ics)
  volunteer  a volunteer's tasks, with the least about the resident
  return     on the volunteer's laptop: what the volunteer did, for the specialist
  case       a whole case with its history, to move it or to archive it

Without -o the file goes to standard output. --encrypt locks it with a
passphrase; 'houvast import' (or any age tool) opens it again. Files are
written whole or not at all, readable only by you (mode 0600). A text that
looks like a BSN stops the export, unless you confirm with --allow-bsn.`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(a.exportSummaryCommand(), a.exportVolunteerCommand(), a.exportReturnCommand(), a.exportCaseCommand())
	return cmd
}

func (a *app) exportSummaryCommand() *cobra.Command {
	var f exportFlags
	var format string
	cmd := &cobra.Command{
		Use:   "summary",
		Short: "The resident's progress summary, in the case's language",
		Long: `Summary writes what the resident takes home, in the case's language (not the
screens'): what is done, the next steps with who does what by when and what
happens after, the next appointment, what was agreed and who to contact.
Never the team's notes, never the steps kept for later (only how many).

Formats: md (Markdown), html (one file that prints on A4), txt, pdf (needs -o
or a pipe), ics (the appointment and the resident's own dates, for a phone
calendar). Without --format, the extension of -o decides (before .age, when
encrypted), else txt.`,
		Example: `  houvast export summary --case 2026-001
  houvast export summary --case 2026-001 -o fatima.pdf
  houvast export summary --case 2026-001 --format ics -o afspraken.ics`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format == "" {
				// samenvatting.pdf, or samenvatting.pdf.age when locked
				format = strings.TrimPrefix(filepath.Ext(strings.TrimSuffix(f.out, ".age")), ".")
			}
			ff, err := export.ParseFormat(format)
			if err != nil {
				return a.say("bad_format", format)
			}
			return a.exchangeError(a.runExport(cmd.Context(), f, ff.Binary(), "summary"+ff.Ext(),
				func(s *store.Store, c actionlist.Case, _ []actionlist.Event) (writeFunc, string, error) {
					if err := a.refuseCopy(cmd.Context(), s, c); err != nil {
						return nil, "", err
					}
					data, err := export.Options{AllowBSN: f.allowBSN, Now: time.Now()}.Summary(c, ff, actionlist.DateOf(time.Now()))
					return bytesOut(data), a.xmsg("written"), err
				}))
		},
	}
	f.add(cmd)
	cmd.Flags().StringVar(&format, "format", "", "md, html, txt, pdf or ics (default: from the -o extension, else txt)")
	return cmd
}

func (a *app) exportVolunteerCommand() *cobra.Command {
	var f exportFlags
	var contact bool
	var only string
	cmd := &cobra.Command{
		Use:   "volunteer",
		Short: "A volunteer's tasks, to import on their laptop",
		Long: `Volunteer writes a package with only the steps volunteers do: steps owned by a
volunteer, and steps done together with a volunteer (owned "together", naming a
volunteer or nobody). Of the resident it holds the first name only, and their
contact only with --with-contact. Never the team's notes, the resident's notes,
other steps or the rest of the case. With --volunteer, only that volunteer's
steps. The volunteer imports it with 'houvast import' and later sends back a
return file ('houvast export return'), which you import here.`,
		Example: `  houvast export volunteer --case 2026-001 -o sanne.json
  houvast export volunteer --case 2026-001 --volunteer Sanne --with-contact --encrypt -o sanne.age`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			n := 0
			err := a.runExport(cmd.Context(), f, false, "vrijwilliger.json",
				func(s *store.Store, c actionlist.Case, _ []actionlist.Event) (writeFunc, string, error) {
					if err := a.refuseCopy(cmd.Context(), s, c); err != nil {
						return nil, "", err
					}
					p, err := export.Volunteer(c, export.VolunteerOptions{
						ID: store.NewID(), Now: time.Now(), MadeBy: a.actor(actionlist.RoleSpecialist).Name,
						Only: only, Contact: contact, AllowBSN: f.allowBSN,
					})
					if errors.Is(err, export.ErrNoVolunteerSteps) {
						who := ""
						if only != "" {
							who = fmt.Sprintf(a.xmsg("for_whom"), only)
						}
						return nil, "", a.say("no_volunteer_steps", c.Ref, who)
					}
					if err != nil {
						return nil, "", err
					}
					n = len(p.Case.Steps)
					return bytesOut(p.Encode()), a.xmsg("volunteer_written"), nil
				}, &n)
			return a.exchangeError(err)
		},
	}
	f.add(cmd)
	cmd.Flags().BoolVar(&contact, "with-contact", false, "include the resident's contact (phone, e-mail), when the task needs it")
	cmd.Flags().StringVar(&only, "volunteer", "", "only the steps of the volunteer with this name")
	return cmd
}

func (a *app) exportReturnCommand() *cobra.Command {
	var f exportFlags
	cmd := &cobra.Command{
		Use:   "return",
		Short: "On the volunteer's laptop: what the volunteer did, for the specialist",
		Long: `Return writes what the volunteer did with the tasks of a package since it was
imported: ticks, notes and the rest, each change with when and by whom. It
always holds everything since the import, so a lost file is no loss: the
specialist's import skips what it has seen before.`,
		Example: `  houvast export return --case 2026-001 -o terug.json`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			n := 0
			to := a.xmsg("the_specialist")
			err := a.runExport(cmd.Context(), f, false, "terug.json",
				func(s *store.Store, c actionlist.Case, _ []actionlist.Event) (writeFunc, string, error) {
					origin, evs, err := s.ReturnEvents(cmd.Context(), c.ID)
					if errors.Is(err, store.ErrNotVolunteerCopy) {
						return nil, "", a.say("not_copy", c.Ref)
					}
					if err != nil {
						return nil, "", err
					}
					if len(evs) == 0 {
						return nil, "", errNothingToReturn
					}
					r := export.ReturnFile{
						ID: store.NewID(), ExportedAt: time.Now(), PackageID: origin.PackageID,
						CaseID: origin.CaseID, Ref: origin.Ref, Volunteer: a.actor(actionlist.RoleVolunteer).Name, Events: evs,
					}
					if !f.allowBSN {
						if err := export.CheckReturnFile(r); err != nil {
							return nil, "", err
						}
					}
					if origin.MadeBy != "" {
						to = origin.MadeBy
					}
					n = len(evs)
					return bytesOut(r.Encode()), a.xmsg("return_written"), nil
				}, &n, &to)
			if errors.Is(err, errNothingToReturn) {
				fmt.Fprintln(a.stdout, fmt.Sprintf(a.xmsg("return_empty"), f.ref))
				return nil
			}
			return a.exchangeError(err)
		},
	}
	f.add(cmd)
	return cmd
}

var errNothingToReturn = errors.New("nothing to return")

func (a *app) exportCaseCommand() *cobra.Command {
	f := exportFlags{withEvents: true}
	cmd := &cobra.Command{
		Use:   "case",
		Short: "A whole case with its history, to move it to another laptop or to archive it",
		Long: `Case writes every field of the case, its steps, agreements and every event of
its history, with their original identities and times, in a versioned JSON
format (see docs/exchange-format.md). 'houvast import' on another laptop puts
it back exactly. This file holds the team's notes: encrypt it (--encrypt)
whenever it leaves your hands.`,
		Example: `  houvast export case --case 2026-001 --encrypt -o 2026-001.age
  houvast export case --case 2026-001 -o archief/2026-001.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.exchangeError(a.runExport(cmd.Context(), f, false, "dossier.json",
				func(s *store.Store, c actionlist.Case, evs []actionlist.Event) (writeFunc, string, error) {
					file := export.CaseFile{ExportedAt: time.Now(), Case: c, Events: evs}
					unchecked := func(w io.Writer) error { _, err := file.WriteTo(w); return err }
					switch {
					case f.allowBSN:
						return unchecked, a.xmsg("written"), nil
					case f.encrypt && f.out != "":
						// Only locked bytes reach the disk, so the check can run
						// while they are written; a finding throws the file away.
						return file.WriteChecked, a.xmsg("written"), nil
					}
					// A number that looks like a BSN must never reach the disk or
					// a pipe in plain text, not even in a temporary file.
					if err := export.CheckCaseFile(file); err != nil {
						return nil, "", err
					}
					return unchecked, a.xmsg("written"), nil
				}))
		},
	}
	f.add(cmd)
	return cmd
}

// wholeFileGC is for the verbs that read or write a whole exchange file
// and then end: the collector may let the heap grow to five times what is
// live before it runs, but not past 256 MiB. For a case of 10,000 steps it
// then runs once or twice instead of three to five times (about 15% of
// the time). GOGC and GOMEMLIMIT override it. The returned func puts the
// settings back, for the tests that run many verbs in one process.
func (a *app) wholeFileGC() (restore func()) {
	var undo []func()
	if a.env("GOGC") == "" {
		old := debug.SetGCPercent(400)
		undo = append(undo, func() { debug.SetGCPercent(old) })
	}
	if a.env("GOMEMLIMIT") == "" {
		old := debug.SetMemoryLimit(256 << 20)
		undo = append(undo, func() { debug.SetMemoryLimit(old) })
	}
	return func() {
		for _, u := range undo {
			u()
		}
	}
}

// writeFunc writes an export's file to w.
type writeFunc func(w io.Writer) error

// bytesOut is the writeFunc of a file made whole.
func bytesOut(data []byte) writeFunc {
	return func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}
}

// refuseCopy stops a summary or a package made from a volunteer's copy,
// which holds only part of the case.
func (a *app) refuseCopy(ctx context.Context, s *store.Store, c actionlist.Case) error {
	_, isCopy, err := s.VolunteerOriginOf(ctx, c.ID)
	if err != nil {
		return err
	}
	if isCopy {
		return a.say("is_copy", c.Ref)
	}
	return nil
}

// runExport is what every export does: open the database, find the case,
// make the file, encrypt it if asked, and write it whole (or to standard
// output), then say what was written. done's sentence gets the file name
// and then extra.
func (a *app) runExport(ctx context.Context, f exportFlags, binary bool, example string,
	build func(s *store.Store, c actionlist.Case, evs []actionlist.Event) (writeFunc, string, error), extra ...any) error {
	if err := a.checkOutput(f.out, example); err != nil {
		return err
	}
	if f.out == "" && (binary || f.encrypt) && a.stdoutIsTerminal() {
		kind := strings.TrimPrefix(filepath.Ext(example), ".")
		if f.encrypt {
			kind, example = "age", strings.TrimSuffix(example, filepath.Ext(example))+".age"
		}
		return a.say("binary_tty", strings.ToUpper(kind), example)
	}
	// Ask for the passphrase before the work, so a typo costs nothing.
	var pass string
	if f.encrypt {
		var err error
		if pass, err = a.newPassphrase(f.passFile); err != nil {
			return err
		}
	}
	defer a.wholeFileGC()()
	s, err := a.openStore(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	id, err := s.CaseIDByRef(ctx, f.ref)
	if errors.Is(err, store.ErrNotFound) {
		return a.say("no_case", f.ref)
	}
	if err != nil {
		return err
	}
	// Read the case once; with its history only for the file that carries it.
	var c actionlist.Case
	var evs []actionlist.Event
	if f.withEvents {
		c, evs, err = s.CaseWithEvents(ctx, id)
	} else {
		c, err = s.Case(ctx, id)
	}
	if err != nil {
		return err
	}
	write, done, err := build(s, c, evs)
	if err != nil {
		return err
	}
	if f.encrypt {
		plain := write
		write = func(w io.Writer) error {
			locked, err := export.EncryptTo(w, pass)
			if err != nil {
				return err
			}
			if err := plain(locked); err != nil {
				return err
			}
			return locked.Close()
		}
	}
	if f.out == "" {
		return write(a.stdout)
	}
	if err := export.WriteStream(f.out, write); err != nil {
		var bsn *export.BSNError
		if errors.As(err, &bsn) {
			return bsn
		}
		return a.say("output_failed", f.out, errors.Unwrap(err))
	}
	args := []any{f.out}
	for _, x := range extra {
		switch v := x.(type) {
		case *int:
			args = append(args, *v)
		case *string:
			args = append(args, *v)
		default:
			args = append(args, v)
		}
	}
	fmt.Fprintf(a.stdout, done+"\n", args...)
	return nil
}

// checkOutput refuses to write over the database or into a folder's name.
func (a *app) checkOutput(out, example string) error {
	if out == "" {
		return nil
	}
	st, err := os.Stat(out)
	if err != nil {
		return nil // a new file: fine
	}
	if st.IsDir() {
		return a.say("output_dir", out, filepath.Join(out, example))
	}
	if db, err := a.dbPath(); err == nil {
		if dst, err := os.Stat(db); err == nil && os.SameFile(st, dst) {
			return a.say("output_db", out)
		}
	}
	// Any SQLite file is somebody's data: never replace one with an export.
	if f, err := os.Open(out); err == nil {
		head := make([]byte, 16)
		n, _ := io.ReadFull(f, head)
		f.Close()
		if string(head[:n]) == "SQLite format 3\x00" {
			return a.say("output_db", out)
		}
	}
	return nil
}

func (a *app) stdoutIsTerminal() bool {
	f, ok := a.stdout.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

func (a *app) stdinIsTerminal() bool {
	f, ok := a.stdin.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// readPassphrase asks for a passphrase on the terminal without showing it.
// It reads /dev/tty, so it works while standard output goes to a file.
// Tests replace it.
var readPassphrase = func(prompt string) (string, error) {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return "", errNoTerminal
	}
	defer tty.Close()
	if !term.IsTerminal(tty.Fd()) {
		return "", errNoTerminal
	}
	fmt.Fprint(tty, prompt)
	b, err := term.ReadPassword(tty.Fd())
	fmt.Fprintln(tty)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

var errNoTerminal = errors.New("no terminal to ask for a passphrase")

// passphraseFromFile reads the first line of a file (at most 4 KiB).
func (a *app) passphraseFromFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", a.say("pass_file", path, errors.Unwrap(err))
	}
	defer f.Close()
	line, err := bufio.NewReader(io.LimitReader(f, 4096)).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", a.say("pass_file", path, err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", a.say("pass_file_empty", path)
	}
	return line, nil
}

// newPassphrase gets the passphrase to encrypt with: from the file, or
// typed twice.
func (a *app) newPassphrase(file string) (string, error) {
	if file != "" {
		p, err := a.passphraseFromFile(file)
		if err != nil {
			return "", err
		}
		return p, export.CheckPassphrase(p)
	}
	p, err := readPassphrase(a.xmsg("pass_prompt"))
	if errors.Is(err, errNoTerminal) {
		return "", a.say("pass_tty")
	}
	if err != nil {
		return "", err
	}
	if err := export.CheckPassphrase(p); err != nil {
		return "", err
	}
	again, err := readPassphrase(a.xmsg("pass_again"))
	if err != nil {
		return "", err
	}
	if again != p {
		return "", &export.FileError{Problem: export.PassphraseMismatch}
	}
	return p, nil
}
