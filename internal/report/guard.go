package report

import (
	"bytes"
	"io"
	"unicode"
)

// A Guard passes a format's output on with every workflow command that a
// CI runner would read in it made inert. The GitHub Actions runner reads
// commands in every line a step prints, on stdout and on stderr, in two
// syntaxes (actions/runner, src/Runner.Common/ActionCommand.cs):
//   - "::name props::data" at the start of a line, after any white space
//     (it trims Unicode white space, so also U+00A0 or U+3000);
//   - the legacy "##[name props]data" anywhere in a line.
//
// Lines end at LF or CR, as the runner reads them. A scanned file's name,
// text or message (a JSON "\n" escape, a shell comment "##[add-mask]x")
// can thus reach a line of any format; its ':' or '[' is written in the
// format's own escape, which reads back as the same text where the format
// is decoded (JSON \u005b, XML &#91;) and shows what it is in text (\x5b).
type Guard struct {
	w     io.Writer
	style guardStyle
	line  []byte // written, up to the end of its line
}

// A guardStyle is how a format writes the characters that break a command.
type guardStyle struct {
	bracket, colon string // "##[" and a line's first ':' of "::"
	// commands: the format's lines are workflow commands of its own
	// (github), each already escaped; only "##[" is changed in them.
	commands bool
}

var (
	textGuard   = guardStyle{bracket: `##\x5b`, colon: `\x3a`}
	jsonGuard   = guardStyle{bracket: `##\u005b`, colon: `\u003a`}
	xmlGuard    = guardStyle{bracket: "##&#91;", colon: "&#58;"}
	githubGuard = guardStyle{bracket: "##%5B", commands: true}
)

// GuardText guards human-readable output (stderr, -diff) as text output is.
func GuardText(w io.Writer) *Guard { return &Guard{w: w, style: textGuard} }

// Write passes on every complete line of p; the rest waits for its end or
// Flush.
func (g *Guard) Write(p []byte) (int, error) {
	g.line = append(g.line, p...)
	end := bytes.LastIndexAny(g.line, "\r\n")
	if end < 0 {
		return len(p), nil
	}
	if err := g.emit(g.line[:end+1]); err != nil {
		return 0, err
	}
	g.line = append(g.line[:0], g.line[end+1:]...)
	return len(p), nil
}

// Flush passes on a last line without its end.
func (g *Guard) Flush() error {
	err := g.emit(g.line)
	g.line = g.line[:0]
	return err
}

// emit writes lines, each guarded, with their ends as they were.
func (g *Guard) emit(text []byte) error {
	var out bytes.Buffer
	for len(text) > 0 {
		n := bytes.IndexAny(text, "\r\n")
		if n < 0 {
			n = len(text)
		}
		g.guardLine(&out, text[:n])
		if n < len(text) {
			out.WriteByte(text[n])
			n++
		}
		text = text[n:]
	}
	_, err := g.w.Write(out.Bytes())
	return err
}

func (g *Guard) guardLine(out *bytes.Buffer, line []byte) {
	if !g.style.commands {
		if rest := bytes.TrimLeftFunc(line, unicode.IsSpace); bytes.HasPrefix(rest, []byte("::")) {
			at := len(line) - len(rest)
			out.Write(line[:at])
			out.WriteString(g.style.colon)
			line = line[at+1:]
		}
	}
	for {
		i := bytes.Index(line, []byte("##["))
		if i < 0 {
			out.Write(line)
			return
		}
		out.Write(line[:i])
		out.WriteString(g.style.bracket)
		line = line[i+3:]
	}
}
