package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenlint/tokenlint/analyzer"
)

// The test packages under testdata/src: bad code carries // want
// comments, good code (canonical, usergrant, oauth2good, lookalikes and
// the library stubs) must stay silent.
var testPackages = []string{
	"canonical",
	"contenttype",
	"tokenhost",
	"tokenpath",
	"jsonbody",
	"unencoded",
	"userscoped",
	"usergrant",
	"sdkbase",
	"sdkregion",
	"oauth2cc",
	"oauth2good",
	"insecure",
	"lookalikes",
	"ignored",
	// Fixtures of the rules beyond the first five.
	"auth0audience",
	"entrascope",
	"granttype",
	"hardcodedsecret",
	"insecuretokenurl",
	"regionmismatch",
	"salesforcemydomain",
	"secretinquery",
	"tokenmethod",
	"golang.org/x/oauth2/endpoints",
	// Value flow (issue 12).
	"valueflow",
	"valueflowgood",
	"clients",
	"clientsgood",
}

// TestAnalyzer checks every package's diagnostics against its // want
// comments, applies every suggested fix and compares each fixed file with
// its .golden: api. → login., /api/v2/oauth/token → /oauth/token, a JSON
// Content-Type on a form body → the form type, a raw secret operand →
// url.QueryEscape(secret).
func TestAnalyzer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), analyzer.Analyzer, testPackages...)
}
