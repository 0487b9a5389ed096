package lint

import (
	"slices"
	"strings"
	"sync"

	"github.com/tokenlint/tokenlint/internal/extract"
	"github.com/tokenlint/tokenlint/internal/keyword"
	"github.com/tokenlint/tokenlint/rules"
)

// The prefilter tells whether a file holds a keyword, ignoring ASCII
// case: a word without which no rule can find anything in it
// (rules.Keywords, from the rules and the catalog in force) or that a
// format reads (extract.Keywords). A file without one is never parsed.

// prefilters keeps the prefilter of the keyword sets a process uses (one,
// or one per configuration in the language server), built once each.
var prefilters sync.Map

// prefilterFor is the prefilter of the rule options' keywords and the
// formats'.
func prefilterFor(opts *rules.Options) *keyword.Set {
	words := append(rules.Keywords(opts), extract.Keywords()...)
	slices.Sort(words)
	key := strings.Join(slices.Compact(words), "\x00")
	if f, ok := prefilters.Load(key); ok {
		return f.(*keyword.Set)
	}
	f, _ := prefilters.LoadOrStore(key, keyword.New(words))
	return f.(*keyword.Set)
}
