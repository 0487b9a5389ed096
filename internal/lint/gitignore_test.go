package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGitignore(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("# comment\n*.log\nbuild/\n/secret.env\n!keep.log\ndocs/**/gen.md\nfoo?.sh\n"), 0o644)
	set := ignoreSet{}.withFile(dir, "")
	for _, tt := range []struct {
		path   string
		dir    bool
		ignore bool
	}{
		{"a.log", false, true},
		{"sub/a.log", false, true},
		{"keep.log", false, false},
		{"build", true, true},
		{"build", false, false},
		{"secret.env", false, true},
		{"sub/secret.env", false, false},
		{"docs/a/b/gen.md", false, true},
		{"foo1.sh", false, true},
		{"foo12.sh", false, false},
		{"main.sh", false, false},
	} {
		if got := set.ignored(tt.path, tt.dir); got != tt.ignore {
			t.Errorf("ignored(%q, dir=%v) = %v, want %v", tt.path, tt.dir, got, tt.ignore)
		}
	}
}

// TestGitignoreDoubleStarLinear is the red-team's 31-byte .gitignore
// against a 25-deep path, over a minute before (the class is
// internal/glob's TestMatchIsLinear).
func TestGitignoreDoubleStarLinear(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("**/**/**/**/**/**/**/**/**/**/nomatch\n**/**/**/**/**/**/**/**/**/**/t.sh\n"), 0o644)
	set := ignoreSet{}.withFile(dir, "")
	deep := strings.Repeat("a/", 24)
	if set.ignored(deep+"x.sh", false) || !set.ignored(deep+"t.sh", false) {
		t.Error("wrong answer for the deep path")
	}
}
