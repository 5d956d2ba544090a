package tui

import (
	"fmt"
	"strings"
	"testing"

	"houvast/actionlist"
	"houvast/internal/catalogtest"
)

// addTestSignals stores n open signals, the first a crisis.
func addTestSignals(f *fixture, n int) []actionlist.ArrearsSignal {
	f.t.Helper()
	var list []actionlist.ArrearsSignal
	for i := range n {
		list = append(list, actionlist.ArrearsSignal{
			Partner: actionlist.SignalKinds[i%len(actionlist.SignalKinds)], AmountCents: actionlist.Cents(1000 + i*100),
			Received: testToday.AddDays(-10 - i%60), Crisis: i == 0, Name: fmt.Sprintf("Bewoner %d", i),
			Address: fmt.Sprintf("Kerkstraat %d", i+1), Phone: "0612345678",
		})
	}
	if _, err := f.st.AddSignals(ctx, marieke, list); err != nil {
		f.t.Fatal(err)
	}
	return list
}

// Logging attempts as the advice says changes the advice; making a case of
// the signal carries its source over and starts the first conversation's
// clock.
func TestSignalsScreenAttemptsAndCase(t *testing.T) {
	for _, lang := range actionlist.Langs {
		t.Run(string(lang), func(t *testing.T) {
			f := newFixture(t, lang, 100, 30)
			addTestSignals(f, 3)
			st := signalTexts(lang)
			f.press("V")
			f.see(st.Title, "Bewoner 0", "Bewoner 2")
			if sel, _ := f.m.sig.selected(); !sel.Crisis {
				t.Fatalf("the crisis signal is not first: %+v", sel)
			}
			f.press("down") // Bewoner 2 has the larger amount of the other two
			sel, _ := f.m.sig.selected()
			advice := func() string {
				s, _ := f.m.sig.selected()
				return adviceText(actionlist.SuggestNext(s), st, lang)[:40]
			}
			first := advice()
			f.see(first)
			// Follow the advice: a call in the morning, not answered.
			f.press("a")
			f.press("enter", "enter", "enter", "enter", "enter")
			f.see(strings.Split(st.AttemptSaved, ":")[0])
			second := advice()
			if second == first {
				t.Errorf("the advice stayed %q after an unanswered call", first)
			}
			f.see(second) // on the screen, not only in the model
			f.press("a")
			f.press("enter", "enter", "enter", "enter", "enter")
			f.press("a")
			f.press("enter", "enter", "enter", "enter", "enter")
			stored, err := f.st.Signal(ctx, sel.ID)
			if err != nil || len(stored.Attempts) != 3 {
				t.Fatalf("attempts stored: %+v, %v", stored.Attempts, err)
			}
			if stored.Attempts[0].Part == stored.Attempts[1].Part {
				t.Errorf("the second call was advised at the same part of the day: %+v", stored.Attempts)
			}
			third := advice()
			if third == second {
				t.Errorf("the advice stayed %q", second)
			}
			f.see(third)

			// Make a case of it: the form comes filled in.
			f.press("c")
			if f.m.form == nil {
				t.Fatal("no form")
			}
			for range 30 {
				if f.m.form == nil {
					break
				}
				f.press("enter")
			}
			if f.m.screen != screenCase {
				t.Fatalf("not on the case: %d\n%s", f.m.screen, f.screen())
			}
			c := f.m.cs.c
			if c.Name != sel.Name || c.Source.Kind != actionlist.SourceEarlyWarning || c.Source.Signal != sel.Partner ||
				c.Source.SignalDate != sel.Received || c.RequestedOn != testToday || !c.FirstTalkOn.IsZero() {
				t.Errorf("the case from the signal: %+v %+v requested %v first talk %v", c.Name, c.Source, c.RequestedOn, c.FirstTalkOn)
			}
			f.see(actionlist.DeadlineLabel(actionlist.DeadlineFirstTalk, lang), fmt.Sprintf(strings.Split(st.SourceLine, ",")[0], actionlist.SignalLabel(sel.Partner, lang)))
			stored, _ = f.st.Signal(ctx, sel.ID)
			if stored.Outcome != actionlist.OutcomeAccepted || stored.CaseID != c.ID {
				t.Errorf("the signal after: %+v", stored)
			}
		})
	}
}

func TestSignalCatalogueIsComplete(t *testing.T) {
	catalogtest.Check(t, map[string]any{"nl": &signalDutch, "en": &signalEnglish})
}

// Another window's new signal and attempt show on the open signals screen
// at the next look for changes.
func TestSignalsScreenSeesAnotherWindow(t *testing.T) {
	f := newFixture(t, actionlist.Dutch, 100, 30)
	addTestSignals(f, 2)
	f.press("V")
	f.see("2 open")
	f.send(watchTickMsg{})
	f.see("2 open")
	if _, err := f.st.AddSignals(ctx, marieke, []actionlist.ArrearsSignal{{Partner: actionlist.SignalWater, Received: testToday, Name: "Nieuw", AmountCents: 5}}); err != nil {
		t.Fatal(err)
	}
	f.send(watchTickMsg{})
	f.see("3 open", "Nieuw")
	sel, _ := f.m.sig.selected()
	if _, err := f.st.AddAttempt(ctx, marieke, sel.ID, actionlist.Attempt{Kind: actionlist.AttemptVisit, Part: actionlist.PartEvening, On: testToday}, testToday); err != nil {
		t.Fatal(err)
	}
	f.send(watchTickMsg{})
	f.see("1 · huisbezoek avond")
}

// goldenSignals stores signals with attempts for the signals screen's
// golden files.
func goldenSignals(f *fixture) {
	list := addTestSignals(f, 4)
	open, err := f.st.OpenSignals(ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	for _, sg := range open {
		if sg.Name != list[3].Name {
			continue
		}
		for i, p := range []actionlist.DayPart{actionlist.PartMorning, actionlist.PartAfternoon} {
			a := actionlist.Attempt{Kind: actionlist.AttemptPhone, Part: p, On: testToday.AddDays(i - 2), Note: "Voicemail ingesproken."}
			if _, err := f.st.AddAttempt(ctx, marieke, sg.ID, a, testToday); err != nil {
				f.t.Fatal(err)
			}
		}
	}
}

// A number that looks like a BSN in an attempt's note is refused in the
// form, and nothing is saved.
func TestAttemptNoteRefusesABSN(t *testing.T) {
	f := newFixture(t, actionlist.English, 100, 30)
	addTestSignals(f, 1)
	f.press("V", "a", "enter", "enter", "enter", "enter")
	f.typeText("bsn 111222333")
	f.press("enter")
	f.see(signalTexts(actionlist.English).NoBSN[:30])
	if f.m.form == nil {
		t.Fatal("the form closed")
	}
	all, _ := f.st.AllSignals(ctx)
	if len(all[0].Attempts) != 0 {
		t.Errorf("saved: %+v", all[0].Attempts)
	}
}

// q on the signals screen goes back to the case list, as on every screen
// under it; it never closes Houvast.
func TestQOnTheSignalsScreenGoesBack(t *testing.T) {
	f := newFixture(t, actionlist.Dutch, 100, 30)
	addTestSignals(f, 2)
	for _, k := range []string{"q", "esc"} {
		f.press("V")
		f.see("2 open")
		f.press(k)
		if f.quit || f.m.screen != screenList {
			t.Fatalf("%s on the signals screen: quit %v, screen %d", k, f.quit, f.m.screen)
		}
	}
}

// A list of signals longer than the window says how many are above and
// below it.
func TestSignalsListSaysWhatIsOutOfView(t *testing.T) {
	f := newFixture(t, actionlist.Dutch, 80, 24)
	addTestSignals(f, 40)
	f.press("V")
	f.see("↓ nog")
	for range 20 {
		f.press("down")
	}
	f.see("↑ nog", "↓ nog")
}
