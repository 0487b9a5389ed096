package rules

import "fmt"

// TokenPath flags a token request to a provider host whose path is not the
// provider's token path.
var TokenPath = &Rule{
	ID:       "token-path",
	Severity: Error,
	Summary:  "token requested at a path that is not the provider's token endpoint",
	Doc: Documentation{
		Why: `Genesys Cloud serves tokens at exactly /oauth/token on the login host. The
Platform API prefix does not apply: /api/v2/oauth/token does not exist and
answers with an error, although the request is otherwise right.`,
		Bad: []Example{
			{Format: FormatHTTP, Code: `POST https://login.mypurecloud.com/api/v2/oauth/token
Content-Type: application/x-www-form-urlencoded

grant_type=client_credentials`},
			{Format: FormatGo, Code: `package token

import (
	"net/http"
	"net/url"
)

func fetch() (*http.Response, error) {
	return http.PostForm("https://login.mypurecloud.com/api/v2/oauth/token", url.Values{"grant_type": {"client_credentials"}})
}
`},
		},
		Good: []Example{
			{Format: FormatHTTP, Code: `POST https://login.mypurecloud.com/oauth/token
Content-Type: application/x-www-form-urlencoded

grant_type=client_credentials`},
			{Format: FormatGo, Code: `package token

import (
	"net/http"
	"net/url"
)

func fetch() (*http.Response, error) {
	return http.PostForm("https://login.mypurecloud.com/oauth/token", url.Values{"grant_type": {"client_credentials"}})
}
`},
		},
		Notes: `The rule judges only hosts of a provider with a fixed token path: other
providers serve tokens at many paths, /api/v2/oauth/token among them. A
templated host is judged as token-host says; a relative token URL (POST
/api/v2/oauth/token) is judged when the file's other requests all go to
one provider's hosts.`,
		Sources: []string{
			"platform-client-sdk-go configuration.go AuthorizeClientCredentials (BasePath with api. replaced by login., plus /oauth/token)",
			"platform-client-sdk-cli restclient.go (https://login.%s/oauth/token) (docs/facts/genesys.md SUMMARY 1)",
		},
		Since: FirstRelease,
	},
	Check: checkTokenPath,
}

func checkTokenPath(p *Pass) {
	for _, r := range p.TokenRequests() {
		u := ParseURL(r.URL)
		prov, info := p.ProviderOf(r)
		if prov == nil || prov.TokenPath == "" || info.Kind == HostUnknown {
			continue
		}
		path, ok := u.PathText()
		if !ok || path == prov.TokenPath || path == prov.TokenPath+"/" {
			continue
		}
		span := u.Path.Span()
		shown := path
		if u.Path.IsZero() {
			// The path goes after the authority: after the port when
			// there is one (https://host:443 → https://host:443/oauth/token).
			span = u.Host.Span()
			if !u.Port.IsZero() {
				span = u.Port.Span()
			}
			span.Start = span.End
		}
		if shown == "" {
			shown = "no path"
		}
		f := Diagnostic{
			Span:    span,
			Key:     path,
			Message: fmt.Sprintf("%s issues tokens at %s, not %s: use %s", prov.Name, prov.TokenPath, shown, prov.TokenPath),
		}
		if verbatim(u.Path) || u.Path.IsZero() && verbatim(u.Host) && (u.Port.IsZero() || verbatim(u.Port)) {
			f.Fix = &Fix{Message: "use " + prov.TokenPath, Edits: []TextEdit{{Span: span, New: prov.TokenPath}}}
		}
		f.Message += p.inferred(r)
		f.Related = append(f.Related, p.inferredAt(r)...)
		p.Report(f)
	}
}
