package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

func shellUnit(t *testing.T, src string) *rules.Unit {
	t.Helper()
	u, err := ByName("shell").Extract("t.sh", []byte(src))
	if err != nil {
		t.Fatalf("extract: %v", err)
	}
	if bad := verbatimMismatch(src, u); bad != "" {
		t.Errorf("%s", bad)
	}
	return u
}

// verbatimMismatch checks the contract of every span in u: segments tile
// the text in order, lie inside the file, and a verbatim literal run is the
// file's bytes. It describes the first violation, or returns "".
func verbatimMismatch(src string, u *rules.Unit) string {
	var bad string
	u.Values(func(v *rules.Value) {
		for k, seg := range v.Segs {
			end := len(v.Text)
			if k+1 < len(v.Segs) {
				end = int(v.Segs[k+1].Off)
			}
			switch {
			case bad != "":
			case int(seg.Off) > end || seg.Start < 0 || int(seg.End) > len(src) || seg.Start > seg.End:
				bad = fmt.Sprintf("%q: segment %d %+v out of order or outside the file", v.Text, k, seg)
			case seg.Verbatim && !seg.Dynamic && src[seg.Start:seg.End] != v.Text[seg.Off:end]:
				bad = fmt.Sprintf("%q: verbatim segment %d is %q in the file", v.Text[seg.Off:end], k, src[seg.Start:seg.End])
			}
		}
	})
	return bad
}

// The user's scenario of issue 2: exactly three findings, each at its byte,
// and the secret in no message.
func TestShellScenario(t *testing.T) {
	src := `curl -X POST "https://api.us.genesys.cloud/oauth/token" \
  -H "Content-Type: application/json" \
  -d "grant_type=client_credentials&client_id=abc123&client_secret=abc+def"
`
	checkFindings(t, "shell", "t.sh", src, []string{
		"token-host", "api.us.genesys.cloud",
		"json-token-request", "application/json",
		"unencoded-secret", "+def",
	})
	for _, f := range rules.Run(shellUnit(t, src), nil) {
		if strings.Contains(f.Message, "abc+def") {
			t.Errorf("%s: message shows the secret: %s", f.Rule, f.Message)
		}
	}
}

// describe renders a request compactly, dynamic runs in «»: the method,
// URL, headers, body kind and fields (encoding ~ when curl encodes), auth
// and -k.
func describe(r *rules.Request) string {
	show := func(v rules.Value) string {
		var b strings.Builder
		for i := 0; i < len(v.Text); i++ {
			if v.DynamicAt(i) && (i == 0 || !v.DynamicAt(i-1)) {
				b.WriteString("«")
			}
			b.WriteByte(v.Text[i])
			if v.DynamicAt(i) && (i+1 == len(v.Text) || !v.DynamicAt(i+1)) {
				b.WriteString("»")
			}
		}
		return b.String()
	}
	parts := []string{show(r.Method), show(r.URL)}
	for _, h := range r.Headers {
		parts = append(parts, "H["+show(h.Name)+": "+show(h.Value)+"]")
	}
	if b := r.Body; b != nil {
		kind := map[rules.BodyKind]string{rules.BodyForm: "form", rules.BodyJSON: "json", rules.BodyRaw: "raw", rules.BodyMultipart: "multipart"}[b.Kind]
		parts = append(parts, kind+"("+b.Via+")")
		for _, f := range b.Fields {
			enc := "="
			if f.Encoding == rules.EncodingFull {
				enc = "~"
			}
			parts = append(parts, show(f.Name)+enc+show(f.Value))
		}
	}
	switch r.AuthKind() {
	case rules.AuthBasic:
		parts = append(parts, "basic("+show(r.Auth.User)+":"+show(r.Auth.Secret)+")")
	case rules.AuthBearer:
		parts = append(parts, "bearer("+show(r.Auth.Secret)+")")
	}
	if r.Insecure {
		parts = append(parts, "insecure")
	}
	return strings.Join(parts, " ")
}

func TestShellRequests(t *testing.T) {
	const tok = "https://login.mypurecloud.com/oauth/token"
	for _, tc := range []struct{ name, src, want string }{
		{"implied POST, form", "curl " + tok + " -d grant_type=client_credentials",
			"POST " + tok + " form(-d) grant_type=client_credentials"},
		{"no data is GET", "curl -sS " + tok, "GET " + tok},
		{"-X wins", "curl -X PUT " + tok + " -d a=b", "PUT " + tok + " form(-d) a=b"},
		{"glued -X, -d, -H", "curl -XPOST -dfoo=bar -HAccept:x " + tok,
			"POST " + tok + " H[Accept: x] form(-d) foo=bar"},
		{"cluster ending in a value option", "curl -sSLd a=b " + tok, "POST " + tok + " form(-d) a=b"},
		{"cluster with glued value", "curl -sdx=y " + tok, "POST " + tok + " form(-d) x=y"},
		{"options taking values are not URLs", "curl --max-time 10 -o out.json -w '%{http_code}' -A ua " + tok, "GET " + tok},
		{"--url", "curl --url " + tok + " -d a=b", "POST " + tok + " form(-d) a=b"},
		{"-- ends options", "curl -d a=b -- " + tok, "POST " + tok + " form(-d) a=b"},
		{"data options join with &", `curl ` + tok + ` -d grant_type=client_credentials --data "client_id=$ID" --data-raw 'scope=a b'`,
			"POST " + tok + " form(-d) grant_type=client_credentials client_id=«$ID» scope=a b"},
		{"--data-urlencode forms", `curl ` + tok + ` --data-urlencode "client_secret=$S" --data-urlencode =x --data-urlencode y --data-urlencode n@f.txt`,
			"POST " + tok + " form(--data-urlencode) client_secret~«$S» x~ y~ n~«f.txt»"},
		{"--data-urlencode keeps & in the value", `curl ` + tok + ` --data-urlencode "grant_type=client_credentials&client_secret=x"`,
			"POST " + tok + " form(--data-urlencode) grant_type~client_credentials&client_secret=x"},
		{"@file is a body not read", "curl " + tok + " -d @body.txt", "POST " + tok + " form(-d) «@body.txt»="},
		{"--data-raw @ is literal", "curl " + tok + " --data-raw @x=1", "POST " + tok + " form(--data-raw) @x=1"},
		{"JSON continued over lines in double quotes", "curl " + tok + " -H 'Content-Type: application/json' -d \"\\\n{\\\n\\\"grant_type\\\": \\\"client_credentials\\\"\\\n}\"",
			"POST " + tok + " H[Content-Type: application/json] json(-d) grant_type~client_credentials"},
		{"JSON data is a JSON body", `curl ` + tok + ` -d '{"grant_type":"client_credentials"}'`,
			"POST " + tok + ` json(-d) grant_type~client_credentials`},
		{"form text under a JSON type stays a form", `curl ` + tok + ` -H "Content-Type: application/json" -d "grant_type=client_credentials"`,
			"POST " + tok + " H[Content-Type: application/json] form(-d) grant_type=client_credentials"},
		{"--json types the body", `curl ` + tok + ` --json '{"a":1}'`,
			"POST " + tok + ` H[Content-Type: application/json] json(--json) a~1`},
		{"-F is multipart", `curl ` + tok + ` -F grant_type=client_credentials -F key=@k.pem`,
			"POST " + tok + " multipart(-F) grant_type~client_credentials key~«@k.pem»"},
		{"-F drops a quoted word's quotes", `curl ` + tok + ` --form 'grant_type="authorization_code"' -F 'a="b";type=text/plain' --form-string 'c="d"'`,
			"POST " + tok + ` multipart(-F) grant_type~authorization_code a~b c~"d"`},
		{"-G moves data to the query", `curl -G ` + tok + ` -d grant_type=client_credentials -d "client_secret=$S"`,
			"GET " + tok + "?grant_type=client_credentials&client_secret=«$S»"},
		{"-G onto an existing query", `curl -G "` + tok + `?a=1" -d b=2`, "GET " + tok + "?a=1&b=2"},
		{"--url-query", `curl --url-query "client_secret=$S" ` + tok, "GET " + tok + "?client_secret=«$S»"},
		{"-u splits at the first colon", `curl -u "$ID:$SECRET" ` + tok, "GET " + tok + " basic(«$ID»:«$SECRET»)"},
		{"-u literal", `curl -uid:se:cret ` + tok, "GET " + tok + " basic(id:se:cret)"},
		{"--oauth2-bearer", `curl --oauth2-bearer "$T" https://api.mypurecloud.com/api/v2/users/me`,
			"GET https://api.mypurecloud.com/api/v2/users/me bearer(«$T»)"},
		{"Authorization header", `curl -H "Authorization: Bearer $T" https://api.mypurecloud.com/api/v2/users/me`,
			"GET https://api.mypurecloud.com/api/v2/users/me H[Authorization: Bearer «$T»] bearer(«$T»)"},
		{"-k", "curl -k " + tok, "GET " + tok + " insecure"},
		{"--insecure then --no-insecure", "curl --insecure --no-insecure " + tok, "GET " + tok},
		{"-I is HEAD", "curl -sI " + tok, "HEAD " + tok},
		{"command variable adds options", "CURL=\"curl -sS -X PUT\"\n$CURL " + tok, "PUT " + tok},
		{"unquoted expansion is a URL only when nothing else is", `curl $OPTS "$URL"`, "GET «$URL»"},
		{"lone unquoted expansion", `curl $URL`, "GET «$URL»"},
		{"two URLs, two requests", "curl " + tok + " https://api.mypurecloud.com/api/v2/users/me",
			"GET " + tok + "\nGET https://api.mypurecloud.com/api/v2/users/me"},
		{"--next starts over", "curl -d a=b " + tok + " --next https://api.mypurecloud.com/api/v2/x",
			"POST " + tok + " form(-d) a=b\nGET https://api.mypurecloud.com/api/v2/x"},
		{"-d @- reads a here-document, without line breaks", "curl " + tok + " -d @- <<EOF\ngrant_type=client_credentials\n&client_id=$ID\nEOF",
			"POST " + tok + " form(-d) grant_type=client_credentials client_id=«$ID»"},
		{"quoted here-document does not expand", "curl " + tok + " -H 'Content-Type: application/json' --data-binary @- <<'EOF'\n{\"grant_type\": \"$G\"}\nEOF",
			"POST " + tok + " H[Content-Type: application/json] json(--data-binary) grant_type~$G"},
		{"<<- strips tabs", "f() {\n\tcurl " + tok + " -d @- <<-EOF\n\t\tgrant_type=client_credentials\n\t\t&scope=a\tb\n\tEOF\n}",
			"POST " + tok + " form(-d) grant_type=client_credentials scope=a\tb"},
		{"here-string", "curl " + tok + " -d @- <<< \"client_secret=$S\"", "POST " + tok + " form(-d) client_secret=«$S»"},
		{"@- without a here-document", "echo x | curl " + tok + " -d @-", "POST " + tok + " form(-d) «@-»="},
		{"{{placeholders}} of exported snippets", `curl --location '{{baseUrl}}/oauth/token' --data-urlencode 'client_id={{clientId}}' -d 'client_secret={{secret}}'`,
			"POST «{{baseUrl}}»/oauth/token form(--data-urlencode) client_id~«{{clientId}}» client_secret=«{{secret}}»"},
		{"--expand- placeholders", `curl --variable %S --expand-data "client_secret={{S}}" ` + tok,
			"POST " + tok + " form(--expand-data) client_secret=«{{S}}»"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, r := range shellUnit(t, tc.src).Requests {
				got = append(got, describe(r))
			}
			if g := strings.Join(got, "\n"); g != tc.want {
				t.Errorf("got\n%s\nwant\n%s", g, tc.want)
			}
		})
	}
}

// Where curl is found, and where it is only text.
func TestShellCommands(t *testing.T) {
	const tok = "https://login.mypurecloud.com/oauth/token"
	for _, tc := range []struct {
		name, src string
		n         int // requests found
	}{
		{"plain", "curl " + tok, 1},
		{"command substitution", `T=$(curl -s ` + tok + ` | jq -r .access_token)`, 1},
		{"backquotes", "T=`curl -s " + tok + "`", 1},
		{"pipeline", "curl -s " + tok + " | jq .", 1},
		{"function", "get() {\n  curl " + tok + "\n}", 1},
		{"if and for bodies", "if true; then\n  curl " + tok + "\nfi\nfor i in 1 2; do curl " + tok + "; done", 2},
		{"&& chains", "true && curl " + tok + " || exit 1", 1},
		{"wrappers", "command curl " + tok + "\nsudo -u bob curl " + tok + "\nenv A=1 curl " + tok + "\nexec curl " + tok, 4},
		{"timeout, nice, xargs", "timeout 30 curl " + tok + "\ntimeout -s KILL 5m curl " + tok + "\nnice -n 10 curl " + tok + "\necho u | xargs -I{} curl " + tok, 4},
		{"command variable", "CURL='curl -sS -u i:s'\n$CURL " + tok + "\n${CURL} " + tok, 2},
		{"other command variable", "HTTP=wget\n$HTTP " + tok, 0},
		{"paths and curl.exe", "/usr/bin/curl " + tok + "\ncurl.exe " + tok + "\n\\curl " + tok, 3},
		{"echoed text is not a command", `echo "curl ` + tok + ` -d client_secret=a+b"`, 0},
		{"heredoc text is not a command", "cat <<EOF\ncurl " + tok + " -d client_secret=a+b\nEOF", 0},
		{"comment", "# curl " + tok, 0}, // commented out: see TestShellCommented
		{"wget and HTTPie", "wget " + tok + "\nhttp POST " + tok + "\nhttps " + tok, 3},
		{"other commands", "lynx " + tok + "\nhttpd -k start", 0},
		{"curl with no URL", "curl --version", 0},
		{"sh -c script", `sh -c 'curl ` + tok + `'`, 1},
		{"bash -ec script behind sudo", `sudo -u app bash -ec "curl -s ` + tok + ` | jq ."`, 1},
		{"docker exec sh -c", `docker exec -i api sh -c 'T=$(curl -s ` + tok + `); echo "$T"'`, 1},
		{"sh -c with an expansion is not read", `sh -c "curl $URL"`, 0},
		{"sh running a file", `sh ./get-token.sh`, 0},
		{"echo of sh -c", `echo sh -c 'curl ` + tok + `'`, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := 0
			for _, r := range shellUnit(t, tc.src).Requests {
				if !r.Commented {
					got++
				}
			}
			if got != tc.n {
				t.Errorf("%d requests, want %d", got, tc.n)
			}
		})
	}
}

// Commented-out curl commands and assignments are read, marked Commented,
// with their spans in the file; prose comments are not.
// wget and HTTPie requests carry each tool's defaults: wget --post-data is
// a raw form, HTTPie's name=value items a JSON body (a form with --form).
func TestShellOtherCLIs(t *testing.T) {
	const tok = "https://login.mypurecloud.com/oauth/token"
	for _, tc := range []struct{ name, src, want string }{
		{"wget --post-data", `wget -qO- --post-data="grant_type=client_credentials&client_secret=$S" ` + tok,
			"POST " + tok + " form(wget --post-data) grant_type=client_credentials client_secret=«$S»"},
		{"wget JSON header", `wget --header 'Content-Type: application/json' --post-data '{"grant_type":"client_credentials"}' ` + tok,
			"POST " + tok + ` H[Content-Type: application/json] json(wget --post-data) grant_type~client_credentials`},
		{"wget user", `wget --user=id --password="$S" --no-check-certificate ` + tok,
			"GET " + tok + " basic(id:«$S») insecure"},
		{"HTTPie JSON", `http POST ` + tok + ` grant_type=client_credentials Accept:application/json`,
			"POST " + tok + " H[Accept: application/json] H[Content-Type: application/json] json(HTTPie) grant_type~client_credentials"},
		{"HTTPie form, auth, no scheme", `http -f -a "$ID:$S" login.mypurecloud.com/oauth/token grant_type=client_credentials`,
			"POST http://login.mypurecloud.com/oauth/token H[Content-Type: application/x-www-form-urlencoded] form(HTTPie --form) grant_type~client_credentials basic(«$ID»:«$S»)"},
		{"https command, query item", `https :8443/oauth/token grant_type==client_credentials`,
			"GET https://localhost:8443/oauth/token?grant_type=client_credentials"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := shellUnit(t, tc.src)
			if len(u.Requests) != 1 {
				t.Fatalf("%d requests", len(u.Requests))
			}
			if got := describe(u.Requests[0]); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestShellCommented(t *testing.T) {
	src := "#!/bin/sh\n# curl -u id:s3cr3t \\\n#   https://login.mypurecloud.com/oauth/token\n# SECRET=abc\n# Get a token with curl.\n## curl heading\ncurl https://x.example\n"
	u := shellUnit(t, src)
	var commented []string
	for _, r := range u.Requests {
		if r.Commented {
			commented = append(commented, describe(r))
		}
	}
	if want := "GET https://login.mypurecloud.com/oauth/token basic(id:s3cr3t)"; len(commented) != 1 || commented[0] != want {
		t.Errorf("commented requests %q, want [%q]", commented, want)
	}
	if sp := u.Requests[len(u.Requests)-1].Auth.Secret.Span(); src[sp.Start:sp.End] != "s3cr3t" {
		t.Errorf("secret span %q", src[sp.Start:sp.End])
	}
}

// Words keep per-byte positions through quotes and escapes; variables
// resolve only when assigned one literal, once, at the top level, before
// the use.
func TestShellWords(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      string // the first URL as described
		at        string // the text the URL's host starts at in src
	}{
		{"double quotes", `curl "https://login.mypurecloud.com/oauth/token"`, "https://login.mypurecloud.com/oauth/token", "login."},
		{"single quotes", `curl 'https://login.mypurecloud.com/oauth/token'`, "https://login.mypurecloud.com/oauth/token", "login."},
		{"mixed quoting in one word", `curl https://'login'."mypurecloud".com/oauth/token`, "https://login.mypurecloud.com/oauth/token", "login'"},
		{"escapes", `curl https://login\.mypurecloud.com/oauth/\token`, "https://login.mypurecloud.com/oauth/token", "login"},
		{"ANSI-C quoting", `curl $'https://login.mypurecloud.com/oauth/\x74oken'`, "https://login.mypurecloud.com/oauth/token", "$'"},
		{"ANSI-C quoting without escapes", `curl $'https://login.mypurecloud.com/oauth/token'`, "https://login.mypurecloud.com/oauth/token", "login"},
		{"continuations inside double quotes", "curl \"https://login.\\\nmypurecloud.com/oauth/\\\ntoken\"", "https://login.mypurecloud.com/oauth/token", "login"},
		{"line continuation", "curl \\\n  https://login.mypurecloud.com/oauth/token", "https://login.mypurecloud.com/oauth/token", "login"},
		{"resolved variable keeps the assignment's span",
			"URL=https://api.mypurecloud.com/oauth/token\ncurl \"$URL\"", "https://api.mypurecloud.com/oauth/token", "api."},
		{"export and ${}",
			"export URL='https://api.mypurecloud.com'\ncurl \"${URL}/oauth/token\"", "https://api.mypurecloud.com/oauth/token", "api."},
		{"variable built from a variable",
			"H=login.mypurecloud.com\nURL=\"https://$H/oauth/token\"\ncurl $URL", "https://login.mypurecloud.com/oauth/token", "login."},
		{"assigned twice stays dynamic", "URL=a\nURL=https://x.com\ncurl \"$URL\"", "«$URL»", "$URL\""},
		{"assigned in a function stays dynamic", "f() { URL=https://x.com; }\ncurl \"$URL\"", "«$URL»", "$URL\""},
		{"local stays dynamic", "f() { local URL=https://x.com; curl \"$URL\"; }", "«$URL»", "$URL\""},
		{"used before assigned stays dynamic", "curl \"$URL\"\nURL=https://x.com", "«$URL»", "$URL\""},
		{"assigned under if stays dynamic", "if x; then URL=https://x.com; fi\ncurl \"$URL\"", "«$URL»", "$URL\""},
		{"dynamic value stays at the use", "URL=\"$1\"\ncurl \"$URL\"", "«$URL»", "$URL\""},
		{"default expansion is dynamic", "curl \"${URL:-https://x.com}/oauth/token\"", "«${URL:-https://x.com}»/oauth/token", "${URL"},
		{"loop variable stays dynamic", "URL=https://x.com\nfor URL in a b; do curl \"$URL\"; done", "«$URL»", "$URL\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := shellUnit(t, tc.src)
			if len(u.Requests) == 0 {
				t.Fatal("no request")
			}
			r := u.Requests[0]
			if got, _, _ := strings.Cut(describe(r), " "); got != "GET" {
				t.Fatalf("method %q", got)
			}
			_, got, _ := strings.Cut(describe(r), " ")
			if got != tc.want {
				t.Errorf("URL %q, want %q", got, tc.want)
			}
			host := rules.ParseURL(r.URL).Host
			if got, want := host.Span().Start, strings.Index(tc.src, tc.at); got != want {
				t.Errorf("host starts at %d (%q), want %d", got, tc.src[got:], want)
			}
		})
	}
}

func TestShellFindings(t *testing.T) {
	const tok = "https://login.mypurecloud.com/oauth/token"
	for _, tc := range []struct {
		name, src string
		want      []string // rule, text the finding starts at
	}{
		{"escaped plus points at the plus", `curl ` + tok + ` -d grant_type=client_credentials -d client_secret=ab\+cd`,
			[]string{"unencoded-secret", "+cd"}},
		{"plus after an escape in double quotes", `curl ` + tok + ` -d "grant_type=client_credentials&client_secret=a\$b+c"`,
			[]string{"unencoded-secret", "+c\""}},
		{"dynamic secret in -d is a warning", `curl ` + tok + ` -d "grant_type=client_credentials&client_secret=$SECRET"`,
			[]string{"unencoded-secret", "$SECRET"}},
		{"--data-urlencode is silent", `curl ` + tok + ` -d grant_type=client_credentials --data-urlencode "client_secret=$SECRET"`, nil},
		{"-u is silent", `curl ` + tok + ` -u "$ID:$SECRET" -d grant_type=client_credentials`, nil},
		{"secret from a resolved variable", "S='ab+cd'\ncurl " + tok + ` -d "grant_type=client_credentials&client_secret=$S"`,
			[]string{"unencoded-secret", "+cd"}},
		{"secret in a here-document body", "curl " + tok + " -d @- <<EOF\ngrant_type=client_credentials&client_secret=ab+cd\nEOF\n",
			[]string{"unencoded-secret", "+cd"}},
		{"api host via variable", "TOKEN_URL=https://api.mypurecloud.com/oauth/token\ncurl -u \"$ID:$S\" -d grant_type=client_credentials \"$TOKEN_URL\"",
			[]string{"token-host", "api.mypurecloud.com"}},
		{"unused URL variable is still judged", "export TOKEN_URL=https://api.mypurecloud.com/oauth/token\n./app",
			[]string{"token-host", "api.mypurecloud.com"}},
		{"token path", `curl -u "$ID:$S" -d grant_type=client_credentials https://login.mypurecloud.com/api/v2/oauth/token`,
			[]string{"token-path", "/api/v2/oauth/token"}},
		{"--json token request", `curl --json '{"grant_type":"client_credentials"}' ` + tok,
			[]string{"json-token-request", "--json"}},
		{"JSON data token request", `curl ` + tok + ` -d '{"grant_type":"client_credentials"}'`,
			[]string{"json-token-request", `{"grant_type"`}},
		{"user-scoped call in a client-credentials script",
			"T=$(curl -s -u \"$ID:$S\" -d grant_type=client_credentials " + tok + " | jq -r .access_token)\n" +
				"curl -H \"Authorization: Bearer $T\" https://api.mypurecloud.com/api/v2/users/me",
			[]string{"user-scoped-api", "/api/v2/users/me"}},
		{"org-level calls are fine",
			"T=$(curl -s -u \"$ID:$S\" -d grant_type=client_credentials " + tok + " | jq -r .access_token)\n" +
				"curl -H \"Authorization: Bearer $T\" https://api.mypurecloud.com/api/v2/users/$USER_ID\n" +
				"curl -H \"Authorization: Bearer $T\" https://api.mypurecloud.com/api/v2/organizations/me",
			nil},
		{"values shared by two URLs map back once and are reported once", `sh -c 'curl -X GET -H "Authorization: Basic $B" -d grant_type=client_credentials https://login.mypurecloud.com/oauth/token https://login.mypurecloud.com/oauth/token'`,
			[]string{"token-method", "GET"}}, // one -X for both URLs: reported once
		{"positions inside sh -c", `sh -c 'curl -d "grant_type=client_credentials&client_secret=ab+cd" https://api.mypurecloud.com/oauth/token'`,
			[]string{"unencoded-secret", "+cd", "token-host", "api.mypurecloud.com"}},
		{"removing curl's Content-Type leaves the form untyped", `curl -H 'Content-Type:' -u "$I:$S" -d grant_type=client_credentials ` + tok,
			[]string{"missing-content-type", "grant_type="}},
		{"JSON POST to an API endpoint is fine",
			`curl -X POST -H "Authorization: Bearer $T" -H "Content-Type: application/json" -d '{"name":"x"}' https://api.mypurecloud.com/api/v2/groups`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) { checkFindings(t, "shell", "t.sh", tc.src, tc.want) })
	}
}

func TestANSIC(t *testing.T) {
	for raw, want := range map[string]string{
		`a\x2bb`:    "a+b",
		`\101\0`:    "A\x00",
		`tab\there`: "tab\there",
		`\u00e9\cA`: "\u00e9\x01",
		`\x`:        `\x`,
		`it\'s \\`:  `it's \`,
	} {
		if got := ansiC(raw); got != want {
			t.Errorf("ansiC(%q) = %q, want %q", raw, got, want)
		}
	}
}

func TestShellMatch(t *testing.T) {
	for _, tc := range []struct {
		name, head string
		want       bool
	}{
		{"a/get-token.sh", "", true},
		{"x.bash", "", true},
		{"x.zsh", "", true},
		{"x.ksh", "", true},
		{"bin/get-token", "#!/bin/sh\ncurl", true},
		{"bin/get-token", "#!/usr/bin/env bash\n", true},
		{"bin/get-token", "#!/usr/bin/env -S bash -e\n", true},
		{"bin/get-token", "#! /bin/zsh\n", true},
		{"bin/get-token", "#!/usr/bin/env python3\n", false},
		{"bin/get-token", "curl https://x\n", true},
		{"bin/get-token", "# get a token\nID=abc\nexport SECRET=x\necho hi\ncurl -u \"$ID:$SECRET\" https://x\n", true},
		{"bin/get-token", "Use curl https://x to get one\n", false},
		{"bin/get-token", "import os\ncurl = 1\n", false},
		{"bin/get-token", "ID=abc\n  curl https://x\n", false},
		{"README", "curl https://x\n", false},
		{".netrc", "curl https://x\n", false},
		{"Makefile", "", false},
		{"x.py", "#!/bin/sh\n", false},
	} {
		var head []byte
		if tc.head != "" {
			head = []byte(tc.head)
		}
		if got := matchShell(newFileName(tc.name), head); got != tc.want {
			t.Errorf("matchShell(%q, %q) = %v, want %v", tc.name, tc.head, got, tc.want)
		}
	}
	if f := Detect("bin/get-token", []byte("#!/bin/bash\n")); f == nil || f.Name != "shell" {
		t.Errorf("Detect of a bash script = %v", f)
	}
}

// Malformed, binary, deep and odd input gives an *Error with the line or a
// unit, never a panic.
func TestShellBadInput(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		line      int
	}{
		{"unclosed quote", "echo ok\ncurl \"https://x.com\n", 2},
		{"unclosed if", "echo\nif true; then\n  echo x\n", 2},
		{"no command recovered", "echo ok )\ncurl \"https://x.com\n", 1},
		{"NUL byte", "curl x\x00", 0},
		{"deep nesting", "x=" + strings.Repeat("$(", 5000) + "curl" + strings.Repeat(")", 5000), 1},
		{"deep ifs", strings.Repeat("if x; then\n", 2000), 1001},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if xe := configError(t, "shell", "t.sh", tc.src); xe.Line != tc.line {
				t.Errorf("line %d, want %d: %v", xe.Line, tc.line, xe)
			}
		})
	}
	for _, src := range shellOddInputs {
		u, err := ByName("shell").Extract("t.sh", []byte(src))
		if err != nil {
			continue
		}
		if bad := verbatimMismatch(src, u); bad != "" {
			t.Errorf("%q: %s", src, bad)
		}
		rules.Run(u, nil)
	}
}

// A script the parser rejects as a whole is read command by command:
// placeholder tokens masked, each logical line grown until it parses.
func TestShellRecovery(t *testing.T) {
	const tok = "https://login.mypurecloud.com/oauth/token"
	for _, tc := range []struct{ name, src, want string }{
		{"angle placeholders", "curl -X POST " + tok + " -u <CLIENT_ID>:<CLIENT_SECRET> -d grant_type=client_credentials\n",
			"POST " + tok + " form(-d) grant_type=client_credentials basic(<CLIENT_ID>:<CLIENT_SECRET>)"},
		{"smiley assignments", "ID=<:)> \\\nSECRET=<:(>\ncurl " + tok + " -d \"grant_type=client_credentials&client_secret=$SECRET\"\n",
			"POST " + tok + " form(-d) grant_type=client_credentials client_secret=<:(>"},
		{"stray paren", "echo \"done\" )\ncurl " + tok + " -d grant_type=client_credentials\n",
			"POST " + tok + " form(-d) grant_type=client_credentials"},
		{"multi-line body after a broken line", "fi\ncurl " + tok + " -H 'Content-Type: application/json' -d '{\n  \"grant_type\": \"client_credentials\"\n}'\n",
			"POST " + tok + " H[Content-Type: application/json] json(-d) grant_type~client_credentials"},
		{"double-angle placeholders with blanks", "export REGION=<<YOUR AWS REGION>> (e.g. \"us-east-1\")\nexport SECRET=<<Genesys OAuth2 Client Secret>>\ncurl " + tok + " -d \"grant_type=client_credentials&client_secret=$SECRET\" 2>&1 >>log\n",
			"POST " + tok + " form(-d) grant_type=client_credentials client_secret=<<Genesys OAuth2 Client Secret>>"},
		{"mustache with spaces", "curl {{ base }}/oauth/token -d grant_type=client_credentials )\ncurl " + tok + " -d grant_type=password\n",
			"POST " + tok + " form(-d) grant_type=password"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := shellUnit(t, tc.src)
			var got []string
			for _, r := range u.Requests {
				got = append(got, describe(r))
			}
			if strings.Join(got, "\n") != tc.want {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), tc.want)
			}
		})
	}
}

// FuzzShell: no input makes the front end panic or break the span contract.
func FuzzShell(f *testing.F) {
	for _, src := range shellOddInputs[:len(shellOddInputs)-2] {
		f.Add(src)
	}
	f.Add("curl -sSd @- -H 'Content-Type: application/json' https://login.mypurecloud.com/oauth/token <<-EOF\n\t{\"a\": \"$B\"}\n\tEOF\n")
	f.Add("U=https://x.com\nsh -c 'curl -G \"$U\" -d a=b --url-query +c=d -u i:s -k --json x'")
	f.Fuzz(func(t *testing.T, src string) {
		u, err := ByName("shell").Extract("t.sh", []byte(src))
		if err != nil {
			return
		}
		if bad := verbatimMismatch(src, u); bad != "" {
			t.Errorf("%q: %s", src, bad)
		}
		rules.Run(u, nil)
	})
}

var shellOddInputs = []string{
	// Found by FuzzShell: a non-UTF-8 byte in a value, a value shared by two
	// requests mapped back twice, a here-document closed on its last line.
	"Curl \xc2",
	"sh -c 'curl 0 0 -X0  #0001'",
	"curl<<-EOF\n0$0\tEOF",
	"",
	"\xff\xfe curl https://login.mypurecloud.com/oauth/token # caf\xe9",
	"curl -d 'a=b' \\\r\n  https://login.mypurecloud.com/oauth/token\r\n",
	"curl -",
	"curl --",
	"curl -d",
	"curl -H",
	"curl -X",
	"curl -u",
	"curl ''",
	"curl \"\" -d \"\"",
	"curl -G -d a",
	"x=" + strings.Repeat("$(", 500) + "curl https://login.mypurecloud.com/oauth/token" + strings.Repeat(")", 500),
	strings.Repeat("curl https://login.mypurecloud.com/oauth/token -d a=b\n", 3000),
}

// CRLF scripts still continue lines with "\", and a fragment without a
// shebang (a Markdown fence) is read as bash.
func TestShellCRLFAndFragments(t *testing.T) {
	src := "curl -X POST https://api.mypurecloud.com/oauth/token \\\r\n  -d grant_type=client_credentials\r\n"
	checkFindings(t, "shell", "README.md", src, []string{"token-host", "api.mypurecloud.com"})
	u := shellUnit(t, src)
	if len(u.Requests) != 1 || u.Requests[0].Body == nil {
		t.Fatalf("the continued line was lost: %+v", u.Requests)
	}
}

// TestShellStreamedStatements checks what reading a script one top-level
// statement at a time must keep: here-documents (read by the parser after
// their statement's line), variables assigned once resolving only after
// their assignment, and a variable assigned again later not resolving at
// all, even before its second assignment.
func TestShellStreamedStatements(t *testing.T) {
	src := "URL=https://api.mypurecloud.com/oauth/token\n" +
		"curl -X POST \"$URL\" -d @- <<END\ngrant_type=client_credentials\nEND\n" +
		"curl -X POST \"$HOST/oauth/token\"\n" +
		"HOST=https://api.mypurecloud.com\n" +
		"curl -X POST \"$TWICE/oauth/token\"\n" +
		"TWICE=https://api.mypurecloud.com\n" +
		"TWICE=https://login.mypurecloud.com\n" +
		"curl -X POST \"$URL\" -d @- <<END\ngrant_type=password\nEND"
	// Small scripts are parsed whole; from streamFrom on, streamed.
	for _, pad := range []int{0, streamFrom} {
		testStreamedStatements(t, "# "+strings.Repeat("x", pad)+"\n"+src)
	}
}

func testStreamedStatements(t *testing.T, src string) {
	u := shellUnit(t, src)
	if len(u.Requests) != 4 {
		t.Fatalf("got %d requests, want 4", len(u.Requests))
	}
	want := []struct{ url, body string }{
		{"https://api.mypurecloud.com/oauth/token", "grant_type=client_credentials"},
		{"$HOST/oauth/token", ""},
		{"$TWICE/oauth/token", ""},
		{"https://api.mypurecloud.com/oauth/token", "grant_type=password"},
	}
	for i, r := range u.Requests {
		body := ""
		if r.Body != nil {
			body = r.Body.Raw.Text
		}
		if r.URL.Text != want[i].url || body != want[i].body {
			t.Errorf("request %d: URL %q body %q, want %q %q", i, r.URL.Text, body, want[i].url, want[i].body)
		}
	}
}

// TestShellPlaceholderBeforeAssignment: a placeholder the parser reads
// masked ({{x}}, <ID>) glued to NAME=value gives a key of the file's own
// text, not the masked copy's (FuzzFrontEnds 0ca78d9b54f355bf), and a
// secret there is still one.
func TestShellPlaceholderBeforeAssignment(t *testing.T) {
	for src, secret := range map[string]bool{"{{}}grAnttYpe=00\n": false, "<ID>client_secret=Kx7Qw9Zp3Lm2Rt\n": true} {
		u, err := ByName("shell").Extract("token.sh", []byte(src))
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if bad := verbatimMismatch(src, u); bad != "" {
			t.Errorf("%q: %s", src, bad)
		}
		if got := len(rules.SecretSpans(u, nil)) > 0; got != secret {
			t.Errorf("%q: secret %v, want %v", src, got, secret)
		}
	}
}

func TestSchemelessCurlURL(t *testing.T) {
	for text, want := range map[string]bool{
		"login.mypurecloud.com/oauth/token":  true,
		"login.mypurecloud.com./oauth/token": true,
		"localhost:8080/oauth/token":         true,
		"...":                                false, // a document's elision
		"..":                                 false,
		".example.com/token":                 false,
		"login..mypurecloud.com/oauth/token": false,
		"keycloak:8080/realms/x/token":       false, // one label: not curl's guess of a public host
		"https://login.mypurecloud.com":      false,
		"ftp.example.com/x":                  false,
	} {
		if got := schemeless(rules.Lit("f.sh", text, 0)); got != want {
			t.Errorf("schemeless(%q) = %v, want %v", text, got, want)
		}
	}
}

// A script run with an environment (a workflow step's env:) starts with
// its values: $NAME is the value, on the use's span and not verbatim (no
// fix edits the use), with the value's place as the use's Origin; a name
// the script assigns, unsets or may set by other means is not the env's.
func TestShellEnv(t *testing.T) {
	valueAt := rules.Span{File: "w.yml", Start: 900, End: 927}
	env := func(name string) (writtenValue, bool) {
		switch name {
		case "BASE":
			return writtenValue{text: "https://api.mypurecloud.com", at: valueAt}, true
		case "SHELLISH":
			return writtenValue{text: "https://api.$DOMAIN", at: valueAt}, true
		}
		return writtenValue{}, false
	}
	const known = "https://api.mypurecloud.com/oauth/token"
	for _, tc := range []struct {
		name, src string
		want      string // the first URL as described
	}{
		{"plain", `curl -X POST "$BASE/oauth/token"`, known},
		{"braces", `curl -X POST "${BASE}/oauth/token"`, known},
		{"exported", "export BASE\ncurl -X POST \"$BASE/oauth/token\"", known},
		{"assigned by the script", "BASE=https://login.mypurecloud.com\ncurl -X POST \"$BASE/oauth/token\"", "https://login.mypurecloud.com/oauth/token"},
		{"used before the script assigns it", "curl -X POST \"$BASE/oauth/token\"\nBASE=https://login.mypurecloud.com", known},
		{"used before an assignment in a loop", "for i in 1 2; do\n  curl -X POST \"$BASE/oauth/token\"\n  BASE=https://login.mypurecloud.com\ndone", "«$BASE»/oauth/token"},
		{"used in a function before the assignment", "f() { curl -X POST \"$BASE/oauth/token\"; }\nBASE=https://login.mypurecloud.com\nf", "«$BASE»/oauth/token"},
		{"used after a function that assigns it", "f() { BASE=https://login.mypurecloud.com; }\nf\ncurl -X POST \"$BASE/oauth/token\"", "«$BASE»/oauth/token"},
		{"unset", "unset BASE\ncurl -X POST \"$BASE/oauth/token\"", "«$BASE»/oauth/token"},
		{"local", "f() { local BASE; curl -X POST \"$BASE/oauth/token\"; }", "«$BASE»/oauth/token"},
		{"printf -v", "printf -v BASE %s \"$1\"\ncurl -X POST \"$BASE/oauth/token\"", "«$BASE»/oauth/token"},
		{"read", "read -r BASE < f\ncurl -X POST \"$BASE/oauth/token\"", "«$BASE»/oauth/token"},
		{"printf -v of a computed name", "printf -v \"$k\" %s \"$v\"\ncurl -X POST \"$BASE/oauth/token\"", "«$BASE»/oauth/token"},
		{"unset of a computed name", "unset \"$k\"\ncurl -X POST \"$BASE/oauth/token\"", "«$BASE»/oauth/token"},
		{"nameref", "declare -n ref=BASE\nref=https://login.mypurecloud.com\ncurl -X POST \"$BASE/oauth/token\"", "«$BASE»/oauth/token"},
		{"sourced file", ". ./ci.env\ncurl -X POST \"$BASE/oauth/token\"", "«$BASE»/oauth/token"},
		{"eval", "eval \"$(./settings)\"\ncurl -X POST \"$BASE/oauth/token\"", "«$BASE»/oauth/token"},
		{"export of a computed name", "export \"$line\"\ncurl -X POST \"$BASE/oauth/token\"", "«$BASE»/oauth/token"},
		{"default expansion", `curl -X POST "${BASE:-https://x.com}/oauth/token"`, "«${BASE:-https://x.com}»/oauth/token"},
		{"sh -c", `sh -c 'curl -X POST "$BASE/oauth/token"'`, "«$BASE»/oauth/token"},
		{"not in the env", `curl -X POST "$OTHER/oauth/token"`, "«$OTHER»/oauth/token"},
		{"a value with a $", `curl -X POST "$SHELLISH/oauth/token"`, "«$SHELLISH»/oauth/token"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, err := extractShellEnv("t.sh", []byte(tc.src), newExpansion(len(tc.src)), env)
			if err != nil {
				t.Fatal(err)
			}
			if len(u.Requests) == 0 {
				t.Fatal("no request")
			}
			r := u.Requests[0]
			if _, got, _ := strings.Cut(describe(r), " "); got != tc.want {
				t.Errorf("URL %q, want %q", got, tc.want)
			}
			if tc.want != known {
				return
			}
			use := strings.Index(tc.src, "$BASE")
			if use < 0 {
				use = strings.Index(tc.src, "${BASE}")
			}
			seg := r.URL.Segs[0]
			if seg.Verbatim || int(seg.Start) != use {
				t.Errorf("value's segment %+v, want one not verbatim at the use, %d", seg, use)
			}
			if len(u.Origins) != 1 || u.Origins[0].Name != "BASE" || u.Origins[0].Value != valueAt || u.Origins[0].At.Start != use {
				t.Errorf("origins %+v, want BASE's use at %d from %+v", u.Origins, use, valueAt)
			}
		})
	}
}
