package rules

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// Most real token requests template the region domain: api.${env},
// login.{{environment}}, login.${var.gc_region}. A person reading the file
// knows whose domain the template holds from the rest of it: the value
// written down for the variable, the other requests that call the same
// template's API, or the variable's name. inferDomains reads the unit the
// same way and marks the template's dynamic run with the provider
// (Segment.SetDomain), so the host rules judge api.<template>/oauth/token as
// they judge api.mypurecloud.com/oauth/token; the reason goes into their
// messages, since a name is a hint and not proof.

// A domainGuess is why a unit's template holds a provider's region domain.
type domainGuess struct {
	provider *Provider
	why      string
	tmpl     string
	// at are the values written in other files that decided the guess.
	at []Span
}

// inferDomains marks the templated hosts of u whose provider the unit
// makes clear, and returns the reason for each request so marked, and
// the provider of the unit's relative token URLs (POST /api/v2/oauth/token
// in a unit whose other requests go to one provider).
func inferDomains(u *Unit, cat *Catalog) (map[*Request]domainGuess, map[*Request]*Provider) {
	var why map[*Request]domainGuess
	var relative map[*Request]*Provider
	guesses := map[string]domainGuess{} // by the template's text
	var unitProv *Provider
	unitProvDone := false
	for _, r := range u.Requests {
		url := ParseURL(r.URL)
		if url.Host.IsZero() {
			path, ok := url.PathText()
			if !ok || !strings.HasPrefix(path, "/") || !cat.IsTokenPath(path) {
				continue
			}
			if !unitProvDone {
				unitProv, unitProvDone = unitProvider(u, cat), true
			}
			if unitProv != nil {
				if relative == nil {
					relative = map[*Request]*Provider{}
				}
				relative[r] = unitProv
			}
			continue
		}
		prefix, tmpl, at, ok := templatedHost(url)
		seg := -1
		for k, sg := range r.URL.Segs {
			if ok && sg.Dynamic && sg.Start == at.Start && sg.End == at.End {
				seg = k
			}
		}
		if seg < 0 {
			continue
		}
		g, seen := guesses[tmpl]
		if !seen {
			g = guessDomain(u, cat, r, tmpl)
			guesses[tmpl] = g
		}
		if g.provider == nil || (prefix != g.provider.TokenHostPrefix && prefix != g.provider.APIHostPrefix) {
			continue
		}
		r.URL.Segs[seg].SetDomain(g.provider.ID)
		if why == nil {
			why = map[*Request]domainGuess{}
		}
		why[r] = g
	}
	return why, relative
}

// templatedHost splits a URL's host written as a literal prefix and one
// dynamic run not yet known to hold a domain (api. + ${env}): the prefix,
// the run's text and its segment.
func templatedHost(u URL) (prefix, tmpl string, run Segment, ok bool) {
	h := u.Host
	if len(h.Segs) == 0 {
		return "", "", Segment{}, false
	}
	last := h.Segs[len(h.Segs)-1]
	if !last.Dynamic || last.Domain() != "" || last.Off == 0 || h.Slice(0, int(last.Off)).HasDynamic() {
		return "", "", Segment{}, false
	}
	return strings.ToLower(h.Text[:last.Off]), h.Text[last.Off:], last, true
}

// guessDomain decides whose region domain the template tmpl holds in u,
// from the strongest evidence there is.
func guessDomain(u *Unit, cat *Catalog, r *Request, tmpl string) domainGuess {
	name := templateName(tmpl)
	// The values written down for the variable, in this file and beside it.
	var prov *Provider
	var values, where []string
	var at []Span
	agree := true
	for i, s := range slices.Concat(u.Settings, u.Beside) {
		if !s.Key.Known() || !s.Value.Known() || name == "" || !sameName(s.Key.Text, name) {
			continue
		}
		text := s.Value.Text
		if s.Kind == SettingBaseURL {
			text, _ = ParseURL(s.Value).HostName()
		}
		p, _ := cat.LookupRegion(text)
		if p == nil || p.TokenHostPrefix == "" || prov != nil && p != prov {
			agree = false
			break
		}
		prov = p
		if v := strings.TrimSpace(s.Value.Text); !slices.Contains(values, v) {
			values = append(values, v)
		}
		place := "this file"
		if i >= len(u.Settings) {
			place = filepath.Base(s.Value.File)
			at = append(at, s.Value.Span())
		}
		if !slices.Contains(where, place) {
			where = append(where, place)
		}
	}
	if prov != nil && agree {
		return domainGuess{provider: prov, tmpl: tmpl, at: at,
			why: fmt.Sprintf("%s is %s in %s", tmpl, strings.Join(values, " or "), strings.Join(where, " and "))}
	}
	// The other requests of the unit: an API call on the same template.
	// (Requests to a provider's known hosts elsewhere in the file say
	// nothing of a template: a script may call two providers.)
	for _, other := range u.Requests {
		if other == r {
			continue
		}
		ou := ParseURL(other.URL)
		if p := apiCallOn(cat, ou, tmpl); p != nil {
			path, _ := ou.PathText()
			return domainGuess{provider: p, tmpl: tmpl, why: fmt.Sprintf("this file calls the %s API at %s%s%s", p.Name, p.APIHostPrefix, tmpl, path)}
		}
	}
	// The variable's name: a hint, and the message says so.
	if name != "" {
		for _, p := range cat.Providers {
			if p.TokenHostPrefix != "" && (cat.DomainVar(name) == p || nameHints(p, name)) {
				return domainGuess{provider: p, tmpl: tmpl, why: fmt.Sprintf("judged by the variable's name, %s, which suggests a %s region domain: a hint, not proof", name, p.Name)}
			}
		}
	}
	return domainGuess{}
}

// apiCallOn is the provider whose API u calls on the template tmpl
// (api.<tmpl>/api/v2/...), or nil.
func apiCallOn(cat *Catalog, u URL, tmpl string) *Provider {
	h := u.Host
	path, ok := u.PathText()
	if !ok || h.Known() || !strings.HasSuffix(h.Text, tmpl) {
		return nil
	}
	for _, p := range cat.Providers {
		if p.APIHostPrefix != "" && p.APIPathPrefix != "" && strings.EqualFold(h.Text, p.APIHostPrefix+tmpl) &&
			strings.HasPrefix(path, p.APIPathPrefix) && !h.Slice(0, len(p.APIHostPrefix)).HasDynamic() {
			return p
		}
	}
	return nil
}

// unitProvider is the one provider the unit's known hosts and region
// settings point at, or nil when they point at none or several.
func unitProvider(u *Unit, cat *Catalog) *Provider {
	var found *Provider
	add := func(p *Provider) bool {
		if p == nil {
			return true
		}
		if found != nil && found != p {
			return false
		}
		found = p
		return true
	}
	for _, r := range u.Requests {
		if h, ok := ParseURL(r.URL).HostName(); ok {
			info := cat.Host(h)
			if info.Kind != HostToken && info.Kind != HostAPI {
				continue
			}
			if !add(info.Provider) {
				return nil
			}
		}
	}
	for _, s := range u.Settings {
		if (s.Kind == SettingRegion || s.Kind == SettingEnvironment) && s.Value.Known() {
			if p, _ := cat.LookupRegion(s.Value.Text); !add(p) {
				return nil
			}
		}
	}
	return found
}

// templateName is the variable a template names: env of ${env}, $env,
// {{env}}, {{ _.env }}, {{$dotenv env}}, ${var.env}, ${local.env}, %env%; "" for a
// template without one (%v, $(cmd)).
func templateName(tmpl string) string {
	t := strings.TrimSpace(tmpl)
	switch {
	case strings.HasPrefix(t, "${{") && strings.HasSuffix(t, "}}"):
		t = t[3 : len(t)-2]
	case strings.HasPrefix(t, "{{") && strings.HasSuffix(t, "}}"):
		t = t[2 : len(t)-2]
	case strings.HasPrefix(t, "${") && strings.HasSuffix(t, "}"):
		t = t[2 : len(t)-1]
	case strings.HasPrefix(t, "$") && !strings.HasPrefix(t, "$("):
		t = t[1:]
	case len(t) > 2 && t[0] == '%' && t[len(t)-1] == '%':
		t = t[1 : len(t)-1]
	default:
		return ""
	}
	t = strings.TrimSpace(t)
	for _, fn := range []string{"$dotenv ", "$processEnv "} { // REST Client's {{$dotenv NAME}}
		if rest, ok := strings.CutPrefix(t, fn); ok {
			t = strings.TrimPrefix(strings.TrimSpace(rest), "%")
		}
	}
	if i := strings.IndexAny(t, ":-|}"); i >= 0 {
		t = t[:i] // ${env:-x}, {{ env | default }}
	}
	t = strings.TrimSpace(t)
	for _, scope := range []string{"_.", "var.", "local.", "env.", "vars.", "secrets.", "process.env."} {
		t = strings.TrimPrefix(t, scope)
	}
	for _, c := range t {
		if !(c == '_' || c == '.' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return ""
		}
	}
	return t
}

// sameName reports whether a setting's key is the variable name: equal
// ignoring case, or its last dotted part is (a YAML path).
func sameName(key, name string) bool {
	key = strings.TrimSpace(key)
	if strings.EqualFold(key, name) {
		return true
	}
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		return strings.EqualFold(key[i+1:], name)
	}
	return false
}

// nameHints reports whether a variable's name carries one of p's name
// hints as a word ("genesys*" matches any word starting with genesys).
func nameHints(p *Provider, name string) bool {
	for _, w := range Words(name) {
		for _, h := range p.NameHints {
			if pre, ok := strings.CutSuffix(h, "*"); ok && strings.HasPrefix(w, pre) || w == h {
				return true
			}
		}
	}
	return false
}

// providerByParameters is the provider whose client-credentials facts
// require parameters that r carries, all of them, at a path they apply
// to (audience at /oauth/token is Auth0's), or nil. It names the provider
// of a token request to a host the catalog cannot know: a custom domain
// or a placeholder such as YOUR_DOMAIN.
func providerByParameters(cat *Catalog, r *Request) *Provider {
	path, ok := ParseURL(r.URL).PathText()
	if !ok {
		return nil
	}
	var found *Provider
	for _, p := range cat.Providers {
		cc := p.ClientCredentials
		if cc == nil || len(cc.Required) == 0 || len(cc.Paths) == 0 || !cc.Applies(path) {
			continue
		}
		all := true
		for _, name := range cc.Required {
			all = all && param(r, name) != nil
		}
		if all {
			if found != nil {
				return nil
			}
			found = p
		}
	}
	return found
}

// HostVariables are the names of the variables that u's templated hosts
// hold (env of api.${env}) and no setting of u gives a value: the ones a
// front end may look up in the files beside the unit's (a tfvars, a .env).
func HostVariables(u *Unit) []string {
	var names []string
	for _, r := range u.Requests {
		_, tmpl, _, ok := templatedHost(ParseURL(r.URL))
		name := templateName(tmpl)
		if !ok || name == "" || slices.Contains(names, name) {
			continue
		}
		if !slices.ContainsFunc(u.Settings, func(s Setting) bool { return s.Key.Known() && sameName(s.Key.Text, name) }) {
			names = append(names, name)
		}
	}
	return names
}

// IsHostVariable reports whether a setting's key names one of the
// variables (as HostVariables gives them).
func IsHostVariable(key string, names []string) bool {
	return slices.ContainsFunc(names, func(n string) bool { return sameName(key, n) })
}
