package extract

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

// jsonBothWays extracts src with the fast path and with the token stream
// alone, for a test to compare.
func jsonBothWays(src []byte) (fast, slow *rules.Unit, fastErr, slowErr error, fell bool) {
	const file = "x.json"
	fast, fastErr = extractJSON(file, src)
	buf, err := prepareJSON(file, src)
	if err != nil {
		return fast, nil, fastErr, err, true
	}
	s := newJSONScan(file, buf, &rules.Unit{Name: file})
	fell = errors.Is(s.doc(), errSlowPath)
	slow, slowErr = extractJSONStream(file, buf)
	return fast, slow, fastErr, slowErr, fell
}

func sameJSON(t *testing.T, name string, src []byte) (fell bool) {
	t.Helper()
	if !mentionsConfigKey(src) || binaryConfig(src) || openAPIBeyondHead(src, true) {
		return false // not read by either path (an OpenAPI document goes to its reader)
	}
	fast, slow, fastErr, slowErr, fell := jsonBothWays(src)
	if (fastErr == nil) != (slowErr == nil) || fastErr != nil && fastErr.Error() != slowErr.Error() {
		t.Errorf("%s: fast path error %v, token stream %v", name, fastErr, slowErr)
	} else if !reflect.DeepEqual(fast, slow) {
		t.Errorf("%s: the fast path's unit differs from the token stream's", name)
	}
	return fell
}

// TestJSONFastPathAgrees: on every JSON file of the fixtures and on
// malformed and unusual text, the fast path builds the unit (or the
// error) the token stream builds, falling back where it must.
func TestJSONFastPathAgrees(t *testing.T) {
	n := 0
	filepath.WalkDir(filepath.Join("..", "..", "testdata"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		sameJSON(t, p, src)
		return nil
	})
	if n < 10 {
		t.Fatalf("only %d JSON fixtures", n)
	}
	for _, src := range []string{
		`{"token_url": "https://login.mypurecloud.com/oauth/token", "client_secret": "a\u0041\n", "n": [1, -2.5e+3, true, null, {"password": 0}]}`,
		`[{"name": "CLIENT_SECRET", "value": "x"}, {"name": "TOKEN_URL", "value": 3}]`,
		`{"a": {"client_id": "x"}, "a": {"client_id": "y"}}`,
		`{"client_id": "x", "client_id": "y"}`,
		`{"token": "x"} {"token": "y"} []`,
		`{"token": 01}`, `{"token": 1.}`, `{"token": -}`, `{"token": tru}`, `{"token": truex}`,
		`{"token": "a` + "\x01" + `"}`, `{"token": "\x"}`, `{"token": "\u12"}`, `{"token" "x"}`,
		`{"token": "x",}`, `{"token": "x"`, `["token"`, `"token"`, `1 {"token": 1}`,
		`{"to\u006ben_url": "https://x/oauth/token"}`, "{\"token\xff\": \"x\"}", `{"token": "x"}]`,
		`{"token": [1 2]}`, `{"token": {"a" 1}}`, `{,"token": 1}`, `{"token": 1e}`, `{"token": "` + "\xff" + `"}`,
	} {
		sameJSON(t, src, []byte(src))
	}
	if !sameJSON(t, "scalar", []byte(`"token"`)) || sameJSON(t, "plain", []byte(`{"token": 1}`)) {
		t.Error("the fast path takes what it should leave, or leaves what it should take")
	}
}

func FuzzJSONFastPath(f *testing.F) {
	for _, s := range []string{`{"token_url": "https://x/oauth/token", "a": [1, {"password": "p"}]}`, `[{"name": "SECRET", "value": "v"}]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) { sameJSON(t, "fuzz", src) })
}

// TestJSONPathsReadAsReadKey: every path the scanner follows in the JSON
// fixtures and in paths chosen for it (stems in a parent, across the dot,
// in Unicode) is read or not as readKey says.
func TestJSONPathsReadAsReadKey(t *testing.T) {
	var docs [][]byte
	filepath.WalkDir(filepath.Join("..", "..", "testdata"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") {
			if src, err := os.ReadFile(p); err == nil {
				docs = append(docs, src)
			}
		}
		return err
	})
	for _, s := range []string{
		`{"api": {"key": 1, "Key": 2, "Key": 3, "toKen_url": 4}, "client": {"secret": {"x": 1}}, "PassWord": {"a": {"b": 1}}}`,
		`{"oauth2": {"client": {"registration": {"x": {"client-id": 1, "token-uri": 2}}}}, "to": {"ken": 1}}`,
		`[{"access": {"token": {"url": 1}}}, {"a.b": {"c": 1}}, {"": {"": 1}}]`,
	} {
		docs = append(docs, []byte(s))
	}
	n := 0
	var check func(p *jsonPath)
	check = func(p *jsonPath) {
		for _, c := range p.children {
			n++
			if c.read != readKey(c.path) {
				t.Errorf("%q: read %v, readKey %v", c.path, c.read, readKey(c.path))
			}
			check(c)
		}
	}
	for _, src := range docs {
		buf, err := prepareJSON("x.json", src)
		if err != nil {
			continue
		}
		s := newJSONScan("x.json", buf, &rules.Unit{Name: "x.json"})
		s.doc()
		if s.root != nil {
			check(s.root)
		}
	}
	if n < 100 {
		t.Errorf("only %d paths checked", n)
	}
}
