package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

// writeTree writes files (slash paths relative to a new temporary
// directory) and changes into that directory, as the walker's relative
// paths are.
func writeTree(t *testing.T, files map[string]string) {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
}

func TestHTTPClientDetection(t *testing.T) {
	writeTree(t, map[string]string{
		".git/HEAD":                            "ref: refs/heads/main\n",
		"jb/http-client.env.json":              `{"dev": {"host": "x"}}`,
		"jb/a.http":                            "GET https://x\n",
		"private/http-client.private.env.json": `{"dev": {"client_secret": "s"}}`,
		"private/a.http":                       "GET https://x\n",
		"vs/.vscode/settings.json":             "{\n  // comment\n  \"rest-client.formParamEncodingStrategy\": \"always\",\n}\n",
		"vs/api/deep/a.http":                   "GET https://x\n",
		"vs/both/http-client.env.json":         `{}`,
		"vs/both/a.http":                       "GET https://x\n",
	})
	for file, want := range map[string]httpClient{
		"jb/a.http":          clientJetBrains,
		"private/a.http":     clientJetBrains,
		"vs/api/deep/a.http": clientVSCode,
		"vs/both/a.http":     clientUnknown, // a JetBrains env file and REST Client settings
	} {
		env := loadHTTPEnv(file, "GET https://x\n", newExpansion(100))
		if env.client != want {
			t.Errorf("%s: client %v, want %v", file, env.client, want)
		}
		if want == clientVSCode && env.formEncoding != "always" {
			t.Errorf("%s: formParamEncodingStrategy %q", file, env.formEncoding)
		}
	}
}

func TestHTTPClientSyntax(t *testing.T) {
	for src, want := range map[string]httpClient{
		"GET https://x/{{$random.uuid}}\n":                       clientJetBrains,
		"GET https://x\n\n> {%\nclient.global.set('t', 1)\n%}\n": clientJetBrains,
		"GET https://x/{{$guid}}\n":                              clientVSCode,
		"# @prompt secret\nGET https://x\n":                      clientVSCode,
		"GET https://x/{{$random.uuid}}/{{$guid}}\n":             clientUnknown,
		"GET https://x\n":                                        clientUnknown,
	} {
		writeTree(t, nil)
		if got := loadHTTPEnv("a.http", src, newExpansion(100)).client; got != want {
			t.Errorf("%q: client %v, want %v", src, got, want)
		}
	}
}

func TestStripJSONC(t *testing.T) {
	got := string(stripJSONC([]byte("{\n // c \"x\"\n \"a\": \"//not a comment\", /* b */ \"c\": [1, 2,],\n}")))
	want := "{\n \n \"a\": \"//not a comment\",   \"c\": [1, 2 ] \n}"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestHTTPEnvironmentValues: a {{client_secret}} is judged by what the
// environments define for it; a host every environment agrees on is
// resolved, one they disagree on is not.
func TestHTTPEnvironmentValues(t *testing.T) {
	const form = "POST https://{{host}}/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\n" +
		"grant_type=client_credentials&client_id={{client_id}}&client_secret={{client_secret}}\n"
	cases := []struct {
		name, env string
		warn      bool
		host      string
	}{
		{"alphanumeric everywhere", `{"dev": {"host": "login.mypurecloud.com", "client_secret": "abc123"}, "prod": {"host": "login.mypurecloud.com", "client_secret": "Zyx987"}}`, false, "login.mypurecloud.com"},
		{"one value with +", `{"dev": {"client_secret": "abc123"}, "prod": {"client_secret": "a+b"}}`, true, ""},
		{"not defined", `{"dev": {"host": "a.example.com"}, "prod": {"host": "b.example.com"}}`, true, ""},
	}
	for _, c := range cases {
		writeTree(t, map[string]string{"http-client.env.json": c.env})
		u, err := extractHTTP("token.http", []byte(form))
		if err != nil {
			t.Fatal(err)
		}
		r := u.Requests[0]
		if h, _ := rules.ParseURL(r.URL).HostName(); h != c.host {
			t.Errorf("%s: host %q, want %q", c.name, h, c.host)
		}
		got := rules.Run(u, &rules.Options{Rules: []*rules.Rule{rules.UnencodedSecret}})
		if (len(got) > 0) != c.warn {
			t.Errorf("%s: %v, want a warning %v", c.name, got, c.warn)
		}
	}
}

// TestJetBrainsForm: the JetBrains layout gives the fields JetBrains sends.
func TestJetBrainsForm(t *testing.T) {
	writeTree(t, map[string]string{"http-client.env.json": `{}`})
	src := "POST https://x.example.com/oauth2/token\nContent-Type: application/x-www-form-urlencoded\n\n" +
		"grant_type = client_credentials &\nclient_id = {{id}}\nscope = a%&b %= c &  audience=x\n"
	u, err := extractHTTP("t.http", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range u.Requests[0].Body.Fields {
		if f.Encoding != rules.EncodingJetBrains {
			t.Errorf("%s: encoding %v", f.Name.Text, f.Encoding)
		}
		got = append(got, f.Name.Text+"="+f.Value.Text)
	}
	want := []string{"grant_type=client_credentials", "client_id={{id}}", "scope=a%&b %= c", "audience=x"}
	if len(got) != len(want) {
		t.Fatalf("fields %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("field %d: %q, want %q", i, got[i], want[i])
		}
	}
}
