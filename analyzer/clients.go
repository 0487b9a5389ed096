package analyzer

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"
	"unicode"

	"github.com/tokenlint/tokenlint/rules"
)

// Client libraries other than net/http, by the catalog's [[go_client]]
// entries: which calls build a request and what each argument is. The
// code here knows the four shapes; the catalog names each library's
// parts.

// goClient is the catalog entry of the package fn belongs to.
func (b *builder) goClient(fn *types.Func) *rules.GoClient {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	return b.catalog().GoClient(modulePackage(fn.Pkg().Path()))
}

// modulePackage is path with a graph SDK's sub-packages folded into the
// module (msgraph-sdk-go/users is msgraph-sdk-go's).
func modulePackage(path string) string {
	for _, root := range []string{"github.com/microsoftgraph/msgraph-sdk-go", "github.com/microsoftgraph/msgraph-beta-sdk-go"} {
		if strings.HasPrefix(path, root+"/") {
			return root
		}
	}
	return path
}

// isRequest reports whether t is http.Request, or the request type of a
// client that repeats net/http's API (retryablehttp.Request).
func (b *builder) isRequest(t types.Type) bool {
	pkg, name := namedType(t)
	if pkg == "net/http" && name == "Request" {
		return true
	}
	g := b.catalog().GoClient(pkg)
	return g != nil && g.Shape == "net/http" && name == g.RequestType
}

// likeNetHTTP reports whether fn belongs to net/http or to a client that
// repeats its API.
func (b *builder) likeNetHTTP(fn *types.Func) bool {
	if fn.Pkg().Path() == "net/http" {
		return true
	}
	g := b.goClient(fn)
	return g != nil && g.Shape == "net/http"
}

// clientCall makes a request from a call into a catalogued client.
func (b *builder) clientCall(c *ast.CallExpr, fn *types.Func) {
	g := b.goClient(fn)
	if g == nil {
		return
	}
	switch g.Shape {
	case "net/http":
		b.httpCreate(c, fn)
	case "builder":
		b.builderSend(c, fn, g)
	case "credential":
		b.credentialCall(c, fn, g)
	case "graph":
		b.graphCall(c, fn, g)
	}
}

// builderMethod is fn's role when it is a method of g's request type.
func builderMethod(fn *types.Func, g *rules.GoClient) (string, bool) {
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return "", false
	}
	if _, name := namedType(recv.Type()); name != g.RequestType {
		return "", false
	}
	role, ok := g.Methods[fn.Name()]
	return role, ok
}

// onBuilder reports whether fn is a method of g's request type, whether
// or not it sets a part the analyzer reads (SetResult, SetContext keep
// the chain going).
func onBuilder(fn *types.Func, g *rules.GoClient) bool {
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return false
	}
	_, name := namedType(recv.Type())
	return name == g.RequestType
}

// startsRequest reports whether fn is a method of g's client type that
// starts a request with a method and URL (req's client.Post(url)).
func (b *builder) startsRequest(fn *types.Func, g *rules.GoClient) bool {
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil || g.ClientType == "" {
		return false
	}
	_, name := namedType(recv.Type())
	return name == g.ClientType && g.ClientMethods[fn.Name()] == "start"
}

// noteBuilderCall records a builder method called on a variable
// (req.SetHeader(...) as a statement), for the send that follows.
func (b *builder) noteBuilderCall(c *ast.CallExpr, fn *types.Func) {
	g := b.goClient(fn)
	if g == nil || g.Shape != "builder" {
		return
	}
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	if _, ok := builderMethod(fn, g); !ok {
		return
	}
	if obj := b.objectOf(sel.X); obj != nil {
		b.builderCalls[obj] = append(b.builderCalls[obj], c)
	}
}

// builderSend makes the request a send method (Post(url), Execute(m, u))
// of a request builder sends, from the calls chained before it and the
// calls on the variable that holds the builder.
func (b *builder) builderSend(c *ast.CallExpr, fn *types.Func, g *rules.GoClient) {
	role, ok := builderMethod(fn, g)
	if !ok || role != "send" && role != "execute" && role != "do" {
		return
	}
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	r := &rules.Request{Via: lastElem(g.Package), Pos: b.span(c)}
	for _, call := range b.builderChain(sel.X, g, c, 0) {
		b.applyBuilder(r, call, g)
	}
	b.applyBuilder(r, c, g)
	b.addRequest(r, c)
}

// builderChain lists the builder calls that e (a receiver) has been
// through before call at: a chain of method calls, and for a variable
// its definition's chain and the calls made on it before at.
func (b *builder) builderChain(e ast.Expr, g *rules.GoClient, at *ast.CallExpr, depth int) []*ast.CallExpr {
	if depth > maxDepth {
		return nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := b.callee(x)
		if fn == nil {
			return nil
		}
		if !onBuilder(fn, g) {
			if b.startsRequest(fn, g) {
				return []*ast.CallExpr{x} // client.Post(url) starts the chain
			}
			return nil // the chain's start: client.R()
		}
		sel, ok := x.Fun.(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		return append(b.builderChain(sel.X, g, at, depth+1), x)
	case *ast.Ident:
		obj := b.objectOf(x)
		if obj == nil {
			return nil
		}
		var out []*ast.CallExpr
		if a, ok := b.single(obj); ok && a.index <= 0 {
			out = b.builderChain(a.expr, g, at, depth+1)
		}
		for _, call := range b.builderCalls[obj] {
			if call.Pos() < at.Pos() && b.pass.Fset.File(call.Pos()) == b.pass.Fset.File(at.Pos()) {
				out = append(out, call)
			}
		}
		return out
	}
	return nil
}

// applyBuilder applies one builder method call to r.
func (b *builder) applyBuilder(r *rules.Request, c *ast.CallExpr, g *rules.GoClient) {
	fn := b.callee(c)
	role, ok := builderMethod(fn, g)
	if b.startsRequest(fn, g) {
		role, ok = "send", true
	}
	if !ok {
		return
	}
	via := lastElem(g.Package) + " " + fn.Name()
	arg := func(i int) ast.Expr {
		if i < len(c.Args) {
			return c.Args[i]
		}
		return nil
	}
	switch role {
	case "send":
		r.Method = b.implied(c, strings.ToUpper(fn.Name()))
		if a := arg(0); a != nil {
			r.URL = b.str(a)
		}
	case "execute":
		if a, u := arg(0), arg(1); a != nil && u != nil {
			r.Method, r.URL = b.str(a), b.str(u)
		}
	case "url":
		if a := arg(0); a != nil {
			r.URL = b.str(a)
		}
	case "form", "form_values":
		a := arg(0)
		if a == nil {
			return
		}
		if r.Body == nil || r.Body.Kind != rules.BodyForm {
			r.Body = &rules.Body{Kind: rules.BodyForm, Raw: b.dyn(a), Via: via}
		}
		if role == "form" {
			r.Body.Fields = append(r.Body.Fields, b.mapFields(b.literalOf(a), rules.EncodingFull, via)...)
		} else {
			r.Body.Fields = append(r.Body.Fields, b.formBody(a, via).Fields...)
		}
		if r.Header("Content-Type") == nil {
			r.Headers = append(r.Headers, rules.Header{Name: b.implied(c, "Content-Type"), Value: b.implied(c, formType)})
		}
	case "body", "json":
		a := arg(0)
		if a == nil {
			return
		}
		if role == "body" {
			r.Body = b.builderBody(a, via)
		} else {
			r.Body = &rules.Body{Kind: rules.BodyJSON, Raw: b.dyn(a), Fields: b.mapFields(b.literalOf(a), rules.EncodingFull, ""), Via: via}
		}
		if r.Body != nil && r.Body.Kind == rules.BodyJSON && r.Header("Content-Type") == nil {
			// The library marshals the value and types it JSON itself.
			r.Headers = append(r.Headers, rules.Header{Name: b.implied(c, "Content-Type"), Value: b.implied(c, "application/json")})
		}
	case "header":
		if n, v := arg(0), arg(1); n != nil && v != nil {
			b.setHeader(r, b.str(n), b.str(v), true)
		}
	case "headers":
		if a := arg(0); a != nil {
			for _, f := range b.mapFields(b.literalOf(a), rules.EncodingFull, "") {
				b.setHeader(r, f.Name, f.Value, true)
			}
		}
	case "content_type":
		if a := arg(0); a != nil {
			b.setHeader(r, b.implied(c, "Content-Type"), b.str(a), true)
		}
	case "basic_auth":
		if u, p := arg(0), arg(1); u != nil && p != nil {
			r.SetAuth(rules.Auth{Kind: rules.AuthBasic, User: b.str(u), Secret: b.str(p), Via: via})
		}
	case "bearer":
		if a := arg(0); a != nil {
			r.SetAuth(rules.Auth{Kind: rules.AuthBearer, Secret: b.str(a), Via: via})
		}
	}
}

// builderBody is the body SetBody(x) sends: text for a string or bytes,
// a reader's contents, else the value marshalled as JSON.
func (b *builder) builderBody(a ast.Expr, via string) *rules.Body {
	t := b.info.TypeOf(a)
	if isString(t) || isBytes(t) {
		body := b.body(a)
		if body != nil {
			body.Via = via
		}
		return body
	}
	switch underlying(t).(type) {
	case *types.Map, *types.Struct, *types.Pointer:
		return &rules.Body{Kind: rules.BodyJSON, Raw: b.dyn(a), Fields: b.mapFields(b.literalOf(a), rules.EncodingFull, ""), Via: via}
	}
	return b.body(a)
}

// literalOf is e, or the one literal the variable e names holds.
func (b *builder) literalOf(e ast.Expr) ast.Expr {
	if _, ok := ast.Unparen(e).(*ast.Ident); ok {
		if a, ok := b.definition(e); ok && a.index < 0 {
			return a.expr
		}
	}
	return e
}

// credentialCall reads a credential constructor
// (azidentity.NewClientSecretCredential(tenant, id, secret, opts)): a
// client-credentials client is a token request at the catalog's token
// URL; a user credential declares a user grant. GetToken on a
// credential asks for the scopes of its options.
func (b *builder) credentialCall(c *ast.CallExpr, fn *types.Func, g *rules.GoClient) {
	if grant, ok := g.Credentials[fn.Name()]; ok && fn.Type().(*types.Signature).Recv() == nil {
		if !b.catalog().IsClientGrant(grant) {
			b.unit.Settings = append(b.unit.Settings, rules.Setting{Kind: rules.SettingGrantType, Key: b.implied(c, fn.Name()), Value: b.implied(c, grant)})
			return
		}
		r := &rules.Request{
			Role:    rules.RoleToken,
			Method:  b.implied(c, "POST"),
			URL:     b.template(c, g.TokenURL),
			Grant:   rules.OrNil(b.implied(c, grant)),
			Library: true,
			Via:     lastElem(g.Package),
			Pos:     b.span(c),
			Auth:    &rules.Auth{Kind: rules.AuthOAuth2, Encodes: true, Via: lastElem(g.Package)},
		}
		if g.UserArg >= 0 && g.UserArg < len(c.Args) {
			r.Auth.User = b.str(c.Args[g.UserArg])
		}
		if g.SecretArg >= 0 && g.SecretArg < len(c.Args) && isString(b.info.TypeOf(c.Args[g.SecretArg])) {
			r.Auth.Secret = b.str(c.Args[g.SecretArg])
		}
		b.addRequest(r, c)
		return
	}
	if fn.Name() != g.GetToken || fn.Type().(*types.Signature).Recv() == nil || len(c.Args) < 2 {
		return
	}
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	if lit, ok := ast.Unparen(b.literalOf(c.Args[1])).(*ast.CompositeLit); ok {
		if scopes, ok := b.field(lit, g.ScopesField); ok {
			b.deferred = append(b.deferred, func() { b.scopedToken(sel.X, scopes, c) })
		}
	}
}

// scopedToken adds the token request a credential (expression cred)
// makes for scopes, at call.
func (b *builder) scopedToken(cred, scopes ast.Expr, call *ast.CallExpr) {
	base := b.requestOf(cred, call.Pos())
	if base == nil {
		return
	}
	r := *base
	r.Body = nil
	r.Pos = b.span(call)
	b.scopeField(&r, b.literalOf(scopes))
	b.unit.Requests = append(b.unit.Requests, &r)
}

// template is a catalog URL template with {N} replaced by argument N of
// call c; the literal text is placed on the call's function name.
func (b *builder) template(c *ast.CallExpr, tmpl string) rules.Value {
	var parts []rules.Value
	for tmpl != "" {
		i := strings.IndexByte(tmpl, '{')
		j := strings.IndexByte(tmpl, '}')
		if i < 0 || j < i {
			parts = append(parts, b.implied(c, tmpl))
			break
		}
		parts = append(parts, b.implied(c, tmpl[:i]))
		n := 0
		for _, d := range tmpl[i+1 : j] {
			n = n*10 + int(d-'0')
		}
		if n < len(c.Args) {
			parts = append(parts, b.str(c.Args[n]))
		} else {
			sp := b.span(c)
			parts = append(parts, rules.Dyn(sp.File, tmpl[i:j+1], sp.Start, sp.End))
		}
		tmpl = tmpl[j+1:]
	}
	return rules.Concat(parts...)
}

// graphCall reads a graph SDK call: a constructor with scopes (the token
// request its credential makes for them), and a request method
// (Get/Post/Patch/Put/Delete) at the end of a navigation chain from the
// client: an API call to BaseURL and the chain's path.
func (b *builder) graphCall(c *ast.CallExpr, fn *types.Func, g *rules.GoClient) {
	sig := fn.Type().(*types.Signature)
	if sig.Recv() == nil {
		if n, ok := g.Scopes[fn.Name()]; ok && n < len(c.Args) && len(c.Args) > 0 {
			b.deferred = append(b.deferred, func() { b.scopedToken(c.Args[0], c.Args[n], c) })
		}
		return
	}
	method := strings.ToUpper(fn.Name())
	switch method {
	case "GET", "POST", "PATCH", "PUT", "DELETE":
	default:
		return
	}
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	path, ok := b.graphPath(sel.X, g, 0)
	if !ok {
		return
	}
	r := &rules.Request{
		Role:    rules.RoleAPI,
		Method:  b.implied(c, method),
		URL:     rules.Concat(append([]rules.Value{b.implied(c, g.BaseURL)}, path...)...),
		Library: true,
		Via:     lastElem(g.Package),
		Pos:     b.span(c),
	}
	b.addRequest(r, c)
}

// graphPath is the API path a navigation chain builds: each method a
// segment named for it (Me() is /me), ByXxxId(id) the id.
func (b *builder) graphPath(e ast.Expr, g *rules.GoClient, depth int) ([]rules.Value, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || depth > maxDepth {
		return nil, false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	fn := b.callee(call)
	if !ok || fn == nil || b.goClient(fn) != g {
		return nil, false
	}
	var seg rules.Value
	if strings.HasPrefix(fn.Name(), "By") && len(call.Args) == 1 {
		seg = rules.Concat(b.implied(call, "/"), b.dyn(call.Args[0]))
	} else {
		seg = b.implied(call, "/"+lowerFirst(fn.Name()))
	}
	if _, name := namedType(b.info.TypeOf(sel.X)); name == g.ClientType {
		return []rules.Value{seg}, true
	}
	rest, ok := b.graphPath(sel.X, g, depth+1)
	if !ok {
		return nil, false
	}
	return append(rest, seg), true
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// lastElem is the last path element that is not a major version: resty
// for github.com/go-resty/resty/v2.
func lastElem(path string) string {
	parts := strings.Split(path, "/")
	for _, p := range slices.Backward(parts) {
		if len(p) > 1 && p[0] == 'v' && strings.Trim(p[1:], "0123456789") == "" {
			continue
		}
		return p
	}
	return path
}
