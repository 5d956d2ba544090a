package store

import (
	"slices"
	"testing"
)

func TestPackedRowsRoundTrip(t *testing.T) {
	s, _ := openTemp(t)
	if _, err := s.db.Exec(`CREATE TABLE p (a TEXT NOT NULL, "order" INTEGER NOT NULL, b TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	// Texts that look like the packing itself, empty ones, and multi-byte ones.
	want := [][]string{
		{"", "0", ""},
		{"3:abc", "-12", "::"},
		{"ë € 😀", "123456789012", "line\nbreak\x00nul"},
	}
	for _, r := range want {
		if _, err := s.db.Exec(`INSERT INTO p VALUES (?, ?, ?)`, r[0], r[1], r[2]); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := s.db.Query(`SELECT ` + packed("", []string{"a", "order", "b"}) + ` FROM p ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for i := 0; rows.Next(); i++ {
		var row string
		if err := rows.Scan(&row); err != nil {
			t.Fatal(err)
		}
		got := make([]string, 3)
		if err := unpack(row, got); err != nil || !slices.Equal(got, want[i]) {
			t.Errorf("row %d: got %q (%v), want %q", i, got, err, want[i])
		}
	}
}

func TestUnpackRefusesDamage(t *testing.T) {
	for _, row := range []string{"", "3:ab", "x:abc", "-1:", "2:ab1:c", "2:ab1:c1:d1:e", ":a", "1:a1:b1:c9"} {
		if err := unpack(row, make([]string, 3)); err == nil {
			t.Errorf("%q unpacked", row)
		}
	}
}
