package lsp

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/tokenlint/tokenlint/internal/config"
)

const configFileName = config.FileName

// workspace resolves the configuration of a buffer as the command would
// resolve it when run from the root of the buffer's workspace folder:
// .tokenlint.toml found from that folder up to the repository root (or from
// the buffer's own directory, for a file outside every folder), or the file
// the client names in initializationOptions.config.
type workspace struct {
	mu       sync.Mutex
	folders  []string // absolute directories, deepest first
	explicit string
	// loaded caches a resolution per directory until a config changes.
	loaded map[string]resolved
	// registerWatch: the client can watch files for the server.
	registerWatch bool
}

// resolved is one directory's configuration, or the error that stopped it
// (the defaults are used meanwhile, and the error is shown on the file).
type resolved struct {
	cfg *config.Config
	err *config.Error
}

func newWorkspace() *workspace { return &workspace{loaded: map[string]resolved{}} }

func (w *workspace) changeFolders(added, removed []protocol.WorkspaceFolder) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, f := range removed {
		if p, ok := pathFromURI(f.URI); ok {
			w.folders = slices.DeleteFunc(w.folders, func(d string) bool { return d == p })
		}
	}
	for _, f := range added {
		if p, ok := pathFromURI(f.URI); ok && !slices.Contains(w.folders, p) {
			w.folders = append(w.folders, p)
		}
	}
	// Nested folders: the deepest one that holds a file governs it.
	slices.SortFunc(w.folders, func(a, b string) int { return len(b) - len(a) })
	w.loaded = map[string]resolved{}
}

func (w *workspace) setExplicit(path string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if path != "" && !filepath.IsAbs(path) && len(w.folders) > 0 {
		path = filepath.Join(w.folders[len(w.folders)-1], path)
	}
	w.explicit = path
	w.loaded = map[string]resolved{}
}

// invalidate forgets every resolution, after a config file changed.
func (w *workspace) invalidate() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.loaded = map[string]resolved{}
}

// configFor resolves the configuration for the file at path.
func (w *workspace) configFor(path string) resolved {
	w.mu.Lock()
	defer w.mu.Unlock()
	dir := filepath.Dir(path)
	for _, f := range w.folders {
		if within(path, f) {
			dir = f
			break
		}
	}
	if r, ok := w.loaded[dir]; ok {
		return r
	}
	cfg, err := config.Resolve(dir, w.explicit)
	r := resolved{cfg: cfg}
	if err != nil {
		r.cfg = config.Default()
		var ce *config.Error
		if !errors.As(err, &ce) {
			ce = &config.Error{File: filepath.Join(dir, configFileName), Msg: err.Error()}
		}
		r.err = ce
	}
	w.loaded[dir] = r
	return r
}

// isConfig reports whether path is a file the configuration comes from.
func (w *workspace) isConfig(path string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return filepath.Base(path) == configFileName || (w.explicit != "" && filepath.Clean(path) == filepath.Clean(w.explicit))
}

// within reports whether path is dir or below it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
