package actionlist

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Signals come in as CSV files the way the signal platforms export them:
// a header row, then one signal a row. Which column holds which field is a
// mapping the team gives once; only the mapped columns are read, so a
// column Houvast does not keep (a BSN among them) is never looked at.

// The fields a signal is read from.
const (
	ColPartner      = "partner"
	ColAmount       = "amount"
	ColArrearsSince = "arrears_since"
	ColDate         = "date"
	ColCrisis       = "crisis"
	ColName         = "name"
	ColAddress      = "address"
	ColPhone        = "phone"
)

// SignalFields lists the fields in the order they are documented;
// RequiredSignalFields must each have a column.
var (
	SignalFields         = []string{ColPartner, ColAmount, ColArrearsSince, ColDate, ColCrisis, ColName, ColAddress, ColPhone}
	RequiredSignalFields = []string{ColPartner, ColAmount, ColDate, ColName}
)

// SignalColumns maps a field to the header of its column. A field not in
// the map is read from the column named like the field, if there is one.
type SignalColumns map[string]string

// Column is the header a field is read from.
func (c SignalColumns) Column(field string) string {
	if h, ok := c[field]; ok && h != "" {
		return h
	}
	return field
}

// RowProblem is what is wrong with a value in a row.
type RowProblem string

const (
	ProblemMissing  RowProblem = "missing"  // a required field is empty
	ProblemDate     RowProblem = "date"     // not a date
	ProblemFuture   RowProblem = "future"   // a date after today
	ProblemAmount   RowProblem = "amount"   // not an amount
	ProblemPartner  RowProblem = "partner"  // not a partner kind Houvast knows
	ProblemCrisis   RowProblem = "crisis"   // not yes or no
	ProblemBSN      RowProblem = "bsn"      // a number that looks like a BSN
	ProblemTooLong  RowProblem = "too_long" // longer than the field holds
	ProblemColumns  RowProblem = "columns"  // another number of cells than the header
	ProblemSyntax   RowProblem = "syntax"   // not CSV (a stray quote)
	ProblemTooMany  RowProblem = "too_many" // more rows than one file may hold
	ProblemEncoding RowProblem = "encoding" // not UTF-8 text
)

// RowError is one bad value: the row as a spreadsheet numbers it (the
// header is row 1), the field and its column, and what is wrong.
type RowError struct {
	Row     int
	Field   string
	Column  string
	Value   string
	Problem RowProblem
}

func (e RowError) Error() string {
	return "row " + strconv.Itoa(e.Row) + ", column " + e.Column + ": " + string(e.Problem)
}

// ColumnsError: the header lacks the columns of required fields (or of
// fields the mapping names).
type ColumnsError struct {
	Missing []string // the headers looked for, in field order
	Found   []string // the file's headers
}

func (e *ColumnsError) Error() string {
	return "the file has no column " + strings.Join(e.Missing, ", ")
}

// ErrEmptyCSV: the file has no header row.
var ErrEmptyCSV = errors.New("the file is empty")

// Bounds of one file of signals.
const (
	MaxSignalRows   = 200_000
	MaxRowErrors    = 50 // reported; the rest are counted
	maxCSVValueSize = 1000
)

// SignalsCSV is what a file of signals holds: the signals of its good rows,
// and the errors of its bad ones (at most MaxRowErrors, BadRows counts all).
type SignalsCSV struct {
	Signals []ArrearsSignal
	Rows    []int // the file row of each signal
	Errors  []RowError
	BadRows int
}

// ReadSignalsCSV reads a CSV file of signals with a mapping. The separator
// is a comma or, as Dutch spreadsheets write it, a semicolon. Dates may not
// lie after today. A bad row never stops the reading, so every error of a
// file can be told at once.
func ReadSignalsCSV(data []byte, cols SignalColumns, today Date) (SignalsCSV, error) {
	var out SignalsCSV
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // a spreadsheet's byte-order mark
	if len(bytes.TrimSpace(data)) == 0 {
		return out, ErrEmptyCSV
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = separator(data)
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		return out, ErrEmptyCSV
	}
	index := map[string]int{}
	var found []string
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		found = append(found, h)
		if _, dup := index[h]; !dup {
			index[h] = i
		}
	}
	at := map[string]int{}
	var missing []string
	for _, f := range SignalFields {
		col := strings.ToLower(strings.TrimSpace(cols.Column(f)))
		i, ok := index[col]
		_, named := cols[f]
		switch {
		case ok:
			at[f] = i
		case named || slices.Contains(RequiredSignalFields, f):
			missing = append(missing, cols.Column(f))
		}
	}
	if len(missing) > 0 {
		return out, &ColumnsError{Missing: missing, Found: found}
	}
	bad := func(e RowError) {
		if len(out.Errors) < MaxRowErrors {
			out.Errors = append(out.Errors, e)
		}
	}
	for n := 0; ; n++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			out.BadRows++
			bad(RowError{Row: pe.StartLine, Problem: ProblemSyntax})
			if pe.Err != csv.ErrFieldCount {
				break // the reader cannot find the next row after a stray quote
			}
			continue
		}
		if err != nil {
			return out, err
		}
		row, _ := r.FieldPos(0)
		if n >= MaxSignalRows {
			out.BadRows++
			bad(RowError{Row: row, Problem: ProblemTooMany})
			break
		}
		if isBlank(rec) {
			continue
		}
		if len(rec) != len(header) {
			out.BadRows++
			bad(RowError{Row: row, Problem: ProblemColumns, Value: strconv.Itoa(len(rec))})
			continue
		}
		s, errs := signalFromRow(rec, at, cols, row, today)
		if len(errs) > 0 {
			out.BadRows++
			for _, e := range errs {
				bad(e)
			}
			continue
		}
		out.Signals = append(out.Signals, s)
		out.Rows = append(out.Rows, row)
	}
	return out, nil
}

func signalFromRow(rec []string, at map[string]int, cols SignalColumns, row int, today Date) (ArrearsSignal, []RowError) {
	var s ArrearsSignal
	var errs []RowError
	get := func(f string) string {
		if i, ok := at[f]; ok {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	fail := func(f, v string, p RowProblem) {
		errs = append(errs, RowError{Row: row, Field: f, Column: cols.Column(f), Value: clip(v), Problem: p})
	}
	for _, f := range SignalFields {
		v := get(f)
		if !utf8.ValidString(v) {
			fail(f, "", ProblemEncoding)
			continue
		}
		if len(v) > maxCSVValueSize {
			fail(f, v, ProblemTooLong)
			continue
		}
		if v == "" {
			if slices.Contains(RequiredSignalFields, f) {
				fail(f, v, ProblemMissing)
			}
			continue
		}
		if f != ColAmount && f != ColDate && f != ColArrearsSince && HasBSN(v) {
			fail(f, MaskBSN(v), ProblemBSN)
			continue
		}
		switch f {
		case ColPartner:
			k, ok := ParsePartner(v)
			if !ok {
				fail(f, v, ProblemPartner)
			}
			s.Partner = k
		case ColAmount:
			// The same reading of an amount as a typed debt's.
			c, err := ParseAmount(v)
			if err != nil {
				fail(f, v, ProblemAmount)
			}
			s.AmountCents = c
		case ColDate, ColArrearsSince:
			d, err := ParseSignalDate(v)
			switch {
			case err != nil:
				fail(f, v, ProblemDate)
			case d.After(today):
				fail(f, v, ProblemFuture)
			case f == ColDate:
				s.Received = d
			default:
				s.ArrearsSince = d
			}
		case ColCrisis:
			b, ok := parseYesNo(v)
			if !ok {
				fail(f, v, ProblemCrisis)
			}
			s.Crisis = b
		case ColName, ColAddress, ColPhone:
			clean := CleanText(v, false)
			limit := MaxShort
			if f == ColName {
				limit = MaxName
			}
			if checkLen(f, clean, limit) != nil {
				fail(f, v, ProblemTooLong)
				continue
			}
			switch f {
			case ColName:
				s.Name = clean
			case ColAddress:
				s.Address = clean
			default:
				s.Phone = clean
			}
		}
	}
	return s, errs
}

// separator is a semicolon when the header has more of them than commas.
func separator(data []byte) rune {
	line, _, _ := bytes.Cut(data, []byte("\n"))
	if bytes.Count(line, []byte(";")) > bytes.Count(line, []byte(",")) {
		return ';'
	}
	return ','
}

func isBlank(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// clip keeps a quoted value short in a sentence.
func clip(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}

// partnerNames are the ways platforms and people name a partner kind,
// beside Houvast's keys and labels.
var partnerNames = map[string]SignalKind{
	"energie": SignalEnergy, "energieleverancier": SignalEnergy, "energy": SignalEnergy, "gas": SignalEnergy, "elektriciteit": SignalEnergy,
	"water": SignalWater, "drinkwater": SignalWater, "drinkwaterbedrijf": SignalWater,
	"woningcorporatie": SignalHousing, "corporatie": SignalHousing, "woningbouwvereniging": SignalHousing, "housing": SignalHousing, "huur": SignalHousing,
	"zorgverzekeraar": SignalInsurer, "zorgverzekering": SignalInsurer, "zorg": SignalInsurer, "health insurer": SignalInsurer, "insurer": SignalInsurer,
	"gemeentelijke belastingen": SignalMunicipal, "gemeente": SignalMunicipal, "belastingen": SignalMunicipal, "municipal taxes": SignalMunicipal,
	"verhuurder": SignalLandlord, "particuliere verhuurder": SignalLandlord, "landlord": SignalLandlord, "private landlord": SignalLandlord,
	"overig": SignalOther, "anders": SignalOther, "other": SignalOther,
}

// ParsePartner reads a partner kind by its key, its label in either
// language or a common name, case-blind.
func ParsePartner(s string) (SignalKind, bool) {
	v := strings.Join(strings.Fields(strings.ToLower(s)), " ")
	if k, ok := partnerNames[v]; ok {
		return k, true
	}
	for _, k := range SignalKinds {
		if v == string(k) || v == strings.ToLower(SignalLabel(k, Dutch)) || v == strings.ToLower(SignalLabel(k, English)) {
			return k, true
		}
	}
	return SignalNone, false
}

func parseYesNo(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "ja", "j", "yes", "y", "true", "waar", "1", "crisis", "x":
		return true, true
	case "nee", "n", "no", "false", "onwaar", "0", "-":
		return false, true
	}
	return false, false
}

var signalFieldWords = map[string]words{
	ColPartner:      {"partner", "partner"},
	ColAmount:       {"bedrag", "amount"},
	ColArrearsSince: {"achterstand sinds", "arrears since"},
	ColDate:         {"datum van het signaal", "date of the signal"},
	ColCrisis:       {"crisis", "crisis"},
	ColName:         {"voornaam of roepnaam", "first name or alias"},
	ColAddress:      {"adres", "address"},
	ColPhone:        {"telefoon", "phone"},
	"note":          {"notitie", "note"},
}

// SignalFieldLabel names a field of a signal in a language.
func SignalFieldLabel(field string, l Lang) string { return label(signalFieldWords, field, l) }

// MappingError is a line of a column mapping Houvast cannot use.
type MappingError struct {
	Line  int // 0 for a --map flag
	Text  string
	Field string // the field named, when it is not one
}

func (e *MappingError) Error() string { return "mapping line " + strconv.Itoa(e.Line) + ": " + e.Text }

// ParseSignalMapping reads a column mapping: one "field = Column header" a
// line (or a "field=Column" flag); blank lines and lines starting with #
// are skipped. Later lines win.
func ParseSignalMapping(lines []string, fromFlags bool) (SignalColumns, error) {
	cols := SignalColumns{}
	for i, line := range lines {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		n := i + 1
		if fromFlags {
			n = 0
		}
		field, header, ok := strings.Cut(t, "=")
		field, header = strings.ToLower(strings.TrimSpace(field)), strings.TrimSpace(header)
		if !ok || header == "" {
			return nil, &MappingError{Line: n, Text: clip(t)}
		}
		if !slices.Contains(SignalFields, field) {
			return nil, &MappingError{Line: n, Text: clip(t), Field: clip(field)}
		}
		cols[field] = header
	}
	return cols, nil
}
