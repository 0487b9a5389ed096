package rules

import (
	"cmp"
	"fmt"
	"strings"
)

// EntraScope flags a Microsoft Entra ID v2.0 client-credentials request
// whose scope is not <resource>/.default.
var EntraScope = &Rule{
	ID:       "entra-scope",
	Severity: Error,
	Summary:  "Entra ID client-credentials request without a <resource>/.default scope",
	Doc: Documentation{
		Why: `The Microsoft identity platform's v2.0 token endpoint grants an application
token only for a whole resource: scope must be the resource's identifier
followed by /.default (https://graph.microsoft.com/.default, api://<app id>/.default).
Individual permissions (User.Read, https://graph.microsoft.com/Mail.Send),
OIDC scopes (openid, offline_access) or no scope at all are rejected:
"Client credential flows must have a scope value with /.default suffixed to
the resource identifier (application ID URI)". The permissions the token
carries are the application permissions granted to the app.`,
		Bad: []Example{{Format: FormatShell, Code: `curl -X POST https://login.microsoftonline.com/$TENANT/oauth2/v2.0/token \
  -d grant_type=client_credentials -d client_id=$ID --data-urlencode client_secret=$SECRET \
  -d scope=https://graph.microsoft.com/User.Read.All`}},
		Good: []Example{{Format: FormatShell, Code: `curl -X POST https://login.microsoftonline.com/$TENANT/oauth2/v2.0/token \
  -d grant_type=client_credentials -d client_id=$ID --data-urlencode client_secret=$SECRET \
  -d scope=https://graph.microsoft.com/.default`}},
		Notes: `A missing scope is reported on hand-built requests whose parameters are all
visible; a wrong scope on any request that states one. The v1 endpoint
(/oauth2/token, resource=) is not judged; resource= sent to the v2.0
endpoint is named in the message. The scope suffix, its example and the
parameters sent in place of a scope come from the provider's
client_credentials facts in the catalog, so a provider added in
.tokenlint.toml with a scope_suffix is judged the same way.`,
		Sources: []string{
			"https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow",
			`MSAL AcquireTokenForClient (scopes "of the form {ResourceIdUri/.default}")`,
			"learn.microsoft.com/en-us/answers/a/751559 for the error (docs/facts/genesys.md 7; the provider's client_credentials facts in the catalog)",
		},
		Since: FirstRelease,
	},
	Check: checkEntraScope,
}

func checkEntraScope(p *Pass) {
	for _, r := range p.TokenRequests() {
		prov, cc := clientCredentialsFacts(p, r)
		if cc == nil || cc.ScopeSuffix == "" || !p.asksClientCredentials(r) {
			continue
		}
		f := param(r, "scope")
		if f == nil {
			if r.Library || !paramsKnown(r) {
				continue
			}
			span, instead := r.URL.Span(), ""
			if r.Body != nil && !r.Body.Raw.IsZero() {
				span = r.Body.Raw.Span()
			}
			for _, name := range cc.InsteadOfScope {
				if other := param(r, name); other != nil {
					span, instead = other.Name.Span(), " ("+name+"= "+cmp.Or(cc.Param(name).Why, "is not the scope")+")"
					break
				}
			}
			p.Report(Diagnostic{
				Span: span,
				Key:  "scope:missing",
				Message: fmt.Sprintf("%s client-credentials request without scope%s: the token endpoint requires scope=<resource>%s, e.g. scope=%s",
					prov.Name, instead, cc.ScopeSuffix, cc.ScopeExample),
			})
			continue
		}
		text, ok := fieldText(f)
		if !ok {
			continue
		}
		scopes := strings.Fields(text)
		if len(scopes) == 0 {
			p.Report(Diagnostic{
				Span:    spanOrName(f),
				Key:     "scope:empty",
				Message: fmt.Sprintf("%s client-credentials request with an empty scope: use scope=<resource>%s, e.g. %s", prov.Name, cc.ScopeSuffix, cc.ScopeExample),
			})
			continue
		}
		for _, sc := range scopes {
			if strings.HasSuffix(sc, cc.ScopeSuffix) && len(sc) > len(cc.ScopeSuffix) {
				continue
			}
			p.Report(Diagnostic{
				Span: f.Value.Span(),
				Key:  "scope:" + sc,
				Message: fmt.Sprintf("scope %q is not a resource followed by %s, which the %s client-credentials grant requires (the app's granted permissions come with it): use %s",
					sc, cc.ScopeSuffix, prov.Name, defaultScope(sc, cc)),
			})
			break
		}
	}
}

// defaultScope is the <resource>/.default scope for a permission scope
// such as https://graph.microsoft.com/User.Read or api://app/read.
func defaultScope(sc string, cc *ClientCredentials) string {
	rest := sc
	prefix := ""
	if i := strings.Index(sc, "://"); i >= 0 {
		prefix, rest = sc[:i+3], sc[i+3:]
	}
	if res, _, ok := strings.Cut(rest, "/"); ok && res != "" {
		return prefix + res + cc.ScopeSuffix
	}
	if prefix != "" && rest != "" {
		return sc + cc.ScopeSuffix
	}
	return cc.ScopeExample
}

// clientCredentialsFacts returns the provider of a token request and its
// client-credentials facts, when they apply to the request's path.
func clientCredentialsFacts(p *Pass, r *Request) (*Provider, *ClientCredentials) {
	prov, _ := p.ProviderOf(r)
	if prov == nil || prov.ClientCredentials == nil {
		return nil, nil
	}
	if !prov.ClientCredentials.Applies(matchablePath(ParseURL(r.URL))) {
		return nil, nil
	}
	return prov, prov.ClientCredentials
}

// matchablePath is the URL's path with every dynamic run replaced by a
// NUL byte, which no literal pattern segment equals: a segment from a
// variable ({{tenant}}) still matches a "{x}" or "*" pattern segment.
func matchablePath(u URL) string {
	if u.Path.IsZero() {
		return ""
	}
	var b strings.Builder
	v := u.Path
	for i := 0; i < len(v.Text); i++ {
		if !v.DynamicAt(i) {
			b.WriteByte(v.Text[i])
			continue
		}
		b.WriteByte(0)
		for i+1 < len(v.Text) && v.DynamicAt(i+1) {
			i++
		}
	}
	return b.String()
}

// asksClientCredentials reports whether a token request certainly asks
// for the client-credentials grant: by its own grant_type, its helper's
// grant, or else the unit's only grant.
func (p *Pass) asksClientCredentials(r *Request) bool {
	if f := param(r, "grant_type"); f != nil {
		text, ok := fieldText(f)
		return ok && p.Catalog.IsClientGrant(strings.TrimSpace(text))
	}
	if g := r.Grant; g != nil {
		return g.Known() && p.Catalog.IsClientGrant(strings.TrimSpace(g.Text))
	}
	g := p.Grants()
	return !p.DynamicGrant() && len(g) == 1 && p.Catalog.IsClientGrant(g[0])
}
