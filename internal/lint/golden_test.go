package lint_test

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/report"
)

var update = flag.Bool("update", false, "rewrite the .golden files of the rule fixtures")

// fixture is one file under testdata/rules/<rule>/{bad,good}/.
type fixture struct {
	rule, kind, path string
}

// supportFile reports whether a fixture file only supports another (a
// Postman environment beside its collection, a JetBrains environment file
// or VS Code settings beside an .http file) and is not judged alone.
func supportFile(name string) bool {
	return strings.HasSuffix(name, ".golden") ||
		name == "http-client.env.json" || name == "http-client.private.env.json" || name == "settings.json" ||
		strings.HasSuffix(name, ".postman_environment.json") ||
		strings.HasSuffix(name, ".postman_globals.json") ||
		name == "README" || name == "NOTES" ||
		// what a fixture's front end reads beside it: a script's .env, a
		// Terraform module's variable values and declarations
		name == ".env" || strings.HasSuffix(name, ".tfvars") || name == "variables.tf" || name == "bruno.json"
}

func ruleFixtures(t *testing.T) []fixture {
	t.Helper()
	var out []fixture
	root := filepath.Join("testdata", "rules")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || supportFile(d.Name()) || filepath.Base(filepath.Dir(p)) == "environments" {
			return err // a Bruno collection's environments are read beside it
		}
		rel, _ := filepath.Rel(root, p)
		parts := strings.Split(filepath.ToSlash(rel), "/")
		if len(parts) < 3 || (parts[1] != "bad" && parts[1] != "good") {
			t.Errorf("%s: fixtures live in testdata/rules/<rule>/{bad,good}/", p)
			return nil
		}
		out = append(out, fixture{rule: parts[0], kind: parts[1], path: filepath.ToSlash(p)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// lintFile runs the whole pipeline on one file, as the command does.
func lintFile(t *testing.T, path string) (*lint.Result, string) {
	t.Helper()
	res := lint.Run([]string{path}, lint.Options{})
	var buf bytes.Buffer
	if err := report.Lookup("text")(&buf, res, report.Options{}); err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors {
		buf.WriteString("error: " + report.ErrorLine(e) + "\n")
	}
	return res, buf.String()
}

// TestGolden runs every rule fixture: a bad file must give at least one
// finding of its rule and match its .golden text output; a good file must
// give nothing at all.
func TestGolden(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	list := ruleFixtures(t)
	if len(list) == 0 {
		t.Fatal("no fixtures under testdata/rules")
	}
	for _, fx := range list {
		t.Run(strings.TrimPrefix(fx.path, "testdata/rules/"), func(t *testing.T) {
			res, out := lintFile(t, fx.path)
			if fx.kind == "good" {
				if len(res.Findings) > 0 || len(res.Errors) > 0 {
					t.Errorf("good fixture is not silent:\n%s", out)
				}
				return
			}
			found := false
			for _, f := range res.Findings {
				found = found || f.Rule == fx.rule
			}
			if !found {
				t.Errorf("bad fixture gives no %s finding:\n%s", fx.rule, out)
			}
			golden := fx.path + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("missing %s (run go test ./internal/lint -run Golden -update, then review it)", golden)
			}
			if string(want) != out {
				t.Errorf("output differs from %s\n--- want\n%s--- got\n%s", golden, want, out)
			}
		})
	}
}
