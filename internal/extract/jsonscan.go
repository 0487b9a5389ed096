package extract

import (
	"errors"

	"github.com/tokenlint/tokenlint/internal/keyword"
	"github.com/tokenlint/tokenlint/rules"
)

// jsonScan is the JSON front end's fast path: a scanner over the bytes
// that builds the same unit as jsonWalk without encoding/json's token
// stream (an interface value and an allocation per token), and builds a
// key's or value's Value only when the key table reads the key. It accepts
// a subset of what the token stream accepts: objects and arrays at the top
// level, RFC 8259 inside them. Anything else, malformed or unusual
// (a scalar at the top level), stops it with errSlowPath, and jsonWalk
// reads the file again from the start, with its own error messages.
type jsonScan struct {
	jsonCursor
	file string
	u    *rules.Unit
	// line is the 1-based line of offset lineOff; offsets asked for grow.
	line, lineOff int
	paths         int       // jsonPaths made
	root          *jsonPath // the paths reached
}

var errSlowPath = errors.New("not for the fast path")

// newJSONScan is the scanner of the prepared JSON text src of file,
// which records into u.
func newJSONScan(file string, src []byte, u *rules.Unit) *jsonScan {
	return &jsonScan{jsonCursor: jsonCursor{src: src}, file: file, u: u, line: 1}
}

// A jsonPath is a key path the scan has reached: its dotted text, and
// whether the key table reads it. The paths below it are kept by member
// name, so the like objects of an array join and classify each path once
// per file, and a member seen before costs a lookup without a copy.
type jsonPath struct {
	name     string // the last member's name
	path     string
	hasPath  bool // inside an object: the top level has no path
	stems    bool // a member's name holds a credential stem
	read     bool // readKey(path)
	children map[string]*jsonPath
}

// credentialStemSet finds the credential names' stems, ignoring ASCII
// case as IsCredentialName does.
var credentialStemSet = keyword.New(rules.CredentialStems())

// readPath is readKey(path) for a path the scan has followed, which knows
// whether its members' names hold a credential stem: the key table reads
// only a path's tail (keyTail), whose answers repeat across paths that
// differ before it, and IsCredentialName is false for a path without a
// stem. A file of unique paths (a JSON Schema's properties) classifies
// each without splitting it into words.
func readPath(path string, stems bool) bool {
	return classifyKey(keyTail(path)) != keyOther || stems && rules.IsCredentialName(path)
}

// maxJSONPaths bounds the paths a scan keeps: a file of unique keys
// classifies each where it is, as it would without them.
const maxJSONPaths = 1 << 14

// child is the path of member raw (its bytes between the quotes) below
// p; ok is false for a name the fast path does not take (jsonKey).
func (s *jsonScan) child(p *jsonPath, raw []byte) (*jsonPath, bool) {
	if c, ok := p.children[string(raw)]; ok {
		return c, true
	}
	member, ok := jsonKey(raw)
	if !ok {
		return nil, false
	}
	path := member
	if p.hasPath {
		path = p.path + "." + member
	}
	stems := p.stems || credentialStemSet.In(raw)
	c := &jsonPath{name: member, path: path, hasPath: true, stems: stems, read: readPath(path, stems)}
	if s.paths++; s.paths > maxJSONPaths {
		return c, true
	}
	if p.children == nil {
		p.children = map[string]*jsonPath{}
	}
	p.children[member] = c
	return c, true
}

// doc reads the whole text: objects and arrays with white space between.
func (s *jsonScan) doc() error {
	root := &jsonPath{}
	s.root = root
	for {
		s.ws()
		if s.i == len(s.src) {
			return nil
		}
		if c := s.src[s.i]; c != '{' && c != '[' {
			return errSlowPath
		}
		if _, err := s.value(root, 0, false); err != nil {
			return err
		}
	}
}

// value reads the value at s.i, reached by the key path p whose key
// string starts at keyStart. It returns the value's Value when it is a
// scalar and want is set or the key table reads the path.
func (s *jsonScan) value(p *jsonPath, keyStart int, want bool) (rules.Value, error) {
	if s.i >= len(s.src) {
		return rules.Value{}, errSlowPath
	}
	start := s.i
	read := p.read
	var v rules.Value
	switch c := s.src[s.i]; {
	case c == '{':
		s.i++
		return rules.Value{}, s.object(p)
	case c == '[':
		s.i++
		return rules.Value{}, s.list(']', func() error {
			_, err := s.value(p, keyStart, false)
			return err
		})
	case c == '"':
		if !s.skipString() {
			return rules.Value{}, errSlowPath
		}
		if !read && !want {
			return rules.Value{}, nil
		}
		v = jsonString(s.file, s.src, start)
	case c == 'n':
		if !s.literal("null") {
			return rules.Value{}, errSlowPath
		}
		return rules.Value{}, nil
	case c == 't' || c == 'f':
		// One word by its first byte: trying both would read "truefalse"
		// as true then false.
		word := "true"
		if c == 'f' {
			word = "false"
		}
		if !s.literal(word) {
			return rules.Value{}, errSlowPath
		}
		v = rules.Lit(s.file, string(s.src[start:s.i]), start)
	default:
		if !s.number() {
			return rules.Value{}, errSlowPath
		}
		v = rules.Lit(s.file, string(s.src[start:s.i]), start)
	}
	if read {
		addKeyValue(s.u, p.path, jsonString(s.file, s.src, keyStart), v)
	}
	return v, nil
}

// object reads the members of an object after its "{", and its
// name-value pair.
func (s *jsonScan) object(p *jsonPath) error {
	var seen map[string]int // the members the key table reads: a duplicate is an error
	var pair nameValue
	err := s.list('}', func() error {
		start := s.i
		if !s.next('"') || !s.skipString() {
			return errSlowPath
		}
		child, ok := s.child(p, s.src[start+1:s.i-1])
		if !ok {
			return errSlowPath
		}
		member := child.name
		if child.read {
			line := s.lineAt(start)
			if first, dup := seen[member]; dup {
				return Errorf(s.file, line, "invalid JSON: duplicate key %q (first at line %d)", member, first)
			}
			if seen == nil {
				seen = map[string]int{}
			}
			seen[member] = line
		}
		s.ws()
		if !s.next(':') {
			return errSlowPath
		}
		s.i++
		s.ws()
		v, err := s.value(child, start, member == "name" || member == "value")
		if err != nil {
			return err
		}
		pair.see(member, v)
		return nil
	})
	if err != nil {
		return err
	}
	pair.add(s.u)
	return nil
}

func (s *jsonScan) lineAt(off int) int {
	for _, c := range s.src[s.lineOff:off] {
		if c == '\n' {
			s.line++
		}
	}
	s.lineOff = off
	return s.line
}

// skipString moves past the string starting at s.i ('"'), reporting
// whether it is well formed: no control character, only JSON's escapes.
func (s *jsonScan) skipString() bool {
	for i := s.i + 1; i < len(s.src); i++ {
		switch c := s.src[i]; {
		case c == '"':
			s.i = i + 1
			return true
		case c < 0x20:
			return false
		case c == '\\':
			i++
			if i >= len(s.src) {
				return false
			}
			switch s.src[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(s.src) {
					return false
				}
				for _, h := range s.src[i+1 : i+5] {
					if !isHex(h) {
						return false
					}
				}
				i += 4
			default:
				return false
			}
		}
	}
	return false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func (s *jsonScan) literal(word string) bool {
	if len(s.src)-s.i < len(word) || string(s.src[s.i:s.i+len(word)]) != word {
		return false
	}
	s.i += len(word)
	return s.i == len(s.src) || !isJSONWordByte(s.src[s.i])
}

func isJSONWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// number moves past an RFC 8259 number at s.i.
func (s *jsonScan) number() bool {
	i := s.i
	digits := func() bool {
		j := i
		for i < len(s.src) && '0' <= s.src[i] && s.src[i] <= '9' {
			i++
		}
		return i > j
	}
	if i < len(s.src) && s.src[i] == '-' {
		i++
	}
	switch {
	case i < len(s.src) && s.src[i] == '0':
		i++
	case !digits():
		return false
	}
	if i < len(s.src) && s.src[i] == '.' {
		i++
		if !digits() {
			return false
		}
	}
	if i < len(s.src) && (s.src[i] == 'e' || s.src[i] == 'E') {
		i++
		if i < len(s.src) && (s.src[i] == '+' || s.src[i] == '-') {
			i++
		}
		if !digits() {
			return false
		}
	}
	if i < len(s.src) && (isJSONWordByte(s.src[i]) || s.src[i] == '.') {
		return false
	}
	s.i = i
	return true
}
