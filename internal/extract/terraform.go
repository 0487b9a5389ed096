package extract

import (
	"bytes"
	"maps"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/tokenlint/tokenlint/rules"
	"github.com/zclconf/go-cty/cty"
)

// The Terraform front end (.tf): the genesyscloud provider block's
// credentials and region (genesys.md §5.1), variable defaults and locals
// read through the shared key table, and HTTP requests made by data or
// resource blocks (hashicorp/http's data "http": url, method,
// request_headers, request_body). Interpolations, variables and function
// calls are dynamic; urlencode() marks a form value as encoded.

var terraformFormat = &Format{
	Name:     "terraform",
	match:    func(n fileName, _ []byte) bool { return n.ext == ".tf" },
	Extract:  extractTerraform,
	extract:  extractTerraformIn,
	Comments: []string{"#", "//"},
}

const viaTerraform = "Terraform http"

func extractTerraform(file string, src []byte) (*rules.Unit, error) {
	x := newExpansion(len(src))
	u, err := extractTerraformIn(file, src, x)
	if err == nil {
		// A module is its directory: a variable used here is declared, and
		// given its value, in the other .tf files and the .tfvars beside.
		addBeside(u, file, x, isModuleFile, extractModuleFile)
	}
	return u, err
}

// isModuleFile is a file of the same Terraform module: another .tf, or a
// variable definitions file (terraform.tfvars, *.auto.tfvars, and the
// *.tfvars a plan names with -var-file).
func isModuleFile(name string) bool {
	e := strings.ToLower(path.Ext(name))
	return e == ".tf" || e == ".tfvars"
}

// extractModuleFile reads a file of the module for what it writes down.
func extractModuleFile(file string, src []byte, x *expansion) (*rules.Unit, error) {
	if strings.EqualFold(path.Ext(file), ".tfvars") {
		return extractTFVars(file, src, x)
	}
	return extractTerraformIn(file, src, x)
}

// extractTFVars reads a variable definitions file: name = value
// attributes, each a setting as a variable's default is.
func extractTFVars(file string, src []byte, x *expansion) (*rules.Unit, error) {
	if hclTooDeep(src, maxNesting) >= 0 {
		return nil, Errorf(file, 0, "invalid HCL: nesting deeper than %d levels", maxNesting)
	}
	f, diags := hclsyntax.ParseConfig(src, file, hcl.InitialPos)
	body, ok := f.Body.(*hclsyntax.Body)
	if diags.HasErrors() || !ok {
		return nil, Errorf(file, 0, "invalid HCL")
	}
	t := &tfFile{file: file, src: src, u: &rules.Unit{Name: file}, vars: map[string]hclsyntax.Expression{}, x: x}
	for _, a := range inOrder(body.Attributes) {
		t.keyValue(a.Name, a.NameRange, a.Expr)
	}
	return t.u, nil
}

// inOrder is a body's attributes in the order the file writes them: HCL
// keeps them in a map, and the model (and so -debug-model and any message
// that lists settings) must not change from one run to the next.
func inOrder(attrs hclsyntax.Attributes) []*hclsyntax.Attribute {
	out := slices.Collect(maps.Values(attrs))
	slices.SortFunc(out, func(a, b *hclsyntax.Attribute) int { return a.SrcRange.Start.Byte - b.SrcRange.Start.Byte })
	return out
}

// extractTerraformIn is extractTerraform with the expansion budget x,
// which variable defaults and locals draw on as they are resolved.
//
// A text terraformGate turns away holds nothing this front end reads, and
// is not parsed: a malformed one is no error, as a YAML or JSON file that
// names no key the key table reads is none. A binary one still goes to
// the parser, which says what it is.
func extractTerraformIn(file string, src []byte, x *expansion) (*rules.Unit, error) {
	if !terraformGate.admits(whole(src)) && utf8.Valid(src) && bytes.IndexByte(src, 0) < 0 {
		return &rules.Unit{Name: file}, nil
	}
	return readTerraform(file, src, x)
}

// readTerraform parses and reads a Terraform text.
func readTerraform(file string, src []byte, x *expansion) (*rules.Unit, error) {
	if at := hclTooDeep(src, maxNesting); at >= 0 {
		return nil, Errorf(file, lineOf(src, at), "invalid HCL: nesting deeper than %d levels", maxNesting)
	}
	f, diags := hclsyntax.ParseConfig(src, file, hcl.InitialPos)
	if diags.HasErrors() {
		for _, d := range diags {
			if d.Severity == hcl.DiagError {
				line := 0
				if d.Subject != nil {
					line = d.Subject.Start.Line
				}
				return nil, Errorf(file, line, "invalid HCL: %s", parserMessage(strings.TrimSuffix(d.Summary, ".")))
			}
		}
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return nil, Errorf(file, 0, "not HCL native syntax")
	}
	t := &tfFile{file: file, src: src, u: &rules.Unit{Name: file}, vars: map[string]hclsyntax.Expression{}, x: x}
	for _, b := range body.Blocks {
		switch {
		case b.Type == "variable" && len(b.Labels) == 1:
			if a := b.Body.Attributes["default"]; a != nil {
				t.vars["var."+b.Labels[0]] = a.Expr
			}
		case b.Type == "locals":
			for _, a := range b.Body.Attributes {
				t.vars["local."+a.Name] = a.Expr
			}
		}
	}
	for _, b := range body.Blocks {
		switch {
		case b.Type == "provider" && len(b.Labels) == 1 && b.Labels[0] == "genesyscloud":
			t.provider(b)
		case b.Type == "variable" && len(b.Labels) == 1:
			if a := b.Body.Attributes["default"]; a != nil {
				t.keyValue(b.Labels[0], t.unquoted(b.LabelRanges[0]), a.Expr)
			}
		case b.Type == "locals":
			for _, a := range inOrder(b.Body.Attributes) {
				t.keyValue(a.Name, a.NameRange, a.Expr)
			}
		case (b.Type == "data" || b.Type == "resource") && len(b.Labels) == 2:
			t.httpRequest(b)
		}
	}
	return t.u, nil
}

type tfFile struct {
	file string
	src  []byte
	u    *rules.Unit
	// vars are the variable defaults and locals by reference (var.x,
	// local.y), which value resolves as Terraform does when nothing
	// overrides them; depth bounds locals that refer to locals.
	vars  map[string]hclsyntax.Expression
	depth int
	// x is the file's expansion budget: a local used sixty times a level
	// is 60^depth lookups, which depth alone does not bound.
	x *expansion
}

// genesysProvider maps the provider's attributes to settings.
var genesysProvider = map[string]rules.SettingKind{
	"aws_region":         rules.SettingRegion,
	"oauthclient_id":     rules.SettingClientID,
	"oauthclient_secret": rules.SettingClientSecret,
	"access_token":       rules.SettingClientSecret,
}

func (t *tfFile) provider(b *hclsyntax.Block) {
	for _, a := range inOrder(b.Body.Attributes) {
		kind, ok := genesysProvider[a.Name]
		if !ok {
			continue
		}
		v, _ := t.value(a.Expr)
		if v.IsZero() || v.Text == "" {
			continue
		}
		t.u.Settings = append(t.u.Settings, rules.Setting{Kind: kind, Key: t.lit(a.NameRange), Value: v})
	}
}

// unquoted is a block label's range without its quotes, so the key is
// the variable's name as tfvars and references write it; HCL also takes
// a bare label (variable api_host {...}), which keeps its range.
func (t *tfFile) unquoted(r hcl.Range) hcl.Range {
	if r.End.Byte-r.Start.Byte >= 2 && t.src[r.Start.Byte] == '"' {
		r.Start.Byte++
		r.End.Byte--
	}
	return r
}

// keyValue reads a variable default or a local like a config key.
func (t *tfFile) keyValue(name string, nameRange hcl.Range, e hclsyntax.Expression) {
	v, _ := t.value(e)
	if v.IsZero() {
		return
	}
	addKeyValue(t.u, name, t.lit(nameRange), v)
}

// httpRequest reads a data or resource block that sends an HTTP request:
// hashicorp/http's data "http", and blocks of other types with the same
// url/method/request_body attributes.
func (t *tfFile) httpRequest(b *hclsyntax.Block) {
	attrs := b.Body.Attributes
	urlAttr := attrs["url"]
	if urlAttr == nil || (b.Labels[0] != "http" && attrs["request_body"] == nil) {
		return
	}
	url, _ := t.value(urlAttr.Expr)
	if url.IsZero() {
		return
	}
	r := &rules.Request{URL: url, Via: viaTerraform, Pos: t.span(b.Range())}
	if m := attrs["method"]; m != nil {
		r.Method, _ = t.value(m.Expr)
	} else if b.Type == "data" && b.Labels[0] == "http" {
		// data "http" sends GET unless told otherwise, body or not.
		r.Method = rules.Decoded(t.file, "GET", b.TypeRange.Start.Byte, b.TypeRange.End.Byte)
	}
	for _, name := range []string{"request_headers", "headers"} {
		if h := attrs[name]; h != nil {
			r.Headers = append(r.Headers, t.headers(h.Expr)...)
		}
	}
	if a := attrs["insecure"]; a != nil {
		if v, diags := a.Expr.Value(nil); !diags.HasErrors() && v.Type() == cty.Bool && v.True() {
			r.MarkInsecure(t.span(a.SrcRange))
		}
	}
	if a := attrs["request_body"]; a != nil {
		r.Body = t.body(a.Expr, r)
	}
	t.u.Requests = append(t.u.Requests, r)
}

// headers reads a map of header names to values.
func (t *tfFile) headers(e hclsyntax.Expression) []rules.Header {
	obj, ok := e.(*hclsyntax.ObjectConsExpr)
	if !ok {
		return nil
	}
	var out []rules.Header
	for _, it := range obj.Items {
		name, _ := t.value(it.KeyExpr)
		val, _ := t.value(it.ValueExpr)
		if name.IsZero() || val.IsZero() {
			continue
		}
		out = append(out, rules.Header{Name: name, Value: val})
	}
	return out
}

// body reads request_body: jsonencode({...}) is a JSON body; a string is
// classified as every front end classifies a text body
// (rules.ClassifyBody), a form in it written by hand (Terraform encodes
// nothing but urlencode() results).
func (t *tfFile) body(e hclsyntax.Expression, r *rules.Request) *rules.Body {
	if call, ok := e.(*hclsyntax.FunctionCallExpr); ok && call.Name == "jsonencode" && len(call.Args) == 1 {
		b := &rules.Body{Kind: rules.BodyJSON, Raw: rules.Decoded(t.file, t.text(call.Range()), call.Range().Start.Byte, call.Range().End.Byte), Via: "jsonencode"}
		if obj, ok := call.Args[0].(*hclsyntax.ObjectConsExpr); ok {
			for _, it := range obj.Items {
				name, _ := t.value(it.KeyExpr)
				val, _ := t.value(it.ValueExpr)
				b.Fields = append(b.Fields, rules.Field{Name: name, Value: val, Encoding: rules.EncodingFull})
			}
		}
		return b
	}
	v, encoded := t.value(e)
	if v.IsZero() {
		return nil
	}
	ct, typed := "", false
	if h := r.Header("Content-Type"); h != nil && h.Value.Known() {
		ct, typed = mediaType(h.Value.Text), true
	}
	switch rules.ClassifyBody(v.TrimSpace(), ct, typed) {
	case rules.BodyJSON:
		return &rules.Body{Kind: rules.BodyJSON, Raw: v, Fields: rules.JSONMembers(v, "request_body")}
	case rules.BodyForm:
		fields := rules.ParseForm(v.TrimSpace(), rules.EncodingRaw, "request_body")
		for i := range fields {
			if encodedOnly(fields[i].Value, encoded) {
				fields[i].Encoding = rules.EncodingFull
			}
		}
		return &rules.Body{Kind: rules.BodyForm, Raw: v, Fields: fields, Via: "request_body"}
	}
	return &rules.Body{Kind: rules.BodyRaw, Raw: v}
}

// encodedOnly reports whether every part of v is a urlencode() result (its
// segments start at one of the encoded interpolations).
func encodedOnly(v rules.Value, encoded map[int]bool) bool {
	if len(encoded) == 0 || v.IsZero() {
		return false
	}
	for _, s := range v.Segs {
		if !s.Dynamic || !encoded[int(s.Start)] {
			return false
		}
	}
	return true
}

// value turns a string-valued expression into a Value. Literal parts of a
// template point at their bytes (verbatim when no escape changed them);
// interpolations, variables and calls are dynamic. The map holds the start
// offsets of interpolations that are urlencode() calls.
func (t *tfFile) value(e hclsyntax.Expression) (rules.Value, map[int]bool) {
	encoded := map[int]bool{}
	switch x := e.(type) {
	case *hclsyntax.ObjectConsKeyExpr:
		if x.ForceNonLiteral {
			return t.dyn(x.Range()), nil
		}
		if tr, ok := x.Wrapped.(*hclsyntax.ScopeTraversalExpr); ok && len(tr.Traversal) == 1 {
			return t.lit(tr.Range()), nil // a bare key is its own name
		}
		return t.value(x.Wrapped)
	case *hclsyntax.TemplateWrapExpr:
		if v, enc, ok := t.evaluated(x.Wrapped); ok {
			return v, enc
		}
		v := t.dyn(t.interpolation(x.Wrapped.Range()))
		if isURLEncodeCall(x.Wrapped) {
			encoded[int(v.Segs[0].Start)] = true
		}
		return v, encoded
	case *hclsyntax.LiteralValueExpr:
		if x.Val.Type() != cty.String || x.Val.IsNull() {
			if x.Val.Type() == cty.Number || x.Val.Type() == cty.Bool {
				return t.lit(x.Range()), nil
			}
			return rules.Value{}, nil
		}
		return t.literal(x.Val.AsString(), x.Range()), nil
	case *hclsyntax.TemplateExpr:
		var parts []rules.Value
		for _, p := range x.Parts {
			if lit, ok := p.(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String && !lit.Val.IsNull() {
				parts = append(parts, t.literal(lit.Val.AsString(), lit.Range()))
				continue
			}
			if v, enc, ok := t.evaluated(p); ok {
				parts = append(parts, v)
				maps.Copy(encoded, enc)
				continue
			}
			v := t.dyn(t.interpolation(p.Range()))
			if isURLEncodeCall(p) {
				encoded[int(v.Segs[0].Start)] = true
			}
			parts = append(parts, v)
		}
		if len(parts) == 0 { // ""
			r := x.Range()
			return rules.Decoded(t.file, "", r.Start.Byte, r.End.Byte), nil
		}
		return rules.Concat(parts...), encoded
	}
	if v, enc, ok := t.evaluated(e); ok {
		return v, enc
	}
	return t.dyn(e.Range()), nil
}

// maxTFDepth bounds how deep references and calls are followed.
const maxTFDepth = 8

// evaluated is the value of the expressions Terraform computes from what
// the file writes down: a variable's default or a local (var.x, local.y),
// join() and format() over them (request_body = join("&", [...])), lower,
// upper, trimspace, trimprefix and trimsuffix of a known string, and a
// conditional whose condition is a literal. Parts that stay unknown are
// dynamic, as in a template. ok is false for anything else.
func (t *tfFile) evaluated(e hclsyntax.Expression) (rules.Value, map[int]bool, bool) {
	if t.depth >= maxTFDepth {
		return rules.Value{}, nil, false
	}
	t.depth++
	defer func() { t.depth-- }()
	switch x := e.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		if len(x.Traversal) != 2 {
			return rules.Value{}, nil, false
		}
		root, attr := x.Traversal.RootName(), x.Traversal[1]
		step, ok := attr.(hcl.TraverseAttr)
		if !ok {
			return rules.Value{}, nil, false
		}
		def := t.vars[root+"."+step.Name]
		if def == nil || !t.x.spend(0) {
			return rules.Value{}, nil, false
		}
		v, enc := t.value(def)
		if !t.x.spendValue(v) {
			return rules.Value{}, nil, false
		}
		return v, enc, !v.IsZero()
	case *hclsyntax.ConditionalExpr:
		c, diags := x.Condition.Value(nil)
		if diags.HasErrors() || c.Type() != cty.Bool || !c.IsKnown() || c.IsNull() {
			return rules.Value{}, nil, false
		}
		branch := x.FalseResult
		if c.True() {
			branch = x.TrueResult
		}
		v, enc := t.value(branch)
		return v, enc, !v.IsZero()
	case *hclsyntax.FunctionCallExpr:
		return t.call(x)
	}
	return rules.Value{}, nil, false
}

// call evaluates the string functions evaluated names.
func (t *tfFile) call(x *hclsyntax.FunctionCallExpr) (rules.Value, map[int]bool, bool) {
	r := x.Range()
	arg := func(i int) (rules.Value, map[int]bool) {
		if i >= len(x.Args) {
			return rules.Value{}, nil
		}
		return t.value(x.Args[i])
	}
	switch x.Name {
	case "join":
		if len(x.Args) != 2 {
			return rules.Value{}, nil, false
		}
		sep, _ := arg(0)
		list, ok := x.Args[1].(*hclsyntax.TupleConsExpr)
		if !sep.Known() || !ok {
			return rules.Value{}, nil, false
		}
		var parts []rules.Value
		encoded := map[int]bool{}
		sp := sep.Span()
		for i, it := range list.Exprs {
			if i > 0 {
				parts = append(parts, rules.Decoded(t.file, sep.Text, sp.Start, sp.End))
			}
			v, enc := t.value(it)
			if v.IsZero() {
				return rules.Value{}, nil, false
			}
			maps.Copy(encoded, enc)
			parts = append(parts, v)
		}
		if len(parts) == 0 {
			return rules.Decoded(t.file, "", r.Start.Byte, r.End.Byte), nil, true
		}
		return rules.Concat(parts...), encoded, true
	case "format":
		f, _ := arg(0)
		if !f.Known() {
			return rules.Value{}, nil, false
		}
		var parts []rules.Value
		encoded := map[int]bool{}
		sp := f.Span()
		text, next := f.Text, 1
		for {
			i := strings.IndexByte(text, '%')
			if i < 0 || i+1 >= len(text) {
				break
			}
			if text[i+1] == '%' {
				parts = append(parts, rules.Decoded(t.file, text[:i+1], sp.Start, sp.End))
				text = text[i+2:]
				continue
			}
			if !strings.ContainsRune("sdv", rune(text[i+1])) {
				return rules.Value{}, nil, false // a width, a flag: not read
			}
			v, enc := arg(next)
			if v.IsZero() {
				return rules.Value{}, nil, false
			}
			next++
			maps.Copy(encoded, enc)
			parts = append(parts, rules.Decoded(t.file, text[:i], sp.Start, sp.End), v)
			text = text[i+2:]
		}
		parts = append(parts, rules.Decoded(t.file, text, sp.Start, sp.End))
		return rules.Concat(parts...), encoded, true
	case "lower", "upper", "trimspace", "trimprefix", "trimsuffix":
		v, _ := arg(0)
		if !v.Known() {
			return rules.Value{}, nil, false
		}
		out := v.Text
		switch x.Name {
		case "lower":
			out = strings.ToLower(out)
		case "upper":
			out = strings.ToUpper(out)
		case "trimspace":
			out = strings.TrimSpace(out)
		default:
			a, _ := arg(1)
			if !a.Known() {
				return rules.Value{}, nil, false
			}
			if x.Name == "trimprefix" {
				out = strings.TrimPrefix(out, a.Text)
			} else {
				out = strings.TrimSuffix(out, a.Text)
			}
		}
		return rules.Decoded(t.file, out, r.Start.Byte, r.End.Byte), nil, true
	}
	return rules.Value{}, nil, false
}

func isURLEncodeCall(e hclsyntax.Expression) bool {
	c, ok := e.(*hclsyntax.FunctionCallExpr)
	return ok && c.Name == "urlencode"
}

// literal is a template's literal part: verbatim when its decoded text is
// its source, Decoded otherwise (escapes, $${).
func (t *tfFile) literal(text string, r hcl.Range) rules.Value {
	if src := t.text(r); src == text {
		return rules.Lit(t.file, text, r.Start.Byte)
	}
	return rules.Decoded(t.file, text, r.Start.Byte, r.End.Byte)
}

// interpolation widens an interpolated expression's range to its "${" and
// "}" (with strip markers), so the dynamic part covers what is written.
func (t *tfFile) interpolation(r hcl.Range) hcl.Range {
	start, end := r.Start.Byte, r.End.Byte
	before := bytes.TrimRight(t.src[:start], " \t\n~")
	if bytes.HasSuffix(before, []byte("${")) || bytes.HasSuffix(before, []byte("%{")) {
		start = len(before) - 2
		rest := t.src[end:]
		trimmed := bytes.TrimLeft(rest, " \t\n~")
		if len(trimmed) > 0 && trimmed[0] == '}' {
			end += len(rest) - len(trimmed) + 1
		}
	}
	r.Start.Byte, r.End.Byte = start, end
	return r
}

func (t *tfFile) text(r hcl.Range) string {
	if r.Start.Byte < 0 || r.End.Byte > len(t.src) || r.Start.Byte > r.End.Byte {
		return ""
	}
	return string(t.src[r.Start.Byte:r.End.Byte])
}

func (t *tfFile) lit(r hcl.Range) rules.Value {
	return rules.Lit(t.file, t.text(r), r.Start.Byte)
}

func (t *tfFile) dyn(r hcl.Range) rules.Value {
	return rules.Dyn(t.file, t.text(r), r.Start.Byte, r.End.Byte)
}

func (t *tfFile) span(r hcl.Range) rules.Span {
	return rules.Span{File: t.file, Start: r.Start.Byte, End: r.End.Byte}
}
