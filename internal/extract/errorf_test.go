package extract

import (
	"errors"
	"go/ast"
	"go/token"
	"testing"

	"github.com/tokenlint/tokenlint/internal/fixtures"
)

// TestErrorfMasksFileText: Errorf masks a string argument (the file's
// text) whole and what a parser's message quotes, and prints our phrases,
// grammar words and numbers.
func TestErrorfMasksFileText(t *testing.T) {
	for _, c := range []struct {
		got  *Error
		want string
	}{
		{Errorf("f", 1, "block %q is not closed by %q", "Kx7Qw9\tZp", "}"), `block "Kx*******" is not closed by "}"`},
		{Errorf("f", 1, "mapping key %q already defined at line %d", "url", 3), `mapping key "url" already defined at line 3`},
		{Errorf("f", 1, "not %s: the top level is not an object", phrase("a Postman environment")), "not a Postman environment: the top level is not an object"},
		{Errorf("f", 1, "invalid TOML: %s", parserMessage("Key 'tbl.Kx7Qw9' has already been defined.")), "invalid TOML: Key 'tb********' has already been defined."},
		{Errorf("f", 1, "invalid YAML: %s", parserMessage("did not find expected ',' or '}'")), "invalid YAML: did not find expected ',' or '}'"},
		{Errorf("f", 1, "shell syntax: %v", errors.New("unclosed here-document `Kx7Qw9`")), "shell syntax: unclosed here-document `Kx****`"},
		{Errorf("f", 1, "unterminated %c-quoted value", '"'), `unterminated "-quoted value`},
	} {
		if c.got.Msg != c.want {
			t.Errorf("Errorf = %q, want %q", c.got.Msg, c.want)
		}
	}
}

// TestOneErrorChokePoint: a front end's *Error is made by Errorf only, the
// one place that masks the file's text in it.
func TestOneErrorChokePoint(t *testing.T) {
	fixtures.Literals(t, "Error", "Errorf", func(pos token.Position, _ *ast.CompositeLit) {
		t.Errorf("%s: an Error made outside Errorf", pos)
	})
}
