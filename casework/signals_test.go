package casework

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"houvast/actionlist"
	"houvast/internal/catalogtest"
	"houvast/store"
)

func TestSignalCatalogueIsComplete(t *testing.T) {
	catalogtest.Check(t, map[string]any{"nl": &signalDutch, "en": &signalEnglish})
}

func TestSignalRetentionSetting(t *testing.T) {
	env := map[string]string{}
	get := func(k string) string { return env[k] }
	s, err := Resolve(Flags{DB: "x.db"}, get)
	if err != nil || s.SignalRetentionMonths != store.DefaultSignalRetentionMonths {
		t.Fatalf("default: %d, %v", s.SignalRetentionMonths, err)
	}
	env[EnvSignalRetention] = "3"
	if s, _ := Resolve(Flags{DB: "x.db"}, get); s.SignalRetentionMonths != 3 {
		t.Errorf("from the environment: %d", s.SignalRetentionMonths)
	}
	env[EnvSignalRetention] = "een jaar"
	_, err = Resolve(Flags{DB: "x.db"}, get)
	var se *SettingError
	if !errors.As(err, &se) || se.Name != EnvSignalRetention || Sentence(err, actionlist.English) == "" {
		t.Errorf("a bad value: %v", err)
	}
}

func signalWork(t *testing.T) *Work {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "h.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	now := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	return &Work{Store: s, Settings: Settings{Lang: actionlist.Dutch, Name: "Marieke", SignalRetentionMonths: 6}, Now: func() time.Time { return now }}
}

// dump is every signal as stored, to compare before and after a refusal.
func dump(t *testing.T, w *Work) string {
	t.Helper()
	all, err := w.Store.AllSignals(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%+v", all)
}

func TestImportSignalsWholeOrNothing(t *testing.T) {
	ctx := context.Background()
	w := signalWork(t)
	dir := t.TempDir()
	file := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := file("good.csv", "partner,amount,date,name,address,phone\nenergie,120,2026-11-20,Kees,Kerkstraat 1,0612345678\n")
	if got, err := w.ImportSignals(ctx, good, nil); err != nil || got != (SignalImport{Read: 1, Added: 1}) {
		t.Fatalf("good file: %+v, %v", got, err)
	}
	if got, err := w.ImportSignals(ctx, good, nil); err != nil || got != (SignalImport{Read: 1, Doubles: 1}) {
		t.Fatalf("the same file again: %+v, %v", got, err)
	}
	before := dump(t, w)

	huge := filepath.Join(dir, "huge.csv")
	f, _ := os.Create(huge)
	f.Truncate(100 << 20) // 100 MB, sparse
	f.Close()
	for _, tc := range []struct {
		name, path string
		says       []string // in the sentence or the row sentences, in English
	}{
		{"0 bytes", file("empty.csv", ""), []string{"is empty"}},
		{"100 MB", huge, []string{"100 MB", "at most 20 MB"}},
		{"wrong columns", file("cols.csv", "who,what\nKees,12\n"), []string{`no column "partner", "amount", "date", "name"`, `"who", "what"`}},
		{"a date in a wrong form", file("date.csv", "partner,amount,date,name\nwater,10,2026-11-20,Anouk\nwater,10,20 nov,Jan\n"), []string{`row 3, column "date": "20 nov" is not a date`}},
		{"an amount that is no number", file("amount.csv", "partner,amount,date,name\nwater,tien,2026-11-20,Anouk\n"), []string{`row 2, column "amount": "tien" is not an amount`}},
		{"a BSN in a column", file("bsn.csv", "partner,amount,date,name,address\nwater,10,2026-11-20,Anouk,111222333\n"), []string{`row 2, column "address": holds a number that looks like a BSN (******333)`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := w.ImportSignals(ctx, tc.path, nil)
			if err == nil {
				t.Fatal("accepted")
			}
			said := Sentence(err, actionlist.English) + "\n" + strings.Join(SignalRowSentences(err, actionlist.English), "\n")
			for _, s := range tc.says {
				if !strings.Contains(said, s) {
					t.Errorf("%q does not say %q", said, s)
				}
			}
			if strings.Contains(said, "111222333") {
				t.Errorf("the BSN is said whole: %s", said)
			}
			if Sentence(err, actionlist.Dutch) == "" {
				t.Error("no Dutch sentence")
			}
			if after := dump(t, w); after != before {
				t.Errorf("the database changed:\n%s\n%s", before, after)
			}
		})
	}
}

// Every error about signals has a sentence in both languages, and every
// row problem one of its own.
func TestEverySignalErrorHasASentence(t *testing.T) {
	rows := &SignalRowsError{Path: "s.csv", BadRows: 80}
	for _, p := range []actionlist.RowProblem{actionlist.ProblemMissing, actionlist.ProblemDate, actionlist.ProblemFuture, actionlist.ProblemAmount,
		actionlist.ProblemPartner, actionlist.ProblemCrisis, actionlist.ProblemBSN, actionlist.ProblemTooLong, actionlist.ProblemColumns,
		actionlist.ProblemSyntax, actionlist.ProblemTooMany, actionlist.ProblemEncoding} {
		rows.Errors = append(rows.Errors, actionlist.RowError{Row: 2, Field: actionlist.ColDate, Column: "Datum", Value: "x", Problem: p})
	}
	errs := []error{
		&SignalFileError{Path: "s.csv", Problem: SignalFileEmpty},
		&SignalFileError{Path: "s.csv", Problem: SignalFileTooBig, Size: 100 << 20},
		&SignalFileError{Path: "s.csv", Problem: SignalFileColumns, Columns: &actionlist.ColumnsError{Missing: []string{"partner"}, Found: []string{"a"}}},
		rows,
		&actionlist.MappingError{Line: 3, Text: "x"}, &actionlist.MappingError{Text: "x"}, &actionlist.MappingError{Line: 1, Text: "x=y", Field: "x"},
		&actionlist.BSNFieldError{Field: "address"},
		fmt.Errorf("save: %w", store.ErrSignalClosed), actionlist.ErrFutureAttempt, actionlist.ErrAttemptEarly, actionlist.ErrTooManyAttempt,
		&SettingError{Name: EnvSignalRetention, Value: "x"},
	}
	for _, err := range errs {
		for _, l := range actionlist.Langs {
			s := Sentence(err, l)
			if s == "" || strings.Contains(s, "%!") {
				t.Errorf("%s: sentence %q for %v", l, s, err)
			}
		}
	}
	for _, l := range actionlist.Langs {
		lines := SignalRowSentences(rows, l)
		seen := map[string]bool{}
		for _, line := range lines {
			if strings.Contains(line, "%!") || seen[line] {
				t.Errorf("%s: row sentence %q broken or twice", l, line)
			}
			seen[line] = true
		}
		if len(lines) != len(rows.Errors)+1 || !strings.Contains(lines[len(lines)-1], "79") {
			t.Errorf("%s: %d lines, the last %q", l, len(lines), lines[len(lines)-1])
		}
	}
}
