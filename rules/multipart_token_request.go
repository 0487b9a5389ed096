package rules

import "fmt"

// MultipartTokenRequest flags a token request sent as multipart/form-data.
var MultipartTokenRequest = &Rule{
	ID:       "multipart-token-request",
	Severity: Error,
	Summary:  "token request sent as multipart/form-data instead of application/x-www-form-urlencoded",
	Doc: Documentation{
		Why: `OAuth 2.0 token requests carry their parameters as
application/x-www-form-urlencoded (RFC 6749 sections 4.1.3, 4.3.2, 4.4.2 and
6: "using the application/x-www-form-urlencoded format per Appendix B").
curl -F/--form and the form-data body modes of Postman, Insomnia and Bruno
send multipart/form-data instead: a different body, which a token endpoint
that reads forms does not parse, so it misses grant_type and the
credentials.`,
		Bad: []Example{{Format: FormatShell, Code: `curl https://login.mypurecloud.com/oauth/token \
  -F grant_type=client_credentials -F "client_id=$ID" -F "client_secret=$SECRET"`}},
		Good: []Example{{Format: FormatShell, Code: `curl https://login.mypurecloud.com/oauth/token \
  -u "$ID:$SECRET" -d grant_type=client_credentials`}},
		Notes: `Judged for the token endpoints of the catalog's providers, each documented
with form-urlencoded bodies: an error for providers whose endpoint is
documented as form-only (Genesys Cloud), a warning for the others (Microsoft
Entra ID, Okta, Salesforce, Auth0), whose documentation shows only
form-urlencoded (or, for Auth0, JSON) bodies. Token endpoints the catalog
does not know are not judged. The Go analyzer does not model multipart
bodies, so the rule judges config files only.`,
		Sources: []string{
			"RFC 6749 sections 4.4.2 and Appendix B",
			"Genesys Cloud: every official client sends a form body (docs/facts/genesys.md SUMMARY 3)",
			`Entra ID: learn.microsoft.com v2-oauth2-client-creds-grant-flow ("Content-Type: application/x-www-form-urlencoded")`,
			"Okta: developer.okta.com/docs/guides/implement-client-creds/",
			"Salesforce: help article 000886201",
			"Auth0: auth0.com/docs/api-auth/config/asking-for-access-tokens (docs/facts/genesys.md 7)",
		},
		Since: FirstRelease,
	},
	Families: []Family{FamilyConfig},
	Check:    checkMultipartTokenRequest,
}

func checkMultipartTokenRequest(p *Pass) {
	for _, r := range p.TokenRequests() {
		if r.Library || r.Body == nil || r.Body.Kind != BodyMultipart {
			continue
		}
		prov, info := p.ProviderOf(r)
		if prov == nil || info.Kind == HostNotProvider || info.Kind == HostFabricated {
			continue
		}
		sev := Warning
		if prov.FormOnly {
			sev = Error
		}
		what := "multipart/form-data"
		if r.Body.Via != "" {
			what += " (" + r.Body.Via + ")"
		}
		span := r.Pos
		if len(r.Body.Fields) > 0 && !r.Body.Fields[0].Name.IsZero() {
			span = r.Body.Fields[0].Name.Span()
		}
		p.Report(Diagnostic{
			Severity: sev,
			Span:     span,
			Key:      "multipart-body",
			Message: fmt.Sprintf("the %s token endpoint%s takes application/x-www-form-urlencoded, not %s: send the parameters as a form (curl -d or --data-urlencode, a urlencoded body)",
				prov.Name, p.inferred(r), what),
			Related: p.inferredAt(r),
		})
	}
}
