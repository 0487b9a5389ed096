package extract

import (
	"encoding/json"
	"net/url"
	"strings"

	"github.com/tokenlint/tokenlint/rules"
	"go.yaml.in/yaml/v3"
)

// The OpenAPI front end: OpenAPI 3.x and Swagger 2.0 documents, YAML or
// JSON (formats.md §5). Each OAuth 2.0 flow's tokenUrl is a token request
// made by whatever client the document generates or configures, so it is
// Library: the client builds the wire request. servers[].url (3.x) and
// host (2.0) are the API base URL.

var openAPIFormat = &Format{
	Name:     "openapi",
	match:    matchOpenAPI,
	Extract:  extractOpenAPI,
	Comments: []string{"#"},
}

func matchOpenAPI(n fileName, head []byte) bool {
	switch n.ext {
	case ".yaml", ".yml", ".json":
	default:
		return false
	}
	return head == nil || openAPIHead(head)
}

// oauthGrants maps OAuth flow names (3.x flows keys, 2.0 flow values) to
// the grant type the client sends.
var oauthGrants = map[string]string{
	"clientCredentials":   "client_credentials",
	"application":         "client_credentials",
	"password":            "password",
	"authorizationCode":   "authorization_code",
	"accessCode":          "authorization_code",
	"deviceAuthorization": "urn:ietf:params:oauth:grant-type:device_code",
}

func extractOpenAPI(file string, src []byte) (*rules.Unit, error) {
	parse := parseYAML
	if json.Valid(src) {
		parse = parseJSONYAML // a swagger.json
	}
	y, err := parse(file, src)
	if err != nil {
		return nil, err
	}
	u := &rules.Unit{Name: file}
	root := y.Root
	if root == nil || root.Kind != yaml.MappingNode {
		return u, nil
	}
	base := openAPIBase(y, root, u)
	scalar := func(n *yaml.Node) rules.Value {
		v, _ := y.Scalar(n, 0)
		return markServerVariables(v)
	}
	addFlow := func(flowName string, flowKey, flow *yaml.Node) {
		grant := oauthGrants[flowName]
		_, tok := mapValue(flow, "tokenUrl")
		if grant == "" || tok == nil || tok.Kind != yaml.ScalarNode || strings.TrimSpace(tok.Value) == "" {
			return
		}
		tokenURL := resolveAgainst(base, scalar(tok))
		u.Requests = append(u.Requests, &rules.Request{
			Role:    rules.RoleToken,
			URL:     tokenURL,
			Grant:   rules.OrNil(rules.Decoded(file, grant, y.offset(flowKey.Line, flowKey.Column), y.offset(flowKey.Line, flowKey.Column)+len(flowKey.Value))),
			Via:     "OpenAPI " + flowName + " flow",
			Library: true,
			Pos:     tokenURL.Span(),
		})
		addSchemeCredentials(y, flow, u)
	}
	// OpenAPI 3.x: components.securitySchemes.<name>.flows.<flow>.tokenUrl
	_, comps := mapValue(root, "components")
	_, schemes := mapValue(comps, "securitySchemes")
	mapPairs(schemes, func(_, scheme *yaml.Node) {
		if _, t := mapValue(scheme, "type"); t == nil || t.Value != "oauth2" {
			return
		}
		addSchemeCredentials(y, scheme, u)
		_, flows := mapValue(scheme, "flows")
		mapPairs(flows, func(k, flow *yaml.Node) { addFlow(k.Value, k, flow) })
	})
	oauthSchemes := map[string]bool{}
	for _, list := range []*yaml.Node{schemes, defsOf(root)} {
		mapPairs(list, func(k, scheme *yaml.Node) {
			if _, t := mapValue(scheme, "type"); t != nil && t.Value == "oauth2" {
				oauthSchemes[k.Value] = true
			}
		})
	}
	openAPIOperations(y, root, base, oauthSchemes, u)
	openAPICodeSamples(y, root, u)
	// Swagger 2.0: securityDefinitions.<name>.{flow, tokenUrl}
	_, defs := mapValue(root, "securityDefinitions")
	mapPairs(defs, func(_, scheme *yaml.Node) {
		if _, t := mapValue(scheme, "type"); t == nil || t.Value != "oauth2" {
			return
		}
		if _, fl := mapValue(scheme, "flow"); fl != nil && fl.Kind == yaml.ScalarNode {
			addFlow(fl.Value, fl, scheme)
		}
	})
	return u, nil
}

// openAPIBase records the document's API base URL as a setting and
// returns it, for resolving relative token URLs: servers[0].url (3.x), or
// schemes[0]://host/basePath (2.0).
func openAPIBase(y *yamlSource, root *yaml.Node, u *rules.Unit) rules.Value {
	var base rules.Value
	if _, servers := mapValue(root, "servers"); servers != nil && servers.Kind == yaml.SequenceNode {
		for i, s := range servers.Content {
			k, v := mapValue(s, "url")
			if v == nil || v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" {
				continue
			}
			val, _ := y.Scalar(v, 0)
			val = markServerVariables(val)
			key, _ := y.Scalar(k, 0)
			u.Settings = append(u.Settings, rules.Setting{Kind: rules.SettingBaseURL, Key: key, Value: val})
			if i == 0 {
				base = val
			}
		}
		return base
	}
	k, host := mapValue(root, "host")
	if host == nil || host.Kind != yaml.ScalarNode || host.Value == "" {
		return base
	}
	hv, _ := y.Scalar(host, 0)
	key, _ := y.Scalar(k, 0)
	u.Settings = append(u.Settings, rules.Setting{Kind: rules.SettingBaseURL, Key: key, Value: hv})
	scheme := "https"
	if _, sch := mapValue(root, "schemes"); sch != nil && sch.Kind == yaml.SequenceNode && len(sch.Content) > 0 {
		scheme = sch.Content[0].Value
	}
	basePath := ""
	if _, bp := mapValue(root, "basePath"); bp != nil && bp.Kind == yaml.ScalarNode {
		basePath = bp.Value
	}
	sp := hv.Span()
	return rules.Decoded(y.file, scheme+"://"+host.Value+basePath, sp.Start, sp.End)
}

// resolveAgainst resolves a relative token URL against the base URL, as
// OAS 3 §4.6 says. A known base gives a Decoded value at the token URL's
// span; a base with variables keeps them dynamic in front of the path.
func resolveAgainst(base, ref rules.Value) rules.Value {
	t := strings.TrimSpace(ref.Text)
	if base.IsZero() || strings.Contains(t, "://") || !ref.Known() {
		return ref
	}
	if !base.Known() {
		if strings.HasPrefix(t, "/") {
			return rules.Concat(dynamicSlice(base, 0, len(base.Text)), ref)
		}
		return ref
	}
	b, err1 := url.Parse(strings.TrimSpace(base.Text))
	r, err2 := url.Parse(t)
	if err1 != nil || err2 != nil || b.Host == "" {
		return ref
	}
	if !strings.HasSuffix(b.Path, "/") && !strings.HasPrefix(t, "/") {
		b.Path += "/" // a server URL names a directory, not a file
	}
	sp := ref.Span()
	return rules.Decoded(ref.File, b.ResolveReference(r).String(), sp.Start, sp.End)
}

// markServerVariables marks OpenAPI server variables ({region}) dynamic:
// their value is chosen by the client.
func markServerVariables(v rules.Value) rules.Value {
	unclosed := false // once a "{" has no "}" after it, no later one has
	return markDynamic(v, func(text string, at int) int {
		if text[at] != '{' || unclosed {
			return 0
		}
		n := strings.IndexByte(text[at:], '}') + 1
		unclosed = n == 0
		return n
	})
}

// addSchemeCredentials records client credentials some API tools keep in a
// security scheme (Scalar's x-scalar-client-id / x-scalar-client-secret),
// so that no output shows the secret.
func addSchemeCredentials(y *yamlSource, n *yaml.Node, u *rules.Unit) {
	mapPairs(n, func(k, v *yaml.Node) {
		if v.Kind != yaml.ScalarNode || !strings.HasPrefix(strings.ToLower(k.Value), "x-") {
			return
		}
		kind := rules.SettingKind(0)
		switch classifyKey(k.Value) {
		case keyClientID:
			kind = rules.SettingClientID
		case keyClientSecret:
			kind = rules.SettingClientSecret
		default:
			if strings.HasSuffix(strings.ToLower(k.Value), "secret-token") {
				kind = rules.SettingClientSecret
			}
		}
		if kind == 0 || v.Value == "" {
			return
		}
		key, _ := y.Scalar(k, 0)
		val, _ := y.Scalar(v, 0)
		u.Settings = append(u.Settings, rules.Setting{Kind: kind, Key: key, Value: val})
	})
}

func defsOf(root *yaml.Node) *yaml.Node {
	_, d := mapValue(root, "securityDefinitions")
	return d
}

// openAPIMethods are the operation keys of an OpenAPI path item.
var openAPIMethods = map[string]bool{"get": true, "put": true, "post": true, "delete": true, "patch": true, "head": true, "options": true, "trace": true}

// openAPIOperations records each operation secured by an OAuth 2.0 scheme
// as an API call made with that scheme's tokens, so a document whose only
// grant is client credentials and that lists a user-only endpoint
// (/api/v2/users/me) is judged like any other unit. The call's path points
// at the operation's key under paths:.
func openAPIOperations(y *yamlSource, root *yaml.Node, base rules.Value, oauth map[string]bool, u *rules.Unit) {
	if len(oauth) == 0 {
		return
	}
	rootSecured := securedByOAuth(root, oauth)
	origin, basePath := splitBase(base)
	_, paths := mapValue(root, "paths")
	mapPairs(paths, func(pk, item *yaml.Node) {
		if !strings.HasPrefix(pk.Value, "/") {
			return
		}
		mapPairs(item, func(mk, op *yaml.Node) {
			if !openAPIMethods[mk.Value] {
				return
			}
			secured := rootSecured
			if _, sec := mapValue(op, "security"); sec != nil {
				secured = securedByOAuth(op, oauth)
			}
			if !secured {
				return
			}
			start := y.offset(pk.Line, pk.Column)
			path, _ := y.Scalar(pk, 0)
			if basePath != "" {
				sp := path.Span()
				path = rules.Decoded(y.file, strings.TrimSuffix(basePath, "/")+pk.Value, sp.Start, sp.End)
			}
			url := rules.Concat(origin, markServerVariables(path))
			ms := y.offset(mk.Line, mk.Column)
			u.Requests = append(u.Requests, &rules.Request{
				Role:    rules.RoleAPI,
				Method:  rules.Decoded(y.file, strings.ToUpper(mk.Value), ms, ms+len(mk.Value)),
				URL:     url,
				Via:     "OpenAPI operation",
				Library: true,
				Pos:     rules.Span{File: y.file, Start: start, End: start + len(pk.Value)},
			})
		})
	})
}

// securedByOAuth reports whether a node's security requirement list names
// one of the OAuth 2.0 schemes.
func securedByOAuth(n *yaml.Node, oauth map[string]bool) bool {
	_, sec := mapValue(n, "security")
	if sec == nil || sec.Kind != yaml.SequenceNode {
		return false
	}
	for _, req := range sec.Content {
		found := false
		mapPairs(req, func(k, _ *yaml.Node) { found = found || oauth[k.Value] })
		if found {
			return true
		}
	}
	return false
}

// splitBase cuts a known base URL into its origin (scheme and host) and
// its path; a base with variables stays whole.
func splitBase(base rules.Value) (rules.Value, string) {
	if base.IsZero() || !base.Known() {
		return base, ""
	}
	t := base.Text
	i := strings.Index(t, "://")
	if i < 0 {
		return rules.Value{}, t // a relative server URL is a path
	}
	j := strings.IndexByte(t[i+3:], '/')
	if j < 0 {
		return base, ""
	}
	return base.Slice(0, i+3+j), t[i+3+j:]
}

// openAPICodeSamples lints the shell code samples of each operation
// (Redoc's x-code-samples and x-codeSamples: a list of {lang, source}),
// where API docs keep the curl command that gets a token, as shell.
func openAPICodeSamples(y *yamlSource, root *yaml.Node, u *rules.Unit) {
	_, paths := mapValue(root, "paths")
	x := newExpansion(len(y.src))
	mapPairs(paths, func(_, item *yaml.Node) {
		mapPairs(item, func(mk, op *yaml.Node) {
			if !openAPIMethods[mk.Value] {
				return
			}
			for _, key := range []string{"x-code-samples", "x-codeSamples"} {
				_, samples := mapValue(op, key)
				if samples == nil || samples.Kind != yaml.SequenceNode {
					continue
				}
				for _, sample := range samples.Content {
					_, src := mapValue(sample, "source")
					if src == nil || src.Kind != yaml.ScalarNode || !shellSample(str(sample, "lang"), str(sample, "label")) {
						continue
					}
					// One script per sample: a sample that does not parse
					// leaves the others readable.
					embedScalars(ByName(scriptFormat), y, []*yaml.Node{src}, 0, u, x, nil)
				}
			}
		})
	})
}

// shellSample reports whether a code sample's lang or label names shell
// or curl ("Shell", "cURL", "Shell + Curl", "bash").
func shellSample(lang, label string) bool {
	for _, t := range []string{lang, label} {
		t = strings.ToLower(t)
		for _, w := range []string{"curl", "shell", "bash", "sh", "zsh", "console"} {
			if t == w || strings.Contains(t, "curl") || strings.HasPrefix(t, w+" ") {
				return true
			}
		}
	}
	return false
}
