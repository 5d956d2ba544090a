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

// A command line cobra refuses is said in the run's language, with the
// command to ask for help, never as cobra's own English.
func TestRefusedCommandLinesAreSaid(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"export", "summary"}, "Geef ook --case op"},
		{[]string{"agenda", "--days", "x"}, `"x" is geen geldige waarde voor --days. 'houvast agenda --help'`},
		{[]string{"agenda", "--days"}, "Achter --days hoort een waarde"},
		{[]string{"agenda", "--dayz"}, "--dayz kent Houvast niet"},
		{[]string{"caess"}, `Houvast kent de opdracht "caess" niet`},
		{[]string{"import"}, "'houvast import --help'"},
		{[]string{"templates", "check"}, "'houvast templates check --help'"},
	} {
		code, _, errOut := cli(t, nil, append([]string{"--db", db}, tc.args...)...)
		if code == 0 || !strings.Contains(errOut, tc.says) {
			t.Errorf("%v: %d %q, want %q", tc.args, code, errOut, tc.says)
		}
		for _, english := range []string{"flag(s)", "arg(s)", "unknown", "invalid argument", "needs an argument"} {
			if strings.Contains(errOut, english) {
				t.Errorf("%v: cobra's English %q reaches the user: %q", tc.args, english, errOut)
			}
		}
	}
	_, _, errOut := cli(t, map[string]string{"LANG": "en_GB.UTF-8"}, "--db", db, "import")
	if !strings.Contains(errOut, "number of files this command takes") {
		t.Errorf("in English: %q", errOut)
	}
}
