package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// forgedLines are lines that no output of tokenlint may contain, whatever
// the scanned files are named or hold: workflow commands the GitHub
// runner reads from stdout and stderr, and raw terminal controls.
func forgedLines(t *testing.T, what, out string) {
	t.Helper()
	for _, line := range strings.Split(out, "\n") {
		// tokenlint's own annotations, whose properties and data are
		// escaped as the runner reads them and never reach a terminal.
		ours := strings.HasPrefix(line, "::error file=") || strings.HasPrefix(line, "::warning file=")
		if strings.HasPrefix(strings.TrimLeft(line, " \t"), "::") && !ours {
			t.Errorf("%s: forged workflow command %q", what, line)
		}
		if strings.ContainsAny(line, "\x1b\x07\r") && !ours {
			t.Errorf("%s: raw control character in %q", what, line)
		}
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
