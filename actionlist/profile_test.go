package actionlist

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// answersOf gives the motivation questions m and the skills questions s as
// answers, in question order.
func answersOf(m, s [4]int) Answers {
	a := Answers{}
	mi, si := 0, 0
	for _, q := range Questions(Dutch) {
		if q.Dimension == Motivation {
			a[q.ID] = m[mi]
			mi++
		} else {
			a[q.ID] = s[si]
			si++
		}
	}
	return a
}

func TestQuestionsInBothLanguages(t *testing.T) {
	nl, en := Questions(Dutch), Questions(English)
	if len(nl) != 8 || len(en) != len(nl) {
		t.Fatalf("%d Dutch and %d English questions, want 8 each", len(nl), len(en))
	}
	count := map[Dimension]int{}
	seen := map[string]bool{}
	for i, q := range nl {
		e := en[i]
		count[q.Dimension]++
		if seen[q.ID] {
			t.Errorf("question ID %q twice", q.ID)
		}
		seen[q.ID] = true
		if e.ID != q.ID || e.Dimension != q.Dimension {
			t.Errorf("question %d: %s/%s in Dutch, %s/%s in English", i, q.ID, q.Dimension, e.ID, e.Dimension)
		}
		if q.Text == "" || e.Text == "" || q.Text == e.Text || !strings.HasSuffix(q.Text, "?") || !strings.HasSuffix(e.Text, "?") {
			t.Errorf("question %s: texts %q / %q", q.ID, q.Text, e.Text)
		}
		if len(q.Options) != AnswerMax+1 || len(e.Options) != AnswerMax+1 {
			t.Errorf("question %s: %d/%d options", q.ID, len(q.Options), len(e.Options))
		}
		for j := range q.Options {
			if q.Options[j] == "" || e.Options[j] == "" {
				t.Errorf("question %s option %d is empty", q.ID, j)
			}
		}
	}
	if count[Motivation] != 4 || count[Skills] != 4 {
		t.Errorf("dimensions %v, want 4 motivation and 4 skills", count)
	}
	if MaxPoints(Motivation) != 12 || MaxPoints(Skills) != 12 {
		t.Errorf("max points %d/%d", MaxPoints(Motivation), MaxPoints(Skills))
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		name string
		m, s [4]int
		want Profile
	}{
		{"all the highest answers", [4]int{3, 3, 3, 3}, [4]int{3, 3, 3, 3}, Profile{LevelHigh, LevelHigh}},
		{"willing, paperwork hard", [4]int{3, 2, 3, 2}, [4]int{0, 1, 1, 0}, Profile{LevelHigh, LevelLow}},
		{"able, keeping going hard", [4]int{1, 1, 0, 2}, [4]int{3, 2, 2, 3}, Profile{LevelLow, LevelHigh}},
		{"all the lowest answers", [4]int{0, 0, 0, 0}, [4]int{0, 0, 0, 0}, Profile{LevelLow, LevelLow}},
		{"8 of 12 is high", [4]int{2, 2, 2, 2}, [4]int{3, 3, 2, 0}, Profile{LevelHigh, LevelHigh}},
		{"7 of 12 is low: a doubt gives more support", [4]int{2, 2, 2, 1}, [4]int{3, 3, 1, 0}, Profile{LevelLow, LevelLow}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Score(answersOf(tt.m, tt.s))
			if err != nil || got != tt.want {
				t.Errorf("Score = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
	t.Run("an unanswered question", func(t *testing.T) {
		a := answersOf([4]int{3, 3, 3, 3}, [4]int{3, 3, 3, 3})
		delete(a, "know_debts")
		if _, err := Score(a); !errors.Is(err, ErrUnanswered) || !strings.Contains(err.Error(), "know_debts") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("an answer off the scale", func(t *testing.T) {
		for _, v := range []int{-1, AnswerMax + 1} {
			a := answersOf([4]int{3, 3, 3, 3}, [4]int{3, 3, 3, 3})
			a["want"] = v
			if _, err := Score(a); !errors.Is(err, ErrAnswerRange) {
				t.Errorf("answer %d: err = %v", v, err)
			}
		}
	})
}

func TestAdviceForEveryProfile(t *testing.T) {
	tests := []struct {
		p          Profile
		dose       int
		support    Support
		volunteer  bool
		fixedFirst bool
		offerHas   []string // words every Dutch offer list must mention
	}{
		{Profile{LevelHigh, LevelHigh}, 5, SupportLight, false, false, []string{"vrijwilliger"}},
		{Profile{LevelHigh, LevelLow}, 3, SupportPractical, true, false, []string{"vrijwilliger", "Kleinere stappen"}},
		{Profile{LevelLow, LevelHigh}, 3, SupportClose, false, false, []string{"Vaker kort contact", "ervaringsdeskundige"}},
		{Profile{LevelLow, LevelLow}, 2, SupportIntensive, true, true, []string{"Kleinere stappen", "vrijwilliger", "huur, energie, water en zorgverzekering"}},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		t.Run(ProfileLabel(tt.p, English), func(t *testing.T) {
			a := Advise(tt.p)
			if a.Profile != tt.p || a.Dose != tt.dose || a.Support != tt.support ||
				a.VolunteerForPractical != tt.volunteer || a.FixedCostsFirst != tt.fixedFirst {
				t.Errorf("advice %+v", a)
			}
			if a.Dose < 2 || a.Dose > MaxDose {
				t.Errorf("dose %d: advice never goes below 2 steps or above the maximum", a.Dose)
			}
			for _, l := range Langs {
				if a.Summary(l) == "" || len(a.Offer(l)) == 0 {
					t.Errorf("%s: no summary or nothing to offer", l)
				}
			}
			if a.Summary(Dutch) == a.Summary(English) || slices.Equal(a.Offer(Dutch), a.Offer(English)) {
				t.Error("the Dutch and English advice are the same text")
			}
			offer := strings.Join(a.Offer(Dutch), "\n")
			for _, w := range tt.offerHas {
				if !strings.Contains(offer, w) {
					t.Errorf("offer does not mention %q:\n%s", w, offer)
				}
			}
			if seen[a.Summary(Dutch)] {
				t.Error("two profiles share a summary")
			}
			seen[a.Summary(Dutch)] = true
		})
	}
	if len(Profiles) != 4 {
		t.Errorf("%d profiles", len(Profiles))
	}
	if !strings.Contains(AdviceNote(Dutch), "nooit een reden om hulp te stoppen") {
		t.Errorf("note %q", AdviceNote(Dutch))
	}
}

func screenedCase() Case {
	return Case{ID: "c1", Ref: "2026-010", Name: "Kees", Status: CaseStabilisation, Language: CaseDutch, Dose: 4,
		Steps: []Step{step("a", PhaseCrisis, 0), step("b", PhaseOverview, 0, done)}}
}

func TestRecordScreeningKeepsTheOneBefore(t *testing.T) {
	low := answersOf([4]int{1, 1, 0, 1}, [4]int{0, 1, 1, 0})
	high := answersOf([4]int{3, 3, 2, 2}, [4]int{2, 1, 1, 0})
	c := screenedCase()

	c1, err := RecordScreening(c, low, MustDate("2026-10-01"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Screening != nil {
		t.Error("RecordScreening changed its input")
	}
	s := c1.Screening
	if s == nil || s.Profile != (Profile{LevelLow, LevelLow}) || s.Earlier != nil || !reflect.DeepEqual(s.Answers, low) {
		t.Fatalf("first screening %+v", s)
	}
	if _, ok := s.Change(); ok {
		t.Error("a first screening has no change")
	}
	if ch := CaseChanges(c, c1); len(ch) != 1 || ch[0].Field != "profile" || ch[0].Old != "" {
		t.Errorf("changes %+v, want one on profile", ch)
	}

	c2, err := RecordScreening(c1, high, MustDate("2026-12-01"))
	if err != nil {
		t.Fatal(err)
	}
	s2 := c2.Screening
	if s2.Profile != (Profile{LevelHigh, LevelLow}) || s2.Earlier == nil || s2.Earlier.Date != MustDate("2026-10-01") || s2.Earlier.Earlier != nil {
		t.Fatalf("second screening %+v", s2)
	}
	ch, ok := s2.Change()
	if !ok || !ch.Changed() {
		t.Fatal("no change shown")
	}
	want := ScreeningChange{
		From: MustDate("2026-10-01"), To: MustDate("2026-12-01"),
		MotivationFrom: 3, MotivationTo: 10, SkillsFrom: 2, SkillsTo: 4,
		ProfileFrom: Profile{LevelLow, LevelLow}, ProfileTo: Profile{LevelHigh, LevelLow},
		Answers: []AnswerChange{{"want", 1, 3}, {"do_self", 1, 3}, {"keep_going", 0, 2}, {"keep_promises", 1, 2}, {"open_post", 0, 2}},
	}
	if !reflect.DeepEqual(ch, want) {
		t.Errorf("change\n got %+v\nwant %+v", ch, want)
	}
	lines := ScreeningChangeLines(ch, Dutch)
	if !slices.Equal(lines, []string{"Motivatie: 3 → 10 van 12 (laag → hoog)", "Vaardigheden: 2 → 4 van 12 (laag)"}) {
		t.Errorf("lines %q", lines)
	}

	// A third screening on the same day corrects the second: the one to
	// compare with stays the screening of October.
	c3, err := RecordScreening(c2, low, MustDate("2026-12-01"))
	if err != nil {
		t.Fatal(err)
	}
	if c3.Screening.Earlier == nil || c3.Screening.Earlier.Date != MustDate("2026-10-01") {
		t.Errorf("same-day correction lost the earlier screening: %+v", c3.Screening.Earlier)
	}
	if ch, _ := c3.Screening.Change(); ch.Changed() {
		t.Errorf("same answers as in October show a change: %+v", ch)
	}

	if _, err := RecordScreening(c, Answers{"want": 3}, MustDate("2026-10-01")); !errors.Is(err, ErrUnanswered) {
		t.Errorf("incomplete answers: %v", err)
	}
	if _, err := RecordScreening(c, low, Date{}); err == nil {
		t.Error("a screening without a date was accepted")
	}
}

func TestAcceptAndOverrideTheAdvice(t *testing.T) {
	today := MustDate("2026-10-02")
	c := screenedCase()
	if _, err := AcceptAdvice(c, today); !errors.Is(err, ErrNoScreening) {
		t.Errorf("accept without screening: %v", err)
	}
	if AdvicePending(c) {
		t.Error("advice pending without a screening")
	}
	screened, err := RecordScreening(c, answersOf([4]int{0, 1, 0, 1}, [4]int{1, 0, 1, 0}), MustDate("2026-10-01"))
	if err != nil {
		t.Fatal(err)
	}
	if !AdvicePending(screened) {
		t.Error("a new screening's advice is not pending")
	}

	accepted, err := AcceptAdvice(screened, today)
	if err != nil {
		t.Fatal(err)
	}
	wantDecision := ProfileDecision{Date: today, Screened: MustDate("2026-10-01"), Profile: Profile{LevelLow, LevelLow}, Advised: 2, Dose: 2, Accepted: true}
	if accepted.Dose != 2 || *accepted.Decision != wantDecision {
		t.Errorf("accepted: dose %d, decision %+v", accepted.Dose, accepted.Decision)
	}
	if AdvicePending(accepted) {
		t.Error("still pending after accepting")
	}
	// The advice only sets the dose: the case stays open and every step stays.
	if accepted.Status != c.Status || !reflect.DeepEqual(accepted.Steps, c.Steps) {
		t.Error("accepting the advice changed the status or the steps")
	}
	if err := accepted.Validate(); err != nil {
		t.Errorf("accepted case invalid: %v", err)
	}
	fieldsOf := func(ch []Change) []string {
		var out []string
		for _, c := range ch {
			out = append(out, c.Field)
		}
		return out
	}
	if got := fieldsOf(CaseChanges(screened, accepted)); !slices.Equal(got, []string{"dose", "profile_decision"}) {
		t.Errorf("accepting records %v", got)
	}

	if _, err := OverrideAdvice(accepted, 4, "  \n ", today); !errors.Is(err, ErrReasonNeeded) {
		t.Errorf("override without a reason: %v", err)
	}
	if _, err := OverrideAdvice(accepted, MaxDose+1, "reden", today); err == nil {
		t.Error("a dose above the maximum was accepted")
	}
	if _, err := OverrideAdvice(accepted, 4, strings.Repeat("x", MaxText+1), today); err == nil {
		t.Error("an overlong reason was accepted")
	}
	over, err := OverrideAdvice(accepted, 4, "Kees wil graag meer tegelijk zien;\nzijn dochter helpt.", today.AddDays(1))
	if err != nil {
		t.Fatal(err)
	}
	d := over.Decision
	if over.Dose != 4 || d.Accepted || d.Advised != 2 || d.Dose != 4 || d.Reason != "Kees wil graag meer tegelijk zien;\nzijn dochter helpt." {
		t.Errorf("override: dose %d, decision %+v", over.Dose, d)
	}
	if got := fieldsOf(CaseChanges(accepted, over)); !slices.Equal(got, []string{"dose", "profile_decision"}) {
		t.Errorf("overriding records %v", got)
	}
	if err := over.Validate(); err != nil {
		t.Errorf("overridden case invalid: %v", err)
	}
	if accepted.Decision.Accepted != true || accepted.Dose != 2 {
		t.Error("OverrideAdvice changed its input")
	}

	// A later screening with another profile asks for a decision again.
	again, _ := RecordScreening(over, answersOf([4]int{3, 3, 3, 3}, [4]int{3, 3, 3, 3}), MustDate("2027-01-05"))
	if !AdvicePending(again) || again.Dose != 4 {
		t.Errorf("after a new screening: pending %v, dose %d", AdvicePending(again), again.Dose)
	}
}

func TestProfileFieldsAreStoredAndValidated(t *testing.T) {
	c := fullCase()
	c.CloseReason = CloseArrangement
	c, _ = RecordScreening(c, answersOf([4]int{2, 2, 2, 2}, [4]int{1, 1, 1, 1}), MustDate("2026-09-01"))
	c, _ = RecordScreening(c, answersOf([4]int{3, 2, 2, 2}, [4]int{2, 1, 1, 1}), MustDate("2026-10-01"))
	c, _ = OverrideAdvice(c, 5, "wil het zelf proberen", MustDate("2026-10-01"))
	c.Stabilised = MustDate("2027-01-15")
	c.Signals = []Signal{{SignalWater, MustDate("2027-03-01")}}
	for _, col := range []string{"profile", "profile_decision", "signals", "stabilised_on"} {
		if !slices.Contains(CaseColumns, col) {
			t.Errorf("%s is not a stored case column", col)
		}
	}
	back, err := CaseFromValues(CaseValues(c))
	if err != nil || !reflect.DeepEqual(back, c) {
		t.Errorf("values round trip: %v\n got %+v\nwant %+v", err, back, c)
	}
	snap, err := CaseFromSnapshot(CaseSnapshot(c))
	if err != nil || !reflect.DeepEqual(snap, c) {
		t.Errorf("snapshot round trip: %v", err)
	}
	// A case without a screening stores nothing for it.
	plain := CaseValues(screenedCase())
	for i, col := range CaseColumns {
		if (col == "profile" || col == "profile_decision" || col == "signals" || col == "stabilised_on") && plain[i] != "" {
			t.Errorf("%s stored as %q for a case without it", col, plain[i])
		}
	}

	bad := []struct {
		name string
		edit func(*Case)
	}{
		{"answer off the scale", func(c *Case) { c.Screening.Answers["want"] = 7 }},
		{"screening without a date", func(c *Case) { c.Screening.Date = Date{} }},
		{"unknown level", func(c *Case) { c.Screening.Profile.Skills = "medium" }},
		{"earlier screening damaged", func(c *Case) { c.Screening.Earlier.Answers["want"] = -1 }},
		{"a chain of earlier screenings", func(c *Case) { e := *c.Screening.Earlier; c.Screening.Earlier.Earlier = &e }},
		{"override without a reason", func(c *Case) { c.Decision.Reason = " " }},
		{"decided dose out of range", func(c *Case) { c.Decision.Dose = 0 }},
		{"signal without a kind", func(c *Case) { c.Signals = []Signal{{Date: MustDate("2027-01-01")}} }},
		{"signal without a date", func(c *Case) { c.Signals = []Signal{{Kind: SignalEnergy}} }},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			v, err := CaseFromValues(CaseValues(c)) // a deep copy
			if err != nil {
				t.Fatal(err)
			}
			tt.edit(&v)
			if err := v.Validate(); err == nil {
				t.Error("accepted")
			}
		})
	}
	if err := c.Validate(); err != nil {
		t.Errorf("the full case is invalid: %v", err)
	}
}

func TestProfileLabel(t *testing.T) {
	if got := ProfileLabel(Profile{LevelHigh, LevelLow}, Dutch); got != "Motivatie hoog, vaardigheden laag" {
		t.Errorf("Dutch label %q", got)
	}
	if got := ProfileLabel(Profile{LevelLow, LevelHigh}, English); got != "Motivation low, skills high" {
		t.Errorf("English label %q", got)
	}
	for _, s := range []Support{SupportLight, SupportPractical, SupportClose, SupportIntensive} {
		if SupportLabel(s, Dutch) == string(s) || SupportLabel(s, English) == string(s) {
			t.Errorf("support %s has no label", s)
		}
	}
}

func TestFieldValueText(t *testing.T) {
	c := screenedCase()
	c.Status = CaseAftercare
	c, _ = RecordScreening(c, answersOf([4]int{3, 3, 2, 2}, [4]int{1, 1, 1, 0}), MustDate("2026-10-01"))
	accepted, _ := AcceptAdvice(c, MustDate("2026-10-01"))
	over, _ := OverrideAdvice(c, 4, "zus helpt mee", MustDate("2026-10-02"))
	signalled, _ := RecordSignal(c, SignalInsurer, MustDate("2026-10-03"), MustDate("2026-10-03"), counter())
	signalled, _ = RecordSignal(signalled, SignalWater, MustDate("2026-10-04"), MustDate("2026-10-04"), counter())
	value := func(c Case, field string) string {
		for i, col := range CaseColumns {
			if col == field {
				return CaseValues(c)[i]
			}
		}
		t.Fatalf("no column %s", field)
		return ""
	}
	tests := []struct {
		field, value string
		l            Lang
		want         string
		ok           bool
	}{
		{"profile", value(c, "profile"), Dutch, "Motivatie hoog, vaardigheden laag (2026-10-01; 10/12, 3/12)", true},
		{"profile_decision", value(accepted, "profile_decision"), English, "advice accepted: 3 steps at once", true},
		{"profile_decision", value(over, "profile_decision"), Dutch, "4 stappen tegelijk in plaats van 3: zus helpt mee", true},
		{"signals", value(signalled, "signals"), English, "health insurer 2026-10-03, water 2026-10-04", true},
		{"profile", "", Dutch, "", true},
		{"signals", "{damaged", Dutch, "{damaged", true},
		{"name", "Kees", Dutch, "", false},
	}
	for _, tt := range tests {
		got, ok := FieldValueText(tt.field, tt.value, tt.l)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s %q: %q %v, want %q %v", tt.field, tt.value, got, ok, tt.want, tt.ok)
		}
	}
}

// FuzzCaseProfileFields feeds any text to the stored profile, decision and
// signal fields, as a damaged database or an imported case file could: it
// must be refused or kept exactly, never panic.
func FuzzCaseProfileFields(f *testing.F) {
	c, _ := RecordScreening(screenedCase(), answersOf([4]int{3, 3, 2, 2}, [4]int{1, 1, 1, 0}), MustDate("2026-10-01"))
	c, _ = OverrideAdvice(c, 4, "reden", MustDate("2026-10-02"))
	c.Signals = []Signal{{SignalEnergy, MustDate("2026-10-03")}}
	vals := CaseValues(c)
	idx := map[string]int{}
	for i, col := range CaseColumns {
		idx[col] = i
	}
	f.Add(vals[idx["profile"]], vals[idx["profile_decision"]], vals[idx["signals"]])
	f.Add(`{"date":"2026-01-01","answers":{"want":99},"profile":{"motivation":"x"}}`, `{"dose":-1}`, `[{"kind":""}]`)
	f.Add(`null`, `[]`, `{}`)
	f.Fuzz(func(t *testing.T, profile, decision, signals string) {
		v := slices.Clone(vals)
		v[idx["profile"]], v[idx["profile_decision"]], v[idx["signals"]] = profile, decision, signals
		got, err := CaseFromValues(v)
		if err != nil {
			return
		}
		if got.Validate() != nil {
			return
		}
		for _, field := range []string{"profile", "profile_decision", "signals"} {
			FieldValueText(field, v[idx[field]], Dutch)
		}
		again, err := CaseFromValues(CaseValues(got))
		if err != nil || !reflect.DeepEqual(CaseValues(again), CaseValues(got)) {
			t.Errorf("a valid case does not keep its stored form: %v", err)
		}
	})
}
