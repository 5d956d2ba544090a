package export

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/go-text/typesetting/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/text/unicode/norm"

	"houvast/actionlist"
)

// TestVisualLine: a line is given back in drawing order: Latin as it is,
// Arabic reversed into its joined forms, which read back (NFKC) as the
// letters written.
func TestVisualLine(t *testing.T) {
	if got := visualLine("Zoë, 27 november", false, false); got != "Zoë, 27 november" {
		t.Errorf("Latin: %q", got)
	}
	got := visualLine("من", true, false) // meem, noon
	if got != "\ufee6\ufee3" {           // final noon, then initial meem
		t.Errorf("Arabic: %q (% x)", got, []rune(got))
	}
	// A Latin name and a number in an Arabic line keep their own order,
	// and stand where a right-to-left reader meets them.
	got = visualLine("أنت، مع Sanne قبل 27", true, false)
	back := norm.NFKC.String(got)
	if !strings.HasPrefix(back, "27 ") || !strings.Contains(back, "Sanne") || strings.Contains(back, "ennaS") {
		t.Errorf("mixed: %q", back)
	}
	if visualLine("", true, false) != "" {
		t.Error("an empty line")
	}
}

// summaryRunes are every character a summary in l can print of its own:
// the catalogue's words and the default template's steps.
func summaryRunes(l actionlist.CaseLang) string {
	var b strings.Builder
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			b.WriteString(v.String())
			b.WriteByte(' ')
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(v.MapIndex(k))
			}
		case reflect.Array, reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Struct: // the debt overview's words, embedded
			for i := range v.NumField() {
				walk(v.Field(i))
			}
		}
	}
	v := reflect.ValueOf(*summaryTexts(l))
	for i := range v.NumField() {
		if v.Type().Field(i).Name == "ErrNotHouvast" {
			break
		}
		walk(v.Field(i))
	}
	x := actionlist.DefaultStepTexts()
	for _, s := range actionlist.DefaultTemplate(actionlist.Dutch).Steps {
		st := x.Lookup(actionlist.DefaultTemplateID, s.Key, l)
		b.WriteString(st.Title + " " + st.Why + " " + st.After + " ")
	}
	// The marks the PDF draws itself, and those of amounts (a Polish amount
	// groups its thousands with a no-break space).
	b.WriteString("0123456789 .,•—·€\u00a0/:")
	return b.String()
}

// TestPDFFontsCoverEveryCharacter: the font of each language's PDF has a
// glyph for every character its summary can print (Latin, Turkish and
// Polish letters in the Go fonts; Arabic, joined, in DejaVu Sans), and
// every part of every Arabic glyph can be put in the PDF, so nothing is
// drawn as a box or left out.
func TestPDFFontsCoverEveryCharacter(t *testing.T) {
	goFaces := [2]*font.Face{}
	for i, ttf := range [][]byte{goregular.TTF, gobold.TTF} {
		f, err := font.ParseTTF(bytes.NewReader(ttf))
		if err != nil {
			t.Fatal(err)
		}
		goFaces[i] = f
	}
	for _, l := range actionlist.CaseLangs {
		text := summaryRunes(l)
		for bold := range 2 {
			face := goFaces[bold]
			drawn := text
			if l.RightToLeft() {
				sf := shapeFonts()[bold]
				face = sf.face
				var lines []string
				for _, line := range strings.Split(text, "  ") {
					lines = append(lines, visualLine(line, true, bold == 1))
				}
				drawn = strings.Join(lines, " ")
				if _, missing := sf.partsOf([]rune(drawn)); len(missing) > 0 {
					t.Errorf("%s: %d glyph parts cannot be put in the PDF: %v", l, len(missing), missing)
				}
			}
			seen := map[rune]bool{}
			for _, r := range drawn {
				if seen[r] || r == ' ' {
					continue
				}
				seen[r] = true
				if _, ok := face.NominalGlyph(r); !ok {
					t.Errorf("%s (bold %d): no glyph for %q (%U)", l, bold, r, r)
				}
			}
		}
	}
}
