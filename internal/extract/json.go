package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/tokenlint/tokenlint/rules"
)

// The generic JSON front end: application configs (appsettings.json,
// config.json, a Google service-account key's token_uri) read by their
// keys through the shared key table. Postman, Insomnia and OpenAPI claim
// their JSON by content with a higher priority.
//
// JSON is read with encoding/json's token stream, not yaml.v3: yaml.v3
// rejects valid JSON (the \/ escape, \uD83D\uDE00 surrogate pairs), while
// the token stream gives byte offsets directly (formats.md §10.2). Comments
// and trailing commas (JSONC: .jsonc, VS Code settings, tsconfig-like files) are
// blanked to spaces first, which keeps every offset. A duplicate of a key
// the key table reads is an error: RFC 8259 §4 leaves its meaning to the
// reader, and readers differ. Other duplicates are read both.

var jsonFormat = &Format{
	Name: "json",
	match: func(n fileName, _ []byte) bool {
		return (n.ext == ".json" || n.ext == ".jsonc") && !skippedConfig(n.base)
	},
	Extract: extractJSON,
}

func extractJSON(file string, src []byte) (*rules.Unit, error) {
	u := &rules.Unit{Name: file}
	if u, ok, err := asOpenAPI(file, src, true); ok {
		return u, err
	}
	if !mentionsConfigKey(src) {
		return u, nil
	}
	if binaryConfig(src) {
		return nil, Errorf(file, 0, "binary file (NUL byte)")
	}
	buf, err := prepareJSON(file, src)
	if err != nil {
		return nil, err
	}
	s := newJSONScan(file, buf, u)
	if err := s.doc(); !errors.Is(err, errSlowPath) {
		if err != nil {
			return nil, err
		}
		return u, nil
	}
	return extractJSONStream(file, buf)
}

// extractJSONStream reads prepared JSON through encoding/json's token
// stream: the reader of what the fast path (jsonScan) leaves, and the
// source of every JSON error message.
func extractJSONStream(file string, buf []byte) (*rules.Unit, error) {
	u := &rules.Unit{Name: file}
	w := &jsonWalk{file: file, src: buf, u: u, dec: json.NewDecoder(bytes.NewReader(buf)), line: 1}
	w.dec.UseNumber()
	for {
		if _, err := w.value(nil, rules.Value{}); err != nil {
			if errors.Is(err, io.EOF) {
				return u, nil
			}
			return nil, err
		}
	}
}

// prepareJSON checks the nesting depth and blanks comments and trailing
// commas, copying src only when it has some.
func prepareJSON(file string, src []byte) ([]byte, error) {
	buf, copied := src, false
	blank := func(i, j int) {
		if !copied {
			buf, copied = append([]byte(nil), src...), true
		}
		for k := i; k < j; k++ {
			if buf[k] != '\n' && buf[k] != '\r' {
				buf[k] = ' '
			}
		}
	}
	if bytes.HasPrefix(src, utf8BOM) {
		blank(0, len(utf8BOM)) // Windows editors write one; JSON readers skip it
	}
	depth, comma := 0, -1
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"':
			comma = -1
			i = quotedEnd(src, i)
		case '/':
			if i+1 < len(src) && src[i+1] == '/' {
				end := bytes.IndexByte(src[i:], '\n')
				if end < 0 {
					end = len(src) - i
				}
				blank(i, i+end)
				i += end - 1
			} else if i+1 < len(src) && src[i+1] == '*' {
				end := bytes.Index(src[i+2:], []byte("*/"))
				if end < 0 {
					return nil, Errorf(file, lineOf(src, i), "invalid JSON: unterminated comment")
				}
				blank(i, i+2+end+2)
				i += 2 + end + 1
			} else {
				comma = -1
			}
		case ' ', '\t', '\r', '\n':
		case ',':
			comma = i
		case '[', '{':
			comma = -1
			if depth++; depth > maxNesting {
				return nil, Errorf(file, lineOf(src, i), "invalid JSON: nesting deeper than %d levels", maxNesting)
			}
		case ']', '}':
			if comma >= 0 {
				blank(comma, comma+1)
			}
			comma = -1
			depth--
		default:
			comma = -1
		}
	}
	return buf, nil
}

type jsonWalk struct {
	file  string
	src   []byte
	u     *rules.Unit
	dec   *json.Decoder
	depth int // open arrays and objects: the token stream reports io.EOF inside them too
	// line is the 1-based line of offset lineOff; offsets asked for grow,
	// so counting from the last one keeps a file's lines linear.
	line, lineOff int
}

// lineAt is the 1-based line of offset off.
func (w *jsonWalk) lineAt(off int) int {
	if off < w.lineOff {
		return lineOf(w.src, off)
	}
	w.line += bytes.Count(w.src[w.lineOff:off], []byte{'\n'})
	w.lineOff = off
	return w.line
}

// next is the offset where the next token starts: InputOffset is the end
// of the last token, before the separators.
func (w *jsonWalk) next() int {
	i := int(w.dec.InputOffset())
	for i < len(w.src) {
		switch w.src[i] {
		case ' ', '\t', '\r', '\n', ',', ':':
			i++
			continue
		}
		break
	}
	return i
}

func (w *jsonWalk) token() (json.Token, int, error) {
	start := w.next()
	tok, err := w.dec.Token()
	if errors.Is(err, io.EOF) && w.depth > 0 {
		return nil, start, Errorf(w.file, lineOf(w.src, len(w.src)), "invalid JSON: unexpected end of input")
	}
	if err != nil && !errors.Is(err, io.EOF) {
		line := lineOf(w.src, len(w.src))
		if se, ok := errors.AsType[*json.SyntaxError](err); ok {
			line = lineOf(w.src, int(se.Offset))
		}
		return nil, start, Errorf(w.file, line, "invalid JSON: %v", err)
	}
	return tok, start, err
}

// value reads one JSON value reached by the key path, and returns it
// when it is a string, number or bool.
func (w *jsonWalk) value(path []string, key rules.Value) (rules.Value, error) {
	tok, start, err := w.token()
	if err != nil {
		return rules.Value{}, err
	}
	var v rules.Value
	switch t := tok.(type) {
	case json.Delim:
		w.depth++
		defer func() { w.depth-- }()
		if t == '{' {
			return v, w.object(path)
		}
		for w.dec.More() {
			if _, err := w.value(path, key); err != nil {
				return v, err
			}
		}
		_, _, err := w.token() // ]
		return v, err
	case nil:
		return v, nil
	case string:
		v = w.str(start)
	default: // a number or a bool: the text as written
		v = rules.Lit(w.file, string(w.src[start:w.dec.InputOffset()]), start)
	}
	if len(path) > 0 {
		addKeyValue(w.u, configPath(path), key, v)
	}
	return v, nil
}

// object reads the members of an object, and its name-value pair.
func (w *jsonWalk) object(path []string) error {
	seen := map[string]int{}
	var pair nameValue
	for w.dec.More() {
		tok, start, err := w.token()
		if err != nil {
			return err
		}
		member, _ := tok.(string)
		line := w.lineAt(start)
		if first, dup := seen[member]; dup && readKey(configPath(append(slices.Clip(path), member))) {
			return Errorf(w.file, line, "invalid JSON: duplicate key %q (first at line %d)", member, first)
		}
		seen[member] = line
		key := w.str(start)
		v, err := w.value(append(slices.Clip(path), member), key)
		if err != nil {
			return err
		}
		pair.see(member, v)
	}
	pair.add(w.u)
	_, _, err := w.token() // }
	return err
}

// A nameValue is an object's "name" and "value" members: {"name": X,
// "value": Y} (an ECS task's or App Service's environment list item) is
// also the pair X = Y, as .env reads X=Y.
type nameValue struct{ name, value rules.Value }

func (p *nameValue) see(member string, v rules.Value) {
	switch member {
	case "name":
		p.name = v
	case "value":
		p.value = v
	}
}

func (p *nameValue) add(u *rules.Unit) {
	if p.name.Known() && !p.value.IsZero() {
		addKeyValue(u, p.name.Text, p.name, p.value)
	}
}

// str is the Value of the JSON string starting at src[start] ('"').
func (w *jsonWalk) str(start int) rules.Value { return jsonString(w.file, w.src, start) }

// jsonString is the Value of the JSON string starting at src[start] ('"').
func jsonString(file string, src []byte, start int) rules.Value {
	end := start + 1
	for end < len(src) && src[end] != '"' {
		if src[end] == '\\' {
			end++
		}
		end++
	}
	end = min(end, len(src))
	return escapedValue(file, src, start+1, end, jsonEscape)
}

// jsonKey is a member name as the token stream decodes it, when that is
// its bytes as written: no escape, valid UTF-8.
func jsonKey(raw []byte) (string, bool) {
	if bytes.IndexByte(raw, '\\') >= 0 || !utf8.Valid(raw) {
		return "", false
	}
	return string(raw), true
}

// quotedEnd is the offset of the quote that closes the string whose
// opening quote is at src[open] (one after a backslash is escaped), or
// len(src) when none does. The quotes are found with bytes.IndexByte:
// strings are most of a JSON file's bytes.
func quotedEnd(src []byte, open int) int {
	j := open + 1
	for {
		k := bytes.IndexByte(src[j:], '"')
		if k < 0 {
			return len(src)
		}
		j += k
		// A backslash escapes the byte after it: a run of them before the
		// quote escapes it when it is odd.
		run := 0
		for b := j - 1; b > open && src[b] == '\\'; b-- {
			run++
		}
		if run%2 == 0 {
			return j
		}
		j++
	}
}

// jsonEscape decodes the JSON escape at the start of s, joining a UTF-16
// surrogate pair into one character as JSON readers do.
func jsonEscape(s []byte) (string, int) {
	if len(s) >= 12 && s[1] == 'u' && s[6] == '\\' && s[7] == 'u' {
		hi, err1 := strconv.ParseUint(string(s[2:6]), 16, 16)
		lo, err2 := strconv.ParseUint(string(s[8:12]), 16, 16)
		if err1 == nil && err2 == nil && utf16.IsSurrogate(rune(hi)) {
			if r := utf16.DecodeRune(rune(hi), rune(lo)); r != 0xFFFD {
				return string(r), 12
			}
		}
	}
	return yamlEscape(s)
}
