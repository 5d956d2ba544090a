package actionlist

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestReferralStepForEveryArea(t *testing.T) {
	today := MustDate("2026-03-02")
	c := bareCase(Dutch, Participant{Name: "Marieke", Role: RoleGeneralist})
	c.Steps = append(c.Steps, step("o", PhaseOtherHelp, 4))
	titles := map[string]bool{}
	for _, a := range Areas {
		for _, l := range Langs {
			c.Language = l.Case()
			s, err := ReferralStep(c, a, today)
			if err != nil {
				t.Fatalf("%s/%s: %v", a, l, err)
			}
			if s.Phase != PhaseOtherHelp || s.Owner != RoleGeneralist || s.OwnerName != "Marieke" ||
				s.Order != 5 || s.Status != StepOpen || s.Due != MustDate("2026-03-16") || s.ID != "" {
				t.Errorf("%s/%s: %+v", a, l, s)
			}
			if err := s.Validate(); err != nil {
				t.Errorf("%s/%s: %v", a, l, err)
			}
			if got, ok := ReferralArea(s); !ok || got != a {
				t.Errorf("%s: area read back as %q %v", a, got, ok)
			}
			handover := map[Lang]string{Dutch: "warme overdracht", English: "warm handover"}[l]
			if !strings.Contains(s.After, handover) {
				t.Errorf("%s/%s: expectation %q does not promise a %s", a, l, s.After, handover)
			}
			if titles[s.Title] {
				t.Errorf("title %q twice", s.Title)
			}
			titles[s.Title] = true
			if AreaLabel(a, l) == string(a) && a != AreaWork {
				t.Errorf("%s has no %s label", a, l)
			}
		}
	}
	c.Language = CaseDutch
	if s, _ := ReferralStep(c, AreaGP, today); s.Title != "Maak samen met de generalist een eerste afspraak bij je huisarts" {
		t.Errorf("Dutch title %q", s.Title)
	}
	c.Language = CaseEnglish
	if s, _ := ReferralStep(c, AreaAddiction, today); s.Title != "Make a first appointment with addiction care, together with the generalist" {
		t.Errorf("English title %q", s.Title)
	}
	if _, err := ReferralStep(c, "dentist", today); err == nil {
		t.Error("an unknown area was accepted")
	}
	for _, key := range []string{"", "referral-", "referral-dentist", "other-referral", "gp"} {
		if _, ok := ReferralArea(Step{Key: key}); ok {
			t.Errorf("key %q read as a referral", key)
		}
	}
}

func TestOutcome(t *testing.T) {
	s := step("r", PhaseOtherHelp, 0)
	got, err := SetOutcome(s, "  Intake bij de ggz op 3 maart.\x1b[31m\nWachtlijst zes weken. ")
	if err != nil || got.Outcome != "Intake bij de ggz op 3 maart.[31m\nWachtlijst zes weken." {
		t.Errorf("outcome %q, %v", got.Outcome, err)
	}
	_, err = SetOutcome(s, strings.Repeat("é", MaxText+1))
	var le *LimitError
	if !errors.As(err, &le) || le.Field != "outcome" || le.Limit != MaxText {
		t.Errorf("overlong outcome: %v", err)
	}
	long := s
	long.Outcome = strings.Repeat("x", MaxText+1)
	if err := long.Validate(); !errors.As(err, &le) || le.Field != "outcome" {
		t.Errorf("Validate of an overlong outcome: %v", err)
	}
	// The outcome is stored, evented and merged like every other field.
	if !slices.Contains(StepColumns, "outcome") {
		t.Fatal("outcome is not a stored step column")
	}
	back, err := StepFromValues(StepValues(got))
	if err != nil || !reflect.DeepEqual(back, got) {
		t.Errorf("round trip %+v, %v", back, err)
	}
	ch := StepChanges(s, got)
	if len(ch) != 1 || ch[0].Field != "outcome" || ch[0].New != got.Outcome {
		t.Errorf("changes %+v", ch)
	}
}
