package lsp

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/tokenlint/tokenlint/internal/lsp/lsptest"
)

// workspaceDir makes a repository root (it has .git, where the config
// search stops) holding files.
func workspaceDir(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		writeFile(t, filepath.Join(root, name), text)
	}
	return root
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func initializeWatching(t *testing.T, c *lsptest.Client, root string) {
	t.Helper()
	params := map[string]any{
		"processId": nil,
		"rootUri":   uriFromPath(root),
		"capabilities": map[string]any{"workspace": map[string]any{
			"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true},
		}},
	}
	if err := c.Call("initialize", params, nil); err != nil {
		t.Fatal(err)
	}
	if err := c.Notify("initialized", map[string]any{}); err != nil {
		t.Fatal(err)
	}
}

// TestConfigChange: the workspace's .tokenlint.toml governs the buffers,
// and a change to it (watched, or saved in the editor) re-lints them; a
// broken one is shown on the file and the defaults apply meanwhile.
func TestConfigChange(t *testing.T) {
	root := workspaceDir(t, map[string]string{
		".tokenlint.toml": "[rules]\ndisable = [\"token-host\"]\n",
	})
	configURI := uriFromPath(filepath.Join(root, ".tokenlint.toml"))
	c, _ := session(t)
	initializeWatching(t, c, root)
	uri := uriFromPath(filepath.Join(root, "api", "token.http"))
	if p := open(t, c, uri, "http", badHTTP); len(p.Diagnostics) != 0 {
		t.Fatalf("token-host is disabled by the config: got %v", codes(p))
	}

	writeFile(t, filepath.Join(root, ".tokenlint.toml"), "# every rule\n")
	n := c.Published(uri)
	if err := c.Notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": configURI, "type": 2}}}); err != nil {
		t.Fatal(err)
	}
	if p, err := c.NextDiagnostics(uri, n); err != nil || strings.Join(codes(p), " ") != "token-host" {
		t.Fatalf("after the config changed: %v %v, want token-host", err, codes(p))
	}

	writeFile(t, filepath.Join(root, ".tokenlint.toml"), "[rules]\nenable = [\"no-such-rule\"]\n")
	n = c.Published(configURI)
	if err := c.Notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": configURI}}); err != nil {
		t.Fatal(err)
	}
	p, err := c.NextDiagnostics(configURI, n)
	if err != nil || len(p.Diagnostics) != 1 {
		t.Fatalf("broken config: %v %+v, want one diagnostic on it", err, p)
	}
	if d := p.Diagnostics[0]; d.Range.Start.Line != 1 || !strings.Contains(d.Message, `unknown rule "no-such-rule"`) {
		t.Errorf("config diagnostic = %+v", d)
	}
	if p := diagnostics(t, c, uri, 1); strings.Join(codes(p), " ") != "token-host" {
		t.Errorf("with a broken config the defaults apply: %v", codes(p))
	}

	// The config buffer itself is checked as it is typed.
	if p := open(t, c, configURI, "toml", "[rules]\ndisable = [\"token-hots\"]\n"); len(p.Diagnostics) != 1 || !strings.Contains(p.Diagnostics[0].Message, "token-hots") {
		t.Errorf("config buffer: %+v", p.Diagnostics)
	}

	// The watcher was registered with the client.
	deadline := time.After(lsptest.HangGuard)
	for !slices.Contains(c.Requests(), "client/registerCapability") {
		select {
		case <-deadline:
			t.Fatalf("no client/registerCapability request; got %v", c.Requests())
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// TestExcluded: a buffer the config excludes gets no diagnostics.
func TestExcluded(t *testing.T) {
	root := workspaceDir(t, map[string]string{".tokenlint.toml": "exclude = [\"fixtures\"]\n"})
	c, _ := session(t)
	initialize(t, c, root)
	if p := open(t, c, uriFromPath(filepath.Join(root, "fixtures", "token.http")), "http", badHTTP); len(p.Diagnostics) != 0 {
		t.Errorf("excluded buffer: %v", codes(p))
	}
	if p := open(t, c, uriFromPath(filepath.Join(root, "token.http")), "http", badHTTP); len(p.Diagnostics) != 1 {
		t.Errorf("buffer outside the exclusion: %v", codes(p))
	}
}

func TestBuffersTheCommandDoesNotJudge(t *testing.T) {
	c, _ := session(t)
	initialize(t, c, "")
	goSrc := "package main\n\nconst tokenURL = \"https://api.mypurecloud.com/oauth/token\"\n"
	if p := open(t, c, fileURI(t, "main.go"), "go", goSrc); len(p.Diagnostics) != 0 {
		t.Errorf("Go buffer (gopls and vet serve Go): %v", codes(p))
	}
	// An untitled buffer is linted by its language.
	if p := open(t, c, "untitled:Untitled-1", "http", badHTTP); strings.Join(codes(p), " ") != "token-host" {
		t.Errorf("untitled http buffer: %v", codes(p))
	}
}

// TestParseError: a buffer its front end cannot read gets one error
// diagnostic at the line the front end names.
func TestParseError(t *testing.T) {
	c, _ := session(t)
	initialize(t, c, "")
	p := open(t, c, fileURI(t, "oauth.yaml"), "yaml", "oauth:\n  token_url: [unclosed\n  client_secret: \"x\n")
	if len(p.Diagnostics) != 1 {
		t.Fatalf("got %+v, want one parse error", p.Diagnostics)
	}
	d := p.Diagnostics[0]
	if *d.Severity != protocol.DiagnosticSeverityError || d.Range.Start.Line != 2 || !strings.Contains(d.Message, "invalid YAML") {
		t.Errorf("parse error diagnostic = %+v", d)
	}
}

// TestSecretsMasked: no diagnostic, related information or action shows a
// credential of the buffer.
func TestSecretsMasked(t *testing.T) {
	const secret = "Zx9+q/AbcWdefKghiJKLmnopQ"
	text := "GENESYS_CLOUD_TOKEN_URL=http://login.mypurecloud.com/oauth/token?client_secret=" + secret + "\n" +
		"GENESYS_CLIENT_ID=3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60\n" +
		"GENESYS_CLIENT_SECRET=" + secret + "\n"
	c, _ := session(t)
	initialize(t, c, "")
	uri := fileURI(t, ".env")
	p := open(t, c, uri, "dotenv", text)
	if len(p.Diagnostics) < 2 {
		t.Fatalf("want findings about the secret, got %v", codes(p))
	}
	var shown []string
	for _, d := range p.Diagnostics {
		shown = append(shown, d.Message)
		for _, r := range d.RelatedInformation {
			shown = append(shown, r.Message)
		}
	}
	for line := range 3 {
		for _, a := range codeActions(t, c, uri, line) {
			shown = append(shown, a.Title)
			for _, d := range a.Diagnostics {
				shown = append(shown, d.Message)
			}
		}
	}
	for line := range 3 {
		for char := 0; char < 120; char += 7 {
			if h := hover(t, c, uri, line, char); h != "" {
				shown = append(shown, h)
			}
		}
	}
	if !slices.ContainsFunc(shown, func(s string) bool { return strings.Contains(s, "**tokenlint hardcoded-secret**") }) {
		t.Errorf("no hover over the secret: %q", shown)
	}
	for _, s := range shown {
		if strings.Contains(s, secret[2:]) {
			t.Errorf("secret shown in %q", s)
		}
	}
}
