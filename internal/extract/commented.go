package extract

import (
	"bytes"
	"regexp"

	"github.com/tokenlint/tokenlint/rules"
)

// A secret in a commented-out line is still committed. The shell, .env,
// YAML and .http front ends read their commented-out code (a curl command,
// an assignment, a key: value line, a request) as code of their own
// format, marked Commented: only hardcoded-secret judges it, since a
// request nobody sends has no other mistake that matters.

// commentedCode is what one format calls code after a comment marker.
type commentedCode struct {
	markers []string
	// code reports whether the first line of a comment block, its marker
	// removed, starts code of the format.
	code func(line []byte) bool
}

var (
	shellAssign  = regexp.MustCompile(`^(export +)?[A-Za-z_][A-Za-z0-9_]*=\S`)
	yamlKeyValue = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*\s*:\s+\S`)
	httpCode     = regexp.MustCompile(`^((GET|POST|PUT|PATCH|DELETE) +\S|@[A-Za-z_][A-Za-z0-9_.-]*\s*=|[A-Za-z-]+:\s*\S|[A-Za-z_]+=[^&\s]*&)`)

	shellCommented = commentedCode{markers: []string{"#"}, code: func(l []byte) bool {
		return bytes.HasPrefix(l, []byte("curl ")) || shellAssign.Match(l)
	}}
	envCommented  = commentedCode{markers: []string{"#"}, code: shellAssign.Match}
	yamlCommented = commentedCode{markers: []string{"#"}, code: yamlKeyValue.Match}
	httpCommented = commentedCode{markers: []string{"#", "//"}, code: httpCode.Match}
)

// addCommented reads the commented-out code of src with extract (the
// format's own reader, which must not read comments again) and adds what
// it finds to u, marked Commented. Blocks are runs of comment lines; a
// block that does not read as a whole is read line by line.
func addCommented(u *rules.Unit, file string, src []byte, cc commentedCode, extract func(file string, src []byte) (*rules.Unit, error)) {
	if u == nil {
		return
	}
	var block []fenceLine
	flush := func() {
		if len(block) > 0 && cc.code(block[0].text) {
			readCommented(u, file, block, extract)
		}
		block = block[:0]
	}
	for off := 0; off < len(src); {
		end := len(src)
		if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
			end = off + i
		}
		line := bytes.TrimSuffix(src[off:end], []byte("\r"))
		lineOff := off
		off = end + 1
		t := bytes.TrimLeft(line, " \t")
		marker := ""
		for _, m := range cc.markers {
			if bytes.HasPrefix(t, []byte(m)) {
				marker = m
				break
			}
		}
		if marker == "" || lineOff == 0 && bytes.HasPrefix(t, []byte("#!")) {
			flush()
			continue
		}
		body := t[len(marker):]
		body = bytes.TrimPrefix(body, []byte(" "))
		if bytes.HasPrefix(body, []byte(marker)) || len(bytes.TrimSpace(body)) == 0 {
			flush() // ## a heading, or an empty comment line, ends a block
			continue
		}
		start := lineOff + len(line) - len(body)
		block = append(block, fenceLine{text: body, off: start, newline: end < len(src) && !bytes.HasSuffix(src[lineOff:end], []byte("\r"))})
	}
	flush()
}

// readCommented extracts one block of commented-out lines.
func readCommented(u *rules.Unit, file string, block []fenceLine, extract func(file string, src []byte) (*rules.Unit, error)) {
	f := fence{lines: block}
	text, m := f.join(allLines)
	sub, err := extract(file, text)
	if err != nil || sub == nil {
		if len(block) == 1 {
			return
		}
		for i := range block {
			readCommented(u, file, block[i:i+1], extract)
		}
		return
	}
	m.Remap(sub, file)
	for _, r := range sub.Requests {
		r.Commented = true
	}
	for i := range sub.Settings {
		sub.Settings[i].Commented = true
	}
	u.Requests = append(u.Requests, sub.Requests...)
	u.Settings = append(u.Settings, sub.Settings...)
	u.Secrets = append(u.Secrets, sub.Secrets...)
}
