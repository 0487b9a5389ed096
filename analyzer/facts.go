package analyzer

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"github.com/tokenlint/tokenlint/rules"
)

// A valueFact summarises, for other packages, the string an exported
// function returns, an exported package-level variable holds or an
// exported struct field is set to in its one write: literal
// text with holes for the function's parameters. A call in another
// package fills the holes with its arguments (importedCall), so
// config.TokenURL(region) is followed across packages.
type valueFact struct {
	Parts []factPart
}

// A factPart is literal Text, or (Param >= 0) the value of that parameter.
type factPart struct {
	Text  string
	Param int
}

func (*valueFact) AFact() {}

func (f *valueFact) String() string {
	var s strings.Builder
	for _, p := range f.Parts {
		if p.Param >= 0 {
			s.WriteString("{" + strconv.Itoa(p.Param) + "}")
		} else {
			s.WriteString(p.Text)
		}
	}
	return s.String()
}

// holeText marks a parameter's value while a summary is computed.
const holeText = "\x00param"

// exportFacts exports a valueFact for each exported function of the
// package whose first result is a string it builds with literal text,
// and for each exported string variable assigned once.
func (b *builder) exportFacts() {
	for fn, fd := range b.funcDecls {
		sig := fn.Type().(*types.Signature)
		if !fn.Exported() || sig.Recv() != nil || sig.Results().Len() == 0 || !isString(sig.Results().At(0).Type()) {
			continue
		}
		ret := b.returned(fd)
		if ret == nil {
			continue
		}
		b.summarising = fn
		v := b.strDepth(ret, 0)
		b.summarising = nil
		b.exportValue(fn, v, sig.Params().Len())
	}
	for _, f := range b.exportedFields() {
		// Written in one place: var Defaults = Settings{TokenURL: ...}.
		if list := b.assigns[f]; len(list) == 1 && list[0].expr != nil && list[0].index < 0 {
			b.exportValue(f, b.strDepth(list[0].expr, 0), 0)
		}
	}
	for _, name := range b.pass.Pkg.Scope().Names() {
		obj, ok := b.pass.Pkg.Scope().Lookup(name).(*types.Var)
		if !ok || !obj.Exported() || !isString(obj.Type()) {
			continue
		}
		if a, ok := b.single(obj); ok && a.index < 0 {
			b.exportValue(obj, b.strDepth(a.expr, 0), 0)
		}
	}
}

// exportedFields are the exported string fields of the package's
// exported struct types: what other packages can read.
func (b *builder) exportedFields() []*types.Var {
	var out []*types.Var
	scope := b.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || !tn.Exported() {
			continue
		}
		st, ok := underlying(tn.Type()).(*types.Struct)
		if !ok {
			continue
		}
		for f := range st.Fields() {
			if f.Exported() && isString(f.Type()) {
				out = append(out, f)
			}
		}
	}
	return out
}

// exportValue exports v as obj's summary when it has literal text.
func (b *builder) exportValue(obj types.Object, v rules.Value, nparams int) {
	if !v.HasLiteral() {
		return
	}
	f := &valueFact{}
	for i, s := range v.Segs {
		end := len(v.Text)
		if i+1 < len(v.Segs) {
			end = int(v.Segs[i+1].Off)
		}
		text := v.Text[s.Off:end]
		p := factPart{Text: text, Param: -1}
		if s.Dynamic {
			n, err := strconv.Atoi(strings.TrimPrefix(text, holeText))
			if !strings.HasPrefix(text, holeText) || err != nil || n >= nparams {
				p.Text = "" // unknown: a dynamic part with no parameter behind it
				p.Param = -2
			} else {
				p.Param = n
			}
		}
		f.Parts = append(f.Parts, p)
	}
	b.pass.ExportObjectFact(obj, f)
}

// hole is the marker value of parameter index of the function being
// summarised.
func (b *builder) hole(id *ast.Ident, v *types.Var) (rules.Value, bool) {
	p, ok := b.params[v]
	if !ok || b.summarising == nil || p.fn != b.summarising || len(b.frames) > 0 {
		return rules.Value{}, false
	}
	sp := b.span(id)
	return rules.Dyn(sp.File, holeText+strconv.Itoa(p.index), sp.Start, sp.End), true
}

// importedCall is the value a call of another package's function
// returns, from its summary: literal text anchored at the call, the
// parameters' parts from the call's arguments.
func (b *builder) importedCall(c *ast.CallExpr, fn *types.Func) (rules.Value, bool) {
	var f valueFact
	if fn.Pkg() == b.pass.Pkg || c.Ellipsis.IsValid() || !b.pass.ImportObjectFact(fn, &f) {
		return rules.Value{}, false
	}
	return b.fromFact(&f, c, c.Args), true
}

// importedVar is the value of another package's variable or field,
// from its summary, anchored at the use.
func (b *builder) importedVar(use ast.Node, v *types.Var) (rules.Value, bool) {
	var f valueFact
	if v.Pkg() == nil || v.Pkg() == b.pass.Pkg || !b.pass.ImportObjectFact(v, &f) {
		return rules.Value{}, false
	}
	return b.fromFact(&f, use, nil), true
}

func (b *builder) fromFact(f *valueFact, at ast.Node, args []ast.Expr) rules.Value {
	sp := b.span(at)
	var parts []rules.Value
	for _, p := range f.Parts {
		switch {
		case p.Param >= 0 && p.Param < len(args):
			parts = append(parts, b.local(b.str(args[p.Param]), at))
		case p.Param == -1:
			parts = append(parts, rules.Decoded(sp.File, p.Text, sp.Start, sp.End))
		default:
			parts = append(parts, rules.Dyn(sp.File, "…", sp.Start, sp.End))
		}
	}
	return rules.Concat(parts...)
}

// local is v, or v anchored at use when v comes from another file than
// use: a value's spans must all be in one file.
func (b *builder) local(v rules.Value, use ast.Node) rules.Value {
	if sp := b.span(use); v.File != "" && v.File != sp.File {
		return b.anchor(v, sp)
	}
	return v
}
