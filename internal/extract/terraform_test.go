package extract

import (
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

func TestTerraformProvider(t *testing.T) {
	src := "provider \"genesyscloud\" {\n  oauthclient_id = \"abc\"\n  oauthclient_secret = var.secret\n  aws_region = \"ap-southeast-2\"\n}\n"
	u, err := extractTerraform("main.tf", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := map[rules.SettingKind]rules.Value{}
	for _, s := range u.Settings {
		got[s.Kind] = s.Value
	}
	if v := got[rules.SettingClientID]; v.Text != "abc" || src[v.Span().Start:v.Span().End] != "abc" {
		t.Errorf("client id %+v", v)
	}
	if v := got[rules.SettingClientSecret]; v.Known() || src[v.Span().Start:v.Span().End] != "var.secret" {
		t.Errorf("secret %+v", v)
	}
	if v := got[rules.SettingRegion]; v.Text != "ap-southeast-2" {
		t.Errorf("region %+v", v)
	}
}

func TestTerraformRequest(t *testing.T) {
	src := "data \"http\" \"t\" {\n  url = \"https://${var.host}/oauth/token\"\n  request_body = \"grant_type=client_credentials&client_id=a\\\"b&client_secret=${urlencode(var.s)}&x=${ var.y }\"\n}\n"
	u, err := extractTerraform("main.tf", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(u.Requests) != 1 {
		t.Fatalf("%d requests", len(u.Requests))
	}
	r := u.Requests[0]
	if r.Method.Text != "GET" || r.Method.Known() != true {
		t.Errorf("method %+v", r.Method)
	}
	if sp := r.URL.SpanOf(8, 9); src[sp.Start:sp.End] != "${var.host}" {
		t.Errorf("host span %q", src[sp.Start:sp.End])
	}
	b := r.Body
	if b == nil || b.Kind != rules.BodyForm {
		t.Fatalf("body %+v", b)
	}
	if f := b.Field("client_secret"); f == nil || f.Encoding != rules.EncodingFull {
		t.Errorf("urlencode() field %+v", f)
	}
	if f := b.Field("x"); f == nil || f.Encoding != rules.EncodingRaw || src[f.Value.Span().Start:f.Value.Span().End] != "${ var.y }" {
		t.Errorf("raw field %+v", f)
	}
	if f := b.Field("client_id"); f == nil || f.Value.Text != "a\"b" {
		t.Errorf("escaped field %+v", f)
	}
}

// TestTerraformStringBodies: a string request_body reads as every text
// body does (rules.ClassifyBody): JSON text carries its members, a stated
// type that is neither form nor JSON leaves the text raw, and a template
// alone is unknown.
func TestTerraformStringBodies(t *testing.T) {
	for _, tc := range []struct {
		name, headers, body string
		kind                rules.BodyKind
		grant               string
	}{
		{"JSON text", "", `"{\"grant_type\": \"client_credentials\"}"`, rules.BodyJSON, "client_credentials"},
		{"JSON under a form type", `"Content-Type" = "application/x-www-form-urlencoded"`, `"{\"grant_type\": \"password\"}"`, rules.BodyJSON, "password"},
		{"form under a JSON type", `"Content-Type" = "application/json; charset=utf-8"`, `"grant_type=client_credentials"`, rules.BodyForm, "client_credentials"},
		{"form", "", `"grant_type=client_credentials"`, rules.BodyForm, "client_credentials"},
		{"text type", `"Content-Type" = "text/plain"`, `"grant_type=client_credentials"`, rules.BodyRaw, ""},
		{"a template alone", "", `"${var.body}"`, rules.BodyRaw, ""},
	} {
		src := "data \"http\" \"t\" {\n  url = \"https://login.mypurecloud.com/oauth/token\"\n  request_headers = {\n    " + tc.headers + "\n  }\n  request_body = " + tc.body + "\n}\n"
		u, err := extractTerraform("main.tf", []byte(src))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		b := u.Requests[0].Body
		if b == nil || b.Kind != tc.kind {
			t.Errorf("%s: body %+v, want kind %v", tc.name, b, tc.kind)
			continue
		}
		if g := u.Requests[0].GrantType(); g.Text != tc.grant {
			t.Errorf("%s: grant %q, want %q", tc.name, g.Text, tc.grant)
		}
	}
}

func TestTerraformMalformed(t *testing.T) {
	for _, src := range []string{"data \"http\" \"x\" {\n  url = \n}\n", "provider {\n", "\x00\xff"} {
		_, err := extractTerraform("main.tf", []byte(src))
		if xe, ok := err.(*Error); !ok || xe.Line == 0 {
			t.Errorf("%q: error %v", src, err)
		}
	}
}

// TestTerraformCallArity: a string function called with the wrong number
// of arguments is not evaluated, and reading it does not panic
// (FuzzFrontEnds 51035804fbc87e1b: join() with none indexed Args[-1]).
func TestTerraformCallArity(t *testing.T) {
	for _, call := range []string{`join()`, `join(",")`, `join(",", ["a"], ["b"])`, `format()`, `replace()`} {
		src := "data \"http\" \"t\" {\n  url = \"https://login.mypurecloud.com/oauth/token\"\n  request_body = " + call + "\n}\n"
		u, err := extractTerraform("main.tf", []byte(src))
		if err != nil {
			t.Fatalf("%s: %v", call, err)
		}
		if b := u.Requests[0].Body; b != nil && b.Kind != rules.BodyRaw {
			t.Errorf("%s: body %+v, want none or raw", call, b)
		}
	}
}

// TestTerraformVariableKey: a variable's key is its name, written as a
// quoted label or a bare one (variable api_host {...}), as tfvars and
// var.NAME write it.
func TestTerraformVariableKey(t *testing.T) {
	for _, label := range []string{`"api_host"`, `api_host`} {
		src := "variable " + label + " {\n  default = \"mypurecloud.ie\"\n}\n"
		u, err := extractTerraform("variables.tf", []byte(src))
		if err != nil {
			t.Fatalf("%s: %v", label, err)
		}
		if len(u.Settings) != 1 || u.Settings[0].Key.Text != "api_host" {
			t.Errorf("%s: settings %+v, want one keyed api_host", label, u.Settings)
		}
	}
}

// HCL keeps a body's attributes in a map; the settings come out in the
// order the file writes them, every time.
func TestTerraformSettingsInFileOrder(t *testing.T) {
	src := "provider \"genesyscloud\" {\n  oauthclient_id = \"abc\"\n  oauthclient_secret = var.secret\n  aws_region = \"ap-southeast-2\"\n}\nlocals {\n  a_region = \"us-east-1\"\n  b_client_id = \"x\"\n  c_token_url = \"https://login.mypurecloud.com/oauth/token\"\n}\n"
	for range 20 {
		u := mustExtract(t, "main.tf", src)
		for i := 1; i < len(u.Settings); i++ {
			if a, b := u.Settings[i-1].Key.Span().Start, u.Settings[i].Key.Span().Start; a > b {
				t.Fatalf("setting %d at %d comes before setting %d at %d", i-1, a, i, b)
			}
		}
	}
}
