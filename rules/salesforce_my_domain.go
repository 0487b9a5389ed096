package rules

import (
	"cmp"
	"fmt"
)

// SalesforceMyDomain flags a Salesforce client-credentials request sent to
// login.salesforce.com or test.salesforce.com.
var SalesforceMyDomain = &Rule{
	ID:       "salesforce-my-domain",
	Severity: Error,
	Summary:  "Salesforce client-credentials request not sent to the org's My Domain",
	Doc: Documentation{
		Why: `Salesforce serves the client-credentials flow only at the org's own My
Domain host. login.salesforce.com and test.salesforce.com, which serve the
other flows, do not support it, so a request there fails although the
connected app and its credentials are right.`,
		Bad: []Example{{Format: FormatShell, Code: `curl -X POST https://login.salesforce.com/services/oauth2/token \
  -d grant_type=client_credentials --data-urlencode client_id=$ID --data-urlencode client_secret=$SECRET`}},
		Good: []Example{
			{Format: FormatShell, Code: `curl -X POST https://mycompany.my.salesforce.com/services/oauth2/token \
  -d grant_type=client_credentials --data-urlencode client_id=$ID --data-urlencode client_secret=$SECRET`},
			{Format: FormatShell, Code: `curl -X POST https://mycompany--uat.sandbox.my.salesforce.com/services/oauth2/token \
  -d grant_type=client_credentials --data-urlencode client_id=$ID --data-urlencode client_secret=$SECRET`,
				Caption: "A sandbox has a My Domain host of its own."},
		},
		Notes: `Other grants (JWT bearer, web server, refresh token) at login.salesforce.com
are fine and not flagged; a grant from a variable is not judged. Client
libraries and tool helpers are judged too: the host is theirs to use. The
hosts that refuse the grant and the one to use instead come from the
provider's client_credentials facts in the catalog (not_at, token_url), so a
provider added in .tokenlint.toml is judged the same way.`,
		Sources: []string{
			`help.salesforce.com article 000886201 ("The client credentials flow does not support calls to login.salesforce.com or test.salesforce.com") (docs/facts/genesys.md 7; not_at in the provider's client_credentials facts)`,
		},
		Since: FirstRelease,
	},
	Check: checkSalesforceMyDomain,
}

func checkSalesforceMyDomain(p *Pass) {
	for _, r := range p.TokenRequests() {
		prov, cc := clientCredentialsFacts(p, r)
		if cc == nil || len(cc.NotAt) == 0 {
			continue
		}
		u := ParseURL(r.URL)
		host, _ := u.HostName()
		if !matchesAny(cc.NotAt, host) || !p.asksClientCredentials(r) {
			continue
		}
		p.Report(Diagnostic{
			Span: u.Host.Span(),
			Key:  host,
			Message: fmt.Sprintf("%s does not serve the client-credentials grant at %s: send the request to %s, %s",
				prov.Name, host, cmp.Or(cc.TokenURLName, "the provider's token endpoint"), cc.TokenURL),
		})
	}
}

func matchesAny(patterns []string, host string) bool {
	for _, pat := range patterns {
		if matchHost(pat, host) {
			return true
		}
	}
	return false
}
