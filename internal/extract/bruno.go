package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tokenlint/tokenlint/internal/redact"
	"github.com/tokenlint/tokenlint/rules"
)

// The Bruno front end: .bru request files, folder.bru and collection.bru
// (auth a request may inherit), and environments/*.bru. The grammar is
// usebruno/bruno packages/bruno-lang/v2/src/bruToJson.js: a file is a
// sequence of blocks "name {" ... a line starting with "}"; dictionary
// blocks hold "key: value" lines (a "~" before the key disables the
// entry, ''' quotes a multi-line value), text blocks (body:json, scripts,
// docs) hold raw text indented by two spaces (docs/facts/formats.md §4.2).
//
// Who encodes what: a body:form-urlencoded block is sent through
// URLSearchParams (buildFormUrlEncodedPayload in @usebruno/common,
// used by packages/bruno-electron/src/ipc/network/form-url-encoded.js), so
// its fields are EncodingFull; the OAuth 2.0 helper builds its own token
// request (packages/bruno-electron/src/ipc/network/oauth2-helper.js).

const viaBruno = "Bruno"

var brunoFormat = &Format{
	Name:     "bruno",
	match:    func(n fileName, _ []byte) bool { return n.ext == ".bru" },
	Extract:  extractBruno,
	extract:  extractBrunoIn,
	Comments: nil, // .bru has no comments
	// A request that inherits its auth from collection.bru may name no
	// OAuth word itself.
	Keywords: []string{"inherit"},
}

// A bruBlock is one block of a .bru file.
type bruBlock struct {
	name  string
	line  int // 1-based line of the header
	start int // offset of the header
	pairs []bruPair
	text  rules.Value // text blocks: the content, outdented
}

// A bruPair is one "key: value" line of a dictionary block.
type bruPair struct {
	key      rules.Value
	value    rules.Value
	disabled bool
}

// get is the value of the last enabled pair named key, or the zero Value.
func (b *bruBlock) get(key string) rules.Value {
	if b == nil {
		return rules.Value{}
	}
	for _, v := range slices.Backward(b.pairs) {
		if !v.disabled && v.key.Text == key {
			return v.value
		}
	}
	return rules.Value{}
}

// bruTextBlocks are the blocks whose content is raw text.
var bruTextBlocks = map[string]bool{
	"body": true, "body:json": true, "body:text": true, "body:xml": true, "body:sparql": true,
	"body:graphql": true, "body:graphql:vars": true, "script:pre-request": true,
	"script:post-response": true, "tests": true, "docs": true,
}

// bruBlockName is a block name for an error message: a name of Bruno's
// grammar (body:json, auth:oauth2: words that redact.GrammarWord prints,
// joined by colons and dashes) as a phrase, which Errorf prints; any other, which may
// be a secret pasted out of place, as the file's text, which it masks.
func bruBlockName(name string) any {
	for part := range strings.FieldsFuncSeq(name, func(r rune) bool { return r == ':' || r == '-' }) {
		if !redact.GrammarWord(part) {
			return name
		}
	}
	return phrase(name)
}

// parseBru cuts a .bru file into blocks. Text outside a block, a block
// that never closes and a dictionary line without ":" are errors, as they
// are for Bruno.
func parseBru(file string, src []byte) ([]*bruBlock, error) {
	if bytes.IndexByte(src, 0) >= 0 {
		return nil, Errorf(file, 0, "binary data, not a .bru file")
	}
	lines := splitLines(src)
	var blocks []*bruBlock
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		head := strings.TrimSpace(l.text)
		if head == "" {
			continue
		}
		name, open, ok := strings.Cut(head, "{")
		list := false
		if !ok {
			name, open, ok = strings.Cut(head, "[")
			list = true
		}
		name = strings.TrimSpace(name)
		if !ok || name == "" || strings.TrimSpace(open) != "" || strings.ContainsAny(name, " \t") {
			return nil, Errorf(file, l.num, "expected a block such as \"post {\", found %q", clip(head))
		}
		b := &bruBlock{name: name, line: l.num, start: l.start}
		closer := "}"
		if list {
			closer = "]"
		}
		end := -1
		for j := i + 1; j < len(lines); j++ {
			if strings.HasPrefix(lines[j].text, closer) {
				end = j
				break
			}
		}
		if end < 0 {
			return nil, Errorf(file, l.num, "block %q is not closed by a line starting with %q", bruBlockName(name), closer)
		}
		body := lines[i+1 : end]
		switch {
		case list:
		case bruTextBlocks[name]:
			b.text = bruText(file, body)
		case bruDictionary(name):
			pairs, err := bruPairs(file, body)
			if err != nil {
				return nil, err
			}
			b.pairs = pairs
		}
		blocks = append(blocks, b)
		i = end
	}
	return blocks, nil
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}

// bruDictionary reports whether a block holds "key: value" pairs that
// tokenlint reads. Other blocks (example {...} with nested structure,
// settings, newer additions) are skipped whole.
func bruDictionary(name string) bool {
	if bruMethods[name] {
		return true
	}
	switch name {
	case "meta", "headers", "query", "vars", "auth", "assert", "body:form-urlencoded", "body:multipart-form":
		return true
	}
	return strings.HasPrefix(name, "auth:") || strings.HasPrefix(name, "vars:") || strings.HasPrefix(name, "params:")
}

// bruPairs reads the lines of a dictionary block. Annotations
// (@description(”'...”'), @number) and list values (tags: [ ... ]) of
// newer Bruno versions are skipped.
func bruPairs(file string, lines []srcLine) ([]bruPair, error) {
	var out []bruPair
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		ind := indent(l.text)
		rest := l.text[ind:]
		if strings.TrimSpace(rest) == "" {
			continue
		}
		if strings.HasPrefix(rest, "@") {
			if strings.Count(rest, "'''")%2 == 1 {
				for i++; i < len(lines) && !strings.Contains(lines[i].text, "'''"); i++ {
				}
			}
			continue
		}
		colon := strings.IndexByte(rest, ':')
		if colon <= 0 {
			return nil, Errorf(file, l.num, "expected \"key: value\", found %q", clip(strings.TrimSpace(rest)))
		}
		key := strings.TrimRight(rest[:colon], " \t")
		keyStart := l.start + ind
		p := bruPair{}
		if strings.HasPrefix(key, "~") {
			p.disabled = true
			key, keyStart = key[1:], keyStart+1
		}
		p.key = rules.Lit(file, key, keyStart)
		vstart := colon + 1
		vstart += indent(rest[vstart:])
		val := strings.TrimRight(rest[vstart:], " \t")
		if val == "[" {
			for i++; i < len(lines) && strings.TrimSpace(lines[i].text) != "]"; i++ {
			}
			continue
		}
		if val == "'''" {
			// A multi-line value: the lines up to the closing ''', each
			// indented by four spaces (bruToJson.js value()).
			var parts []rules.Value
			j := i + 1
			for ; j < len(lines) && strings.TrimSpace(lines[j].text) != "'''"; j++ {
				text := lines[j].text
				cut := min(4, indent(text))
				if len(parts) > 0 {
					parts = append(parts, rules.Decoded(file, "\n", lines[j].start, lines[j].start))
				}
				parts = append(parts, rules.Lit(file, text[cut:], lines[j].start+cut))
			}
			if j == len(lines) {
				return nil, Errorf(file, l.num, "multi-line value of %q is not closed by '''", key)
			}
			p.value = markPlaceholders(rules.Concat(parts...), Mustache)
			i = j
		} else {
			p.value = Templated(file, val, l.start+ind+vstart, Mustache)
		}
		out = append(out, p)
	}
	return out, nil
}

// bruText is a text block's content, outdented by two spaces as Bruno
// does (outdentString), each line pointing at its bytes.
func bruText(file string, lines []srcLine) rules.Value {
	var parts []rules.Value
	for k, l := range lines {
		cut := min(2, indent(l.text))
		if k > 0 {
			parts = append(parts, rules.Decoded(file, "\n", l.start, l.start))
		}
		parts = append(parts, rules.Lit(file, l.text[cut:], l.start+cut))
	}
	return markPlaceholders(rules.Concat(parts...), Mustache)
}

// bruMethods are the request blocks.
var bruMethods = map[string]bool{
	"get": true, "post": true, "put": true, "delete": true, "patch": true,
	"options": true, "head": true, "connect": true, "trace": true,
}

type bruFile struct {
	file   string
	u      *rules.Unit
	vars   *varScope
	blocks []*bruBlock
}

// block is the last block named name, or nil.
func (f *bruFile) block(name string) *bruBlock {
	for _, v := range slices.Backward(f.blocks) {
		if v.name == name {
			return v
		}
	}
	return nil
}

// text resolves a value's {{variables}}; credentials stay as written
// (credentialName).
func (f *bruFile) text(v rules.Value) rules.Value { return f.vars.resolve(v, Mustache) }

func extractBruno(file string, src []byte) (*rules.Unit, error) {
	return extractBrunoIn(file, src, newExpansion(len(src)))
}

// extractBrunoIn is extractBruno drawing on the expansion budget x.
func extractBrunoIn(file string, src []byte, x *expansion) (*rules.Unit, error) {
	blocks, err := parseBru(file, src)
	if err != nil {
		return nil, err
	}
	u := &rules.Unit{Name: file}
	f := &bruFile{file: file, u: u, vars: &varScope{x: x, u: u}, blocks: blocks}
	local := f.vars.layer()
	for _, name := range []string{"vars:pre-request", "vars"} {
		if b := f.block(name); b != nil {
			for _, p := range b.pairs {
				if p.disabled {
					continue
				}
				define(local, strings.TrimPrefix(p.key.Text, "@"), p.value.Text)
				addVariable(f.u, p.key.Text, p.key, p.value)
			}
		}
	}
	envs := f.vars.layer()
	loadBrunoEnvironments(file, envs)
	// An environment's secret names (vars:secret [ ... ]) hold no values.
	for _, b := range blocks {
		if bruMethods[b.name] {
			f.request(b)
		}
	}
	// collection.bru and folder.bru: auth { mode: oauth2 } with its block.
	if mode := f.block("auth").get("mode"); mode.Text == "oauth2" {
		f.oauth2(f.block("auth:oauth2"))
	}
	return f.u, nil
}

// request reads one request block with the blocks that complete it.
func (f *bruFile) request(b *bruBlock) {
	r := &rules.Request{Via: viaBruno, Pos: rules.Span{File: f.file, Start: b.start, End: b.start + len(b.name)}}
	r.Method = rules.Decoded(f.file, strings.ToUpper(b.name), b.start, b.start+len(b.name))
	r.URL = f.text(b.get("url"))
	if r.URL.IsZero() || r.URL.Text == "" {
		return
	}
	for _, p := range f.block("headers").pairsEnabled() {
		r.Headers = append(r.Headers, rules.Header{Name: p.key, Value: f.text(p.value)})
	}
	r.Body = f.body(b.get("body").Text, r)
	switch mode := b.get("auth").Text; mode {
	case "basic":
		a := f.block("auth:basic")
		r.SetAuth(rules.Auth{Kind: rules.AuthBasic, User: f.text(a.get("username")), Secret: a.get("password"), Via: "Bruno basic auth"})
	case "bearer":
		r.SetAuth(rules.Auth{Kind: rules.AuthBearer, Secret: f.block("auth:bearer").get("token"), Via: "Bruno bearer auth"})
	case "oauth2":
		f.oauth2(f.block("auth:oauth2"))
		r.SetAuth(rules.Auth{Kind: rules.AuthOAuth2, Via: "Bruno OAuth 2.0 helper"})
	case "inherit":
		f.inherit(b.get("auth"))
	}
	f.u.Requests = append(f.u.Requests, r)
}

// pairsEnabled lists a dictionary block's enabled pairs.
func (b *bruBlock) pairsEnabled() []bruPair {
	if b == nil {
		return nil
	}
	var out []bruPair
	for _, p := range b.pairs {
		if !p.disabled {
			out = append(out, p)
		}
	}
	return out
}

// body reads the body the request block's mode selects; without a mode,
// the body block that is there.
func (f *bruFile) body(mode string, r *rules.Request) *rules.Body {
	if mode == "" {
		for _, m := range []string{"formUrlEncoded", "json", "multipartForm", "text"} {
			if f.block(bruBodyBlock[m]) != nil {
				mode = m
				break
			}
		}
	}
	b := f.block(bruBodyBlock[mode])
	if b == nil {
		return nil
	}
	switch mode {
	case "formUrlEncoded", "multipartForm":
		body := &rules.Body{Kind: rules.BodyForm, Via: "Bruno form-urlencoded body"}
		if mode == "multipartForm" {
			body = &rules.Body{Kind: rules.BodyMultipart, Via: "Bruno multipart body"}
		}
		for _, p := range b.pairsEnabled() {
			val := p.value
			if !credentialName(p.key.Text) {
				val = f.text(val)
			}
			if strings.HasPrefix(val.Text, "@file(") {
				continue
			}
			body.Fields = append(body.Fields, rules.Field{Name: p.key, Value: val, Encoding: rules.EncodingFull, Via: body.Via})
		}
		return body
	case "json", "text", "xml":
		var ct rules.Value
		if h := r.Header("Content-Type"); h != nil {
			ct = h.Value
		}
		return f.vars.markBody(textBody(f.text(b.text), ct, mode == "json", "Bruno body:"+mode))
	}
	return nil
}

// bruBodyBlock names the block of each body mode of a request block.
var bruBodyBlock = map[string]string{
	"json": "body:json", "text": "body:text", "xml": "body:xml",
	"formUrlEncoded": "body:form-urlencoded", "multipartForm": "body:multipart-form",
}

// oauth2 turns an auth:oauth2 block into its helper's token request.
func (f *bruFile) oauth2(a *bruBlock) {
	if a == nil {
		return
	}
	h := oauthHelper{
		Via:          "Bruno OAuth 2.0 helper",
		TokenURL:     f.text(a.get("access_token_url")),
		Grant:        a.get("grant_type"),
		ClientID:     f.text(a.get("client_id")),
		ClientSecret: a.get("client_secret"),
		Scope:        f.text(a.get("scope")),
		Pos:          rules.Span{File: f.file, Start: a.start, End: a.start + len(a.name)},
	}
	placement := a.get("credentials_placement").Text
	h.InBody = placement == "body" || placement == "" && a.get("client_secret_method").Text != "client_secret_basic"
	if h.Grant.IsZero() {
		h.Grant = unstatedGrant(f.file, h.Pos)
	}
	if r := h.request(); r != nil {
		f.u.Requests = append(f.u.Requests, r)
	}
	for _, k := range []string{"password", "refresh_token", "access_token"} {
		if v := a.get(k); len(v.Text) > 0 {
			f.u.Secrets = append(f.u.Secrets, v.Span())
		}
	}
}

// inherit records the grant of the OAuth 2.0 helper a request inherits
// from folder.bru or collection.bru in its own directory, as a setting at
// the request's "auth: inherit": the token request itself is linted in
// the file that configures it. Only the request's directory is read.
func (f *bruFile) inherit(at rules.Value) {
	dir := filepath.Dir(filepath.FromSlash(f.file))
	for _, name := range []string{"folder.bru", "collection.bru"} {
		if filepath.Base(filepath.FromSlash(f.file)) == name {
			return
		}
		src := readBeside(filepath.Join(dir, name))
		if src == nil {
			continue
		}
		blocks, err := parseBru(name, src)
		if err != nil {
			return
		}
		parent := &bruFile{blocks: blocks}
		mode := parent.block("auth").get("mode").Text
		if mode == "" || mode == "inherit" {
			continue
		}
		if mode == "oauth2" {
			grant := parent.block("auth:oauth2").get("grant_type")
			sp := at.Span()
			g := rules.Decoded(f.file, grant.Text, sp.Start, sp.End)
			if !grant.Known() || grant.Text == "" {
				g = unstatedGrant(f.file, sp)
			}
			f.u.Settings = append(f.u.Settings, rules.Setting{Kind: rules.SettingGrantType, Key: at, Value: g})
		}
		return
	}
}

// loadBrunoEnvironments reads environments/*.bru of the collection root
// when the file sits in it (bruno.json beside it), so {{variables}}
// resolve; environments that disagree leave a variable unknown.
func loadBrunoEnvironments(file string, layer map[string]varDef) {
	dir := filepath.Dir(filepath.FromSlash(file))
	if readBeside(filepath.Join(dir, "bruno.json")) == nil {
		return
	}
	envDir := filepath.Join(dir, "environments")
	if fi, err := os.Lstat(envDir); err != nil || !fi.IsDir() {
		return
	}
	d, err := os.Open(envDir)
	if err != nil {
		return
	}
	defer d.Close()
	entries, _ := d.ReadDir(maxDirEntries)
	read := 0
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".bru") || read >= maxEnvFiles {
			continue
		}
		src := readBeside(filepath.Join(envDir, e.Name()))
		if src == nil {
			continue
		}
		read++
		blocks, err := parseBru(filepath.ToSlash(filepath.Join(envDir, e.Name())), src)
		if err != nil {
			continue
		}
		env := &bruFile{blocks: blocks}
		for _, p := range env.block("vars").pairsEnabled() {
			defineAt(layer, p.key.Text, p.value.Text, p.value.Span())
		}
	}
}
