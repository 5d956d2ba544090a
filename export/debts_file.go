package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"houvast/actionlist"
)

// DebtFormat is a kind of debt overview file.
type DebtFormat string

const (
	DebtsCSV  DebtFormat = "csv"
	DebtsXLSX DebtFormat = "xlsx"
)

// ParseDebtFormat accepts csv or xlsx, with or without a dot.
func ParseDebtFormat(s string) (DebtFormat, bool) {
	switch s {
	case "csv", ".csv", "":
		return DebtsCSV, true
	case "xlsx", ".xlsx", "excel":
		return DebtsXLSX, true
	}
	return "", false
}

// Ext is the file name extension, with the dot.
func (f DebtFormat) Ext() string { return "." + string(f) }

// CheckDebts looks for BSN-like numbers in what the overview file holds:
// creditors, collectors and references (one confirmed before is not asked
// about again).
func CheckDebts(c actionlist.Case) error {
	var b bsnScan
	for _, d := range c.Debts {
		w := Where{What: InDebt, Title: d.Creditor}
		b.check(w, d.Creditor, d.Collector)
		if d.Reference != d.ReferenceChecked {
			b.check(w, d.Reference)
		}
	}
	return b.err()
}

// debtTable is the overview as rows of cells, a heading row first; the
// amounts stay cents, each format writes them its own way.
func debtTable(c actionlist.Case, l actionlist.Lang) (head []string, rows [][]string, amounts [][]actionlist.Cents) {
	t := texts(l)
	head = []string{t.FileCreditor, t.FileCollector, t.FileReference, t.FileKind, t.FileThreat, t.FileAmount,
		t.FileOriginal, t.FileState, t.FileAskedOn, t.FileAnsweredOn, t.FileConfirmed}
	date := func(d actionlist.Date) string {
		if d.IsZero() {
			return ""
		}
		return fmt.Sprintf("%02d-%02d-%04d", d.Day(), d.Month(), d.Year())
	}
	for _, d := range c.Debts {
		threat := ""
		if d.Threat != actionlist.ThreatNone {
			threat = actionlist.ThreatLabel(d.Threat, l)
		}
		rows = append(rows, []string{actionlist.CleanText(d.Creditor, false), actionlist.CleanText(d.Collector, false),
			actionlist.CleanText(d.Reference, false), actionlist.DebtKindLabel(d.Kind, l), threat, "", "",
			actionlist.DebtStateLabel(d.State, l), date(d.AskedOn), date(d.AnsweredOn), ""})
		confirmed := actionlist.Cents(-1)
		if d.IsConfirmed() {
			confirmed = d.Confirmed
		}
		original := actionlist.Cents(-1)
		if d.Original > 0 {
			original = d.Original
		}
		amounts = append(amounts, []actionlist.Cents{d.Amount, original, confirmed})
	}
	return head, rows, amounts
}

// amountColumns are where the three amounts go in a row; -1 is empty.
var amountColumns = [3]int{5, 6, 10}

// decimalComma writes cents as Dutch spreadsheets read a number: 1234,56,
// no thousands separator.
func decimalComma(c actionlist.Cents) string {
	return strconv.FormatInt(int64(c)/100, 10) + "," + fmt.Sprintf("%02d", int64(c)%100)
}

// DebtsFileCSV writes the overview as Dutch spreadsheets open a CSV: UTF-8
// with a byte order mark, semicolons, a decimal comma, CRLF line ends.
func DebtsFileCSV(c actionlist.Case, l actionlist.Lang) []byte {
	head, rows, amounts := debtTable(c, l)
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.Comma, w.UseCRLF = ';', true
	_ = w.Write(head) // a bytes.Buffer does not fail
	for i, r := range rows {
		for j, col := range amountColumns {
			if a := amounts[i][j]; a >= 0 {
				r[col] = decimalComma(a)
			}
		}
		_ = w.Write(r)
	}
	w.Flush()
	return b.Bytes()
}

// DebtsFileXLSX writes the overview as a workbook of one sheet, amounts as
// numbers in euros with a euro format, so a spreadsheet adds them up.
func DebtsFileXLSX(c actionlist.Case, l actionlist.Lang) ([]byte, error) {
	head, rows, amounts := debtTable(c, l)
	f := excelize.NewFile()
	defer f.Close()
	sheet := texts(l).FileSheet
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	euro := `"€" #,##0.00`
	money, err := f.NewStyle(&excelize.Style{CustomNumFmt: &euro})
	if err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	cell := func(col, row int) string { name, _ := excelize.CoordinatesToCellName(col+1, row+1); return name }
	for j, h := range head {
		if err := f.SetCellStr(sheet, cell(j, 0), h); err != nil {
			return nil, fmt.Errorf("xlsx: %w", err)
		}
	}
	if err := f.SetCellStyle(sheet, cell(0, 0), cell(len(head)-1, 0), bold); err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	for i, r := range rows {
		for j, v := range r {
			if v == "" {
				continue
			}
			// Set as text: a reference of digits stays as typed.
			if err := f.SetCellStr(sheet, cell(j, i+1), v); err != nil {
				return nil, fmt.Errorf("xlsx: %w", err)
			}
		}
		for j, col := range amountColumns {
			a := amounts[i][j]
			if a < 0 {
				continue
			}
			// The workbook stores numbers as doubles; cents/100 is the
			// nearest one to the amount, and reads back to the same cents.
			if err := f.SetCellFloat(sheet, cell(col, i+1), float64(a)/100, 2, 64); err != nil {
				return nil, fmt.Errorf("xlsx: %w", err)
			}
			if err := f.SetCellStyle(sheet, cell(col, i+1), cell(col, i+1), money); err != nil {
				return nil, fmt.Errorf("xlsx: %w", err)
			}
		}
	}
	for j, width := range []float64{32, 26, 22, 26, 28, 14, 14, 20, 14, 14, 14} {
		col, _ := excelize.ColumnNumberToName(j + 1)
		if err := f.SetColWidth(sheet, col, col, width); err != nil {
			return nil, fmt.Errorf("xlsx: %w", err)
		}
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	return b.Bytes(), nil
}
