package main

import (
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/tokenlint/tokenlint/analyzer"
	"github.com/tokenlint/tokenlint/internal/golint"
	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/report"
	"github.com/tokenlint/tokenlint/rules"
)

// goLinter runs the analyzer over Go package patterns for the driver.
func goLinter(s golint.Settings) lint.GoLinter {
	return func(patterns []string, opts *rules.Options) ([]lint.FileFindings, []report.FileError, []report.FileError) {
		res := golint.Run(".", patterns, opts, s)
		out := make([]lint.FileFindings, 0, len(res.Files))
		for _, f := range res.Files {
			out = append(out, lint.FileFindings{Path: f.Path, Src: f.Src, Findings: f.Findings, Secrets: f.Secrets})
		}
		return out, fileErrors(res.Errors), fileErrors(res.Notices)
	}
}

func fileErrors(errs []golint.Error) []report.FileError {
	var out []report.FileError
	for _, e := range errs {
		out = append(out, report.FileError{File: e.File, Line: e.Line, Message: e.Message})
	}
	return out
}

// invokedByVet reports whether go vet runs this binary as a -vettool: it
// asks for the version (-V=full), the flags (-flags), or passes one
// unit-config file (*.cfg).
func invokedByVet(args []string) bool {
	if len(args) == 0 {
		return false
	}
	last := args[len(args)-1]
	return args[0] == "-V=full" || args[0] == "-flags" || strings.HasSuffix(last, ".cfg")
}

// vetMain speaks the unitchecker protocol and exits.
func vetMain() { unitchecker.Main(analyzer.Analyzer) }
