package lsp

import (
	"fmt"
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/tokenlint/tokenlint/rules"
)

// hover explains the findings under the cursor: each one's message (as
// masked as every other output), the rule's summary, its fix when it has
// a certain one, and the link to the rule's page.
func (s *Server) hover(_ *glsp.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	res, ok := s.current(p.TextDocument.URI)
	if !ok {
		return nil, nil
	}
	var parts []string
	var at *protocol.Range
	for _, f := range res.findings {
		r := res.lines.rangeOf(f.Span.Start, f.Span.End)
		if !contains(r, p.Position) {
			continue
		}
		if at == nil {
			at = &r
		}
		var b strings.Builder
		fmt.Fprintf(&b, "**tokenlint %s** (%s): %s", f.Rule, f.Severity, f.Message)
		if rule := rules.Lookup(f.Rule); rule != nil && rule.Summary != "" {
			fmt.Fprintf(&b, "\n\n%s.", strings.TrimSuffix(rule.Summary, "."))
		}
		if f.Fix != nil && len(f.Fix.Edits) > 0 {
			fmt.Fprintf(&b, " Quick fix: %s.", f.Fix.Message)
		}
		fmt.Fprintf(&b, " [%s](%s)", f.Rule, DocURL(f.Rule))
		parts = append(parts, b.String())
	}
	if len(parts) == 0 {
		return nil, nil
	}
	return &protocol.Hover{
		Contents: protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: strings.Join(parts, "\n\n---\n\n")},
		Range:    at,
	}, nil
}

// contains reports whether pos is within r, ends included (the cursor
// right after the last character is still on the span).
func contains(r protocol.Range, pos protocol.Position) bool {
	after := func(a, b protocol.Position) bool {
		return a.Line > b.Line || a.Line == b.Line && a.Character >= b.Character
	}
	return after(pos, r.Start) && after(r.End, pos)
}
