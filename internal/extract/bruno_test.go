package extract

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBrunoRequests(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "disabled header and field are skipped, the enabled ones kept",
			src:  "post {\n  url: https://login.mypurecloud.com/oauth/token\n  body: text\n}\n\nheaders {\n  ~content-type: application/x-www-form-urlencoded\n  content-type: application/json\n}\n\nbody:text {\n  grant_type=client_credentials\n}\n",
			want: []string{"json-token-request@8:17 application/json"},
		},
		{
			name: "multi-line value and vars:pre-request resolved at the use site",
			src:  "vars:pre-request {\n  host: api.mypurecloud.com\n}\n\nget {\n  url: https://{{host}}/api/v2/users/me\n  auth: oauth2\n}\n\nauth:oauth2 {\n  grant_type: client_credentials\n  access_token_url: '''\n    https://{{host}}/oauth/token\n  '''\n}\n",
			want: []string{"token-host@13:13 {{host}}", "user-scoped-api@6:24 /api/v2/users/me"},
		},
		{
			name: "a user grant keeps users/me quiet",
			src:  "get {\n  url: https://api.mypurecloud.com/api/v2/users/me\n  auth: oauth2\n}\n\nauth:oauth2 {\n  grant_type: authorization_code\n  access_token_url: https://login.mypurecloud.com/oauth/token\n}\n",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := extractBruno("req.bru", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			wantFindings(t, u, []byte(tt.src), tt.want)
		})
	}
}

func TestBrunoMalformed(t *testing.T) {
	for _, tt := range []struct {
		src  string
		line int
	}{
		{"meta {\n  name: x\n\nget {\n  url: https://x\n", 1},
		{"get {\n  url: https://x\n}\nstray text\n", 4},
		{"headers {\n  no colon here\n}\n", 2},
		{"auth:oauth2 {\n  access_token_url: '''\n    https://x\n}\n", 2},
		{"a\x00b", 0},
	} {
		_, err := extractBruno("x.bru", []byte(tt.src))
		var xe *Error
		if !errors.As(err, &xe) || xe.Line != tt.line {
			t.Errorf("%q: got %v, want an *Error at line %d", tt.src, err, tt.line)
		}
	}
}

// TestBrunoInheritance checks that a request with auth: inherit takes the
// grant of collection.bru beside it, and that {{variables}} resolve from
// the collection's environments.
func TestBrunoInheritance(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("bruno.json", `{"version": "1", "name": "g", "type": "collection"}`)
	write("collection.bru", "auth {\n  mode: oauth2\n}\n\nauth:oauth2 {\n  grant_type: client_credentials\n  access_token_url: https://login.mypurecloud.com/oauth/token\n}\n")
	write("environments/Prod.bru", "vars {\n  baseUrl: https://api.mypurecloud.com\n}\nvars:secret [\n  clientSecret\n]\n")
	src := "get {\n  url: {{baseUrl}}/api/v2/users/me\n  auth: inherit\n}\n"
	u, err := extractBruno(filepath.ToSlash(filepath.Join(dir, "me.bru")), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := unitFindings(t, u, []byte(src))
	if want := "user-scoped-api@2:19 /api/v2/users/me"; strings.Join(got, "\n") != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestBrunoBlockNameInError: a block name of Bruno's grammar (body:json,
// script:pre-request) is printed in an error, as meta and post are; a
// name that is not (it may be a pasted secret) is masked.
func TestBrunoBlockNameInError(t *testing.T) {
	for src, want := range map[string]string{
		"body:json {\n  {\"a\": 1}\n":       `block "body:json" is not closed`,
		"script:pre-request {\n  x = 1\n":   `block "script:pre-request" is not closed`,
		"script:post-response {\n  x = 1\n": `block "script:post-response" is not closed`,
		"Kx7Qw9zZ:Rt5 {\n  a: b\n":          `block "Kx**********" is not closed`,
	} {
		_, err := extractBruno("x.bru", []byte(src))
		var xe *Error
		if !errors.As(err, &xe) || !strings.HasPrefix(xe.Msg, want) {
			t.Errorf("%q: error %v, want one starting %s", src, err, want)
		}
	}
}
