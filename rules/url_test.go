package rules

import "testing"

func TestParseURL(t *testing.T) {
	tests := []struct {
		name             string
		v                Value
		host, path, qry  string
		hostKnown, pathK bool
	}{
		{"plain", Lit("f", "https://login.mypurecloud.com/oauth/token", 0), "login.mypurecloud.com", "/oauth/token", "", true, true},
		{"port and query", Lit("f", "http://localhost:8080/token?x=1", 0), "localhost", "/token", "x=1", true, true},
		{"userinfo", Lit("f", "https://u:p@api.example.com/a", 0), "api.example.com", "/a", "", true, true},
		{"no path", Lit("f", "https://api.mypurecloud.ie", 0), "api.mypurecloud.ie", "", "", true, true},
		{"templated base", Concat(Dyn("f", "{{baseUrl}}", 0, 11), Lit("f", "/api/v2/users/me", 11)), "", "/api/v2/users/me", "", false, true},
		{"dynamic host", Concat(Lit("f", "https://", 0), Dyn("f", "$HOST", 8, 13), Lit("f", "/oauth/token", 13)), "", "/oauth/token", "", false, true},
		{"no scheme", Lit("f", "api.mypurecloud.com/oauth/token", 0), "api.mypurecloud.com", "/oauth/token", "", true, true},
		{"relative", Lit("f", "/oauth/token", 0), "", "/oauth/token", "", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := ParseURL(tt.v)
			host, hk := u.HostName()
			path, pk := u.PathText()
			if host != tt.host || hk != tt.hostKnown || path != tt.path || pk != tt.pathK || u.Query.Text != tt.qry {
				t.Errorf("ParseURL = host %q(%v) path %q(%v) query %q", host, hk, path, pk, u.Query.Text)
			}
		})
	}
}

func TestParseURLHostSpanIsExact(t *testing.T) {
	u := ParseURL(Lit("f", "https://api.mypurecloud.com/oauth/token", 100))
	if sp := u.Host.Span(); sp.Start != 108 || sp.End != 127 {
		t.Errorf("host span = %+v, want 108:127", sp)
	}
}
