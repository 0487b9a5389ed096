package extract

import (
	"strings"
	"unicode"

	"github.com/tokenlint/tokenlint/rules"
)

// What the line-oriented formats (.http, .env, Bruno, Markdown) share:
// cutting a file into lines that keep their offsets, and reading one line's
// placeholders.

// A srcLine is one line of a file: its text without the line ending and the
// byte offset where it starts.
type srcLine struct {
	num   int // 1-based
	start int
	text  string
}

// end is the offset just past the line's text (before any line ending).
func (l srcLine) end() int { return l.start + len(l.text) }

// splitLines cuts src into lines, dropping "\n" and a "\r" before it.
func splitLines(src []byte) []srcLine { return splitText(string(src)) }

// splitText is splitLines for a string; the lines share its memory.
func splitText(src string) []srcLine { return cutLines(src, true) }

// cutLines cuts src at each "\n", which it drops, and with dropCR a "\r"
// before it too: a notebook cell's lines keep theirs, as the shell that
// runs them does.
func cutLines(src string, dropCR bool) []srcLine {
	out := make([]srcLine, 0, strings.Count(src, "\n")+1)
	for off := 0; off < len(src); {
		n := strings.IndexByte(src[off:], '\n')
		next := off + n + 1
		if n < 0 {
			n, next = len(src)-off, len(src)
		}
		text := src[off : off+n]
		if dropCR {
			text = strings.TrimSuffix(text, "\r")
		}
		out = append(out, srcLine{num: len(out) + 1, start: off, text: text})
		off = next
	}
	return out
}

// indent is the number of leading spaces and tabs of s.
func indent(s string) int { return len(s) - len(strings.TrimLeft(s, " \t")) }

// trimmed is strings.TrimSpace(s) and the offset in s where it starts:
// TrimSpace also trims CR, VT, FF and Unicode spaces, which indent does
// not count, so a value's text and its start must come from the one trim.
func trimmed(s string) (string, int) {
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	return strings.TrimRightFunc(t, unicode.IsSpace), len(s) - len(t)
}

// maxTemplatedLine bounds the text scanned for placeholders in one piece.
const maxTemplatedLine = 64 << 10

// templatedLine is Templated for one line of a line format; a line longer
// than any real setting or request line is left unknown.
func templatedLine(file, s string, start int, syn Syntax) rules.Value {
	if len(s) > maxTemplatedLine {
		return rules.Dyn(file, s, start, start+len(s))
	}
	return Templated(file, s, start, syn)
}
