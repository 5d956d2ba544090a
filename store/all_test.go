package store

import (
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"houvast/actionlist"
)

// freshCase is sampleCase with its own IDs, so a test can store several.
func freshCase(n string) actionlist.Case {
	c := sampleCase()
	for i := range c.Steps {
		c.Steps[i].ID += "-" + n
		for j := range c.Steps[i].DependsOn {
			c.Steps[i].DependsOn[j] += "-" + n
		}
	}
	for i := range c.Agreements {
		c.Agreements[i].ID += "-" + n
	}
	return c
}

func caseEvents(t *testing.T, s *Store, id string, since int) []eventKey {
	t.Helper()
	evs, err := s.Events(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	got := eventKeys(evs[:len(evs)-since])
	slices.Reverse(got)
	return got
}

func TestMoveToAftercareIsSavedInOneGo(t *testing.T) {
	s, _ := openTemp(t)
	before := mustCreate(t, s)
	on := actionlist.MustDate("2026-11-23")
	after, err := actionlist.MoveToAftercare(before, on, actionlist.AftercarePlan{By: "Ahmed"}, NewID)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := s.SaveCase(ctx, specialist, before, after)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Status != actionlist.CaseAftercare || saved.Stabilised != on || len(saved.Steps) != len(before.Steps)+4 {
		t.Fatalf("saved: status %s, stabilised %s, %d steps", saved.Status, saved.Stabilised, len(saved.Steps))
	}
	reread, err := s.Case(ctx, before.ID)
	if err != nil || !reflect.DeepEqual(reread, saved) {
		t.Errorf("what SaveCase returns is not what is stored: %v", err)
	}
	got := caseEvents(t, s, before.ID, 5)
	want := []eventKey{
		{actionlist.EntityCase, before.ID, actionlist.ActionChanged, "status"},
		{actionlist.EntityCase, before.ID, actionlist.ActionChanged, "stabilised_on"},
	}
	for _, st := range saved.Steps {
		if st.Key == actionlist.KeyEvaluation || actionlist.IsCheckIn(st) {
			want = append(want, eventKey{actionlist.EntityStep, st.ID, actionlist.ActionCreated, ""})
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("events\n got %v\nwant %v", got, want)
	}
	// Nothing changed: nothing saved, no event.
	if _, err := s.SaveCase(ctx, specialist, saved, saved); err != nil {
		t.Fatal(err)
	}
	if n := len(caseEvents(t, s, before.ID, 0)); n != 5+len(want) {
		t.Errorf("an empty save wrote events: %d", n)
	}
}

func TestSaveCaseConflictSavesNothing(t *testing.T) {
	s, _ := openTemp(t)
	before := mustCreate(t, s)
	// Another window closes the case meanwhile.
	closed := actionlist.Close(before, actionlist.CloseMoved, today)
	if _, err := s.UpdateCase(ctx, volunteer, before, closed); err != nil {
		t.Fatal(err)
	}
	seq, _ := s.CaseSeq(ctx, before.ID)
	after, err := actionlist.MoveToAftercare(before, today, actionlist.AftercarePlan{}, NewID)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.SaveCase(ctx, specialist, before, after)
	var ce *ConflictError
	if !errors.As(err, &ce) || ce.Conflicts[0].Field != "status" {
		t.Fatalf("err = %v, want a conflict on status", err)
	}
	now, _ := s.Case(ctx, before.ID)
	if seq2, _ := s.CaseSeq(ctx, before.ID); seq2 != seq || len(now.Steps) != len(before.Steps) || now.Status != actionlist.CaseClosed {
		t.Errorf("a refused save left traces: seq %d→%d, %d steps, status %s", seq, seq2, len(now.Steps), now.Status)
	}

	// A save that would drop a step or change an agreement is refused too.
	fresh, err := s.CreateCase(ctx, specialist, freshCase("2"))
	if err != nil {
		t.Fatal(err)
	}
	dropped := fresh
	dropped.Steps = fresh.Steps[1:]
	dropped.Dose = 6
	if _, err := s.SaveCase(ctx, specialist, fresh, dropped); err == nil {
		t.Error("SaveCase deleted a step")
	}
	other := fresh
	other.Agreements = []actionlist.Agreement{{ID: "a1-2", Date: today, Who: "X", What: "changed"}}
	other.Dose = 6
	if _, err := s.SaveCase(ctx, specialist, fresh, other); err == nil {
		t.Error("SaveCase changed an agreement")
	}
	if got, _ := s.Case(ctx, fresh.ID); got.Dose != fresh.Dose {
		t.Error("a refused save changed the dose")
	}
}

func TestScreeningDecisionSignalAndOutcomeAreEvents(t *testing.T) {
	s, _ := openTemp(t)
	c := mustCreate(t, s)
	answers := actionlist.Answers{}
	for _, q := range actionlist.Questions(actionlist.Dutch) {
		answers[q.ID] = 1
	}
	screened, err := actionlist.RecordScreening(c, answers, today)
	if err != nil {
		t.Fatal(err)
	}
	if c, err = s.UpdateCase(ctx, specialist, c, screened); err != nil {
		t.Fatal(err)
	}
	overridden, err := actionlist.OverrideAdvice(c, 4, "Fatima wil drie stappen; haar zus helpt.", today)
	if err != nil {
		t.Fatal(err)
	}
	if c, err = s.UpdateCase(ctx, specialist, c, overridden); err != nil {
		t.Fatal(err)
	}
	if c.Decision == nil || c.Decision.Reason != "Fatima wil drie stappen; haar zus helpt." || c.Decision.Advised != 2 || c.Screening.Profile != (actionlist.Profile{Motivation: actionlist.LevelLow, Skills: actionlist.LevelLow}) {
		t.Fatalf("stored decision %+v, screening %+v", c.Decision, c.Screening)
	}
	full, _ := s.Case(ctx, c.ID)
	moved, err := actionlist.MoveToAftercare(full, today, actionlist.AftercarePlan{}, NewID)
	if err != nil {
		t.Fatal(err)
	}
	if full, err = s.SaveCase(ctx, specialist, full, moved); err != nil {
		t.Fatal(err)
	}
	n := len(caseEvents(t, s, c.ID, 0))
	signalled, err := actionlist.RecordSignal(full, actionlist.SignalWater, today, today, NewID)
	if err != nil {
		t.Fatal(err)
	}
	if full, err = s.SaveCase(ctx, specialist, full, signalled); err != nil {
		t.Fatal(err)
	}
	added := full.Steps[len(full.Steps)-1]
	withOutcome, err := actionlist.SetOutcome(added, "Betalingsregeling met het waterbedrijf.")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateStep(ctx, specialist, added, withOutcome); err != nil {
		t.Fatal(err)
	}

	evs, _ := s.Events(ctx, c.ID)
	byField := map[string]actionlist.Event{}
	for _, e := range evs {
		if e.Action == actionlist.ActionChanged {
			if _, seen := byField[e.Field]; !seen {
				byField[e.Field] = e
			}
		}
	}
	for _, f := range []string{"profile", "profile_decision", "dose", "signals", "outcome"} {
		if e, ok := byField[f]; !ok || e.New == "" || e.Actor != specialist {
			t.Errorf("no change event for %s: %+v", f, e)
		}
	}
	if e := byField["profile_decision"]; !strings.Contains(e.New, "haar zus helpt") || e.Old != "" {
		t.Errorf("decision event %+v", e)
	}
	if got := caseEvents(t, s, c.ID, n); len(got) != 3 || got[0].field != "signals" || got[1].action != actionlist.ActionCreated || got[2].field != "outcome" {
		t.Errorf("events of the signal and the outcome: %v", got)
	}
	final, _ := s.Case(ctx, c.ID)
	if len(final.Signals) != 1 || final.Steps[len(final.Steps)-1].Outcome != "Betalingsregeling met het waterbedrijf." {
		t.Errorf("final: signals %v", final.Signals)
	}
	if rep, err := s.Check(ctx); err != nil || !rep.Sound() {
		t.Errorf("check: %v %+v", err, rep)
	}
}

func TestClosingWithoutAReasonIsRefused(t *testing.T) {
	s, _ := openTemp(t)
	c := mustCreate(t, s)
	if _, err := s.UpdateCase(ctx, specialist, c, actionlist.Close(c, actionlist.CloseNone, today)); err == nil {
		t.Fatal("a case was closed without a reason")
	}
	if got, _ := s.Case(ctx, c.ID); got.Status == actionlist.CaseClosed {
		t.Fatal("the refused close was saved")
	}
	closed, err := s.UpdateCase(ctx, specialist, c, actionlist.Close(c, actionlist.CloseWithdrew, today))
	if err != nil || closed.CloseReason != actionlist.CloseWithdrew {
		t.Fatalf("close with a reason: %v", err)
	}
	newClosed := sampleCase()
	newClosed.Status = actionlist.CaseClosed
	if _, err := s.CreateCase(ctx, specialist, newClosed); err == nil {
		t.Error("a closed case without a reason was created")
	}
}

// A database of schema 1 gains the new columns; a case it closed without a
// reason gets "other", so it stays valid and can still be changed.
func TestMigrationToSchema2(t *testing.T) {
	saved := migrations
	t.Cleanup(func() { migrations = saved })
	migrations = saved[:1]
	path := filepath.Join(t.TempDir(), "v1.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO cases (id, ref, name, status, language, dose, closed_on, created, updated)
			VALUES ('c1', '2025-001', 'Kees', 'closed', 'nl', 3, '2025-05-01', '2025-01-01T00:00:00Z', '2025-05-01T00:00:00Z')`,
		`INSERT INTO cases (id, ref, name, status, language, dose, close_reason, closed_on, created, updated)
			VALUES ('c2', '2025-002', 'Noor', 'closed', 'nl', 3, 'moved', '2025-06-01', '2025-01-01T00:00:00Z', '2025-06-01T00:00:00Z')`,
		`INSERT INTO steps (id, case_id, phase, "order", title, owner, status) VALUES ('s1', 'c1', 'crisis', 0, 'Bel de verhuurder', 'specialist', 'open')`,
	} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	migrations = saved
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, err := s.AllCases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].CloseReason != actionlist.CloseOther || all[1].CloseReason != actionlist.CloseMoved {
		t.Fatalf("after migration: %+v", all)
	}
	if all[0].Screening != nil || !all[0].Stabilised.IsZero() || all[0].Steps[0].Outcome != "" {
		t.Errorf("new fields are not empty: %+v", all[0])
	}
	renamed := all[0]
	renamed.Name = "Kees B."
	if _, err := s.UpdateCase(ctx, specialist, all[0], renamed); err != nil {
		t.Errorf("the old closed case cannot be changed: %v", err)
	}
	if rep, err := s.Check(ctx); err != nil || !rep.Sound() {
		t.Errorf("check after migration: %v %+v", err, rep)
	}
}

func TestAllCasesReadsWhatCaseReads(t *testing.T) {
	s, _ := openTemp(t)
	var ids []string
	for _, n := range []string{"1", "2", "3"} {
		c, err := s.CreateCase(ctx, specialist, freshCase(n))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	empty, err := s.CreateCase(ctx, specialist, actionlist.Case{Name: "Kees", Status: actionlist.CaseIntake, Language: actionlist.CaseEnglish, Dose: 2})
	if err != nil {
		t.Fatal(err)
	}
	ids = append(ids, empty.ID)
	all, err := s.AllCases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 4 {
		t.Fatalf("%d cases", len(all))
	}
	// None and an empty list are the same here.
	normal := func(c actionlist.Case) actionlist.Case {
		if len(c.Steps) == 0 {
			c.Steps = nil
		}
		if len(c.Agreements) == 0 {
			c.Agreements = nil
		}
		return c
	}
	for i, c := range all {
		one, err := s.Case(ctx, ids[i])
		if err != nil || !reflect.DeepEqual(normal(c), normal(one)) {
			t.Errorf("case %d differs from Case:\n all %+v\n one %+v", i, c, one)
		}
	}
	if len(all[3].Steps) != 0 || len(all[3].Agreements) != 0 {
		t.Errorf("an empty case got steps or agreements: %+v", all[3])
	}
}
