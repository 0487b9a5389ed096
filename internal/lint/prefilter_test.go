package lint

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPrefilterKeepsEveryBadFixture: the prefilter may drop a file only if
// no rule could flag it, so every fixture that gives a finding passes it.
func TestPrefilterKeepsEveryBadFixture(t *testing.T) {
	n := 0
	filepath.WalkDir(filepath.Join("..", "..", "testdata"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".golden") {
			return err
		}
		slash := filepath.ToSlash(p)
		if !strings.Contains(slash, "/bad/") && !strings.Contains(slash, "/examples/bad/") {
			return nil
		}
		if strings.HasSuffix(slash, "/.vscode/settings.json") || strings.HasPrefix(d.Name(), "http-client.") {
			return nil // read beside an .http file, not linted alone
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		if !Prefilter(data) {
			t.Errorf("prefilter drops %s", slash)
		}
		return nil
	})
	if n == 0 {
		t.Fatal("no bad fixtures found")
	}
}

func TestPrefilterCaseAndMisses(t *testing.T) {
	for _, in := range []string{"TOKEN_URL=x", "Grant_Type", "x oAuTh y", "auth: inherit"} {
		if !Prefilter([]byte(in)) {
			t.Errorf("Prefilter(%q) = false", in)
		}
	}
	for _, in := range []string{"", "replicas: 3\nimage: nginx\n", "tok en"} {
		if Prefilter([]byte(in)) {
			t.Errorf("Prefilter(%q) = true", in)
		}
	}
}

func BenchmarkPrefilterMiss(b *testing.B) {
	line := []byte("replicas: 3 image: nginx-alpine selector: app=web port: 8080 timeout: 30s\n")
	var src []byte
	for len(src) < 1<<20 {
		src = append(src, line...)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if Prefilter(src) {
			b.Fatal("no keyword in this text")
		}
	}
}
