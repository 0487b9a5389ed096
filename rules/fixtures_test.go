package rules

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fixtureDirs are where each family's fixtures of a rule live, by rule ID:
// bad and good below them.
var fixtureDirs = map[Family]string{
	FamilyConfig: "../testdata/rules",
	FamilyGo:     "../analyzer/testdata/src",
}

// TestEveryRuleHasFixtures: every rule has bad and good fixtures in every
// front-end family it judges, found by its ID, and none in a family it
// does not judge. A Go bad fixture expects the rule in a // want comment,
// and a Go good fixture expects it nowhere.
func TestEveryRuleHasFixtures(t *testing.T) {
	for _, r := range All() {
		for fam, dir := range fixtureDirs {
			judged := slices.Contains(r.JudgedFamilies(), fam)
			for _, kind := range []string{"bad", "good"} {
				root := filepath.Join(dir, r.ID, kind)
				files := fixtureFiles(t, root)
				switch {
				case judged && len(files) == 0:
					t.Errorf("%s judges %s code but has no %s fixtures in %s", r.ID, fam, kind, root)
				case !judged && len(files) > 0:
					t.Errorf("%s does not judge %s code (Families) but has %s fixtures in %s", r.ID, fam, kind, root)
				}
				if fam != FamilyGo {
					continue
				}
				want := `\[` + r.ID + `\]`
				expects := slices.ContainsFunc(files, func(p string) bool {
					data, err := os.ReadFile(p)
					return err == nil && strings.Contains(string(data), want)
				})
				if kind == "bad" && judged && !expects {
					t.Errorf("%s: no // want comment in %s expects %s", r.ID, root, want)
				}
				if kind == "good" && expects {
					t.Errorf("%s: a // want comment in %s expects %s, which good code must not draw", r.ID, root, want)
				}
			}
		}
	}
}

// TestConfigFixturesAreByRuleID: a directory under testdata/rules that
// names no rule would never be checked against a rule's expectations.
func TestConfigFixturesAreByRuleID(t *testing.T) {
	entries, err := os.ReadDir(fixtureDirs[FamilyConfig])
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if Lookup(e.Name()) == nil {
			t.Errorf("testdata/rules/%s names no rule", e.Name())
		}
	}
}

// fixtureFiles are the fixture files below root: every file but the
// goldens (none when root does not exist).
func fixtureFiles(t *testing.T, root string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !strings.HasSuffix(p, ".golden") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return files
}
