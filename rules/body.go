package rules

import (
	"encoding/json"
	"strings"
)

// The one reading of a body written as text, for every front end (the
// config formats in internal/extract and the Go analyzer): what kind it is
// and, for JSON, its members. A dynamic part (a variable, a template, a Go
// expression) is never taken for the "{" that opens JSON or the "=" of a
// form: its value is unknown.

// ClassifyBody is the kind of a body written as text. mediaType is the
// media type of a literal Content-Type the source states (lower case, no
// parameters) and typed says there is one; the front end that cannot see
// the header (the Go analyzer, before Header.Set) passes "", false.
//
// A stated type decides, except that a JSON object under the form type is
// JSON (the server finds no field in it: the body is the mistake) and a
// form under a JSON type is a form (the header is the mistake; the fields
// keep their own encoding problems); any other stated type is raw. Without
// a type the text decides: a literal "{" or "[" opens JSON, a name
// followed by "=" starts a form (LooksLikeForm), anything else is raw.
func ClassifyBody(text Value, mediaType string, typed bool) BodyKind {
	switch {
	case mediaType == "application/x-www-form-urlencoded":
		if OpensJSONObject(text) {
			return BodyJSON
		}
		return BodyForm
	case mediaType == "application/json" || strings.HasSuffix(mediaType, "+json"):
		if LooksLikeForm(text) {
			return BodyForm
		}
		return BodyJSON
	case typed:
		return BodyRaw
	case OpensJSON(text):
		return BodyJSON
	case LooksLikeForm(text):
		return BodyForm
	}
	return BodyRaw
}

// OpensJSON reports whether v, past literal white space, starts with a
// literal "{" or "[".
func OpensJSON(v Value) bool {
	i := skipLiteralSpace(v)
	return i < len(v.Text) && (v.Text[i] == '{' || v.Text[i] == '[') && !v.DynamicAt(i)
}

// OpensJSONObject reports whether v starts a JSON object: a literal "{"
// followed by a member name, "}" or the end, not a {{placeholder}}.
func OpensJSONObject(v Value) bool {
	i := skipLiteralSpace(v)
	if i >= len(v.Text) || v.Text[i] != '{' || v.DynamicAt(i) {
		return false
	}
	rest := strings.TrimLeft(v.Text[i+1:], " \t\r\n")
	return rest == "" || rest[0] == '"' || rest[0] == '}'
}

// LooksLikeForm reports whether v starts like a form: a name of letters,
// digits, "_", "-" and "." (or dynamic parts, a {{name}} or a Go
// variable) right from its first byte, then a literal "=".
func LooksLikeForm(v Value) bool {
	for i := 0; i < len(v.Text); i++ {
		if v.DynamicAt(i) {
			continue
		}
		switch c := v.Text[i]; {
		case c == '=':
			return i > 0
		case !isFormNameChar(c):
			return false
		}
	}
	return false
}

func isFormNameChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '.'
}

func skipLiteralSpace(v Value) int {
	i := 0
	for i < len(v.Text) && isSpace(v.Text[i]) && !v.DynamicAt(i) {
		i++
	}
	return i
}

// JSONMembers lists the top-level members of a JSON object body, each
// value a string's content (decoded when it has escapes) or the token as
// written, so rules see a grant_type and credentials sent as JSON. It
// stops quietly at the first thing that is not JSON (an unquoted
// {{placeholder}}). via names the fields' writer ("" for the request's).
func JSONMembers(v Value, via string) []Field {
	s := v.Text
	i := skipJSONSpace(s, 0)
	if i >= len(s) || s[i] != '{' {
		return nil
	}
	var out []Field
	for i = skipJSONSpace(s, i+1); i < len(s) && s[i] == '"'; i = skipJSONSpace(s, i+1) {
		nameStart, nameEnd := i, jsonStringEnd(s, i)
		if nameEnd < 0 {
			return out
		}
		i = skipJSONSpace(s, nameEnd)
		if i >= len(s) || s[i] != ':' {
			return out
		}
		i = skipJSONSpace(s, i+1)
		valEnd := jsonValueEnd(s, i)
		if valEnd <= i {
			return out
		}
		out = append(out, Field{
			Name:     jsonToken(v, nameStart, nameEnd),
			Value:    jsonToken(v, i, valEnd),
			Encoding: EncodingFull,
			Via:      via,
		})
		i = skipJSONSpace(s, valEnd)
		if i >= len(s) || s[i] != ',' {
			return out
		}
	}
	return out
}

func skipJSONSpace(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// jsonStringEnd is the offset just past the string starting at s[i] == '"',
// or -1 when it does not end.
func jsonStringEnd(s string, i int) int {
	for k := i + 1; k < len(s); k++ {
		switch s[k] {
		case '\\':
			k++
		case '"':
			return k + 1
		}
	}
	return -1
}

// jsonValueEnd is the offset just past the value starting at s[i]: a
// string, or anything up to the comma or brace that ends it at depth 0.
func jsonValueEnd(s string, i int) int {
	if i < len(s) && s[i] == '"' {
		return jsonStringEnd(s, i)
	}
	depth := 0
	for k := i; k < len(s); k++ {
		switch s[k] {
		case '"':
			if k = jsonStringEnd(s, k) - 1; k < 0 {
				return -1
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return trimJSONSpaceEnd(s, i, k)
			}
			depth--
		case ',':
			if depth == 0 {
				return trimJSONSpaceEnd(s, i, k)
			}
		}
	}
	return trimJSONSpaceEnd(s, i, len(s))
}

func trimJSONSpaceEnd(s string, i, k int) int {
	for k > i && isSpace(s[k-1]) {
		k--
	}
	return k
}

// jsonToken is the value of the JSON token v.Text[i:j]: a string's content
// (decoded when it has escapes), or the token as written.
func jsonToken(v Value, i, j int) Value {
	tok := v.Text[i:j]
	if len(tok) < 2 || tok[0] != '"' {
		return v.Slice(i, j)
	}
	inner := v.Slice(i+1, j-1)
	if !strings.Contains(inner.Text, "\\") || inner.HasDynamic() {
		return inner
	}
	var dec string
	if err := json.Unmarshal([]byte(tok), &dec); err != nil {
		return inner
	}
	sp := inner.Span()
	return Decoded(v.File, dec, sp.Start, sp.End)
}
