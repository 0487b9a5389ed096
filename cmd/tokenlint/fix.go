package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/tokenlint/tokenlint/internal/config"
	"github.com/tokenlint/tokenlint/internal/fix"
	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/report"
	"github.com/tokenlint/tokenlint/rules"
)

// sourceSet keeps the text of files with fixable findings, as linted, so
// -fix edits exactly the bytes that were judged, and the catalog they were
// judged with, whose credential names -diff masks by.
type sourceSet struct {
	catalog *rules.Catalog
	mu      sync.Mutex
	files   map[string]keptSource
}

type keptSource struct {
	path    string
	src     []byte
	secrets []rules.Span
}

func newSourceSet(cat *rules.Catalog) *sourceSet {
	return &sourceSet{catalog: cat, files: map[string]keptSource{}}
}

// keep is called by the driver's workers.
func (s *sourceSet) keep(display, path string, src []byte, secrets []rules.Span) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[display] = keptSource{path, src, secrets}
}

func (s *sourceSet) lookup(display string) (string, []byte, []rules.Span) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k, ok := s.files[display]
	if !ok || k.path == "" {
		return "", nil, nil
	}
	return k.path, k.src, k.secrets
}

// applyFixes prints the fixes as a diff (-diff) or writes them (-fix),
// then reports what is left unfixed on stderr. Standard input ("-") is
// never a file to write: -fix prints it, fixed or as it was (stdinText),
// on stdout, as formatters do.
func applyFixes(diffOnly bool, res *lint.Result, sources *sourceSet, stdinText *bytes.Buffer, stdout, stderr io.Writer, failOn rules.Severity) int {
	files := fix.Collect(res.Findings, sources.catalog, sources.lookup)
	applied := map[*rules.Fix]bool{}
	stdinDone := false
	for _, f := range files {
		var done []*rules.Fix
		var err error
		switch {
		case diffOnly:
			// Its lines are the file's: guarded as text output is.
			guard := report.GuardText(stdout)
			err = errors.Join(fix.Diff(guard, f), guard.Flush())
		case f.Path == "-":
			done, err = fix.Print(stdout, f)
			stdinDone = true
		default:
			done, err = fix.Apply(f)
		}
		for _, fx := range done {
			applied[fx] = true
		}
		if err != nil {
			res.Errors = append(res.Errors, lint.FileError{File: f.Name, Message: err.Error()})
		}
		if errors.Is(err, fix.ErrInterrupted) {
			break
		}
	}
	if stdinText != nil && !stdinDone {
		stdout.Write(stdinText.Bytes())
	}
	left := res.Findings[:0:0]
	for _, f := range res.Findings {
		if !applied[f.Fix] || f.Fix == nil {
			left = append(left, f)
		}
	}
	res.Findings = left
	if !diffOnly {
		fmt.Fprintf(stderr, "tokenlint: applied %d fixes; %d findings left\n", len(applied), len(left))
	}
	printErrors(stderr, res, true)
	return status(res, failOn)
}

// cmdInit writes a commented default .tokenlint.toml in the working
// directory, refusing to overwrite one.
func cmdInit(stdout, stderr io.Writer) int {
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "tokenlint: %v\n", err)
		return exitTrouble
	}
	path, err := config.InitFile(wd)
	if err != nil {
		fmt.Fprintf(stderr, "tokenlint: %v\n", err)
		return exitTrouble
	}
	fmt.Fprintf(stdout, "wrote %s\n", path)
	return exitOK
}
