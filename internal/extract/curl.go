package extract

import (
	"path"
	"slices"
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"github.com/tokenlint/tokenlint/rules"
)

// curl's command line as curl reads it (docs/facts/formats.md §2.1,
// curl src/tool_getparam.c): which options take a value, how short options
// cluster and glue, how data options join into one body, and what the
// effective method is.

// curlArgOptions are the long options that take a value (ARG_STRG and
// ARG_FILE in tool_getparam.c's aliases table); every other option is a
// switch. Knowing them keeps "--max-time 10" from reading 10 as a URL.
var curlArgOptions = setOf(`abstract-unix-socket alt-svc aws-sigv4 cacert capath cert cert-type ciphers config
	connect-timeout connect-to continue-at cookie cookie-jar create-file-mode crlfile curves data data-ascii
	data-binary data-raw data-urlencode delegation dns-interface dns-ipv4-addr dns-ipv6-addr dns-servers doh-url
	dump-header ech egd-file engine etag-compare etag-save expect100-timeout form form-string ftp-account
	ftp-alternative-to-user ftp-method ftp-port ftp-ssl-ccc-mode happy-eyeballs-timeout-ms haproxy-clientip header
	help hostpubmd5 hostpubsha256 hsts interface ip-tos ipfs-gateway json keepalive-cnt keepalive-time key key-type
	knownhosts krb krb4 libcurl limit-rate local-port login-options mail-auth mail-from mail-rcpt max-filesize
	max-redirs max-time netrc-file noproxy oauth2-bearer output output-dir parallel-max parallel-max-host pass
	pinnedpubkey preproxy proto proto-default proto-redir proxy proxy-cacert proxy-capath proxy-cert
	proxy-cert-type proxy-ciphers proxy-crlfile proxy-header proxy-key proxy-key-type proxy-pass
	proxy-pinnedpubkey proxy-service-name proxy-tls13-ciphers proxy-tlsauthtype proxy-tlspassword proxy-tlsuser
	proxy-user proxy1.0 pubkey quote random-file range rate referer request request-target resolve retry
	retry-delay retry-max-time sasl-authzid service-name sigalgs socks4 socks4a socks5 socks5-gssapi-service
	socks5-hostname speed-limit speed-time ssl-sessions stderr telnet-option tftp-blksize time-cond tls-max
	tls13-ciphers tlsauthtype tlspassword tlsuser trace trace-ascii trace-config unix-socket upload-file
	upload-flags url url-query user user-agent variable vlan-priority write-out`)

// credentialOptions take a credential: id:password, or a token.
var credentialOptions = setOf("user proxy-user oauth2-bearer")

// curlShort maps short options to their long names (tool_getparam.c).
var curlShort = map[byte]string{
	'E': "cert", 'K': "config", 'C': "continue-at", 'b': "cookie", 'c': "cookie-jar", 'd': "data",
	'D': "dump-header", 'F': "form", 'P': "ftp-port", 'H': "header", 'h': "help", 'm': "max-time",
	'o': "output", 'x': "proxy", 'U': "proxy-user", 'Q': "quote", 'r': "range", 'e': "referer",
	'X': "request", 't': "telnet-option", 'T': "upload-file", 'u': "user", 'A': "user-agent",
	'w': "write-out", 'z': "time-cond", 'Y': "speed-limit", 'y': "speed-time",
	'a': "append", 'N': "buffer", 'f': "fail", 'G': "get", 'g': "globoff", 'I': "head", 'k': "insecure",
	'j': "junk-session-cookies", 'l': "list-only", 'L': "location", 'M': "manual", 'n': "netrc",
	':': "next", 'Z': "parallel", 'p': "proxytunnel", '#': "progress-bar", 'J': "remote-header-name",
	'O': "remote-name", 'R': "remote-time", 'S': "show-error", 'i': "show-headers", 's': "silent",
	'B': "use-ascii", 'v': "verbose", 'V': "version", 'q': "disable", '0': "http1.0", '4': "ipv4",
	'6': "ipv6", '1': "tlsv1", '2': "sslv2", '3': "sslv3",
}

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for w := range strings.FieldsSeq(words) {
		m[w] = true
	}
	return m
}

// curlWrappers run the command that follows them; the value is the set of
// their options that take a value.
var curlWrappers = map[string]string{
	"command": "", "exec": "a", "nohup": "", "time": "", "builtin": "",
	"sudo": "ugpCDRTUrth", "env": "uSC", "doas": "uC",
	"timeout": "sk", "nice": "n", "stdbuf": "ioe", "xargs": "IndLPsaE",
}

// wrapperOperands are the operands a wrapper takes before the command
// (timeout 30 curl ...).
var wrapperOperands = map[string]int{"timeout": 1}

// curlCall finds the curl command a call runs: the words from the one that
// names curl, and the arguments a resolved command variable adds before
// them (CURL="curl -sS --fail"; $CURL https://...). ok is false when the
// call runs something else.
func (s *shellScript) curlCall(args []*syntax.Word) (words []*syntax.Word, extra []curlArg, ok bool) {
	i := commandIndex(args)
	if i < 0 {
		return nil, nil, false
	}
	if isCurlName(strings.TrimPrefix(args[i].Lit(), `\`)) {
		return args[i:], nil, true
	}
	pe, isParam := onlyPart(args[i]).(*syntax.ParamExp)
	if !isParam {
		return nil, nil, false
	}
	v, resolved := s.resolve(pe, int(pe.Pos().Offset()), true)
	if !resolved {
		return nil, nil, false
	}
	fields := splitFields(v)
	if len(fields) == 0 || !fields[0].Known() || !isCurlName(fields[0].Text) {
		return nil, nil, false
	}
	for _, f := range fields[1:] {
		extra = append(extra, curlArg{v: f})
	}
	return args[i:], extra, true
}

func isCurlName(name string) bool {
	base := path.Base(name)
	return base == "curl" || strings.EqualFold(base, "curl.exe")
}

// onlyPart is the single part of an unquoted word, or nil.
func onlyPart(w *syntax.Word) syntax.WordPart {
	if len(w.Parts) != 1 {
		return nil
	}
	return w.Parts[0]
}

// splitFields splits v at literal blanks, as the shell splits an unquoted
// expansion.
func splitFields(v rules.Value) []rules.Value {
	var out []rules.Value
	start := -1
	for i := 0; i <= len(v.Text); i++ {
		blank := i == len(v.Text) || (v.Text[i] == ' ' || v.Text[i] == '\t' || v.Text[i] == '\n') && !v.DynamicAt(i)
		switch {
		case blank && start >= 0:
			out = append(out, v.Slice(start, i))
			start = -1
		case !blank && start < 0:
			start = i
		}
	}
	return out
}

// commandIndex is the index of the word naming the command a call runs,
// looking through wrappers (command curl, sudo -E curl, env X=1 curl), or
// -1 when there is none.
func commandIndex(args []*syntax.Word) int {
	for i := 0; i < len(args); i++ {
		name := args[i].Lit()
		valued, ok := curlWrappers[name]
		if !ok {
			return i
		}
		for i+1 < len(args) {
			next := args[i+1].Lit()
			if next == "--" {
				i++
				break
			}
			isFlag := len(next) > 1 && next[0] == '-'
			if !isFlag && !(name == "env" && strings.Contains(next, "=")) {
				break
			}
			i++
			if isFlag && len(next) == 2 && strings.IndexByte(valued, next[1]) >= 0 {
				i++ // the flag's value
			}
		}
		i += wrapperOperands[name]
	}
	return -1
}

// A curlArg is one word of a curl command.
type curlArg struct {
	v rules.Value
	// splat: an unquoted expansion ($OPTS, $(cmd)) that the shell may split
	// into several words or none; it is a URL only when nothing else is.
	splat bool
}

type dataKind int

const (
	dataPlain     dataKind = iota // -d, --data, --data-ascii: @file reads a file
	dataBinary                    // --data-binary: @file reads a file
	dataRawText                   // --data-raw: @ is literal
	dataURLEncode                 // --data-urlencode
	dataJSON                      // --json: @file reads a file
)

// A curlData is one data option.
type curlData struct {
	opt  string // as written, for Body.Via
	at   rules.Span
	v    rules.Value
	kind dataKind
}

// curlCommand collects the options of one request group (up to --next).
type curlCommand struct {
	s       *shellScript
	urls    []curlArg
	method  rules.Value
	headers []rules.Header
	data    []curlData
	form    []rules.Field
	formAt  rules.Span
	queries []rules.Value
	user    rules.Value
	bearer  rules.Value
	scheme  string // the -u auth scheme option (digest, ntlm...), "" for Basic
	flags   map[string]rules.Span
	stdin   rules.Value // a here-document's text, for @-
}

// curl reads one curl command: words[0] names curl, extra are arguments a
// command variable adds, and stdin is what a here-document feeds it.
func (s *shellScript) curl(words []*syntax.Word, extra []curlArg, stdin rules.Value) {
	cmdSpan := rules.Span{File: s.file, Start: int(words[0].Pos().Offset()), End: int(words[0].End().Offset())}
	pos := rules.Span{File: s.file, Start: cmdSpan.Start, End: int(words[len(words)-1].End().Offset())}
	args := append(make([]curlArg, 0, len(extra)+len(words)-1), extra...)
	for _, w := range words[1:] {
		v := s.word(w)
		splat := false
		if !v.Known() {
			switch onlyPart(w).(type) {
			case *syntax.ParamExp, *syntax.CmdSubst:
				splat = true
			}
		}
		args = append(args, curlArg{v: v, splat: splat})
	}
	c := s.newCurlCommand(stdin)
	endOfOptions := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		text := a.v.Text
		if endOfOptions || len(text) < 2 || text[0] != '-' || a.v.DynamicAt(0) {
			c.urls = append(c.urls, a)
			continue
		}
		next := func() (rules.Value, bool) {
			if i+1 >= len(args) {
				return rules.Value{}, false
			}
			i++
			return args[i].v, true
		}
		if strings.HasPrefix(text, "--") {
			if text == "--" {
				endOfOptions = true
				continue
			}
			name := text[2:]
			if a.v.HasDynamic() {
				continue // an option name the linter cannot read
			}
			if rest, ok := strings.CutPrefix(name, "expand-"); ok && curlArgOptions[rest] {
				name = rest // {{name}} in its value is already dynamic (word)
			}
			if opt, val, ok := a.v.Cut('='); ok && credentialOptions[strings.TrimPrefix(opt.Text, "--")] {
				// --user=id:secret: curl takes no "=" form and rejects the
				// word, but what it holds is a credential all the same.
				if opt.Text == "--oauth2-bearer" {
					c.s.unit.AddSecret(val)
				} else {
					c.userSecret(val)
				}
				continue
			}
			if !curlArgOptions[name] {
				if name == "next" {
					c.finish(cmdSpan, pos)
					c = s.newCurlCommand(stdin)
					continue
				}
				c.flag(name, a.v.Span())
				continue
			}
			val, ok := next()
			if !ok {
				break
			}
			c.option(name, text, a.v.Span(), val)
			continue
		}
		// A cluster of short options: -sSL, -XPOST, -sd @body.
		for k := 1; k < len(text); k++ {
			if a.v.DynamicAt(k) {
				break
			}
			name, ok := curlShort[text[k]]
			if !ok {
				break // curl rejects the word
			}
			at := a.v.SpanOf(k, k+1)
			if k == 1 {
				at = a.v.SpanOf(0, 2)
			}
			if name == "next" {
				c.finish(cmdSpan, pos)
				c = s.newCurlCommand(stdin)
				continue
			}
			if !curlArgOptions[name] {
				c.flag(name, at)
				continue
			}
			val := a.v.Slice(k+1, len(text))
			if k+1 == len(text) {
				if val, ok = next(); !ok {
					break
				}
			}
			c.option(name, "-"+string(text[k]), at, val)
			break
		}
	}
	c.finish(cmdSpan, pos)
}

func (s *shellScript) newCurlCommand(stdin rules.Value) *curlCommand {
	return &curlCommand{s: s, stdin: stdin, flags: map[string]rules.Span{}}
}

// userSecret records the password of a -u or -U id:password as a secret
// now: a later -u or Authorization header replaces it on the wire, not in
// the file.
func (c *curlCommand) userSecret(v rules.Value) {
	if _, secret, ok := v.Cut(':'); ok {
		c.s.unit.AddSecret(secret)
	}
}

// flag records a switch (last one wins; --no-X turns X off).
func (c *curlCommand) flag(name string, at rules.Span) {
	if base, ok := strings.CutPrefix(name, "no-"); ok {
		delete(c.flags, base)
		return
	}
	switch name {
	case "digest", "ntlm", "negotiate", "anyauth", "basic":
		c.scheme = name
		if name == "basic" {
			c.scheme = ""
		}
	}
	c.flags[name] = at
}

// option records an option with its value. written is the option as
// written (for messages), at its span.
func (c *curlCommand) option(name, written string, at rules.Span, val rules.Value) {
	switch name {
	case "request":
		c.method = val
	case "url":
		c.urls = append(c.urls, curlArg{v: val})
	case "url-query":
		c.queries = append(c.queries, val)
	case "header":
		c.header(val)
	case "data", "data-ascii":
		c.addData(written, at, val, dataPlain)
	case "data-binary":
		c.addData(written, at, val, dataBinary)
	case "data-raw":
		c.addData(written, at, val, dataRawText)
	case "data-urlencode":
		c.addData(written, at, val, dataURLEncode)
	case "json":
		c.addData(written, at, val, dataJSON)
		c.flags["json"] = at
	case "form", "form-string":
		if len(c.form) == 0 {
			c.formAt = at
		}
		c.form = append(c.form, c.formField(val, name == "form"))
	case "user":
		c.user = val
		c.userSecret(val)
	case "proxy-user":
		c.userSecret(val)
	case "proxy-header":
		if name, value, ok := val.Cut(':'); ok && name.Known() && rules.DefaultCatalog().IsCredentialHeader(name.TrimSpace().Text) {
			for _, cred := range rules.HeaderCredentials(rules.Header{Name: name.TrimSpace(), Value: value.TrimSpace()}) {
				c.s.unit.AddSecret(cred)
			}
		}
	case "oauth2-bearer":
		c.bearer = val
		c.s.unit.AddSecret(val)
	case "upload-file":
		c.flags["upload-file"] = at
	}
}

func (c *curlCommand) addData(written string, at rules.Span, v rules.Value, kind dataKind) {
	fromFile := kind != dataRawText && kind != dataURLEncode && strings.HasPrefix(v.Text, "@") && !v.DynamicAt(0)
	if fromFile && v.Text == "@-" && !c.stdin.IsZero() {
		// @- reads stdin: the here-document. -d drops its line breaks
		// (data.md); --data-binary and --json keep them.
		v = c.stdin
		if kind == dataPlain {
			v = withoutLineBreaks(v)
		}
		fromFile = false
	}
	if fromFile {
		// @file: a body the linter does not read.
		sp := v.Span()
		v = rules.Dyn(c.s.file, v.Text, sp.Start, sp.End)
	}
	c.data = append(c.data, curlData{opt: written, at: at, v: v, kind: kind})
}

// withoutLineBreaks drops the CR and LF bytes of v, as curl does when -d
// reads a file.
func withoutLineBreaks(v rules.Value) rules.Value {
	return dropBytes(v, func(text string, i int) bool { return text[i] == '\n' || text[i] == '\r' })
}

// isLineIndent reports whether text[:i] back to the line start is all tabs.
func isLineIndent(text string, i int) bool {
	for i > 0 && text[i-1] == '\t' {
		i--
	}
	return i == 0 || text[i-1] == '\n'
}

// dropBytes returns v without the bytes for which drop is true, each kept
// run keeping its spans.
func dropBytes(v rules.Value, drop func(text string, i int) bool) rules.Value {
	var parts []rules.Value
	start := 0
	for i := 0; i <= len(v.Text); i++ {
		if i == len(v.Text) || drop(v.Text, i) {
			if i > start {
				parts = append(parts, v.Slice(start, i))
			}
			start = i + 1
		}
	}
	if len(parts) == 0 {
		sp := v.Span()
		return rules.Lit(v.File, "", sp.Start)
	}
	return rules.Concat(parts...)
}

// header reads "Name: value". "@file" reads headers from a file and
// "Name:" removes a header curl would send; neither adds one.
func (c *curlCommand) header(v rules.Value) {
	if strings.HasPrefix(v.Text, "@") && !v.DynamicAt(0) {
		return
	}
	name, value, ok := v.Cut(':')
	if !ok {
		return
	}
	name, value = name.TrimSpace(), value.TrimSpace()
	if value.Known() && value.Text == "" {
		// "Name:" removes the header, curl's own included.
		c.headers = slices.DeleteFunc(c.headers, func(h rules.Header) bool {
			return h.Name.Known() && name.Known() && strings.EqualFold(h.Name.Text, name.Text)
		})
		if name.Known() && strings.EqualFold(name.Text, "Content-Type") {
			c.flags["no-content-type"] = name.Span()
		}
		return
	}
	c.headers = append(c.headers, rules.Header{Name: name, Value: value})
}

// formField reads a -F "name=content"; "@file" and "<file" contents are
// files the linter does not read. Multipart values are not URL-encoded, so
// they cannot be mis-encoded.
func (c *curlCommand) formField(v rules.Value, files bool) rules.Field {
	name, content, _ := v.Cut('=')
	if t := content.Text; files && len(t) > 1 && t[0] == '"' && !content.DynamicAt(0) && !strings.Contains(t, "\\") {
		// -F 'name="value"' (as Postman exports it): curl reads a quoted
		// word and drops the quotes (tool_formparse.c get_param_word);
		// ";type=..." may follow it.
		if end := strings.IndexByte(t[1:], '"') + 1; end > 0 && (end == len(t)-1 || t[end+1] == ';') {
			content = content.Slice(1, end)
		}
	}
	if files && len(content.Text) > 0 && (content.Text[0] == '@' || content.Text[0] == '<') && !content.DynamicAt(0) {
		sp := content.Span()
		content = rules.Dyn(c.s.file, content.Text, sp.Start, sp.End)
	}
	return rules.Field{Name: name, Value: content, Encoding: rules.EncodingFull, Via: "curl -F"}
}

// urlencodeField reads a --data-urlencode argument as tool_getparam.c's
// data_urlencode does: split at the first "=", else the first "@"; with no
// name ("content", "=content") the encoded content is the whole field.
func (c *curlCommand) urlencodeField(v rules.Value) rules.Field {
	f := rules.Field{Encoding: rules.EncodingFull, Via: rules.ViaCurlURLEncode}
	sep := literalIndexByte(v, '=')
	if sep < 0 {
		sep = literalIndexByte(v, '@')
	}
	if sep < 0 {
		f.Name = v
		return f
	}
	name, content := v.Slice(0, sep), v.Slice(sep+1, len(v.Text))
	if v.Text[sep] == '@' {
		sp := content.Span()
		content = rules.Dyn(c.s.file, content.Text, sp.Start, sp.End)
	}
	if name.Text == "" {
		f.Name = content
		return f
	}
	f.Name, f.Value = name, content
	return f
}

// literalIndexByte is the index of the first literal c in v, or -1.
func literalIndexByte(v rules.Value, c byte) int {
	for i := 0; i < len(v.Text); i++ {
		if v.Text[i] == c && !v.DynamicAt(i) {
			return i
		}
	}
	return -1
}

// finish turns the collected options into one request per URL.
func (c *curlCommand) finish(cmdSpan, pos rules.Span) {
	var urls []rules.Value
	for _, u := range c.urls {
		if !u.splat {
			urls = append(urls, u.v)
		}
	}
	if len(urls) == 0 && len(c.urls) > 0 {
		urls = append(urls, c.urls[0].v)
	}
	for _, u := range urls {
		c.s.unit.Requests = append(c.s.unit.Requests, c.request(u, cmdSpan, pos))
	}
}

func (c *curlCommand) request(url rules.Value, cmdSpan, pos rules.Span) *rules.Request {
	if schemeless(url) {
		// curl sends a URL without a scheme over http:// (curl(1), URL: "If
		// you specify URL without protocol:// prefix, curl attempts to guess
		// what protocol you might want. It then defaults to HTTP but assumes
		// others based on often-used host name prefixes"); say so,
		// zero-width before the host, so insecure-token-url sees what goes out.
		sp := url.Span()
		url = rules.Concat(rules.Decoded(c.s.file, "http://", sp.Start, sp.Start), url)
	}
	r := &rules.Request{Via: rules.ViaCurl, URL: url, Pos: pos}
	r.Headers = append(r.Headers, c.headers...)
	_, get := c.flags["get"]
	if get && len(c.data) > 0 {
		sep := "?"
		if literalIndexByte(url, '?') >= 0 {
			sep = "&"
		}
		at := c.flags["get"]
		r.URL = rules.Concat(url, rules.Decoded(c.s.file, sep, at.Start, at.Start), c.joinData())
	} else {
		r.Body = c.body(r)
	}
	for _, q := range c.queries {
		// --url-query appends to the query (encoded unless it starts with
		// "+"); where the parameter goes is what matters to the rules.
		if strings.HasPrefix(q.Text, "+") && !q.DynamicAt(0) {
			q = q.Slice(1, len(q.Text))
		}
		sep := "?"
		if literalIndexByte(r.URL, '?') >= 0 {
			sep = "&"
		}
		sp := q.Span()
		r.URL = rules.Concat(r.URL, rules.Decoded(c.s.file, sep, sp.Start, sp.Start), q)
	}
	r.Method = c.effectiveMethod(cmdSpan)
	r.SetAuth(c.auth(r))
	if at, ok := c.flags["insecure"]; ok {
		r.MarkInsecure(at)
	}
	return r
}

// schemeless reports whether a curl URL is a literal host name with no
// scheme (login.mypurecloud.com/oauth/token), which curl sends over HTTP.
// Names that start like another protocol (ftp., ldap.) curl guesses as
// that protocol; they are no token URL either way.
func schemeless(url rules.Value) bool {
	t := url.Text
	if t == "" || url.DynamicAt(0) || strings.Contains(t, "://") || strings.ContainsAny(t, " \t\n") {
		return false
	}
	host, _, _ := strings.Cut(t, "/")
	host, _, _ = strings.Cut(host, "?")
	name, _, _ := strings.Cut(host, ":")
	if !url.Slice(0, len(host)).Known() || name == "" {
		return false
	}
	for _, p := range []string{"ftp.", "dict.", "ldap.", "imap.", "pop3.", "smtp."} {
		if strings.HasPrefix(strings.ToLower(name), p) {
			return false
		}
	}
	if name == "localhost" {
		return true
	}
	// A name of labels: "..." (a document's elision, curl ... -d grant_type=...)
	// and ".example" are no host.
	labels := strings.Split(strings.TrimSuffix(name, "."), ".")
	return len(labels) > 1 && !slices.Contains(labels, "") && strings.IndexFunc(name, func(r rune) bool {
		return !(r == '.' || r == '-' || r == '_' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z')
	}) < 0
}

// effectiveMethod is -X when given, else what the other options imply,
// placed at the option that implies it (or the command name for GET).
func (c *curlCommand) effectiveMethod(cmdSpan rules.Span) rules.Value {
	if !c.method.IsZero() {
		return c.method
	}
	implied := func(m string, at rules.Span) rules.Value { return rules.Decoded(c.s.file, m, at.Start, at.End) }
	if at, ok := c.flags["head"]; ok {
		return implied("HEAD", at)
	}
	if at, ok := c.flags["get"]; ok {
		return implied("GET", at)
	}
	if len(c.data) > 0 {
		return implied("POST", c.data[0].at)
	}
	if len(c.form) > 0 {
		return implied("POST", c.formAt)
	}
	if at, ok := c.flags["upload-file"]; ok {
		return implied("PUT", at)
	}
	return implied("GET", cmdSpan)
}

// auth is the request's authentication: an explicit Authorization header
// replaces what -u or --oauth2-bearer would send.
func (c *curlCommand) auth(r *rules.Request) rules.Auth {
	if h := r.Header("Authorization"); h != nil {
		a := httpAuth(c.s.file, h.Value)
		a.Via = rules.ViaCurl
		return a
	}
	if !c.bearer.IsZero() {
		return rules.Auth{Kind: rules.AuthBearer, Secret: c.bearer, Via: rules.ViaCurl}
	}
	if c.user.IsZero() {
		return rules.Auth{}
	}
	// curl splits at the first colon and sends the halves unencoded
	// (lib/http.c); "-u id" alone prompts for the password.
	a := rules.Auth{Kind: rules.AuthBasic, Via: rules.ViaCurl}
	if c.scheme != "" {
		a.Kind = rules.AuthNone // digest, NTLM...: not Basic, but still a credential
	}
	if user, secret, ok := c.user.Cut(':'); ok {
		a.User, a.Secret = user, secret
	} else {
		a.User = c.user
	}
	return a
}

// joinData is the data options' text as curl sends it: joined with "&",
// except --json parts, which curl concatenates. Each separator is placed,
// empty, at the option it comes before.
func (c *curlCommand) joinData() rules.Value {
	var parts []rules.Value
	for i, d := range c.data {
		if i > 0 && !(d.kind == dataJSON && c.data[i-1].kind == dataJSON) {
			parts = append(parts, rules.Decoded(c.s.file, "&", d.at.Start, d.at.Start))
		}
		parts = append(parts, d.v)
	}
	return rules.Concat(parts...)
}

// body builds the request body from the data and form options.
func (c *curlCommand) body(r *rules.Request) *rules.Body {
	if len(c.data) == 0 {
		if len(c.form) == 0 {
			return nil
		}
		return &rules.Body{Kind: rules.BodyMultipart, Fields: c.form, Via: "-F"}
	}
	raw := c.joinData()
	b := &rules.Body{Raw: raw, Via: c.data[0].opt}
	_, isJSON := c.flags["json"]
	ct := r.Header("Content-Type")
	if _, removed := c.flags["no-content-type"]; removed && ct == nil && !isJSON {
		b.Untyped = true // -H "Content-Type:" dropped curl's form type
	}
	if isJSON && ct == nil {
		// --json sends Content-Type: application/json (json.md); say so
		// at the option, so rules see what goes on the wire.
		at := c.flags["json"]
		r.Headers = append(r.Headers, rules.Header{
			Name:  rules.Decoded(c.s.file, "Content-Type", at.Start, at.End),
			Value: rules.Decoded(c.s.file, "application/json", at.Start, at.End),
		})
		ct = &r.Headers[len(r.Headers)-1]
	}
	switch {
	case ct != nil && ct.Value.Known():
		// An explicit type decides; a form written under a JSON type is
		// still a form (the header is the mistake, and the fields keep
		// their own encoding problems).
		b.Kind = rules.ClassifyBody(raw.TrimSpace(), mediaType(ct.Value.Text), true)
	case rules.OpensJSON(raw):
		b.Kind = rules.BodyJSON
	default:
		// curl's default type for data is application/x-www-form-urlencoded.
		b.Kind = rules.BodyForm
	}
	switch b.Kind {
	case rules.BodyForm:
		b.Fields = c.formFields()
	case rules.BodyJSON:
		b.Fields = rules.JSONMembers(raw, rules.ViaCurl)
	}
	return b
}

// formFields are the fields of the data options, each with the encoding of
// the option that wrote it.
func (c *curlCommand) formFields() []rules.Field {
	var out []rules.Field
	for _, d := range c.data {
		if d.kind == dataURLEncode {
			out = append(out, c.urlencodeField(d.v))
			continue
		}
		out = append(out, rules.ParseForm(d.v, rules.EncodingRaw, rules.ViaCurl)...)
	}
	return out
}
