package rules

import (
	"fmt"
	"slices"
	"strings"
)

// UserScopedAPI flags a user-context endpoint called with a token that has
// no user.
var UserScopedAPI = &Rule{
	ID:       "user-scoped-api",
	Severity: Error,
	Summary:  "user-context API called with a client-credentials token",
	Doc: Documentation{
		Why: `A client-credentials token belongs to an OAuth client, not a user. Endpoints
that act as "me" or "the logged-in user" cannot work with it: Genesys Cloud
answers "This request requires a user context. Client credentials cannot be
used for requests to this resource."

The rule fires only when every grant the file or package uses is
client_credentials; a unit that also uses a user grant (authorization code,
PKCE, implicit, password, device, SAML bearer) is not judged.

- error: endpoints documented as not valid with client credentials
  (GET /api/v2/users/me, POST /api/v2/conversations/emails/{id}/reconnect).
- warning: endpoints whose documentation says they act for the current user
  (/me paths, the logged-in user's conversations, voicemail, schedules).
- never: /api/v2/organizations/me and /api/v2/tokens/me, which work with
  client credentials, and org-level endpoints such as /api/v2/users/{userId}.`,
		Bad: []Example{
			{Format: FormatHTTP, Code: `POST https://login.mypurecloud.com/oauth/token
Content-Type: application/x-www-form-urlencoded
Authorization: Basic {{credentials}}

grant_type=client_credentials

###
GET https://api.mypurecloud.com/api/v2/users/me
Authorization: Bearer {{token}}`},
			{Format: FormatGo, Code: `package token

import (
	"os"

	"github.com/mypurecloud/platform-client-sdk-go/v188/platformclientv2"
)

func me() error {
	config := platformclientv2.GetDefaultConfiguration()
	if err := config.AuthorizeClientCredentials(os.Getenv("GENESYS_CLOUD_CLIENT_ID"), os.Getenv("GENESYS_CLOUD_CLIENT_SECRET")); err != nil {
		return err
	}
	_, _, err := platformclientv2.NewUsersApi().GetUsersMe(nil, "", nil)
	return err
}
`},
		},
		Good: []Example{
			{Format: FormatHTTP, Code: `POST https://login.mypurecloud.com/oauth/token
Content-Type: application/x-www-form-urlencoded
Authorization: Basic {{credentials}}

grant_type=client_credentials

###
GET https://api.mypurecloud.com/api/v2/users/{{userId}}
Authorization: Bearer {{token}}`},
			{Format: FormatGo, Code: `package token

import (
	"os"

	"github.com/mypurecloud/platform-client-sdk-go/v188/platformclientv2"
)

func user(id string) error {
	config := platformclientv2.GetDefaultConfiguration()
	if err := config.AuthorizeClientCredentials(os.Getenv("GENESYS_CLOUD_CLIENT_ID"), os.Getenv("GENESYS_CLOUD_CLIENT_SECRET")); err != nil {
		return err
	}
	_, _, err := platformclientv2.NewUsersApi().GetUser(id, nil, "", nil, "")
	return err
}
`},
		},
		Sources: []string{
			"https://developer.genesys.cloud/api/tutorials/oauth-client-credentials",
			"Go SDK v188 operation docs (docs/facts/genesys.md 3, genesys-user-context-candidates.tsv)",
		},
		Since: FirstRelease,
	},
	Check: checkUserScopedAPI,
}

func checkUserScopedAPI(p *Pass) {
	grants := p.Grants()
	if len(grants) == 0 || p.DynamicGrant() {
		return
	}
	for _, g := range grants {
		if !p.Catalog.IsClientGrant(g) {
			return
		}
	}
	// The provider the client-credentials tokens come from, when one.
	var tokenProv *Provider
	for _, r := range p.TokenRequests() {
		prov, _ := p.ProviderOf(r)
		if prov == nil {
			continue
		}
		if tokenProv != nil && tokenProv != prov {
			tokenProv = nil
			break
		}
		tokenProv = prov
	}
	// Where the user-less tokens are requested, for the findings to point
	// at: the first few, so a file of many token requests and API calls
	// costs findings times a constant, not findings times requests.
	// A grant several requests share (one credential behind two Graph
	// clients) is one place.
	var grantedAt []Related
	for _, r := range p.TokenRequests() {
		g := r.GrantType()
		if !g.Known() || len(grantedAt) == maxGrantsRelated || slices.ContainsFunc(grantedAt, func(rel Related) bool { return rel.Span == g.Span() }) {
			continue
		}
		grantedAt = append(grantedAt, Related{Span: g.Span(), Message: "a token without a user is requested here (grant_type " + g.Text + ")"})
	}
	for _, r := range p.APICalls() {
		u := ParseURL(r.URL)
		path, ok := u.PathText()
		if !ok || path == "" {
			continue
		}
		prov, info := p.ProviderOf(r)
		if prov == nil {
			if _, known := u.HostName(); known && !u.Host.IsZero() {
				continue // a host of someone else
			}
			prov = tokenProv
		} else if info.Kind != HostAPI && info.Kind != HostNotProvider && info.Kind != HostFabricated {
			continue
		}
		if prov == nil {
			continue
		}
		method := "GET"
		if !r.Method.IsZero() {
			if !r.Method.Known() {
				method = ""
			} else {
				method = strings.ToUpper(strings.TrimSpace(r.Method.Text))
			}
		}
		if MatchEndpoint(prov.NotUserOnly, method, path) != nil {
			continue
		}
		e := MatchEndpoint(prov.UserOnly, method, path)
		if e == nil {
			continue
		}
		sev, _ := ParseSeverity(e.Level)
		how := "needs a user"
		if sev == Warning {
			how = "acts for the current user"
		}
		p.Report(Diagnostic{
			Severity: sev,
			Span:     u.Path.Span(),
			Key:      e.Method + " " + e.Path,
			Message: fmt.Sprintf("%s %s %s, but every token here comes from the client-credentials grant, which has no user: call it with a user grant (authorization code or PKCE), or use an org-level endpoint",
				e.Method, e.Path, how),
			Related: grantedAt,
		})
	}
}

// maxGrantsRelated is how many token requests a user-scoped-api finding
// points at.
const maxGrantsRelated = 5
