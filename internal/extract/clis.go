package extract

import (
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"github.com/tokenlint/tokenlint/rules"
)

// Other command-line clients that send token requests from scripts: wget
// (--post-data), HTTPie (http POST url grant_type=...) and the Salesforce
// CLI's logins (sf org login client-credentials --instance-url ...). Their
// requests go into the same model as curl's, with each tool's own defaults.

// otherCLI reads a wget or HTTPie command, and reports whether it was one.
func (s *shellScript) otherCLI(args []*syntax.Word) bool {
	i := commandIndex(args)
	if i < 0 || i >= len(args) {
		return false
	}
	name := args[i].Lit()
	switch name {
	case "wget":
		s.wget(args[i:])
	case "http", "https", "xh", "xhs":
		s.httpie(args[i:])
	case "sf", "sfdx":
		if !s.salesforceLogin(args[i:]) {
			return false
		}
	default:
		return false
	}
	s.markExpanded(args[i:])
	return true
}

// wgetArgOptions are wget's long options that take a value when it is
// not written with "=" (wget(1)); the short ones are in wgetShortArgs.
var wgetArgOptions = setOf(`post-data post-file body-data body-file method header user password http-user
	http-password output-document output-file append-output tries timeout wait user-agent referer
	ca-certificate certificate private-key directory-prefix load-cookies save-cookies`)

const wgetShortArgs = "OoatTwUePdi"

// wget reads a wget command: --post-data and --body-data send their text
// as written, with Content-Type application/x-www-form-urlencoded for
// --post-data (wget(1): "--post-data=string ... Wget will send
// Content-Type: application/x-www-form-urlencoded" unless a header says
// otherwise); a URL without a scheme is http://.
func (s *shellScript) wget(words []*syntax.Word) {
	pos := rules.Span{File: s.file, Start: int(words[0].Pos().Offset()), End: int(words[len(words)-1].End().Offset())}
	r := &rules.Request{Via: "wget", Pos: pos}
	var user, pass rules.Value
	var urls []rules.Value
	for k := 1; k < len(words); k++ {
		v := s.word(words[k])
		text := v.Text
		if len(text) < 2 || text[0] != '-' || v.DynamicAt(0) {
			urls = append(urls, v)
			continue
		}
		name, val, hasVal := text, rules.Value{}, false
		if strings.HasPrefix(text, "--") {
			if eq := literalIndexByte(v, '='); eq > 0 {
				name, val, hasVal = text[2:eq], v.Slice(eq+1, len(text)), true
			} else {
				name = text[2:]
			}
		} else {
			name = text[1:2]
			if len(text) > 2 {
				val, hasVal = v.Slice(2, len(text)), true
			}
		}
		takes := wgetArgOptions[name] || len(name) == 1 && strings.Contains(wgetShortArgs, name)
		if takes && !hasVal && k+1 < len(words) {
			k++
			val, hasVal = s.word(words[k]), true
		}
		at := v.Span()
		switch name {
		case "post-data", "body-data":
			kind := rules.BodyForm
			if name == "body-data" {
				kind = rules.BodyRaw
			}
			r.Body = &rules.Body{Kind: kind, Raw: val, Via: "wget --" + name}
			if r.Method.IsZero() {
				r.Method = rules.Decoded(s.file, "POST", at.Start, at.End)
			}
		case "post-file", "body-file":
			sp := val.Span()
			r.Body = &rules.Body{Kind: rules.BodyRaw, Raw: rules.Dyn(s.file, val.Text, sp.Start, sp.End), Via: "wget --" + name}
			if r.Method.IsZero() {
				r.Method = rules.Decoded(s.file, "POST", at.Start, at.End)
			}
		case "method":
			r.Method = val
		case "header":
			if n, hv, ok := val.Cut(':'); ok {
				r.Headers = append(r.Headers, rules.Header{Name: n.TrimSpace(), Value: hv.TrimSpace()})
			}
		case "user", "http-user":
			user = val
		case "password", "http-password":
			pass = val
		case "no-check-certificate":
			r.MarkInsecure(at)
		}
	}
	if len(urls) == 0 {
		return
	}
	if r.Method.IsZero() {
		sp := rules.Span{Start: int(words[0].Pos().Offset()), End: int(words[0].End().Offset())}
		r.Method = rules.Decoded(s.file, "GET", sp.Start, sp.End)
	}
	if b := r.Body; b != nil && b.Kind == rules.BodyForm {
		if ct := r.Header("Content-Type"); ct != nil && ct.Value.Known() {
			b.Kind = rules.ClassifyBody(b.Raw.TrimSpace(), mediaType(ct.Value.Text), true)
		} else if rules.OpensJSONObject(b.Raw) {
			b.Kind = rules.BodyJSON
		}
		switch b.Kind {
		case rules.BodyForm:
			b.Fields = rules.ParseForm(b.Raw, rules.EncodingRaw, "wget --post-data")
		case rules.BodyJSON:
			b.Fields = rules.JSONMembers(b.Raw, "wget --post-data")
		}
	}
	a := httpAuthOf(s.file, r)
	if a.Kind == rules.AuthNone && !user.IsZero() {
		a = rules.Auth{Kind: rules.AuthBasic, User: user, Secret: pass, Via: "wget"}
	}
	for _, u := range urls {
		rr := *r
		rr.SetAuth(a) // each request its own, as Remap rewrites values in place
		rr.URL = withDefaultScheme(s.file, u, "http://")
		s.unit.Requests = append(s.unit.Requests, &rr)
	}
}

// httpieArgOptions are HTTPie's options that take a value as the next
// word (http --help).
var httpieArgOptions = setOf(`auth auth-type print session session-read-only output pretty style
	format-options timeout cert cert-key ssl ciphers boundary default-scheme max-redirects max-headers
	response-charset response-mime verify proxy unsorted`)

const httpieShortArgs = "aApsoh"

// httpie reads an HTTPie command: http [options] [METHOD] URL [items].
// Items are "Header:value", "name==value" (query), "name=value" (a JSON
// string field, or a form field with --form, which HTTPie encodes),
// "name:=json" and "name@file". With data and no method it POSTs; a URL
// without a scheme is http:// (https:// for the https command), and
// ":8080/x" is localhost.
func (s *shellScript) httpie(words []*syntax.Word) {
	pos := rules.Span{File: s.file, Start: int(words[0].Pos().Offset()), End: int(words[len(words)-1].End().Offset())}
	r := &rules.Request{Via: "HTTPie", Pos: pos}
	scheme := "http://"
	if n := words[0].Lit(); n == "https" || n == "xhs" {
		scheme = "https://"
	}
	form := false
	var auth rules.Value
	var rest []rules.Value
	for k := 1; k < len(words); k++ {
		v := s.word(words[k])
		t := v.Text
		if len(rest) > 0 || len(t) < 2 || t[0] != '-' || v.DynamicAt(0) {
			rest = append(rest, v)
			continue
		}
		name, val, hasVal := strings.TrimLeft(t, "-"), rules.Value{}, false
		if eq := literalIndexByte(v, '='); eq > 0 && strings.HasPrefix(t, "--") {
			name, val, hasVal = t[2:eq], v.Slice(eq+1, len(t)), true
		}
		takes := httpieArgOptions[name] || !strings.HasPrefix(t, "--") && len(name) == 1 && strings.Contains(httpieShortArgs, name)
		if takes && !hasVal && k+1 < len(words) {
			k++
			val = s.word(words[k])
		}
		switch name {
		case "form", "f", "multipart":
			form = true
		case "auth", "a":
			auth = val
		case "verify":
			if val.Known() && (strings.EqualFold(val.Text, "no") || strings.EqualFold(val.Text, "false")) {
				r.MarkInsecure(v.Span())
			}
		}
	}
	if len(rest) == 0 {
		return
	}
	if m := rest[0]; m.Known() && isHTTPMethod(m.Text) && len(rest) > 1 {
		r.Method, rest = m, rest[1:]
	}
	url := rest[0]
	if strings.HasPrefix(url.Text, ":") && !url.DynamicAt(0) {
		sp := url.Span()
		url = rules.Concat(rules.Decoded(s.file, "localhost", sp.Start, sp.Start), url)
	}
	r.URL = withDefaultScheme(s.file, url, scheme)
	var fields []rules.Field
	for _, it := range rest[1:] {
		sep, at := httpieSeparator(it)
		if at < 0 {
			continue
		}
		name, val := it.Slice(0, at), it.Slice(at+len(sep), len(it.Text))
		switch sep {
		case ":":
			r.Headers = append(r.Headers, rules.Header{Name: name, Value: val})
		case "==":
			q := "?"
			if literalIndexByte(r.URL, '?') >= 0 {
				q = "&"
			}
			sp := it.Span()
			r.URL = rules.Concat(r.URL, rules.Decoded(s.file, q, sp.Start, sp.Start), it.Slice(0, at), rules.Decoded(s.file, "=", sp.Start, sp.Start), val)
		case "=", ":=":
			fields = append(fields, rules.Field{Name: name, Value: val, Encoding: rules.EncodingFull, Via: "HTTPie"})
		case "@", "=@", ":=@":
			sp := val.Span()
			fields = append(fields, rules.Field{Name: name, Value: rules.Dyn(s.file, val.Text, sp.Start, sp.End), Encoding: rules.EncodingFull, Via: "HTTPie"})
		}
	}
	if len(fields) > 0 {
		sp := rest[1].Span()
		b := &rules.Body{Kind: rules.BodyJSON, Fields: fields, Via: "HTTPie"}
		ct := "application/json"
		if form {
			b.Kind, b.Via, ct = rules.BodyForm, "HTTPie --form", "application/x-www-form-urlencoded"
		}
		r.Body = b
		if r.Header("Content-Type") == nil {
			// HTTPie sets the type of the body it builds.
			r.Headers = append(r.Headers, rules.Header{
				Name:  rules.Decoded(s.file, "Content-Type", sp.Start, sp.End),
				Value: rules.Decoded(s.file, ct, sp.Start, sp.End),
			})
		}
	}
	if r.Method.IsZero() {
		m, sp := "GET", r.URL.Span()
		if r.Body != nil {
			m, sp = "POST", rest[1].Span()
		}
		r.Method = rules.Decoded(s.file, m, sp.Start, sp.Start)
	}
	a := httpAuthOf(s.file, r)
	if a.Kind == rules.AuthNone && !auth.IsZero() {
		a = rules.Auth{Kind: rules.AuthBasic, Via: "HTTPie"}
		if user, secret, ok := auth.Cut(':'); ok {
			a.User, a.Secret = user, secret
		} else {
			a.User = auth
		}
	}
	r.SetAuth(a)
	s.unit.Requests = append(s.unit.Requests, r)
}

// httpieSeparator finds an HTTPie request item's separator (the first of
// ":=@", "=@", ":=", "==", "=", "@", ":" in the literal text) and its index.
func httpieSeparator(v rules.Value) (string, int) {
	for i := 0; i < len(v.Text); i++ {
		if v.DynamicAt(i) {
			continue
		}
		for _, sep := range []string{":=@", "=@", ":=", "==", "=", "@", ":"} {
			if strings.HasPrefix(v.Text[i:], sep) && i > 0 {
				return sep, i
			}
		}
	}
	return "", -1
}

func isHTTPMethod(t string) bool {
	switch t {
	case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS":
		return true
	}
	return false
}

// withDefaultScheme puts scheme before a literal host name written
// without one, zero-width at its start, as the tool does.
func withDefaultScheme(file string, url rules.Value, scheme string) rules.Value {
	if !schemeless(url) {
		return url
	}
	sp := url.Span()
	return rules.Concat(rules.Decoded(file, scheme, sp.Start, sp.Start), url)
}

// httpAuthOf is the authentication an explicit Authorization header gives.
func httpAuthOf(file string, r *rules.Request) rules.Auth {
	if h := r.Header("Authorization"); h != nil {
		return httpAuth(file, h.Value)
	}
	return rules.Auth{}
}

// salesforceGrants are the Salesforce CLI logins that request a token
// themselves, by command (sf's spaces or colons, sfdx's force: prefix
// dropped), and the grant each sends. org login client-credentials POSTs
// grant_type=client_credentials with the client id and secret as a form to
// <instance-url>/services/oauth2/token (salesforcecli/plugin-auth @d8c3c32
// src/commands/org/login/client-credentials.ts, requestClientCredentialsToken);
// the JWT logins send the JWT bearer grant to the same path of the "login
// URL of the Salesforce instance that the org lives on" (the CLI reference
// of auth:jwt:grant -r/--instanceurl, renamed --instance-url in org login jwt).
var salesforceGrants = map[string]string{
	"org:login:client-credentials": "client_credentials",
	"org:login:jwt":                "urn:ietf:params:oauth:grant-type:jwt-bearer",
	"auth:jwt:grant":               "urn:ietf:params:oauth:grant-type:jwt-bearer",
}

// salesforceTokenPath is the OAuth token path the CLI appends to the
// instance URL (the source cited at salesforceGrants).
const salesforceTokenPath = "/services/oauth2/token"

// salesforceLogin reads a Salesforce CLI login that names its instance
// URL (-r, --instance-url, sfdx's --instanceurl) as the token request the
// CLI sends there; it reports whether the command was one. Without the
// flag the CLI's configured default applies, which the script does not say.
func (s *shellScript) salesforceLogin(words []*syntax.Word) bool {
	var cmd []string
	k := 1
	for ; k < len(words) && !strings.HasPrefix(words[k].Lit(), "-"); k++ {
		lit := words[k].Lit()
		if lit == "" {
			return false
		}
		cmd = append(cmd, lit)
	}
	grant, ok := salesforceGrants[strings.TrimPrefix(strings.Join(cmd, ":"), "force:")]
	if !ok {
		return false
	}
	var instance, id, secret rules.Value
	for ; k < len(words); k++ {
		v := s.word(words[k])
		name, val, hasVal := v.Text, rules.Value{}, false
		if eq := literalIndexByte(v, '='); eq > 0 && strings.HasPrefix(v.Text, "--") {
			name, val, hasVal = v.Text[:eq], v.Slice(eq+1, len(v.Text)), true
		}
		dst := map[string]*rules.Value{"-r": &instance, "--instance-url": &instance, "--instanceurl": &instance,
			"-i": &id, "--client-id": &id, "--clientid": &id, "--client-secret": &secret}[name]
		if dst == nil {
			continue
		}
		if !hasVal && k+1 < len(words) {
			k++
			val = s.word(words[k])
		}
		*dst = val
	}
	if instance.IsZero() || strings.TrimSpace(instance.Text) == "" {
		return true
	}
	sub := rules.Span{File: s.file, Start: int(words[1].Pos().Offset()), End: int(words[1].End().Offset())}
	if len(cmd) > 1 {
		sub.End = int(words[len(cmd)].End().Offset())
	}
	end := instance.Span().End
	if t := instance.Text; strings.HasSuffix(t, "/") && instance.Known() {
		instance = instance.Slice(0, len(t)-1) // the CLI joins the path to the URL's directory
	}
	url := rules.Concat(instance, rules.Decoded(s.file, salesforceTokenPath, end, end))
	s.unit.Requests = append(s.unit.Requests, &rules.Request{
		Role: rules.RoleToken, Via: "the Salesforce CLI (" + strings.Join(cmd, " ") + ")", Library: true,
		Method: rules.Decoded(s.file, "POST", sub.Start, sub.End),
		URL:    url,
		Grant:  rules.OrNil(rules.Decoded(s.file, grant, sub.Start, sub.End)),
		Pos:    rules.Span{File: s.file, Start: int(words[0].Pos().Offset()), End: int(words[len(words)-1].End().Offset())},
		// The CLI form-encodes the id and secret itself (URLSearchParams).
		Auth: &rules.Auth{Kind: rules.AuthOAuth2, User: id, Secret: secret, Encodes: true, Via: "sf --client-secret"},
	})
	return true
}
