package extract

import (
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

func TestTOMLFindings(t *testing.T) {
	tests := []configCase{
		{"token_url", "[auth]\ntoken_url = \"https://api.mypurecloud.com/oauth/token\"\n", []string{"token-host", "api."}},
		{"dotted key", "oauth.token_url = 'https://login.mypurecloud.com/api/v2/oauth/token'\n", []string{"token-path", "/api/v2/oauth/token"}},
		{"inline table", "auth = { name = \"é\", token_endpoint = \"https://api.mypurecloud.de/oauth/token\" }\n", []string{"token-host", "api."}},
		{"array of tables", "[[provider]]\ntoken_url = \"https://login.mypurecloud.com/oauth/token\"\n[[provider]]\ntoken_url = \"https://api.use2.us-gov-pure.cloud/oauth/token\"\n",
			[]string{"token-host", "api.use2"}},
		{"multi-line basic", "token_url = \"\"\"\nhttps://api.mypurecloud.com\\\n   /oauth/token\"\"\"\n", []string{"token-host", "api."}},
		{"escape before host", "token_url = \"https:\\u002F/api.mypurecloud.com/oauth/token\"\n", []string{"token-host", "api."}},
		{"genesys cli done right", "[DEFAULT]\nenvironment = \"mypurecloud.com\"\nclient_credentials = \"abc\"\nclient_secret = \"s+cret\"\n", nil},
		{"templated", "token_url = \"${TOKEN_URL}\"\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFindings(t, "toml", "c.toml", tt.src, tt.want) })
	}
}

func TestTOMLSettings(t *testing.T) {
	src := "[DEFAULT]\nenvironment = \"mypurecloud.ie\"\nclient_credentials = \"abc\"\nclient_secret = 'a+b'\ngrant_type = \"client_credentials\"\n"
	u, err := extractTOML("config.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[rules.SettingKind]string{
		rules.SettingEnvironment:  "mypurecloud.ie",
		rules.SettingClientID:     "abc",
		rules.SettingClientSecret: "a+b",
		rules.SettingGrantType:    "client_credentials",
	}
	if len(u.Settings) != len(want) {
		t.Fatalf("settings %+v", u.Settings)
	}
	for _, s := range u.Settings {
		if want[s.Kind] != s.Value.Text || spanText(src, s.Value.Span()) != s.Value.Text {
			t.Errorf("setting %d: %q at %q", s.Kind, s.Value.Text, spanText(src, s.Value.Span()))
		}
	}
}

func TestTOMLErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
	}{
		{"syntax", "[auth]\ntoken_url = \"x\"\nb = = 1\n", 3},
		{"duplicate key", "[auth]\ntoken_url = \"a\"\ntoken_url = \"b\"\n", 3},
		{"unterminated string", "token_url = \"x\n", 1},
		{"million brackets", "token = 1\nx = " + strings.Repeat("[", 1000000), 2},
		{"million inline tables", "token = 1\nx = " + strings.Repeat("{a=", 1000000), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if e := configError(t, "toml", "e.toml", tt.src); e.Line != tt.line {
				t.Errorf("error %v at line %d, want %d", e, e.Line, tt.line)
			}
		})
	}
}

func TestTOMLByteOrderMark(t *testing.T) {
	src := "\xEF\xBB\xBF[auth]\ntoken_url = \"https://api.mypurecloud.com/oauth/token\"\n"
	checkFindings(t, "toml", "c.toml", src, []string{"token-host", "api."})
}
