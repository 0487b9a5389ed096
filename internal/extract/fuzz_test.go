package extract

import (
	"bytes"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/fixtures"

	"github.com/tokenlint/tokenlint/rules"
)

// fuzzNames are the file names FuzzFrontEnds hands each front end: a name
// can change how a format reads (a GitHub workflow or a GitLab pipeline,
// Insomnia's JSON or YAML form). The input's first byte picks an entry, so
// the order is part of the committed corpus: append, never reorder.
var fuzzNames = []struct{ format, name string }{
	{"postman", "c.postman_collection.json"},
	{"postman-environment", "e.postman_environment.json"},
	{"insomnia", "insomnia.json"},
	{"insomnia", "insomnia.yaml"},
	{"bruno", "token.bru"},
	{"http", "token.http"},
	{"env", ".env"},
	{"shell", "token.sh"},
	{"markdown", "README.md"},
	{"workflow", ".github/workflows/ci.yml"},
	{"workflow", ".gitlab-ci.yml"},
	{"openapi", "openapi.yaml"},
	{"terraform", "main.tf"},
	{"toml", "config.toml"},
	{"json", "config.json"},
	{"yaml", "config.yaml"},
	{"makefile", "Makefile"},
	{"justfile", "justfile"},
	{"dockerfile", "Dockerfile"},
	{"notebook", "token.ipynb"},
}

// Every registered front end is fuzzed: a new format fails here until it
// has an entry in fuzzNames.
func TestFuzzNamesCoverEveryFormat(t *testing.T) {
	named := map[string]bool{}
	for _, n := range fuzzNames {
		if ByName(n.format) == nil {
			t.Errorf("fuzzNames: no format %q", n.format)
		}
		named[n.format] = true
	}
	for _, f := range Formats() {
		if !named[f.Name] {
			t.Errorf("format %q is not fuzzed: add it to fuzzNames", f.Name)
		}
	}
}

// fixtureSeeds are the fixtures under testdata/rules and testdata/examples,
// each with the fuzzNames entry of the format that claims it.
func fixtureSeeds(tb testing.TB) (kinds []byte, srcs [][]byte) {
	fixtures.Each(tb, func(p string, src []byte) {
		f := Detect(filepath.ToSlash(p), src[:min(len(src), 4096)])
		if f == nil {
			return
		}
		kind := -1
		for i, n := range fuzzNames {
			if n.format == f.Name && (kind < 0 || ext(n.name) == ext(p)) {
				kind = i
			}
		}
		if kind >= 0 {
			kinds, srcs = append(kinds, byte(kind)), append(srcs, src)
		}
	})
	return kinds, srcs
}

// checkUnit asserts the front-end contract on one result: an error is a
// one-line *Error at a line of the file; every span lies inside the file and
// every verbatim segment is the file's own text.
func checkUnit(t *testing.T, src []byte, u *rules.Unit, err error) {
	t.Helper()
	if err != nil {
		var e *Error
		switch {
		case !errors.As(err, &e):
			t.Fatalf("error %T is not *Error: %v", err, err)
		case e.Line < 0 || e.Line > bytes.Count(src, []byte("\n"))+1:
			t.Fatalf("error at line %d of a %d-line file: %v", e.Line, bytes.Count(src, []byte("\n"))+1, err)
		case strings.ContainsAny(err.Error(), "\r\n"):
			t.Fatalf("error message is not one line: %q", err.Error())
		}
		if w := secretLikeWord(e.Msg, src); w != "" {
			t.Fatalf("error message quotes the file's text %q: %q", w, e.Msg)
		}
		return
	}
	if u == nil {
		return
	}
	if bad := verbatimMismatch(string(src), u); bad != "" {
		t.Fatal(bad)
	}
	u.Spans(func(s *rules.Span) {
		if s.Start < 0 || s.Start > s.End || s.End > len(src) {
			t.Fatalf("span %+v (request position, TLS setting or secret) outside a %d-byte file", *s, len(src))
		}
	})
	for _, f := range rules.Run(u, nil) {
		if f.Span.Start < 0 || f.Span.Start > f.Span.End || f.Span.End > len(src) {
			t.Fatalf("%s finding span %+v outside a %d-byte file", f.Rule, f.Span, len(src))
		}
	}
	for _, s := range rules.SecretSpans(u, nil) {
		if s.Start < 0 || s.Start > s.End || s.End > len(src) {
			t.Fatalf("secret span %+v outside a %d-byte file", s, len(src))
		}
	}
}

// secretLikeWord is a word of msg that looks like a secret and is in src:
// 8 or more letters, digits and _+/=- with an upper-case letter, a
// lower-case letter and a digit. Neither our messages nor a parser's own
// words look like that, so one in an error is the file's text.
func secretLikeWord(msg string, src []byte) string {
	inWord := func(c byte) bool {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("_+/=-", c) >= 0
	}
	for i := 0; i < len(msg); {
		j := i
		for j < len(msg) && inWord(msg[j]) {
			j++
		}
		if w := msg[i:j]; len(w) >= 8 && strings.ContainsAny(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") &&
			strings.ContainsAny(w, "abcdefghijklmnopqrstuvwxyz") && strings.ContainsAny(w, "0123456789") && bytes.Contains(src, []byte(w)) {
			return w
		}
		i = j + 1
	}
	return ""
}

// errorSeeds are malformed files whose parser quotes or echoes a
// secret-looking word, for FuzzFrontEnds to start from.
var errorSeeds = []struct{ format, src string }{
	{"yaml", "token_url: https://login.mypurecloud.com/oauth/token\nsecret: *Kx7Qw9Zp3Lm2Rt\n"},
	{"toml", "token_url = \"https://login.mypurecloud.com/oauth/token\"\n[tbl]\nKx7Qw9Zp3Lm2Rt = 1\nKx7Qw9Zp3Lm2Rt = 2\n"},
	{"bruno", "meta {\n  name: token\n}\n\npost {\n  url: https://login.mypurecloud.com/oauth/token\n  Kx7Qw9Zp3Lm2Rt\tx\n}\n"},
	{"shell", "curl -X POST https://login.mypurecloud.com/oauth/token <<Kx7Qw9Zp3Lm2Rt\nx\n"},
	{"terraform", "locals {\n  token_url = \"https://login.mypurecloud.com/oauth/token\"\n  Kx7Qw9Zp3Lm2Rt {{\n}\n"},
	{"json", "{\"token_url\": \"https://login.mypurecloud.com/oauth/token\", \"x\": Kx7Qw9Zp3Lm2Rt}\n"},
}

// FuzzFrontEnds feeds arbitrary bytes to every registered front end (the
// first byte picks one from fuzzNames), seeded with every fixture and
// errorSeeds: no panic, errors are *Error and quote no secret-looking word
// of the file, and every span lies inside the file.
func FuzzFrontEnds(f *testing.F) {
	kinds, srcs := fixtureSeeds(f)
	for i := range kinds {
		f.Add(kinds[i], srcs[i])
	}
	for _, s := range errorSeeds {
		k := slices.IndexFunc(fuzzNames, func(n struct{ format, name string }) bool { return n.format == s.format })
		f.Add(byte(k), []byte(s.src))
	}
	f.Fuzz(func(t *testing.T, kind byte, src []byte) {
		n := fuzzNames[int(kind)%len(fuzzNames)]
		u, err := ByName(n.format).Extract(n.name, src)
		checkUnit(t, src, u, err)
	})
}
