package analyzer

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/tokenlint/tokenlint/rules"
)

// httpCreate makes a request from a net/http call that sends or builds
// one: NewRequest[WithContext], and Post, PostForm, Get, Head as
// functions or *http.Client methods.
func (b *builder) httpCreate(c *ast.CallExpr, fn *types.Func) {
	sig := fn.Type().(*types.Signature)
	var client ast.Expr // nil: the package-level functions use http.DefaultClient
	if recv := sig.Recv(); recv != nil {
		sel, ok := c.Fun.(*ast.SelectorExpr)
		if _, name := namedType(recv.Type()); name != "Client" || !ok {
			return
		}
		client = sel.X
	}
	args := c.Args
	r := &rules.Request{Via: rules.ViaGo, Pos: b.span(c)}
	switch fn.Name() {
	case "NewRequestWithContext":
		if len(args) != 4 {
			return
		}
		args = args[1:]
		fallthrough
	case "NewRequest":
		if len(args) != 3 {
			return
		}
		r.Method = b.str(args[0])
		r.URL = b.str(args[1])
		r.Body = b.body(args[2])
		if r.Body != nil {
			// Client.Do sends no Content-Type of its own: only a header
			// set on the request types the body.
			r.Body.Untyped = true
		}
	case "Post":
		if len(args) != 3 {
			return
		}
		r.Method = b.implied(c, "POST")
		r.URL = b.str(args[0])
		r.Headers = append(r.Headers, rules.Header{Name: b.implied(c, "Content-Type"), Value: b.str(args[1])})
		r.Body = b.body(args[2])
	case "PostForm":
		if len(args) != 2 {
			return
		}
		r.Method = b.implied(c, "POST")
		r.URL = b.str(args[0])
		r.Body = b.formBody(args[1], viaPostForm)
		r.Headers = append(r.Headers, rules.Header{Name: b.implied(c, "Content-Type"), Value: b.implied(c, formType)})
	case "Get", "Head":
		if len(args) != 1 {
			return
		}
		r.Method = b.implied(c, strings.ToUpper(fn.Name()))
		r.URL = b.str(args[0])
	default:
		return
	}
	b.addRequest(r, c)
	if fn.Name() != "NewRequest" && fn.Name() != "NewRequestWithContext" {
		b.sends = append(b.sends, send{r, client})
	}
}

// implied is text that code states without writing it (the method of
// http.Post, the grant of clientcredentials.Config), placed on the name
// that states it: a call's function name, a selector's field, a
// literal's type.
func (b *builder) implied(n ast.Node, text string) rules.Value {
	switch x := n.(type) {
	case *ast.CallExpr:
		n = x.Fun
	case *ast.CompositeLit:
		if x.Type != nil {
			n = x.Type
		}
	}
	if sel, ok := n.(*ast.SelectorExpr); ok {
		n = sel.Sel
	}
	sp := b.span(n)
	return rules.Decoded(sp.File, text, sp.Start, sp.End)
}

// httpModify applies Header.Set/Add on a request's header and
// SetBasicAuth on a request.
func (b *builder) httpModify(c *ast.CallExpr, fn *types.Func) {
	sig := fn.Type().(*types.Signature)
	recv := sig.Recv()
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if recv == nil || !ok {
		return
	}
	_, typ := namedType(recv.Type())
	switch {
	case typ == "Header" && (fn.Name() == "Set" || fn.Name() == "Add") && len(c.Args) == 2:
		if r := b.headerOwner(sel.X, c); r != nil {
			b.setHeader(r, b.str(c.Args[0]), b.str(c.Args[1]), fn.Name() == "Set")
		}
	case (typ == "Client" && fn.Name() == "Do" || (typ == "Transport" || typ == "RoundTripper") && fn.Name() == "RoundTrip") && len(c.Args) == 1:
		if r := b.requestOf(c.Args[0], c.Pos()); r != nil {
			b.sends = append(b.sends, send{r, sel.X})
		}
	case typ == "Request" && fn.Name() == "SetBasicAuth" && len(c.Args) == 2:
		if r := b.requestOf(sel.X, c.Pos()); r != nil {
			a := rules.Auth{Kind: rules.AuthBasic, User: b.str(c.Args[0]), Secret: b.str(c.Args[1]), Via: "SetBasicAuth"}
			r.SetAuth(a)
			// A later Header.Set("Authorization") replaces r.Auth; the
			// secret written here is still a secret.
			b.unit.AddSecret(a.Secret)
		}
	}
}

// headerOwner is the request whose Header field expression e selects
// (req.Header).
func (b *builder) headerOwner(e ast.Expr, at ast.Node) *rules.Request {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Header" {
		return nil
	}
	if !b.isRequest(b.info.TypeOf(sel.X)) {
		return nil
	}
	return b.requestOf(sel.X, at.Pos())
}

// setHeader adds a header; Set replaces earlier values of the same known
// name, as http.Header.Set does.
func (b *builder) setHeader(r *rules.Request, name, value rules.Value, replace bool) {
	if replace && name.Known() {
		kept := r.Headers[:0]
		for _, h := range r.Headers {
			if !(h.Name.Known() && strings.EqualFold(h.Name.Text, name.Text)) {
				kept = append(kept, h)
			}
		}
		r.Headers = kept
	}
	h := rules.Header{Name: name, Value: value}
	r.Headers = append(r.Headers, h)
	if name.Known() && b.catalog().IsCredentialHeader(name.Text) {
		// Recorded now: a later Set of the same name drops this header.
		for _, cred := range rules.HeaderCredentials(h) {
			b.unit.AddSecret(cred)
		}
	}
	if name.Known() && strings.EqualFold(name.Text, "Authorization") {
		b.authFromHeader(r, value)
	}
}

// authFromHeader reads a hand-built Authorization header ("Basic " +
// base64(...), "Bearer " + token).
func (b *builder) authFromHeader(r *rules.Request, v rules.Value) {
	scheme, cred, ok := v.Cut(' ')
	if !ok || !scheme.Known() {
		return
	}
	switch strings.ToLower(scheme.Text) {
	case "basic":
		r.SetAuth(rules.Auth{Kind: rules.AuthBasic, Secret: cred, Via: "Authorization header"})
	case "bearer":
		r.SetAuth(rules.Auth{Kind: rules.AuthBearer, Secret: cred, Via: "Authorization header"})
	}
}

// httpAssign applies req.Header["Name"] = []string{...} and
// req.Header = http.Header{...}.
func (b *builder) httpAssign(lhs, rhs ast.Expr) {
	switch l := ast.Unparen(lhs).(type) {
	case *ast.IndexExpr:
		r := b.headerOwner(l.X, l)
		if r == nil || !isString(b.info.TypeOf(l.Index)) {
			return
		}
		name := b.str(l.Index)
		if vals, ok := ast.Unparen(rhs).(*ast.CompositeLit); ok {
			for i, v := range vals.Elts {
				b.setHeader(r, name, b.str(v), i == 0)
			}
		}
	case *ast.SelectorExpr:
		if pkg, name := namedType(b.info.TypeOf(l)); pkg != "net/http" || name != "Header" {
			return
		}
		r := b.headerOwner(l, l)
		if r == nil {
			return
		}
		r.Headers = nil
		for _, f := range b.mapFields(rhs, rules.EncodingFull, "") {
			b.setHeader(r, f.Name, f.Value, false)
		}
	}
}
