package report

import (
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/lint"
)

func TestVisible(t *testing.T) {
	for in, want := range map[string]string{
		"plain text":                  "plain text",
		"a\nb\rc\x1b[2J\x07d\x00\x7f": `a\nb\rc\x1b[2J\ad\x00\x7f`,
		"tab\there":                   `tab\there`,
		"rtl \u202egnp.exe":           `rtl \u202egnp.exe`,
		"bad \xff byte":               `bad \xff byte`,
		"café ünicode":                "café ünicode",
	} {
		if got := Visible(in, false); got != want {
			t.Errorf("Visible(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Visible("a\tb\nc", true); got != "a\tb\\nc" {
		t.Errorf("Visible keeping tabs = %q", got)
	}
	for in, want := range map[string]string{"::error::x": "./::error::x", " ::x": "./ ::x", "a/::b": "a/::b"} {
		if got := VisiblePath(in); got != want {
			t.Errorf("VisiblePath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSnippetEscapesAndWindows: the underline stays under the span when
// the line has control characters before it and is cut on both sides.
func TestSnippetEscapesAndWindows(t *testing.T) {
	f := lint.Finding{
		SourceLine: "\x1bx api.host y", SourceColumn: 50, SourceCut: true,
		Pos: lint.Position{Line: 1, Column: 53, EndLine: 1, EndColumn: 61},
	}
	got := snippet(f, newPalette(false))
	lines := strings.Split(got, "\n")
	if lines[1] != `1 | …\x1bx api.host y…` {
		t.Fatalf("source line %q", lines[1])
	}
	col := strings.Index(lines[1], "api.host")
	caret := strings.Index(lines[2], "^")
	if len([]rune(lines[1][:col])) != len([]rune(lines[2][:caret])) || !strings.HasSuffix(lines[2], "^"+strings.Repeat("~", len("api.host")-1)) {
		t.Errorf("underline %q does not line up with %q", lines[2], lines[1])
	}
}
