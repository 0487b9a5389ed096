package analyzer

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/tokenlint/tokenlint/rules"
)

const formType = "application/x-www-form-urlencoded"

// goFix is a certain Go-specific fix for a finding the rules left without
// one: a JSON Content-Type on a body that is already a form, and a raw
// secret operand of a hand-built form body wrapped in url.QueryEscape.
func (b *builder) goFix(f rules.Diagnostic) *rules.Fix {
	switch f.Rule {
	case rules.JSONTokenRequest.ID:
		return b.contentTypeFix(f)
	case rules.UnencodedSecret.ID:
		return b.queryEscapeFix(f)
	}
	return nil
}

// contentTypeFix replaces a literal JSON Content-Type with the form type
// when the request's body is already form-encoded.
func (b *builder) contentTypeFix(f rules.Diagnostic) *rules.Fix {
	for _, r := range b.unit.Requests {
		h := r.Header("Content-Type")
		if h == nil || h.Value.Span() != f.Span || r.Body == nil || r.Body.Kind != rules.BodyForm || !verbatim(h.Value) {
			continue
		}
		return &rules.Fix{
			Message: "use " + formType,
			Edits:   []rules.TextEdit{{Span: f.Span, New: formType}},
		}
	}
	return nil
}

// queryEscapeFix wraps a whole string operand (a variable, a call) that
// is inserted raw into a form body in url.QueryEscape, when the file
// imports net/url under its own name.
func (b *builder) queryEscapeFix(f rules.Diagnostic) *rules.Fix {
	e := b.operands[f.Span]
	if e == nil || !isString(b.info.TypeOf(e)) || !strings.HasSuffix(f.Key, ":dynamic") {
		return nil
	}
	if _, isLit := e.(*ast.BasicLit); isLit || !b.importsURL(e) {
		return nil
	}
	start := rules.Span{File: f.Span.File, Start: f.Span.Start, End: f.Span.Start}
	end := rules.Span{File: f.Span.File, Start: f.Span.End, End: f.Span.End}
	return &rules.Fix{
		Message: "encode it with url.QueryEscape",
		Edits:   []rules.TextEdit{{Span: start, New: "url.QueryEscape("}, {Span: end, New: ")"}},
	}
}

// importsURL reports whether, at e, the name url is the net/url package.
func (b *builder) importsURL(e ast.Expr) bool {
	scope := b.pass.Pkg.Scope().Innermost(e.Pos())
	if scope == nil {
		return false
	}
	_, obj := scope.LookupParent("url", e.Pos())
	pn, ok := obj.(*types.PkgName)
	return ok && pn.Imported().Path() == "net/url"
}

// verbatim reports whether v is exactly the file's bytes, so an edit of
// its span is certain.
func verbatim(v rules.Value) bool {
	for _, s := range v.Segs {
		if !s.Verbatim || s.Dynamic {
			return false
		}
	}
	return len(v.Segs) > 0
}
