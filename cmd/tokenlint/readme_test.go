package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

var updateReadme = flag.Bool("update-readme", false, "rewrite the rules table in README.md")

const (
	tableStart = "<!-- rules:start (generated from the registry; go test ./cmd/tokenlint -update-readme) -->"
	tableEnd   = "<!-- rules:end -->"
)

func rulesTable() string {
	var b strings.Builder
	b.WriteString("| rule | severity | what it finds |\n|---|---|---|\n")
	for _, r := range rules.All() {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", r.ID, r.Severity, r.Summary)
	}
	return b.String()
}

// TestReadmeRulesTable keeps the README's rules table equal to the registry.
func TestReadmeRulesTable(t *testing.T) {
	path := "../../README.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	i, j := strings.Index(text, tableStart), strings.Index(text, tableEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the %q ... %q markers", tableStart, tableEnd)
	}
	want := tableStart + "\n" + rulesTable() + tableEnd
	got := text[i : j+len(tableEnd)]
	if got == want {
		return
	}
	if *updateReadme {
		if err := os.WriteFile(path, []byte(text[:i]+want+text[j+len(tableEnd):]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md rules table is out of date; run go test ./cmd/tokenlint -update-readme\n--- want\n%s\n--- got\n%s", want, got)
}
