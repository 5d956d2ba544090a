package cli

import "houvast/actionlist"

// signalText is what the command line says about signals and the team's
// figures, one struct per language like text.
type signalText struct {
	Signals, SignalsImport, ReportMerge   command
	FlagMap, FlagColumns, FlagMergeFormat string

	SignalsImported  string // %d read, %s the file, %d new, %d here already
	ColumnsFile      string // %s the file, %v what the system said
	BadTeamFormat    string // %q the format
	MergeUnreadable  string // %s the file, %v the reason
	MergeTwice       string // %d files
	MergePeriods     string // %s the file
	MergeMerged      string // %s the file
	MergeNewer       string // %s the file
	MergeNone        string
	SignalsDueList   string // %d signals, %d months
	SignalErased     string // %s the name, %s the partner, %s the date
	EraseNoSignalDue string // %d months
	FlagSignals      string
	SeedSignals      string // %d signals
	SeedBadSignals   string // %d the most
	SignalsDue       string // %d signals, %d months
}

func signalTexts(l actionlist.Lang) *signalText {
	if l == actionlist.English {
		return &signalEnglish
	}
	return &signalDutch
}
