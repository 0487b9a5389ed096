package extract

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

// findingsOf extracts src as file and runs the five core rules (rules
// added later have their own tests), returning "rule@line:col" per finding.
func findingsOf(t *testing.T, file, src string) []string {
	t.Helper()
	f := Detect(file, []byte(src))
	if f == nil {
		t.Fatalf("%s: no format", file)
	}
	u, err := f.Extract(file, []byte(src))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	li := rules.NewLineIndex([]byte(src))
	var out []string
	var core []*rules.Rule
	for _, id := range []string{"token-host", "token-path", "json-token-request", "unencoded-secret", "user-scoped-api"} {
		core = append(core, rules.Lookup(id))
	}
	for _, fd := range rules.Run(u, &rules.Options{Rules: core}) {
		line, col := li.Position(fd.Span.Start)
		out = append(out, fmt.Sprintf("%s@%d:%d", fd.Rule, line, col))
	}
	return out
}

// at is the 1-based line:col of the first occurrence of sub in src, offset
// by skip bytes into sub.
func at(src, sub string, skip int) string {
	i := strings.Index(src, sub)
	if i < 0 {
		return "missing " + sub
	}
	line, col := rules.NewLineIndex([]byte(src)).Position(i + skip)
	return fmt.Sprintf("%d:%d", line, col)
}

// pos is the line:col where a value starts.
func pos(src string, v rules.Value) string {
	line, col := rules.NewLineIndex([]byte(src)).Position(v.Span().Start)
	return fmt.Sprintf("%d:%d", line, col)
}

func mustExtract(t *testing.T, file, src string) *rules.Unit {
	t.Helper()
	u, err := Detect(file, []byte(src)).Extract(file, []byte(src))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return u
}

func TestHTTPMatch(t *testing.T) {
	for name, want := range map[string]bool{
		"a/token.http": true, "b/API.REST": true, "x.http.md": false, "http": false, "rest.go": false,
	} {
		f := Detect(name, nil)
		if got := f != nil && f.Name == "http"; got != want {
			t.Errorf("Detect(%q) is http = %v, want %v", name, got, want)
		}
	}
}

func TestHTTPRequests(t *testing.T) {
	src := "@host = login.mypurecloud.com\n" +
		"@base = https://{{host}}\n" +
		"### token\n" +
		"# @name token\n" +
		"POST {{base}}/oauth/token HTTP/1.1\r\n" +
		"Content-Type: application/x-www-form-urlencoded\r\n" +
		"Authorization: Basic {{id}}:{{secret}}\r\n" +
		"\r\n" +
		"grant_type=client_credentials\n" +
		"&scope=a b\n" +
		"\n" +
		"> {%\n client.global.set(\"t\", response.body.access_token)\n%}\n" +
		"###\n" +
		"https://api.mypurecloud.com/api/v2/users\n" +
		"    ?pageSize=25\n" +
		"    &pageNumber=2\n" +
		"Authorization: Bearer {{token.response.body.access_token}}\n"
	u := mustExtract(t, "a.http", src)
	if len(u.Requests) != 2 {
		t.Fatalf("got %d requests, want 2", len(u.Requests))
	}
	tok, api := u.Requests[0], u.Requests[1]
	if tok.Method.Text != "POST" || pos(src, tok.Method) != "5:1" {
		t.Errorf("method %q at %s", tok.Method.Text, pos(src, tok.Method))
	}
	if tok.URL.Text != "https://login.mypurecloud.com/oauth/token" || !tok.URL.Known() {
		t.Errorf("URL %q known=%v", tok.URL.Text, tok.URL.Known())
	}
	pu := rules.ParseURL(tok.URL)
	// The host comes from @host on line 1, the path from the request line.
	if got := pos(src, pu.Host); got != "1:9" {
		t.Errorf("host at %s, want 1:9", got)
	}
	if got, want := pos(src, pu.Path), at(src, "/oauth/token", 0); got != want {
		t.Errorf("path at %s, want %s", got, want)
	}
	if tok.Body == nil || tok.Body.Kind != rules.BodyForm {
		t.Fatalf("body %+v, want a form", tok.Body)
	}
	// REST Client joins "&" lines without a line break.
	if got := tok.Body.Raw.Text; got != "grant_type=client_credentials&scope=a b" {
		t.Errorf("form body %q", got)
	}
	if f := tok.Body.Field("scope"); f == nil || pos(src, f.Value) != at(src, "a b", 0) {
		t.Errorf("scope field %+v", f)
	}
	if g := tok.GrantType(); g.Text != "client_credentials" {
		t.Errorf("grant %q", g.Text)
	}
	if tok.AuthKind() != rules.AuthBasic || !tok.Auth.User.HasDynamic() || !tok.Auth.Secret.HasDynamic() {
		t.Errorf("auth %+v", tok.Auth)
	}
	if api.Method.Text != "GET" || api.Method.Span().End != api.Method.Span().Start {
		t.Errorf("default method %+v", api.Method)
	}
	if want := "https://api.mypurecloud.com/api/v2/users?pageSize=25&pageNumber=2"; api.URL.Text != want {
		t.Errorf("continued URL %q, want %q", api.URL.Text, want)
	}
	if got := pos(src, rules.ParseURL(api.URL).Query.Slice(0, 1)); got != at(src, "?pageSize", 1) {
		t.Errorf("query at %s", got)
	}
	if api.AuthKind() != rules.AuthBearer || api.Auth.Secret.Known() {
		t.Errorf("bearer %+v", api.Auth)
	}
	if api.Body != nil {
		t.Errorf("GET has body %q", api.Body.Raw.Text)
	}
}

func TestHTTPHostHeader(t *testing.T) {
	src := "POST /api/v2/oauth/token HTTP/1.1\nHost: login.mypurecloud.com\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n"
	r := mustExtract(t, "h.http", src).Requests[0]
	if r.URL.Text != "login.mypurecloud.com/api/v2/oauth/token" {
		t.Fatalf("URL %q", r.URL.Text)
	}
	got := findingsOf(t, "h.http", src)
	if want := "token-path@" + at(src, "/api/v2", 0); len(got) != 1 || got[0] != want {
		t.Errorf("got %v, want [%s]", got, want)
	}
}

func TestHTTPSharedVariable(t *testing.T) {
	src := "@host = api.mypurecloud.com\n@login = api.mypurecloud.com\n\n" +
		"POST https://{{host}}/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n\n" +
		"###\nGET https://{{host}}/api/v2/users\n\n" +
		"###\nPOST https://{{login}}/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n"
	u := mustExtract(t, "v.http", src)
	var fixes []bool
	for _, f := range rules.Run(u, &rules.Options{Rules: []*rules.Rule{rules.TokenHost}}) {
		fixes = append(fixes, f.Fix != nil)
	}
	// {{host}} also serves the API call: no edit; {{login}} is used once.
	if fmt.Sprint(fixes) != "[false true]" {
		t.Errorf("token-host fixes %v, want [false true]", fixes)
	}
}

// TestTemplatedLine checks that the linear wrapper finds the same dynamic
// bytes as Templated.
func TestTemplatedLine(t *testing.T) {
	for _, syn := range []Syntax{Mustache, DollarVar} {
		for _, s := range []string{
			"", "plain", "a{{b}}c", "{{a}}{{", "{{{{x}}", "x}}{{y", "$A/b", "${A}/$B", "${A", "$(a)$B${", "a}$B", "${A}x${", "$($(x)", "{{a}} $B ${C} $(d) {{",
		} {
			want, got := Templated("f", s, 3, syn), templatedLine("f", s, 3, syn)
			for i := 0; i < len(s); i++ {
				if want.DynamicAt(i) != got.DynamicAt(i) || want.SpanOf(i, i+1) != got.SpanOf(i, i+1) {
					t.Errorf("syntax %d, %q: byte %d differs (dynamic %v/%v)", syn, s, i, want.DynamicAt(i), got.DynamicAt(i))
					break
				}
			}
			if got.Text != s {
				t.Errorf("syntax %d, %q: text %q", syn, s, got.Text)
			}
		}
	}
}

func TestHTTPPlaceholders(t *testing.T) {
	tests := []struct {
		text    string
		dynamic bool
	}{
		{"{{secret}}", true},
		{"{{ secret }}", true},
		{"{{$dotenv CLIENT_SECRET}}", true},
		{"{{$processEnv %SECRET}}", true},
		{"{{%secret}}", true},
		{"{{later}}", true}, // defined after use: unknown here
		{"{{lit}}", false},  // defined above as a literal
		{"{{part}}", true},  // defined above with a placeholder in it
		{"plain", false},
	}
	for _, tt := range tests {
		src := "@lit = abc\n@part = x{{y}}\n\nPOST https://login.mypurecloud.com/oauth/token\n" +
			"Content-Type: application/x-www-form-urlencoded\n\nclient_secret=" + tt.text + "\n\n@later = z\n"
		u := mustExtract(t, "p.http", src)
		f := u.Requests[0].Body.Field("client_secret")
		if f == nil {
			t.Fatalf("%s: no client_secret field", tt.text)
		}
		if f.Value.HasDynamic() != tt.dynamic {
			t.Errorf("%s: dynamic = %v, want %v (value %q)", tt.text, f.Value.HasDynamic(), tt.dynamic, f.Value.Text)
		}
	}
}

func TestHTTPAuthorization(t *testing.T) {
	tests := []struct {
		header       string
		kind         rules.AuthKind
		user, secret string
	}{
		{"Basic abc:de+f", rules.AuthBasic, "abc", "de+f"},
		{"Basic abc de+f", rules.AuthBasic, "abc", "de+f"},
		{"Basic YWJjOmRlK2Y=", rules.AuthBasic, "abc", "de+f"},
		{"basic {{b64}}", rules.AuthBasic, "", "{{b64}}"},
		{"Bearer eyJ0", rules.AuthBearer, "", "eyJ0"},
		{"Digest x", rules.AuthNone, "", ""},
	}
	for _, tt := range tests {
		src := "GET https://api.mypurecloud.com/api/v2/users\nAuthorization: " + tt.header + "\n"
		a := mustExtract(t, "a.rest", src).Requests[0].Auth
		if a == nil {
			a = &rules.Auth{}
		}
		if a.Kind != tt.kind || a.User.Text != tt.user || a.Secret.Text != tt.secret {
			t.Errorf("%s: got kind %d user %q secret %q", tt.header, a.Kind, a.User.Text, a.Secret.Text)
		}
	}
}

func TestHTTPBodies(t *testing.T) {
	tests := []struct {
		name, headers, body string
		kind                rules.BodyKind
		field, value        string // a field the body must have
	}{
		{"json by type", "Content-Type: application/json; charset=utf-8\n", `{"grant_type": "client_credentials", "n": 1}`, rules.BodyJSON, "grant_type", "client_credentials"},
		{"json by text", "", "{\n  \"client_id\": \"a\\u0062c\",\n  \"scope\": {{scope}}\n}", rules.BodyJSON, "client_id", "abc"},
		{"form by text", "", "grant_type=client_credentials", rules.BodyForm, "grant_type", "client_credentials"},
		{"form under json type", "Content-Type: application/json\n", "grant_type=client_credentials&client_secret=a+b", rules.BodyForm, "client_secret", "a+b"},
		{"text", "Content-Type: text/plain\n", "hello=world", rules.BodyRaw, "", ""},
		{"include", "Content-Type: application/x-www-form-urlencoded\n", "< ./body.txt", rules.BodyForm, "", ""},
		{"xml is not an include", "Content-Type: text/xml\n", "<soap:Envelope/>", rules.BodyRaw, "", ""},
		{"comments skipped", "Content-Type: application/x-www-form-urlencoded\n", "# a note\ngrant_type=password\n// another", rules.BodyForm, "grant_type", "password"},
	}
	for _, tt := range tests {
		src := "POST https://login.mypurecloud.com/oauth/token\n" + tt.headers + "\n" + tt.body + "\n"
		r := mustExtract(t, "b.http", src).Requests[0]
		if r.Body == nil || r.Body.Kind != tt.kind {
			t.Errorf("%s: body %+v, want kind %d", tt.name, r.Body, tt.kind)
			continue
		}
		if tt.field == "" {
			continue
		}
		f := r.Body.Field(tt.field)
		if f == nil || f.Value.Text != tt.value {
			t.Errorf("%s: field %s = %+v, want %q", tt.name, tt.field, f, tt.value)
		}
	}
}

func TestHTTPFindings(t *testing.T) {
	scenario := "### the issue's request\n" +
		"POST https://api.us.genesys.cloud/oauth/token\n" +
		"Content-Type: application/json\n" +
		"\n" +
		"grant_type=client_credentials&client_id=abc123&client_secret=abc+def\n"
	got := findingsOf(t, "s.http", scenario)
	want := []string{
		"token-host@" + at(scenario, "api.us.genesys.cloud", 0),
		"json-token-request@" + at(scenario, "application/json", 0),
		"unencoded-secret@" + at(scenario, "abc+def", 3),
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("scenario: got %v, want %v", got, want)
	}

	multi := "POST https://login.mypurecloud.com/oauth/token\n" +
		"Content-Type: application/x-www-form-urlencoded\n\n" +
		"grant_type=client_credentials\n&client_id={{clientId}}\n&client_secret=Ab+c/d==\n"
	got = findingsOf(t, "m.http", multi)
	if want := "unencoded-secret@" + at(multi, "Ab+c", 2); len(got) != 1 || got[0] != want {
		t.Errorf("multi-line form: got %v, want [%s]", got, want)
	}

	encoded := "POST https://login.mypurecloud.com/oauth/token\n" +
		"Content-Type: application/x-www-form-urlencoded\n\n" +
		"grant_type=client_credentials&client_secret={{%secret}}\n"
	if got := findingsOf(t, "e.http", encoded); len(got) != 0 {
		t.Errorf("{{%%secret}} is encoded by REST Client, got %v", got)
	}
}

func TestHTTPMalformed(t *testing.T) {
	src := "POST https://login.mypurecloud.com/oauth/token\n\ngrant_type=client_credentials\n\n> {%\n  client.global.set('x', 1)\n"
	_, err := extractHTTP("h.http", []byte(src))
	var e *Error
	if !errors.As(err, &e) || e.Line != 5 || e.File != "h.http" {
		t.Errorf("unclosed handler: got %v, want h.http:5", err)
	}
	if _, err := extractHTTP("bin.http", []byte("GET /\x00\x01")); !errors.As(err, &e) {
		t.Errorf("NUL byte: got %v, want *Error", err)
	}
}

// TestHTTPValuesStartWhereTheirTextDoes: a header, variable, URL
// continuation or body line whose blanks include CR, VT, FF or a Unicode
// space starts its value at its text (FuzzFrontEnds 982ec2785ca3ce2c:
// "0\n:\r0" read "0" at the CR).
func TestHTTPValuesStartWhereTheirTextDoes(t *testing.T) {
	for _, src := range []string{
		"0\n:\r0",
		"@host = \vlogin.mypurecloud.com\nPOST https://{{host}}/oauth/token\nX-A:\f\u00a0v\n\n\r grant_type=client_credentials\n",
		"GET https://login.mypurecloud.com/oauth/token\n\u00a0?a=1\n",
	} {
		u, err := ByName("http").Extract("token.http", []byte(src))
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if bad := verbatimMismatch(src, u); bad != "" {
			t.Errorf("%q: %s", src, bad)
		}
	}
}
