package cli

import "houvast/actionlist"

// text is every sentence the command line prints itself, one struct per
// language, so a missing sentence is a compile error and the completeness
// test finds an empty one. Sentences about errors of the use cases and the
// store are casework's (casework.Sentence), shared with the screens.
type text struct {
	// cases and check
	NoCases, CasesHeader string
	CheckOK              string // %s the file, %d cases, %d steps, %d events
	Unsound              string
	RetentionDueOne      string // %d cases, %d months, %s the references
	RetentionDueMany     string

	// backup and restore
	BackupDone  string // %s the copy, %s the database and the copy again for the command
	BackupRaw   string // %s the copy
	RestoreDone string // %s the backup, %s the database
	RestoreKept string // %s where the old database is kept

	// erase
	EraseWhich, EraseNeedsYes, EraseCancelled string
	EraseAsk                                  string // %s ref, %s name, %d steps, %d agreements, %s ref again
	Erased                                    string // %s ref, %s name
	TracesRemain, CompactBlocked, Compacted   string
	EraseNoneDue                              string // %d months
	EraseWord                                 string
	EraseDueList                              string // %d cases, %d months
	EraseDueAsk                               string // %q the word
	EraseBackups                              string // %s the list
	BadMonths                                 string // %d the value

	// export
	Written          string // %s the file
	VolunteerWritten string // %s the file, %d steps
	ReturnWritten    string // %s the file, %d changes, %s to whom
	TheSpecialist    string
	PassPrompt       string
	PassAgain        string
	PassOpen         string // %s the file
	PassTTY          string
	PassFile         string // %s the file, %v the reason
	PassFileEmpty    string // %s the file
	BinaryTTY        string // %s the kind, %s an example name
	BadFormat        string // %q the format
	BadDebtFormat    string // %q the format
	PlainOrEncrypt   string
	PlainWritten     string
	CasesWritten     string // %s the file, %d cases, %d steps
	CopiesLeftOut    string // %d volunteers' copies

	// import
	CaseImported      string // %s ref, %s name, %d steps, %d events
	RefChanged        string // %s the file's ref, %s the ref here
	CaseCopied        string // %s ref, %s name, %s the original's ref
	CaseExistsAsk     string // %s the file's ref, %s the ref here
	Yes, Cancelled    string
	PackageImported   string // %s ref, %d steps, %s ref, %s to whom
	PackageAgain      string // %s ref
	PackageRefreshed  string // %s ref, %d new, %d changed
	PackageKept       string
	PackageDebts      string // %d new, %d changed, %d no longer shared
	PackageNoDebts    string // a package without debts left the copy's %d debts
	ReturnMerged      string // %s ref, %d taken over, %d new steps, %d not taken over
	ReturnAgain       string // %s ref
	AppliedHeader     string
	AppliedLine       string // %q title, %s the changes
	AddedLine         string // %q title
	ConflictHeader    string
	ConflictLine      string // %q title, %s who, %s offered, %s kept (fields with values)
	ConflictDeleted   string // %q title, %s who
	ConflictGone      string // %q title, %s who, %s offered (fields with values)
	PlannedLine       string // %q title, %s the due date
	ImportBSNAsk      string
	CaseloadImported  string // %d cases, %d added, %d refreshed, %d left as they were
	CaseloadAdded     string // %s ref, %s name, %d steps, %d events
	CaseloadNewRef    string // %s the file's ref, %s the ref here
	CaseloadRefreshed string // %s ref, %s name, %d events added
	CaseloadSame      string // %s ref, %s name
	CaseloadDiverged  string // %s ref, %s name
	EmptyValue        string
	Someone, AStep    string

	// report
	BadDate         string // %s the flag, %q the date
	BadOrder        string // %s from, %s to
	BadReportFormat string // %q the format

	// seed
	SeedNeedsDB, SeedEventsNeedSteps          string
	SeedMade                                  string // %d cases, %d steps, %d events, %s file, %.1f s
	SeedBadCases, SeedBadSteps, SeedBadEvents string // %d the maximum

	// agenda
	AgendaHeader, AgendaEmpty, AgendaAppointment string
	AgendaWritten                                string // %s the file, %d items
	BadDays                                      string // %d the value, %d the maximum

	// a command line cobra refuses
	UnknownFlag    string // %s the flag, %s the command
	BadFlagValue   string // %q the value, %s the flag, %s the command
	FlagNeedsValue string // %s the flag, %s the command
	NeedFlag       string // %s the flags, %s the command
	UnknownVerb    string // %q the word, %s the command
	WrongArgs      string // %s the command

	// templates
	TemplateEmbedded string // %-14s id, %-3s language, %3d steps, %s name
	TemplateTeam     string // the same, and %s the file
	TemplateGood     string // %s file, %d steps, %d phases
	TemplateBad      string
	TemplateTexts    string // %-14s id, %-3s language, %3d steps, %s the template it words, %s the file
	TextsEmbedded    string // %-14s id, %-3s language, %3d steps, %s the template it words
	TextsGood        string // %s file, %d steps, %s the template, %s the language
	UnknownCaseLang  string // %q what was typed
	CaseLangSet      string // %s the case's reference, %s the language

	Help help
}

func texts(l actionlist.Lang) *text {
	if l == actionlist.English {
		return &english
	}
	return &dutch
}
