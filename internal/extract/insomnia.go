package extract

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/tokenlint/tokenlint/internal/keyword"
	"github.com/tokenlint/tokenlint/rules"
)

// The Insomnia front end: v4 exports (JSON or YAML, {_type: export,
// __export_format: 4, resources: [...]}) and v5 collection files (YAML,
// type: collection.insomnia.rest/5.0 with a collection: tree)
// (docs/facts/formats.md §4.1; Kong/insomnia
// packages/insomnia/src/common/insomnia-v5.ts and the v5 round-trip
// fixtures). Templates are Nunjucks: {{ _.name }} resolves from the
// export's environments; {% tags %} stay dynamic.
//
// Who encodes what: a form body (params) goes through
// flexibleEncodeComponent, encodeURIComponent that leaves existing %XX
// escapes alone (Kong/insomnia packages/insomnia/src/utils/url/querystring.ts),
// so it is EncodingFull; a body text is sent as written. The OAuth 2.0
// helper builds its own token request, but does not URL-encode Basic
// credentials (ArchGPT/insomnium#137).

const viaInsomnia = "Insomnia"

var insomniaFormat = &Format{
	Name:     "insomnia",
	match:    matchInsomnia,
	Extract:  extractInsomnia,
	extract:  extractInsomniaIn,
	Comments: []string{"#"}, // in the YAML form
}

func matchInsomnia(n fileName, head []byte) bool {
	switch n.ext {
	case ".json", ".yaml", ".yml":
	default:
		return false
	}
	if head == nil {
		return true
	}
	// Every JSON and YAML file's head is asked: each word is looked for
	// by a byte rarer than its first (keyword.ContainsBy).
	return keyword.ContainsBy(head, "__export_format", 3) && keyword.ContainsBy(head, "_type", 2) ||
		keyword.ContainsBy(head, "collection.insomnia.rest/5", 25) ||
		keyword.ContainsBy(head, "spec.insomnia.rest/5", 19)
}

// An insomniaNode is a folder or request of either version, with its
// parent, so auth and headers can be inherited leaf to root.
type insomniaNode struct {
	n      *yaml.Node
	parent *insomniaNode
}

type insomniaFile struct {
	collectionDoc
	// folderVars are the variables of each folder's environment, by node.
	folderVars map[*yaml.Node]map[string]varDef
}

func extractInsomnia(file string, src []byte) (*rules.Unit, error) {
	return extractInsomniaIn(file, src, newExpansion(len(src)))
}

// extractInsomniaIn is extractInsomnia drawing on the expansion budget x.
func extractInsomniaIn(file string, src []byte, x *expansion) (*rules.Unit, error) {
	var y *yamlSource
	var remap OffsetMap
	var err error
	if ext(file) == ".json" {
		y, remap, err = parseJSONObject(file, src, "an Insomnia export")
	} else {
		y, err = parseYAML(file, src)
	}
	if err != nil {
		return nil, err
	}
	u := &rules.Unit{Name: file}
	if y.Root == nil {
		return u, nil
	}
	if y.Root.Kind != yaml.MappingNode {
		return nil, Errorf(file, y.fileLine(y.Root.Line), "not an Insomnia export: the top level is not a mapping")
	}
	if remap != nil {
		defer remapJSON(u, remap, file)
	}
	f := &insomniaFile{collectionDoc: newCollectionDoc(y, u, Mustache|Jinja, x), folderVars: map[*yaml.Node]map[string]varDef{}}
	sub, baseEnv := f.vars.layer(), f.vars.layer()
	if _, res := mapValue(y.Root, "resources"); res != nil {
		f.v4(res, sub, baseEnv)
	} else if _, coll := mapValue(y.Root, "collection"); coll != nil {
		if _, envs := mapValue(y.Root, "environments"); envs != nil {
			f.environment(envs, baseEnv)
			_, subs := mapValue(envs, "subEnvironments")
			for _, s := range seqItems(subs) {
				f.environment(s, sub)
			}
		}
		f.v5(coll, nil, 0)
	}
	return u, nil
}

// v4 reads an export's resources: environments first (so every request
// sees them), then requests under their request_group parents.
func (f *insomniaFile) v4(res *yaml.Node, sub, baseEnv map[string]varDef) {
	byID := map[string]*yaml.Node{}
	workspaces := map[string]bool{}
	for _, r := range seqItems(res) {
		byID[str(r, "_id")] = r
		if str(r, "_type") == "workspace" {
			workspaces[str(r, "_id")] = true
		}
	}
	for _, r := range seqItems(res) {
		if str(r, "_type") != "environment" {
			continue
		}
		// The base environment hangs off the workspace; sub-environments
		// (one chosen at run time) off the base.
		if workspaces[str(r, "parentId")] {
			f.environment(r, baseEnv)
		} else {
			f.environment(r, sub)
		}
	}
	var chain func(id string, depth int) *insomniaNode
	chain = func(id string, depth int) *insomniaNode {
		g := byID[id]
		if g == nil || str(g, "_type") != "request_group" || depth > maxItemDepth {
			return nil
		}
		return &insomniaNode{n: g, parent: chain(str(g, "parentId"), depth+1)}
	}
	for _, r := range seqItems(res) {
		if str(r, "_type") == "request" {
			f.request(&insomniaNode{n: r, parent: chain(str(r, "parentId"), 0)})
		}
	}
}

// v5 walks the collection tree: folders have children, requests a url.
func (f *insomniaFile) v5(list *yaml.Node, parent *insomniaNode, depth int) {
	if depth > maxItemDepth {
		return
	}
	for _, it := range seqItems(list) {
		node := &insomniaNode{n: it, parent: parent}
		if _, kids := mapValue(it, "children"); kids != nil {
			f.v5(kids, node, depth+1)
			continue
		}
		if _, url := mapValue(it, "url"); url != nil {
			f.request(node)
		}
	}
}

// environment records an environment's top-level string variables for
// {{ _.name }} and what they declare (credentials are redacted).
func (f *insomniaFile) environment(env *yaml.Node, layer map[string]varDef) {
	_, data := mapValue(env, "data")
	f.variables(data, layer)
}

// variables records a mapping of variables (an environment's data, a
// folder's environment) into layer and the unit.
func (f *insomniaFile) variables(data *yaml.Node, layer map[string]varDef) {
	mapPairs(data, func(k, v *yaml.Node) {
		if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
			return
		}
		define(layer, k.Value, v.Value)
		key, _ := f.y.Scalar(k, 0)
		val, _ := f.y.Scalar(v, Mustache|Jinja)
		addVariable(f.u, k.Value, key, val)
	})
}

// enabledAuth is a node's authentication when Insomnia uses it: it has a
// type (none included) and is not disabled (network.ts
// getOrInheritAuthentication, authentication.ts getAuthObjectOrNull).
func enabledAuth(n *yaml.Node) *yaml.Node {
	_, a := mapValue(n, "authentication")
	if a == nil || a.Kind != yaml.MappingNode || str(a, "type") == "" || str(a, "disabled") == "true" {
		return nil
	}
	return a
}

// request reads one request with the auth of its closest folder when it
// has none of its own, and the headers of its folders before its own.
func (f *insomniaFile) request(node *insomniaNode) {
	// Folder environments override the workspace's, the closest first.
	base := f.vars
	defer func() { f.vars = base }()
	scope := &varScope{x: base.x}
	for p := node.parent; p != nil; p = p.parent {
		if _, env := mapValue(p.n, "environment"); env != nil && env.Kind == yaml.MappingNode {
			layer := f.folderVars[p.n]
			if layer == nil {
				layer = map[string]varDef{}
				f.variables(env, layer)
				f.folderVars[p.n] = layer
			}
			scope.layers = append(scope.layers, layer)
		}
	}
	if len(scope.layers) > 0 {
		scope.layers = append(scope.layers, base.layers...)
		f.vars = scope
	}
	n := node.n
	r := &rules.Request{Via: viaInsomnia, Pos: nodeSpan(f.y, n)}
	_, url := mapValue(n, "url")
	r.URL = f.text(url)
	if r.URL.IsZero() || r.URL.Text == "" {
		return
	}
	var parts []rules.Value
	first := !strings.Contains(r.URL.Text, "?")
	_, params := mapValue(n, "parameters")
	for _, p := range seqItems(params) {
		k := keyNode(p)
		if k == nil || str(p, "disabled") == "true" {
			continue
		}
		off := f.y.offset(k.Line, k.Column)
		sep := "&"
		if first {
			sep, first = "?", false
		}
		parts = append(parts, rules.Decoded(f.y.file, sep, off, off), f.text(k))
		if _, v := mapValue(p, "value"); v != nil {
			parts = append(parts, rules.Decoded(f.y.file, "=", off, off), f.text(v))
		}
	}
	if len(parts) > 0 {
		r.URL = rules.Concat(append([]rules.Value{r.URL}, parts...)...)
	}
	_, m := mapValue(n, "method")
	r.Method = f.text(m)
	var chain []*yaml.Node
	for p := node; p != nil; p = p.parent {
		chain = append([]*yaml.Node{p.n}, chain...)
	}
	for _, c := range chain {
		_, hs := mapValue(c, "headers")
		for _, h := range seqItems(hs) {
			k := keyNode(h)
			if k == nil || str(h, "disabled") == "true" {
				continue
			}
			_, v := mapValue(h, "value")
			r.Headers = append(r.Headers, rules.Header{Name: f.text(k), Value: f.text(v)})
		}
	}
	_, body := mapValue(n, "body")
	r.Body = f.body(body, r)
	auth := enabledAuth(n)
	for p := node.parent; auth == nil && p != nil; p = p.parent {
		auth = enabledAuth(p.n)
	}
	r.SetAuth(f.auth(auth))
	f.u.Requests = append(f.u.Requests, r)
}

// body reads body{mimeType, text | params}.
func (f *insomniaFile) body(n *yaml.Node, r *rules.Request) *rules.Body {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	mime := mediaType(str(n, "mimeType"))
	if _, params := mapValue(n, "params"); params != nil {
		b := &rules.Body{Kind: rules.BodyForm, Via: "Insomnia form body"}
		if mime == "multipart/form-data" {
			b = &rules.Body{Kind: rules.BodyMultipart, Via: "Insomnia multipart body"}
		}
		b.Fields = f.fields(params, rules.EncodingFull, b.Via)
		return b
	}
	_, text := mapValue(n, "text")
	ct := rules.Value{}
	if h := r.Header("Content-Type"); h != nil {
		ct = h.Value
	} else if _, mt := mapValue(n, "mimeType"); mt != nil {
		ct = f.text(mt)
	}
	return f.vars.markBody(textBody(f.text(text), ct, mime == "application/json" || strings.HasSuffix(mime, "+json"), "Insomnia body"))
}

// auth is what an authentication block puts on a request; an OAuth 2.0
// block also adds its helper's token request, once.
func (f *insomniaFile) auth(a *yaml.Node) rules.Auth {
	if a == nil {
		return rules.Auth{}
	}
	get := func(k string) rules.Value {
		_, v := mapValue(a, k)
		if credentialName(k) || k == "token" {
			return f.secret(v)
		}
		return f.text(v)
	}
	switch str(a, "type") {
	case "basic":
		return rules.Auth{Kind: rules.AuthBasic, User: get("username"), Secret: get("password"), Via: "Insomnia basic auth"}
	case "bearer":
		return rules.Auth{Kind: rules.AuthBearer, Secret: get("token"), Via: "Insomnia bearer auth"}
	case "oauth2":
		if !f.helpers[a] {
			f.helpers[a] = true
			h := oauthHelper{
				Via:          "Insomnia OAuth 2.0 helper",
				TokenURL:     get("accessTokenUrl"),
				Grant:        get("grantType"),
				ClientID:     get("clientId"),
				ClientSecret: get("clientSecret"),
				Scope:        get("scope"),
				InBody:       str(a, "credentialsInBody") == "true",
				Pos:          nodeSpan(f.y, a),
			}
			if h.Grant.IsZero() {
				h.Grant = unstatedGrant(f.y.file, h.Pos)
			}
			if r := h.request(); r != nil {
				if r.Auth != nil {
					r.Auth.Encodes = false // ArchGPT/insomnium#137
				}
				f.u.Requests = append(f.u.Requests, r)
			}
			for _, k := range []string{"accessToken", "refreshToken", "password"} {
				if v := get(k); len(v.Text) > 0 {
					f.u.Secrets = append(f.u.Secrets, v.Span())
				}
			}
		}
		return rules.Auth{Kind: rules.AuthOAuth2, Via: "Insomnia OAuth 2.0 helper"}
	}
	return rules.Auth{}
}
