package extract

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// hclTooDeep returns the offset at which src nests deeper than limit, or
// -1. hclsyntax's parser recurses for every bracket, brace, parenthesis,
// function call, quoted template, heredoc and ${...}/%{...} sequence,
// with kilobytes of stack per level, and a Go stack overflow is a fatal
// error no recover catches; so the nesting is measured first, by a scan
// that follows the HCL scanner's modes (scan_tokens.rl: main, quoted
// template, heredoc, with its brace counting for template sequences), so
// that a bracket inside a string or comment is not counted and one in code
// always is. A closer that does not match the innermost opener is not
// counted as closing: the count never falls below the parser's depth.
func hclTooDeep(src []byte, limit int) int {
	type frame struct {
		mode        byte // 'm' main (code), '"' quoted template, 'h' heredoc
		marker      []byte
		startOfLine bool
		delims      int // len(delims) when the frame was entered
	}
	stack := []frame{{mode: 'm'}}
	var delims []byte // open ( [ { in code
	braces := 0
	var retBraces []int
	call := func(f frame) bool {
		f.delims = len(delims)
		stack = append(stack, f)
		return len(stack)-1+len(delims) > limit
	}
	ret := func() {
		if len(stack) > 1 {
			delims = delims[:stack[len(stack)-1].delims]
			stack = stack[:len(stack)-1]
		}
	}
	// sequence opens ${ or %{ from a template.
	sequence := func() bool {
		braces++
		retBraces = append(retBraces, braces)
		return call(frame{mode: 'm'})
	}
	for i := 0; i < len(src); {
		top := &stack[len(stack)-1]
		c := src[i]
		switch top.mode {
		case 'm':
			switch {
			case c == '#' || c == '/' && i+1 < len(src) && src[i+1] == '/':
				for i < len(src) && src[i] != '\n' {
					i++
				}
				continue
			case c == '/' && i+1 < len(src) && src[i+1] == '*':
				if end := bytes.Index(src[i+2:], []byte("*/")); end >= 0 {
					i += 2 + end + 2
				} else {
					i = len(src)
				}
				continue
			case c == '"':
				if call(frame{mode: '"'}) {
					return i
				}
			case c == '<' && i+1 < len(src) && src[i+1] == '<':
				if marker, n := heredocIntro(src[i:]); n > 0 {
					if call(frame{mode: 'h', marker: marker, startOfLine: true}) {
						return i
					}
					i += n
					continue
				}
			case c == '(' || c == '[':
				delims = append(delims, c)
				if len(stack)-1+len(delims) > limit {
					return i
				}
			case c == '{':
				braces++
				delims = append(delims, c)
				if len(stack)-1+len(delims) > limit {
					return i
				}
			case c == '}':
				if n := len(retBraces); n > 0 && retBraces[n-1] == braces {
					braces--
					retBraces = retBraces[:n-1]
					ret()
				} else {
					braces--
					if n := len(delims); n > top.delims && delims[n-1] == '{' {
						delims = delims[:n-1]
					}
				}
			case c == ')' || c == ']':
				open := byte('(')
				if c == ']' {
					open = '['
				}
				if n := len(delims); n > top.delims && delims[n-1] == open {
					delims = delims[:n-1]
				}
			}
			i++
		case '"':
			switch {
			case c == '\\' && i+1 < len(src) && src[i+1] != '\n' && src[i+1] != '\r':
				i += 2
			case c == '"':
				ret()
				i++
			default:
				n, open := templateSequence(src[i:])
				if open && sequence() {
					return i
				}
				i += n
			}
		case 'h':
			if top.startOfLine {
				end := bytes.IndexByte(src[i:], '\n')
				if end < 0 {
					end = len(src) - i
				}
				if bytes.Equal(bytes.TrimSpace(src[i:i+end]), top.marker) {
					ret()
					i += end // the newline is code's
					continue
				}
				top.startOfLine = false
			}
			if c == '\n' {
				top.startOfLine = true
				i++
				continue
			}
			n, open := templateSequence(src[i:])
			if open && sequence() {
				return i
			}
			i += n
		}
	}
	return -1
}

// templateSequence reads template text at s: the length of what starts
// there, and whether it opens a ${ or %{ sequence. "$${" and "%%{" are
// escapes, literal text.
func templateSequence(s []byte) (n int, open bool) {
	if s[0] != '$' && s[0] != '%' {
		return 1, false
	}
	switch {
	case len(s) > 1 && s[1] == '{':
		if len(s) > 2 && s[2] == '~' {
			return 3, true
		}
		return 2, true
	case len(s) > 2 && s[1] == s[0] && s[2] == '{':
		return 3, false
	}
	return 1, false
}

// heredocIntro reads "<<EOT\n" or "<<-EOT\r\n" at s: the marker and the
// introducer's length, or 0 when s does not start one.
func heredocIntro(s []byte) (marker []byte, n int) {
	i := 2
	if i < len(s) && s[i] == '-' {
		i++
	}
	start := i
	for i < len(s) {
		r, size := utf8.DecodeRune(s[i:])
		if !(unicode.IsLetter(r) || r == '_' || i > start && (unicode.IsDigit(r) || r == '-' || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r))) {
			break
		}
		i += size
	}
	if i == start {
		return nil, 0
	}
	marker = s[start:i]
	switch {
	case i < len(s) && s[i] == '\n':
		return marker, i + 1
	case i+1 < len(s) && s[i] == '\r' && s[i+1] == '\n':
		return marker, i + 2
	}
	return nil, 0
}
