package rules

import (
	"strings"
	"testing"
)

func TestAuth0Audience(t *testing.T) {
	const url = "https://dev-abc.us.auth0.com/oauth/token"
	tests := []struct {
		name string
		req  func(s *src) *Request
		want string // flagged text, "" = none
	}{
		{"missing", func(s *src) *Request {
			return s.post(url, s.form("grant_type=client_credentials&client_id=abc"))
		}, "grant_type=client_credentials&client_id=abc"},
		{"empty", func(s *src) *Request {
			return s.post(url, s.form("grant_type=client_credentials&audience="))
		}, "audience"},
		{"missing in JSON", func(s *src) *Request {
			raw := s.lit(`{"grant_type":"client_credentials"}`)
			off := int(raw.Segs[0].Start)
			return s.post(url, &Body{Kind: BodyJSON, Raw: raw, Fields: []Field{{Name: Lit("f", "grant_type", off+2), Value: Lit("f", "client_credentials", off+15)}}})
		}, `{"grant_type":"client_credentials"}`},
		{"eu tenant", func(s *src) *Request {
			return s.post("https://acme.eu.auth0.com/oauth/token", s.form("grant_type=client_credentials"))
		}, "grant_type=client_credentials"},

		{"present", func(s *src) *Request {
			return s.post(url, s.form("grant_type=client_credentials&audience=https://api.example.com/"))
		}, ""},
		{"from a variable", func(s *src) *Request {
			return s.post(url, formValue(s.cat("grant_type=client_credentials&audience=", "$AUD")))
		}, ""},
		{"password grant", func(s *src) *Request {
			return s.post(url, s.form("grant_type=password&username=u&password=p"))
		}, ""},
		{"library", func(s *src) *Request {
			r := s.post(url, nil)
			r.Library, r.Grant = true, OrNil(s.lit("client_credentials"))
			return r
		}, ""},
		{"body unseen", func(s *src) *Request {
			return s.post(url, formValue(s.dyn("$BODY")))
		}, ""},
		{"custom domain", func(s *src) *Request {
			return s.post("https://login.example.com/oauth/token", s.form("grant_type=client_credentials"))
		}, ""},
		{"Auth0 host, another path", func(s *src) *Request {
			return s.post("https://dev-abc.us.auth0.com/oauth2/token", s.form("grant_type=client_credentials"))
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSrc("f.sh")
			got := runOnly(t, Auth0Audience, &Unit{Requests: []*Request{tt.req(s)}}, nil)
			if tt.want == "" {
				if len(got) != 0 {
					t.Fatalf("unexpected %v", got)
				}
				return
			}
			if len(got) != 1 || got[0].Severity != Error || !strings.Contains(got[0].Message, "audience") {
				t.Fatalf("got %v", got)
			}
			if s.spanText(got[0].Span) != tt.want {
				t.Errorf("finding at %q, want %q", s.spanText(got[0].Span), tt.want)
			}
		})
	}
}
