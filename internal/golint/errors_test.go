package golint

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/fixtures"
)

// TestOneErrorChokePoint: outside errorMaker.at, an Error of this package
// is made only with a message of our own words (a string literal): any
// text of the go command, the type checker or the analyzer goes through
// the one place that makes it one line and masks what it quotes.
func TestOneErrorChokePoint(t *testing.T) {
	checked := 0
	fixtures.Literals(t, "Error", "at", func(pos token.Position, lit *ast.CompositeLit) {
		checked++
		for _, e := range lit.Elts {
			kv, ok := e.(*ast.KeyValueExpr)
			if !ok {
				t.Errorf("%s: Error literal without field names", pos)
				continue
			}
			if k, _ := kv.Key.(*ast.Ident); k != nil && k.Name == "Message" {
				if _, ok := kv.Value.(*ast.BasicLit); !ok {
					t.Errorf("%s: an Error whose message is not our own words is made outside errorMaker.at", pos)
				}
			}
		}
	})
	if checked == 0 {
		t.Error("no Error literal found: the test reads nothing")
	}
}

func TestOneLine(t *testing.T) {
	for _, c := range []struct{ msg, want string }{
		{"err: exit status 1: stderr: go: errors parsing go.mod:\n/x/go.mod:4: unknown directive: foo\n", "/x/go.mod:4: errors parsing go.mod: unknown directive: foo"},
		{"# example.com/a\n./a.go:3:25: duplicate key \"k\" in map literal\n./a.go:9:7: other", `./a.go:3: duplicate key "k" in map literal`},
		{`C:\x\a.go:7:2: undefined: y`, `C:\x\a.go:7: undefined: y`},
		{"go: cannot find main module\n\tsee 'go help modules'", ":0: cannot find main module"},
	} {
		text, file, line := oneLine(c.msg)
		if got := fmt.Sprintf("%s:%d: %s", file, line, text); got != c.want {
			t.Errorf("oneLine(%q) = %q, want %q", c.msg, got, c.want)
		}
	}
}

// TestEchoedWords: what withoutEchoes may mask of a go.mod is what a name
// or a version does not explain, and of a Go file its directives'
// arguments.
func TestEchoedWords(t *testing.T) {
	mod := "module example.com/m // the module\n\ngo 1.22\ntoolchain go1.22.4\n\nrequire (\n\texample.com/dep v1.2.3 // indirect\n)\n\nreplace example.com/dep => ../dep\nKx7Qw9 x\n"
	if got, want := strings.Join(modWords([]byte(mod)), " "), "../dep Kx7Qw9 x"; got != want {
		t.Errorf("modWords = %q, want %q", got, want)
	}
	src := "package p\n\n//go:embed Kx7Qw9 static/*\n// #cgo LDFLAGS: -lZz8Yy7\n// an ordinary Comment\nvar s string\n"
	if got, want := strings.Join(directiveWords([]byte(src)), " "), "Kx7Qw9 static/* LDFLAGS -lZz8Yy7"; got != want {
		t.Errorf("directiveWords = %q, want %q", got, want)
	}
	m := &errorMaker{echoable: map[string]map[string]bool{"a.go": {"Kx7Qw9": true}}}
	for msg, want := range map[string]string{
		"pattern Kx7Qw9: no matching files found":        "pattern Kx****: no matching files found",
		"expected ';', found Zz8Yy7 (and more)":          "expected ';', found Zz**** (and more)",
		"expected ';', found 'EOF'":                      "expected ';', found 'EOF'",
		`expected ';', found "Kx****"`:                   `expected ';', found "Kx****"`,
		"expected operand, found newline":                "expected operand, found newline",
		"undefined: http.Zz8Yy7":                         "undefined: ht*********",
		"declared and not used: Kx7Qwz":                  "declared and not used: Kx7Qwz",
		"cannot use x (variable of type Kx7Qw9) as Zz8Y": "cannot use x (variable of type Kx****) as Zz8Y",
	} {
		if got := m.withoutEchoes(msg, "a.go"); got != want {
			t.Errorf("withoutEchoes(%q) = %q, want %q", msg, got, want)
		}
	}
}
