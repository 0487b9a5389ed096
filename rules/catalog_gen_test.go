package rules

import (
	"reflect"
	"testing"
)

// TestCompiledCatalog: the catalog compiled in is catalog.toml decoded
// (the generator's test keeps the file current; this one keeps the
// literal faithful to the decoder).
func TestCompiledCatalog(t *testing.T) {
	want, err := ParseCatalog(catalogTOML)
	if err != nil {
		t.Fatal(err)
	}
	if compiledCatalog == nil {
		t.Skip("built without catalog_gen.go (-tags nocatalog)")
	}
	if !reflect.DeepEqual(DefaultCatalog(), want) {
		t.Error("DefaultCatalog differs from catalog.toml decoded: run `go generate ./rules`")
	}
}
