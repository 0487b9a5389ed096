package lint_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/config"
	"github.com/tokenlint/tokenlint/internal/lint"
)

// A provider written only in .tokenlint.toml, with a token-host pattern, a
// required parameter, a scope suffix and hosts that do not serve the grant,
// is judged by auth0-audience, entra-scope and salesforce-my-domain in its
// own words: adding a provider takes no code.
func TestProviderInTOMLOnly(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cfgFile := write(".tokenlint.toml", `
[[provider]]
id = "acme"
name = "Acme ID"
token_hosts = ["id.acme.test", "legacy.acme.test"]
token_path = "/connect/token"
source = "Acme ID developer guide (a made-up provider for this test)"

[provider.client_credentials]
required = ["tenant"]
params.tenant = { why = "Acme ID mints tokens per tenant", example = "t-123" }
scope_suffix = "/all"
scope_example = "https://api.acme.test/all"
not_at = ["legacy.acme.test"]
token_url = "https://id.acme.test/connect/token"
token_url_name = "the Acme ID host"
source = "Acme ID developer guide"
`)
	script := write("token.sh", `curl -X POST https://id.acme.test/connect/token -u "$ID:$SECRET" -d grant_type=client_credentials -d scope=read
curl -X POST https://legacy.acme.test/connect/token -u "$ID:$SECRET" -d grant_type=client_credentials -d tenant=t-1 -d scope=https://api.acme.test/all
`)
	cfg, err := config.Load(cfgFile)
	if err != nil {
		t.Fatal(err)
	}
	res := lint.Run([]string{script}, lint.Options{Rules: cfg.Rules})
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %v", res.Errors)
	}
	got := map[string]string{}
	for _, f := range res.Findings {
		got[f.Rule] += f.Message + "\n"
	}
	for rule, want := range map[string]string{
		"auth0-audience":       "Acme ID client-credentials request without tenant: Acme ID mints tokens per tenant; add tenant=t-123",
		"entra-scope":          `scope "read" is not a resource followed by /all`,
		"salesforce-my-domain": "Acme ID does not serve the client-credentials grant at legacy.acme.test: send the request to the Acme ID host, https://id.acme.test/connect/token",
	} {
		if !strings.Contains(got[rule], want) {
			t.Errorf("%s: got %q, want it to contain %q", rule, got[rule], want)
		}
	}
}
