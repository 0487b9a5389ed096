package extract

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/tokenlint/tokenlint/rules"
)

// The Markdown front end: fenced code blocks tagged with a language
// tokenlint reads are linted as that format, with positions mapped back to
// the Markdown file. READMEs are where token requests get copied from.
// Untagged fences and indented code blocks are read when their content is a
// request (a curl command, an HTTP request line, a KEY=value block naming
// token settings); blocks of other languages (text, output) are not read.

var markdownFormat = &Format{
	Name:     "markdown",
	match:    func(n fileName, _ []byte) bool { return n.ext == ".md" || n.ext == ".markdown" },
	Extract:  extractMarkdown,
	extract:  extractMarkdownIn,
	Comments: []string{"<!--"},
}

// fenceFormats maps a fence's language to the format that reads it.
var fenceFormats = map[string]string{
	"sh": "shell", "bash": "shell", "shell": "shell", "zsh": "shell", "curl": "shell",
	"console": "shell", "shell-session": "shell", "shellsession": "shell",
	"http": "http", "rest": "http",
	"env": "env", "dotenv": "env",
	"yaml": "yaml", "yml": "yaml", "json": "json", "toml": "toml",
	"terraform": "terraform", "hcl": "terraform", "tf": "terraform",
	"makefile": "makefile", "make": "makefile", "just": "justfile", "justfile": "justfile", "dockerfile": "dockerfile",
}

// sessionLangs are transcripts: only lines after a "$ " prompt (and their
// continuations) are commands; the rest is output.
var sessionLangs = map[string]bool{"console": true, "shell-session": true, "shellsession": true}

func extractMarkdown(file string, src []byte) (*rules.Unit, error) {
	return extractMarkdownIn(file, src, newExpansion(len(src)))
}

// extractMarkdownIn is extractMarkdown drawing on the expansion budget x,
// which the fences share.
func extractMarkdownIn(file string, src []byte, x *expansion) (*rules.Unit, error) {
	u := &rules.Unit{Name: file}
	for _, f := range scanFences(src) {
		name := fenceFormats[f.lang]
		if f.lang == "" {
			// Untagged and indented blocks are read when what they hold is
			// a request: much of what READMEs show is output or prose.
			name = sniffBlock(f)
		}
		format := ByName(name)
		if format == nil || !fenceGates[name].admits(f.text) {
			continue
		}
		if name == "yaml" || name == "json" {
			// A YAML or JSON block may be an OpenAPI document or a Postman
			// collection: let the formats that claim content decide.
			text, _ := f.join(allLines)
			if d := Detect("block."+name, text[:min(len(text), DetectHead)]); d != nil {
				format = d
			}
		}
		keep := allLines
		if name == "shell" && (sessionLangs[f.lang] || f.hasPrompt()) {
			keep = sessionLines()
		}
		text, m := f.join(keep)
		// A README's snippet is often partial ("..."); a block that does
		// not parse is not the file's error.
		embedText(format, file, text, m, u, x, nil, nil)
	}
	return u, nil
}

// fenceGates are the gates (gate.go) of the fence formats whose front
// ends cost most per block and report no error of their own: a README's
// "npm install" block is not parsed. (Terraform's front end gates every
// text itself.) A skipped block spends nothing of the file's expansion
// budget, which leaves more for the others; that differs only in a file
// past it.
var fenceGates = map[string]*gate{"shell": shellGate}

// text is the lines of f, for a gate: words do not span lines, so they
// are tested one by one, without joining them.
func (f fence) text(yield func([]byte) bool) {
	for _, l := range f.lines {
		if !yield(l.text) {
			return
		}
	}
}

// A fence is one fenced code block, or an indented code block (lang "").
type fence struct {
	lang  string      // first word of the info string, lower-case
	lines []fenceLine // content lines, container prefixes and indentation removed
	// indented: a CommonMark indented code block, not a fence.
	indented bool
}

// A fenceLine is one content line: its text and where it starts in the file.
type fenceLine struct {
	text    []byte // without the line break
	off     int
	newline bool // followed by a lone "\n" in the file
}

func allLines(fenceLine) (int, bool) { return 0, true }

// sessionLines keeps commands after a "$ " prompt, without the prompt, and
// the lines a trailing backslash continues; output lines are dropped.
func sessionLines() func(fenceLine) (int, bool) {
	continued := false
	return func(l fenceLine) (int, bool) {
		keep, skip := continued, 0
		if !continued {
			t := bytes.TrimLeft(l.text, " \t")
			if bytes.HasPrefix(t, []byte("$ ")) {
				keep, skip = true, len(l.text)-len(t)+2
			}
		}
		continued = keep && bytes.HasSuffix(bytes.TrimRight(l.text, " \t\r"), []byte(`\`))
		return skip, keep
	}
}

// hasPrompt reports whether a shell block shows prompts ("$ curl ..."):
// then it is a transcript, whatever its tag.
func (f fence) hasPrompt() bool {
	for _, l := range f.lines {
		if bytes.HasPrefix(bytes.TrimLeft(l.text, " \t"), []byte("$ ")) {
			return true
		}
	}
	return false
}

// join builds the text of the lines keep selects (minus the prefix it
// names) and the map from that text to the file.
func (f fence) join(keep func(fenceLine) (int, bool)) ([]byte, OffsetMap) {
	var text []byte
	var m OffsetMap
	for _, l := range f.lines {
		skip, ok := keep(l)
		if !ok {
			continue
		}
		body := l.text[skip:]
		n := len(body)
		if l.newline {
			n++ // the "\n" is the file's own
		}
		m.Add(len(text), l.off+skip, n)
		text = append(text, body...)
		text = append(text, '\n')
	}
	return text, m
}

// An openFence is a fence being read.
type openFence struct {
	fence
	char   byte
	length int // length of the opening run
	indent int // spaces before the opening run, removed from content lines
	base   int // content indentation of the list item holding it
	quotes int // blockquote depth
	// unread: the language is one no format reads (js, text), so the
	// fence is scanned past, its lines not kept.
	unread bool
}

// scanFences finds fenced code blocks as CommonMark does: a run of at least
// three backticks or tildes indented at most three spaces (relative to the
// list item it is in), closed by a run of the same character at least as
// long, or by the end of its container. Blockquotes and list items are
// followed; HTML comments are skipped. It finds indented code blocks too:
// lines indented four columns past their container that do not continue a
// paragraph. A fence of a language no format reads is not returned.
func scanFences(src []byte) []fence {
	var out []fence
	var cur *openFence
	var code *openFence // an indented code block being read
	var blanks []fenceLine
	para := false   // the last line was paragraph text, which an indented line continues
	var lists []int // content indentation of the open list items
	inComment := false
	emit := func(f *openFence) {
		if !f.unread {
			out = append(out, f.fence)
		}
	}
	endCode := func() {
		if code != nil {
			out = append(out, code.fence)
			code, blanks = nil, nil
		}
	}
	for off := 0; off < len(src); {
		end := len(src)
		if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
			end = off + i
		}
		next := min(end+1, len(src))
		line := src[off:end]
		newline := end < len(src) && !bytes.HasSuffix(line, []byte("\r"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		lineOff := off
		off = next

		if cur != nil {
			body, bodyOff, depth := stripQuotes(line, lineOff, cur.quotes)
			ind := indentOf(body)
			blank := len(bytes.TrimSpace(body)) == 0
			if depth == cur.quotes && (blank || ind >= cur.base) {
				if ind-cur.base <= 3 && isClosingFence(body[min(ind, len(body)):], cur.char, cur.length) {
					emit(cur)
					cur = nil
					para = false
					continue
				}
				if !cur.unread {
					strip := stripIndent(body, cur.base+cur.indent)
					cur.lines = append(cur.lines, fenceLine{text: body[strip:], off: bodyOff + strip, newline: newline})
				}
				continue
			}
			// The container ended, and the fence with it.
			emit(cur)
			cur = nil
		}

		if inComment {
			inComment = !bytes.Contains(line, []byte("-->"))
			continue
		}
		body, bodyOff, depth := stripQuotes(line, lineOff, 1<<30)
		if code != nil {
			switch {
			case len(bytes.TrimSpace(body)) == 0:
				blanks = append(blanks, fenceLine{off: bodyOff, newline: newline})
				continue
			case depth == code.quotes && indentOf(body) >= code.base+4:
				code.lines = append(code.lines, blanks...)
				blanks = nil
				strip := stripIndent(body, code.base+4)
				code.lines = append(code.lines, fenceLine{text: body[strip:], off: bodyOff + strip, newline: newline})
				continue
			}
			endCode()
		}
		if len(bytes.TrimSpace(body)) == 0 {
			para = false
			continue
		}
		ind := indentOf(body)
		for len(lists) > 0 && ind < lists[len(lists)-1] {
			lists = lists[:len(lists)-1]
		}
		base := 0
		if len(lists) > 0 {
			base = lists[len(lists)-1]
		}
		if ind-base > 3 {
			if !para {
				strip := stripIndent(body, base+4)
				code = &openFence{fence: fence{indented: true}, base: base, quotes: depth}
				code.lines = append(code.lines, fenceLine{text: body[strip:], off: bodyOff + strip, newline: newline})
			}
			continue // or a paragraph's continuation
		}
		// ind counts columns (a tab reaches the next multiple of 4); the
		// bytes to cut are those of the indentation itself.
		lead := stripIndent(body, ind)
		rest := body[lead:]
		if bytes.HasPrefix(rest, []byte("<!--")) {
			inComment = !bytes.Contains(rest[4:], []byte("-->"))
			para = false
			continue
		}
		if w := listMarker(rest); w > 0 {
			base = ind + w
			lists = append(lists, base)
			rest = body[min(lead+w, len(body)):]
			ind = base
		}
		if f := openingFence(rest); f != nil {
			f.indent = ind - base
			f.base = base
			f.quotes = depth
			f.unread = f.lang != "" && fenceFormats[f.lang] == ""
			cur = f
			para = false
			continue
		}
		// A heading or a thematic break is no paragraph: an indented line
		// after it starts code.
		para = !bytes.HasPrefix(rest, []byte("#")) && !isThematicBreak(rest)
	}
	endCode()
	if cur != nil {
		emit(cur)
	}
	return out
}

// isThematicBreak reports whether b is a line of three or more "-", "*" or
// "_" (with blanks between).
func isThematicBreak(b []byte) bool {
	t := bytes.TrimSpace(b)
	if len(t) == 0 || (t[0] != '-' && t[0] != '*' && t[0] != '_') {
		return false
	}
	n := 0
	for _, c := range t {
		switch {
		case c == t[0]:
			n++
		case c != ' ' && c != '\t':
			return false
		}
	}
	return n >= 3
}

// stripQuotes removes up to max blockquote markers ("> ") from a line and
// returns the rest, its file offset and the number removed.
func stripQuotes(line []byte, off, max int) ([]byte, int, int) {
	depth := 0
	for depth < max {
		i := 0
		for i < len(line) && i < 3 && line[i] == ' ' {
			i++
		}
		if i >= len(line) || line[i] != '>' {
			break
		}
		i++
		if i < len(line) && line[i] == ' ' {
			i++
		}
		line, off, depth = line[i:], off+i, depth+1
	}
	return line, off, depth
}

// indentOf counts leading indentation in columns (a tab reaches the next
// multiple of four).
func indentOf(b []byte) int {
	n := 0
	for _, c := range b {
		switch c {
		case ' ':
			n++
		case '\t':
			n += 4 - n%4
		default:
			return n
		}
	}
	return n
}

// stripIndent is the number of leading bytes to drop to remove up to cols
// columns of indentation.
func stripIndent(b []byte, cols int) int {
	n, i := 0, 0
	for i < len(b) && n < cols && (b[i] == ' ' || b[i] == '\t') {
		if b[i] == '\t' {
			n += 4 - n%4
		} else {
			n++
		}
		i++
	}
	return i
}

// listMarker is the width of a list item marker and the spaces after it at
// the start of b ("- ", "1. "), or 0.
func listMarker(b []byte) int {
	i := 0
	switch {
	case len(b) > 0 && (b[0] == '-' || b[0] == '*' || b[0] == '+'):
		i = 1
	default:
		for i < len(b) && i < 9 && '0' <= b[i] && b[i] <= '9' {
			i++
		}
		if i == 0 || i >= len(b) || (b[i] != '.' && b[i] != ')') {
			return 0
		}
		i++
	}
	if i == len(b) {
		return i + 1 // an empty item: content starts one column after
	}
	sp := 0
	for i+sp < len(b) && b[i+sp] == ' ' {
		sp++
	}
	switch {
	case sp == 0:
		return 0
	case sp > 4:
		return i + 1 // indented code inside the item
	}
	return i + sp
}

// openingFence reads an opening code fence at the start of b.
func openingFence(b []byte) *openFence {
	if len(b) < 3 || (b[0] != '`' && b[0] != '~') {
		return nil
	}
	c := b[0]
	n := 0
	for n < len(b) && b[n] == c {
		n++
	}
	if n < 3 {
		return nil
	}
	info := strings.TrimSpace(string(b[n:]))
	if c == '`' && strings.Contains(info, "`") {
		return nil // inline code, not a fence
	}
	lang := info
	if i := strings.IndexAny(lang, " \t{,"); i >= 0 {
		lang = lang[:i]
	}
	return &openFence{fence: fence{lang: strings.ToLower(lang)}, char: c, length: n}
}

// isClosingFence reports whether b is a closing fence for an opening run
// of n characters c.
func isClosingFence(b []byte, c byte, n int) bool {
	k := 0
	for k < len(b) && b[k] == c {
		k++
	}
	return k >= n && len(bytes.TrimSpace(b[k:])) == 0
}

// requestLine matches an HTTP request line as .http files and API docs
// write it: a method, then an absolute URL or a path.
var requestLine = regexp.MustCompile(`^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) +(https?://|/|\{\{)\S*( +HTTP/[0-9.]+)?$`)

// envLine matches a KEY=value line of an env block.
var envLine = regexp.MustCompile(`^(export +)?[A-Za-z_][A-Za-z0-9_.]*=`)

// sniffBlock names the format of an untagged or indented code block from
// its content, or "" when it holds no request: a curl command is shell, an
// HTTP request line first is http, and a block of KEY=value lines of
// which one names a token setting is env.
func sniffBlock(f fence) string {
	first := true
	env, settings := true, false
	for _, l := range f.lines {
		t := strings.TrimSpace(string(l.text))
		if t == "" {
			continue
		}
		t = strings.TrimPrefix(t, "$ ")
		if first && requestLine.MatchString(t) {
			return "http"
		}
		first = false
		if word, _, _ := strings.Cut(strings.TrimPrefix(t, "sudo "), " "); isCurlName(word) {
			return "shell"
		}
		switch {
		case strings.HasPrefix(t, "#"):
		case envLine.MatchString(t):
			key, _, _ := strings.Cut(strings.TrimPrefix(t, "export "), "=")
			settings = settings || classifyKey(strings.TrimSpace(key)) != keyOther
		default:
			env = false
		}
	}
	if env && settings {
		return "env"
	}
	return ""
}
