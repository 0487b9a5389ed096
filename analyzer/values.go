package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/url"
	"strconv"

	"github.com/tokenlint/tokenlint/rules"
)

// maxDepth bounds how far str follows variables and constants.
const maxDepth = 8

// str is the string value of expression e: literal parts with their exact
// spans, the rest dynamic.
func (b *builder) str(e ast.Expr) rules.Value { return b.strDepth(e, 0) }

func (b *builder) strDepth(e ast.Expr, depth int) rules.Value {
	e = ast.Unparen(e)
	if depth > maxDepth {
		return b.dyn(e)
	}
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			return b.lit(e)
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD && isString(b.info.TypeOf(e)) {
			return rules.Concat(b.strDepth(e.X, depth+1), b.strDepth(e.Y, depth+1))
		}
	case *ast.Ident:
		if v, ok := b.follow(e, depth); ok {
			return v
		}
	case *ast.SelectorExpr:
		if v, ok := b.follow(e.Sel, depth); ok {
			return v // a field written in one place: the line to fix is there
		}
	case *ast.CallExpr:
		if v, ok := b.strCall(e, depth); ok {
			return v
		}
	}
	if s, ok := b.constString(e); ok {
		return rules.Decoded(b.span(e).File, s, b.span(e).Start, b.span(e).End)
	}
	return b.dyn(e)
}

// constString is e's value when the type checker folded it to a string.
func (b *builder) constString(e ast.Expr) (string, bool) {
	tv, ok := b.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// lit is a string literal: verbatim when it has no escapes, so rules can
// point at (and fix) single characters inside it.
func (b *builder) lit(e *ast.BasicLit) rules.Value {
	sp := b.span(e)
	s, err := strconv.Unquote(e.Value)
	if err != nil {
		return b.dyn(e)
	}
	if len(e.Value) >= 2 && s == e.Value[1:len(e.Value)-1] {
		return rules.Lit(sp.File, s, sp.Start+1)
	}
	return rules.Decoded(sp.File, s, sp.Start, sp.End)
}

// dyn is the dynamic value of a Go expression the analyzer cannot see
// through.
func (b *builder) dyn(e ast.Expr) rules.Value {
	sp := b.span(e)
	b.operands[sp] = e
	return rules.Dyn(sp.File, types.ExprString(e), sp.Start, sp.End)
}

// follow resolves an identifier of a constant, a variable or a field of
// the package with a single assignment, or a parameter (funcs.go). The
// value keeps the spans of its definition, the line a user fixes; used
// more than once, it offers no fix there, since an edit of a shared
// definition changes the other uses too.
func (b *builder) follow(id *ast.Ident, depth int) (rules.Value, bool) {
	obj := b.info.Uses[id]
	var def ast.Expr
	reads := b.useCount(obj)
	switch o := obj.(type) {
	case *types.Const:
		def = b.consts[o]
		if def == nil {
			return rules.Value{}, false // declared elsewhere: the constant value applies
		}
	case *types.Var:
		if !isString(o.Type()) {
			return rules.Value{}, false
		}
		if _, ok := b.params[o]; ok {
			return b.paramValue(id, o, depth, b.strDepth)
		}
		if o.Pkg() != b.pass.Pkg && !o.IsField() {
			return b.importedVar(id, o)
		}
		if o.IsField() {
			if o.Pkg() != b.pass.Pkg {
				if len(b.assigns[o]) > 0 {
					return rules.Value{}, false // this package writes it too
				}
				return b.importedVar(id, o)
			}
			reads-- // the one write names the field too
		}
		a, ok := b.single(o)
		if !ok || a.index > 0 {
			return rules.Value{}, false
		}
		def = a.expr // index 0: the value a call such as url.JoinPath returns with an error
	default:
		return rules.Value{}, false
	}
	v := b.strDepth(def, depth+1)
	if reads > 1 {
		v = shared(v)
	}
	return b.local(v, id), true
}

// shared is v where it is shared by several uses: the same spans, none
// verbatim, so findings point at the definition but fix nothing.
func shared(v rules.Value) rules.Value {
	out := v
	out.Segs = make([]rules.Segment, len(v.Segs))
	for i, s := range v.Segs {
		s.Verbatim = false
		out.Segs[i] = s
	}
	return out
}

// anchor re-points every part of v at span, keeping which parts are
// dynamic; the text is no longer the file's bytes there.
func (b *builder) anchor(v rules.Value, sp rules.Span) rules.Value {
	out := rules.Value{Text: v.Text, File: sp.File}
	for _, s := range v.Segs {
		s.Start, s.End, s.Verbatim = int32(sp.Start), int32(sp.End), s.Dynamic
		out.Segs = append(out.Segs, s)
	}
	if len(out.Segs) == 0 {
		out.Segs = []rules.Segment{{Start: int32(sp.Start), End: int32(sp.End)}}
	}
	return out
}

// strCall is the string value of a call the analyzer understands.
func (b *builder) strCall(c *ast.CallExpr, depth int) (rules.Value, bool) {
	if tv, ok := b.info.Types[c.Fun]; ok && tv.IsType() && len(c.Args) == 1 {
		// string(x), []byte(x)
		return b.strDepth(c.Args[0], depth+1), true
	}
	fn := b.callee(c)
	if fn == nil || fn.Pkg() == nil {
		return rules.Value{}, false
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "fmt.Sprintf":
		return b.sprintf(c, depth)
	case "net/url.QueryEscape", "net/url.PathEscape":
		return b.escaped(c, fn.Name(), depth), true
	case "net/url.String", "net/url.JoinPath":
		return b.urlCall(c, depth)
	case "path.Join":
		return b.pathJoin(c, depth)
	case "os.Getenv", "os.LookupEnv":
		return b.envValue(c)
	case "strings.String", "bytes.String":
		if sel, ok := c.Fun.(*ast.SelectorExpr); ok {
			return b.writerText(sel.X, depth)
		}
	default:
		return b.helperCall(c, fn, depth, b.strDepth)
	}
	return rules.Value{}, false
}

// envValue is os.Getenv(name): dynamic, and when name is a variable
// that holds a provider's region domain by its convention
// (GENESYS_CLOUD_ENVIRONMENT), marked so, so "api." + it is judged as
// that provider's API host.
func (b *builder) envValue(c *ast.CallExpr) (rules.Value, bool) {
	if len(c.Args) != 1 {
		return rules.Value{}, false
	}
	v := b.dyn(c)
	if name, ok := b.constString(c.Args[0]); ok {
		if prov := b.catalog().DomainVar(name); prov != nil {
			v.Segs[0].SetDomain(prov.ID)
		}
	}
	return v, true
}

// constRune is a constant integer (a byte or rune literal) as a rune.
func constRune(tv types.TypeAndValue) (rune, bool) {
	if tv.Value.Kind() != constant.Int {
		return 0, false
	}
	n, exact := constant.Int64Val(tv.Value)
	return rune(n), exact && n >= 0 && n <= 0x10FFFF
}

// escaped is url.QueryEscape(x) or url.PathEscape(x): the escaped text
// when x is known, else a dynamic value the form rules treat as encoded.
func (b *builder) escaped(c *ast.CallExpr, name string, depth int) rules.Value {
	sp := b.span(c)
	b.encoded = append(b.encoded, sp)
	if len(c.Args) != 1 {
		return b.dyn(c)
	}
	v := b.strDepth(c.Args[0], depth+1)
	if !v.Known() {
		return rules.Dyn(sp.File, types.ExprString(c), sp.Start, sp.End)
	}
	out := url.QueryEscape(v.Text)
	if name == "PathEscape" {
		out = url.PathEscape(v.Text)
	}
	return rules.Decoded(sp.File, out, sp.Start, sp.End)
}

// sprintf is fmt.Sprintf with a constant format: the format's literal
// runs keep their spans, %s and %v take their argument's value, other
// verbs are dynamic.
func (b *builder) sprintf(c *ast.CallExpr, depth int) (rules.Value, bool) {
	if len(c.Args) == 0 || c.Ellipsis.IsValid() {
		return rules.Value{}, false
	}
	format := b.strDepth(c.Args[0], depth+1)
	if !format.Known() {
		return rules.Value{}, false
	}
	text, args := format.Text, c.Args[1:]
	var parts []rules.Value
	start, next := 0, 0
	for i := 0; i < len(text); i++ {
		if text[i] != '%' {
			continue
		}
		j := i + 1
		for j < len(text) && isFormatFlag(text[j]) {
			j++
		}
		if j >= len(text) || text[j] == '[' || text[j] == '*' {
			return rules.Value{}, false // explicit argument indexes: not followed
		}
		parts = append(parts, format.Slice(start, i))
		verb := text[j]
		switch {
		case verb == '%':
			parts = append(parts, format.Slice(j, j+1))
		case next >= len(args):
			return rules.Value{}, false
		case (verb == 's' || verb == 'v') && j == i+1 && (isString(b.info.TypeOf(args[next])) || isBytes(b.info.TypeOf(args[next]))):
			parts = append(parts, b.strDepth(args[next], depth+1))
			next++
		default:
			parts = append(parts, b.dyn(args[next]))
			next++
		}
		start = j + 1
		i = j
	}
	parts = append(parts, format.Slice(start, len(text)))
	return rules.Concat(parts...), true
}

func isFormatFlag(c byte) bool {
	return c == '+' || c == '-' || c == '#' || c == ' ' || c == '0' || c == '.' || '1' <= c && c <= '9'
}

func isString(t types.Type) bool {
	if t == nil {
		return false
	}
	basic, ok := t.Underlying().(*types.Basic)
	return ok && basic.Info()&types.IsString != 0
}

func isBytes(t types.Type) bool {
	if t == nil {
		return false
	}
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	basic, ok := s.Elem().Underlying().(*types.Basic)
	return ok && basic.Kind() == types.Byte
}
