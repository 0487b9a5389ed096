package extract

import (
	"bytes"
	"errors"
	"slices"

	"github.com/BurntSushi/toml"
	"github.com/pelletier/go-toml/v2/unstable"
	"github.com/tokenlint/tokenlint/rules"
)

// The generic TOML front end: application configs, the Genesys Cloud
// CLI's ~/.gc/config.toml ([profile] tables with environment,
// client_credentials = the client id, client_secret, grant_type;
// genesys.md §5.2), read by their keys through the shared key table.
//
// The document is first decoded with BurntSushi/toml, so that what the
// TOML spec forbids (duplicate keys, redefined tables) is an error with
// its line. Positions come from pelletier/go-toml/v2's unstable parser,
// which gives every key and value a byte range (BurntSushi keeps its
// positions private, formats.md §10.3) and is the grammar viper, and so
// the Genesys CLI, reads config.toml with. pelletier's own decoder is not
// used: its duplicate-key tracking is quadratic in the number of tables
// (40,000 tables: 12 s against BurntSushi's 0.9 s).

var tomlFormat = &Format{
	Name:     "toml",
	match:    func(n fileName, _ []byte) bool { return n.ext == ".toml" && !skippedConfig(n.base) },
	Extract:  extractTOML,
	Comments: []string{"#"},
}

func extractTOML(file string, src []byte) (*rules.Unit, error) {
	u := &rules.Unit{Name: file}
	if !mentionsConfigKey(src) {
		return u, nil
	}
	if binaryConfig(src) {
		return nil, Errorf(file, 0, "binary file (NUL byte)")
	}
	if bytes.HasPrefix(src, utf8BOM) {
		// Spaces in its place keep every offset; pelletier's parser reads
		// the mark as a key.
		src = append([]byte("   "), src[len(utf8BOM):]...)
	}
	if err := checkTOMLDepth(file, src); err != nil {
		return nil, err
	}
	var doc map[string]any
	if _, err := toml.Decode(string(src), &doc); err != nil {
		if pe, ok := errors.AsType[toml.ParseError](err); ok {
			return nil, Errorf(file, pe.Position.Line, "invalid TOML: %s", parserMessage(pe.Message))
		}
		return nil, Errorf(file, 0, "invalid TOML: %v", err)
	}
	w := &tomlWalk{file: file, src: src, u: u}
	w.p.Reset(src)
	var table []string
	for w.p.NextExpression() {
		e := w.p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = table[:0:0]
			for it := e.Key(); it.Next(); {
				table = append(table, string(it.Node().Data))
			}
		case unstable.KeyValue:
			w.keyValue(e, table)
		}
	}
	if err := w.p.Error(); err != nil {
		// What TOML 1.1 allows and this parser does not (BurntSushi reads
		// 1.1): an error at the parser's line.
		line := 0
		var pe *unstable.ParserError
		if errors.As(err, &pe) && len(pe.Highlight) > 0 {
			line = w.p.Shape(w.p.Range(pe.Highlight)).Start.Line
		}
		return nil, Errorf(file, line, "invalid TOML: %v", err)
	}
	return u, nil
}

type tomlWalk struct {
	file string
	src  []byte
	u    *rules.Unit
	p    unstable.Parser
}

// keyValue reads key = value under the table path prefix; a dotted key
// extends the path (a.b.token_url = ...).
func (w *tomlWalk) keyValue(e *unstable.Node, prefix []string) {
	path := slices.Clip(prefix)
	var last *unstable.Node
	for it := e.Key(); it.Next(); {
		last = it.Node()
		path = append(path, string(last.Data))
	}
	w.value(e.Value(), path, w.scalar(last))
}

func (w *tomlWalk) value(n *unstable.Node, path []string, key rules.Value) {
	switch n.Kind {
	case unstable.Array:
		for it := n.Children(); it.Next(); {
			w.value(it.Node(), path, key)
		}
	case unstable.InlineTable:
		for it := n.Children(); it.Next(); {
			if kv := it.Node(); kv.Kind == unstable.KeyValue {
				w.keyValue(kv, path)
			}
		}
	default:
		addKeyValue(w.u, configPath(path), key, w.scalar(n))
	}
}

// scalar is the Value of a key or scalar value node. Strings point at
// their exact bytes (escapes decoded, each at its own bytes); numbers,
// booleans and dates are their text as written.
func (w *tomlWalk) scalar(n *unstable.Node) rules.Value {
	start, end := int(n.Raw.Offset), int(n.Raw.Offset+n.Raw.Length)
	raw := w.src[start:end]
	var v rules.Value
	switch {
	case n.Kind != unstable.String && n.Kind != unstable.Key || len(raw) == 0 || raw[0] != '"' && raw[0] != '\'':
		return rules.Lit(w.file, string(raw), start)
	case len(raw) >= 6 && (bytes.HasPrefix(raw, []byte(`"""`)) || bytes.HasPrefix(raw, []byte(`'''`))):
		// A newline right after the opening delimiter is not part of the string.
		a := start + 3
		if bytes.HasPrefix(w.src[a:end], []byte("\r\n")) {
			a += 2
		} else if w.src[a] == '\n' {
			a++
		}
		v = escapedValue(w.file, w.src, a, end-3, w.escape(raw[0]))
	default:
		v = escapedValue(w.file, w.src, start+1, end-1, w.escape(raw[0]))
	}
	if v.Text != string(n.Data) {
		// A form this reading does not follow (CRLF normalised in a
		// multi-line string): the decoded text over the whole literal.
		return TemplatedDecoded(w.file, string(n.Data), start, end, configSyntax)
	}
	return v
}

// escape is the escape decoder for a string opened by quote: basic
// strings have escapes and line-ending backslashes, literal strings none.
func (w *tomlWalk) escape(quote byte) func([]byte) (string, int) {
	if quote == '\'' {
		return func([]byte) (string, int) { return "", 0 }
	}
	return tomlEscape
}

// tomlEscape decodes the basic-string escape at the start of s. A
// backslash that ends a line in a multi-line string trims the line break
// and the white space after it.
func tomlEscape(s []byte) (string, int) {
	i := 1
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if i < len(s) && (s[i] == '\n' || s[i] == '\r') {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			i++
		}
		return "", i
	}
	return yamlEscape(s)
}

// checkTOMLDepth bounds the nesting of arrays and inline tables before
// the parser recurses into them.
func checkTOMLDepth(file string, src []byte) error {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case '"', '\'':
			i = skipTOMLString(src, i)
		case '[', '{':
			if depth++; depth > maxNesting {
				return Errorf(file, lineOf(src, i), "invalid TOML: nesting deeper than %d levels", maxNesting)
			}
		case ']', '}':
			depth--
		}
	}
	return nil
}

// skipTOMLString returns the offset of the last byte of the string
// starting at src[i] (or of the line end, for an unterminated one).
func skipTOMLString(src []byte, i int) int {
	q := src[i]
	if i+2 < len(src) && src[i+1] == q && src[i+2] == q {
		delim := []byte{q, q, q}
		for j := i + 3; j < len(src); j++ {
			if q == '"' && src[j] == '\\' {
				j++
			} else if bytes.HasPrefix(src[j:], delim) {
				return j + 2
			}
		}
		return len(src)
	}
	for j := i + 1; j < len(src); j++ {
		switch {
		case q == '"' && src[j] == '\\':
			j++
		case src[j] == q || src[j] == '\n':
			return j
		}
	}
	return len(src)
}
