package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/tokenlint/tokenlint/internal/repo"
	"github.com/tokenlint/tokenlint/internal/safefile"
)

// FileName is the configuration file tokenlint looks for.
const FileName = ".tokenlint.toml"

// Find looks for FileName in dir and its parents up to a ceiling: the
// repository root (a directory holding .git, as a directory or as a
// worktree's file); with no repository, the home directory when dir is
// under it, else dir alone. A shared directory above the tree (/tmp, a
// CI runner's work directory) is anyone's to write, so a file planted
// there must not steer a run below it. It returns "" when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	ceiling := searchCeiling(dir)
	for {
		p := filepath.Join(dir, FileName)
		// Lstat: a link is found, and then refused by load.
		if info, err := os.Lstat(p); err == nil && !info.IsDir() {
			return p, nil
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(dir)
		if dir == ceiling || parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// searchCeiling is the last directory Find looks in, from absolute dir.
func searchCeiling(dir string) string {
	if root := repo.Root(dir); root != "" {
		return root
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return dir
	}
	home = filepath.Clean(home)
	if rel, err := filepath.Rel(home, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return home
	}
	return dir
}

// Resolve loads the explicit file when one is named (-config), otherwise
// the file Find locates from dir, otherwise the defaults.
func Resolve(dir, explicit string) (*Config, error) {
	if explicit != "" {
		return Load(explicit)
	}
	p, err := Find(dir)
	if err != nil {
		return nil, err
	}
	if p == "" {
		return Default(), nil
	}
	return load(p, safefile.NoLinks)
}
