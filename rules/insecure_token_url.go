package rules

import (
	"fmt"
	"strings"
)

// InsecureTokenURL flags a token request over plain HTTP.
var InsecureTokenURL = &Rule{
	ID:       "insecure-token-url",
	Severity: Error,
	Summary:  "token requested over http:// from a host that is not local",
	Doc: Documentation{
		Why: `A token request carries the client credentials (or a password, a code, a
refresh token) and its answer carries the access token. Over http:// both
cross the network in clear text: anyone on the path can read them and use
them. OAuth 2.0 requires TLS for every request to the token endpoint.`,
		Bad: []Example{
			{Format: FormatShell, Code: `curl -X POST http://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials`},
			{Format: FormatYAML, Code: `token_url: http://auth.example.com/oauth2/token`},
		},
		Good: []Example{
			{Format: FormatShell, Code: `curl -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials`},
			{Format: FormatYAML, Code: `token_url: https://auth.example.com/oauth2/token`},
		},
		Notes: `A URL written without a scheme is sent over http:// by curl (its default),
and is reported too.

Local hosts are not flagged: loopback (localhost and names under
.localhost, 127.0.0.0/8, [::1], and the public names made to resolve to
127.0.0.1, localtest.me and lvh.me with their subdomains), where a local test server or a sidecar
listens and nothing leaves the machine, and link-local addresses
(169.254.0.0/16, [fe80::/10]), which routers do not forward: the managed
identity endpoint of a cloud VM, http://169.254.169.254/metadata/identity/
oauth2/token, is served over plain HTTP by design. A host the linter cannot
see ({{host}}, $HOST) is not judged.

A host of one label (http://keycloak:8080, a Docker Compose service or an
intranet name) is reported as a note, not an error: no public name has one
label, so the request stays on a container network or a private one, where
plain HTTP is common in development; the credentials still cross that
network in clear text.`,
		Sources: []string{
			`RFC 6749 section 3.2 ("The authorization server MUST require the use of TLS ... when sending requests to the token endpoint") and section 2.3.1`,
			"RFC 6761 section 6.3 for localhost names",
			"RFC 3927 section 2.7 and RFC 4291 section 2.5.6 (link-local packets are not forwarded)",
			"ICANN SSAC SAC053, Report on Dotless Domains (2012), and the ICANN New gTLD Program Committee resolution 2013.08.13.NG02, which prohibit dotless public names",
		},
		Since: FirstRelease,
	},
	Check: checkInsecureTokenURL,
}

func checkInsecureTokenURL(p *Pass) {
	for _, r := range p.TokenRequests() {
		u := ParseURL(r.URL)
		if !u.Scheme.Known() || !strings.EqualFold(strings.TrimSpace(u.Scheme.Text), "http") {
			continue
		}
		host, _, ok := p.Catalog.HostOf(u)
		if !ok || host == "" || isLocalHost(host) {
			continue
		}
		f := Diagnostic{
			Span: u.Scheme.Span(),
			Key:  "http://" + host,
			Message: fmt.Sprintf("token requested over http:// from %s: the credentials and the token cross the network in clear text; use https://%s",
				host, host),
		}
		switch sp := u.Scheme.Span(); {
		case verbatim(u.Scheme):
			f.Fix = &Fix{Message: "use https", Edits: []TextEdit{{Span: sp, New: "https"}}}
		case sp.Start == sp.End:
			// No scheme written: the tool's default (curl's http://) applies.
			f.Span = u.Host.Span()
			f.Message = fmt.Sprintf("token URL %s has no scheme, so %s sends it over http://: the credentials and the token cross the network in clear text; write https://%s",
				host, r.Via, host)
			f.Fix = &Fix{Message: "add https://", Edits: []TextEdit{{Span: sp, New: "https://"}}}
		}
		if isSingleLabelHost(host) {
			f.Severity = Note
			f.Message += fmt.Sprintf(" (%s is one label, a container or private network name, so this is a note)", host)
		}
		f.Message += p.inferred(r)
		f.Related = append(f.Related, p.inferredAt(r)...)
		p.Report(f)
	}
}
