package rules

import "fmt"

// SecretInQuery flags a credential in a URL query string.
var SecretInQuery = &Rule{
	ID:       "secret-in-query",
	Severity: Error,
	Summary:  "credential sent in the URL query string, where it is logged",
	Doc: `A URL is not a secret place: proxies, load balancers and web servers write
it to their access logs, browsers keep it in history and send it in Referer
headers, and tools print it in error messages. A client secret, password,
assertion, access token or refresh token in the query string ends up in all
of them, whether it is written literally or inserted from a variable.

Bad:
    curl -X POST "https://login.mypurecloud.com/oauth/token?grant_type=client_credentials&client_id=$ID&client_secret=$SECRET"
    GET https://api.example.com/v1/items?access_token={{token}}

Good:
    curl -X POST https://login.mypurecloud.com/oauth/token \
      -u "$ID:$SECRET" -d grant_type=client_credentials
    GET https://api.example.com/v1/items
    Authorization: Bearer {{token}}

curl -G moves -d data into the query string, so body credentials with -G
are flagged too. The message names the parameter, never its value. The
authorization code ("code") is not flagged: the authorization response
carries it in the redirect URI by design.

Source: RFC 6749 section 2.3.1 (client credentials "MUST NOT be included in
the request URI"); RFC 6750 sections 2.3 and 5.3 (bearer tokens in URLs);
the parameter list is query_secret_fields in the catalog.`,
	Check: checkSecretInQuery,
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
			case name == "access_token":
				instead = "send the token in an Authorization: Bearer header"
			case r.Role == RoleToken && name == "client_secret":
				instead = "send it in the form body, or the client credentials as Basic auth"
			}
			p.Report(Finding{
				Span:    q.Name.Span(),
				Key:     name,
				Message: fmt.Sprintf("%s is sent in the URL query string, which proxies, servers and browsers log: %s", name, instead),
			})
		}
	}
}
