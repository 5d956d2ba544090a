package cli

var signalEnglish = signalText{
	Signals: command{
		Short: "Early-warning signals: payment arrears reported before there is a case",
		Long: `Signals are the payment-arrears signals partners (energy, water, housing
corporations and landlords, health insurers, municipal taxes) report before
anyone asked for help. Import them from the signal platform's CSV export;
the signals screen (V in the case list) shows the open ones, most urgent
first, logs the attempts to reach each resident and turns a signal into a
case.`,
	},
	SignalsImport: command{
		Short: "Read a CSV file of signals, whole or not at all",
		Long: `Import reads a CSV file with a header row, as a signal platform exports it
(comma or semicolon). By default each field is read from the column of the
same name; say otherwise with --map FIELD=COLUMN (more than once), or in a
mapping file given with --columns, one "field = Column" a line.

The fields: partner, amount, date and name are needed; arrears_since,
crisis, address and phone may be given. Only the mapped columns are read: a
column Houvast does not keep, a BSN among them, is never looked at. A BSN in
a mapped column refuses the file.

The file is taken whole or not at all: each bad row is named with its row
and column, and nothing is imported until the file is right. A signal
already here (the same partner, date and person) is not added twice, so
importing the same file again adds nothing.`,
		Example: `  houvast signals import signalen.csv
  houvast signals import export.csv --map partner=Soort --map amount=Bedrag --map date=Datum --map name=Voornaam
  houvast signals import export.csv --columns koppeling.txt`,
	},
	ReportMerge: command{
		Short: "Add up the team report files of several laptops",
		Long: `Merge adds up the files that houvast report --format json wrote on each
laptop of a team, for one period. A file of the same laptop and period given
twice is counted once. The result is written as text, as a long CSV (period,
measure, key, value, and the DDAS code beside the key) that any spreadsheet
or SQL engine reads, or as JSON.`,
		Example: `  houvast report merge laptop-*.json
  houvast report merge --format csv *.json > team.csv`,
	},
	FlagMap:         "a field and the column it is read from, as field=Column (more than once)",
	FlagColumns:     `a mapping file: one "field = Column" a line`,
	FlagMergeFormat: "txt for reading, csv for a spreadsheet, json to merge again later",

	SignalsImported:  "%d signal(s) read from %s: %d new, %d here already (the same partner, date and person), left as they were.",
	ColumnsFile:      "Houvast cannot read the mapping file %s (%v). Nothing was imported.",
	BadTeamFormat:    "Unknown format %q: choose --format txt, csv or json.",
	MergeUnreadable:  "%s is not a team report file (houvast report --format json writes one): %v. Nothing was merged.",
	MergeTwice:       "%d file(s) were given twice (the same laptop and period) and counted once.",
	MergePeriods:     "%s covers another period than the first file. Merge the files of one period; nothing was merged.",
	MergeMerged:      "%s is a merged file already; merge the laptops' own files. Nothing was merged.",
	MergeNewer:       "%s was written by a newer Houvast; update Houvast to merge it. Nothing was merged.",
	MergeNone:        "Give the files to merge, for example: houvast report merge laptop-*.json",
	SignalsDueList:   "These %d signals did not become a case and are past their retention period of %d months:",
	SignalErased:     "Erased the signal of %s (%s, %s).",
	EraseNoSignalDue: "No signals are past their retention period of %d months.",
	FlagSignals:      "how many early-warning signals that did not become a case to make (each case from early warning gets its own too)",
	SeedSignals:      "And %d early-warning signals.",
	SeedBadSignals:   "--signals must be a number from 0 to %d.",
	SignalsDue:       "Retention period passed: %d signal(s) that did not become a case are over %d months old. Erase them with 'houvast erase --due'.",
}
