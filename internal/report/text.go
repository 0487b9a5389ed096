package report

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/fatih/color"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/rules"
)

func init() { register("text", textGuard, writeText) }

// writeText prints each finding as
//
//	file:line:col: severity: message [rule-id]
//	   |
//	 3 |   -H "Content-Type: application/json" \
//	   |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
//
// in the style of actionlint and compilers, so editors can jump to it.
func writeText(w io.Writer, r *lint.Result, opts Options) error {
	p := newPalette(opts.Color)
	for _, f := range r.Findings {
		sev := p.warning
		switch f.Severity {
		case rules.Error:
			sev = p.error
		case rules.Note:
			sev = p.note
		}
		if _, err := fmt.Fprintf(w, "%s: %s: %s %s\n",
			p.pos(fmt.Sprintf("%s:%d:%d", VisiblePath(f.Span.File), f.Pos.Line, f.Pos.Column)),
			sev(f.Severity.String()), Visible(f.Message, false), p.rule("["+f.Rule+"]")); err != nil {
			return err
		}
		if f.SourceLine != "" || f.Pos.Line > 0 {
			if _, err := io.WriteString(w, snippet(f, p)); err != nil {
				return err
			}
		}
		for _, rel := range f.Related {
			if _, err := fmt.Fprintf(w, "  %s %s\n", p.pos(relatedPlace(rel)+":"), Visible(rel.Message, false)); err != nil {
				return err
			}
		}
	}
	return nil
}

// relatedPlace is where a related place is, as file:line:col when the
// driver positioned it.
func relatedPlace(r lint.Related) string {
	if r.Pos.Line == 0 {
		return VisiblePath(r.Span.File)
	}
	return fmt.Sprintf("%s:%d:%d", VisiblePath(r.Span.File), r.Pos.Line, r.Pos.Column)
}

// snippet is the source line (or its window around the finding, with
// "…" where it is cut) with an underline under the span's part on that
// line. Control characters are shown escaped; the padding copies the
// line's tabs so the caret lines up.
func snippet(f lint.Finding, p palette) string {
	line := strings.TrimRight(f.SourceLine, "\r")
	num := strconv.Itoa(f.Pos.Line)
	gutter := strings.Repeat(" ", len(num))
	from := max(f.SourceColumn, 1)
	start := min(max(f.Pos.Column-from, 0), len(line))
	end := len(line)
	if f.Pos.EndLine == f.Pos.Line {
		end = min(max(f.Pos.EndColumn-from, start), len(line))
	}
	before, span, after := Visible(line[:start], true), Visible(line[start:end], true), Visible(line[end:], true)
	if from > 1 {
		before = "…" + before
	}
	if f.SourceCut {
		after += "…"
	}
	var pad strings.Builder
	for _, c := range before {
		if c == '\t' {
			pad.WriteByte('\t')
		} else {
			pad.WriteByte(' ')
		}
	}
	width := max(utf8.RuneCountInString(span), 1)
	mark := "^" + strings.Repeat("~", width-1)
	return fmt.Sprintf("%s |\n%s | %s%s%s\n%s | %s%s\n", gutter, num, before, span, after, gutter, pad.String(), p.mark(mark))
}

type palette struct {
	pos, rule, mark, error, warning, note func(a ...any) string
}

func newPalette(on bool) palette {
	mk := func(attrs ...color.Attribute) func(a ...any) string {
		c := color.New(attrs...)
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c.SprintFunc()
	}
	return palette{
		pos:     mk(color.Bold),
		rule:    mk(color.FgHiBlack),
		mark:    mk(color.FgGreen),
		error:   mk(color.FgRed, color.Bold),
		warning: mk(color.FgYellow, color.Bold),
		note:    mk(color.FgCyan, color.Bold),
	}
}

// Summary is the last line of a text run, for stderr:
// "3 errors, 1 warning in 2 files"; "" when nothing was found.
func Summary(r *lint.Result) string {
	if len(r.Findings) == 0 {
		return ""
	}
	count := map[rules.Severity]int{}
	files := map[string]bool{}
	var levels []rules.Severity
	for _, f := range r.Findings {
		if count[f.Severity] == 0 {
			levels = append(levels, f.Severity)
		}
		count[f.Severity]++
		files[f.Span.File] = true
	}
	sort.Slice(levels, func(i, j int) bool { return levels[i] > levels[j] })
	var parts []string
	for _, l := range levels {
		parts = append(parts, plural(count[l], l.String()))
	}
	return strings.Join(parts, ", ") + " in " + plural(len(files), "file")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
