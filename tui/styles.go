package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// styles are the semantic looks of the screens. Colours are the terminal's
// own 16 ANSI colours, so the user's palette applies; every state also has a
// glyph or reverse video, so nothing depends on colour alone (NO_COLOR).
type styles struct {
	title    ink
	section  ink
	dim      ink
	bold     ink
	selected ink
	overdue  ink
	done     ink
	accent   ink
	newStep  ink
	warn     ink
	err      ink
	ok       ink
	barFull  ink
	barEmpty ink
	rule     ink
	helpKey  ink
	helpDesc ink
	big      ink
}

// ink is a lipgloss style reduced to the escape codes around its text.
// Every line of every frame is styled, and a full Render per span costs more
// than the rest of a frame; these styles only colour, so the codes suffice.
type ink struct{ pre, post string }

func inkOf(s lipgloss.Style) ink {
	const mark = "\x00"
	pre, post, _ := strings.Cut(s.Render(mark), mark)
	return ink{pre, post}
}

// Render styles one line of text.
func (i ink) Render(s string) string {
	if s == "" {
		return ""
	}
	return i.pre + s + i.post
}

func newStyles(dark bool) styles {
	ld := lipgloss.LightDark(dark)
	accent := ld(lipgloss.Blue, lipgloss.BrightBlue)
	gray := ld(lipgloss.BrightBlack, lipgloss.BrightBlack)
	green := ld(lipgloss.Green, lipgloss.BrightGreen)
	red := ld(lipgloss.Red, lipgloss.BrightRed)
	yellow := ld(lipgloss.Yellow, lipgloss.BrightYellow)
	plain := lipgloss.NewStyle()
	return styles{
		title:    inkOf(plain.Bold(true).Foreground(accent)),
		section:  inkOf(plain.Bold(true).Underline(true)),
		dim:      inkOf(plain.Foreground(gray)),
		bold:     inkOf(plain.Bold(true)),
		selected: inkOf(plain.Reverse(true)),
		overdue:  inkOf(plain.Foreground(red).Bold(true)),
		done:     inkOf(plain.Foreground(green)),
		accent:   inkOf(plain.Foreground(accent)),
		newStep:  inkOf(plain.Foreground(yellow).Bold(true)),
		warn:     inkOf(plain.Foreground(yellow)),
		err:      inkOf(plain.Foreground(red).Bold(true)),
		ok:       inkOf(plain.Foreground(green)),
		barFull:  inkOf(plain.Foreground(green)),
		barEmpty: inkOf(plain.Foreground(gray)),
		rule:     inkOf(plain.Foreground(gray)),
		helpKey:  inkOf(plain.Bold(true)),
		helpDesc: inkOf(plain.Foreground(gray)),
		big:      inkOf(plain.Bold(true).Foreground(accent)),
	}
}
