package rules

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/tokenlint/tokenlint/internal/glob"
)

//go:embed catalog.toml
var catalogTOML string

//go:generate go run -tags nocatalog ./internal/gencatalog

// A Catalog is what tokenlint knows about OAuth providers. It is data
// (catalog.toml, extended by .tokenlint.toml), never rule code.
type Catalog struct {
	TokenPaths       []string `toml:"token_paths"`
	CredentialFields []string `toml:"credential_fields"`
	IdentityFields   []string `toml:"identity_fields"`
	// CredentialHeaders are request headers whose value is a credential;
	// a header whose name says so (X-Api-Key) is one as well.
	CredentialHeaders []string `toml:"credential_headers"`
	ClientGrants      []string `toml:"client_grants"`
	// GrantTypes are the registered grant_type values; any absolute URI is
	// an extension grant as well (RFC 6749 section 4.5).
	GrantTypes []string `toml:"grant_types"`
	// QuerySecretFields are parameters that must never be in a URL.
	QuerySecretFields []string `toml:"query_secret_fields"`
	// StaticSecretFields are credential fields whose value is a long-lived
	// secret a person writes down (not a code or token issued at run time).
	StaticSecretFields []string    `toml:"static_secret_fields"`
	Providers          []*Provider `toml:"provider"`
	// TokenEndpoints are endpoints that issue tokens on terms of their
	// own, not RFC 6749's (a managed-identity metadata service: GET, no
	// grant_type), matched by host and path wherever they are served.
	TokenEndpoints []*TokenEndpoint `toml:"token_endpoint"`
	// GoClients are the Go client libraries the Go analyzer follows.
	GoClients []*GoClient `toml:"go_client"`
}

// A GoClient is a Go HTTP or OAuth client library, by import path, and
// which of its calls carry what: data, so that a library of a shape the
// analyzer knows needs no code. Shapes:
//   - "net/http": the package repeats net/http's API (NewRequest,
//     Client.Do, Post, PostForm, Get, Head) around its own RequestType.
//   - "builder": methods of RequestType set one part of a request each
//     (Methods: name -> role) and the send methods are named for the
//     HTTP method (resty's R().SetFormData(...).Post(url)).
//   - "credential": Credentials construct an OAuth client for a grant;
//     the client requests tokens at TokenURL ({N} is argument N) and
//     GetToken's options carry the scopes in ScopesField.
//   - "graph": navigation methods from ClientType build an API path under
//     BaseURL (client.Me().Messages().Get(ctx, nil) is GET
//     BaseURL/me/messages); Scopes names constructors whose argument N
//     lists the scopes the client asks its credential for.
type GoClient struct {
	Package string `toml:"package"` // import path; a trailing /vN matches any major version
	Shape   string `toml:"shape"`
	// RequestType is the request (builder) type ("net/http", "builder").
	RequestType string `toml:"request_type"`
	// Methods maps builder methods to roles: form (map of fields the
	// library encodes), form_values (url.Values), body (text, or JSON the
	// library marshals), json, header, headers, content_type, basic_auth,
	// bearer, url, send (the method's name is the HTTP method), execute
	// (method, url), do (sends what the chain set).
	Methods     map[string]string `toml:"methods"`
	Credentials map[string]string `toml:"credentials"` // constructor -> grant_type
	TokenURL    string            `toml:"token_url"`
	GetToken    string            `toml:"get_token"`
	ScopesField string            `toml:"scopes_field"`
	// SecretArg and UserArg are the constructor arguments with the client
	// secret and the client ID (-1: none).
	SecretArg  int    `toml:"secret_arg"`
	UserArg    int    `toml:"user_arg"`
	ClientType string `toml:"client_type"`
	// ClientMethods are builder-shape methods of ClientType that start a
	// request ("start": the name is the HTTP method, argument 0 the URL:
	// req's client.Post(url).SetFormData(...).Do()).
	ClientMethods map[string]string `toml:"client_methods"`
	BaseURL       string            `toml:"base_url"`
	Scopes        map[string]int    `toml:"scopes"`
	Source        string            `toml:"source"`
}

// GoClient is the client library of import path path, or nil.
func (c *Catalog) GoClient(path string) *GoClient {
	for _, g := range c.GoClients {
		if path == g.Package || majorVersionOf(path, g.Package) {
			return g
		}
	}
	return nil
}

// majorVersionOf reports whether path is pkg at another major version
// (pkg/v2 for pkg/v3), or pkg with a /vN added.
func majorVersionOf(path, pkg string) bool {
	base := func(p string) string {
		if i := strings.LastIndex(p, "/v"); i > 0 && i+2 < len(p) && strings.Trim(p[i+2:], "0123456789") == "" {
			return p[:i]
		}
		return p
	}
	return base(path) == base(pkg) && base(path) != path
}

// A TokenEndpoint is a token endpoint with its own protocol.
type TokenEndpoint struct {
	Name string `toml:"name"`
	// Host is a host pattern ("*" is one label), Path a path pattern.
	Host string `toml:"host"`
	Path string `toml:"path"`
	// Methods are the methods it takes; empty means POST only.
	Methods []string `toml:"methods"`
	// NoGrant: its requests name no grant_type.
	NoGrant bool   `toml:"no_grant"`
	Source  string `toml:"source"`
}

// TokenEndpoint returns the endpoint of the catalog's token_endpoint list
// that host and path (literal, lower-case host) are, or nil.
func (c *Catalog) TokenEndpoint(host, path string) *TokenEndpoint {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	for _, e := range c.TokenEndpoints {
		if matchHost(e.Host, host) && matchPath(e.Path, path) {
			return e
		}
	}
	return nil
}

// A Provider is one OAuth provider's facts.
type Provider struct {
	ID   string `toml:"id"`
	Name string `toml:"name"`
	// TokenPath is the one path the provider serves tokens at, when it has
	// one; empty when the path varies (a tenant in it).
	TokenPath       string `toml:"token_path"`
	TokenHostPrefix string `toml:"token_host_prefix"`
	APIHostPrefix   string `toml:"api_host_prefix"`
	// TokenHosts are host patterns ("*" is one label) that issue this
	// provider's tokens, for providers without a region table.
	TokenHosts []string `toml:"token_hosts"`
	// APIHosts are host patterns that serve the provider's API (they
	// classify as HostAPI, so user-only endpoints apply to them).
	APIHosts []string `toml:"api_hosts"`
	// Hosts are other host patterns of the provider: known, so rules can
	// name the provider, but neither classified as token hosts (a request
	// to them is a token request only by its path or grant) nor as API hosts.
	Hosts []string `toml:"hosts"`
	// FormOnly: the token endpoint takes form bodies only, so a JSON token
	// request is an error; otherwise it is a warning, and AcceptsJSON
	// silences it.
	FormOnly    bool `toml:"form_only"`
	AcceptsJSON bool `toml:"accepts_json"`
	// QueryToken says how the provider's API takes an access token when it
	// takes none in an Authorization header: "param" (as the access_token
	// parameter of the query or of a POST form body), "query" (in the
	// query string only). Empty: a Bearer header, as RFC 6750 describes.
	QueryToken string   `toml:"query_token"`
	Families   []string `toml:"families"`
	// DomainEnv are environment variables that hold one of the
	// provider's region domains by the provider's own convention.
	DomainEnv []string `toml:"domain_env"`
	// NameHints are words ("genesys*" for a prefix) that, in a variable's
	// name, suggest it holds one of the provider's region domains
	// (GENESYS_CLOUD_ENVIRONMENT, gc_region): a hint, never proof.
	NameHints []string `toml:"name_hints"`
	// APIPathPrefix starts the paths of the provider's API (/api/v2/): a
	// call to it on a templated host says whose host the template is.
	APIPathPrefix string        `toml:"api_path_prefix"`
	Regions       []*Region     `toml:"region"`
	Fabricated    []*Fabricated `toml:"fabricated"`
	UserOnly      []*Endpoint   `toml:"user_only"`
	NotUserOnly   []*Endpoint   `toml:"not_user_only"`
	// ClientCredentials holds what the provider requires of a
	// client-credentials token request beyond RFC 6749.
	ClientCredentials *ClientCredentials `toml:"client_credentials"`
	Source            string             `toml:"source"`
	Docs              string             `toml:"docs"`
}

// A Region is one deployment of a provider with its own hosts.
type Region struct {
	AWS      string `toml:"aws"`
	SDK      string `toml:"sdk"`
	Domain   string `toml:"domain"`
	Internal bool   `toml:"internal"`
	Source   string `toml:"source"`
}

// Name is the region's AWS code, the name people use.
func (r *Region) Name() string { return r.AWS }

// ClientCredentials is what a provider requires of a client-credentials
// token request, each with its source.
type ClientCredentials struct {
	// Paths are the token paths ("{x}" is one segment) the facts apply to;
	// empty means every token request to the provider.
	Paths []string `toml:"paths"`
	// Required are form parameters the request must carry (Auth0 audience).
	Required []string `toml:"required"`
	// ScopeSuffix: every scope must be a resource followed by this suffix
	// (Entra "/.default"); ScopeExample is a correct scope for messages.
	ScopeSuffix  string `toml:"scope_suffix"`
	ScopeExample string `toml:"scope_example"`
	// NotAt are host patterns that do not serve the grant at all
	// (Salesforce login/test); TokenURL is where the grant is served, for
	// messages.
	NotAt    []string `toml:"not_at"`
	TokenURL string   `toml:"token_url"`
	// TokenURLName is what TokenURL is called in the provider's docs
	// ("your org's My Domain"), for messages.
	TokenURLName string `toml:"token_url_name"`
	// InsteadOfScope are parameters people send in place of the scope
	// (Entra v1's resource), each explained in Params.
	InsteadOfScope []string `toml:"instead_of_scope"`
	// Params say what a parameter named above is for, in the provider's
	// terms, and a correct example value: rules word their messages from
	// them, so a provider added in TOML reads as well as the built-in ones.
	Params map[string]*ParamFacts `toml:"params"`
	Source string                 `toml:"source"`
}

// ParamFacts explain one parameter of a provider's token request.
type ParamFacts struct {
	Why     string `toml:"why"`
	Example string `toml:"example"`
}

// Param returns what the facts say of parameter name, never nil.
func (cc *ClientCredentials) Param(name string) ParamFacts {
	if f := cc.Params[name]; f != nil {
		return *f
	}
	return ParamFacts{}
}

// Applies reports whether the facts cover a token request at path.
func (cc *ClientCredentials) Applies(path string) bool {
	if cc == nil {
		return false
	}
	if len(cc.Paths) == 0 {
		return true
	}
	for _, pat := range cc.Paths {
		if matchPath(pat, path) {
			return true
		}
	}
	return false
}

// A Fabricated entry is a host pattern that no source supports but that
// circulates in answers and samples.
type Fabricated struct {
	Host   string   `toml:"host"`
	Except []string `toml:"except"`
	Why    string   `toml:"why"`
	Source string   `toml:"source"`
}

// An Endpoint is a method and a path template ("{x}" is one segment).
type Endpoint struct {
	Method string `toml:"method"`
	Path   string `toml:"path"`
	// Level is "error" (documented) or "warning" (inferred).
	Level  string `toml:"level"`
	Source string `toml:"source"`
}

var (
	defaultOnce    sync.Once
	defaultCatalog *Catalog
	defaultErr     error
)

// DefaultCatalog is the embedded catalog: catalog.toml, decoded when the
// binary was built (catalog_gen.go; TestCompiledCatalog keeps the two in
// step).
func DefaultCatalog() *Catalog {
	defaultOnce.Do(func() {
		if compiledCatalog == nil {
			defaultCatalog, defaultErr = ParseCatalog(catalogTOML)
			return
		}
		defaultCatalog, defaultErr = compiledCatalog, compiledCatalog.check()
	})
	if defaultErr != nil {
		// The embedded catalog is tested; failing here is a build defect.
		panic("tokenlint: embedded catalog: " + defaultErr.Error())
	}
	return defaultCatalog
}

// ParseCatalog decodes a catalog from TOML and checks it.
func ParseCatalog(src string) (*Catalog, error) {
	var c Catalog
	md, err := toml.Decode(src, &c)
	if err != nil {
		return nil, err
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fmt.Errorf("unknown catalog key %q", und[0].String())
	}
	return &c, c.check()
}

func (c *Catalog) check() error {
	for _, g := range c.GoClients {
		switch g.Shape {
		case "net/http", "builder", "credential", "graph":
		default:
			return fmt.Errorf("go_client %s: shape %q is not net/http, builder, credential or graph", g.Package, g.Shape)
		}
	}
	for _, e := range c.TokenEndpoints {
		if e.Host == "" || !strings.HasPrefix(e.Path, "/") {
			return fmt.Errorf("token_endpoint %q: needs a host and a path starting with /", e.Name)
		}
	}
	for _, p := range c.Providers {
		switch p.QueryToken {
		case "", "param", "query":
		default:
			return fmt.Errorf("provider %s: query_token %q is not param or query", p.ID, p.QueryToken)
		}
		if p.ID == "" {
			return fmt.Errorf("provider without id")
		}
		for _, e := range append(append([]*Endpoint{}, p.UserOnly...), p.NotUserOnly...) {
			if !strings.HasPrefix(e.Path, "/") {
				return fmt.Errorf("provider %s: endpoint path %q does not start with /", p.ID, e.Path)
			}
		}
		for _, e := range p.UserOnly {
			if _, ok := ParseSeverity(e.Level); !ok {
				return fmt.Errorf("provider %s: endpoint %s: level %q is not error or warning", p.ID, e.Path, e.Level)
			}
		}
	}
	return nil
}

// Merge returns a catalog with extra's providers added; a provider with an
// existing ID extends that provider's lists.
func (c *Catalog) Merge(extra *Catalog) *Catalog {
	out := *c
	out.TokenPaths = slices.Concat(c.TokenPaths, extra.TokenPaths)
	out.CredentialFields = slices.Concat(c.CredentialFields, extra.CredentialFields)
	out.IdentityFields = slices.Concat(c.IdentityFields, extra.IdentityFields)
	out.CredentialHeaders = slices.Concat(c.CredentialHeaders, extra.CredentialHeaders)
	out.ClientGrants = slices.Concat(c.ClientGrants, extra.ClientGrants)
	out.GrantTypes = slices.Concat(c.GrantTypes, extra.GrantTypes)
	out.QuerySecretFields = slices.Concat(c.QuerySecretFields, extra.QuerySecretFields)
	out.StaticSecretFields = slices.Concat(c.StaticSecretFields, extra.StaticSecretFields)
	out.TokenEndpoints = slices.Concat(c.TokenEndpoints, extra.TokenEndpoints)
	out.GoClients = slices.Concat(c.GoClients, extra.GoClients)
	out.Providers = nil
	byID := map[string]*Provider{}
	for _, p := range c.Providers {
		cp := *p
		out.Providers = append(out.Providers, &cp)
		byID[p.ID] = &cp
	}
	for _, p := range extra.Providers {
		if have := byID[p.ID]; have != nil {
			have.TokenHosts = slices.Concat(have.TokenHosts, p.TokenHosts)
			have.APIHosts = slices.Concat(have.APIHosts, p.APIHosts)
			have.Hosts = slices.Concat(have.Hosts, p.Hosts)
			have.UserOnly = slices.Concat(have.UserOnly, p.UserOnly)
			have.NotUserOnly = slices.Concat(have.NotUserOnly, p.NotUserOnly)
			continue
		}
		cp := *p
		out.Providers = append(out.Providers, &cp)
		byID[p.ID] = &cp
	}
	return &out
}

// Provider returns the provider with the given ID, or nil.
func (c *Catalog) Provider(id string) *Provider {
	for _, p := range c.Providers {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// HostKind is what a host is to its provider.
type HostKind int

const (
	HostUnknown     HostKind = iota // not a host the catalog knows
	HostToken                       // issues tokens (login.<domain>)
	HostAPI                         // serves the API, not tokens (api.<domain>)
	HostService                     // another real host of a region (apps.<domain>)
	HostNotProvider                 // under the provider's domains but not a real host
	HostFabricated                  // a known fabrication
)

// HostInfo is what the catalog says of one host.
type HostInfo struct {
	Kind     HostKind
	Provider *Provider
	Region   *Region // the region the host names, when it names one
	Why      string  // for HostNotProvider and HostFabricated
}

// HostOf classifies a URL's host: a known host name, or a literal
// prefix before a provider's region domain held by a variable
// ("api." + GENESYS_CLOUD_ENVIRONMENT), whose region is unknown. name is
// the host as messages show it.
func (c *Catalog) HostOf(u URL) (name string, info HostInfo, ok bool) {
	if h, known := u.HostName(); known {
		return h, c.Host(h), true
	}
	prefix, id, ok := u.domainHost()
	prov := c.Provider(id)
	if !ok || prov == nil {
		return "", HostInfo{}, false
	}
	name = prefix + "<" + prov.Name + " region domain>"
	switch {
	case prov.TokenHostPrefix != "" && prefix == prov.TokenHostPrefix:
		return name, HostInfo{Kind: HostToken, Provider: prov}, true
	case prov.APIHostPrefix != "" && prefix == prov.APIHostPrefix:
		return name, HostInfo{Kind: HostAPI, Provider: prov}, true
	}
	return "", HostInfo{}, false
}

// DomainVar is the provider whose region domain environment variable
// name holds by convention, or nil.
func (c *Catalog) DomainVar(name string) *Provider {
	for _, p := range c.Providers {
		if contains(p.DomainEnv, name) {
			return p
		}
	}
	return nil
}

// Host classifies a host name (lower case, no port).
func (c *Catalog) Host(host string) HostInfo {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	for _, p := range c.Providers {
		if info, ok := p.host(host); ok {
			return info
		}
	}
	return HostInfo{}
}

func (p *Provider) host(host string) (HostInfo, bool) {
	// The longest region domain that host is, or is under.
	var region *Region
	for _, r := range p.Regions {
		if (host == r.Domain || strings.HasSuffix(host, "."+r.Domain)) && (region == nil || len(r.Domain) > len(region.Domain)) {
			region = r
		}
	}
	if region != nil {
		label := strings.TrimSuffix(strings.TrimSuffix(host, region.Domain), ".")
		switch {
		case p.TokenHostPrefix != "" && host == p.TokenHostPrefix+region.Domain:
			return HostInfo{Kind: HostToken, Provider: p, Region: region}, true
		case p.APIHostPrefix != "" && host == p.APIHostPrefix+region.Domain:
			return HostInfo{Kind: HostAPI, Provider: p, Region: region}, true
		case label != "" && !strings.Contains(label, "."):
			return HostInfo{Kind: HostService, Provider: p, Region: region}, true
		case label == "":
			return HostInfo{Kind: HostNotProvider, Provider: p, Region: region,
				Why: "a bare region domain serves neither tokens nor the API"}, true
		default:
			return HostInfo{Kind: HostNotProvider, Provider: p, Region: region,
				Why: p.Name + " has no per-organization subdomains"}, true
		}
	}
	for _, f := range p.Fabricated {
		if matchHost(f.Host, host) && !contains(f.Except, host) {
			return HostInfo{Kind: HostFabricated, Provider: p, Why: f.Why}, true
		}
	}
	for _, pat := range p.TokenHosts {
		if matchHost(pat, host) {
			return HostInfo{Kind: HostToken, Provider: p}, true
		}
	}
	for _, pat := range p.APIHosts {
		if matchHost(pat, host) {
			return HostInfo{Kind: HostAPI, Provider: p}, true
		}
	}
	for _, pat := range p.Hosts {
		if matchHost(pat, host) {
			return HostInfo{Kind: HostService, Provider: p}, true
		}
	}
	for _, fam := range p.Families {
		if underFamily(fam, host) {
			return HostInfo{Kind: HostNotProvider, Provider: p,
				Why: "it is not the host of any " + p.Name + " region"}, true
		}
	}
	return HostInfo{}, false
}

// matchHost matches a host against a pattern where "*" is one or more
// labels at the front or exactly one label elsewhere. Every host of every
// request meets every pattern, so the labels are compared in place.
func matchHost(pattern, host string) bool {
	np, nh := strings.Count(pattern, ".")+1, strings.Count(host, ".")+1
	if first, rest, _ := strings.Cut(pattern, "."); first == "*" && nh >= np {
		// A leading * absorbs one or more labels.
		if np == 1 {
			return true
		}
		for range nh - np + 1 {
			_, host, _ = strings.Cut(host, ".")
		}
		pattern = rest
	} else if np != nh {
		return false
	}
	for {
		p, prest, more := strings.Cut(pattern, ".")
		h, hrest, _ := strings.Cut(host, ".")
		if p != "*" && p != h {
			return false
		}
		if !more {
			return true
		}
		pattern, host = prest, hrest
	}
}

// underFamily reports whether host is a family domain or under it;
// "name.*" matches a label name followed by any suffix.
func underFamily(fam, host string) bool {
	if name, ok := strings.CutSuffix(fam, ".*"); ok {
		labels := strings.Split(host, ".")
		for i, l := range labels[:max(len(labels)-1, 0)] {
			if l == name && i < len(labels)-1 {
				return true
			}
		}
		return false
	}
	return host == fam || strings.HasSuffix(host, "."+fam)
}

func contains(list []string, s string) bool {
	return slices.Contains(list, s)
}

// LookupRegion finds a region by any alias: AWS code with - or _, SDK key,
// domain, or an API or login host or URL of the region.
func (c *Catalog) LookupRegion(s string) (*Provider, *Region) {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
	s = strings.TrimSuffix(s, "/")
	norm := strings.ReplaceAll(s, "_", "-")
	for _, p := range c.Providers {
		for _, r := range p.Regions {
			if norm == r.AWS || (r.SDK != "" && s == r.SDK) || s == r.Domain ||
				(p.APIHostPrefix != "" && s == p.APIHostPrefix+r.Domain) ||
				(p.TokenHostPrefix != "" && s == p.TokenHostPrefix+r.Domain) {
				return p, r
			}
		}
	}
	return nil, nil
}

// TokenURL is where p issues tokens in region r.
func (p *Provider) TokenURL(r *Region) string {
	return "https://" + p.TokenHostPrefix + r.Domain + p.TokenPath
}

// DefaultRegion is the provider's first listed region, used only in
// examples ("e.g. ..."), never as a guess about the user's org.
func (p *Provider) DefaultRegion() *Region {
	if len(p.Regions) == 0 {
		return nil
	}
	return p.Regions[0]
}

// IsTokenPath reports whether path matches one of the catalog's token
// endpoint patterns.
func (c *Catalog) IsTokenPath(path string) bool {
	for _, pat := range c.TokenPaths {
		if matchPath(pat, path) {
			return true
		}
	}
	return false
}

// IsCredentialField reports whether a form field carries a credential.
func (c *Catalog) IsCredentialField(name string) bool {
	for _, f := range c.CredentialFields {
		if strings.EqualFold(f, name) {
			return true
		}
	}
	return false
}

// IsCredentialHeader reports whether a request header carries a
// credential: a catalog credential header, or a name that says it holds
// a secret, key or token (X-Api-Key, X-Client-Secret).
func (c *Catalog) IsCredentialHeader(name string) bool {
	return containsFold(c.CredentialHeaders, name) || IsCredentialName(name)
}

// IsIdentityField reports whether a form field names a client or user.
func (c *Catalog) IsIdentityField(name string) bool {
	for _, f := range c.IdentityFields {
		if strings.EqualFold(f, name) {
			return true
		}
	}
	return false
}

// IsQuerySecretField reports whether a parameter must never be in a URL.
func (c *Catalog) IsQuerySecretField(name string) bool {
	return containsFold(c.QuerySecretFields, name)
}

// IsStaticSecretField reports whether a form field holds a long-lived secret.
func (c *Catalog) IsStaticSecretField(name string) bool {
	return containsFold(c.StaticSecretFields, name)
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// IsClientGrant reports whether grant gives a token with no user.
func (c *Catalog) IsClientGrant(grant string) bool {
	return slices.Contains(c.ClientGrants, grant)
}

// MatchEndpoint returns the first endpoint in list that method and path
// match. An empty method matches any endpoint method.
func MatchEndpoint(list []*Endpoint, method, path string) *Endpoint {
	xs := splitPath(path)
	for _, e := range list {
		if (method == "" || strings.EqualFold(e.Method, method)) && glob.MatchFunc(patternSegments(e.Path), xs, endpointSegment) {
			return e
		}
	}
	return nil
}

// matchPath matches a path against a pattern of segments where "*" and
// "{name}" match one segment and "**" any number, in linear time.
func matchPath(pattern, path string) bool {
	return glob.MatchFunc(patternSegments(pattern), splitPath(path), endpointSegment)
}

// patternSplits memoizes the segments of each catalog path pattern: every
// request is matched against every endpoint of its provider.
var patternSplits sync.Map

func patternSegments(pattern string) []string {
	if segs, ok := patternSplits.Load(pattern); ok {
		return segs.([]string)
	}
	segs := splitPath(pattern)
	patternSplits.Store(pattern, segs)
	return segs
}

// endpointSegment matches one path segment: "*" and "{name}" match any,
// a literal matches ignoring case.
func endpointSegment(pattern, seg string) bool {
	return pattern == "*" || strings.HasPrefix(pattern, "{") && strings.HasSuffix(pattern, "}") || strings.EqualFold(pattern, seg)
}

func splitPath(p string) []string {
	p = strings.Trim(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}
