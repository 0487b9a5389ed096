package lint

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/tokenlint/tokenlint/rules"
)

// keepPrefix is how many characters of a secret any output may show.
const keepPrefix = 2

// redactor masks the secrets of one file.
type redactor struct {
	src   []byte
	spans []rules.Span // sorted by Start
	// longest is the longest span, so line can skip spans that end
	// before a line without scanning them all.
	longest int
	// secrets indexes the distinctive secret texts by their first
	// scrubPrefix bytes, so scrubbing a message costs its length, not the
	// number of secrets in the file.
	secrets map[string][]string
}

// scrubPrefix is the key length of the secrets index; scrubbable secrets
// are at least this long.
const scrubPrefix = 8

func newRedactor(src []byte, spans []rules.Span) *redactor {
	r := &redactor{src: src, secrets: map[string][]string{}}
	for _, sp := range spans {
		if sp.Start < 0 || sp.End > len(src) || sp.End <= sp.Start {
			continue
		}
		r.spans = append(r.spans, sp)
		r.longest = max(r.longest, sp.End-sp.Start)
		if text := string(src[sp.Start:sp.End]); scrubbable(text) {
			k := text[:scrubPrefix]
			r.secrets[k] = append(r.secrets[k], text)
		}
	}
	sort.Slice(r.spans, func(i, j int) bool { return r.spans[i].Start < r.spans[j].Start })
	return r
}

// line returns the bytes lineStart:lineEnd of the file with every secret
// past its first characters replaced by '*', byte for byte, so byte columns
// stay where they were.
func (r *redactor) line(lineStart, lineEnd int) string {
	b := []byte(string(r.src[lineStart:lineEnd]))
	first := sort.Search(len(r.spans), func(i int) bool { return r.spans[i].Start >= lineStart-r.longest })
	for _, sp := range r.spans[first:] {
		if sp.Start >= lineEnd {
			break
		}
		if sp.End <= lineStart {
			continue
		}
		// Skip the first characters of the secret itself (not of the line).
		keep := sp.Start
		for n := 0; n < keepPrefix && keep < sp.End; n++ {
			_, size := utf8.DecodeRune(r.src[keep:sp.End])
			keep += size
		}
		for i := max(keep, lineStart); i < min(sp.End, lineEnd); i++ {
			b[i-lineStart] = '*'
		}
	}
	return string(b)
}

// scrubbable reports whether a secret is distinctive enough to search
// for in message text: a short or plain-word sample value such as
// "secret" or "password" would match the words of the message itself.
func scrubbable(s string) bool {
	if len(s) < scrubPrefix {
		return false
	}
	for _, c := range s {
		if !('a' <= c && c <= 'z' || c == '_' || c == '-') {
			return true
		}
	}
	return false
}

// scrub masks any secret text that reached a message or fix text; rules
// never put one there, and this makes sure.
func (r *redactor) scrub(s string) string {
	if len(r.secrets) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; i+scrubPrefix <= len(s); {
		hit := ""
		for _, sec := range r.secrets[s[i:i+scrubPrefix]] {
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
		if n < keepPrefix {
			b.WriteRune(c)
		} else {
			b.WriteByte('*')
		}
		n++
	}
	return b.String()
}
