package actionlist

import "testing"

func TestBarFill(t *testing.T) {
	for _, tc := range []struct{ done, total, cells, want int }{
		{6, 10, 10, 6},
		{0, 10, 4, 0},
		{10, 10, 4, 4},
		{1, 100, 8, 1},  // any progress shows
		{99, 100, 8, 7}, // only all done is full
		{199, 200, 20, 19},
		{0, 0, 3, 3},   // nothing to do is all done
		{12, 10, 5, 5}, // never more than the bar
		{-1, 10, 5, 0},
		{3, 4, 0, 0},
		{3, 4, -2, 0},
		{1, 3, 1, 0}, // one cell: only all done fills it
		{3, 3, 1, 1},
		{1, 2, 100, 50},
	} {
		if got := BarFill(tc.done, tc.total, tc.cells); got != tc.want {
			t.Errorf("BarFill(%d, %d, %d) = %d, want %d", tc.done, tc.total, tc.cells, got, tc.want)
		}
	}
}
