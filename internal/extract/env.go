package extract

import (
	"bytes"
	"strings"

	"github.com/tokenlint/tokenlint/rules"
)

// The .env front end: KEY=VALUE lines as dotenv libraries and docker read
// them (formats.md §6.5). Keys mean what the shared key table says.

var envFormat = &Format{
	Name:     "env",
	match:    matchEnv,
	Extract:  extractEnv,
	Comments: []string{"#"},
}

// notEnvExt are extensions that make ".env.<x>" a file of another format
// (.env.json, .env.js) rather than a variant of .env (.env.local).
var notEnvExt = map[string]bool{
	".js": true, ".mjs": true, ".cjs": true, ".ts": true, ".json": true, ".yml": true, ".yaml": true,
	".toml": true, ".py": true, ".go": true, ".sh": true, ".md": true, ".d.ts": true,
}

func matchEnv(n fileName, _ []byte) bool {
	b := n.base
	if b == ".env" || strings.HasSuffix(b, ".env") {
		return true
	}
	return strings.HasPrefix(b, ".env.") && !notEnvExt[ext(b)]
}

// maxPlaceholder bounds the length of a ${...} placeholder.
const maxPlaceholder = 256

type envScanner struct {
	file string
	src  []byte
	i    int
	unit *rules.Unit
	// each, when not nil, takes every assignment instead of unit.
	each func(key string, value rules.Value)
}

func extractEnv(file string, src []byte) (*rules.Unit, error) {
	u, err := extractEnvText(file, src)
	if err == nil {
		addCommented(u, file, src, envCommented, extractEnvText)
	}
	return u, err
}

// extractEnvText is extractEnv without the commented-out lines.
func extractEnvText(file string, src []byte) (*rules.Unit, error) {
	if bytes.IndexByte(src, 0) >= 0 {
		return nil, Errorf(file, 0, "binary file (NUL byte)")
	}
	s := &envScanner{file: file, src: src, unit: &rules.Unit{Name: file}}
	if err := s.scan(); err != nil {
		return nil, err
	}
	return s.unit, nil
}

// scan reads every line of the file.
func (s *envScanner) scan() error {
	if bytes.HasPrefix(s.src, utf8BOM) {
		s.i = len(utf8BOM)
	}
	for s.i < len(s.src) {
		if err := s.line(); err != nil {
			return err
		}
	}
	return nil
}

// dotenvValues are the literal values of a .env file by name; a name
// assigned twice, or a value with a variable in it, is left out.
func dotenvValues(file string, src []byte) map[string]writtenValue {
	if bytes.IndexByte(src, 0) >= 0 {
		return nil
	}
	out := map[string]writtenValue{}
	seen := map[string]bool{}
	s := &envScanner{file: file, src: src, each: func(key string, v rules.Value) {
		if seen[key] {
			delete(out, key)
			return
		}
		seen[key] = true
		if v.Known() {
			out[key] = writtenValue{text: v.Text, at: v.Span()}
		}
	}}
	if s.scan() != nil {
		return nil
	}
	return out
}

// lineAt is the 1-based line of offset off.
func (s *envScanner) lineAt(off int) int { return bytes.Count(s.src[:off], []byte{'\n'}) + 1 }

func (s *envScanner) skipBlanks() {
	for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
		s.i++
	}
}

// skipLine moves past the end of the current line.
func (s *envScanner) skipLine() {
	if n := bytes.IndexByte(s.src[s.i:], '\n'); n >= 0 {
		s.i += n + 1
	} else {
		s.i = len(s.src)
	}
}

// line reads one KEY=VALUE line (a quoted value may span lines). Lines
// that are not assignments (a bare KEY that docker passes through, stray
// text) are skipped: other tools read them without complaint.
func (s *envScanner) line() error {
	s.skipBlanks()
	if s.i < len(s.src) && s.src[s.i] == '#' {
		s.skipLine()
		return nil
	}
	if rest := s.src[s.i:]; bytes.HasPrefix(rest, []byte("export")) && len(rest) > 6 && (rest[6] == ' ' || rest[6] == '\t') {
		s.i += 6
		s.skipBlanks()
	}
	keyStart := s.i
	for s.i < len(s.src) && isEnvKeyChar(s.src[s.i]) {
		s.i++
	}
	key := string(s.src[keyStart:s.i])
	s.skipBlanks()
	if key == "" || s.i >= len(s.src) || s.src[s.i] != '=' {
		s.skipLine()
		return nil
	}
	s.i++ // =
	afterEq := s.i
	s.skipBlanks()
	var value rules.Value
	if s.i < len(s.src) {
		switch q := s.src[s.i]; q {
		case '"', '\'', '`':
			v, err := s.quoted(q)
			if err != nil {
				return err
			}
			value = v
		default:
			value = s.unquoted(afterEq)
		}
	}
	s.skipLine()
	if s.each != nil {
		s.each(key, value)
		return nil
	}
	addKeyValue(s.unit, key, rules.Lit(s.file, key, keyStart), value)
	return nil
}

func isEnvKeyChar(c byte) bool { return isNameChar(c) || c == '.' || c == '-' }

// unquoted reads a value to the end of the line; " #" starts a comment.
func (s *envScanner) unquoted(afterEq int) rules.Value {
	end := s.i
	for end < len(s.src) && s.src[end] != '\n' {
		if s.src[end] == '#' && (end == afterEq || s.src[end-1] == ' ' || s.src[end-1] == '\t') {
			break
		}
		end++
	}
	text := strings.TrimRight(string(s.src[s.i:end]), " \t\r")
	v := templatedLine(s.file, text, s.i, DollarVar)
	s.i = end
	return v
}

// quoted reads a value in quotes q, which may span lines. Single quotes and
// backquotes are literal; double quotes decode backslash escapes and
// expand $VAR and ${VAR}.
func (s *envScanner) quoted(q byte) (rules.Value, error) {
	open := s.i
	start := s.i + 1
	var parts []rules.Value
	run := start
	flush := func(to int) {
		if to > run {
			parts = append(parts, rules.Lit(s.file, string(s.src[run:to]), run))
		}
	}
	for k := start; k < len(s.src); k++ {
		c := s.src[k]
		switch {
		case c == q:
			flush(k)
			s.i = k + 1
			return rules.Concat(parts...), nil
		case q == '"' && c == '\\' && k+1 < len(s.src):
			flush(k)
			parts = append(parts, rules.Decoded(s.file, envEscape(s.src[k+1]), k, k+2))
			k++
			run = k + 1
		case q == '"' && c == '$':
			// A placeholder never runs past the closing quote, nor further
			// than any real one, so a value full of "${" stays linear.
			window := s.src[k:min(len(s.src), k+maxPlaceholder)]
			if e := bytes.IndexByte(window, q); e >= 0 {
				window = window[:e]
			}
			if n := placeholderLen(string(window), DollarVar); n > 0 {
				flush(k)
				parts = append(parts, rules.Dyn(s.file, string(s.src[k:k+n]), k, k+n))
				k += n - 1
				run = k + 1
			}
		}
	}
	return rules.Value{}, Errorf(s.file, s.lineAt(open), "unterminated %c-quoted value", q)
}

// envEscape is what a backslash escape in a double-quoted value stands for.
func envEscape(c byte) string {
	switch c {
	case 'n':
		return "\n"
	case 't':
		return "\t"
	case 'r':
		return "\r"
	case '\\', '"', '$', '`', '\'':
		return string(c)
	}
	return "\\" + string(c)
}
