package extract

import (
	"strings"

	"github.com/tokenlint/tokenlint/rules"
)

// A Syntax is one placeholder notation that makes part of a text dynamic.
type Syntax int

const (
	Mustache  Syntax = 1 << iota // {{x}}, {{ _.x }}, {{$guid}} (.http, Postman, Insomnia, Bruno)
	DollarVar                    // $X, ${X}, ${X:-d}, $(cmd) (shell, .env, Spring)
	Percent                      // %X% (Windows)
	GHAExpr                      // ${{ secrets.X }} (GitHub Actions)
	Jinja                        // {% ... %}
	AllSyntax = Mustache | DollarVar | Percent | GHAExpr | Jinja
)

// Templated builds a Value from literal text found verbatim at file offset
// start, marking the placeholders of the given syntaxes dynamic.
func Templated(file, text string, start int, syn Syntax) rules.Value {
	return templatedSegs(file, text, start, syn, true)
}

// TemplatedDecoded is Templated for text that is not the file's bytes
// (unquoted, unescaped): every part points at the span start:end.
func TemplatedDecoded(file, text string, start, end int, syn Syntax) rules.Value {
	v := templatedSegs(file, text, start, syn, false)
	for i := range v.Segs {
		v.Segs[i].Start, v.Segs[i].End, v.Segs[i].Verbatim = int32(start), int32(end), false
	}
	return v
}

func templatedSegs(file, text string, start int, syn Syntax, verbatim bool) rules.Value {
	v := rules.Value{Text: text, File: file}
	lit := 0
	flush := func(to int) {
		if to > lit {
			v.Segs = append(v.Segs, rules.Segment{Off: int32(lit), Start: int32(start + lit), End: int32(start + to), Verbatim: verbatim})
		}
	}
	var sc placeholderScan
	for i := 0; i < len(text); {
		n := sc.length(text, i, syn)
		if n == 0 {
			i++
			continue
		}
		flush(i)
		v.Segs = append(v.Segs, rules.Segment{Off: int32(i), Start: int32(start + i), End: int32(start + i + n), Verbatim: verbatim, Dynamic: true})
		i += n
		lit = i
	}
	flush(len(text))
	if len(v.Segs) == 0 {
		v.Segs = []rules.Segment{{Start: int32(start), End: int32(start), Verbatim: verbatim}}
	}
	return v
}

// placeholderScan remembers which closers are absent from the rest of the
// text: once "}}" is not found after one "{{", it is not after any later
// one either, so each closer is searched for at most once per missing kind
// and a long line of openers stays linear.
type placeholderScan struct {
	noDoubleBrace, noJinjaClose, noBrace bool
	// closing maps the offset of each "(" in the text to its ")", found in
	// one pass the first time a "$(" is met.
	closing map[int]int
}

// matchParens pairs the parentheses of text with a stack.
func matchParens(text string) map[int]int {
	m := map[int]int{}
	var open []int
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '(':
			open = append(open, i)
		case ')':
			if n := len(open); n > 0 {
				m[open[n-1]] = i
				open = open[:n-1]
			}
		}
	}
	return m
}

// length is the length of the placeholder at text[at:], or 0.
func (sc *placeholderScan) length(text string, at int, syn Syntax) int {
	s := text[at:]
	closeAt := func(closer string, none *bool) int {
		if *none {
			return 0
		}
		j := strings.Index(s, closer)
		if j < 0 {
			*none = true
			return 0
		}
		return j + len(closer)
	}
	switch {
	case syn&GHAExpr != 0 && strings.HasPrefix(s, "${{"):
		return closeAt("}}", &sc.noDoubleBrace)
	case syn&Mustache != 0 && strings.HasPrefix(s, "{{"):
		return closeAt("}}", &sc.noDoubleBrace)
	case syn&Jinja != 0 && strings.HasPrefix(s, "{%"):
		return closeAt("%}", &sc.noJinjaClose)
	case syn&DollarVar != 0 && strings.HasPrefix(s, "${"):
		return closeAt("}", &sc.noBrace)
	case syn&DollarVar != 0 && strings.HasPrefix(s, "$("):
		if sc.closing == nil {
			sc.closing = matchParens(text)
		}
		if end, ok := sc.closing[at+1]; ok {
			return end - at + 1
		}
	case syn&DollarVar != 0 && len(s) > 1 && s[0] == '$' && isNameStart(s[1]):
		j := 2
		for j < len(s) && isNameChar(s[j]) {
			j++
		}
		return j
	case syn&Percent != 0 && len(s) > 2 && s[0] == '%' && isNameStart(s[1]):
		j := 2
		for j < len(s) && isNameChar(s[j]) {
			j++
		}
		if j < len(s) && s[j] == '%' {
			return j + 1
		}
	}
	return 0
}

func isNameStart(c byte) bool { return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isNameChar(c byte) bool  { return isNameStart(c) || '0' <= c && c <= '9' }

// placeholderLen is the length of the placeholder at the start of s, or 0,
// for callers that look at one position.
func placeholderLen(s string, syn Syntax) int {
	var sc placeholderScan
	return sc.length(s, 0, syn)
}
