package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/tokenlint/tokenlint/rules"
)

// Requests as values: an http.Request literal, a request held by a
// variable and changed field by field, a request a helper returns.

// A binding is a request a variable holds from position at on.
type binding struct {
	r  *rules.Request
	at token.Pos
}

// httpRequestLit makes a request from an http.Request literal:
// http.Request{Method: "POST", URL: u, Header: h, Body: b}. Client.Do
// sends an empty Method as GET.
func (b *builder) httpRequestLit(lit *ast.CompositeLit) {
	r := &rules.Request{Via: rules.ViaGo, Pos: b.span(lit)}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return // positional fields: not followed
		}
		if id, ok := kv.Key.(*ast.Ident); ok {
			b.setRequestField(r, id.Name, kv.Value)
		}
	}
	b.addRequest(r, lit)
}

// wrapperLit binds a client's request literal that wraps an
// http.Request (retryablehttp.Request{Request: &http.Request{...}}) to
// the wrapped request, so its promoted fields and headers reach it.
func (b *builder) wrapperLit(lit *ast.CompositeLit) {
	inner, ok := b.field(lit, "Request")
	if !ok {
		return
	}
	inner = ast.Unparen(inner)
	if u, ok := inner.(*ast.UnaryExpr); ok && u.Op == token.AND {
		inner = ast.Unparen(u.X)
	}
	r := b.created[inner]
	if r == nil {
		r = b.requestOf(inner, lit.Pos())
	}
	if r == nil {
		return
	}
	b.created[lit] = r
	if obj := b.bound[lit]; obj != nil {
		b.requests[obj] = append(b.requests[obj], binding{r, lit.Pos()})
	}
}

// setRequestField applies one http.Request field. Form and PostForm are
// not set: the client does not send them (they are the server side's
// parsed form).
func (b *builder) setRequestField(r *rules.Request, name string, e ast.Expr) {
	switch name {
	case "Method":
		r.Method = b.str(e)
	case "URL":
		r.URL = b.urlValue(e, 0)
	case "Header":
		r.Headers = nil
		for _, f := range b.headerFields(e) {
			b.setHeader(r, f.Name, f.Value, false)
		}
	case "Body":
		r.Body = b.body(e)
		if r.Body != nil {
			r.Body.Untyped = true
		}
	}
}

// headerFields are the entries of an http.Header or map[string][]string
// literal, or of the one such literal a variable holds.
func (b *builder) headerFields(e ast.Expr) []rules.Field {
	if fields := b.mapFields(e, rules.EncodingFull, ""); fields != nil {
		return fields
	}
	if a, ok := b.definition(e); ok && a.index < 0 {
		return b.mapFields(a.expr, rules.EncodingFull, "")
	}
	return nil
}

// requestFieldAssign applies req.URL = u, req.Method = m, req.Body = b
// and req.Header = h to the request the variable holds there.
func (b *builder) requestFieldAssign(lhs, rhs ast.Expr) {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return
	}
	if !b.isRequest(b.info.TypeOf(sel.X)) {
		return
	}
	switch sel.Sel.Name {
	case "URL", "Method", "Header", "Body":
		if r := b.requestOf(sel.X, sel.Pos()); r != nil {
			b.setRequestField(r, sel.Sel.Name, rhs)
		}
	}
}

// isRequestType reports whether t is http.Request or *http.Request.
func isRequestType(t types.Type) bool {
	pkg, name := namedType(t)
	return pkg == "net/http" && name == "Request"
}

// noteReturnedRequests records, for each function of the package that
// returns a request it builds (a wrapper such as newTokenRequest, a
// helper returning a credential), that request, so its callers'
// variables hold it; then a variable or field assigned from one that
// holds a request (h := &Helper{cred: cred}) holds it too.
func (b *builder) noteReturnedRequests() {
	for fn, fd := range b.funcDecls {
		sig := fn.Type().(*types.Signature)
		if sig.Results().Len() == 0 {
			continue
		}
		ret := b.returned(fd)
		if ret == nil {
			continue
		}
		if r := b.requestOf(ret, ret.Pos()); r != nil {
			b.returns[fn] = r
		} else if r := b.created[ret]; r != nil {
			b.returns[fn] = r
		}
	}
	for c, obj := range b.bound {
		call, ok := c.(*ast.CallExpr)
		if !ok {
			continue
		}
		if fn := b.callee(call); fn != nil {
			if r := b.returns[fn]; r != nil {
				b.requests[obj] = append(b.requests[obj], binding{r, call.Pos()})
			}
		}
	}
	b.aliasRequests()
}

// aliasRequests binds a variable or field assigned from another that
// holds a request, twice over so that a chain of two copies is followed.
func (b *builder) aliasRequests() {
	for range 2 {
		for obj, list := range b.assigns {
			for _, a := range list {
				if a.expr == nil || a.index > 0 {
					continue
				}
				switch ast.Unparen(a.expr).(type) {
				case *ast.Ident, *ast.SelectorExpr:
				default:
					continue
				}
				if src := b.objectOf(a.expr); src == nil || src == obj {
					continue
				}
				if r := b.requestOf(a.expr, a.expr.Pos()); r != nil && !b.holds(obj, r) {
					b.requests[obj] = append(b.requests[obj], binding{r, a.expr.Pos()})
				}
			}
		}
	}
}

func (b *builder) holds(obj types.Object, r *rules.Request) bool {
	for _, bd := range b.requests[obj] {
		if bd.r == r {
			return true
		}
	}
	return false
}

// A stringWriter is a strings.Builder or bytes.Buffer variable's writes,
// in source order.
type stringWriter struct {
	writes []ast.Expr // the argument of each WriteString/Write/WriteByte/WriteRune
	opaque bool       // written some other way (Fprintf, ReadFrom, Reset)
}

// noteWriterCall records a call on a strings.Builder or bytes.Buffer
// variable.
func (b *builder) noteWriterCall(c *ast.CallExpr, fn *types.Func) {
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	recvPkg, recvName := namedType(b.info.TypeOf(sel.X))
	if !(recvPkg == "strings" && recvName == "Builder" || recvPkg == "bytes" && recvName == "Buffer") {
		return
	}
	obj := b.objectOf(sel.X)
	if obj == nil {
		return
	}
	w := b.writers[obj]
	if w == nil {
		w = &stringWriter{}
		b.writers[obj] = w
	}
	switch fn.Name() {
	case "WriteString", "Write":
		if len(c.Args) == 1 {
			w.writes = append(w.writes, c.Args[0])
		}
	case "WriteByte", "WriteRune":
		if len(c.Args) == 1 {
			w.writes = append(w.writes, c.Args[0])
		}
	case "String", "Bytes", "Len", "Cap", "Grow":
	default:
		w.opaque = true
	}
}

// writerText is what a strings.Builder or bytes.Buffer variable holds:
// its writes joined, when every write is a value the analyzer reads.
func (b *builder) writerText(e ast.Expr, depth int) (rules.Value, bool) {
	obj := b.objectOf(e)
	w := b.writers[obj]
	if obj == nil || w == nil || w.opaque || len(w.writes) == 0 {
		return rules.Value{}, false
	}
	for _, a := range b.assigns[obj] {
		// Only a fresh value (strings.Builder{}, new(bytes.Buffer)) is
		// followed: an address taken or another value may change it.
		if lit, ok := ast.Unparen(a.expr).(*ast.CompositeLit); !ok || len(lit.Elts) > 0 {
			if c, ok := ast.Unparen(a.expr).(*ast.CallExpr); !ok || !b.info.Types[c.Fun].IsBuiltin() {
				return rules.Value{}, false
			}
		}
	}
	var parts []rules.Value
	for _, arg := range w.writes {
		if t := b.info.TypeOf(arg); isString(t) || isBytes(t) {
			parts = append(parts, b.strDepth(arg, depth+1))
			continue
		}
		if s, ok := b.constString(arg); ok {
			sp := b.span(arg)
			parts = append(parts, rules.Decoded(sp.File, s, sp.Start, sp.End))
			continue
		}
		if tv, ok := b.info.Types[arg]; ok && tv.Value != nil {
			// A byte or rune constant: 'a', '/'.
			if r, exact := constRune(tv); exact {
				sp := b.span(arg)
				parts = append(parts, rules.Decoded(sp.File, string(r), sp.Start, sp.End))
				continue
			}
		}
		parts = append(parts, b.dyn(arg))
	}
	return rules.Concat(parts...), true
}
