package golint_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/golint"
)

// offlineEnv runs the go command as a user whose environment would fetch
// and compile: an empty module cache, a proxy and toolchain switching
// turned on, cgo on, and pkg-config and C compilers on PATH that leave a
// marker file when run. It returns the marker's path.
func offlineEnv(t *testing.T) string {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go is not on PATH")
	}
	if runtime.GOOS == "windows" {
		t.Skip("the fake tools are shell scripts")
	}
	tmp := t.TempDir()
	marker := filepath.Join(tmp, "ran")
	bin := filepath.Join(tmp, "bin")
	if err := os.Mkdir(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tool := range []string{"pkg-config", "gcc", "cc", "clang", "git", "hg"} {
		script := "#!/bin/sh\necho " + tool + " >> " + marker + "\nexit 1\n"
		if err := os.WriteFile(filepath.Join(bin, tool), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+filepath.Dir(goBin))
	t.Setenv("CC", filepath.Join(bin, "gcc"))
	t.Setenv("GOMODCACHE", filepath.Join(tmp, "modcache"))
	t.Setenv("GOPATH", filepath.Join(tmp, "gopath"))
	// Port 1 refuses connections: a message naming it means the go
	// command tried the network.
	t.Setenv("GOPROXY", "http://127.0.0.1:1/mod")
	t.Setenv("GOSUMDB", "off")
	t.Setenv("GOTOOLCHAIN", "auto")
	t.Setenv("CGO_ENABLED", "1")
	t.Setenv("GOFLAGS", "-mod=mod")
	t.Setenv("GOWORK", "off")
	return marker
}

func ranTools(t *testing.T, marker string) {
	t.Helper()
	if data, err := os.ReadFile(marker); err == nil {
		t.Errorf("loading ran %s", strings.Join(strings.Fields(string(data)), ", "))
	}
}

// TestMissingModuleNamed: a module whose requirement is not in the module
// cache gets one error at its go.mod naming the module and go mod
// download; its package that needs nothing more is still linted, and so
// is the one that imports it, as far as it type-checks.
func TestMissingModuleNamed(t *testing.T) {
	marker := offlineEnv(t)
	dir, _ := filepath.Abs("testdata/offline/needsmod")
	res := golint.Run(dir, []string{"./..."}, nil, golint.Settings{})
	ranTools(t, marker)
	if len(res.Errors) != 1 {
		t.Fatalf("errors %v, want one for the missing module", res.Errors)
	}
	e := res.Errors[0]
	if e.File != filepath.Join(dir, "go.mod") {
		t.Errorf("error file %q, want the go.mod", e.File)
	}
	for _, want := range []string{"example.com/notcached@v1.2.3", "go mod download", "-go-download"} {
		if !strings.Contains(e.Message, want) {
			t.Errorf("error %q does not say %q", e.Message, want)
		}
	}
	if strings.Contains(e.Message, "127.0.0.1") || strings.Contains(e.Message, "\n") {
		t.Errorf("error %q: the go command tried the proxy, or the message is not one line", e.Message)
	}
	var linted []string
	for _, f := range res.Files {
		linted = append(linted, filepath.Base(f.Path))
	}
	// uses.go is linted too: the package type-checks but for the missing
	// import, and the analyzer reads what does (issue 12).
	if strings.Join(linted, ",") != "alone.go,uses.go" {
		t.Errorf("files with findings %v, want alone.go and uses.go", linted)
	}
	// The go command leaves a lock file where it would download; the
	// module's files must not be there.
	for _, ext := range []string{".info", ".mod", ".zip"} {
		if _, err := os.Stat(filepath.Join(os.Getenv("GOMODCACHE"), "cache", "download", "example.com", "notcached", "@v", "v1.2.3"+ext)); err == nil {
			t.Errorf("the module's %s was downloaded into the module cache", ext)
		}
	}
	data, _ := os.ReadFile(filepath.Join(dir, "go.mod"))
	if !strings.Contains(string(data), "require example.com/notcached v1.2.3") {
		t.Errorf("go.mod was rewritten:\n%s", data)
	}
}

// TestCgoNotCompiled: a cgo file's #cgo pkg-config line and C preamble
// run nothing; the file is named in a notice and the package's other
// files are linted.
func TestCgoNotCompiled(t *testing.T) {
	marker := offlineEnv(t)
	dir, _ := filepath.Abs("testdata/offline/cgo")
	res := golint.Run(dir, []string{"./..."}, nil, golint.Settings{})
	ranTools(t, marker)
	if len(res.Errors) > 0 {
		t.Errorf("errors: %v", res.Errors)
	}
	if len(res.Notices) != 1 || filepath.Base(res.Notices[0].File) != "native.go" || !strings.Contains(res.Notices[0].Message, "cgo") {
		t.Errorf("notices %v, want one naming native.go as a cgo file", res.Notices)
	}
	if len(res.Files) != 1 || filepath.Base(res.Files[0].Path) != "token.go" || len(res.Files[0].Diagnostics) == 0 {
		t.Errorf("files %v, want token.go's findings", res.Files)
	}
}

// TestToolchainNotDownloaded: a go line newer than the installed go is an
// error, not a toolchain download.
func TestToolchainNotDownloaded(t *testing.T) {
	marker := offlineEnv(t)
	dir, _ := filepath.Abs("testdata/offline/newgo")
	res := golint.Run(dir, []string{"./..."}, nil, golint.Settings{})
	ranTools(t, marker)
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Message, "GOTOOLCHAIN=local") || strings.Contains(res.Errors[0].Message, "127.0.0.1") {
		t.Errorf("errors %v, want one saying go.mod needs a newer go (GOTOOLCHAIN=local)", res.Errors)
	}
	if _, err := os.Stat(filepath.Join(os.Getenv("GOMODCACHE"), "golang.org", "toolchain@v0.0.1-go1.99.1.linux-amd64")); err == nil {
		t.Error("a toolchain was downloaded")
	}
}

// TestDownloadSetting: -go-download keeps the user's proxy and toolchain
// settings; cgo and -mod=mod stay off either way.
func TestDownloadSetting(t *testing.T) {
	base := []string{"GOPROXY=https://proxy.example", "GOTOOLCHAIN=auto", "CGO_ENABLED=1", "GOFLAGS=-mod=mod -tags=x"}
	last := func(env []string, key string) string {
		v := ""
		for _, kv := range env {
			if k, val, _ := strings.Cut(kv, "="); k == key {
				v = val
			}
		}
		return v
	}
	off := golint.Settings{}.Env(base)
	on := golint.Settings{Download: true}.Env(base)
	for _, c := range []struct {
		env       []string
		key, want string
	}{
		{off, "GOPROXY", "off"}, {off, "GOTOOLCHAIN", "local"}, {off, "CGO_ENABLED", "0"}, {off, "GOFLAGS", "-tags=x"},
		{on, "GOPROXY", "https://proxy.example"}, {on, "GOTOOLCHAIN", "auto"}, {on, "CGO_ENABLED", "0"}, {on, "GOFLAGS", "-tags=x"},
	} {
		if got := last(c.env, c.key); got != c.want {
			t.Errorf("%s=%q, want %q", c.key, got, c.want)
		}
	}
}
