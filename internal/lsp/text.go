package lsp

import (
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"unicode/utf8"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/tokenlint/tokenlint/rules"
)

// pathFromURI is the local path of a file: URI; other schemes (untitled:)
// have none.
func pathFromURI(uri protocol.DocumentUri) (string, bool) {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" || u.Path == "" {
		return "", false
	}
	p := u.Path
	if runtime.GOOS == "windows" {
		p = strings.TrimPrefix(p, "/") // /C:/x
	}
	return filepath.Clean(filepath.FromSlash(p)), true
}

// uriFromPath is the file: URI of an absolute or relative local path.
func uriFromPath(p string) protocol.DocumentUri {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	p = filepath.ToSlash(p)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive path
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// lines indexes a buffer for LSP positions: 0-based lines split at "\n"
// (a "\r" before it belongs to the line ending) and characters counted in
// UTF-16 code units, the protocol's default encoding.
type lines struct {
	text string
	li   *rules.LineIndex // 1-based lines
}

func newLines(text string) *lines {
	return &lines{text: text, li: rules.NewLineIndex([]byte(text))}
}

// count is the number of lines.
func (l *lines) count() int { return l.li.Lines() }

// lineStart is the offset where 0-based line n starts.
func (l *lines) lineStart(n int) int { return l.li.LineStart(n + 1) }

// lineEnd is the offset of the end of 0-based line n, before its line ending.
func (l *lines) lineEnd(n int) int { return l.lineStart(n) + len(l.li.Line(n+1)) }

// line is the text of 0-based line n without its line ending.
func (l *lines) line(n int) string { return string(l.li.Line(n + 1)) }

// position converts a byte offset to an LSP position.
func (l *lines) position(off int) protocol.Position {
	line, col := l.li.Position(off)
	return protocol.Position{Line: uint32(line - 1), Character: uint32(l.li.UTF16Column(line, col) - 1)}
}

// offset converts an LSP position to a byte offset; a character past the
// end of its line means the line's end, a line past the end the text's end.
func (l *lines) offset(p protocol.Position) int {
	n := int(p.Line)
	if n >= l.count() {
		return len(l.text)
	}
	i, end := l.lineStart(n), l.lineEnd(n)
	for units := 0; i < end; {
		r, size := utf8.DecodeRuneInString(l.text[i:end])
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if units+w > int(p.Character) {
			break
		}
		units += w
		i += size
	}
	return i
}

func (l *lines) rangeOf(start, end int) protocol.Range {
	return protocol.Range{Start: l.position(start), End: l.position(max(start, end))}
}
