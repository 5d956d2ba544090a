package casework

import "houvast/actionlist"

// text holds the sentences of this package's errors and of the errors it
// passes up from the store, one struct per language, so a missing sentence
// is a compile error and both front-ends say the same thing.
type text struct {
	// The database.
	NotHouvast, EmptyFile, Truncated, Damaged, Newer string // %s: the file
	NoDatabase                                       string // %s the file, %s again for the command
	Busy, Replaced, DamagedNow                       string
	Conflict                                         string // %s: the fields
	TooLong                                          string // %s the field, %d the limit, %d the length
	AmountNegative, AmountTooLarge, AmountUnread     string

	// What `houvast check` found.
	CheckPage            string // %s: SQLite's words
	CheckLink            string // %s the table, %s the table it points to
	CheckCase            string // %s the reference, %s what is wrong
	CheckStep            string // %s the reference, %q the step, %s what is wrong
	CheckDebt            string // %s the reference, %q the creditor, %s what is wrong
	CheckTooLong         string // %s the field, %d its length, %d the limit
	CheckEmpty           string // %s the field
	CheckUnknown         string // %s the field, %q the value
	CheckUnreadable      string // %v what went wrong
	CheckUnreadableValue string // %s the field, %q the value
	CheckSignal          string // %s the partner, %s the day it came, %s what is wrong
	CheckSignals         string // %s what went wrong
	Tables               map[string]string

	// Settings.
	BadLang, BadRole, BadRetention, BadStart string // %q: the value
	BadLangEnv                               string // %s the variable, %q the value

	// Output.
	OutputDatabase, OutputCompanion, OutputSQLite string // %s: the path
	OutputFolder                                  string // %s the folder, %s a file in it
	OutputFailed                                  string // %s the path, %v what the system said

	// Refusals.
	NoCase, IsCopy, NotCopy, NothingToReturn, ReturnUnknown, ReturnIntoCopy string // %s: the reference
	NoVolunteerSteps                                                        string // %s the reference, %s ForWhom or ""
	ForWhom                                                                 string // %q: the volunteer
	CaseExists, PackageCaseHere                                             string // %s the file's reference, %s the one here
	HistoryExists                                                           string
	NotClosed                                                               string // %s the reference, %s the name
	BackupExists, DemoExists                                                string // %s: the path
	SeedNotEmpty                                                            string // %s the path, %d the cases
	NoFile                                                                  string // %s the path, %v what the system said
	NeedsLock, NoCasesChosen                                                string
	NoCasesButCopies                                                        string // %d volunteers' copies
	BadStatus                                                               string // %q the status typed

	// Restore: nothing was changed in any of these.
	RestoreInUse, RestoreForeign, RestoreMissing, RestoreNotHouvast, RestoreNewer, RestoreDamaged string // %s: a path
	RestoreSourceOpen                                                                             string // %s the backup, %s again for the command
	RestoreOther                                                                                  string // %s the backup, %v the reason
}

func texts(l actionlist.Lang) *text {
	if l == actionlist.English {
		return &english
	}
	return &dutch
}
