package rules

import (
	"fmt"
	"strings"
)

// JSONTokenRequest flags a token request sent as JSON.
var JSONTokenRequest = &Rule{
	ID:       "json-token-request",
	Severity: Error,
	Summary:  "token request sent as JSON instead of application/x-www-form-urlencoded",
	Doc: Documentation{
		Why: `OAuth 2.0 token requests carry their parameters as
application/x-www-form-urlencoded (RFC 6749 section 4.4.2). A JSON body, a
Content-Type: application/json header or curl --json makes the token
endpoint miss grant_type and the credentials; Genesys Cloud then rejects the
request.`,
		Bad: []Example{
			{Format: FormatShell, Code: `curl -X POST https://login.mypurecloud.com/oauth/token \
  -H "Content-Type: application/json" -d '{"grant_type":"client_credentials"}'`},
			{Format: FormatGo, Code: `package token

import (
	"net/http"
	"strings"
)

func fetch() (*http.Response, error) {
	body := strings.NewReader("{\"grant_type\":\"client_credentials\"}")
	return http.Post("https://login.mypurecloud.com/oauth/token", "application/json", body)
}
`},
		},
		Good: []Example{
			{Format: FormatShell, Code: `curl -X POST https://login.mypurecloud.com/oauth/token \
  -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials`},
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
		Notes: `It is an error for providers whose token endpoint is documented as form-only
(Genesys Cloud) and a warning for providers the catalog does not know (RFC
6749 requires a form, but servers differ: Auth0, Lark and token-exchange
servers accept JSON); providers documented to accept JSON (Auth0,
Lark/Feishu) are not flagged. The message shows the request's own
parameters as a form, with its own grant.`,
		Sources: []string{
			"RFC 6749 section 4.4.2",
			"every official Genesys client sends a form body (docs/facts/genesys.md SUMMARY 3, formats.md 0.1)",
		},
		Since: FirstRelease,
	},
	Check: checkJSONTokenRequest,
}

func checkJSONTokenRequest(p *Pass) {
	for _, r := range p.TokenRequests() {
		if r.Library {
			continue
		}
		prov, _ := p.ProviderOf(r)
		if prov == nil {
			// A host the catalog does not know (a custom domain, a
			// placeholder): the parameters only one provider requires say
			// whose endpoint it is (Auth0's audience).
			prov = providerByParameters(p.Catalog, r)
		}
		sev := Warning
		name := "the token endpoint"
		if prov != nil {
			if prov.AcceptsJSON {
				continue
			}
			if prov.FormOnly {
				sev = Error
			}
			name = "the " + prov.Name + " token endpoint" + p.inferred(r)
		}
		if h := r.Header("Content-Type"); h != nil && h.Value.Known() && isJSONType(h.Value.Text) {
			p.Report(Diagnostic{
				Severity: sev,
				Span:     h.Value.Span(),
				Key:      "content-type",
				Message:  fmt.Sprintf("%s takes application/x-www-form-urlencoded, not %s: send the parameters as a form (%s)", name, strings.TrimSpace(h.Value.Text), formExample(r)),
				Related:  p.inferredAt(r),
			})
			continue
		}
		if r.Body != nil && r.Body.Kind == BodyJSON {
			via := r.Body.Via
			what := "a JSON body"
			if via != "" {
				what = "a JSON body (" + via + ")"
			}
			span := r.Body.Raw.Span()
			if r.Body.Raw.IsZero() {
				span = r.Pos
			}
			msg := fmt.Sprintf("%s takes application/x-www-form-urlencoded, not %s: send the parameters as a form (%s)", name, what, formExample(r))
			if h := r.Header("Content-Type"); h != nil && h.Value.Known() && isFormType(h.Value.Text) {
				// The header is right and the body is not: the server parses
				// the JSON text as a form and finds no grant_type in it.
				msg = fmt.Sprintf("%s is sent with Content-Type: application/x-www-form-urlencoded but written as JSON: the server reads it as a form and finds no grant_type or credentials; write the parameters as name=value pairs joined with & (%s)", what, formExample(r))
			}
			p.Report(Diagnostic{
				Severity: sev,
				Span:     span,
				Key:      "json-body",
				Message:  msg,
				Related:  p.inferredAt(r),
			})
		}
	}
}

func isFormType(ct string) bool {
	mt, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(ct)), ";")
	return strings.TrimSpace(mt) == "application/x-www-form-urlencoded"
}

// formExample is the request's own parameters written as a form body:
// its grant (stated, or what its parameters point to) and the names of its
// other parameters, values elided (they may be secrets).
func formExample(r *Request) string {
	grant := suggestGrant(r)
	if g := param(r, "grant_type"); g != nil {
		if text, ok := fieldText(g); ok && strings.TrimSpace(text) != "" && !strings.ContainsAny(text, "&= ") {
			grant = strings.TrimSpace(text)
		}
	}
	parts := []string{"grant_type=" + grant}
	seen := map[string]bool{"grant_type": true}
	if r.Body != nil {
		for _, f := range r.Body.Fields {
			if !f.Name.Known() {
				continue
			}
			n := strings.TrimSpace(f.Name.Text)
			if n == "" || seen[n] || strings.ContainsAny(n, "&= {}\"\n") || len(parts) == 5 {
				continue
			}
			seen[n] = true
			parts = append(parts, n+"=...")
		}
	}
	return strings.Join(parts, "&")
}

func isJSONType(ct string) bool {
	mt, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(ct)), ";")
	mt = strings.TrimSpace(mt)
	return mt == "application/json" || strings.HasSuffix(mt, "+json")
}
