package extract

import (
	"bytes"
	"cmp"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/tokenlint/tokenlint/internal/safefile"
	"github.com/tokenlint/tokenlint/rules"
)

// What front ends read beside the file they lint: a collection's
// environments, a .http file's environment files, Bruno's collection.bru.
// Each is bounded, and opened through safefile like every file tokenlint
// reads for itself.

// Bounds on what a front end reads beside a file.
const (
	maxDirEntries  = 4096
	maxEnvFiles    = 32
	maxEnvFileSize = 2 << 20
)

// readBeside reads a small regular file beside the one being linted (no
// link, no device, no FIFO), or nil.
func readBeside(path string) []byte {
	data, err := safefile.Read(path, safefile.NoLinks, maxEnvFileSize)
	if err != nil {
		return nil
	}
	return data
}

// A besideRead is what one path beside a file held: its text, or
// whether it is a directory or regular file (the .git that marks a
// repository's root).
type besideRead struct {
	data  []byte
	exist bool
}

// readBeside is readBeside(path) read once per file x budgets.
func (x *expansion) readBeside(path string) []byte {
	if x == nil {
		return readBeside(path)
	}
	if r, ok := x.beside[path]; ok {
		return r.data
	}
	data := readBeside(path)
	x.remember(path, besideRead{data: data})
	return data
}

// isRepoRoot reports whether dir holds a .git (a directory, or a file
// for a worktree), asked once per file x budgets.
func (x *expansion) isRepoRoot(dir string) bool {
	git := filepath.Join(dir, ".git")
	if x != nil {
		if r, ok := x.beside[git]; ok {
			return r.exist
		}
	}
	fi, err := os.Lstat(git)
	root := err == nil && (fi.IsDir() || fi.Mode().IsRegular())
	x.remember(git, besideRead{exist: root})
	return root
}

func (x *expansion) remember(path string, r besideRead) {
	if x == nil {
		return
	}
	if x.beside == nil {
		x.beside = map[string]besideRead{}
	}
	x.beside[path] = r
}

// addBeside reads what the files beside file write down for the variables
// of u's templated hosts (rules.HostVariables) into u.Beside, so the
// inference of whose domain api.${env} holds sees the value a person
// finds in the module's terraform.tfvars or the script's .env. The lookup
// is explicit and bounded: the directory of file only, the names want
// accepts, no link, at most maxEnvFiles files of maxEnvFileSize, only
// those that contain a variable's name, each read charged to the file's
// expansion budget x as its bytes. read is the front end of those files;
// it runs on a budget of its own, so what a file gives depends on its
// bytes alone and besideSettings can keep it for the other files of the
// directory.
func addBeside(u *rules.Unit, file string, x *expansion, want func(name string) bool,
	read func(file string, src []byte, x *expansion) (*rules.Unit, error)) {
	if file == "" || file == "-" || strings.HasPrefix(file, "<") {
		return
	}
	names := rules.HostVariables(u)
	if len(names) == 0 {
		return
	}
	dir := path.Dir(filepath.ToSlash(file))
	d, err := os.Open(filepath.FromSlash(dir))
	if err != nil {
		return
	}
	entries, _ := d.ReadDir(maxDirEntries)
	d.Close()
	// The files that write values down come first, so that a module of
	// more than maxEnvFiles files is still looked up where its values are.
	slices.SortFunc(entries, func(a, b os.DirEntry) int {
		return cmp.Or(cmp.Compare(valueRank(a.Name()), valueRank(b.Name())), strings.Compare(a.Name(), b.Name()))
	})
	self := path.Base(filepath.ToSlash(file))
	nread := 0
	for _, e := range entries {
		if e.Name() == self || !e.Type().IsRegular() || !want(e.Name()) || nread >= maxEnvFiles {
			continue
		}
		name := path.Join(dir, e.Name())
		src := readBeside(filepath.FromSlash(name))
		if src == nil || !mentionsAny(src, names) || !x.spend(len(src)) {
			continue
		}
		nread++
		for _, s := range besideSettings(name, src, read) {
			if rules.IsHostVariable(s.Key.Text, names) {
				u.Beside = append(u.Beside, s)
			}
		}
	}
}

// valueRank orders the files beside one by how likely they write a
// variable's value down: a Terraform variable definitions file, then a
// file named for variables (variables.tf, vars.tf), then the rest.
func valueRank(name string) int {
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".tfvars"):
		return 0
	case strings.Contains(lower, "var"):
		return 1
	}
	return 2
}

// besideCacheBytes bounds the source the cache of besideSettings holds.
const besideCacheBytes = 8 << 20

// besideCache keeps what besideSettings read, by path: each of a
// Terraform module's N files looks in the other files of its directory,
// which were parsed N times, once per file, before. An entry serves only
// the bytes it was read from, so a changed file is read again. A path's
// name says which front end reads it (the names addBeside's callers want
// do not overlap), so the path is the key.
var besideCache struct {
	sync.Mutex
	entries map[string]besideEntry
	order   []string // oldest first
	bytes   int
}

type besideEntry struct {
	src      []byte
	settings []rules.Setting
}

// besideSettings are the settings, commented-out ones left out, that read
// finds in the file name whose bytes are src.
func besideSettings(name string, src []byte, read func(file string, src []byte, x *expansion) (*rules.Unit, error)) []rules.Setting {
	c := &besideCache
	c.Lock()
	e, ok := c.entries[name]
	c.Unlock()
	if ok && bytes.Equal(e.src, src) {
		return e.settings
	}
	var settings []rules.Setting
	if sub, err := read(name, src, newExpansion(len(src))); err == nil && sub != nil {
		for _, s := range sub.Settings {
			if !s.Commented {
				settings = append(settings, s)
			}
		}
	}
	// The settings' text is a string copy of src: the entry costs twice
	// its bytes.
	size := 2 * len(src)
	if size > besideCacheBytes {
		return settings
	}
	c.Lock()
	defer c.Unlock()
	if old, ok := c.entries[name]; ok {
		c.bytes -= 2 * len(old.src)
		c.order = slices.DeleteFunc(c.order, func(n string) bool { return n == name })
	}
	for c.bytes+size > besideCacheBytes && len(c.order) > 0 {
		c.bytes -= 2 * len(c.entries[c.order[0]].src)
		delete(c.entries, c.order[0])
		c.order = c.order[1:]
	}
	if c.entries == nil {
		c.entries = map[string]besideEntry{}
	}
	c.entries[name] = besideEntry{src: src, settings: settings}
	c.order = append(c.order, name)
	c.bytes += size
	return settings
}

// mentionsAny reports whether src holds one of the names, ignoring case.
func mentionsAny(src []byte, names []string) bool {
	lower := bytes.ToLower(src)
	for _, n := range names {
		if bytes.Contains(lower, []byte(strings.ToLower(n))) {
			return true
		}
	}
	return false
}

// isDotenv is the name of the file dotenv loaders read beside a script.
func isDotenv(name string) bool { return name == ".env" }

// readDotenv is the .env front end, for addBeside.
func readDotenv(file string, src []byte, _ *expansion) (*rules.Unit, error) {
	return ByName("env").Extract(file, src)
}
