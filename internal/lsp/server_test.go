package lsp

import (
	"encoding/json"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/tokenlint/tokenlint/internal/lsp/lsptest"
	"github.com/tokenlint/tokenlint/rules"
)

// duplex is one end of a pair of pipes.
type duplex struct {
	io.Reader
	io.Writer
	closers []io.Closer
}

func (d duplex) Close() error {
	for _, c := range d.closers {
		c.Close()
	}
	return nil
}

// session runs a server in process and returns a client talking to it and
// a channel that receives the server's exit status.
func session(t *testing.T) (*lsptest.Client, <-chan int) {
	t.Helper()
	cr, sw := io.Pipe()
	sr, cw := io.Pipe()
	server := duplex{sr, sw, []io.Closer{sr, sw}}
	client := duplex{cr, cw, []io.Closer{cr, cw}}
	status := make(chan int, 1)
	go func() { status <- Serve(server, Options{Debounce: time.Millisecond}) }()
	c := lsptest.New(client)
	t.Cleanup(func() { c.Close(); server.Close() })
	return c, status
}

// initialize runs the handshake with root as the workspace folder.
func initialize(t *testing.T, c *lsptest.Client, root string) protocol.InitializeResult {
	t.Helper()
	var res protocol.InitializeResult
	params := map[string]any{"processId": nil, "capabilities": map[string]any{}}
	if root != "" {
		params["rootUri"] = uriFromPath(root)
	}
	if err := c.Call("initialize", params, &res); err != nil {
		t.Fatal(err)
	}
	if err := c.Notify("initialized", map[string]any{}); err != nil {
		t.Fatal(err)
	}
	return res
}

func open(t *testing.T, c *lsptest.Client, uri, language, text string) protocol.PublishDiagnosticsParams {
	t.Helper()
	err := c.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": language, "version": 1, "text": text,
	}})
	if err != nil {
		t.Fatal(err)
	}
	return diagnostics(t, c, uri, 1)
}

func change(t *testing.T, c *lsptest.Client, uri string, version int, text string) protocol.PublishDiagnosticsParams {
	t.Helper()
	err := c.Notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": version},
		"contentChanges": []any{map[string]any{"text": text}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return diagnostics(t, c, uri, version)
}

func diagnostics(t *testing.T, c *lsptest.Client, uri string, version int) protocol.PublishDiagnosticsParams {
	t.Helper()
	p, err := c.Diagnostics(uri, version)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func codes(p protocol.PublishDiagnosticsParams) []string {
	var out []string
	for _, d := range p.Diagnostics {
		code := "<none>"
		if d.Code != nil {
			code, _ = d.Code.Value.(string)
		}
		out = append(out, code)
	}
	return out
}

func fileURI(t *testing.T, name string) string {
	t.Helper()
	return uriFromPath(filepath.Join(t.TempDir(), name))
}

const badHTTP = "POST https://api.mypurecloud.com/oauth/token\n" +
	"Content-Type: application/x-www-form-urlencoded\n" +
	"\n" +
	"grant_type=client_credentials\n"

func TestLifecycle(t *testing.T) {
	c, status := session(t)
	var rpcErr *jsonrpc2.Error
	err := c.Call("textDocument/codeAction", map[string]any{}, nil)
	if !errors.As(err, &rpcErr) || rpcErr.Code != codeServerNotInitialized {
		t.Fatalf("request before initialize: got %v, want error %d", err, codeServerNotInitialized)
	}
	res := initialize(t, c, "")
	if res.ServerInfo == nil || res.ServerInfo.Name != "tokenlint" {
		t.Errorf("serverInfo = %+v", res.ServerInfo)
	}
	caps, _ := json.Marshal(res.Capabilities)
	for _, want := range []string{`"codeActionProvider":{"codeActionKinds":["quickfix"]}`, `"openClose":true`, `"change":2`} {
		if !strings.Contains(string(caps), want) {
			t.Errorf("capabilities %s lack %s", caps, want)
		}
	}
	if err := c.Call("initialize", map[string]any{"capabilities": map[string]any{}}, nil); !errors.As(err, &rpcErr) || rpcErr.Code != codeInvalidRequest {
		t.Errorf("second initialize: got %v, want error %d", err, codeInvalidRequest)
	}
	if err := c.Call("textDocument/definition", map[string]any{}, nil); !errors.As(err, &rpcErr) || rpcErr.Code != codeMethodNotFound {
		t.Errorf("unsupported request: got %v, want error %d", err, codeMethodNotFound)
	}
	if err := c.Call("shutdown", nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := c.Call("textDocument/codeAction", map[string]any{}, nil); !errors.As(err, &rpcErr) || rpcErr.Code != codeInvalidRequest {
		t.Errorf("request after shutdown: got %v, want error %d", err, codeInvalidRequest)
	}
	if err := c.Notify("exit", nil); err != nil {
		t.Fatal(err)
	}
	if got := waitStatus(t, status); got != 0 {
		t.Errorf("exit after shutdown: status %d, want 0", got)
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c, status := session(t)
	initialize(t, c, "")
	if err := c.Notify("exit", nil); err != nil {
		t.Fatal(err)
	}
	if got := waitStatus(t, status); got != 1 {
		t.Errorf("exit without shutdown: status %d, want 1", got)
	}
}

func waitStatus(t *testing.T, status <-chan int) int {
	t.Helper()
	select {
	case s := <-status:
		return s
	case <-time.After(lsptest.HangGuard):
		t.Fatal("server did not exit")
	}
	return -1
}

func TestDiagnosticFields(t *testing.T) {
	c, _ := session(t)
	initialize(t, c, "")
	uri := fileURI(t, "token.sh")
	// The emoji is two UTF-16 code units and four bytes: the columns of the
	// host count units (55 of them before it), not bytes (57).
	text := "# token\necho 🔑; curl -d grant_type=client_credentials https://api.mypurecloud.com/oauth/token\n"
	p := open(t, c, uri, "shellscript", text)
	if len(p.Diagnostics) != 1 {
		t.Fatalf("got %d diagnostics (%v), want 1", len(p.Diagnostics), codes(p))
	}
	d := p.Diagnostics[0]
	want := protocol.Range{Start: protocol.Position{Line: 1, Character: 55}, End: protocol.Position{Line: 1, Character: 74}}
	if d.Range != want {
		t.Errorf("range = %+v, want %+v", d.Range, want)
	}
	if d.Severity == nil || *d.Severity != protocol.DiagnosticSeverityError {
		t.Errorf("severity = %v, want error", d.Severity)
	}
	if d.Code == nil || d.Code.Value != "token-host" {
		t.Errorf("code = %v, want token-host", d.Code)
	}
	if d.CodeDescription == nil || d.CodeDescription.HRef != DocURL("token-host") || !strings.HasSuffix(d.CodeDescription.HRef, "/docs/rules/token-host.md") {
		t.Errorf("codeDescription = %+v", d.CodeDescription)
	}
	if d.Source == nil || *d.Source != "tokenlint" {
		t.Errorf("source = %v", d.Source)
	}
	if !strings.Contains(d.Message, "login.mypurecloud.com") {
		t.Errorf("message = %q", d.Message)
	}
	if p.Version == nil || *p.Version != 1 {
		t.Errorf("version = %v, want 1", p.Version)
	}
}

// TestRelatedInformation: a finding whose message speaks of another place
// links it.
// hover returns the markdown of a hover at line:char, "" for none.
func hover(t *testing.T, c *lsptest.Client, uri string, line, char int) string {
	t.Helper()
	var h *struct {
		Contents protocol.MarkupContent `json:"contents"`
	}
	err := c.Call("textDocument/hover", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"position":     map[string]any{"line": line, "character": char},
	}, &h)
	if err != nil {
		t.Fatal(err)
	}
	if h == nil {
		return ""
	}
	if h.Contents.Kind != protocol.MarkupKindMarkdown {
		t.Errorf("hover kind %q", h.Contents.Kind)
	}
	return h.Contents.Value
}

func TestHover(t *testing.T) {
	c, _ := session(t)
	initialize(t, c, "")
	uri := fileURI(t, "token.http")
	open(t, c, uri, "http", badHTTP)
	got := hover(t, c, uri, 0, 20)
	for _, want := range []string{"**tokenlint token-host** (error): token requested from api.mypurecloud.com", "Quick fix: use login.mypurecloud.com.", "(" + DocURL("token-host") + ")"} {
		if !strings.Contains(got, want) {
			t.Errorf("hover %q lacks %q", got, want)
		}
	}
	if got := hover(t, c, uri, 0, 2); got != "" {
		t.Errorf("hover off the finding: %q", got)
	}
}

func TestRelatedInformation(t *testing.T) {
	c, _ := session(t)
	initialize(t, c, "")
	uri := fileURI(t, "calls.http")
	text := "POST https://login.mypurecloud.com/oauth/token\n" +
		"Content-Type: application/x-www-form-urlencoded\n" +
		"\n" +
		"grant_type=client_credentials\n" +
		"\n" +
		"###\n" +
		"GET https://api.mypurecloud.ie/api/v2/users/me\n" +
		"Authorization: Bearer {{token}}\n"
	p := open(t, c, uri, "http", text)
	related := map[string]protocol.DiagnosticRelatedInformation{}
	for _, d := range p.Diagnostics {
		if len(d.RelatedInformation) != 1 {
			t.Errorf("%v: related = %+v, want one", d.Code.Value, d.RelatedInformation)
			continue
		}
		related[d.Code.Value.(string)] = d.RelatedInformation[0]
	}
	tokenHost := protocol.Range{Start: protocol.Position{Line: 0, Character: 13}, End: protocol.Position{Line: 0, Character: 34}}
	if r, ok := related["region-mismatch"]; !ok || r.Location.URI != uri || r.Location.Range != tokenHost || !strings.Contains(r.Message, "login.mypurecloud.com") {
		t.Errorf("region-mismatch related = %+v, want the token host at %+v", r, tokenHost)
	}
	grant := protocol.Range{Start: protocol.Position{Line: 3, Character: 11}, End: protocol.Position{Line: 3, Character: 29}}
	if r, ok := related["user-scoped-api"]; !ok || r.Location.Range != grant || !strings.Contains(r.Message, "client_credentials") {
		t.Errorf("user-scoped-api related = %+v, want the grant at %+v", r, grant)
	}
}

func TestChangeRelints(t *testing.T) {
	c, _ := session(t)
	initialize(t, c, "")
	uri := fileURI(t, "token.http")
	if p := open(t, c, uri, "http", badHTTP); len(p.Diagnostics) != 1 {
		t.Fatalf("open: %v", codes(p))
	}
	// A burst of changes: the diagnostics that count are those of the last.
	fixed := strings.Replace(badHTTP, "api.", "login.", 1)
	for v := 2; v < 5; v++ {
		if err := c.Notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": v},
			"contentChanges": []any{map[string]any{"text": badHTTP}},
		}); err != nil {
			t.Fatal(err)
		}
	}
	if p := change(t, c, uri, 5, fixed); len(p.Diagnostics) != 0 {
		t.Errorf("after the fix: %v, want none", codes(p))
	}
	// An incremental change: "login" back to "api" on line 0.
	err := c.Notify("textDocument/didChange", map[string]any{
		"textDocument": map[string]any{"uri": uri, "version": 6},
		"contentChanges": []any{map[string]any{
			"range": map[string]any{"start": map[string]any{"line": 0, "character": 13}, "end": map[string]any{"line": 0, "character": 18}},
			"text":  "api",
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if p := diagnostics(t, c, uri, 6); len(p.Diagnostics) != 1 {
		t.Errorf("after the incremental change: %v, want token-host", codes(p))
	}
	n := c.Published(uri)
	if err := c.Notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}}); err != nil {
		t.Fatal(err)
	}
	if p, err := c.NextDiagnostics(uri, n); err != nil || len(p.Diagnostics) != 0 {
		t.Errorf("after close: %v %v, want an empty publication", err, codes(p))
	}
}

func TestCodeActions(t *testing.T) {
	c, _ := session(t)
	initialize(t, c, "")
	uri := fileURI(t, "token.http")
	p := open(t, c, uri, "http", badHTTP)
	actions := codeActions(t, c, uri, 0)
	if len(actions) != 2 {
		t.Fatalf("got %d actions (%+v), want the fix and the suppression", len(actions), actions)
	}
	fix, sup := actions[0], actions[1]
	if fix.IsPreferred == nil || !*fix.IsPreferred || *fix.Kind != protocol.CodeActionKindQuickFix || len(fix.Diagnostics) != 1 || fix.Diagnostics[0].Range != p.Diagnostics[0].Range {
		t.Errorf("fix action = %+v", fix)
	}
	if got := apply(t, badHTTP, fix.Edit.Changes[uri]); !strings.HasPrefix(got, "POST https://login.mypurecloud.com/oauth/token\n") {
		t.Errorf("fixed text = %q", got)
	}
	suppressed := apply(t, badHTTP, sup.Edit.Changes[uri])
	if !strings.HasPrefix(suppressed, "# tokenlint:ignore token-host -- \nPOST https://api.") {
		t.Fatalf("suppressed text = %q", suppressed)
	}
	// Without a reason the directive is itself reported; with one, the
	// finding is gone.
	if p := change(t, c, uri, 2, suppressed); strings.Join(codes(p), " ") != "invalid-ignore token-host" {
		t.Errorf("directive without a reason: %v", codes(p))
	}
	reasoned := strings.Replace(suppressed, "-- ", "-- the proxy forwards to login", 1)
	if p := change(t, c, uri, 3, reasoned); len(p.Diagnostics) != 0 {
		t.Errorf("directive with a reason: %v, want none", codes(p))
	}
	// Asking for refactorings only gets no quickfix.
	var none []protocol.CodeAction
	err := c.Call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        lineRange(0),
		"context":      map[string]any{"diagnostics": []any{}, "only": []string{"refactor"}},
	}, &none)
	if err != nil || len(none) != 0 {
		t.Errorf("only refactor: %v %+v", err, none)
	}
}

func lineRange(line int) map[string]any {
	return map[string]any{"start": map[string]any{"line": line, "character": 0}, "end": map[string]any{"line": line, "character": 0}}
}

func codeActions(t *testing.T, c *lsptest.Client, uri string, line int) []protocol.CodeAction {
	t.Helper()
	var actions []protocol.CodeAction
	err := c.Call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        lineRange(line),
		"context":      map[string]any{"diagnostics": []any{}},
	}, &actions)
	if err != nil {
		t.Fatal(err)
	}
	return actions
}

// apply applies LSP edits to text, last first, as an editor does.
func apply(t *testing.T, text string, edits []protocol.TextEdit) string {
	t.Helper()
	for _, edit := range slices.Backward(edits) {
		l := newLines(text)
		start, end := l.offset(edit.Range.Start), l.offset(edit.Range.End)
		text = text[:start] + edit.NewText + text[end:]
	}
	return text
}

// TestSuppressPlacement checks where the directive goes in each comment
// syntax, and that the directive written suppresses the finding once a
// reason follows it.
func TestSuppressPlacement(t *testing.T) {
	tests := []struct {
		name, file, text string
		line             int
		want             string // the text after the edit; "" means no action
	}{{
		name: "shell continuation takes a trailing comment",
		file: "token.sh",
		text: "curl -X POST \\\n  https://api.mypurecloud.com/oauth/token \\\n  -d grant_type=client_credentials\n",
		line: 1,
		want: "",
	}, {
		name: "last line of a continued command",
		file: "token.sh",
		text: "curl -d grant_type=client_credentials \\\n  https://api.mypurecloud.com/oauth/token\n",
		line: 1,
		want: "curl -d grant_type=client_credentials \\\n  https://api.mypurecloud.com/oauth/token # tokenlint:ignore token-host -- \n",
	}, {
		name: "indented line above",
		file: "token.sh",
		text: "if true; then\n\tcurl -d grant_type=client_credentials https://api.mypurecloud.com/oauth/token\nfi\n",
		line: 1,
		want: "if true; then\n\t# tokenlint:ignore token-host -- \n\tcurl -d grant_type=client_credentials https://api.mypurecloud.com/oauth/token\nfi\n",
	}, {
		name: "existing directive gets the rule",
		file: "token.sh",
		text: "# tokenlint:ignore token-path -- legacy\ncurl -d grant_type=client_credentials https://api.mypurecloud.com/oauth/token\n",
		line: 1,
		want: "# tokenlint:ignore token-path,token-host -- legacy\ncurl -d grant_type=client_credentials https://api.mypurecloud.com/oauth/token\n",
	}, {
		name: "markdown fence",
		file: "README.md",
		text: "Get a token:\n\n```sh\ncurl -d grant_type=client_credentials https://api.mypurecloud.com/oauth/token\n```\n",
		line: 3,
		want: "Get a token:\n\n```sh\n# tokenlint:ignore token-host -- \ncurl -d grant_type=client_credentials https://api.mypurecloud.com/oauth/token\n```\n",
	}, {
		name: "CRLF",
		file: ".env",
		text: "GENESYS_CLOUD_REGION=us-east-1\r\nGENESYS_TOKEN_URL=https://api.mypurecloud.com/oauth/token\r\n",
		line: 1,
		want: "GENESYS_CLOUD_REGION=us-east-1\r\n# tokenlint:ignore token-host -- \r\nGENESYS_TOKEN_URL=https://api.mypurecloud.com/oauth/token\r\n",
	}}
	c, _ := session(t)
	initialize(t, c, "")
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			uri := fileURI(t, tt.file)
			p := open(t, c, uri, "", tt.text)
			if !strings.Contains(strings.Join(codes(p), " "), "token-host") {
				t.Fatalf("no token-host finding to suppress: %v", codes(p))
			}
			var sup *protocol.CodeAction
			for _, a := range codeActions(t, c, uri, tt.line) {
				if strings.HasPrefix(a.Title, "Suppress token-host") {
					sup = &a
				}
			}
			if tt.want == "" {
				if sup != nil {
					t.Fatalf("got a suppression %+v, want none", sup.Edit)
				}
				return
			}
			if sup == nil {
				t.Fatalf("no suppression action for line %d: %v", tt.line, codes(p))
			}
			got := apply(t, tt.text, sup.Edit.Changes[uri])
			if got != tt.want {
				t.Fatalf("suppressed text:\n%q\nwant\n%q", got, tt.want)
			}
			reasoned := strings.Replace(got, "-- \n", "-- reviewed\n", 1)
			reasoned = strings.Replace(reasoned, "-- \r\n", "-- reviewed\r\n", 1)
			if p := change(t, c, uri, 2+i, reasoned); strings.Contains(strings.Join(codes(p), " "), "token-host") {
				t.Errorf("token-host still reported after the directive: %v", codes(p))
			}
		})
	}
}

func TestSeverity(t *testing.T) {
	for s, want := range map[rules.Severity]protocol.DiagnosticSeverity{
		rules.Error:   protocol.DiagnosticSeverityError,
		rules.Warning: protocol.DiagnosticSeverityWarning,
		rules.Note:    protocol.DiagnosticSeverityInformation,
	} {
		if got := severity(s); got != want {
			t.Errorf("severity(%s) = %d, want %d", s, got, want)
		}
	}
}

func TestRemoveUnusedDirective(t *testing.T) {
	const call = "curl -d grant_type=client_credentials https://login.mypurecloud.com/oauth/token\n"
	tests := []struct{ name, text, want string }{
		{"alone on its line", "# tokenlint:ignore token-host -- old proxy\n" + call, call},
		{"one of two rules", "# tokenlint:ignore token-path,token-host -- old proxy\n" + call, "# tokenlint:ignore token-path -- old proxy\n" + call},
		{"trailing comment", strings.TrimSuffix(call, "\n") + " # tokenlint:ignore token-host -- old proxy\n", call},
	}
	c, _ := session(t)
	initialize(t, c, "")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			uri := fileURI(t, "token.sh")
			open(t, c, uri, "shellscript", tt.text)
			var edits [][]protocol.TextEdit
			for _, a := range codeActions(t, c, uri, 0) {
				if strings.HasPrefix(a.Title, "Remove the unused token-host") {
					edits = append(edits, a.Edit.Changes[uri])
				}
			}
			if len(edits) != 1 {
				t.Fatalf("got %d removal actions, want 1", len(edits))
			}
			if got := apply(t, tt.text, edits[0]); got != tt.want {
				t.Errorf("after removal:\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}
