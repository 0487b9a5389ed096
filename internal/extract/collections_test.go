package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCollectionsTruncated feeds every prefix (in steps) of the Postman,
// Insomnia and Bruno rule fixtures to their front ends: a cut file must
// give a unit or an *Error, never a panic.
func TestCollectionsTruncated(t *testing.T) {
	var files []string
	for _, pat := range []string{"*.postman_collection.json", "*.insomnia.*", "*.bru"} {
		m, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "rules", "*", "*", pat))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no fixtures found")
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".golden") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		extract := extractPostman
		switch {
		case strings.HasSuffix(f, ".bru"):
			extract = extractBruno
		case strings.Contains(f, ".insomnia."):
			extract = extractInsomnia
		}
		for n := 0; n <= len(src); n += 13 {
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%s cut at %d: panic %v", f, n, r)
					}
				}()
				if _, err := extract(f, src[:n]); err != nil {
					if _, ok := err.(*Error); !ok {
						t.Errorf("%s cut at %d: %T, want *Error", f, n, err)
					}
				}
			}()
		}
	}
}
