package analyzer_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenlint/tokenlint/analyzer"
	"github.com/tokenlint/tokenlint/rules"
)

// The fixture packages live under testdata/src by rule ID, as the config
// fixtures live under testdata/rules/<id>:
//
//	<rule-id>/bad/...   code the rule reports, with // want comments
//	                    (and .golden files for its suggested fixes)
//	<rule-id>/good/...  code the rule must stay silent on
//	cross/<name>/...    code that exercises several rules at once (value
//	                    flow, client libraries, look-alikes) or the
//	                    driver (ignore directives)
//	flags/<name>/...    code run by a test of its own with analyzer flags
//	                    set, not by TestAnalyzer
//	<domain>/...        stubs of the libraries fixtures import
//	                    (golang.org/x/oauth2, github.com/...); silent
//
// A rule's bad and good may hold further packages below them, named for
// the shape they show (token-host/bad/sdkbase).

// fixturePatterns globs testdata/src into the package patterns
// TestAnalyzer runs; a top-level directory that fits none of the places
// above is an error, so no fixture goes unrun.
func fixturePatterns(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(analysistest.TestData(), "src"))
	if err != nil {
		t.Fatal(err)
	}
	var patterns []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case !e.IsDir():
			t.Errorf("testdata/src/%s: only directories belong here", name)
		case name == "flags":
		case name == "cross", rules.Lookup(name) != nil, strings.Contains(name, "."):
			patterns = append(patterns, name+"/...")
		default:
			t.Errorf("testdata/src/%s is neither a rule ID, cross, flags nor a library's domain", name)
		}
	}
	return patterns
}

// TestAnalyzer checks every fixture package's diagnostics against its
// // want comments, applies every suggested fix and compares each fixed
// file with its .golden: api. → login., /api/v2/oauth/token →
// /oauth/token, a JSON Content-Type on a form body → the form type, a raw
// secret operand → url.QueryEscape(secret).
func TestAnalyzer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), analyzer.Analyzer, fixturePatterns(t)...)
}
