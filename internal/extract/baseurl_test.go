package extract

import "testing"

func TestIsBaseURL(t *testing.T) {
	for text, want := range map[string]bool{
		"https://api.mypurecloud.com":         true,
		"http://sso.example.org/auth":         true,
		"https://login.mypurecloud.ie/api/v2": true,
		"HTTPS://API.MYPURECLOUD.COM":         true,
		"api.mypurecloud.com":                 false, // no scheme
		"ftp://api.mypurecloud.com":           false,
		"https://api.${GENESYS_DOMAIN}":       false,
		"https://api.{{region}}":              false,
		"https://api.mypurecloud.com?x=1":     false,
		"https://api.mypurecloud.com#top":     false,
		"https://user:pw@api.mypurecloud.com": false,
		"https://":                            false,
		"https://api.<your domain>":           false,
		"":                                    false,
	} {
		if got := isBaseURL(text); got != want {
			t.Errorf("isBaseURL(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestBaseTemplateNames(t *testing.T) {
	for _, c := range []struct {
		tmpl, gha, dotenv string
	}{
		{"${{ env.GENESYS_BASE }}", "GENESYS_BASE", ""},
		{"${{env.GC_BASE}}", "GC_BASE", ""},
		{"${{ vars.GC_BASE }}", "", ""},
		{"${{ secrets.GC_BASE }}", "", ""},
		{"${{ env.GC_BASE || 'https://api.mypurecloud.com' }}", "", ""},
		{"{{$dotenv GENESYS_BASE}}", "", "GENESYS_BASE"},
		{"{{ $dotenv  GENESYS_BASE }}", "", "GENESYS_BASE"},
		{"{{$dotenv %name}}", "", ""},
		{"{{$dotenvGENESYS_BASE}}", "", ""},
		{"{{$processEnv GENESYS_BASE}}", "", ""},
		{"{{GENESYS_BASE}}", "", ""},
	} {
		if got := ghaEnvName(c.tmpl); got != c.gha {
			t.Errorf("ghaEnvName(%q) = %q, want %q", c.tmpl, got, c.gha)
		}
		if got := dotenvName(c.tmpl); got != c.dotenv {
			t.Errorf("dotenvName(%q) = %q, want %q", c.tmpl, got, c.dotenv)
		}
	}
}
