package analyzer

import (
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
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
		ResultType: reflect.TypeOf((*Result)(nil)),
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
	if pass.TypesInfo == nil || len(pass.Files) == 0 || inGOROOT(pass) || isOAuth2Path(pass.Pkg.Path()) || isSDKPath(pass.Pkg.Path()) {
		// No token URLs to summarise; the libraries' own code is the
		// correct implementation and never linted.
		return &Result{}
	}
	cat := opts.Catalog
	if cat == nil {
		cat = rules.DefaultCatalog()
	}
	if cat.GoClient(modulePackage(pass.Pkg.Path())) != nil {
		return &Result{} // a catalogued client's own code
	}
	rel := relevant(pass, cat)
	if !rel && !hasExportedStringFuncs(pass) {
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
// understands: it imports net/http, golang.org/x/oauth2 or the Genesys SDK.
// The libraries' own packages are never linted: their code is the correct
// implementation, and x/oauth2/endpoints lists other providers' token URLs.
func relevant(pass *analysis.Pass, cat *rules.Catalog) bool {
	for _, imp := range pass.Pkg.Imports() {
		p := imp.Path()
		if p == "net/http" || isOAuth2Path(p) || isSDKPath(p) || cat.GoClient(modulePackage(p)) != nil {
			return true
		}
	}
	return false
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
	root := build.Default.GOROOT
	if len(pass.Files) == 0 || root == "" {
		return false
	}
	name := pass.Fset.File(pass.Files[0].Pos()).Name()
	return strings.HasPrefix(name, filepath.Join(root, "src")+string(filepath.Separator))
}

// hasExportedStringFuncs reports whether the package declares an
// exported function with a string result, or an exported string
// variable, whose declaration holds a string literal with a '/' or a '.'
// (what a URL or a host is made of): the cheap test that keeps fact
// export off most dependencies under go vet.
func hasExportedStringFuncs(pass *analysis.Pass) bool {
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				fn, ok := pass.TypesInfo.Defs[d.Name].(*types.Func)
				if !ok || d.Recv != nil || d.Body == nil || !fn.Exported() {
					continue
				}
				sig := fn.Type().(*types.Signature)
				if sig.Results().Len() > 0 && isString(sig.Results().At(0).Type()) && hasURLishLiteral(d.Body) {
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

// hasURLishLiteral reports whether n holds a string literal with a '/'
// or a '.'.
func hasURLishLiteral(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.ContainsAny(lit.Value, "/.") {
			found = true
		}
		return !found
	})
	return found
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
