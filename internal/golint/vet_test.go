package golint_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// goEnv keeps the go command off the network and out of any workspace.
func goEnv() []string {
	return append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
}

// TestVetAndCommand builds tokenlint and checks that go vet -vettool and
// tokenlint ./... report the same diagnostics on vetmod.
func TestVetAndCommand(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go is not on PATH")
	}
	bin := filepath.Join(t.TempDir(), "tokenlint")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	build := exec.Command("go", "build", "-o", bin, "./cmd/tokenlint")
	build.Dir = "../.."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir, _ := filepath.Abs(vetmod)

	vet := exec.Command("go", "vet", "-vettool="+bin, "./...")
	vet.Dir, vet.Env = dir, goEnv()
	var vetOut bytes.Buffer
	vet.Stdout, vet.Stderr = &vetOut, &vetOut
	if err := vet.Run(); err == nil {
		t.Errorf("go vet -vettool exited 0 with findings; output:\n%s", vetOut.String())
	}
	vetGot := diagnostics(dir, vetOut.String())
	compareWith(t, "go vet -vettool", vetGot, append(append([]string{}, want...), wantRelated...))

	cmd := exec.Command(bin, "./...")
	cmd.Dir, cmd.Env = dir, goEnv()
	var cmdOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &cmdOut, &cmdOut
	err := cmd.Run()
	if code := exitCode(err); code != 1 {
		t.Errorf("tokenlint ./... exit status %d, want 1; output:\n%s", code, cmdOut.String())
	}
	cmdGot := diagnostics(dir, cmdOut.String())
	compareWith(t, "tokenlint ./...", cmdGot, append(append([]string{}, want...), wantRelated...))
}

var diagLine = regexp.MustCompile(`^(\S+\.go):(\d+):(\d+): (.*)$`)

// diagnostics reads "file:line:col: message" lines, with file made
// relative to dir.
func diagnostics(dir, out string) []string {
	var got []string
	for line := range strings.SplitSeq(out, "\n") {
		m := diagLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		// A related place: go vet prints it as a position of its own with
		// a tab before the message, tokenlint indented under its finding.
		if msg, ok := strings.CutPrefix(m[4], "\t"); ok || strings.HasPrefix(line, "  ") {
			m[4] = "related: " + strings.TrimSpace(msg)
		}
		file := m[1]
		if filepath.IsAbs(file) {
			file, _ = filepath.Rel(dir, file)
		}
		file = strings.TrimPrefix(filepath.ToSlash(file), "./")
		got = append(got, shorten(file+":"+m[2]+":"+m[3]+": "+m[4]))
	}
	return got
}

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	return -1
}
