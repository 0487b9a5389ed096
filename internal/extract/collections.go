package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/tokenlint/tokenlint/rules"
)

// What the API-client collection front ends (Postman, Insomnia, Bruno)
// share: variable resolution, the OAuth 2.0 helper's token request, and
// body classification.

// A varScope resolves {{name}} placeholders to the literal values a
// collection and the environments beside it define. Layers are searched in
// order (Postman: environment, then collection, then globals). Within one
// layer, sources that disagree (a dev and a prod environment) leave the
// variable unresolved: which one applies is chosen at run time.
type varScope struct {
	layers []map[string]varDef
	x      *expansion // the file's budget, shared by every scope of the file
	// u, when set, receives an Origin for each use of a value written in
	// another file (an environment beside the collection).
	u *rules.Unit
}

// A varDef is a variable's value, or ambiguous when its sources disagree;
// all keeps every source's value, for markFormSafe.
type varDef struct {
	text      string
	ambiguous bool
	all       []string
	// at is where text is written when that is another file (an
	// environment file beside the collection); zero otherwise.
	at rules.Span
}

// layer adds a new, lowest-precedence layer and returns it.
func (s *varScope) layer() map[string]varDef {
	m := map[string]varDef{}
	s.layers = append(s.layers, m)
	return m
}

// define records one source's value for name in layer m. Empty values are
// not definitions: exports keep initial values, and a blank one is filled
// in locally.
func define(m map[string]varDef, name, text string) { defineAt(m, name, text, rules.Span{}) }

// defineAt is define for a value written at span at of another file.
func defineAt(m map[string]varDef, name, text string, at rules.Span) {
	name = strings.TrimSpace(name)
	if name == "" || strings.TrimSpace(text) == "" {
		return
	}
	old, ok := m[name]
	if ok && (old.ambiguous || old.text != text) {
		m[name] = varDef{ambiguous: true, all: append(old.all, text)}
		return
	}
	if ok && old.at.File != "" {
		at = old.at // the same value in two files: the first names it
	}
	m[name] = varDef{text: text, all: append(old.all, text), at: at}
}

// values lists every value any layer gives name, in every source.
func (s *varScope) values(name string) []string {
	if s == nil {
		return nil
	}
	var out []string
	for _, m := range s.layers {
		out = append(out, m[name].all...)
	}
	return out
}

// markBody sets FormSafe on the placeholders of a form body's fields whose
// every defined value needs no encoding (markFormSafe).
func (s *varScope) markBody(b *rules.Body) *rules.Body {
	if b == nil || b.Kind != rules.BodyForm {
		return b
	}
	for i := range b.Fields {
		b.Fields[i].Value = markFormSafe(b.Fields[i].Value, s.values)
	}
	return b
}

// lookup finds name in the first layer that defines it.
func (s *varScope) lookup(name string) (varDef, bool) {
	for _, m := range s.layers {
		if d, ok := m[name]; ok {
			return d, !d.ambiguous
		}
	}
	return varDef{}, false
}

// maxVarDepth bounds the resolution of variables whose values use other
// variables (and cycles).
const maxVarDepth = 4

// resolve replaces each dynamic {{name}} of v whose variable has a literal
// value by that value. The value is not written where it is used, so it
// points at the placeholder, the use site: a finding about a resolved host
// underlines {{baseUrl}} in the request, and its message names the host.
// Placeholders inside the value resolve the same way; what stays unknown
// (an unset variable, {{$guid}}, a Nunjucks tag, a use past the file's
// expansion budget) stays dynamic.
func (s *varScope) resolve(v rules.Value, syn Syntax) rules.Value {
	return s.resolveDepth(v, syn, 0)
}

func (s *varScope) resolveDepth(v rules.Value, syn Syntax, depth int) rules.Value {
	if s == nil || !v.HasDynamic() || depth > maxVarDepth || !s.definesAny(v) {
		return v
	}
	var parts []rules.Value
	changed := false
	for k, seg := range v.Segs {
		end := len(v.Text)
		if k+1 < len(v.Segs) {
			end = int(v.Segs[k+1].Off)
		}
		part := v.Slice(int(seg.Off), end)
		if seg.Dynamic {
			name := placeholderName(part.Text)
			if d, ok := s.lookup(name); ok {
				sp := part.Span()
				if sub := TemplatedDecoded(v.File, d.text, sp.Start, sp.End, syn); s.x.spendValue(sub) {
					part = s.resolveDepth(sub, syn, depth+1)
					changed = true
					if d.at.File != "" && s.u != nil {
						s.u.Origins = append(s.u.Origins, rules.Origin{At: sp, Name: name, Value: d.at})
					}
				}
			}
		}
		parts = append(parts, part)
	}
	if !changed {
		return v
	}
	return rules.Concat(parts...)
}

// definesAny reports whether a dynamic part of v is a placeholder of a
// defined variable. Most are not ({{token}} set by a script, {{$guid}}),
// and cutting v into parts costs a pass over its segments per segment.
func (s *varScope) definesAny(v rules.Value) bool {
	for k, seg := range v.Segs {
		if !seg.Dynamic {
			continue
		}
		end := len(v.Text)
		if k+1 < len(v.Segs) {
			end = int(v.Segs[k+1].Off)
		}
		if _, ok := s.lookup(placeholderName(v.Text[seg.Off:end])); ok {
			return true
		}
	}
	return false
}

// credentialName reports whether a field or variable named name holds a
// credential. Credentials are never resolved from variables: a secret is
// judged, and reported, where it is written (the environment or variable
// list), not again at every request that uses it.
func credentialName(name string) bool {
	return rules.DefaultCatalog().IsCredentialField(name) || classifyKey(name) == keyClientSecret
}

// placeholderName is the variable a {{name}} or {{ _.name }} placeholder
// names; "" for anything else ({{$guid}}, {% tags %}, ${X}).
func placeholderName(p string) string {
	if !strings.HasPrefix(p, "{{") || !strings.HasSuffix(p, "}}") {
		return ""
	}
	name := strings.TrimSpace(p[2 : len(p)-2])
	// Insomnia's Nunjucks context: {{ _.baseUrl }}, {{ _['base-url'] }}.
	name = strings.TrimPrefix(name, "_.")
	if strings.ContainsAny(name, " |()[]'\"$") || name == "" {
		return ""
	}
	return name
}

// An oauthHelper is an API client's built-in OAuth 2.0 token fetcher
// (Postman's, Insomnia's, Bruno's), as configured.
type oauthHelper struct {
	Via      string
	TokenURL rules.Value
	// Grant is the configured grant type; a dynamic Value when the
	// configuration does not say (the tool's default applies).
	Grant        rules.Value
	ClientID     rules.Value
	ClientSecret rules.Value
	// Scope is the configured scope, sent as the scope form field.
	Scope rules.Value
	// InBody: the credentials go as client_id/client_secret form fields
	// instead of a Basic header.
	InBody bool
	Pos    rules.Span
}

// request is the token request the helper sends: a POST it builds itself,
// with the body and the Basic credentials encoded (Library), so the rules
// about hand-built requests stay silent and the host, path and grant rules
// judge what the user configured. An implicit grant sends no token request.
func (h oauthHelper) request() *rules.Request {
	if h.TokenURL.IsZero() || strings.TrimSpace(h.TokenURL.Text) == "" {
		return nil
	}
	if h.Grant.Known() && strings.EqualFold(strings.TrimSpace(h.Grant.Text), "implicit") {
		return nil
	}
	r := &rules.Request{
		Role:    rules.RoleToken,
		URL:     h.TokenURL,
		Grant:   rules.OrNil(h.Grant),
		Via:     h.Via,
		Library: true,
		Pos:     h.Pos,
	}
	if h.InBody {
		r.Body = &rules.Body{Kind: rules.BodyForm, Via: h.Via}
		for _, f := range []struct {
			name string
			v    rules.Value
		}{{"client_id", h.ClientID}, {"client_secret", h.ClientSecret}} {
			if f.v.IsZero() {
				continue
			}
			sp := f.v.Span()
			r.Body.Fields = append(r.Body.Fields, rules.Field{
				Name:     rules.Decoded(f.v.File, f.name, sp.Start, sp.End),
				Value:    f.v,
				Encoding: rules.EncodingFull,
				Via:      h.Via,
			})
		}
	} else if !h.ClientID.IsZero() || !h.ClientSecret.IsZero() {
		r.SetAuth(rules.Auth{Kind: rules.AuthBasic, User: h.ClientID, Secret: h.ClientSecret, Encodes: true, Via: h.Via})
	}
	// The helper sends the scope as a form field, so rules about scope
	// values (entra-scope) judge it as they judge a hand-built form.
	if !h.Scope.IsZero() && strings.TrimSpace(h.Scope.Text) != "" {
		if r.Body == nil {
			r.Body = &rules.Body{Kind: rules.BodyForm, Via: h.Via}
		}
		sp := h.Scope.Span()
		r.Body.Fields = append(r.Body.Fields, rules.Field{
			Name:     rules.Decoded(h.Scope.File, "scope", sp.Start, sp.End),
			Value:    h.Scope,
			Encoding: rules.EncodingFull,
			Via:      h.Via,
		})
	}
	return r
}

// unstatedGrant is the Grant of a helper whose grant type is not written:
// dynamic, because the tool's default applies and the linter does not
// judge a grant it cannot see (a user grant keeps user-scoped-api quiet).
func unstatedGrant(file string, sp rules.Span) rules.Value {
	return rules.Value{Text: "", File: file, Segs: []rules.Segment{{Start: int32(sp.Start), End: int32(sp.Start), Dynamic: true}}}
}

// textBody classifies a body written as text: by its content type (ct,
// zero when unknown) or language hint, else by its text. A form text is
// sent as written (EncodingRaw): no tool encodes a raw body.
func textBody(raw rules.Value, ct rules.Value, jsonHint bool, via string) *rules.Body {
	if strings.TrimSpace(raw.Text) == "" {
		return nil
	}
	kind := rules.ClassifyBody(raw, mediaType(ct.Text), ct.Known())
	if jsonHint && kind != rules.BodyForm {
		kind = rules.BodyJSON
	}
	b := &rules.Body{Kind: kind, Raw: raw, Via: via}
	switch kind {
	case rules.BodyForm:
		b.Fields = rules.ParseForm(raw, rules.EncodingRaw, via)
	case rules.BodyJSON:
		b.Fields = rules.JSONMembers(raw, via)
	}
	return b
}

// addVariable records what a collection or environment variable declares:
// a region, a credential (redacted in every output), a base URL. URL-valued
// variables make no request of their own: they are linted where a request
// uses them, so one mistake is reported once.
func addVariable(u *rules.Unit, name string, key, value rules.Value) {
	switch classifyKey(name) {
	case keyTokenURL, keyAuthURL, keyURL:
		return
	}
	addKeyValue(u, name, key, value)
}

// nodeSpan is the span of node n: from its start to about the end of its
// last descendant's text, for a Request's Pos.
func nodeSpan(y *yamlSource, n *yaml.Node) rules.Span {
	start := y.offset(n.Line, n.Column)
	last := n
	for len(last.Content) > 0 {
		last = last.Content[len(last.Content)-1]
	}
	end := min(len(y.src), y.offset(last.Line, last.Column)+len(last.Value))
	return rules.Span{File: y.file, Start: start, End: max(start, end)}
}

// nodeError is an *Error at node n's line.
func nodeError(y *yamlSource, n *yaml.Node, format string, args ...any) *Error {
	line := 0
	if n != nil {
		line = n.Line
	}
	return Errorf(y.file, line, format, args...)
}

// checkJSON rejects a file that is not strict JSON, with the line of the
// first error: yaml.v3 reads JSON, but also accepts what JSON does not
// ({"a": } is a null in YAML), and a broken export should say so.
func checkJSON(file string, src []byte) error {
	// Valid scans without building anything; only an invalid document,
	// whose error needs its offset, is decoded.
	if json.Valid(src) {
		return nil
	}
	var v any
	err := json.Unmarshal(src, &v)
	var se *json.SyntaxError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &se):
		line, _ := rules.NewLineIndex(src).Position(int(se.Offset))
		return Errorf(file, line, "invalid JSON: %s", se)
	}
	return Errorf(file, 0, "invalid JSON: %s", err)
}

// parseJSONObject parses a strict JSON document whose top level must be an
// object (what names the format, for the error). An empty document has a
// nil Root. yaml.v3 rejects two JSON escapes (\/ and UTF-16 surrogate
// pairs), so those are rewritten first; the returned map, when not nil,
// maps the unit's spans back to the file (OffsetMap.Remap).
// jsonUnit parses a JSON document for a front end: its tree (a nil Root
// for an empty file), the unit to fill, and finish, to call when the unit
// is filled, which maps its spans back to the file where the parse
// rewrote escapes.
func jsonUnit(file string, src []byte, what phrase) (*yamlSource, *rules.Unit, func(), error) {
	y, u, finish, _, err := jsonUnitList(file, src, what, "")
	return y, u, finish, err
}

// jsonUnitList is jsonUnit that leaves a large document's top-level
// member key out of the tree, to be read an element at a time (see
// jsonList); the list is nil when the tree holds it.
func jsonUnitList(file string, src []byte, what phrase, key string) (*yamlSource, *rules.Unit, func(), *jsonList, error) {
	y, remap, list, err := parseJSONObjectList(file, src, what, key)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	u := &rules.Unit{Name: file}
	finish := func() {
		if remap != nil {
			remapJSON(u, remap, file)
		}
	}
	return y, u, finish, list, nil
}

func parseJSONObject(file string, src []byte, what phrase) (*yamlSource, OffsetMap, error) {
	y, m, _, err := parseJSONObjectList(file, src, what, "")
	return y, m, err
}

// parseJSONObjectList is parseJSONObject that, from listFrom bytes on,
// leaves the array of the top-level member key out of the tree and
// returns it as a jsonList (nil when key is "" or the tree holds it).
func parseJSONObjectList(file string, src []byte, what phrase, key string) (*yamlSource, OffsetMap, *jsonList, error) {
	if len(bytes.TrimSpace(src)) == 0 {
		return &yamlSource{file: file, src: src}, nil, nil, nil
	}
	if err := checkJSON(file, src); err != nil {
		return nil, nil, nil, err
	}
	derived, m := jsonForYAML(src)
	text := derived
	var list *jsonList
	if key != "" && len(derived) >= listFrom {
		if open, end, elems, ok := splitJSONList(derived, key); ok {
			text, list = withoutList(derived, open, end), &jsonList{elems: elems}
		}
	}
	y, err := parseJSONYAML(file, text)
	if err != nil {
		return nil, nil, nil, err
	}
	if y.Root != nil && y.Root.Kind != yaml.MappingNode {
		return nil, nil, nil, Errorf(file, y.fileLine(y.Root.Line), "not %s: the top level is not an object", what)
	}
	if list != nil {
		// The tree's positions are the same in the text it was parsed
		// from and in the document; offsets are the document's.
		y.src, y.lines = derived, lineStarts(derived, 0)
		list.y = y
	}
	return y, m, list, nil
}

// jsonForYAML rewrites the escapes of valid JSON that yaml.v3 does not
// read: "\/" becomes "/" (which keeps pointing at the slash) and a
// \uD83D\uDE00 surrogate pair its UTF-8 character (a lone surrogate
// U+FFFD, as encoding/json does). It returns src itself and a nil map when
// there is nothing to rewrite. Outside strings JSON has no backslash.
func jsonForYAML(src []byte) ([]byte, OffsetMap) {
	if !bytes.Contains(src, []byte(`\/`)) && !bytes.Contains(src, []byte(`\u`)) {
		return src, nil
	}
	var out []byte
	var m OffsetMap
	run := 0 // start in src of the current verbatim run
	flush := func(end int) {
		if end > run {
			m.Add(len(out), run, end-run)
			out = append(out, src[run:end]...)
		}
	}
	changed := false
	for i := 0; i < len(src); i++ {
		if src[i] != '\\' || i+1 >= len(src) {
			continue
		}
		switch c := src[i+1]; {
		case c == '/':
			flush(i)
			run = i + 1 // the slash itself stays verbatim
			changed = true
			i++
		case c == 'u' && i+6 <= len(src):
			r, err := strconv.ParseUint(string(src[i+2:i+6]), 16, 32)
			if err != nil || r < 0xd800 || r > 0xdfff {
				i += 5
				continue
			}
			width, ch := 6, rune(0xfffd)
			if r < 0xdc00 && i+12 <= len(src) && src[i+6] == '\\' && src[i+7] == 'u' {
				if lo, err := strconv.ParseUint(string(src[i+8:i+12]), 16, 32); err == nil && lo >= 0xdc00 && lo <= 0xdfff {
					ch, width = utf16.DecodeRune(rune(r), rune(lo)), 12
				}
			}
			flush(i)
			out = utf8.AppendRune(out, ch)
			run = i + width
			changed = true
			i += width - 1
		default:
			i++ // any other escape, including \\, is left as is
		}
	}
	if !changed {
		return src, nil
	}
	flush(len(src))
	return out, m
}

// A collectionDoc is an API-client collection being read: its nodes, the
// unit being built, its variables and placeholder syntax, and the OAuth
// helpers already turned into token requests (by their auth node).
type collectionDoc struct {
	y       *yamlSource
	u       *rules.Unit
	vars    *varScope
	syn     Syntax
	helpers map[*yaml.Node]bool
}

func newCollectionDoc(y *yamlSource, u *rules.Unit, syn Syntax, x *expansion) collectionDoc {
	return collectionDoc{y: y, u: u, vars: &varScope{x: x, u: u}, syn: syn, helpers: map[*yaml.Node]bool{}}
}

// text is a scalar node's Value with its variables resolved.
func (d *collectionDoc) text(n *yaml.Node) rules.Value {
	return d.vars.resolve(d.secret(n), d.syn)
}

// secret is a scalar node's Value with its placeholders left dynamic (see
// credentialName).
func (d *collectionDoc) secret(n *yaml.Node) rules.Value {
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return rules.Value{}
	}
	v, _ := d.y.Scalar(n, d.syn)
	return v
}

// fields reads a list of {key|name, value, disabled, type} entries (form
// parameters); files are skipped, credentials are not resolved.
func (d *collectionDoc) fields(list *yaml.Node, enc rules.Encoding, via string) []rules.Field {
	var out []rules.Field
	for _, f := range seqItems(list) {
		k := keyNode(f)
		if k == nil || str(f, "disabled") == "true" || str(f, "type") == "file" {
			continue
		}
		_, v := mapValue(f, "value")
		val := d.text(v)
		if credentialName(k.Value) {
			val = d.secret(v)
		}
		if val.IsZero() {
			off := d.y.offset(k.Line, k.Column)
			val = rules.Decoded(d.y.file, "", off, off)
		}
		out = append(out, rules.Field{Name: d.text(k), Value: val, Encoding: enc, Via: via})
	}
	return out
}

// remapJSON maps a unit extracted from jsonForYAML's text back to the
// file. Verbatim runs are first cut where the rewrite dropped a byte, so
// each piece stays verbatim and keeps per-character positions.
func remapJSON(u *rules.Unit, m OffsetMap, file string) {
	u.Values(func(v *rules.Value) {
		var segs []rules.Segment
		for _, s := range v.Segs {
			if !s.Verbatim || s.Dynamic {
				segs = append(segs, s)
				continue
			}
			first := sort.Search(len(m), func(i int) bool { return m[i].From+m[i].Len > int(s.Start) })
			for _, p := range m[first:] {
				if p.From >= int(s.End) {
					break
				}
				for _, b := range []int{p.From, p.From + p.Len} {
					if b32 := int32(b); b32 > s.Start && b32 < s.End {
						head := s
						head.End = b32
						segs = append(segs, head)
						s.Off += b32 - s.Start
						s.Start = b32
					}
				}
			}
			segs = append(segs, s)
		}
		v.Segs = segs
	})
	m.Remap(u, file)
}

// mediaType is the lower-case media type of a Content-Type value, without
// parameters.
func mediaType(ct string) string {
	mt, _, _ := strings.Cut(ct, ";")
	return strings.ToLower(strings.TrimSpace(mt))
}
