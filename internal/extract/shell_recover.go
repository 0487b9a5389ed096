package extract

import (
	"bytes"

	"mvdan.cc/sh/v3/syntax"
)

// Docs and scripts are full of shell the parser rejects as a whole:
// <CLIENT_ID> read as redirections, CLIENT_SECRET=<:(>, {{ x }} where a
// word should be, a stray ")" or an unclosed quote in a line nobody runs.
// One such line must not hide the curl commands around it. Recovery keeps
// every byte at its offset: what cannot be read is blanked, never moved,
// so the positions of the rest stay file positions.

// recoverShell reads what it can of a script that does not parse, its
// placeholders already masked: command by command, each logical line (with
// its continuations) grown line by line until it parses, as a command with
// a multi-line quoted body needs. ok is false when nothing could be read.
func recoverShell(masked []byte, variant syntax.LangVariant) (*syntax.File, bool) {
	lines := logicalLines(masked)
	kept := bytes.Repeat([]byte{' '}, len(masked))
	for i, c := range masked {
		if c == '\n' {
			kept[i] = '\n'
		}
	}
	budget := 16*len(masked) + 1<<16 // bytes handed to the parser
	any := false
	for i := 0; i < len(lines); {
		if len(bytes.TrimSpace(masked[lines[i].start:lines[i].end])) == 0 {
			i++
			continue
		}
		parsed := -1
		for j := i; j < len(lines) && j < i+maxRecoverLines && budget > 0; j++ {
			block := masked[lines[i].start:lines[j].end]
			budget -= len(block)
			if _, err := parseShell(block, variant); err == nil {
				parsed = j
				break
			}
		}
		if parsed < 0 {
			i++ // this line starts nothing readable
			continue
		}
		copy(kept[lines[i].start:lines[parsed].end], masked[lines[i].start:lines[parsed].end])
		any = true
		i = parsed + 1
	}
	if !any {
		return nil, false
	}
	f, err := parseShell(kept, variant)
	if err != nil {
		return nil, false
	}
	return f, true
}

// maxRecoverLines bounds how far a command that does not parse alone is
// grown: a quoted body longer than this is not a snippet's.
const maxRecoverLines = 64

// A lineSpan is one logical line: a line and the lines a trailing
// backslash continues, without the final newline.
type lineSpan struct{ start, end int }

func logicalLines(src []byte) []lineSpan {
	var out []lineSpan
	start := 0
	for i := 0; i <= len(src); i++ {
		if i < len(src) && src[i] != '\n' {
			continue
		}
		if i < len(src) && continued(src[start:i]) {
			continue
		}
		out = append(out, lineSpan{start, i})
		start = i + 1
	}
	return out
}

// continued reports whether a line ends with an unescaped backslash.
func continued(line []byte) bool {
	n := 0
	for k := len(line) - 1; k >= 0 && line[k] == '\\'; k-- {
		n++
	}
	return n%2 == 1
}

// maskShellPlaceholders returns src with the placeholder tokens of
// documentation made plain word characters, byte for byte: <CLIENT_ID>,
// <:)>, <client-secret> (not the redirections <<EOF, <(cmd), <&3, < file)
// <<YOUR AWS REGION>> and {{ name }}. Values are cut from the file's own bytes, so the
// placeholder's text is kept; the parser only sees a word.
func maskShellPlaceholders(src []byte) []byte {
	out := src
	own := func() {
		if &out[0] == &src[0] {
			out = bytes.Clone(src)
		}
	}
	for i := 0; i < len(out); i++ {
		switch {
		case out[i] == '<':
			if n := angleToken(out, i); n > 0 {
				own()
				for k := i; k < i+n; k++ {
					out[k] = '_'
				}
				i += n - 1
			}
		case out[i] == '{' && i+1 < len(out) && out[i+1] == '{':
			end := bytes.Index(out[i:min(len(out), i+256)], []byte("}}"))
			if end < 0 || bytes.IndexByte(out[i:i+end], '\n') >= 0 {
				continue
			}
			own()
			for k := i; k < i+end+2; k++ {
				out[k] = '_'
			}
			i += end + 1
		}
	}
	return out
}

// angleToken is the length of a <placeholder> or <<YOUR AWS REGION>> at
// src[i], or 0. Inside, no line break, quote or angle bracket; a token
// with blanks must not start or end with one and must not run into a word
// after its ">", which keeps "cmd <in >out" and "cat <<EOF >>log" the
// redirections they are.
func angleToken(src []byte, i int) int {
	if i > 0 && (src[i-1] == '<' || src[i-1] == '>' || '0' <= src[i-1] && src[i-1] <= '9') {
		return 0 // the second "<" of <<, 2<...
	}
	open := 1
	if i+1 < len(src) && src[i+1] == '<' {
		open = 2
	}
	first := i + open
	if first >= len(src) {
		return 0
	}
	switch src[first] {
	case '<', '(', '&', '>', ' ', '\t', '\n', '-':
		return 0
	}
	blanks := false
	for k := first; k < len(src) && k < first+80; k++ {
		switch src[k] {
		case '>':
			if k == first || open == 2 && (k+1 >= len(src) || src[k+1] != '>') {
				return 0
			}
			end := k + open
			if (blanks || open == 2) && (src[k-1] == ' ' || end < len(src) && isNameChar(src[end])) {
				return 0
			}
			return end - i
		case ' ', '\t':
			blanks = true
		case '<', '\n', '"', '\'', '`', '$', ';', '|', '&':
			return 0
		}
	}
	return 0
}
