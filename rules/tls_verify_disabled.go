package rules

import (
	"fmt"
	"strings"
)

// TLSVerifyDisabled flags a token request sent without certificate
// verification.
var TLSVerifyDisabled = &Rule{
	ID:       "tls-verify-disabled",
	Severity: Warning,
	Summary:  "token requested with TLS certificate verification turned off",
	Doc: Documentation{
		Why: `With certificate verification off (curl -k/--insecure, Go
tls.Config{InsecureSkipVerify: true}) the client talks to whoever answers:
a proxy or an attacker on the path can present any certificate, read the
client credentials and hand back a token of its choosing. The connection is
encrypted, but not to the token endpoint.`,
		Bad: []Example{
			{Format: FormatShell, Code: `curl -k -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials`},
			{Format: FormatGo, Code: `package token

import (
	"crypto/tls"
	"net/http"
	"net/url"
)

var client = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}

func fetch() (*http.Response, error) {
	return client.PostForm("https://login.mypurecloud.com/oauth/token", url.Values{"grant_type": {"client_credentials"}})
}
`},
		},
		Good: []Example{
			{Format: FormatShell, Code: `curl -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials`},
			{Format: FormatShell, Code: `curl --cacert proxy-ca.pem -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials`,
				Caption: "Behind an inspecting proxy, trust its CA (curl --cacert, or tls.Config.RootCAs in Go) instead."},
		},
		Notes: `It is a warning: the request works, and the risk depends on the network.
Loopback and link-local hosts (a local test server with a self-signed
certificate, a metadata service on its link) and plain http:// URLs
(insecure-token-url reports those) are not flagged.`,
		Sources: []string{
			"curl docs/cmdline-opts/insecure.md",
			`Go crypto/tls Config.InsecureSkipVerify ("crypto/tls accepts any certificate presented by the server ... susceptible to machine-in-the-middle attacks")`,
			"RFC 6749 section 3.2 (TLS to the token endpoint) and 10.9 (the client MUST validate the server's certificate)",
		},
		Since: FirstRelease,
	},
	Check: checkTLSVerifyDisabled,
}

func checkTLSVerifyDisabled(p *Pass) {
	for _, r := range p.TokenRequests() {
		if !r.Insecure {
			continue
		}
		u := ParseURL(r.URL)
		if u.Scheme.Known() && strings.EqualFold(strings.TrimSpace(u.Scheme.Text), "http") {
			continue
		}
		host, known := u.HostName()
		if known && isLocalHost(host) {
			continue
		}
		span := r.Pos
		if at := r.InsecureAt; at != nil && at.End > at.Start {
			span = *at
		}
		if span.End <= span.Start {
			span = r.URL.Span()
		}
		where := "the token endpoint"
		if known && host != "" {
			where = host
		}
		p.Report(Diagnostic{
			Span: span,
			Key:  "insecure",
			Message: fmt.Sprintf("token requested with TLS certificate verification off: anyone on the path can pose as %s and take the credentials; trust the needed CA instead (curl --cacert, tls.Config.RootCAs)",
				where),
		})
	}
}
