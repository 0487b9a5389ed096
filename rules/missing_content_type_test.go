package rules

import "testing"

func TestMissingContentType(t *testing.T) {
	tests := []struct {
		name string
		req  func(s *src) *Request
		want bool
	}{
		{"http file without header", func(s *src) *Request {
			b := s.form("grant_type=client_credentials")
			b.Untyped = true
			return &Request{Method: s.lit("POST"), URL: s.lit("https://login.mypurecloud.com/oauth/token"), Body: b, Via: ViaHTTPFile}
		}, true},
		{"with header", func(s *src) *Request {
			b := s.form("grant_type=client_credentials")
			b.Untyped = true
			return &Request{Method: s.lit("POST"), URL: s.lit("https://login.mypurecloud.com/oauth/token"), Body: b,
				Headers: []Header{{Name: s.lit("content-type"), Value: s.lit("application/x-www-form-urlencoded")}}}
		}, false},
		{"header value from a variable", func(s *src) *Request {
			b := s.form("grant_type=client_credentials")
			b.Untyped = true
			return &Request{Method: s.lit("POST"), URL: s.lit("https://login.mypurecloud.com/oauth/token"), Body: b,
				Headers: []Header{{Name: s.lit("Content-Type"), Value: s.dyn("{{ct}}")}}}
		}, false},
		{"header name from a variable", func(s *src) *Request {
			b := s.form("grant_type=client_credentials")
			b.Untyped = true
			return &Request{Method: s.lit("POST"), URL: s.lit("https://login.mypurecloud.com/oauth/token"), Body: b,
				Headers: []Header{{Name: s.dyn("{{h}}"), Value: s.lit("application/x-www-form-urlencoded")}}}
		}, false},
		{"curl -d types it", func(s *src) *Request {
			return s.post("https://login.mypurecloud.com/oauth/token", s.form("grant_type=client_credentials"))
		}, false},
		{"library", func(s *src) *Request {
			b := s.form("grant_type=client_credentials")
			b.Untyped = true
			r := s.post("https://login.mypurecloud.com/oauth/token", b)
			r.Library = true
			return r
		}, false},
		{"API call", func(s *src) *Request {
			b := s.form("name=x")
			b.Untyped = true
			return &Request{Method: s.lit("POST"), URL: s.lit("https://api.mypurecloud.com/api/v2/things"), Body: b}
		}, false},
		{"JSON body", func(s *src) *Request {
			return &Request{Method: s.lit("POST"), URL: s.lit("https://login.mypurecloud.com/oauth/token"),
				Body: &Body{Kind: BodyJSON, Raw: s.lit(`{"grant_type":"client_credentials"}`), Untyped: true}}
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSrc("f.http")
			r := tt.req(s)
			got := runOnly(t, MissingContentType, &Unit{Requests: []*Request{r}}, nil)
			if (len(got) > 0) != tt.want {
				t.Fatalf("got %v, want finding %v", got, tt.want)
			}
			if tt.want && (s.spanText(got[0].Span) != "grant_type=client_credentials" || got[0].Severity != Error) {
				t.Errorf("finding at %q (%v)", s.spanText(got[0].Span), got[0].Severity)
			}
		})
	}
}
