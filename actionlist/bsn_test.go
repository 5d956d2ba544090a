package actionlist

import (
	"slices"
	"testing"
)

func TestFindBSN(t *testing.T) {
	// 111222333 passes the eleven-test: 9+8+7+12+10+8+9+6-3 = 66.
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"bsn 111222333", []string{"111222333"}},
		{"nummer 111.222.333 staat op de brief", []string{"111.222.333"}},
		{"1112 22 333", []string{"1112 22 333"}},
		{"111-222-333.", []string{"111-222-333"}},
		{"111222334", nil},          // fails the test
		{"000000000", nil},          // sum zero
		{"1112223330", nil},         // ten digits: not a BSN
		{"0612345678", nil},         // a phone number
		{"NL91ABNA0417164300", nil}, // an IBAN
		{"12-3 111222333 en 5", []string{"111222333"}},
		{"bedrag 1.234,56 euro", nil},
		{"11122233 en 3", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := FindBSN(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("FindBSN(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	if !HasBSN("x", "mijn bsn is 111222333") || HasBSN("x", "y") {
		t.Error("HasBSN disagrees with FindBSN")
	}
}
