package main

import (
	"bytes"
	"os"
	"testing"
)

// The committed catalog_gen.go must be what `go generate ./rules` writes
// from catalog.toml today: editing one without the other fails here.
func TestGeneratedCatalogIsCurrent(t *testing.T) {
	want, err := generate("../../catalog.toml")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../catalog_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("rules/catalog_gen.go is stale: run `go generate ./rules`")
	}
}
