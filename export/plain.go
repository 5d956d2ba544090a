package export

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"houvast/actionlist"
)

// renderMarkdown writes the summary as Markdown that reads well as plain
// text too. Typed text is escaped, so a star or a bracket in a title stays
// a character and never becomes a link or emphasis.
func renderMarkdown(v view) []byte {
	var b strings.Builder
	prev := blockTitle
	for i, bl := range layout(v) {
		// A list needs a blank line before its first item, none between.
		listGap := "\n"
		if bl.kind == prev {
			listGap = ""
		}
		prev = bl.kind
		switch bl.kind {
		case blockTitle:
			if i > 0 {
				b.WriteString("\n")
			}
			fmt.Fprintf(&b, "# %s\n", mdEscape(bl.text))
		case blockMade:
			fmt.Fprintf(&b, "\n*%s*\n", mdEscape(bl.text))
		case blockPara:
			fmt.Fprintf(&b, "\n%s\n", mdEscape(bl.text))
		case blockHeading:
			fmt.Fprintf(&b, "\n## %s\n", mdEscape(bl.text))
		case blockAppt:
			b.WriteString("\n")
			for i, l := range bl.lines2 {
				if i == 0 {
					fmt.Fprintf(&b, "**%s**", mdEscape(l))
				} else {
					b.WriteString(mdEscape(l))
				}
				if i < len(bl.lines2)-1 {
					b.WriteString("  ")
				}
				b.WriteString("\n")
			}
		case blockCall:
			fmt.Fprintf(&b, "\n**%s** %s\n", mdEscape(bl.label), mdEscape(bl.text))
		case blockStep:
			fmt.Fprintf(&b, "\n%d. **%s**", bl.num, mdEscape(bl.text))
			for _, l := range bl.lines {
				if l.label == "" {
					fmt.Fprintf(&b, "  \n   %s", mdEscape(l.text))
				} else {
					fmt.Fprintf(&b, "  \n   *%s:* %s", mdEscape(l.label), mdEscape(l.text))
				}
			}
			b.WriteString("\n")
		case blockDone:
			line := "- ✓ " + mdEscape(bl.text)
			if bl.meta != "" {
				line += " — " + mdEscape(bl.meta)
			}
			b.WriteString(listGap + line)
			for _, l := range bl.lines {
				fmt.Fprintf(&b, "  \n  *%s:* %s", mdEscape(l.label), mdEscape(l.text))
			}
			b.WriteString("\n")
		case blockBullet:
			fmt.Fprintf(&b, "%s- %s\n", listGap, mdEscape(bl.text))
		case blockProgress:
			fmt.Fprintf(&b, "\n%s  \n%s\n", mdEscape(bl.text), progressBar(bl.done, bl.total))
		case blockPage:
			b.WriteString("\n---\n")
		case blockDebts:
			writeDebtsMarkdown(&b, v.debts)
		case blockFooter:
			fmt.Fprintf(&b, "\n---\n\n<small>%s</small>\n", htmlEscape(bl.text))
		}
	}
	return []byte(b.String())
}

// progressBar is the share of finished steps in twenty cells, for text.
func progressBar(done, total int) string {
	const cells = 20
	full := actionlist.BarFill(done, total, cells)
	return strings.Repeat("█", full) + strings.Repeat("░", cells-full)
}

// mdEscape makes typed text literal in Markdown: the characters that start
// emphasis, links, code or HTML get a backslash, and those that start a
// heading, a quote or a list only at the start. Parentheses and the like
// stay bare, so the file still reads well as plain text.
func mdEscape(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch r {
		case '\\', '*', '_', '`', '[', ']', '<', '~', '|':
			b.WriteByte('\\')
		case '#', '>', '-', '+', '.', '=':
			if i == 0 {
				b.WriteByte('\\')
			}
		case '&':
			// Only "&name;" could turn into another character.
			if strings.Contains(s[i:], ";") {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// textWidth is the width of the plain-text summary: it fits a terminal, an
// e-mail and a printed page.
const textWidth = 72

// renderText writes the summary as plain text with underlined headings.
func renderText(v view) []byte {
	var b strings.Builder
	underline := func(s string, under rune) {
		fmt.Fprintf(&b, "%s\n%s\n", s, strings.Repeat(string(under), min(textWidth, ansi.StringWidth(s))))
	}
	prev := blockTitle
	for i, bl := range layout(v) {
		// A blank line between parts; none under a heading, between the
		// items of one list, or under the bar.
		gap := "\n"
		switch {
		case prev == blockHeading, prev == blockTitle,
			bl.kind == prev && bl.kind != blockStep && bl.kind != blockPara,
			prev == blockProgress && bl.kind == blockDone:
			gap = ""
		}
		prev = bl.kind
		switch bl.kind {
		case blockTitle:
			if i > 0 {
				b.WriteString("\n")
			}
			underline(bl.text, '=')
		case blockMade:
			fmt.Fprintf(&b, "%s\n", bl.text)
		case blockPara:
			b.WriteString(gap + wrap(bl.text, textWidth, "", ""))
		case blockHeading:
			b.WriteString("\n")
			underline(bl.text, '-')
		case blockAppt:
			b.WriteString(gap)
			for _, l := range bl.lines2 {
				b.WriteString(wrap(l, textWidth, "", "  "))
			}
		case blockCall:
			b.WriteString(gap + wrap(bl.label+" "+bl.text, textWidth, "", "  "))
		case blockStep:
			num := fmt.Sprintf("%d. ", bl.num)
			b.WriteString(gap + wrap(bl.text, textWidth, num, "   "))
			for _, l := range bl.lines {
				line := l.text
				if l.label != "" {
					line = l.label + ": " + l.text
				}
				b.WriteString(wrap(line, textWidth, "   ", "     "))
			}
		case blockDone:
			line := bl.text
			if bl.meta != "" {
				line += " (" + bl.meta + ")"
			}
			b.WriteString(gap + wrap(line, textWidth, "  ✓ ", "    "))
			for _, l := range bl.lines {
				b.WriteString(wrap(l.label+": "+l.text, textWidth, "    ", "      "))
			}
		case blockBullet:
			b.WriteString(gap + wrap(bl.text, textWidth, "  - ", "    "))
		case blockProgress:
			b.WriteString(gap + wrap(bl.text, textWidth, "", ""))
			b.WriteString(progressBar(bl.done, bl.total) + "\n")
		case blockPage:
			b.WriteString("\n" + strings.Repeat("=", textWidth) + "\n")
		case blockDebts:
			writeDebtsText(&b, v.debts)
		case blockFooter:
			fmt.Fprintf(&b, "\n%s\n", bl.text)
		}
	}
	return []byte(b.String())
}

// wrap breaks s into lines of at most width columns: the first starts with
// first, the others with rest. A word longer than a line is cut.
func wrap(s string, width int, first, rest string) string {
	var b strings.Builder
	prefix := first
	line := ""
	flush := func() {
		b.WriteString(strings.TrimRight(prefix+line, " "))
		b.WriteByte('\n')
		prefix, line = rest, ""
	}
	for _, word := range strings.Fields(s) {
		room := width - ansi.StringWidth(prefix)
		for ansi.StringWidth(word) > room {
			if line != "" {
				flush()
				room = width - ansi.StringWidth(prefix)
				continue
			}
			cut := ansi.Truncate(word, room, "")
			if cut == "" { // a single character wider than the room
				cut = string([]rune(word)[:1])
			}
			line = cut
			flush()
			word = word[len(cut):]
			room = width - ansi.StringWidth(prefix)
		}
		switch {
		case word == "":
		case line == "":
			line = word
		case ansi.StringWidth(prefix+line+" "+word) <= width:
			line += " " + word
		default:
			flush()
			line = word
		}
	}
	if line != "" || prefix == first {
		flush()
	}
	return b.String()
}
