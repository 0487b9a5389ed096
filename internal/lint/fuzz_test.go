package lint_test

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/fixtures"
	"github.com/tokenlint/tokenlint/internal/report"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/rules"
)

// pipelineNames are the file names FuzzPipeline writes its input under; the
// name picks the front end as it would in a repository. The input's first
// byte picks an entry, so the order is part of the committed corpus: append,
// never reorder.
var pipelineNames = []string{
	"c.postman_collection.json", "e.postman_environment.json", "insomnia.json", "insomnia.yaml",
	"token.bru", "token.http", ".env", "token.sh", "README.md", ".github/workflows/ci.yml",
	".gitlab-ci.yml", "openapi.yaml", "main.tf", "config.toml", "config.json", "config.yaml",
	"get-token", ".env.example", "token.rest",
}

// FuzzPipeline lints arbitrary bytes as a file of each kind through the
// whole driver (read, prefilter, detect, extract, rules, suppression,
// positions, redaction): no panic, every finding inside the file, every
// error one line.
func FuzzPipeline(f *testing.F) {
	fixtures.Each(f, func(p string, src []byte) {
		f.Add(pipelineKind(filepath.Base(p)), src)
	})
	f.Fuzz(func(t *testing.T, kind byte, src []byte) {
		_, file := writeFuzzInput(t, kind, src)
		res := lint.Run([]string{file}, lint.Options{})
		for _, e := range append(res.Errors, res.Skipped...) {
			if s := report.ErrorLine(e); strings.ContainsAny(s, "\r\n") || strings.Contains(s, "internal error") {
				t.Fatalf("error %q (one line, no recovered panic)", s)
			}
		}
		checkFindings(t, src, append(res.Findings, res.Suppressed...))
	})
}

// writeFuzzInput writes src into a temporary directory under the
// pipelineNames entry that kind picks, and returns the name and the path.
func writeFuzzInput(t *testing.T, kind byte, src []byte) (name, file string) {
	t.Helper()
	name = pipelineNames[int(kind)%len(pipelineNames)]
	file = filepath.Join(t.TempDir(), filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	return name, file
}

// pipelineKind picks the pipelineNames entry with the fixture's extension
// (a shell script for an unknown one).
func pipelineKind(base string) byte {
	for i, n := range pipelineNames {
		if n == base || (path.Ext(n) != "" && path.Ext(n) == path.Ext(base) && !strings.HasPrefix(n, ".")) {
			return byte(i)
		}
	}
	return byte(len(pipelineNames) - 3) // "get-token": a script named without extension
}

// checkFindings asserts every finding lies inside src, with a position on
// one of its lines that agrees with its span.
func checkFindings(t *testing.T, src []byte, findings []lint.Finding) {
	t.Helper()
	lines := bytes.Count(src, []byte("\n")) + 1
	li := rules.NewLineIndex(src)
	for _, f := range findings {
		s, p := f.Span, f.Pos
		switch {
		case s.Start < 0 || s.Start > s.End || s.End > len(src):
			t.Fatalf("%s: span %d..%d outside a %d-byte file", f.Rule, s.Start, s.End, len(src))
		case p.Line < 1 || p.Line > lines || p.EndLine < p.Line || p.EndLine > lines || p.Column < 1 || p.EndColumn < 1:
			t.Fatalf("%s: position %+v outside a %d-line file", f.Rule, p, lines)
		case li.LineStart(p.Line)+p.Column-1 != s.Start:
			t.Fatalf("%s: %d:%d is not byte %d", f.Rule, p.Line, p.Column, s.Start)
		case strings.ContainsAny(f.Message, "\r\n") || strings.ContainsAny(f.SourceLine, "\r\n"):
			t.Fatalf("%s: message or source line is not one line: %q / %q", f.Rule, f.Message, f.SourceLine)
		}
	}
}
