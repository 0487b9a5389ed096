package extract

import (
	"errors"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

func TestYAMLFindings(t *testing.T) {
	tests := []configCase{
		{"token_url api host", "token_url: https://api.mypurecloud.com/oauth/token\n", []string{"token-host", "api."}},
		{"non-ASCII before the value", "{ étiquette: «x», token_url: https://api.us.genesys.cloud/oauth/token }\n",
			[]string{"token-host", "api."}},
		{"quoted", "auth:\n  tokenUrl: \"https://api.mypurecloud.com/oauth/token\"\n", []string{"token-host", "api."}},
		{"single quoted", "auth:\n  tokenUrl: 'https://login.mypurecloud.ie/api/v2/oauth/token'\n", []string{"token-path", "/api/v2/oauth/token"}},
		{"spring", `spring:
  security:
    oauth2:
      client:
        registration:
          genesys:
            client-id: ${GENESYS_CLIENT_ID}
            client-secret: ${GENESYS_CLIENT_SECRET}
            authorization-grant-type: client_credentials
        provider:
          genesys:
            token-uri: https://api.mypurecloud.com/oauth/token
`, []string{"token-host", "api."}},
		{"second document", "a: b\n---\ntoken_url: https://api.mypurecloud.com/oauth/token\n", []string{"token-host", "api."}},
		{"templated", "token_url: ${TOKEN_URL}\ntoken_endpoint: \"{{ .Values.tokenUrl }}\"\n", nil},
		{"cloudformation ref", "TokenUrl: !Ref TokenUrlParam\n", nil},
		{"cloudformation sub", "TokenUrl: !Sub \"https://api.${Domain}/oauth/token\"\n", nil},
		{"login host", "token_url: https://login.mypurecloud.com/oauth/token\n", nil},
		{"entra", "token_url: https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token\n", nil},
		{"scalar alias read under its key", "urls:\n  login: &u https://api.mypurecloud.com/oauth/token\ntoken_url: *u\n", []string{"token-host", "api."}},
		{"scalar alias said once", "a:\n  token_url: &u https://api.mypurecloud.com/oauth/token\nb:\n  token_url: *u\n", []string{"token-host", "api."}},
		{"scalar alias in a later document", "a:\n  login: &u https://api.mypurecloud.com/oauth/token\n---\ntoken_url: *u\n", []string{"token-host", "api."}},
		{"mapping alias not followed", "d: &d\n  x: https://api.mypurecloud.com/oauth/token\ne:\n  token_url: *d\n", nil},
		{"block scalar", "token_url: >-\n  https://api.mypurecloud.com/oauth/token\n", []string{"token-host", "api."}},
		{"CRLF", "auth:\r\n  token_url: https://api.mypurecloud.com/oauth/token\r\n", []string{"token-host", "api."}},
		{"BOM", "\xEF\xBB\xBFtoken_url: https://api.mypurecloud.com/oauth/token\n", []string{"token-host", "api."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFindings(t, "yaml", "c.yml", tt.src, tt.want) })
	}
}

func TestYAMLSettings(t *testing.T) {
	src := `spring:
  security:
    oauth2:
      client:
        registration:
          genesys:
            client-id: abc
            client-secret: "s3cr+t"
            authorization-grant-type: client_credentials
genesys:
  region: us-east-1
  environment: mypurecloud.com
`
	u, err := extractYAML("a.yml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[rules.SettingKind]string{
		rules.SettingClientID:     "abc",
		rules.SettingClientSecret: "s3cr+t",
		rules.SettingGrantType:    "client_credentials",
		rules.SettingRegion:       "us-east-1",
		rules.SettingEnvironment:  "mypurecloud.com",
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

func TestYAMLErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
	}{
		{"unclosed flow sequence", "token_url: x\nb: [\nc: d: e\n", 2},
		{"scanner error", "token_url: x\nc: d: e\n", 2},
		{"block mapping", "token_url:\n  - b\n c: d\n", 3},
		{"duplicate key", "auth:\n  token_url: a\n  token_url: b\n", 3},
		{"duplicate key in a path", "auth:\n  token:\n    url: a\n  token:\n    url: b\n", 4},
		{"deep flow nesting", "token: " + strings.Repeat("[", 1000000), 0}, // yaml.v3 names no line
		{"deep block nesting", "token:\n" + strings.Repeat("- ", 100000), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if e := configError(t, "yaml", "e.yml", tt.src); e.Line != tt.line {
				t.Errorf("error %v at line %d, want %d", e, e.Line, tt.line)
			}
		})
	}
}

// An alias bomb is read in time linear in its text: aliases are not
// expanded.
func TestYAMLAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	prev := "a"
	for _, k := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		b.WriteString(k + ": &" + k + " [" + strings.Repeat("*"+prev+",", 8) + "*" + prev + "]\n")
		prev = k
	}
	b.WriteString("token_url: *i\n")
	u, err := extractYAML("bomb.yml", []byte(b.String()))
	if err != nil || len(u.Requests) != 0 {
		t.Fatalf("unit %+v, err %v", u, err)
	}
}

// A duplicate of a key the key table does not read is not an error: both
// values are read.
func TestYAMLOtherDuplicateKey(t *testing.T) {
	src := "spec:\n  selector: a\n  selector: b\n  token_url: https://api.mypurecloud.com/oauth/token\n"
	checkFindings(t, "yaml", "k.yml", src, []string{"token-host", "api."})
}

func TestYAMLTemplateSkipped(t *testing.T) {
	src := "{{- if .Values.auth }}\ntoken_url: {{ .Values.tokenUrl }}\n{{- end }}\n"
	u, err := extractYAML("templates/cm.yaml", []byte(src))
	if err != nil || len(u.Requests) != 0 {
		t.Fatalf("unit %+v, err %v", u, err)
	}
}

// A {name, value} list item is the pair name = value, in YAML and JSON, and
// so is a NAME=value item of a compose environment list.
func TestNameValueEntries(t *testing.T) {
	yml := `spec:
  containers:
    - name: worker
      env:
        - name: GENESYS_TOKEN_URL
          value: https://api.mypurecloud.com/oauth/token
        - name: GENESYS_CLOUD_REGION
          value: us_east_1
`
	checkFindings(t, "yaml", "deploy.yml", yml, []string{"token-host", "api."})
	compose := `services:
  worker:
    image: sync
    environment:
      - GENESYS_CLOUD_REGION=us_east_1
      - "TOKEN_URL=https://login.mypurecloud.com/api/v2/oauth/token"
      - CLIENT_SECRET=${CLIENT_SECRET}
`
	checkFindings(t, "yaml", "compose.yml", compose, []string{"token-path", "/api/v2/oauth/token"})
	js := `{"containerDefinitions": [{"name": "worker", "environment": [
  {"name": "TOKEN_URL", "value": "https://login.mypurecloud.com/api/v2/oauth/token"}]}]}`
	checkFindings(t, "json", "task.json", js, []string{"token-path", "/api/v2/oauth/token"})
}

// TestYAMLOffsetsAfterEveryLineBreak: yaml.v3 ends a line at CR, NEL, LS
// and PS as at LF, so positions after one map to the right bytes
// (FuzzFrontEnds 64196f20d44d70e8: an Insomnia export with a lone CR put
// clientSecret past the end of the file).
func TestYAMLOffsetsAfterEveryLineBreak(t *testing.T) {
	for _, br := range []string{"\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029"} {
		src := "collection:" + br + "  - url: https://api.mypurecloud.com/oauth/token" + br +
			"    authentication:" + br + "      type: oauth2" + br + "      grantType: client_credentials" + br +
			"      accessTokenUrl: https://api.mypurecloud.com/oauth/token" + br + "      clientSecret: Kx7Qw9Zp3Lm2Rt" + br
		u, err := ByName("insomnia").Extract("insomnia.yaml", []byte(src))
		if err != nil {
			t.Fatalf("%q: %v", br, err)
		}
		if bad := verbatimMismatch(src, u); bad != "" {
			t.Errorf("break %q: %s", br, bad)
		}
		spans := rules.SecretSpans(u, nil)
		if len(spans) == 0 || src[spans[0].Start:spans[0].End] != "Kx7Qw9Zp3Lm2Rt" {
			t.Errorf("break %q: secret spans %v, want the clientSecret's", br, spans)
		}
	}
}

// TestYAMLErrorLinesAreFileLines: an error names the file's line (counted
// at LF), not yaml.v3's, which also counts CR, NEL, LS and PS
// (FuzzFrontEnds 564fa940db83859a: "\r0" as an Insomnia export was an
// error at line 2 of a 1-line file).
func TestYAMLErrorLinesAreFileLines(t *testing.T) {
	for _, c := range []struct {
		format, name, src string
		line              int
	}{
		{"insomnia", "insomnia.yaml", "\r0", 1},
		{"insomnia", "insomnia.yaml", "{\"0\"#000Client", 1}, // FuzzFrontEnds 6fd196c32e83bb94
		{"insomnia", "insomnia.yaml", "a\n", 1},
		{"insomnia", "insomnia.yaml", "a: 1\rb: 2\rc: [\n", 1},
		{"insomnia", "insomnia.yaml", "a: 1\u2028b: 2\nc: [\n", 2},
		{"yaml", "config.yaml", "x: 1\na: 1\r\nb: 2\rtoken_url: x\rtoken_url: y\n", 3},
	} {
		_, err := ByName(c.format).Extract(c.name, []byte(c.src))
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%q: error %v, want an *Error", c.src, err)
			continue
		}
		if e.Line != c.line {
			t.Errorf("%q: %v: line %d, want %d", c.src, err, e.Line, c.line)
		}
	}
}

// TestYAMLKeyGate: a YAML text is parsed when a key may be one the walk
// reads, however the key is written, and not when its keywords are all in
// values; a text that is not parsed holds nothing the walk would read.
func TestYAMLKeyGate(t *testing.T) {
	read := map[string]string{
		"block key":           "auth:\n  token_url: https://login.mypurecloud.com/oauth/token\n",
		"key after a colon":   "a: {b: c, token_url: https://login.mypurecloud.com/oauth/token}\n",
		"flow key, no colon":  "{token_url, token_url}\n", // a duplicate the walk reports
		"multi-line flow":     "{\n  token_url,\n  token_url\n}\n",
		"explicit key":        "? token_url\n: https://login.mypurecloud.com/oauth/token\n",
		"escaped key":         "\"\\x74oken_url\": https://login.mypurecloud.com/oauth/token\n",
		"name and value":      "spec:\n  - name: TOKEN_URL\n    value: https://login.mypurecloud.com/oauth/token\n",
		"compose environment": "services:\n  app:\n    environment:\n      - TOKEN_URL=https://login.mypurecloud.com/oauth/token\n",
		"Kelvin sign":         "to\u212Aen_url: https://login.mypurecloud.com/oauth/token\n", // tokenurl in Unicode
		"credential name":     "db:\n  password: hunter2hunter2\n",
		"endpoint in words":   "auth:\n  END_POINT: https://login.mypurecloud.com/oauth/token\n", // end|point is endpoint to the key table
		"endpoint in dashes":  "auth:\n  end-point: https://login.mypurecloud.com/oauth/token\n",
	}
	for name, src := range read {
		if !mentionsYAMLKey([]byte(src)) {
			t.Errorf("%s: not parsed", name)
		}
		u, err := readYAMLText("x.yaml", []byte(src))
		if err == nil && len(u.Requests)+len(u.Settings)+len(u.Secrets) == 0 {
			t.Errorf("%s: the walk reads nothing, so the case shows nothing", name)
		}
	}
	skipped := map[string]string{
		"redirects":        "redirects:\n  - from: /docs/guides/token-exchange/\n    to: /docs/guides/token/\n",
		"values only":      "steps:\n  - run: curl -d grant_type=client_credentials login.mypurecloud.com/oauth/token\n    title: Get a token with client credentials\n",
		"malformed values": "redirects:\n  - from: /docs/token\n    to: [\n", // not parsed, so not an error
	}
	for name, src := range skipped {
		if mentionsYAMLKey([]byte(src)) {
			t.Errorf("%s: parsed", name)
		}
		u, err := extractYAML("x.yaml", []byte(src))
		if err != nil || len(u.Requests)+len(u.Settings)+len(u.Secrets) > 0 {
			t.Errorf("%s: %v, %+v", name, err, u)
		}
		if name == "malformed values" {
			continue
		}
		if u, err := readYAMLText("x.yaml", []byte(src)); err != nil || len(u.Requests)+len(u.Settings)+len(u.Secrets) > 0 {
			t.Errorf("%s: parsed anyway, the walk would read %+v (%v)", name, u, err)
		}
	}
}
