package extract

import (
	"strings"
	"testing"
)

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

// TestBaseURLSubstitutionBudget: each substituted base URL is charged to
// the file's expansion budget, so a long value used by many requests
// cannot multiply into gigabytes (a 180 KB workflow took 1.2 GB before).
func TestBaseURLSubstitutionBudget(t *testing.T) {
	value := "https://login.mypurecloud.com/" + strings.Repeat("a", 100_000)
	var b strings.Builder
	b.WriteString("on: push\nenv:\n  BASE: " + value + "\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n")
	for range 200 {
		b.WriteString(`          curl -X POST "${{ env.BASE }}/oauth/token" -d grant_type=client_credentials` + "\n")
	}
	src := []byte(b.String())
	u, err := extractWorkflow(".github/workflows/a.yml", src)
	if err != nil {
		t.Fatal(err)
	}
	substituted := 0
	for _, r := range u.Requests {
		if strings.HasPrefix(r.URL.Text, "https://") {
			substituted += len(value)
		}
	}
	if substituted == 0 {
		t.Fatal("no base URL substituted")
	}
	if limit := expansionBytes + expansionBytesPerByte*len(src); substituted > limit {
		t.Errorf("%d bytes substituted, past the file's budget of %d", substituted, limit)
	}
}
