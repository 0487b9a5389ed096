package integration

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/tokenlint/tokenlint/internal/lsp/lsptest"
)

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
	buildDir  string
)

// tokenlintBinary builds this checkout's tokenlint once for the package's
// tests, as a user's editor runs it.
func tokenlintBinary(t *testing.T) string {
	t.Helper()
	root := repoRoot(t)
	buildOnce.Do(func() {
		buildDir, buildErr = os.MkdirTemp("", "tokenlint-lsp-")
		if buildErr != nil {
			return
		}
		binary = filepath.Join(buildDir, "tokenlint")
		out, err := run(t, root, nil, "go", "build", "-o", binary, "./cmd/tokenlint")
		if err != nil {
			buildErr = err
			binary = out
		}
	})
	if buildErr != nil {
		t.Fatalf("go build: %v\n%s", buildErr, binary)
	}
	return binary
}

func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// TestLanguageServer drives the built `tokenlint lsp` over stdio as an
// editor does: initialize, didOpen, publishDiagnostics, codeAction,
// didChange with the fix applied, shutdown and exit.
func TestLanguageServer(t *testing.T) {
	bin := tokenlintBinary(t)
	root := t.TempDir()
	write(t, root, ".git/HEAD", "ref: refs/heads/main\n")
	write(t, root, ".tokenlint.toml", "[rules]\ndisable = [\"token-path\"]\n")
	c, cmd, stderr := startServer(t, bin, root)

	var init protocol.InitializeResult
	if err := c.Call("initialize", map[string]any{
		"processId": os.Getpid(), "rootUri": "file://" + root, "capabilities": map[string]any{},
	}, &init); err != nil {
		t.Fatal(err)
	}
	if init.ServerInfo == nil || init.ServerInfo.Name != "tokenlint" {
		t.Errorf("serverInfo = %+v", init.ServerInfo)
	}
	must0(t, c.Notify("initialized", map[string]any{}))

	uri := "file://" + filepath.Join(root, "token.http")
	text := "### client credentials\n" +
		"POST https://api.mypurecloud.com/api/v2/oauth/token\n" +
		"Content-Type: application/x-www-form-urlencoded\n" +
		"\n" +
		"grant_type=client_credentials\n"
	must0(t, c.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "http", "version": 1, "text": text,
	}}))
	p, err := c.Diagnostics(uri, 1)
	if err != nil {
		t.Fatal(err)
	}
	// token-path is disabled by the workspace's config: token-host alone.
	if len(p.Diagnostics) != 1 {
		t.Fatalf("diagnostics = %+v, want token-host alone", p.Diagnostics)
	}
	d := p.Diagnostics[0]
	if d.Code == nil || d.Code.Value != "token-host" || *d.Severity != protocol.DiagnosticSeverityError ||
		d.Range.Start != (protocol.Position{Line: 1, Character: 13}) || d.Range.End != (protocol.Position{Line: 1, Character: 32}) {
		t.Errorf("diagnostic = %+v", d)
	}

	var actions []protocol.CodeAction
	if err := c.Call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        d.Range,
		"context":      map[string]any{"diagnostics": []any{}},
	}, &actions); err != nil {
		t.Fatal(err)
	}
	var fix *protocol.CodeAction
	for i, a := range actions {
		if a.IsPreferred != nil && *a.IsPreferred {
			fix = &actions[i]
		}
	}
	if fix == nil || len(actions) != 2 {
		t.Fatalf("code actions = %+v, want the fix and the suppression", actions)
	}
	edits := fix.Edit.Changes[uri]
	if len(edits) != 1 || edits[0].NewText != "login.mypurecloud.com" || edits[0].Range != d.Range {
		t.Fatalf("fix edits = %+v", edits)
	}
	must0(t, c.Notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"range": edits[0].Range, "text": edits[0].NewText}},
	}))
	if p, err = c.Diagnostics(uri, 2); err != nil || len(p.Diagnostics) != 0 {
		t.Fatalf("after the fix: %v %+v, want none", err, p.Diagnostics)
	}

	must0(t, c.Call("shutdown", nil, nil))
	must0(t, c.Notify("exit", nil))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("tokenlint lsp after shutdown and exit: %v (want status 0)\n%s", err, stderr.String())
		}
	case <-time.After(lsptest.HangGuard):
		t.Fatal("tokenlint lsp did not exit")
	}
	if stderr.Len() > 0 {
		t.Errorf("stderr: %s", stderr.String())
	}
}

// startServer runs `tokenlint lsp` in dir; the process is killed when the
// test ends, if it has not exited by then.
func startServer(t *testing.T, bin, dir string) (*lsptest.Client, *exec.Cmd, *strings.Builder) {
	t.Helper()
	cmd := exec.Command(bin, "lsp")
	cmd.Dir = dir
	stderr := &strings.Builder{}
	cmd.Stderr = stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	return lsptest.New(lsptest.Process(stdout, stdin)), cmd, stderr
}

func must0(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestNeovim runs Neovim's built-in LSP client headless against the built
// server (testdata/nvim/diagnostics.lua): the diagnostics must show in the
// buffer, the preferred quickfix must clear its own, and the client must
// stop the server cleanly. .ci/run installs Debian's neovim; without it the
// test skips, except in CI, where it must run.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("nvim is not installed, and CI must run this test (.ci/run installs neovim)")
		}
		t.Skip("nvim is not installed (apt-get install neovim)")
	}
	bin := tokenlintBinary(t)
	script, err := filepath.Abs(filepath.Join("testdata", "nvim", "diagnostics.lua"))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	write(t, root, ".git/HEAD", "ref: refs/heads/main\n")
	write(t, root, "token.http", "### client credentials\n"+
		"POST https://api.mypurecloud.com/oauth/token\n"+
		"Content-Type: application/json\n"+
		"\n"+
		"{\"grant_type\": \"client_credentials\"}\n")
	transcript := filepath.Join(root, "transcript.txt")
	cmd := exec.Command(nvim, "--headless", "--clean", "-u", "NONE", "-c", "luafile "+script)
	cmd.Dir = root
	cmd.Env = append(os.Environ(),
		"TOKENLINT_BIN="+bin,
		"TOKENLINT_FILE="+filepath.Join(root, "token.http"),
		"TOKENLINT_TRANSCRIPT="+transcript)
	var output strings.Builder
	cmd.Stdout, cmd.Stderr = &output, &output
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(2 * lsptest.HangGuard):
		cmd.Process.Kill()
		<-done
		t.Fatalf("nvim did not finish\n%s", output.String())
	}
	text, rerr := os.ReadFile(transcript)
	t.Logf("Neovim session:\n%s", text)
	if err != nil || rerr != nil {
		t.Fatalf("nvim: %v %v\n%s", err, rerr, output.String())
	}
	lines := strings.Split(strings.TrimSpace(string(text)), "\n")
	if last := lines[len(lines)-1]; last != "ok" {
		t.Fatalf("the session ended with %q", last)
	}
	for _, want := range []string{
		"  token.http:2:14: error: token requested from api.mypurecloud.com",
		"[token-host] (tokenlint)",
		"  token.http:3:15: error: the Genesys Cloud token endpoint takes application/x-www-form-urlencoded",
		"[json-token-request] (tokenlint)",
		"code action: use login.mypurecloud.com (preferred)",
		"code action: Suppress token-host here with a reason (tokenlint:ignore)",
		"line 2 is now POST https://login.mypurecloud.com/oauth/token",
	} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the transcript lacks %q", want)
		}
	}
}

// TestLanguageServerMatchesCommand opens every fixture the rules are tested
// on (testdata/rules and testdata/examples, Go aside) in one server and
// checks that each buffer gets the findings `tokenlint -format json` reports
// for the file, rule by rule and line by line, and an error diagnostic
// where the command reports an unreadable file: the server lints as the
// command does.
func TestLanguageServerMatchesCommand(t *testing.T) {
	bin := tokenlintBinary(t)
	root := repoRoot(t)
	var files []string
	for _, dir := range []string{"testdata/rules", "testdata/examples"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() && !strings.HasSuffix(p, ".golden") && !strings.HasSuffix(p, ".go") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) < 100 {
		t.Fatalf("only %d fixtures found under %s", len(files), root)
	}

	want := map[string][]string{}
	out, _ := run(t, root, nil, bin, append([]string{"-format", "json", "-fail-on", "error"}, files...)...)
	var res struct {
		Findings []struct {
			Rule string
			File string
			Line int
		}
		Errors []struct {
			File string
			Line int
		}
	}
	if err := json.Unmarshal([]byte(out[strings.Index(out, "{"):]), &res); err != nil {
		t.Fatalf("tokenlint -format json: %v\n%s", err, out)
	}
	abs := func(p string) string {
		if filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(root, p)
	}
	for _, f := range res.Findings {
		want[abs(f.File)] = append(want[abs(f.File)], fmt.Sprintf("%s:%d", f.Rule, f.Line))
	}
	for _, e := range res.Errors {
		want[abs(e.File)] = append(want[abs(e.File)], fmt.Sprintf("error:%d", max(e.Line, 1)))
	}

	c, _, _ := startServer(t, bin, root)
	must0(t, c.Call("initialize", map[string]any{"processId": os.Getpid(), "rootUri": "file://" + root, "capabilities": map[string]any{}}, nil))
	must0(t, c.Notify("initialized", map[string]any{}))
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		must0(t, c.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
			"uri": "file://" + f, "languageId": "", "version": 1, "text": string(text),
		}}))
	}
	compared := 0
	for _, f := range files {
		p, err := c.Diagnostics("file://"+f, 1)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range p.Diagnostics {
			if d.Code == nil {
				got = append(got, fmt.Sprintf("error:%d", d.Range.Start.Line+1))
				continue
			}
			got = append(got, fmt.Sprintf("%v:%d", d.Code.Value, d.Range.Start.Line+1))
		}
		rel, _ := filepath.Rel(root, f)
		w := want[f]
		slices.Sort(got)
		slices.Sort(w)
		if !slices.Equal(got, w) {
			t.Errorf("%s: the server reports %v, the command %v", rel, got, w)
		}
		compared += len(w)
	}
	t.Logf("%d buffers, %d findings and errors compared", len(files), compared)
	if compared < 100 {
		t.Errorf("only %d findings compared", compared)
	}
}
