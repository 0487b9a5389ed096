// Command gendocs writes the files generated from the rules'
// documentation (report.DocFiles) into the repository whose root it is
// given, and removes the pages of rules that are gone. It runs as
// `go generate ./internal/report`.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/tokenlint/tokenlint/internal/report"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gendocs REPOSITORY-ROOT")
		os.Exit(2)
	}
	if err := generate(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}

func generate(root string) error {
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		return err
	}
	files, err := report.DocFiles(string(readme))
	if err != nil {
		return err
	}
	old, _ := filepath.Glob(filepath.Join(root, report.RuleDocsDir, "*.md"))
	for _, p := range old {
		rel, _ := filepath.Rel(root, p)
		if _, ok := files[filepath.ToSlash(rel)]; !ok {
			if err := os.Remove(p); err != nil {
				return err
			}
		}
	}
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
