package main

import (
	"bytes"
	"os"
	"testing"
)

// The committed table must be what `go generate ./analyzer` writes from the
// facts file today: editing one without the other fails here.
func TestGeneratedTableIsCurrent(t *testing.T) {
	want, err := generate("../../../docs/facts/genesys-go-sdk-operations.tsv")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../genesys_operations.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("analyzer/genesys_operations.go is stale: run `go generate ./analyzer`")
	}
}

func TestGenerateRejectsMalformedRows(t *testing.T) {
	for name, text := range map[string]string{
		"header":  "api,method\nUsersApi\tGetUsersMe\tGET\t/api/v2/users/me\n",
		"columns": "api\tmethod\tverb\tpath\nUsersApi\tGetUsersMe\tGET\n",
		"path":    "api\tmethod\tverb\tpath\nUsersApi\tGetUsersMe\tGET\tusers/me\n",
	} {
		f := t.TempDir() + "/ops.tsv"
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := generate(f); err == nil {
			t.Errorf("%s: malformed table accepted", name)
		}
	}
}
