package main

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/report"
)

// TestErrorsQuoteNoFileText: a file that fails to parse gets an error at
// its file and line, in every output format and on stderr, and none of the
// error texts of its parser (yaml.v3, BurntSushi/toml, HCL, the shell
// parser, encoding/json, the Bruno reader, the go command, go/parser and
// go/types) prints the secret-looking word the file put where the parser
// quotes or echoes text: escaped, decoded, as a key path or unquoted.
func TestErrorsQuoteNoFileText(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go is not on PATH")
	}
	t.Setenv("GOWORK", "off")
	const tokenURL = "https://login.mypurecloud.com/oauth/token"
	files := map[string]string{
		// yaml.v3 quotes an alias's anchor name.
		"anchor.yaml": "token_url: " + tokenURL + "\nsecret: *Kx7Qw9Zp3Lm2RtA\n",
		// BurntSushi/toml quotes the whole key path, not as written.
		"dup.toml": "token_url = \"" + tokenURL + "\"\n[tbl]\nKx7Qw9Zp3Lm2RtB = 1\nKx7Qw9Zp3Lm2RtB = 2\n",
		// The Bruno reader quotes a line with %q, which escapes the tab.
		"bad.bru": "meta {\n  name: token\n}\n\npost {\n  url: " + tokenURL + "\n  Kx7Qw9Zp3Lm2RtC\tx\n}\n",
		// The shell parser quotes a here-document's word.
		"here.sh": "curl -X POST " + tokenURL + " <<Kx7Qw9Zp3Lm2RtD\nx\n",
		// HCL and encoding/json name no text; their errors are checked
		// for it all the same.
		"main.tf":    "locals {\n  token_url = \"" + tokenURL + "\"\n  Kx7Qw9Zp3Lm2RtE {{\n}\n",
		"token.json": "{\"token_url\": \"" + tokenURL + "\", \"x\": Kx7Qw9Zp3Lm2RtF}\n",
		// The go command echoes a go.mod's unknown directive and an embed
		// pattern unquoted; go/parser an unexpected token; go/types a
		// name it cannot find.
		"gomod/go.mod": "module example.com/gomod\n\ngo 1.22\n\nKx7Qw9Zp3Lm2RtG x\n",
		"gomod/a.go":   "package gomod\n",
		"embed/go.mod": "module example.com/embed\n\ngo 1.22\n",
		"embed/e.go":   "package embed\n\nimport (\n\t_ \"embed\"\n\t\"net/http\"\n)\n\n//go:embed Kx7Qw9Zp3Lm2RtH\nvar s string\n\nvar _, _ = http.Post(\"" + tokenURL + "\", \"\", nil)\n",
		"embed/p.go":   "package embed\n\nvar t = Kx7Qw9Zp3Lm2RtI Kx7Qw9Zp3Lm2RtJ\n",
	}
	want := []string{"anchor.yaml", "dup.toml:4", "bad.bru:7", "here.sh:1", "main.tf:3", "token.json:1", "go.mod:5", "e.go:8", "p.go:3"}
	t.Chdir(hostileDir(t, files))
	leak := regexp.MustCompile(`7Qw9|Zp3L|Lm2R`)
	for _, format := range report.Names() {
		code, out, errs := runCmd(t, "", "-format", format, "-color", "never", ".", "./gomod/...", "./embed/...")
		if code != exitTrouble {
			t.Errorf("-format %s: exit %d, want %d (files that do not parse)", format, code, exitTrouble)
		}
		if m := leak.FindString(out + errs); m != "" {
			t.Errorf("-format %s printed file text %q:\n%s\n%s", format, m, out, errs)
		}
		if format == "text" {
			for _, w := range want {
				if !strings.Contains(errs, w) {
					t.Errorf("no error at %s on stderr:\n%s", w, errs)
				}
			}
		}
	}
}
