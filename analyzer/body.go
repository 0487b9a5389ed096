package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/tokenlint/tokenlint/rules"
)

// Via names for bodies and fields the analyzer recognises.
const (
	viaURLValues   = "url.Values"
	viaPostForm    = "http.PostForm"
	viaJSONMarshal = "json.Marshal"
	viaJSONEncoder = "json.NewEncoder"
)

// body is the request body that expression e (an io.Reader, a string or
// bytes) sends; nil for no body.
func (b *builder) body(e ast.Expr) *rules.Body { return b.bodyDepth(e, 0) }

func (b *builder) bodyDepth(e ast.Expr, depth int) *rules.Body {
	e = ast.Unparen(e)
	if depth > maxDepth {
		return &rules.Body{Kind: rules.BodyRaw, Raw: b.dyn(e)}
	}
	if id, ok := e.(*ast.Ident); ok && b.info.Uses[id] == types.Universe.Lookup("nil") {
		return nil
	}
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		return b.bodyDepth(u.X, depth+1)
	}
	if obj := b.objectOf(e); obj != nil {
		if call := b.jsonBuffers[obj]; call != nil {
			return &rules.Body{Kind: rules.BodyJSON, Raw: b.dyn(call), Via: viaJSONEncoder}
		}
		if v, ok := b.writerText(e, depth); ok {
			return b.textBody(v)
		}
		if isURLValues(obj.Type()) {
			return b.formBody(e, viaURLValues)
		}
		if v, ok := obj.(*types.Var); ok && !v.IsField() && !isString(v.Type()) {
			// A reader or byte slice variable: follow its assignment.
			if a, ok := b.single(obj); ok {
				if a.index <= 0 {
					return b.bodyDepth(a.expr, depth+1)
				}
			}
			return &rules.Body{Kind: rules.BodyRaw, Raw: b.dyn(e)}
		}
	}
	if c, ok := e.(*ast.CallExpr); ok {
		if body, ok := b.bodyCall(c, depth); ok {
			return body
		}
	}
	if t := b.info.TypeOf(e); isString(t) || isBytes(t) {
		return b.textBody(b.strDepth(e, depth+1))
	}
	return &rules.Body{Kind: rules.BodyRaw, Raw: b.dyn(e)}
}

// bodyCall is the body built by a call the analyzer understands.
func (b *builder) bodyCall(c *ast.CallExpr, depth int) (*rules.Body, bool) {
	if tv, ok := b.info.Types[c.Fun]; ok && tv.IsType() && len(c.Args) == 1 {
		return b.bodyDepth(c.Args[0], depth+1), true // []byte(s), string(b)
	}
	fn := b.callee(c)
	if fn == nil || fn.Pkg() == nil {
		return nil, false
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "strings.NewReader", "bytes.NewReader", "bytes.NewBuffer", "bytes.NewBufferString", "io.NopCloser", "io/ioutil.NopCloser":
		if len(c.Args) == 1 {
			return b.bodyDepth(c.Args[0], depth+1), true
		}
	case "net/url.Encode":
		if sel, ok := c.Fun.(*ast.SelectorExpr); ok {
			body := b.formBody(sel.X, viaURLValues)
			body.Raw = b.dyn(c)
			return body, true
		}
	case "encoding/json.Marshal", "encoding/json.MarshalIndent":
		body := &rules.Body{Kind: rules.BodyJSON, Raw: b.dyn(c), Via: viaJSONMarshal}
		if len(c.Args) > 0 {
			body.Fields = b.mapFields(c.Args[0], rules.EncodingFull, "")
		}
		return body, true
	}
	return nil, false
}

// formBody is the form that url.Values expression e holds: the fields of
// its literal and of every Set and Add on its variable. The values are
// encoded by Encode (or by http.PostForm).
func (b *builder) formBody(e ast.Expr, via string) *rules.Body {
	body := &rules.Body{Kind: rules.BodyForm, Raw: b.dyn(e), Via: via}
	e = ast.Unparen(e)
	if lit, ok := e.(*ast.CompositeLit); ok {
		body.Fields = b.mapFields(lit, rules.EncodingFull, via)
		return body
	}
	obj := b.objectOf(e)
	if obj == nil {
		return body
	}
	if a, ok := b.single(obj); ok && a.index < 0 {
		body.Fields = b.mapFields(a.expr, rules.EncodingFull, via)
	}
	for _, n := range b.valueCalls[obj] {
		switch n := n.(type) {
		case *ast.CallExpr:
			sel := n.Fun.(*ast.SelectorExpr)
			if (sel.Sel.Name == "Set" || sel.Sel.Name == "Add") && len(n.Args) == 2 {
				body.Fields = append(body.Fields, rules.Field{Name: b.str(n.Args[0]), Value: b.str(n.Args[1]), Encoding: rules.EncodingFull, Via: via})
			}
		case *ast.AssignStmt:
			// v["name"] = []string{...}
			ix := n.Lhs[0].(*ast.IndexExpr)
			name := b.str(ix.Index)
			if vals, ok := ast.Unparen(n.Rhs[0]).(*ast.CompositeLit); ok {
				for _, v := range vals.Elts {
					body.Fields = append(body.Fields, rules.Field{Name: name, Value: b.str(v), Encoding: rules.EncodingFull, Via: via})
				}
			}
		}
	}
	return body
}

// mapFields lists the string members of a map literal
// (url.Values{"k": {"v"}}, map[string]string{"k": "v"}).
func (b *builder) mapFields(e ast.Expr, enc rules.Encoding, via string) []rules.Field {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
			return b.mapFields(u.X, enc, via)
		}
		return nil
	}
	if _, ok := underlying(b.info.TypeOf(lit)).(*types.Map); !ok {
		return nil
	}
	var out []rules.Field
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok || !isString(b.info.TypeOf(kv.Key)) {
			continue
		}
		name := b.str(kv.Key)
		if vals, ok := ast.Unparen(kv.Value).(*ast.CompositeLit); ok {
			for _, v := range vals.Elts {
				out = append(out, rules.Field{Name: name, Value: b.str(v), Encoding: enc, Via: via})
			}
			continue
		}
		if isString(b.info.TypeOf(kv.Value)) {
			out = append(out, rules.Field{Name: name, Value: b.str(kv.Value), Encoding: enc, Via: via})
		}
	}
	return out
}

// textBody classifies a body written as text, as every front end does
// (rules.ClassifyBody): the analyzer sees no Content-Type here, so the
// text decides; a hand-built form is sent as written.
func (b *builder) textBody(v rules.Value) *rules.Body {
	body := &rules.Body{Kind: rules.ClassifyBody(v, "", false), Raw: v}
	switch body.Kind {
	case rules.BodyJSON:
		body.Fields = rules.JSONMembers(v, "")
	case rules.BodyForm:
		body.Fields = rules.ParseForm(v, rules.EncodingRaw, "")
	}
	return body
}

// markEncoded sets Encoding full on hand-built form fields whose value
// was written by url.QueryEscape or PathEscape.
func (b *builder) markEncoded(r *rules.Request) {
	if r.Body == nil || r.Body.Kind != rules.BodyForm {
		return
	}
	for i := range r.Body.Fields {
		f := &r.Body.Fields[i]
		if f.Encoding != rules.EncodingFull && len(f.Value.Segs) > 0 && b.allEncoded(f.Value) {
			f.Encoding = rules.EncodingFull
		}
	}
}

func (b *builder) allEncoded(v rules.Value) bool {
	for _, s := range v.Segs {
		if !s.Dynamic {
			continue
		}
		inside := false
		for _, e := range b.encoded {
			if e.File == v.File && e.Start <= int(s.Start) && int(s.End) <= e.End {
				inside = true
				break
			}
		}
		if !inside {
			return false
		}
	}
	return v.HasDynamic()
}

// noteValueCall records calls that change a variable's value in place:
// Set and Add on url.Values, json.NewEncoder(&buf).
func (b *builder) noteValueCall(c *ast.CallExpr) {
	fn := b.callee(c)
	if fn == nil || fn.Pkg() == nil {
		return
	}
	b.noteWriterCall(c, fn)
	b.noteBuilderCall(c, fn)
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "net/url.Set", "net/url.Add", "net/url.Del":
		if sel, ok := c.Fun.(*ast.SelectorExpr); ok {
			if obj := b.objectOf(sel.X); obj != nil && isURLValues(obj.Type()) {
				b.valueCalls[obj] = append(b.valueCalls[obj], c)
			}
		}
	case "encoding/json.NewEncoder":
		if len(c.Args) == 1 {
			arg := ast.Unparen(c.Args[0])
			if u, ok := arg.(*ast.UnaryExpr); ok && u.Op == token.AND {
				arg = u.X
			}
			if obj := b.objectOf(arg); obj != nil {
				b.jsonBuffers[obj] = c
			}
		}
	}
}

func isURLValues(t types.Type) bool {
	pkg, name := namedType(t)
	return pkg == "net/url" && name == "Values"
}

// noteValuesIndex records v["name"] = []string{...} on a url.Values
// variable.
func (b *builder) noteValuesIndex(a *ast.AssignStmt) {
	if len(a.Lhs) != 1 || len(a.Rhs) != 1 || a.Tok != token.ASSIGN {
		return
	}
	ix, ok := ast.Unparen(a.Lhs[0]).(*ast.IndexExpr)
	if !ok {
		return
	}
	if obj := b.objectOf(ix.X); obj != nil && isURLValues(obj.Type()) {
		b.valueCalls[obj] = append(b.valueCalls[obj], a)
	}
}
