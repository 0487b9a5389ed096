package extract

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/tokenlint/tokenlint/rules"
)

// The front ends of files whose lines are shell handed to sh by another
// tool: a Makefile's recipes and $(shell ...) calls, a justfile's recipes,
// a Dockerfile's RUN instructions. Each derives the shell text the tool
// runs, with the tool's own syntax taken off and its variables turned into
// shell variables (make's $(NAME) is ${NAME}, NAME := v is NAME=v,
// Docker's ENV and ARG are assignments), keeps an OffsetMap back to the
// file, and reads the text with the shell front end, as a workflow's run:
// is read (embedText). What is not shell (targets, directives, FROM,
// COPY) is left out. A file that reads the .env beside it (make's
// include .env, just's set dotenv-load) has its values read too.

var (
	makefileFormat = recipeFormat("makefile", makeShell, func(b, e string) bool {
		return b == "makefile" || b == "gnumakefile" || e == ".mk"
	})
	justfileFormat = recipeFormat("justfile", justShell, func(b, e string) bool {
		return b == "justfile" || b == ".justfile" || e == ".just"
	})
	dockerfileFormat = recipeFormat("dockerfile", dockerShell, func(b, e string) bool {
		return b == "dockerfile" || b == "containerfile" || strings.HasPrefix(b, "dockerfile.") || e == ".dockerfile"
	})
)

// recipeFormat is the format of files named as match says (by lower-case
// base name and extension) whose shell derive finds.
func recipeFormat(name string, derive func([]byte) derivation, match func(base, ext string) bool) *Format {
	return &Format{
		Name:    name,
		match:   func(n fileName, _ []byte) bool { return match(n.base, n.ext) },
		Extract: func(file string, src []byte) (*rules.Unit, error) { return extractRecipes(file, src, derive) },
		extract: func(file string, src []byte, x *expansion) (*rules.Unit, error) {
			return recipesIn(file, src, x, derive)
		},
		Comments: []string{"#"},
	}
}

// extractRecipes reads a file of one of the tools, with the .env beside
// it when the file says the tool loads it.
func extractRecipes(file string, src []byte, derive func([]byte) derivation) (*rules.Unit, error) {
	x := newExpansion(len(src))
	u, err := recipesIn(file, src, x, derive)
	if err == nil && loadsDotenv.Match(src) {
		addBeside(u, file, x, isDotenv, readDotenv)
	}
	return u, err
}

// loadsDotenv matches make's include of the .env beside the Makefile and
// just's setting that loads it.
var loadsDotenv = regexp.MustCompile(`(?m)^(?:-?include|sinclude)[ \t]+(?:\./)?\.env[ \t]*$|^set[ \t]+dotenv-load\b`)

func recipesIn(file string, src []byte, x *expansion, derive func([]byte) derivation) (*rules.Unit, error) {
	if bytes.IndexByte(src, 0) >= 0 {
		return nil, Errorf(file, 0, "binary file (NUL byte)")
	}
	u := &rules.Unit{Name: file}
	d := derive(src)
	if len(d.text) > 0 {
		embedText(ByName(scriptFormat), file, d.text, d.m, u, x, nil, nil)
	}
	return u, nil
}

// A derivation is a text built from a file's bytes: runs kept verbatim
// (recorded in m) and text inserted between them.
type derivation struct {
	src  []byte
	text []byte
	m    OffsetMap
}

// keep copies src[from:to] into the text.
func (d *derivation) keep(from, to int) {
	if to <= from {
		return
	}
	if n := len(d.m); n > 0 {
		if last := &d.m[n-1]; last.From+last.Len == len(d.text) && last.To+last.Len == from {
			last.Len += to - from
			d.text = append(d.text, d.src[from:to]...)
			return
		}
	}
	d.m.Add(len(d.text), from, to-from)
	d.text = append(d.text, d.src[from:to]...)
}

// insert adds text that is not in the file.
func (d *derivation) insert(s string) { d.text = append(d.text, s...) }

// A physLine is one line of the file: [start, end) without its line
// break, a range the recipe readers narrow (the recipe after a target's
// ';' starts within its line).
type physLine struct{ start, end int }

// splitPhys is splitLines as ranges.
func splitPhys(src []byte) []physLine {
	lines := splitLines(src)
	out := make([]physLine, len(lines))
	for i, l := range lines {
		out[i] = physLine{l.start, l.end()}
	}
	return out
}

// joined reports whether line l ends with a backslash that joins it to
// the next.
func joined(src []byte, l physLine) bool { return continued(src[l.start:l.end]) }

// shellName matches a name the shell can hold as a variable.
var shellName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// makeAssign is a make variable assignment: export/override, the name,
// the operator, the value.
var makeAssign = regexp.MustCompile(`^(?:(?:export|override)[ \t]+)*([A-Za-z_][A-Za-z0-9_]*)[ \t]*(::?=|:::=|\?=|!=|=)[ \t]*`)

// makeShell derives the shell a Makefile runs: its recipe lines (the
// recipe prefix and the @, - and + flags taken off), the commands of
// NAME != cmd and of $(shell ...), and its simple assignments as shell
// assignments. make's $$ is the shell's $; $(NAME) and ${NAME} are
// ${NAME}; what is in a define ... endef is left out.
func makeShell(src []byte) derivation {
	d := derivation{src: src}
	lines := splitPhys(src)
	inRule, inDefine := false, false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		text := string(src[l.start:l.end])
		// The logical line: l and the lines its backslashes join to it.
		j := i
		for j+1 < len(lines) && joined(src, lines[j]) {
			j++
		}
		logical := lines[i : j+1]
		i = j
		trimmed := strings.TrimLeft(text, " \t")
		word, _, _ := strings.Cut(trimmed, " ")
		switch {
		case inDefine:
			if word == "endef" {
				inDefine = false
			}
			continue
		case strings.HasPrefix(text, "\t") && inRule:
			d.makeRecipe(logical)
			continue
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
			continue
		case word == "define":
			inDefine = true
			continue
		case word == "ifeq" || word == "ifneq" || word == "ifdef" || word == "ifndef" || word == "else" || word == "endif" ||
			word == "include" || word == "-include" || word == "sinclude" || word == "vpath" || word == "unexport":
			continue
		}
		if m := makeAssign.FindStringSubmatchIndex(text); m != nil {
			inRule = false
			d.makeAssignment(l, m, logical)
			continue
		}
		colon := ruleColon(text)
		if colon < 0 {
			inRule = false
			continue
		}
		inRule = true
		// target: prereqs ; recipe
		if semi := strings.IndexByte(text[colon:], ';'); semi >= 0 {
			first := physLine{l.start + colon + semi + 1, l.end}
			d.makeRecipe(append([]physLine{first}, logical[1:]...))
		}
	}
	return d
}

// ruleColon is the offset of a rule line's target colon, or -1.
func ruleColon(text string) int {
	depth := 0
	for k := 0; k < len(text); k++ {
		switch text[k] {
		case '(', '{':
			depth++
		case ')', '}':
			depth--
		case '=', '#':
			if depth == 0 {
				return -1
			}
		case ':':
			if depth == 0 && (k+1 >= len(text) || text[k+1] != '=') {
				return k
			}
		}
	}
	return -1
}

// makeRecipe adds one recipe command: its physical lines, each without
// the recipe prefix (make removes a tab after a backslash-newline too),
// the first without its @, - and + flags.
func (d *derivation) makeRecipe(lines []physLine) {
	for k, l := range lines {
		start := l.start
		if start < l.end && d.src[start] == '\t' {
			start++
		}
		if k == 0 {
			for start < l.end && strings.IndexByte("@-+ \t", d.src[start]) >= 0 {
				start++
			}
		}
		d.makeText(start, l.end)
		d.insert("\n")
	}
}

// makeAssignment adds NAME=value for a make assignment whose value the
// shell reads as make does: NAME != cmd is NAME=$(cmd), a value that is
// one $(shell ...) call is its command substitution, and any other value
// is quoted when it holds no quote, backslash or backquote of its own.
// Appends (+=) and names the shell cannot hold are left out.
func (d *derivation) makeAssignment(l physLine, m []int, logical []physLine) {
	if len(logical) > 1 {
		return // a value continued over lines: not worth the risk
	}
	text := string(d.src[l.start:l.end])
	op := text[m[4]:m[5]]
	value := strings.TrimRight(text[m[1]:], " \t")
	if i := strings.Index(value, " #"); i >= 0 && !strings.Contains(value, "$(") {
		value = strings.TrimRight(value[:i], " \t")
	}
	if value == "" || !shellName.MatchString(text[m[2]:m[3]]) {
		return
	}
	vstart := l.start + m[1]
	vend := vstart + len(value)
	d.keep(l.start+m[2], l.start+m[3])
	switch {
	case op == "!=":
		d.insert("=$(")
		d.makeText(vstart, vend)
		d.insert(")")
	case strings.HasPrefix(value, "$(shell ") && strings.HasSuffix(value, ")"):
		d.insert("=")
		d.makeText(vstart, vend)
	case !strings.ContainsAny(value, "\"\\`"):
		d.insert("=\"")
		d.makeText(vstart, vend)
		d.insert("\"")
	default:
		d.insert("=")
	}
	d.insert("\n")
}

// makeText adds src[from:to] with make's references in shell syntax: $$
// is $, $(NAME) and ${NAME} are ${NAME}, $(shell cmd) is $(cmd).
func (d *derivation) makeText(from, to int) {
	src := d.src
	run := from
	for k := from; k < to-1; k++ {
		if src[k] != '$' {
			continue
		}
		switch src[k+1] {
		case '$':
			// The first $ is make's escape; the second stays, next to what
			// follows it in the file, so ${NAME} is one run.
			d.keep(run, k)
			run = k + 1
			k++
		case '(':
			if bytes.HasPrefix(src[k+2:to], []byte("shell ")) {
				d.keep(run, k+2)
				run = k + 2 + len("shell ")
				k = run - 1
				continue
			}
			end := bytes.IndexByte(src[k+2:to], ')')
			if end < 0 || !shellName.Match(src[k+2:k+2+end]) {
				continue
			}
			d.keep(run, k)
			d.insert("${")
			d.keep(k+2, k+2+end)
			d.insert("}")
			run = k + 2 + end + 1
			k = run - 1
		}
	}
	d.keep(run, to)
}

// justAssign is a justfile assignment of one string literal.
var justAssign = regexp.MustCompile(`^(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*:=[ \t]*("[^"\\]*"|'[^']*')[ \t]*$`)

// justHeader is a recipe's first line: its name, parameters and
// dependencies, then a colon that is not :=.
var justHeader = regexp.MustCompile(`^@?[A-Za-z_][A-Za-z0-9_-]*[^:]*:(?:[^=]|$)`)

// justShell derives the shell a justfile runs: its recipes' lines (the
// indentation and an @ taken off; {{expr}} stays, a placeholder to the
// shell) and its string assignments. A recipe with a shebang for another
// language is left out.
func justShell(src []byte) derivation {
	d := derivation{src: src}
	lines := splitPhys(src)
	inRecipe, skip, joins := false, false, false
	for i, l := range lines {
		text := string(d.src[l.start:l.end])
		trimmed := strings.TrimLeft(text, " \t")
		indented := len(trimmed) < len(text)
		switch {
		case trimmed == "":
			continue
		case indented && inRecipe:
			if i > 0 && justHeader.MatchString(string(src[lines[i-1].start:lines[i-1].end])) && strings.HasPrefix(trimmed, "#!") {
				skip = !strings.Contains(trimmed, "sh") // #!/usr/bin/env bash, sh, zsh
			}
			if skip {
				continue
			}
			start := l.end - len(trimmed)
			if !joins && (strings.HasPrefix(trimmed, "@") || strings.HasPrefix(trimmed, "-")) {
				start++ // a command's quiet and error-ignoring flags
			}
			d.justText(start, l.end)
			d.insert("\n")
			joins = joined(src, l)
			continue
		case strings.HasPrefix(trimmed, "#"):
			continue
		}
		inRecipe, skip = false, false
		if m := justAssign.FindStringSubmatchIndex(text); m != nil {
			d.keep(l.start+m[2], l.start+m[3])
			d.insert("=")
			d.keep(l.start+m[4], l.start+m[5])
			d.insert("\n")
			continue
		}
		inRecipe = !indented && justHeader.MatchString(text)
	}
	return d
}

// justText adds src[from:to] with just's interpolation of a variable,
// {{name}}, as the shell's ${name}, which the assignments define.
func (d *derivation) justText(from, to int) {
	src := d.src
	run := from
	for k := from; k+1 < to; k++ {
		if src[k] != '{' || src[k+1] != '{' {
			continue
		}
		end := bytes.Index(src[k+2:to], []byte("}}"))
		if end < 0 {
			break
		}
		name := bytes.TrimSpace(src[k+2 : k+2+end])
		if !shellName.Match(name) {
			k += 1 + end
			continue
		}
		at := k + 2 + bytes.Index(src[k+2:k+2+end], name)
		d.keep(run, k)
		d.insert("${")
		d.keep(at, at+len(name))
		d.insert("}")
		run = k + 2 + end + 2
		k = run - 1
	}
	d.keep(run, to)
}

// dockerInstruction is a Dockerfile instruction and its arguments.
var dockerInstruction = regexp.MustCompile(`^[ \t]*([A-Za-z]+)[ \t]+`)

// dockerShell derives the shell a Dockerfile runs: the shell form of its
// RUN instructions (after their --mount and other flags, here-documents
// included) and its ENV and ARG definitions as assignments. Comment lines
// inside a continued instruction are left out, as Docker does.
func dockerShell(src []byte) derivation {
	d := derivation{src: src}
	lines := splitPhys(src)
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		text := string(src[l.start:l.end])
		m := dockerInstruction.FindStringSubmatchIndex(text)
		if m == nil {
			continue
		}
		var logical []physLine
		for j := i; j < len(lines); j++ {
			t := strings.TrimLeft(string(src[lines[j].start:lines[j].end]), " \t")
			if j > i && strings.HasPrefix(t, "#") {
				continue
			}
			logical = append(logical, lines[j])
			if !joined(src, lines[j]) {
				i = j
				break
			}
			i = j
		}
		args := l.start + m[1]
		switch strings.ToUpper(text[m[2]:m[3]]) {
		case "RUN":
			for args < l.end && bytes.HasPrefix(src[args:l.end], []byte("--")) {
				sp := bytes.IndexAny(src[args:l.end], " \t")
				if sp < 0 {
					args = l.end
					break
				}
				args += sp
				for args < l.end && (src[args] == ' ' || src[args] == '\t') {
					args++
				}
			}
			if args < l.end && src[args] == '[' {
				continue // the exec form runs no shell
			}
			delim := heredocDelimiter(src[args:l.end])
			// RUN <<EOF runs the here-document as the script; RUN cmd <<EOF
			// gives it to cmd.
			script := delim != "" && bytes.HasPrefix(src[args:l.end], []byte("<<"))
			if !script {
				logical[0].start = args
				for _, pl := range logical {
					d.keep(pl.start, pl.end)
					d.insert("\n")
				}
			}
			for delim != "" && i+1 < len(lines) {
				i++
				pl := lines[i]
				end := strings.TrimLeft(string(src[pl.start:pl.end]), "\t") == delim
				if !end || !script {
					d.keep(pl.start, pl.end)
					d.insert("\n")
				}
				if end {
					break
				}
			}
		case "ENV", "ARG":
			if len(logical) > 1 {
				continue
			}
			rest := text[m[1]:]
			if name, value, ok := strings.Cut(rest, " "); ok && !strings.Contains(name, "=") && shellName.MatchString(name) {
				// ENV NAME value, the legacy form: the rest of the line.
				value = strings.TrimSpace(value)
				if value == "" || strings.ContainsAny(value, "\"\\`") {
					continue
				}
				vstart := l.start + m[1] + len(name) + strings.Index(rest[len(name):], value)
				d.keep(l.start+m[1], l.start+m[1]+len(name))
				d.insert("=\"")
				d.keep(vstart, vstart+len(value))
				d.insert("\"\n")
				continue
			}
			d.keep(args, l.end) // NAME=value ..., quoted as the shell quotes
			d.insert("\n")
		}
	}
	return d
}

// heredocDelimiter is the word a RUN's here-document ends with, or "".
func heredocDelimiter(args []byte) string {
	_, after, ok := bytes.Cut(args, []byte("<<"))
	if !ok {
		return ""
	}
	w := strings.TrimLeft(string(after), "-~")
	w, _, _ = strings.Cut(w, " ")
	return strings.Trim(w, `"'`)
}
