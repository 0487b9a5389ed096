package integration

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// repoRoot is the checkout this test runs in.
func repoRoot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		t.Skipf("not in a git checkout: %v", err)
	}
	return strings.TrimSpace(string(out))
}

func run(t *testing.T, dir string, env []string, name string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

func must(t *testing.T, dir string, name string, args ...string) {
	t.Helper()
	if out, err := run(t, dir, gitIdentity, name, args...); err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
}

var gitIdentity = []string{
	"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.invalid",
	"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.invalid",
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestPreCommitHooks runs the hooks of .pre-commit-hooks.yaml with the real
// pre-commit (Debian's package; .ci/run installs it) through pre-commit
// try-repo against a clone of this checkout: the hook builds tokenlint with
// go install, fails on a file with a finding and passes on a clean one.
func TestPreCommitHooks(t *testing.T) {
	if testing.Short() {
		t.Skip("builds tokenlint through pre-commit")
	}
	precommit, err := exec.LookPath("pre-commit")
	if err != nil {
		t.Skip("pre-commit is not installed (apt-get install pre-commit)")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go is not on PATH")
	}
	root := repoRoot(t)
	tmp := t.TempDir()

	// The hooks repository: this checkout's committed code with the hooks
	// file as it is in the work tree.
	hooksRepo := filepath.Join(tmp, "tokenlint")
	must(t, tmp, "git", "clone", "-q", root, hooksRepo)
	manifest, err := os.ReadFile(filepath.Join(root, ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, hooksRepo, ".pre-commit-hooks.yaml", string(manifest))
	must(t, hooksRepo, "git", "add", ".pre-commit-hooks.yaml")
	if out, _ := run(t, hooksRepo, nil, "git", "status", "--porcelain"); out != "" {
		must(t, hooksRepo, "git", "commit", "-q", "-m", "hooks under test")
	}

	// A user's repository with a bad and a good request file.
	work := filepath.Join(tmp, "work")
	must(t, tmp, "git", "init", "-q", work)
	write(t, work, "requests/bad.http", "POST https://api.mypurecloud.com/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n")
	write(t, work, "requests/good.http", "POST https://login.mypurecloud.com/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n")
	write(t, work, "notes.txt", "POST https://api.mypurecloud.com/oauth/token\n")
	must(t, work, "git", "add", ".")

	gomodcache, _ := exec.Command("go", "env", "GOMODCACHE").Output()
	env := []string{
		"PRE_COMMIT_HOME=" + filepath.Join(tmp, "pre-commit-home"),
		// Reuse the module cache instead of downloading into the hook's
		// own GOPATH.
		"GOMODCACHE=" + strings.TrimSpace(string(gomodcache)),
		"PRE_COMMIT_COLOR=never",
		"NO_COLOR=1",
	}
	tryRepo := func(hook string, files ...string) (string, error) {
		args := append([]string{"try-repo", hooksRepo, hook, "--verbose", "--files"}, files...)
		return run(t, work, env, precommit, args...)
	}

	out, err := tryRepo("tokenlint", "requests/bad.http")
	if err == nil {
		t.Fatalf("hook passed on a bad file:\n%s", out)
	}
	if !strings.Contains(out, "requests/bad.http:1:14: error:") || !strings.Contains(out, "[token-host]") || !strings.Contains(out, "Failed") {
		t.Errorf("hook output lacks the finding:\n%s", out)
	}
	out, err = tryRepo("tokenlint", "requests/good.http", "notes.txt")
	if err != nil || !strings.Contains(out, "Passed") {
		t.Errorf("hook failed on a good file (%v):\n%s", err, out)
	}

	// The config's excludes apply to the files pre-commit passes, as to
	// `tokenlint .` (force-exclude).
	write(t, work, ".tokenlint.toml", "exclude = [\"requests/**\"]\n")
	must(t, work, "git", "add", ".")
	out, err = tryRepo("tokenlint", "requests/bad.http")
	if err != nil || !strings.Contains(out, "Passed") {
		t.Errorf("hook failed on an excluded file (%v):\n%s", err, out)
	}

	// The Go hook lints the Go files pre-commit passes, each in its own
	// module (here one below the root), and no config file: those are the
	// other hook's.
	work = filepath.Join(tmp, "gowork")
	must(t, tmp, "git", "init", "-q", work)
	write(t, work, "go.mod", "module example.com/app\n\ngo 1.22\n")
	write(t, work, "main.go", "package main\n\nimport \"net/http\"\n\nfunc main() { http.Get(\"https://login.mypurecloud.com/\") }\n")
	write(t, work, "requests/bad.http", "POST https://api.mypurecloud.com/oauth/token\n")
	must(t, work, "git", "add", ".")
	out, err = run(t, work, env, precommit, "try-repo", hooksRepo, "tokenlint-go", "--verbose", "--all-files")
	if err != nil || !strings.Contains(out, "Passed") || strings.Contains(out, "bad.http") {
		t.Errorf("Go hook: a clean package and a bad config file (%v):\n%s", err, out)
	}
	out, err = tryRepo("tokenlint-go", "main.go")
	if err != nil || !strings.Contains(out, "Passed") {
		t.Errorf("Go hook failed on a clean package (%v):\n%s", err, out)
	}
	write(t, work, "token/token.go", tokenGo)
	must(t, work, "git", "add", ".")
	out, err = tryRepo("tokenlint-go", "token/token.go")
	if err == nil || !strings.Contains(out, "token/token.go:9:32: error:") || !strings.Contains(out, "[token-host]") {
		t.Errorf("Go hook on a bad package (%v):\n%s", err, out)
	}
	write(t, work, "svc/go.mod", "module example.com/svc\n\ngo 1.22\n")
	write(t, work, "svc/auth/token.go", strings.Replace(tokenGo, "package token", "package auth", 1))
	must(t, work, "git", "add", ".")
	out, err = tryRepo("tokenlint-go", "svc/auth/token.go")
	if err == nil || !strings.Contains(out, "svc/auth/token.go:9:32: error:") {
		t.Errorf("Go hook on a nested module (%v):\n%s", err, out)
	}
}

// tokenGo is a Go file with a token-host finding at 9:32.
const tokenGo = "package token\n\nimport (\n\t\"net/http\"\n\t\"net/url\"\n)\n\n" +
	"func Get() (*http.Response, error) {\n\treturn http.PostForm(\"https://api.mypurecloud.com/oauth/token\", url.Values{\"grant_type\": {\"client_credentials\"}})\n}\n"
