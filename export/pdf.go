package export

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/signintech/gopdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"houvast/actionlist"
)

// The PDF is A4 with the Go fonts embedded (they cover ë, é, € and the
// rest of Western European text, Turkish and Polish letters too), or DejaVu
// Sans for Arabic, drawn right to left and shaped (shape.go); wrapped to the
// page, with page breaks that keep a heading with what follows it. The body
// is 12 pt, for people who read with difficulty; each page carries the case
// reference and its number at the foot.
const (
	pdfPageW   = 595.28 // A4 in points
	pdfPageH   = 841.89
	pdfMargin  = 46.0
	pdfBottom  = 58.0 // the foot line sits below this
	pdfBody    = 12.0
	pdfSmall   = 9.5
	pdfH1      = 19.0
	pdfH2      = 14.0
	pdfLeading = 1.28
	pdfIndent  = 18.0
)

type pdfWriter struct {
	pdf    *gopdf.GoPdf
	y      float64
	err    error
	family string
	rtl    bool      // right to left: every x is measured from the right edge
	bold   bool      // the current font is the bold one
	drawn  [2][]rune // the characters drawn, regular and bold, for the glyph closure
	shape  shaper    // lays out the lines of a right-to-left summary
}

func renderPDF(v view) ([]byte, error) {
	p := &gopdf.GoPdf{}
	p.Start(gopdf.Config{PageSize: gopdf.Rect{W: pdfPageW, H: pdfPageH}, Unit: gopdf.UnitPT})
	p.SetInfo(gopdf.PdfInfo{Title: v.title, Creator: "Houvast", Producer: "Houvast"})
	w := &pdfWriter{pdf: p, family: "go", rtl: v.lang.RightToLeft()}
	regular, bold := goregular.TTF, gobold.TTF
	if w.rtl {
		w.family, regular, bold = "dejavu", shapeFonts()[0].ttf, shapeFonts()[1].ttf
	}
	if err := p.AddTTFFontData(w.family, regular); err != nil {
		return nil, fmt.Errorf("pdf font: %w", err)
	}
	if err := p.AddTTFFontDataWithOption(w.family, bold, gopdf.TtfOption{Style: gopdf.Bold}); err != nil {
		return nil, fmt.Errorf("pdf font: %w", err)
	}
	p.AddPage()
	w.y = pdfMargin
	footer := ""
	for _, bl := range layout(v) {
		switch bl.kind {
		case blockTitle:
			w.room(pdfH1*pdfLeading + 4*pdfBody*pdfLeading)
			w.para(bl.text, pdfH1, true, 0, 0)
		case blockMade:
			w.para(bl.text, pdfSmall+0.5, false, 0, 0.4)
			w.gap(4)
		case blockPara:
			w.gap(2)
			w.para(bl.text, pdfBody, false, 0, 0)
		case blockHeading:
			w.heading(bl.text)
		case blockAppt:
			for i, l := range bl.lines2 {
				w.para(l, pdfBody, i == 0, 0, 0)
			}
		case blockCall:
			w.gap(3)
			w.labelled(bl.label, bl.text, 0, true)
		case blockStep:
			w.keep(3)
			w.numbered(fmt.Sprintf("%d.", bl.num), bl.text)
			for _, l := range bl.lines {
				w.labelled(l.label, l.text, pdfIndent, false)
			}
			w.gap(5)
		case blockDone:
			w.done(bl.text, bl.meta)
			for _, l := range bl.lines {
				w.labelled(l.label, l.text, pdfIndent, false)
			}
		case blockBullet:
			w.bullet("•", bl.text)
		case blockProgress:
			w.gap(3)
			w.para(bl.text, pdfBody, false, 0, 0)
			w.bar(bl.done, bl.total)
		case blockPage:
			if w.y > pdfMargin {
				p.AddPage()
				w.y = pdfMargin
			}
		case blockDebts:
			writeDebtsPDF(w, v.debts)
		case blockFooter:
			footer = bl.text
		}
	}
	w.feet(footer)
	w.closeGlyphs()
	if w.err != nil {
		return nil, fmt.Errorf("pdf: %w", w.err)
	}
	var b bytes.Buffer
	if _, err := p.WriteTo(&b); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return b.Bytes(), nil
}

// feet writes the case reference and "page of pages" at the foot of every
// page, once the number of pages is known.
func (w *pdfWriter) feet(ref string) {
	n := w.pdf.GetNumberOfPages()
	for i := 1; i <= n; i++ {
		if err := w.pdf.SetPage(i); err != nil {
			w.fail(err)
			return
		}
		w.font(pdfSmall, false)
		w.pdf.SetTextColor(110, 110, 110)
		w.y = pdfPageH - pdfBottom + 22
		w.cell(pdfMargin, ref)
		num := fmt.Sprintf("%d / %d", i, n)
		w.cell(pdfPageW-pdfMargin-w.measure(num), num)
		w.pdf.SetTextColor(0, 0, 0)
	}
}

func (w *pdfWriter) fail(err error) {
	if err != nil && w.err == nil {
		w.err = err
	}
}

// labelled writes "label: text", the label in grey (or bold), wrapped with
// the label's width kept free on the first line only.
func (w *pdfWriter) labelled(label, text string, indent float64, bold bool) {
	if label == "" {
		w.para(text, pdfBody, false, indent, 0)
		return
	}
	if !bold {
		label += ":"
	}
	w.font(pdfBody, bold)
	lw := w.measure(label + " ")
	w.font(pdfBody, false)
	width := pdfPageW - 2*pdfMargin - indent
	lines := w.wrapFirst(text, width-lw, width)
	h := pdfBody * pdfLeading
	w.room(h)
	w.font(pdfBody, bold)
	if !bold {
		w.pdf.SetTextColor(90, 90, 90)
	}
	w.cell(pdfMargin+indent, label)
	w.pdf.SetTextColor(0, 0, 0)
	w.font(pdfBody, false)
	for i, l := range lines {
		x := pdfMargin + indent
		if i == 0 {
			x += lw
		}
		w.line(x, l, pdfBody)
	}
	if len(lines) == 0 {
		w.y += h
	}
}

// done writes a finished step: a drawn check mark (the Go fonts have no ✓),
// its title in bold and the day.
func (w *pdfWriter) done(title, meta string) {
	line := title
	if meta != "" {
		line += " — " + meta
	}
	w.font(pdfBody, false)
	w.room(pdfBody * pdfLeading)
	x, y := w.edge(pdfMargin+3, 10), w.y+pdfBody*0.55
	w.pdf.SetLineWidth(1.4)
	w.pdf.SetStrokeColor(46, 125, 50)
	w.pdf.Line(x, y, x+3.5, y+3.5)
	w.pdf.Line(x+3.5, y+3.5, x+10, y-3.5)
	for _, l := range w.wrap(line, pdfPageW-2*pdfMargin-pdfIndent) {
		w.line(pdfMargin+pdfIndent, l, pdfBody)
	}
}

// bar draws the share of finished steps.
func (w *pdfWriter) bar(done, total int) {
	const width, height = 260.0, 9.0
	w.room(height + 8)
	y := w.y + 2
	w.pdf.SetFillColor(228, 228, 228)
	x := w.edge(pdfMargin, width)
	w.fail(w.pdf.Rectangle(x, y, x+width, y+height, "F", height/2, 6))
	if n := actionlist.BarFill(done, total, int(width)); n > 0 {
		// The bar fills from where the line starts: the right in Arabic.
		fill := max(float64(n), height)
		x := w.edge(pdfMargin, fill)
		w.pdf.SetFillColor(46, 125, 50)
		w.fail(w.pdf.Rectangle(x, y, x+fill, y+height, "F", height/2, 6))
	}
	w.y += height + 8
}

func (w *pdfWriter) font(size float64, bold bool) {
	style := ""
	if bold {
		style = "B"
	}
	w.bold = bold
	w.fail(w.pdf.SetFont(w.family, style, size))
}

// closeGlyphs adds to each font's subset the glyphs that the drawn glyphs
// are built from, however deep: gopdf follows a composite glyph one level
// only, and DejaVu builds many Arabic letters two levels deep.
func (w *pdfWriter) closeGlyphs() {
	if !w.rtl {
		return
	}
	for i, runes := range w.drawn {
		parts := shapeFonts()[i].parts(runes)
		if len(parts) == 0 {
			continue
		}
		w.font(pdfBody, i == 1)
		w.measure(string(parts))
	}
}

// edge is where a shape of width that starts at x (from the start edge of
// the line) lies on the page: mirrored in a right-to-left summary.
func (w *pdfWriter) edge(x, width float64) float64 {
	if w.rtl {
		return pdfPageW - x - width
	}
	return x
}

// cell draws s at x (from the start edge of the line) on the current line.
func (w *pdfWriter) cell(x float64, s string) {
	if w.rtl {
		s = w.shape.visual(s, true, w.bold)
		x = pdfPageW - x - w.measureDrawn(s)
		b := 0
		if w.bold {
			b = 1
		}
		w.drawn[b] = append(w.drawn[b], []rune(s)...)
	}
	w.pdf.SetXY(x, w.y)
	w.fail(w.pdf.Cell(nil, s))
}

// room starts a new page unless h points still fit on this one.
func (w *pdfWriter) room(h float64) {
	if w.y+h > pdfPageH-pdfBottom {
		w.pdf.AddPage()
		w.y = pdfMargin
	}
}

// keep makes sure the next n body lines fit, so a heading or a step title
// is never alone at the bottom of a page.
func (w *pdfWriter) keep(n int) { w.room(float64(n) * pdfBody * pdfLeading) }

func (w *pdfWriter) gap(h float64) { w.y += h }

func (w *pdfWriter) heading(s string) {
	w.gap(14)
	w.room(pdfH2*pdfLeading + 3*pdfBody*pdfLeading)
	w.font(pdfH2, true)
	w.line(pdfMargin, s, pdfH2)
	w.pdf.SetLineWidth(0.6)
	w.pdf.SetStrokeColor(200, 200, 200)
	w.pdf.Line(pdfMargin, w.y+1, pdfPageW-pdfMargin, w.y+1)
	w.gap(6)
}

// para writes wrapped text; grey is 0 for black up to 1 for white.
func (w *pdfWriter) para(s string, size float64, bold bool, indent, grey float64) {
	w.font(size, bold)
	g := uint8(grey * 255)
	w.pdf.SetTextColor(g, g, g)
	for _, l := range w.wrap(s, pdfPageW-2*pdfMargin-indent) {
		w.line(pdfMargin+indent, l, size)
	}
	w.pdf.SetTextColor(0, 0, 0)
}

func (w *pdfWriter) numbered(num, title string) {
	w.font(pdfBody, true)
	w.room(pdfBody * pdfLeading)
	w.cell(pdfMargin, num)
	for _, l := range w.wrap(title, pdfPageW-2*pdfMargin-18) {
		w.line(pdfMargin+18, l, pdfBody)
	}
}

func (w *pdfWriter) bullet(mark, s string) {
	w.font(pdfBody, false)
	w.room(pdfBody * pdfLeading)
	w.cell(pdfMargin+4, mark)
	for _, l := range w.wrap(s, pdfPageW-2*pdfMargin-18) {
		w.line(pdfMargin+18, l, pdfBody)
	}
}

// line writes one line at the start edge x and moves down.
func (w *pdfWriter) line(x float64, s string, size float64) {
	h := size * pdfLeading
	w.room(h)
	w.cell(x, s)
	w.y += h
}

// measure is the width of a logical text as it will be drawn.
func (w *pdfWriter) measure(s string) float64 {
	if w.rtl {
		s = w.shape.visual(s, true, w.bold)
	}
	return w.measureDrawn(s)
}

// measureDrawn is the width of characters already in drawing order.
func (w *pdfWriter) measureDrawn(s string) float64 {
	n, err := w.pdf.MeasureTextWidth(s)
	w.fail(err)
	return n
}

// wrap breaks s into lines no wider than width in the current font; a word
// wider than a line is cut.
func (w *pdfWriter) wrap(s string, width float64) []string { return w.wrapFirst(s, width, width) }

// wrapFirst is wrap with a first line of another width.
func (w *pdfWriter) wrapFirst(s string, first, rest float64) []string {
	var lines []string
	line := ""
	room := func() float64 {
		if len(lines) == 0 {
			return first
		}
		return rest
	}
	for _, word := range strings.Fields(s) {
		for width := room(); w.measure(word) > width; width = room() {
			if line != "" {
				lines, line = append(lines, line), ""
				continue
			}
			rs := []rune(word)
			n := len(rs) - 1
			for n > 1 && w.measure(string(rs[:n])) > width {
				n--
			}
			lines = append(lines, string(rs[:n]))
			word = string(rs[n:])
		}
		switch {
		case line == "":
			line = word
		case w.measure(line+" "+word) <= room():
			line += " " + word
		default:
			lines, line = append(lines, line), word
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
