package analyzer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenlint/tokenlint/analyzer"
	"github.com/tokenlint/tokenlint/rules"
)

// TestDocExamples runs the analyzer over every Go example of every rule's
// documentation, each a package of its own: a bad example must draw its
// rule's diagnostic, and a good one no diagnostic at all. The config examples are
// internal/lint's (TestDocExamples there).
func TestDocExamples(t *testing.T) {
	dir := t.TempDir()
	// The examples may import the libraries the fixtures have stubs of
	// (golang.org/x/oauth2, the Genesys Cloud SDK).
	for _, lib := range []string{"golang.org", "github.com"} {
		if err := os.CopyFS(filepath.Join(dir, "src", lib), os.DirFS(filepath.Join(analysistest.TestData(), "src", lib))); err != nil {
			t.Fatal(err)
		}
	}
	type example struct {
		rule *rules.Rule
		ex   rules.Example
		bad  bool
	}
	byPkg := map[string]example{}
	var pkgs []string
	add := func(r *rules.Rule, kind string, i int, ex rules.Example) {
		pkg := fmt.Sprintf("%s/%s%d", r.ID, kind, i+1)
		p := filepath.Join(dir, "src", filepath.FromSlash(pkg))
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(p, ex.FileName()), []byte(ex.Code), 0o644); err != nil {
			t.Fatal(err)
		}
		byPkg[pkg] = example{r, ex, kind == "bad"}
		pkgs = append(pkgs, pkg)
	}
	for _, r := range rules.All() {
		for i, ex := range r.Doc.Bad {
			if ex.Format == rules.FormatGo {
				add(r, "bad", i, ex)
			}
		}
		for i, ex := range r.Doc.Good {
			if ex.Format == rules.FormatGo {
				add(r, "good", i, ex)
			}
		}
	}
	if len(pkgs) == 0 {
		t.Fatal("no rule has a Go example")
	}
	// The examples carry no // want comments: what the analyzer reports
	// is counted here, not held against expectations.
	found := map[string]map[string]int{} // by package, by rule
	for _, res := range analysistest.Run(discard{t}, dir, analyzer.Analyzer, pkgs...) {
		if res.Err != nil {
			t.Errorf("%s: %v", res.Pass.Pkg.Path(), res.Err)
		}
		pkg := res.Pass.Pkg.Path()
		for _, d := range res.Diagnostics {
			if found[pkg] == nil {
				found[pkg] = map[string]int{}
			}
			found[pkg][d.Category]++
		}
	}
	for _, pkg := range pkgs {
		switch e, got := byPkg[pkg], found[pkg]; {
		case e.bad && got[e.rule.ID] == 0:
			t.Errorf("%s: the bad Go example is not reported:\n%s", pkg, e.ex.Code)
		case !e.bad && len(got) > 0:
			t.Errorf("%s: the good Go example is reported by %v:\n%s", pkg, got, e.ex.Code)
		}
	}
}

// unexpected is analysistest's complaint about a diagnostic or fact that
// no // want comment expects.
var unexpected = regexp.MustCompile(`: unexpected (diagnostic|fact): `)

// discard is the analysistest.Testing that drops the complaints about
// diagnostics no // want comment expects, and fails on the rest.
type discard struct{ t *testing.T }

func (d discard) Errorf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if !unexpected.MatchString(msg) {
		d.t.Helper()
		d.t.Error(msg)
	}
}
