package golint

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/mod/modfile"

	"github.com/tokenlint/tokenlint/internal/safefile"
)

// A Target is one go/packages load: Patterns resolved from Dir, a module
// root or a go.work directory, with Env added to the environment.
type Target struct {
	Dir      string
	Patterns []string
	Env      []string
}

// A Tree is a directory linted recursively: Dir, absolute, and the
// directories below it holding a go.mod (found by the driver's walk, which
// honours .gitignore and skips testdata, vendor and dot and underscore
// directories as go does).
type Tree struct {
	Dir     string
	Modules []string
}

// Plan turns the directories and .go files the user named into loads, so a
// repository is linted as it is laid out: a tree inside a module loads that
// module's packages below it; every module nested in the tree is loaded
// from its own directory (a root without go.mod, a monorepo, a go.work
// workspace); a .go file is loaded with its package in its own module, or
// alone when it is in none. Modules of one go.work are loaded together
// from the workspace directory; a module the go.work does not use is
// loaded with GOWORK=off, as `cd module && go vet ./...` would fail
// otherwise.
func Plan(trees []Tree, files []string) []Target {
	p := planner{byKey: map[string]*Target{}}
	for _, t := range trees {
		if m := enclosingModule(t.Dir); m != "" && m != t.Dir {
			p.add(m, t.Dir, true)
		}
		for _, m := range t.Modules {
			p.add(m, m, true)
		}
	}
	for _, f := range files {
		dir := filepath.Dir(f)
		if m := enclosingModule(dir); m != "" {
			p.add(m, dir, false)
			continue
		}
		// Outside every module: the file list of its directory's package
		// (go run x.go works the same way).
		p.addLoose(dir, f)
	}
	out := make([]Target, 0, len(p.order))
	for _, k := range p.order {
		t := p.byKey[k]
		t.Patterns = dedupe(t.Patterns)
		out = append(out, *t)
	}
	return out
}

// Unmoduled names, in notices, the trees whose Go code is in no module
// (no go.mod above them or inside them): Plan loads nothing for them, and
// a run that says nothing would look clean.
func Unmoduled(trees []Tree) []Error {
	var out []Error
	for _, t := range trees {
		if len(t.Modules) == 0 && enclosingModule(t.Dir) == "" {
			out = append(out, Error{File: t.Dir, Message: "the Go code here is in no module (no go.mod): not analysed; name its .go files, or add a go.mod"})
		}
	}
	return out
}

type planner struct {
	byKey map[string]*Target
	order []string
	works map[string]*workspace
}

// add loads the packages of module at dir (and below it when recursive).
func (p *planner) add(module, dir string, recursive bool) {
	from, env := module, []string(nil)
	if w := p.workspaceOf(module); w != nil {
		if w.uses[module] {
			from = w.dir
		} else {
			env = []string{"GOWORK=off"}
		}
	}
	pattern := "./" + filepath.ToSlash(mustRel(from, dir))
	pattern = strings.TrimSuffix(pattern, "/.")
	if recursive {
		pattern += "/..."
	}
	p.target(from, env).Patterns = append(p.target(from, env).Patterns, pattern)
}

func (p *planner) addLoose(dir, file string) {
	t := p.target(dir, []string{"GOWORK=off"})
	if len(t.Patterns) > 0 {
		t.Patterns = append(t.Patterns, file)
		return
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, n := range names {
		if !strings.HasSuffix(n, "_test.go") || n == file {
			t.Patterns = append(t.Patterns, n)
		}
	}
	if len(t.Patterns) == 0 {
		t.Patterns = []string{file}
	}
}

func (p *planner) target(dir string, env []string) *Target {
	key := dir + "\x00" + strings.Join(env, "\x00")
	t := p.byKey[key]
	if t == nil {
		t = &Target{Dir: dir, Env: env}
		p.byKey[key] = t
		p.order = append(p.order, key)
	}
	return t
}

// A workspace is a go.work file: its directory and the modules it uses.
type workspace struct {
	dir  string
	uses map[string]bool
}

// workspaceOf finds the go.work that governs a module directory, as the
// go command does (the nearest one at or above it; GOWORK when set).
func (p *planner) workspaceOf(module string) *workspace {
	path := os.Getenv("GOWORK")
	switch path {
	case "off":
		return nil
	case "":
		path = findUp(module, "go.work")
		if path == "" {
			return nil
		}
	}
	if p.works == nil {
		p.works = map[string]*workspace{}
	}
	if w, ok := p.works[path]; ok {
		return w
	}
	w := readWorkspace(path)
	p.works[path] = w
	return w
}

func readWorkspace(path string) *workspace {
	data, err := safefile.Read(path, safefile.FollowLinks, maxModFile)
	if err != nil {
		return nil
	}
	wf, err := modfile.ParseWork(path, data, nil)
	if err != nil {
		// go reports the broken go.work itself when it loads.
		return &workspace{dir: filepath.Dir(path), uses: map[string]bool{}}
	}
	w := &workspace{dir: filepath.Dir(path), uses: map[string]bool{}}
	for _, u := range wf.Use {
		d := filepath.FromSlash(u.Path)
		if !filepath.IsAbs(d) {
			d = filepath.Join(w.dir, d)
		}
		w.uses[filepath.Clean(d)] = true
	}
	return w
}

// enclosingModule is the nearest directory at or above dir holding go.mod.
func enclosingModule(dir string) string {
	if p := findUp(dir, "go.mod"); p != "" {
		return filepath.Dir(p)
	}
	return ""
}

func findUp(dir, name string) string {
	for {
		p := filepath.Join(dir, name)
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func mustRel(base, target string) string {
	rel, err := filepath.Rel(base, target)
	if err != nil {
		return "."
	}
	return rel
}

func dedupe(list []string) []string {
	seen := map[string]bool{}
	out := list[:0]
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// Orphans are the trees whose Go files Plan loads none of: no go.mod in
// them or above them. The go command would refuse ./... there; the driver
// says so instead of passing over them in silence.
func Orphans(trees []Tree) []Tree {
	var out []Tree
	for _, t := range trees {
		if len(t.Modules) == 0 && enclosingModule(t.Dir) == "" {
			out = append(out, t)
		}
	}
	return out
}
