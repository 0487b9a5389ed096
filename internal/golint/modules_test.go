package golint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func tree(t *testing.T, files ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		name, body, _ := strings.Cut(f, "=")
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	return dir
}

func show(dir string, targets []Target) string {
	var b strings.Builder
	for _, t := range targets {
		rel, _ := filepath.Rel(dir, t.Dir)
		pats := make([]string, len(t.Patterns))
		for i, p := range t.Patterns {
			pats[i] = strings.ReplaceAll(p, dir, "$D")
		}
		fmt.Fprintf(&b, "%s %v %v\n", filepath.ToSlash(rel), pats, t.Env)
	}
	return b.String()
}

func TestPlan(t *testing.T) {
	t.Setenv("GOWORK", "")
	mono := tree(t, "svc/api/go.mod=module api\n", "svc/web/go.mod=module web\n", "tools/go.mod=module tools\n",
		"go.work=go 1.22\n\nuse (\n\t./svc/api\n\t./svc/web\n)\n", "svc/api/auth/a.go=package auth\n", "loose/x.go=package main\n", "loose/x_test.go=package main\n")
	abs := func(p string) string { return filepath.Join(mono, filepath.FromSlash(p)) }
	cases := []struct {
		name  string
		trees []Tree
		files []string
		want  string
	}{
		{"a workspace root: its modules together, a module it does not use alone",
			[]Tree{{Dir: mono, Modules: []string{abs("svc/api"), abs("svc/web"), abs("tools")}}}, nil,
			". [./svc/api/... ./svc/web/...] []\ntools [./...] [GOWORK=off]\n"},
		{"a tree inside a module",
			[]Tree{{Dir: abs("svc/api/auth")}}, nil,
			". [./svc/api/auth/...] []\n"},
		{"a file in a module, and one in none",
			nil, []string{abs("svc/api/auth/a.go"), abs("loose/x_test.go")},
			". [./svc/api/auth] []\nloose [$D/loose/x.go $D/loose/x_test.go] [GOWORK=off]\n"},
	}
	for _, c := range cases {
		if got := show(mono, Plan(c.trees, c.files)); got != c.want {
			t.Errorf("%s:\n%s\nwant:\n%s", c.name, got, c.want)
		}
	}
	// Without go.work every module is loaded from its own directory.
	os.Remove(abs("go.work"))
	got := show(mono, Plan([]Tree{{Dir: mono, Modules: []string{abs("svc/api"), abs("tools")}}}, nil))
	if want := "svc/api [./...] []\ntools [./...] []\n"; got != want {
		t.Errorf("no go.work:\n%s\nwant:\n%s", got, want)
	}
}
