// Package golint runs the Go analyzer over package patterns for
// `tokenlint ./...`: it loads the packages with golang.org/x/tools/go/packages
// (as go vet sees them: each package with its tests), runs the analyzer
// with golang.org/x/tools/go/analysis/checker, and returns the findings by
// file with the secrets to redact, for the driver to position and render.
package golint

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/tokenlint/tokenlint/analyzer"
	"github.com/tokenlint/tokenlint/rules"
)

// A File is one Go file with findings.
type File struct {
	Path     string // absolute, as go/packages gives it
	Src      []byte
	Findings []rules.Finding
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

// Run loads the packages that patterns name, relative to dir, and lints
// them with opts. Files come back sorted by path, findings in source order.
func Run(dir string, patterns []string, opts *rules.Options) ([]File, []Error) {
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	cfg := &packages.Config{Mode: loadMode, Dir: dir, Tests: true}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, []Error{{File: dir, Message: err.Error()}}
	}
	pkgs = vetVariants(pkgs)
	var errs []Error
	var ok []*packages.Package
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			errs = append(errs, loadErrors(p)...)
			continue
		}
		ok = append(ok, p)
	}
	if len(ok) == 0 {
		return nil, dedupeErrors(errs)
	}
	a := analyzer.New(opts)
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, ok, nil)
	if err != nil {
		return nil, append(errs, Error{File: dir, Message: err.Error()})
	}
	byFile := map[string]*File{}
	seen := map[string]bool{}
	var secrets []rules.Span
	for _, act := range graph.Roots {
		if act.Err != nil {
			errs = append(errs, Error{File: act.Package.PkgPath, Message: act.Err.Error()})
			continue
		}
		res, _ := act.Result.(*analyzer.Result)
		if res == nil {
			continue
		}
		secrets = append(secrets, res.Secrets...)
		for _, f := range res.Findings {
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
			file.Findings = append(file.Findings, f)
		}
	}
	var files []File
	for path, f := range byFile {
		src, err := os.ReadFile(path)
		if err != nil {
			errs = append(errs, Error{File: path, Message: err.Error()})
			continue
		}
		f.Src = src
		for _, s := range secrets {
			if s.File == path {
				f.Secrets = append(f.Secrets, s)
			}
		}
		sort.SliceStable(f.Findings, func(i, j int) bool { return f.Findings[i].Span.Start < f.Findings[j].Span.Start })
		files = append(files, *f)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, dedupeErrors(errs)
}

// vetVariants keeps the packages go vet would check: a package with
// tests as its test variant (its files plus the _test.go files), the
// external test package, never the generated test main.
func vetVariants(pkgs []*packages.Package) []*packages.Package {
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
		case p.ForTest == "" && hasTestVariant[p.PkgPath]:
			continue // checked as its test variant
		}
		out = append(out, p)
	}
	return out
}

// loadErrors turns a package's errors into one-line errors with a file and
// line where go/packages gives a position ("file:line:col").
func loadErrors(p *packages.Package) []Error {
	var out []Error
	for _, e := range p.Errors {
		file, line := splitPos(e.Pos)
		if file == "" {
			file = p.PkgPath
			if p.PkgPath == "" {
				file = p.ID
			}
		}
		out = append(out, Error{File: file, Line: line, Message: e.Msg})
	}
	return out
}

// splitPos reads "file:line:col" or "file:line" (file may contain colons).
func splitPos(pos string) (string, int) {
	if pos == "" || pos == "-" {
		return "", 0
	}
	rest := pos
	if i := strings.LastIndexByte(rest, ':'); i > 0 {
		if _, err := strconv.Atoi(rest[i+1:]); err == nil {
			head := rest[:i]
			if j := strings.LastIndexByte(head, ':'); j > 0 {
				if n, err := strconv.Atoi(head[j+1:]); err == nil {
					return head[:j], n
				}
			}
			n, _ := strconv.Atoi(rest[i+1:])
			return head, n
		}
	}
	return pos, 0
}

func dedupeErrors(errs []Error) []Error {
	seen := map[Error]bool{}
	var out []Error
	for _, e := range errs {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}
