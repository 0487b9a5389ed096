package integration

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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

	runAction := func(t *testing.T, inputs map[string]string) (stdout string, failed bool, outputs map[string]string) {
		t.Helper()
		runner := t.TempDir()
		ghOutput := filepath.Join(runner, "output")
		ghPath := filepath.Join(runner, "path")
		os.WriteFile(ghOutput, nil, 0o644)
		os.WriteFile(ghPath, nil, 0o644)
		eval := func(s string) string {
			return expr.ReplaceAllStringFunc(s, func(m string) string {
				e := strings.TrimSpace(expr.FindStringSubmatch(m)[1])
				switch {
				case e == "github.action_path":
					return actionPath
				case e == "runner.temp":
					return runner
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
			cmd.Dir = work
			if step.WorkingDirectory != "" {
				cmd.Dir = eval(step.WorkingDirectory)
			}
			extraPath, _ := os.ReadFile(ghPath)
			pathDirs := strings.Fields(string(extraPath))
			cmd.Env = append(os.Environ(),
				"GITHUB_OUTPUT="+ghOutput, "GITHUB_PATH="+ghPath,
				"PATH="+strings.Join(append(pathDirs, os.Getenv("PATH")), string(os.PathListSeparator)))
			for k, v := range step.Env {
				cmd.Env = append(cmd.Env, k+"="+eval(v))
			}
			b, err := cmd.CombinedOutput()
			out.Write(b)
			if err != nil {
				if step.ID != "run" {
					t.Fatalf("step %q failed: %v\n%s", step.Name, err, b)
				}
				failed = true
			}
		}
		outputs = map[string]string{}
		lines, _ := os.ReadFile(ghOutput)
		for _, l := range strings.Split(string(lines), "\n") {
			if k, v, ok := strings.Cut(l, "="); ok {
				outputs[k] = v
			}
		}
		return out.String(), failed, outputs
	}

	t.Run("findings fail the step and are annotated", func(t *testing.T) {
		out, failed, outputs := runAction(t, map[string]string{"paths": "bad.http good.http", "sarif-file": "reports/tokenlint.sarif"})
		if !failed || outputs["exit-code"] != "1" {
			t.Errorf("failed=%v outputs=%v\n%s", failed, outputs, out)
		}
		if !strings.Contains(out, "::error file=bad.http,line=1,") {
			t.Errorf("no annotation:\n%s", out)
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
		out, failed, outputs := runAction(t, map[string]string{"paths": "bad.http", "fail-on": "never", "annotations": "false"})
		if failed || outputs["exit-code"] != "1" || strings.Contains(out, "::error") {
			t.Errorf("failed=%v outputs=%v\n%s", failed, outputs, out)
		}
		if _, err := os.Stat(filepath.Join(work, "tokenlint.sarif")); err != nil {
			t.Error(err)
		}
	})
	t.Run("clean files pass", func(t *testing.T) {
		out, failed, outputs := runAction(t, map[string]string{"paths": "good.http", "fail-on": "warning"})
		if failed || outputs["exit-code"] != "0" {
			t.Errorf("failed=%v outputs=%v\n%s", failed, outputs, out)
		}
	})
	t.Run("bad fail-on is refused", func(t *testing.T) {
		_, failed, _ := runAction(t, map[string]string{"fail-on": "sometimes"})
		if !failed {
			t.Error("fail-on sometimes accepted")
		}
	})
}
