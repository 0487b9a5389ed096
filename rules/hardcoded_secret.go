package rules

import (
	"encoding/base64"
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// HardcodedSecret flags a literal client secret or password committed in
// a file.
var HardcodedSecret = &Rule{
	ID:       "hardcoded-secret",
	Severity: Warning,
	Summary:  "literal client secret or password committed in the file",
	Doc: Documentation{
		Why: `A client secret written into a config file, a script or Go source is
readable by everyone who can read the repository, its forks, its CI logs and
its history; removing it later does not unpublish it. Read it at run time
from the environment or a secret store, and rotate a secret that was
committed.

Judged: the value of a secret setting (client_secret,
GENESYS_CLOUD_CLIENT_SECRET, oauthclient_secret...; not tokens the server
issues, such as access_token and refresh_token, which expire and fill sample
token responses), a Basic auth password (curl -u id:secret, SetBasicAuth,
Authorization: Basic), the secret of a client library or tool helper
(clientcredentials.Config.ClientSecret, AuthorizeClientCredentials, a
Postman OAuth 2.0 helper), and the client_secret or password field of a
form or JSON body.`,
		Bad: []Example{
			{Format: FormatShell, Code: `curl -u "my-client:Jq8vL2x9TzR4wY7n" -d grant_type=client_credentials https://login.mypurecloud.com/oauth/token`},
			{Format: FormatEnv, Code: `GENESYS_CLOUD_CLIENT_SECRET=Jq8vL2x9TzR4wY7nB3mK`},
			{Format: FormatGo, Code: `package token

import "golang.org/x/oauth2/clientcredentials"

var config = clientcredentials.Config{
	ClientID:     "my-client",
	ClientSecret: "Jq8vL2x9TzR4wY7nB3mK5pQs",
	TokenURL:     "https://login.mypurecloud.com/oauth/token",
}
`},
		},
		Good: []Example{
			{Format: FormatShell, Code: `curl -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials https://login.mypurecloud.com/oauth/token`},
			{Format: FormatEnv, Code: `GENESYS_CLOUD_CLIENT_SECRET=${GENESYS_CLOUD_CLIENT_SECRET}`},
			{Format: FormatGo, Code: `package token

import (
	"os"

	"golang.org/x/oauth2/clientcredentials"
)

var config = clientcredentials.Config{
	ClientID:     os.Getenv("GENESYS_CLOUD_CLIENT_ID"),
	ClientSecret: os.Getenv("GENESYS_CLOUD_CLIENT_SECRET"),
	TokenURL:     "https://login.mypurecloud.com/oauth/token",
}
`},
		},
		Notes: `Not secrets, and not reported: empty values; variables and templates ($X,
${X}, {{x}}, %X%, ${{ secrets.X }}); secret-store references (vault://,
op://, arn:aws:secretsmanager:...); placeholders (your_client_secret,
YOUR_CLIENT_SECRET, <client-secret>, [secret], xxx, ****, "OAUTH CLIENT
SECRET"); hashes ({bcrypt}...); values shorter than 10 characters, with
little variety (Shannon entropy below 3 bits a character: hunter2hunter2)
or of one character class (openid-connect: generated secrets mix lower
case, upper case, digits and symbols); and weak defaults and words
(changeme, password, secret, test, example, dummy, 1234, abcd, xyz...),
and truncated samples (eyJra...Aw, eyJ . . . Yg). A provider issues a
client secret as a long random string, so such a word is a placeholder in a
sample, and committing it discloses nothing a guess would not; a real
password that weak is a different problem than a leaked one.

Samples are notes, not warnings (a note is shown but does not fail the run
at the default -fail-on warning), as secret scanners' default allowlists
treat them: a secret whose server is local or reserved for documentation
and tests (localhost, loopback and link-local addresses, names under .test,
.example, .invalid, .localhost, .local, example.com/.net/.org, and the
loopback aliases localtest.me and lvh.me), and any secret in a file under a
test-data directory (testdata/, fixtures/, __fixtures__/, __mocks__/,
__snapshots__/, .snapshots/). A secret for a real host stays a warning.

Commented-out code is judged too (# curl -u id:secret ..., # CLIENT_SECRET=...,
# client_secret: ..., a commented .http request): a secret in a comment is
committed all the same.

No output shows the value: messages name the key only, and every snippet
keeps at most the first two characters.`,
		Sources: []string{
			"RFC 6749 section 2.3.1 and 10.1 (client credentials are confidential)",
			"CWE-798 (use of hard-coded credentials)",
			"RFC 2606, RFC 6761 and RFC 6762 for the reserved names",
		},
		Since: FirstRelease,
	},
	Check:     checkHardcodedSecret,
	Commented: true,
}

func checkHardcodedSecret(p *Pass) {
	seen := map[Span]bool{}
	unitDemo := demoUnit(p)
	judge := func(v Value, name, demo string) {
		if !v.Known() || seen[v.Span()] || !looksLikeSecret(basicPassword(v.Text), name) {
			return
		}
		seen[v.Span()] = true
		f := Diagnostic{
			Span: v.Span(),
			Key:  name,
			Message: fmt.Sprintf("%s is a literal secret committed with the file, readable by anyone with the repository: read it from the environment or a secret store at run time, and rotate this one",
				name),
		}
		if demo != "" {
			f.Severity = Note
			f.Message = fmt.Sprintf("%s is a literal secret committed with the file, but %s, so it is a sample, not a leak; keep real secrets out of files all the same", name, demo)
		}
		p.Report(f)
	}
	for _, s := range p.Unit.Settings {
		if s.Kind != SettingClientSecret {
			continue
		}
		name := "the client secret"
		if s.Key.Known() && s.Key.Text != "" {
			name = s.Key.Text
			if issuedToken(name) {
				continue
			}
		}
		if s.Commented {
			name += " (commented out)"
		}
		judge(s.Value, name, unitDemo)
	}
	for _, r := range p.Unit.Requests {
		demo := unitDemo
		if d := demoRequest(r); d != "" {
			demo = d
		}
		if a := r.Auth; a != nil && (a.Kind == AuthBasic || a.Kind == AuthOAuth2) {
			name := "the client secret"
			if a.Kind == AuthBasic && r.Role != RoleToken {
				name = "the Basic auth password"
			}
			if a.Via != "" {
				name += " (" + a.Via + ")"
			}
			if r.Commented {
				name += " (commented out)"
			}
			judge(a.Secret, name, demo)
		}
		if r.Body == nil {
			continue
		}
		for _, f := range r.Body.Fields {
			if f.Name.Known() && p.Catalog.IsStaticSecretField(f.Name.Text) {
				name := f.Name.Text
				if r.Commented {
					name += " (commented out)"
				}
				judge(f.Value, name, demo)
			}
		}
	}
}

// demoRequest says why a secret sent with r is a sample ("its server
// localhost is local"), or "": its host is local or reserved for
// documentation and tests, so nobody else can use the secret.
func demoRequest(r *Request) string {
	host, ok := ParseURL(r.URL).HostName()
	if !ok || host == "" || !isReservedHost(host) {
		return ""
	}
	return "its server " + host + " is a local or reserved host"
}

// demoUnit says why every secret of the unit is a sample, or "": the file
// sits in a test-data directory, or every server it names (requests and
// base URLs, at least one, all literal) is local or reserved.
func demoUnit(p *Pass) string {
	if isTestDataPath(p.Unit.Name) {
		return "the file sits in a test-data directory"
	}
	var hosts []string
	for _, r := range p.Unit.Requests {
		host, ok := ParseURL(r.URL).HostName()
		if !ok || host == "" {
			return ""
		}
		hosts = append(hosts, host)
	}
	for _, s := range p.Unit.Settings {
		if s.Kind != SettingBaseURL {
			continue
		}
		host, ok := ParseURL(s.Value).HostName()
		if !ok || host == "" {
			return ""
		}
		hosts = append(hosts, host)
	}
	if len(hosts) == 0 {
		return ""
	}
	for _, h := range hosts {
		if !isReservedHost(h) {
			return ""
		}
	}
	return "every server the file names (" + hosts[0] + ") is a local or reserved host"
}

// A provider-issued client secret is a long random string (Genesys 43
// characters, Entra 40): shorter or less varied values are samples.
const (
	minSecretLen     = 10
	minSecretEntropy = 3.0 // bits a character
)

// entropy is the Shannon entropy of s in bits a character.
func entropy(s string) float64 {
	counts := map[rune]int{}
	n := 0
	for _, c := range s {
		counts[c]++
		n++
	}
	var h float64
	for _, k := range counts {
		p := float64(k) / float64(n)
		h -= p * math.Log2(p)
	}
	return h
}

// issuedToken reports whether a setting's key names a token the server
// issues at run time (access_token, refreshToken, ID_TOKEN): it expires,
// and sample token responses fill documentation and test data.
func issuedToken(key string) bool {
	k := alnumLower(key)
	return strings.HasSuffix(k, "token") && !strings.HasSuffix(k, "secrettoken")
}

// Words that make a value a sample or a weak default (IsPlaceholder
// knows the placeholders), compared with the value lower-cased and
// stripped to letters and digits.
var weakWords = []string{
	"example", "sample", "change", "dummy", "fake", "enter", "secret", "passw",
	"test", "demo", "mock", "notreal", "xxxx", "default", "foobar", "value",
	"credential", "1234", "abcd", "xyz", "qwerty", "your", "placeholder", "replace",
}

// References to a secret kept elsewhere.
var secretRefPrefixes = []string{
	"env:", "secret:", "secrets:", "vault:", "arn:aws:secretsmanager:", "arn:aws:ssm:",
	"@microsoft.keyvault(", "projects/", "keyvault:",
	// Spring Security's encoded passwords: a hash, not the secret.
	"{bcrypt}", "{pbkdf2}", "{scrypt}", "{argon2}", "{sha256}",
}

// looksLikeSecret reports whether text, the value of key name, is a real
// secret rather than a placeholder, template or weak default.
func looksLikeSecret(text, name string) bool {
	// Spring Security's {noop} marks a plain-text password: judge the rest.
	t := strings.TrimPrefix(strings.TrimSpace(text), "{noop}")
	if len(t) < minSecretLen || entropy(t) < minSecretEntropy {
		return false
	}
	lower := strings.ToLower(t)
	for _, m := range []string{"{{", "}}", "${", "$(", "<%", "%>", "#{", "://"} {
		if strings.Contains(lower, m) {
			return false
		}
	}
	for _, pre := range secretRefPrefixes {
		if strings.HasPrefix(lower, pre) {
			return false
		}
	}
	if t[0] == '$' || IsPlaceholder(t) {
		return false
	}
	var alnum strings.Builder
	distinct := map[rune]bool{}
	for _, c := range t {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			alnum.WriteRune(unicode.ToLower(c))
			distinct[unicode.ToLower(c)] = true
		}
	}
	norm := alnum.String()
	if len(distinct) <= 2 {
		return false // 00000000, abababab
	}
	if charClasses(t) < 2 {
		return false // openid-connect, with-messages: words, not a generated secret
	}
	for _, w := range weakWords {
		if strings.Contains(norm, w) {
			return false
		}
	}
	if n := alnumLower(name); n != "" && strings.Contains(norm, n) {
		return false
	}
	return true
}

// charClasses counts which of lower-case letters, upper-case letters,
// digits and symbols (other than the word separators - _ . and space) s
// contains: generated secrets mix at least two.
func charClasses(s string) int {
	var lower, upper, digit, symbol int
	for _, c := range s {
		switch {
		case unicode.IsLower(c):
			lower = 1
		case unicode.IsUpper(c):
			upper = 1
		case unicode.IsDigit(c):
			digit = 1
		case !strings.ContainsRune("-_. ", c):
			symbol = 1
		}
	}
	return lower + upper + digit + symbol
}

// basicPassword returns the password inside a base64 Basic credential
// ("dXNlcjpwYXNz" is user:pass), or text itself when it is not one.
func basicPassword(text string) string {
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(text))
	if err != nil || !utf8.Valid(raw) {
		return text
	}
	if _, pass, ok := strings.Cut(string(raw), ":"); ok {
		return pass
	}
	return text
}

func alnumLower(s string) string {
	return strings.Map(func(c rune) rune {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			return unicode.ToLower(c)
		}
		return -1
	}, s)
}
