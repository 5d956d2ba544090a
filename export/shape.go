package export

import (
	"bytes"
	"slices"
	"sync"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-text/typesetting/bidi"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// Arabic letters change shape with their neighbours and the line runs right
// to left. gopdf draws characters one by one, left to right, so a line of
// Arabic is prepared here: the Unicode bidi algorithm orders its runs for
// the eye, and HarfBuzz (go-text/typesetting) picks each letter's joined
// form in the DejaVu font. Each glyph it chooses is drawn through the
// character the font maps to it (the Arabic presentation forms), so gopdf
// embeds exactly the glyphs HarfBuzz chose.

// shapeFont is one face with the way back from its glyphs to characters,
// and the parts its composite glyphs are built from.
type shapeFont struct {
	face    *font.Face
	byGlyph map[font.GID]rune
	glyf    tables.Glyf
}

func loadShapeFont(ttf []byte) *shapeFont {
	face, err := font.ParseTTF(bytes.NewReader(ttf))
	if err != nil {
		panic("embedded font: " + err.Error())
	}
	glyf, err := parseGlyf(ttf)
	if err != nil {
		panic("embedded font: " + err.Error())
	}
	f := &shapeFont{face: face, byGlyph: map[font.GID]rune{}, glyf: glyf}
	it := face.Cmap.Iter()
	for it.Next() {
		r, g := it.Char()
		// A glyph reached from a plain letter and from its presentation
		// form keeps the plain letter, which is what a reader copies.
		if old, ok := f.byGlyph[g]; !ok || r < old {
			f.byGlyph[g] = r
		}
	}
	return f
}

var shapeFonts = sync.OnceValue(func() [2]*shapeFont {
	return [2]*shapeFont{loadShapeFont(dejavusans.TTF), loadShapeFont(dejavusansbold.TTF)}
})

// visualLine returns the characters of one logical line in the order they
// are drawn from left to right, with Arabic letters in their joined forms.
// rtl sets the paragraph's direction when its first letter does not.
func visualLine(line string, rtl, bold bool) string {
	text := []rune(line)
	if len(text) == 0 {
		return ""
	}
	dir := bidi.LeftToRight
	if rtl {
		dir = bidi.RightToLeft
	}
	var p bidi.Paragraph
	runs := p.Segment(text, dir)
	type run struct {
		start, end int
		level      bidi.Level
	}
	var rs []run
	for i := 0; i < runs.NumRuns(); i++ {
		r := runs.Run(i)
		rs = append(rs, run{r.Start, r.End, r.Level})
	}
	// Rule L2 of the bidi algorithm: from the highest level down to the
	// lowest odd one, reverse every sequence of runs at that level or above.
	high, lowOdd := bidi.Level(0), bidi.Level(127)
	for _, r := range rs {
		high = max(high, r.level)
		if r.level%2 == 1 {
			lowOdd = min(lowOdd, r.level)
		}
	}
	for lvl := high; lvl >= lowOdd && lvl > 0; lvl-- {
		for i := 0; i < len(rs); {
			if rs[i].level < lvl {
				i++
				continue
			}
			j := i
			for j < len(rs) && rs[j].level >= lvl {
				j++
			}
			slices.Reverse(rs[i:j])
			i = j
		}
	}
	f := shapeFonts()[0]
	if bold {
		f = shapeFonts()[1]
	}
	var out []rune
	for _, r := range rs {
		if r.level%2 == 0 {
			out = append(out, text[r.start:r.end]...)
			continue
		}
		out = append(out, f.shapeRTL(text, r.start, r.end)...)
	}
	return string(out)
}

// shapeRTL shapes text[start:end] right to left and returns its glyphs, as
// characters, in drawing order.
func (f *shapeFont) shapeRTL(text []rune, start, end int) []rune {
	var hb shaping.HarfbuzzShaper
	out := hb.Shape(shaping.Input{
		Text: text, RunStart: start, RunEnd: end,
		Direction: di.DirectionRTL, Face: f.face, Size: fixed.I(16),
		Script: language.Arabic, Language: language.NewLanguage("ar"),
	})
	rs := make([]rune, 0, len(out.Glyphs))
	for _, g := range out.Glyphs {
		if r, ok := f.byGlyph[g.GlyphID]; ok {
			rs = append(rs, r)
			continue
		}
		// A glyph without a character of its own: draw the letters of
		// its cluster as they are, never a box.
		for k := g.ClusterIndex; k < g.ClusterIndex+g.RuneCount && k < len(text); k++ {
			rs = append(rs, text[k])
		}
	}
	return rs
}

// parseGlyf reads the font's glyph table, for the parts of its composites.
func parseGlyf(ttf []byte) (tables.Glyf, error) {
	ld, err := ot.NewLoader(bytes.NewReader(ttf))
	if err != nil {
		return nil, err
	}
	raw := func(tag string) []byte {
		b, _ := ld.RawTable(ot.MustNewTag(tag))
		return b
	}
	head, _, err := tables.ParseHead(raw("head"))
	if err != nil {
		return nil, err
	}
	maxp, _, err := tables.ParseMaxp(raw("maxp"))
	if err != nil {
		return nil, err
	}
	loca, err := tables.ParseLoca(raw("loca"), int(maxp.NumGlyphs), head.IndexToLocFormat == 1)
	if err != nil {
		return nil, err
	}
	return tables.ParseGlyf(raw("glyf"), loca)
}

// parts returns, as characters, every glyph that the glyphs of runes are
// built from, at any depth; missing lists the parts no character reaches.
func (f *shapeFont) parts(runes []rune) []rune {
	out, _ := f.partsOf(runes)
	return out
}

func (f *shapeFont) partsOf(runes []rune) (parts []rune, missing []font.GID) {
	seen := map[font.GID]bool{}
	var walk func(g font.GID, depth int)
	walk = func(g font.GID, depth int) {
		if seen[g] || int(g) >= len(f.glyf) {
			return
		}
		seen[g] = true
		if depth > 0 {
			if r, ok := f.byGlyph[g]; ok {
				parts = append(parts, r)
			} else if depth > 1 {
				missing = append(missing, g)
			}
		}
		if c, ok := f.glyf[g].Data.(tables.CompositeGlyph); ok {
			for _, p := range c.Glyphs {
				walk(font.GID(p.GlyphIndex), depth+1)
			}
		}
	}
	for _, r := range runes {
		if g, ok := f.face.NominalGlyph(r); ok {
			walk(g, 0)
		}
	}
	return parts, missing
}
