// Package golint runs the Go analyzer over package patterns for
// `tokenlint ./...`: it loads the packages with golang.org/x/tools/go/packages
// (as go vet sees them: each package with its tests), runs the analyzer
// with golang.org/x/tools/go/analysis/checker, and returns the findings by
// file with the secrets to redact, for the driver to position and render.
package golint

import (
	"cmp"
	"fmt"
	"go/build"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/tokenlint/tokenlint/analyzer"
	"github.com/tokenlint/tokenlint/internal/safefile"
	"github.com/tokenlint/tokenlint/rules"
)

// A File is one Go file with diagnostics.
type File struct {
	Path        string // absolute, as go/packages gives it
	Src         []byte
	Diagnostics []rules.Diagnostic
	// Secrets are the spans of the file to redact in any output.
	Secrets []rules.Span
}

// An Error is a package that could not be loaded or type-checked, one
// line each.
type Error struct {
	File    string
	Line    int
	Message string
}

// loadMode is what the analyzer needs: syntax and types of the packages
// themselves; dependencies come from export data, as for go vet.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedTypes | packages.NeedTypesSizes |
	packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule

// Settings tune how packages are loaded.
type Settings struct {
	// Download lets the go command fetch missing modules and switch
	// toolchains as go.mod asks (GOPROXY and GOTOOLCHAIN as the user's
	// environment sets them); cgo stays off.
	Download bool
}

// A Result is what one Run found: files with findings, errors (a package
// that could not be loaded, exit status 2) and notices (a file that was
// not analysed, said once on stderr).
type Result struct {
	Files   []File
	Errors  []Error
	Notices []Error
}

// Env is the environment the go command runs in when tokenlint loads
// packages: base (the process environment) with the limits of the package
// doc. Later entries win in os/exec, so appending overrides the user's.
func (s Settings) Env(base []string) []string {
	env := append([]string{}, base...)
	env = append(env, "CGO_ENABLED=0", "GOFLAGS="+withoutModMod(lookupEnv(base, "GOFLAGS")))
	if !s.Download {
		env = append(env, "GOPROXY=off", "GOTOOLCHAIN=local")
	}
	return env
}

// lookupEnv is the last value of key in env, as os/exec would pass it.
func lookupEnv(env []string, key string) string {
	v := ""
	for _, kv := range env {
		if k, val, ok := strings.Cut(kv, "="); ok && k == key {
			v = val
		}
	}
	return v
}

// withoutModMod drops -mod=mod from GOFLAGS: it lets the go command
// rewrite go.mod and go.sum in the scanned tree. The default (readonly,
// or vendor when the module vendors) reads them only.
func withoutModMod(goflags string) string {
	var kept []string
	for f := range strings.FieldsSeq(goflags) {
		if f != "-mod=mod" && f != "--mod=mod" {
			kept = append(kept, f)
		}
	}
	return strings.Join(kept, " ")
}

// Run loads the packages that patterns name, relative to dir, and lints
// them with opts. Files come back sorted by path, findings in source order.
func Run(dir string, patterns []string, opts *rules.Options, s Settings) Result {
	return RunTargets([]Target{{Dir: dir, Patterns: patterns}}, opts, s)
}

// RunTargets runs each load of a Plan, one after the other (each load
// already uses every core), and merges their results, files in path order.
func RunTargets(targets []Target, opts *rules.Options, s Settings) Result {
	var r Result
	for _, t := range targets {
		files, errs, notices := run(t, opts, s)
		r.Files = append(r.Files, files...)
		r.Errors = append(r.Errors, errs...)
		r.Notices = append(r.Notices, notices...)
	}
	sort.SliceStable(r.Files, func(i, j int) bool { return r.Files[i].Path < r.Files[j].Path })
	r.Errors, r.Notices = dedupeErrors(r.Errors), dedupeErrors(r.Notices)
	return r
}

func run(t Target, opts *rules.Options, s Settings) ([]File, []Error, []Error) {
	dir, patterns := t.Dir, t.Patterns
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	// The target's own settings (GOWORK=off for a module its go.work does
	// not use) come last, so they win.
	cfg := &packages.Config{Mode: loadMode, Dir: dir, Tests: true, Env: append(s.Env(os.Environ()), t.Env...)}
	var m errorMaker
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, []Error{m.at("", dir, dir, err.Error())}, nil
	}
	// Facts come only from packages being analysed. When the patterns
	// name part of a module, the module's packages they import are loaded
	// too, for their facts alone, as go vet analyses every dependency.
	var deps map[string]bool
	if importsUnloadedModulePackage(pkgs) {
		if deps = moduleDeps(cfg, patterns, pkgs); len(deps) > 0 {
			all := append(slices.Clone(patterns), slices.Sorted(maps.Keys(deps))...)
			if again, err := packages.Load(cfg, all...); err == nil {
				pkgs = again
			} else {
				deps = nil
			}
		}
	}
	pkgs = vetVariants(pkgs, deps)
	var errs []Error
	var ok []*packages.Package
	for _, p := range pkgs {
		if len(p.Errors) > 0 && deps[p.PkgPath] {
			// A dependency's errors are its own; the package that imports
			// it reports what reaches it.
			if partlyTyped(p) {
				ok = append(ok, p)
			}
			continue
		}
		if len(p.Errors) > 0 {
			pe := m.loadErrors(p)
			if !partlyTyped(p) {
				errs = append(errs, pe...)
				continue
			}
			for i := range pe {
				pe[i].Message += " (the rest of the package is analysed)"
			}
			errs = append(errs, pe...)
		}
		ok = append(ok, p)
	}
	notices := m.cgoNotices(pkgs)
	if len(ok) == 0 {
		return nil, errs, notices
	}
	onlyRoots(ok)
	a := analyzer.New(opts)
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, ok, nil)
	if err != nil {
		return nil, append(errs, m.at("", dir, dir, err.Error())), notices
	}
	byFile := map[string]*File{}
	seen := map[string]bool{}
	var secrets []rules.Span
	for _, act := range graph.Roots {
		if deps[act.Package.PkgPath] {
			continue // analysed for its facts only
		}
		if act.Err != nil {
			errs = append(errs, m.at("", act.Package.Dir, cmp.Or(act.Package.Dir, act.Package.PkgPath), act.Err.Error()))
			continue
		}
		res, _ := act.Result.(*analyzer.Result)
		if res == nil {
			continue
		}
		secrets = append(secrets, res.Secrets...)
		for _, f := range res.Diagnostics {
			// A file of a package with tests is seen twice (the package
			// and its test variant): keep one copy of each finding.
			key := fmt.Sprintf("%s\x00%d\x00%d\x00%s\x00%s", f.Span.File, f.Span.Start, f.Span.End, f.Rule, f.Message)
			if seen[key] {
				continue
			}
			seen[key] = true
			file := byFile[f.Span.File]
			if file == nil {
				file = &File{Path: f.Span.File}
				byFile[f.Span.File] = file
			}
			file.Diagnostics = append(file.Diagnostics, f)
		}
	}
	var files []File
	for path, f := range byFile {
		src, err := os.ReadFile(path)
		if err != nil {
			errs = append(errs, m.at(path, "", "", err.Error()))
			continue
		}
		f.Src = src
		for _, s := range secrets {
			if s.File == path {
				f.Secrets = append(f.Secrets, s)
			}
		}
		sort.SliceStable(f.Diagnostics, func(i, j int) bool { return f.Diagnostics[i].Span.Start < f.Diagnostics[j].Span.Start })
		files = append(files, *f)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, errs, notices
}

// partlyTyped reports whether a package with errors was still parsed
// and type-checked: one missing import (an SDK version the module cache
// lacks) must not hide the rest of the package, which the analyzer reads
// as far as it type-checks; the errors name what did not.
func partlyTyped(p *packages.Package) bool {
	return p.Types != nil && p.TypesInfo != nil && len(p.Syntax) > 0 && len(p.Syntax) == len(p.CompiledGoFiles)
}

// onlyRoots cuts each package's imports down to the packages being
// analysed (those linted and their modules' packages loaded for facts).
// The analyzer's facts (helpers' results across packages) then flow
// between these packages only, and the checker does not run it on other
// dependencies, which are loaded from export data without syntax.
func onlyRoots(pkgs []*packages.Package) {
	root := map[*packages.Package]bool{}
	for _, p := range pkgs {
		root[p] = true
	}
	for _, p := range pkgs {
		kept := map[string]*packages.Package{}
		for path, imp := range p.Imports {
			if root[imp] {
				kept[path] = imp
			}
		}
		p.Imports = kept
	}
}

// importsUnloadedModulePackage reports whether a root imports a package
// of its own module that was not loaded with syntax, so gives no facts.
func importsUnloadedModulePackage(pkgs []*packages.Package) bool {
	loaded := map[string]bool{}
	for _, p := range pkgs {
		loaded[p.PkgPath] = true
	}
	for _, p := range pkgs {
		if p.Module == nil {
			continue
		}
		for path := range p.Imports {
			if !loaded[path] && inModule(path, p.Module.Path) {
				return true
			}
		}
	}
	return false
}

// moduleDeps are the packages of the roots' modules that the roots import,
// directly or not, and that the patterns do not name: one go list of the
// import graph, without syntax or types.
func moduleDeps(cfg *packages.Config, patterns []string, roots []*packages.Package) map[string]bool {
	graph := *cfg
	graph.Mode = packages.NeedName | packages.NeedImports | packages.NeedDeps | packages.NeedModule
	pkgs, err := packages.Load(&graph, patterns...)
	if err != nil {
		return nil
	}
	named := map[string]bool{}
	mods := map[string]bool{}
	for _, p := range roots {
		named[p.PkgPath] = true
		if p.Module != nil {
			mods[p.Module.Path] = true
		}
	}
	deps := map[string]bool{}
	packages.Visit(pkgs, func(p *packages.Package) bool {
		if p.Module == nil || !mods[p.Module.Path] {
			return false // another module's packages give no facts here
		}
		if !named[p.PkgPath] && p.ForTest == "" && !strings.HasSuffix(p.PkgPath, ".test") {
			deps[p.PkgPath] = true
		}
		return true
	}, nil)
	return deps
}

// inModule reports whether the import path is a package of module mod.
func inModule(path, mod string) bool {
	return path == mod || strings.HasPrefix(path, mod+"/")
}

// vetVariants keeps the packages go vet would check: a package with
// tests as its test variant (its files plus the _test.go files), the
// external test package, never the generated test main. A dependency
// loaded for its facts (deps) is kept as the roots import it, without
// its tests.
func vetVariants(pkgs []*packages.Package, deps map[string]bool) []*packages.Package {
	hasTestVariant := map[string]bool{}
	for _, p := range pkgs {
		if p.ForTest != "" && p.PkgPath == p.ForTest {
			hasTestVariant[p.PkgPath] = true
		}
	}
	var out []*packages.Package
	for _, p := range pkgs {
		switch {
		case p.Name == "main" && strings.HasSuffix(p.PkgPath, ".test") && p.ForTest == "":
			continue // the generated test main
		case deps[p.PkgPath] && p.ForTest != "", deps[strings.TrimSuffix(p.PkgPath, "_test")] && p.ForTest != "":
			continue // a dependency's tests
		case p.ForTest == "" && hasTestVariant[p.PkgPath] && !deps[p.PkgPath]:
			continue // checked as its test variant
		}
		out = append(out, p)
	}
	return out
}

// loadErrors turns a package's errors into one-line errors with a file and
// line where go/packages or the message gives a position. Imports that
// failed because their module is not in the module cache become one error
// at the go.mod line that requires the module, saying how to fetch it. The
// compiler's report ("# pkg" and its errors) repeats the parse and type
// errors when there are any, and is left out then.
func (m *errorMaker) loadErrors(p *packages.Package) []Error {
	if missing := m.missingModules(p); len(missing) > 0 {
		return missing
	}
	checked := slices.ContainsFunc(p.Errors, func(e packages.Error) bool {
		return e.Kind == packages.ParseError || e.Kind == packages.TypeError
	})
	var out []Error
	for _, e := range p.Errors {
		if checked && e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ") {
			continue
		}
		out = append(out, m.at(e.Pos, p.Dir, cmp.Or(p.Dir, p.PkgPath, p.ID), e.Msg))
	}
	return out
}

// missingModules names the modules whose packages p imports but the go
// command could not find without downloading them.
func (m *errorMaker) missingModules(p *packages.Package) []Error {
	var imports []string
	for path, ip := range p.Imports {
		for _, e := range ip.Errors {
			if strings.Contains(e.Msg, "GOPROXY=off") || strings.Contains(e.Msg, "GOFLAGS=-mod=mod") {
				imports = append(imports, path)
				break
			}
		}
	}
	if len(imports) == 0 || p.Module == nil || p.Module.GoMod == "" {
		return nil
	}
	sort.Strings(imports)
	requires := moduleRequires(p.Module.GoMod)
	var out []Error
	for _, imp := range imports {
		mod, line := imp, 0
		for _, r := range requires {
			if (imp == r.Path || strings.HasPrefix(imp, r.Path+"/")) && len(r.Path) <= len(mod) {
				mod, line = r.Path+"@"+r.Version, r.Line
			}
		}
		out = append(out, m.at(fmt.Sprintf("%s:%d", p.Module.GoMod, line), "", "", fmt.Sprintf(
			"module %s (imported as %s) is not in the module cache; tokenlint does not download modules: run `go mod download` in %s, or pass -go-download",
			mod, imp, filepath.Dir(p.Module.GoMod))))
	}
	return out
}

// maxModFile bounds the go.mod and go.work files read here.
const maxModFile = 16 << 20

// moduleRequires reads the requirements of a go.mod, through the guard
// every file tokenlint reads has.
func moduleRequires(gomod string) []modfileRequire {
	data, err := safefile.Read(gomod, safefile.FollowLinks, maxModFile)
	if err != nil {
		return nil
	}
	f, err := modfile.ParseLax(gomod, data, nil)
	if err != nil {
		return nil
	}
	var out []modfileRequire
	for _, r := range f.Require {
		line := 0
		if r.Syntax != nil {
			line = r.Syntax.Start.Line
		}
		out = append(out, modfileRequire{r.Mod.Path, r.Mod.Version, line})
	}
	return out
}

type modfileRequire struct {
	Path, Version string
	Line          int // in the go.mod, 0 if unknown
}

// cgoNotices names the cgo files that CGO_ENABLED=0 left out of their
// packages: their Go code is not analysed, and saying so keeps a clean
// result from meaning more than it does.
func (m *errorMaker) cgoNotices(pkgs []*packages.Package) []Error {
	var out []Error
	seen := map[string]bool{}
	fset := token.NewFileSet()
	// A file that the build would include with cgo on: left out for cgo,
	// not for a GOOS or a build tag.
	withCgo := build.Default
	withCgo.CgoEnabled = true
	for _, p := range pkgs {
		for _, name := range p.IgnoredFiles {
			if seen[name] || !strings.HasSuffix(name, ".go") {
				continue
			}
			seen[name] = true
			if ok, err := withCgo.MatchFile(filepath.Dir(name), filepath.Base(name)); err != nil || !ok {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
			if err != nil {
				continue
			}
			for _, imp := range f.Imports {
				if imp.Path.Value == `"C"` {
					out = append(out, m.at(name, "", "", "not analysed: a cgo file, and tokenlint loads Go with CGO_ENABLED=0 so that no C compiler or pkg-config runs"))
					break
				}
			}
		}
	}
	return out
}
