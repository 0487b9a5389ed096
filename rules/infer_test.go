package rules

import (
	"strings"
	"testing"
)

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
		"{{$dotenv GC_DOMAIN}}":   "GC_DOMAIN",
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
		{"value beside the file", func(s *src) *Unit {
			v := Lit("vars/terraform.tfvars", "mypurecloud.ie", 14)
			return &Unit{Requests: []*Request{tokenOn(s, "api.", "${var.env}")},
				Beside: []Setting{{Kind: SettingEnvironment, Key: Lit(v.File, "env", 0), Value: v}}}
		}, true},
		{"values beside the file disagree", func(s *src) *Unit {
			v := Lit("terraform.tfvars", "example.com", 14)
			return &Unit{Requests: []*Request{tokenOn(s, "api.", "${var.env}")},
				Settings: []Setting{{Kind: SettingEnvironment, Key: s.lit("env"), Value: s.lit("mypurecloud.ie")}},
				Beside:   []Setting{{Kind: SettingBaseURL, Key: Lit(v.File, "env", 0), Value: v}}}
		}, false},
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
			g := why[u.Requests[0]]
			if got := ok && info.Provider != nil; got != tc.want || (g.why != "") != tc.want {
				t.Errorf("inferred %v (why %q), want %v", got, g.why, tc.want)
			}
			// A value written beside the file is where the finding points.
			if len(u.Beside) > 0 && tc.want && (len(g.at) != 1 || g.at[0].File != u.Beside[0].Value.File ||
				!strings.Contains(g.why, "in terraform.tfvars")) {
				t.Errorf("guess %+v does not name the file beside", g)
			}
		})
	}
}

// A finding at a use of a variable whose value another file writes (a
// collection's environment) names that place.
func TestFindingNamesTheValueBeside(t *testing.T) {
	s := newSrc("c.json")
	r := s.post("https://api.mypurecloud.ie/oauth/token", s.form("grant_type=client_credentials"))
	env := Span{File: "prod.postman_environment.json", Start: 40, End: 58}
	u := &Unit{Requests: []*Request{r}, Origins: []Origin{{At: ParseURL(r.URL).Host.Span(), Name: "authHost", Value: env}}}
	found := false
	for _, d := range Run(u, &Options{Rules: []*Rule{TokenHost}}) {
		for _, rel := range d.Related {
			found = found || rel.Span == env && strings.Contains(rel.Message, "authHost")
		}
	}
	if !found {
		t.Error("the token-host finding does not name where authHost is set")
	}
}
