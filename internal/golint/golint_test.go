package golint_test

import (
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/golint"
	"github.com/tokenlint/tokenlint/rules"
)

// vetmod is a module of its own (its go.mod replaces the Genesys SDK and
// x/oauth2 by the analyzer's test stubs), so nothing is fetched.
const vetmod = "testdata/vetmod"

// want are the findings in vetmod, as "file:line:col: severity: message
// [rule]" with the message cut to its start.
var want = []string{
	"hand/hand.go:10:27: error: token requested from api.mypurecloud.com [token-host]",
	"hand/hand.go:14:97: warning: client_secret is inserted [unencoded-secret]",
	"hand/hand.go:19:34: error: the Genesys Cloud token endpoint takes [json-token-request]",
	"hand/hand_test.go:12:53: error: Genesys Cloud issues tokens at /oauth/token [token-path]",
	// Facts: a function of package endpoints, and a field it writes that
	// reaches remote only through config (which go vet's driver would
	// skip, were its import's facts not passed on).
	"regional/regional.go:14:23: error: token requested from api.mypurecloud.ie [token-host]",
	"remote/remote.go:16:25: error: token requested from api.mypurecloud.com [token-host]",
	"sdk/sdk.go:17:46: error: GET /api/v2/users/me needs a user [user-scoped-api]",
	"sdk/sdk.go:22:78: error: Genesys Cloud issues tokens at /oauth/token [token-path]",
}

// wantRelated are the related places of the findings above, as go vet and
// tokenlint both print them.
var wantRelated = []string{
	"sdk/sdk.go:14:19: related: a token without a user is requested here (grant_type client_credentials)",
	"sdk/sdk.go:22:32: related: a token without a user is requested here (grant_type client_credentials)",
}

func TestRun(t *testing.T) {
	offlineGo(t)
	dir, _ := filepath.Abs(vetmod)
	res := golint.Run(dir, []string{"./..."}, nil, golint.Settings{})
	files, errs := res.Files, res.Errors
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	var got []string
	for _, f := range files {
		if !filepath.IsAbs(f.Path) {
			t.Errorf("path %q is not absolute", f.Path)
		}
		li := rules.NewLineIndex(f.Src)
		rel, _ := filepath.Rel(dir, f.Path)
		for _, fd := range f.Diagnostics {
			line, col := li.Position(fd.Span.Start)
			got = append(got, shorten(filepath.ToSlash(rel)+":"+strconv.Itoa(line)+":"+strconv.Itoa(col)+": "+fd.Severity.String()+": "+fd.Message+" ["+fd.Rule+"]"))
		}
	}
	// Run returns suppressed findings too: the driver applies the
	// directives, as for config files.
	compareWith(t, "golint.Run", got, append([]string{suppressed}, want...))
}

// TestRunOnePackage: linting one package of a module still uses what
// the module's other packages say (facts), as go vet does, and reports
// only on the package named.
func TestRunOnePackage(t *testing.T) {
	offlineGo(t)
	dir, _ := filepath.Abs(vetmod)
	for pattern, wantHere := range map[string]string{
		"./remote":   "remote/remote.go:16:25: error: token requested from api.mypurecloud.com [token-host]",
		"./regional": "regional/regional.go:14:23: error: token requested from api.mypurecloud.ie [token-host]",
	} {
		res := golint.Run(dir, []string{pattern}, nil, golint.Settings{})
		if len(res.Errors) > 0 {
			t.Fatalf("%s: errors: %v", pattern, res.Errors)
		}
		var got []string
		for _, f := range res.Files {
			li := rules.NewLineIndex(f.Src)
			rel, _ := filepath.Rel(dir, f.Path)
			for _, fd := range f.Diagnostics {
				line, col := li.Position(fd.Span.Start)
				got = append(got, shorten(filepath.ToSlash(rel)+":"+strconv.Itoa(line)+":"+strconv.Itoa(col)+": "+fd.Severity.String()+": "+fd.Message+" ["+fd.Rule+"]"))
			}
		}
		compareWith(t, "golint.Run "+pattern, got, []string{wantHere})
	}
}

// shorten keeps a diagnostic's position, severity, the message's first
// words (as in want) and the rule.
func shorten(d string) string {
	for _, w := range append([]string{suppressed}, want...) {
		head := w[:strings.LastIndex(w, " [")]
		rule := w[strings.LastIndex(w, " ["):]
		if strings.HasPrefix(d, head) && strings.HasSuffix(d, rule) {
			return w
		}
	}
	return d
}

// suppressed is the finding that a tokenlint:ignore directive hides.
const suppressed = "clean/clean.go:26:32: error: token requested from api.mypurecloud.com [token-host]"

func compareWith(t *testing.T, what string, got, want []string) {
	t.Helper()
	sort.Strings(got)
	w := append([]string{}, want...)
	sort.Strings(w)
	if strings.Join(got, "\n") != strings.Join(w, "\n") {
		t.Errorf("%s diagnostics:\n%s\nwant:\n%s", what, strings.Join(got, "\n"), strings.Join(w, "\n"))
	}
}

// TestPartlyTyped: a package whose one import is missing from the module
// cache is analysed as far as it type-checks, and the error names the
// import.
func TestPartlyTyped(t *testing.T) {
	offlineGo(t)
	dir, _ := filepath.Abs("testdata/partial")
	res := golint.Run(dir, []string{"./..."}, nil, golint.Settings{})
	var rulesFound []string
	for _, f := range res.Files {
		for _, fd := range f.Diagnostics {
			rulesFound = append(rulesFound, fd.Rule)
		}
	}
	if strings.Join(rulesFound, ",") != "token-host" {
		t.Errorf("findings %v, want token-host", rulesFound)
	}
	named := false
	for _, e := range res.Errors {
		if strings.Contains(e.Message, "platform-client-sdk-go/v999") && strings.Contains(e.Message, "the rest of the package is analysed") {
			named = true
		}
	}
	if !named {
		t.Errorf("errors %v: want one naming the missing import", res.Errors)
	}
}

// offlineGo skips t without a go command, and keeps go off the network
// and out of any workspace.
func offlineGo(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go is not on PATH")
	}
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOWORK", "off")
}
