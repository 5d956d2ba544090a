package tui

import (
	"errors"
	"path/filepath"
	"testing"

	"houvast/actionlist"
)

// fakeSummaries records what the screen asks to write; it refuses once
// over a possible BSN when told to.
type fakeSummaries struct {
	refuseBSN bool
	format    string
	path      string
	allowed   bool
	allPages  bool
	writes    int
}

var errFakeBSN = errors.New("looks like a BSN")

func (f *fakeSummaries) Formats() []string { return []string{"pdf", "html", "md", "txt", "ics"} }

func (f *fakeSummaries) Write(c actionlist.Case, format, path string, today actionlist.Date, allowBSN, allPages bool) error {
	if f.refuseBSN && !allowBSN {
		return errFakeBSN
	}
	f.format, f.path, f.allowed, f.allPages = format, path, allowBSN, allPages
	f.writes++
	return nil
}

func (f *fakeSummaries) Sentence(err error, l actionlist.Lang) string {
	if errors.Is(err, errFakeBSN) {
		return "er staat iets in dat op een BSN lijkt"
	}
	return ""
}

func (f *fakeSummaries) LooksLikeBSN(err error) bool { return errors.Is(err, errFakeBSN) }

func TestSummaryKeyWritesTheResidentsSummary(t *testing.T) {
	f := nl(t)
	sum := &fakeSummaries{refuseBSN: true}
	f.m.o.Summaries, f.m.o.ExportDir = sum, t.TempDir()
	f.openCase()
	f.press("X")
	f.see("Overzicht voor de inwoner", "PDF (om te printen)")
	f.press("down", "enter") // HTML
	f.press("enter")         // the default path
	f.see("Eén bladzijde", "Alle bladzijden")
	f.press("down", "enter") // all pages
	// Refused over a possible BSN: the form comes back and asks.
	f.see("op een BSN lijkt", "geen BSN. Toch schrijven?")
	if sum.writes != 0 {
		t.Fatal("written despite the refusal")
	}
	f.press("enter", "enter", "enter") // keep the format, the path and the pages
	f.press("left", "enter")           // yes, checked
	if sum.writes != 1 || !sum.allowed || sum.format != "html" || !sum.allPages {
		t.Fatalf("write: %+v", sum)
	}
	want := filepath.Join(f.m.o.ExportDir, "houvast-fatima-2026-11-23.html")
	if sum.path != want {
		t.Errorf("path %q, want %q", sum.path, want)
	}
	f.see("Overzicht geschreven")
}
