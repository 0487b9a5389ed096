package rules

import (
	"strings"
	"testing"
)

// Precision on servers outside the catalog: each case is one class of
// request that a generic reading of RFC 6749 gets wrong.

func TestLocalHosts(t *testing.T) {
	for host, want := range map[string]bool{
		"localhost": true, "api.localhost": true, "127.0.0.1": true, "[::1]": true,
		"169.254.169.254": true, "[fe80::1]": true,
		"10.0.0.5": false, "192.168.1.10": false, "login.mypurecloud.com": false,
	} {
		if got := isLocalHost(host); got != want {
			t.Errorf("isLocalHost(%q) = %v", host, got)
		}
	}
	for host, want := range map[string]bool{
		"auth.test": true, "idp.example": true, "x.invalid": true, "printer.local": true,
		"example.com": true, "login.example.org": true, "169.254.169.254": true,
		"dex.localtest.me": true, "app.lvh.me": true,
		"examples.com": false, "login.microsoftonline.com": false, "10.1.2.3": false,
	} {
		if got := isReservedHost(host); got != want {
			t.Errorf("isReservedHost(%q) = %v", host, got)
		}
	}
	for file, want := range map[string]bool{
		"testdata/a.http": true, "pkg/integration_test/x/testdata/b.env": true, "src/fixtures/c.sh": true,
		"__fixtures__/d.json": true, "client/.snapshots/case=1.json": true, "src/__snapshots__/a.snap": true,
		"docs/testing.md": false, "test/e.http": false, "testdata.http": false,
	} {
		if got := isTestDataPath(file); got != want {
			t.Errorf("isTestDataPath(%q) = %v", file, got)
		}
	}
}

func TestManagedIdentityEndpoint(t *testing.T) {
	for _, url := range []string{
		"http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F",
		"http://localhost:40342/metadata/identity/oauth2/token?api-version=2019-11-01&resource=https://vault.azure.net",
	} {
		s := newSrc("imds.sh")
		r := &Request{Method: s.lit("GET"), URL: s.lit(url), Via: ViaCurl,
			Headers: []Header{{Name: s.lit("Metadata"), Value: s.lit("true")}}}
		if got := Run(&Unit{Name: "imds.sh", Requests: []*Request{r}}, nil); len(got) != 0 {
			t.Errorf("%s: %v", url, got)
		}
	}
	// The same GET to an ordinary token endpoint is still a mistake.
	s := newSrc("t.sh")
	r := &Request{Method: s.lit("GET"), URL: s.lit("https://login.mypurecloud.com/oauth/token?grant_type=client_credentials"), Via: ViaCurl}
	if got := runOnly(t, TokenMethod, &Unit{Requests: []*Request{r}}, nil); len(got) != 1 || got[0].Severity != Error {
		t.Errorf("GET to a Genesys token endpoint: %v", got)
	}
}

func TestInsecureTokenURLLinkLocal(t *testing.T) {
	for url, want := range map[string]bool{
		"http://169.254.169.254/metadata/identity/oauth2/token": false,
		"http://[fe80::1]:8080/oauth/token":                     false,
		"http://10.0.0.5/oauth/token":                           true,
	} {
		s := newSrc("f.sh")
		r := s.post(url, s.form("grant_type=client_credentials"))
		r.Role = RoleToken
		if got := runOnly(t, InsecureTokenURL, &Unit{Requests: []*Request{r}}, nil); (len(got) > 0) != want {
			t.Errorf("%s: %v", url, got)
		}
	}
}

func TestUnknownProviderSeverities(t *testing.T) {
	s := newSrc("f.sh")
	unknown := s.post("https://sso.acme-corp.io/oauth2/token", s.form("client_id=abc"))
	known := s.post("https://login.mypurecloud.com/oauth/token", s.form("client_id=abc"))
	got := runOnly(t, GrantType, &Unit{Requests: []*Request{unknown, known}}, nil)
	if len(got) != 2 || got[0].Severity != Warning || got[1].Severity != Error {
		t.Fatalf("missing grant_type: got %v, want a warning (unknown server) and an error (Genesys)", got)
	}
	if !strings.Contains(got[0].Message, "RFC 6749") {
		t.Errorf("warning does not say why: %s", got[0].Message)
	}
}

func TestGrantSuggestion(t *testing.T) {
	for body, want := range map[string]string{
		"subject_token=x&subject_token_type=urn:ietf:params:oauth:token-type:access_token": "urn:ietf:params:oauth:grant-type:token-exchange",
		"username=u&password=p":  "password",
		"refresh_token=r":        "refresh_token",
		"code=c&redirect_uri=r":  "authorization_code",
		"assertion=eyJ":          "urn:ietf:params:oauth:grant-type:jwt-bearer",
		"device_code=d":          "urn:ietf:params:oauth:grant-type:device_code",
		"scope=read&client_id=c": "client_credentials",
	} {
		s := newSrc("f.sh")
		r := s.post("https://login.mypurecloud.com/oauth/token", s.form(body))
		r.Role = RoleToken
		got := runOnly(t, GrantType, &Unit{Requests: []*Request{r}}, nil)
		if len(got) != 1 || !strings.Contains(got[0].Message, "grant_type="+want+" ") {
			t.Errorf("%s: got %v, want a suggestion of %s", body, got, want)
		}
	}
}

func TestJSONAdviceShowsTheRequestsGrant(t *testing.T) {
	s := newSrc("f.http")
	raw := s.lit(`{"grant_type":"refresh_token","refresh_token":"r1","client_id":"c"}`)
	body := &Body{Kind: BodyJSON, Raw: raw, Fields: []Field{
		{Name: s.lit("grant_type"), Value: s.lit("refresh_token"), Encoding: EncodingFull},
		{Name: s.lit("refresh_token"), Value: s.lit("r1"), Encoding: EncodingFull},
		{Name: s.lit("client_id"), Value: s.lit("c"), Encoding: EncodingFull},
	}}
	r := s.post("https://login.mypurecloud.com/oauth/token", body)
	got := runOnly(t, JSONTokenRequest, &Unit{Requests: []*Request{r}}, nil)
	if len(got) != 1 || !strings.Contains(got[0].Message, "grant_type=refresh_token&refresh_token=...&client_id=...") {
		t.Fatalf("got %v", got)
	}
	// Lark/Feishu token endpoints take JSON.
	lark := s.post("https://open.feishu.cn/open-apis/authen/v1/oidc/access_token", body)
	if got := runOnly(t, JSONTokenRequest, &Unit{Requests: []*Request{lark}}, nil); len(got) != 0 {
		t.Errorf("Lark: %v", got)
	}
}

func TestDemoSecretsAreNotes(t *testing.T) {
	const secret = "Jq8vL2x9TzR4wY7nB3mK"
	cases := []struct {
		file, url string
		want      Severity
	}{
		{"scripts/token.sh", "http://localhost:8080/realms/demo/protocol/openid-connect/token", Note},
		{"scripts/token.sh", "https://auth.example.com/oauth2/token", Note},
		{"scripts/token.sh", "https://keycloak.test/realms/x/protocol/openid-connect/token", Note},
		{"internal/testdata/token.sh", "https://login.mypurecloud.com/oauth/token", Note},
		{"scripts/token.sh", "https://login.mypurecloud.com/oauth/token", Warning},
	}
	for _, c := range cases {
		s := newSrc(c.file)
		r := s.post(c.url, s.form("grant_type=client_credentials&client_id=abc&client_secret="+secret))
		got := runOnly(t, HardcodedSecret, &Unit{Name: c.file, Requests: []*Request{r}}, nil)
		if len(got) != 1 || got[0].Severity != c.want {
			t.Errorf("%s %s: got %v, want one %v", c.file, c.url, got, c.want)
		}
		noSecret(t, got, secret, secret[:4])
	}
	// A setting's secret follows the servers the file names.
	s := newSrc(".env")
	u := &Unit{Name: ".env", Settings: []Setting{
		{Kind: SettingBaseURL, Key: s.lit("BASE_URL"), Value: s.lit("http://127.0.0.1:9000")},
		{Kind: SettingClientSecret, Key: s.lit("CLIENT_SECRET"), Value: s.lit(secret)},
	}}
	if got := runOnly(t, HardcodedSecret, u, nil); len(got) != 1 || got[0].Severity != Note {
		t.Errorf("setting for a loopback server: %v", got)
	}
	// An override to error keeps the notes below it.
	r := s.post("http://localhost/oauth/token", s.form("client_secret="+secret))
	got := runOnly(t, HardcodedSecret, &Unit{Requests: []*Request{r}}, &Options{Severity: map[string]Severity{"hardcoded-secret": Error}})
	if len(got) != 1 || got[0].Severity != Note {
		t.Errorf("override: %v", got)
	}
}

func TestDynamicWarningOnlyForTypedSecrets(t *testing.T) {
	s := newSrc("f.http")
	formSafe := s.dyn("{{client_secret}}")
	formSafe.Segs[0].FormSafe = true
	for _, c := range []struct {
		name string
		val  Value
		want bool
	}{
		{"client_secret", s.dyn("{{client_secret}}"), true},
		{"password", s.dyn("{{password}}"), true},
		{"refresh_token", s.dyn("{{refresh_token}}"), false},
		{"assertion", s.dyn("{{assertion}}"), false},
		{"subject_token", s.dyn("{{subject_token}}"), false},
		{"client_secret", formSafe, false},
	} {
		body := &Body{Kind: BodyForm, Fields: []Field{{Name: s.lit(c.name), Value: c.val, Encoding: EncodingRaw}}}
		r := s.post("https://sso.acme-corp.io/oauth2/token", body)
		got := runOnly(t, UnencodedSecret, &Unit{Requests: []*Request{r}}, nil)
		if (len(got) > 0) != c.want {
			t.Errorf("%s=%s (form-safe %v): got %v, want finding %v", c.name, c.val.Text, c.val.DynamicFormSafe(), got, c.want)
		}
	}
}

func TestQueryTokenAPIs(t *testing.T) {
	for url, want := range map[string]string{
		"https://api.vk.com/method/users.get?user_ids=1&access_token={{token}}&v=5.131": "POST form body",
		"https://api.deezer.com/user/me?access_token={{token}}":                         "",
		"https://oauth.mail.ru/userinfo?access_token={{token}}":                         "",
		"https://api.acme-corp.io/v1/items?access_token={{token}}":                      "Authorization: Bearer",
	} {
		s := newSrc("f.http")
		i := strings.Index(url, "{{")
		r := &Request{Method: s.lit("GET"), URL: s.cat(url[:i], "{{token}}", url[i+len("{{token}}"):])}
		got := runOnly(t, SecretInQuery, &Unit{Requests: []*Request{r}}, nil)
		switch {
		case want == "" && len(got) != 0:
			t.Errorf("%s: %v", url, got)
		case want != "" && (len(got) != 1 || !strings.Contains(got[0].Message, want)):
			t.Errorf("%s: got %v, want a message with %q", url, got, want)
		}
	}
}

func TestParseSeverityNote(t *testing.T) {
	if s, ok := ParseSeverity("note"); !ok || s != Note || s.String() != "note" || !(Note < Warning) {
		t.Errorf("note: %v %v", s, ok)
	}
}
