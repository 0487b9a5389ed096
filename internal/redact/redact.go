// Package redact is the one place that hides credentials from everything
// tokenlint prints: source snippets, messages, fix texts, -diff on both
// sides, and error messages. It masks every byte range a front end called
// a credential and every other occurrence of the same text in the file
// (a secret written twice, once where no front end looks), keeping the
// first characters of each so a reader can tell secrets apart. A secret
// too short or too plain to look for everywhere ("secret") is masked
// again where the text says it is a credential (password=secret).
package redact

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/tokenlint/tokenlint/rules"
)

// KeepPrefix is how many characters of a secret any output may show.
const KeepPrefix = 2

// minCopy is the length from which a secret's text is searched for
// everywhere (in the file, in messages): a short or plain-word sample
// value such as "secret" or "password" would match ordinary words, so
// those are masked again only in a credential position (plain.go).
const minCopy = 6

// A Redactor masks the secrets of one file.
type Redactor struct {
	src []byte
	// spans are every masked range of src: the credentials and the other
	// occurrences of their text, sorted by Start.
	spans []rules.Span
	// longest is the longest span, so Window can skip spans that end
	// before it without scanning them all.
	longest int
	// secrets indexes the distinctive secret texts by their first minCopy
	// bytes, so finding copies costs the text's length, not the number of
	// secrets in the file.
	secrets map[string][]string
	// heads has bit a<<8|b set when some secret starts with bytes a, b: a
	// cheap first test at every offset of the file.
	heads *[1 << 16 / 64]uint64
	// plain are the other secrets, masked again only where they stand in
	// a credential position.
	plain plainSecrets
}

// New returns the redactor of src, whose credentials are spans. cat is
// the run's catalog (nil: the default one): its credential fields and
// headers, a configuration's included, are the keys after which a plain
// secret's copy is masked.
func New(src []byte, spans []rules.Span, cat *rules.Catalog) *Redactor {
	if cat == nil {
		cat = rules.DefaultCatalog()
	}
	r := &Redactor{src: src, secrets: map[string][]string{}, plain: plainSecrets{cat: cat}}
	seen := map[string]bool{}
	for _, sp := range append(slices.Clip(spans), configuredValues(cat, src)...) {
		if sp.Start < 0 || sp.End > len(src) || sp.End <= sp.Start {
			continue
		}
		r.spans = append(r.spans, rules.Span{File: sp.File, Start: sp.Start, End: sp.End})
		if text := string(src[sp.Start:sp.End]); distinctive(text) && !seen[text] {
			seen[text] = true
			k := text[:minCopy]
			r.secrets[k] = append(r.secrets[k], text)
			if r.heads == nil {
				r.heads = new([1 << 16 / 64]uint64)
			}
			h := int(text[0])<<8 | int(text[1])
			r.heads[h/64] |= 1 << (h % 64)
		} else if plain(text) && !seen[text] {
			seen[text] = true
			r.plain.add(text)
		}
	}
	r.spans = append(r.spans, r.copies()...)
	find(&r.plain, src, func(start, end int) { r.spans = append(r.spans, rules.Span{Start: start, End: end}) })
	sort.Slice(r.spans, func(i, j int) bool {
		a, b := r.spans[i], r.spans[j]
		return a.Start < b.Start || a.Start == b.Start && a.End < b.End
	})
	// A credential is also a copy of its own text: keep one of each.
	r.spans = slices.CompactFunc(r.spans, func(a, b rules.Span) bool { return a.Start == b.Start && a.End == b.End })
	for _, sp := range r.spans {
		r.longest = max(r.longest, sp.End-sp.Start)
	}
	return r
}

// copies finds the occurrences of the secret texts in src, in one pass.
func (r *Redactor) copies() []rules.Span {
	if len(r.secrets) == 0 {
		return nil
	}
	var out []rules.Span
	src := r.src
	for i := 0; i+minCopy <= len(src); i++ {
		h := int(src[i])<<8 | int(src[i+1])
		if r.heads[h/64]&(1<<(h%64)) == 0 {
			continue
		}
		for _, sec := range r.secrets[string(src[i:i+minCopy])] {
			if len(src)-i >= len(sec) && string(src[i:i+len(sec)]) == sec {
				out = append(out, rules.Span{Start: i, End: i + len(sec)})
			}
		}
	}
	return out
}

// distinctive reports whether a secret's text is worth searching for
// elsewhere: long enough, and not a plain lower-case word.
func distinctive(s string) bool {
	if len(s) < minCopy {
		return false
	}
	for _, c := range s {
		if !('a' <= c && c <= 'z' || c == '_' || c == '-') {
			return true
		}
	}
	return false
}

// Spans are every range of the file that outputs mask: the credentials
// and the copies of their text, sorted by Start.
func (r *Redactor) Spans() []rules.Span { return r.spans }

// Window returns the bytes start:end of the file with every secret past
// its first characters replaced by '*', byte for byte, so byte columns
// stay where they were.
func (r *Redactor) Window(start, end int) string {
	b := make([]byte, end-start)
	copy(b, r.src[start:end])
	first := sort.Search(len(r.spans), func(i int) bool { return r.spans[i].Start >= start-r.longest })
	for _, sp := range r.spans[first:] {
		if sp.Start >= end {
			break
		}
		if sp.End <= start {
			continue
		}
		for i := max(keepEnd(r.src, sp), start); i < min(sp.End, end); i++ {
			if b[i-start] != '\n' {
				b[i-start] = '*'
			}
		}
	}
	return string(b)
}

// keepEnd is the offset after the first characters of the secret sp.
func keepEnd(src []byte, sp rules.Span) int {
	keep := sp.Start
	for n := 0; n < KeepPrefix && keep < sp.End; n++ {
		_, size := utf8.DecodeRune(src[keep:sp.End])
		keep += size
	}
	return keep
}

// Masked is text with every secret of spans masked (as Window does), for
// a text that is not the file itself (the fixed text of -diff), read with
// the file's catalog.
func (r *Redactor) Masked(text []byte, spans []rules.Span) []byte {
	return []byte(New(text, spans, r.plain.cat).Window(0, len(text)))
}

// Scrub masks any secret text of the file that reached a message, a fix
// text or a diff; rules never put one there, and this makes sure.
func (r *Redactor) Scrub(s string) string {
	s = r.scrubPlain(s)
	if len(r.secrets) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; i+minCopy <= len(s); {
		if h := int(s[i])<<8 | int(s[i+1]); r.heads[h/64]&(1<<(h%64)) == 0 {
			i++
			continue
		}
		hit := ""
		for _, sec := range r.secrets[s[i:i+minCopy]] {
			if strings.HasPrefix(s[i:], sec) && len(sec) > len(hit) {
				hit = sec
			}
		}
		if hit == "" {
			i++
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(Mask(hit))
		i += len(hit)
		last = i
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// Mask shows the first characters of a secret and stars for the rest.
func Mask(secret string) string {
	var b strings.Builder
	n := 0
	for _, c := range secret {
		if n < KeepPrefix {
			b.WriteRune(c)
		} else {
			b.WriteByte('*')
		}
		n++
	}
	return b.String()
}

// Error masks the file text that a parser quoted in an error message
// ("unclosed here-document `TOKEN`", `duplicate key "X"`): the file may
// hold secrets that no front end has classified yet, as it failed to
// parse. A quoted run is masked when it occurs in src (any quoted run when
// src is nil) and is not a grammar word the parser names itself
// (`then`, `}`), which stays readable.
func Error(msg string, src []byte) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(msg); i++ {
		q := msg[i]
		if q != '`' && q != '"' && q != '\'' {
			continue
		}
		j := strings.IndexByte(msg[i+1:], q)
		if j < 0 {
			break
		}
		j += i + 1
		quoted := msg[i+1 : j]
		if GrammarWord(quoted) || src != nil && !bytes.Contains(src, []byte(quoted)) {
			i = j
			continue
		}
		b.WriteString(msg[last : i+1])
		b.WriteString(Mask(quoted))
		last = j
		i = j
	}
	if last == 0 {
		return msg
	}
	b.WriteString(msg[last:])
	return b.String()
}

// GrammarWord reports whether a quoted run is too short to hide anything
// or is a keyword or operator of the format (lower-case letters, or only
// punctuation), which parsers name in their messages.
func GrammarWord(s string) bool {
	if utf8.RuneCountInString(s) <= KeepPrefix {
		return true
	}
	lower, punct := true, true
	for _, c := range s {
		if !('a' <= c && c <= 'z') {
			lower = false
		}
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= utf8.RuneSelf {
			punct = false
		}
	}
	return lower && len(s) <= 10 || punct
}
