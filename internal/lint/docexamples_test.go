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
// finding, and a good one no finding at all, so that what the
// documentation shows as right is right by every rule. The Go examples
// are the analyzer's (analyzer.TestDocExamples).
func TestDocExamples(t *testing.T) {
	for _, r := range report.DocumentedRules() {
		for i, ex := range r.Doc.Bad {
			if ex.Format != rules.FormatGo {
				if lintExample(t, r, ex)[r.ID] == 0 {
					t.Errorf("%s: bad example %d (%s) is not reported:\n%s", r.ID, i+1, ex.FileName(), ex.Code)
				}
			}
		}
		for i, ex := range r.Doc.Good {
			if ex.Format != rules.FormatGo {
				if got := lintExample(t, r, ex); len(got) > 0 {
					t.Errorf("%s: good example %d (%s) is reported by %v:\n%s", r.ID, i+1, ex.FileName(), got, ex.Code)
				}
			}
		}
	}
}

// lintExample counts the findings on ex by rule.
func lintExample(t *testing.T, r *rules.Rule, ex rules.Example) map[string]int {
	t.Helper()
	p := filepath.Join(t.TempDir(), ex.FileName())
	if err := os.WriteFile(p, []byte(ex.Code+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := lint.Run([]string{p}, lint.Options{})
	for _, e := range res.Errors {
		t.Errorf("%s: %s: %s", r.ID, ex.FileName(), e.Message)
	}
	n := map[string]int{}
	for _, f := range res.Findings {
		n[f.Rule]++
	}
	return n
}
