package rules

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// factRegion is a row of docs/facts/regions-genesys.json.
type factRegion struct {
	AWSRegion string `json:"aws_region"`
	SDKKey    string `json:"sdk_key"`
	Domain    string `json:"domain"`
}

// genesysRegions reads the region table the catalog is written from, so a
// region added to the facts and not to the catalog (or the reverse) fails.
func genesysRegions(t *testing.T) []factRegion {
	t.Helper()
	data, err := os.ReadFile("../docs/facts/regions-genesys.json")
	if err != nil {
		t.Fatal(err)
	}
	var table struct{ Regions []factRegion }
	if err := json.Unmarshal(data, &table); err != nil {
		t.Fatal(err)
	}
	if len(table.Regions) == 0 {
		t.Fatal("no regions in regions-genesys.json")
	}
	return table.Regions
}

func TestCatalogHasEveryRegion(t *testing.T) {
	c := DefaultCatalog()
	facts := genesysRegions(t)
	inFacts := map[string]bool{}
	for _, r := range facts {
		inFacts[r.Domain] = true
	}
	for _, r := range c.Provider("genesys").Regions {
		if !r.Internal && !inFacts[r.Domain] {
			t.Errorf("catalog region %s is not in docs/facts/regions-genesys.json", r.Domain)
		}
	}
	for _, r := range facts {
		d := r.Domain
		for _, alias := range []string{r.AWSRegion, r.SDKKey} {
			if _, got := c.LookupRegion(alias); got == nil || got.Domain != d {
				t.Errorf("LookupRegion(%q) = %v, want %s", alias, got, d)
			}
		}
		if info := c.Host("login." + d); info.Kind != HostToken || info.Region == nil || info.Region.Domain != d {
			t.Errorf("login.%s: %+v, want a token host of its region", d, info)
		}
		if info := c.Host("api." + d); info.Kind != HostAPI {
			t.Errorf("api.%s: kind %v, want API host", d, info.Kind)
		}
	}
}

func TestCatalogHostKinds(t *testing.T) {
	c := DefaultCatalog()
	tests := []struct {
		host string
		kind HostKind
	}{
		{"api.us.genesys.cloud", HostFabricated},
		{"api.eu.genesys.cloud", HostFabricated},
		{"developer.genesys.cloud", HostNotProvider}, // a docs site, not a token host
		{"login.mypurecloud.eu", HostNotProvider},
		{"api.myorg.mypurecloud.com", HostNotProvider},
		{"apps.mypurecloud.de", HostService},
		{"login.mypurecloud.com.au", HostToken},
		{"login.microsoftonline.com", HostService}, // Entra: known, but a token host only by path
		{"graph.microsoft.com", HostAPI},
		{"login.salesforce.com", HostService},
		{"dev-x.us.auth0.com", HostService},
		{"api.example.com", HostUnknown},
		{"LOGIN.MYPURECLOUD.COM.", HostToken},
	}
	for _, tt := range tests {
		if got := c.Host(tt.host).Kind; got != tt.kind {
			t.Errorf("Host(%q) = %v, want %v", tt.host, got, tt.kind)
		}
	}
}

func TestLookupRegionAliases(t *testing.T) {
	c := DefaultCatalog()
	for _, alias := range []string{"eu-west-1", "eu_west_1", "EU-WEST-1", "mypurecloud.ie", "api.mypurecloud.ie", "https://login.mypurecloud.ie/"} {
		if _, r := c.LookupRegion(alias); r == nil || r.Domain != "mypurecloud.ie" {
			t.Errorf("LookupRegion(%q) = %v, want mypurecloud.ie", alias, r)
		}
	}
	if _, r := c.LookupRegion("eu-north-9"); r != nil {
		t.Errorf("LookupRegion(eu-north-9) = %v, want none", r)
	}
}

func TestUserOnlyEndpoints(t *testing.T) {
	g := DefaultCatalog().Provider("genesys")
	for _, tt := range []struct {
		method, path string
		level        string // "" = not user-only
	}{
		{"GET", "/api/v2/users/me", "error"},
		{"POST", "/api/v2/conversations/emails/abc/reconnect", "error"},
		{"GET", "/api/v2/routing/queues/me", "warning"},
		{"GET", "/api/v2/users/123", ""},
		{"GET", "/api/v2/users", ""},
	} {
		e := MatchEndpoint(g.UserOnly, tt.method, tt.path)
		got := ""
		if e != nil {
			got = e.Level
		}
		if got != tt.level {
			t.Errorf("%s %s: level %q, want %q", tt.method, tt.path, got, tt.level)
		}
	}
	for _, p := range []string{"/api/v2/organizations/me", "/api/v2/tokens/me"} {
		if MatchEndpoint(g.NotUserOnly, "GET", p) == nil {
			t.Errorf("%s must be listed as not user-only", p)
		}
		if MatchEndpoint(g.UserOnly, "GET", p) != nil {
			t.Errorf("%s must not be user-only", p)
		}
	}
}

func TestEveryCatalogEntryHasASource(t *testing.T) {
	for _, p := range DefaultCatalog().Providers {
		if p.Source == "" {
			t.Errorf("provider %s has no source", p.ID)
		}
		for _, r := range p.Regions {
			if r.Source == "" {
				t.Errorf("%s region %s has no source", p.ID, r.AWS)
			}
		}
		for _, e := range append(append([]*Endpoint{}, p.UserOnly...), p.NotUserOnly...) {
			if e.Source == "" {
				t.Errorf("%s endpoint %s %s has no source", p.ID, e.Method, e.Path)
			}
		}
		for _, f := range p.Fabricated {
			if f.Source == "" {
				t.Errorf("%s fabricated %s has no source", p.ID, f.Host)
			}
		}
	}
}

func TestParseCatalogRejectsUnknownKeys(t *testing.T) {
	if _, err := ParseCatalog("[[provider]]\nid = \"x\"\ntokne_path = \"/t\"\n"); err == nil {
		t.Error("a misspelt key must be an error")
	}
}

// Every operation the facts list as acting for the current user is decided
// by the catalog, at the verb and path the SDK sends: user-only, or listed as
// working with client credentials on the evidence its entry cites.
func TestUserOnlyCoversEveryCandidate(t *testing.T) {
	f, err := os.Open("../docs/facts/genesys-user-context-candidates.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g := DefaultCatalog().Provider("genesys")
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for line := 1; sc.Scan(); line++ {
		cols := strings.Split(sc.Text(), "\t")
		if line == 1 || len(cols) < 3 {
			continue
		}
		path, verb := cols[0], cols[1]
		// A concrete path for the SDK's {id} segments.
		concrete := strings.NewReplacer("{", "", "}", "").Replace(path)
		if MatchEndpoint(g.UserOnly, verb, concrete) == nil && MatchEndpoint(g.NotUserOnly, verb, concrete) == nil {
			t.Errorf("%s %s (%s) is neither user_only nor not_user_only in the catalog", verb, path, cols[2])
		}
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 90 {
		t.Fatalf("read %d candidates, want the whole table", n)
	}
}

// TestMatchPathLinear checks that catalog path patterns match in linear
// time: trying every split at every "**" was exponential.
func TestMatchPathLinear(t *testing.T) {
	deep := strings.Repeat("/a", 40)
	if matchPath("/**/**/**/**/**/**/**/**/**/**/**/**/x", deep) || !matchPath("/**/**/**/**/**/**/**/**/**/**/**/**/a", deep) {
		t.Error("wrong answer for the deep path")
	}
	if !matchPath("/api/v2/users/{id}", "/API/v2/users/42") || matchPath("/api/v2/users/*", "/api/v2/users") {
		t.Error("segment patterns")
	}
}

// The facts the code rests on are cited where a clone has them: no file of
// the module names a folder outside the repository.
func TestFactsCitedInsideTheRepository(t *testing.T) {
	outside := []string{"shared" + "/facts", "../" + "shared/"}
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); name == ".git" || name == "node_modules" || filepath.ToSlash(path) == "../bench/out" {
				return filepath.SkipDir // not the repository's files
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.IndexByte(data, 0) >= 0 {
			return nil // a binary left by a build
		}
		for _, s := range outside {
			if before, _, ok := bytes.Cut(data, []byte(s)); ok {
				t.Errorf("%s:%d names %q, which a clone does not have: cite docs/facts/ instead", path, 1+bytes.Count(before, []byte("\n")), s)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestMatchHost(t *testing.T) {
	for _, c := range []struct {
		pattern, host string
		want          bool
	}{
		{"*.mypurecloud.com", "login.mypurecloud.com", true},
		{"*.mypurecloud.com", "a.b.mypurecloud.com", true}, // a leading * is one or more labels
		{"*.mypurecloud.com", "mypurecloud.com", false},
		{"login.*.pure.cloud", "login.usw2.pure.cloud", true},
		{"login.*.pure.cloud", "login.a.b.pure.cloud", false}, // elsewhere exactly one
		{"api.mypurecloud.com", "api.mypurecloud.com", true},
		{"api.mypurecloud.com", "api.mypurecloud.co", false},
		{"*", "anything.at.all", true},
		{"*.x", "x", false},
	} {
		if got := matchHost(c.pattern, c.host); got != c.want {
			t.Errorf("matchHost(%q, %q) = %v, want %v", c.pattern, c.host, got, c.want)
		}
	}
}
