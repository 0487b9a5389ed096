package rules

import "fmt"

// SecretInQuery flags a credential in a URL query string.
var SecretInQuery = &Rule{
	ID:       "secret-in-query",
	Severity: Error,
	Summary:  "credential sent in the URL query string, where it is logged",
	Doc: Documentation{
		Why: `A URL is not a secret place: proxies, load balancers and web servers write
it to their access logs, browsers keep it in history and send it in Referer
headers, and tools print it in error messages. A client secret, password,
assertion, access token or refresh token in the query string ends up in all
of them, whether it is written literally or inserted from a variable.`,
		Bad: []Example{
			{Format: FormatShell, Code: `curl -X POST "https://login.mypurecloud.com/oauth/token?grant_type=client_credentials&client_id=$ID&client_secret=$SECRET"`},
			{Format: FormatHTTP, Code: `GET https://api.example.com/v1/items?access_token={{token}}`},
		},
		Good: []Example{
			{Format: FormatShell, Code: `curl -X POST https://login.mypurecloud.com/oauth/token \
  -u "$ID:$SECRET" -d grant_type=client_credentials`},
			{Format: FormatHTTP, Code: `GET https://api.example.com/v1/items
Authorization: Bearer {{token}}`},
		},
		Notes: `Some APIs take an access token only as a request parameter, never in an
Authorization header (query_token in the catalog): where the API also
reads it from a POST form body (VK), the message says so; where it reads it
from the query string only (Deezer, the Mail.ru userinfo endpoint), there
is nothing better to do and access_token there is not reported.

curl -G moves -d data into the query string, so body credentials with -G
are flagged too. The message names the parameter, never its value. The
authorization code ("code") is not flagged: the authorization response
carries it in the redirect URI by design.`,
		Sources: []string{
			`RFC 6749 section 2.3.1 (client credentials "MUST NOT be included in the request URI")`,
			"RFC 6750 sections 2.3 and 5.3 (bearer tokens in URLs)",
			"the parameter list is query_secret_fields in the catalog",
		},
		Since: FirstRelease,
	},
	Check: checkSecretInQuery,
}

// queryToken is the catalog's query_token of the request's provider: how
// its API takes an access token when not in a header ("" for a Bearer
// header).
func queryToken(p *Pass, r *Request) string {
	if prov, _ := p.ProviderOf(r); prov != nil {
		return prov.QueryToken
	}
	return ""
}

func checkSecretInQuery(p *Pass) {
	for _, r := range p.Unit.Requests {
		u := ParseURL(r.URL)
		if len(u.Query.Text) == 0 {
			continue
		}
		for _, q := range ParseForm(u.Query, EncodingRaw, "") {
			if !q.Name.Known() || !p.Catalog.IsQuerySecretField(q.Name.Text) || q.Value.Text == "" && !q.Value.HasDynamic() {
				continue
			}
			name := q.Name.Text
			instead := "send it in a POST form body"
			switch {
			case name == "access_token" && queryToken(p, r) == "query":
				// The API takes the token nowhere else: no better place to
				// suggest, so nothing to report.
				continue
			case name == "access_token" && queryToken(p, r) == "param":
				prov, _ := p.ProviderOf(r)
				instead = "send it as the access_token field of a POST form body (" + prov.Name + " takes the token as a request parameter, not in an Authorization header)"
			case name == "access_token":
				instead = "send the token in an Authorization: Bearer header"
			case r.Role == RoleToken && name == "client_secret":
				instead = "send it in the form body, or the client credentials as Basic auth"
			}
			p.Report(Diagnostic{
				Span:    q.Name.Span(),
				Key:     name,
				Message: fmt.Sprintf("%s is sent in the URL query string, which proxies, servers and browsers log: %s", name, instead),
			})
		}
	}
}
