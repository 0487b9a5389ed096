package extract

import (
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

func shellUnit(t *testing.T, src string) *rules.Unit {
	t.Helper()
	u, err := ByName("shell").Extract("t.sh", []byte(src))
	if err != nil {
		t.Fatalf("extract: %v", err)
	}
	return u
}

// The user's scenario of issue 2: exactly three findings, each at its byte,
// and the secret in no message.
func TestShellScenario(t *testing.T) {
	src := `curl -X POST "https://api.us.genesys.cloud/oauth/token" \
  -H "Content-Type: application/json" \
  -d "grant_type=client_credentials&client_id=abc123&client_secret=abc+def"
`
	checkFindings(t, "shell", "t.sh", src, []string{
		"token-host", "api.us.genesys.cloud",
		"json-token-request", "application/json",
		"unencoded-secret", "+def",
	})
	for _, f := range rules.Run(shellUnit(t, src), nil) {
		if strings.Contains(f.Message, "abc+def") {
			t.Errorf("%s: message shows the secret: %s", f.Rule, f.Message)
		}
	}
}
