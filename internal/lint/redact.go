package lint

import (
	"strings"
	"unicode/utf8"

	"github.com/tokenlint/tokenlint/rules"
)

// keepPrefix is how many characters of a secret any output may show.
const keepPrefix = 2

// redactor masks the secrets of one file.
type redactor struct {
	src     []byte
	spans   []rules.Span
	secrets []string // the secret texts, to scrub from messages
}

func newRedactor(src []byte, spans []rules.Span) *redactor {
	r := &redactor{src: src}
	for _, sp := range spans {
		if sp.Start < 0 || sp.End > len(src) || sp.End <= sp.Start {
			continue
		}
		r.spans = append(r.spans, sp)
		if text := string(src[sp.Start:sp.End]); scrubbable(text) {
			r.secrets = append(r.secrets, text)
		}
	}
	return r
}

// line returns the bytes lineStart:lineEnd of the file with every secret
// past its first characters replaced by '*', byte for byte, so byte columns
// stay where they were.
func (r *redactor) line(lineStart, lineEnd int) string {
	b := []byte(string(r.src[lineStart:lineEnd]))
	for _, sp := range r.spans {
		if sp.End <= lineStart || sp.Start >= lineEnd {
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
	if len(s) < 8 {
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
	for _, sec := range r.secrets {
		if strings.Contains(s, sec) {
			s = strings.ReplaceAll(s, sec, Mask(sec))
		}
	}
	return s
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
