package lint_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/lint"
)

// canaryTail is the part of every canary secret in testdata/canary that
// must never be printed: outputs may show the first two characters of a
// secret ("CA"), never more.
const canaryTail = "NARY"

// TestCanarySecretsNeverPrinted lints files seeded with canary secrets, on
// the same lines as findings, and checks every output format, the error
// lines, a baseline and the -diff. The files put secrets where no rule
// looks: URL userinfo, a -u or Authorization that a later one overrides,
// Proxy-Authorization, Cookie and X-Api-Key style headers, --user=, a
// second copy on the line and elsewhere in the file, a minified Postman
// collection, and a parse error that quotes the file.
func TestCanarySecretsNeverPrinted(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	entries, err := os.ReadDir(filepath.Join("testdata", "canary"))
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, e := range entries {
		p := filepath.Join("testdata", "canary", e.Name())
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte("CA"+canaryTail)) {
			t.Errorf("%s holds no canary secret", p)
		}
		paths = append(paths, p)
	}
	if len(paths) == 0 {
		t.Fatal("no canary files")
	}
	keep, fixable := keptSources()
	res := lint.Run(paths, lint.Options{KeepSource: keep})
	if len(res.Findings) < len(paths) {
		t.Errorf("%d findings over %d canary files: each file should give findings next to its secrets", len(res.Findings), len(paths))
	}
	if len(res.Errors) == 0 {
		t.Error("no parse error: the canary in heredoc-error.sh's message is not checked")
	}
	outputs, files := everyOutput(t, res, fixable)
	if files == 0 {
		t.Error("no fixable canary file: the diff is not checked")
	}
	for name, buf := range outputs {
		if i := strings.Index(buf.String(), canaryTail); i >= 0 {
			lo := max(0, i-80)
			t.Errorf("%s printed a canary secret: ...%s...", name, buf.String()[lo:min(len(buf.String()), i+40)])
		}
	}
}
