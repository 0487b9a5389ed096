package extract

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/tokenlint/tokenlint/internal/keyword"
	"github.com/tokenlint/tokenlint/rules"
)

// The Postman front end: collections v2.0 and v2.1 and the environment and
// globals files beside them (docs/facts/formats.md §3; schemas in
// postmanlabs/schemas schemas/draft-04/v2.1.0/collection/*.json).
//
// Who encodes what (formats.md §0.2): the OAuth 2.0 helper builds its own
// token request (Library); urlencoded body mode encodes "&" but sends "+"
// as written (EncodingExceptPlus, postmanlabs/postman-app-support#8849); a
// raw body goes out as written. So a literal "+" in a urlencoded secret is
// reported; a {{client_secret}} there is not, although its value could hold
// a "+": it is the most common shape of a Postman token request (every
// public collection and fixture read), a warning on each would be noise,
// and a secret defined in the collection or an environment file is judged
// where it is written.
//
// {{variables}} resolve to the values the collection's variable list and
// the environment and globals files beside it define (environments win,
// then the collection, then globals; environments that disagree leave the
// variable unknown). A resolved value points at the placeholder where it
// is used, so findings underline {{baseUrl}} in the request and name the
// host in their message. Credentials are never resolved (credentialName).

const viaPostman = "Postman"

var postmanFormat = &Format{
	Name:    "postman",
	match:   matchPostman,
	Extract: extractPostman,
	extract: extractPostmanIn,
}

var postmanEnvFormat = &Format{
	Name:    "postman-environment",
	match:   matchPostmanEnv,
	Extract: extractPostmanEnv,
}

func matchPostman(n fileName, head []byte) bool {
	if strings.HasSuffix(n.base, ".postman_collection.json") || strings.HasSuffix(n.base, ".postman_collection") {
		return true
	}
	if n.ext != ".json" {
		return false
	}
	if head == nil {
		return true
	}
	// info.schema names the format; exports write info first.
	// Every JSON file's head is asked: each word is looked for by a byte
	// rarer than its first (keyword.ContainsBy).
	return keyword.ContainsBy(head, "/json/collection/v2", 1) ||
		keyword.ContainsBy(head, `"_postman_id"`, 2)
}

func matchPostmanEnv(n fileName, head []byte) bool {
	if isPostmanEnvName(n.base) {
		return true
	}
	if n.ext != ".json" {
		return false
	}
	return head == nil || keyword.ContainsBy(head, `"_postman_variable_scope"`, 2)
}

func isPostmanEnvName(lowerBase string) bool {
	return strings.HasSuffix(lowerBase, ".postman_environment.json") || strings.HasSuffix(lowerBase, ".postman_globals.json")
}

// A postmanCollection is the state of one collection's extraction.
type postmanCollection struct {
	collectionDoc
}

// postmanAuth is the auth block in force for an item: nil for none.
type postmanAuth = *yaml.Node

func extractPostman(file string, src []byte) (*rules.Unit, error) {
	return extractPostmanIn(file, src, newExpansion(len(src)))
}

// extractPostmanIn is extractPostman drawing on the expansion budget x.
func extractPostmanIn(file string, src []byte, x *expansion) (*rules.Unit, error) {
	budget := *x
	u, err := readPostman(file, src, x, "item")
	if errors.Is(err, errListElement) {
		*x = budget
		u, err = readPostman(file, src, x, "")
	}
	return u, err
}

// readPostman reads a collection; a large one's item list (key) an item
// at a time.
func readPostman(file string, src []byte, x *expansion, key string) (*rules.Unit, error) {
	y, u, finish, list, err := jsonUnitList(file, src, "a Postman collection", key)
	if err != nil {
		return nil, err
	}
	defer finish()
	if y.Root == nil {
		return u, nil
	}
	p := &postmanCollection{newCollectionDoc(y, u, Mustache, x)}
	envs, globals := loadPostmanEnvironments(file)
	collection := map[string]varDef{}
	p.vars.layers = []map[string]varDef{envs, collection, globals}
	_, vars := mapValue(y.Root, "variable")
	for _, v := range seqItems(vars) {
		if str(v, "disabled") == "true" {
			continue
		}
		kn := keyNode(v)
		_, vn := mapValue(v, "value")
		if kn == nil || vn == nil || vn.Kind != yaml.ScalarNode {
			continue
		}
		define(collection, kn.Value, vn.Value)
		key, _ := y.Scalar(kn, 0)
		val, _ := y.Scalar(vn, Mustache)
		addVariable(u, kn.Value, key, val)
	}
	_, auth := mapValue(y.Root, "auth")
	inherited := p.authBlock(auth, nil)
	_, items := mapValue(y.Root, "item")
	if list != nil {
		err = list.each(func(it *yaml.Node) error {
			return p.items(&yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{it}}, inherited, 0)
		})
	} else {
		err = p.items(items, inherited, 0)
	}
	if err != nil {
		return nil, err
	}
	return u, nil
}

// items walks item[]: folders (item-group) and requests.
func (p *postmanCollection) items(list *yaml.Node, auth postmanAuth, depth int) error {
	if depth > maxItemDepth {
		return nodeError(p.y, list, "folders nested deeper than %d", maxItemDepth)
	}
	for _, it := range seqItems(list) {
		if it.Kind != yaml.MappingNode {
			continue
		}
		_, a := mapValue(it, "auth")
		itemAuth := p.authBlock(a, auth)
		if _, req := mapValue(it, "request"); req != nil {
			p.request(it, req, itemAuth)
		}
		if _, sub := mapValue(it, "item"); sub != nil {
			if err := p.items(sub, itemAuth, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// authBlock is the auth in force given an item's own auth node: a missing
// or null auth, or type "inherit", inherits the parent's; "noauth" is none.
// An OAuth 2.0 block adds its helper's token request once.
func (p *postmanCollection) authBlock(a *yaml.Node, parent postmanAuth) postmanAuth {
	if a == nil || a.Kind != yaml.MappingNode {
		return parent
	}
	switch str(a, "type") {
	case "", "inherit":
		return parent
	case "noauth":
		return nil
	case "oauth2":
		if !p.helpers[a] {
			p.helpers[a] = true
			if r := p.oauth2(a).request(); r != nil {
				p.u.Requests = append(p.u.Requests, r)
			}
		}
	}
	return a
}

// authAttrs maps an auth block's attributes by key: v2.1 writes
// [{key, value, type}], v2.0 an object {key: value}.
func authAttrs(a *yaml.Node, typ string) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	_, list := mapValue(a, typ)
	switch {
	case list == nil:
	case list.Kind == yaml.MappingNode:
		mapPairs(list, func(k, v *yaml.Node) { out[k.Value] = v })
	case list.Kind == yaml.SequenceNode:
		for _, at := range list.Content {
			if k := keyNode(at); k != nil {
				if _, v := mapValue(at, "value"); v != nil {
					out[k.Value] = v
				}
			}
		}
	}
	return out
}

// oauth2 reads the OAuth 2.0 helper's settings (formats.md §3.2).
func (p *postmanCollection) oauth2(a *yaml.Node) oauthHelper {
	attrs := authAttrs(a, "oauth2")
	h := oauthHelper{
		Via:          "Postman OAuth 2.0 helper",
		TokenURL:     p.text(attrs["accessTokenUrl"]),
		Grant:        p.text(attrs["grant_type"]),
		ClientID:     p.text(attrs["clientId"]),
		ClientSecret: p.secret(attrs["clientSecret"]),
		Scope:        p.text(attrs["scope"]),
		Pos:          nodeSpan(p.y, a),
	}
	if h.Grant.IsZero() {
		h.Grant = unstatedGrant(p.y.file, h.Pos)
	}
	if m := attrs["client_authentication"]; m != nil && m.Value == "body" {
		h.InBody = true
	}
	for _, k := range []string{"accessToken", "refreshToken", "password"} {
		if v := p.secret(attrs[k]); len(v.Text) > 0 {
			p.u.Secrets = append(p.u.Secrets, v.Span())
		}
	}
	return h
}

// requestAuth is what an auth block puts on a request it applies to.
func (p *postmanCollection) requestAuth(a postmanAuth) rules.Auth {
	if a == nil {
		return rules.Auth{}
	}
	typ := str(a, "type")
	attrs := authAttrs(a, typ)
	switch typ {
	case "basic":
		return rules.Auth{Kind: rules.AuthBasic, User: p.text(attrs["username"]), Secret: p.secret(attrs["password"]), Via: "Postman basic auth"}
	case "bearer":
		return rules.Auth{Kind: rules.AuthBearer, Secret: p.secret(attrs["token"]), Via: "Postman bearer auth"}
	case "oauth2":
		// The helper's stored accessToken is an issued token, not the
		// client secret: it is only redacted (oauth2 adds its span).
		return rules.Auth{Kind: rules.AuthOAuth2, Via: "Postman OAuth 2.0 helper"}
	case "apikey":
		if v := p.secret(attrs["value"]); len(v.Text) > 0 {
			p.u.Secrets = append(p.u.Secrets, v.Span())
		}
	}
	return rules.Auth{}
}

// request reads one request item: request is the URL string or the
// request object.
func (p *postmanCollection) request(item, req *yaml.Node, auth postmanAuth) {
	r := &rules.Request{Via: viaPostman, Pos: nodeSpan(p.y, item)}
	switch req.Kind {
	case yaml.ScalarNode:
		r.URL = p.text(req)
	case yaml.MappingNode:
		_, url := mapValue(req, "url")
		r.URL = p.url(url)
		_, m := mapValue(req, "method")
		r.Method = p.text(m)
		_, hs := mapValue(req, "header")
		for _, h := range seqItems(hs) {
			if str(h, "disabled") == "true" {
				continue
			}
			k := keyNode(h)
			_, v := mapValue(h, "value")
			if k == nil {
				continue
			}
			r.Headers = append(r.Headers, rules.Header{Name: p.text(k), Value: p.text(v)})
		}
		_, body := mapValue(req, "body")
		r.Body = p.body(body, r)
		_, a := mapValue(req, "auth")
		auth = p.authBlock(a, auth)
	default:
		return
	}
	r.SetAuth(p.requestAuth(auth))
	if r.URL.IsZero() {
		return
	}
	p.u.Requests = append(p.u.Requests, r)
}

// url reads request.url: a string, or {raw, protocol, host, port, path,
// query}. raw is what Postman shows and sends; without it the URL is
// rebuilt from its parts, each pointing at its own node.
func (p *postmanCollection) url(n *yaml.Node) rules.Value {
	if n == nil {
		return rules.Value{}
	}
	if n.Kind == yaml.ScalarNode {
		return p.text(n)
	}
	if _, raw := mapValue(n, "raw"); raw != nil && raw.Kind == yaml.ScalarNode && raw.Value != "" {
		return p.text(raw)
	}
	var parts []rules.Value
	sep := func(s string, at *yaml.Node) {
		off := p.y.offset(at.Line, at.Column)
		parts = append(parts, rules.Decoded(p.y.file, s, off, off))
	}
	_, proto := mapValue(n, "protocol")
	if proto != nil && proto.Kind == yaml.ScalarNode {
		parts = append(parts, p.text(proto))
		sep("://", proto)
	}
	_, host := mapValue(n, "host")
	p.joined(&parts, host, ".", sep)
	if _, port := mapValue(n, "port"); port != nil && port.Kind == yaml.ScalarNode {
		sep(":", port)
		parts = append(parts, p.text(port))
	}
	_, path := mapValue(n, "path")
	if path != nil {
		if path.Kind == yaml.ScalarNode && !strings.HasPrefix(path.Value, "/") {
			sep("/", path)
		}
		if path.Kind == yaml.SequenceNode && len(path.Content) > 0 {
			sep("/", path.Content[0])
		}
		p.joined(&parts, path, "/", sep)
	}
	_, query := mapValue(n, "query")
	first := true
	for _, q := range seqItems(query) {
		k := keyNode(q)
		if k == nil || str(q, "disabled") == "true" {
			continue
		}
		if first {
			sep("?", k)
			first = false
		} else {
			sep("&", k)
		}
		parts = append(parts, p.text(k))
		if _, v := mapValue(q, "value"); v != nil && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
			sep("=", v)
			parts = append(parts, p.text(v))
		}
	}
	return rules.Concat(parts...)
}

// joined appends a host or path: a string, or an array of segments (path
// segments may be {type, value} objects) joined by sep.
func (p *postmanCollection) joined(parts *[]rules.Value, n *yaml.Node, s string, sep func(string, *yaml.Node)) {
	if n == nil {
		return
	}
	if n.Kind == yaml.ScalarNode {
		*parts = append(*parts, p.text(n))
		return
	}
	for i, seg := range seqItems(n) {
		if seg.Kind == yaml.MappingNode {
			_, seg = mapValue(seg, "value")
			if seg == nil {
				continue
			}
		}
		if i > 0 {
			sep(s, seg)
		}
		*parts = append(*parts, p.text(seg))
	}
}

// body reads request.body by its mode.
func (p *postmanCollection) body(n *yaml.Node, r *rules.Request) *rules.Body {
	if n == nil || n.Kind != yaml.MappingNode || str(n, "disabled") == "true" {
		return nil
	}
	mode := str(n, "mode")
	switch mode {
	case "urlencoded", "formdata":
		_, list := mapValue(n, mode)
		b := &rules.Body{Kind: rules.BodyForm, Via: "Postman urlencoded body"}
		enc := rules.EncodingExceptPlus
		if mode == "formdata" {
			// multipart/form-data: values travel as written, nothing to
			// percent-encode; the fields still say which grant is asked.
			b = &rules.Body{Kind: rules.BodyMultipart, Via: "Postman form-data body"}
			enc = rules.EncodingFull
		}
		b.Fields = p.fields(list, enc, b.Via)
		return b
	case "raw":
		_, raw := mapValue(n, "raw")
		lang := ""
		if _, opts := mapValue(n, "options"); opts != nil {
			_, rawOpts := mapValue(opts, "raw")
			lang = str(rawOpts, "language")
		}
		var ct rules.Value
		if h := r.Header("Content-Type"); h != nil {
			ct = h.Value
		}
		return p.vars.markBody(textBody(p.text(raw), ct, lang == "json", "Postman raw body"))
	}
	return nil
}

// loadPostmanEnvironments reads the environment and globals files in the
// collection's own directory (never elsewhere: no parent, no link, no
// subdirectory), so {{variables}} they define resolve. The walker's path
// is relative to the working directory, as the file is opened.
func loadPostmanEnvironments(file string) (envs, globals map[string]varDef) {
	envs, globals = map[string]varDef{}, map[string]varDef{}
	if file == "" || file == "-" || strings.HasPrefix(file, "<") {
		return envs, globals
	}
	dir := filepath.Dir(filepath.FromSlash(file))
	d, err := os.Open(dir)
	if err != nil {
		return envs, globals
	}
	defer d.Close()
	entries, _ := d.ReadDir(maxDirEntries)
	read := 0
	for _, e := range entries {
		name := strings.ToLower(e.Name())
		if !isPostmanEnvName(name) || read >= maxEnvFiles {
			continue
		}
		data := readBeside(filepath.Join(dir, e.Name()))
		if data == nil {
			continue
		}
		read++
		var env postmanEnvFile
		if json.Unmarshal(data, &env) != nil {
			continue
		}
		layer := envs
		if strings.HasSuffix(name, ".postman_globals.json") || env.Scope == "globals" {
			layer = globals
		}
		spans := postmanEnvSpans(filepath.ToSlash(filepath.Join(dir, e.Name())), data, len(env.Values))
		for i, v := range env.Values {
			if v.Enabled != nil && !*v.Enabled {
				continue
			}
			defineAt(layer, v.Key, scalarText(v.Value), spans[i])
		}
	}
	return envs, globals
}

// postmanEnvSpans are the places of an environment file's n values, in
// order, for the findings their values decide to name; a zero span where
// it cannot be told (an escape the parser rewrote, a value not a string).
func postmanEnvSpans(file string, data []byte, n int) []rules.Span {
	spans := make([]rules.Span, n)
	y, remap, err := parseJSONObject(file, data, "a Postman environment")
	if err != nil || y.Root == nil || remap != nil {
		return spans
	}
	_, values := mapValue(y.Root, "values")
	for i, v := range seqItems(values) {
		if i >= n {
			break
		}
		if _, vn := mapValue(v, "value"); vn != nil && vn.Kind == yaml.ScalarNode && vn.Tag == "!!str" {
			val, _ := y.Scalar(vn, 0)
			spans[i] = val.Span()
		}
	}
	return spans
}

// postmanEnvFile is an environment or globals export (formats.md §3.4).
type postmanEnvFile struct {
	Values []struct {
		Key     string `json:"key"`
		Value   any    `json:"value"`
		Enabled *bool  `json:"enabled"`
	} `json:"values"`
	Scope string `json:"_postman_variable_scope"`
}

// scalarText is a JSON scalar as the text Postman substitutes.
func scalarText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil, map[string]any, []any:
		return ""
	}
	return fmt.Sprint(v)
}

// extractPostmanEnv reads an environment or globals file: what its
// variables declare (regions, credentials to redact). Values of
// type "secret" are only masked in Postman's UI; the file holds them in
// clear, so every output redacts them.
func extractPostmanEnv(file string, src []byte) (*rules.Unit, error) {
	y, remap, err := parseJSONObject(file, src, "a Postman environment")
	if err != nil {
		return nil, err
	}
	u := &rules.Unit{Name: file}
	if y.Root == nil {
		return u, nil
	}
	if remap != nil {
		defer remapJSON(u, remap, file)
	}
	_, values := mapValue(y.Root, "values")
	for _, v := range seqItems(values) {
		kn := keyNode(v)
		_, vn := mapValue(v, "value")
		if kn == nil || vn == nil || vn.Kind != yaml.ScalarNode || vn.Tag == "!!null" {
			continue
		}
		val, _ := y.Scalar(vn, Mustache)
		if str(v, "type") == "secret" && len(val.Text) > 0 {
			u.Secrets = append(u.Secrets, val.Span())
		}
		key, _ := y.Scalar(kn, 0)
		addVariable(u, kn.Value, key, val)
	}
	return u, nil
}
