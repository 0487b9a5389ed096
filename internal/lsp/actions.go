package lsp

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/suppress"
	"github.com/tokenlint/tokenlint/rules"
)

// codeAction offers, for each finding on the lines of the requested range,
// its certain fix as the preferred quickfix and a directive that suppresses
// it, with the reason left for the user to write.
func (s *Server) codeAction(_ *glsp.Context, p *protocol.CodeActionParams) (any, error) {
	actions := []protocol.CodeAction{}
	if !wantsQuickFix(p.Context.Only) {
		return actions, nil
	}
	uri := p.TextDocument.URI
	res, ok := s.current(uri)
	if !ok {
		return actions, nil
	}
	kind := protocol.CodeActionKindQuickFix
	for _, f := range res.findings {
		r := res.lines.rangeOf(f.Span.Start, f.Span.End)
		if r.Start.Line > p.Range.End.Line || r.End.Line < p.Range.Start.Line {
			continue
		}
		diag := res.diagnostic(uri, f)
		if f.Fix != nil && len(f.Fix.Edits) > 0 {
			var edits []protocol.TextEdit
			for _, e := range f.Fix.Edits {
				edits = append(edits, protocol.TextEdit{Range: res.lines.rangeOf(e.Start, e.End), NewText: e.New})
			}
			actions = append(actions, protocol.CodeAction{
				Title:       f.Fix.Message,
				Kind:        &kind,
				Diagnostics: []protocol.Diagnostic{diag},
				IsPreferred: new(true),
				Edit:        &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{uri: edits}},
			})
		}
		if edit, ok := res.removeUnusedEdit(f); ok {
			actions = append(actions, protocol.CodeAction{
				Title:       "Remove the unused " + strings.TrimPrefix(f.Key, "unused ") + " from the directive",
				Kind:        &kind,
				Diagnostics: []protocol.Diagnostic{diag},
				IsPreferred: new(true),
				Edit:        &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{uri: {edit}}},
			})
		}
		if edit, ok := res.suppressEdit(f); ok {
			actions = append(actions, protocol.CodeAction{
				Title:       fmt.Sprintf("Suppress %s here with a reason (%s)", f.Rule, suppress.Directive),
				Kind:        &kind,
				Diagnostics: []protocol.Diagnostic{diag},
				Edit:        &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{uri: {edit}}},
			})
		}
	}
	return actions, nil
}

func wantsQuickFix(only []protocol.CodeActionKind) bool {
	if len(only) == 0 {
		return true
	}
	return slices.ContainsFunc(only, func(k protocol.CodeActionKind) bool {
		return k == protocol.CodeActionKindQuickFix || k == protocol.CodeActionKindEmpty
	})
}

// suppressEdit writes the directive that suppresses finding f: the rule is
// added to a directive already covering the line, or a new directive line
// goes above it in the format's comment syntax, with the line's indent. A
// line continued from the one above (a shell command split with "\") takes
// the directive at its end instead, since a line between would end the
// command. Formats without comments, the directive findings themselves and
// a line that cannot hold a comment get none.
func (r *lintResult) suppressEdit(f lint.Finding) (protocol.TextEdit, bool) {
	if f.Rule == suppress.InvalidIgnore.ID || f.Rule == suppress.UnusedIgnore.ID || rules.Lookup(f.Rule) == nil {
		return protocol.TextEdit{}, false
	}
	if r.format == nil || len(r.format.Comments) == 0 || jsonName(r.name) {
		return protocol.TextEdit{}, false
	}
	n := int(r.lines.position(f.Span.Start).Line)
	line := r.lines.line(n)
	if n > 0 {
		if at, ok := directiveIDsEnd(r.lines.line(n - 1)); ok {
			pos := r.lines.position(r.lines.lineStart(n-1) + at)
			return protocol.TextEdit{Range: protocol.Range{Start: pos, End: pos}, NewText: "," + f.Rule}, true
		}
	}
	if at, ok := directiveIDsEnd(line); ok {
		pos := r.lines.position(r.lines.lineStart(n) + at)
		return protocol.TextEdit{Range: protocol.Range{Start: pos, End: pos}, NewText: "," + f.Rule}, true
	}
	open, closing := r.commentSyntax(n)
	directive := open + " " + suppress.Directive + " " + f.Rule + " -- " + closing
	continued := n > 0 && strings.HasSuffix(strings.TrimRight(r.lines.line(n-1), " \t"), `\`)
	if continued || (n == 0 && strings.HasPrefix(line, "#!")) {
		if strings.HasSuffix(strings.TrimRight(line, " \t"), `\`) || closing != "" {
			return protocol.TextEdit{}, false
		}
		end := r.lines.position(r.lines.lineEnd(n))
		return protocol.TextEdit{Range: protocol.Range{Start: end, End: end}, NewText: " " + directive}, true
	}
	indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
	eol := "\n"
	if end := r.lines.lineEnd(n); end < len(r.text) && r.text[end] == '\r' {
		eol = "\r\n"
	}
	start := protocol.Position{Line: uint32(n)}
	return protocol.TextEdit{Range: protocol.Range{Start: start, End: start}, NewText: indent + directive + eol}, true
}

// jsonName: JSON files (Postman, Insomnia exports) have no comment a
// directive could stand in.
func jsonName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".json" || ext == ".jsonc"
}

// directiveIDsEnd finds a well-formed tokenlint:ignore directive on a line
// and the offset just after its list of rule IDs, where another ID goes.
func directiveIDsEnd(line string) (int, bool) {
	i := strings.Index(line, suppress.Directive)
	if i < 0 {
		return 0, false
	}
	body := line[i+len(suppress.Directive):]
	ids, _, ok := strings.Cut(body, "--")
	if !ok || strings.TrimSpace(ids) == "" || (ids[0] != ' ' && ids[0] != '\t') {
		return 0, false
	}
	return i + len(suppress.Directive) + len(strings.TrimRight(ids, " \t")), true
}

// commentSyntax is the comment that opens (and, for HTML comments, closes)
// a directive on 0-based line n. In Markdown a line inside a fenced code
// block takes the comment syntax of the block's language.
func (r *lintResult) commentSyntax(n int) (open, closing string) {
	markers := r.format.Comments
	if !slices.Contains(markers, "<!--") {
		return markers[0], ""
	}
	fence, lang := "", ""
	for i := range n {
		t := strings.TrimLeft(r.lines.line(i), " ")
		switch {
		case fence == "" && (strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")):
			fence = t[:3]
			lang = strings.ToLower(strings.TrimSpace(strings.TrimLeft(t, fence[:1])))
		case fence != "" && strings.HasPrefix(t, fence) && strings.TrimSpace(strings.TrimLeft(t, fence[:1])) == "":
			fence, lang = "", ""
		}
	}
	switch {
	case fence == "":
		return "<!--", " -->"
	case lang == "json" || lang == "jsonc" || lang == "js" || lang == "javascript" || lang == "go":
		return "//", ""
	}
	return "#", ""
}

// removeUnusedEdit deletes what an unused-ignore finding reports: the rule
// from the directive's list, or the whole directive when it names only that
// rule (the whole line when the comment stands alone on it).
func (r *lintResult) removeUnusedEdit(f lint.Finding) (protocol.TextEdit, bool) {
	id, ok := strings.CutPrefix(f.Key, "unused ")
	if f.Rule != suppress.UnusedIgnore.ID || !ok {
		return protocol.TextEdit{}, false
	}
	n := int(r.lines.position(f.Span.Start).Line)
	line, start := r.lines.line(n), r.lines.lineStart(n)
	at := strings.Index(line, suppress.Directive)
	idsEnd, ok := directiveIDsEnd(line)
	if at < 0 || !ok {
		return protocol.TextEdit{}, false
	}
	idsStart := at + len(suppress.Directive)
	ids := strings.Split(line[idsStart:idsEnd], ",")
	if len(ids) > 1 {
		var kept []string
		for _, x := range ids {
			if strings.TrimSpace(x) != id {
				kept = append(kept, strings.TrimSpace(x))
			}
		}
		if len(kept) == len(ids) {
			return protocol.TextEdit{}, false
		}
		return protocol.TextEdit{Range: r.lines.rangeOf(start+idsStart, start+idsEnd), NewText: " " + strings.Join(kept, ",")}, true
	}
	// The comment that holds the directive starts at its marker.
	open, _ := r.commentSyntax(n)
	before := strings.TrimRight(line[:at], " \t")
	if !strings.HasSuffix(before, open) {
		return protocol.TextEdit{}, false
	}
	code := strings.TrimRight(strings.TrimSuffix(before, open), " \t")
	if code == "" {
		// The line is the comment: delete it with its line ending.
		end := r.lines.lineStart(n + 1)
		if n+1 >= r.lines.count() {
			end = len(r.text)
		}
		return protocol.TextEdit{Range: r.lines.rangeOf(start, end), NewText: ""}, true
	}
	return protocol.TextEdit{Range: r.lines.rangeOf(start+len(code), r.lines.lineEnd(n)), NewText: ""}, true
}
