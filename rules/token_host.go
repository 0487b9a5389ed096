package rules

import (
	"fmt"
	"strings"
)

// TokenHost flags a token request sent to a host that does not issue tokens.
var TokenHost = &Rule{
	ID:       "token-host",
	Severity: Error,
	Summary:  "token requested from a host that does not issue tokens",
	Doc: Documentation{
		Why: `A token request must go to the provider's token host. Genesys Cloud issues
tokens only at https://login.<region domain>/oauth/token; api.<region domain>
serves the Platform API and answers a token request with an error, and hosts
such as api.us.genesys.cloud or api.myorg.mypurecloud.com do not exist at all.
The server then answers {"error":"invalid_client"} or the connection fails,
although the credentials are right.`,
		Bad: []Example{
			{Format: FormatShell, Code: `curl -X POST https://api.mypurecloud.com/oauth/token -d grant_type=client_credentials`},
			{Format: FormatShell, Code: `curl -X POST https://api.us.genesys.cloud/oauth/token -d grant_type=client_credentials`},
			{Format: FormatGo, Code: `package token

import (
	"net/http"
	"net/url"
)

func fetch() (*http.Response, error) {
	return http.PostForm("https://api.mypurecloud.com/oauth/token", url.Values{"grant_type": {"client_credentials"}})
}
`},
		},
		Good: []Example{
			{Format: FormatShell, Code: `curl -X POST https://login.mypurecloud.com/oauth/token -d grant_type=client_credentials`},
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
		Notes: `Hosts of other providers (login.microsoftonline.com, api.* token hosts of
other services) are not judged by the Genesys host table.

A templated region domain (https://api.${env}/oauth/token,
api.{{environment}}) is judged when the file makes the provider clear: the
values it writes down for the variable (env=mypurecloud.ie), an API call on
the same template (api.{{environment}}/api/v2/users), or, as a hint the
message names, the variable's name (GENESYS_CLOUD_ENVIRONMENT, gc_region,
PURECLOUD_*). The same holds for token-path and insecure-token-url.

A variable that holds the whole base URL is judged with the literal URL the
repository writes for it: ${{ env.GENESYS_BASE }}/oauth/token in a workflow
step, with the env: blocks of the workflow, job and step in scope (one a
step may export to $GITHUB_ENV stays unknown), and
{{$dotenv GENESYS_BASE}}/oauth/token in a .http file, with the .env beside
it. A run: script's $GENESYS_BASE and ${GENESYS_ENV} start with the same
env: values, whole URL or domain alike, unless the script assigns, unsets
or sources its variables itself. The finding points at the use and names
where the value is written. A value from a secret, a repository variable
or another template stays unknown.`,
		Sources: []string{
			"every official Genesys host builder derives the token host by replacing api. with login. (platform-client-sdk-go configuration.go AuthorizeClientCredentials; platform-client-sdk-cli restclient.go)",
			"no official region map has a genesys.cloud API host (docs/facts/genesys.md 1.1, 1.3)",
		},
		Since: FirstRelease,
	},
	Check: checkTokenHost,
}

func checkTokenHost(p *Pass) {
	for _, r := range p.TokenRequests() {
		u := ParseURL(r.URL)
		host, info, ok := p.Catalog.HostOf(u)
		if !ok {
			continue
		}
		prov := info.Provider
		if prov == nil || info.Kind == HostToken || prov.TokenHostPrefix == "" {
			continue
		}
		region := info.Region
		if region == nil {
			region = p.InferRegion(prov)
		}
		right := fmt.Sprintf("%s issues tokens at https://%s<region domain>%s", prov.Name, prov.TokenHostPrefix, prov.TokenPath)
		// A region domain from a variable keeps the general advice.
		if u.Host.Known() {
			if region != nil {
				right = fmt.Sprintf("use %s (%s)", prov.TokenURL(region), region.Name())
			} else if d := prov.DefaultRegion(); d != nil {
				right += fmt.Sprintf(", e.g. %s for %s", prov.TokenURL(d), d.Name())
			}
		}
		f := Diagnostic{Span: u.Host.Span(), Key: host}
		switch info.Kind {
		case HostAPI:
			f.Message = fmt.Sprintf("token requested from %s, which serves the %s API, not tokens: %s", host, prov.Name, right)
			switch {
			case u.Host.Known() && verbatim(u.Host) && region != nil:
				f.Fix = &Fix{
					Message: "use " + prov.TokenHostPrefix + region.Domain,
					Edits:   []TextEdit{{Span: u.Host.Span(), New: prov.TokenHostPrefix + region.Domain}},
				}
			case (!u.Host.Known() || scattered(u.Host)) && prov.APIHostPrefix != "" && strings.HasPrefix(strings.ToLower(u.Host.Text), prov.APIHostPrefix):
				// api. before a variable region domain (or one resolved
				// from a variable written elsewhere): only the prefix
				// changes, and the prefix is the line to fix.
				pre := u.Host.Slice(0, len(prov.APIHostPrefix))
				f.Span = pre.Span()
				if verbatim(pre) {
					f.Fix = &Fix{
						Message: "use " + prov.TokenHostPrefix,
						Edits:   []TextEdit{{Span: pre.Span(), New: prov.TokenHostPrefix}},
					}
				}
			}
		case HostService:
			f.Message = fmt.Sprintf("token requested from %s, which does not issue tokens: %s", host, right)
		default:
			f.Message = fmt.Sprintf("%s is not a %s host (%s): %s", host, prov.Name, info.Why, right)
		}
		f.Message += p.inferred(r)
		f.Related = append(f.Related, p.inferredAt(r)...)
		p.Report(f)
	}
}

// scattered reports whether v is the file's bytes run by run, from
// places apart (a prefix here, a variable's default there).
func scattered(v Value) bool {
	for _, s := range v.Segs {
		if !s.Verbatim || s.Dynamic {
			return false
		}
	}
	return len(v.Segs) > 1 && !verbatim(v)
}

// verbatim reports whether v's text is exactly the file's bytes, so an edit
// of its span is certain.
func verbatim(v Value) bool {
	for k, s := range v.Segs {
		// Runs from different places (a prefix here, a variable's value
		// there) are no one span: an edit of their hull would overwrite
		// what lies between.
		if !s.Verbatim || s.Dynamic || k > 0 && s.Start != v.Segs[k-1].End {
			return false
		}
	}
	// The parts must also be one run of the file: a word glued from
	// quotes (0"") has verbatim parts with the quote bytes between them,
	// which an edit of its span would cut in half.
	sp := v.Span()
	return len(v.Segs) > 0 && sp.End-sp.Start == len(v.Text)
}
