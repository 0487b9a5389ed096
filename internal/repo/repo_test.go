package repo

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRelIsTheSameHoweverTyped(t *testing.T) {
	dir, _ := filepath.EvalSymlinks(t.TempDir())
	root := filepath.Join(dir, "r")
	os.MkdirAll(filepath.Join(root, ".git"), 0o755)
	os.MkdirAll(filepath.Join(root, "sub"), 0o755)
	os.WriteFile(filepath.Join(root, "sub", "x.sh"), nil, 0o644)

	t.Chdir(root)
	for _, p := range []string{"sub/x.sh", "./sub/x.sh", filepath.Join(root, "sub", "x.sh"), "sub/../sub/x.sh"} {
		if got := Rel(p); got != "sub/x.sh" {
			t.Errorf("Rel(%q) from the root = %q", p, got)
		}
	}
	t.Chdir(filepath.Join(root, "sub"))
	if got := Rel("x.sh"); got != "sub/x.sh" {
		t.Errorf("Rel(x.sh) from sub = %q", got)
	}
	t.Chdir(dir)
	if got := Rel("r/sub/x.sh"); got != "sub/x.sh" {
		t.Errorf("Rel from outside the repository = %q", got)
	}
	// No repository: relative to the working directory, else absolute.
	os.WriteFile(filepath.Join(dir, "loose.sh"), nil, 0o644)
	if got := Rel("loose.sh"); got != "loose.sh" {
		t.Errorf("Rel(loose.sh) = %q", got)
	}
	t.Chdir(root)
	if got := Rel("../loose.sh"); got != filepath.ToSlash(filepath.Join(dir, "loose.sh")) {
		t.Errorf("Rel(../loose.sh) = %q", got)
	}
	for _, p := range []string{"-", "<stdin>", ""} {
		if got := Rel(p); got != p {
			t.Errorf("Rel(%q) = %q", p, got)
		}
	}
}

func TestGitDirOfAWorktree(t *testing.T) {
	dir := t.TempDir()
	main := filepath.Join(dir, "main", ".git")
	wt := filepath.Join(main, "worktrees", "w")
	os.MkdirAll(wt, 0o755)
	os.WriteFile(filepath.Join(wt, "commondir"), []byte("../..\n"), 0o644)
	tree := filepath.Join(dir, "w")
	os.MkdirAll(tree, 0o755)
	os.WriteFile(filepath.Join(tree, ".git"), []byte("gitdir: "+wt+"\n"), 0o644)
	if got := GitDir(tree); got != wt {
		t.Errorf("GitDir = %q", got)
	}
	if got := CommonDir(GitDir(tree)); got != main {
		t.Errorf("CommonDir = %q, want %q", got, main)
	}
	if got := Root(filepath.Join(tree)); got != tree {
		t.Errorf("Root = %q", got)
	}
}
