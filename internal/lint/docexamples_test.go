package lint_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/report"
	"github.com/tokenlint/tokenlint/rules"
)

// TestDocExamples lints every config example of every rule's
// documentation as a file of its format, through the whole pipeline
// (front end, rules, directives): a bad example must draw its rule's
// finding, a good one none of its rule. The Go examples are the
// analyzer's (analyzer.TestDocExamples).
func TestDocExamples(t *testing.T) {
	for _, r := range report.DocumentedRules() {
		for i, ex := range r.Doc.Bad {
			if ex.Format != rules.FormatGo {
				if n := lintExample(t, r, ex); n == 0 {
					t.Errorf("%s: bad example %d (%s) is not reported:\n%s", r.ID, i+1, ex.FileName(), ex.Code)
				}
			}
		}
		for i, ex := range r.Doc.Good {
			if ex.Format != rules.FormatGo {
				if n := lintExample(t, r, ex); n > 0 {
					t.Errorf("%s: good example %d (%s) is reported %d times:\n%s", r.ID, i+1, ex.FileName(), n, ex.Code)
				}
			}
		}
	}
}

// lintExample is the number of r's findings on ex.
func lintExample(t *testing.T, r *rules.Rule, ex rules.Example) int {
	t.Helper()
	p := filepath.Join(t.TempDir(), ex.FileName())
	if err := os.WriteFile(p, []byte(ex.Code+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := lint.Run([]string{p}, lint.Options{})
	for _, e := range res.Errors {
		t.Errorf("%s: %s: %s", r.ID, ex.FileName(), e.Message)
	}
	n := 0
	for _, f := range res.Findings {
		if f.Rule == r.ID {
			n++
		}
	}
	return n
}
