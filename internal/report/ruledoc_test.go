package report_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tokenlint/tokenlint/internal/report"
)

const repoRoot = "../.."

// TestGeneratedDocsAreCurrent: docs/rules/<id>.md, which every SARIF
// helpUri names, its index and the README's rules table are what
// `go generate ./internal/report` writes from the rules' documentation
// today, and no page is left for a rule that is gone.
func TestGeneratedDocsAreCurrent(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := report.DocFiles(string(readme))
	if err != nil {
		t.Fatal(err)
	}
	have, _ := filepath.Glob(filepath.Join(repoRoot, report.RuleDocsDir, "*.md"))
	for _, p := range have {
		if _, ok := want[report.RuleDocsDir+"/"+filepath.Base(p)]; !ok {
			t.Errorf("%s documents no rule; run go generate ./internal/report", p)
		}
	}
	for name, body := range want {
		got, err := os.ReadFile(filepath.Join(repoRoot, filepath.FromSlash(name)))
		if err != nil || string(got) != body {
			t.Errorf("%s is not what the rules' documentation generates; run go generate ./internal/report", name)
		}
	}
}
