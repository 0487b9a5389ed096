package config

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/tokenlint/tokenlint/internal/glob"
)

// A Matcher decides which paths the exclude globs cover.
type Matcher struct {
	base     string // absolute directory the globs are relative to
	patterns [][]string
}

// compileGlobs checks the globs: "*", "?" and "[...]" within one path
// segment, "**" for any number of segments. A glob without "/" matches a
// file or directory name at any depth, as in .gitignore.
func compileGlobs(base string, globs []string) (*Matcher, error) {
	m := &Matcher{base: base}
	for _, g := range globs {
		g = strings.TrimSpace(filepath.ToSlash(g))
		if g == "" {
			return nil, fmt.Errorf("empty exclude pattern")
		}
		g = strings.TrimPrefix(strings.TrimSuffix(g, "/"), "./")
		segs := strings.Split(g, "/")
		if !strings.Contains(g, "/") {
			segs = []string{"**", g}
		} else if segs[0] == "" {
			segs = segs[1:] // "/build" anchors at the base, as it does anyway
		}
		for _, s := range segs {
			if s == "**" {
				continue
			}
			if _, err := path.Match(s, ""); err != nil {
				return nil, fmt.Errorf("bad exclude pattern %q: %v", g, err)
			}
		}
		m.patterns = append(m.patterns, segs)
	}
	return m, nil
}

// Match reports whether the path (as shown in output: slash form, relative
// to the working directory, or absolute) or one of its parent directories
// is excluded.
func (m *Matcher) Match(p string) bool {
	if m == nil || len(m.patterns) == 0 {
		return false
	}
	rel := filepath.ToSlash(p)
	if m.base != "" {
		abs, err := filepath.Abs(filepath.FromSlash(p))
		if err == nil {
			if r, err := filepath.Rel(m.base, abs); err == nil {
				rel = filepath.ToSlash(r)
			}
		}
	}
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return false // outside the tree the config governs
	}
	segs := strings.Split(path.Clean(rel), "/")
	for n := 1; n <= len(segs); n++ {
		for _, pat := range m.patterns {
			if glob.Match(pat, segs[:n]) {
				return true
			}
		}
	}
	return false
}
