package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/report"
	"github.com/tokenlint/tokenlint/internal/report/reportcheck"
	"github.com/tokenlint/tokenlint/rules"
)

// ciResult lints a small tree with findings of both severities, two
// identical findings in one file, a clean file and a malformed one.
func ciResult(t *testing.T) *lint.Result {
	t.Helper()
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, ".git"), 0o755)
	files := map[string]string{
		"a.http":      "POST https://api.mypurecloud.com/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n\n###\n\nPOST https://api.mypurecloud.com/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n",
		"sub/b.sh":    "curl -d \"grant_type=client_credentials&client_secret=$S\" https://login.mypurecloud.com/oauth/token\n",
		"clean.sh":    "curl -u \"$ID:$SECRET\" -d grant_type=client_credentials https://login.mypurecloud.com/oauth/token\n",
		"broken.json": `{"auth": {"url": "https://login.mypurecloud.com/oauth/token", `,
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	t.Chdir(dir)
	res := lint.Run([]string{"."}, lint.Options{})
	if len(res.Findings) < 3 || len(res.Errors) != 1 {
		t.Fatalf("want findings and one error, got %d findings, errors %v", len(res.Findings), res.Errors)
	}
	return res
}

func render(t *testing.T, format string, res *lint.Result) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.Lookup(format)(&buf, res, report.Options{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGitLabCodeQualitySchema(t *testing.T) {
	res := ciResult(t)
	out := render(t, "gitlab", res)
	if err := reportcheck.GitLab(out); err != nil {
		t.Fatalf("schema: %v\n%s", err, out)
	}
	var issues []struct {
		CheckName             string `json:"check_name"`
		Fingerprint, Severity string
		Location              struct{ Path string }
	}
	json.Unmarshal(out, &issues)
	var got []string
	prints := map[string]bool{}
	for _, is := range issues {
		got = append(got, is.Location.Path+" "+is.CheckName+" "+is.Severity)
		if prints[is.Fingerprint] {
			t.Errorf("fingerprint %s twice: the widget would show one issue", is.Fingerprint)
		}
		prints[is.Fingerprint] = true
	}
	for _, want := range []string{"a.http token-host major", "sub/b.sh unencoded-secret minor", "broken.json tokenlint-error blocker"} {
		if !slices.Contains(got, want) {
			t.Errorf("no %q in %q", want, got)
		}
	}
	// The schema is not a test that cannot fail.
	for _, bad := range []string{`[{"description":"x","check_name":"r","fingerprint":"f","severity":"error","location":{"path":"a","lines":{"begin":1}}}]`,
		`[{"description":"x","check_name":"r","fingerprint":"f","severity":"minor","location":{"path":"/abs","lines":{"begin":1}}}]`,
		`[{"description":"x","check_name":"r","severity":"minor","location":{"path":"a","lines":{"begin":1}}}]`} {
		if reportcheck.GitLab([]byte(bad)) == nil {
			t.Errorf("schema accepted %s", bad)
		}
	}
	if out := render(t, "gitlab", &lint.Result{}); strings.TrimSpace(string(out)) != "[]" {
		t.Errorf("no findings: %s, want []", out)
	}
}

func TestJUnitSchema(t *testing.T) {
	res := ciResult(t)
	out := render(t, "junit", res)
	if err := reportcheck.JUnit(out); err != nil {
		t.Fatalf("junit-10.xsd subset: %v\n%s", err, out)
	}
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Errors   int `xml:"errors,attr"`
		Suite    struct {
			Cases []struct {
				Name     string `xml:"name,attr"`
				Failures []struct {
					Type string `xml:"type,attr"`
				} `xml:"failure"`
				Errors []struct{} `xml:"error"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range doc.Suite.Cases {
		got = append(got, fmt.Sprintf("%s:%d:%d", c.Name, len(c.Failures), len(c.Errors)))
	}
	if want := "a.http:2:0 broken.json:0:1 clean.sh:0:0 sub/b.sh:1:0"; strings.Join(got, " ") != want {
		t.Errorf("test cases %q, want %s", got, want)
	}
	if doc.Tests != 4 || doc.Failures != len(res.Findings) || doc.Errors != 1 {
		t.Errorf("counts tests=%d failures=%d errors=%d", doc.Tests, doc.Failures, doc.Errors)
	}
	for _, bad := range []string{`<testsuites><testsuite name="x" tests="1" failures="0"></testsuite></testsuites>`,
		`<testsuites><testsuite name="x" tests="1" failures="0" errors="0"><testcase name="a"><failure line="3"/></testcase></testsuite></testsuites>`,
		`<testsuites><testcase name="a"/></testsuites>`} {
		if reportcheck.JUnit([]byte(bad)) == nil {
			t.Errorf("checker accepted %s", bad)
		}
	}
	if err := reportcheck.JUnit(render(t, "junit", &lint.Result{})); err != nil {
		t.Errorf("empty run: %v", err)
	}
}

func TestCheckstyle(t *testing.T) {
	res := ciResult(t)
	out := render(t, "checkstyle", res)
	var doc struct {
		XMLName xml.Name
		Files   []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line     int    `xml:"line,attr"`
				Severity string `xml:"severity,attr"`
				Source   string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal(out, &doc); err != nil || doc.XMLName.Local != "checkstyle" {
		t.Fatalf("not checkstyle: %v\n%s", err, out)
	}
	var got []string
	for _, f := range doc.Files {
		for _, e := range f.Errors {
			got = append(got, fmt.Sprintf("%s:%d %s %s", f.Name, e.Line, e.Severity, e.Source))
		}
	}
	if !slices.Contains(got, "a.http:1 error tokenlint.token-host") || !slices.Contains(got, "sub/b.sh:1 warning tokenlint.unencoded-secret") {
		t.Errorf("checkstyle entries %q", got)
	}
}

// The CI formats never carry a secret: they render the same redacted
// messages and source lines as text.
func TestCIFormatsRedact(t *testing.T) {
	const secret = "Zq9+Xk2/Lm7=Rt"
	src := "curl -d \"grant_type=client_credentials&client_id=abc&client_secret=" + secret + "\" https://api.mypurecloud.com/oauth/token\n"
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "s.sh"), []byte(src), 0o644)
	t.Chdir(dir)
	res := lint.Run([]string{"s.sh"}, lint.Options{Rules: &rules.Options{}})
	for _, f := range []string{"gitlab", "junit", "checkstyle"} {
		if out := render(t, f, res); bytes.Contains(out, []byte("Xk2")) {
			t.Errorf("%s carries the secret:\n%s", f, out)
		}
	}
}

// TestSARIFSecurityMetadata: the rules that leak credentials carry the
// security tag, their CWE and security-severity, the others correctness;
// unencoded-secret's literal case marks its result; every rule's helpUri
// is its own page and its help has Markdown.
func TestSARIFSecurityMetadata(t *testing.T) {
	const secret = "Zq9Xk2+Lm7Rt"
	sch := sarifSchema(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "s.sh"), []byte("curl -d \"grant_type=client_credentials&client_id=abc&client_secret="+secret+"\" https://login.mypurecloud.com/oauth/token\n"+
		"curl -d \"grant_type=client_credentials&client_secret=$S\" https://login.mypurecloud.com/oauth/token\n"), 0o644)
	t.Chdir(dir)
	res := lint.Run([]string{"s.sh"}, lint.Options{})
	out := render(t, "sarif", res)
	if err := validate(t, sch, out); err != nil {
		t.Fatalf("OASIS schema: %v", err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID      string
						HelpURI string `json:"helpUri"`
						Help    struct{ Text, Markdown string }
						Props   struct {
							Tags             []string
							SecuritySeverity string `json:"security-severity"`
						} `json:"properties"`
					}
				}
			}
			Results []struct {
				RuleID string `json:"ruleId"`
				Level  string
				Props  *struct {
					Tags             []string
					SecuritySeverity string `json:"security-severity"`
				} `json:"properties"`
			}
		}
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	for _, r := range run.Tool.Driver.Rules {
		sec := slices.Contains(r.Props.Tags, "security")
		switch r.ID {
		case "hardcoded-secret", "secret-in-query", "insecure-token-url", "tls-verify-disabled":
			if !sec || r.Props.SecuritySeverity == "" || !slices.ContainsFunc(r.Props.Tags, func(s string) bool { return strings.HasPrefix(s, "external/cwe/cwe-") }) {
				t.Errorf("%s: tags %q, security-severity %q", r.ID, r.Props.Tags, r.Props.SecuritySeverity)
			}
		default:
			if sec || r.Props.SecuritySeverity != "" || !slices.Contains(r.Props.Tags, "correctness") {
				t.Errorf("%s is not a security rule: tags %q, security-severity %q", r.ID, r.Props.Tags, r.Props.SecuritySeverity)
			}
		}
		if r.HelpURI != report.RuleDocsURL+r.ID+".md" {
			t.Errorf("%s: helpUri %s", r.ID, r.HelpURI)
		}
		if r.Help.Markdown == "" || r.Help.Text == "" {
			t.Errorf("%s: help without Markdown or text", r.ID)
		}
	}
	var literal, dynamic int
	for _, r := range run.Results {
		if r.RuleID != "unencoded-secret" {
			continue
		}
		if r.Props != nil && slices.Contains(r.Props.Tags, "security") && r.Props.SecuritySeverity != "" {
			literal++
		} else {
			dynamic++
		}
	}
	if literal != 1 || dynamic != 1 {
		t.Errorf("unencoded-secret results: %d marked as security, %d not; want 1 and 1\n%s", literal, dynamic, out)
	}
	if bytes.Contains(out, []byte("Xk2+")) {
		t.Error("the SARIF carries the secret")
	}
}

// TestCIFormatsNotes: a note (below warning) is info for GitLab and
// checkstyle and a passing test case with output in JUnit.
func TestCIFormatsNotes(t *testing.T) {
	pos := lint.Position{Line: 3, Column: 1, EndLine: 3, EndColumn: 5}
	res := &lint.Result{Files: []string{"n.sh"}, Findings: []lint.Finding{
		{Diagnostic: rules.Diagnostic{Rule: "hardcoded-secret", Severity: rules.Note, Message: "sample secret", Span: rules.Span{File: "n.sh"}}, Pos: pos, Fingerprint: "f1"},
	}}
	if out := string(render(t, "gitlab", res)); !strings.Contains(out, `"severity": "info"`) {
		t.Errorf("gitlab: %s", out)
	}
	if out := string(render(t, "checkstyle", res)); !strings.Contains(out, `severity="info"`) {
		t.Errorf("checkstyle: %s", out)
	}
	out := render(t, "junit", res)
	if err := reportcheck.JUnit(out); err != nil || bytes.Contains(out, []byte("<failure")) || !bytes.Contains(out, []byte("n.sh:3:1: note: sample secret [hardcoded-secret]</system-out>")) || !bytes.Contains(out, []byte(`failures="0"`)) {
		t.Errorf("junit: %v\n%s", err, out)
	}
}
