package tui

import (
	"testing"

	"houvast/internal/catalogtest"
)

// Every sentence of the screens is there in Dutch and in English, and the
// two take the same values: a missing or mistyped directive would print
// %!d(MISSING) or the wrong value on a caseworker's screen.
func TestTextComplete(t *testing.T) {
	catalogtest.Check(t, map[string]any{"nl": &dutch, "en": &english})
}
