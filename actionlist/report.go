package actionlist

import (
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The caseload report: anonymous figures a team can learn from. It counts;
// it never names a resident, a participant or a reference, and never quotes
// a typed text, so it can be shared in a team meeting or with a funder.
//
// Which cases count: those that ran at some time in the period (started on
// or before its end, and not closed before its start). Status, phase,
// overdue steps and the running stabilisations are as they stand today.
// Events with a date (stabilisation ended, case closed, check-in due) count
// when their date falls in the period.

// Figures are the report's numbers.
type Figures struct {
	From, To, Today Date // the period (From zero: from the beginning) and the day of the report

	Cases    int
	ByStatus map[CaseStatus]int
	ByPhase  map[Phase]int // open cases by current phase: the first with unfinished steps; "" for none
	BySource map[SourceKind]int

	// Stabilisations that ended in the period (an arrangement or aftercare
	// began), with the median of their length in days.
	StabilisationsEnded int
	MedianDays          int
	// Cases still in intake or stabilisation, with the median of their days so far.
	StabilisationsRunning int
	MedianDaysSoFar       int

	Reached      int                 // reached an arrangement in the period
	ClosedBefore int                 // closed in the period without reaching one
	Dropout      map[CloseReason]int // ClosedBefore by reason

	OverdueSteps int // unfinished steps past their date, in open cases
	OverdueCases int // open cases with at least one

	// Aftercare check-ins due in the period (the final conversation and a
	// signal's check-in included).
	CheckInsDone, CheckInsMissed, CheckInsSkipped, CheckInsOpen int

	Referrals     map[Area]int // referral steps that apply, by area
	ReferralsDone int

	Debts DebtFigures // report_debts.go
	// The lengths behind the medians, so a team's figures can be added up
	// and their medians found again (teamreport.go).
	lengths, soFar []int
}

// ArrangementShare is the percentage of cases with an outcome in the period
// that reached an arrangement; ok is false when no case had an outcome.
func (f Figures) ArrangementShare() (pct int, ok bool) {
	return sharePct(f.Reached, f.Reached+f.ClosedBefore)
}

// sharePct is part of n in whole percents, rounded half up; ok is false
// when n is zero: no share to give. Every share in the figures is this.
func sharePct(part, n int) (pct int, ok bool) {
	if n <= 0 {
		return 0, false
	}
	return (part*100 + n/2) / n, true
}

// Report computes the figures over cases for the period from..to (either may
// be zero: no bound; to is at most today) on a day.
func Report(cases []Case, from, to, today Date) Figures {
	if to.IsZero() || to.After(today) {
		to = today
	}
	f := Figures{From: from, To: to, Today: today,
		ByStatus: map[CaseStatus]int{}, ByPhase: map[Phase]int{}, BySource: map[SourceKind]int{},
		Dropout: map[CloseReason]int{}, Referrals: map[Area]int{}}
	in := func(d Date) bool { return !d.IsZero() && !d.Before(from) && !d.After(to) }
	var lengths, soFar []int
	var counted []Case // the cases of the period, for the debt figures
	for _, c := range cases {
		closed := c.Status == CaseClosed
		if c.Start.After(to) || (closed && !c.ClosedOn.IsZero() && c.ClosedOn.Before(from)) {
			continue
		}
		f.Cases++
		counted = append(counted, c)
		f.ByStatus[c.Status]++
		f.BySource[c.Source.Kind]++
		if !closed {
			f.ByPhase[CurrentPhase(c)]++
			n := 0
			for _, s := range c.Steps {
				if s.Overdue(today) {
					n++
				}
			}
			f.OverdueSteps += n
			if n > 0 {
				f.OverdueCases++
			}
		}
		if stabilising(c) && !c.Start.IsZero() {
			f.StabilisationsRunning++
			soFar = append(soFar, max(0, c.Start.DaysUntil(today)))
		}
		switch end, reached := stabilisationEnd(c); {
		case reached && end.IsZero():
			f.Reached++ // from before the end date was kept: it did happen, date unknown
		case reached && in(end):
			f.Reached++
			if !c.Start.IsZero() {
				f.StabilisationsEnded++
				lengths = append(lengths, max(0, c.Start.DaysUntil(end)))
			}
		case !reached && closed && (c.ClosedOn.IsZero() || in(c.ClosedOn)):
			f.ClosedBefore++
			f.Dropout[c.CloseReason]++
		}
		for _, s := range c.Steps {
			if IsCheckIn(s) && in(s.Due) {
				switch CheckInStateOf(s, today, 0) {
				case CheckInDone:
					f.CheckInsDone++
				case CheckInMissed:
					f.CheckInsMissed++
				case CheckInSkipped:
					f.CheckInsSkipped++
				default:
					f.CheckInsOpen++
				}
			}
			if a, ok := ReferralArea(s); ok && s.Status != StepNotApplicable {
				f.Referrals[a]++
				if s.Status == StepDone {
					f.ReferralsDone++
				}
			}
		}
	}
	f.lengths, f.soFar = slices.Clone(lengths), slices.Clone(soFar)
	f.MedianDays = median(lengths)
	f.MedianDaysSoFar = median(soFar)
	f.Debts = reportDebts(counted)
	return f
}

// CurrentPhase is the earliest phase with unfinished steps, or "" when
// every step is finished.
func CurrentPhase(c Case) Phase {
	best := Phase("")
	for _, s := range c.Steps {
		if !s.Status.Finished() && (best == "" || s.Phase.Index() < best.Index()) {
			best = s.Phase
		}
	}
	return best
}

// median of the numbers, the lower middle one for an even count; 0 for none.
func median(xs []int) int {
	if len(xs) == 0 {
		return 0
	}
	slices.Sort(xs)
	return xs[(len(xs)-1)/2]
}

// ReportRow is one figure: a section and key that stay the same in every
// language (for spreadsheets), a label in the report's language, and the
// value ("" when there is nothing to measure). Unit is "" for a count (a
// team's counts add up), "%", "days", or UnitNumber for any other figure
// (a median).
// UnitNumber marks a figure that is not a count and has no unit to show.
const UnitNumber = "number"

type ReportRow struct {
	Section, Key, Label, Value, Unit string
}

// reportWords is the report's own catalogue.
var reportWords = map[string]words{
	"title":         {"Houvast: cijfers over de dossiers", "Houvast: caseload figures"},
	"period":        {"Periode", "Period"},
	"period.from":   {"periode vanaf", "period from"},
	"period.to":     {"periode tot en met", "period to"},
	"from_start":    {"vanaf het begin", "from the start"},
	"until":         {"t/m", "to"},
	"as_of":         {"stand van", "as of"},
	"anonymous":     {"Alleen aantallen: geen namen, geen dossiernummers.", "Counts only: no names, no references."},
	"days":          {"dagen", "days"},
	"none":          {"–", "–"},
	"cases":         {"Dossiers", "Cases"},
	"cases.total":   {"dossiers die liepen in de periode", "cases that ran in the period"},
	"status":        {"Per status (nu)", "By status (now)"},
	"phase":         {"Per fase (open dossiers, eerste fase met open stappen)", "By phase (open cases, first phase with open steps)"},
	"phase.none":    {"geen open stappen", "no open steps"},
	"source":        {"Hoe het dossier begon", "How the case started"},
	"stab":          {"Stabilisatie", "Stabilisation"},
	"stab.ended":    {"afgerond in de periode", "ended in the period"},
	"stab.median":   {"mediaan duur", "median length"},
	"stab.running":  {"nog bezig", "still running"},
	"stab.so_far":   {"mediaan duur tot nu", "median length so far"},
	"arr":           {"Schuldregeling", "Debt arrangement"},
	"arr.reached":   {"bereikt in de periode", "reached in the period"},
	"arr.closed":    {"afgesloten zonder schuldregeling", "closed without an arrangement"},
	"arr.share":     {"deel dat een schuldregeling bereikte", "share that reached an arrangement"},
	"dropout":       {"Afgesloten zonder schuldregeling, per reden", "Closed without an arrangement, by reason"},
	"overdue":       {"Te laat (open dossiers, nu)", "Overdue (open cases, now)"},
	"overdue.steps": {"stappen over hun datum", "steps past their date"},
	"overdue.cases": {"dossiers met zo'n stap", "cases with such a step"},
	"checkins":      {"Nazorggesprekken met een datum in de periode", "Aftercare check-ins dated in the period"},
	"checkins.done": {"gedaan", "done"},
	"checkins.miss": {"gemist (" + strconv.Itoa(MissedAfterDays) + " dagen of langer over de datum)", "missed (" + strconv.Itoa(MissedAfterDays) + " days or more past the date)"},
	"checkins.skip": {"niet nodig", "not needed"},
	"checkins.open": {"nog te doen", "still to do"},
	"referrals":     {"Doorverwezen naar andere hulp", "Referred to other help"},
	"referral.done": {"waarvan afgerond", "of which done"},
	"debts":         {"Schulden", "Debts"},
	"debt_kinds":    {"Schulden per soort", "Debts by kind"},
}

func rw(key string, l Lang) string { return reportWords[key].in(l) }

// ReportRows lays the figures out in the order every format uses.
func ReportRows(f Figures, l Lang) []ReportRow {
	var rows []ReportRow
	add := func(section, key, label string, v int) {
		rows = append(rows, ReportRow{Section: section, Key: key, Label: label, Value: strconv.Itoa(v)})
	}
	days := func(section, key, label string, v int, known bool) {
		r := ReportRow{Section: section, Key: key, Label: label, Unit: "days"}
		if known {
			r.Value = strconv.Itoa(v)
		}
		rows = append(rows, r)
	}
	add("cases", "total", rw("cases.total", l), f.Cases)
	for _, s := range CaseStatuses {
		add("status", string(s), CaseStatusLabel(s, l), f.ByStatus[s])
	}
	for _, p := range Phases {
		add("phase", string(p), PhaseLabel(p, l), f.ByPhase[p])
	}
	add("phase", "none", rw("phase.none", l), f.ByPhase[""])
	for _, s := range append([]SourceKind{SourceUnknown}, SourceKinds...) {
		key := string(s)
		if s == SourceUnknown {
			key = "unknown"
		}
		add("source", key, SourceLabel(s, l), f.BySource[s])
	}
	add("stabilisation", "ended", rw("stab.ended", l), f.StabilisationsEnded)
	days("stabilisation", "median_days", rw("stab.median", l), f.MedianDays, f.StabilisationsEnded > 0)
	add("stabilisation", "running", rw("stab.running", l), f.StabilisationsRunning)
	days("stabilisation", "median_days_so_far", rw("stab.so_far", l), f.MedianDaysSoFar, f.StabilisationsRunning > 0)
	add("arrangement", "reached", rw("arr.reached", l), f.Reached)
	add("arrangement", "closed_without", rw("arr.closed", l), f.ClosedBefore)
	share := ReportRow{Section: "arrangement", Key: "share", Label: rw("arr.share", l), Unit: "%"}
	if pct, ok := f.ArrangementShare(); ok {
		share.Value = strconv.Itoa(pct)
	}
	rows = append(rows, share)
	for _, r := range CloseReasons {
		if r != CloseArrangement {
			add("dropout", string(r), CloseReasonLabel(r, l), f.Dropout[r])
		}
	}
	add("overdue", "steps", rw("overdue.steps", l), f.OverdueSteps)
	add("overdue", "cases", rw("overdue.cases", l), f.OverdueCases)
	add("checkins", "done", rw("checkins.done", l), f.CheckInsDone)
	add("checkins", "missed", rw("checkins.miss", l), f.CheckInsMissed)
	add("checkins", "skipped", rw("checkins.skip", l), f.CheckInsSkipped)
	add("checkins", "open", rw("checkins.open", l), f.CheckInsOpen)
	for _, a := range Areas {
		add("referrals", string(a), AreaLabel(a, l), f.Referrals[a])
	}
	add("referrals", "done", rw("referral.done", l), f.ReferralsDone)
	rows = append(rows, debtReportRows(f.Debts, l)...)
	return rows
}

var reportSections = map[string]string{
	"cases": "cases", "status": "status", "phase": "phase", "source": "source",
	"stabilisation": "stab", "arrangement": "arr", "dropout": "dropout",
	"overdue": "overdue", "checkins": "checkins", "referrals": "referrals",
	"debts": "debts", "debt_kinds": "debt_kinds",
}

// ReportSectionLabel is the heading of a section of ReportRows.
func ReportSectionLabel(section string, l Lang) string {
	if k, ok := reportSections[section]; ok {
		return rw(k, l)
	}
	if w, ok := signalSectionWords[section]; ok {
		return w.in(l)
	}
	return section
}

// ReportPeriod is the period line: "Periode: 2026-01-01 t/m 2026-06-30 (stand van 2026-07-01)".
func ReportPeriod(f Figures, l Lang) string {
	from := rw("from_start", l)
	if !f.From.IsZero() {
		from = f.From.String()
	}
	return fmt.Sprintf("%s: %s %s %s (%s %s)", rw("period", l), from, rw("until", l), f.To, rw("as_of", l), f.Today)
}

// ReportText is the report as plain text, for a terminal or an e-mail.
func ReportText(f Figures, l Lang) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n%s\n", rw("title", l), ReportPeriod(f, l), rw("anonymous", l))
	writeReportRows(&b, ReportRows(f, l), l)
	return b.String()
}

// writeReportRows writes rows under their section headings, label and value
// in columns.
func writeReportRows(b *strings.Builder, rows []ReportRow, l Lang) {
	const labelWidth, valueWidth = 44, 6
	section := ""
	for _, r := range rows {
		if r.Section != section {
			section = r.Section
			fmt.Fprintf(b, "\n%s\n", ReportSectionLabel(section, l))
		}
		v, unit := r.Value, ""
		switch {
		case v == "":
			v = rw("none", l)
		case r.Unit == "%":
			unit = "%"
		case r.Unit == "days":
			unit = " " + rw("days", l)
		}
		pad := max(1, labelWidth-utf8.RuneCountInString(r.Label))
		fmt.Fprintf(b, "  %s%s%*s%s\n", r.Label, strings.Repeat(" ", pad), valueWidth, v, unit)
	}
}

// ReportCSV is the report as CSV with a header row: section, key, label,
// value. The first rows hold the period.
func ReportCSV(f Figures, l Lang) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Write([]string{"section", "key", "label", "value"})
	w.Write([]string{"period", "from", rw("period.from", l), f.From.String()})
	w.Write([]string{"period", "to", rw("period.to", l), f.To.String()})
	w.Write([]string{"period", "as_of", rw("as_of", l), f.Today.String()})
	for _, r := range ReportRows(f, l) {
		w.Write([]string{r.Section, r.Key, r.Label, r.Value})
	}
	w.Flush() // writing to a strings.Builder cannot fail
	return b.String()
}
