package lint

import (
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

func TestRedactLineKeepsColumns(t *testing.T) {
	src := []byte("a\nclient_secret=abc+def&x=1\n")
	r := newRedactor(src, []rules.Span{{Start: 16, End: 23}})
	if got := r.line(2, 27); got != "client_secret=ab*****&x=1" {
		t.Errorf("line = %q", got)
	}
}

func TestScrubMasksDistinctiveSecretsOnly(t *testing.T) {
	src := []byte("secret Xk9+Lm2/Qa==")
	r := newRedactor(src, []rules.Span{{Start: 0, End: 6}, {Start: 7, End: 19}})
	got := r.scrub("client_secret is a literal secret: Xk9+Lm2/Qa==")
	if got != "client_secret is a literal secret: Xk**********" {
		t.Errorf("scrub = %q", got)
	}
}

func TestRedactMultiLineSpan(t *testing.T) {
	src := []byte("k = \"\"\"\nsecretline1\nsecretline2\n\"\"\"\n")
	r := newRedactor(src, []rules.Span{{Start: 8, End: 31}})
	if got := r.line(20, 31); got != "***********" {
		t.Errorf("second line of a multi-line secret = %q", got)
	}
}

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
