package extract

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// The collection front ends (Postman, Insomnia, HTTP client environments)
// read JSON as yaml.v3 trees, for the lines and columns of its nodes.
// yaml.v3 reads JSON at about 10 MB/s; jsonNodes builds the same tree
// from valid JSON in one pass over the bytes. It takes only text on which
// the two agree by construction, and hands anything else back to yaml.v3
// (ok false), which then reads it, errors and all, as before:
//   - text that is not valid UTF-8, or that holds a character yaml.v3
//     reads otherwise than JSON does: a line break JSON has not (NEL, LS,
//     PS), or one yaml.v3 refuses (DEL, C1 controls, U+FFFE, U+FFFF, a
//     byte order mark);
//   - a key that is not a simple key to yaml.v3: its colon on another
//     line, or more than simpleKeyMax bytes after its start;
//   - an escape that jsonForYAML has not rewritten (\/, a surrogate);
//   - a tab before or after the top-level value, outside any flow
//     collection, where yaml.v3 takes no tab for white space.
//
// A plain scalar (a number, true, false, null) gets the tag yaml.v3
// resolves for its text, asked of yaml.v3 once per text.
// TestJSONNodesAsYAML and FuzzJSONNodes hold the two to the same tree.

// simpleKeyMax bounds the bytes from a key's start to its colon: yaml.v3
// does not take a simple key of more than 1024 characters.
const simpleKeyMax = 1000

type jsonNodes struct {
	jsonCursor
	// line and col are the position (yaml.v3's: 1-based, columns in
	// characters) of byte at; positions asked for only grow.
	line, col, at int
	tags          map[string]string // the tags of plain scalars, by text
}

// jsonTree is the yaml.v3 tree of the valid JSON text src (json.Valid),
// or ok false when src is text yaml.v3 must read itself.
func jsonTree(src []byte) (root *yaml.Node, ok bool) {
	if !yamlReadsAsJSON(src) {
		return nil, false
	}
	b := &jsonNodes{jsonCursor: jsonCursor{src: src}, line: 1, col: 1}
	b.ws()
	lead := b.i
	root, ok = b.value()
	end := b.i
	b.ws()
	// Outside a flow collection a tab is not white space to yaml.v3.
	if !ok || b.i != len(src) || bytes.IndexByte(src[:lead], '\t') >= 0 || bytes.IndexByte(src[end:], '\t') >= 0 {
		return nil, false
	}
	return root, true
}

// yamlReadsAsJSON reports whether every character of src is one yaml.v3
// and JSON read alike.
func yamlReadsAsJSON(src []byte) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if c == 0x7F {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && n == 1, r >= 0x80 && r <= 0x9F, r == 0x2028, r == 0x2029,
			r == 0xFEFF, r == 0xFFFE, r == 0xFFFF:
			return false
		}
		i += n
	}
	return true
}

// pos is the position of offset off, at or after the last asked.
func (b *jsonNodes) pos(off int) (line, col int) {
	for ; b.at < off; b.at++ {
		b.line, b.col = advance(b.src, b.at, b.line, b.col)
	}
	return b.line, b.col
}

func (b *jsonNodes) node(kind yaml.Kind, style yaml.Style, tag, value string, off int) *yaml.Node {
	line, col := b.pos(off)
	return &yaml.Node{Kind: kind, Style: style, Tag: tag, Value: value, Line: line, Column: col}
}

func (b *jsonNodes) value() (*yaml.Node, bool) {
	if b.i >= len(b.src) {
		return nil, false
	}
	start := b.i
	switch c := b.src[b.i]; {
	case c == '{':
		return b.object()
	case c == '[':
		return b.array()
	case c == '"':
		s, ok := b.str()
		if !ok {
			return nil, false
		}
		return b.node(yaml.ScalarNode, yaml.DoubleQuotedStyle, "!!str", s, start), true
	default:
		for b.i < len(b.src) && (isJSONWordByte(b.src[b.i]) || b.src[b.i] == '-' || b.src[b.i] == '+' || b.src[b.i] == '.') {
			b.i++
		}
		if b.i == start {
			return nil, false
		}
		text := string(b.src[start:b.i])
		tag, ok := b.plainTag(text)
		if !ok {
			return nil, false
		}
		return b.node(yaml.ScalarNode, 0, tag, text, start), true
	}
}

// plainTag is the tag yaml.v3 resolves a plain scalar's text to.
func (b *jsonNodes) plainTag(text string) (string, bool) {
	if tag, ok := b.tags[text]; ok {
		return tag, true
	}
	var doc yaml.Node
	if yaml.Unmarshal([]byte(text), &doc) != nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.ScalarNode || doc.Content[0].Value != text {
		return "", false
	}
	if b.tags == nil {
		b.tags = map[string]string{}
	}
	b.tags[text] = doc.Content[0].Tag
	return doc.Content[0].Tag, true
}

func (b *jsonNodes) object() (*yaml.Node, bool) {
	n := b.node(yaml.MappingNode, yaml.FlowStyle, "!!map", "", b.i)
	b.i++
	err := b.list('}', func() error {
		start := b.i
		if !b.next('"') {
			return errSlowPath
		}
		key, ok := b.value()
		if !ok {
			return errSlowPath
		}
		b.ws()
		if !b.next(':') || b.i-start > simpleKeyMax || bytes.ContainsAny(b.src[start:b.i], "\r\n") {
			return errSlowPath
		}
		b.i++
		b.ws()
		v, ok := b.value()
		if !ok {
			return errSlowPath
		}
		n.Content = append(n.Content, key, v)
		return nil
	})
	return n, err == nil
}

func (b *jsonNodes) array() (*yaml.Node, bool) {
	n := b.node(yaml.SequenceNode, yaml.FlowStyle, "!!seq", "", b.i)
	b.i++
	err := b.list(']', func() error {
		v, ok := b.value()
		if !ok {
			return errSlowPath
		}
		n.Content = append(n.Content, v)
		return nil
	})
	return n, err == nil
}

// str reads the string at b.i and returns its text, decoded as a
// double-quoted YAML scalar is.
func (b *jsonNodes) str() (string, bool) {
	end := quotedEnd(b.src, b.i)
	if end >= len(b.src) {
		return "", false
	}
	raw := b.src[b.i+1 : end]
	b.i = end + 1
	if bytes.IndexByte(raw, '\\') < 0 {
		return string(raw), true
	}
	out := make([]byte, 0, len(raw))
	for k := 0; k < len(raw); k++ {
		c := raw[k]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		k++
		if k >= len(raw) {
			return "", false
		}
		switch raw[k] {
		case '"', '\\':
			out = append(out, raw[k])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			if k+4 >= len(raw) {
				return "", false
			}
			r, err := strconv.ParseUint(string(raw[k+1:k+5]), 16, 32)
			if err != nil || 0xD800 <= r && r <= 0xDFFF {
				return "", false
			}
			out = utf8.AppendRune(out, rune(r))
			k += 4
		default:
			return "", false // \/ and what JSON has not: jsonForYAML's, or yaml.v3's to read
		}
	}
	return string(out), true
}

// parseJSONYAML is parseYAML for valid JSON text (json.Valid): the tree
// jsonTree builds, or yaml.v3's when it builds none.
func parseJSONYAML(file string, src []byte) (*yamlSource, error) {
	root, ok := jsonTree(src)
	if !ok {
		return parseYAML(file, src)
	}
	return &yamlSource{file: file, src: src, lines: lineStarts(src, 0), Root: root}, nil
}
