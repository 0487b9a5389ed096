package rules

import (
	"strings"
	"testing"
)

func TestSalesforceMyDomain(t *testing.T) {
	tests := []struct {
		name string
		req  func(s *src) *Request
		unit []Setting
		want string
	}{
		{"login", func(s *src) *Request {
			return s.post("https://login.salesforce.com/services/oauth2/token", s.form("grant_type=client_credentials"))
		}, nil, "login.salesforce.com"},
		{"test", func(s *src) *Request {
			return s.post("https://test.salesforce.com/services/oauth2/token", s.form("grant_type=client_credentials&client_id=x"))
		}, nil, "test.salesforce.com"},
		{"helper", func(s *src) *Request {
			return &Request{Role: RoleToken, URL: s.lit("https://login.salesforce.com/services/oauth2/token"), Library: true, Grant: OrNil(s.lit("client_credentials"))}
		}, nil, "login.salesforce.com"},
		{"config with a declared grant", func(s *src) *Request {
			return &Request{Role: RoleToken, URL: s.lit("https://login.salesforce.com/services/oauth2/token"), Via: ViaConfig, Library: true}
		}, []Setting{{Kind: SettingGrantType, Key: Lit("f", "authorization-grant-type", 0), Value: Lit("f", "client_credentials", 0)}}, "login.salesforce.com"},

		{"My Domain", func(s *src) *Request {
			return s.post("https://acme.my.salesforce.com/services/oauth2/token", s.form("grant_type=client_credentials"))
		}, nil, ""},
		{"sandbox My Domain", func(s *src) *Request {
			return s.post("https://acme--uat.sandbox.my.salesforce.com/services/oauth2/token", s.form("grant_type=client_credentials"))
		}, nil, ""},
		{"JWT bearer at login", func(s *src) *Request {
			return s.post("https://login.salesforce.com/services/oauth2/token", s.form("grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=x"))
		}, nil, ""},
		{"dynamic grant", func(s *src) *Request {
			return s.post("https://login.salesforce.com/services/oauth2/token", formValue(s.cat("grant_type=", "$GRANT")))
		}, nil, ""},
		{"SOAP login is no token request", func(s *src) *Request {
			return &Request{Method: s.lit("POST"), URL: s.lit("https://login.salesforce.com/services/Soap/u/59.0")}
		}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSrc("f.sh")
			got := runOnly(t, SalesforceMyDomain, &Unit{Requests: []*Request{tt.req(s)}, Settings: tt.unit}, nil)
			if tt.want == "" {
				if len(got) != 0 {
					t.Fatalf("unexpected %v", got)
				}
				return
			}
			if len(got) != 1 || got[0].Severity != Error || !strings.Contains(got[0].Message, ".my.salesforce.com/services/oauth2/token") {
				t.Fatalf("got %v", got)
			}
			if s.spanText(got[0].Span) != tt.want {
				t.Errorf("finding at %q, want %q", s.spanText(got[0].Span), tt.want)
			}
		})
	}
}
