package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// UnencodedSecret flags a credential written raw into a form body.
var UnencodedSecret = &Rule{
	ID:       "unencoded-secret",
	Severity: Error,
	Summary:  "credential written into a form body without percent-encoding",
	Doc: Documentation{
		Why: `A form body (application/x-www-form-urlencoded) is decoded by the server:
"+" becomes a space, "%" starts an escape and "&" ends the field. A client
secret pasted raw into a body written by hand (curl -d/--data/--data-raw/
--data-binary, an .http body, a string built in code) reaches the server
changed, and the server answers {"error":"invalid_client"} although the
secret is right.

- A literal with "+", "&", a "%" that does not start an escape, or a space is
  an error: the message names the character and what the server reads.
- A literal with "=", "/", "?", "#" or a non-ASCII character is a warning:
  the form encoding requires them escaped, and strict servers reject them,
  though common parsers read them unchanged.
- A variable inserted raw (client_secret=$SECRET, password={{password}})
  is a warning: the linter cannot see the value, and a secret that
  contains "+" will break. So is a placeholder
  (client_secret=YOUR_CLIENT_SECRET, <client secret>): the secret pasted in
  its place goes into the same raw body. Only credentials a person types
  or pastes are judged so (client_secret, password): tokens a server
  issued and the file only passes on (refresh_token, assertion,
  subject_token, codes) are JWTs or opaque strings drawn from URL-safe
  alphabets in practice (RFC 7519 section 3 uses base64url), and a
  variable whose every value the repository defines (JetBrains
  http-client.env.json, VS Code rest-client.environmentVariables, a
  Postman environment) is made of letters, digits and - . _ ~ cannot
  break either.
- A value with several such characters is judged by the worst:
  q/Zk+9Lm== is an error for its "+", not a warning for its "/".`,
		Bad: []Example{
			{Format: FormatShell, Code: `curl https://login.mypurecloud.com/oauth/token \
  -d "grant_type=client_credentials&client_id=abc&client_secret=abc+def"`},
			{Format: FormatGo, Code: `package token

import (
	"net/http"
	"strings"
)

func fetch(id, secret string) (*http.Response, error) {
	body := "grant_type=client_credentials&client_id=" + id + "&client_secret=" + secret
	return http.Post("https://login.mypurecloud.com/oauth/token", "application/x-www-form-urlencoded", strings.NewReader(body))
}
`},
		},
		Good: []Example{
			{Format: FormatShell, Code: `curl https://login.mypurecloud.com/oauth/token \
  -d grant_type=client_credentials \
  --data-urlencode "client_id=$CLIENT_ID" --data-urlencode "client_secret=$CLIENT_SECRET"`},
			{Format: FormatGo, Code: `package token

import (
	"net/http"
	"net/url"
)

func fetch(id, secret string) (*http.Response, error) {
	return http.PostForm("https://login.mypurecloud.com/oauth/token", url.Values{
		"grant_type":    {"client_credentials"},
		"client_id":     {id},
		"client_secret": {secret},
	})
}
`},
		},
		Notes: `Best: send the credentials as Basic auth (curl -u, SetBasicAuth), as the
official Genesys Cloud clients do.

Mechanisms that encode (curl --data-urlencode, url.Values.Encode,
http.PostForm, golang.org/x/oauth2, Postman's OAuth 2.0 helper) are not
flagged. Postman's urlencoded body mode encodes "&" but not "+".

An .http form (under Content-Type: application/x-www-form-urlencoded) is
judged as its client sends it. VS Code REST Client (a .vscode/settings.json
with rest-client settings, or its syntax) runs its
formParamEncodingStrategy: "automatic", the default, escapes spaces,
non-ASCII and a lone "%" but sends "+" and "&" as written; "always" encodes
everything, so a "%2B" written by hand is wrong; "never" sends the text as
written. The JetBrains HTTP Client (an http-client.env.json beside the
file, or its syntax) reads name = value pairs over lines, with %+ %& %= %%
for the literal characters, and encodes the rest but a bare "+". When the
client cannot be told, only what is wrong in both is reported.`,
		Sources: []string{
			"WHATWG URL application/x-www-form-urlencoded parser",
			`curl docs/cmdline-opts/data.md ("passed on to the server exactly as provided")`,
			"postmanlabs/postman-app-support#8849 (docs/facts/formats.md 0.2)",
			"Huachao/vscode-restclient src/utils/httpRequestParser.ts and Huachao/vscode-restclient#307, #388",
			"the JetBrains HTTP Client's bundled form example (docs/facts/formats.md 1.5)",
		},
		Since: FirstRelease,
	},
	Check: checkUnencodedSecret,
}

// Characters a form decoder changes: the server reads something else.
var formChanges = map[byte]string{
	'+': "a space",
	'&': "the end of the field",
	' ': "an invalid body, or a space only by luck",
}

// Characters the form encoding requires escaped that lenient parsers keep.
const formReserved = "=/?#"

// encodedAlternative is the way to encode a field, by the mechanism that
// wrote it.
func encodedAlternative(via, name string) string {
	switch {
	case strings.HasPrefix(via, ViaCurl):
		return fmt.Sprintf("pass it with --data-urlencode \"%s=...\" (curl encodes it) or as Basic auth with -u", name)
	case via == ViaGo:
		return "encode it with url.QueryEscape, or build the body with url.Values{...}.Encode()"
	case via == ViaHTTPFile:
		return "percent-encode it (\"+\" is %2B), or send the credentials in an Authorization: Basic header"
	}
	return "percent-encode it (\"+\" is %2B), or send the credentials as Basic auth"
}

func checkUnencodedSecret(p *Pass) {
	for _, r := range p.Unit.Requests {
		if r.Body == nil || r.Body.Kind != BodyForm {
			continue
		}
		for _, f := range r.Body.Fields {
			if f.Encoding == EncodingFull || !f.Name.Known() {
				continue
			}
			name := f.Name.Text
			secret := p.Catalog.IsCredentialField(name)
			if !secret && !p.Catalog.IsIdentityField(name) {
				continue
			}
			via := f.Via
			if via == "" {
				via = r.Via
			}
			// A placeholder padded with blanks or line breaks (a --data
			// body split over lines) still sends them: those are judged.
			placeholder := f.Value.Known() && IsPlaceholder(f.Value.Text) && strings.TrimSpace(f.Value.Text) == f.Value.Text
			if placeholder && p.Catalog.IsStaticSecretField(name) && sendsVariablesRaw(f.Encoding) {
				// The value that replaces YOUR_CLIENT_SECRET is pasted into
				// the same raw body: judged as $SECRET is.
				p.Report(Diagnostic{
					Severity: Warning,
					Span:     f.Value.Span(),
					Key:      name + ":placeholder",
					Message: fmt.Sprintf("%s is a placeholder written into the form body without percent-encoding; a secret with \"+\", \"&\" or \"%%\" pasted in its place will reach the server changed: %s",
						name, encodedAlternative(via, name)),
				})
				continue
			}
			if placeholder {
				continue
			}
			if found := checkLiteralField(p, f, name, via); found || f.Value.Known() {
				continue
			}
			// A variable is worth a warning only where a person types or
			// pastes its value (a client secret, a password): a token the
			// server issued and the file passes on (refresh_token,
			// assertion, subject_token) is URL-safe in practice, and a
			// variable whose every defined value is safe cannot break.
			if p.Catalog.IsStaticSecretField(name) && f.Value.HasDynamic() && sendsVariablesRaw(f.Encoding) && !f.Value.DynamicFormSafe() {
				p.Report(Diagnostic{
					Severity: Warning,
					Span:     f.Value.Span(),
					Key:      name + ":dynamic",
					Message: fmt.Sprintf("%s is inserted into the form body without percent-encoding; a value with \"+\", \"&\" or \"%%\" will reach the server changed: %s",
						name, encodedAlternative(via, name)),
				})
			}
		}
	}
}

// checkLiteralField reports the character of the field's literal text
// that the form encoding changes worst (the first "+", "&" or broken "%"
// before the first "/" or "="): one finding a field, at the error a
// server certainly makes. It says whether it reported.
func checkLiteralField(p *Pass, f Field, name, via string) bool {
	var worst *Diagnostic
	v := f.Value
	for i := 0; i < len(v.Text); i++ {
		if v.DynamicAt(i) {
			continue
		}
		j := judgeFormChar(f.Encoding, v.Text, i)
		if j.skip > 0 {
			i += j.skip
			continue
		}
		if j.sev == 0 {
			continue
		}
		alt := encodedAlternative(via, name)
		if j.alt != "" {
			alt = j.alt
		}
		var msg string
		if j.sev == Error {
			msg = fmt.Sprintf("%s contains %s, which %s: %s", name, j.char, j.reads, alt)
		} else {
			msg = fmt.Sprintf("%s contains %s, which the form encoding requires percent-encoded (strict servers reject it): %s", name, j.char, alt)
		}
		if worst == nil || j.sev > worst.Severity {
			worst = &Diagnostic{Severity: j.sev, Span: v.SpanOf(i, i+j.width), Key: name + ":" + j.char, Message: msg}
		}
		if j.sev == Error {
			break
		}
		i += j.width - 1
	}
	if worst == nil {
		return false
	}
	p.Report(*worst)
	return true
}

// sendsVariablesRaw reports whether a value inserted from a variable can
// reach the server changed: the mechanism leaves "+" (and "&") as written.
func sendsVariablesRaw(enc Encoding) bool {
	switch enc {
	case EncodingRaw, EncodingURLChars, EncodingJetBrains, EncodingEitherHTTPClient:
		return true
	}
	return false
}

// A charJudgement is what a form encoding does to one character of a
// value: nothing (sev 0), or a change the server reads wrongly.
type charJudgement struct {
	sev   Severity
	char  string // the character, for messages ("\"+\"")
	reads string // what happens to it, for errors
	alt   string // the fix, when the mechanism has its own
	width int
	skip  int // bytes after this one that belong to an escape: not judged
}

// judgeFormChar judges text[i] as the mechanism of enc sends it.
func judgeFormChar(enc Encoding, text string, i int) charJudgement {
	c := text[i]
	quoted := fmt.Sprintf("%q", string(c))
	switch enc {
	case EncodingExceptPlus:
		if c == '+' {
			return charJudgement{sev: Error, char: quoted, reads: "the server reads as " + formChanges[c], width: 1}
		}
		return charJudgement{}
	case EncodingURLChars:
		// encodeurl escapes space, non-ASCII and a lone "%" correctly.
		switch {
		case c == '+' || c == '&':
			return charJudgement{sev: Error, char: quoted, reads: "REST Client sends as written and the server reads as " + formChanges[c], width: 1,
				alt: "percent-encode it (\"+\" is %2B, \"&\" is %26), or send the credentials in an Authorization: Basic header"}
		case strings.IndexByte(formReserved, c) >= 0:
			return charJudgement{sev: Warning, char: quoted, width: 1, alt: "percent-encode it, or send the credentials in an Authorization: Basic header"}
		}
		return charJudgement{}
	case EncodingComponent:
		if c == '%' && validEscape(text[i:]) {
			return charJudgement{sev: Error, char: fmt.Sprintf("the escape %q", text[i:i+3]),
				reads: "REST Client's formParamEncodingStrategy \"always\" encodes again (the server reads the three characters, not the one they stand for)", width: 3,
				alt: "write the character itself: this setting encodes every value"}
		}
		return charJudgement{}
	case EncodingJetBrains, EncodingEitherHTTPClient:
		if c == '%' && i+1 < len(text) && strings.IndexByte("&=+%", text[i+1]) >= 0 {
			// JetBrains' own escape for a literal character. REST Client
			// sends "%+" as "%25+", but that is not wrong in both.
			return charJudgement{skip: 1}
		}
		who := "the JetBrains HTTP Client sends as written and the server reads as a space"
		if enc == EncodingEitherHTTPClient {
			who = "both the JetBrains HTTP Client and VS Code REST Client send as written, and the server reads as a space"
		}
		switch c {
		case '+':
			return charJudgement{sev: Error, char: quoted, reads: who, width: 1,
				alt: "write %2B (or %+, the JetBrains HTTP Client's escape for a literal \"+\"), or send the credentials in an Authorization: Basic header"}
		case '=':
			return charJudgement{sev: Warning, char: quoted, width: 1,
				alt: "write %3D (or %=, the JetBrains HTTP Client's escape for a literal \"=\")"}
		}
		return charJudgement{}
	}
	// EncodingRaw: the bytes go out as written.
	switch {
	case formChanges[c] != "":
		return charJudgement{sev: Error, char: quoted, reads: "the server reads as " + formChanges[c], width: 1}
	case c == '%' && !validEscape(text[i:]):
		return charJudgement{sev: Error, char: `"%"`, reads: "the server reads as a broken percent-escape", width: 1}
	case strings.IndexByte(formReserved, c) >= 0:
		return charJudgement{sev: Warning, char: quoted, width: 1}
	case c >= utf8.RuneSelf:
		_, w := utf8.DecodeRuneInString(text[i:])
		return charJudgement{sev: Warning, char: "a non-ASCII character", width: w}
	}
	return charJudgement{}
}

func validEscape(s string) bool {
	return len(s) >= 3 && isHex(s[1]) && isHex(s[2])
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
