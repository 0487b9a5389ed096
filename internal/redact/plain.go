package redact

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/tokenlint/tokenlint/rules"
)

// plainSecrets are the secrets too short or too plain to search for
// everywhere ("secret", "abc12"). Their other occurrences are masked only
// where the text itself says they are a credential: as the whole value
// written after a credential key (password=secret, "api_key": "abc12",
// --token abc12, X-Api-Key: abc12, Authorization: Basic abc12). Masking
// every "secret" would hide the words of the file and of messages
// ("client_secret" would read "client_se****"); masking none would print
// a copy that no front end classified, such as a commented-out line or a
// header of another tool's syntax.
type plainSecrets struct {
	// cat names the credential fields and headers: the run's catalog,
	// with the names a configuration adds.
	cat   *rules.Catalog
	texts map[string]bool
	// heads has bit c set when some text starts with byte c.
	heads [256 / 64]uint64
}

func (p *plainSecrets) add(text string) {
	if p.texts == nil {
		p.texts = map[string]bool{}
	}
	p.texts[text] = true
	p.heads[text[0]/64] |= 1 << (text[0] % 64)
}

// plain reports whether a secret is worth masking only in a credential
// position: not distinctive, but longer than what masking keeps.
func plain(s string) bool {
	return !distinctive(s) && utf8.RuneCountInString(s) > KeepPrefix
}

// find calls hit with the range of every plain secret in s that stands in
// a credential position, in order and without overlaps. Its cost is
// linear in s: a value is looked up at its start only, with at most
// minCopy-1 short ends and the end of the value's run.
func find[T ~string | ~[]byte](p *plainSecrets, s T, hit func(start, end int)) {
	if len(p.texts) == 0 {
		return
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if p.heads[c/64]&(1<<(c%64)) == 0 || !separator(s[i-1]) || separator(c) {
			continue
		}
		end := -1
		for j := i + 1; j <= min(len(s), i+minCopy-1); j++ {
			if valueEnd(s, j) && p.texts[string(s[i:j])] {
				end = j
			}
		}
		run := i
		for run < len(s) && !valueEnd(s, run) {
			run++
		}
		if run > end && p.texts[string(s[i:run])] {
			end = run
		}
		if end > 0 && credentialBefore(p.cat, s, i) {
			hit(i, end)
			i = end - 1
		}
	}
}

// separator reports whether c may stand between a key and its value.
func separator(c byte) bool {
	switch c {
	case ' ', '\t', '"', '\'', '`', '=', ':':
		return true
	}
	return false
}

// valueEnd reports whether a value may end before offset i of s: at the
// end, or before a blank, quote or delimiter of the formats tokenlint
// reads, so "secret" is not found inside "secrets" or "secret/x".
func valueEnd[T ~string | ~[]byte](s T, i int) bool {
	if i >= len(s) {
		return true
	}
	switch s[i] {
	case ' ', '\t', '\r', '\n', '"', '\'', '`', '&', ',', ';', ')', ']', '}', '>', '#':
		return true
	}
	return false
}

// keyByte reports whether c may be part of a key or a flag name.
func keyByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '.'
}

// credentialBefore reports whether the value starting at offset i of s is
// written after a credential key: KEY=, KEY:, "KEY": (any quotes and
// blanks around), a flag --KEY followed by a blank, or a credential
// header and an authentication scheme (Authorization: Basic).
func credentialBefore[T ~string | ~[]byte](cat *rules.Catalog, s T, i int) bool {
	key, assigned, start := keyBefore(s, i)
	switch {
	case key == "":
		return false
	case assigned:
		// A form field the catalog names (code, assertion) carries a
		// credential as a header does.
		return cat.IsCredentialHeader(key) || cat.IsCredentialField(key)
	case strings.HasPrefix(key, "-"):
		return rules.IsCredentialName(key)
	case authScheme(key):
		header, assigned, _ := keyBefore(s, start)
		return assigned && cat.IsCredentialHeader(header)
	}
	return false
}

// keyBefore reads back from offset i of s over a few separators and the
// key before them; assigned says whether the separators hold '=' or ':'.
func keyBefore[T ~string | ~[]byte](s T, i int) (key string, assigned bool, start int) {
	j := i
	for j > 0 && i-j < 8 && separator(s[j-1]) {
		j--
		assigned = assigned || s[j] == '=' || s[j] == ':'
	}
	k := j
	for k > 0 && j-k < 64 && keyByte(s[k-1]) {
		k--
	}
	return string(s[k:j]), assigned, k
}

// authScheme reports whether w is an HTTP authentication scheme that a
// credential follows after a blank.
func authScheme(w string) bool {
	for _, s := range []string{"Basic", "Bearer", "Token", "Digest"} {
		if strings.EqualFold(w, s) {
			return true
		}
	}
	return false
}

// scrubPlain masks the plain secrets that stand in a credential position
// in a message, as Mask does.
func (r *Redactor) scrubPlain(s string) string {
	var b strings.Builder
	last := 0
	find(&r.plain, s, func(start, end int) {
		b.WriteString(s[last:start])
		b.WriteString(Mask(s[start:end]))
		last = end
	})
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// configuredValues are the values written after a credential name that cat
// has beyond the default catalog (a configuration's credential_fields and
// credential_headers: ACCT_PIN=…, "acct_pin": "…", X-Acme-Sig: …). No front
// end knows those names, so none called the values credentials: the text
// is the only place that says so. A placeholder ($PIN, {{pin}}, <pin>)
// holds no secret and is left as written.
func configuredValues(cat *rules.Catalog, src []byte) []rules.Span {
	names := configuredNames(cat)
	if len(names) == 0 {
		return nil
	}
	lower := asciiLower(src)
	var out []rules.Span
	for _, name := range names {
		for at := 0; ; {
			i := bytes.Index(lower[at:], name)
			if i < 0 {
				break
			}
			i += at
			at = i + len(name)
			if i > 0 && keyByte(src[i-1]) || at < len(src) && keyByte(src[at]) {
				continue // inside a longer name
			}
			start, assigned := at, false
			for start < len(src) && start-at < 8 && separator(src[start]) {
				assigned = assigned || src[start] == '=' || src[start] == ':'
				start++
			}
			end, quoted := quotedValueEnd(src, at, start)
			for !quoted && end < len(src) && !valueEnd(src, end) {
				end++
			}
			if w := string(src[start:end]); authScheme(w) && end < len(src) && src[end] == ' ' {
				start, end = end+1, end+1 // Authorization-style: the credential after the scheme
				for end < len(src) && !valueEnd(src, end) {
					end++
				}
			}
			if assigned && end > start && strings.IndexByte("$<{%", src[start]) < 0 {
				out = append(out, rules.Span{Start: start, End: end})
			}
		}
	}
	return out
}

// quotedValueEnd is where a value that starts at start, after a key that
// ends at key, ends when the separators before it end in a quote: at the
// same quote on its line, blanks and all. Else it is start, and false.
func quotedValueEnd(src []byte, key, start int) (int, bool) {
	if start == key || src[start-1] != '"' && src[start-1] != '\'' {
		return start, false
	}
	n := bytes.IndexByte(src[start:], src[start-1])
	if n < 0 || bytes.ContainsAny(src[start:start+n], "\r\n") {
		return start, false
	}
	return start + n, true
}

// configuredNames are cat's credential field and header names that the
// default catalog does not call credentials, lower-cased.
func configuredNames(cat *rules.Catalog) [][]byte {
	def := rules.DefaultCatalog()
	if cat == def {
		return nil
	}
	var out [][]byte
	for _, n := range cat.CredentialFields {
		if n != "" && !def.IsCredentialField(n) && !def.IsCredentialHeader(n) {
			out = append(out, asciiLower([]byte(n)))
		}
	}
	for _, n := range cat.CredentialHeaders {
		if n != "" && !def.IsCredentialHeader(n) && !def.IsCredentialField(n) {
			out = append(out, asciiLower([]byte(n)))
		}
	}
	return out
}

// asciiLower is b with its ASCII letters lower-cased, byte for byte, so
// offsets stay those of b (bytes.ToLower may change a rune's length).
func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}
