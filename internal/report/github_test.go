package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/report"
	"github.com/tokenlint/tokenlint/rules"
)

func TestGitHubCommands(t *testing.T) {
	t.Chdir(t.TempDir()) // outside any repository: paths stay as shown
	res := &lint.Result{
		Findings: []lint.Finding{
			{
				Diagnostic: rules.Diagnostic{Rule: "token-host", Severity: rules.Error, Message: "token requested from api.x: use login.x", Span: rules.Span{File: "dir,1/a:b.http"}},
				Pos:        lint.Position{Line: 2, Column: 9, EndLine: 2, EndColumn: 12, Column16: 7, EndColumn16: 10},
			},
			{
				Diagnostic: rules.Diagnostic{Rule: "unencoded-secret", Severity: rules.Warning, Message: "100% sure\r\nsecond line", Span: rules.Span{File: "b.sh"}},
				Pos:        lint.Position{Line: 1, Column: 3, EndLine: 3, EndColumn: 1},
			},
		},
		Suppressed: []lint.Finding{{Diagnostic: rules.Diagnostic{Rule: "token-host", Severity: rules.Error, Message: "hidden", Span: rules.Span{File: "c.sh"}}}},
		Errors:     []lint.FileError{{File: "d.yaml", Line: 4, Message: "invalid YAML: did not find expected ','"}},
	}
	var buf bytes.Buffer
	if err := report.Lookup("github")(&buf, res, report.Options{}); err != nil {
		t.Fatal(err)
	}
	want := "::error file=dir%2C1/a%3Ab.http,line=2,endLine=2,col=7,endColumn=10,title=tokenlint token-host::token requested from api.x: use login.x [token-host]\n" +
		"::warning file=b.sh,line=1,endLine=3,col=3,endColumn=1,title=tokenlint unencoded-secret::100%25 sure%0D%0Asecond line [unencoded-secret]\n" +
		"::error file=d.yaml,line=4,title=tokenlint could not read this file::invalid YAML: did not find expected ','\n"
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestNoteSeverity: a note is an annotation that fails nothing in every
// format: ::notice, SARIF level "note", "note:" in text and JSON.
func TestNoteSeverity(t *testing.T) {
	t.Chdir(t.TempDir())
	res := &lint.Result{Findings: []lint.Finding{{
		Diagnostic: rules.Diagnostic{Rule: "hardcoded-secret", Severity: rules.Note, Message: "a sample secret", Span: rules.Span{File: "a.sh"}},
		Pos:        lint.Position{Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Column16: 1, EndColumn16: 2},
	}}}
	for format, want := range map[string]string{
		"github":     "::notice file=a.sh,",
		"sarif":      `"level": "note"`,
		"text":       "a.sh:1:1: note: a sample secret [hardcoded-secret]",
		"json":       `"severity": "note"`,
		"gitlab":     `"severity": "info"`,
		"checkstyle": `severity="info"`,
		"junit":      `failures="0"`,
		"junit-out":  "<system-out>a.sh:1:1: note: a sample secret",
	} {
		var buf bytes.Buffer
		if err := report.Lookup(strings.TrimSuffix(format, "-out"))(&buf, res, report.Options{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(buf.Bytes(), []byte(want)) {
			t.Errorf("%s: no %q in\n%s", format, want, buf.String())
		}
	}
}
