package tui

import (
	"fmt"
	"image/color"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"houvast/actionlist"
)

// The main screens at 80 and 120 columns, in Dutch and English, on a dark
// and a light background. `go test ./tui -update` rewrites the files; read
// the diff before committing it.
func TestGoldenScreens(t *testing.T) {
	screens := []struct {
		name string
		keys []string
	}{
		{"list", nil},
		{"case", []string{"enter"}},
		{"steps", []string{"enter", "s"}},
		{"resident", []string{"enter", "r"}},
		{"volunteer", []string{"v"}},
		{"history", []string{"enter", "h"}},
		{"help", []string{"enter", "?"}},
		{"debts", []string{"enter", "c"}},
		{"signals", []string{"V", "down"}},
	}
	sizes := [][2]int{{80, 24}, {120, 40}}
	for _, lang := range actionlist.Langs {
		for _, size := range sizes {
			for _, dark := range []bool{true, false} {
				bg := "light"
				if dark {
					bg = "dark"
				}
				for _, sc := range screens {
					t.Run(fmt.Sprintf("%s_%s_%dx%d_%s", sc.name, lang, size[0], size[1], bg), func(t *testing.T) {
						f := newFixture(t, lang, size[0], size[1])
						f.send(background(dark))
						if sc.name == "signals" {
							goldenSignals(f)
						}
						f.press(sc.keys...)
						golden.RequireEqual(t, f.m.View().Content)
					})
				}
			}
		}
	}
}

func TestGoldenTooSmall(t *testing.T) {
	for _, lang := range actionlist.Langs {
		t.Run(string(lang), func(t *testing.T) {
			f := newFixture(t, lang, 40, 12)
			golden.RequireEqual(t, f.m.View().Content)
		})
	}
}

func background(dark bool) tea.BackgroundColorMsg {
	if dark {
		return tea.BackgroundColorMsg{Color: color.Black}
	}
	return tea.BackgroundColorMsg{Color: color.White}
}
