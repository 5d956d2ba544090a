package casework

import (
	"context"
	"errors"
	"io"
	"time"

	"houvast/actionlist"
	"houvast/export"
)

// SummaryFormats are the formats of the resident's summary, the one to offer
// first (PDF, what a resident takes home) first.
func SummaryFormats() []export.Format {
	out := []export.Format{export.PDF}
	for _, f := range export.Formats {
		if f != export.PDF {
			out = append(out, f)
		}
	}
	return out
}

// SummaryRequest is one summary to write.
type SummaryRequest struct {
	Format   export.Format
	Path     string    // the file; "" writes to Out
	Out      io.Writer // standard output, when Path is ""
	AllowBSN bool      // the specialist checked that what looks like a BSN is none
	Lock     Lock      // encrypt, when set
	Pages    export.Pages
}

// WriteSummary writes the resident's progress summary of c: refused for a
// volunteer's copy (it holds only part of the case) and for a path that is
// the database or any other SQLite file; whole or not at all, private.
func (w *Work) WriteSummary(ctx context.Context, c actionlist.Case, r SummaryRequest) error {
	if err := CheckOutput(r.Path, w.Settings.DB, "summary"+r.Format.Ext()); err != nil {
		return err
	}
	if err := w.refuseCopy(ctx, c); err != nil {
		return err
	}
	// A broken team file is said by `houvast templates` and on the screens;
	// the summary uses the words that loaded.
	texts, _ := StepTexts(w.Settings)
	data, err := export.Options{AllowBSN: r.AllowBSN, Pages: r.Pages, Now: w.Now(), Texts: &texts}.Summary(c, r.Format, w.Today())
	if err != nil {
		return err
	}
	return w.deliver(r.Path, r.Out, "summary"+r.Format.Ext(), r.Lock, bytesOut(data))
}

// ScreenSummaries lets the screens write the resident's summary through the
// same use case as `houvast export summary`.
type ScreenSummaries struct{ W *Work }

// Formats lists the format names, PDF first.
func (s ScreenSummaries) Formats() []string {
	var out []string
	for _, f := range SummaryFormats() {
		out = append(out, string(f))
	}
	return out
}

// Write writes the summary of c to path; allPages adds the pages after the
// first. today is the screen's calendar, which tests fix.
func (s ScreenSummaries) Write(c actionlist.Case, format, path string, today actionlist.Date, allowBSN, allPages bool) error {
	f, err := export.ParseFormat(format)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	w := *s.W
	if w.Today() != today {
		w.Now = func() time.Time { return today.Time(time.Local) }
	}
	pages := export.FirstPage
	if allPages {
		pages = export.AllPages
	}
	return w.WriteSummary(ctx, c, SummaryRequest{Format: f, Path: path, AllowBSN: allowBSN, Pages: pages})
}

// Sentence says what went wrong, in a language.
func (ScreenSummaries) Sentence(err error, l actionlist.Lang) string { return Sentence(err, l) }

// LooksLikeBSN reports whether err is a refusal over a possible BSN.
func (ScreenSummaries) LooksLikeBSN(err error) bool {
	var be *export.BSNError
	return errors.As(err, &be)
}
