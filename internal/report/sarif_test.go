package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/report"
	"github.com/tokenlint/tokenlint/rules"
)

// sarifSchema compiles the official OASIS SARIF 2.1.0 schema (errata01,
// oasis-tcs/sarif-spec sarif-2.1/schema/sarif-schema-2.1.0.json).
func sarifSchema(t *testing.T) *jsonschema.Schema {
	return schema(t, "sarif-schema-2.1.0.json", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
}

// schema compiles a JSON schema of testdata under its URL.
func schema(t *testing.T, file, url string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validate(t *testing.T, sch *jsonschema.Schema, out []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	return sch.Validate(inst)
}

func writeSARIF(t *testing.T, res *lint.Result, opts report.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.Lookup("sarif")(&buf, res, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sarifDoc is the part of the output the tests inspect.
type sarifDoc struct {
	Runs []struct {
		ColumnKind string `json:"columnKind"`
		Tool       struct {
			Driver struct {
				Name, Version, SemanticVersion, InformationURI string
				Rules                                          []struct {
					ID                   string `json:"id"`
					HelpURI              string `json:"helpUri"`
					Help                 struct{ Text string }
					FullDescription      struct{ Text string }
					DefaultConfiguration struct{ Level string }
				}
			}
		}
		Invocations []struct {
			ExecutionSuccessful bool `json:"executionSuccessful"`
			Notifications       []struct {
				Message struct{ Text string }
			} `json:"toolExecutionNotifications"`
		}
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					}
					Region struct{ StartLine, StartColumn, EndLine, EndColumn int }
				}
			}
			PartialFingerprints map[string]string
			Suppressions        []struct{ Kind, Justification string }
		}
	}
}

func decode(t *testing.T, out []byte) sarifDoc {
	t.Helper()
	var d sarifDoc
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(d.Runs))
	}
	return d
}

// TestSARIFRealRun lints real files (one with characters outside the BMP
// before the finding) and checks the output against the official schema
// and GitHub's expectations: UTF-16 columns, repository-relative URIs,
// ruleIndex pointing at the rule, fingerprints.
func TestSARIFRealRun(t *testing.T) {
	sch := sarifSchema(t)
	t.Chdir(t.TempDir())
	if err := os.MkdirAll("api calls", 0o755); err != nil {
		t.Fatal(err)
	}
	// "😀" is 4 bytes and 2 UTF-16 units: the host after it starts at
	// byte column 39 and UTF-16 column 37.
	files := map[string]string{
		"api calls/token.http": "POST https://api.mypurecloud.com/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n",
		"app.yaml":             "auth: {\"😀\": 1, token_url: \"https://api.mypurecloud.com/oauth/token\"}\n",
		"broken.yaml":          "token_url: [https://login.mypurecloud.com/oauth/token\n  x: }\n",
	}
	for name, src := range files {
		if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := lint.Run([]string{"."}, lint.Options{})
	if len(res.Findings) < 2 {
		t.Fatalf("want 2 token-host findings, got %+v", res.Findings)
	}
	out := writeSARIF(t, res, report.Options{Rules: rules.All(), Version: "v1.2.3"})
	if err := validate(t, sch, out); err != nil {
		t.Fatalf("SARIF does not validate against the 2.1.0 schema: %v\n%s", err, out)
	}
	d := decode(t, out)
	run := d.Runs[0]
	if run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind %q", run.ColumnKind)
	}
	drv := run.Tool.Driver
	if drv.Name != "tokenlint" || drv.Version != "v1.2.3" || drv.SemanticVersion != "1.2.3" || drv.InformationURI == "" {
		t.Errorf("driver %+v", drv)
	}
	if len(drv.Rules) != len(rules.All()) {
		t.Errorf("%d rules, want %d", len(drv.Rules), len(rules.All()))
	}
	for _, r := range drv.Rules {
		if r.Help.Text == "" || r.FullDescription.Text == "" || r.HelpURI == "" || r.DefaultConfiguration.Level == "" {
			t.Errorf("rule %s lacks help, description, helpUri or level", r.ID)
		}
		if len(r.FullDescription.Text) > 1024 {
			t.Errorf("rule %s fullDescription over GitHub's 1024 limit", r.ID)
		}
	}
	hosts := map[string][2]int{}
	for _, r := range run.Results {
		if drv.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s has ruleIndex %d naming %s", r.RuleID, r.RuleIndex, drv.Rules[r.RuleIndex].ID)
		}
		loc := r.Locations[0].PhysicalLocation
		if r.RuleID == "token-host" {
			if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
				t.Errorf("artifact %+v", loc.ArtifactLocation)
			}
			hosts[loc.ArtifactLocation.URI] = [2]int{loc.Region.StartLine, loc.Region.StartColumn}
			if loc.Region.EndColumn-loc.Region.StartColumn != len("api.mypurecloud.com") {
				t.Errorf("region %+v does not span the host", loc.Region)
			}
		}
		if r.PartialFingerprints["primaryLocationLineHash"] == "" {
			t.Errorf("result %s without primaryLocationLineHash", r.RuleID)
		}
	}
	want := map[string][2]int{"api%20calls/token.http": {1, 14}, "app.yaml": {1, 37}}
	for uri, lc := range want {
		if hosts[uri] != lc {
			t.Errorf("token-host in %s at (line, UTF-16 column) %v, want %v (all: %v)", uri, hosts[uri], lc, hosts)
		}
	}
	if inv := run.Invocations[0]; inv.ExecutionSuccessful || len(inv.Notifications) == 0 {
		t.Errorf("a malformed file should make a failed invocation with a notification: %+v", inv)
	}
}

// TestSARIFSuppressionsAndExtras: suppressed findings carry their kind and
// justification; a finding of a rule missing from the enabled list (a
// directive problem) still gets a descriptor; odd paths and empty texts
// stay valid.
func TestSARIFSuppressionsAndExtras(t *testing.T) {
	sch := sarifSchema(t)
	t.Chdir(t.TempDir()) // outside any repository: paths stay as shown
	pos := lint.Position{Line: 3, Column: 5, EndLine: 3, EndColumn: 9, Column16: 5, EndColumn16: 9}
	opts := report.Options{Rules: []*rules.Rule{rules.TokenHost}, Version: "devel"}
	res := &lint.Result{
		Findings: []lint.Finding{
			{Diagnostic: rules.Diagnostic{Rule: "unused-ignore", Severity: rules.Warning, Message: "directive suppresses nothing", Span: rules.Span{File: "./a/b.http"}}, Pos: pos},
			{Diagnostic: rules.Diagnostic{Rule: "token-host", Severity: rules.Error, Span: rules.Span{File: "/abs/path/x.sh"}}, Pos: lint.Position{Line: 1}},
		},
		Suppressed: []lint.Finding{
			{Diagnostic: rules.Diagnostic{Rule: "token-host", Severity: rules.Error, Message: "m", Span: rules.Span{File: "c.sh"}}, Pos: pos, Suppressed: "staging uses the API host on purpose"},
			{Diagnostic: rules.Diagnostic{Rule: "token-host", Severity: rules.Error, Message: "m", Span: rules.Span{File: "d.sh"}}, Pos: pos, Suppressed: "in baseline", SuppressedExternally: true, Fingerprint: "abc"},
		},
		Errors: []lint.FileError{{File: "e.yaml", Line: 4, Message: "bad indentation"}},
	}
	out := writeSARIF(t, res, opts)
	if err := validate(t, sch, out); err != nil {
		t.Fatalf("schema: %v\n%s", err, out)
	}
	d := decode(t, out)
	run := d.Runs[0]
	if run.Tool.Driver.SemanticVersion != "" {
		t.Errorf("devel is not a semantic version")
	}
	ids := []string{}
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
	}
	if strings.Join(ids, ",") != "token-host,unused-ignore" {
		t.Errorf("rules %v", ids)
	}
	got := map[string]string{}
	for _, r := range run.Results {
		uri := r.Locations[0].PhysicalLocation.ArtifactLocation.URI
		if len(r.Suppressions) > 0 {
			got[uri] = r.Suppressions[0].Kind + ":" + r.Suppressions[0].Justification
		} else {
			got[uri] = "open"
		}
	}
	want := map[string]string{
		"a/b.http":              "open",
		"file:///abs/path/x.sh": "open",
		"c.sh":                  "inSource:staging uses the API host on purpose",
		"d.sh":                  "external:in baseline",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: got %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
}

// TestSARIFSchemaRejects makes sure the validator does reject a broken
// document, so the passing tests above mean something.
func TestSARIFSchemaRejects(t *testing.T) {
	sch := sarifSchema(t)
	good := writeSARIF(t, &lint.Result{Findings: []lint.Finding{{Diagnostic: rules.Diagnostic{Rule: "token-host", Severity: rules.Error, Message: "m", Span: rules.Span{File: "a.sh"}}, Pos: lint.Position{Line: 1, Column: 1, EndLine: 1, EndColumn: 2}}}}, report.Options{})
	if err := validate(t, sch, good); err != nil {
		t.Fatal(err)
	}
	for _, breakIt := range []struct{ from, to string }{
		{`"startLine": 1`, `"startLine": 0`},
		{`"level": "error"`, `"level": "fatal"`},
		{`"version": "2.1.0"`, `"version": "2.0"`},
	} {
		bad := strings.Replace(string(good), breakIt.from, breakIt.to, 1)
		if bad == string(good) {
			t.Fatalf("%q not in output", breakIt.from)
		}
		if validate(t, sch, []byte(bad)) == nil {
			t.Errorf("schema accepted %s -> %s", breakIt.from, breakIt.to)
		}
	}
}

// TestSARIFRepositoryRelative: run from a subdirectory of a repository,
// URIs are still relative to the repository root; a file outside every
// repository and the working directory is a file URI.
func TestSARIFRepositoryRelative(t *testing.T) {
	repo := t.TempDir()
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(repo, "svc", "api"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(repo, "svc"))
	pos := lint.Position{Line: 1, Column: 1, EndLine: 1, EndColumn: 2}
	res := &lint.Result{Findings: []lint.Finding{
		{Diagnostic: rules.Diagnostic{Rule: "token-host", Severity: rules.Error, Message: "m", Span: rules.Span{File: "api/token.http"}}, Pos: pos},
		{Diagnostic: rules.Diagnostic{Rule: "token-host", Severity: rules.Error, Message: "m", Span: rules.Span{File: filepath.ToSlash(filepath.Join(repo, "top.sh"))}}, Pos: pos},
		{Diagnostic: rules.Diagnostic{Rule: "token-host", Severity: rules.Error, Message: "m", Span: rules.Span{File: "../../elsewhere.sh"}}, Pos: pos},
		{Diagnostic: rules.Diagnostic{Rule: "token-host", Severity: rules.Error, Message: "m", Span: rules.Span{File: "<stdin>"}}, Pos: pos},
	}}
	d := decode(t, writeSARIF(t, res, report.Options{}))
	var uris []string
	for _, r := range d.Runs[0].Results {
		uris = append(uris, r.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	}
	elsewhere, _ := filepath.Abs("../../elsewhere.sh")
	want := "svc/api/token.http top.sh file://" + filepath.ToSlash(elsewhere) + " %3Cstdin%3E"
	if strings.Join(uris, " ") != want {
		t.Errorf("URIs %v, want %s", uris, want)
	}
}
