package extract

import (
	"bytes"
	"errors"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"mvdan.cc/sh/v3/syntax"

	"github.com/tokenlint/tokenlint/rules"
)

// The shell front end: curl commands in shell scripts (docs/facts/
// formats.md §2), found by a real shell parser so that quoting, line
// continuations, pipelines, $(...), functions and here-documents are read
// as the shell reads them. An echoed string or a here-document is text,
// not a command; a here-document is a body only where curl reads stdin
// (-d @-). The literal script of "sh -c '...'" is read as a script. curl's
// own options are read in curl.go.
//
// Words become Values with one segment per run of source bytes: an escaped
// character ("\+" unquoted, "\$" in double quotes) keeps pointing at its
// own byte, so a finding can underline one character of a secret.
// Expansions ($X, ${X:-d}, $(cmd), $((n))) and {{name}} placeholders are
// dynamic. A variable assigned exactly once, at the top level, before its
// use, with a value that has a literal part, resolves to that value and
// keeps the spans of the assignment: the fix belongs where the value is
// written, and "https://$HOST/oauth/token" still shows its path. A
// variable assigned more than once, in a function or a branch, by for or
// read, or to a wholly dynamic value stays dynamic at the use.
//
// A script another file runs (a workflow step's run:) starts with the
// variables that file sets for it (the step's env:): a use of one the
// script has not assigned yet, outside loops and functions, resolves to
// that value, at the use.

var shellFormat = &Format{
	Name:       "shell",
	match:      matchShell,
	Extract:    extractShell,
	extract:    extractShellIn,
	extractEnv: extractShellEnv,
	Comments:   []string{"#"},
}

// shellVariants are the parser dialects by file extension.
var shellVariants = map[string]syntax.LangVariant{
	".sh": syntax.LangBash, ".bash": syntax.LangBash, ".zsh": syntax.LangZsh, ".ksh": syntax.LangMirBSDKorn,
}

// shellInterpreters are the shebang interpreters whose scripts are shell.
var shellInterpreters = map[string]syntax.LangVariant{
	"sh": syntax.LangBash, "bash": syntax.LangBash, "dash": syntax.LangBash, "ash": syntax.LangBash,
	"zsh": syntax.LangZsh, "ksh": syntax.LangMirBSDKorn, "mksh": syntax.LangMirBSDKorn,
}

func matchShell(n fileName, head []byte) bool {
	e := n.ext
	if _, ok := shellVariants[e]; ok {
		return true
	}
	if e != "" || head == nil {
		return false
	}
	_, ok := shebangVariant(head)
	return ok || curlScript(n.path, head)
}

// proseNames are extensionless files that are text, not scripts.
var proseNames = map[string]bool{
	"readme": true, "license": true, "licence": true, "changelog": true, "changes": true, "notes": true,
	"authors": true, "contributors": true, "copying": true, "notice": true, "todo": true, "history": true,
	"dockerfile": true, "containerfile": true, "jenkinsfile": true, "vagrantfile": true, "gemfile": true,
	"rakefile": true, "procfile": true, "brewfile": true, "podfile": true, "codeowners": true,
}

// curlScript reports whether an extensionless file without a shebang is
// unmistakably a shell script that runs curl: its first line that is not
// blank or a comment is a curl command, or a variable assignment with a
// curl command at the start of a later line.
func curlScript(name string, head []byte) bool {
	if proseNames[strings.ToLower(path.Base(name))] || strings.HasPrefix(path.Base(name), ".") {
		return false
	}
	first := true
	for line := range bytes.SplitSeq(head, []byte("\n")) {
		t := bytes.TrimSpace(line)
		if len(t) == 0 || t[0] == '#' {
			continue
		}
		word, _, _ := bytes.Cut(t, []byte(" "))
		if bytes.Equal(word, []byte("curl")) && len(t) > len(word) && t[len(word)] == ' ' && line[0] == 'c' {
			return true
		}
		if first && !shellAssignment(t) {
			return false
		}
		first = false
	}
	return false
}

// shellAssignment reports whether a line is NAME=... or export NAME=...
func shellAssignment(t []byte) bool {
	t = bytes.TrimPrefix(t, []byte("export "))
	name, _, ok := bytes.Cut(t, []byte("="))
	if !ok || len(name) == 0 || !isNameStart(name[0]) {
		return false
	}
	for _, c := range name {
		if !isNameChar(c) {
			return false
		}
	}
	return true
}

// shebangVariant reads a "#!/bin/sh" or "#!/usr/bin/env -S bash -e" line.
func shebangVariant(head []byte) (syntax.LangVariant, bool) {
	if !bytes.HasPrefix(head, []byte("#!")) {
		return 0, false
	}
	line, _, _ := bytes.Cut(head[2:], []byte("\n"))
	fields := strings.Fields(string(line))
	if len(fields) > 0 && path.Base(fields[0]) == "env" {
		fields = fields[1:]
		for len(fields) > 0 && (strings.HasPrefix(fields[0], "-") || strings.Contains(fields[0], "=")) {
			fields = fields[1:]
		}
	}
	if len(fields) == 0 {
		return 0, false
	}
	v, ok := shellInterpreters[path.Base(fields[0])]
	return v, ok
}

func extractShell(file string, src []byte) (*rules.Unit, error) {
	x := newExpansion(len(src))
	u, err := extractShellIn(file, src, x)
	if err == nil {
		addCommented(u, file, src, shellCommented, func(file string, text []byte) (*rules.Unit, error) {
			return extractShellIn(file, text, x)
		})
		if bytes.Contains(src, []byte(".env")) {
			// The script reads the .env beside it (source .env, a dotenv
			// loader): its values are the script's variables.
			addBeside(u, file, x, isDotenv, readDotenv)
		}
	}
	return u, err
}

// extractShellIn is extractShell drawing on the expansion budget x.
func extractShellIn(file string, src []byte, x *expansion) (*rules.Unit, error) {
	return extractShellEnv(file, src, x, nil)
}

// extractShellEnv is extractShellIn for a script that starts with the
// variables env gives (a workflow step's env:), nil for none known.
func extractShellEnv(file string, src []byte, x *expansion, env environ) (*rules.Unit, error) {
	if bytes.IndexByte(src, 0) >= 0 {
		return nil, Errorf(file, 0, "binary file (NUL byte)")
	}
	if line := tooDeep(src, maxNesting); line > 0 {
		return nil, Errorf(file, line, "shell nesting deeper than %d levels", maxNesting)
	}
	variant, ok := shellVariants[ext(file)]
	if !ok {
		variant, ok = shebangVariant(src)
	}
	if !ok {
		// A fragment (a Markdown fence, a workflow's run:) or a script named
		// otherwise: bash reads what POSIX sh and most snippets write.
		variant = syntax.LangBash
	}
	return extractShellText(file, src, variant, 0, x, env)
}

// maxShellC bounds scripts inside scripts (bash -c '... sh -c "..."').
const maxShellC = 3

func extractShellText(file string, src []byte, variant syntax.LangVariant, depth int, x *expansion, env environ) (*rules.Unit, error) {
	// The parser reads a cleaned copy; values are cut from the file's own
	// bytes, at the same offsets.
	// <CLIENT_ID> is a placeholder to the reader and two redirections to
	// the parser: the parser reads it as a word.
	clean := maskShellPlaceholders(shellSource(src))
	script := func() *shellScript {
		return &shellScript{file: file, src: src, unit: &rules.Unit{Name: file}, expanded: map[string]bool{}, x: x, variant: variant, depth: depth, env: env}
	}
	s := script()
	err := s.read(shellStmts(clean, variant))
	if err != nil && variant != syntax.LangBash {
		// Zsh support in the parser is partial; a script that bash reads
		// is still worth reading.
		retry := script()
		if retry.read(shellStmts(clean, syntax.LangBash)) == nil {
			s, err = retry, nil
		}
	}
	recovered := false
	if err != nil {
		if g, ok := recoverShell(clean, variant); ok {
			s, recovered = script(), true
			s.read(fileStmts(g))
		}
	}
	if err != nil && !recovered {
		return nil, shellError(file, err)
	}
	s.urlVarRequests()
	// Requests of one command share values (-X, -H, a variable used twice);
	// give each its own segments, since Remap rewrites them in place.
	s.unit.Values(func(v *rules.Value) { v.Segs = slices.Clone(v.Segs) })
	if recovered && len(s.unit.Requests) == 0 && len(s.unit.Settings) == 0 {
		// Nothing the model holds was read: the syntax error is the news.
		return nil, shellError(file, err)
	}
	return s.unit, nil
}

// shellSource prepares src for the parser without moving any byte, so
// parser offsets stay file offsets: CRLF line ends (a Windows checkout, a
// pasted snippet) read as LF, with a "\" before them still continuing the
// line, and bytes that are not UTF-8 (a Latin-1 comment) read as "?".
func shellSource(src []byte) []byte {
	if !bytes.Contains(src, []byte("\r")) && utf8.Valid(src) {
		return src
	}
	out := bytes.Clone(src)
	for i := 0; i < len(out); {
		switch {
		case out[i] == '\\' && i+2 < len(out) && out[i+1] == '\r' && out[i+2] == '\n':
			out[i+1], out[i+2] = '\n', ' '
			i += 3
		case out[i] == '\\' && i+1 < len(out) && out[i+1] < utf8.RuneSelf:
			i += 2 // an escaped character, perhaps a backslash
		case out[i] == '\r' && i+1 < len(out) && out[i+1] == '\n':
			out[i] = ' '
			i += 2
		case out[i] < utf8.RuneSelf:
			i++
		default:
			r, n := utf8.DecodeRune(out[i:])
			if r == utf8.RuneError && n == 1 {
				out[i] = '?'
			}
			i += n
		}
	}
	return out
}

func parseShell(src []byte, variant syntax.LangVariant) (*syntax.File, error) {
	pool := shellParserPool(variant)
	p := pool.Get().(*syntax.Parser)
	defer pool.Put(p)
	return p.Parse(bytes.NewReader(src), "")
}

func shellParserPool(variant syntax.LangVariant) *sync.Pool {
	if pool, ok := shellParsers.Load(variant); ok {
		return pool.(*sync.Pool)
	}
	pool, _ := shellParsers.LoadOrStore(variant, &sync.Pool{New: func() any { return syntax.NewParser(syntax.Variant(variant)) }})
	return pool.(*sync.Pool)
}

// shellParsers pools parsers by variant: a parser is 2 KiB of buffers
// before it reads a byte, and a tree's Markdown fences and run: steps each
// parse a few lines. A parser can be reused once Parse returns.
var shellParsers sync.Map // syntax.LangVariant -> *sync.Pool of *syntax.Parser

// A stmtSource calls fn for each top-level statement of a script, in
// order, and returns the parser's error.
type stmtSource func(fn func(*syntax.Stmt)) error

// streamFrom is the script size from which statements are streamed: the
// tree of a small script (a Markdown fence, a run: step) costs less than
// parsing it twice.
const streamFrom = 256 << 10

// shellStmts is the statements of src: streamed when it is large, else
// from one parse.
func shellStmts(src []byte, variant syntax.LangVariant) stmtSource {
	if len(src) >= streamFrom {
		return streamStmts(src, variant)
	}
	f, err := parseShell(src, variant)
	if err != nil {
		return func(func(*syntax.Stmt)) error { return err }
	}
	return fileStmts(f)
}

// streamStmts parses src one top-level statement at a time, so a script's
// syntax tree is never held whole: for a large script the tree is many
// times the file, and a statement is all the reading needs. A statement
// is handed on when the next one is parsed (or at the end), once the
// parser has read the here-documents that follow its line.
func streamStmts(src []byte, variant syntax.LangVariant) stmtSource {
	return func(fn func(*syntax.Stmt)) error {
		var pending *syntax.Stmt
		for st, err := range syntax.NewParser(syntax.Variant(variant)).StmtsSeq(bytes.NewReader(src)) {
			if err != nil {
				return err
			}
			if pending != nil {
				fn(pending)
			}
			pending = st
		}
		if pending != nil {
			fn(pending)
		}
		return nil
	}
}

// fileStmts is a parsed file's statements as a stmtSource.
func fileStmts(f *syntax.File) stmtSource {
	return func(fn func(*syntax.Stmt)) error {
		for _, st := range f.Stmts {
			fn(st)
		}
		return nil
	}
}

// read reads a script in two passes over its statements: the first counts
// each variable's assignments and records what they declare, the second
// resolves the variables assigned once and reads the commands. The source
// is parsed again for the second pass rather than kept.
func (s *shellScript) read(stmts stmtSource) error {
	count := map[string]int{}
	if err := stmts(func(st *syntax.Stmt) { s.countAssigns(st, count) }); err != nil {
		return err
	}
	s.assigned = count
	s.vars = map[string]shellVar{}
	return stmts(func(st *syntax.Stmt) {
		s.topLevelVars(st, count)
		s.commands(st)
	})
}

// commands reads the curl commands (and the sh -c scripts) of a statement
// and the statements inside it.
func (s *shellScript) commands(st *syntax.Stmt) {
	syntax.Walk(st, func(n syntax.Node) bool {
		st, ok := n.(*syntax.Stmt)
		if !ok {
			return true
		}
		call, ok := st.Cmd.(*syntax.CallExpr)
		if !ok {
			return true
		}
		if words, extra, ok := s.curlCall(call.Args); ok {
			s.markExpanded(words)
			s.curl(words, extra, s.stdin(st.Redirs))
		} else if script := shellCScript(call.Args); script != nil && s.depth < maxShellC {
			s.inner(script, s.variant, s.depth)
		} else {
			s.otherCLI(call.Args)
		}
		return true
	})
}

// shellError turns a parser error into an *Error at its line.
func shellError(file string, err error) *Error {
	var pe syntax.ParseError
	var le syntax.LangError
	switch {
	case errors.As(err, &pe):
		return Errorf(file, int(pe.Pos.Line()), "shell syntax: %s", parserMessage(pe.Text))
	case errors.As(err, &le):
		msg := le.Error()
		if i := strings.Index(msg, ": "); i >= 0 {
			msg = msg[i+2:] // drop the "line:col" prefix
		}
		return Errorf(file, int(le.Pos.Line()), "shell syntax: %s", parserMessage(msg))
	}
	return Errorf(file, 0, "shell syntax: %v", err)
}

// tooDeep returns the line at which src nests deeper than limit, or 0. It
// over-approximates the parser's nesting (brackets and compound-command
// keywords, skipping comments and single-quoted text), which is what a
// bound needs.
func tooDeep(src []byte, limit int) int {
	depth, line := 0, 1
	wordStart := true
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\n':
			line++
		case c == '\\':
			i++
			if i < len(src) && src[i] == '\n' {
				line++
			}
		case c == '\'':
			j := bytes.IndexByte(src[i+1:], '\'')
			if j < 0 {
				return 0 // the parser reports the unclosed quote
			}
			line += bytes.Count(src[i+1:i+1+j], []byte("\n"))
			i += j + 1
		case c == '#' && wordStart:
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				return 0
			}
			i += j - 1
		case c == '(' || c == '{' || c == '[' || c == '`':
			depth++
		case c == ')' || c == '}' || c == ']':
			depth = max(0, depth-1)
		case wordStart && isNameStart(c):
			j := i
			for j < len(src) && isNameChar(src[j]) {
				j++
			}
			switch string(src[i:j]) {
			case "if", "while", "until", "for", "case", "select":
				depth++
			case "fi", "done", "esac":
				depth = max(0, depth-1)
			}
			i = j - 1
		}
		if depth > limit {
			return line
		}
		wordStart = c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '|' || c == '&' || c == '(' || c == '{'
	}
	return 0
}

// A shellScript is the state of one extraction.
type shellScript struct {
	file string
	src  []byte
	unit *rules.Unit
	// vars are the variables that resolve to a value: assigned once, at the
	// top level, with a value that has a literal part.
	vars map[string]shellVar
	// urlVars are the requests named by URL variables (TOKEN_URL=...);
	// expanded are the variables curl commands use.
	urlVars  []urlVar
	expanded map[string]bool
	x        *expansion
	// variant and depth are the script's dialect and how deep in sh -c
	// scripts it is.
	variant syntax.LangVariant
	depth   int
	// env gives the values the script's variables start with (a workflow
	// step's env:), nil when none is known. A variable the script assigns
	// (assigned counts them, firstAssign is where the first one is
	// written) is the script's own from there on; a use before it is the
	// env's unless it lies in a loop or a function (repeated), which may
	// run after the assignment. When the script may assign any variable
	// (opaque: source, eval, export "$line"), env is not read.
	env         environ
	assigned    map[string]int
	firstAssign map[string]int
	repeated    [][2]int
	opaque      bool
}

type urlVar struct {
	name string
	req  *rules.Request
}

type shellVar struct {
	at    int // offset of the assignment; uses before it do not resolve
	value rules.Value
}

// countAssigns counts the assignments of each variable in a statement
// (a variable assigned more than once, or by for or read, does not
// resolve), and records the settings and secrets assignments declare.
// With an environment it also records where each variable is first
// assigned and which parts of the script may run more than once.
func (s *shellScript) countAssigns(st *syntax.Stmt, count map[string]int) {
	assign := func(name string, at syntax.Pos) {
		count[name]++
		if s.env == nil {
			return
		}
		if s.firstAssign == nil {
			s.firstAssign = map[string]int{}
		}
		if first, ok := s.firstAssign[name]; !ok || int(at.Offset()) < first {
			s.firstAssign[name] = int(at.Offset())
		}
	}
	syntax.Walk(st, func(n syntax.Node) bool {
		switch n := n.(type) {
		case *syntax.Assign:
			if n.Name != nil && !n.Naked {
				assign(n.Name.Value, n.Pos())
				if n.Value != nil {
					s.declare(n.Name, n.Value)
				}
			}
			if n.Name == nil && n.Naked && !declOption(n.Value) {
				s.opaque = true // export "$line", declare $(...): any name
			}
		case *syntax.DeclClause:
			// local X (and declare X in a function) is a new, empty X;
			// export X and readonly X keep its value.
			if v := n.Variant.Value; v != "export" && v != "readonly" {
				for _, a := range n.Args {
					if a.Naked && a.Name != nil {
						assign(a.Name.Value, a.Pos())
					}
				}
			}
			for _, a := range n.Args {
				// declare -n ref=NAME: assigning ref assigns NAME.
				if a.Name == nil && a.Naked && declOption(a.Value) && strings.HasPrefix(a.Value.Lit(), "-") && strings.Contains(a.Value.Lit(), "n") {
					s.opaque = true
				}
			}
		case *syntax.WordIter:
			assign(n.Name.Value, n.Pos())
		case *syntax.WhileClause, *syntax.ForClause, *syntax.FuncDecl:
			if s.env != nil {
				// A use inside may run after an assignment written below it.
				s.repeated = append(s.repeated, [2]int{int(n.Pos().Offset()), int(n.End().Offset())})
			}
		case *syntax.CallExpr:
			if len(n.Args) == 0 {
				break
			}
			switch n.Args[0].Lit() {
			case "read", "getopts", "unset":
				// read and getopts assign their operands; unset empties them.
				for _, a := range n.Args[1:] {
					assign(a.Lit(), n.Pos())
					if a.Lit() == "" && n.Args[0].Lit() == "unset" {
						s.opaque = true // unset "$name": any name
					}
				}
			case "printf":
				if len(n.Args) > 2 && n.Args[1].Lit() == "-v" {
					assign(n.Args[2].Lit(), n.Pos())
					if n.Args[2].Lit() == "" {
						s.opaque = true // printf -v "$name": any name
					}
				}
			case "source", ".", "eval":
				s.opaque = true
			}
		}
		return true
	})
}

// declOption reports whether a name-less word of export or declare is an
// option (-x, +n), not a word that names a variable only at run time.
func declOption(w *syntax.Word) bool {
	lit := w.Lit()
	return lit != "" && (lit[0] == '-' || lit[0] == '+') && !strings.Contains(lit, "=")
}

// topLevelVars records the variables a top-level statement assigns once,
// at the top level, with a value that has a literal part: a later use
// resolves to that value.
func (s *shellScript) topLevelVars(st *syntax.Stmt, count map[string]int) {
	var assigns []*syntax.Assign
	switch cmd := st.Cmd.(type) {
	case *syntax.CallExpr:
		if len(cmd.Args) == 0 {
			assigns = cmd.Assigns
		}
	case *syntax.DeclClause:
		if cmd.Variant.Value != "local" {
			assigns = cmd.Args
		}
	}
	for _, a := range assigns {
		if a.Name == nil || a.Naked || a.Append || a.Index != nil || a.Value == nil || count[a.Name.Value] != 1 {
			continue
		}
		v := s.word(a.Value)
		if hasLiteral(v) {
			s.vars[a.Name.Value] = shellVar{at: int(a.Pos().Offset()), value: v}
		}
	}
}

// declare records what an assignment of a literal declares (a region, a
// base URL, a client secret to redact), as the .env front end does. A
// URL variable is not a request here: the curl that uses it is.
func (s *shellScript) declare(name *syntax.Lit, value *syntax.Word) {
	v := s.literalWord(value)
	if !v.Known() {
		return
	}
	var tmp rules.Unit
	// The parser read a copy with placeholders masked ({{x}}NAME=v reads
	// as ____NAME): the key is the file's own text at the name.
	at := int(name.Pos().Offset())
	text := string(s.src[at:min(len(s.src), at+len(name.Value))])
	key := rules.Lit(s.file, text, at)
	addKeyValue(&tmp, text, key, v)
	s.unit.Settings = append(s.unit.Settings, tmp.Settings...)
	s.unit.Secrets = append(s.unit.Secrets, tmp.Secrets...)
	for _, r := range tmp.Requests {
		s.urlVars = append(s.urlVars, urlVar{name.Value, r})
	}
}

// urlVarRequests adds the requests of URL variables no curl command
// expands (a TOKEN_URL exported for another program): the variable is then
// the only place the URL is written. One that a curl uses is judged there.
func (s *shellScript) urlVarRequests() {
	for _, uv := range s.urlVars {
		if !s.expanded[uv.name] {
			s.unit.Requests = append(s.unit.Requests, uv.req)
		}
	}
}

// markExpanded records the variables a curl command's words expand.
func (s *shellScript) markExpanded(words []*syntax.Word) {
	for _, w := range words {
		syntax.Walk(w, func(n syntax.Node) bool {
			if pe, ok := n.(*syntax.ParamExp); ok && pe.Param != nil {
				s.expanded[pe.Param.Value] = true
			}
			return true
		})
	}
}

// hasLiteral reports whether some part of v is known.
func hasLiteral(v rules.Value) bool {
	for i := range v.Text {
		if !v.DynamicAt(i) {
			return true
		}
	}
	return false
}

// word is a shell word as a Value: quotes removed, escapes decoded,
// expansions dynamic unless they name a resolvable variable. A {{name}}
// is dynamic too: curl --expand-* options and the snippets Postman and API
// docs export use it for values filled in later.
func (s *shellScript) word(w *syntax.Word) rules.Value {
	v := s.parts(w.Parts, false, true)
	if strings.Contains(v.Text, "{{") {
		v = markPlaceholders(v, Mustache)
	}
	return v
}

// shellRunners run a command line given as their arguments (docker run
// img sh -c '...'); the shell is found among their words.
var shellRunners = map[string]bool{"docker": true, "podman": true, "kubectl": true, "oc": true}

// shellCScript returns the script word of "sh -c 'script'" (also bash,
// zsh, behind sudo or env, or run by docker/kubectl), or nil.
func shellCScript(args []*syntax.Word) *syntax.Word {
	i := commandIndex(args)
	if i < 0 {
		return nil
	}
	if shellRunners[args[i].Lit()] {
		// docker exec -it ctr sh -c '...': the shell is one of the words.
		for i++; i < len(args) && !isShellName(args[i].Lit()); i++ {
		}
	}
	if i >= len(args) || !isShellName(args[i].Lit()) {
		return nil
	}
	for i++; i+1 < len(args); i++ {
		flag := args[i].Lit()
		if len(flag) < 2 || flag[0] != '-' || strings.HasPrefix(flag, "--") {
			return nil
		}
		if strings.HasSuffix(flag, "c") {
			return args[i+1] // -c, -ec, -xc: the next word is the script
		}
	}
	return nil
}

func isShellName(name string) bool {
	_, ok := shellInterpreters[path.Base(name)]
	return ok
}

// inner reads the script of "sh -c 'script'" as a script of its own, its
// positions mapped back into this file. Only a literal script is read: an
// expansion in it is the outer shell's and its text is unknown.
func (s *shellScript) inner(w *syntax.Word, variant syntax.LangVariant, depth int) {
	v := s.literalWord(w)
	if !v.Known() {
		return
	}
	// The inner shell sees the environment as the outer script has changed
	// it by then, which is not followed: its variables start unknown.
	sub, err := extractShellText(s.file, []byte(v.Text), variant, depth+1, s.x, nil)
	if err != nil {
		return // a broken inner script is the outer command's failure at run time
	}
	offsetMapOf(v).Remap(sub, s.file)
	s.unit.Requests = append(s.unit.Requests, sub.Requests...)
	s.unit.Settings = append(s.unit.Settings, sub.Settings...)
	s.unit.Secrets = append(s.unit.Secrets, sub.Secrets...)
}

// stdin is the text a here-document or here-string feeds the command
// (curl -d @- reads it), or the zero Value.
func (s *shellScript) stdin(redirs []*syntax.Redirect) rules.Value {
	var in rules.Value
	for _, r := range redirs {
		switch r.Op {
		case syntax.WordHdoc:
			in = s.word(r.Word)
		case syntax.Hdoc, syntax.DashHdoc:
			if r.Hdoc == nil {
				in = rules.Lit(s.file, "", int(r.End().Offset()))
				continue
			}
			// The body ends where the closing delimiter's line starts.
			start, end := int(r.Hdoc.Pos().Offset()), int(r.Hdoc.End().Offset())
			end = max(start, bytes.LastIndexByte(s.src[:end], '\n')+1)
			if quotedDelimiter(r.Word) {
				// <<'EOF': the body is the file's bytes, nothing expands.
				in = rules.Lit(s.file, string(s.src[start:end]), start)
			} else {
				in = s.partsUpTo(r.Hdoc.Parts, true, true, end)
			}
			if r.Op == syntax.DashHdoc {
				// <<- strips the leading tabs of every line.
				in = dropBytes(in, func(text string, i int) bool { return text[i] == '\t' && isLineIndent(text, i) })
			}
		}
	}
	return in
}

// quotedDelimiter reports whether a here-document's delimiter is quoted
// (<<'EOF', <<"EOF", <<\EOF), which turns expansion off in the body.
func quotedDelimiter(w *syntax.Word) bool {
	for _, p := range w.Parts {
		if lit, ok := p.(*syntax.Lit); !ok || strings.Contains(lit.Value, "\\") {
			return true
		}
	}
	return false
}

// literalWord is word without variable resolution.
func (s *shellScript) literalWord(w *syntax.Word) rules.Value {
	return s.parts(w.Parts, false, false)
}

func (s *shellScript) parts(parts []syntax.WordPart, quoted, resolve bool) rules.Value {
	return s.partsUpTo(parts, quoted, resolve, len(s.src))
}

// partsUpTo is parts for text that ends at limit: the parser's last
// literal of a here-document ends after the closing delimiter.
func (s *shellScript) partsUpTo(parts []syntax.WordPart, quoted, resolve bool, limit int) rules.Value {
	var b valueBuilder
	b.file = s.file
	for _, p := range parts {
		start, end := int(p.Pos().Offset()), min(int(p.End().Offset()), limit)
		if start >= limit {
			break
		}
		switch p := p.(type) {
		case *syntax.Lit:
			s.unescape(&b, start, end, quoted)
		case *syntax.SglQuoted:
			switch {
			case p.Dollar && strings.Contains(p.Value, "\\"):
				// $'...' with C escapes: the decoded text, on the quote's span.
				b.add(rules.Decoded(s.file, ansiC(p.Value), start, end))
			case p.Dollar:
				b.verbatim(start+2, int(p.Right.Offset()), s.src)
			default:
				b.verbatim(start+1, int(p.Right.Offset()), s.src)
			}
		case *syntax.DblQuoted:
			inner := s.parts(p.Parts, true, resolve)
			if len(p.Parts) == 0 {
				inner = rules.Lit(s.file, "", int(p.Right.Offset()))
			}
			b.add(inner)
		case *syntax.ParamExp:
			if v, ok := s.resolve(p, start, resolve); ok {
				b.add(v)
				continue
			}
			b.add(rules.Dyn(s.file, string(s.src[start:end]), start, end))
		default:
			// $(...), $((...)), <(...), globs: values the linter cannot see.
			b.add(rules.Dyn(s.file, string(s.src[start:end]), start, end))
		}
	}
	return b.value()
}

// ansiC decodes the backslash escapes of a $'...' string (bash manual,
// QUOTING, ANSI-C Quoting).
func ansiC(raw string) string {
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' || i+1 == len(raw) {
			b.WriteByte(raw[i])
			continue
		}
		i++
		esc := raw[i]
		if c, ok := ansiCEscapes[esc]; ok {
			b.WriteByte(c)
			continue
		}
		base, size, from := 16, 0, i+1
		switch {
		case esc == 'x':
			size = 2
		case esc == 'u':
			size = 4
		case esc == 'U':
			size = 8
		case '0' <= esc && esc <= '7':
			base, size, from = 8, 3, i
		case esc == 'c' && i+1 < len(raw):
			i++
			b.WriteByte(raw[i] & 0x1f)
			continue
		default:
			b.WriteByte(esc) // \\ \' \" \? and unknown escapes
			continue
		}
		to := from
		for to < len(raw) && to-from < size && isDigitIn(raw[to], base) {
			to++
		}
		n, err := strconv.ParseUint(raw[from:to], base, 32)
		switch {
		case err != nil:
			b.WriteByte('\\') // "\x" without digits stays as written
			b.WriteByte(esc)
		case size >= 4:
			b.WriteRune(rune(n))
		default:
			b.WriteByte(byte(n))
		}
		i = max(i, to-1)
	}
	return b.String()
}

var ansiCEscapes = map[byte]byte{'a': 7, 'b': 8, 'e': 27, 'E': 27, 'f': 12, 'n': 10, 'r': 13, 't': 9, 'v': 11}

func isDigitIn(c byte, base int) bool {
	if base == 8 {
		return '0' <= c && c <= '7'
	}
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// resolve looks up a plain $NAME or ${NAME} in the resolvable variables,
// within the file's expansion budget: A=x, B="$A$A", C="$B$B"... doubles
// per line.
func (s *shellScript) resolve(p *syntax.ParamExp, at int, resolve bool) (rules.Value, bool) {
	if !resolve || p.Param == nil {
		return rules.Value{}, false
	}
	text := string(s.src[at:int(p.End().Offset())])
	name := p.Param.Value
	if text != "$"+name && text != "${"+name+"}" {
		return rules.Value{}, false
	}
	if v, ok := s.vars[name]; ok {
		if v.at >= at || !s.x.spendValue(v.value) {
			return rules.Value{}, false
		}
		return v.value, true
	}
	return s.fromEnv(name, text, at)
}

// mayRepeat reports whether offset at lies in a loop or a function body.
func (s *shellScript) mayRepeat(at int) bool {
	for _, r := range s.repeated {
		if r[0] <= at && at < r[1] {
			return true
		}
	}
	return false
}

// fromEnv is the value the environment gives a variable the script has
// not assigned by the time it is used, used as written at at: the value's text on the use's span, so
// a finding points at the use and no fix edits it there (the value may
// serve other uses), with the value's place as the use's Origin, named by
// the variable alone (the use's text is masked where the value is a
// secret). A value
// with a $ or a backquote in it is unknown: the runner does not expand
// it, but whoever wrote it meant something to.
func (s *shellScript) fromEnv(name, use string, at int) (rules.Value, bool) {
	if s.env == nil || s.opaque || s.assigned[name] > 0 && (at >= s.firstAssign[name] || s.mayRepeat(at)) {
		return rules.Value{}, false
	}
	w, ok := s.env(name)
	// The value is charged before it is read: a long one used many times
	// is read once per use.
	if !ok || !s.x.spend(len(w.text)+segmentBytes) || strings.ContainsAny(w.text, "$`") {
		return rules.Value{}, false
	}
	end := at + len(use)
	v := rules.Decoded(s.file, w.text, at, end)
	if strings.Contains(v.Text, "{{") {
		v = markPlaceholders(v, Mustache)
		if !s.x.spend(segmentBytes * (len(v.Segs) - 1)) {
			return rules.Value{}, false
		}
	}
	s.unit.Origins = append(s.unit.Origins, rules.Origin{At: rules.Span{File: s.file, Start: at, End: end}, Name: name, Value: w.at})
	return v, true
}

// unescape adds the source bytes start:end of an unquoted or double-quoted
// literal, dropping the backslashes the shell removes and the
// backslash-newlines that continue a line.
func (s *shellScript) unescape(b *valueBuilder, start, end int, quoted bool) {
	run := start
	for i := start; i < end; i++ {
		if s.src[i] != '\\' {
			continue
		}
		// The parser ends a literal in double quotes just before the
		// newline of a continuation, so look past end for it.
		if n := continuation(s.src, i); n > 0 {
			b.verbatim(run, i, s.src)
			run = i + n
			i += n - 1
			continue
		}
		if i+1 >= end {
			continue // a trailing backslash is literal
		}
		next := s.src[i+1]
		if quoted && next != '$' && next != '`' && next != '"' && next != '\\' {
			i++ // the backslash stays: "\d" is two characters in double quotes
			continue
		}
		b.verbatim(run, i, s.src)
		run = i + 1 // the escaped character is its own byte
		i++
	}
	b.verbatim(run, end, s.src)
}

// continuation is the length of the backslash-newline (or backslash-CRLF)
// at src[i], or 0.
func continuation(src []byte, i int) int {
	switch {
	case i+1 < len(src) && src[i+1] == '\n':
		return 2
	case i+2 < len(src) && src[i+1] == '\r' && src[i+2] == '\n':
		return 3
	}
	return 0
}

// A valueBuilder concatenates the pieces of a word, merging adjacent
// verbatim runs.
type valueBuilder struct {
	file  string
	parts []rules.Value
	// own: the last part was made here, so it may grow in place (a
	// resolved variable's value is shared and must not).
	own bool
}

func (b *valueBuilder) verbatim(start, end int, src []byte) {
	if end <= start {
		return
	}
	if n := len(b.parts); n > 0 && b.own {
		last := &b.parts[n-1]
		if k := len(last.Segs) - 1; k >= 0 {
			seg := &last.Segs[k]
			if seg.Verbatim && !seg.Dynamic && int(seg.End) == start {
				last.Text += string(src[start:end])
				seg.End = int32(end)
				return
			}
		}
	}
	b.parts = append(b.parts, rules.Lit(b.file, string(src[start:end]), start))
	b.own = true
}

func (b *valueBuilder) add(v rules.Value) {
	if !v.IsZero() {
		b.parts = append(b.parts, v)
		b.own = false
	}
}

func (b *valueBuilder) value() rules.Value {
	if len(b.parts) == 1 {
		return b.parts[0]
	}
	return rules.Concat(b.parts...)
}
