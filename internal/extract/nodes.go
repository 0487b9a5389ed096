package extract

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tokenlint/tokenlint/rules"
	"go.yaml.in/yaml/v3"
)

// A yamlSource is a YAML (or JSON) file parsed into yaml.v3 nodes, with
// what it takes to turn node positions into byte offsets: yaml.v3 reports
// 1-based lines and columns counted in runes, never bytes (formats.md §10.1).
type yamlSource struct {
	file  string
	src   []byte
	lines []int // byte offset of each line start
	Root  *yaml.Node
	// marks holds, for long lines (a minified JSON file is one line), the
	// byte offset of every markStride-th rune, so offset is not linear in
	// the column.
	marks map[int][]int
}

const markStride = 256

var yamlErrLine = regexp.MustCompile(`line (\d+)`)

// parseYAML parses the first document of src. A syntax error becomes an
// *Error with the line yaml.v3 names.
func parseYAML(file string, src []byte) (*yamlSource, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, yamlError(file, src, err)
	}
	y := &yamlSource{file: file, src: src, lines: lineStarts(src, 0)}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		y.Root = doc.Content[0]
	}
	return y, nil
}

// lineStarts is the byte offset of each line of src as yaml.v3 numbers
// them, the first at first: it ends a line at LF, CR, CRLF, NEL, LS and PS
// alike, so a file with a lone CR has more lines than LFs.
func lineStarts(src []byte, first int) []int {
	lines := make([]int, 1, bytes.Count(src[first:], []byte("\n"))+2)
	lines[0] = first
	for i := first; i < len(src); {
		if !mayBreak[src[i]] {
			i++
			continue
		}
		if n := yamlBreak(src, i); n > 0 {
			i += n
			lines = append(lines, i)
			continue
		}
		i++
	}
	return lines
}

// mayBreak holds the bytes a line break of yamlBreak's starts with.
var mayBreak = [256]bool{'\n': true, '\r': true, 0xc2: true, 0xe2: true}

// fileLine is the line of the file (as tokenlint numbers them, at LF)
// that holds the start of yaml.v3's line: errors name the file's lines.
func (y *yamlSource) fileLine(line int) int { return fileLineOf(y.src, y.lines, line) }

func fileLineOf(src []byte, starts []int, line int) int {
	if line < 1 {
		return line
	}
	// yaml.v3 can name the line after the last (an empty document's root,
	// an error at the end): that is the file's last line.
	at := len(src)
	if line <= len(starts) {
		at = starts[line-1]
	}
	n := 1 + bytes.Count(src[:at], []byte("\n"))
	if at == len(src) && at > 0 && src[at-1] == '\n' {
		n-- // the file's last line ends at its last LF
	}
	return max(n, 1)
}

// yamlBreak is the length of the line break yaml.v3 reads at src[i] (LF,
// CR, CRLF, NEL U+0085, LS U+2028, PS U+2029), or 0.
func yamlBreak(src []byte, i int) int {
	switch c := src[i]; {
	case c == '\n':
		return 1
	case c == '\r':
		if i+1 < len(src) && src[i+1] == '\n' {
			return 2
		}
		return 1
	case c == 0xc2 && i+1 < len(src) && src[i+1] == 0x85:
		return 2
	case c == 0xe2 && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xa8 || src[i+2] == 0xa9):
		return 3
	}
	return 0
}

// offset converts a yaml.v3 position (1-based line, 1-based rune column)
// to a byte offset.
func (y *yamlSource) offset(line, col int) int {
	if line < 1 || line > len(y.lines) {
		return len(y.src)
	}
	off, c := y.lines[line-1], 1
	if col > markStride {
		marks := y.lineMarks(line)
		k := min((col-1)/markStride, len(marks)-1)
		off, c = marks[k], k*markStride+1
	}
	for ; c < col && off < len(y.src) && yamlBreak(y.src, off) == 0; c++ {
		_, size := utf8.DecodeRune(y.src[off:])
		off += size
	}
	return off
}

// lineMarks computes (once) the offsets of runes 0, markStride,
// 2*markStride... of a line.
func (y *yamlSource) lineMarks(line int) []int {
	if m, ok := y.marks[line]; ok {
		return m
	}
	if y.marks == nil {
		y.marks = map[int][]int{}
	}
	off := y.lines[line-1]
	m := []int{off}
	for c := 1; off < len(y.src) && yamlBreak(y.src, off) == 0; c++ {
		_, size := utf8.DecodeRune(y.src[off:])
		off += size
		if c%markStride == 0 {
			m = append(m, off)
		}
	}
	y.marks[line] = m
	return m
}

// lineEnd is the offset of the end of the line holding off.
func (y *yamlSource) lineEnd(off int) int {
	for ; off < len(y.src); off++ {
		if yamlBreak(y.src, off) > 0 {
			return off
		}
	}
	return len(y.src)
}

// mapValue returns the key and value nodes of key in mapping n, or nils.
// Aliases are not followed: a linter reads what is written.
func mapValue(n *yaml.Node, key string) (k, v *yaml.Node) {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Kind == yaml.ScalarNode && n.Content[i].Value == key {
			return n.Content[i], n.Content[i+1]
		}
	}
	return nil, nil
}

// mapPairs calls fn on each key/value pair of mapping n with a scalar key.
func mapPairs(n *yaml.Node, fn func(k, v *yaml.Node)) {
	if n == nil || n.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Kind == yaml.ScalarNode {
			fn(n.Content[i], n.Content[i+1])
		}
	}
}

// Scalar returns the value of scalar node n as a Value whose segments
// point at its exact bytes: runs copied from the file are verbatim, and
// what YAML changed (escapes, ” in single quotes, folded line breaks,
// stripped indentation) points at the source it came from. Placeholders of
// syn are marked dynamic. The OffsetMap maps the value's text back into
// the file, for front ends that lint the value as another format (a
// workflow's run: script).
func (y *yamlSource) Scalar(n *yaml.Node, syn Syntax) (rules.Value, OffsetMap) {
	v := y.align(n)
	if syn != 0 {
		v = markPlaceholders(v, syn)
	}
	return v, offsetMapOf(v)
}

// align walks the node's text and the file side by side. Bytes that agree
// are verbatim; white space only in the file (indentation, folded breaks)
// is skipped; escapes are decoded. Anything else gives up and returns the
// text as Decoded over the node's first line.
func (y *yamlSource) align(n *yaml.Node) rules.Value {
	val := n.Value
	start := y.offset(n.Line, n.Column)
	cur := y.skipProperties(start)
	dq := n.Style&yaml.DoubleQuotedStyle != 0
	sq := n.Style&yaml.SingleQuotedStyle != 0
	switch {
	case dq || sq:
		cur++
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		cur = y.lineEnd(cur) + 1
	}
	v := rules.Value{Text: val, File: y.file}
	add := func(i, n, from, to int, verbatim bool) {
		if k := len(v.Segs) - 1; verbatim && k >= 0 {
			last := &v.Segs[k]
			if last.Verbatim && int(last.End) == from && int(last.Off+last.End-last.Start) == i {
				last.End = int32(to)
				return
			}
		}
		v.Segs = append(v.Segs, rules.Segment{Off: int32(i), Start: int32(from), End: int32(to), Verbatim: verbatim})
	}
	fallback := func() rules.Value {
		return rules.Decoded(y.file, val, start, max(cur, y.lineEnd(start)))
	}
	for i := 0; i < len(val); {
		if cur >= len(y.src) {
			if strings.Trim(val[i:], "\n") != "" {
				return fallback()
			}
			add(i, len(val)-i, len(y.src), len(y.src), false) // the final break YAML adds
			break
		}
		c := y.src[cur]
		switch {
		case dq && c == '\\' && cur+1 < len(y.src) && (y.src[cur+1] == '\n' || y.src[cur+1] == '\r'):
			cur += 2 // an escaped line break joins the lines
		case dq && c == '\\':
			s, w := yamlEscape(y.src[cur:])
			if w == 0 || !strings.HasPrefix(val[i:], s) {
				return fallback()
			}
			add(i, len(s), cur, cur+w, false)
			i, cur = i+len(s), cur+w
		case sq && c == '\'' && val[i] == '\'' && cur+1 < len(y.src) && y.src[cur+1] == '\'':
			add(i, 1, cur, cur+2, false)
			i, cur = i+1, cur+2
		case c == val[i]:
			add(i, 1, cur, cur+1, true)
			i, cur = i+1, cur+1
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			cur++
		default:
			return fallback()
		}
	}
	if len(v.Segs) == 0 {
		v.Segs = []rules.Segment{{Start: int32(cur), End: int32(cur), Verbatim: true}}
	}
	return v
}

// skipProperties skips a node's tag (!!str) and anchor (&a) before its text.
func (y *yamlSource) skipProperties(off int) int {
	for off < len(y.src) && (y.src[off] == '!' || y.src[off] == '&') {
		for off < len(y.src) && y.src[off] != ' ' && y.src[off] != '\t' && y.src[off] != '\n' {
			off++
		}
		for off < len(y.src) && (y.src[off] == ' ' || y.src[off] == '\t') {
			off++
		}
	}
	return off
}

var yamlEscapes = map[byte]string{
	'0': "\x00", 'a': "\a", 'b': "\b", 't': "\t", '\t': "\t", 'n': "\n", 'v': "\v", 'f': "\f",
	'r': "\r", 'e': "\x1b", ' ': " ", '"': `"`, '/': "/", '\\': `\`,
	'N': "\u0085", '_': "\u00a0", 'L': "\u2028", 'P': "\u2029",
}

// yamlEscape decodes the double-quoted escape at the start of s and returns
// its text and width, or width 0.
func yamlEscape(s []byte) (string, int) {
	if len(s) < 2 {
		return "", 0
	}
	if t, ok := yamlEscapes[s[1]]; ok {
		return t, 2
	}
	digits := map[byte]int{'x': 2, 'u': 4, 'U': 8}[s[1]]
	if digits == 0 || len(s) < 2+digits {
		return "", 0
	}
	r, err := strconv.ParseUint(string(s[2:2+digits]), 16, 32)
	if err != nil {
		return "", 0
	}
	return string(rune(r)), 2 + digits
}

// markPlaceholders marks the placeholders of syn in v dynamic, keeping
// every segment's origin.
func markPlaceholders(v rules.Value, syn Syntax) rules.Value {
	var sc placeholderScan
	return markDynamic(v, func(text string, at int) int { return sc.length(text, at, syn) })
}

// markDynamic marks dynamic each run of v's text for which size, called at
// every position of the text in order, returns a length.
func markDynamic(v rules.Value, size func(text string, at int) int) rules.Value {
	var parts []rules.Value
	lit := 0
	for i := 0; i < len(v.Text); {
		n := size(v.Text, i)
		if n == 0 {
			i++
			continue
		}
		if i > lit {
			parts = append(parts, v.Slice(lit, i))
		}
		parts = append(parts, dynamicSlice(v, i, i+n))
		i += n
		lit = i
	}
	if len(parts) == 0 {
		return v
	}
	if lit < len(v.Text) {
		parts = append(parts, v.Slice(lit, len(v.Text)))
	}
	return rules.Concat(parts...)
}

// dynamicSlice is v.Slice(i, j) with every segment marked dynamic.
func dynamicSlice(v rules.Value, i, j int) rules.Value {
	s := v.Slice(i, j)
	segs := append([]rules.Segment(nil), s.Segs...)
	for k := range segs {
		segs[k].Dynamic = true
	}
	s.Segs = segs
	return s
}

// offsetMapOf maps v's text to the file through its verbatim segments.
func offsetMapOf(v rules.Value) OffsetMap {
	var m OffsetMap
	for k, s := range v.Segs {
		end := len(v.Text)
		if k+1 < len(v.Segs) {
			end = int(v.Segs[k+1].Off)
		}
		if off := int(s.Off); s.Verbatim && int(s.End-s.Start) == end-off && end > off {
			m.Add(off, int(s.Start), end-off)
		}
	}
	return m
}

// maxItemDepth bounds the folder nesting of API-client collections
// (Postman, Insomnia); yaml.v3 already caps document depth.
const maxItemDepth = 200

// seqItems is the items of sequence n (nil for anything else).
func seqItems(n *yaml.Node) []*yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	return n.Content
}

// str is the text of scalar n[key], or "".
func str(n *yaml.Node, key string) string {
	if _, v := mapValue(n, key); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

// keyNode is the node of an entry's name: "key" (Postman), else "id"
// (older variables) or "name" (Insomnia).
func keyNode(n *yaml.Node) *yaml.Node {
	for _, k := range []string{"key", "id", "name"} {
		if _, v := mapValue(n, k); v != nil && v.Kind == yaml.ScalarNode {
			return v
		}
	}
	return nil
}
