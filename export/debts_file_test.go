package export

import (
	"bytes"
	"encoding/csv"
	"errors"
	"testing"

	"github.com/xuri/excelize/v2"

	"houvast/actionlist"
)

// The amounts a file says, read back as a spreadsheet would, are the debts'.
func wantAmounts(c actionlist.Case) [][3]string {
	var out [][3]string
	for _, d := range c.Debts {
		row := [3]string{decimalComma(d.Amount), "", ""}
		if d.Original > 0 {
			row[1] = decimalComma(d.Original)
		}
		if d.IsConfirmed() {
			row[2] = decimalComma(d.Confirmed)
		}
		out = append(out, row)
	}
	return out
}

func TestDebtsFileCSVReadsBack(t *testing.T) {
	c := debtFixture()
	c.Debts[1].Original = 100001
	data := DebtsFileCSV(c, actionlist.Dutch)
	if !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Fatal("no byte order mark")
	}
	r := csv.NewReader(bytes.NewReader(data[3:]))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1+len(c.Debts) || recs[0][0] != "Schuldeiser" {
		t.Fatalf("records %q", recs)
	}
	for i, want := range wantAmounts(c) {
		rec := recs[i+1]
		for j, col := range amountColumns {
			if rec[col] != want[j] {
				t.Errorf("debt %d column %d: %q, want %q", i, col, rec[col], want[j])
			}
			if rec[col] == "" {
				continue
			}
			if cents, err := actionlist.ParseAmount(rec[col]); err != nil || cents <= 0 {
				t.Errorf("debt %d: %q does not read as an amount: %v", i, rec[col], err)
			}
		}
		if rec[0] != c.Debts[i].Creditor || rec[2] != c.Debts[i].Reference {
			t.Errorf("debt %d: %q", i, rec)
		}
	}
	if recs[1][amountColumns[0]] != "2415,00" || recs[2][amountColumns[1]] != "1000,01" {
		t.Errorf("amounts %q %q", recs[1], recs[2])
	}
	if bytes.Contains(data, []byte("TEAM-ONLY")) {
		t.Error("the team's note is in the file")
	}
}

func TestDebtsFileXLSXReadsBack(t *testing.T) {
	c := debtFixture()
	data, err := DebtsFileXLSX(c, actionlist.English)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Debts", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(c.Debts) || rows[0][0] != "Creditor" {
		t.Fatalf("rows %q", rows)
	}
	for i, d := range c.Debts {
		row := append(rows[i+1], make([]string, 11)...)
		if row[0] != d.Creditor || row[2] != d.Reference {
			t.Errorf("debt %d: %q", i, row)
		}
		got, err := actionlist.ParseAmount(row[amountColumns[0]])
		if err != nil || got != d.Amount {
			t.Errorf("debt %d amount %q = %d, %v; want %d", i, row[amountColumns[0]], got, err, d.Amount)
		}
	}
	typ, err := f.GetCellType("Debts", "F2")
	if err != nil || typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("the amount cell is %v, %v", typ, err)
	}
}

// A reference that passes the eleven-test stops the file until it is
// confirmed; once confirmed, it is not asked about again, until it changes.
func TestDebtsFileBSNGuard(t *testing.T) {
	c := debtFixture()
	c.Debts[1].Reference = "111222333"
	var be *BSNError
	if err := CheckDebts(c); !errors.As(err, &be) {
		t.Fatalf("a BSN-like reference: %v", err)
	}
	c.Debts[1].ReferenceChecked = "111222333"
	if err := CheckDebts(c); err != nil {
		t.Fatalf("a confirmed reference: %v", err)
	}
	c.Debts[1].Reference = "123456782"
	if err := CheckDebts(c); !errors.As(err, &be) {
		t.Fatalf("a changed reference: %v", err)
	}
}
