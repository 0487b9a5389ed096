package extract

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// sameTree checks that jsonTree builds yaml.v3's tree of src, read as
// the collection front ends read it (jsonForYAML first), or leaves it to
// yaml.v3; it reports whether jsonTree built it.
func sameTree(t *testing.T, name string, src []byte) bool {
	t.Helper()
	if !json.Valid(src) {
		return false // jsonTree is given only valid JSON
	}
	// As the collection front ends give it (jsonForYAML first), and as
	// written, as the OpenAPI front end gives it.
	text, _ := jsonForYAML(src)
	built := agreesWithYAML(t, name, text)
	return agreesWithYAML(t, name+" (as written)", src) || built
}

// agreesWithYAML checks jsonTree's tree of text against yaml.v3's and
// reports whether jsonTree built one.
func agreesWithYAML(t *testing.T, name string, text []byte) bool {
	t.Helper()
	got, ok := jsonTree(text)
	if !ok {
		return false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		t.Errorf("%s: jsonTree built a tree where yaml.v3 says %v", name, err)
		return true
	}
	if len(doc.Content) != 1 || !reflect.DeepEqual(got, doc.Content[0]) {
		t.Errorf("%s: jsonTree's tree differs from yaml.v3's", name)
	}
	return true
}

// TestJSONNodesAsYAML: on every JSON file of the fixtures and on text
// chosen for the ways the two readers could part, jsonTree builds
// yaml.v3's tree or leaves the text to yaml.v3.
func TestJSONNodesAsYAML(t *testing.T) {
	built := 0
	err := filepath.WalkDir(filepath.Join("..", "..", "testdata"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		src, err := os.ReadFile(p)
		if err == nil && sameTree(t, p, src) {
			built++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if built < 10 {
		t.Errorf("jsonTree built %d fixtures' trees", built)
	}
	long := strings.Repeat("k", 1100)
	for _, tt := range []struct {
		src   string
		built bool
	}{
		{`{"a": [1, -2.5e3, true, null, "x\ty\u00e9", {}, []], "é": {"b": "c"},` + "\r\n" + `"d":""}`, true},
		{`{"n": 12345678901234567890123, "m": 1e999, "z": -0, "f": 0.5, "e": -1.0E+2}`, true},
		{`{"a": "x\"y\\", "b": "\b\f\n\r\t\u0000", "c": "\/", "d": "\ud83d\ude00", "e": "\ud800"}`, true},
		{"[\n  {}, []\n,\r{\"a\":\r1}]", true},
		{"{\"a\":\n1}", true},
		{"{\"a\"\n: 1}", false}, // a key's colon on the next line: yaml.v3 takes no such key
		{`{"` + long + `": 1}`, false},
		{`{"` + strings.Repeat("é", 600) + `": 1}`, false}, // 1200 bytes, 600 characters: left to yaml.v3 all the same
		{"{\"a\": \"x\u2028y\"}", false},
		{"{\"a\": \"x\u0085y\"}", false},
		{"{\"a\": \"x\x7fy\"}", false},
		{"{\"a\": \"x\uFEFFy\"}", false},
		{"{\"a\": \"\xff\"}", false},
		{`"top"`, true},
		{`[1, "2", [3]]`, true},
	} {
		if got := sameTree(t, tt.src, []byte(tt.src)); got != tt.built {
			t.Errorf("%q: built %v, want %v", tt.src, got, tt.built)
		}
	}
}

func FuzzJSONNodes(f *testing.F) {
	for _, s := range []string{`{"a": [1, -2.5e3, true, null, "x\ty\u00e9"], "b": {"c": "\ud83d\ude00"}}`, "[\r\n{\"a\":\n1}]"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) { sameTree(t, "fuzz", src) })
}
