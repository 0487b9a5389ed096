package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

const scenario = `curl -X POST "https://api.us.genesys.cloud/oauth/token" \
  -H "Content-Type: application/json" \
  -d "grant_type=client_credentials&client_id=abc123&client_secret=abc+def"
`

func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.sh")
	os.WriteFile(good, []byte("curl -u \"$ID:$SECRET\" -d grant_type=client_credentials https://login.mypurecloud.com/oauth/token\n"), 0o644)
	bad := filepath.Join(dir, "bad.sh")
	os.WriteFile(bad, []byte(scenario), 0o644)

	if code, out, errs := runCmd(t, "", good); code != exitOK {
		t.Errorf("good file: exit %d\n%s%s", code, out, errs)
	}
	if code, out, _ := runCmd(t, "", bad); code != exitFindings || !strings.Contains(out, "[token-host]") {
		t.Errorf("bad file: exit %d\n%s", code, out)
	}
	if code, _, errs := runCmd(t, "", filepath.Join(dir, "missing.sh"), bad); code != exitTrouble || !strings.Contains(errs, "missing.sh: no such file") {
		t.Errorf("missing file: exit %d, stderr %q", code, errs)
	}
	if code, _, errs := runCmd(t, "", "-format", "xml", bad); code != exitTrouble || !strings.Contains(errs, "unknown -format") {
		t.Errorf("bad flag: exit %d, stderr %q", code, errs)
	}
	if code, _, errs := runCmd(t, "", "-enable", "no-such-rule", bad); code != exitTrouble || !strings.Contains(errs, "unknown rule") {
		t.Errorf("bad rule: exit %d, stderr %q", code, errs)
	}
}

func TestStdinScenarioJSON(t *testing.T) {
	code, out, errs := runCmd(t, scenario, "-format", "json", "-stdin-filename", "token.sh", "-")
	if code != exitFindings {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	var doc struct {
		Findings []struct {
			Rule, Severity, Message, File, Fingerprint string
			Line, Column, EndLine, EndColumn           int
		} `json:"findings"`
		Errors []any `json:"errors"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	type at struct {
		rule      string
		line, col int
	}
	want := []at{{"token-host", 1, 23}, {"json-token-request", 2, 21}, {"unencoded-secret", 3, 71}}
	if len(doc.Findings) != len(want) {
		t.Fatalf("got %d findings, want 3:\n%s", len(doc.Findings), out)
	}
	for i, w := range want {
		f := doc.Findings[i]
		if f.Rule != w.rule || f.Line != w.line || f.Column != w.col || f.File != "token.sh" || f.Severity != "error" || f.Fingerprint == "" {
			t.Errorf("finding %d = %s %d:%d, want %s %d:%d", i, f.Rule, f.Line, f.Column, w.rule, w.line, w.col)
		}
	}
	if strings.Contains(out, "abc+def") || strings.Contains(out, "c+def") {
		t.Errorf("the secret reached the output:\n%s", out)
	}
	if doc.Errors == nil {
		t.Error(`"errors" must be present, as []`)
	}
}

func TestTextOutputRedactsSecret(t *testing.T) {
	_, out, _ := runCmd(t, scenario, "-color", "never", "-stdin-filename", "token.sh", "-")
	if strings.Contains(out, "abc+def") || strings.Contains(out, "c+def") {
		t.Errorf("the secret reached the text output:\n%s", out)
	}
	if !strings.Contains(out, "token.sh:3:71: error: client_secret contains \"+\"") {
		t.Errorf("unexpected text output:\n%s", out)
	}
}

func TestFailOn(t *testing.T) {
	src := "curl -d \"grant_type=client_credentials&client_secret=$S\" https://login.mypurecloud.com/oauth/token\n"
	if code, out, _ := runCmd(t, src, "-stdin-filename", "a.sh", "-"); code != exitFindings || !strings.Contains(out, "warning:") {
		t.Errorf("warning with default -fail-on: exit %d\n%s", code, out)
	}
	if code, _, _ := runCmd(t, src, "-fail-on", "error", "-stdin-filename", "a.sh", "-"); code != exitOK {
		t.Errorf("warning with -fail-on error: exit %d", code)
	}
	// A sample secret for a local server is a note: shown, but failing the
	// run only at -fail-on note.
	demo := "curl -u \"demo-client:Jq8vL2x9TzR4wY7nB3mK\" -d grant_type=client_credentials http://localhost:8080/oauth2/token\n"
	if code, out, _ := runCmd(t, demo, "-stdin-filename", "a.sh", "-"); code != exitOK || !strings.Contains(out, "note:") {
		t.Errorf("note with default -fail-on: exit %d\n%s", code, out)
	}
	if code, _, _ := runCmd(t, demo, "-fail-on", "note", "-stdin-filename", "a.sh", "-"); code != exitFindings {
		t.Errorf("note with -fail-on note: exit %d", code)
	}
}

func TestExplainAndRules(t *testing.T) {
	if code, out, _ := runCmd(t, "", "explain", "token-host"); code != 0 || !strings.Contains(out, "login.") {
		t.Errorf("explain: %d %s", code, out)
	}
	if code, _, _ := runCmd(t, "", "explain", "nope"); code != exitTrouble {
		t.Errorf("explain unknown: %d", code)
	}
	if code, out, _ := runCmd(t, "", "rules"); code != 0 || !strings.Contains(out, "user-scoped-api") {
		t.Errorf("rules: %d %s", code, out)
	}
}

func TestInvokedByVetChecksTheConfig(t *testing.T) {
	dir := t.TempDir()
	vetCfg := filepath.Join(dir, "vet.cfg")
	appCfg := filepath.Join(dir, "app.cfg")
	os.WriteFile(vetCfg, []byte(`{"ID":"example.com/p","Compiler":"gc","Dir":"/x","ImportPath":"example.com/p","GoFiles":["/x/p.go"],"ImportMap":{}}`), 0o644)
	os.WriteFile(appCfg, []byte("[oauth]\ntoken_url = https://api.mypurecloud.com/oauth/token\n"), 0o644)
	for _, tt := range []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{vetCfg}, true},
		{[]string{"-tokenlint.region=eu-west-1", vetCfg}, true},
		{[]string{appCfg}, false},
		{[]string{filepath.Join(dir, "missing.cfg")}, false},
		{[]string{dir}, false},
		{nil, false},
	} {
		if got := invokedByVet(tt.args); got != tt.want {
			t.Errorf("invokedByVet(%q) = %v, want %v", tt.args, got, tt.want)
		}
	}
}
