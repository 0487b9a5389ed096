package lint

import (
	"os"
	"path"
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

// TestGitignoreIndexAgrees: the indexed rules decide as trying every rule
// from the last one does, at the root and in a subdirectory, for rules
// that the index files by name and by extension and for those it tries.
func TestGitignoreIndexAgrees(t *testing.T) {
	lines := []string{"*.log", "!keep.log", "build/", "/secret.env", "node_modules", "*.tar.gz", "*~", "*.[Cc]ache",
		"[Dd]ebug/", "**/gen/*.md", "docs/out", "/*.tmp", "*.log/", "README.md", "!README.md", "*.md", "!docs/*.md",
		"x.y", "*.min.js", "vendor/", "!vendor/keep", "*.py[cod]", "a*b", "!aXb", "!m.pyc", "\\!bang", ".env", "*.env", "!*.log"}
	names := []string{"a.log", "keep.log", "build", "secret.env", "node_modules", "x.tar.gz", "y.gz", "f~", "a.cache", "a.Cache",
		"Debug", "debug", "gen", "a.md", "README.md", "out", "z.tmp", "x.y", "m.min.js", "m.js", "vendor", "keep", "m.pyc",
		"aXb", "!bang", ".env", "prod.env", ".log", "log", "noext"}
	dirs := []string{"", "docs", "sub/gen", "vendor", "build/x", "a.log"}
	for _, rel := range []string{"", "sub"} {
		dir := t.TempDir()
		for _, n := range []int{len(lines), 7, 1} { // every rule, a few, one
			os.WriteFile(filepath.Join(dir, ".gitignore"), []byte(strings.Join(lines[:n], "\n")+"\n"), 0o644)
			set := ignoreSet{}.withFile(dir, rel)
			for _, d := range dirs {
				for _, name := range names {
					for _, p := range []string{path.Join(rel, d, name), path.Join(d, name)} {
						for _, isDir := range []bool{false, true} {
							if got, want := set.ignored(p, isDir), ignoredTryingEach(set, p, isDir); got != want {
								t.Errorf("%d rules at %q: ignored(%q, dir=%v) = %v, trying each says %v", n, rel, p, isDir, got, want)
							}
						}
					}
				}
			}
		}
	}
}

// ignoredTryingEach is ignored without the index: the last rule that
// matches decides.
func ignoredTryingEach(s ignoreSet, rel string, isDir bool) bool {
	for set := &s; set != nil; set = set.parent {
		for i := len(set.rules) - 1; i >= 0; i-- {
			if r := &set.rules[i]; r.matches(rel, isDir) {
				return !r.negate
			}
		}
	}
	return false
}

// TestGitignoreLiteralEndsAgree holds the glob rules' literal-ends test to
// the globs themselves: a rule with it says what the same rule without it
// says, for escapes, classes (a "]" first in one is a member), "**" that
// match no directory, and anchored paths.
func TestGitignoreLiteralEndsAgree(t *testing.T) {
	lines := []string{"[Dd]ebug/", "_ReSharper*/", "*_i.c", "[Bb]uild[Ll]og.*", "**/Packages/*", "**/node_modules", "a/**", "a/**/b",
		"docs/*.md", "/*.tmp", `a\*b`, `\[x]`, "[]a]x", "[*]b", `[\]]c`, "x[", "a]b", "**", "*", "?x", "x?", "**/gen/*.md", "a*/**/z*",
		"foo**", "**foo", "ab[^c]d", "é?é"}
	names := []string{"Debug", "debug", "xDebug", "_ReSharper.x", "_ReSharpe", "m_i.c", "_i.c", "BuildLog.htm", "buildlog.", "Packages/a",
		"x/Packages/a", "node_modules", "x/node_modules", "a", "a/b", "a/x/b", "b", "docs/x.md", "z.tmp", "a*b", "aXb", "[x]", "x",
		"]x", "ax", "*b", "]c", "x[", "a]b", "gen/a.md", "s/gen/a.md", "ab/q/zz", "ab/z", "foo", "foobar", "xfoo", "abxd", "abcd",
		"éxé", "éé", ""}
	for _, line := range lines {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, ".gitignore"), []byte(line+"\n"), 0o644)
		set := ignoreSet{}.withFile(dir, "")
		r := set.rules[0]
		whole := r
		whole.prefix, whole.tail = "", ""
		for _, name := range names {
			for _, isDir := range []bool{false, true} {
				if got, want := r.matches(name, isDir), whole.matches(name, isDir); got != want {
					t.Errorf("%q (literal ends %q, %q) matches %q = %v, the glob says %v", line, r.prefix, r.tail, name, got, want)
				}
			}
		}
	}
}
