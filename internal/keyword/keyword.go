// Package keyword finds whether a text holds any of a set of ASCII words,
// ignoring ASCII case, in one pass and without copying the text: the test
// that decides whether a file is worth parsing at all.
package keyword

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// A Set is a set of words to look for.
//
// It looks at each pair of adjacent bytes once, folded to lower case, in a
// table of the pairs that start a word; only at those are the words
// starting with that pair compared. Word starts are few, so the test at a
// byte is one table load and a branch that is almost never taken (three
// times the speed of a table of first bytes, which stopped at every t, o,
// g, s or p).
type Set struct {
	first  [1 << 16]uint16 // by folded byte pair: index into starts, 0 for none
	starts []start         // words by their first two bytes
	short  []string        // words of one byte
}

// A start is the words that begin with one byte pair, and the bytes that
// follow the pair in them (folded), so that a pair of ordinary text ("in",
// "te") is dismissed on its third byte before any word is compared.
type start struct {
	words []string
	third [256]bool // a word goes on with this byte
	two   bool      // a word is just the pair
}

var lowerByte = func() (t [256]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] = byte(c + 'a' - 'A')
		}
	}
	return t
}()

// New returns the set of words, matched ignoring ASCII case.
func New(words []string) *Set {
	s := &Set{starts: []start{{}}}
	for _, w := range words {
		w = strings.ToLower(w)
		switch len(w) {
		case 0:
			continue
		case 1:
			s.short = append(s.short, w)
			continue
		}
		p := uint16(w[0])<<8 | uint16(w[1])
		if s.first[p] == 0 {
			s.first[p] = uint16(len(s.starts))
			s.starts = append(s.starts, start{})
		}
		st := &s.starts[s.first[p]]
		st.words = append(st.words, w)
		if len(w) == 2 {
			st.two = true
		} else {
			st.third[w[2]] = true
		}
	}
	return s
}

// In reports whether text holds one of the words.
func (s *Set) In(text []byte) bool {
	for _, w := range s.short {
		for _, c := range text {
			if lowerByte[c] == w[0] {
				return true
			}
		}
	}
	if len(text) < 2 {
		return false
	}
	c0 := uint16(lowerByte[text[0]])
	for i, c := range text[1:] {
		c1 := uint16(lowerByte[c])
		g := s.first[c0<<8|c1]
		c0 = c1
		if g == 0 {
			continue
		}
		st := &s.starts[g]
		if st.two {
			return true
		}
		if i+2 >= len(text) || !st.third[lowerByte[text[i+2]]] {
			continue
		}
		for _, w := range st.words {
			if hasPrefixFold(text[i:], w) {
				return true
			}
		}
	}
	return false
}

// InFolded is In with Unicode's case folding too: a text that is not all
// ASCII is also asked in its Unicode lower case, where a name may fold
// to an ASCII word (a Kelvin sign in tokenUrl). All-ASCII text is read
// once and not copied.
func (s *Set) InFolded(text []byte) bool {
	return s.In(text) || !isASCII(text) && s.In(bytes.ToLower(text))
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// hasPrefixFold reports whether b starts with the lower-case w, ignoring
// the ASCII case of b.
func hasPrefixFold(b []byte, w string) bool {
	if len(b) < len(w) {
		return false
	}
	for j := range len(w) {
		if lowerByte[b[j]] != w[j] {
			return false
		}
	}
	return true
}
