package rules

import "testing"

func TestTLSVerifyDisabled(t *testing.T) {
	tests := []struct {
		name     string
		url      string
		insecure bool
		at       bool // InsecureAt set
		want     string
	}{
		{"curl -k", "https://login.mypurecloud.com/oauth/token", true, true, "-k"},
		{"no span: whole request", "https://login.mypurecloud.com/oauth/token", true, false, "<pos>"},
		{"verified", "https://login.mypurecloud.com/oauth/token", false, true, ""},
		{"loopback", "https://localhost:8443/oauth/token", true, true, ""},
		{"plain http", "http://idp.example.com/oauth/token", true, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSrc("f.sh")
			start := s.b.Len()
			k := s.lit("-k")
			r := s.post(tt.url, s.form("grant_type=client_credentials"))
			r.Pos = Span{File: "f.sh", Start: start, End: s.b.Len()}
			r.Insecure = tt.insecure
			if tt.at {
				at := k.Span()
				r.InsecureAt = &at
			}
			got := runOnly(t, TLSVerifyDisabled, &Unit{Requests: []*Request{r}}, nil)
			if tt.want == "" {
				if len(got) != 0 {
					t.Fatalf("unexpected %v", got)
				}
				return
			}
			if len(got) != 1 || got[0].Severity != Warning {
				t.Fatalf("got %v", got)
			}
			if tt.want == "<pos>" {
				if got[0].Span != r.Pos {
					t.Errorf("span %+v, want the request %+v", got[0].Span, r.Pos)
				}
			} else if s.spanText(got[0].Span) != tt.want {
				t.Errorf("finding at %q, want %q", s.spanText(got[0].Span), tt.want)
			}
		})
	}
	// An API call with -k is not a token request.
	s := newSrc("f.sh")
	api := &Request{Method: s.lit("GET"), URL: s.lit("https://api.mypurecloud.com/api/v2/users"), Insecure: true}
	if got := runOnly(t, TLSVerifyDisabled, &Unit{Requests: []*Request{api}}, nil); len(got) != 0 {
		t.Errorf("API call flagged: %v", got)
	}
}
