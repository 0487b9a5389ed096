package extract

import (
	"errors"
	"io"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// A large collection is almost all one list (Postman's item), and
// yaml.v3's tree of it is about twenty times the file. From listFrom
// bytes on, the list's elements are left out of the document's tree and
// parsed one at a time, each tree released once read; the rest of the
// document is parsed as before. Positions are the file's either way.
var listFrom = 1 << 20

// A jsonList is the top-level list of a JSON document, left out of its
// tree: the byte ranges of its elements in src.
type jsonList struct {
	y     *yamlSource
	elems [][2]int
}

// errListElement: an element that JSON reads did not parse as YAML
// alone; the caller reads the document whole, which says why.
var errListElement = errors.New("list element unreadable alone")

// each parses the elements in order and calls fn on each one's tree,
// with the lines and columns it has in the whole document. One decoder
// reads the elements as a stream of documents, so its buffers serve them
// all.
func (l *jsonList) each(fn func(*yaml.Node) error) error {
	src := l.y.src
	dec := yaml.NewDecoder(&listReader{src: src, elems: l.elems})
	line, col, at := 1, 1, 0 // the position of byte at in the document
	streamLine := 1          // the line the element starts at in the stream
	for _, e := range l.elems {
		for ; at < e[0]; at++ {
			line, col = advance(src, at, line, col)
		}
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil || len(doc.Content) != 1 {
			return errListElement
		}
		n := doc.Content[0]
		shiftNodes(n, streamLine, line-streamLine, col-1)
		if err := fn(n); err != nil {
			return err
		}
		// One walk over the element's bytes takes the position on to its
		// end: the next element starts from there.
		first := line
		for ; at < e[1]; at++ {
			line, col = advance(src, at, line, col)
		}
		streamLine += line - first + 2 // the element's line breaks and the marker's
	}
	return nil
}

// advance is the position after byte at of src, at line, col before it:
// lines break as YAML counts them (LF, CR LF, a lone CR), columns are
// characters.
func advance(src []byte, at, line, col int) (int, int) {
	switch c := src[at]; {
	case c == '\n' || c == '\r' && (at+1 == len(src) || src[at+1] != '\n'):
		return line + 1, 1
	case c == '\r':
	case utf8.RuneStart(c):
		col++
	}
	return line, col
}

// A listReader reads the elements of a list as a stream of YAML
// documents, each element followed by a document marker.
type listReader struct {
	src   []byte
	elems [][2]int
	cur   []byte // what is left to read of the element or marker at hand
	next  int    // the element after cur
	mark  bool   // cur is an element: the marker comes next
}

var documentMarker = []byte("\n---\n")

func (r *listReader) Read(p []byte) (int, error) {
	for len(r.cur) == 0 {
		switch {
		case r.mark:
			r.cur, r.mark = documentMarker, false
		case r.next < len(r.elems):
			e := r.elems[r.next]
			r.cur, r.mark = r.src[e[0]:e[1]], true
			r.next++
		default:
			return 0, io.EOF
		}
	}
	n := copy(p, r.cur)
	r.cur = r.cur[n:]
	return n, nil
}

// shiftNodes moves the positions of the tree at n, parsed from a stream
// in which it starts at line first, column 1, to the document's, where
// it starts dl lines further down and dc columns further right.
func shiftNodes(n *yaml.Node, first, dl, dc int) {
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Line == first {
			n.Column += dc
		}
		n.Line += dl
		stack = append(stack, n.Content...)
	}
}

// splitJSONList finds, in src (valid JSON), the array that is the value
// of the top-level object's first member named key (a name written
// without escapes), and returns the offsets of its brackets and the byte
// ranges of its elements. ok is false when the first such member is not
// an array, or there is none.
func splitJSONList(src []byte, key string) (open, end int, elems [][2]int, ok bool) {
	depth := 0      // containers open at i
	keyNext := true // at depth 1: the next string is a member name
	named := false  // at depth 1: the member being read is key
	start := -1     // in the list: where the current element began
	inList := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		}
		if inList && depth == 2 && start < 0 && c != ']' {
			start = i
		}
		switch c {
		case '"':
			j := quotedEnd(src, i)
			if depth == 1 && keyNext {
				named, keyNext = string(src[i+1:j]) == key, false
			} else if depth == 1 && named {
				return 0, 0, nil, false // key's value is a string
			}
			i = j
		case '{', '[':
			if depth == 1 && named {
				if c != '[' {
					return 0, 0, nil, false
				}
				open, inList = i, true
			}
			depth++
		case '}', ']':
			depth--
			if inList && depth == 1 {
				if start >= 0 {
					elems = append(elems, [2]int{start, lastByte(src, i) + 1})
				}
				return open, i, elems, true
			}
		case ',':
			if depth == 1 {
				keyNext = true
			}
			if inList && depth == 2 {
				elems = append(elems, [2]int{start, lastByte(src, i) + 1})
				start = -1
			}
		case ':':
		default: // a number, true, false or null
			if depth == 1 && named {
				return 0, 0, nil, false
			}
		}
	}
	return 0, 0, nil, false
}

// lastByte is the offset of the last byte before i that is not JSON
// whitespace.
func lastByte(src []byte, i int) int {
	i--
	for i >= 0 && (src[i] == ' ' || src[i] == '\t' || src[i] == '\r' || src[i] == '\n') {
		i--
	}
	return i
}

// withoutList is src with the text between the brackets open and end
// replaced by one space per character, line ends kept, so every node
// outside the list has the line and column it has in src.
func withoutList(src []byte, open, end int) []byte {
	out := make([]byte, 0, len(src))
	out = append(out, src[:open+1]...)
	for i := open + 1; i < end; i++ {
		switch c := src[i]; {
		case c == '\n' || c == '\r':
			out = append(out, c)
		case utf8.RuneStart(c):
			out = append(out, ' ')
		}
	}
	return append(out, src[end:]...)
}
