package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// FileName is the configuration file tokenlint looks for.
const FileName = ".tokenlint.toml"

// Find looks for FileName in dir and its parents, stopping at the
// repository root (a directory holding .git, as a directory or as a
// worktree's file) or the file system root. It returns "" when there is
// none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, FileName)
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p, nil
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
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
	return Load(p)
}
