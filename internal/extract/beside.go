package extract

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

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
// expansion budget x as its bytes. read is the front end of those files.
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
	slices.SortFunc(entries, func(a, b os.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
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
		sub, err := read(name, src, x)
		if err != nil || sub == nil {
			continue
		}
		for _, s := range sub.Settings {
			if !s.Commented && rules.IsHostVariable(s.Key.Text, names) {
				u.Beside = append(u.Beside, s)
			}
		}
	}
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
