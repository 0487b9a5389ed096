package integration

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// actionFile is the part of action.yml the test runs.
type actionFile struct {
	Name   string
	Inputs map[string]struct {
		Default string
	}
	Outputs map[string]struct {
		Value string
	}
	Runs struct {
		Using string
		Steps []struct {
			ID               string
			Name             string
			If               string
			Uses             string
			Shell            string
			WorkingDirectory string `yaml:"working-directory"`
			Env              map[string]string
			Run              string
		}
	}
}

var expr = regexp.MustCompile(`\$\{\{\s*([^}]+?)\s*\}\}`)

// TestActionSteps runs the shell steps of action.yml the way the Actions
// runner does (bash -e, ${{ }} expressions substituted, GITHUB_OUTPUT and
// GITHUB_PATH files), with this checkout as the action's path: it installs
// tokenlint, writes SARIF, annotates, and fails or passes per fail-on.
func TestActionSteps(t *testing.T) {
	if testing.Short() {
		t.Skip("builds tokenlint")
	}
	for _, tool := range []string{"bash", "go", "git"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	root := repoRoot(t)
	data, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action actionFile
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatal(err)
	}
	if action.Runs.Using != "composite" || action.Outputs["sarif-file"].Value == "" {
		t.Fatalf("action.yml: %+v", action)
	}

	tmp := t.TempDir()
	actionPath := filepath.Join(tmp, "action")
	must(t, tmp, "git", "clone", "-q", root, actionPath)
	work := filepath.Join(tmp, "work")
	write(t, work, "bad.http", "POST https://api.mypurecloud.com/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n")
	write(t, work, "good.http", "POST https://login.mypurecloud.com/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n")

	// runAction runs the action's shell steps in dir, as the runner does:
	// expressions substituted (inputs, runner.temp, github.*, earlier
	// steps' outputs), a failing step ends the job. failed names the step
	// that failed.
	runAction := func(t *testing.T, dir string, inputs, github map[string]string) (stdout, failed string, outputs map[string]string) {
		t.Helper()
		runner := t.TempDir()
		ghOutput := filepath.Join(runner, "output")
		ghPath := filepath.Join(runner, "path")
		os.WriteFile(ghOutput, nil, 0o644)
		os.WriteFile(ghPath, nil, 0o644)
		readOutputs := func() map[string]string {
			out := map[string]string{}
			lines, _ := os.ReadFile(ghOutput)
			for l := range strings.SplitSeq(string(lines), "\n") {
				if k, v, ok := strings.Cut(l, "="); ok {
					out[k] = v
				}
			}
			return out
		}
		eval := func(s string) string {
			return expr.ReplaceAllStringFunc(s, func(m string) string {
				e := strings.TrimSpace(expr.FindStringSubmatch(m)[1])
				switch {
				case e == "github.action_path":
					return actionPath
				case e == "runner.temp":
					return runner
				case strings.HasPrefix(e, "github."):
					return github[strings.TrimPrefix(e, "github.")]
				case strings.HasPrefix(e, "steps.") && strings.Contains(e, ".outputs."):
					// One output file for the whole job: names are unique
					// across the action's steps.
					return readOutputs()[e[strings.LastIndex(e, ".")+1:]]
				case strings.HasPrefix(e, "inputs."):
					name := strings.TrimPrefix(e, "inputs.")
					if v, ok := inputs[name]; ok {
						return v
					}
					in, ok := action.Inputs[name]
					if !ok {
						t.Fatalf("action.yml uses undeclared input %q", name)
					}
					return in.Default
				}
				t.Fatalf("unexpected expression %q", e)
				return ""
			})
		}
		var out strings.Builder
		for _, step := range action.Runs.Steps {
			if step.Uses != "" {
				continue // actions/setup-go: Go is already here
			}
			if step.Shell != "bash" {
				t.Fatalf("step %q: shell %q", step.Name, step.Shell)
			}
			script := filepath.Join(runner, "step.sh")
			os.WriteFile(script, []byte(step.Run), 0o644)
			cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
			cmd.Dir = dir
			if step.WorkingDirectory != "" {
				cmd.Dir = eval(step.WorkingDirectory)
			}
			extraPath, _ := os.ReadFile(ghPath)
			pathDirs := strings.Fields(string(extraPath))
			cmd.Env = append(os.Environ(),
				"GITHUB_OUTPUT="+ghOutput, "GITHUB_PATH="+ghPath, "RUNNER_OS="+runnerOS(), "RUNNER_ARCH="+runnerArch(),
				"PATH="+strings.Join(append(pathDirs, os.Getenv("PATH")), string(os.PathListSeparator)))
			for k, v := range github {
				if after, ok := strings.CutPrefix(k, "env:"); ok {
					cmd.Env = append(cmd.Env, after+"="+v)
				}
			}
			for k, v := range step.Env {
				cmd.Env = append(cmd.Env, k+"="+eval(v))
			}
			b, err := cmd.CombinedOutput()
			out.Write(b)
			if err != nil {
				failed = step.Name
				break
			}
		}
		return out.String(), failed, readOutputs()
	}

	t.Run("findings fail the step and are annotated", func(t *testing.T) {
		out, failed, outputs := runAction(t, work, map[string]string{"paths": "bad.http good.http", "sarif-file": "reports/tokenlint.sarif"}, nil)
		if failed != "Run tokenlint" || outputs["exit-code"] != "1" {
			t.Errorf("failed=%v outputs=%v\n%s", failed, outputs, out)
		}
		if !strings.Contains(out, "::error file=bad.http,line=1,") {
			t.Errorf("no annotation:\n%s", out)
		}
		// One run prints the log too: the text report and its summary.
		if !strings.Contains(out, "bad.http:1:") || !strings.Contains(out, "1 error in 1 file") {
			t.Errorf("no text report in the log:\n%s", out)
		}
		sarif, err := os.ReadFile(filepath.Join(work, "reports", "tokenlint.sarif"))
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Runs []struct {
				Results []struct{ RuleID string }
			}
		}
		if err := json.Unmarshal(sarif, &doc); err != nil || len(doc.Runs) != 1 || len(doc.Runs[0].Results) != 1 || doc.Runs[0].Results[0].RuleID != "token-host" {
			t.Errorf("SARIF: %v %s", err, sarif)
		}
	})
	t.Run("fail-on never passes and still writes SARIF", func(t *testing.T) {
		out, failed, outputs := runAction(t, work, map[string]string{"paths": "bad.http", "fail-on": "never", "annotations": "false"}, nil)
		if failed != "" || outputs["exit-code"] != "1" || strings.Contains(out, "::error") {
			t.Errorf("failed=%v outputs=%v\n%s", failed, outputs, out)
		}
		if _, err := os.Stat(filepath.Join(work, "tokenlint.sarif")); err != nil {
			t.Error(err)
		}
	})
	t.Run("clean files pass", func(t *testing.T) {
		out, failed, outputs := runAction(t, work, map[string]string{"paths": "good.http", "fail-on": "warning"}, nil)
		if failed != "" || outputs["exit-code"] != "0" {
			t.Errorf("failed=%v outputs=%v\n%s", failed, outputs, out)
		}
	})
	t.Run("bad fail-on is refused", func(t *testing.T) {
		_, failed, _ := runAction(t, work, map[string]string{"fail-on": "sometimes"}, nil)
		if failed != "Run tokenlint" {
			t.Error("fail-on sometimes accepted")
		}
	})
	t.Run("a release tag downloads the release and checks its checksum", func(t *testing.T) {
		releases := t.TempDir()
		bin := filepath.Join(t.TempDir(), "tokenlint")
		must(t, root, "go", "build", "-o", bin, "./cmd/tokenlint")
		archive := "tokenlint_9.9.9_" + runtime.GOOS + "_" + runtime.GOARCH + ".tar.gz"
		sum := writeTarGz(t, filepath.Join(releases, "v9.9.9", archive), bin)
		write(t, filepath.Join(releases, "v9.9.9"), "checksums.txt", sum+"  "+archive+"\n")
		gh := map[string]string{"action_ref": "v9.9.9", "env:TOKENLINT_RELEASE_URL": "file://" + releases}
		out, failed, outputs := runAction(t, work, map[string]string{"paths": "bad.http"}, gh)
		if failed != "Run tokenlint" || outputs["found"] != "true" || outputs["exit-code"] != "1" || !strings.Contains(out, "using the v9.9.9 release") {
			t.Errorf("failed=%q outputs=%v\n%s", failed, outputs, out)
		}
		// A tampered archive stops the job; it is never run or replaced by
		// a build.
		write(t, filepath.Join(releases, "v9.9.9"), "checksums.txt", strings.Repeat("0", 64)+"  "+archive+"\n")
		out, failed, _ = runAction(t, work, map[string]string{"paths": "bad.http"}, gh)
		if failed != "Download a tokenlint release" || !strings.Contains(out, "does not match the release's checksums.txt") {
			t.Errorf("bad checksum: failed=%q\n%s", failed, out)
		}
		// A tag without a release archive builds from source.
		out, failed, outputs = runAction(t, work, map[string]string{"paths": "good.http"}, map[string]string{"action_ref": "v0.0.1", "env:TOKENLINT_RELEASE_URL": "file://" + releases})
		if failed != "" || outputs["found"] != "false" || !strings.Contains(out, "building from source") {
			t.Errorf("no release: failed=%q outputs=%v\n%s", failed, outputs, out)
		}
	})
	t.Run("only-new reports what the pull request adds", func(t *testing.T) {
		repo := t.TempDir()
		must(t, repo, "git", "init", "-q", "-b", "main")
		write(t, repo, "old.http", "POST https://api.mypurecloud.com/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n")
		must(t, repo, "git", "add", "-A")
		must(t, repo, "git", "commit", "-q", "-m", "base")
		base := strings.TrimSpace(mustOut(t, repo, "git", "rev-parse", "HEAD"))
		write(t, repo, "new.http", "POST https://api.mypurecloud.de/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n")
		must(t, repo, "git", "add", "-A")
		must(t, repo, "git", "commit", "-q", "-m", "pr")
		pr := map[string]string{"event_name": "pull_request", "event.pull_request.base.sha": base}
		out, failed, _ := runAction(t, repo, map[string]string{"only-new": "true"}, pr)
		if failed != "Run tokenlint" || !strings.Contains(out, "::error file=new.http,") || strings.Contains(out, "file=old.http") {
			t.Errorf("failed=%q\n%s", failed, out)
		}
		out, failed, _ = runAction(t, repo, map[string]string{"only-new": "true"}, map[string]string{"event_name": "pull_request", "event.pull_request.base.sha": strings.Repeat("1", 40)})
		if failed != "Run tokenlint" || !strings.Contains(out, "fetch-depth: 0") {
			t.Errorf("a base outside the checkout: failed=%q\n%s", failed, out)
		}
		out, _, _ = runAction(t, repo, map[string]string{"only-new": "true"}, map[string]string{"event_name": "workflow_dispatch"})
		if !strings.Contains(out, "file=old.http") || !strings.Contains(out, "reporting every finding") {
			t.Errorf("no base commit: everything is reported:\n%s", out)
		}
	})
}

func mustOut(t *testing.T, dir, name string, args ...string) string {
	t.Helper()
	out, err := run(t, dir, gitIdentity, name, args...)
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return out
}

// runnerOS and runnerArch are what the Actions runner sets for this machine.
func runnerOS() string {
	return map[string]string{"linux": "Linux", "darwin": "macOS", "windows": "Windows"}[runtime.GOOS]
}

func runnerArch() string {
	return map[string]string{"amd64": "X64", "arm64": "ARM64"}[runtime.GOARCH]
}

// writeTarGz writes a release archive holding file as "tokenlint" and
// returns its SHA-256.
func writeTarGz(t *testing.T, name, file string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	tw.WriteHeader(&tar.Header{Name: "tokenlint", Mode: 0o755, Size: int64(len(data))})
	tw.Write(data)
	tw.Close()
	gz.Close()
	os.MkdirAll(filepath.Dir(name), 0o755)
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(buf.Bytes())
	return hex.EncodeToString(sum[:])
}
