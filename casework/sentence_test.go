package casework

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"houvast/actionlist"
	"houvast/internal/catalogtest"
	"houvast/store"
)

func TestCatalogueIsComplete(t *testing.T) {
	catalogtest.Check(t, map[string]any{"nl": &dutch, "en": &english})
}

// Every refusal, every output problem and every error of the store that a
// front-end can meet has a sentence in both languages, naming what it is
// about.
func TestEveryErrorHasASentence(t *testing.T) {
	var errs []error
	for k := NoCase; k <= BadStatus; k++ {
		errs = append(errs, &Refusal{Kind: k, Ref: "2026-001", LocalRef: "2026-007", Name: "Fatima", Path: "x.db", Count: 3, Err: errors.New("no such file")})
	}
	for p := OutputIsDatabase; p <= OutputFailed; p++ {
		errs = append(errs, &OutputError{Path: "x.db", Problem: p, Example: "x.db/summary.pdf", Err: errors.New("no room")})
	}
	for _, e := range []error{store.ErrNotHouvast, store.ErrEmptyFile, store.ErrTruncated, store.ErrDamaged, store.ErrNewerSchema, store.ErrNoDatabase} {
		errs = append(errs, &DatabaseError{Path: "x.db", Err: fmt.Errorf("open: %w", e)})
	}
	errs = append(errs,
		fmt.Errorf("save: %w", store.ErrBusy), fmt.Errorf("save: %w", store.ErrReplaced),
		fmt.Errorf("save: %w", store.ErrDamaged), context.DeadlineExceeded,
		&store.ConflictError{Conflicts: []actionlist.Conflict{{Field: "internal_note"}}},
		&actionlist.LimitError{Field: "title", Limit: 160, Got: 5000},
		&SettingError{Name: "--lang", Value: "fr"}, &SettingError{Name: EnvLang, Value: "fr"},
		&SettingError{Name: "--role", Value: "baas"}, &SettingError{Name: EnvRetention, Value: "x"}, &SettingError{Name: EnvStart, Value: "x"},
		&RestoreError{DB: "x.db", Src: "b.db", Err: &store.FileError{Path: "b.db", Err: store.ErrDamaged}},
		&RestoreError{DB: "x.db", Src: "b.db", Err: &store.FileError{Path: "x.db", Err: store.ErrInUse}},
	)
	for _, err := range errs {
		for _, l := range actionlist.Langs {
			s := Sentence(err, l)
			if s == "" {
				t.Errorf("%s: no sentence for %v", l, err)
				continue
			}
			if strings.Contains(s, "%!") {
				t.Errorf("%s: a broken sentence for %v: %s", l, err, s)
			}
		}
	}
	if Sentence(errors.New("something else"), actionlist.Dutch) != "" {
		t.Error("a sentence for an error nobody wrote one for")
	}
}

// A sentence never carries a terminal escape from a file name or a typed
// reference into the terminal.
func TestSentencesAreClean(t *testing.T) {
	s := Sentence(&Refusal{Kind: NoCase, Ref: "2026\x1b[2J-001"}, actionlist.English)
	if strings.ContainsRune(s, 0x1b) {
		t.Errorf("escape in %q", s)
	}
	if !strings.Contains(Sentence(&DatabaseError{Path: "missing.db", Err: store.ErrNoDatabase}, actionlist.English), "houvast --db missing.db") {
		t.Error("a missing database does not say how to start one")
	}
}

func TestDebtSentences(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("debt: %w", &actionlist.LimitError{Field: "creditor", Limit: 120, Got: 5000}), "schuldeiser is te lang"},
		{fmt.Errorf("debt: %w", &actionlist.AmountError{Problem: actionlist.AmountNegative}), "nooit negatief"},
		{&actionlist.AmountError{Problem: actionlist.AmountTooLarge}, "€ 10.000.000"},
	} {
		if got := Sentence(tc.err, actionlist.Dutch); !strings.Contains(got, tc.want) {
			t.Errorf("Sentence(%v) = %q, want %q in it", tc.err, got, tc.want)
		}
	}
}

// A file's name is said as it was given: a number in it that passes the
// BSN check (a test's temporary folder has one now and then) is no
// resident's and is not masked, or the user could not see which file is
// meant. A case's name in the same kind of sentence still is.
func TestSentenceSaysAPathWhole(t *testing.T) {
	const dir = "/tmp/TestExport111222333/001"
	for _, err := range []error{
		&OutputError{Path: dir, Problem: OutputIsFolder, Example: dir + "/summary.pdf"},
		&DatabaseError{Path: dir + "/houvast.db", Err: store.ErrNotHouvast},
		&RestoreError{DB: dir + "/houvast.db", Src: dir + "/copy.db", Err: errors.New("unreadable")},
		&Refusal{Kind: BackupExists, Path: dir + "/copy.db"},
	} {
		for _, l := range []actionlist.Lang{actionlist.Dutch, actionlist.English} {
			if got := Sentence(err, l); !strings.Contains(got, dir) {
				t.Errorf("%T in %s: %q does not name %s", err, l, got, dir)
			}
		}
	}
	name := &Refusal{Kind: CaseExists, Ref: "111222333", LocalRef: "2026-001"}
	if got := Sentence(name, actionlist.English); strings.Contains(got, "111222333") {
		t.Errorf("a reference that looks like a BSN is said in full: %q", got)
	}
}
