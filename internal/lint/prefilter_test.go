package lint

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
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
		if !f.match(data) {
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
		if !f.match([]byte(in)) {
			t.Errorf("match(%q) = false", in)
		}
	}
	for _, in := range []string{"", "replicas: 3\nimage: nginx\n", "tok en", "region: eu-west-1\n", "toke"} {
		if f.match([]byte(in)) {
			t.Errorf("match(%q) = true", in)
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
	if prefilterFor(&rules.Options{}).match(call) || !prefilterFor(&rules.Options{Catalog: rules.DefaultCatalog().Merge(extra)}).match(call) {
		t.Error("a user provider's API host is not a keyword")
	}
	decl := []byte("region: eu_west_1\n")
	if prefilterFor(&rules.Options{}).match(decl) || !prefilterFor(&rules.Options{Regions: []string{"us-east-1"}}).match(decl) {
		t.Error("a region declaration is read only when regions are pinned")
	}
}

// TestPrefilterSearch: the skipping search finds what a plain search for
// each keyword finds, at every position, in either case, at the ends.
func TestPrefilterSearch(t *testing.T) {
	words := []string{"token", "oauth", "pure.cloud", "ab", "grant"}
	f := newPrefilter(words)
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := "tokenauthpure.clodgrab TOKENGRANT\n"
	for range 20000 {
		b := make([]byte, rng.IntN(24))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		want := slices.ContainsFunc(words, func(w string) bool { return strings.Contains(strings.ToLower(string(b)), w) })
		if got := f.match(b); got != want {
			t.Fatalf("match(%q) = %v, want %v", b, got, want)
		}
	}
	if newPrefilter(nil).match([]byte("token")) {
		t.Error("no keywords matched something")
	}
}

func BenchmarkPrefilterMiss(b *testing.B) {
	f := prefilterFor(&rules.Options{})
	line := []byte("replicas: 3 image: nginx-alpine selector: app=web port: 8080 timeout: 30s\n")
	var src []byte
	for len(src) < 1<<20 {
		src = append(src, line...)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if f.match(src) {
			b.Fatal("no keyword in this text")
		}
	}
}
