package extract

import (
	"bytes"
	"encoding/base64"
	"strings"

	"github.com/tokenlint/tokenlint/rules"
)

// The .http / .rest front end: JetBrains HTTP Client and VS Code REST
// Client request files (docs/facts/formats.md §1). The dialects differ in
// variables and scripts, not in request, header or body layout.

var httpFormat = &Format{
	Name:     "http",
	match:    func(n fileName, _ []byte) bool { return n.ext == ".http" || n.ext == ".rest" },
	Extract:  extractHTTP,
	extract:  extractHTTPIn,
	Comments: []string{"#", "//"},
}

func isHTTPComment(trimmed string) bool {
	return strings.HasPrefix(trimmed, "#") || strings.HasPrefix(trimmed, "//")
}

// isSeparator reports a "###" request separator line (its tail is a name).
func isSeparator(text string) bool { return strings.HasPrefix(text, "###") }

// httpMethods are the request-line methods REST Client recognises
// (httpRequestParser.ts parseRequestLine) and JetBrains' GRAPHQL,
// WEBSOCKET and GRPC; anything else is a URL.
var httpMethods = map[string]bool{
	"GET": true, "POST": true, "PUT": true, "DELETE": true, "PATCH": true, "HEAD": true,
	"OPTIONS": true, "CONNECT": true, "TRACE": true, "LOCK": true, "UNLOCK": true,
	"PROPFIND": true, "PROPPATCH": true, "COPY": true, "MOVE": true, "MKCOL": true,
	"MKCALENDAR": true, "ACL": true, "SEARCH": true,
	"GRAPHQL": true, "WEBSOCKET": true, "GRPC": true,
}

// maxFormBody is the largest body read line by line (REST Client's form
// line joining, comments, variables); splitting a value costs time per
// segment, and no token request comes near it.
const maxFormBody = 16 << 10

type httpParser struct {
	file string
	src  string
	unit *rules.Unit
	// vars are the file variables (@name = value) defined so far, resolved.
	vars map[string]rules.Value
	// useCount counts {{name}} placeholders by name, once per file.
	useCount map[string]int
	x        *expansion
	// env is what sits beside the file: its client and environments.
	env *httpEnv
}

func extractHTTP(file string, src []byte) (*rules.Unit, error) {
	x := newExpansion(len(src))
	u, err := extractHTTPIn(file, src, x)
	if err == nil {
		addCommented(u, file, src, httpCommented, func(file string, text []byte) (*rules.Unit, error) {
			return extractHTTPIn(file, text, x)
		})
		if bytes.Contains(src, []byte("{{$dotenv")) {
			// REST Client's {{$dotenv NAME}} is NAME in the .env of the
			// .http file's directory.
			addBeside(u, file, x, isDotenv, readDotenv)
			substituteDotenvBaseURLs(u, file, x)
		}
	}
	return u, err
}

// extractHTTPIn is extractHTTP drawing on the expansion budget x.
func extractHTTPIn(file string, src []byte, x *expansion) (*rules.Unit, error) {
	if bytes.IndexByte(src, 0) >= 0 {
		return nil, Errorf(file, 0, "binary file (NUL byte)")
	}
	p := &httpParser{file: file, src: string(src), unit: &rules.Unit{Name: file}, vars: map[string]rules.Value{}, x: x}
	p.env = loadHTTPEnv(file, p.src, x)
	p.env.scope.u = p.unit
	lines := splitText(p.src)
	if len(lines) > 0 && strings.HasPrefix(lines[0].text, string(utf8BOM)) {
		lines[0].start += len(utf8BOM)
		lines[0].text = lines[0].text[len(utf8BOM):]
	}
	blockStart := 0
	for i := 0; i <= len(lines); i++ {
		if i == len(lines) || isSeparator(lines[i].text) {
			if err := p.block(lines[blockStart:i]); err != nil {
				return nil, err
			}
			blockStart = i + 1
		}
	}
	return p.unit, nil
}

// block reads the part of a file between two separators: comments and
// variables, then at most one request.
func (p *httpParser) block(lines []srcLine) error {
	j := 0
	for ; j < len(lines); j++ {
		t := strings.TrimSpace(lines[j].text)
		if t == "" || isHTTPComment(t) {
			continue
		}
		if strings.HasPrefix(t, "@") {
			p.variable(lines[j])
			continue
		}
		break
	}
	if j == len(lines) {
		return nil
	}
	if t := strings.TrimSpace(lines[j].text); strings.HasPrefix(t, "curl ") {
		// REST Client also runs a pasted curl command; that is curl syntax,
		// not a request line.
		return nil
	}
	r := &rules.Request{Via: rules.ViaHTTPFile}
	p.requestLine(r, lines[j])
	reqStart, reqEnd := lines[j].start+indent(lines[j].text), lines[j].end()
	j++

	// URL continuation lines: REST Client reads lines starting with ? or &,
	// JetBrains also indented path lines (formats.md §1.1).
	urlParts := []rules.Value{r.URL}
	for ; j < len(lines); j++ {
		t := strings.TrimSpace(lines[j].text)
		if t == "" || !(strings.HasPrefix(t, "?") || strings.HasPrefix(t, "&") || indent(lines[j].text) > 0 && strings.HasPrefix(t, "/")) {
			break
		}
		t, off := trimmed(lines[j].text)
		urlParts = append(urlParts, p.text(t, lines[j].start+off))
		reqEnd = lines[j].end()
	}
	if len(urlParts) > 1 {
		r.URL = rules.Concat(urlParts...)
	}

	// Headers up to the first blank line.
	var notHeader *srcLine // a line in the header section that is no header
	for ; j < len(lines); j++ {
		l := lines[j]
		t := strings.TrimSpace(l.text)
		if t == "" {
			j++
			break
		}
		if startsJSON(t) {
			// A JSON body pasted right under the request line or headers,
			// without the blank line: no header starts like this, and
			// the clients send it as the body.
			break
		}
		reqEnd = l.end()
		if isHTTPComment(t) {
			continue
		}
		colon := strings.IndexByte(l.text, ':')
		if colon < 0 || rules.LooksLikeForm(rules.Lit(p.file, t, 0)) && strings.IndexByte(t, '=') < colon {
			if notHeader == nil {
				notHeader = &lines[j]
			}
			continue
		}
		name, nameOff := trimmed(l.text[:colon])
		val, valOff := trimmed(l.text[colon+1:])
		r.Headers = append(r.Headers, rules.Header{
			Name:  rules.Lit(p.file, name, l.start+nameOff),
			Value: p.text(val, l.start+colon+1+valOff),
		})
	}
	for _, h := range r.Headers {
		if strings.EqualFold(h.Name.Text, "Authorization") {
			r.SetAuth(httpAuth(p.file, h.Value))
		}
	}
	if h := r.Header("Host"); h != nil && strings.HasPrefix(r.URL.Text, "/") {
		// "POST /oauth/token" with a Host header (spec §3.2.1.1). The
		// scheme depends on the port and the client, so none is assumed.
		r.URL = rules.Concat(h.Value, r.URL)
	}

	bodyEnd, err := p.body(r, lines[min(j, len(lines)):])
	if err != nil {
		return err
	}
	if notHeader != nil && r.Body == nil {
		// Parameters written under the request line without the blank line
		// (grant_type=... in a README's sketch of a request): neither
		// client sends them as a body, but the author means one, so the
		// request's parameters are unknown rather than missing.
		start := notHeader.start + indent(notHeader.text)
		r.Body = &rules.Body{Kind: rules.BodyRaw, Raw: rules.Dyn(p.file, p.src[start:reqEnd], start, reqEnd)}
	}
	reqEnd = max(reqEnd, bodyEnd)
	r.Pos = rules.Span{File: p.file, Start: reqStart, End: reqEnd}
	p.unit.Requests = append(p.unit.Requests, r)
	return nil
}

// variable records a file variable line "@name = value".
func (p *httpParser) variable(l srcLine) {
	t := strings.TrimSpace(l.text)
	name, _, ok := strings.Cut(t[1:], "=")
	name = strings.TrimSpace(name)
	if !ok || name == "" || strings.ContainsAny(name, " \t") {
		return
	}
	eq := strings.IndexByte(l.text, '=')
	val, off := trimmed(l.text[eq+1:])
	p.vars[name] = p.text(val, l.start+eq+1+off)
}

// text is literal text found verbatim at offset start, with {{...}}
// placeholders dynamic and file variables defined earlier resolved.
func (p *httpParser) text(s string, start int) rules.Value {
	return p.resolve(templatedLine(p.file, s, start, Mustache))
}

// resolve replaces {{name}} placeholders that name a file variable defined
// earlier by that variable's value, which keeps pointing at where the value
// is written. {{%name}} (REST Client: percent-encoded) and unknown names
// stay dynamic, and so does every use past the file's expansion budget.
func (p *httpParser) resolve(v rules.Value) rules.Value {
	if !v.HasDynamic() {
		return v
	}
	var parts []rules.Value
	for k, s := range v.Segs {
		end := len(v.Text)
		if k+1 < len(v.Segs) {
			end = int(v.Segs[k+1].Off)
		}
		part := v.Slice(int(s.Off), end)
		if s.Dynamic {
			name := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(part.Text, "{{"), "}}"))
			if def, ok := p.vars[name]; ok && !def.IsZero() && p.x.spendValue(def) {
				part = def
				if p.uses(name) > 1 {
					part = notVerbatim(def)
				}
			} else if !ok {
				// Not a file variable: the value every environment agrees on.
				part = p.env.resolve(part)
			}
		}
		parts = append(parts, part)
	}
	out := rules.Concat(parts...)
	if out.IsZero() {
		return v
	}
	return out
}

// uses is how many {{name}} placeholders the file holds.
func (p *httpParser) uses(name string) int {
	if p.useCount == nil {
		p.useCount = map[string]int{}
		for rest := p.src; ; {
			i := strings.Index(rest, "{{")
			if i < 0 {
				break
			}
			j := strings.Index(rest[i:], "}}")
			if j < 0 {
				break
			}
			p.useCount[strings.TrimSpace(rest[i+2:i+j])]++
			rest = rest[i+j+2:]
		}
	}
	return p.useCount[name]
}

// notVerbatim is v with no segment claiming to be the file's bytes: a
// variable used in several places is not one request's text to edit (a fix
// of the host for a token request would move every API call too), so
// rules point at it but offer no edit.
func notVerbatim(v rules.Value) rules.Value {
	segs := append([]rules.Segment(nil), v.Segs...)
	for i := range segs {
		segs[i].Verbatim = false
	}
	v.Segs = segs
	return v
}

// requestLine reads "[METHOD] URL [HTTP/x.y]".
func (p *httpParser) requestLine(r *rules.Request, l srcLine) {
	off := indent(l.text)
	rest := strings.TrimRight(l.text[off:], " \t")
	if sp := strings.IndexAny(rest, " \t"); sp > 0 && httpMethods[strings.ToUpper(rest[:sp])] {
		r.Method = rules.Lit(p.file, rest[:sp], l.start+off)
		skip := sp + indent(rest[sp:])
		off += skip
		rest = rest[skip:]
	}
	if sp := strings.LastIndexAny(rest, " \t"); sp > 0 && strings.HasPrefix(strings.ToUpper(rest[sp+1:]), "HTTP/") {
		rest = strings.TrimRight(rest[:sp], " \t")
	}
	r.URL = p.text(rest, l.start+off)
	if r.Method.IsZero() {
		// The method defaults to GET (spec §3.2.1); point at the URL.
		r.Method = rules.Decoded(p.file, "GET", l.start+off, l.start+off)
	}
}

// body reads a request body up to a response handler or the block's end
// into r.Body, and returns where its text ends (0 when there is none).
func (p *httpParser) body(r *rules.Request, lines []srcLine) (int, error) {
	kept := make([]srcLine, 0, len(lines))
	include := false
	for k := 0; k < len(lines); k++ {
		l := lines[k]
		t := strings.TrimSpace(l.text)
		switch {
		case strings.HasPrefix(t, ">") || strings.HasPrefix(t, "<>"):
			// A response handler (> {% ... %}, > file.js, >> file) or a
			// response reference ends the body.
			if strings.HasPrefix(t, "> {%") && !strings.Contains(t, "%}") && !closes(lines[k+1:]) {
				return 0, Errorf(p.file, l.num, "response handler script \"> {%%\" is not closed with \"%%}\"")
			}
			k = len(lines)
		case (strings.HasPrefix(t, "< ") || strings.HasPrefix(t, "<@")) && len(kept) == 0:
			// "< ./file" or "<@ file": the body comes from a file the linter
			// does not read.
			include = true
			kept = append(kept, l)
		case isHTTPComment(t) && !strings.HasPrefix(t, "#{"):
			// Comment lines may stand anywhere in a request (spec §2.4).
		default:
			kept = append(kept, l)
		}
	}
	for len(kept) > 0 && strings.TrimSpace(kept[0].text) == "" {
		kept = kept[1:]
	}
	for len(kept) > 0 && strings.TrimSpace(kept[len(kept)-1].text) == "" {
		kept = kept[:len(kept)-1]
	}
	if len(kept) == 0 {
		return 0, nil
	}
	first, last := kept[0], kept[len(kept)-1]
	end := last.end()

	ct, ctKnown := "", false
	if h := r.Header("Content-Type"); h != nil && h.Value.Known() {
		ct, ctKnown = mediaType(h.Value.Text), true
	}
	if include {
		// A dynamic value's text is still the bytes it spans (a verbatim
		// run), every line of them.
		start := first.start + indent(first.text)
		raw := rules.Dyn(p.file, p.src[start:end], start, end)
		r.Body = &rules.Body{Kind: rules.ClassifyBody(rules.Value{}, ct, ctKnown), Raw: raw, Via: "< file"}
		return end, nil
	}
	if end-first.start > maxFormBody {
		// A large body is a payload, not a token request: keep it as
		// written in one piece rather than a value per line.
		raw := templatedLine(p.file, p.src[first.start:end], first.start, Mustache)
		r.Body = &rules.Body{Raw: raw, Kind: rules.ClassifyBody(raw, ct, ctKnown)}
		if r.Body.Kind == rules.BodyJSON {
			r.Body.Fields = rules.JSONMembers(raw, rules.ViaHTTPFile)
		}
		return end, nil
	}
	lineVals := make([]rules.Value, len(kept))
	for k, l := range kept {
		t, off := trimmed(l.text)
		lineVals[k] = p.text(t, l.start+off)
	}
	form := rules.ClassifyBody(lineVals[0], ct, ctKnown) == rules.BodyForm
	var parts []rules.Value
	prevEnd := -1
	for k, l := range kept {
		// REST Client joins form lines that start with & without a line
		// break (httpRequestParser.ts); every other line keeps its break.
		if prevEnd >= 0 && !(form && strings.HasPrefix(strings.TrimSpace(l.text), "&")) {
			parts = append(parts, rules.Decoded(p.file, "\n", prevEnd, l.start))
		}
		parts = append(parts, lineVals[k])
		prevEnd = l.end()
	}
	raw := rules.Concat(parts...)
	b := &rules.Body{Raw: raw, Kind: rules.ClassifyBody(raw, ct, ctKnown)}
	switch b.Kind {
	case rules.BodyForm:
		// REST Client sends a body with no Content-Type unless the file
		// states one (Huachao/vscode-restclient#386).
		b.Untyped = r.Header("Content-Type") == nil
		b.Fields = p.formFields(raw, lineVals, ctKnown && ct == "application/x-www-form-urlencoded")
		for i := range b.Fields {
			if percentEncodedVar(b.Fields[i].Value) {
				b.Fields[i].Encoding = rules.EncodingFull
			}
			b.Fields[i].Value = p.env.markFormSafe(b.Fields[i].Value)
		}
	case rules.BodyJSON:
		b.Fields = rules.JSONMembers(raw, rules.ViaHTTPFile)
	}
	r.Body = b
	return end, nil
}

// formFields reads a form body's fields as the file's client sends them.
// Both clients build a form only under an explicit
// application/x-www-form-urlencoded Content-Type; otherwise the text goes
// out as written. Under one, REST Client sends the joined text through
// its formParamEncodingStrategy, and the JetBrains HTTP Client reads
// name = value pairs over lines (docs/facts/formats.md §1.5); when the
// client cannot be told, the JetBrains layout is read (the more lenient:
// what it accepts is not wrong in both) and only what is wrong in both is
// judged.
func (p *httpParser) formFields(raw rules.Value, lines []rules.Value, typed bool) []rules.Field {
	if !typed {
		return rules.ParseForm(raw, rules.EncodingRaw, rules.ViaHTTPFile)
	}
	switch p.env.client {
	case clientVSCode:
		enc := rules.EncodingURLChars
		switch p.env.formEncoding {
		case "never":
			enc = rules.EncodingRaw
		case "always":
			enc = rules.EncodingComponent
		}
		return rules.ParseForm(raw, enc, rules.ViaHTTPFile)
	case clientJetBrains:
		return p.jetBrainsForm(lines, rules.EncodingJetBrains)
	}
	return p.jetBrainsForm(lines, rules.EncodingEitherHTTPClient)
}

// jetBrainsForm reads form lines (each trimmed, its variables resolved)
// as the JetBrains HTTP Client does: a line
// break or an "&" ends a pair, white space around names, "=" and values is
// layout, and %& %= (with %+ and %%) are literal characters, not
// separators (the IDE's bundled example "Send POST request with body as
// parameters": id = 999 & / value = content & / fact = IntelliJ %+ HTTP
// Client %= <3).
func (p *httpParser) jetBrainsForm(lines []rules.Value, enc rules.Encoding) []rules.Field {
	var out []rules.Field
	for _, v := range lines {
		for _, pair := range splitUnescaped(v, '&') {
			pair = pair.TrimSpace()
			if pair.Text == "" {
				continue
			}
			name, val := pair, rules.Value{}
			if i := indexUnescaped(pair, '='); i >= 0 {
				name, val = pair.Slice(0, i).TrimSpace(), pair.Slice(i+1, len(pair.Text)).TrimSpace()
			}
			out = append(out, rules.Field{Name: name, Value: val, Encoding: enc, Via: rules.ViaHTTPFile})
		}
	}
	return out
}

// indexUnescaped is the offset of the first literal sep in v not written
// as JetBrains' "%"-escape, or -1.
func indexUnescaped(v rules.Value, sep byte) int {
	for i := 0; i < len(v.Text); i++ {
		switch {
		case v.DynamicAt(i):
		case v.Text[i] == '%' && i+1 < len(v.Text) && strings.IndexByte("&=+%", v.Text[i+1]) >= 0:
			i++
		case v.Text[i] == sep:
			return i
		}
	}
	return -1
}

// splitUnescaped cuts v at every literal sep not written as an escape.
func splitUnescaped(v rules.Value, sep byte) []rules.Value {
	var out []rules.Value
	for {
		i := indexUnescaped(v, sep)
		if i < 0 {
			return append(out, v)
		}
		out = append(out, v.Slice(0, i))
		v = v.Slice(i+1, len(v.Text))
	}
}

// closes reports whether a "> {%" handler script is closed in lines.
func closes(lines []srcLine) bool {
	for _, l := range lines {
		if strings.Contains(l.text, "%}") {
			return true
		}
	}
	return false
}

// startsJSON reports whether a line opens a JSON object or array ("{",
// "{\"a\": 1", "[") rather than a {{template}}.
func startsJSON(t string) bool {
	return strings.HasPrefix(t, "[") || strings.HasPrefix(t, "{") && !strings.HasPrefix(t, "{{")
}

// percentEncodedVar reports whether v is one {{%name}} placeholder, which
// REST Client percent-encodes before sending (README "File Variables").
func percentEncodedVar(v rules.Value) bool {
	t := strings.TrimSpace(v.Text)
	return len(v.Segs) == 1 && v.Segs[0].Dynamic && strings.HasPrefix(t, "{{%") && strings.HasSuffix(t, "}}")
}

// httpAuth reads an Authorization header value.
func httpAuth(file string, v rules.Value) rules.Auth {
	v = v.TrimSpace()
	scheme, rest, ok := v.Cut(' ')
	if !ok || !scheme.Known() {
		return rules.Auth{}
	}
	rest = rest.TrimSpace()
	switch strings.ToLower(scheme.Text) {
	case "bearer":
		return rules.Auth{Kind: rules.AuthBearer, Secret: rest, Via: rules.ViaHTTPFile}
	case "basic":
		a := rules.Auth{Kind: rules.AuthBasic, Via: rules.ViaHTTPFile}
		// REST Client base64-encodes "id:secret" and "id secret" itself
		// (README "Basic Auth"); anything else is already base64.
		if user, secret, ok := rest.Cut(':'); ok {
			a.User, a.Secret = user, secret
		} else if user, secret, ok := rest.Cut(' '); ok {
			a.User, a.Secret = user, secret.TrimSpace()
		} else if dec, err := base64.StdEncoding.DecodeString(rest.Text); err == nil && rest.Known() && strings.Contains(string(dec), ":") {
			user, secret, _ := strings.Cut(string(dec), ":")
			sp := rest.Span()
			a.User = rules.Decoded(file, user, sp.Start, sp.End)
			a.Secret = rules.Decoded(file, secret, sp.Start, sp.End)
		} else {
			a.Secret = rest
		}
		return a
	}
	return rules.Auth{}
}
