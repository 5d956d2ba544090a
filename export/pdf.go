package export

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/signintech/gopdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// The PDF is A4 with the Go fonts embedded (they cover ë, é, € and the
// rest of Western European text, Turkish and Polish letters too), or DejaVu
// Sans for Arabic, drawn right to left and shaped (shape.go); wrapped to the
// page, with page breaks that keep a heading with what follows it.
const (
	pdfPageW   = 595.28 // A4 in points
	pdfPageH   = 841.89
	pdfMargin  = 56.0 // about 20 mm
	pdfBottom  = 64.0
	pdfBody    = 11.0
	pdfSmall   = 9.0
	pdfH1      = 20.0
	pdfH2      = 14.0
	pdfLeading = 1.4
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

	w.para(v.title, pdfH1, true, 0, 0.15)
	w.para(v.made, pdfSmall+1, false, 0, 0.45)
	w.gap(4)
	w.para(v.intro, pdfBody, false, 0, 0)

	w.heading(v.nowTitle)
	if v.nowNone != "" {
		w.para(v.nowNone, pdfBody, false, 0, 0)
	}
	for i, it := range v.now {
		w.keep(3)
		w.numbered(fmt.Sprintf("%d.", i+1), it.title)
		for _, l := range it.lines {
			text := l.text
			if l.label != "" {
				text = l.label + ": " + l.text
			}
			w.para(text, pdfBody, false, 18, 0)
		}
		w.gap(6)
	}
	if v.later != "" {
		w.para(v.later, pdfBody, false, 0, 0)
		for _, l := range v.laterBy {
			w.bullet("•", l)
		}
	}

	w.heading(v.doneTitle)
	w.para(v.doneCount, pdfBody, false, 0, 0)
	w.gap(3)
	for _, it := range v.done {
		line := it.title
		if it.meta != "" {
			line += " — " + it.meta
		}
		w.bullet("•", line)
		for _, l := range it.lines {
			w.para(l.label+": "+l.text, pdfBody, false, 18, 0.3)
		}
	}
	if v.doneMore != "" {
		w.para(v.doneMore, pdfBody, false, 0, 0)
	}

	w.heading(v.apptTitle)
	if len(v.appt) == 0 {
		w.para(v.apptNone, pdfBody, false, 0, 0)
	}
	for i, l := range v.appt {
		w.para(l, pdfBody, i == 0, 0, 0)
	}

	if len(v.agreements) > 0 {
		w.heading(v.agreeTitle)
		for _, a := range v.agreements {
			w.bullet("•", a)
		}
	}

	w.heading(v.contactTitle)
	if v.contactNone != "" {
		w.para(v.contactNone, pdfBody, false, 0, 0)
	}
	for _, c := range v.contacts {
		w.bullet("•", c)
	}
	if v.footer != "" {
		w.gap(18)
		w.para(v.footer, pdfSmall, false, 0, 0.45)
	}
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

func (w *pdfWriter) font(size float64, bold bool) {
	style := ""
	if bold {
		style = "B"
	}
	w.bold = bold
	if err := w.pdf.SetFont(w.family, style, size); err != nil && w.err == nil {
		w.err = err
	}
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
	if err := w.pdf.Cell(nil, s); err != nil && w.err == nil {
		w.err = err
	}
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
	if err != nil && w.err == nil {
		w.err = err
	}
	return n
}

// wrap breaks s into lines no wider than width in the current font; a word
// wider than a line is cut.
func (w *pdfWriter) wrap(s string, width float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		for w.measure(word) > width {
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
		case w.measure(line+" "+word) <= width:
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
