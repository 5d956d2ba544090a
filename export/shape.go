package export

import (
	"bytes"
	"encoding/binary"
	"fmt"
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
// and the parts its composite glyphs are built from. ttf is the font as the
// PDF embeds it: the font's own, with a character of Unicode's private
// plane 15 (U+F0000 plus the glyph's number) for each glyph the font gives
// none, so that every glyph HarfBuzz picks, and every part of one, can be
// reached through gopdf, which only knows characters.
type shapeFont struct {
	face    *font.Face
	byGlyph map[font.GID]rune
	glyf    tables.Glyf
	ttf     []byte
}

// privateGlyph is the first character given to a glyph without one.
const privateGlyph = 0xF0000

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
	var pairs []cmapPair
	it := face.Cmap.Iter()
	for it.Next() {
		r, g := it.Char()
		pairs = append(pairs, cmapPair{r, g})
		// A glyph reached from a plain letter and from its presentation
		// form keeps the plain letter, which is what a reader copies.
		if old, ok := f.byGlyph[g]; !ok || r < old {
			f.byGlyph[g] = r
		}
	}
	for g := range len(glyf) {
		if _, ok := f.byGlyph[font.GID(g)]; !ok && g > 0 {
			r := rune(privateGlyph + g)
			f.byGlyph[font.GID(g)] = r
			pairs = append(pairs, cmapPair{r, font.GID(g)})
		}
	}
	f.ttf, err = withCmap12(ttf, pairs)
	if err != nil {
		panic("embedded font: " + err.Error())
	}
	return f
}

var shapeFonts = sync.OnceValue(func() [2]*shapeFont {
	return [2]*shapeFont{loadShapeFont(dejavusans.TTF), loadShapeFont(dejavusansbold.TTF)}
})

type cmapPair struct {
	r rune
	g font.GID
}

// withCmap12 returns the font with its Unicode cmap for all characters
// (platform 3, encoding 10, format 12) replaced by one of pairs; the other
// cmaps, and every other table, stay as they are.
func withCmap12(ttf []byte, pairs []cmapPair) ([]byte, error) {
	ld, err := ot.NewLoader(bytes.NewReader(ttf))
	if err != nil {
		return nil, err
	}
	old, err := ld.RawTable(ot.MustNewTag("cmap"))
	if err != nil || len(old) < 4 {
		return nil, fmt.Errorf("no cmap table")
	}
	type record struct {
		platform, encoding uint16
		offset             uint32
	}
	n := int(binary.BigEndian.Uint16(old[2:]))
	if len(old) < 4+8*n {
		return nil, fmt.Errorf("a short cmap table")
	}
	var keep []record
	for i := range n {
		b := old[4+8*i:]
		r := record{binary.BigEndian.Uint16(b), binary.BigEndian.Uint16(b[2:]), binary.BigEndian.Uint32(b[4:])}
		if r.platform == 3 && r.encoding == 10 {
			continue
		}
		keep = append(keep, r)
	}
	slices.SortFunc(pairs, func(a, b cmapPair) int { return int(a.r) - int(b.r) })
	var groups [][3]uint32
	for _, p := range pairs {
		if k := len(groups) - 1; k >= 0 && groups[k][1]+1 == uint32(p.r) && groups[k][2]+(groups[k][1]-groups[k][0])+1 == uint32(p.g) {
			groups[k][1]++
			continue
		}
		groups = append(groups, [3]uint32{uint32(p.r), uint32(p.r), uint32(p.g)})
	}
	sub := binary.BigEndian.AppendUint16(nil, 12)
	sub = binary.BigEndian.AppendUint16(sub, 0)
	sub = binary.BigEndian.AppendUint32(sub, uint32(16+12*len(groups)))
	sub = binary.BigEndian.AppendUint32(sub, 0)
	sub = binary.BigEndian.AppendUint32(sub, uint32(len(groups)))
	for _, g := range groups {
		for _, v := range g {
			sub = binary.BigEndian.AppendUint32(sub, v)
		}
	}
	all := append(keep, record{3, 10, 0})
	slices.SortFunc(all, func(a, b record) int {
		return int(a.platform)<<16 + int(a.encoding) - (int(b.platform)<<16 + int(b.encoding))
	})
	head := 4 + 8*len(all)
	cmap := binary.BigEndian.AppendUint16(nil, 0)
	cmap = binary.BigEndian.AppendUint16(cmap, uint16(len(all)))
	for _, r := range all {
		off := uint32(head + len(old)) // the new subtable, after the old table
		if r.platform != 3 || r.encoding != 10 {
			off = uint32(head) + r.offset
		}
		cmap = binary.BigEndian.AppendUint16(cmap, r.platform)
		cmap = binary.BigEndian.AppendUint16(cmap, r.encoding)
		cmap = binary.BigEndian.AppendUint32(cmap, off)
	}
	cmap = append(cmap, old...)
	cmap = append(cmap, sub...)

	var out []ot.Table
	for _, tag := range ld.Tables() {
		content, err := ld.RawTable(tag)
		if err != nil {
			return nil, err
		}
		if tag == ot.MustNewTag("cmap") {
			content = cmap
		}
		// Tables start on four bytes, as readers expect.
		content = append(slices.Clip(content), make([]byte, (4-len(content)%4)%4)...)
		out = append(out, ot.Table{Tag: tag, Content: content})
	}
	slices.SortFunc(out, func(a, b ot.Table) int { return int(a.Tag) - int(b.Tag) })
	return ot.WriteTTF(out), nil
}

// visualLine returns the characters of one logical line in the order they
// are drawn from left to right, with Arabic letters in their joined forms.
// rtl sets the paragraph's direction when its first letter does not.
func visualLine(line string, rtl, bold bool) string {
	return new(shaper).visual(line, rtl, bold)
}

// shaper lays out lines for one document: HarfBuzz keeps what it learnt of
// the font between lines, and a line measured while wrapping is drawn from
// the same result. It is not safe for use by several goroutines.
type shaper struct {
	hb    shaping.HarfbuzzShaper
	p     bidi.Paragraph
	lines map[shaperKey]string
}

type shaperKey struct {
	line      string
	rtl, bold bool
}

func (sh *shaper) visual(line string, rtl, bold bool) string {
	k := shaperKey{line, rtl, bold}
	if v, ok := sh.lines[k]; ok {
		return v
	}
	v := sh.layout(line, rtl, bold)
	if sh.lines == nil {
		sh.lines = map[shaperKey]string{}
	}
	sh.lines[k] = v
	return v
}

func (sh *shaper) layout(line string, rtl, bold bool) string {
	text := []rune(line)
	if len(text) == 0 {
		return ""
	}
	dir := bidi.LeftToRight
	if rtl {
		dir = bidi.RightToLeft
	}
	runs := sh.p.Segment(text, dir)
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
		out = append(out, f.shapeRTL(&sh.hb, text, r.start, r.end)...)
	}
	// The isolates (isolate.go) have done their work: they are not drawn.
	out = slices.DeleteFunc(out, isIsolate)
	return string(out)
}

// shapeRTL shapes text[start:end] right to left and returns its glyphs, as
// characters, in drawing order.
func (f *shapeFont) shapeRTL(hb *shaping.HarfbuzzShaper, text []rune, start, end int) []rune {
	out := hb.Shape(shaping.Input{
		Text: text, RunStart: start, RunEnd: end,
		Direction: di.DirectionRTL, Face: f.face, Size: fixed.I(16),
		Script: language.Arabic, Language: language.NewLanguage("ar"),
	})
	rs := make([]rune, 0, len(out.Glyphs))
	for _, g := range out.Glyphs {
		if c := g.ClusterIndex; c < len(text) && g.RuneCount == 1 && isIsolate(text[c]) {
			continue // an isolate, which HarfBuzz gives as a space
		}
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
	// gopdf puts in a glyph it draws and that glyph's own parts; so a part
	// is in when it or its parent is reached from a character.
	seen := map[font.GID]bool{}
	var walk func(g font.GID, depth int, parentTop bool)
	walk = func(g font.GID, depth int, parentTop bool) {
		if seen[g] || int(g) >= len(f.glyf) {
			return
		}
		seen[g] = true
		top := depth == 0
		if depth > 0 {
			if r, ok := f.byGlyph[g]; ok {
				parts = append(parts, r)
				top = true
			} else if !parentTop {
				missing = append(missing, g)
			}
		}
		if c, ok := f.glyf[g].Data.(tables.CompositeGlyph); ok {
			for _, p := range c.Glyphs {
				walk(font.GID(p.GlyphIndex), depth+1, top)
			}
		}
	}
	for _, r := range runes {
		if g, ok := f.face.NominalGlyph(r); ok {
			walk(g, 0, false)
		}
	}
	return parts, missing
}
