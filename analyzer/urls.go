package analyzer

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/tokenlint/tokenlint/rules"
)

// urlValue is the text of a URL expression: a string, a url.URL or a
// *url.URL, built by url.Parse, a url.URL literal, JoinPath or
// ResolveReference.
func (b *builder) urlValue(e ast.Expr, depth int) rules.Value {
	e = ast.Unparen(e)
	if depth > maxDepth {
		return b.dyn(e)
	}
	if isString(b.info.TypeOf(e)) {
		return b.strDepth(e, depth+1)
	}
	switch x := e.(type) {
	case *ast.UnaryExpr:
		return b.urlValue(x.X, depth+1)
	case *ast.StarExpr:
		return b.urlValue(x.X, depth+1)
	case *ast.CompositeLit:
		if isURLType(b.info.TypeOf(x)) {
			return b.urlLiteral(x, depth)
		}
	case *ast.Ident, *ast.SelectorExpr:
		if id, ok := e.(*ast.Ident); ok {
			if v, ok := b.info.Uses[id].(*types.Var); ok && b.params[v] != (param{}) {
				if out, ok := b.paramValue(id, v, depth, b.urlValue); ok {
					return out
				}
				return b.dyn(e)
			}
		}
		if def, ok := b.definition(e); ok {
			v := b.resultValue(def, depth+1, b.urlValue)
			if obj := b.objectOf(e); obj != nil && b.useCount(obj) > 1 {
				v = shared(v)
			}
			return b.local(v, e)
		}
	case *ast.CallExpr:
		if v, ok := b.urlCall(x, depth); ok {
			return v
		}
	}
	return b.dyn(e)
}

// resultValue is the value of an assignment's right-hand side: for the
// first result of a call that also returns an error (url.Parse,
// url.JoinPath, a helper), the value that call yields.
func (b *builder) resultValue(a assignment, depth int, eval func(ast.Expr, int) rules.Value) rules.Value {
	if a.index <= 0 {
		return eval(a.expr, depth)
	}
	return b.dyn(a.expr)
}

// definition is the one expression a variable or field holds, when the
// package assigns it exactly once (result 0 of a multi-value call
// counts: u, err := url.Parse(s)).
func (b *builder) definition(e ast.Expr) (assignment, bool) {
	obj, ok := b.objectOf(e).(*types.Var)
	if !ok {
		return assignment{}, false
	}
	a, ok := b.single(obj)
	if !ok || a.index > 0 {
		return assignment{}, false
	}
	return a, true
}

// urlCall is the URL a call builds.
func (b *builder) urlCall(c *ast.CallExpr, depth int) (rules.Value, bool) {
	fn := b.callee(c)
	if fn == nil || fn.Pkg() == nil {
		return rules.Value{}, false
	}
	if fn.Pkg().Path() != "net/url" {
		if v, ok := b.helperCall(c, fn, depth, b.urlValue); ok {
			return v, true
		}
		return rules.Value{}, false
	}
	recv := ast.Expr(nil)
	if sel, ok := c.Fun.(*ast.SelectorExpr); ok && fn.Type().(*types.Signature).Recv() != nil {
		recv = sel.X
	}
	switch fn.Name() {
	case "Parse", "ParseRequestURI":
		if recv == nil && len(c.Args) == 1 {
			return b.strDepth(c.Args[0], depth+1), true
		}
		if recv != nil && len(c.Args) == 1 {
			// base.Parse(ref) resolves ref against base.
			return b.resolve(b.urlValue(recv, depth+1), b.strDepth(c.Args[0], depth+1)), true
		}
	case "JoinPath":
		if recv != nil {
			return b.joinPath(c, b.urlValue(recv, depth+1), c.Args, depth), true
		}
		if len(c.Args) >= 1 {
			return b.joinPath(c, b.strDepth(c.Args[0], depth+1), c.Args[1:], depth), true
		}
	case "ResolveReference":
		if recv != nil && len(c.Args) == 1 {
			return b.resolve(b.urlValue(recv, depth+1), b.urlValue(c.Args[0], depth+1)), true
		}
	case "String":
		if recv != nil {
			return b.urlValue(recv, depth+1), true
		}
	}
	return rules.Value{}, false
}

// urlLiteral is url.URL{Scheme, Host, Path, RawQuery}: the URL String()
// writes.
func (b *builder) urlLiteral(lit *ast.CompositeLit, depth int) rules.Value {
	var parts []rules.Value
	field := func(name string) (rules.Value, bool) {
		e, ok := b.field(lit, name)
		if !ok {
			return rules.Value{}, false
		}
		return b.strDepth(e, depth+1), true
	}
	if v, ok := field("Scheme"); ok {
		parts = append(parts, v, b.implied(lit, "://"))
	}
	if v, ok := field("Host"); ok {
		parts = append(parts, v)
	}
	if v, ok := field("Path"); ok {
		if v.Known() && v.Text != "" && !strings.HasPrefix(v.Text, "/") && len(parts) > 0 {
			parts = append(parts, b.implied(lit, "/"))
		}
		parts = append(parts, v)
	}
	if v, ok := field("RawQuery"); ok {
		parts = append(parts, b.implied(lit, "?"), v)
	}
	if len(parts) == 0 {
		return b.dyn(lit)
	}
	return rules.Concat(parts...)
}

// joinPath is base.JoinPath(elems...) or url.JoinPath(base, elems...):
// the elements joined to base's path with single slashes.
func (b *builder) joinPath(c *ast.CallExpr, base rules.Value, elems []ast.Expr, depth int) rules.Value {
	if c.Ellipsis.IsValid() {
		return b.dyn(c)
	}
	out := base
	for _, e := range elems {
		v := b.strDepth(e, depth+1)
		out = joinSlash(out, v, b.implied(e, "/"))
	}
	return out
}

// joinSlash joins a and c with exactly one literal slash between them
// (slash is the implied separator to use when neither side has one).
func joinSlash(a, c, slash rules.Value) rules.Value {
	aSlash := len(a.Text) > 0 && a.Text[len(a.Text)-1] == '/' && !a.DynamicAt(len(a.Text)-1)
	cSlash := len(c.Text) > 0 && c.Text[0] == '/' && !c.DynamicAt(0)
	switch {
	case len(a.Text) == 0:
		return c
	case len(c.Text) == 0:
		return a
	case aSlash && cSlash:
		return rules.Concat(a, c.Slice(1, len(c.Text)))
	case aSlash || cSlash:
		return rules.Concat(a, c)
	}
	return rules.Concat(a, slash, c)
}

// resolve is base.ResolveReference(ref) for the references the analyzer
// can resolve: an absolute URL replaces base, an absolute path replaces
// base's path. Anything else is base's host with a dynamic path.
func (b *builder) resolve(base, ref rules.Value) rules.Value {
	u := rules.ParseURL(ref)
	if !u.Scheme.IsZero() {
		return ref
	}
	if len(ref.Text) > 0 && ref.Text[0] == '/' && !ref.DynamicAt(0) {
		return rules.Concat(origin(base), ref)
	}
	return joinSlash(base, ref, ref.Slice(0, 0))
}

// origin is scheme://host[:port] of a URL value: the text before the
// first literal slash after "://".
func origin(v rules.Value) rules.Value {
	start := strings.Index(v.Text, "://")
	if start < 0 || v.DynamicAt(start) {
		return v
	}
	for i := start + 3; i < len(v.Text); i++ {
		if c := v.Text[i]; (c == '/' || c == '?' || c == '#') && !v.DynamicAt(i) {
			return v.Slice(0, i)
		}
	}
	return v
}

// pathJoin is path.Join(elems...): the elements with single slashes.
func (b *builder) pathJoin(c *ast.CallExpr, depth int) (rules.Value, bool) {
	if c.Ellipsis.IsValid() || len(c.Args) == 0 {
		return rules.Value{}, false
	}
	out := b.strDepth(c.Args[0], depth+1)
	for _, e := range c.Args[1:] {
		out = joinSlash(out, b.strDepth(e, depth+1), b.implied(e, "/"))
	}
	return out, true
}

func isURLType(t types.Type) bool {
	pkg, name := namedType(t)
	return pkg == "net/url" && name == "URL"
}
