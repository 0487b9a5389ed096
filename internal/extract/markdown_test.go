package extract

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

func TestScanFences(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // "lang:text"
	}{
		{"backticks", "# T\n\n```bash\ncurl x\n```\n", []string{"bash:curl x\n"}},
		{"tildes and longer close", "~~~sh title=x\na\n~~~~\n", []string{"sh:a\n"}},
		{"short close is content", "````sh\n```\nb\n````\n", []string{"sh:```\nb\n"}},
		{"other char is content", "```sh\n~~~\n```\n", []string{"sh:~~~\n"}},
		{"indented fence strips its indent", "  ```sh\n    a\n  b\n```\n", []string{"sh:  a\nb\n"}},
		{"four spaces is indented code", "    ```sh\n    a\n    ```\n", []string{":```sh\na\n```\n"}},
		{"indented code", "Run:\n\n    curl a \\\n      -d b\n\n    curl c\n\nText\n", []string{":curl a \\\n  -d b\n\ncurl c\n"}},
		{"paragraph continuation is no code", "Run\n    curl a\n", nil},
		{"indented code after a heading", "# Token\n    curl a\n", []string{":curl a\n"}},
		{"indented code in a list item", "1. Get a token:\n\n       curl a\n", []string{":curl a\n"}},
		{"inline code is no fence", "```sh` x\na\n", nil},
		{"unclosed runs to the end", "```json\n{}\n", []string{"json:{}\n"}},
		{"info word cut", "```bash{1,2}\nx\n```\n```Console\ny\n```\n", []string{"bash:x\n", "console:y\n"}},
		{"untagged", "```\nz\n```\n", []string{":z\n"}},
		{"blockquote", "> ```sh\n> curl a\n> ```\n", []string{"sh:curl a\n"}},
		{"blockquote ends the fence", "> ```sh\n> a\nb\n", []string{"sh:a\n"}},
		{"list item", "1. Get a token:\n\n   ```sh\n   curl a\n     -d b\n   ```\n", []string{"sh:curl a\n  -d b\n"}},
		{"list item ends the fence", "- x\n\n  ```sh\n  a\nb\n", []string{"sh:a\n"}},
		{"fence on the marker line", "- ```sh\n  a\n  ```\n", []string{"sh:a\n"}},
		{"html comment hides", "<!--\n```sh\na\n```\n-->\n```sh\nb\n```\n", []string{"sh:b\n"}},
		{"crlf", "```sh\r\na\r\n```\r\n", []string{"sh:a\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range scanFences([]byte(tt.src)) {
				text, m := f.join(allLines)
				got = append(got, f.lang+":"+string(text))
				// Every mapped byte is the file's byte.
				for i := range text {
					if off, ok := m.Map(i); ok && text[i] != '\n' && tt.src[off] != text[i] {
						t.Errorf("%q: text[%d]=%q maps to %q", f.lang, i, text[i], tt.src[off])
					}
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSniffBlock(t *testing.T) {
	for src, want := range map[string]string{
		"```\ncurl -X POST https://login.mypurecloud.com/oauth/token\n```\n":        "shell",
		"```\n$ sudo curl https://x\n{\"a\":1}\n```\n":                              "shell",
		"```\nPOST https://login.mypurecloud.com/oauth/token HTTP/1.1\nA: b\n```\n": "http",
		"```\nPOST /oauth/token\n```\n":                                             "http",
		"```\n# settings\nGENESYS_CLOUD_REGION=us_east_1\nexport X=1\n```\n":        "env",
		"```\nA=1\nB=2\n```\n":                                                      "",
		"```\n{\"access_token\": \"x\"}\n```\n":                                     "",
		"```\nThe token is sent to POST https://x/oauth/token\n```\n":               "",
		"    npm install\n    node index.js\n":                                      "",
	} {
		fs := scanFences([]byte(src))
		if len(fs) != 1 {
			t.Fatalf("%q: %d blocks", src, len(fs))
		}
		if got := sniffBlock(fs[0]); got != want {
			t.Errorf("%q: %q, want %q", src, got, want)
		}
	}
}

func TestSessionLines(t *testing.T) {
	src := "```console\n$ curl -s https://x \\\n    -d a=b\n{\"error\":\"invalid_client\"}\n  $ echo ok\nok\n```\n"
	f := scanFences([]byte(src))[0]
	text, m := f.join(sessionLines())
	want := "curl -s https://x \\\n    -d a=b\necho ok\n"
	if string(text) != want {
		t.Fatalf("got %q, want %q", text, want)
	}
	if off, _ := m.Map(strings.Index(string(text), "echo")); src[off:off+4] != "echo" {
		t.Errorf("echo maps to %d", off)
	}
}

// TestMarkdownEnvBlock runs a whole Markdown file through an embedded
// format and the rules, and checks the finding lands in the .md file.
func TestMarkdownEnvBlock(t *testing.T) {
	if ByName("env") == nil {
		t.Skip("no env format")
	}
	src := "# Setup\n\n- Put this in `.env`:\n\n  ```dotenv\n  GENESYS_TOKEN_URL=https://api.mypurecloud.com/oauth/token\n  ```\n\n```text\nTOKEN_URL=https://api.mypurecloud.com/oauth/token\n```\n"
	u, err := extractMarkdown("README.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	fs := rules.Run(u, nil)
	if len(fs) != 1 || fs[0].Rule != "token-host" {
		t.Fatalf("findings %+v", fs)
	}
	li := rules.NewLineIndex([]byte(src))
	line, col := li.Position(fs[0].Span.Start)
	if line != 6 || col != 29 || fs[0].Span.File != "README.md" {
		t.Errorf("finding at %s:%d:%d", fs[0].Span.File, line, col)
	}
	if got := src[fs[0].Span.Start:fs[0].Span.End]; got != "api.mypurecloud.com" {
		t.Errorf("span %q", got)
	}
}

// TestMarkdownOpenAPIBlock: a yaml block holding an OpenAPI document is
// read as OpenAPI, not as a generic config.
func TestMarkdownOpenAPIBlock(t *testing.T) {
	src := "Spec:\n\n```yaml\nopenapi: 3.0.0\ncomponents:\n  securitySchemes:\n    o:\n      type: oauth2\n      flows:\n        clientCredentials:\n          tokenUrl: https://api.mypurecloud.com/oauth/token\n          scopes: {}\n```\n"
	u, err := extractMarkdown("README.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(u.Requests) != 1 || u.Requests[0].Via != "OpenAPI clientCredentials flow" {
		t.Fatalf("requests %+v", u.Requests)
	}
	sp := u.Requests[0].URL.Span()
	if src[sp.Start:sp.End] != "https://api.mypurecloud.com/oauth/token" {
		t.Errorf("span %q", src[sp.Start:sp.End])
	}
}

// TestMarkdownTabIndentedFenceInList: a tab indents a fence inside a list
// item; indentation counts columns, cutting counts bytes (FuzzFrontEnds
// 23bcd049cf9a175c: "\t0" under "* 0" cut 4 bytes of a 2-byte line).
func TestMarkdownTabIndentedFenceInList(t *testing.T) {
	src := "* Get a token:\n\t```sh\n\tcurl -X POST https://api.mypurecloud.com/oauth/token -d grant_type=client_credentials\n\t```\n* 0\n\t0\n"
	u, err := ByName("markdown").Extract("README.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if u == nil || len(u.Requests) != 1 || !strings.Contains(u.Requests[0].URL.Text, "api.mypurecloud.com") {
		t.Fatalf("want the fence's request, got %+v", u)
	}
	if bad := verbatimMismatch(src, u); bad != "" {
		t.Error(bad)
	}
}

// TestGates: a text is skipped only when it has none of the words its
// front end needs to record anything; every way the front end has of
// recording something is admitted.
func TestGates(t *testing.T) {
	for _, tt := range []struct {
		g      *gate
		text   string
		admits bool
	}{
		{shellGate, "npm install\nnpm run build\n", false},
		{shellGate, "docker compose up -d\ngo test ./...\n", false},
		{shellGate, "curl https://example.org/x\n", true},
		{shellGate, "wget -qO- https://example.org/x\n", true},
		{shellGate, "xh POST example.org/x a=b\n", true},
		{shellGate, "sf org login jwt --instance-url x\n", true},
		{shellGate, "export API_BASE_URL=https://example.org\n", true},
		{shellGate, "export DB_PASSWORD=hunter2hunter2\n", true},
		{shellGate, "export API_\u212AEY=x\n", true}, // a Kelvin sign: API_KEY in Unicode
		{shellGate, "run \\\n  --fast\n", true},      // an escape can spell curl: c\url
		{shellGate, "C=cu\"\"rl\n$C example.org\n", true},
		{shellGate, "$'\\x63url' example.org\n", true},
		{terraformGate, "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n", false},
		{terraformGate, "resource \"genesyscloud_routing_queue\" \"q\" {\n  name = \"Support\"\n}\n", false},
		{terraformGate, "provider \"genesyscloud\" {\n  aws_region = \"eu-west-1\"\n}\n", true},
		{terraformGate, "variable \"api_url\" {\n  default = \"https://example.org\"\n}\n", true},
		{terraformGate, "data \"http\" \"x\" {\n  url = \"https://example.org\"\n}\n", true},
		{terraformGate, "variable \"\\u0075rl\" {\n  default = \"https://example.org\"\n}\n", true},
		{nil, "{}\n", true}, // no gate: the front end gates itself
	} {
		f := scanFences([]byte("```sh\n" + tt.text + "```\n"))[0]
		if got := tt.g.admits(f.text); got != tt.admits {
			t.Errorf("%q: admits %v, want %v", tt.text, got, tt.admits)
		}
		if got := tt.g.admits(whole([]byte(tt.text))); got != tt.admits {
			t.Errorf("%q whole: admits %v, want %v", tt.text, got, tt.admits)
		}
	}
}

// TestGatesSkipOnlyEmptyTexts: every shell and Terraform block of every
// Markdown file under testdata/, every .tf file there, and the texts
// written here that a gate turns away give their front end nothing, so
// skipping them changes nothing.
func TestGatesSkipOnlyEmptyTexts(t *testing.T) {
	type text struct {
		format string
		src    []byte
	}
	var texts []text
	add := func(format string, src []byte) { texts = append(texts, text{format, src}) }
	for _, s := range []string{"npm install\n", "docker compose up -d\ngo test ./...\n", "echo done\nls -la /tmp\n"} {
		add("shell", []byte(s))
	}
	add("terraform", []byte("resource \"genesyscloud_routing_queue\" \"q\" {\n  name = \"Support\"\n}\n"))
	err := filepath.WalkDir("../../testdata", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, ".tf") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.HasSuffix(p, ".tf") {
			add("terraform", src)
			return nil
		}
		for _, f := range scanFences(src) {
			if name := fenceFormats[f.lang]; name == "shell" || name == "terraform" {
				t, _ := f.join(allLines)
				add(name, t)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	read := map[string]func(string, []byte, *expansion) (*rules.Unit, error){"shell": extractShellIn, "terraform": readTerraform}
	gates := map[string]*gate{"shell": shellGate, "terraform": terraformGate}
	skipped := 0
	for _, tx := range texts {
		if gates[tx.format].admits(whole(tx.src)) {
			continue
		}
		skipped++
		u, err := read[tx.format]("x", tx.src, newExpansion(len(tx.src)))
		if err == nil && (len(u.Requests) > 0 || len(u.Settings) > 0 || len(u.Secrets) > 0 || len(u.Origins) > 0) {
			t.Errorf("a skipped %s text gives %d requests, %d settings, %d secrets: %q", tx.format, len(u.Requests), len(u.Settings), len(u.Secrets), tx.src)
		}
	}
	if skipped < 4 {
		t.Errorf("%d texts skipped, want at least the 4 written here", skipped)
	}
}

// TestTerraformGated: a .tf file with nothing the front end reads is not
// parsed, so a malformed one is no error; one with a provider block is.
func TestTerraformGated(t *testing.T) {
	if u, err := extractTerraform("main.tf", []byte("resource \"genesyscloud_routing_queue\" \"q\" {\n  name = \n")); err != nil || len(u.Requests)+len(u.Settings) > 0 {
		t.Errorf("gated: %v, %+v", err, u)
	}
	if _, err := extractTerraform("main.tf", []byte("provider \"genesyscloud\" {\n  aws_region = \n")); err == nil {
		t.Error("a malformed provider block is no error")
	}
}

// TestFenceWithoutKeywordsCounts: a block with none of the prefilter's
// keywords still feeds the file's unit. Here its base URL names a real
// server, so the secret beside a localhost token request in another block
// is not a sample: a warning, where the same file without it has a note.
func TestFenceWithoutKeywordsCounts(t *testing.T) {
	secret := "```sh\nexport CLIENT_SECRET=Xk29dLq8zPw3vR7tQ\ncurl http://localhost:8080/oauth/token -d grant_type=client_credentials\n```\n"
	for _, tt := range []struct {
		other string
		want  rules.Severity
	}{
		{"```sh\nexport API_BASE_URL=https://api.github.com\n```\n", rules.Warning},
		{"```sh\nnpm install\n```\n", rules.Note},
	} {
		src := "# Setup\n\n" + secret + "\nThen:\n\n" + tt.other
		u, err := extractMarkdown("README.md", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		var got []rules.Severity
		for _, d := range rules.Run(u, nil) {
			if d.Rule == "hardcoded-secret" {
				got = append(got, d.Severity)
			}
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("with %q: hardcoded-secret %v, want [%v]", tt.other, got, tt.want)
		}
	}
}

// wget with two URLs makes two requests from one command; each has an
// Auth of its own, so remapping a fence's unit to the Markdown file moves
// each secret once, to where the file writes it.
func TestFenceRequestsOfOneCommandRemapOnce(t *testing.T) {
	src := "Get a token:\n\n```sh\nwget --user=id --password=s3cr3t https://login.mypurecloud.com/oauth/token https://login.mypurecloud.ie/oauth/token\n```\n"
	u := mustExtract(t, "README.md", src)
	if len(u.Requests) != 2 {
		t.Fatalf("%d requests, want 2", len(u.Requests))
	}
	for i, r := range u.Requests {
		if r.Auth == nil {
			t.Fatalf("request %d has no auth", i)
		}
		if sp := r.Auth.Secret.Span(); src[sp.Start:sp.End] != "s3cr3t" {
			t.Errorf("request %d: the secret's span is %q", i, src[sp.Start:sp.End])
		}
	}
}
