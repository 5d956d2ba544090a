package actionlist

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestSuggestNext(t *testing.T) {
	d := MustDate("2026-11-02")
	call := func(p DayPart) Attempt { return Attempt{Kind: AttemptPhone, Part: p, On: d} }
	visit := func(p DayPart) Attempt { return Attempt{Kind: AttemptVisit, Part: p, On: d} }
	letter := Attempt{Kind: AttemptLetter, Part: PartMorning, On: d}
	text := Attempt{Kind: AttemptText, Part: PartMorning, On: d}
	both := ArrearsSignal{Phone: "0612345678", Address: "Kerkstraat 1"}
	with := func(s ArrearsSignal, as ...Attempt) ArrearsSignal { s.Attempts = as; return s }
	tests := []struct {
		name string
		s    ArrearsSignal
		want Suggestion
	}{
		{"nothing tried, phone known", both, Suggestion{AttemptPhone, PartMorning, ReasonFirstCall}},
		{"nothing tried, address only", ArrearsSignal{Address: "Kerkstraat 1"}, Suggestion{AttemptVisit, PartEvening, ReasonFirstVisit}},
		{"crisis, address only", ArrearsSignal{Address: "Kerkstraat 1", Crisis: true}, Suggestion{AttemptVisit, PartAfternoon, ReasonCrisisVisit}},
		{"nothing known", ArrearsSignal{}, Suggestion{AttemptLetter, "", ReasonOnlyLetter}},
		{"letters without answer: call", with(both, letter, letter), Suggestion{AttemptPhone, PartMorning, ReasonCallAfterPost}},
		{"a morning call unanswered: afternoon", with(both, call(PartMorning)), Suggestion{AttemptPhone, PartAfternoon, ReasonOtherPart}},
		{"two morning calls unanswered: still another part", with(both, call(PartMorning), call(PartMorning)), Suggestion{AttemptPhone, PartAfternoon, ReasonOtherPart}},
		{"calls at two parts: visit at the third", with(both, call(PartMorning), call(PartAfternoon)), Suggestion{AttemptVisit, PartEvening, ReasonVisitAfterCall}},
		{"calls and a visit: a message", with(both, call(PartMorning), call(PartAfternoon), visit(PartEvening)), Suggestion{AttemptText, "", ReasonTryText}},
		{"calls, visit and message: visit at another part", with(both, call(PartMorning), call(PartAfternoon), visit(PartEvening), text), Suggestion{AttemptVisit, PartMorning, ReasonKeepTrying}},
		{"phone only, called twice, texted: evening call", with(ArrearsSignal{Phone: "06"}, call(PartMorning), call(PartAfternoon), text), Suggestion{AttemptPhone, PartEvening, ReasonKeepTrying}},
		{"many attempts: consider closing", with(both, call(PartMorning), call(PartAfternoon), call(PartEvening), visit(PartEvening), visit(PartMorning), visit(PartAfternoon), text, letter), Suggestion{AttemptLetter, "", ReasonConsiderClose}},
		{"reached", with(both, Attempt{Kind: AttemptPhone, Part: PartMorning, On: d, Reached: true}), Suggestion{Reason: ReasonReached}},
		{"closed", ArrearsSignal{Outcome: OutcomePaid}, Suggestion{Reason: ReasonClosed}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SuggestNext(tt.s); got != tt.want {
				t.Errorf("SuggestNext = %+v, want %+v", got, tt.want)
			}
		})
	}
	for _, r := range []SuggestReason{ReasonClosed, ReasonReached, ReasonFirstCall, ReasonCrisisVisit, ReasonFirstVisit, ReasonOnlyLetter,
		ReasonCallAfterPost, ReasonOtherPart, ReasonVisitAfterCall, ReasonTryText, ReasonKeepTrying, ReasonConsiderClose} {
		for _, l := range []Lang{Dutch, English} {
			if s := SuggestionReasonLabel(r, l); s == "" || s == string(r) {
				t.Errorf("reason %s has no words in %s", r, l)
			}
		}
	}
}

// The amounts of a signal platform's CSV read as a typed debt's do.
func TestParseAmountAsSignalPlatformsWriteIt(t *testing.T) {
	tests := []struct {
		in   string
		want Cents
		ok   bool
	}{
		{"1234", 123400, true}, {"€ 1.234,56", 123456, true}, {"1234.56", 123456, true}, {"1,234.56", 123456, true},
		{"1.234", 123400, true}, {"12,5", 1250, true}, {"EUR 80", 8000, true}, {"0,99", 99, true},
		{"", 0, false}, {"twaalf", 0, false}, {"12a", 0, false}, {"-5", 0, false}, {"1e9", 0, false},
		{"99999999999999", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseAmount(tt.in)
		if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
			t.Errorf("ParseAmount(%q) = %d, %v; want %d ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestParseSignalDate(t *testing.T) {
	for in, want := range map[string]string{"2026-11-20": "2026-11-20", "20-11-2026": "2026-11-20", "20/11/2026": "2026-11-20", "1-2-2026": "2026-02-01"} {
		if d, err := ParseSignalDate(in); err != nil || d.String() != want {
			t.Errorf("ParseSignalDate(%q) = %v, %v; want %s", in, d, err, want)
		}
	}
	for _, in := range []string{"", "gisteren", "31-02-2026", "2026/11/20", "11-20", "20-11-26"} {
		if _, err := ParseSignalDate(in); err == nil {
			t.Errorf("ParseSignalDate(%q) was accepted", in)
		}
	}
}

func TestReadSignalsCSV(t *testing.T) {
	today := MustDate("2026-11-30")
	good := "Partner;Bedrag;Datum;Voornaam;Adres;Telefoon;Crisis\n" +
		"Energie;€ 312,50;20-11-2026;Kees;Kerkstraat 1;0612345678;nee\n" +
		"zorgverzekeraar;1.200;2026-11-21;Samira;Dorpsweg 4;;ja\n"
	cols := SignalColumns{ColPartner: "Partner", ColAmount: "Bedrag", ColDate: "Datum", ColName: "Voornaam", ColAddress: "Adres", ColPhone: "Telefoon"}
	got, err := ReadSignalsCSV([]byte(good), cols, today)
	if err != nil || len(got.Errors) != 0 || len(got.Signals) != 2 {
		t.Fatalf("good file: %+v, %v", got, err)
	}
	s := got.Signals[1]
	if s.Partner != SignalInsurer || s.AmountCents != 120000 || !s.Crisis || s.Received.String() != "2026-11-21" || s.Name != "Samira" || got.Rows[1] != 3 {
		t.Errorf("second signal read as %+v (row %d)", s, got.Rows[1])
	}

	if _, err := ReadSignalsCSV(nil, nil, today); !errors.Is(err, ErrEmptyCSV) {
		t.Errorf("an empty file: %v", err)
	}
	var ce *ColumnsError
	if _, err := ReadSignalsCSV([]byte("a,b,c\n1,2,3\n"), nil, today); !errors.As(err, &ce) || strings.Join(ce.Missing, " ") != "partner amount date name" {
		t.Errorf("wrong columns: %v", err)
	}

	const bsn = "111222333" // passes the eleven-test
	bad := "partner,amount,date,name,address\n" +
		"energie,12x,2026-11-20,Kees,\n" + // row 2: amount
		"water,10,20-13-2026,Anouk,\n" + // row 3: date
		"bakker,10,2026-11-20,Jan,\n" + // row 4: partner
		"water,10,2026-11-20,," + bsn + "\n" + // row 5: no name, a BSN as address
		"water,10,2026-12-20,Noor,\n" + // row 6: in the future
		"water,10\n" + // row 7: too few cells
		"water,10,2026-11-20,Daan,Laan 2\n" // row 8: good
	got, err = ReadSignalsCSV([]byte(bad), nil, today)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2 amount amount", "3 date date", "4 partner partner", "5 name missing", "5 address bsn", "6 date future", "7  columns"}
	var have []string
	for _, e := range got.Errors {
		have = append(have, fmt.Sprintf("%d %s %s", e.Row, e.Field, e.Problem))
		if e.Problem == ProblemBSN && strings.Contains(e.Value, bsn) {
			t.Errorf("the error quotes the BSN whole: %q", e.Value)
		}
	}
	if strings.Join(have, "|") != strings.Join(want, "|") || got.BadRows != 6 || len(got.Signals) != 1 {
		t.Errorf("errors %q (bad rows %d, good %d), want %q", have, got.BadRows, len(got.Signals), want)
	}
}

func TestSignalRules(t *testing.T) {
	today := MustDate("2026-11-30")
	s := ArrearsSignal{ID: "a", Partner: SignalHousing, Received: MustDate("2026-11-20"), Name: "Kees", Crisis: true, AmountCents: 100}
	if _, err := LogAttempt(s, Attempt{Kind: AttemptPhone, Part: PartMorning, On: today.AddDays(1)}, today); !errors.Is(err, ErrFutureAttempt) {
		t.Errorf("a future attempt: %v", err)
	}
	if _, err := LogAttempt(s, Attempt{Kind: AttemptPhone, Part: PartMorning, On: MustDate("2026-11-19")}, today); !errors.Is(err, ErrAttemptEarly) {
		t.Errorf("an attempt before the signal: %v", err)
	}
	var be *BSNFieldError
	if _, err := LogAttempt(s, Attempt{Kind: AttemptPhone, Part: PartMorning, On: today, Note: "bsn 111222333"}, today); !errors.As(err, &be) {
		t.Errorf("a BSN in a note: %v", err)
	}
	s2, err := LogAttempt(s, Attempt{Kind: AttemptPhone, Part: PartMorning, On: today, Reached: true, Note: "  belt terug\n"}, today)
	if err != nil || len(s.Attempts) != 0 || len(s2.Attempts) != 1 || s2.Attempts[0].Note != "belt terug" || s2.AttemptsToReach() != 1 {
		t.Fatalf("LogAttempt: %+v, %v", s2, err)
	}
	spec, err := AcceptSignal(s2, today)
	if err != nil || spec.Source != (Source{Kind: SourceEarlyWarning, Signal: SignalHousing, SignalDate: s.Received}) ||
		spec.RequestedOn != today || spec.Threat != ThreatEviction || spec.Name != "Kees" {
		t.Errorf("AcceptSignal: %+v, %v", spec, err)
	}
	closed, err := CloseSignal(s2, OutcomeDeclined, today)
	if err != nil || closed.Open() {
		t.Fatalf("CloseSignal: %v", err)
	}
	if _, err := LogAttempt(closed, Attempt{Kind: AttemptPhone, Part: PartMorning, On: today}, today); !errors.Is(err, ErrSignalClosed) {
		t.Errorf("an attempt on a closed signal: %v", err)
	}
	if _, err := CloseSignal(s, OutcomeAccepted, today); err == nil {
		t.Error("closed as accepted without a case")
	}

	// Retention: from the closing, or the date while open; never an accepted one.
	for _, tt := range []struct {
		s    ArrearsSignal
		want bool
	}{
		{ArrearsSignal{Received: MustDate("2026-05-30")}, true},
		{ArrearsSignal{Received: MustDate("2026-06-01")}, false},
		{ArrearsSignal{Received: MustDate("2026-01-01"), Outcome: OutcomePaid, ClosedOn: MustDate("2026-06-01")}, false},
		{ArrearsSignal{Received: MustDate("2026-01-01"), Outcome: OutcomeAccepted, ClosedOn: MustDate("2026-01-02")}, false},
	} {
		if got := SignalDueForErasure(tt.s, today, 6); got != tt.want {
			t.Errorf("SignalDueForErasure(%+v) = %v", tt.s, got)
		}
	}

	list := []ArrearsSignal{
		{ID: "small-old", AmountCents: 100, Received: MustDate("2026-10-01")},
		{ID: "big", AmountCents: 90000, Received: MustDate("2026-11-01")},
		{ID: "crisis", AmountCents: 10, Crisis: true, Received: MustDate("2026-11-20")},
		{ID: "small-new", AmountCents: 100, Received: MustDate("2026-11-01")},
	}
	SortByUrgency(list)
	var order []string
	for _, s := range list {
		order = append(order, s.ID)
	}
	if strings.Join(order, " ") != "crisis big small-old small-new" {
		t.Errorf("urgency order %v", order)
	}
}

func TestParseSignalMapping(t *testing.T) {
	cols, err := ParseSignalMapping([]string{"# het platform", "", "partner = Soort schuldeiser", "Amount=Bedrag", "amount = Openstaand"}, false)
	if err != nil || cols[ColPartner] != "Soort schuldeiser" || cols[ColAmount] != "Openstaand" || len(cols) != 2 {
		t.Errorf("mapping: %v, %v", cols, err)
	}
	var me *MappingError
	if _, err := ParseSignalMapping([]string{"partner Soort"}, false); !errors.As(err, &me) || me.Line != 1 || me.Field != "" {
		t.Errorf("a line without =: %v", err)
	}
	if _, err := ParseSignalMapping([]string{"kleur=Rood"}, true); !errors.As(err, &me) || me.Line != 0 || me.Field != "kleur" {
		t.Errorf("an unknown field: %v", err)
	}
}

// Whatever a file holds, reading it never panics, every signal it gives
// is one the store accepts, and every error names a row.
func FuzzReadSignalsCSV(f *testing.F) {
	f.Add([]byte("partner,amount,date,name\nenergie,12,2026-11-20,Kees\n"))
	f.Add([]byte("partner;amount;date;name;address;phone;crisis\nwater;1.234,56;20-11-2026;Anouk;Laan 1;0612345678;ja\n"))
	f.Add([]byte("partner,amount,date,name\n\"energie,12\n"))
	f.Add([]byte("\uFEFFpartner,amount,date,name\nzorg,€ 5,1/2/2026,111222333\n"))
	today := MustDate("2026-11-30")
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ReadSignalsCSV(data, nil, today)
		if err != nil {
			return
		}
		for i, s := range got.Signals {
			if err := s.Validate(); err != nil {
				t.Fatalf("signal of row %d is refused by the store: %v (%+v)", got.Rows[i], err, s)
			}
		}
		for _, e := range got.Errors {
			if e.Row < 1 {
				t.Fatalf("an error without a row: %+v", e)
			}
		}
		if got.BadRows < len(got.Errors) && len(got.Errors) < MaxRowErrors && got.BadRows == 0 {
			t.Fatalf("errors without bad rows: %+v", got)
		}
	})
}
