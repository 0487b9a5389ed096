package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// A Rule is one check with the metadata that feeds `tokenlint rules`,
// `tokenlint explain`, SARIF rules[] and the README table.
type Rule struct {
	ID       string
	Severity Severity // default severity
	Summary  string   // one line, what is wrong
	Doc      Documentation
	// Families are the kinds of front end whose code the rule judges
	// (nil: every kind); every family a rule names has bad and good
	// fixtures of the rule.
	Families []Family
	Check    func(*Pass)
	// Commented: the rule also judges commented-out code, because what it
	// finds is wrong in committed text whether or not it runs (a secret).
	Commented bool
}

// A Pass is one rule's view of one unit.
type Pass struct {
	Unit    *Unit
	Catalog *Catalog
	Options *Options
	rule    *Rule
	out     *[]Diagnostic
	facts   *unitFacts
}

// Options tune a run.
type Options struct {
	Catalog *Catalog // nil means DefaultCatalog()
	// Rules to run; nil means All().
	Rules []*Rule
	// Severity overrides a rule's default.
	Severity map[string]Severity
	// Regions pins the regions the user's org lives in, by any alias.
	Regions []string
}

// Report records a diagnostic of the pass's rule; Rule and Severity are
// filled in when empty.
func (p *Pass) Report(f Diagnostic) {
	f.Rule = p.rule.ID
	if f.Severity == 0 {
		f.Severity = p.rule.Severity
	}
	if p.Options != nil {
		if s, ok := p.Options.Severity[p.rule.ID]; ok {
			// An override replaces the rule's level; a rule that reports at
			// two levels keeps its warnings below its errors.
			if f.Severity == p.rule.Severity || s < f.Severity {
				f.Severity = s
			}
		}
	}
	// A message quotes the file (a method, a grant, a header name), whose
	// text may hold line breaks; every output wants one line.
	f.Message = oneLine.Replace(f.Message)
	if f.Fix != nil {
		f.Fix.Message = oneLine.Replace(f.Fix.Message)
	}
	for i := range f.Related {
		f.Related[i].Message = oneLine.Replace(f.Related[i].Message)
	}
	*p.out = append(*p.out, f)
}

// oneLine shows line breaks as the escapes that write them.
var oneLine = strings.NewReplacer("\r\n", `\r\n`, "\n", `\n`, "\r", `\r`)

// TokenRequests are the unit's requests classified as token requests.
func (p *Pass) TokenRequests() []*Request { return p.facts.token }

// APICalls are the unit's requests classified as API calls.
func (p *Pass) APICalls() []*Request { return p.facts.api }

// Grants are the grant types the unit's token requests and settings state
// literally, in order of appearance, without duplicates.
func (p *Pass) Grants() []string { return p.facts.grants }

// DynamicGrant reports whether some token request's grant is not literal.
func (p *Pass) DynamicGrant() bool { return p.facts.dynamicGrant }

// ProviderOf is the provider a request goes to, by its host, with the
// host's classification; nil when the host is unknown or dynamic.
func (p *Pass) ProviderOf(r *Request) (*Provider, HostInfo) {
	_, info, ok := p.Catalog.HostOf(ParseURL(r.URL))
	if !ok {
		if prov := p.facts.relative[r]; prov != nil {
			// A relative token URL goes to the unit's provider's token host.
			return prov, HostInfo{Kind: HostToken, Provider: prov}
		}
		return nil, HostInfo{}
	}
	return info.Provider, info
}

// inferred is the reason, in parentheses after a space, why the rules take
// r's templated host or relative URL for a provider's; "" when the source
// spells the host out.
func (p *Pass) inferred(r *Request) string {
	if g, ok := p.facts.domainWhy[r]; ok && g.why != "" {
		return " (" + g.why + ")"
	}
	if prov := p.facts.relative[r]; prov != nil {
		return fmt.Sprintf(" (a relative URL; the other requests of this file go to %s)", prov.Name)
	}
	return ""
}

// inferredAt is where the unit writes down the values that decided r's
// templated host, as Related locations: the file beside it (a tfvars, a
// .env) that a reader of the finding would not otherwise look at.
func (p *Pass) inferredAt(r *Request) []Related {
	g := p.facts.domainWhy[r]
	var out []Related
	for _, sp := range g.at {
		out = append(out, Related{Span: sp, Message: fmt.Sprintf("%s is written down here", g.tmpl)})
	}
	return out
}

// InferRegion names the region of provider prov that the unit points at,
// from its hosts and declared settings, when they agree on exactly one.
func (p *Pass) InferRegion(prov *Provider) *Region {
	// Rules ask once per finding; the answer depends only on the unit.
	if r, ok := p.facts.regions[prov]; ok {
		return r
	}
	r := p.inferRegion(prov)
	if p.facts.regions == nil {
		p.facts.regions = map[*Provider]*Region{}
	}
	p.facts.regions[prov] = r
	return r
}

func (p *Pass) inferRegion(prov *Provider) *Region {
	var found *Region
	for _, r := range p.Unit.Requests {
		if _, info := p.ProviderOf(r); info.Provider == prov && info.Region != nil && (info.Kind == HostToken || info.Kind == HostAPI) {
			if found != nil && found != info.Region {
				return nil
			}
			found = info.Region
		}
	}
	for _, s := range p.Unit.Settings {
		if !s.Value.Known() {
			continue
		}
		switch s.Kind {
		case SettingRegion, SettingEnvironment, SettingBaseURL:
			text := s.Value.Text
			if s.Kind == SettingBaseURL {
				h, _ := ParseURL(s.Value).HostName()
				text = h
			}
			if pv, r := p.Catalog.LookupRegion(text); pv == prov && r != nil {
				if found != nil && found != r {
					return nil
				}
				found = r
			}
		}
	}
	if found == nil && p.Options != nil && len(p.Options.Regions) == 1 {
		if pv, r := p.Catalog.LookupRegion(p.Options.Regions[0]); pv == prov {
			found = r
		}
	}
	return found
}

type unitFacts struct {
	token, api   []*Request
	grants       []string
	dynamicGrant bool
	regions      map[*Provider]*Region // InferRegion's answers
	// domainWhy says why a request's templated host was taken for a
	// provider's (inferDomains); relative holds the provider of relative
	// token URLs in a unit whose provider is clear.
	domainWhy map[*Request]domainGuess
	relative  map[*Request]*Provider
}

// Run applies the rules to one unit and returns its diagnostics in source
// order. It classifies requests whose role the front end left unknown.
func Run(u *Unit, opts *Options) []Diagnostic {
	if opts == nil {
		opts = &Options{}
	}
	cat := opts.Catalog
	if cat == nil {
		cat = DefaultCatalog()
	}
	live := withoutCommented(u)
	facts := classify(live, cat)
	var all *unitFacts // the facts of u with its commented-out code
	list := opts.Rules
	if list == nil {
		list = All()
	}
	var out []Diagnostic
	for _, r := range list {
		p := &Pass{Unit: live, Catalog: cat, Options: opts, rule: r, out: &out, facts: facts}
		if r.Commented && live != u {
			if all == nil {
				all = classify(u, cat)
			}
			p.Unit, p.facts = u, all
		}
		r.Check(p)
	}
	nameOrigins(u, out)
	guardSharedFixes(u, out)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Span.File != b.Span.File {
			return a.Span.File < b.Span.File
		}
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		return a.Rule < b.Rule
	})
	return dedupe(out)
}

// nameOrigins adds to each finding that covers a use of a variable whose
// value another file writes (Unit.Origins) that place as Related, so the
// user sees where api.mypurecloud.ie in {{authHost}} comes from.
func nameOrigins(u *Unit, out []Diagnostic) {
	for i := range out {
		f := &out[i]
		for _, o := range u.Origins {
			if o.At.File != f.Span.File || o.At.Start >= max(f.Span.End, f.Span.Start+1) || f.Span.Start >= max(o.At.End, o.At.Start+1) {
				continue
			}
			rel := Related{Span: o.Value, Message: fmt.Sprintf("%s is set here", o.Name)}
			if !slices.ContainsFunc(f.Related, func(r Related) bool { return r.Span == rel.Span }) {
				f.Related = append(f.Related, rel)
			}
		}
	}
}

// withoutCommented is u without its commented-out requests and
// settings; u itself when it has none.
func withoutCommented(u *Unit) *Unit {
	n := 0
	for _, r := range u.Requests {
		if r.Commented {
			n++
		}
	}
	for _, s := range u.Settings {
		if s.Commented {
			n++
		}
	}
	if n == 0 {
		return u
	}
	live := *u
	live.Requests = slices.DeleteFunc(slices.Clone(u.Requests), func(r *Request) bool { return r.Commented })
	live.Settings = slices.DeleteFunc(slices.Clone(u.Settings), func(s Setting) bool { return s.Commented })
	return &live
}

// dedupe drops repeated findings: one literal (a shell variable, an .http
// file variable) feeding several requests is one mistake, reported once
// where it is written.
func dedupe(fs []Diagnostic) []Diagnostic {
	type key struct {
		rule, msg string
		span      Span
	}
	seen := make(map[key]bool, len(fs))
	out := fs[:0]
	for _, f := range fs {
		k := key{f.Rule, f.Message, f.Span}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}

func classify(u *Unit, cat *Catalog) *unitFacts {
	f := &unitFacts{}
	f.domainWhy, f.relative = inferDomains(u, cat)
	addGrant := func(v Value) {
		if v.IsZero() {
			return
		}
		if !v.Known() {
			f.dynamicGrant = true
			return
		}
		g := strings.TrimSpace(v.Text)
		if !slices.Contains(f.grants, g) {
			f.grants = append(f.grants, g)
		}
	}
	for _, r := range u.Requests {
		if r.Role == RoleUnknown {
			r.Role = RoleAPI
			if !r.GrantType().IsZero() {
				r.Role = RoleToken
			} else {
				pu := ParseURL(r.URL)
				path, known := pu.PathText()
				host, hostKnown := pu.HostName()
				if known && cat.IsTokenPath(path) {
					r.Role = RoleToken
				} else if hostKnown && cat.Host(host).Kind == HostToken && known && path != "" {
					// Anything sent to a token host's path is a token request,
					// except the browser endpoints which are not under the
					// token path patterns and are GETs.
					if !r.Method.Known() || !strings.EqualFold(r.Method.Text, "GET") {
						r.Role = RoleToken
					}
				}
			}
		}
		switch r.Role {
		case RoleToken:
			f.token = append(f.token, r)
			addGrant(r.GrantType())
		case RoleAPI:
			f.api = append(f.api, r)
		}
	}
	for _, s := range u.Settings {
		if s.Kind == SettingGrantType {
			addGrant(s.Value)
		}
	}
	return f
}

// SecretSpans lists the spans in u that hold credential values: the unit's
// own list (what the front ends saw, overridden credentials included),
// credential form fields and query parameters, Basic and bearer secrets,
// credential headers, URL userinfo, and secret settings. Every output
// redacts these and every other copy of their text.
func SecretSpans(u *Unit, cat *Catalog) []Span {
	if cat == nil {
		cat = DefaultCatalog()
	}
	out := append([]Span{}, u.Secrets...)
	add := func(v Value) { out = appendSecret(out, v) }
	for _, r := range u.Requests {
		if r.Auth != nil {
			add(r.Auth.Secret)
		}
		if r.Body != nil {
			for _, fl := range r.Body.Fields {
				if fl.Name.Known() && cat.IsCredentialField(fl.Name.Text) {
					add(fl.Value)
				}
			}
		}
		pu := ParseURL(r.URL)
		add(pu.Password())
		for _, q := range ParseForm(pu.Query, EncodingRaw, "") {
			if q.Name.Known() && cat.IsCredentialField(q.Name.Text) {
				add(q.Value)
			}
		}
		for _, h := range r.Headers {
			if h.Name.Known() && cat.IsCredentialHeader(h.Name.Text) {
				for _, cred := range HeaderCredentials(h) {
					add(cred)
				}
			}
		}
	}
	for _, s := range u.Settings {
		switch s.Kind {
		case SettingClientSecret:
			add(s.Value)
		case SettingBaseURL:
			add(ParseURL(s.Value).Password())
		}
	}
	return out
}

// AddSecret records v as a credential of the unit, for a front end that
// sees one the request model does not keep (a curl -u that a later -u
// replaces, a header that Header.Set overwrites).
func (u *Unit) AddSecret(v Value) { u.Secrets = appendSecret(u.Secrets, v) }

// appendSecret appends each literal part of v as its own span: a value
// built from a template and text defined lines away (an .http Basic
// header of {{id}}:{{secret}}) must not mask everything in between, and a
// placeholder ({{secret}}, $SECRET) holds no secret text, so its name
// stays readable.
func appendSecret(out []Span, v Value) []Span {
	for k, seg := range v.Segs {
		if !seg.Dynamic && v.segEnd(k) > int(seg.Off) && seg.End > seg.Start {
			out = append(out, seg.Source(v.File))
		}
	}
	return out
}

// HeaderCredentials are the credential parts of a credential header's
// value: after the scheme word of Authorization and Proxy-Authorization
// (which stays readable), each cookie's value, or the whole value.
func HeaderCredentials(h Header) []Value {
	name := strings.ToLower(h.Name.Text)
	switch name {
	case "authorization", "proxy-authorization":
		if _, cred, ok := h.Value.Cut(' '); ok {
			return []Value{cred}
		}
	case "cookie":
		var out []Value
		for _, c := range h.Value.Split(';') {
			if _, v, ok := c.Cut('='); ok {
				out = append(out, v)
			} else {
				out = append(out, c)
			}
		}
		return out
	}
	return []Value{h.Value}
}

// Lookup finds a rule by ID.
func Lookup(id string) *Rule {
	for _, r := range All() {
		if r.ID == id {
			return r
		}
	}
	return nil
}
