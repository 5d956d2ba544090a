package demo

import (
	"context"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"testing"
	"time"

	"houvast/actionlist"
	"houvast/store"
)

// counter gives IDs that are the same on every run.
func counter() func() string {
	n := 0
	return func() string { n++; return fmt.Sprintf("id-%04d", n) }
}

// demoTodays are the demo's day on the test's run and on days that try the
// date logic: a Monday, a Friday, a Sunday, a month's end, the days around
// Christmas and King's Day, New Year's Eve.
func demoTodays() []actionlist.Date {
	out := []actionlist.Date{actionlist.DateOf(time.Now())}
	for _, d := range []string{"2026-11-23", "2026-11-27", "2026-11-29", "2026-05-31", "2026-12-24", "2027-04-26", "2026-12-31", "2027-03-01"} {
		out = append(out, actionlist.MustDate(d))
	}
	return out
}

// replayAll stores the demo's cases as casework.SeedDemo does and reads
// them back.
func replayAll(t *testing.T, exs []Example) (*store.Store, []actionlist.Case) {
	t.Helper()
	ctx := context.Background()
	st, err := store.OpenMemory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, ex := range exs {
		if _, err := ex.Replay(ctx, st, func(at time.Time) {
			st.Now = func() time.Time { at = at.Add(time.Second); return at }
		}); err != nil {
			t.Fatal(err)
		}
	}
	cases, err := st.AllCases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return st, cases
}

// has is true when the agenda holds an item about the case for which ok is
// true.
func has(items []actionlist.AgendaItem, name string, ok func(actionlist.AgendaItem) bool) bool {
	return slices.ContainsFunc(items, func(it actionlist.AgendaItem) bool { return it.Name == name && ok(it) })
}

func count(items []actionlist.AgendaItem, name string, ok func(actionlist.AgendaItem) bool) int {
	n := 0
	for _, it := range items {
		if it.Name == name && ok(it) {
			n++
		}
	}
	return n
}

func kind(k actionlist.AgendaKind) func(actionlist.AgendaItem) bool {
	return func(it actionlist.AgendaItem) bool { return it.Kind == k }
}

// The demo's caseload gives the agenda something of every kind, each from
// the case that is there to show it, on whatever day the demo is opened.
func TestDemoCasesFillTheAgenda(t *testing.T) {
	for _, lang := range actionlist.Langs {
		for _, today := range demoTodays() {
			t.Run(string(lang)+"/"+today.String(), func(t *testing.T) {
				t.Parallel()
				st, _ := replayAll(t, Cases(lang, today, counter()))
				checkDemo(t, st, today)
			})
		}
	}
}

// failer is the part of testing.T that checkAgenda uses, so a test can
// count the failures instead.
type failer interface {
	Errorf(format string, args ...any)
}

// tally counts failures.
type tally int

func (n *tally) Errorf(string, ...any) { *n++ }

// checkDemo checks that every case of the demo does its part: the case
// list opens on Fatima's case, and the agenda has an item of each kind,
// from the case that is there to show it.
func checkDemo(t failer, st *store.Store, today actionlist.Date) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	ctx := context.Background()
	cases, err := st.AllCases(ctx)
	if err != nil {
		t.Errorf("%v", err)
		return
	}
	list, err := st.Cases(ctx, today)
	if err != nil {
		t.Errorf("%v", err)
		return
	}
	// Most recently changed first: the screens, and the tests that drive
	// them, open on Fatima's case.
	if len(list) == 0 || list[0].Name != resident {
		t.Errorf("the case list does not start with %s's case: %+v", resident, list)
	}
	items := actionlist.Agenda(cases, today, week)
	stages := map[actionlist.CaseStatus]string{}
	for _, c := range cases {
		stages[c.Status] = c.Name
	}
	for _, st := range []actionlist.CaseStatus{actionlist.CaseIntake, actionlist.CaseStabilisation, actionlist.CaseArrangement, actionlist.CaseAftercare} {
		if _, ok := stages[st]; !ok {
			t.Errorf("no case in %s: %v", st, stages)
		}
	}
	for _, want := range []struct {
		what string
		name string
		ok   func(actionlist.AgendaItem) bool
		n    int
	}{
		{"the first conversation's clock passed or close", joyce, func(it actionlist.AgendaItem) bool {
			return (it.Kind == actionlist.AgendaDeadlinePassed || it.Kind == actionlist.AgendaDeadlineClose) &&
				it.Deadline.Kind == actionlist.DeadlineFirstTalk && it.Deadline.WorkingDays
		}, 1},
		{"the first conversation planned this week", joyce, func(it actionlist.AgendaItem) bool {
			return it.Kind == actionlist.AgendaAppointment && it.Days > 0
		}, 1},
		{"an appointment today", kees, func(it actionlist.AgendaItem) bool {
			return it.Kind == actionlist.AgendaAppointment && it.Days == 0
		}, 1},
		{"the specialist's overdue steps", kees, func(it actionlist.AgendaItem) bool {
			return it.Kind == actionlist.AgendaStepOverdue && !it.Generalist && it.Step.Owner == actionlist.RoleSpecialist
		}, 2},
		{"a step of the specialist's due this week", kees, func(it actionlist.AgendaItem) bool {
			return it.Kind == actionlist.AgendaStepDue && !it.Generalist && it.Days > 0
		}, 1},
		{"a volunteer's step over a week late", kees, func(it actionlist.AgendaItem) bool {
			return it.Kind == actionlist.AgendaVolunteerLate && it.Days < -actionlist.VolunteerLateDays
		}, 1},
		{"a generalist's overdue step", kees, func(it actionlist.AgendaItem) bool {
			return it.Kind == actionlist.AgendaStepOverdue && it.Generalist && it.Step.Owner == actionlist.RoleGeneralist
		}, 1},
		{"the end of stabilisation near", kees, func(it actionlist.AgendaItem) bool {
			return it.Kind == actionlist.AgendaDeadlineClose && it.Deadline.Kind == actionlist.DeadlineStabilisation
		}, 1},
		{"an aftercare check-in this week", sevgi, func(it actionlist.AgendaItem) bool {
			return it.Kind == actionlist.AgendaCheckIn && it.CheckIn == actionlist.CheckInDue && it.Days > 0
		}, 1},
	} {
		if got := count(items, want.name, want.ok); got < want.n {
			t.Errorf("%s: %d on the agenda for %s, want at least %d\n%s", want.what, got, want.name, want.n, agendaText(items))
		}
	}
	// The crisis clock of the intake runs, not yet close.
	for _, c := range cases {
		if c.Name != joyce {
			continue
		}
		if k, ok := crisisClock(c); !ok || !k.Running() || k.Close(today) {
			t.Errorf("Joyce's crisis clock: %+v, want one running and not yet close", k)
		}
	}
	// Not every case shouts: the arrangement has nothing this week, and the
	// clocks of the cases past their first conversation were met.
	if has(items, ricardo, func(actionlist.AgendaItem) bool { return true }) || stages[actionlist.CaseArrangement] != ricardo {
		t.Errorf("the arrangement is not quiet:\n%s", agendaText(items))
	}
	if has(items, kees, kind(actionlist.AgendaDeadlinePassed)) || has(items, sevgi, kind(actionlist.AgendaDeadlinePassed)) {
		t.Errorf("a clock ran out where none should:\n%s", agendaText(items))
	}
}

func crisisClock(c actionlist.Case) (actionlist.Deadline, bool) {
	for _, k := range actionlist.Deadlines(c) {
		if k.Kind == actionlist.DeadlineCrisis {
			return k, true
		}
	}
	return actionlist.Deadline{}, false
}

func agendaText(items []actionlist.AgendaItem) string {
	s := ""
	for _, it := range items {
		s += fmt.Sprintf("  %-8s %-16s days %3d %s%s\n", it.Name, it.Kind, it.Days, it.Deadline.Kind, it.Step.Key)
	}
	return s
}

// Leaving a case out of the demo leaves its part of the case list or the
// agenda empty, so the checks above notice.
func TestEveryDemoCaseIsNeeded(t *testing.T) {
	today := actionlist.DateOf(time.Now())
	all := Cases(actionlist.Dutch, today, counter())
	for i := range all {
		st, _ := replayAll(t, slices.Delete(slices.Clone(all), i, i+1))
		var failures tally
		checkDemo(&failures, st, today)
		if failures == 0 {
			t.Errorf("without %s's case the demo's agenda still passes every check", all[i].Case.Name)
		}
	}
}

// The cases are whole and valid, in both languages, their history runs
// forward and ends before today, and they hold nothing that looks real.
func TestDemoCasesAreValid(t *testing.T) {
	digits := regexp.MustCompile(`\d{9}`)
	phone := regexp.MustCompile(`^06-1234\d{4}$`)
	for _, lang := range actionlist.Langs {
		today := actionlist.DateOf(time.Now())
		exs := Cases(lang, today, counter())
		if len(exs) != 5 {
			t.Fatalf("%d demo cases, want 5", len(exs))
		}
		if got, want := exs[0], Case(lang, today, counter()); !reflect.DeepEqual(got, want) {
			t.Error("the first demo case is not Fatima's case as Case makes it")
		}
		names := map[string]bool{}
		for _, ex := range exs {
			c := ex.Case
			if names[c.Name] {
				t.Errorf("two cases of %s", c.Name)
			}
			names[c.Name] = true
			last := ex.Created
			for _, ch := range ex.Changes {
				if ch.At.Before(last) {
					t.Errorf("%s: a change at %v after one at %v", c.Name, ch.At, last)
				}
				last = ch.At
			}
			if !last.Before(today.Time(time.Local)) {
				t.Errorf("%s: history reaches %v, today or later", c.Name, last)
			}
			for _, p := range c.Participants {
				if p.Contact != "" && !phone.MatchString(p.Contact) {
					t.Errorf("%s: contact %q is not a made-up 06-1234 number", c.Name, p.Contact)
				}
			}
		}
		st, cases := replayAll(t, exs)
		if len(cases) != len(exs) {
			t.Fatalf("%d cases stored, want %d", len(cases), len(exs))
		}
		ctx := context.Background()
		for i, c := range cases {
			if err := c.Validate(); err != nil {
				t.Errorf("%s: %v", c.Name, err)
			}
			if c.Language != lang.Case() || c.Template != actionlist.DefaultTemplate(lang).ID {
				t.Errorf("%s: language %s, template %q", c.Name, c.Language, c.Template)
			}
			for _, s := range c.Steps {
				if err := s.Validate(); err != nil {
					t.Errorf("%s: step %s: %v", c.Name, s.Key, err)
				}
				if s.Why == "" || s.After == "" {
					t.Errorf("%s: step %s has no why or after", c.Name, s.Key)
				}
			}
			for _, a := range c.Agreements {
				if err := a.Validate(); err != nil {
					t.Errorf("%s: agreement: %v", c.Name, err)
				}
			}
			texts := storedTexts(actionlist.CaseColumns, actionlist.CaseValues(c))
			for _, s := range c.Steps {
				texts = append(texts, storedTexts(actionlist.StepColumns, actionlist.StepValues(s))...)
			}
			for _, a := range c.Agreements {
				texts = append(texts, storedTexts(actionlist.AgreementColumns, actionlist.AgreementValues(a))...)
			}
			for _, d := range c.Debts {
				texts = append(texts, storedTexts(actionlist.DebtColumns, actionlist.DebtValues(d))...)
			}
			for _, v := range texts {
				if digits.MatchString(v) || len(actionlist.FindBSN(v)) > 0 {
					t.Errorf("%s: %q holds nine digits in a row", c.Name, v)
				}
			}
			// Events counts what replaying records.
			ex := exs[slices.IndexFunc(exs, func(ex Example) bool { return ex.Case.Name == cases[i].Name })]
			evs, err := st.Events(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(evs)-1-len(ex.Case.Steps)-len(ex.Case.Agreements)-len(ex.Case.Debts), ex.Events(); got != want {
				t.Errorf("%s: %d events after creating it, Events says %d", c.Name, got, want)
			}
		}
	}
}

// The agenda reads the same from the store's narrow AgendaCases as from
// every case whole: the same items, in the same order, with the same
// titles (the narrow read leaves the notes out, which no item shows).
func TestDemoAgendaFromAgendaCases(t *testing.T) {
	today := actionlist.DateOf(time.Now())
	st, cases := replayAll(t, Cases(actionlist.English, today, counter()))
	narrow, err := st.AgendaCases(context.Background(), today.AddDays(week))
	if err != nil {
		t.Fatal(err)
	}
	a, b := actionlist.Agenda(cases, today, week), actionlist.Agenda(narrow, today, week)
	same := len(a) == len(b)
	for i := 0; same && i < len(a); i++ {
		x, y := a[i], b[i]
		same = x.Kind == y.Kind && x.CaseID == y.CaseID && x.Step.ID == y.Step.ID && x.Step.Title == y.Step.Title &&
			x.Deadline == y.Deadline && x.When == y.When && x.At.Equal(y.At) && x.Place == y.Place && x.With == y.With
	}
	if !same {
		t.Errorf("from all cases:\n%s\nfrom AgendaCases:\n%s", agendaText(a), agendaText(b))
	}
}

// storedTexts are the stored values of an entity but for the identities
// the store gives (which are random).
func storedTexts(columns, values []string) []string {
	var out []string
	for i, v := range values {
		if columns[i] != "id" && columns[i] != "depends_on" {
			out = append(out, v)
		}
	}
	return out
}
