package lint

import "testing"

func TestPackageDir(t *testing.T) {
	for in, want := range map[string]string{
		"main.go":          "./.",
		"cmd/x/main.go":    "./cmd/x",
		"/abs/pkg/main.go": "/abs/pkg",
	} {
		if got := packageDir(in); got != want {
			t.Errorf("packageDir(%q) = %q, want %q", in, got, want)
		}
	}
}
