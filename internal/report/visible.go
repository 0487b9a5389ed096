package report

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Visible renders text from a scanned file (a file name, a message that
// quotes a decoded value, a source line) for a terminal or a CI log:
// control characters, Unicode line separators and bidirectional controls,
// and bytes that are not UTF-8 become escapes (\n, \r, \x1b, \u202e), so
// the text cannot start a line of its own, move the cursor, retitle the
// terminal or reorder what follows. Tabs are escaped too unless keepTabs
// (a source line, where they align the underline).
func Visible(s string, keepTabs bool) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && !(keepTabs && c == '\t') || c == 0x7f || c >= utf8.RuneSelf {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\t' && keepTabs:
			b.WriteByte('\t')
		case r < 0x20 || r == 0x7f:
			b.WriteString(controlEscape(byte(r)))
		case r >= 0x80 && r <= 0x9f, r == 0x2028, r == 0x2029, r == 0x200e, r == 0x200f,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func controlEscape(c byte) string {
	switch c {
	case '\a':
		return `\a`
	case '\b':
		return `\b`
	case '\f':
		return `\f`
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	case '\v':
		return `\v`
	}
	return fmt.Sprintf(`\x%02x`, c)
}

// VisiblePath is Visible for a path at the start of an output line: a
// name starting with a blank or a colon gets a "./" so that no line of
// tokenlint's output reads as a CI workflow command ("::error::...",
// which the GitHub runner takes from stdout and stderr alike).
func VisiblePath(p string) string {
	v := Visible(p, false)
	if v != "" && (v[0] == ':' || v[0] == ' ') {
		return "./" + v
	}
	return v
}
