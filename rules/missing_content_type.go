package rules

import "fmt"

// MissingContentType flags a hand-built form body that nothing types.
var MissingContentType = &Rule{
	ID:       "missing-content-type",
	Severity: Error,
	Summary:  "form body sent without Content-Type: application/x-www-form-urlencoded",
	Doc: Documentation{
		Why: `The token endpoint reads its parameters only from a body typed
application/x-www-form-urlencoded. A body sent without a Content-Type (or
with whatever default the sender picks) is not parsed as a form: the server
sees no grant_type and no credentials, and answers invalid_request or
unsupported_grant_type although the text of the body is right.

Some senders type a form body themselves and some do not:
- type it: curl -d/--data/--data-urlencode (application/x-www-form-urlencoded
  unless -H says otherwise), Go http.PostForm and Client.PostForm,
  golang.org/x/oauth2, the urlencoded body modes of Postman, Insomnia and
  Bruno, and every client library;
- do not: an .http/.rest request in REST Client (it sends the headers
  written, plus rest-client.defaultHeaders from the settings, which is
  where a default Content-Type can be added), Go http.NewRequest +
  Client.Do with a strings.NewReader body.`,
		Bad: []Example{
			{Format: FormatHTTP, Code: `POST https://login.mypurecloud.com/oauth/token
Authorization: Basic {{credentials}}

grant_type=client_credentials`},
			{Format: FormatGo, Code: `package token

import (
	"net/http"
	"strings"
)

func fetch(id, secret string) (*http.Response, error) {
	req, err := http.NewRequest("POST", "https://login.mypurecloud.com/oauth/token", strings.NewReader("grant_type=client_credentials"))
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(id, secret)
	return http.DefaultClient.Do(req)
}
`},
		},
		Good: []Example{
			{Format: FormatHTTP, Code: `POST https://login.mypurecloud.com/oauth/token
Authorization: Basic {{credentials}}
Content-Type: application/x-www-form-urlencoded

grant_type=client_credentials`},
			{Format: FormatGo, Code: `package token

import (
	"net/http"
	"strings"
)

func fetch(id, secret string) (*http.Response, error) {
	req, err := http.NewRequest("POST", "https://login.mypurecloud.com/oauth/token", strings.NewReader("grant_type=client_credentials"))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(id, secret)
	return http.DefaultClient.Do(req)
}
`},
		},
		Notes: `The rule judges token requests whose front end says the sender adds no
Content-Type (Body.Untyped); a Content-Type header of any value, even one
from a variable, silences it (json-token-request judges a wrong one).`,
		Sources: []string{
			"RFC 6749 sections 4.4.2 and 3.2 (parameters in the application/x-www-form-urlencoded format)",
			"curl docs/cmdline-opts/data.md",
			"$GOROOT/src/net/http/client.go PostForm",
			"Huachao/vscode-restclient#386 (no default Content-Type; the maintainer points to rest-client.defaultHeaders)",
			"Genesys Cloud clients set the header explicitly (docs/facts/genesys.md 2, formats.md 2.1, 7.4)",
		},
		Since: FirstRelease,
	},
	Check: checkMissingContentType,
}

func checkMissingContentType(p *Pass) {
	for _, r := range p.TokenRequests() {
		if r.Library || r.Body == nil || r.Body.Kind != BodyForm || !r.Body.Untyped {
			continue
		}
		if hasHeader(r, "Content-Type") {
			continue
		}
		span := r.Body.Raw.Span()
		if r.Body.Raw.IsZero() {
			span = r.Pos
		}
		via := r.Via
		if via == "" {
			via = "the sender"
		}
		p.Report(Diagnostic{
			Span: span,
			Key:  "content-type:missing",
			Message: fmt.Sprintf("form body sent without Content-Type, and %s adds none: the token endpoint will not read grant_type or the credentials; add the header Content-Type: application/x-www-form-urlencoded",
				via),
		})
	}
}

// hasHeader reports whether the request may carry the header: one with
// that literal name, or one whose name the linter cannot see.
func hasHeader(r *Request, name string) bool {
	if r.Header(name) != nil {
		return true
	}
	for _, h := range r.Headers {
		if !h.Name.Known() {
			return true
		}
	}
	return false
}
