package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/repo"
	"github.com/tokenlint/tokenlint/rules"
)

func init() { register("github", githubGuard, writeGitHub) }

// writeGitHub prints GitHub Actions workflow commands, one per finding and
// per unreadable input, which the runner turns into annotations on the
// pull request:
//
//	::error file=a.http,line=1,endLine=1,col=6,endColumn=25,title=tokenlint token-host::message
func writeGitHub(w io.Writer, r *lint.Result, _ Options) error {
	// Annotations attach to files by their path in the repository.
	for _, f := range r.Findings {
		props := [][2]string{{"file", findingPath(f)}}
		if f.Pos.Line > 0 {
			col, endCol := f.Pos.Column16, f.Pos.EndColumn16
			if col == 0 {
				col, endCol = f.Pos.Column, f.Pos.EndColumn
			}
			props = append(props,
				[2]string{"line", strconv.Itoa(f.Pos.Line)},
				[2]string{"endLine", strconv.Itoa(max(f.Pos.EndLine, f.Pos.Line))},
				[2]string{"col", strconv.Itoa(max(col, 1))},
				[2]string{"endColumn", strconv.Itoa(max(endCol, 1))})
		}
		props = append(props, [2]string{"title", "tokenlint " + f.Rule})
		if err := workflowCommand(w, ghLevel(f.Severity), props, f.Message+" ["+f.Rule+"]"); err != nil {
			return err
		}
	}
	for _, e := range r.Errors {
		props := [][2]string{{"file", repo.Rel(e.File)}}
		if e.Line > 0 {
			props = append(props, [2]string{"line", strconv.Itoa(e.Line)})
		}
		props = append(props, [2]string{"title", "tokenlint could not read this file"})
		if err := workflowCommand(w, "error", props, e.Message); err != nil {
			return err
		}
	}
	return nil
}

// ghLevel is the workflow command for a severity: notes become
// ::notice, which annotates without marking the check as failed.
func ghLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Note:
		return "notice"
	}
	return "warning"
}

// workflowCommand writes ::name k=v,...::data with the escaping of the
// Actions runner (actions/toolkit packages/core/src/command.ts): data
// escapes % CR LF, property values also : and ,.
func workflowCommand(w io.Writer, name string, props [][2]string, data string) error {
	var b strings.Builder
	b.WriteString("::" + name)
	for i, p := range props {
		if i == 0 {
			b.WriteByte(' ')
		} else {
			b.WriteByte(',')
		}
		b.WriteString(p[0] + "=" + escapeProperty(p[1]))
	}
	b.WriteString("::" + escapeData(data) + "\n")
	_, err := fmt.Fprint(w, b.String())
	return err
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
