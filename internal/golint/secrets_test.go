package golint_test

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/tokenlint/tokenlint/internal/golint"
	"github.com/tokenlint/tokenlint/internal/redact"
)

// TestSecretPositions: every credential literal of testdata/secrets,
// including those a later call overrides, is a secret span, so no output
// shows it.
func TestSecretPositions(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go is not on PATH")
	}
	t.Setenv("GOWORK", "off")
	dir, _ := filepath.Abs("testdata/secrets")
	res := golint.Run(dir, []string{"./..."}, nil, golint.Settings{})
	if len(res.Errors) > 0 || len(res.Files) != 1 {
		t.Fatalf("errors %v, files %d", res.Errors, len(res.Files))
	}
	f := res.Files[0]
	masked := redact.New(f.Src, f.Secrets).Window(0, len(f.Src))
	canaries := regexp.MustCompile(`CANARY\w+`)
	if n := len(canaries.FindAllString(string(f.Src), -1)); n != 7 {
		t.Fatalf("%d canaries in the source, want 7", n)
	}
	if left := canaries.FindAllString(masked, -1); len(left) > 0 {
		t.Errorf("not redacted: %v", left)
	}
}

// TestTypeErrorsMaskConstants: a type error that quotes a string constant
// of the file does not print it.
func TestTypeErrorsMaskConstants(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go is not on PATH")
	}
	t.Setenv("GOWORK", "off")
	dir, _ := filepath.Abs("testdata/typeerr")
	res := golint.Run(dir, []string{"./..."}, nil, golint.Settings{})
	if len(res.Errors) == 0 {
		t.Fatal("no type error")
	}
	for _, e := range res.Errors {
		if regexp.MustCompile(`Kx7Q|Zz8Y`).MatchString(e.Message) {
			t.Errorf("error quotes a constant: %s", e.Message)
		}
	}
}
