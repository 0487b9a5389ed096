package lint

import (
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

func BenchmarkPositionManySecrets(b *testing.B) {
	var src []byte
	var spans []rules.Span
	var findings []rules.Diagnostic
	for i := range 5000 {
		line := []byte("client_secret=Ab" + string(rune('a'+i%26)) + "Xy+zz9Qw0123456789\n")
		spans = append(spans, rules.Span{Start: len(src) + 14, End: len(src) + len(line) - 1})
		findings = append(findings, rules.Diagnostic{Rule: "r", Message: "client_secret contains +", Span: rules.Span{Start: len(src) + 14, End: len(src) + 20}})
		src = append(src, line...)
	}
	for b.Loop() {
		newPositioner(src, spans, nil).position(findings, "")
	}
}

// TestSnippetWindowOnALongLine: on a one-line file every finding's source
// line is a window of a few hundred bytes around its start, marked as
// cut, with the columns still pointing into the whole line.
func TestSnippetWindowOnALongLine(t *testing.T) {
	item := `{"url":"https://api.mypurecloud.com/api/v2/oauth/token","d":"` + strings.Repeat("x", 1000) + `"},`
	src := []byte("[" + strings.Repeat(item, 300) + "]")
	var findings []rules.Diagnostic
	for i := range 300 {
		at := 1 + i*len(item) + len(`{"url":"https://`)
		findings = append(findings, rules.Diagnostic{Rule: "token-host", Span: rules.Span{Start: at, End: at + len("api.mypurecloud.com")}})
	}
	total := 0
	for _, f := range newPositioner(src, nil, nil).position(findings, "") {
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
	f := newPositioner(src, nil, nil).position([]rules.Diagnostic{{Rule: "r", Span: rules.Span{Start: at, End: at + 3}}}, "")[0]
	if !utf8Valid(f.SourceLine) {
		t.Errorf("window %q cuts a character", f.SourceLine)
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

func TestFingerprintIgnoresPosition(t *testing.T) {
	a := rules.Diagnostic{Rule: "token-host", Key: "api.mypurecloud.com", Span: rules.Span{File: "x", Start: 1}}
	b := a
	b.Span.Start = 999
	if Fingerprint(&a, "", 0) != Fingerprint(&b, "", 0) {
		t.Error("fingerprint must not depend on the offset")
	}
	if Fingerprint(&a, "", 0) == Fingerprint(&a, "", 1) {
		t.Error("occurrences must differ")
	}
	if Fingerprint(&a, "svc/x", 0) == Fingerprint(&a, "", 0) {
		t.Error("the repository path must name the file")
	}
}

// TestRelatedPositionedAndScrubbed: a diagnostic's related places become
// the finding's, with line and column in the finding's file, none in
// another file, and every message scrubbed; the rule's copy is emptied so
// no reporter can reach the unscrubbed text.
func TestRelatedPositionedAndScrubbed(t *testing.T) {
	src := []byte("CLIENT_SECRET=Xk2+9/abc\ncurl https://api.mypurecloud.ie/api/v2/users\n")
	secret := rules.Span{File: "a.sh", Start: 14, End: 23}
	d := rules.Diagnostic{
		Rule: "region-mismatch", Message: "m", Span: rules.Span{File: "a.sh", Start: 29, End: 52},
		Related: []rules.Related{
			{Span: rules.Span{File: "a.sh", Start: 0, End: 13}, Message: "declared with Xk2+9/abc here"},
			{Span: rules.Span{File: "other.go", Start: 5, End: 9}, Message: "used here"},
		},
	}
	f := newPositioner(src, []rules.Span{secret}, nil).position([]rules.Diagnostic{d}, "")[0]
	if f.Diagnostic.Related != nil || len(f.Related) != 2 {
		t.Fatalf("rule's related %v, finding's %v", f.Diagnostic.Related, f.Related)
	}
	if got := f.Related[0].Pos; got.Line != 1 || got.Column != 1 || got.EndColumn != 14 {
		t.Errorf("related in the file at %+v, want 1:1-14", got)
	}
	if strings.Contains(f.Related[0].Message, "Xk2+") {
		t.Errorf("related message not scrubbed: %q", f.Related[0].Message)
	}
	if f.Related[1].Pos != (Position{}) || f.Related[1].Span.File != "other.go" {
		t.Errorf("related in another file positioned: %+v", f.Related[1])
	}
}
