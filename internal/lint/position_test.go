package lint

import (
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

func BenchmarkPositionManySecrets(b *testing.B) {
	var src []byte
	var spans []rules.Span
	var findings []rules.Finding
	for i := 0; i < 5000; i++ {
		line := []byte("client_secret=Ab" + string(rune('a'+i%26)) + "Xy+zz9Qw0123456789\n")
		spans = append(spans, rules.Span{Start: len(src) + 14, End: len(src) + len(line) - 1})
		findings = append(findings, rules.Finding{Rule: "r", Message: "client_secret contains +", Span: rules.Span{Start: len(src) + 14, End: len(src) + 20}})
		src = append(src, line...)
	}
	for b.Loop() {
		Position(src, append([]rules.Finding(nil), findings...), spans)
	}
}

// TestSnippetWindowOnALongLine: on a one-line file every finding's source
// line is a window of a few hundred bytes around its start, marked as
// cut, with the columns still pointing into the whole line.
func TestSnippetWindowOnALongLine(t *testing.T) {
	item := `{"url":"https://api.mypurecloud.com/api/v2/oauth/token","d":"` + strings.Repeat("x", 1000) + `"},`
	src := []byte("[" + strings.Repeat(item, 300) + "]")
	var findings []rules.Finding
	for i := 0; i < 300; i++ {
		at := 1 + i*len(item) + len(`{"url":"https://`)
		findings = append(findings, rules.Finding{Rule: "token-host", Span: rules.Span{Start: at, End: at + len("api.mypurecloud.com")}})
	}
	total := 0
	for _, f := range Position(src, findings, nil) {
		total += len(f.SourceLine)
		if len(f.SourceLine) > snippetBefore+snippetAfter {
			t.Fatalf("source window of %d bytes", len(f.SourceLine))
		}
		at := f.Pos.Column - f.SourceColumn
		if at < 0 || !strings.HasPrefix(f.SourceLine[at:], "api.mypurecloud.com") {
			t.Fatalf("column %d, window from %d: %q", f.Pos.Column, f.SourceColumn, f.SourceLine)
		}
		if f.Pos.Line != 1 || f.SourceColumn <= 1 && f.Pos.Column > snippetBefore || !f.SourceCut {
			t.Fatalf("finding at column %d: window from %d, cut %v", f.Pos.Column, f.SourceColumn, f.SourceCut)
		}
	}
	if total > 300*(snippetBefore+snippetAfter) {
		t.Errorf("%d bytes of source windows for 300 findings", total)
	}
}

// TestSnippetWindowCharacterBoundaries: a window never cuts a UTF-8
// character in two.
func TestSnippetWindowCharacterBoundaries(t *testing.T) {
	src := []byte(strings.Repeat("é", 200) + "api.mypurecloud.com" + strings.Repeat("ü", 200))
	at := 400
	f := Position(src, []rules.Finding{{Rule: "r", Span: rules.Span{Start: at, End: at + 3}}}, nil)[0]
	if !utf8Valid(f.SourceLine) {
		t.Errorf("window %q cuts a character", f.SourceLine)
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }
