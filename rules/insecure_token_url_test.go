package rules

import (
	"cmp"
	"testing"
)

func TestInsecureTokenURL(t *testing.T) {
	tests := []struct {
		name string
		url  string
		want bool
		sev  Severity // of the finding, when want; Error when zero
	}{
		{"http genesys", "http://login.mypurecloud.com/oauth/token", true, 0},
		{"upper-case scheme", "HTTP://auth.example.com/oauth2/token", true, 0},
		{"with port", "http://sso.acme.com:8080/realms/x/protocol/openid-connect/token", true, 0},
		{"one-label host", "http://keycloak:8080/realms/x/protocol/openid-connect/token", true, Note},
		{"one-label host, trailing dot", "http://auth.:8080/oauth/token", true, Note},
		{"private address", "http://10.0.0.5/oauth/token", true, 0},
		{"https", "https://login.mypurecloud.com/oauth/token", false, 0},
		{"localhost", "http://localhost:8080/oauth/token", false, 0},
		{"localhost name", "http://auth.localhost/oauth/token", false, 0},
		{"127/8", "http://127.0.0.2:9000/oauth/token", false, 0},
		{"ipv6 loopback", "http://[::1]:8080/oauth/token", false, 0},
		{"dynamic host", "http://{{host}}/oauth/token", false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSrc("f.sh")
			var url Value
			if tt.url == "http://{{host}}/oauth/token" {
				url = s.cat("http://", "{{host}}", "/oauth/token")
			} else {
				url = s.lit(tt.url)
			}
			r := &Request{Method: s.lit("POST"), URL: url, Body: s.form("grant_type=client_credentials")}
			got := runOnly(t, InsecureTokenURL, &Unit{Requests: []*Request{r}}, nil)
			if (len(got) > 0) != tt.want {
				t.Fatalf("got %v, want finding %v", got, tt.want)
			}
			if tt.want {
				if got[0].Severity != cmp.Or(tt.sev, Error) || s.spanText(got[0].Span) != tt.url[:4] {
					t.Errorf("finding %+v points at %q", got[0], s.spanText(got[0].Span))
				}
				if got[0].Fix == nil || got[0].Fix.Edits[0].New != "https" {
					t.Errorf("want a fix to https, got %+v", got[0].Fix)
				}
			}
		})
	}
}

func TestInsecureTokenURLOnlyTokenRequests(t *testing.T) {
	s := newSrc("f.http")
	api := &Request{Method: s.lit("GET"), URL: s.lit("http://api.example.com/api/v2/users")}
	if got := runOnly(t, InsecureTokenURL, &Unit{Requests: []*Request{api}}, nil); len(got) != 0 {
		t.Errorf("API call flagged: %v", got)
	}
	// A config's token URL: the front end says it is a token request.
	cfg := &Request{Role: RoleToken, URL: s.lit("http://idp.example.com/token"), Via: ViaConfig, Library: true}
	if got := runOnly(t, InsecureTokenURL, &Unit{Requests: []*Request{cfg}}, nil); len(got) != 1 {
		t.Errorf("config token URL: %v", got)
	}
}
