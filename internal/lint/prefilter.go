package lint

import (
	"slices"
	"strings"
	"sync"

	"github.com/tokenlint/tokenlint/internal/extract"
	"github.com/tokenlint/tokenlint/rules"
)

// A prefilter reports whether a file holds a keyword, ignoring ASCII case:
// a word without which no rule can find anything in it (rules.Keywords,
// from the rules and the catalog in force) or that a format reads
// (extract.Keywords). A file without one is never parsed.
//
// It looks at each pair of adjacent bytes once, folded to lower case, in a
// table of the pairs that start a keyword; only at those are the keywords
// starting with that pair compared. Keyword starts are few, so the test
// at a byte is one table load and a branch that is almost never taken
// (three times the speed of a table of first bytes, which stopped at
// every t, o, g, s or p).
type prefilter struct {
	first  [1 << 16]uint16 // by folded byte pair: index into starts, 0 for none
	starts [][]string      // keywords by their first two bytes
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

func newPrefilter(words []string) *prefilter {
	f := &prefilter{starts: [][]string{nil}}
	for _, w := range words {
		if len(w) < 2 {
			continue // no rule keys on one letter
		}
		kw := strings.ToLower(w)
		p := uint16(kw[0])<<8 | uint16(kw[1])
		if f.first[p] == 0 {
			f.first[p] = uint16(len(f.starts))
			f.starts = append(f.starts, nil)
		}
		f.starts[f.first[p]] = append(f.starts[f.first[p]], kw)
	}
	return f
}

// match reports whether src holds a keyword.
func (f *prefilter) match(src []byte) bool {
	if len(src) < 2 {
		return false
	}
	c0 := uint16(lowerByte[src[0]])
	for i, c := range src[1:] {
		c1 := uint16(lowerByte[c])
		g := f.first[c0<<8|c1]
		c0 = c1
		if g == 0 {
			continue
		}
		for _, kw := range f.starts[g] {
			if hasPrefixFold(src[i:], kw) {
				return true
			}
		}
	}
	return false
}

// hasPrefixFold reports whether b starts with the lower-case kw, ignoring
// the ASCII case of b.
func hasPrefixFold(b []byte, kw string) bool {
	if len(b) < len(kw) {
		return false
	}
	for j := 0; j < len(kw); j++ {
		if lowerByte[b[j]] != kw[j] {
			return false
		}
	}
	return true
}

// prefilters keeps the prefilter of the keyword sets a process uses (one,
// or one per configuration in the language server), built once each.
var prefilters sync.Map

// prefilterFor is the prefilter of the rule options' keywords and the
// formats'.
func prefilterFor(opts *rules.Options) *prefilter {
	words := append(rules.Keywords(opts), extract.Keywords()...)
	slices.Sort(words)
	key := strings.Join(slices.Compact(words), "\x00")
	if f, ok := prefilters.Load(key); ok {
		return f.(*prefilter)
	}
	f, _ := prefilters.LoadOrStore(key, newPrefilter(words))
	return f.(*prefilter)
}
