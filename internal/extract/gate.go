package extract

import (
	"bytes"
	"iter"
	"maps"
	"slices"

	"github.com/tokenlint/tokenlint/internal/keyword"
	"github.com/tokenlint/tokenlint/rules"
)

// A gate holds the words without which a text gives a front end nothing
// to record: no request, setting or secret. A text the gate turns away
// is not parsed; its unit would be empty, so a file's findings, and the
// secrets they mask, are what they would be with it parsed, whatever
// else the file holds (the prefilter's keywords are another matter: a
// Markdown block without them can still set the base URL another block's
// request is judged by).
type gate struct {
	words *keyword.Set
	// quotedVars admits a text with a $ and a quote: a shell variable can
	// hold a command name written in quoted pieces (C=cu""rl; $C ...).
	quotedVars bool
}

// newGate is the gate of a front end's own words, the key table's words
// (configKeyWords), the credential names' stems and the backslash, with
// which an escape can spell any of them.
func newGate(quotedVars bool, words ...string) *gate {
	words = slices.Concat(words, configKeyWords, rules.CredentialStems(), []string{`\`})
	return &gate{words: keyword.New(words), quotedVars: quotedVars}
}

var (
	// shellGate: a command that sends a request (curl, wget, HTTPie's
	// http and xh, sf), or an assignment whose name the key table or the
	// credential names read (keys.go).
	shellGate = newGate(true, "curl", "wget", "http", "xh", "sf")
	// terraformGate: a provider block (genesyscloud's, whose attributes
	// the front end reads), a variable or local whose name the key table
	// or the credential names read, or the url of a data or resource block.
	terraformGate = newGate(false, append(slices.Collect(maps.Keys(genesysProvider)), "provider")...)
)

// admits reports whether the text, given as its parts, may give the
// front end something to record; a nil gate admits every text.
func (g *gate) admits(text iter.Seq[[]byte]) bool {
	if g == nil {
		return true
	}
	dollar, quote := false, false
	for part := range text {
		// A name the key table reads may fold to ASCII only in Unicode
		// (a Kelvin sign in tokenUrl), as mentionsConfigKey allows for.
		if g.words.InFolded(part) {
			return true
		}
		if g.quotedVars {
			dollar = dollar || bytes.IndexByte(part, '$') >= 0
			quote = quote || bytes.ContainsAny(part, `"'`)
		}
	}
	return dollar && quote
}

// whole is a text given as one part.
func whole(text []byte) iter.Seq[[]byte] {
	return func(yield func([]byte) bool) { yield(text) }
}
