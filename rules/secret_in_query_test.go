package rules

import "testing"

func TestSecretInQuery(t *testing.T) {
	tests := []struct {
		name  string
		parts []string // URL pieces; "$X" or "{{x}}" are dynamic
		want  []string // flagged parameter names, in order
	}{
		{"literal secret", []string{"https://login.mypurecloud.com/oauth/token?grant_type=client_credentials&client_secret=s3cr3t-Value"}, []string{"client_secret"}},
		{"dynamic secret", []string{"https://login.mypurecloud.com/oauth/token?client_id=", "$ID", "&client_secret=", "$SECRET"}, []string{"client_secret"}},
		{"password and refresh token", []string{"https://idp.example.com/token?password=pw12345678&refresh_token=", "{{rt}}"}, []string{"password", "refresh_token"}},
		{"access token on an API call", []string{"https://api.example.com/v1/items?access_token=", "{{token}}"}, []string{"access_token"}},
		{"assertion", []string{"https://idp.example.com/token?client_assertion=eyJhbGciOi"}, []string{"client_assertion"}},
		{"code is fine", []string{"https://app.example.com/callback?code=abc&state=xyz"}, nil},
		{"client_id is fine", []string{"https://login.mypurecloud.com/oauth/authorize?client_id=abc&response_type=code"}, nil},
		{"empty value", []string{"https://idp.example.com/token?client_secret="}, nil},
		{"no query", []string{"https://login.mypurecloud.com/oauth/token"}, nil},
		{"dynamic name", []string{"https://idp.example.com/token?", "$NAME", "=x"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSrc("f.sh")
			r := &Request{Method: s.lit("POST"), URL: s.cat(tt.parts...)}
			got := runOnly(t, SecretInQuery, &Unit{Requests: []*Request{r}}, nil)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d findings %v, want %v", len(got), got, tt.want)
			}
			for i, name := range tt.want {
				if s.spanText(got[i].Span) != name || got[i].Severity != Error {
					t.Errorf("finding %d at %q (%v), want %s", i, s.spanText(got[i].Span), got[i].Severity, name)
				}
			}
			noSecret(t, got, "s3cr3t-Value", "pw12345678", "eyJhbGciOi")
		})
	}
}
