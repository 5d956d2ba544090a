package actionlist

import (
	"encoding/csv"
	"maps"
	"strings"
	"testing"
)

// reportCases is a seeded caseload whose figures are worked out by hand in
// TestReport. Every name, reference, title and note is distinctive, so the
// privacy test can look for each of them in the output.
func reportCases() []Case {
	mk := func(ref, name string, st CaseStatus, start string, src SourceKind, steps ...Step) Case {
		c := Case{ID: "id-" + ref, Ref: ref, Name: name, Status: st, Language: CaseDutch, Dose: 3,
			Start: MustDate(start), Source: Source{Kind: src},
			Participants: []Participant{{Name: name, Role: RoleResident}, {Name: "Vrijwilliger Wubbo", Role: RoleVolunteer}},
			Agreements:   []Agreement{{ID: "ag-" + ref, Date: MustDate(start), Who: name, What: "AFSPRAAK-" + ref}}}
		for i := range steps {
			steps[i].Title = "TITEL-" + ref + "-" + steps[i].ID
			steps[i].InternalNote = "NOTITIE-" + name
			steps[i].Outcome = "UITKOMST-" + name
			steps[i].OwnerName = name
		}
		c.Steps = steps
		return c
	}
	key := func(k string) func(*Step) { return func(s *Step) { s.Key = k } }
	closed := func(c Case, on string, r CloseReason) Case { return Close(c, r, MustDate(on)) }
	stabilised := func(c Case, on string) Case { c.Stabilised = MustDate(on); return c }
	return []Case{
		// A: stabilising for 60 days; two steps overdue; now in "overview".
		mk("R-1001", "Annelies", CaseStabilisation, "2026-05-02", SourceSelf,
			step("a1", PhaseCrisis, 0, done), step("a2", PhaseOverview, 0, due("2026-06-20")),
			step("a3", PhaseOverview, 1, due("2026-07-10")), step("a4", PhaseIncome, 0, due("2026-06-01"))),
		// B: stabilising for 120 days, still in the crisis phase.
		mk("R-1002", "Bartholomeus", CaseStabilisation, "2026-03-03", SourceGP, step("b1", PhaseCrisis, 0)),
		// C: intake for 10 days, no steps yet.
		mk("R-1003", "Chantal", CaseIntake, "2026-06-21", SourceEarlyWarning),
		// D: reached an arrangement after 100 days; one referral done, one open.
		stabilised(mk("R-1004", "Dirk", CaseArrangement, "2026-01-10", SourceNeighborhood,
			step("d1", PhaseOtherHelp, 0, done, key("referral-gp")),
			step("d2", PhaseOtherHelp, 1, due("2026-07-15"), key("referral-work")),
			step("d3", PhaseOtherHelp, 2, na, key("referral-addiction"))), "2026-04-20"),
		// E: in aftercare since before the period; its check-ins in the period:
		// one done, one open (a day late), one missed, one not needed.
		stabilised(mk("R-1005", "Esra", CaseAftercare, "2025-09-01", SourceSelf,
			step("e1", PhaseAftercare, 0, done, due("2026-03-31"), key("aftercare-checkin-3")),
			step("e2", PhaseAftercare, 1, due("2026-06-30"), key("aftercare-checkin-6")),
			step("e3", PhaseAftercare, 2, due("2027-01-14"), key(KeyEvaluation)),
			step("e4", PhaseAftercare, 3, due("2026-05-01"), key(KeySignalCheckIn)),
			step("e5", PhaseAftercare, 4, na, due("2026-02-01"), key("aftercare-checkin-1"))), "2025-12-31"),
		// F: closed when the arrangement started, 106 days after the start.
		closed(mk("R-1006", "Fenna", CaseClosed, "2025-11-01", SourceGP), "2026-02-15", CloseArrangement),
		// G: did not show; stopped before an arrangement.
		closed(mk("R-1007", "Gijs", CaseClosed, "2026-02-01", SourceSelf), "2026-04-01", CloseNoShow),
		// H: closed before the period: not counted at all.
		closed(mk("R-1008", "Hanna", CaseClosed, "2025-06-01", SourceGP), "2025-12-01", CloseWithdrew),
		// I: starts after the period: not counted.
		mk("R-1009", "Ivo", CaseIntake, "2026-07-01", SourceGP),
		// J: moved away; stopped before an arrangement.
		closed(mk("R-1010", "Jolanda", CaseClosed, "2026-04-01", SourceNeighborhood), "2026-06-10", CloseMoved),
		// K: in an arrangement from before the end date was kept: reached, length unknown.
		mk("R-1011", "Karim", CaseArrangement, "2025-06-01", SourceUnknown),
	}
}

var (
	reportFrom  = MustDate("2026-01-01")
	reportTo    = MustDate("2026-06-30")
	reportToday = MustDate("2026-07-01")
)

func TestReport(t *testing.T) {
	f := Report(reportCases(), reportFrom, reportTo, reportToday)
	ints := []struct {
		name      string
		got, want int
	}{
		{"cases (all but H and I)", f.Cases, 9},
		{"ended: D (100 days) and F (106 days)", f.StabilisationsEnded, 2},
		{"median of 100 and 106 (the lower middle)", f.MedianDays, 100},
		{"running: A, B and C", f.StabilisationsRunning, 3},
		{"median of 10, 60 and 120", f.MedianDaysSoFar, 60},
		{"reached: D, F and K", f.Reached, 3},
		{"closed without an arrangement: G and J", f.ClosedBefore, 2},
		{"overdue steps: a2, a4, e2, e4", f.OverdueSteps, 4},
		{"cases with overdue steps: A and E", f.OverdueCases, 2},
		{"check-ins done: e1", f.CheckInsDone, 1},
		{"check-ins missed: e4, 61 days late", f.CheckInsMissed, 1},
		{"check-ins not needed: e5", f.CheckInsSkipped, 1},
		{"check-ins still to do: e2, a day late", f.CheckInsOpen, 1},
		{"referrals done: d1", f.ReferralsDone, 1},
	}
	for _, tt := range ints {
		if tt.got != tt.want {
			t.Errorf("%s: %d, want %d", tt.name, tt.got, tt.want)
		}
	}
	if pct, ok := f.ArrangementShare(); !ok || pct != 60 {
		t.Errorf("share %d%% %v, want 3 of 5 = 60%%", pct, ok)
	}
	maps := []struct {
		name      string
		got, want any
	}{
		{"status", f.ByStatus, map[CaseStatus]int{CaseIntake: 1, CaseStabilisation: 2, CaseArrangement: 2, CaseAftercare: 1, CaseClosed: 3}},
		{"phase", f.ByPhase, map[Phase]int{PhaseOverview: 1, PhaseCrisis: 1, "": 2, PhaseOtherHelp: 1, PhaseAftercare: 1}},
		{"source", f.BySource, map[SourceKind]int{SourceSelf: 3, SourceGP: 2, SourceEarlyWarning: 1, SourceNeighborhood: 2, SourceUnknown: 1}},
		{"dropout", f.Dropout, map[CloseReason]int{CloseNoShow: 1, CloseMoved: 1}},
		{"referrals (the one not applicable left out)", f.Referrals, map[Area]int{AreaGP: 1, AreaWork: 1}},
	}
	for _, m := range maps {
		if !equalCounts(m.got, m.want) {
			t.Errorf("%s: %v, want %v", m.name, m.got, m.want)
		}
	}

	// Without bounds the period runs from the beginning to today: H counts
	// (one more withdrawal), E's end of stabilisation (121 days) too; I
	// starts today and counts as an intake.
	all := Report(reportCases(), Date{}, Date{}, reportToday)
	if all.Cases != 11 || all.Dropout[CloseWithdrew] != 1 || all.StabilisationsEnded != 3 || all.MedianDays != 106 ||
		all.ByStatus[CaseIntake] != 2 || all.To != reportToday {
		t.Errorf("unbounded: cases %d, withdrew %d, ended %d, median %d, intake %d, to %s",
			all.Cases, all.Dropout[CloseWithdrew], all.StabilisationsEnded, all.MedianDays, all.ByStatus[CaseIntake], all.To)
	}
	// A period in the future is cut at today.
	if r := Report(nil, reportFrom, MustDate("2030-01-01"), reportToday); r.To != reportToday {
		t.Errorf("to = %s", r.To)
	}
	empty := Report(nil, reportFrom, reportTo, reportToday)
	if _, ok := empty.ArrangementShare(); ok || empty.Cases != 0 || empty.MedianDays != 0 {
		t.Errorf("empty report %+v", empty)
	}
}

func equalCounts(got, want any) bool {
	switch g := got.(type) {
	case map[CaseStatus]int:
		return maps.Equal(nonZero(g), want.(map[CaseStatus]int))
	case map[Phase]int:
		return maps.Equal(nonZero(g), want.(map[Phase]int))
	case map[SourceKind]int:
		return maps.Equal(nonZero(g), want.(map[SourceKind]int))
	case map[CloseReason]int:
		return maps.Equal(nonZero(g), want.(map[CloseReason]int))
	case map[Area]int:
		return maps.Equal(nonZero(g), want.(map[Area]int))
	}
	return false
}

func nonZero[K comparable](m map[K]int) map[K]int {
	out := map[K]int{}
	for k, v := range m {
		if v != 0 {
			out[k] = v
		}
	}
	return out
}

func TestCurrentPhase(t *testing.T) {
	c := Case{Steps: []Step{step("a", PhaseIncome, 0), step("b", PhaseCrisis, 0, done), step("c", PhaseOverview, 3, started), step("d", PhaseCrisis, 1, na)}}
	if got := CurrentPhase(c); got != PhaseOverview {
		t.Errorf("current phase %q, want overview", got)
	}
	if got := CurrentPhase(Case{Steps: []Step{step("a", PhaseIncome, 0, done)}}); got != "" {
		t.Errorf("all finished: %q", got)
	}
}

// No output of the report names a resident, a participant or a reference,
// or quotes any typed text: in both languages and both formats.
func TestReportIsAnonymous(t *testing.T) {
	cases := reportCases()
	var secrets []string
	for _, c := range cases {
		secrets = append(secrets, c.Ref, c.Name, c.ID)
		for _, p := range c.Participants {
			secrets = append(secrets, p.Name)
		}
		for _, a := range c.Agreements {
			secrets = append(secrets, a.What)
		}
		for _, s := range c.Steps {
			secrets = append(secrets, s.Title, s.InternalNote, s.Outcome)
		}
	}
	for _, from := range []Date{{}, reportFrom} {
		f := Report(cases, from, reportTo, reportToday)
		for _, l := range Langs {
			for format, out := range map[string]string{"txt": ReportText(f, l), "csv": ReportCSV(f, l)} {
				for _, s := range secrets {
					if strings.Contains(out, s) {
						t.Errorf("%s %s report contains %q", l, format, s)
					}
				}
			}
		}
	}
}

func TestReportOutput(t *testing.T) {
	f := Report(reportCases(), reportFrom, reportTo, reportToday)
	text := ReportText(f, Dutch)
	for _, want := range []string{
		"Houvast: cijfers over de dossiers\nPeriode: 2026-01-01 t/m 2026-06-30 (stand van 2026-07-01)\n",
		"\nSchuldregeling\n",
		"  deel dat een schuldregeling bereikte",
		"60%\n",
		"  mediaan duur",
		"100 dagen\n",
		"  niet verschenen",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Dutch text lacks %q:\n%s", want, text)
		}
	}
	// Every value line ends in its number at the same column.
	col := -1
	for _, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(line, "  ") {
			continue
		}
		line = strings.TrimSuffix(strings.TrimSuffix(line, " dagen"), "%")
		n := len([]rune(line))
		if col == -1 {
			col = n
		} else if n != col {
			t.Errorf("line %q ends at column %d, others at %d", line, n, col)
		}
	}
	en := ReportText(Report(nil, Date{}, Date{}, reportToday), English)
	var median string
	for _, line := range strings.Split(en, "\n") {
		if strings.HasPrefix(line, "  median length ") {
			median = line
		}
	}
	if !strings.Contains(en, "Period: from the start to 2026-07-01") || !strings.HasSuffix(median, " –") {
		t.Errorf("English text of an empty report:\n%s", en)
	}

	records, err := csv.NewReader(strings.NewReader(ReportCSV(f, English))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	find := func(section, key string) []string {
		for _, r := range records {
			if r[0] == section && r[1] == key {
				return r
			}
		}
		return nil
	}
	checks := []struct {
		section, key, label, value string
	}{
		{"section", "key", "label", "value"},
		{"period", "from", "period from", "2026-01-01"},
		{"cases", "total", "cases that ran in the period", "9"},
		{"status", "closed", "closed", "3"},
		{"phase", "none", "no open steps", "2"},
		{"source", "unknown", "unknown", "1"},
		{"stabilisation", "median_days", "median length", "100"},
		{"arrangement", "share", "share that reached an arrangement", "60"},
		{"dropout", "moved", "moved", "1"},
		{"dropout", "withdrew", "withdrew", "0"},
		{"checkins", "missed", "missed (28 days or more past the date)", "1"},
		{"referrals", "gp", "GP", "1"},
	}
	for _, c := range checks {
		if r := find(c.section, c.key); r == nil || r[2] != c.label || r[3] != c.value {
			t.Errorf("csv row %s/%s = %q, want label %q value %q", c.section, c.key, r, c.label, c.value)
		}
	}
	if find("dropout", "arrangement_started") != nil {
		t.Error("reaching an arrangement is listed as a dropout reason")
	}
	if nl, _ := csv.NewReader(strings.NewReader(ReportCSV(f, Dutch))).ReadAll(); len(nl) != len(records) || nl[5][1] != records[5][1] {
		t.Error("the Dutch CSV has other rows or keys than the English")
	}
}
