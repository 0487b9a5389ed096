package rules

import (
	"strings"
	"testing"
)

func TestIsPlaceholder(t *testing.T) {
	for text, want := range map[string]bool{
		"YOUR_CLIENT_SECRET":          true,
		"your_client_secret":          true,
		"yourClientSecret":            true,
		"CLIENT_SECRET_HERE":          true,
		"client-secret-here":          true,
		"OAUTH CLIENT SECRET":         true,
		"<client secret>":             true,
		"<secret-with-special-chars>": true,
		"<:)>":                        true,
		"{client_secret}":             true,
		"[secret]":                    true,
		"xxxx":                        true,
		"XXXX-XXXX-XXXX":              true,
		"******":                      true,
		"abcd...wxyz":                 true,
		"my_client_secret":            true,
		"replace-me":                  true,
		"%CLIENT_SECRET%":             true,
		// Values, not placeholders.
		"Jq8vL2x9TzR4wY7nB3mK":       false,
		"q/Zk+9Lm==":                 false,
		"abc+def":                    false,
		"ABC_DEF+GHI/JK==":           false,
		"client_credentials":         false,
		"here":                       false,
		"my":                         false,
		"mypurecloud.com":            false,
		"x":                          false,
		"e4meQ53cXGq53j6uffdULVjRl8": false,
		"{noop}Jq8vL2x9TzR4wY7n":     false,
		"my_app_Jq8vL2x9":            false,
	} {
		if got := IsPlaceholder(text); got != want {
			t.Errorf("IsPlaceholder(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestWords(t *testing.T) {
	for name, want := range map[string]string{
		"GENESYS_CLOUD_REGION": "genesys cloud region",
		"tokenUrl":             "token url",
		"yourClientSecret":     "your client secret",
		"HTTPServer":           "http server",
		"client.id-2":          "client id 2",
		"oAuth2Token":          "o auth2 token",
		"ÉtéSecret":            "été secret",
		"api\xffKey":           "api key", // a byte that is not UTF-8 separates words
		"__":                   "",
		"":                     "",
	} {
		if got := strings.Join(Words(name), " "); got != want {
			t.Errorf("Words(%q) = %q, want %q", name, got, want)
		}
	}
}
