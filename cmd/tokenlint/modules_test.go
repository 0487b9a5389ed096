package main

import (
	"maps"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// goTokenHost is a Go file with one token-host finding.
const goTokenHost = `package auth

import (
	"net/http"
	"strings"
)

func Token() (*http.Response, error) {
	return http.Post("https://api.mypurecloud.com/oauth/token", "application/x-www-form-urlencoded", strings.NewReader("grant_type=client_credentials"))
}
`

// goEnv keeps the go command offline and out of the caller's workspace.
// (-mod=mod would be refused in workspace mode; these modules have no
// requirements, so no go.sum is needed).
var goEnv = []string{"GOFLAGS=", "GOPROXY=off", "GOWORK="}

func needGo(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("loads Go packages")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go not installed")
	}
}

// findingFiles lists the files of a text run's findings, in order.
func findingFiles(out string) string {
	var files []string
	for line := range strings.SplitSeq(out, "\n") {
		if i := strings.Index(line, ": error: "); i > 0 && !strings.HasPrefix(line, " ") {
			files = append(files, line[:strings.Index(line, ":")])
		}
	}
	return strings.Join(files, " ")
}

// TestBinModuleLayouts: ./... in a repository without a root go.mod, a
// monorepo with and without go.work (one module outside its use list), a
// .go file in another module than the working directory's, and a .go file
// in no module at all.
func TestBinModuleLayouts(t *testing.T) {
	needGo(t)
	t.Run("no Go at all", func(t *testing.T) {
		root := gitRepo(t, map[string]string{"a.http": badHTTP})
		r := runBin(t, root, goEnv, "", "-color", "never", "./...")
		if r.code != exitFindings || findingFiles(r.stdout) != "a.http" || strings.Contains(r.stderr, "main module") {
			t.Errorf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
	})
	mono := map[string]string{
		"svc/api/go.mod":        "module example.com/api\n\ngo 1.22\n",
		"svc/api/auth/token.go": goTokenHost,
		"svc/web/go.mod":        "module example.com/web\n\ngo 1.22\n",
		"svc/web/auth/token.go": goTokenHost,
		"tools/go.mod":          "module example.com/tools\n\ngo 1.22\n",
		"tools/auth/token.go":   goTokenHost,
		"testdata/go.mod":       "module example.com/fixture\n\ngo 1.22\n",
		"testdata/auth/x.go":    goTokenHost,
		"cfg/a.http":            badHTTP,
	}
	const all = "cfg/a.http svc/api/auth/token.go svc/web/auth/token.go tools/auth/token.go"
	t.Run("monorepo", func(t *testing.T) {
		root := gitRepo(t, mono)
		for _, args := range [][]string{{"./..."}, {"."}, {root}} {
			r := runBin(t, root, goEnv, "", append([]string{"-color", "never"}, args...)...)
			// Config files are shown as the path was typed, Go files
			// relative to the working directory.
			got := strings.ReplaceAll(findingFiles(r.stdout), root+"/", "")
			if r.code != exitFindings || got != all || withoutSummary(r.stderr) != "" {
				t.Errorf("%q: exit %d, files %q\n%s", args, r.code, findingFiles(r.stdout), r.stderr)
			}
		}
		r := runBin(t, filepath.Join(root, "svc"), goEnv, "", "-color", "never", "./...")
		if got := findingFiles(r.stdout); got != "api/auth/token.go web/auth/token.go" {
			t.Errorf("from svc/: %q\n%s", got, r.stderr)
		}
	})
	t.Run("-go=false", func(t *testing.T) {
		root := gitRepo(t, mono)
		for _, args := range [][]string{{"./..."}, {"svc/api/auth/token.go", "cfg/a.http"}} {
			r := runBin(t, root, goEnv, "", append([]string{"-color", "never", "-go=false"}, args...)...)
			if got := findingFiles(r.stdout); r.code != exitFindings || got != "cfg/a.http" || withoutSummary(r.stderr) != "" {
				t.Errorf("%q: exit %d, files %q\n%s", args, r.code, got, r.stderr)
			}
		}
	})
	t.Run("go.work", func(t *testing.T) {
		files := map[string]string{"go.work": "go 1.22\n\nuse (\n\t./svc/api\n\t./svc/web\n)\n"}
		maps.Copy(files, mono)
		root := gitRepo(t, files)
		r := runBin(t, root, goEnv, "", "-color", "never", "./...")
		if r.code != exitFindings || findingFiles(r.stdout) != all || withoutSummary(r.stderr) != "" {
			t.Errorf("exit %d, files %q\n%s", r.code, findingFiles(r.stdout), r.stderr)
		}
	})
	t.Run("a .go file in its own module", func(t *testing.T) {
		root := gitRepo(t, mono)
		r := runBin(t, root, goEnv, "", "-color", "never", "svc/api/auth/token.go", "tools/auth/token.go")
		if r.code != exitFindings || findingFiles(r.stdout) != "svc/api/auth/token.go tools/auth/token.go" {
			t.Errorf("from the root: exit %d %q\n%s", r.code, findingFiles(r.stdout), r.stderr)
		}
		abs := filepath.Join(root, "svc", "web", "auth", "token.go")
		r = runBin(t, t.TempDir(), goEnv, "", "-color", "never", abs)
		if r.code != exitFindings || findingFiles(r.stdout) != filepath.ToSlash(abs) {
			t.Errorf("from elsewhere: exit %d %q\n%s", r.code, findingFiles(r.stdout), r.stderr)
		}
	})
	t.Run("a .go file in no module", func(t *testing.T) {
		root := gitRepo(t, map[string]string{"scripts/token.go": strings.Replace(goTokenHost, "package auth", "package main", 1) + "\nfunc main() { Token() }\n"})
		r := runBin(t, root, goEnv, "", "-color", "never", "scripts/token.go")
		if r.code != exitFindings || findingFiles(r.stdout) != "scripts/token.go" {
			t.Errorf("exit %d %q\n%s%s", r.code, findingFiles(r.stdout), r.stdout, r.stderr)
		}
		// Walked, such files are named in a notice, not passed over.
		r = runBin(t, root, goEnv, "", "-color", "never", "./...")
		if r.code != exitOK || !strings.Contains(r.stderr, "tokenlint: .: the Go files here are in no module") {
			t.Errorf("./... without a module: exit %d, stderr %q", r.code, r.stderr)
		}
	})
}
