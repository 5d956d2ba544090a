package casework

import (
	"errors"
	"fmt"
	"strings"

	"houvast/actionlist"
	"houvast/store"
)

// signalText holds the sentences about signals and their import, one
// struct per language like text.
type signalText struct {
	FileEmpty, FileTooBig  string // %s the file; FileTooBig: %d the megabytes, %d the limit
	Columns                string // %s the file, %s the missing columns, %s the ones it has
	Rows                   string // %d the bad rows, %s the file
	More                   string // %d the rows not listed
	RowMissing, RowTooLong string // %d row, %q column, %s field
	RowDate, RowFuture     string // %d row, %q column, %q value
	RowAmount, RowCrisis   string // %d row, %q column, %q value
	RowPartner             string // %d row, %q column, %q value, %s the partners
	RowBSN                 string // %d row, %q column, %s the masked value
	RowEncoding            string // %d row, %q column
	RowColumns             string // %d row, %s the cells
	RowSyntax              string // %d row
	RowTooMany             string // %d row, %d the most
	Mapping                string // %d line, %q the text
	MappingFlag            string // %q the text
	MappingField           string // %q the field, %s the fields
	SignalClosed           string
	FutureAttempt          string
	AttemptEarly           string
	TooManyAttempts        string // %d the most
	BSNField               string // %s the field
	BadSignalRetention     string // %q the value
}

func signalTexts(l actionlist.Lang) *signalText {
	if l == actionlist.English {
		return &signalEnglish
	}
	return &signalDutch
}

// signalSentence is the sentence for an error about signals, or "".
func signalSentence(err error, l actionlist.Lang) string {
	st := signalTexts(l)
	var fe *SignalFileError
	if errors.As(err, &fe) {
		path := cleanPath(fe.Path)
		switch fe.Problem {
		case SignalFileEmpty:
			return fmt.Sprintf(st.FileEmpty, path)
		case SignalFileTooBig:
			return fmt.Sprintf(st.FileTooBig, path, (fe.Size+(1<<20)-1)>>20, MaxSignalFileBytes>>20)
		case SignalFileColumns:
			return fmt.Sprintf(st.Columns, path, quoteAll(fe.Columns.Missing), quoteAll(fe.Columns.Found))
		}
	}
	var re *SignalRowsError
	if errors.As(err, &re) {
		return fmt.Sprintf(st.Rows, re.BadRows, cleanPath(re.Path))
	}
	var me *actionlist.MappingError
	if errors.As(err, &me) {
		switch {
		case me.Field != "":
			return fmt.Sprintf(st.MappingField, clean(me.Field), strings.Join(actionlist.SignalFields, ", "))
		case me.Line == 0:
			return fmt.Sprintf(st.MappingFlag, clean(me.Text))
		}
		return fmt.Sprintf(st.Mapping, me.Line, clean(me.Text))
	}
	var be *actionlist.BSNFieldError
	if errors.As(err, &be) {
		return fmt.Sprintf(st.BSNField, actionlist.SignalFieldLabel(be.Field, l))
	}
	switch {
	case errors.Is(err, store.ErrSignalClosed), errors.Is(err, actionlist.ErrSignalClosed):
		return st.SignalClosed
	case errors.Is(err, actionlist.ErrFutureAttempt):
		return st.FutureAttempt
	case errors.Is(err, actionlist.ErrAttemptEarly):
		return st.AttemptEarly
	case errors.Is(err, actionlist.ErrTooManyAttempt):
		return fmt.Sprintf(st.TooManyAttempts, actionlist.MaxAttempts)
	}
	return ""
}

// SignalRowSentences are the lines that say, row by row, what is wrong in
// a file of signals refused for its rows; nil for any other error.
func SignalRowSentences(err error, l actionlist.Lang) []string {
	var re *SignalRowsError
	if !errors.As(err, &re) {
		return nil
	}
	st := signalTexts(l)
	var out []string
	for _, e := range re.Errors {
		out = append(out, rowSentence(e, st, l))
	}
	if more := re.BadRows - countRows(re.Errors); more > 0 {
		out = append(out, fmt.Sprintf(st.More, more))
	}
	return out
}

func countRows(errs []actionlist.RowError) int {
	seen := map[int]bool{}
	for _, e := range errs {
		seen[e.Row] = true
	}
	return len(seen)
}

func rowSentence(e actionlist.RowError, st *signalText, l actionlist.Lang) string {
	col, v, field := clean(e.Column), clean(e.Value), actionlist.SignalFieldLabel(e.Field, l)
	switch e.Problem {
	case actionlist.ProblemMissing:
		return fmt.Sprintf(st.RowMissing, e.Row, col, field)
	case actionlist.ProblemTooLong:
		return fmt.Sprintf(st.RowTooLong, e.Row, col, field)
	case actionlist.ProblemDate:
		return fmt.Sprintf(st.RowDate, e.Row, col, v)
	case actionlist.ProblemFuture:
		return fmt.Sprintf(st.RowFuture, e.Row, col, v)
	case actionlist.ProblemAmount:
		return fmt.Sprintf(st.RowAmount, e.Row, col, v)
	case actionlist.ProblemCrisis:
		return fmt.Sprintf(st.RowCrisis, e.Row, col, v)
	case actionlist.ProblemPartner:
		var names []string
		for _, k := range actionlist.SignalKinds {
			names = append(names, actionlist.SignalLabel(k, l))
		}
		return fmt.Sprintf(st.RowPartner, e.Row, col, v, strings.Join(names, ", "))
	case actionlist.ProblemBSN:
		return fmt.Sprintf(st.RowBSN, e.Row, col, v)
	case actionlist.ProblemEncoding:
		return fmt.Sprintf(st.RowEncoding, e.Row, col)
	case actionlist.ProblemColumns:
		return fmt.Sprintf(st.RowColumns, e.Row, v)
	case actionlist.ProblemTooMany:
		return fmt.Sprintf(st.RowTooMany, e.Row, actionlist.MaxSignalRows)
	}
	return fmt.Sprintf(st.RowSyntax, e.Row)
}

func quoteAll(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", clean(x))
	}
	return strings.Join(q, ", ")
}
