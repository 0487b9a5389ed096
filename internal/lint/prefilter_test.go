package lint

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

// TestPrefilterKeepsEveryBadFixture: the prefilter may drop a file only if
// no rule could flag it, so every fixture that gives a finding passes it.
func TestPrefilterKeepsEveryBadFixture(t *testing.T) {
	f := prefilterFor(&rules.Options{})
	n := 0
	filepath.WalkDir(filepath.Join("..", "..", "testdata"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".golden") {
			return err
		}
		slash := filepath.ToSlash(p)
		if !strings.Contains(slash, "/bad/") && !strings.Contains(slash, "/examples/bad/") {
			return nil
		}
		if strings.HasSuffix(slash, "/.vscode/settings.json") || strings.HasPrefix(d.Name(), "http-client.") {
			return nil // read beside an .http file, not linted alone
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		if !f.In(data) {
			t.Errorf("prefilter drops %s", slash)
		}
		return nil
	})
	if n == 0 {
		t.Fatal("no bad fixtures found")
	}
}

func TestPrefilterCaseAndMisses(t *testing.T) {
	f := prefilterFor(&rules.Options{})
	for _, in := range []string{"TOKEN_URL=x", "Grant_Type", "x oAuTh y", "auth: inherit", "https://api.MyPureCloud.ie/api/v2/users/me", "GENESYS_CLOUD_ENVIRONMENT=x", "GET https://graph.microsoft.com/v1.0/me"} {
		if !f.In([]byte(in)) {
			t.Errorf("In(%q) = false", in)
		}
	}
	for _, in := range []string{"", "replicas: 3\nimage: nginx\n", "tok en", "region: eu-west-1\n", "toke"} {
		if f.In([]byte(in)) {
			t.Errorf("In(%q) = true", in)
		}
	}
}

// TestPrefilterFollowsTheOptions: the keywords come from the catalog in
// force and the pinned regions, so a user's provider and a region pinned
// in .tokenlint.toml make their files worth reading.
func TestPrefilterFollowsTheOptions(t *testing.T) {
	extra, err := rules.ParseCatalog("[[provider]]\nid = \"acme\"\napi_hosts = [\"api.acme-idp.example\"]\n")
	if err != nil {
		t.Fatal(err)
	}
	call := []byte("GET https://api.acme-idp.example/v1/me\n")
	if prefilterFor(&rules.Options{}).In(call) || !prefilterFor(&rules.Options{Catalog: rules.DefaultCatalog().Merge(extra)}).In(call) {
		t.Error("a user provider's API host is not a keyword")
	}
	decl := []byte("region: eu_west_1\n")
	if prefilterFor(&rules.Options{}).In(decl) || !prefilterFor(&rules.Options{Regions: []string{"us-east-1"}}).In(decl) {
		t.Error("a region declaration is read only when regions are pinned")
	}
}
