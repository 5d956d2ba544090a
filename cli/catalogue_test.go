package cli

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"houvast/internal/catalogtest"
)

func TestCatalogueIsComplete(t *testing.T) {
	catalogtest.Check(t, map[string]any{"nl": &dutch, "en": &english})
}

// No sentence of the command line is written outside its catalogue: every
// string that reaches the user through an error, a print or a said() is a
// catalogue entry or carries no words.
func TestNoSentenceOutsideTheCatalogue(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || strings.HasPrefix(f, "text") || strings.HasPrefix(f, "help") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		// Inside functions only: a package's sentinel errors are for
		// errors.Is, never shown.
		ast.Inspect(file, func(n ast.Node) bool {
			if d, ok := n.(*ast.GenDecl); ok && d.Tok == token.VAR {
				return false
			}
			call, ok := n.(*ast.CallExpr)
			if !ok || !speaks(call.Fun) {
				return true
			}
			for _, arg := range call.Args {
				lit, ok := arg.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					continue
				}
				s, _ := strconv.Unquote(lit.Value)
				if hasWords(s) {
					t.Errorf("%s: %q is said outside the catalogue", fset.Position(lit.Pos()), s)
				}
			}
			return true
		})
	}
}

// speaks tells whether a call puts text in front of the user.
func speaks(fun ast.Expr) bool {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name == "said"
	case *ast.SelectorExpr:
		switch f.Sel.Name {
		case "New", "Errorf", "Fprintf", "Fprintln", "Fprint", "Printf", "Println", "printf", "say":
			return true
		}
	}
	return false
}

// hasWords: two letters in a row make a word; format verbs and punctuation
// alone do not.
func hasWords(s string) bool {
	s = strings.NewReplacer("%s", "", "%d", "", "%v", "", "%q", "").Replace(s)
	run := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			run++
			if run >= 2 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}
