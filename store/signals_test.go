package store

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"houvast/actionlist"
)

func testSignal(name string, partner actionlist.SignalKind, received string) actionlist.ArrearsSignal {
	return actionlist.ArrearsSignal{Partner: partner, AmountCents: 25000, Received: actionlist.MustDate(received),
		Name: name, Address: "Kerkstraat 1", Phone: "0612345678"}
}

func TestSignalsStoredOnceAndWhole(t *testing.T) {
	s, _ := openTemp(t)
	first := []actionlist.ArrearsSignal{
		testSignal("Kees", actionlist.SignalEnergy, "2026-11-20"),
		testSignal("Anouk", actionlist.SignalWater, "2026-11-21"),
		testSignal("KEES ", actionlist.SignalEnergy, "2026-11-20"), // the same person, written otherwise
	}
	got, err := s.AddSignals(ctx, specialist, first)
	if err != nil || got != (SignalsAdded{Added: 2, Doubles: 1}) {
		t.Fatalf("AddSignals: %+v, %v", got, err)
	}
	got, err = s.AddSignals(ctx, specialist, first[:2])
	if err != nil || got != (SignalsAdded{Added: 0, Doubles: 2}) {
		t.Fatalf("the same signals again: %+v, %v", got, err)
	}
	// A bad signal among good ones: none lands.
	bad := testSignal("Jan", actionlist.SignalWater, "2026-11-22")
	bad.Address = "111222333"
	if _, err := s.AddSignals(ctx, specialist, []actionlist.ArrearsSignal{testSignal("Noor", actionlist.SignalWater, "2026-11-22"), bad}); err == nil {
		t.Fatal("a signal with a BSN was stored")
	}
	open, err := s.OpenSignals(ctx)
	if err != nil || len(open) != 2 {
		t.Fatalf("OpenSignals: %d, %v", len(open), err)
	}
}

func TestSignalAttemptsAcceptAndErase(t *testing.T) {
	s, path := openTemp(t)
	today := actionlist.MustDate("2026-11-30")
	if _, err := s.AddSignals(ctx, specialist, []actionlist.ArrearsSignal{
		testSignal("Kees", actionlist.SignalEnergy, "2026-11-20"),
		testSignal("Wilhelmina", actionlist.SignalWater, "2026-03-01"),
	}); err != nil {
		t.Fatal(err)
	}
	open, _ := s.OpenSignals(ctx)
	var kees, old actionlist.ArrearsSignal
	for _, sg := range open {
		if sg.Name == "Kees" {
			kees = sg
		} else {
			old = sg
		}
	}
	for _, p := range []actionlist.DayPart{actionlist.PartMorning, actionlist.PartAfternoon} {
		if _, err := s.AddAttempt(ctx, specialist, kees.ID, actionlist.Attempt{Kind: actionlist.AttemptPhone, Part: p, On: today}, today); err != nil {
			t.Fatal(err)
		}
	}
	kees, err := s.Signal(ctx, kees.ID)
	if err != nil || len(kees.Attempts) != 2 || kees.Attempts[1].Part != actionlist.PartAfternoon {
		t.Fatalf("attempts: %+v, %v", kees.Attempts, err)
	}
	spec, _ := actionlist.AcceptSignal(kees, today)
	spec.Template = actionlist.DefaultTemplate(actionlist.Dutch)
	c, err := s.AcceptSignal(ctx, specialist, kees.ID, actionlist.NewCase(spec, NewID), today)
	if err != nil {
		t.Fatal(err)
	}
	stored, _ := s.Case(ctx, c.ID)
	if stored.Source.Kind != actionlist.SourceEarlyWarning || stored.Source.Signal != actionlist.SignalEnergy || stored.RequestedOn != today {
		t.Errorf("the case from the signal: %+v", stored.Source)
	}
	if _, err := s.AcceptSignal(ctx, specialist, kees.ID, actionlist.NewCase(spec, NewID), today); !errors.Is(err, ErrSignalClosed) {
		t.Errorf("a signal accepted twice: %v", err)
	}
	if _, err := s.AddAttempt(ctx, specialist, kees.ID, actionlist.Attempt{Kind: actionlist.AttemptPhone, Part: actionlist.PartMorning, On: today}, today); !errors.Is(err, ErrSignalClosed) {
		t.Errorf("an attempt on an accepted signal: %v", err)
	}

	due, err := s.SignalsDueForErasure(ctx, today, 6)
	if err != nil || len(due) != 1 || due[0].ID != old.ID {
		t.Fatalf("due for erasure: %+v, %v", due, err)
	}
	if err := s.EraseSignals(ctx, []string{old.ID, kees.ID}); err != nil {
		t.Fatal(err)
	}
	all, _ := s.AllSignals(ctx)
	if len(all) != 1 || all[0].ID != kees.ID {
		t.Fatalf("after erasing: %+v", all)
	}
	// The accepted signal goes with its case.
	closed := actionlist.Close(stored, actionlist.CloseFinished, today)
	if _, err := s.UpdateCase(ctx, specialist, stored, closed); err != nil {
		t.Fatal(err)
	}
	if err := s.EraseCase(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if all, _ := s.AllSignals(ctx); len(all) != 0 {
		t.Errorf("the erased case's signal is left: %+v", all)
	}
	s.Close()
	raw, _ := os.ReadFile(path)
	if bytes.Contains(raw, []byte("Wilhelmina")) {
		t.Error("the erased signal's name is still in the file")
	}
}
