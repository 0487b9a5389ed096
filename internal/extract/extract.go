// Package extract holds tokenlint's config front ends: one file per format,
// each turning a file's bytes into a rules.Unit with exact positions. A
// front end never judges; it only says what the file describes.
package extract

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/tokenlint/tokenlint/internal/redact"
	"github.com/tokenlint/tokenlint/rules"
)

// A Format is one input format.
type Format struct {
	Name string
	// match reports whether the file is of this format, from its name
	// and its first bytes (up to 4 KiB). With a nil head it answers whether
	// the name alone makes the file a candidate, so the walker reads only
	// files some format may claim.
	match func(n fileName, head []byte) bool
	// Extract builds the unit of one file. file is the name to record in
	// spans. A malformed file returns an *Error.
	Extract func(file string, src []byte) (*rules.Unit, error)
	// extract is Extract drawing on a given expansion budget, for the
	// front ends that resolve variables: a Markdown file's fences and a
	// workflow's scripts share their file's budget (expand.go).
	extract func(file string, src []byte, x *expansion) (*rules.Unit, error)
	// extractEnv is extract for a text its host file runs with variables
	// set (a workflow step's env: for its run: script): env gives the
	// values the text starts with. Only a format whose texts read their
	// environment has one.
	extractEnv func(file string, src []byte, x *expansion, env environ) (*rules.Unit, error)
	// Comments are the line-comment markers of the format, for inline
	// suppression ("#", "//"); Markdown uses "<!--".
	Comments []string
	// Keywords are words that make a file of this format worth reading
	// beyond rules.Keywords: a syntax of its own that brings in a token
	// request from another file (Bruno's "auth: inherit").
	Keywords []string
}

// formats is every format, in the order Detect tries them: the ones that
// claim a file by its content or a well-known name (a Postman collection, an
// OpenAPI document, a workflow) before the generic format of the same
// extension (JSON, YAML). A new format is added here, and nowhere else.
// It is set in init because the Markdown and workflow front ends look up
// the formats of their embedded blocks by name.
var formats []*Format

func init() {
	formats = []*Format{
		insomniaFormat,
		openAPIFormat,
		postmanFormat,
		postmanEnvFormat,
		workflowFormat,
		brunoFormat,
		envFormat,
		httpFormat,
		jsonFormat,
		markdownFormat,
		makefileFormat,
		justfileFormat,
		dockerfileFormat,
		notebookFormat,
		shellFormat,
		terraformFormat,
		tomlFormat,
		yamlFormat,
	}
}

// extractIn extracts a text derived from a file (a fence, a script)
// whose expansion budget is x and whose environment, when not nil, is env.
func (f *Format) extractIn(file string, src []byte, x *expansion, env environ) (*rules.Unit, error) {
	if env != nil && f.extractEnv != nil {
		return f.extractEnv(file, src, x, env)
	}
	if f.extract != nil {
		return f.extract(file, src, x)
	}
	return f.Extract(file, src)
}

// Keywords are every format's Keywords, for the prefilter: a file may
// hold blocks of other formats (a Markdown fence).
func Keywords() []string {
	var out []string
	for _, f := range formats {
		out = append(out, f.Keywords...)
	}
	return out
}

// Formats lists every format, in the order Detect tries them.
func Formats() []*Format { return formats }

// ByName returns the format with the given name, or nil.
func ByName(name string) *Format {
	for _, f := range formats {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// DetectHead is how much of the start of a file Detect is given.
const DetectHead = 4096

// Detect returns the format of a file, or nil when tokenlint does not read
// it. name is a slash path; head is the start of the content.
func Detect(name string, head []byte) *Format {
	n := newFileName(name)
	for _, f := range formats {
		if f.match(n, head) {
			return f
		}
	}
	return nil
}

// maxNesting bounds the nesting a parser that recurses per level is given
// (JSON and TOML arrays and tables, HCL expressions, shell compounds),
// checked by a scan before parsing: a million "[" must cost a scan, not a
// recursion, and a Go stack overflow is a fatal error no recover catches.
// The costliest parser sets it: hclsyntax uses about 25 KB of stack per
// level, so 1000 levels stay near 25 MB. No real file comes close.
const maxNesting = 1000

// An Error is a malformed input, at a line when one is known.
type Error struct {
	File string
	Line int // 0 when unknown
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Errorf makes an *Error. It is the one place a front end's error message
// is made, so the one place that keeps the file's text out of it: the
// file failed to parse, so no front end has said where its secrets are.
//   - A string argument is the file's text (a key, a block name, a line)
//     and is masked as a secret is, unless it is a grammar word
//     (redact.GrammarWord: "url", "}").
//   - A parserMessage or an error is a parsing library's message, whose
//     quoted runs are the file's text (yaml.v3's unknown anchor 'x',
//     TOML's Key 'a.b', the shell's unclosed here-document `X`): those are
//     masked (redact.Error), whether or not the file has them verbatim,
//     since a library quotes decoded or escaped text too.
//   - A phrase (words of ours), numbers and runes are printed.
//
// The format is ours and is printed as written.
func Errorf(file string, line int, format string, args ...any) *Error {
	args = slices.Clone(args)
	for i, a := range args {
		switch a := a.(type) {
		case string:
			if !redact.GrammarWord(a) {
				args[i] = redact.Mask(a)
			}
		case parserMessage:
			args[i] = redact.Error(string(a), nil)
		case error:
			args[i] = redact.Error(a.Error(), nil)
		}
	}
	// An error is one line: a parser that quotes the file's text (a TOML
	// escape of a newline) must not break it.
	return &Error{File: file, Line: line, Msg: oneLine.Replace(fmt.Sprintf(format, args...))}
}

// A phrase is words of ours that an error message takes as an argument
// (what a file was read as: "a Postman environment").
type phrase string

// A parserMessage is the error text of a parsing library (yaml.v3, TOML,
// HCL, the shell parser, encoding/json): Errorf masks what it quotes.
type parserMessage string

var oneLine = strings.NewReplacer("\r\n", `\r\n`, "\n", `\n`, "\r", `\r`)

// A fileName is a slash path with its lower-case base name and extension,
// made once for the formats' match functions: Detect asks up to 18 of them,
// for every entry of a walked tree.
type fileName struct {
	path string // as given
	base string // base(path)
	ext  string // ext(path)
}

func newFileName(name string) fileName {
	return fileName{path: name, base: base(name), ext: ext(name)}
}

// base is the lower-case base name of a slash path.
func base(name string) string { return strings.ToLower(path.Base(name)) }

// ext is the lower-case extension of a slash path, with the dot.
func ext(name string) string { return strings.ToLower(path.Ext(name)) }
