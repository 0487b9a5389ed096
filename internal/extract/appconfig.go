package extract

import (
	"bytes"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/tokenlint/tokenlint/internal/keyword"
	"github.com/tokenlint/tokenlint/rules"
)

// Shared by the generic application-config front ends (YAML, JSON, TOML):
// what makes a file worth parsing, the placeholders their values may hold,
// and the Value of a quoted string with escapes. The meaning of a key is
// the shared key table's (keys.go).

// configSyntax are the placeholders seen in config values: ${X} (Spring,
// docker-compose, envsubst, CloudFormation !Sub), {{ x }} (Helm, Ansible),
// ${{ x }} and {% %} (formats.md §6.5). %X% is left out: a percent-encoded
// URL (%E2%82%AC) would read as one.
const configSyntax = Mustache | DollarVar | GHAExpr | Jinja

// configKeyWords are the words every interesting key contains (the last
// words of keys.go's table); a file without any of them names nothing the
// rules read, so it is not parsed. endpoint is two words to the table
// (classifyWords joins END_POINT's), so its common spellings as two are
// here too.
var configKeyWords = []string{
	"url", "uri", "endpoint", "end_point", "end-point", "end.point", "end point",
	"host", "base", "region", "env", "client", "secret", "grant", "token",
}

var configKeys = keyword.New(configKeyWords)

// mentionsConfigKey reports whether src contains one of configKeyWords,
// ignoring case: ASCII case in one pass without a copy, and Unicode's
// (a Kelvin sign folds to k) in text that is not all ASCII.
func mentionsConfigKey(src []byte) bool {
	return configKeys.InFolded(src)
}

// skippedConfigs are generated files whose keys mean something else or
// nothing to a token request: lock files list package URLs, and tsconfig's
// baseUrl is a source directory. They are never matched, so never parsed.
var skippedConfigs = map[string]bool{
	"package-lock.json":   true,
	"npm-shrinkwrap.json": true,
	"pnpm-lock.yaml":      true,
	"tsconfig.json":       true,
	"jsconfig.json":       true,
}

// skippedConfig reports whether a file, by its lower-case base name, is
// one of skippedConfigs (or a tsconfig.<variant>.json).
func skippedConfig(b string) bool {
	return skippedConfigs[b] || strings.HasPrefix(b, "tsconfig.") && strings.HasSuffix(b, ".json")
}

// readKey reports whether the key table gives a key a meaning, so that
// defining it twice makes a config ambiguous to tokenlint.
func readKey(name string) bool {
	// A JSON or YAML walk asks this of every member's whole path, and
	// paths repeat across an array's items and a tree's files.
	if r, ok := readKeys.Load(name); ok {
		return r.(bool)
	}
	r := classifyKey(name) != keyOther || rules.IsCredentialName(name)
	if readKeysSize.Add(1) <= maxKeyKinds {
		readKeys.Store(name, r)
	}
	return r
}

// readKeys memoizes readKey, bounded as keyKinds is.
var (
	readKeys     sync.Map
	readKeysSize atomic.Int64
)

// configPath joins a nested key's path for classification
// (spring.security.oauth2.client.provider.x.token-uri).
func configPath(path []string) string { return strings.Join(path, ".") }

// lineOf is the 1-based line of byte offset off.
func lineOf(src []byte, off int) int {
	return bytes.Count(src[:max(0, min(off, len(src)))], []byte{'\n'}) + 1
}

// utf8BOM is the byte order mark some editors put at the start of a file.
var utf8BOM = []byte("\xEF\xBB\xBF")

// binaryConfig reports whether src cannot be a text config: a NUL byte
// (binary, or UTF-16 that the parsers would transcode and so shift every
// offset).
func binaryConfig(src []byte) bool { return bytes.IndexByte(src, 0) >= 0 }

// escapedValue is the Value of a quoted string whose content is src[a:b]:
// each run copied as written is verbatim, each escape is decoded and
// points at its own bytes. esc decodes the escape at the start of its
// argument and returns its text and width (0: not an escape, kept as
// written); an escape may stand for nothing (a TOML line-ending
// backslash). Placeholders of configSyntax are marked dynamic.
func escapedValue(file string, src []byte, a, b int, esc func([]byte) (string, int)) rules.Value {
	var text strings.Builder
	v := rules.Value{File: file}
	run := a // start of the pending verbatim run
	flush := func(to int) {
		if to > run {
			v.Segs = append(v.Segs, rules.Segment{Off: int32(text.Len()), Start: int32(run), End: int32(to), Verbatim: true})
			text.Write(src[run:to])
		}
	}
	for i := a; i < b; {
		if src[i] != '\\' {
			i++
			continue
		}
		s, w := esc(src[i:b])
		if w == 0 {
			i++
			continue
		}
		flush(i)
		if s != "" {
			v.Segs = append(v.Segs, rules.Segment{Off: int32(text.Len()), Start: int32(i), End: int32(i + w)})
			text.WriteString(s)
		}
		i += w
		run = i
	}
	flush(b)
	v.Text = text.String()
	if len(v.Segs) == 0 {
		v.Segs = []rules.Segment{{Start: int32(a), End: int32(a), Verbatim: true}}
	}
	return markPlaceholders(v, configSyntax)
}
