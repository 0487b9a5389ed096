package vetunit

import (
	"encoding/json"
	"go/ast"
	"os"
	"path/filepath"
	"testing"
)

// unit writes a unit config with one import whose vetx file has the
// given lengths, and returns the config's name and the unit's directory.
func unit(t *testing.T, vetxOnly bool, typesLen, factsLen int) (string, string) {
	t.Helper()
	dir := t.TempDir()
	imp := filepath.Join(dir, "imp.vetx")
	if err := writeVetx(imp, make([]byte, typesLen), make([]byte, factsLen)); err != nil {
		t.Fatal(err)
	}
	cfg := map[string]any{
		"ID": "example.com/u", "Compiler": "gc", "ImportPath": "example.com/u",
		"GoFiles":     []string{filepath.Join(dir, "u.go")},
		"ImportMap":   map[string]string{"example.com/imp": "example.com/imp"},
		"PackageVetx": map[string]string{"example.com/imp": imp},
		"VetxOnly":    vetxOnly,
		"VetxOutput":  filepath.Join(dir, "vet.out"),
		"Stdout":      filepath.Join(dir, "vet.stdout"),
	}
	data, _ := json.Marshal(cfg)
	file := filepath.Join(dir, "vet.cfg")
	if err := os.WriteFile(file, data, 0o666); err != nil {
		t.Fatal(err)
	}
	return file, dir
}

// never is a Matters that says no unit matters and counts its calls.
func never(calls *int) Matters {
	return func(path string, imports, goFiles []string, parse func() ([]*ast.File, error)) bool {
		*calls++
		if path != "example.com/u" || len(imports) != 1 || imports[0] != "example.com/imp" || len(goFiles) != 1 {
			panic("Matters got the wrong unit")
		}
		return false
	}
}

func TestSkippedUnitWritesEmptyResults(t *testing.T) {
	cfg, dir := unit(t, false, 8, 0)
	calls := 0
	got, err := prepare(cfg, []string{"-json"}, never(&calls))
	if err != nil || got != "" || calls != 1 {
		t.Fatalf("prepare = %q, %v after %d calls; want the unit skipped", got, err, calls)
	}
	vetx, err := os.ReadFile(filepath.Join(dir, "vet.out"))
	if err != nil || string(vetx) != "vetx\x00\x00\x00\x00\x00\x00\x00\x00" {
		t.Errorf("vetx output %q, %v; want the header of a file with no types and no facts", vetx, err)
	}
	if out, err := os.ReadFile(filepath.Join(dir, "vet.stdout")); err != nil || string(out) != "{}\n" {
		t.Errorf("stdout %q, %v; want the empty JSON tree go vet reads", out, err)
	}
}

func TestUnitsThatAreNotSkipped(t *testing.T) {
	for _, tt := range []struct {
		name     string
		vetxOnly bool
		facts    int
		flags    []string
	}{
		// Its importers read the facts through it.
		{"an import carries facts", true, 4, nil},
		// -fix and -diff write their output in their own way.
		{"fix", false, 0, []string{"-fix"}},
		{"diff", false, 0, []string{"-fix", "-diff"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg, dir := unit(t, tt.vetxOnly, 8, tt.facts)
			calls := 0
			got, err := prepare(cfg, tt.flags, never(&calls))
			if err != nil || got != cfg {
				t.Fatalf("prepare = %q, %v; want the unit handed on with its own config", got, err)
			}
			if _, err := os.Stat(filepath.Join(dir, "vet.out")); err == nil {
				t.Error("a vetx file was written for a unit that is not skipped")
			}
		})
	}
}

func TestFlagValues(t *testing.T) {
	for _, tt := range []struct {
		flags []string
		want  bool
	}{
		{[]string{"-json"}, true},
		{[]string{"--json=true"}, true},
		{[]string{"-json=false"}, false},
		{[]string{"-jsonx"}, false},
		{nil, false},
	} {
		if got := hasFlag(tt.flags, "json"); got != tt.want {
			t.Errorf("hasFlag(%q, json) = %v, want %v", tt.flags, got, tt.want)
		}
	}
}

func TestBadVetxFile(t *testing.T) {
	cfg, dir := unit(t, true, 0, 0)
	if err := os.WriteFile(filepath.Join(dir, "imp.vetx"), []byte("vet"), 0o666); err != nil {
		t.Fatal(err)
	}
	calls := 0
	if _, err := prepare(cfg, nil, never(&calls)); err == nil {
		t.Error("prepare accepted a truncated vetx file")
	}
}
