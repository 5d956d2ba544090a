package export

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// renderMarkdown writes the summary as Markdown that reads well as plain
// text too. Typed text is escaped, so a star or a bracket in a title stays
// a character and never becomes a link or emphasis.
func renderMarkdown(v view) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n*%s*\n\n%s\n", mdEscape(v.title), mdEscape(v.made), mdEscape(v.intro))

	fmt.Fprintf(&b, "\n## %s\n\n", mdEscape(v.nowTitle))
	if v.nowNone != "" {
		fmt.Fprintf(&b, "%s\n", mdEscape(v.nowNone))
	}
	for i, it := range v.now {
		fmt.Fprintf(&b, "%d. **%s**  \n", i+1, mdEscape(it.title))
		for j, l := range it.lines {
			end := "  \n"
			if j == len(it.lines)-1 {
				end = "\n"
			}
			if l.label == "" {
				fmt.Fprintf(&b, "   %s%s", mdEscape(l.text), end)
			} else {
				fmt.Fprintf(&b, "   *%s:* %s%s", mdEscape(l.label), mdEscape(l.text), end)
			}
		}
		b.WriteString("\n")
	}
	if v.later != "" {
		fmt.Fprintf(&b, "%s\n\n", mdEscape(v.later))
		for _, l := range v.laterBy {
			fmt.Fprintf(&b, "- %s\n", mdEscape(l))
		}
	}

	fmt.Fprintf(&b, "\n## %s\n\n%s\n", mdEscape(v.doneTitle), mdEscape(v.doneCount))
	if len(v.done) > 0 {
		b.WriteString("\n")
	}
	for _, it := range v.done {
		line := "- ✓ " + mdEscape(it.title)
		if it.meta != "" {
			line += " — " + mdEscape(it.meta)
		}
		b.WriteString(line)
		for _, l := range it.lines {
			fmt.Fprintf(&b, "  \n  *%s:* %s", mdEscape(l.label), mdEscape(l.text))
		}
		b.WriteString("\n")
	}
	if v.doneMore != "" {
		fmt.Fprintf(&b, "\n%s\n", mdEscape(v.doneMore))
	}

	fmt.Fprintf(&b, "\n## %s\n\n", mdEscape(v.apptTitle))
	if len(v.appt) == 0 {
		fmt.Fprintf(&b, "%s\n", mdEscape(v.apptNone))
	}
	for i, l := range v.appt {
		if i == 0 {
			fmt.Fprintf(&b, "**%s**", mdEscape(l))
		} else {
			b.WriteString(mdEscape(l))
		}
		if i < len(v.appt)-1 {
			b.WriteString("  ")
		}
		b.WriteString("\n")
	}

	if len(v.agreements) > 0 {
		fmt.Fprintf(&b, "\n## %s\n\n", mdEscape(v.agreeTitle))
		for _, a := range v.agreements {
			fmt.Fprintf(&b, "- %s\n", mdEscape(a))
		}
	}

	fmt.Fprintf(&b, "\n## %s\n\n", mdEscape(v.contactTitle))
	if v.contactNone != "" {
		fmt.Fprintf(&b, "%s\n", mdEscape(v.contactNone))
	}
	for _, c := range v.contacts {
		fmt.Fprintf(&b, "- %s\n", mdEscape(c))
	}
	if v.footer != "" {
		fmt.Fprintf(&b, "\n---\n\n<small>%s</small>\n", htmlEscape(v.footer))
	}
	writeDebtsMarkdown(&b, v.debts)
	return []byte(b.String())
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
	heading := func(s string, under rune) {
		fmt.Fprintf(&b, "%s\n%s\n", s, strings.Repeat(string(under), min(textWidth, ansi.StringWidth(s))))
	}
	heading(v.title, '=')
	fmt.Fprintf(&b, "%s\n\n", v.made)
	b.WriteString(wrap(v.intro, textWidth, "", ""))

	b.WriteString("\n")
	heading(v.nowTitle, '-')
	if v.nowNone != "" {
		b.WriteString(wrap(v.nowNone, textWidth, "", ""))
	}
	for i, it := range v.now {
		num := fmt.Sprintf("%d. ", i+1)
		b.WriteString(wrap(it.title, textWidth, num, "   "))
		for _, l := range it.lines {
			line := l.text
			if l.label != "" {
				line = l.label + ": " + l.text
			}
			b.WriteString(wrap(line, textWidth, "   ", "     "))
		}
		b.WriteString("\n")
	}
	if v.later != "" {
		b.WriteString(wrap(v.later, textWidth, "", ""))
		for _, l := range v.laterBy {
			b.WriteString(wrap(l, textWidth, "  - ", "    "))
		}
		b.WriteString("\n")
	}

	heading(v.doneTitle, '-')
	b.WriteString(wrap(v.doneCount, textWidth, "", ""))
	for _, it := range v.done {
		line := it.title
		if it.meta != "" {
			line += " (" + it.meta + ")"
		}
		b.WriteString(wrap(line, textWidth, "  ✓ ", "    "))
		for _, l := range it.lines {
			b.WriteString(wrap(l.label+": "+l.text, textWidth, "    ", "      "))
		}
	}
	if v.doneMore != "" {
		b.WriteString(wrap(v.doneMore, textWidth, "", ""))
	}

	b.WriteString("\n")
	heading(v.apptTitle, '-')
	if len(v.appt) == 0 {
		b.WriteString(wrap(v.apptNone, textWidth, "", ""))
	}
	for _, l := range v.appt {
		b.WriteString(wrap(l, textWidth, "", "  "))
	}

	if len(v.agreements) > 0 {
		b.WriteString("\n")
		heading(v.agreeTitle, '-')
		for _, a := range v.agreements {
			b.WriteString(wrap(a, textWidth, "  - ", "    "))
		}
	}

	b.WriteString("\n")
	heading(v.contactTitle, '-')
	if v.contactNone != "" {
		b.WriteString(wrap(v.contactNone, textWidth, "", ""))
	}
	for _, c := range v.contacts {
		b.WriteString(wrap(c, textWidth, "  - ", "    "))
	}
	if v.footer != "" {
		fmt.Fprintf(&b, "\n%s\n", v.footer)
	}
	writeDebtsText(&b, v.debts)
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
