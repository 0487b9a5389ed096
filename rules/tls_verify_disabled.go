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
	Doc: `With certificate verification off (curl -k/--insecure, Go
tls.Config{InsecureSkipVerify: true}) the client talks to whoever answers:
a proxy or an attacker on the path can present any certificate, read the
client credentials and hand back a token of its choosing. The connection is
encrypted, but not to the token endpoint.

Bad:
    curl -k -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials
    http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}

Good:
    curl -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials
    (behind an inspecting proxy: curl --cacert proxy-ca.pem, or add the CA to
    tls.Config.RootCAs)

It is a warning: the request works, and the risk depends on the network.
Loopback and link-local hosts (a local test server with a self-signed
certificate, a metadata service on its link) and plain http:// URLs (insecure-token-url reports those) are not flagged.

Source: curl docs/cmdline-opts/insecure.md; Go crypto/tls Config.InsecureSkipVerify
("crypto/tls accepts any certificate presented by the server ... susceptible
to machine-in-the-middle attacks"); RFC 6749 section 3.2 (TLS to the token
endpoint) and 10.9 (the client MUST validate the server's certificate).`,
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
		span := r.InsecureAt
		if span.End <= span.Start {
			span = r.Pos
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
