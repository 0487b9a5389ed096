package extract

import (
	"errors"
	"math/rand"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

func TestEnvMatch(t *testing.T) {
	for name, want := range map[string]bool{
		".env": true, "app/.env.local": true, ".env.example": true, "prod.env": true, "x/.ENV": true,
		".envrc": false, ".env.json": false, ".env.js": false, "env": false, "environment.go": false,
	} {
		f := Detect(name, nil)
		if got := f != nil && f.Name == "env"; got != want {
			t.Errorf("Detect(%q) is env = %v, want %v", name, got, want)
		}
	}
}

// settingsOf maps each setting's key to "kind=value@line:col".
func settingsOf(t *testing.T, src string) map[string]string {
	t.Helper()
	u := mustExtract(t, ".env", src)
	out := map[string]string{}
	for _, s := range u.Settings {
		out[s.Key.Text] = string(rune('0'+s.Kind)) + "=" + s.Value.Text + "@" + pos(src, s.Value)
	}
	return out
}

func TestEnvValues(t *testing.T) {
	src := "# comment\n" +
		"export GENESYS_CLOUD_REGION=us_east_1\n" +
		"CLIENT_ID = \"abc\\\"1\"  # quoted\n" +
		"CLIENT_SECRET='a+b#c $X'\n" +
		"GRANT_TYPE=client_credentials # inline\n" +
		"GENESYS_CLOUD_ENVIRONMENT=mypurecloud.de\r\n" +
		"PURECLOUD_ENVIRONMENT=\"${ENV_DOMAIN}\"\n" +
		"AWS_REGION=eu-west-1\n" +
		"REGION=usw2.pure.cloud\n" +
		"NODE_ENV=production\n" +
		"API_URL=https://api.mypurecloud.ie\n" +
		"BARE_NAME\n" +
		"not an assignment\n" +
		"MULTI=\"line one\nline two\"\n"
	got := settingsOf(t, src)
	want := map[string]string{
		"GENESYS_CLOUD_REGION":      "1=us_east_1@" + at(src, "us_east_1", 0),
		"CLIENT_ID":                 "4=abc\"1@" + at(src, "abc", 0),
		"CLIENT_SECRET":             "5=a+b#c $X@" + at(src, "a+b", 0),
		"GRANT_TYPE":                "6=client_credentials@" + at(src, "client_credentials #", 0),
		"GENESYS_CLOUD_ENVIRONMENT": "2=mypurecloud.de@" + at(src, "mypurecloud.de", 0),
		"PURECLOUD_ENVIRONMENT":     "2=${ENV_DOMAIN}@" + at(src, "${ENV", 0),
		"REGION":                    "1=usw2.pure.cloud@" + at(src, "usw2", 0),
		"API_URL":                   "3=https://api.mypurecloud.ie@" + at(src, "https://api.mypurecloud.ie", 0),
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: got %q, want %q", k, got[k], w)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected setting %s = %s", k, got[k])
		}
	}
}

func TestEnvExactPositions(t *testing.T) {
	src := "SECRET_A=\"x\\ny+z\"\nSECRET_B='p\nq+r'\nURL=https://${HOST}/oauth/token\n"
	u := mustExtract(t, ".env", src)
	if len(u.Secrets) != 2 {
		t.Fatalf("secrets %v, want SECRET_A and SECRET_B", u.Secrets)
	}
	if len(u.Requests) != 1 {
		t.Fatalf("requests %d, want 1", len(u.Requests))
	}
	r := u.Requests[0]
	if r.Role != rules.RoleToken || r.URL.Known() || !r.Library || r.Via != rules.ViaConfig {
		t.Errorf("URL key with a token path: %+v", r)
	}
	if got := pos(src, rules.ParseURL(r.URL).Path); got != at(src, "/oauth/token", 0) {
		t.Errorf("path at %s", got)
	}
	// Double quotes: the escape maps to its two bytes, the rest verbatim.
	v := quotedValue(t, src, "SECRET_A")
	if v.Text != "x\ny+z" {
		t.Fatalf("SECRET_A = %q", v.Text)
	}
	plus := strings.IndexByte(v.Text, '+')
	if got, want := v.SpanOf(plus, plus+1).Start, strings.Index(src, "y+z")+1; got != want {
		t.Errorf("SECRET_A + at offset %d, want %d", got, want)
	}
	if got, want := v.SpanOf(1, 2), strings.Index(src, "\\n"); got.Start != want || got.End != want+2 {
		t.Errorf("escape spans %v, want %d..%d", got, want, want+2)
	}
	// Single quotes across lines stay verbatim.
	v = quotedValue(t, src, "SECRET_B")
	if got, want := v.SpanOf(3, 4).Start, strings.Index(src, "q+r")+1; v.Text != "p\nq+r" || got != want {
		t.Errorf("SECRET_B = %q, + at %d, want %d", v.Text, got, want)
	}
}

// quotedValue reads the quoted value of key= at the start of a line of src.
func quotedValue(t *testing.T, src, key string) rules.Value {
	t.Helper()
	i := strings.Index(src, key+"=")
	if i < 0 {
		t.Fatalf("no %s", key)
	}
	s := &envScanner{file: ".env", src: []byte(src), i: i + len(key) + 1}
	v, err := s.quoted(s.src[s.i])
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestBOM(t *testing.T) {
	env := "\ufeffTOKEN_URL=https://api.mypurecloud.com/oauth/token\n"
	if got := findingsOf(t, ".env", env); len(got) != 1 || got[0] != "token-host@"+at(env, "api.", 0) {
		t.Errorf(".env with BOM: %v", got)
	}
	http := "\ufeffPOST https://api.mypurecloud.com/oauth/token\n"
	if got := findingsOf(t, "a.http", http); len(got) != 1 || got[0] != "token-host@"+at(http, "api.", 0) {
		t.Errorf(".http with BOM: %v", got)
	}
}

func TestEnvDynamic(t *testing.T) {
	tests := []struct {
		line    string
		dynamic bool
	}{
		{`TOKEN_URL=${BASE}/oauth/token`, true},
		{`TOKEN_URL=$BASE/oauth/token`, true},
		{`TOKEN_URL="${BASE}/oauth/token"`, true},
		{`TOKEN_URL="https://\${HOST}/oauth/token"`, false},
		{`TOKEN_URL='https://${HOST}/oauth/token'`, false},
		{`TOKEN_URL=https://$(hostname)/oauth/token`, true},
		{`TOKEN_URL=https://login.mypurecloud.com/oauth/token`, false},
	}
	for _, tt := range tests {
		u := mustExtract(t, ".env", tt.line+"\n")
		if len(u.Requests) != 1 {
			t.Errorf("%s: %d requests", tt.line, len(u.Requests))
			continue
		}
		if got := u.Requests[0].URL.HasDynamic(); got != tt.dynamic {
			t.Errorf("%s: dynamic = %v, want %v", tt.line, got, tt.dynamic)
		}
	}
}

func TestEnvFindings(t *testing.T) {
	tests := []struct {
		src  string
		want []string // rule@substring+skip
	}{
		{"GENESYS_TOKEN_URL=https://api.mypurecloud.com/oauth/token\n", []string{"token-host@api.mypurecloud.com"}},
		{"ACCESS_TOKEN_URL=\"https://login.mypurecloud.com/api/v2/oauth/token\"\n", []string{"token-path@/api/v2/oauth/token"}},
		{"OAUTH_URL=https://login.mypurecloud.eu/oauth/token\n", []string{"token-host@login.mypurecloud.eu"}},
		{"OAUTH_URL=https://login.mypurecloud.com\n", nil},  // no token path: not a token URL
		{"TOKEN_URL=https://login.mypurecloud.com/\n", nil}, // a base the application completes
		{"TOKEN_URL=https://api.mypurecloud.com/token\n", []string{"token-host@api.mypurecloud.com", "token-path@/token"}},
		{"GRANT_TYPE=client_credentials\nTOKEN_URL=https://login.mypurecloud.com/oauth/token\nGENESYS_ME_URL=https://api.mypurecloud.com/api/v2/users/me\n", []string{"user-scoped-api@/api/v2/users/me"}},
		{"GRANT_TYPE=client_credentials\nAPI_URL=https://api.mypurecloud.com/api/v2/users/me\n", nil}, // a base URL key is never a call
		{"GRANT_TYPE=client_credentials\nGENESYS_ORG_URL=https://api.mypurecloud.com/api/v2/organizations/me\n", nil},
		{"TOKEN_URL=https://login.microsoftonline.com/tenant/oauth2/v2.0/token\nCLIENT_SECRET=a+b\n", nil},
	}
	for _, tt := range tests {
		got := findingsOf(t, "x/.env", tt.src)
		var want []string
		for _, w := range tt.want {
			rule, sub, _ := strings.Cut(w, "@")
			want = append(want, rule+"@"+at(tt.src, sub, 0))
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%q: got %v, want %v", tt.src, got, want)
		}
	}
}

func TestEnvMalformed(t *testing.T) {
	tests := []struct {
		src  string
		line int
	}{
		{"A=1\nB=\"open\nC=3\n", 2},
		{"A='x\n", 1},
		{"A=1\n\nexport B=`never", 3},
		{"A=\x00", 0},
	}
	for _, tt := range tests {
		_, err := extractEnv("e.env", []byte(tt.src))
		var e *Error
		if !errors.As(err, &e) || e.Line != tt.line {
			t.Errorf("%q: got %v, want an *Error at line %d", tt.src, err, tt.line)
		}
	}
}

// TestGarbage feeds both front ends random and hostile bytes: they must
// return a unit or an *Error, never panic.
func TestGarbage(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	alphabet := []byte("###@{}%$\"'`=&?:/\\ \t\r\n#>< abcAPI_URL{{%}}${}x=+\xff\xfe")
	inputs := []string{"", "\n", "\"", "'", "@", "@=", "{{", "}}", "###", "> {%", "=", "A=\"\\", "A=\"${", "POST", "POST \n\n{\"a\":", "{\"a\"", strings.Repeat("{", 10000)}
	for range 2000 {
		b := make([]byte, rng.Intn(200))
		for i := range b {
			if rng.Intn(8) == 0 {
				b[i] = byte(rng.Intn(256))
			} else {
				b[i] = alphabet[rng.Intn(len(alphabet))]
			}
		}
		inputs = append(inputs, string(b))
	}
	for _, in := range inputs {
		for _, fn := range []func(string, []byte) (*rules.Unit, error){extractHTTP, extractEnv} {
			u, err := fn("g", []byte(in))
			var e *Error
			if err != nil && !errors.As(err, &e) {
				t.Fatalf("%q: error %T is not *Error", in, err)
			}
			if err == nil {
				rules.Run(u, nil)
			}
		}
	}
}

func FuzzHTTP(f *testing.F) {
	f.Add([]byte("POST https://x/oauth/token\nContent-Type: application/json\n\n{\"a\":\"b\"}\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if u, err := extractHTTP("f.http", b); err == nil {
			rules.Run(u, nil)
		}
	})
}

func FuzzEnv(f *testing.F) {
	f.Add([]byte("TOKEN_URL=\"https://x/${A}/oauth/token\"\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if u, err := extractEnv("f.env", b); err == nil {
			rules.Run(u, nil)
		}
	})
}
