package lint_test

import (
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/lint"
)

// format names a file's format the way the examples count it.
func format(name string) string {
	switch {
	case strings.HasSuffix(name, ".postman_collection.json"):
		return "postman"
	case strings.HasSuffix(name, ".yml"):
		return ".yaml"
	}
	return path.Ext(name)
}

// TestExamples holds the README's example set to what issue 2 promises:
// the bad examples give findings of each core rule in at least three
// formats; the good examples give nothing.
func TestExamples(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	bad := lint.Run([]string{"testdata/examples/bad"}, lint.Options{})
	if len(bad.Errors) > 0 {
		t.Fatalf("errors on bad examples: %v", bad.Errors)
	}
	formats := map[string]map[string]bool{}
	for _, f := range bad.Findings {
		if formats[f.Rule] == nil {
			formats[f.Rule] = map[string]bool{}
		}
		formats[f.Rule][format(f.Span.File)] = true
	}
	for _, rule := range []string{"token-host", "token-path", "json-token-request", "unencoded-secret", "user-scoped-api"} {
		if len(formats[rule]) < 3 {
			t.Errorf("%s: findings in %d formats (%v), want at least 3", rule, len(formats[rule]), formats[rule])
		}
	}
	good := lint.Run([]string{"testdata/examples/good"}, lint.Options{})
	for _, f := range good.Findings {
		t.Errorf("good example %s:%d: %s [%s]", f.Span.File, f.Pos.Line, f.Message, f.Rule)
	}
	for _, e := range good.Errors {
		t.Errorf("good example error: %s:%d: %s", e.File, e.Line, e.Message)
	}
}
