package extract

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

// unitFindings runs the five core rules over a unit and lists "rule@line:col" with the
// flagged text, in order.
func unitFindings(t *testing.T, u *rules.Unit, src []byte) []string {
	t.Helper()
	li := rules.NewLineIndex(src)
	var out []string
	opts := &rules.Options{}
	for _, id := range []string{"token-host", "token-path", "json-token-request", "unencoded-secret", "user-scoped-api"} {
		opts.Rules = append(opts.Rules, rules.Lookup(id))
	}
	for _, f := range rules.Run(u, opts) {
		line, col := li.Position(f.Span.Start)
		out = append(out, fmt.Sprintf("%s@%d:%d %s", f.Rule, line, col, src[f.Span.Start:f.Span.End]))
	}
	sort.Strings(out)
	return out
}

// wantFindings checks the five core rules' findings on a unit.
func wantFindings(t *testing.T, u *rules.Unit, src []byte, want []string) {
	t.Helper()
	got := unitFindings(t, u, src)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestPostmanRequests(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "oauth2 helper at collection level, inherited by a users/me call",
			src: `{"info": {"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
"item": [{"name": "me", "request": {"method": "GET", "url": "{{baseUrl}}/api/v2/users/me"}}],
"auth": {"type": "oauth2", "oauth2": [
  {"key": "grant_type", "value": "client_credentials"},
  {"key": "accessTokenUrl", "value": "https://api.mypurecloud.com/oauth/token"}]}}`,
			want: []string{"token-host@5:47 api.mypurecloud.com", "user-scoped-api@2:73 /api/v2/users/me"},
		},
		{
			name: "v2.0 auth object, collection variable resolved at the use site",
			src: `{"item": [{"request": {"url": "https://login.x.com/", "auth": {"type": "oauth2",
  "oauth2": {"grant_type": "client_credentials", "accessTokenUrl": "https://{{host}}/api/v2/oauth/token"}}}}],
 "variable": [{"key": "host", "value": "login.mypurecloud.com"}]}`,
			want: []string{"token-path@2:85 /api/v2/oauth/token"},
		},
		{
			name: "URL rebuilt from parts when raw is missing",
			src: `{"item": [{"request": {"method": "POST",
  "body": {"mode": "urlencoded", "urlencoded": [{"key": "grant_type", "value": "client_credentials"}]},
  "url": {"protocol": "https", "host": ["api", "mypurecloud", "com"], "path": ["oauth", "token"]}}}]}`,
			want: []string{"token-host@3:42 api\", \"mypurecloud\", \"com"},
		},
		{
			name: "escaped JSON string keeps exact positions after the escape",
			src: `{"item": [{"request": {"method": "POST", "header": [{"key": "Content-Type", "value": "application/x-www-form-urlencoded"}],
  "body": {"mode": "raw", "raw": "grant_type=client_credentials&note=\"x\"&client_secret=a b"},
  "url": "https://login.mypurecloud.com/oauth/token"}}]}`,
			want: []string{"unencoded-secret@2:91  "},
		},
		{
			name: "disabled header and field, noauth, inherit",
			src: `{"item": [{"request": {"method": "POST", "auth": {"type": "inherit"},
  "header": [{"key": "Content-Type", "value": "application/json", "disabled": true}],
  "body": {"mode": "urlencoded", "urlencoded": [{"key": "grant_type", "value": "client_credentials"},
    {"key": "client_secret", "value": "a+b", "disabled": true}]},
  "url": "https://login.mypurecloud.com/oauth/token"}}],
 "auth": {"type": "noauth"}}`,
			want: nil,
		},
		{
			name: "helper without a grant type: the user-only rule stays quiet",
			src: `{"item": [{"request": {"url": "https://api.mypurecloud.com/api/v2/users/me"}}],
 "auth": {"type": "oauth2", "oauth2": [{"key": "accessTokenUrl", "value": "https://login.mypurecloud.com/oauth/token"}]}}`,
			want: nil,
		},
		{
			name: "escaped slashes and a surrogate pair (which yaml.v3 rejects) keep exact positions",
			src: `{"info": {"name": "\ud83d\ude80 Genesys"}, "item": [{"request": {"method": "POST",
  "body": {"mode": "urlencoded", "urlencoded": [{"key": "grant_type", "value": "client_credentials"}]},
  "url": "https:\/\/api.mypurecloud.com\/oauth\/token"}}]}`,
			want: []string{"token-host@3:21 api.mypurecloud.com"},
		},
		{
			name: "request as a bare URL string",
			src: `{"item": [{"request": "https://api.mypurecloud.com/api/v2/users/me"}],
 "auth": {"type": "oauth2", "oauth2": [{"key": "grant_type", "value": "client_credentials"},
   {"key": "accessTokenUrl", "value": "https://login.mypurecloud.com/oauth/token"}]}}`,
			want: []string{"user-scoped-api@1:51 /api/v2/users/me"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := extractPostman("c.postman_collection.json", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			wantFindings(t, u, []byte(tt.src), tt.want)
		})
	}
}

func TestPostmanMalformed(t *testing.T) {
	for _, src := range []string{
		"{\"item\": [\n{\"request\": }\n]}",
		"[1, 2]",
		"{\"a\": \"\xff\xfe\"}",
		strings.Repeat("[", 20000),
	} {
		_, err := extractPostman("c.json", []byte(src))
		if _, ok := errors.AsType[*Error](err); !ok {
			t.Errorf("%.30q: got %v, want *Error", src, err)
		}
	}
	if _, err := extractPostman("c.json", []byte("{\"item\": [\n{\"request\": }\n]}")); err == nil || !strings.Contains(err.Error(), ":2:") {
		t.Errorf("error %v does not name line 2", err)
	}
}

// TestPostmanNumberBeyondFloat64 checks that a number float64 cannot hold,
// valid JSON, does not make a collection unreadable.
func TestPostmanNumberBeyondFloat64(t *testing.T) {
	src := `{"n": 1e999, "item": [{"request": {"method": "POST", "url": "https://api.mypurecloud.com/oauth/token"}}]}`
	u, err := extractPostman("c.json", []byte(src))
	if err != nil || len(u.Requests) != 1 {
		t.Fatalf("got %v, %v; want one request", u, err)
	}
}

// TestPostmanEnvironments checks that variables resolve from the
// environment files beside the collection, that environments win over the
// collection, and that environments that disagree leave a variable unknown.
func TestPostmanEnvironments(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := func(vals string) string {
		return `{"name": "e", "values": [` + vals + `], "_postman_variable_scope": "environment"}`
	}
	write("dev.postman_environment.json", env(`{"key": "host", "value": "api.mypurecloud.com", "enabled": true},
		{"key": "region", "value": "mypurecloud.com"}, {"key": "off", "value": "api.mypurecloud.com", "enabled": false}`))
	write("prod.postman_environment.json", env(`{"key": "host", "value": "api.mypurecloud.com"}, {"key": "region", "value": "mypurecloud.ie"}`))
	write("x.postman_globals.json", `{"values": [{"key": "g", "value": "api.mypurecloud.com"}], "_postman_variable_scope": "globals"}`)
	src := `{"item": [
 {"request": {"method": "POST", "url": "https://{{host}}/oauth/token", "body": {"mode": "urlencoded", "urlencoded": [{"key": "grant_type", "value": "client_credentials"}]}}},
 {"request": {"method": "POST", "url": "https://api.{{region}}/oauth/token"}},
 {"request": {"method": "POST", "url": "https://{{off}}/oauth/token"}},
 {"request": {"method": "POST", "url": "https://{{g}}/oauth/token"}},
 {"request": {"method": "POST", "url": "https://{{coll}}/oauth/token"}}],
 "variable": [{"key": "host", "value": "login.mypurecloud.com"}, {"key": "coll", "value": "api.mypurecloud.de"}]}`
	file := filepath.ToSlash(filepath.Join(dir, "c.postman_collection.json"))
	u, err := extractPostman(file, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := unitFindings(t, u, []byte(src))
	want := []string{
		"token-host@2:49 {{host}}",
		"token-host@5:49 {{g}}",
		"token-host@6:49 {{coll}}",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestPostmanEnvironmentFile(t *testing.T) {
	src := `{"name": "prod", "values": [
  {"key": "client_secret", "value": "s3cr3t+value", "enabled": true},
  {"key": "apiKey", "value": "k-123", "type": "secret"},
  {"key": "region", "value": "eu-west-1"},
  {"key": "tokenUrl", "value": "https://api.mypurecloud.com/oauth/token"}],
 "_postman_variable_scope": "environment"}`
	u, err := extractPostmanEnv("prod.postman_environment.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(u.Requests) != 0 {
		t.Errorf("environment made %d requests; URL variables are linted where used", len(u.Requests))
	}
	secrets := map[string]bool{}
	for _, sp := range rules.SecretSpans(u, nil) {
		secrets[src[sp.Start:sp.End]] = true
	}
	if len(secrets) != 2 || !secrets["k-123"] || !secrets["s3cr3t+value"] {
		t.Errorf("secrets %v, want the client secret and the secret-typed value", secrets)
	}
}

func TestPostmanMatch(t *testing.T) {
	tests := []struct {
		name, head string
		coll, env  bool
	}{
		{"a/x.postman_collection.json", "", true, false},
		{"x.json", `{"info": {"_postman_id": "1", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}}`, true, false},
		{"x.json", `{"compilerOptions": {}}`, false, false},
		{"dev.postman_environment.json", "", false, true},
		{"env.json", `{"id": "1", "values": [], "_postman_variable_scope": "environment"}`, false, true},
	}
	for _, tt := range tests {
		head := []byte(tt.head)
		if tt.head == "" {
			head = []byte("{}")
		}
		if got := matchPostman(newFileName(tt.name), head); got != tt.coll {
			t.Errorf("matchPostman(%s) = %v", tt.name, got)
		}
		if got := matchPostmanEnv(newFileName(tt.name), head); got != tt.env {
			t.Errorf("matchPostmanEnv(%s) = %v", tt.name, got)
		}
	}
}

// TestPostmanStoredAccessToken checks that the helper's stored access
// token (an issued token, often committed by accident) is redacted but not
// judged as a client secret.
func TestPostmanStoredAccessToken(t *testing.T) {
	src := `{"item": [{"request": {"url": "https://api.example.com/v1/items"}}],
 "auth": {"type": "oauth2", "oauth2": {"accessToken": "oauth2_0-access-token-Zq81xW", "addTokenTo": "header"}}}`
	u, err := extractPostman("c.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rules.Run(u, nil) {
		t.Errorf("unexpected %s: %s", f.Rule, f.Message)
	}
	redacted := false
	for _, sp := range rules.SecretSpans(u, nil) {
		redacted = redacted || src[sp.Start:sp.End] == "oauth2_0-access-token-Zq81xW"
	}
	if !redacted {
		t.Error("the stored access token is not redacted")
	}
}

// TestPostmanItemsStreamed checks that reading a collection's items one at
// a time (a large collection) gives the unit that reading its whole tree
// gives: on every collection fixture and on layouts that move positions
// (one line, characters of several bytes before and after the list, CR LF
// and lone CR line ends, escapes rewritten for yaml.v3, nested folders).
func TestPostmanItemsStreamed(t *testing.T) {
	srcs := map[string]string{
		"one line": `{"info":{"name":"é"},"item":[{"name":"ü","request":{"method":"POST","url":"https://api.mypurecloud.com/oauth/token","body":{"mode":"raw","raw":"{\"grant_type\":\"client_credentials\"}"}}},{"name":"b","request":"https://api.mypurecloud.com/api/v2/users/me"}],"auth":{"type":"basic","basic":[{"key":"password","value":"s3cr€t"}]},"variable":[{"key":"x","value":"ÿ"}]}`,
		"lines":    "{\r\n \"item\": [\r\n  {\"name\": \"a\",\r\n   \"request\": {\"method\": \"POST\", \"url\": \"https:\\/\\/api.mypurecloud.com\\/oauth\\/token\"}},\r\n  {\"item\": [ {\"request\": {\"url\": \"https://api.mypurecloud.com/oauth/token\", \"auth\": {\"type\": \"oauth2\", \"oauth2\": [{\"key\": \"accessTokenUrl\", \"value\": \"https://api.mypurecloud.com/oauth/token\"}]}}} ]}\r\n ],\r\n \"auth\": {\"type\": \"bearer\", \"bearer\": {\"token\": \"\\uD83D\\uDE00tok\"}}\r\n}\r\n",
		"lone CR":  "{\r\"item\":\r[{\"request\":\r{\"url\":\"https://api.mypurecloud.com/oauth/token\"}}]}",
		"empty":    `{"item": []}`,
		"twice":    `{"item": [{"request": "https://api.mypurecloud.com/oauth/token"}], "item": [{"request": "https://login.mypurecloud.com/oauth/token"}]}`,
		"object":   `{"item": {"request": "https://api.mypurecloud.com/oauth/token"}}`,
		"scalars":  `{"item": [1, "x", null, [], {"request": "https://api.mypurecloud.com/oauth/token"}]}`,
	}
	err := filepath.WalkDir("../../testdata", func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".postman_collection.json") {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			srcs[p] = string(b)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	defer func(n int) { listFrom = n }(listFrom)
	for name, src := range srcs {
		listFrom = 1 << 62
		whole, werr := extractPostman("c.postman_collection.json", []byte(src))
		listFrom = 0
		streamed, serr := extractPostman("c.postman_collection.json", []byte(src))
		if (werr == nil) != (serr == nil) || werr != nil && werr.Error() != serr.Error() {
			t.Errorf("%s: errors differ: whole %v, streamed %v", name, werr, serr)
			continue
		}
		if !reflect.DeepEqual(whole, streamed) {
			t.Errorf("%s: the streamed unit differs from the whole one:\nwhole    %+v\nstreamed %+v", name, whole, streamed)
		}
		if werr == nil && len(whole.Requests) == 0 && !strings.Contains(name, "empty") && !strings.Contains(name, "object") {
			t.Errorf("%s: no requests read", name)
		}
	}
}
