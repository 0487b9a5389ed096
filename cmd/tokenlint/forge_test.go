package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/tokenlint/tokenlint/internal/report"
)

// forgedLines are lines that no output of tokenlint may contain, whatever
// the scanned files are named or hold: workflow commands the GitHub
// runner reads from stdout and stderr, and raw terminal controls.
//
// The runner (actions/runner ActionCommand.cs) ends a line at LF or CR,
// reads "::name::" after any Unicode white space, and the legacy
// "##[name]" anywhere in a line.
func forgedLines(t *testing.T, what, out string) {
	t.Helper()
	for _, line := range strings.FieldsFunc(out, func(r rune) bool { return r == '\n' || r == '\r' }) {
		// tokenlint's own annotations, whose properties and data are
		// escaped as the runner reads them and never reach a terminal.
		ours := strings.HasPrefix(line, "::error file=") || strings.HasPrefix(line, "::warning file=") || strings.HasPrefix(line, "::notice file=")
		if strings.HasPrefix(strings.TrimLeftFunc(line, unicode.IsSpace), "::") && !ours {
			t.Errorf("%s: forged workflow command %q", what, line)
		}
		if strings.Contains(line, "##[") {
			t.Errorf("%s: forged legacy workflow command %q", what, line)
		}
		if strings.ContainsAny(line, "\x1b\x07") && !ours {
			t.Errorf("%s: raw control character in %q", what, line)
		}
	}
	if strings.Contains(out, "\r") && !strings.HasPrefix(what, "-diff") {
		t.Errorf("%s: raw CR, which ends a line for the runner", what)
	}
}

// TestForgedFileNames: a file name with newlines and workflow commands is
// shown escaped on stdout and stderr, in every format that prints lines.
func TestForgedFileNames(t *testing.T) {
	dir := t.TempDir()
	names := []string{"bad\n::error::INJ2\n.json", "t\n::add-mask::x\n::error title=INJ::INJECTED\n.sh", "::warning::lead.sh", "esc\x1b]0;PWNED\x07.sh"}
	for _, n := range names {
		text := "curl -X POST https://api.mypurecloud.com/oauth/token -d grant_type=client_credentials\n"
		if strings.HasSuffix(n, ".json") {
			text = `{"token_url": "https://login.mypurecloud.com/oauth/token", ` // malformed: an error names the file
		}
		if err := os.WriteFile(filepath.Join(dir, n), []byte(text), 0o644); err != nil {
			t.Skipf("file system refuses the name: %v", err)
		}
	}
	t.Chdir(dir)
	for _, format := range []string{"text", "github"} {
		code, out, errs := runCmd(t, "", "-format", format, ".")
		if code != 2 {
			t.Errorf("-format %s: exit %d, want 2 (the malformed file)", format, code)
		}
		forgedLines(t, "-format "+format+" stdout", out)
		forgedLines(t, "-format "+format+" stderr", errs)
		if !strings.Contains(out+errs, `bad\n::error::INJ2\n.json`) && !strings.Contains(out+errs, `bad%0A::error::INJ2%0A.json`) {
			t.Errorf("-format %s does not name the malformed file escaped:\n%s\n%s", format, out, errs)
		}
	}
}

// TestForgedMessages: a decoded "\n" in a JSON value and raw ESC, BEL and
// CR bytes on a flagged line reach the text output escaped.
func TestForgedMessages(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"m.json": `{"token_url": "https://api.mypurecloud.com/oauth/token\n::error::JSONINJ"}` + "\n",
		"esc.sh": "curl -X POST https://api.mypurecloud.com/oauth/token -d grant_type=client_credentials # \x1b]0;PWNED\x07\x1b[2J\r::error::CRINJ\n",
	}
	for n, text := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	code, out, errs := runCmd(t, "", "-format", "text", "-color", "never", ".")
	if code != 1 {
		t.Errorf("exit %d, want 1; stderr:\n%s", code, errs)
	}
	forgedLines(t, "text stdout", out)
	for _, want := range []string{`\x1b]0;PWNED\a\x1b[2J\r::error::CRINJ`, `\n::error::JSONINJ`} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks the escaped %q:\n%s", want, out)
		}
	}
}

// TestForgedWorkflowCommands: the legacy "##[command]" syntax, read
// anywhere in a line, and "::command::" after Unicode white space, are
// inert in every format, on stderr and in -diff, whether they come from a
// file name, a source line or a decoded message; JSON still decodes to the
// text as written.
func TestForgedWorkflowCommands(t *testing.T) {
	dir := t.TempDir()
	curl := "curl -X POST https://api.mypurecloud.com/oauth/token -d grant_type=client_credentials"
	files := map[string]string{
		"\u00a0::error::NBSP.sh":     curl + "\n",
		"\u3000::warning::WIDE.sh":   curl + "\n",
		"name##[add-mask]NAME.sh":    curl + "\n",
		"src.sh":                     "::error::DIFF1\n" + curl + " # ##[add-mask]SRC ##[stop-commands]TOK\n\u2003::error::DIFF2\n",
		"m.json":                     `{"token_url": "https://api.mypurecloud.com/oauth/token\n##[error]JSONV1"}` + "\n",
		"broken##[error]BROKEN.json": `{"token_url": `,
	}
	for n, text := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(text), 0o644); err != nil {
			t.Skipf("file system refuses the name: %v", err)
		}
	}
	t.Chdir(dir)
	for _, format := range report.Names() {
		code, out, errs := runCmd(t, "", "-format", format, "-color", "never", ".")
		if code != 2 {
			t.Errorf("-format %s: exit %d, want 2 (the malformed file); stderr:\n%s", format, code, errs)
		}
		forgedLines(t, "-format "+format+" stdout", out)
		forgedLines(t, "-format "+format+" stderr", errs)
		switch format {
		case "json", "sarif", "gitlab":
			var v any
			if err := json.Unmarshal([]byte(out), &v); err != nil {
				t.Errorf("-format %s: not JSON any more: %v", format, err)
			}
			// SARIF writes file names as URIs, with '#' and '[' escaped.
			if format != "sarif" && !strings.Contains(fmtJSON(v), "name##[add-mask]NAME.sh") {
				t.Errorf("-format %s: the decoded output lost the file name as written", format)
			}
		case "text":
			if !strings.Contains(out, `# ##\x5badd-mask]SRC ##\x5bstop-commands]TOK`) || !strings.Contains(out, `\x3a:error::NBSP.sh`) {
				t.Errorf("-format text: the commands are not shown escaped:\n%s", out)
			}
		}
	}
	_, out, errs := runCmd(t, "", "-diff", "src.sh")
	if !strings.Contains(out, "+curl -X POST https://login.") {
		t.Errorf("-diff gave no fix:\n%s\n%s", out, errs)
	}
	forgedLines(t, "-diff stdout", out)
	forgedLines(t, "-diff stderr", errs)
}

// fmtJSON is every string of a decoded JSON value, joined.
func fmtJSON(v any) string {
	switch v := v.(type) {
	case string:
		return v + "\n"
	case []any:
		var b strings.Builder
		for _, x := range v {
			b.WriteString(fmtJSON(x))
		}
		return b.String()
	case map[string]any:
		var b strings.Builder
		for _, x := range v {
			b.WriteString(fmtJSON(x))
		}
		return b.String()
	}
	return ""
}
