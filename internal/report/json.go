package report

import (
	"encoding/json"
	"io"

	"github.com/tokenlint/tokenlint/internal/lint"
)

func init() { register("json", jsonGuard, writeJSON) }

type jsonFinding struct {
	Rule        string        `json:"rule"`
	Severity    string        `json:"severity"`
	Message     string        `json:"message"`
	File        string        `json:"file"`
	Line        int           `json:"line"`
	Column      int           `json:"column"`
	EndLine     int           `json:"end_line"`
	EndColumn   int           `json:"end_column"`
	Fingerprint string        `json:"fingerprint"`
	Fix         *jsonFix      `json:"fix,omitempty"`
	Related     []jsonRelated `json:"related,omitempty"`
}

type jsonRelated struct {
	Message string `json:"message"`
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	File  string `json:"file"`
	Start int    `json:"start"` // byte offsets
	End   int    `json:"end"`
	New   string `json:"new"`
}

type jsonError struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

type jsonOutput struct {
	Findings []jsonFinding `json:"findings"`
	Errors   []jsonError   `json:"errors"`
}

// writeJSON prints {"findings":[...],"errors":[...]}, findings sorted by
// file, line and column; both lists are present even when empty.
func writeJSON(w io.Writer, r *lint.Result, _ Options) error {
	out := jsonOutput{Findings: []jsonFinding{}, Errors: []jsonError{}}
	for _, f := range r.Findings {
		jf := jsonFinding{
			Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message,
			File: f.Span.File, Line: f.Pos.Line, Column: f.Pos.Column,
			EndLine: f.Pos.EndLine, EndColumn: f.Pos.EndColumn, Fingerprint: f.Fingerprint,
		}
		for _, rel := range f.Related {
			jf.Related = append(jf.Related, jsonRelated{Message: rel.Message, File: rel.Span.File, Line: rel.Pos.Line, Column: rel.Pos.Column})
		}
		if f.Fix != nil {
			jf.Fix = &jsonFix{Message: f.Fix.Message}
			for _, e := range f.Fix.Edits {
				jf.Fix.Edits = append(jf.Fix.Edits, jsonEdit{File: f.Span.File, Start: e.Start, End: e.End, New: e.New})
			}
		}
		out.Findings = append(out.Findings, jf)
	}
	for _, e := range r.Errors {
		out.Errors = append(out.Errors, jsonError(e))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
