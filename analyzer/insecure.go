package analyzer

import (
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/tokenlint/tokenlint/rules"
)

// insecureSpan is where expression e (an *http.Client, a transport, a
// tls.Config) turns TLS verification off: a tls.Config literal with
// InsecureSkipVerify: true inside it, or inside what its variables hold.
func (b *builder) insecureSpan(e ast.Expr, depth int) (rules.Span, bool) {
	if e == nil || depth > maxDepth {
		return rules.Span{}, false
	}
	var found rules.Span
	ok := false
	ast.Inspect(e, func(n ast.Node) bool {
		if ok {
			return false
		}
		switch n := n.(type) {
		case *ast.CompositeLit:
			if pkg, name := namedType(b.info.TypeOf(n)); pkg == "crypto/tls" && name == "Config" {
				if v, has := b.field(n, "InsecureSkipVerify"); has && b.isTrue(v) {
					found, ok = b.span(v), true
					return false
				}
			}
		case *ast.Ident:
			// Variables only: a field's assignments belong to other values.
			if obj, isVar := b.objectOf(n).(*types.Var); isVar && !obj.IsField() {
				if a, single := b.single(obj); single && a.index < 0 {
					found, ok = b.insecureSpan(a.expr, depth+1)
				}
			}
		}
		return true
	})
	return found, ok
}

func (b *builder) isTrue(e ast.Expr) bool {
	tv, ok := b.info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

// clientInsecure is where the *http.Client that receiver expression recv
// names turns TLS verification off; a nil receiver (the package-level
// functions) and http.DefaultClient use http.DefaultTransport.
func (b *builder) clientInsecure(recv ast.Expr) (rules.Span, bool) {
	if recv == nil || b.isDefaultClient(recv) {
		return b.defaultInsecure, b.defaultInsecure.File != ""
	}
	return b.insecureSpan(recv, 0)
}

func (b *builder) isDefaultClient(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	obj := b.info.Uses[sel.Sel]
	return obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == "net/http" && obj.Name() == "DefaultClient"
}

// noteDefaultTransport records
// http.DefaultTransport.(*http.Transport).TLSClientConfig = &tls.Config{InsecureSkipVerify: true},
// which turns verification off for the package-level functions and
// http.DefaultClient.
func (b *builder) noteDefaultTransport(lhs, rhs ast.Expr) {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "TLSClientConfig" {
		return
	}
	root := ast.Unparen(sel.X)
	if ta, ok := root.(*ast.TypeAssertExpr); ok {
		root = ast.Unparen(ta.X)
	}
	rsel, ok := root.(*ast.SelectorExpr)
	if !ok {
		return
	}
	if obj := b.info.Uses[rsel.Sel]; obj == nil || obj.Pkg() == nil || obj.Pkg().Path() != "net/http" || obj.Name() != "DefaultTransport" {
		return
	}
	if sp, ok := b.insecureSpan(rhs, 0); ok {
		b.defaultInsecure = sp
	}
}

// markInsecure flags r as sent without TLS verification when the client
// that sends it has it off.
func (b *builder) markInsecure(r *rules.Request, recv ast.Expr) {
	if r == nil {
		return
	}
	if sp, ok := b.clientInsecure(recv); ok {
		r.MarkInsecure(sp)
	}
}
