package cli

// command is the help of one verb; a short verb needs no long text or
// example.
type command struct {
	Short   string
	Long    string `catalog:"optional"`
	Example string `catalog:"optional"`
}

// help is what `--help` shows, in the language of the run.
type help struct {
	Root, Demo, Cases, Check, Backup, Restore, Erase     command
	Export, ExportSummary, ExportVolunteer, ExportReturn command
	ExportCase, ExportCases, Import, Report, Seed        command
	Templates, TemplatesCheck, TemplatesDefault          command
	Agenda                                               command
	ExportDebts                                          command
	CasesLanguage                                        command
	FlagAgenda, FlagDays, FlagICS                        string

	FlagDB, FlagLang, FlagName, FlagRole, FlagJSON                string
	FlagCase, FlagOutput, FlagEncrypt, FlagPassFile, FlagAllowBSN string
	FlagFormat, FlagWithContact, FlagVolunteer, FlagAsNew         string
	FlagAllPages                                                  string
	FlagWithDebts, FlagDebtFormat                                 string
	FlagPlain, FlagStatus, FlagAll, FlagImportBSN                 string
	FlagFrom, FlagTo, FlagReportFormat                            string
	FlagEraseCase, FlagDue, FlagMonths, FlagCompact, FlagYes      string
	FlagBackupOutput                                              string
	FlagCases, FlagSteps, FlagEvents, FlagSeed                    string

	// cobra's own: the help flag, the help and completion verbs.
	FlagHelp, FlagVersion, HelpVerb, CompletionVerb string // FlagHelp, FlagVersion: %s the verb
}
