// Package report renders a run's findings and errors: one file per output
// format (text, json, sarif, github). Reporters only format; every finding
// arrives with its position filled and its source line already redacted.
package report

import (
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/tokenlint/tokenlint/rules"
)

// A FileError is an input the run could not lint.
type FileError struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

// String is the error's line on stderr, with the file name and message
// rendered visibly (see Visible): a file named to look like a workflow
// command or a terminal escape stays text.
func (e FileError) String() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", VisiblePath(e.File), e.Line, Visible(e.Message, false))
	}
	return fmt.Sprintf("%s: %s", VisiblePath(e.File), Visible(e.Message, false))
}

// A Result is everything one run found.
type Result struct {
	Findings []rules.Finding // unsuppressed findings
	// Suppressed findings, shown only where a format records them (SARIF).
	Suppressed []rules.Finding
	Errors     []FileError
	// Skipped inputs (over the size limit, not regular files): notices,
	// not errors.
	Skipped []FileError
	// Files are the config files that were read and judged, with or
	// without findings (JUnit lists each as a test case).
	Files []string
	// Rules that were enabled, for formats that describe them (SARIF).
	Rules []*rules.Rule
	// Version of tokenlint.
	Version string
}

// Sort orders findings by file, line, column, rule, and errors by file and
// line, so output is deterministic.
func (r *Result) Sort() {
	less := func(a, b rules.Finding) bool {
		if a.Span.File != b.Span.File {
			return a.Span.File < b.Span.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Column != b.Pos.Column {
			return a.Pos.Column < b.Pos.Column
		}
		return a.Rule < b.Rule
	}
	sort.SliceStable(r.Findings, func(i, j int) bool { return less(r.Findings[i], r.Findings[j]) })
	sort.SliceStable(r.Suppressed, func(i, j int) bool { return less(r.Suppressed[i], r.Suppressed[j]) })
	sort.SliceStable(r.Errors, func(i, j int) bool {
		if r.Errors[i].File != r.Errors[j].File {
			return r.Errors[i].File < r.Errors[j].File
		}
		return r.Errors[i].Line < r.Errors[j].Line
	})
}

// A Writer renders a result.
type Writer func(w io.Writer, r *Result, opts Options) error

// Options tune rendering.
type Options struct {
	Color bool
}

var writers = map[string]Writer{}

// register adds a format; each format file calls it from init. Its output
// passes through a Guard in the format's escapes, so no file name, message
// or source line can print a workflow command.
func register(name string, style guardStyle, write Writer) {
	writers[name] = func(w io.Writer, r *Result, opts Options) error {
		g := &Guard{w: w, style: style}
		return errors.Join(write(g, r, opts), g.Flush())
	}
}

// Lookup returns the writer of a format, or nil.
func Lookup(name string) Writer { return writers[name] }

// Names lists the formats, sorted.
func Names() []string {
	var out []string
	for n := range writers {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
