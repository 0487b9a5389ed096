package golint

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestOneErrorChokePoint: outside errorMaker.at, an Error of this package
// is made only with a message of our own words (a string literal): any
// text of the go command, the type checker or the analyzer goes through
// the one place that makes it one line and masks what it quotes.
func TestOneErrorChokePoint(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "at" {
				continue
			}
			ast.Inspect(d, func(n ast.Node) bool {
				lit, ok := n.(*ast.CompositeLit)
				if !ok {
					return true
				}
				if id, ok := lit.Type.(*ast.Ident); !ok || id.Name != "Error" {
					return true
				}
				checked++
				for _, e := range lit.Elts {
					kv, ok := e.(*ast.KeyValueExpr)
					if !ok {
						t.Errorf("%s: Error literal without field names", fset.Position(lit.Pos()))
						continue
					}
					if k, _ := kv.Key.(*ast.Ident); k != nil && k.Name == "Message" {
						if _, ok := kv.Value.(*ast.BasicLit); !ok {
							t.Errorf("%s: an Error whose message is not our own words is made outside errorMaker.at", fset.Position(lit.Pos()))
						}
					}
				}
				return true
			})
		}
	}
	if checked == 0 {
		t.Errorf("no Error literal found (%d): the test reads nothing", checked)
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
