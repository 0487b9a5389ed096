package extract

import (
	"errors"
	"strings"
	"testing"
)

// deepHCL nests open n times around a value, with close after it.
func deepHCL(open, value, close string, n int) string {
	return "provider \"genesyscloud\" {\n  oauthclient_secret = \"x\"\n}\n\nlocals {\n  a = " +
		strings.Repeat(open, n) + value + strings.Repeat(close, n) + "\n}\n"
}

// hclNestings are the constructs hclsyntax's parser recurses into.
var hclNestings = []struct{ name, open, value, close string }{
	{"lists", "[", "1", "]"},
	{"objects", "{a = ", "1", "}"},
	{"function calls", "f(", "1", ")"},
	{"parentheses", "(", "1", ")"},
	{"templates", `"${`, "1", `}"`},
	{"template directives", `"%{ if `, "true", ` == "" }x%{ endif }"`},
	{"heredocs", "<<EOT\n${", "1", "}\nEOT\n"},
}

// TestHCLNestingLimit checks that input nested past the limit in any
// construct is an error at its line, found before the parser recurses: 200,000
// levels was a fatal stack overflow.
func TestHCLNestingLimit(t *testing.T) {
	for _, tt := range hclNestings {
		t.Run(tt.name, func(t *testing.T) {
			src := deepHCL(tt.open, tt.value, tt.close, 200000)
			_, err := extractTerraform("deep.tf", []byte(src))
			var xe *Error
			if !errors.As(err, &xe) || !strings.Contains(xe.Msg, "nesting deeper than 1000 levels") || xe.Line < 6 {
				t.Fatalf("got %v, want a nesting error from line 6 on", err)
			}
		})
	}
}

// TestHCLNestingWithinLimit checks that the scan counts what the parser
// recurses into and nothing else: nesting at the limit parses, and
// brackets in strings, comments and heredoc text do not count.
func TestHCLNestingWithinLimit(t *testing.T) {
	for _, tt := range hclNestings {
		t.Run(tt.name, func(t *testing.T) {
			// Heredocs and templates count two levels each (the template
			// and its sequence).
			n := maxNesting / 2
			if _, err := extractTerraform("ok.tf", []byte(deepHCL(tt.open, tt.value, tt.close, n-2))); err != nil {
				t.Fatal(err)
			}
		})
	}
	many := strings.Repeat("[", 5000)
	src := "# " + many + "\n// " + many + "\n/* " + many + " */\nlocals {\n  a = \"" + many + " $${x} \\\"" + many + "\"\n  b = <<-EOT\n    " + many + "\n    EOT\n  c = [for x in [1] : x]\n}\n"
	if _, err := extractTerraform("flat.tf", []byte(src)); err != nil {
		t.Fatal(err)
	}
	if at := hclTooDeep([]byte(src), maxNesting); at >= 0 {
		t.Fatalf("counted nesting at %d in a flat file", at)
	}
}

// TestHCLNestingClosersCannotHideDepth checks that closers which do not
// match the innermost opener, or text that only looks like a template's
// end, never lower the count below what the parser sees.
func TestHCLNestingClosersCannotHideDepth(t *testing.T) {
	for _, src := range []string{
		"a = " + strings.Repeat("[)", 2000),
		"a = " + strings.Repeat("(]", 2000),
		"a = " + strings.Repeat("[}", 2000),
		"a = \"${ ( }\" " + strings.Repeat("[", 2000),
	} {
		if at := hclTooDeep([]byte(src), maxNesting); at < 0 {
			t.Errorf("%.20q...: no nesting found", src)
		}
	}
}
