package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sarifFingerprints is uri -> primaryLocationLineHash of a SARIF run.
func sarifFingerprints(t *testing.T, out string) []string {
	t.Helper()
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
					}
				}
				PartialFingerprints map[string]string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("not SARIF: %v\n%s", err, out)
	}
	var got []string
	for _, r := range log.Runs[0].Results {
		got = append(got, r.Locations[0].PhysicalLocation.ArtifactLocation.URI+" "+r.PartialFingerprints["primaryLocationLineHash"])
	}
	slices.Sort(got)
	return got
}

// TestBinIdentities: a baseline written at the root matches, and SARIF
// fingerprints are the same, however the paths of a later run are typed.
func TestBinIdentities(t *testing.T) {
	root := gitRepo(t, map[string]string{"sub/x.http": badHTTP, "top.http": badHTTP})
	sub := filepath.Join(root, "sub")
	if r := runBin(t, root, nil, "", "-write-baseline", ".tokenlint-baseline.json", "."); r.code != exitOK {
		t.Fatalf("-write-baseline: exit %d %s", r.code, r.stderr)
	}
	base := filepath.Join(root, ".tokenlint-baseline.json")
	runs := []struct {
		dir  string
		args []string
	}{
		{root, []string{"."}},
		{root, []string{"./sub/x.http", "top.http"}},
		{root, []string{"sub/x.http", "./top.http"}},
		{root, []string{root}},
		{sub, []string{".", "../top.http"}},
		{sub, []string{"x.http", filepath.Join(root, "top.http")}},
		{t.TempDir(), []string{root}},
	}
	want := sarifFingerprints(t, runBin(t, root, nil, "", "-format", "sarif", ".").stdout)
	if len(want) != 2 || !strings.HasPrefix(want[0], "sub/x.http ") || !strings.HasPrefix(want[1], "top.http ") {
		t.Fatalf("SARIF at the root: %q", want)
	}
	for _, run := range runs {
		if r := runBin(t, run.dir, nil, "", append([]string{"-baseline", base}, run.args...)...); r.code != exitOK || r.stdout != "" {
			t.Errorf("-baseline from %s with %q: exit %d\n%s", run.dir, run.args, r.code, r.stdout)
		}
		got := sarifFingerprints(t, runBin(t, run.dir, nil, "", append([]string{"-format", "sarif"}, run.args...)...).stdout)
		if !slices.Equal(got, want) {
			t.Errorf("SARIF from %s with %q: %q, want %q", run.dir, run.args, got, want)
		}
	}
	var written struct{ Findings []struct{ File string } }
	runBin(t, sub, nil, "", "-write-baseline", "b.json", ".")
	data, _ := os.ReadFile(filepath.Join(sub, "b.json"))
	json.Unmarshal(data, &written)
	if len(written.Findings) != 1 || written.Findings[0].File != "sub/x.http" {
		t.Errorf("baseline written from sub/ names %+v, want sub/x.http", written.Findings)
	}
}

// TestBinConfigFromThePath: the configuration is the linted path's
// repository's, wherever tokenlint runs from, and its excludes apply to
// file arguments as pre-commit passes them.
func TestBinConfigFromThePath(t *testing.T) {
	root := gitRepo(t, map[string]string{
		".tokenlint.toml": "exclude = [\"api/**\", \"scripts/**\"]\n",
		"api/token.http":  badHTTP,
		"scripts/x.http":  badHTTP,
		"keep.http":       badHTTP,
	})
	elsewhere := t.TempDir()
	r := runBin(t, elsewhere, nil, "", root)
	if r.code != exitFindings || strings.Contains(r.stdout, "api/token.http") || !strings.Contains(r.stdout, "keep.http") {
		t.Errorf("from outside the repository: exit %d\n%s", r.code, r.stdout)
	}
	r = runBin(t, root, nil, "", "api/token.http", "scripts/x.http")
	if r.code != exitOK || r.stdout != "" {
		t.Errorf("excluded file arguments: exit %d\n%s", r.code, r.stdout)
	}
	r = runBin(t, elsewhere, nil, "", filepath.Join(root, "api", "token.http"))
	if r.code != exitOK || r.stdout != "" {
		t.Errorf("excluded absolute file argument from elsewhere: exit %d\n%s", r.code, r.stdout)
	}
	r = runBin(t, root, nil, badHTTP, "-stdin-filename", "api/token.http", "-")
	if r.code != exitOK || r.stdout != "" {
		t.Errorf("excluded -stdin-filename: exit %d\n%s", r.code, r.stdout)
	}
}

// TestBinGitInfoExclude: .git/info/exclude is honoured like .gitignore,
// and the .gitignore files above a walked subdirectory are too.
func TestBinGitInfoExclude(t *testing.T) {
	root := gitRepo(t, map[string]string{
		".gitignore":       "/sub/gen/\n",
		"local/token.http": badHTTP,
		"sub/gen/x.http":   badHTTP,
		"sub/keep.http":    badHTTP,
	})
	writeTree(t, root, map[string]string{".git/info/exclude": "# mine\nlocal/\n"})
	r := runBin(t, root, nil, "", "-format", "json", ".")
	if strings.Contains(r.stdout, "local/token.http") || strings.Contains(r.stdout, "sub/gen/") || !strings.Contains(r.stdout, "sub/keep.http") {
		t.Errorf("from the root:\n%s", r.stdout)
	}
	r = runBin(t, filepath.Join(root, "sub"), nil, "", "-format", "json", ".")
	if strings.Contains(r.stdout, "gen/x.http") || !strings.Contains(r.stdout, "keep.http") {
		t.Errorf("from sub/ (the root .gitignore's /sub/gen/ applies):\n%s", r.stdout)
	}
}
