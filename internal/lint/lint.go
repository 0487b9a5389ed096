package lint

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tokenlint/tokenlint/internal/extract"
	"github.com/tokenlint/tokenlint/internal/keyword"
	"github.com/tokenlint/tokenlint/internal/redact"
	"github.com/tokenlint/tokenlint/internal/repo"
	"github.com/tokenlint/tokenlint/internal/safefile"
	"github.com/tokenlint/tokenlint/internal/suppress"
	"github.com/tokenlint/tokenlint/rules"
)

// DefaultMaxFileSize is the size above which a file is skipped unread.
const DefaultMaxFileSize = 10 << 20

// fileLimit is the size above which a file is skipped: the configured
// one, or the default, but never past the offsets the model holds, also
// once readable has decoded a UTF-16 file (up to half again as long: a
// two-byte unit becomes up to three bytes of UTF-8).
func fileLimit(configured int64) int64 {
	if configured == 0 {
		configured = DefaultMaxFileSize
	}
	return min(configured, rules.MaxOffset/3*2)
}

// Options configure a run.
type Options struct {
	Rules *rules.Options
	// MaxFileSize skips larger files with a notice; 0 means the default.
	MaxFileSize int64
	// Exclude reports whether a slash path (as the user will see it) is
	// excluded by configuration. It applies to files named on the command
	// line too (golangci-lint's and ruff's force-exclude), so a pre-commit
	// hook, which passes file names, skips what `tokenlint .` skips.
	Exclude func(path string) bool
	// Stdin is read for the path "-", named StdinFilename in output.
	Stdin         io.Reader
	StdinFilename string
	// Workers is the number of files linted at once; 0 means GOMAXPROCS.
	Workers int
	// Go runs the analyzer over Go packages; nil disables Go.
	Go GoLinter
	// KeepSource, when set, receives the text of every file that has a
	// finding with a fix, for -fix and -diff (path opens the file, display
	// names it in findings).
	KeepSource func(display, path string, src []byte, secrets []rules.Span)
	// PaceGC lets the run set the collector's pace while it reads config
	// files (gcpace.go): a command's run sets it, a library caller or a
	// long-lived server keeps the pace of its own process.
	PaceGC bool

	filter *keyword.Set // the prefilter of Rules, set by Run
	pace   *gcPacer     // gcPace, set by lintFiles
}

// A GoLinter lints the Go code the user named: the packages of every
// module in or around each tree, and each .go file's package (reporting
// only the named files' findings). Notices name files it did not analyse
// (a cgo file), without making the run fail.
type GoLinter func(req GoRequest, opts *rules.Options) (files []FileDiagnostics, errs, notices []FileError)

// A GoRequest is the Go code of a run, in absolute paths.
type GoRequest struct {
	Trees []GoTree
	Files []string
}

// A GoTree is a directory linted recursively that holds Go code, with the
// directories below it that hold a go.mod, as the walk found them.
type GoTree struct {
	Dir     string
	Modules []string
}

// FileDiagnostics are one file's diagnostics from a front end that reads
// the file itself (the Go analyzer), with the secrets to redact.
type FileDiagnostics struct {
	Path        string
	Src         []byte
	Diagnostics []rules.Diagnostic
	Secrets     []rules.Span
}

// A job is one file to lint.
type job struct {
	path     string // path to open
	display  string // path shown in output (slash form)
	data     []byte // content already read (stdin)
	explicit bool   // named on the command line: linted even if no format claims it by name
	// walkRoot, when set, makes this a directory whose files are the jobs;
	// it is walked while the workers lint what the walk has found so far.
	walkRoot string
}

// Run lints the paths and returns what it found.
func Run(paths []string, opts Options) *Result {
	opts.MaxFileSize = fileLimit(opts.MaxFileSize)
	if opts.Rules == nil {
		opts.Rules = &rules.Options{}
	}
	opts.filter = prefilterFor(opts.Rules)
	res := &Result{}
	var jobs []job
	var goFiles []string
	excluded := func(p string) bool { return opts.Exclude != nil && opts.Exclude(filepath.ToSlash(p)) }
	// A file named twice (a.sh ./a.sh, a link and its target) is linted
	// once, as gofmt -w would leave it after the first: its findings are
	// one file's, and -fix writes it once.
	named := map[int64][]fs.FileInfo{} // by size, to compare few
	for _, p := range paths {
		switch {
		case p == "-" && opts.StdinFilename != "" && excluded(opts.StdinFilename):
			continue
		case p == "-":
			data, err := safefile.ReadLimited(opts.Stdin, opts.MaxFileSize)
			name := opts.StdinFilename
			if name == "" {
				name = "<stdin>"
			}
			if err != nil {
				res.Errors = append(res.Errors, FileError{File: name, Message: err.Error()})
				continue
			}
			// The path "-" tells KeepSource that the text is not a file's:
			// -fix prints it fixed instead of writing name.
			jobs = append(jobs, job{path: "-", display: filepath.ToSlash(name), data: data, explicit: true})
		case strings.HasSuffix(p, "/...") || p == "...":
			root := strings.TrimSuffix(strings.TrimSuffix(p, "..."), "/")
			if root == "" {
				root = "."
			}
			jobs = append(jobs, job{walkRoot: root})
		default:
			info, err := os.Stat(p)
			if err != nil {
				res.Errors = append(res.Errors, FileError{File: p, Message: safefile.Describe(err)})
				continue
			}
			if info.IsDir() {
				jobs = append(jobs, job{walkRoot: p})
				continue
			}
			if excluded(p) {
				continue
			}
			if slices.ContainsFunc(named[info.Size()], func(o fs.FileInfo) bool { return os.SameFile(o, info) }) {
				continue
			}
			named[info.Size()] = append(named[info.Size()], info)
			if strings.HasSuffix(p, ".go") {
				if abs, err := filepath.Abs(p); err == nil {
					goFiles = append(goFiles, abs)
				}
				continue
			}
			jobs = append(jobs, job{path: p, display: filepath.ToSlash(p), explicit: true})
		}
	}
	trees := lintFiles(jobs, opts, res)
	if opts.Go != nil && (len(trees) > 0 || len(goFiles) > 0) {
		lintGo(GoRequest{Trees: trees, Files: goFiles}, opts, res)
	}
	res.Sort()
	return res
}

// lintGo runs the Go linter and judges its files like the others: the
// excludes, the inline directives, positions and identities. A tree's
// findings are all kept; a .go file argument's package gives only that
// file's.
func lintGo(req GoRequest, opts Options, res *Result) {
	files, errs, notices := opts.Go(req, opts.Rules)
	res.Errors = append(res.Errors, errs...)
	res.Skipped = append(res.Skipped, notices...)
	named := map[string]bool{}
	for _, f := range req.Files {
		named[f] = true
	}
	for _, f := range files {
		if !named[f.Path] && !underAny(f.Path, req.Trees) {
			continue
		}
		display := relDisplay(f.Path)
		if opts.Exclude != nil && opts.Exclude(display) {
			continue
		}
		for i := range f.Diagnostics {
			fd := &f.Diagnostics[i]
			fd.Span.File = display
			for k := range fd.Related {
				if rel := &fd.Related[k]; rel.Span.File == f.Path {
					rel.Span.File = display
				} else {
					rel.Span.File = relDisplay(rel.Span.File)
				}
			}
		}
		fr := judge(display, f.Path, f.Src, []string{"//"}, f.Diagnostics, f.Secrets, opts)
		res.Findings = append(res.Findings, fr.findings...)
		res.Suppressed = append(res.Suppressed, fr.suppressed...)
	}
}

func underAny(file string, trees []GoTree) bool {
	for _, t := range trees {
		if rel, err := filepath.Rel(t.Dir, file); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// relDisplay shows an absolute path relative to the working directory when
// it is under it.
func relDisplay(p string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(p)
}

// skipDirs are never walked.
var skipDirs = map[string]bool{".git": true, "vendor": true, "node_modules": true, ".hg": true, ".svn": true}

// goSeen is the Go code a walk met: whether there is any, and the
// directories holding a go.mod (absolute), outside testdata and the dot
// and underscore directories the go command ignores.
type goSeen struct {
	any     bool
	modules []string
}

// walk emits the candidate files under root, in lexical order, and notes
// the Go code it passes.
func walk(root string, opts Options, res *Result, emit func(job)) goSeen {
	// Ignore rules are matched against paths from the repository root, so
	// a walk below it still honours the .gitignore files above it and
	// .git/info/exclude.
	rootSet, prefix := outerIgnores(root)
	w := &walker{opts: opts, res: res, emit: emit, prefix: prefix}
	// A directory named on the command line is walked even when it is a
	// link to one; links inside it are still not followed.
	start := root
	info, err := os.Lstat(root)
	if err == nil && info.Mode()&fs.ModeSymlink != 0 {
		start = root + string(filepath.Separator)
		info, err = os.Stat(start)
	}
	switch {
	case err != nil:
		res.Errors = append(res.Errors, FileError{File: filepath.ToSlash(start), Message: safefile.Describe(err)})
	case info.IsDir():
		w.dir(start, "", rootSet, true, true)
	case info.Mode().IsRegular(): // file/...
		w.file(start, ".", filepath.Base(start), rootSet, true)
	}
	if w.excluded > 0 && w.emitted == 0 && !w.seen.any {
		res.Skipped = append(res.Skipped, FileError{File: filepath.ToSlash(root), Message: "nothing was linted: the configuration's exclude patterns cover every file here"})
	}
	return w.seen
}

// A walker walks one tree: each directory is listed once, its .gitignore
// is read only when the listing has one, and paths from the walk root are
// carried down rather than recomputed per file.
type walker struct {
	opts   Options
	res    *Result
	emit   func(job)
	prefix string // the walk root's path from the repository root
	seen   goSeen
	// excluded and emitted tell a tree the configuration excluded
	// entirely, which gets a notice rather than a silent clean run.
	excluded, emitted int
}

func (w *walker) isExcluded(display string) bool {
	if w.opts.Exclude != nil && w.opts.Exclude(display) {
		w.excluded++
		return true
	}
	return false
}

// dir walks the directory at p (on disk), whose slash path from the walk
// root is rel ("" for the root), under the ignore rules set. goVisible
// says whether the go command's ./... sees the Go files here.
func (w *walker) dir(p, rel string, set ignoreSet, top, goVisible bool) {
	entries, err := os.ReadDir(p)
	if err != nil {
		w.res.Errors = append(w.res.Errors, FileError{File: filepath.ToSlash(p), Message: safefile.Describe(err)})
		return
	}
	if !top && slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return e.Name() == ".gitignore" }) {
		set = set.withFile(p, path.Join(w.prefix, rel))
	}
	// The child's path on disk, as filepath.WalkDir forms it, and from the
	// walk root: made only for what the walk looks at further, as most
	// files are no format's.
	child := func(name string) (cp, crel string) {
		if top {
			cp = filepath.Join(p, name)
		} else {
			cp = p + string(filepath.Separator) + name
		}
		crel = name
		if rel != "" {
			crel = rel + "/" + name
		}
		return cp, crel
	}
	for _, d := range entries {
		name := d.Name()
		if d.IsDir() {
			cp, crel := child(name)
			display := filepath.ToSlash(cp)
			if skipDirs[name] || set.ignored(path.Join(w.prefix, crel), true) || w.isExcluded(display) {
				continue
			}
			w.dir(cp, crel, set, false, goVisible && name != "testdata" && !strings.HasPrefix(name, ".") && !strings.HasPrefix(name, "_"))
			continue
		}
		if d.Type()&fs.ModeSymlink != 0 || !d.Type().IsRegular() {
			// Links are not followed (a loop or a path out of the tree);
			// FIFOs and devices are never opened.
			continue
		}
		if !w.wants(name) {
			continue
		}
		cp, crel := child(name)
		w.file(cp, crel, name, set, goVisible)
	}
}

// file emits the regular file at p (rel from the walk root) if it is a
// candidate, or notes it if it is Go code.
func (w *walker) file(p, rel, name string, set ignoreSet, goVisible bool) {
	// The cheap test first: most files are no format's, and only a
	// candidate or Go code needs the ignore rules. Once the walk has seen
	// Go code, another .go file tells it nothing.
	if !w.wants(name) {
		return
	}
	isGo := name == "go.mod" || strings.HasSuffix(name, ".go")
	isCandidate := candidate(name)
	display := filepath.ToSlash(p)
	if set.ignored(path.Join(w.prefix, rel), false) || isCandidate && w.isExcluded(display) {
		return
	}
	if w.opts.Exclude != nil && w.opts.Exclude(display) {
		return
	}
	if isGo {
		if goVisible {
			w.seen.any = true
			if name == "go.mod" {
				if abs, err := filepath.Abs(filepath.Dir(p)); err == nil {
					w.seen.modules = append(w.seen.modules, abs)
				}
			}
		}
		return
	}
	w.emitted++
	w.emit(job{path: p, display: display})
}

// wants reports whether a file named name may be a candidate or tell the
// walk about Go code: the test on the name alone, before any path is made.
func (w *walker) wants(name string) bool {
	isGo := name == "go.mod" || strings.HasSuffix(name, ".go")
	return candidate(name) || isGo && (!w.seen.any || name == "go.mod")
}

// candidate reports whether some format may claim a file by its name, or
// the name has no extension (a script with a shebang).
func candidate(name string) bool {
	if filepath.Ext(name) == "" || strings.HasPrefix(name, ".env") {
		return true
	}
	return extract.Detect(name, nil) != nil
}

// fileResult is what linting one file produced.
type fileResult struct {
	findings   []Finding
	suppressed []Finding
	err        *FileError
	skipped    *FileError
	file       string // the job's display path
}

// lintFiles lints jobs on a pool of workers, walking directory jobs as it
// goes, and appends results in job order. It returns the walked
// directories that hold Go code.
func lintFiles(jobs []job, opts Options, res *Result) []GoTree {
	var trees []GoTree
	defer gcPace.start(opts.PaceGC)()
	opts.pace = &gcPace
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type indexed struct {
		i int
		j job
	}
	next := make(chan indexed, 4*workers)
	var (
		mu      sync.Mutex
		results []fileResult
		wg      sync.WaitGroup
	)
	for w := 0; w < workers; w++ {
		wg.Go(func() {
			for x := range next {
				r := lintOne(x.j, opts)
				r.file = x.j.display
				mu.Lock()
				for len(results) <= x.i {
					results = append(results, fileResult{})
				}
				results[x.i] = r
				mu.Unlock()
			}
		})
	}
	n := 0
	emit := func(j job) {
		next <- indexed{n, j}
		n++
	}
	for _, j := range jobs {
		if j.walkRoot != "" {
			if seen := walk(j.walkRoot, opts, res, emit); seen.any {
				if abs, err := filepath.Abs(j.walkRoot); err == nil {
					trees = append(trees, GoTree{Dir: abs, Modules: seen.modules})
				}
			}
		} else {
			emit(j)
		}
	}
	close(next)
	wg.Wait()
	for _, r := range results {
		if r.err == nil && r.skipped == nil {
			res.Files = append(res.Files, r.file)
		}
		res.Findings = append(res.Findings, r.findings...)
		res.Suppressed = append(res.Suppressed, r.suppressed...)
		if r.err != nil {
			res.Errors = append(res.Errors, *r.err)
		}
		if r.skipped != nil {
			res.Skipped = append(res.Skipped, *r.skipped)
		}
	}
	return trees
}

// collectAfter is the file size from which the parse tree is collected
// before the rules run.
const collectAfter = 1 << 20

// lintOne reads, filters, parses and judges one file. A panic in a front
// end becomes an error for that file, never a crash of the run.
func lintOne(j job, opts Options) (out fileResult) {
	defer func() {
		if r := recover(); r != nil {
			// A panic's value may be a parser's message, quoting the file.
			out = fileResult{err: &FileError{File: j.display, Message: redact.Error(fmt.Sprintf("internal error while reading this file: %v", r), nil)}}
		}
	}()
	data := j.data
	if data == nil {
		var err error
		// A file the walk found is not read through a link swapped in
		// since; one named on the command line is the user's choice.
		links := safefile.Listed
		if j.explicit {
			links = safefile.FollowLinks
		}
		data, err = readFile(j.path, links, opts.MaxFileSize)
		var tooBig *safefile.TooBigError
		switch {
		case errors.As(err, &tooBig):
			return fileResult{skipped: &FileError{File: j.display, Message: "skipped: " + err.Error() + " (max_file_size)"}}
		case err != nil:
			return fileResult{err: &FileError{File: j.display, Message: err.Error()}}
		}
	}
	if opts.pace != nil {
		defer opts.pace.large(len(data))()
	}
	orig := data
	data, form := readable(data)
	filter := opts.filter
	if filter == nil {
		filter = prefilterFor(opts.Rules)
	}
	if j.data == nil {
		// Once the file is judged, its buffer serves the next file unless
		// -fix keeps the text: front ends and findings copy what they keep.
		kept := false
		if keep := opts.KeepSource; keep != nil {
			opts.KeepSource = func(display, path string, src []byte, secrets []rules.Span) {
				kept = true
				keep(display, path, src, secrets)
			}
		}
		defer func() {
			if !kept {
				putBuffer(orig)
			}
		}()
	}
	if !filter.In(data) {
		return fileResult{}
	}
	switch form {
	case crLines:
		// The fixes' offsets are the file's: they are applied to its own
		// bytes, line ends and all.
		if keep := opts.KeepSource; keep != nil {
			opts.KeepSource = func(display, path string, _ []byte, secrets []rules.Span) { keep(display, path, orig, secrets) }
		}
	case decodedUTF16:
		opts.KeepSource = nil
	}
	head := data[:min(len(data), extract.DetectHead)]
	f := extract.Detect(j.display, head)
	if f == nil && j.explicit && path.Ext(j.display) == "" {
		// A script named on the command line without extension or
		// shebang (bin/get-token): the user says it is one.
		f = extract.ByName("shell")
	}
	if f == nil {
		return fileResult{}
	}
	unit, err := f.Extract(j.display, data)
	if err != nil {
		// The file failed to parse, so no front end has said where its
		// secrets are: extract.Errorf masked the file's text in its
		// message, and what else a front end returns is masked here.
		fe := FileError{File: j.display, Message: redact.Error(err.Error(), nil)}
		if xe, ok := errors.AsType[*extract.Error](err); ok {
			fe.Line, fe.Message = xe.Line, xe.Msg
		}
		return fileResult{err: &fe}
	}
	if unit == nil {
		return fileResult{}
	}
	if len(data) >= collectAfter {
		// The parse tree of a large file is garbage once its unit is
		// built; collecting it now sets the heap goal for the rules from
		// the unit, not from the tree, which is many times the file.
		runtime.GC()
	}
	diags := rules.Run(unit, opts.Rules)
	if form == decodedUTF16 {
		for i := range diags {
			diags[i].Fix = nil // its offsets are not the file's
		}
	}
	return judge(j.display, j.path, data, f.Comments, diags, rules.SecretSpans(unit, opts.Rules.Catalog), opts)
}

// judge turns a file's diagnostics into findings: it applies the file's
// inline suppressions, positions and identifies every finding, and hands
// the file's text to KeepSource when something in it can be fixed.
func judge(display, path string, src []byte, comments []string, diags []rules.Diagnostic, secrets []rules.Span, opts Options) fileResult {
	sup := suppress.Apply(display, src, comments, diags, opts.Rules.Rules)
	if len(diags) == 0 && len(sup.Problems) == 0 {
		return fileResult{} // most parsed files: nothing to position
	}
	repoPath := repo.Rel(display)
	p := newPositioner(src, secrets, opts.Rules.Catalog)
	// Fingerprints count identical findings in order, so they are taken
	// before suppression: ignoring one of two must not renumber the other.
	var out fileResult
	for i, f := range p.position(diags, repoPath) {
		if reason := sup.Reason(i); reason != "" {
			f.Suppressed = p.red.Scrub(reason) // a directive's reason is file text too
			out.suppressed = append(out.suppressed, f)
		} else {
			out.findings = append(out.findings, f)
		}
	}
	out.findings = append(out.findings, p.position(sup.Problems, repoPath)...)
	sort.SliceStable(out.findings, func(i, k int) bool { return out.findings[i].Span.Start < out.findings[k].Span.Start })
	if opts.KeepSource != nil {
		for _, f := range out.findings {
			if f.Fix != nil {
				opts.KeepSource(display, path, src, secrets)
				break
			}
		}
	}
	return out
}

// Snippet window: a line longer than snippetMax bytes is shown from at
// most snippetBefore bytes before the finding's start to at most
// snippetAfter bytes after it, so a one-line file with many findings costs
// the findings, not findings times the line.
const (
	snippetMax    = 400
	snippetBefore = 120
	snippetAfter  = snippetMax - snippetBefore
)

// A positioner makes the findings of one file from its diagnostics.
type positioner struct {
	src []byte
	li  *rules.LineIndex
	red *redact.Redactor
	// beside are the files beside this one that Related locations point
	// into, by path.
	beside map[string]*positioner
}

func newPositioner(src []byte, secrets []rules.Span, cat *rules.Catalog) *positioner {
	return &positioner{src: src, li: rules.NewLineIndex(src), red: redact.New(src, secrets, cat)}
}

// place is the position of span s in the file, clamped to its text, and
// the byte offset it starts at.
func (p *positioner) place(s rules.Span) (Position, int) {
	start := max(0, min(s.Start, len(p.src)))
	end := max(start, min(s.End, len(p.src)))
	var pos Position
	pos.Line, pos.Column = p.li.Position(start)
	pos.EndLine, pos.EndColumn = p.li.Position(end)
	pos.Column16 = p.li.UTF16Column(pos.Line, pos.Column)
	pos.EndColumn16 = p.li.UTF16Column(pos.EndLine, pos.EndColumn)
	return pos, start
}

// placeBeside is the position of s in another file, read as the front
// end read it (bounded, no links); zero when it cannot be read.
func (p *positioner) placeBeside(s rules.Span) Position {
	if p.beside == nil {
		p.beside = map[string]*positioner{}
	}
	o, ok := p.beside[s.File]
	if !ok {
		if src, err := safefile.Read(s.File, safefile.NoLinks, besideMax); err == nil {
			o = &positioner{src: src, li: rules.NewLineIndex(src)}
		}
		p.beside[s.File] = o
	}
	if o == nil {
		return Position{}
	}
	pos, _ := o.place(s)
	return pos
}

// besideMax bounds a file beside that placeBeside reads, as the front
// ends bound what they read beside a file.
const besideMax = 2 << 20

// position fills each finding's line and column, UTF-16 columns, redacted
// source window and fingerprint, from the file's text. Every text it
// fills or keeps goes through the file's redactor.
func (p *positioner) position(diags []rules.Diagnostic, repoPath string) []Finding {
	if len(diags) == 0 {
		return nil
	}
	src, li, red := p.src, p.li, p.red
	seen := map[string]int{}
	findings := make([]Finding, len(diags))
	for i, d := range diags {
		f := &findings[i]
		f.Diagnostic, f.RepoPath = d, repoPath
		var start int
		f.Pos, start = p.place(f.Span)
		ls := li.LineStart(f.Pos.Line)
		le := ls + len(li.Line(f.Pos.Line))
		ws, we := snippetWindow(src, ls, le, start)
		f.SourceLine = red.Window(ws, we)
		f.SourceColumn, f.SourceCut = ws-ls+1, we < le
		f.Message = red.Scrub(f.Message)
		if len(d.Related) > 0 {
			f.Related = make([]Related, len(d.Related))
			for k, r := range d.Related {
				r.Message = red.Scrub(r.Message)
				f.Related[k].Related = r
				if r.Span.File == f.Span.File {
					f.Related[k].Pos, _ = p.place(r.Span)
				} else { // a file beside a config file (its tfvars, its .env), another file of a Go package
					f.Related[k].Pos = p.placeBeside(r.Span)
				}
			}
			f.Diagnostic.Related = nil
		}
		if f.Fix != nil {
			f.Fix.Message = red.Scrub(f.Fix.Message)
			for k := range f.Fix.Edits {
				f.Fix.Edits[k].New = red.Scrub(f.Fix.Edits[k].New)
			}
		}
		k := f.Rule + "\x00" + f.Key
		f.Fingerprint = Fingerprint(&f.Diagnostic, repoPath, seen[k])
		seen[k]++
	}
	return findings
}

// snippetWindow is the part of the line ls:le shown for a finding at
// start, cut at character boundaries.
func snippetWindow(src []byte, ls, le, start int) (ws, we int) {
	if le-ls <= snippetMax {
		return ls, le
	}
	start = max(ls, min(start, le))
	ws, we = max(ls, start-snippetBefore), min(le, start+snippetAfter)
	for ws < start && !utf8.RuneStart(src[ws]) {
		ws++
	}
	for we > start && we < le && !utf8.RuneStart(src[we]) {
		we--
	}
	return ws, we
}

// readFile reads a file to lint through the guard every file tokenlint
// opens has (safefile): a regular file of at most limit bytes, never
// opened blocking, a larger one not read at all. One read into a buffer
// of the stat'd size, not a growing buffer.
func readFile(name string, links safefile.Links, limit int64) ([]byte, error) {
	f, size, err := safefile.Open(name, links, limit)
	if err == nil {
		defer f.Close()
		var data []byte
		if data, err = safefile.ReadSized(f, getBuffer(int(size+1)), limit); err == nil {
			return data, nil
		}
	}
	if _, ok := errors.AsType[*safefile.TooBigError](err); ok {
		return nil, err
	}
	return nil, errors.New(safefile.Describe(err))
}

// Most files fail the prefilter and are dropped right after reading, so
// their buffers are reused instead of left to the collector. (One pool per
// power-of-two size was tried: the pools are emptied at every collection,
// and the rounded-up buffers cost 3% more bytes on the public trees.)
var buffers sync.Pool

func getBuffer(n int) []byte {
	if b, ok := buffers.Get().(*[]byte); ok && cap(*b) >= n {
		return (*b)[:n]
	}
	return make([]byte, n)
}

func putBuffer(b []byte) {
	if cap(b) <= 1<<20 { // keep large one-off buffers out of the pool
		buffers.Put(&b)
	}
}
