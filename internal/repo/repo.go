// Package repo finds the repository a path belongs to and names files by
// their path from its root, so a finding's identity (fingerprint, baseline
// entry, SARIF and CI report location) is the same however the path was
// typed: "sub/x.sh", "./sub/x.sh", an absolute path, or "x.sh" from sub/.
package repo

import (
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/tokenlint/tokenlint/internal/safefile"
)

// Root returns the repository root of dir: the nearest directory, dir
// itself or a parent, holding .git (a directory, or the file a worktree or
// submodule has). It returns "" when there is none.
func Root(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	return roots.find(dir)
}

// Rel returns the slash path of file (relative to the working directory,
// or absolute) from its repository root, or from the working directory
// when it is in no repository. A file outside both keeps its absolute
// path; "-", "" and names in angle brackets (<stdin>) come back as given.
func Rel(file string) string {
	if file == "" || file == "-" || strings.HasPrefix(file, "<") {
		return file
	}
	abs, err := filepath.Abs(filepath.FromSlash(file))
	if err != nil {
		return filepath.ToSlash(file)
	}
	base := roots.find(filepath.Dir(abs))
	if base == "" {
		if base, err = os.Getwd(); err != nil {
			return filepath.ToSlash(abs)
		}
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

// maxGitFile bounds the one-line files of a git directory read here.
const maxGitFile = 64 << 10

// GitDir returns the git directory of a repository root: root/.git, or
// the directory a .git file ("gitdir: PATH") points to.
func GitDir(root string) string {
	dotgit := filepath.Join(root, ".git")
	info, err := os.Lstat(dotgit)
	if err != nil {
		return ""
	}
	if info.IsDir() {
		return dotgit
	}
	// A .git file is in the scanned tree: read through the guard (a FIFO
	// or a link to /dev/zero is no repository).
	data, err := safefile.Read(dotgit, safefile.NoLinks, maxGitFile)
	if err != nil {
		return ""
	}
	dir, ok := strings.CutPrefix(strings.TrimSpace(string(data)), "gitdir:")
	if !ok {
		return ""
	}
	dir = strings.TrimSpace(dir)
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(root, dir)
	}
	return dir
}

// CommonDir is where a repository's shared files (info/exclude, refs)
// live: a linked worktree's git directory names it in "commondir".
func CommonDir(gitDir string) string {
	data, err := safefile.Read(filepath.Join(gitDir, "commondir"), safefile.NoLinks, maxGitFile)
	if err != nil {
		return gitDir
	}
	dir := strings.TrimSpace(string(data))
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(gitDir, dir)
	}
	return filepath.Clean(dir)
}

// roots memoizes the root of every directory asked about: the workers ask
// once per file, and most files share a few directories.
var roots = rootCache{m: map[string]string{}}

type rootCache struct {
	mu sync.Mutex
	m  map[string]string
}

func (c *rootCache) find(dir string) string {
	c.mu.Lock()
	root, ok := c.m[dir]
	c.mu.Unlock()
	if ok {
		return root
	}
	if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
		root = dir
	} else if parent := filepath.Dir(dir); parent != dir {
		root = c.find(parent)
	}
	c.mu.Lock()
	c.m[dir] = root
	c.mu.Unlock()
	return root
}
