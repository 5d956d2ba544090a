package cli

var englishHelp = help{
	Root: command{
		Short: "Case files and a dosed action list for debt help",
		Long: `Houvast keeps debt-help case files in a local SQLite file and shows a dosed,
step-by-step action list: a few concrete next steps at a time, each with who,
by when and what happens next. Nothing is sent over a network.

Without a verb, houvast opens the screen on the default database.`,
	},
	Demo: command{
		Short: "Try Houvast on a throwaway database with example cases",
		Long: `Demo opens the screen on a new database holding five realistic example cases
in different stages: Fatima in the middle of stabilisation (some steps done,
one overdue, a volunteer at work, an agreement and a next appointment), an
intake under a threat of eviction whose first conversation is due within days,
a case slipping behind with late steps, one in aftercare with a talk due, and
a quiet one in a debt arrangement; so the agenda has something to show. Without
--db the database is temporary and removed when you quit; with --db it is kept
there (the file must not exist yet).`,
	},
	Cases: command{
		Short: "List the cases with their status, progress and next appointment",
		Example: `  houvast cases
  houvast cases --json | jq '.[] | select(.overdue > 0) | .ref'`,
	},
	Check: command{
		Short: "Check the database for damage; the exit code says if it is sound (0) or not (2)",
		Long: `Check reads every page of the database (SQLite's integrity check, which finds
damage that normal use does not notice), every link between cases, steps and
events, and every stored value. Exit code 0: sound. 2: problems found (listed).
1: the file could not be checked at all (the message says why). Check never
creates a database: a missing file is said, and nothing is made.`,
	},
	Backup: command{
		Short: "Make a private copy of the database, even while Houvast is open",
		Long: `Backup writes a consistent copy of the database, even while Houvast is open in
another window and saving. The copy is only readable by you (mode 0600) and is
itself a Houvast database: open it with --db FILE, or put it back with
'houvast backup restore FILE'.

Without -o, the copy goes next to the database, named after it with the date
and time: houvast-backup-20261123-140512.db beside houvast.db. An existing
file is never overwritten.

A database too damaged to read is copied byte for byte instead, as it is,
so it can be kept and looked at.`,
		Example: `  houvast backup
  houvast backup -o /media/usb/houvast-friday.db`,
	},
	Restore: command{
		Short: "Put a backup back in place of the database",
		Long: `Restore puts a backup (made by 'houvast backup', or the copy Houvast makes
before it updates the database to a new layout, houvast.db.before-vN.bak) back
in place of the database. Safely:

  1. FILE is never changed. A private copy of it is checked first: it must be
     a sound Houvast database that this version can open. A copy from an
     older Houvast is brought up to date.
  2. Restore refuses while Houvast is open on the database in another window:
     close every Houvast window first.
  3. The database as it is now is kept beside it, as
     houvast.db.before-restore-20261123-140512.bak, even when it is damaged.
  4. Only then is the content replaced, in one step: if the laptop dies
     half-way, the database is either the old one or the restored one.

A file in the database's place that is not a Houvast database is never
replaced.`,
		Example: `  houvast backup restore houvast-backup-20261120-090000.db
  houvast backup restore ~/.local/share/houvast/houvast.db.before-v3.bak`,
	},
	Erase: command{
		Short: "Erase closed cases for good",
		Long: `Erase removes a closed case for good: the case, its steps, agreements and
history. The file is then rebuilt, so the resident's name is no longer in it
anywhere, not even in its free space. A case that is not closed is refused:
close it first (x on the case list).

Houvast reminds you (in 'houvast check' and on the case list) to erase closed
cases once their retention period has passed: 12 months after closing, or
the number of months in $HOUVAST_RETENTION_MONTHS (1 to 120). --due erases
all of those.

On a terminal, erase asks you to confirm by typing the reference (or, with
--due, the word the question names). In a script, pass --yes.

Backups made earlier still hold an erased case; erase names the ones it finds
next to the database. --compact rebuilds the file again: use it when erase
said another window was in the way.`,
		Example: `  houvast erase --case 2025-014
  houvast erase --due
  houvast erase --due --months 24 --yes`,
	},
	Export: command{
		Short: "Write a file that leaves the laptop: a summary, a volunteer's tasks, a return file, a whole case",
		Long: `Export writes one of the files that may leave this laptop. Each holds only what
its reader needs:

  summary    the resident's progress summary (md, html, txt, pdf or ics)
  volunteer  a volunteer's tasks, with the least about the resident
  return     on the volunteer's laptop: what the volunteer did, for the specialist
  case       a whole case with its history, to move it or to archive it
  cases      many cases with their history in one file, to hand a caseload
             to a colleague

Without -o the file goes to standard output. A volunteer package, a return
file, a case file and a caseload file carry the resident's data, so they are
locked with a passphrase (typed twice, or --passphrase-file; age encryption);
'houvast import' (or any age tool) opens them again. --plain writes clear
JSON instead, and says what that means. A summary is the resident's own and
stays plain (--encrypt locks it too). Files are written whole or not at all,
readable only by you (mode 0600), and never over the database, any other
SQLite file or a folder. A text that looks like a BSN stops the export,
unless you confirm with --allow-bsn.`,
	},
	ExportSummary: command{
		Short: "The resident's progress summary, in the case's language",
		Long: `Summary writes what the resident takes home, in the case's language (not the
screens'): what is done, the next steps with who does what by when and what
happens after, the next appointment, what was agreed and who to contact.
Never the team's notes, never the steps kept for later (only how many). A
volunteer's copy of a case holds only part of it, so it makes no summary.

Formats: md (Markdown), html (one file that prints on A4), txt, pdf (needs -o
or a pipe), ics (the appointment and the resident's own dates, for a phone
calendar). Without --format, the extension of -o decides (before .age, when
encrypted), else txt.`,
		Example: `  houvast export summary --case 2026-001
  houvast export summary --case 2026-001 -o fatima.pdf
  houvast export summary --case 2026-001 --format ics -o afspraken.ics`,
	},
	ExportVolunteer: command{
		Short: "A volunteer's tasks, to import on their laptop",
		Long: `Volunteer writes a package with only the steps volunteers do: steps owned by a
volunteer, and steps done together with a volunteer (owned "together", naming a
volunteer or nobody). Of the resident it holds the first name only, and their
contact only with --with-contact. Never the team's notes, the resident's notes,
other steps or the rest of the case. With --volunteer, only that volunteer's
steps. The volunteer imports it with 'houvast import' and later sends back a
return file ('houvast export return'), which you import here.`,
		Example: `  houvast export volunteer --case 2026-001 -o sanne.age
  houvast export volunteer --case 2026-001 --volunteer Sanne --with-contact -o sanne.age`,
	},
	ExportReturn: command{
		Short: "On the volunteer's laptop: what the volunteer did, for the specialist",
		Long: `Return writes what the volunteer did with the tasks of a package since it was
imported: ticks, notes and the rest, each change with when and by whom. It
always holds everything since the import, so a lost file is no loss: the
specialist's import skips what it has seen before.`,
		Example: `  houvast export return --case 2026-001 -o return.age`,
	},
	ExportCase: command{
		Short: "A whole case with its history, to move it to another laptop or to archive it",
		Long: `Case writes every field of the case, its steps, agreements and every event of
its history, with their original identities and times, in a versioned JSON
format (see docs/exchange-format.md). 'houvast import' on another laptop puts
it back exactly. This file holds the team's notes, so it is locked with a
passphrase; --plain writes it unencrypted, for an archive that is kept safe
otherwise.`,
		Example: `  houvast export case --case 2026-001 -o 2026-001.age
  houvast export case --case 2026-001 --plain -o archive/2026-001.json`,
	},
	ExportDebts: command{
		Short: "A case's debts as a spreadsheet, for the credit bank or a colleague",
		Long: `Debts writes each debt of the case on a row: creditor, collection agency or
bailiff, reference, kind, threat, amount, original amount, the state of the
balance request with its dates and the confirmed amount. CSV is written as
Dutch spreadsheets open it (semicolons, a decimal comma, UTF-8 with a byte
order mark); XLSX holds the amounts as numbers. The team's notes stay out.
The kind follows the file's name (.csv or .xlsx) unless --format says it.
A reference that looks like a BSN stops the export; after --allow-bsn it is
remembered as checked and not asked about again unless it changes.`,
		Example: `  houvast export debts --case 2026-001 -o schulden.xlsx
  houvast export debts --case 2026-001 --format csv -o schulden.csv`,
	},
	ExportCases: command{
		Short: "Many cases with their history in one file, to hand a caseload to a colleague",
		Long: `Cases writes the chosen cases, each with every field, step, agreement and event
of its history, in one caseload file, locked with a passphrase. Without
--status, every case that is not closed goes along; --status picks one
status (intake, stabilisation, arrangement, aftercare, closed); --all takes
every case, closed ones too. A volunteer's copy holds only part of a case
and is left out. 'houvast import' of the file on your colleague's laptop
takes all of it in one go, or, if anything is wrong, none of it, and says per
case what it did: added, brought up to date, left as it was, or given a new
reference.`,
		Example: `  houvast export cases -o caseload.age
  houvast export cases --all -o everything.age
  houvast export cases --status aftercare -o aftercare.age`,
	},
	Import: command{
		Short: "Import a case file, a volunteer package or a volunteer's return file",
		Long: `Import reads a file made by 'houvast export' and recognises what it is:

  a case file         puts the whole case with its history on this laptop
  a volunteer package puts the volunteer's tasks on this laptop (a copy that
                      remembers where it came from)
  a return file       merges what the volunteer did into the case: ticks and
                      notes arrive, nothing you changed meanwhile is
                      overwritten, and each difference is listed; choose
                      which version stays on the case screen with K
  a caseload file     puts a colleague's cases on this laptop, all of them
                      or none, and says per case what it did

A file locked with a passphrase is recognised; the passphrase is asked (or
read with --passphrase-file). Every file is checked whole first: a damaged,
incomplete, unknown or too large file, or one holding a state that does not
exist, a date that does not read, a text over its limit or a change to a step
that was never in the case, is refused whole, changes nothing, and the
message says what is wrong. A file with something that looks like a BSN is
asked about (or needs --allow-bsn). A case that is here already is refused,
unless --as-new makes a copy with new identities and a new reference.
Importing the same file twice changes nothing the second time. On a laptop
without a database yet, import starts one.`,
		Example: `  houvast import sanne.json
  houvast import 2026-001.age --passphrase-file ~/.houvast-pass
  houvast import 2026-001.json --as-new`,
	},
	Report: command{
		Short: "Anonymous figures about the caseload: no names, no references",
		Long: `Report counts the cases that ran in a period: by status, phase and how they
started; how long stabilisation took (median); how many reached a debt
arrangement and why others stopped; overdue steps; aftercare check-ins done
and missed; referrals to other help. It prints counts only, never a name, a
reference or a typed text, so it can be shared. Dates are typed as in the
screens (2026-01-01, 1-1, 1 januari, today); without --to the period ends today.`,
		Example: `  houvast report
  houvast report --from 2026-01-01 --to 2026-06-30
  houvast report --from 1-1 --format csv > figures.csv`,
	},
	Seed: command{
		Short: "Fill a new database with made-up cases, for trying out and measuring",
		Long: `Seed fills a new database with realistic made-up cases: varied names, phases,
states, dates, notes, agreements and appointments. --steps is the number of
steps over all cases together; --events adds that many changes to steps
(ticked off, dates moved, notes written), recorded as history like real use.
Everything is saved in one go: if seed stops half-way, nothing is saved.

Seed refuses a database that already holds cases, and never touches your own
database: name the file with --db. The same --seed makes the same cases, with
their dates around today.`,
		Example: `  houvast seed --cases 1000 --steps 20000 --events 10000 --db load.db
  houvast --db load.db`,
	},
	Templates: command{
		Short: "List the action-list templates: the default one and your team's own",
		Long: `A template is the list of steps a new case starts from. Houvast has a default
stabilisation template in Dutch and English. A team can add its own: YAML files
in the folder this command shows (or in $HOUVAST_TEMPLATES). Start from the
default with 'houvast templates default > ourteam.yaml', edit it, and check it
with 'houvast templates check ourteam.yaml'.

A resident's summary can be in Dutch, English, Turkish, Polish or Arabic. The
steps' Turkish, Polish and Arabic words are drafts, still to be checked by a
native speaker. A texts file corrects any word of any language: start from
'houvast templates default tr > ours-tr.yaml', keep the steps you change and
only their title, why or after, give the file an id of its own, and put it
in the folder.`,
	},
	Agenda: command{
		Short: "What needs you today and this week, across every open case",
		Long: `Agenda lists, most urgent first and each with why it is there: the clocks of
debt help that ran out or run out within days (the first conversation within
4 weeks of the request for help, or 3 working days under a threat of
eviction, cut-off or the end of health insurance; a crisis dealt with within
2 weeks; the target end of stabilisation), appointments, your own steps and
the generalist's that are late or due, aftercare talks, and volunteers'
steps more than a week late. Working days skip weekends and Dutch public
holidays.

--ics writes a calendar file for your own calendar (Outlook, Thunderbird,
GNOME Calendar): only the reference, the resident's first name and what it is
about, never a note. Each item keeps its identity, so importing a newer file
updates the items rather than doubling them.`,
		Example: `  houvast agenda
  houvast agenda --days 13 --json
  houvast agenda --ics ~/agenda.ics`,
	},
	CasesLanguage: command{
		Short: "Set the language of a resident's summary: nl, en, tr, pl or ar",
		Long: `The summary a resident takes home is in the case's language: Dutch, English,
Turkish, Polish or Arabic. The screens and this command line stay in Dutch or
English (--lang). A case in Turkish, Polish or Arabic keeps its steps in Dutch;
its summary prints each step of the template in the resident's language. The
Turkish, Polish and Arabic texts are drafts, still to be checked by a native
speaker (see 'houvast templates --help' for correcting them).`,
		Example: `  houvast cases language 2026-001 tr`,
	},
	TemplatesCheck:   command{Short: "Check template files; the exit code says if all are good"},
	TemplatesDefault: command{Short: "Print the default template (in --lang), or its texts in a resident's language (nl, en, tr, pl, ar), as a start for your own"},

	FlagDB:           "database file (default: $HOUVAST_DB, or houvast/houvast.db in the XDG data folder)",
	FlagLang:         "language of the screens and messages: nl or en (default: $HOUVAST_LANG, else from LANG, else nl)",
	FlagName:         "your name, recorded with every change (default: $HOUVAST_NAME, else your login name)",
	FlagRole:         "who you are: specialist, or vrijwilliger (volunteer) for the volunteer's checklist",
	FlagJSON:         "print JSON, for scripts",
	FlagCase:         "the case's reference (see 'houvast cases')",
	FlagOutput:       "the file to write (default: standard output)",
	FlagEncrypt:      "lock the file with a passphrase (asked twice; age encryption)",
	FlagPassFile:     "read the passphrase from the first line of this file, for scripts",
	FlagAllowBSN:     "write even though some text looks like a BSN (you checked it is none)",
	FlagFormat:       "md, html, txt, pdf or ics (default: from the -o extension, else txt)",
	FlagAllPages:     "Also the pages after the first: why each step matters, what comes later, every finished step and agreement, everyone who helps",
	FlagWithContact:  "include the resident's contact (phone, e-mail), when the task needs it",
	FlagDebtFormat:   "csv or xlsx; without it, the output file's name says it (csv when written to standard output)",
	FlagWithDebts:    "include each debt's creditor and reference (no amounts), for calling creditors",
	FlagVolunteer:    "only the steps of the volunteer with this name",
	FlagAsNew:        "import a case that is here already as a copy with new identities and a new reference",
	FlagPlain:        "write clear JSON, not locked with a passphrase (only when the file stays in safe hands)",
	FlagStatus:       "the cases in this status: open (everything not closed, the default), intake, stabilisation, arrangement, aftercare or closed",
	FlagAll:          "every case, closed ones too",
	FlagImportBSN:    "import even though some text looks like a BSN (you checked it is none)",
	FlagFrom:         "first day of the period (default: from the first case)",
	FlagTo:           "last day of the period (default: today)",
	FlagReportFormat: "txt for reading, csv for a spreadsheet, json for houvast report merge",
	FlagEraseCase:    "the reference of the closed case to erase (see 'houvast cases')",
	FlagDue:          "erase every closed case whose retention period has passed",
	FlagMonths:       "the retention period in months, for --due (default: $HOUVAST_RETENTION_MONTHS, else 12)",
	FlagCompact:      "only rebuild the file, so nothing erased lingers in it",
	FlagYes:          "do not ask for confirmation (for scripts)",
	FlagBackupOutput: "the file to write (default: next to the database, with the date and time)",
	FlagCases:        "how many cases",
	FlagSteps:        "how many steps, over all cases together",
	FlagEvents:       "how many extra step changes, over all cases together",
	FlagSeed:         "the same number makes the same cases",
	FlagAgenda:       "start on the agenda: what needs you today and this week (or set HOUVAST_START=agenda)",
	FlagDays:         "how many days after today to look ahead (6: a week, today and the six days after it)",
	FlagICS:          "write the agenda as a calendar file (.ics) instead of printing it",
	FlagHelp:         "help for %s",
	FlagVersion:      "version of %s",
	HelpVerb:         "Help about any command",
	CompletionVerb:   "Write the script that lets your shell complete houvast's commands and flags",
}
