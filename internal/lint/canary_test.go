package lint_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/report"
)

// canaryTail is the part of every canary secret in testdata/canary that
// must never be printed: outputs may show the first two characters of a
// secret ("CA"), never more.
const canaryTail = "NARY"

// TestCanarySecretsNeverPrinted lints files seeded with canary secrets, on
// the same lines as findings, and checks every output format.
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
	res := lint.Run(paths, lint.Options{})
	if len(res.Findings) < len(paths) {
		t.Errorf("%d findings over %d canary files: each file should give findings next to its secrets", len(res.Findings), len(paths))
	}
	for _, name := range report.Names() {
		var buf bytes.Buffer
		if err := report.Lookup(name)(&buf, res, report.Options{Color: true}); err != nil {
			t.Fatal(err)
		}
		for _, e := range res.Errors {
			buf.WriteString(e.String())
		}
		if i := strings.Index(buf.String(), canaryTail); i >= 0 {
			lo := max(0, i-80)
			t.Errorf("format %s printed a canary secret: ...%s...", name, buf.String()[lo:min(len(buf.String()), i+40)])
		}
	}
}
