package analyzer

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/tokenlint/tokenlint/rules"
)

// Values that cross function boundaries inside the package: a helper's
// result for one call (its parameters bound to the call's arguments),
// and a parameter whose callers in the package all pass the same value.

// A param locates a function parameter.
type param struct {
	fn    *types.Func
	index int
}

// indexFuncs records the package's function declarations, their
// parameters and their static call sites.
func (b *builder) indexFuncs() {
	for _, f := range b.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := b.info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			b.funcDecls[fn] = fd
			i := 0
			for _, field := range fd.Type.Params.List {
				for _, name := range field.Names {
					if v, ok := b.info.Defs[name].(*types.Var); ok {
						b.params[v] = param{fn, i}
					}
					i++
				}
				if len(field.Names) == 0 {
					i++
				}
			}
		}
	}
}

// noteCaller records a call of a function declared in the package.
func (b *builder) noteCaller(c *ast.CallExpr) {
	if fn := b.callee(c); fn != nil && b.funcDecls[fn] != nil {
		b.callers[fn] = append(b.callers[fn], c)
	}
}

// returned is the expression a function's first result comes from, when
// every return that does not return a zero value ("", nil) returns the
// same expression.
func (b *builder) returned(fd *ast.FuncDecl) ast.Expr {
	var found ast.Expr
	ok := true
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 0 {
				ok = false
				return false
			}
			e := ast.Unparen(n.Results[0])
			if b.isZeroValue(e) {
				return false
			}
			if found != nil {
				ok = false
			}
			found = e
		}
		return ok
	})
	if !ok {
		return nil
	}
	return found
}

func (b *builder) isZeroValue(e ast.Expr) bool {
	if id, ok := e.(*ast.Ident); ok && b.info.Uses[id] == types.Universe.Lookup("nil") {
		return true
	}
	s, ok := b.constString(e)
	return ok && s == ""
}

// A frame binds a helper's parameters to one call's arguments.
type frame struct {
	fn   *types.Func
	args []ast.Expr
}

// helperCall is the value a call of a function declared in the package
// returns, with its parameters bound to the call's arguments. The value
// keeps the helper's spans (the line a user fixes); called from several
// places, it offers no fix there.
func (b *builder) helperCall(c *ast.CallExpr, fn *types.Func, depth int, eval func(ast.Expr, int) rules.Value) (rules.Value, bool) {
	fd := b.funcDecls[fn]
	if fd == nil {
		return b.importedCall(c, fn)
	}
	if c.Ellipsis.IsValid() || b.onStack(fn) {
		return rules.Value{}, false
	}
	ret := b.returned(fd)
	if ret == nil {
		return rules.Value{}, false
	}
	b.frames = append(b.frames, frame{fn, c.Args})
	v := eval(ret, depth+1)
	b.frames = b.frames[:len(b.frames)-1]
	if len(b.callers[fn]) > 1 {
		v = shared(v)
	}
	return b.local(v, c), true
}

func (b *builder) onStack(fn *types.Func) bool {
	for _, f := range b.frames {
		if f.fn == fn {
			return true
		}
	}
	return false
}

// paramValue is the value of a parameter: the argument of the call being
// evaluated, else the argument every call in the package passes when
// they agree (one caller: its spans; several: anchored at use).
func (b *builder) paramValue(id *ast.Ident, v *types.Var, depth int, eval func(ast.Expr, int) rules.Value) (rules.Value, bool) {
	if h, ok := b.hole(id, v); ok {
		return h, true
	}
	p, ok := b.params[v]
	if !ok || p.fn.Type().(*types.Signature).Variadic() && p.index == p.fn.Type().(*types.Signature).Params().Len()-1 {
		return rules.Value{}, false
	}
	for i, f := range slices.Backward(b.frames) {
		if f.fn == p.fn {
			if p.index >= len(f.args) {
				return rules.Value{}, false
			}
			// The argument is evaluated where the call is: outside the frame.
			saved := b.frames
			b.frames = b.frames[:i]
			out := eval(f.args[p.index], depth+1)
			b.frames = saved
			return b.local(out, id), true
		}
	}
	if v, ok := b.paramMemo[v]; ok {
		return v, v.Segs != nil
	}
	calls := b.callers[p.fn]
	if len(calls) == 0 || b.resolving[v] || b.assignedParam(v) {
		return rules.Value{}, false
	}
	b.resolving[v] = true
	defer delete(b.resolving, v)
	first, ok := b.agreedArg(id, calls, p.index, depth, eval)
	if !ok {
		first = rules.Value{}
	}
	b.paramMemo[v] = first
	return first, ok
}

// agreedArg is the argument at index that every call passes, when they
// agree on a known text.
func (b *builder) agreedArg(id *ast.Ident, calls []*ast.CallExpr, index, depth int, eval func(ast.Expr, int) rules.Value) (rules.Value, bool) {
	saved := b.frames
	b.frames = nil // the calls are evaluated where they are
	defer func() { b.frames = saved }()
	var first rules.Value
	same := true
	for i, c := range calls {
		if index >= len(c.Args) || c.Ellipsis.IsValid() {
			return rules.Value{}, false
		}
		val := b.local(eval(c.Args[index], depth+1), id)
		if i == 0 {
			first = val
			continue
		}
		if !val.Known() || !first.Known() || val.Text != first.Text {
			return rules.Value{}, false
		}
		if !sameSpans(val, first) {
			same = false
		}
	}
	switch {
	case len(calls) > 1 && same:
		first = shared(first) // one definition passed everywhere: the line to fix
	case len(calls) > 1:
		first = b.anchor(first, b.span(id))
	}
	return first, len(first.Segs) > 0
}

// assignedParam reports whether the function assigns to its parameter.
func (b *builder) assignedParam(v *types.Var) bool {
	return len(b.assigns[v]) > 0
}

// sameSpans reports whether a and c come from the same source bytes.
func sameSpans(a, c rules.Value) bool {
	if a.File != c.File || len(a.Segs) != len(c.Segs) {
		return false
	}
	for i := range a.Segs {
		if a.Segs[i].Start != c.Segs[i].Start || a.Segs[i].End != c.Segs[i].End {
			return false
		}
	}
	return true
}
