// Package report renders a run's findings and errors (a lint.Result): one
// file per output format (text, json, sarif, github, ...). Reporters only
// format; every finding arrives from the driver with its position filled
// and its source line already redacted.
package report

import (
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/rules"
)

// ErrorLine is an input error's line on stderr, with the file name and
// message rendered visibly (see Visible): a file named to look like a
// workflow command or a terminal escape stays text.
func ErrorLine(e lint.FileError) string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", VisiblePath(e.File), e.Line, Visible(e.Message, false))
	}
	return fmt.Sprintf("%s: %s", VisiblePath(e.File), Visible(e.Message, false))
}

// A Writer renders a result.
type Writer func(w io.Writer, r *lint.Result, opts Options) error

// Options tune rendering and describe the run to the formats that
// record the tool (SARIF).
type Options struct {
	Color bool
	// Rules that were enabled; nil means rules.All().
	Rules []*rules.Rule
	// Version of tokenlint.
	Version string
}

var writers = map[string]Writer{}

// register adds a format; each format file calls it from init. Its output
// passes through a Guard in the format's escapes, so no file name, message
// or source line can print a workflow command.
func register(name string, style guardStyle, write Writer) {
	writers[name] = func(w io.Writer, r *lint.Result, opts Options) error {
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
