package rules

import (
	"fmt"
	"slices"
	"strings"
)

// TokenMethod flags a token request whose method is not POST.
var TokenMethod = &Rule{
	ID:       "token-method",
	Severity: Error,
	Summary:  "token requested with a method other than POST",
	Doc: Documentation{
		Why: `The token endpoint accepts only POST: the grant and the credentials travel
in a form body. A GET (an .http request line without a method, curl -G, a
browser-style link) either fails outright or, where a server tolerates it,
puts the credentials in the URL, where they are logged.`,
		Bad: []Example{
			{Format: FormatHTTP, Code: `GET https://login.mypurecloud.com/oauth/token?grant_type=client_credentials`},
			{Format: FormatShell, Code: `curl -G https://login.mypurecloud.com/oauth/token -d grant_type=client_credentials`},
		},
		Good: []Example{{Format: FormatHTTP, Code: `POST https://login.mypurecloud.com/oauth/token
Content-Type: application/x-www-form-urlencoded

grant_type=client_credentials`}},
		Notes: `It is an error for a provider in the catalog and a warning elsewhere (RFC
6749 requires POST; servers outside the catalog differ). Token endpoints
with a protocol of their own are judged by it: the Azure Instance Metadata
Service's managed-identity endpoint takes GET.

Only a method the source states or implies is judged (an .http request line
without a method is GET); a method from a variable is not.`,
		Sources: []string{
			`RFC 6749 section 3.2 ("The client MUST use the HTTP "POST" method when making access token requests")`,
			"every official Genesys Cloud client POSTs to /oauth/token (docs/facts/genesys.md 2)",
		},
		Since: FirstRelease,
	},
	Check: checkTokenMethod,
}

func checkTokenMethod(p *Pass) {
	for _, r := range p.TokenRequests() {
		if !r.Method.Known() {
			continue
		}
		m := strings.ToUpper(strings.TrimSpace(r.Method.Text))
		if m == "" || m == "POST" {
			continue
		}
		if e := p.TokenEndpointOf(r); e != nil && slices.ContainsFunc(e.Methods, func(x string) bool { return strings.EqualFold(x, m) }) {
			continue
		}
		f := Diagnostic{
			Span:    r.Method.Span(),
			Key:     m,
			Message: fmt.Sprintf("token requested with %s: the token endpoint takes POST only, with the parameters in a form body; use POST", m),
		}
		if !p.knownProvider(r) {
			f.Severity = Warning
			f.Message = fmt.Sprintf("token requested with %s: RFC 6749 requires POST, with the parameters in a form body, and most token endpoints reject anything else; use POST unless this server documents %s", m, m)
		}
		// Certain only for a request that asks for a grant itself: a bare
		// GET of a token URL (a variable the token request shares) may be
		// meant as something else, and POST alone would not make it one.
		if verbatim(r.Method) && !r.GrantType().IsZero() {
			f.Fix = &Fix{Message: "use POST", Edits: []TextEdit{{Span: r.Method.Span(), New: "POST"}}}
		}
		p.Report(f)
	}
}
