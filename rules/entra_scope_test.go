package rules

import (
	"strings"
	"testing"
)

func TestEntraScope(t *testing.T) {
	const tokenURL = "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"
	tests := []struct {
		name    string
		url     string
		body    string // raw form body; "" = none
		library bool
		want    string // flagged text
		suggest string
	}{
		{"permission scope", tokenURL, "grant_type=client_credentials&scope=https://graph.microsoft.com/User.Read.All", false,
			"https://graph.microsoft.com/User.Read.All", "https://graph.microsoft.com/.default"},
		{"encoded permission scope", tokenURL, "grant_type=client_credentials&scope=https%3A%2F%2Fgraph.microsoft.com%2FMail.Send", false,
			"https%3A%2F%2Fgraph.microsoft.com%2FMail.Send", "https://graph.microsoft.com/.default"},
		{"api scope", tokenURL, "grant_type=client_credentials&scope=api://1234-abcd/read", false, "api://1234-abcd/read", "api://1234-abcd/.default"},
		{"bare permission", tokenURL, "grant_type=client_credentials&scope=User.Read", false, "User.Read", "https://graph.microsoft.com/.default"},
		{"openid plus default", tokenURL, "grant_type=client_credentials&scope=https://graph.microsoft.com/.default+openid", false,
			"https://graph.microsoft.com/.default+openid", "https://graph.microsoft.com/.default"},
		{"missing", tokenURL, "grant_type=client_credentials&client_id=abc", false, "grant_type=client_credentials&client_id=abc", "https://graph.microsoft.com/.default"},
		{"v1 resource on v2", tokenURL, "grant_type=client_credentials&resource=https://graph.microsoft.com", false, "resource", "v1"},
		{"library with a bad scope", tokenURL, "grant_type=client_credentials&scope=User.Read", true, "User.Read", "https://graph.microsoft.com/.default"},

		{"right", tokenURL, "grant_type=client_credentials&scope=https://graph.microsoft.com/.default", false, "", ""},
		{"right, encoded", tokenURL, "grant_type=client_credentials&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default", false, "", ""},
		{"library without scope", tokenURL, "grant_type=client_credentials", true, "", ""},
		{"authorization code may ask permissions", tokenURL, "grant_type=authorization_code&code=x&scope=User.Read", false, "", ""},
		{"tenant from a variable", "dynamic tenant", "grant_type=client_credentials&scope=User.Read", false, "User.Read", "https://graph.microsoft.com/.default"},
		{"v1 endpoint", "https://login.microsoftonline.com/contoso/oauth2/token", "grant_type=client_credentials&resource=https://graph.microsoft.com", false, "", ""},
		{"other provider", "https://idp.example.com/oauth2/v2.0/token", "grant_type=client_credentials&scope=read", false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSrc("f.sh")
			r := s.post(tt.url, s.form(tt.body))
			if tt.url == "dynamic tenant" {
				r.URL = s.cat("https://login.microsoftonline.com/", "{{tenant}}", "/oauth2/v2.0/token")
			}
			r.Library = tt.library
			got := runOnly(t, EntraScope, &Unit{Requests: []*Request{r}}, nil)
			if tt.want == "" {
				if len(got) != 0 {
					t.Fatalf("unexpected %v", got)
				}
				return
			}
			if len(got) != 1 || got[0].Severity != Error {
				t.Fatalf("got %v", got)
			}
			if s.spanText(got[0].Span) != tt.want {
				t.Errorf("finding at %q, want %q", s.spanText(got[0].Span), tt.want)
			}
			if !strings.Contains(got[0].Message, tt.suggest) {
				t.Errorf("message lacks %q: %s", tt.suggest, got[0].Message)
			}
		})
	}
}

func TestGraphMeIsUserScoped(t *testing.T) {
	s := newSrc("f.http")
	tok := s.post("https://login.microsoftonline.com/t/oauth2/v2.0/token", s.form("grant_type=client_credentials&scope=https://graph.microsoft.com/.default"))
	for _, tt := range []struct {
		method, url string
		want        bool
	}{
		{"GET", "https://graph.microsoft.com/v1.0/me", true},
		{"GET", "https://graph.microsoft.com/v1.0/me/messages", true},
		{"POST", "https://graph.microsoft.com/beta/me/sendMail", true},
		{"GET", "https://graph.microsoft.com/v1.0/users/abc", false},
		{"GET", "https://graph.microsoft.com/v1.0/groups", false},
	} {
		api := &Request{Method: s.lit(tt.method), URL: s.lit(tt.url)}
		got := runOnly(t, UserScopedAPI, &Unit{Requests: []*Request{tok, api}}, nil)
		if (len(got) == 1 && got[0].Severity == Error) != tt.want || len(got) > 1 {
			t.Errorf("%s %s: %v, want finding %v", tt.method, tt.url, got, tt.want)
		}
	}
}

// TestUserScopedRelatedOnce checks that token requests sharing one grant
// (a credential behind several Graph clients) are pointed at once.
func TestUserScopedRelatedOnce(t *testing.T) {
	s := newSrc("f.http")
	tok := s.post("https://login.mypurecloud.com/oauth/token", s.form("grant_type=client_credentials"))
	again := *tok
	api := &Request{Method: s.lit("GET"), URL: s.lit("https://api.mypurecloud.com/api/v2/users/me")}
	got := runOnly(t, UserScopedAPI, &Unit{Requests: []*Request{tok, &again, api}}, nil)
	if len(got) != 1 || len(got[0].Related) != 1 {
		t.Fatalf("got %v, want one finding pointing at the shared grant once", got)
	}
}

// TestUserScopedRelatedBounded checks that a finding points at the first
// few client-credentials token requests, not at every one: a file of n
// token requests and n API calls must not cost n² related places.
func TestUserScopedRelatedBounded(t *testing.T) {
	s := newSrc("f.http")
	var reqs []*Request
	for range 3 * maxGrantsRelated {
		reqs = append(reqs, s.post("https://login.mypurecloud.com/oauth/token", s.form("grant_type=client_credentials")))
	}
	reqs = append(reqs, &Request{Method: s.lit("GET"), URL: s.lit("https://api.mypurecloud.com/api/v2/users/me")})
	got := runOnly(t, UserScopedAPI, &Unit{Requests: reqs}, nil)
	if len(got) != 1 || len(got[0].Related) != maxGrantsRelated {
		t.Fatalf("got %d findings (%v), want one pointing at %d grants", len(got), got, maxGrantsRelated)
	}
	if got[0].Related[0].Span != reqs[0].GrantType().Span() {
		t.Errorf("the first related place is %v, want the first grant %v", got[0].Related[0].Span, reqs[0].GrantType().Span())
	}
}
