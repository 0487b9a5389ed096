package main

import (
	"encoding/json"
	"go/ast"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/tokenlint/tokenlint/analyzer"
	"github.com/tokenlint/tokenlint/internal/golint"
	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/safefile"
	"github.com/tokenlint/tokenlint/internal/vetunit"
	"github.com/tokenlint/tokenlint/rules"
)

// goLinter runs the analyzer over the Go code the driver found, each
// module loaded from its own directory; nil (no Go analysis) when on is
// false (-go=false).
func goLinter(on bool, s golint.Settings) lint.GoLinter {
	if !on {
		return nil
	}
	return func(req lint.GoRequest, opts *rules.Options) ([]lint.FileDiagnostics, []lint.FileError, []lint.FileError) {
		trees := make([]golint.Tree, 0, len(req.Trees))
		for _, t := range req.Trees {
			trees = append(trees, golint.Tree{Dir: t.Dir, Modules: t.Modules})
		}
		res := golint.RunTargets(golint.Plan(trees, req.Files), opts, s)
		for _, t := range golint.Orphans(trees) {
			res.Notices = append(res.Notices, golint.Error{File: displayDir(t.Dir),
				Message: "the Go files here are in no module (no go.mod) and were not loaded; name a .go file to lint it alone"})
		}
		out := make([]lint.FileDiagnostics, 0, len(res.Files))
		for _, f := range res.Files {
			out = append(out, lint.FileDiagnostics{Path: f.Path, Src: f.Src, Diagnostics: f.Diagnostics, Secrets: f.Secrets})
		}
		return out, fileErrors(res.Errors), fileErrors(append(res.Notices, golint.Unmoduled(trees)...))
	}
}

func fileErrors(errs []golint.Error) []lint.FileError {
	var out []lint.FileError
	for _, e := range errs {
		out = append(out, lint.FileError{File: e.File, Line: e.Line, Message: e.Message})
	}
	return out
}

// displayDir shows a directory relative to the working directory when it
// is below it.
func displayDir(dir string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, dir); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(dir)
}

// invokedByVet reports whether go vet runs this binary as a -vettool: it
// asks for the version (-V=full), the flags (-flags), or passes, last, the
// unit-config file it wrote for one package. A file named *.cfg is linted
// like any other argument unless it is such a config.
func invokedByVet(args []string) bool {
	if len(args) == 0 {
		return false
	}
	last := args[len(args)-1]
	return args[0] == "-V=full" || args[0] == "-flags" || (strings.HasSuffix(last, ".cfg") && isVetConfig(last))
}

// isVetConfig reports whether file is a unitchecker config: a JSON object
// naming the package (ID, ImportPath), its compiler and its Go files, which
// is what go vet writes. Read through a size limit: a .cfg argument may be
// anything.
func isVetConfig(file string) bool {
	// The guarded open: a FIFO named x.cfg must not block the run.
	f, _, err := safefile.Open(file, safefile.FollowLinks, maxVetConfigSize)
	if err != nil {
		return false
	}
	defer f.Close()
	var cfg struct {
		ID, Compiler, ImportPath string
		GoFiles                  []string
	}
	if err := json.NewDecoder(io.LimitReader(f, maxVetConfigSize)).Decode(&cfg); err != nil {
		return false
	}
	return cfg.ID != "" && cfg.ImportPath != "" && cfg.Compiler != "" && cfg.GoFiles != nil
}

// maxVetConfigSize bounds the read of a vet config; go vet's list a
// package's files and import map, far below this.
const maxVetConfigSize = 64 << 20

// vetMain speaks the unitchecker protocol and exits, skipping the units
// (most of a module's dependencies) the analyzer has nothing to do in.
func vetMain() {
	vetunit.Main(analyzer.Analyzer, func(path string, imports, goFiles []string, parse func() ([]*ast.File, error)) bool {
		return analyzer.UnitMatters(analyzer.Unit{Path: path, Imports: imports, GoFiles: goFiles}, parse, nil)
	})
}
