package rules

import (
	"fmt"
	"net/url"
	"strings"
)

// GrantType flags a hand-built token request without a grant_type, or
// with a value that is a near miss of a grant.
var GrantType = &Rule{
	ID:       "grant-type",
	Severity: Error,
	Summary:  "token request without grant_type, or with a misspelt grant",
	Doc: Documentation{
		Why: `Every token request names its grant in grant_type; the token endpoint
answers invalid_request without it and unsupported_grant_type for a value it
does not know. The value is an exact, case-sensitive name: client_credential,
clientcredentials, client-credentials and Client_Credentials are not grants.`,
		Bad: []Example{
			{Format: FormatShell, Code: `curl -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET"`},
			{Format: FormatShell, Code: `curl -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credential`},
		},
		Good: []Example{
			{Format: FormatShell, Code: `curl -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials`},
		},
		Notes: `A missing grant_type is an error for the token endpoints of the catalog's
providers and a warning elsewhere: RFC 6749 requires it, but servers
differ, and some providers document token requests without it. Token
endpoints with a protocol of their own (the managed-identity endpoint of
the Azure Instance Metadata Service: a GET with no grant_type) are not
judged. The suggested grant follows from the request's other parameters
(code, refresh_token, password, assertion, device_code, subject_token).

The rule judges hand-built requests only: a client library or tool helper
(x/oauth2, an SDK, Postman's OAuth 2.0 helper, a config file's token URL)
adds grant_type itself. A body the linter cannot see (-d @file, a variable)
is not judged, nor is a value from a variable. A value is reported when it
is a near miss of a registered grant (same letters up to case and
separators, or at most two edits away), with the grant it most likely
means; other names are left alone, since providers define their own
grants, and absolute URIs are extension grants.`,
		Sources: []string{
			"RFC 6749 sections 4.1.3, 4.3.2, 4.4.2, 6 and 5.2 (invalid_request, unsupported_grant_type), 4.5 (extension grants are absolute URIs)",
			"RFC 8628, 7523, 7522, 8693 for the URN grants (grant_types in the catalog)",
		},
		Since: FirstRelease,
	},
	Check: checkGrantType,
}

func checkGrantType(p *Pass) {
	for _, r := range p.TokenRequests() {
		if r.Library || r.AuthKind() == AuthOAuth2 || r.Via == ViaConfig {
			continue
		}
		f := param(r, "grant_type")
		if f == nil {
			if e := p.TokenEndpointOf(r); e != nil && e.NoGrant {
				continue
			}
			if (r.Body != nil || r.Method.Known()) && paramsKnown(r) {
				reportMissingGrant(p, r)
			}
			continue
		}
		text, ok := fieldText(f)
		if !ok {
			continue
		}
		text = strings.TrimSpace(text)
		if text == "" {
			p.Report(Diagnostic{
				Span:    spanOrName(f),
				Key:     "grant_type:empty",
				Message: fmt.Sprintf("grant_type is empty: name the grant, e.g. grant_type=%s", suggestGrant(r)),
			})
			continue
		}
		if contains(p.Catalog.GrantTypes, text) {
			continue
		}
		want := nearGrant(p.Catalog.GrantTypes, text)
		if want == "" {
			continue
		}
		fd := Diagnostic{
			Span:    f.Value.Span(),
			Key:     "grant_type:" + text,
			Message: fmt.Sprintf("grant_type %q is not a grant type (the names are exact and case-sensitive): use %s", text, want),
		}
		if verbatim(f.Value) && f.Value.Text == text {
			fd.Fix = &Fix{Message: "use " + want, Edits: []TextEdit{{Span: f.Value.Span(), New: want}}}
		}
		p.Report(fd)
	}
}

func reportMissingGrant(p *Pass, r *Request) {
	span := r.Pos
	if r.Body != nil && !r.Body.Raw.IsZero() {
		span = r.Body.Raw.Span()
	} else if span.End <= span.Start {
		span = r.URL.Span()
	}
	f := Diagnostic{Span: span, Key: "grant_type:missing"}
	f.Message = fmt.Sprintf("token request without grant_type: the token endpoint rejects it with invalid_request; add grant_type=%s to the form body", suggestGrant(r))
	if r.Body != nil && r.Body.Kind == BodyForm && strings.Contains(r.Body.Raw.Text, "grant_type:") {
		// YAML-style "grant_type: refresh_token" lines, as some docs show:
		// the grant is meant, and no form parser reads it.
		f.Message = "the form body writes \"grant_type: ...\", which a form parser does not read as grant_type: write name=value pairs joined with &, e.g. grant_type=refresh_token&refresh_token=..."
	} else if !p.knownProvider(r) {
		// Outside the catalog the linter cannot know the endpoint's rules:
		// some providers document token requests without grant_type.
		f.Severity = Warning
		f.Message = fmt.Sprintf("token request without grant_type: RFC 6749 requires it and most token endpoints answer invalid_request without it; add grant_type=%s to the form body unless this server documents a default", suggestGrant(r))
	}
	p.Report(f)
}

// suggestGrant names the grant the request's other parameters point to:
// each grant's own parameter (RFC 6749 4.1.3, 4.3.2, 6; RFC 8628 3.4;
// RFC 8693 2.1; RFC 7523 2.1), else client_credentials, the grant with
// none.
func suggestGrant(r *Request) string {
	switch {
	case param(r, "subject_token") != nil:
		return "urn:ietf:params:oauth:grant-type:token-exchange"
	case param(r, "device_code") != nil:
		return "urn:ietf:params:oauth:grant-type:device_code"
	case param(r, "assertion") != nil:
		return "urn:ietf:params:oauth:grant-type:jwt-bearer"
	case param(r, "code") != nil:
		return "authorization_code"
	case param(r, "refresh_token") != nil:
		return "refresh_token"
	case param(r, "password") != nil:
		return "password"
	}
	return "client_credentials"
}

func spanOrName(f *Field) Span {
	if f.Value.IsZero() || f.Value.Text == "" {
		return f.Name.Span()
	}
	return f.Value.Span()
}

// nearGrant returns the grant that text most likely misspells, or "".
func nearGrant(grants []string, text string) string {
	norm := func(s string) string {
		return strings.Map(func(c rune) rune {
			switch c {
			case '_', '-', ' ', '+', '.':
				return -1
			}
			return c
		}, strings.ToLower(s))
	}
	best, bestDist := "", 3
	for _, g := range grants {
		if norm(g) == norm(text) {
			return g
		}
		if len(text) < 5 {
			continue
		}
		if d := editDistance(strings.ToLower(text), g, bestDist); d < bestDist {
			best, bestDist = g, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance of a and b, or limit when it is
// at least limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit)
}

// param returns the last parameter named name of the request's body or,
// failing that, of its URL query; nil when there is none.
func param(r *Request, name string) *Field {
	if f := r.Body.Field(name); f != nil {
		if r.Body.Kind == BodyJSON {
			// A JSON string is read as written: no form decoding.
			cp := *f
			cp.Encoding = EncodingFull
			return &cp
		}
		return f
	}
	q := ParseForm(ParseURL(r.URL).Query, EncodingRaw, "")
	for i := len(q) - 1; i >= 0; i-- {
		if q[i].Name.Known() && q[i].Name.Text == name {
			return &q[i]
		}
	}
	return nil
}

// paramsKnown reports whether every parameter name of the request is
// visible, so that a parameter the rule does not find is really missing:
// no body, or a form or JSON body whose field names are all literal.
func paramsKnown(r *Request) bool {
	for _, q := range ParseForm(ParseURL(r.URL).Query, EncodingRaw, "") {
		if !q.Name.Known() {
			return false
		}
	}
	b := r.Body
	if b == nil {
		return true
	}
	if b.Kind != BodyForm && b.Kind != BodyJSON {
		return false
	}
	if len(b.Fields) == 0 && (b.Raw.HasDynamic() || strings.TrimSpace(b.Raw.Text) != "" && b.Kind == BodyJSON) {
		return false
	}
	for _, f := range b.Fields {
		if !f.Name.Known() {
			return false
		}
	}
	return true
}

// fieldText is a field's value as the server reads it (percent-decoded
// where the bytes go out as written), and whether it is fully known.
func fieldText(f *Field) (string, bool) {
	if !f.Value.Known() && !f.Value.IsZero() {
		return "", false
	}
	text := f.Value.Text
	switch f.Encoding {
	case EncodingRaw:
		if d, err := url.QueryUnescape(text); err == nil {
			text = d
		}
	case EncodingExceptPlus:
		text = strings.ReplaceAll(text, "+", " ")
	case EncodingURLChars:
		if d, err := url.QueryUnescape(text); err == nil {
			text = d
		}
	case EncodingJetBrains, EncodingEitherHTTPClient:
		text = jetBrainsText(text)
	}
	return text, true
}

// jetBrainsText is a form value as the JetBrains HTTP Client sends it and a
// server reads it: %& %= %+ %% are the literal characters, a bare "+" is a
// space.
func jetBrainsText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+1 < len(s) && strings.IndexByte("&=+%", s[i+1]) >= 0:
			b.WriteByte(s[i+1])
			i++
		case c == '+':
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
