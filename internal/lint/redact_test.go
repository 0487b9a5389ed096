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
