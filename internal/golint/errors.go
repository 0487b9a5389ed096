package golint

import (
	"bytes"
	"go/scanner"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"

	"github.com/tokenlint/tokenlint/internal/redact"
	"github.com/tokenlint/tokenlint/internal/safefile"
)

// errorMaker is the one way a message of the go command, the type checker
// or the analyzer becomes an Error: one line, at the file and line it
// names, with the file's text it quotes masked. The package failed to
// load or type-check, so the analyzer has not said which of its strings
// are secrets. What is masked:
//   - quoted string literals (`duplicate key "Kx7…" in map literal`);
//   - the words of a go.mod or go.work that are not a directive, a module
//     path or a version (`unknown directive: Kx7…`);
//   - the arguments of a Go file's //go: and #cgo directives, which the
//     go command echoes unquoted (`pattern Kx7…: no matching files found`);
//   - a token the parser or type checker could not place (`expected ';',
//     found Kx7…`, `undefined: Kx7…`): an unquoted secret reads as one.
//
// Import paths, module paths and declared identifiers stay readable: they
// are the names a reader needs to fix the error.
type errorMaker struct {
	// quotable caches, per file, the texts a quoted run must be one of to
	// be masked (redact.Error's src).
	quotable map[string][]byte
	// echoable caches, per file, the words an unquoted run must be one of
	// to be masked.
	echoable map[string]map[string]bool
}

// at makes the Error of msg at pos ("file:line:col", "file:line", a file,
// or empty). Without a position, msg's own lines are searched for one (the
// go command's "go: errors parsing go.mod:" is followed by the line at
// fault), and else the error is at fallback (a package's directory).
// Relative file names are taken from dir, the package's directory.
func (m *errorMaker) at(pos, dir, fallback, msg string) Error {
	file, line := splitPos(pos)
	text, mfile, mline := oneLine(msg)
	if file == "" {
		file, line = mfile, mline
	}
	if file == "" {
		file = fallback
	}
	if file != "" && !filepath.IsAbs(file) && dir != "" && filepath.IsAbs(dir) {
		file = filepath.Join(dir, file)
	}
	text = redact.Error(text, m.quotableIn(file))
	return Error{File: file, Line: line, Message: withoutConstants(m.withoutEchoes(text, file))}
}

// misplaced are the words after which the parser and the type checker name
// a token of the file they could not place.
var misplaced = []string{"found", "undefined:"}

// withoutEchoes masks the unquoted words of msg that are file text: one
// of file's echoable words, or the word after one of misplaced. Words are
// the message's blank-separated runs without the punctuation around them
// (`Kx7…:`); a grammar word (`newline`, `main`) stays, as in redact.Error.
func (m *errorMaker) withoutEchoes(msg, file string) string {
	echo := m.echoableIn(file)
	var b strings.Builder
	last, after := 0, false
	for i := 0; i < len(msg); {
		for i < len(msg) && msg[i] == ' ' {
			i++
		}
		j := i
		for j < len(msg) && msg[j] != ' ' {
			j++
		}
		word := msg[i:j]
		start, end := i, j
		for start < end && strings.IndexByte(wordPunct, msg[start]) >= 0 {
			start++
		}
		for end > start && strings.IndexByte(wordPunct, msg[end-1]) >= 0 {
			end--
		}
		core := msg[start:end]
		// A quoted word redact.Error has judged, unless it is an argument
		// the go command echoes with a stray quote ("Kx7…).
		bare := strings.Trim(core, quotes)
		if bare != "" && (after && !quoted(core) || echo[bare]) && !redact.GrammarWord(bare) {
			at := start + strings.Index(core, bare)
			b.WriteString(msg[last:at])
			b.WriteString(redact.Mask(bare))
			last = at + len(bare)
		}
		after = slices.Contains(misplaced, word)
		i = j
	}
	if last == 0 {
		return msg
	}
	b.WriteString(msg[last:])
	return b.String()
}

// quoted reports whether a word is quoted: redact.Error has judged it.
func quoted(w string) bool { return w != "" && strings.IndexByte(quotes, w[0]) >= 0 }

// quotes are the quote characters of Go and of the messages about it.
const quotes = "'\"`"

// wordPunct is what withoutEchoes strips from the ends of a word.
const wordPunct = ":;,()[]{}"

// echoableIn is the set of words of file that an unquoted run is masked
// as: a go.mod's or go.work's words other than directives, module paths
// and versions; a Go file's directive arguments.
func (m *errorMaker) echoableIn(file string) map[string]bool {
	if e, ok := m.echoable[file]; ok {
		return e
	}
	e := map[string]bool{}
	base := filepath.Base(file)
	if data, err := safefile.Read(file, safefile.FollowLinks, maxModFile); err == nil {
		switch {
		case base == "go.mod" || base == "go.work":
			for _, w := range modWords(data) {
				e[w] = true
			}
		case strings.HasSuffix(file, ".go"):
			for _, w := range directiveWords(data) {
				e[w] = true
			}
		}
	}
	if m.echoable == nil {
		m.echoable = map[string]map[string]bool{}
	}
	m.echoable[file] = e
	return e
}

// modDirectives are the words of go.mod and go.work grammar.
var modDirectives = []string{"module", "go", "toolchain", "godebug", "require", "replace", "exclude", "retract", "tool", "ignore", "use", "=>"}

// modWords are the words of a go.mod or go.work (comments left out) that
// are neither a directive, a well-formed module path nor a version: what a
// hostile file puts where a name belongs.
func modWords(data []byte) []string {
	var out []string
	for line := range strings.SplitSeq(string(data), "\n") {
		line, _, _ = strings.Cut(line, "//")
		for _, w := range strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '\t' || r == '\r' || r == '(' || r == ')' }) {
			w = strings.Trim(w, wordPunct+"\"`")
			if w == "" || slices.Contains(modDirectives, w) || version(w) || module.CheckPath(w) == nil {
				continue
			}
			out = append(out, w)
		}
	}
	return out
}

// version reports whether w is a module version (v1.2.3), a Go version
// (1.22) or a toolchain name (go1.22.0).
func version(w string) bool {
	return semver.IsValid(w) || semver.IsValid("v"+w) || semver.IsValid("v"+strings.TrimPrefix(w, "go"))
}

// directiveWords are the arguments of a Go file's //go: directives and
// #cgo lines (embed patterns, build expressions, flags), which the go
// command reads from comments and echoes unquoted.
func directiveWords(src []byte) []string {
	var out []string
	for line := range strings.SplitSeq(string(src), "\n") {
		t := strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(t, "//"); ok && !strings.HasPrefix(rest, "go:") {
			t = strings.TrimSpace(rest) // a cgo preamble's // #cgo line
		}
		var args string
		if rest, ok := strings.CutPrefix(t, "//go:"); ok {
			_, args, _ = strings.Cut(rest, " ")
		} else if rest, ok := strings.CutPrefix(t, "#cgo "); ok {
			args = rest
		} else {
			continue
		}
		// The go command echoes an argument as it reads it: a quoted one
		// unquoted, and a malformed one from where its quote goes wrong
		// (`a`Kx7…, "Kx7… without its end), so the words are cut at quotes
		// as well as blanks, and a quoted argument's value is cut too.
		words := strings.FieldsFunc(args, func(r rune) bool { return unicode.IsSpace(r) || r == '"' || r == '`' })
		for i := strings.IndexAny(args, "\"`"); i >= 0; i = strings.IndexAny(args, "\"`") {
			q, err := strconv.QuotedPrefix(args[i:])
			if err != nil {
				break
			}
			if v, err := strconv.Unquote(q); err == nil {
				words = append(words, strings.Fields(v)...)
			}
			args = args[i+len(q):]
		}
		for _, w := range words {
			if w = strings.Trim(w, wordPunct); w != "" {
				out = append(out, w)
			}
		}
	}
	return out
}

// quotableIn is what a quoted run in an error about file must match to be
// masked: the string and rune literals of a Go file outside its imports,
// a go.mod's whole text, and nothing for a directory or package path.
func (m *errorMaker) quotableIn(file string) []byte {
	if q, ok := m.quotable[file]; ok {
		return q
	}
	q := []byte{}
	if data, err := safefile.Read(file, safefile.FollowLinks, maxModFile); err == nil {
		q = data
		if strings.HasSuffix(file, ".go") {
			q = literals(data)
		}
	}
	if m.quotable == nil {
		m.quotable = map[string][]byte{}
	}
	m.quotable[file] = q
	return q
}

// literals are the string and rune literals of Go source outside import
// declarations, as written and as their values, each on its own after a
// NUL so that no quoted run matches across two.
func literals(src []byte) []byte {
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("", -1, len(src)), src, func(token.Position, string) {}, 0)
	var out bytes.Buffer
	inImport, depth := false, 0
	for {
		_, tok, lit := s.Scan()
		switch tok {
		case token.EOF:
			return out.Bytes()
		case token.IMPORT:
			inImport = true
		case token.LPAREN:
			if inImport {
				depth++
			}
		case token.RPAREN:
			if inImport {
				depth--
				inImport = depth > 0
			}
		case token.SEMICOLON:
			inImport = inImport && depth > 0
		case token.STRING, token.CHAR:
			if inImport || len(lit) < 2 {
				continue
			}
			out.WriteByte(0)
			out.WriteString(lit[1 : len(lit)-1])
			if v, err := strconv.Unquote(lit); err == nil {
				out.WriteByte(0)
				out.WriteString(v)
			}
		}
	}
}

// withoutConstants masks the string constants a type error quotes
// (`cannot use "Kx7…" (untyped string constant) as int value`) even when
// they are written nowhere in the file as a literal (a constant
// expression's value).
func withoutConstants(msg string) string {
	if !strings.Contains(msg, "string constant") && !strings.Contains(msg, "of type string") {
		return msg
	}
	return redact.Error(msg, nil)
}

// positioned is a line of go command output that starts with a position:
// "file:line: msg" or "file:line:col: msg" (file may hold colons).
var positioned = regexp.MustCompile(`^(.+?):(\d+)(?::\d+)?: (.*)$`)

// unlined is a go command error about a Go file it read no line of:
// go/build's "main.go: parsing //go:build line: unexpected token Kx7…".
// Naming the file keeps its words (the //go:build expression) masked.
var unlined = regexp.MustCompile(`^([^\s:]+\.go): (.*)$`)

// oneLine reads a go command error as one line and the position it names.
// go/packages wraps the go command's stderr ("err: exit status 1: stderr:
// go: errors parsing go.mod:\n/x/go.mod:4: unknown directive: foo"): the
// wrapping goes, and a first line that ends in ':' is joined to the first
// line with a position, which gives the error's file and line, as is the
// compiler's "# pkg" header (replaced by that line). Other
// lines repeat the first or list what the go command would run.
func oneLine(msg string) (text, file string, line int) {
	msg = strings.TrimSpace(msg)
	if rest, ok := strings.CutPrefix(msg, "err: "); ok {
		if _, after, ok := strings.Cut(rest, "stderr: "); ok {
			msg = strings.TrimSpace(after)
		}
	}
	lines := strings.Split(msg, "\n")
	first := strings.TrimPrefix(strings.TrimSpace(lines[0]), "go: ")
	if m := positioned.FindStringSubmatch(first); m != nil {
		n, _ := strconv.Atoi(m[2])
		return m[3], m[1], n
	}
	if m := unlined.FindStringSubmatch(first); m != nil {
		return m[2], m[1], 0
	}
	header := strings.HasPrefix(first, "# ") // the compiler's "# pkg"
	if header || strings.HasSuffix(first, ":") {
		for _, l := range lines[1:] {
			if m := positioned.FindStringSubmatch(strings.TrimSpace(l)); m != nil {
				n, _ := strconv.Atoi(m[2])
				if header {
					return m[3], m[1], n
				}
				return strings.TrimSuffix(first, ":") + ": " + m[3], m[1], n
			}
		}
	}
	return first, "", 0
}

// splitPos reads "file:line:col" or "file:line" (file may contain colons).
func splitPos(pos string) (string, int) {
	if pos == "" || pos == "-" {
		return "", 0
	}
	rest := pos
	if i := strings.LastIndexByte(rest, ':'); i > 0 {
		if _, err := strconv.Atoi(rest[i+1:]); err == nil {
			head := rest[:i]
			if j := strings.LastIndexByte(head, ':'); j > 0 {
				if n, err := strconv.Atoi(head[j+1:]); err == nil {
					return head[:j], n
				}
			}
			n, _ := strconv.Atoi(rest[i+1:])
			return head, n
		}
	}
	return pos, 0
}

func dedupeErrors(errs []Error) []Error {
	seen := map[Error]bool{}
	var out []Error
	for _, e := range errs {
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}
