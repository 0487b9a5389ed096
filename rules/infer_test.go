package rules

import "testing"

func TestTemplateName(t *testing.T) {
	for tmpl, want := range map[string]string{
		"${env}":                  "env",
		"$env":                    "env",
		"{{environment}}":         "environment",
		"{{ _.environment }}":     "environment",
		"${var.gc_region}":        "gc_region",
		"${ENV:-mypurecloud.com}": "ENV",
		"${{ env.GC_DOMAIN }}":    "GC_DOMAIN",
		"%GENESYS_DOMAIN%":        "GENESYS_DOMAIN",
		"%v":                      "",
		"$(cat domain)":           "",
	} {
		if got := templateName(tmpl); got != want {
			t.Errorf("templateName(%q) = %q, want %q", tmpl, got, want)
		}
	}
}

// A templated host is a provider's by the value written for its variable,
// by an API call on the same template, or (a hint) by the variable's name;
// a file's requests to other hosts say nothing of it.
func TestInferDomains(t *testing.T) {
	cat := DefaultCatalog()
	tokenOn := func(s *src, host ...string) *Request {
		r := s.post("", s.form("grant_type=client_credentials"))
		r.URL = s.cat(append(append([]string{"https://"}, host...), "/oauth/token")...)
		return r
	}
	for _, tc := range []struct {
		name string
		unit func(s *src) *Unit
		want bool
	}{
		{"value", func(s *src) *Unit {
			return &Unit{Requests: []*Request{tokenOn(s, "api.", "$env")},
				Settings: []Setting{{Kind: SettingEnvironment, Key: s.lit("env"), Value: s.lit("mypurecloud.ie")}}}
		}, true},
		{"other provider's value", func(s *src) *Unit {
			return &Unit{Requests: []*Request{tokenOn(s, "api.", "$env")},
				Settings: []Setting{{Kind: SettingBaseURL, Key: s.lit("env"), Value: s.lit("https://example.com")}}}
		}, false},
		{"API call on the template", func(s *src) *Unit {
			api := s.post("", nil)
			api.URL = s.cat("https://api.", "{{environment}}", "/api/v2/users")
			return &Unit{Requests: []*Request{tokenOn(s, "api.", "{{environment}}"), api}}
		}, true},
		{"name hint", func(s *src) *Unit {
			return &Unit{Requests: []*Request{tokenOn(s, "login.", "${PURECLOUD_ENVIRONMENT}")}}
		}, true},
		{"no evidence", func(s *src) *Unit {
			other := s.post("https://login.mypurecloud.com/oauth/token", s.form("grant_type=client_credentials"))
			return &Unit{Requests: []*Request{tokenOn(s, "api.", "${VENDOR}"), other}}
		}, false},
		{"not a provider prefix", func(s *src) *Unit {
			return &Unit{Requests: []*Request{tokenOn(s, "auth.", "${GENESYS_DOMAIN}")}}
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := tc.unit(newSrc("f"))
			why, _ := inferDomains(u, cat)
			_, info, ok := cat.HostOf(ParseURL(u.Requests[0].URL))
			if got := ok && info.Provider != nil; got != tc.want || (why[u.Requests[0]] != "") != tc.want {
				t.Errorf("inferred %v (why %q), want %v", got, why[u.Requests[0]], tc.want)
			}
		})
	}
}
