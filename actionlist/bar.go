package actionlist

// BarFill is how many of cells a progress bar of done out of total fills,
// on the screens and on paper alike: any progress shows (one cell at
// least), only all done fills it, and nothing to do is all done.
func BarFill(done, total, cells int) int {
	switch {
	case cells < 1:
		return 0
	case total <= 0 || done >= total:
		return cells
	case done <= 0:
		return 0
	}
	return min(cells-1, max(1, done*cells/total))
}
