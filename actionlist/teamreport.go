package actionlist

import (
	"cmp"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// The team's figures: each laptop writes its anonymous counts to a file
// (houvast report --format json), and one person adds the files of a whole
// team up (houvast report merge). Everything in the file is a count, so
// adding files up gives exactly the counts of one database holding all the
// cases; a share, a median or an average is worked out again from the sums.
// A file carries a random id per laptop and period, so a file given twice
// is counted once, and files of one laptop for different periods cannot be
// linked.

// SignalFigures are the counts of the signals that came in in a period.
type SignalFigures struct {
	Received, Reached, Accepted int
	AttemptsToReach             int // attempts made until reached, summed over the reached signals
	ByPartner                   map[SignalKind]PartnerFigures
	Outcomes                    map[SignalOutcome]int // the signals whose outreach ended, by outcome
	Attempts                    map[AttemptKind]int   // all attempts on them, by kind
	ReachedBy                   map[AttemptKind]int   // the attempt that reached the resident, by kind
}

// PartnerFigures are the counts of one partner kind.
type PartnerFigures struct{ Received, Reached, Accepted, AttemptsToReach int }

// SignalReport counts the signals received in the period from..to (either
// zero: no bound; to at most today): how many, reached, accepted, the
// attempts it took, by partner kind.
func SignalReport(signals []ArrearsSignal, from, to, today Date) SignalFigures {
	if to.IsZero() || to.After(today) {
		to = today
	}
	f := SignalFigures{ByPartner: map[SignalKind]PartnerFigures{}, Outcomes: map[SignalOutcome]int{},
		Attempts: map[AttemptKind]int{}, ReachedBy: map[AttemptKind]int{}}
	for _, s := range signals {
		if s.Received.After(to) || (!from.IsZero() && s.Received.Before(from)) {
			continue
		}
		p := f.ByPartner[s.Partner]
		f.Received++
		p.Received++
		if n := s.AttemptsToReach(); n > 0 {
			f.Reached++
			p.Reached++
			f.AttemptsToReach += n
			p.AttemptsToReach += n
			f.ReachedBy[s.Attempts[n-1].Kind]++
		}
		if s.Outcome == OutcomeAccepted {
			f.Accepted++
			p.Accepted++
		}
		if !s.Open() {
			f.Outcomes[s.Outcome]++
		}
		for _, a := range s.Attempts {
			f.Attempts[a.Kind]++
		}
		f.ByPartner[s.Partner] = p
	}
	return f
}

// TeamFigure is one count: a measure, the key within it, and its value.
type TeamFigure struct {
	Measure string `json:"measure"`
	Key     string `json:"key"`
	Value   int    `json:"value"`
}

// TeamReportFormat names the file; TeamReportVersion its layout.
const (
	TeamReportFormat  = "houvast-team-report"
	TeamReportVersion = 1
)

// TeamReport is the file of a laptop's figures, or of a team's merged.
type TeamReport struct {
	Format  string       `json:"format"`
	Version int          `json:"version"`
	ID      string       `json:"id,omitempty"` // a laptop's file; "" for a merged one
	Laptops int          `json:"laptops"`      // how many laptops' files it adds up
	From    string       `json:"from"`         // "" from the beginning
	To      string       `json:"to"`
	Today   string       `json:"as_of"`
	Figures []TeamFigure `json:"figures"`
}

// Measures of the length distributions behind the medians.
const (
	measureStabDays  = "stabilisation_days"        // key: days, value: stabilisations that ended after so many
	measureSoFarDays = "stabilisation_days_so_far" // key: days, value: running ones so far

	measureCreditors = "debt_creditors_per_case"     // key: creditors, value: cases with so many
	measureConfirmed = "debt_confirmed_eur_per_case" // key: whole euros, value: cases with so much confirmed
	measureAnswer    = "debt_days_to_answer"         // key: days, value: balance requests answered after so many
)

// distributions are the measures whose keys are numbers, in order, and the
// report row each gives a median for.
var distributions = map[string][2]string{
	measureStabDays:  {"stabilisation", "median_days"},
	measureSoFarDays: {"stabilisation", "median_days_so_far"},
	measureCreditors: {"debts", "median_creditors"},
	measureConfirmed: {"debts", "median_confirmed_eur"},
	measureAnswer:    {"debts", "median_days_to_answer"},
}

// ReportID is the id of a laptop's file for a period: made from the
// database's random key and the period, so it is the same each time that
// laptop reports on that period and tells nothing else.
func ReportID(key string, from, to Date) string {
	sum := sha256.Sum256([]byte(key + "|" + from.String() + "|" + to.String()))
	return hex.EncodeToString(sum[:16])
}

// NewTeamReport lays a laptop's figures out as counts.
func NewTeamReport(id string, f Figures, s SignalFigures) TeamReport {
	r := TeamReport{Format: TeamReportFormat, Version: TeamReportVersion, ID: id, Laptops: 1,
		From: f.From.String(), To: f.To.String(), Today: f.Today.String()}
	for _, row := range ReportRows(f, English) {
		if row.Unit != "" {
			continue // worked out again from the counts
		}
		n, _ := strconv.Atoi(row.Value)
		r.Figures = append(r.Figures, TeamFigure{row.Section, row.Key, n})
	}
	r.Figures = append(r.Figures, distribution(measureStabDays, f.lengths)...)
	r.Figures = append(r.Figures, distribution(measureSoFarDays, f.soFar)...)
	r.Figures = append(r.Figures, distribution(measureCreditors, f.Debts.creditors)...)
	r.Figures = append(r.Figures, distribution(measureConfirmed, f.Debts.confirmedEuros)...)
	r.Figures = append(r.Figures, distribution(measureAnswer, f.Debts.daysToAnswer)...)
	r.Figures = append(r.Figures, signalFigures(s)...)
	return r
}

func distribution(measure string, xs []int) []TeamFigure {
	count := map[int]int{}
	for _, x := range xs {
		count[x]++
	}
	var out []TeamFigure
	for _, d := range slices.Sorted(maps.Keys(count)) {
		out = append(out, TeamFigure{measure, strconv.Itoa(d), count[d]})
	}
	return out
}

func signalFigures(s SignalFigures) []TeamFigure {
	out := []TeamFigure{
		{"signals", "received", s.Received}, {"signals", "reached", s.Reached},
		{"signals", "accepted", s.Accepted}, {"signals", "attempts_to_reach", s.AttemptsToReach},
	}
	for _, m := range []string{"signals_received", "signals_reached", "signals_accepted", "signals_attempts_to_reach"} {
		for _, k := range SignalKinds {
			p := s.ByPartner[k]
			v := map[string]int{"signals_received": p.Received, "signals_reached": p.Reached, "signals_accepted": p.Accepted, "signals_attempts_to_reach": p.AttemptsToReach}[m]
			out = append(out, TeamFigure{m, string(k), v})
		}
	}
	for _, o := range SignalOutcomes {
		out = append(out, TeamFigure{"signal_outcome", string(o), s.Outcomes[o]})
	}
	for _, k := range AttemptKinds {
		out = append(out, TeamFigure{"signal_attempts", string(k), s.Attempts[k]})
	}
	for _, k := range AttemptKinds {
		out = append(out, TeamFigure{"signal_reached_by", string(k), s.ReachedBy[k]})
	}
	return out
}

// Refusals of a merge.
var (
	ErrNotTeamReport  = errors.New("not a team report file")
	ErrPeriodsDiffer  = errors.New("the files cover different periods")
	ErrNoTeamReports  = errors.New("no files to merge")
	ErrNewerTeamFile  = errors.New("the file was written by a newer Houvast")
	ErrMergedTeamFile = errors.New("a merged file cannot be merged again with laptops' files")
)

// TeamFileError is a refusal of one of the files given to merge: Index is
// its place among them, from 0.
type TeamFileError struct {
	Index int
	Err   error
}

func (e *TeamFileError) Error() string { return fmt.Sprintf("file %d: %v", e.Index+1, e.Err) }
func (e *TeamFileError) Unwrap() error { return e.Err }

// Merged is the result of adding laptops' files up.
type Merged struct {
	Report TeamReport
	Twice  int // files whose laptop and period were given already: counted once
}

// MergeTeamReports adds up the files of a team for one period. A file of a
// laptop and period given twice counts once (the latest as of wins).
func MergeTeamReports(files []TeamReport) (Merged, error) {
	if len(files) == 0 {
		return Merged{}, ErrNoTeamReports
	}
	byID := map[string]TeamReport{}
	var order []string
	m := Merged{}
	for i, f := range files {
		switch {
		case f.Format != TeamReportFormat:
			return Merged{}, &TeamFileError{Index: i, Err: ErrNotTeamReport}
		case f.Version > TeamReportVersion:
			return Merged{}, &TeamFileError{Index: i, Err: ErrNewerTeamFile}
		case f.ID == "":
			return Merged{}, &TeamFileError{Index: i, Err: ErrMergedTeamFile}
		case f.From != files[0].From || f.To != files[0].To:
			return Merged{}, &TeamFileError{Index: i, Err: ErrPeriodsDiffer}
		}
		if prev, ok := byID[f.ID]; ok {
			m.Twice++
			if f.Today > prev.Today {
				byID[f.ID] = f
			}
			continue
		}
		byID[f.ID] = f
		order = append(order, f.ID)
	}
	out := TeamReport{Format: TeamReportFormat, Version: TeamReportVersion, From: files[0].From, To: files[0].To}
	sum := map[[2]string]int{}
	var keys [][2]string
	for _, id := range order {
		f := byID[id]
		out.Laptops++
		out.Today = max(out.Today, f.Today)
		for _, fig := range f.Figures {
			k := [2]string{fig.Measure, fig.Key}
			if _, ok := sum[k]; !ok {
				keys = append(keys, k)
			}
			sum[k] += fig.Value
		}
	}
	for _, k := range keys {
		out.Figures = append(out.Figures, TeamFigure{k[0], k[1], sum[k]})
	}
	sortFigures(out.Figures)
	m.Report = out
	return m, nil
}

// sortFigures keeps the measures in the order they first come, each key
// where it first comes, and the days of a length distribution in number
// order.
func sortFigures(figs []TeamFigure) {
	first := map[string]int{}
	for i, f := range figs {
		if _, ok := first[f.Measure]; !ok {
			first[f.Measure] = i
		}
	}
	pos := make(map[TeamFigure]int, len(figs))
	for i, f := range figs {
		pos[f] = i
	}
	slices.SortStableFunc(figs, func(a, b TeamFigure) int {
		if c := cmp.Compare(first[a.Measure], first[b.Measure]); c != 0 || a.Measure != b.Measure {
			return c
		}
		if _, numbered := distributions[a.Measure]; numbered {
			x, _ := strconv.Atoi(a.Key)
			y, _ := strconv.Atoi(b.Key)
			return cmp.Compare(x, y)
		}
		return cmp.Compare(pos[a], pos[b])
	})
}

// value is a figure of a report, 0 when it holds none.
func (r TeamReport) value(measure, key string) int {
	for _, f := range r.Figures {
		if f.Measure == measure && f.Key == key {
			return f.Value
		}
	}
	return 0
}

// medianOf is the median of a length distribution, the lower middle one as
// median does; ok false when there is none.
func (r TeamReport) medianOf(measure string) (int, bool) {
	count := map[int]int{}
	total := 0
	for _, f := range r.Figures {
		if f.Measure == measure && f.Value > 0 {
			d, _ := strconv.Atoi(f.Key)
			count[d] += f.Value
			total += f.Value
		}
	}
	want, seen := (total-1)/2, 0
	for _, d := range slices.Sorted(maps.Keys(count)) {
		seen += count[d]
		if seen > want {
			return d, true
		}
	}
	return 0, false
}

// derived are the figures worked out from the counts, as rows of the
// report: section, key, value ("" when there is nothing to measure).
func (r TeamReport) derived() map[[2]string]string {
	out := map[[2]string]string{}
	for measure, row := range distributions {
		if d, ok := r.medianOf(measure); ok {
			out[row] = strconv.Itoa(d)
		}
	}
	reached, closed := r.value("arrangement", "reached"), r.value("arrangement", "closed_without")
	if pct, ok := sharePct(reached, reached+closed); ok {
		out[[2]string{"arrangement", "share"}] = strconv.Itoa(pct)
	}
	if n := r.value("signals", "reached"); n > 0 {
		out[[2]string{"signals", "attempts_per_reached"}] = perReached(r.value("signals", "attempts_to_reach"), n)
	}
	if pct, ok := sharePct(r.value("signals", "reached"), r.value("signals", "received")); ok {
		out[[2]string{"signals", "reached_share"}] = strconv.Itoa(pct)
	}
	for _, k := range SignalKinds {
		if n := r.value("signals_reached", string(k)); n > 0 {
			out[[2]string{"signals_attempts_per_reached", string(k)}] = perReached(r.value("signals_attempts_to_reach", string(k)), n)
		}
	}
	return out
}

// perReached is an average with one decimal: 1.8.
func perReached(attempts, reached int) string {
	tenths := (attempts*10 + reached/2) / reached
	return fmt.Sprintf("%d.%d", tenths/10, tenths%10)
}

var signalSectionWords = map[string]words{
	"signals":         {"Vroegsignalering: signalen ontvangen in de periode", "Early warning: signals received in the period"},
	"signals_partner": {"Per partner: ontvangen / bereikt / hulp aangenomen / pogingen per bereikte", "By partner: received / reached / accepted / attempts per reached"},
	"signal_outcome":  {"Afgesloten signalen, per uitkomst", "Closed signals, by outcome"},
	"signal_attempts": {"Contactpogingen, per soort (waarvan het bereik bracht)", "Contact attempts, by kind (of which reached the resident)"},
}

var signalRowWords = map[string]words{
	"received":             {"ontvangen", "received"},
	"reached":              {"bereikt", "reached"},
	"reached_share":        {"deel bereikt", "share reached"},
	"accepted":             {"hulp aangenomen (werd een dossier)", "accepted help (became a case)"},
	"attempts_per_reached": {"pogingen per bereikt signaal", "attempts per reached signal"},
	"laptops":              {"laptops opgeteld", "laptops added up"},
}

// teamRows lays a team report out as rows in a language: the case figures
// as ReportRows has them, then the signals'.
func teamRows(r TeamReport, l Lang) []ReportRow {
	from, _ := ParseDate(r.From)
	to, _ := ParseDate(r.To)
	derived := r.derived()
	var rows []ReportRow
	for _, row := range ReportRows(Figures{From: from, To: to}, l) {
		k := [2]string{row.Section, row.Key}
		if row.Unit == "" {
			row.Value = strconv.Itoa(r.value(row.Section, row.Key))
		} else {
			row.Value = derived[k]
		}
		rows = append(rows, row)
	}
	return append(rows, signalRows(r, derived, l)...)
}

func signalRows(r TeamReport, derived map[[2]string]string, l Lang) []ReportRow {
	sw := func(k string) string { return signalRowWords[k].in(l) }
	n := func(m, k string) string { return strconv.Itoa(r.value(m, k)) }
	rows := []ReportRow{
		{Section: "signals", Key: "received", Label: sw("received"), Value: n("signals", "received")},
		{Section: "signals", Key: "reached", Label: sw("reached"), Value: n("signals", "reached")},
		{Section: "signals", Key: "reached_share", Label: sw("reached_share"), Value: derived[[2]string{"signals", "reached_share"}], Unit: "%"},
		{Section: "signals", Key: "accepted", Label: sw("accepted"), Value: n("signals", "accepted")},
		{Section: "signals", Key: "attempts_per_reached", Label: sw("attempts_per_reached"), Value: derived[[2]string{"signals", "attempts_per_reached"}]},
	}
	for _, k := range SignalKinds {
		per := cmp.Or(derived[[2]string{"signals_attempts_per_reached", string(k)}], "–")
		rows = append(rows, ReportRow{Section: "signals_partner", Key: string(k), Label: SignalLabel(k, l),
			Value: fmt.Sprintf("%s / %s / %s / %s", n("signals_received", string(k)), n("signals_reached", string(k)), n("signals_accepted", string(k)), per)})
	}
	for _, o := range SignalOutcomes {
		rows = append(rows, ReportRow{Section: "signal_outcome", Key: string(o), Label: SignalOutcomeLabel(o, l), Value: n("signal_outcome", string(o))})
	}
	for _, k := range AttemptKinds {
		rows = append(rows, ReportRow{Section: "signal_attempts", Key: string(k), Label: AttemptKindLabel(k, l),
			Value: fmt.Sprintf("%s (%s)", n("signal_attempts", string(k)), n("signal_reached_by", string(k)))})
	}
	return rows
}

// SignalReportText is the signals' part of a laptop's plain report.
func SignalReportText(s SignalFigures, l Lang) string {
	r := NewTeamReport("", Figures{}, s)
	var b strings.Builder
	writeReportRows(&b, signalRows(r, r.derived(), l), l)
	return b.String()
}

// TeamText is a team report as plain text.
func TeamText(r TeamReport, l Lang) string {
	var b strings.Builder
	from := rw("from_start", l)
	if r.From != "" {
		from = r.From
	}
	fmt.Fprintf(&b, "%s\n%s: %s %s %s (%s %s)\n%s\n%s: %d\n", rw("title", l), rw("period", l), from, rw("until", l), r.To,
		rw("as_of", l), r.Today, rw("anonymous", l), signalRowWords["laptops"].in(l), r.Laptops)
	writeReportRows(&b, teamRows(r, l), l)
	return b.String()
}

// TeamCSV is a team report in a long, tidy shape that any spreadsheet or
// SQL engine reads: one row a figure, with the period, the measure, the key
// and the value, and beside the key its code in the national exchange model
// (DDAS) where it has one. The counts come first, then the figures worked
// out from them.
func TeamCSV(r TeamReport) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	period := r.From + "/" + r.To
	w.Write([]string{"period", "measure", "key", "value", "ddas"})
	w.Write([]string{period, "laptops", "total", strconv.Itoa(r.Laptops), ""})
	for _, f := range r.Figures {
		w.Write([]string{period, f.Measure, f.Key, strconv.Itoa(f.Value), DDASCode(f.Measure, f.Key)})
	}
	derived := r.derived()
	for _, k := range slices.SortedFunc(maps.Keys(derived), func(a, b [2]string) int {
		return cmp.Or(strings.Compare(a[0], b[0]), strings.Compare(a[1], b[1]))
	}) {
		w.Write([]string{period, k[0], k[1], derived[k], DDASCode(k[0], k[1])})
	}
	w.Flush()
	return b.String()
}
