package lint_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/lint"
)

// TestOwnRepositoryIsClean lints this repository as a user would lint
// theirs, leaving out only the fixtures under testdata/ (whose bad files
// are bad on purpose): the README, CONTRIBUTING, docs/ with the generated
// rule pages and every config file must draw no finding. A page that
// shows a mistake on purpose says so with a tokenlint:ignore directive.
func TestOwnRepositoryIsClean(t *testing.T) {
	res := lint.Run([]string{"../.."}, lint.Options{
		Exclude: func(p string) bool { return slices.Contains(strings.Split(p, "/"), "testdata") },
	})
	for _, f := range res.Findings {
		t.Errorf("%s: %s [%s]", f.Span.File, f.Message, f.Rule)
	}
	for _, e := range res.Errors {
		t.Errorf("%s: %s", e.File, e.Message)
	}
	if len(res.Files) < 20 {
		t.Errorf("only %d files judged: %v", len(res.Files), res.Files)
	}
}
