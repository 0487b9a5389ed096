package rules

import "fmt"

// Auth0Audience flags an Auth0 client-credentials request without
// audience.
var Auth0Audience = &Rule{
	ID:       "auth0-audience",
	Severity: Error,
	Summary:  "Auth0 client-credentials request without audience",
	Doc: Documentation{
		Why: `Auth0 issues a machine-to-machine token for one API, named by audience (the
API's Identifier in the dashboard). The client-credentials request must
carry it; without it there is no API to issue the token for, and the
request fails (or, where the tenant has a default audience, yields a token
for an API you did not choose).`,
		Bad: []Example{{Format: FormatShell, Code: `curl --request POST --url https://dev-abc.us.auth0.com/oauth/token \
  --data grant_type=client_credentials --data client_id=$ID --data-urlencode client_secret=$SECRET`}},
		Good: []Example{{Format: FormatShell, Code: `curl --request POST --url https://dev-abc.us.auth0.com/oauth/token \
  --data grant_type=client_credentials --data client_id=$ID --data-urlencode client_secret=$SECRET \
  --data audience=https://api.example.com/`}},
		Notes: `Hosts are Auth0 tenant domains ({tenant}.us|eu|au|ca|jp|uk.auth0.com);
custom domains cannot be recognised and are not judged. Form and JSON bodies
both count (Auth0 accepts JSON). A client library or helper is not judged
unless the front end sees its parameters; a body the linter cannot see is
not judged. The rule reads the required parameters, and what each is for,
from the provider's client_credentials facts in the catalog, so it judges a
provider added in .tokenlint.toml the same way.`,
		Sources: []string{
			`https://auth0.com/docs/api-auth/config/asking-for-access-tokens and https://auth0.com/docs/tokens/get-access-tokens (audience: "The audience for the token, which is your API")`,
			"node-auth0 ClientCredentialsGrantRequest (audience is not optional)",
			"tenant domains from https://auth0.com/docs/troubleshoot/customer-support/operational-policies/public-cloud-service-endpoints (docs/facts/genesys.md 7; required in the provider's client_credentials facts)",
		},
		Since: FirstRelease,
	},
	Check: checkAuth0Audience,
}

func checkAuth0Audience(p *Pass) {
	for _, r := range p.TokenRequests() {
		prov, cc := clientCredentialsFacts(p, r)
		if cc == nil || len(cc.Required) == 0 || r.Library || !paramsKnown(r) || !p.asksClientCredentials(r) {
			continue
		}
		for _, name := range cc.Required {
			facts := cc.Param(name)
			why, example := facts.Why, facts.Example
			if why == "" {
				why = fmt.Sprintf("%s requires it", prov.Name)
			}
			if example == "" {
				example = "<" + name + ">"
			}
			f := param(r, name)
			if f != nil {
				if text, ok := fieldText(f); !ok || text != "" {
					continue
				}
				p.Report(Diagnostic{
					Span:    spanOrName(f),
					Key:     name + ":empty",
					Message: fmt.Sprintf("%s client-credentials request with an empty %s: %s; e.g. %s=%s", prov.Name, name, why, name, example),
				})
				continue
			}
			span := r.URL.Span()
			if r.Body != nil && !r.Body.Raw.IsZero() {
				span = r.Body.Raw.Span()
			}
			p.Report(Diagnostic{
				Span:    span,
				Key:     name + ":missing",
				Message: fmt.Sprintf("%s client-credentials request without %s: %s; add %s=%s", prov.Name, name, why, name, example),
			})
		}
	}
}
