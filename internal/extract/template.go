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
		v.Segs[i].Start, v.Segs[i].End, v.Segs[i].Verbatim = start, end, false
	}
	return v
}

func templatedSegs(file, text string, start int, syn Syntax, verbatim bool) rules.Value {
	v := rules.Value{Text: text, File: file}
	lit := 0
	flush := func(to int) {
		if to > lit {
			v.Segs = append(v.Segs, rules.Segment{Off: lit, Start: start + lit, End: start + to, Verbatim: verbatim})
		}
	}
	for i := 0; i < len(text); {
		n := placeholderLen(text[i:], syn)
		if n == 0 {
			i++
			continue
		}
		flush(i)
		v.Segs = append(v.Segs, rules.Segment{Off: i, Start: start + i, End: start + i + n, Verbatim: verbatim, Dynamic: true})
		i += n
		lit = i
	}
	flush(len(text))
	if len(v.Segs) == 0 {
		v.Segs = []rules.Segment{{Start: start, End: start, Verbatim: verbatim}}
	}
	return v
}

// placeholderLen is the length of the placeholder at the start of s, or 0.
func placeholderLen(s string, syn Syntax) int {
	switch {
	case syn&GHAExpr != 0 && strings.HasPrefix(s, "${{"):
		if j := strings.Index(s, "}}"); j >= 0 {
			return j + 2
		}
	case syn&Mustache != 0 && strings.HasPrefix(s, "{{"):
		if j := strings.Index(s, "}}"); j >= 0 {
			return j + 2
		}
	case syn&Jinja != 0 && strings.HasPrefix(s, "{%"):
		if j := strings.Index(s, "%}"); j >= 0 {
			return j + 2
		}
	case syn&DollarVar != 0 && strings.HasPrefix(s, "${"):
		if j := strings.IndexByte(s, '}'); j >= 0 {
			return j + 1
		}
	case syn&DollarVar != 0 && strings.HasPrefix(s, "$("):
		depth := 0
		for j := 1; j < len(s); j++ {
			switch s[j] {
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
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
