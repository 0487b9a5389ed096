package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixTree writes files into a temporary working directory.
func fixTree(t *testing.T, files map[string]string) {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestFixStdinPrints: -fix - prints standard input fixed and leaves the
// file that -stdin-filename names alone.
func TestFixStdinPrints(t *testing.T) {
	const src = "curl -X POST https://api.mypurecloud.com/oauth/token -d grant_type=client_credentials\n"
	fixTree(t, map[string]string{"t.sh": src})
	code, out, errs := runCmd(t, src, "-fix", "-stdin-filename", "t.sh", "-")
	if code != 0 || out != strings.Replace(src, "api.", "login.", 1) {
		t.Errorf("exit %d, stdout %q, stderr %q; want the fixed text on stdout", code, out, errs)
	}
	if got := readFile(t, "t.sh"); got != src {
		t.Errorf("t.sh was rewritten: %q", got)
	}
	code, out, _ = runCmd(t, "echo hello\n", "-fix", "-stdin-filename", "t.sh", "-")
	if code != 0 || out != "echo hello\n" {
		t.Errorf("nothing to fix: exit %d, stdout %q; want the input as it was", code, out)
	}
}

// TestFixSameFileTwice: a file named twice is linted and fixed once.
func TestFixSameFileTwice(t *testing.T) {
	const src = "curl -X POST https://api.mypurecloud.com/oauth/token -d grant_type=client_credentials\n"
	fixTree(t, map[string]string{"a.sh": src})
	if err := os.Symlink("a.sh", "link.sh"); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCmd(t, "", "a.sh", "./a.sh", "link.sh")
	if code != 1 || strings.Count(out, "[token-host]") != 1 {
		t.Errorf("lint: exit %d, %d token-host findings; want one\n%s%s", code, strings.Count(out, "[token-host]"), out, errs)
	}
	code, _, errs = runCmd(t, "", "-fix", "a.sh", "./a.sh", "a.sh")
	if code != 0 || !strings.Contains(errs, "applied 1 fixes; 0 findings left") {
		t.Errorf("-fix: exit %d, stderr %q", code, errs)
	}
	if got := readFile(t, "a.sh"); !strings.Contains(got, "login.") {
		t.Errorf("a.sh not fixed: %q", got)
	}
}

// TestFixOnlyWhatEveryUseWants: text shared by requests that want
// different things is not rewritten, in every front end; text that every
// use wants fixed is.
func TestFixOnlyWhatEveryUseWants(t *testing.T) {
	files := map[string]string{
		// HOST serves a token request and an API call.
		"host.sh": `HOST=api.mypurecloud.com
TOKEN=$(curl -s -X POST "https://$HOST/oauth/token" -u "$ID:$SECRET" -d grant_type=client_credentials | jq -r .access_token)
curl -s "https://$HOST/api/v2/organizations/me" -H "Authorization: Bearer $TOKEN"
`,
		// URL serves a POST with a grant and a bare GET.
		"url.sh": `URL="https://login.mypurecloud.com/oauth/token"
curl -X POST "$URL" -u "$ID:$SECRET" -d grant_type=client_credentials
curl -X GET "$URL"
`,
		// Both uses are token requests that want login.
		"both.sh": `URL="https://api.mypurecloud.com/oauth/token"
curl -X POST "$URL" -u "$ID:$SECRET" -d grant_type=client_credentials
curl -X POST "$URL" -u "$ID:$SECRET" -d grant_type=client_credentials
`,
		// The same in a Markdown shell fence.
		"README.md": "# Token\n\n```sh\nHOST=api.mypurecloud.com\n" +
			`TOKEN=$(curl -s -X POST "https://$HOST/oauth/token" -u "$ID:$SECRET" -d grant_type=client_credentials | jq -r .access_token)` + "\n" +
			`curl -s "https://$HOST/api/v2/organizations/me" -H "Authorization: Bearer $TOKEN"` + "\n```\n",
	}
	fixTree(t, files)
	runCmd(t, "", "-fix", ".")
	for name, src := range files {
		got := readFile(t, name)
		switch name {
		case "both.sh":
			if !strings.Contains(got, "https://login.mypurecloud.com/oauth/token") {
				t.Errorf("%s: the host every use wants fixed was not: %q", name, got)
			}
		default:
			if got != src {
				t.Errorf("%s: shared text rewritten:\n%s", name, got)
			}
		}
	}
}

// TestFixPortKept: a URL with a port and no path gets the token path after
// the port, and a second -fix changes nothing.
func TestFixPortKept(t *testing.T) {
	fixTree(t, map[string]string{"p.sh": "curl -X POST https://login.mypurecloud.com:443 -d grant_type=client_credentials\n"})
	runCmd(t, "", "-fix", "p.sh")
	want := "curl -X POST https://login.mypurecloud.com:443/oauth/token -d grant_type=client_credentials\n"
	if got := readFile(t, "p.sh"); got != want {
		t.Fatalf("first -fix: %q, want %q", got, want)
	}
	_, _, errs := runCmd(t, "", "-fix", "p.sh")
	if got := readFile(t, "p.sh"); got != want || !strings.Contains(errs, "applied 0 fixes") {
		t.Errorf("second -fix changed %q (%s)", got, errs)
	}
}
