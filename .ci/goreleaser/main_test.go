package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheck: the checker passes a valid configuration and fails, naming
// the cause, on what `goreleaser check` fails on.
func TestCheck(t *testing.T) {
	for name, c := range map[string]struct{ config, want string }{
		"valid":        {"version: 2\nbuilds:\n  - id: x\n    goos: [linux]\narchives:\n  - formats: [tar.gz]\n", ""},
		"unknown key":  {"version: 2\nbuilds:\n  - id: x\n    goos_list: [linux]\n", "field goos_list not found"},
		"wrong type":   {"version: 2\nbuilds:\n  - id: [x]\n", "cannot unmarshal"},
		"old version":  {"version: 1\nbuilds:\n  - id: x\n", "version"},
		"deprecated":   {"version: 2\narchives:\n  - format: tar.gz\n", "deprecated options: archives[0].format"},
		"deprecated 2": {"version: 2\nsnapshot:\n  name_template: x\n", "deprecated options: snapshot.name_template"},
	} {
		p := filepath.Join(t.TempDir(), "goreleaser.yaml")
		if err := os.WriteFile(p, []byte(c.config), 0o644); err != nil {
			t.Fatal(err)
		}
		err := check(p)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: error %v, want one with %q", name, err, c.want)
		}
	}
}
