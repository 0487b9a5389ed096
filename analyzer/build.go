package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/tokenlint/tokenlint/rules"
)

// A builder turns one type-checked package into a rules.Unit.
type builder struct {
	pass  *analysis.Pass
	opts  *rules.Options
	info  *types.Info
	unit  *rules.Unit
	files map[string]*token.File // by name, for span conversion

	// assigns holds, for each variable, the expressions assigned to it
	// (an assignment the analyzer cannot see through is a nil entry).
	assigns map[types.Object][]assignment
	uses    map[types.Object]int
	// consts maps constants declared in the package to their expressions.
	consts map[types.Object]ast.Expr
	// valueCalls are url.Values Set/Add calls and v["k"] = ...
	// assignments, by the variable, in source order; jsonBuffers the
	// json.NewEncoder(&buf) calls by the buffer.
	valueCalls  map[types.Object][]ast.Node
	jsonBuffers map[types.Object]*ast.CallExpr
	// ins, calls and lits are the package's syntax as scan found it.
	ins   *inspector.Inspector
	calls []*ast.CallExpr
	lits  []*ast.CompositeLit

	// bound maps an expression (a call, a literal, &literal) to the
	// variable its (first) result is assigned to.
	bound map[ast.Node]types.Object

	// requests by the variable that holds them, in source order; created
	// by the expression that makes them; returns by the function of the
	// package that returns them.
	requests map[types.Object][]binding
	created  map[ast.Node]*rules.Request
	returns  map[*types.Func]*rules.Request
	// requestLits are the http.Request literals, made into requests after
	// the values they read are recorded.
	requestLits []*ast.CompositeLit
	// builderCalls are request-builder methods called on a variable, by
	// the variable; deferred are steps that need every request made
	// first (a credential's GetToken finds its credential's request).
	builderCalls map[types.Object][]*ast.CallExpr
	deferred     []func()
	// writers are the strings.Builder and bytes.Buffer variables' writes.
	writers map[types.Object]*stringWriter

	// funcDecls, params and callers index the package's functions for
	// values that cross calls (funcs.go); frames are the helper calls
	// being evaluated; paramMemo and resolving memoize and guard
	// parameters resolved through their callers.
	funcDecls map[*types.Func]*ast.FuncDecl
	params    map[*types.Var]param
	callers   map[*types.Func][]*ast.CallExpr
	frames    []frame
	paramMemo map[*types.Var]rules.Value
	resolving map[*types.Var]bool
	// summarising is the function whose valueFact is being computed: its
	// parameters are holes (facts.go).
	summarising *types.Func
	// encoded are spans inside url.QueryEscape/PathEscape calls.
	encoded []rules.Span
	// operands are dynamic values that are one whole Go expression, by
	// span: what a fix can wrap in url.QueryEscape.
	operands map[rules.Span]ast.Expr
	// sdkBases are the Genesys SDK BasePath values the package sets;
	// sdkPending the SDK requests that need them.
	sdkBases   []rules.Value
	sdkPending []sdkRequest
	// defaultInsecure is where the package turns TLS verification off on
	// http.DefaultTransport, if it does.
	defaultInsecure rules.Span
	// sends are the calls that send a request: the client expression (nil
	// for the package-level functions) by request.
	sends []send
}

// A send is a request sent by a client expression (nil: http.DefaultClient).
type send struct {
	r      *rules.Request
	client ast.Expr
}

// An assignment is expr, or result index of a multi-value expr.
type assignment struct {
	expr  ast.Expr
	index int
	test  bool // written in a _test.go file
}

func newBuilder(pass *analysis.Pass, opts *rules.Options) *builder {
	b := &builder{
		pass:         pass,
		opts:         opts,
		info:         pass.TypesInfo,
		unit:         &rules.Unit{Name: pass.Pkg.Path()},
		files:        map[string]*token.File{},
		assigns:      map[types.Object][]assignment{},
		consts:       map[types.Object]ast.Expr{},
		valueCalls:   map[types.Object][]ast.Node{},
		jsonBuffers:  map[types.Object]*ast.CallExpr{},
		bound:        map[ast.Node]types.Object{},
		requests:     map[types.Object][]binding{},
		created:      map[ast.Node]*rules.Request{},
		returns:      map[*types.Func]*rules.Request{},
		writers:      map[types.Object]*stringWriter{},
		builderCalls: map[types.Object][]*ast.CallExpr{},
		funcDecls:    map[*types.Func]*ast.FuncDecl{},
		params:       map[*types.Var]param{},
		callers:      map[*types.Func][]*ast.CallExpr{},
		paramMemo:    map[*types.Var]rules.Value{},
		resolving:    map[*types.Var]bool{},
		operands:     map[rules.Span]ast.Expr{},
	}
	for _, f := range pass.Files {
		if tf := pass.Fset.File(f.Pos()); tf != nil {
			b.files[tf.Name()] = tf
		}
	}
	return b
}

// scan indexes the package's functions, assignments and in-place value
// changes: what values and facts are computed from.
func (b *builder) scan() {
	b.ins = inspector.New(b.pass.Files)
	b.indexFuncs()
	b.scanAssignments(b.ins)
	b.ins.Preorder([]ast.Node{(*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)}, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.CallExpr:
			b.calls = append(b.calls, n)
			b.noteValueCall(n)
			b.noteCaller(n)
		case *ast.CompositeLit:
			b.lits = append(b.lits, n)
		}
	})
	for _, list := range b.valueCalls {
		sort.Slice(list, func(i, j int) bool { return list[i].Pos() < list[j].Pos() })
	}
}

// build makes the unit in two rounds: first what values and requests
// exist, then what modifies them (fields, headers, auth, BasePath), so a
// header set after the request was created finds it.
func (b *builder) build() *rules.Unit {
	ins, calls := b.ins, b.calls
	var wrappers []*ast.CompositeLit
	for _, lit := range b.lits {
		switch t := b.info.TypeOf(lit); {
		case isRequestType(t):
			b.requestLits = append(b.requestLits, lit)
			continue
		case b.isRequest(t):
			wrappers = append(wrappers, lit)
			continue
		}
		b.compositeLit(lit)
	}
	for _, c := range calls {
		b.createCall(c)
	}
	for _, lit := range b.requestLits {
		b.httpRequestLit(lit)
	}
	for _, lit := range wrappers {
		b.wrapperLit(lit)
	}
	b.noteReturnedRequests()
	for _, f := range b.deferred {
		f()
	}
	for _, c := range calls {
		b.modifyCall(c)
	}
	ins.Preorder([]ast.Node{(*ast.AssignStmt)(nil)}, func(n ast.Node) {
		b.modifyAssign(n.(*ast.AssignStmt))
	})
	for _, s := range b.sends {
		b.markInsecure(s.r, s.client)
	}
	// Requests that needed the package's SDK base path are finished last.
	b.finishSDK()
	for _, r := range b.unit.Requests {
		b.markEncoded(r)
	}
	sort.SliceStable(b.unit.Requests, func(i, j int) bool {
		return b.unit.Requests[i].Pos.File < b.unit.Requests[j].Pos.File ||
			b.unit.Requests[i].Pos.File == b.unit.Requests[j].Pos.File && b.unit.Requests[i].Pos.Start < b.unit.Requests[j].Pos.Start
	})
	return b.unit
}

// scanAssignments records every assignment to a variable and every
// constant's expression.
func (b *builder) scanAssignments(ins *inspector.Inspector) {
	add := func(obj types.Object, a assignment, at ast.Node) {
		a.test = b.inTestFile(at)
		b.assigns[obj] = append(b.assigns[obj], a)
	}
	record := func(lhs []ast.Expr, rhs []ast.Expr, tok token.Token) {
		for i, l := range lhs {
			obj := b.objectOf(l)
			if obj == nil {
				continue
			}
			switch {
			case tok != token.ASSIGN && tok != token.DEFINE:
				add(obj, assignment{}, l)
			case len(rhs) == len(lhs):
				add(obj, assignment{expr: rhs[i], index: -1}, l)
				b.bind(rhs[i], obj)
			case len(rhs) == 1:
				add(obj, assignment{expr: rhs[0], index: i}, l)
				if i == 0 {
					b.bind(rhs[0], obj)
				}
			}
		}
	}
	ins.Preorder([]ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.RangeStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.CompositeLit)(nil)}, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.CompositeLit:
			// A keyed struct literal writes its fields.
			if _, ok := underlying(b.info.TypeOf(n)).(*types.Struct); !ok {
				return
			}
			for _, elt := range n.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok {
						if f, ok := b.info.Uses[id].(*types.Var); ok && f.IsField() {
							add(f, assignment{expr: kv.Value, index: -1}, kv)
						}
					}
				}
			}
		case *ast.AssignStmt:
			record(n.Lhs, n.Rhs, n.Tok)
			b.noteValuesIndex(n)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
				if c, ok := b.info.Defs[id].(*types.Const); ok && i < len(n.Values) {
					b.consts[c] = n.Values[i]
				}
			}
			if len(n.Values) > 0 {
				record(lhs, n.Values, token.DEFINE)
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if obj := b.objectOf(e); obj != nil {
					add(obj, assignment{}, n)
				}
			}
		case *ast.UnaryExpr:
			// A variable whose address is taken may change anywhere, except
			// a buffer that json.NewEncoder writes into (noteValueCall).
			if obj := b.objectOf(n.X); obj != nil && n.Op == token.AND && !isBytesBuffer(obj.Type()) {
				add(obj, assignment{}, n)
			}
		}
	})
	// A test that points a field or variable elsewhere (tokenURL: srv.URL)
	// does not change what the package ships: where the package's own
	// files write it, the tests' writes are not counted. go vet analyses
	// the package with its tests; tokenlint ./... judges the same values.
	for obj, list := range b.assigns {
		kept := list[:0]
		for _, a := range list {
			if !a.test {
				kept = append(kept, a)
			}
		}
		if len(kept) > 0 {
			b.assigns[obj] = kept
		}
	}
}

// useCount is how many identifiers use obj, counted on first need (a
// package that only exports facts never needs it).
func (b *builder) useCount(obj types.Object) int {
	if b.uses == nil {
		b.uses = make(map[types.Object]int, len(b.info.Uses))
		for _, o := range b.info.Uses {
			b.uses[o]++
		}
	}
	return b.uses[obj]
}

// bind records that obj holds what expression e makes (a request);
// &lit binds lit too.
func (b *builder) bind(e ast.Expr, obj types.Object) {
	e = ast.Unparen(e)
	b.bound[e] = obj
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		b.bound[ast.Unparen(u.X)] = obj
	}
}

// objectOf is the variable or field an identifier or selector names.
func (b *builder) objectOf(e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if obj := b.info.Defs[e]; obj != nil {
			return obj
		}
		return b.info.Uses[e]
	case *ast.SelectorExpr:
		return b.info.Uses[e.Sel]
	}
	return nil
}

// inTestFile reports whether n is in a _test.go file.
func (b *builder) inTestFile(n ast.Node) bool {
	return strings.HasSuffix(b.pass.Fset.File(n.Pos()).Name(), "_test.go")
}

// single is the one expression assigned to obj, if there is exactly one
// the analyzer can see.
func (b *builder) single(obj types.Object) (assignment, bool) {
	list := b.assigns[obj]
	if len(list) != 1 || list[0].expr == nil {
		return assignment{}, false
	}
	return list[0], true
}

// catalog is the catalog the rules will run with.
func (b *builder) catalog() *rules.Catalog {
	if b.opts != nil && b.opts.Catalog != nil {
		return b.opts.Catalog
	}
	return rules.DefaultCatalog()
}

// callee is the function or method a call invokes, or nil.
func (b *builder) callee(c *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(b.info, c).(*types.Func)
	return fn
}

// span is the source span of a node.
func (b *builder) span(n ast.Node) rules.Span {
	return b.spanOf(n.Pos(), n.End())
}

func (b *builder) spanOf(pos, end token.Pos) rules.Span {
	tf := b.pass.Fset.File(pos)
	if tf == nil {
		return rules.Span{}
	}
	return rules.Span{File: tf.Name(), Start: tf.Offset(pos), End: tf.Offset(end)}
}

// addRequest adds r to the unit and, when the expression that makes it
// (a call, a literal) is assigned to a variable, binds it there for
// later fields, headers and auth.
func (b *builder) addRequest(r *rules.Request, origin ast.Node) {
	b.unit.Requests = append(b.unit.Requests, r)
	if origin == nil {
		return
	}
	b.created[origin] = r
	if obj := b.bound[origin]; obj != nil {
		b.requests[obj] = append(b.requests[obj], binding{r, origin.Pos()})
	}
}

// requestOf is the request held by the variable that expression e (or
// &e, *e) names at pos: the one bound last before pos in the same file,
// else the last one bound.
func (b *builder) requestOf(e ast.Expr, pos token.Pos) *rules.Request {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			e = x.X
		}
	case *ast.StarExpr:
		e = x.X
	}
	obj := b.objectOf(e)
	if obj == nil {
		return nil
	}
	var found *rules.Request
	file := b.pass.Fset.File(pos)
	for _, bd := range b.requests[obj] {
		if b.pass.Fset.File(bd.at) != file || bd.at <= pos {
			found = bd.r
		}
	}
	return found
}

// createCall makes a request, or a setting, from a call that starts one.
func (b *builder) createCall(c *ast.CallExpr) {
	fn := b.callee(c)
	if fn == nil || fn.Pkg() == nil {
		return
	}
	switch path := fn.Pkg().Path(); {
	case path == "net/http":
		b.httpCreate(c, fn)
	case isSDKPath(path):
		b.sdkCall(c, fn)
	default:
		b.clientCall(c, fn)
	}
}

// modifyCall applies a call that changes an existing request.
func (b *builder) modifyCall(c *ast.CallExpr) {
	fn := b.callee(c)
	if fn == nil || fn.Pkg() == nil || !b.likeNetHTTP(fn) {
		return
	}
	b.httpModify(c, fn)
}

// modifyAssign applies an assignment to a request's header map or an SDK
// configuration field.
func (b *builder) modifyAssign(a *ast.AssignStmt) {
	if len(a.Lhs) != len(a.Rhs) {
		return
	}
	for i, l := range a.Lhs {
		b.requestFieldAssign(l, a.Rhs[i])
		b.httpAssign(l, a.Rhs[i])
		b.sdkAssign(l, a.Rhs[i])
		b.oauth2Assign(l, a.Rhs[i])
		b.noteDefaultTransport(l, a.Rhs[i])
	}
}

// namedType is the package path and name of t's named type, looking
// through one pointer.
func namedType(t types.Type) (pkg, name string) {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return "", ""
	}
	return n.Obj().Pkg().Path(), n.Obj().Name()
}

func isBytesBuffer(t types.Type) bool {
	pkg, name := namedType(t)
	return pkg == "bytes" && name == "Buffer"
}

// underlying is t's underlying type; nil for an expression the type
// checker could not type (a package analysed despite errors).
func underlying(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}
