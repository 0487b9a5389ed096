package rules_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/extract"
	"github.com/tokenlint/tokenlint/rules"
)

// benchUnit is one large unit with every kind of request and setting the
// rules look at, built by the real front ends: n copies of a shell script,
// an .http file and a YAML config, each copy with its own hosts and values.
func benchUnit(b *testing.B, n int) *rules.Unit {
	b.Helper()
	var sh, http, yaml strings.Builder
	for i := range n {
		fmt.Fprintf(&sh, `curl -X POST "https://api.mypurecloud.com/oauth/token" -H "Content-Type: application/json" -d "grant_type=client_credentials&client_id=id%[1]d&client_secret=abc+def%[1]d"
curl -u "$ID:$SECRET" -d grant_type=client_credentials https://login.usw2.pure.cloud/oauth/token
curl -k --data-urlencode "client_secret=$S%[1]d" -d grant_type=client_credentials "https://login.mypurecloud.de/token?client_secret=x%[1]d"
TOKEN=$(curl -s -d "grant_type=client_credentials" -u "$ID:$SECRET" https://login.mypurecloud.ie/oauth/token | jq -r .access_token)
curl -H "Authorization: Bearer $TOKEN" https://api.mypurecloud.ie/api/v2/users/me
curl -d "grant_type=client_credentials&client_id=$A&client_secret=$B&audience=https://api%[1]d.example.com/" https://tenant%[1]d.eu.auth0.com/oauth/token
curl -d "grant_type=client_credentials&scope=https://graph.microsoft.com/User.Read" https://login.microsoftonline.com/t%[1]d/oauth2/v2.0/token
curl -X GET "https://login.salesforce.com/services/oauth2/token?grant_type=password&client_secret=s%[1]d"
`, i)
		fmt.Fprintf(&http, `### token %[1]d
POST http://login.mypurecloud.com/oauth/token
Content-Type: application/x-www-form-urlencoded
Authorization: Basic aWQ6c2VjcmV0%[1]d

grant_type=client_credential&client_id=x&client_secret=a+b%[1]d

###
GET https://api.mypurecloud.com/api/v2/users/me
Authorization: Bearer {{token}}

`, i)
		fmt.Fprintf(&yaml, `svc%[1]d:
  region: us-east-1
  environment: mypurecloud.de
  base_url: https://api.apne2.pure.cloud
  token_url: https://login.mypurecloud.com/oauth/token
  client_id: 0b1e%[1]d
  client_secret: Jq8vL2x9TzR4wY7nB3mK5pQsXc%[1]d
  grant_type: client_credential
`, i)
	}
	u := &rules.Unit{Name: "bench"}
	for _, src := range []struct{ format, name, text string }{
		{"shell", "b.sh", sh.String()}, {"http", "b.http", http.String()}, {"yaml", "b.yaml", yaml.String()},
	} {
		part, err := extract.ByName(src.format).Extract(src.name, []byte(src.text))
		if err != nil {
			b.Fatal(err)
		}
		u.Requests = append(u.Requests, part.Requests...)
		u.Settings = append(u.Settings, part.Settings...)
		u.Secrets = append(u.Secrets, part.Secrets...)
	}
	return u
}

// BenchmarkRules runs each rule alone over one large unit, so a slow rule
// shows up by name; "all" is the engine with every rule, as a run does.
func BenchmarkRules(b *testing.B) {
	u := benchUnit(b, 250)
	b.Logf("%d requests, %d settings", len(u.Requests), len(u.Settings))
	for _, r := range rules.All() {
		b.Run(r.ID, func(b *testing.B) {
			opts := &rules.Options{Rules: []*rules.Rule{r}}
			for b.Loop() {
				rules.Run(u, opts)
			}
		})
	}
	b.Run("all", func(b *testing.B) {
		for b.Loop() {
			rules.Run(u, nil)
		}
	})
	b.Run("SecretSpans", func(b *testing.B) {
		for b.Loop() {
			rules.SecretSpans(u, nil)
		}
	})
}
