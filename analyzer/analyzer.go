package analyzer

import (
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/token"
	"path/filepath"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/tokenlint/tokenlint/internal/suppress"
	"github.com/tokenlint/tokenlint/rules"
)

// Analyzer is tokenlint's Go analyzer. Its flags -enable, -disable and
// -region set the rules.Options, so go vet -vettool and golangci-lint
// settings can pass them.
var Analyzer = newAnalyzer(nil)

// Result is what the analyzer found in one package, for drivers that
// render findings themselves (internal/golint): the findings with byte
// offsets in the Go files, and the spans of secrets to redact.
type Result struct {
	Diagnostics []rules.Diagnostic
	Secrets     []rules.Span
}

// New returns an analyzer that runs with opts instead of flags (nil means
// every rule with the default catalog).
func New(opts *rules.Options) *analysis.Analyzer {
	if opts == nil {
		opts = &rules.Options{}
	}
	return newAnalyzer(func() (*rules.Options, error) { return opts, nil })
}

func newAnalyzer(options func() (*rules.Options, error)) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:       "tokenlint",
		Doc:        "report OAuth token-request mistakes: wrong token host or path, JSON token bodies, unencoded secrets, user-only APIs called with client credentials",
		URL:        "https://github.com/tokenlint/tokenlint",
		ResultType: reflect.TypeFor[*Result](),
		FactTypes:  []analysis.Fact{new(valueFact)},
		// A package that does not fully type-check is analysed as far as
		// it does: a missing SDK version must not hide the rest.
		RunDespiteErrors: true,
	}
	if options == nil {
		f := &flagOptions{}
		f.register(&a.Flags)
		options = f.options
	}
	a.Run = func(pass *analysis.Pass) (any, error) {
		opts, err := options()
		if err != nil {
			return nil, err
		}
		return run(pass, opts), nil
	}
	return a
}

// flagOptions are the analyzer's command-line flags.
type flagOptions struct {
	enable, disable, region string
}

func (f *flagOptions) register(fs *flag.FlagSet) {
	fs.StringVar(&f.enable, "enable", "", "comma-separated rule IDs to run (default all)")
	fs.StringVar(&f.disable, "disable", "", "comma-separated rule IDs not to run")
	fs.StringVar(&f.region, "region", "", "comma-separated regions the organization lives in (us-east-1, mypurecloud.ie, ...)")
}

func (f *flagOptions) options() (*rules.Options, error) {
	list, err := SelectRules(rules.SplitList(f.enable), rules.SplitList(f.disable))
	if err != nil {
		return nil, err
	}
	return &rules.Options{Rules: list, Regions: rules.SplitList(f.region)}, nil
}

// SelectRules is the rule list for -enable and -disable: enable (all when
// empty) minus disable. An unknown rule ID is an error.
func SelectRules(enable, disable []string) ([]*rules.Rule, error) {
	return rules.Select(rules.All(), enable, disable)
}

// run builds the package's unit, applies the rules and reports each
// finding as a diagnostic.
func run(pass *analysis.Pass, opts *rules.Options) *Result {
	cat := opts.Catalog
	if cat == nil {
		cat = rules.DefaultCatalog()
	}
	if pass.TypesInfo == nil || len(pass.Files) == 0 || inGOROOT(pass) || libraryCode(pass.Pkg.Path(), cat) {
		// No token URLs to summarise.
		return &Result{}
	}
	rel := relevant(pass, cat)
	if !rel && !mayExportFacts(pass.Files) {
		return &Result{}
	}
	b := newBuilder(pass, opts)
	b.scan()
	b.exportFacts()
	if !rel {
		return &Result{}
	}
	unit := b.build()
	findings := dedupe(rules.Run(unit, opts))
	for i := range findings {
		if findings[i].Fix == nil {
			findings[i].Fix = b.goFix(findings[i])
		}
	}
	// The result keeps every finding: a driver that reads it applies the
	// inline suppressions itself, as for config files.
	res := &Result{Diagnostics: findings, Secrets: rules.SecretSpans(unit, opts.Catalog)}
	for _, f := range b.unsuppressed(findings, opts) {
		if d, ok := b.diagnostic(f); ok {
			pass.Report(d)
		}
	}
	return res
}

// unsuppressed applies the "// tokenlint:ignore RULE -- reason"
// directives of each file with findings, as tokenlint does for config
// files: suppressed findings go, directive problems (invalid-ignore,
// unused-ignore) come.
func (b *builder) unsuppressed(findings []rules.Diagnostic, opts *rules.Options) []rules.Diagnostic {
	byFile := map[string][]rules.Diagnostic{}
	var files []string
	for _, f := range findings {
		if byFile[f.Span.File] == nil {
			files = append(files, f.Span.File)
		}
		byFile[f.Span.File] = append(byFile[f.Span.File], f)
	}
	var out []rules.Diagnostic
	for _, name := range files {
		src, err := b.pass.ReadFile(name)
		if err != nil {
			out = append(out, byFile[name]...)
			continue
		}
		sup := suppress.Apply(name, src, []string{"//"}, byFile[name], opts.Rules)
		out = append(append(out, sup.Kept(byFile[name])...), sup.Problems...)
	}
	return out
}

// relevant reports whether the package can build a request the analyzer
// understands: it imports net/http, golang.org/x/oauth2, the Genesys SDK
// or a catalogued client.
func relevant(pass *analysis.Pass, cat *rules.Catalog) bool {
	for _, imp := range pass.Pkg.Imports() {
		if relevantImport(imp.Path(), cat) {
			return true
		}
	}
	return false
}

func relevantImport(p string, cat *rules.Catalog) bool {
	return p == "net/http" || isOAuth2Path(p) || isSDKPath(p) || cat.GoClient(modulePackage(p)) != nil
}

// libraryCode reports whether pkgPath is one of the libraries the
// analyzer knows: their code is the correct implementation and never
// linted, and x/oauth2/endpoints lists other providers' token URLs.
func libraryCode(pkgPath string, cat *rules.Catalog) bool {
	return isOAuth2Path(pkgPath) || isSDKPath(pkgPath) || cat.GoClient(modulePackage(pkgPath)) != nil
}

// A Unit is what go vet says of one package before it is type-checked.
type Unit struct {
	Path    string   // the package path
	Imports []string // the package paths of its direct imports
	GoFiles []string // its Go files
}

// UnitMatters reports whether the analyzer, run on u, could report a
// finding or export a fact; when it cannot, a go vet driver need not
// parse or type-check u at all. It decides as run does, from the imports
// and, only when they do not decide, from the syntax that parse returns
// (an error means it matters: the type checker will say why). The
// standard library never matters. Facts u's imports carry are the
// caller's to weigh: the analyzer passes them through to u's importers.
func UnitMatters(u Unit, parse func() ([]*ast.File, error), cat *rules.Catalog) bool {
	if len(u.GoFiles) == 0 || inGOROOTFile(u.GoFiles[0]) {
		return false
	}
	if cat == nil {
		cat = rules.DefaultCatalog() // decoded only past the cheap test
	}
	if libraryCode(u.Path, cat) {
		return false
	}
	for _, p := range u.Imports {
		if relevantImport(p, cat) {
			return true
		}
	}
	files, err := parse()
	return err != nil || mayExportFacts(files)
}

// diagnostic converts a finding to a diagnostic: the message ends with the
// rule ID in brackets (what users name to suppress it), as in tokenlint's
// text output.
func (b *builder) diagnostic(f rules.Diagnostic) (analysis.Diagnostic, bool) {
	pos, end, ok := b.pos(f.Span)
	if !ok {
		return analysis.Diagnostic{}, false
	}
	d := analysis.Diagnostic{
		Pos:      pos,
		End:      end,
		Category: f.Rule,
		Message:  DiagnosticMessage(f),
	}
	for _, rel := range f.Related {
		if p, q, ok := b.pos(rel.Span); ok {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: p, End: q, Message: rel.Message})
		}
	}
	if f.Fix != nil {
		sf := analysis.SuggestedFix{Message: f.Fix.Message}
		for _, e := range f.Fix.Edits {
			p, q, ok := b.pos(e.Span)
			if !ok {
				return d, true
			}
			sf.TextEdits = append(sf.TextEdits, analysis.TextEdit{Pos: p, End: q, NewText: []byte(e.New)})
		}
		d.SuggestedFixes = []analysis.SuggestedFix{sf}
	}
	return d, true
}

// DiagnosticMessage is a finding as go vet prints it after the position:
// "severity: message [rule-id]".
func DiagnosticMessage(f rules.Diagnostic) string {
	return fmt.Sprintf("%s: %s [%s]", f.Severity, f.Message, f.Rule)
}

// pos converts a span of one of the package's files to token positions.
func (b *builder) pos(s rules.Span) (token.Pos, token.Pos, bool) {
	tf := b.files[s.File]
	if tf == nil || s.Start < 0 || s.End > tf.Size() || s.End < s.Start {
		return token.NoPos, token.NoPos, false
	}
	return tf.Pos(s.Start), tf.Pos(s.End), true
}

// inGOROOT reports whether the package's files are the standard
// library's: under go vet the analyzer runs on every dependency for
// facts, and the standard library has none to give.
func inGOROOT(pass *analysis.Pass) bool {
	return len(pass.Files) > 0 && inGOROOTFile(pass.Fset.File(pass.Files[0].Pos()).Name())
}

func inGOROOTFile(name string) bool {
	root := build.Default.GOROOT
	return root != "" && strings.HasPrefix(name, filepath.Join(root, "src")+string(filepath.Separator))
}

// mayExportFacts reports, from the syntax alone, whether the package
// may export a fact: it declares an exported function whose first result
// may be a string, or an exported variable, whose declaration holds a
// string literal with a '/' or a '.' (what a URL or a host is made of).
// exportFacts decides with types; this is the cheap test in front of it
// that keeps fact export off most dependencies under go vet, before they
// are even type-checked (UnitMatters). A literal inside a composite
// literal of another package's type (var Analyzer = &analysis.Analyzer{
// URL: "https://..."}) is no string variable's value nor a field of this
// package's types, so it does not count.
func mayExportFacts(files []*ast.File) bool {
	strs := stringTypes(files)
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Body != nil && d.Name.IsExported() && mayBeString(firstResult(d.Type), strs) && hasURLishLiteral(d.Body) {
					return true
				}
			case *ast.GenDecl:
				if d.Tok != token.VAR {
					continue
				}
				for _, spec := range d.Specs {
					vs := spec.(*ast.ValueSpec)
					for _, name := range vs.Names {
						if name.IsExported() && len(vs.Values) > 0 && hasURLishLiteral(vs) {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// firstResult is the type expression of a function's first result, or nil.
func firstResult(ft *ast.FuncType) ast.Expr {
	if ft.Results == nil || len(ft.Results.List) == 0 {
		return nil
	}
	return ft.Results.List[0].Type
}

// stringTypes are the names of the package's types that are strings
// underneath (type Endpoint string), as far as the syntax tells.
func stringTypes(files []*ast.File) map[string]bool {
	under := map[string]ast.Expr{}
	for _, f := range files {
		for _, d := range f.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
				for _, spec := range gd.Specs {
					ts := spec.(*ast.TypeSpec)
					under[ts.Name.Name] = ts.Type
				}
			}
		}
	}
	strs := map[string]bool{}
	for name := range under {
		t := under[name]
		for range len(under) { // a chain of named types, never a cycle
			id, ok := t.(*ast.Ident)
			if !ok {
				break
			}
			if id.Name == "string" {
				strs[name] = true
				break
			}
			if t, ok = under[id.Name]; !ok {
				break
			}
		}
	}
	return strs
}

// mayBeString reports whether a type expression can denote a string type:
// string, one of the package's string types, or another package's named
// type (its underlying type is not known without type-checking).
func mayBeString(t ast.Expr, strs map[string]bool) bool {
	switch t := t.(type) {
	case *ast.Ident:
		return t.Name == "string" || strs[t.Name]
	case *ast.SelectorExpr:
		return true
	case *ast.ParenExpr:
		return mayBeString(t.X, strs)
	}
	return false
}

// hasURLishLiteral reports whether n holds a string literal with a '/'
// or a '.' where it can be a string's value: outside composite literals,
// or as a field's value in a keyed literal of this package's types (what
// the analyzer reads as a field's write). Map entries, slice elements and
// positional fields are tables, not token URLs (x/tools' list of the
// standard library's symbols), and another package's type
// (&analysis.Analyzer{URL: ...}) has no fields this package exports.
// Nor do literals count that only decide or report: conditions and
// comparisons (if name == "."), a return's results after the first, and
// error and log messages.
func hasURLishLiteral(n ast.Node) bool {
	found := false
	var visit func(n ast.Node, inLit bool)
	visit = func(n ast.Node, inLit bool) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				found = found || !inLit && n.Kind == token.STRING && strings.ContainsAny(n.Value, "/.")
			case *ast.CompositeLit:
				if _, imported := n.Type.(*ast.SelectorExpr); !imported {
					for _, elt := range n.Elts {
						kv, ok := elt.(*ast.KeyValueExpr)
						if !ok {
							visit(elt, true)
							continue
						}
						_, field := kv.Key.(*ast.Ident)
						visit(kv.Value, !field)
					}
				}
				return false
			case *ast.FuncLit:
				visit(n.Body, false) // a function's own statements
				return false
			case *ast.IfStmt:
				visitAll(visit, inLit, n.Init, n.Body, n.Else)
				return false
			case *ast.ForStmt:
				visitAll(visit, inLit, n.Init, n.Post, n.Body)
				return false
			case *ast.SwitchStmt:
				visitAll(visit, inLit, n.Init, n.Body)
				return false
			case *ast.CaseClause:
				for _, st := range n.Body {
					visit(st, inLit)
				}
				return false
			case *ast.BinaryExpr:
				return !isComparison(n.Op)
			case *ast.ReturnStmt:
				if len(n.Results) > 0 {
					visit(n.Results[0], inLit)
				}
				return false
			case *ast.CallExpr:
				return !reportsOnly(n)
			}
			return !found
		})
	}
	visit(n, false)
	return found
}

// visitAll visits the nodes that are there.
func visitAll(visit func(ast.Node, bool), inLit bool, nodes ...ast.Node) {
	for _, n := range nodes {
		if n != nil && !reflect.ValueOf(n).IsNil() {
			visit(n, inLit)
		}
	}
}

func isComparison(op token.Token) bool {
	switch op {
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
		return true
	}
	return false
}

// reportsOnly reports whether a call makes an error or a log line of its
// arguments, never a string value: errors.New, fmt.Errorf, log's
// functions, panic.
func reportsOnly(c *ast.CallExpr) bool {
	switch fn := c.Fun.(type) {
	case *ast.Ident:
		return fn.Name == "panic"
	case *ast.SelectorExpr:
		pkg, ok := fn.X.(*ast.Ident)
		if !ok {
			return false
		}
		switch pkg.Name {
		case "errors":
			return fn.Sel.Name == "New"
		case "fmt":
			return fn.Sel.Name == "Errorf"
		case "log":
			return true
		}
	}
	return false
}

// dedupe drops repeated findings: a definition shared by two requests
// is one mistake, reported once where it is written.
func dedupe(findings []rules.Diagnostic) []rules.Diagnostic {
	type key struct {
		rule, msg string
		span      rules.Span
	}
	seen := map[key]bool{}
	out := findings[:0]
	for _, f := range findings {
		k := key{f.Rule, f.Message, f.Span}
		if !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	return out
}
