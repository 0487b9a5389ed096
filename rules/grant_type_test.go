package rules

import "testing"

func TestGrantType(t *testing.T) {
	tests := []struct {
		name    string
		req     func(s *src) *Request
		want    string // expected flagged text, "" = no finding
		suggest string // the grant the message must name
	}{
		{"missing", func(s *src) *Request {
			return s.post("https://login.mypurecloud.com/oauth/token", s.form("client_id=abc"))
		}, "client_id=abc", "client_credentials"},
		{"missing, no body", func(s *src) *Request {
			return s.post("https://login.mypurecloud.com/oauth/token", nil)
		}, "https://login.mypurecloud.com/oauth/token", "client_credentials"},
		{"colon syntax", func(s *src) *Request {
			return s.post("https://dev-123456.okta.com/oauth2/default/v1/token", s.form("grant_type: refresh_token\nrefresh_token: r1"))
		}, "grant_type: refresh_token\nrefresh_token: r1", "name=value"},
		{"missing, refresh", func(s *src) *Request {
			return s.post("https://dev-123456.okta.com/oauth2/default/v1/token", s.form("refresh_token=r1"))
		}, "refresh_token=r1", "refresh_token"},
		{"client_credential", func(s *src) *Request {
			return s.post("https://login.mypurecloud.com/oauth/token", s.form("grant_type=client_credential"))
		}, "client_credential", "client_credentials"},
		{"clientcredentials", func(s *src) *Request {
			return s.post("https://login.mypurecloud.com/oauth/token", s.form("grant_type=clientcredentials"))
		}, "clientcredentials", "client_credentials"},
		{"client-credentials", func(s *src) *Request {
			return s.post("https://login.mypurecloud.com/oauth/token", s.form("grant_type=client-credentials"))
		}, "client-credentials", "client_credentials"},
		{"Client_Credentials", func(s *src) *Request {
			return s.post("https://login.mypurecloud.com/oauth/token", s.form("grant_type=Client_Credentials"))
		}, "Client_Credentials", "client_credentials"},
		{"authorization-code in JSON", func(s *src) *Request {
			raw := s.lit(`{"grant_type":"authorization-code"}`)
			v := Lit("f", "authorization-code", int(raw.Segs[0].Start)+15)
			return s.post("https://idp.example.com/oauth/token", &Body{Kind: BodyJSON, Raw: raw,
				Fields: []Field{{Name: Lit("f", "grant_type", int(raw.Segs[0].Start)+2), Value: v}}})
		}, "authorization-code", "authorization_code"},
		{"empty", func(s *src) *Request {
			return s.post("https://login.mypurecloud.com/oauth/token", s.form("grant_type=&client_id=x"))
		}, "grant_type", "client_credentials"},
		{"jwt bearer typo", func(s *src) *Request {
			return s.post("https://idp.example.com/token", s.form("grant_type=urn:ietf:params:oauth:grant-type:jwt_bearer"))
		}, "urn:ietf:params:oauth:grant-type:jwt_bearer", "urn:ietf:params:oauth:grant-type:jwt-bearer"},

		{"right", func(s *src) *Request {
			return s.post("https://login.mypurecloud.com/oauth/token", s.form("grant_type=client_credentials"))
		}, "", ""},
		{"percent-encoded underscore", func(s *src) *Request {
			return s.post("https://login.mypurecloud.com/oauth/token", s.form("grant_type=client%5Fcredentials"))
		}, "", ""},
		{"provider's own grant", func(s *src) *Request {
			return s.post("https://zoom.example.com/oauth/token", s.form("grant_type=account_credentials"))
		}, "", ""},
		{"extension URI", func(s *src) *Request {
			return s.post("https://idp.example.com/token", s.form("grant_type=http://auth0.com/oauth/grant-type/password-realm"))
		}, "", ""},
		{"dynamic value", func(s *src) *Request {
			return s.post("https://login.mypurecloud.com/oauth/token", formValue(s.cat("grant_type=", "$GRANT")))
		}, "", ""},
		{"dynamic body", func(s *src) *Request {
			return s.post("https://login.mypurecloud.com/oauth/token", formValue(s.dyn("$BODY")))
		}, "", ""},
		{"raw body", func(s *src) *Request {
			return s.post("https://login.mypurecloud.com/oauth/token", &Body{Kind: BodyRaw, Raw: s.lit("@body.txt")})
		}, "", ""},
		{"library", func(s *src) *Request {
			r := s.post("https://login.mypurecloud.com/oauth/token", nil)
			r.Library = true
			return r
		}, "", ""},
		{"config token URL", func(s *src) *Request {
			return &Request{Role: RoleToken, URL: s.lit("https://idp.example.com/oauth2/token"), Via: ViaConfig}
		}, "", ""},
		{"grant in the query", func(s *src) *Request {
			return s.post("https://login.mypurecloud.com/oauth/token?grant_type=client_credentials", nil)
		}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSrc("f")
			r := tt.req(s)
			r.Role = RoleToken
			got := runOnly(t, GrantType, &Unit{Requests: []*Request{r}}, nil)
			if tt.want == "" {
				if len(got) != 0 {
					t.Fatalf("unexpected %v", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("got %v, want one finding", got)
			}
			if s.spanText(got[0].Span) != tt.want || got[0].Severity != Error {
				t.Errorf("finding at %q (%v), want %q", s.spanText(got[0].Span), got[0].Severity, tt.want)
			}
			if !containsWord(got[0].Message, tt.suggest) {
				t.Errorf("message does not suggest %s: %s", tt.suggest, got[0].Message)
			}
		})
	}
}

func containsWord(msg, w string) bool {
	for i := 0; i+len(w) <= len(msg); i++ {
		if msg[i:i+len(w)] == w && (i+len(w) == len(msg) || msg[i+len(w)] == ' ' || msg[i+len(w)] == ',' || msg[i+len(w)] == ';') {
			return true
		}
	}
	return false
}

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"client_credential", "client_credentials", 1},
		{"kitten", "sitting", 3},
		{"abc", "abc", 0},
		{"a", "abcdef", 3},
	} {
		if got := editDistance(tt.a, tt.b, 3); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// A token endpoint outside the catalog may document requests without
// grant_type: a missing one is a warning there, an error at a known one.
func TestMissingGrantSeverity(t *testing.T) {
	for url, want := range map[string]Severity{
		"https://login.mypurecloud.com/oauth/token": Error,
		"https://idp.example.com/oauth2/token":      Warning,
	} {
		s := newSrc("f")
		r := s.post(url, s.form("client_id=a&client_secret=b"))
		r.Role = RoleToken
		got := runOnly(t, GrantType, &Unit{Requests: []*Request{r}}, nil)
		if len(got) != 1 || got[0].Severity != want {
			t.Errorf("%s: got %v, want one %v", url, got, want)
		}
	}
}
