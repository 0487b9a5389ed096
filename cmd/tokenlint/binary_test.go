package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/tokenlint/tokenlint/internal/report/reportcheck"
)

// The tests in this file run the built binary, as CI and pre-commit do,
// in git repositories they make.

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

// tokenlintBin builds cmd/tokenlint once per test process.
func tokenlintBin(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "tokenlint-bin-")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "tokenlint")
		out, err := exec.Command("go", "build", "-o", builtBin, ".").CombinedOutput()
		if err != nil {
			buildErr = &buildError{err, string(out)}
		}
	})
	if buildErr != nil {
		t.Fatalf("building tokenlint: %v", buildErr)
	}
	return builtBin
}

type buildError struct {
	err error
	out string
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.out }

// binResult is one run of the binary.
type binResult struct {
	code           int
	stdout, stderr string
}

// runBin runs the binary in dir with env added to a clean environment
// (no NO_COLOR, no CI variables from the caller).
func runBin(t *testing.T, dir string, env []string, stdin string, args ...string) binResult {
	t.Helper()
	cmd := exec.Command(tokenlintBin(t), args...)
	cmd.Dir = dir
	cmd.Env = append(cleanEnv(), env...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return binResult{code, out.String(), errb.String()}
}

func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "NO_COLOR", "GITHUB_ACTIONS", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "GIT_CONFIG_NOSYSTEM=1", "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
}

// writeTree writes files (slash paths relative to dir) and returns dir.
func writeTree(t *testing.T, dir string, files map[string]string) string {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// gitRepo makes a git repository holding files, committed.
func gitRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := writeTree(t, t.TempDir(), files)
	git(t, dir, "init", "-q", "-b", "main")
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "initial")
	return dir
}

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = cleanEnv()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

const badHTTP = "POST https://api.mypurecloud.com/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n"

func TestBinFlagsAfterPaths(t *testing.T) {
	dir := writeTree(t, t.TempDir(), map[string]string{"a.http": badHTTP})
	r := runBin(t, dir, nil, "", "a.http", "-format", "json", "-fail-on", "error")
	if r.code != exitFindings || !strings.HasPrefix(r.stdout, "{") || !strings.Contains(r.stdout, `"token-host"`) {
		t.Errorf("flags after a path: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// After "--" a name that looks like a flag is a path.
	r = runBin(t, dir, nil, "", "-color", "never", "--", "-format")
	if r.code != exitTrouble || !strings.Contains(r.stderr, "-format: no such file") {
		t.Errorf(`"--": exit %d, stderr %q`, r.code, r.stderr)
	}
}

func TestBinStdinUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"-"}, {"-stdin-filename", "a.http"}} {
		r := runBin(t, dir, nil, badHTTP, args...)
		if r.code != exitTrouble || !strings.Contains(r.stderr, "-stdin-filename") || r.stdout != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
	if r := runBin(t, dir, nil, badHTTP, "-stdin-filename", "a.http", "-"); r.code != exitFindings {
		t.Errorf("both: exit %d %s", r.code, r.stderr)
	}
}

func TestBinColor(t *testing.T) {
	dir := writeTree(t, t.TempDir(), map[string]string{"a.http": badHTTP})
	const esc = "\x1b["
	if r := runBin(t, dir, []string{"NO_COLOR=1"}, "", "-color", "always", "a.http"); !strings.Contains(r.stdout, esc) {
		t.Errorf("-color always under NO_COLOR has no color:\n%s", r.stdout)
	}
	if r := runBin(t, dir, []string{"NO_COLOR=1"}, "", "a.http"); strings.Contains(r.stdout, esc) {
		t.Errorf("NO_COLOR with -color auto is colored:\n%s", r.stdout)
	}
	if r := runBin(t, dir, nil, "", "-color", "never", "a.http"); strings.Contains(r.stdout, esc) {
		t.Errorf("-color never is colored:\n%s", r.stdout)
	}
}

func TestBinHelpExplainSummary(t *testing.T) {
	dir := writeTree(t, t.TempDir(), map[string]string{
		"a.http": badHTTP,
		"b.sh":   "curl -d \"grant_type=client_credentials&client_secret=$S\" https://login.mypurecloud.com/oauth/token\n",
		"c.sh":   "echo clean\n",
	})
	if r := runBin(t, dir, nil, "", "help"); r.code != exitOK || !strings.Contains(r.stdout, "usage: tokenlint") || !strings.Contains(r.stdout, "-format") {
		t.Errorf("help: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, id := range []string{"unused-ignore", "invalid-ignore"} {
		if r := runBin(t, dir, nil, "", "explain", id); r.code != exitOK || !strings.HasPrefix(r.stdout, id+" (") {
			t.Errorf("explain %s: exit %d\n%s%s", id, r.code, r.stdout, r.stderr)
		}
	}
	r := runBin(t, dir, nil, "", "-color", "never", ".")
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if last := lines[len(lines)-1]; last != "1 error, 1 warning in 2 files" {
		t.Errorf("summary line %q, stderr:\n%s", last, r.stderr)
	}
	if r := runBin(t, dir, nil, "", "c.sh"); r.code != exitOK || r.stderr != "" || r.stdout != "" {
		t.Errorf("a clean run prints nothing: exit %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := runBin(t, dir, nil, "", "-format", "json", "."); strings.Contains(r.stderr, " in 2 files") {
		t.Errorf("json run has a summary: %q", r.stderr)
	}
}

func TestBinSeveralReports(t *testing.T) {
	dir := writeTree(t, t.TempDir(), map[string]string{"a.http": badHTTP})
	r := runBin(t, dir, nil, "", "-format", "text,json=out/r.json,sarif=r.sarif", "a.http")
	if r.code != exitFindings || !strings.Contains(r.stdout, "a.http:1:14: error:") {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, f := range []string{"out/r.json", "r.sarif"} {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil || !bytes.Contains(data, []byte("token-host")) {
			t.Errorf("%s: %v\n%s", f, err, data)
		}
	}
	r = runBin(t, dir, nil, "", "-format", "text,sarif=out.sarif,junit=report.xml,gitlab=cq.json,checkstyle=cs.xml", "a.http")
	if r.code != exitFindings || !strings.Contains(r.stdout, "[token-host]") {
		t.Fatalf("CI reports: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	var cq []struct {
		CheckName string `json:"check_name"`
		Location  struct{ Path string }
	}
	data, _ := os.ReadFile(filepath.Join(dir, "cq.json"))
	if err := json.Unmarshal(data, &cq); err != nil || len(cq) != 1 || cq[0].CheckName != "token-host" || cq[0].Location.Path != "a.http" {
		t.Errorf("gitlab report: %v %s", err, data)
	}
	if err := reportcheck.GitLab(data); err != nil {
		t.Errorf("gitlab report against the Code Quality schema: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "report.xml")); reportcheck.JUnit(data) != nil {
		t.Errorf("junit report against junit-10.xsd: %v\n%s", reportcheck.JUnit(data), data)
	}
	for _, f := range []string{"report.xml", "cs.xml"} {
		data, _ := os.ReadFile(filepath.Join(dir, f))
		if err := xml.Unmarshal(data, new(struct{})); err != nil || !bytes.Contains(data, []byte("token-host")) {
			t.Errorf("%s: %v\n%s", f, err, data)
		}
	}
	for _, bad := range []string{"text,json", "json=a,sarif=a", "text,", "xml", "json="} {
		if r := runBin(t, dir, nil, "", "-format", bad, "a.http"); r.code != exitTrouble || !strings.Contains(r.stderr, "-format") {
			t.Errorf("-format %s: exit %d, stderr %q", bad, r.code, r.stderr)
		}
	}
}

// summaryLine is the last line of a text run on stderr.
var summaryLine = regexp.MustCompile(`(?m)^\d+ \w+(, \d+ \w+)* in \d+ files?\n\z`)

// withoutSummary drops the summary line a text run ends stderr with.
func withoutSummary(stderr string) string { return summaryLine.ReplaceAllString(stderr, "") }
