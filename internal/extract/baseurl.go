package extract

import (
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tokenlint/tokenlint/rules"
)

// A variable can hold a whole base URL: a workflow's
// curl "${{ env.GENESYS_BASE }}/oauth/token" with
// env: {GENESYS_BASE: https://api.mypurecloud.com}, a .http file's
// POST {{$dotenv GENESYS_BASE}}/oauth/token with the .env beside it. A
// person reading the repository reads the token URL as that value and
// the path, as the shell front end reads BASE=...; curl "$BASE/oauth/token".
// The front end that knows where such a value is written (the env: blocks
// in scope, the .env beside) substitutes it, under two conditions that
// keep the judgement to what the source says: the template is the URL's
// whole scheme and host (a path follows it), and the value is a literal
// http(s) URL with nothing templated in it. Anything else stays unknown.

// A writtenValue is a variable's value as the repository writes it down:
// its text and where.
type writtenValue struct {
	text string
	at   rules.Span
}

// substituteBaseURLs replaces the leading template of each request URL of
// u that lookup finds a literal base URL for (lookup is given the
// template's text, ${{ env.BASE }}) by that URL. The substituted part points
// at the use, not at the value: the value may serve other requests, so no
// fix edits it from here; u's Origins name where it is written, so a
// finding at the use shows it. Each substitution is charged to the file's
// expansion budget x: one long value used by many requests would
// otherwise be copied into each of them, and read by isBaseURL for each.
func substituteBaseURLs(u *rules.Unit, x *expansion, lookup func(tmpl string) (writtenValue, bool)) {
	for _, r := range u.Requests {
		v := r.URL
		if len(v.Segs) < 2 || !v.Segs[0].Dynamic || v.Segs[1].Dynamic || !strings.HasPrefix(v.Text[v.Segs[1].Off:], "/") {
			continue
		}
		cut := int(v.Segs[1].Off)
		tmpl := v.Text[:cut]
		b, ok := lookup(tmpl)
		// Charged before isBaseURL reads it, so that the reading is
		// bounded as well.
		if !ok || !x.spend(len(b.text)+segmentBytes) || !isBaseURL(b.text) {
			continue
		}
		use := v.SpanOf(0, cut)
		r.URL = rules.Concat(rules.Decoded(v.File, b.text, use.Start, use.End), v.Slice(cut, len(v.Text)))
		u.Origins = append(u.Origins, rules.Origin{At: use, Name: tmpl, Value: b.at})
	}
}

// isBaseURL reports whether text is a URL a template may stand for in
// front of a path: http or https, a host, no query or fragment, and no
// character that would be a template or a placeholder of some tool.
func isBaseURL(text string) bool {
	if strings.ContainsAny(text, "{}$%<> \t\r\n\\`'\"") {
		return false
	}
	p, err := url.Parse(text)
	if err != nil || p.Host == "" || p.User != nil || p.RawQuery != "" || p.Fragment != "" || p.Opaque != "" {
		return false
	}
	s := strings.ToLower(p.Scheme)
	return s == "https" || s == "http"
}

// ghaEnvName is NAME of the GitHub expression ${{ env.NAME }}, or "".
func ghaEnvName(tmpl string) string {
	name, ok := strings.CutPrefix(strings.TrimSpace(between(tmpl, "${{", "}}")), "env.")
	if !ok || !isVarName(name) {
		return ""
	}
	return name
}

// dotenvName is NAME of REST Client's {{$dotenv NAME}}, or "" (also for
// {{$dotenv %NAME}}, whose name is itself a variable).
func dotenvName(tmpl string) string {
	name, ok := strings.CutPrefix(strings.TrimSpace(between(tmpl, "{{", "}}")), "$dotenv")
	if !ok || !strings.HasPrefix(name, " ") && !strings.HasPrefix(name, "\t") {
		return ""
	}
	if name = strings.TrimSpace(name); !isVarName(name) {
		return ""
	}
	return name
}

// between is s without its delimiters open and close, or "" when s is
// not so delimited.
func between(s, open, close string) string {
	if len(s) < len(open)+len(close) || !strings.HasPrefix(s, open) || !strings.HasSuffix(s, close) {
		return ""
	}
	return s[len(open) : len(s)-len(close)]
}

// isVarName reports whether s is an environment variable's name as
// workflows and .env files write them (letters, digits, _, and . or -
// after the first).
func isVarName(s string) bool {
	if s == "" || !isNameStart(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !isEnvKeyChar(s[i]) {
			return false
		}
	}
	return true
}

// substituteDotenvBaseURLs substitutes, in the requests of the .http file
// file, the {{$dotenv NAME}} base URLs that the .env beside it writes down
// (REST Client reads the .env of the .http file's directory). The .env is
// read only when a request URL starts with such a template, and charged
// to the file's expansion budget x.
func substituteDotenvBaseURLs(u *rules.Unit, file string, x *expansion) {
	if file == "" || file == "-" || strings.HasPrefix(file, "<") || !slices.ContainsFunc(u.Requests, func(r *rules.Request) bool {
		return len(r.URL.Segs) > 0 && r.URL.Segs[0].Dynamic && strings.HasPrefix(r.URL.Text, "{{") && strings.Contains(r.URL.Text, "$dotenv")
	}) {
		return
	}
	name := path.Join(path.Dir(filepath.ToSlash(file)), ".env")
	src := x.readBeside(filepath.FromSlash(name))
	if src == nil || !x.spend(len(src)) {
		return
	}
	values := dotenvValues(name, src)
	substituteBaseURLs(u, x, func(tmpl string) (writtenValue, bool) {
		v, ok := values[dotenvName(tmpl)]
		return v, ok
	})
}
