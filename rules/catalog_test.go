package rules

import "testing"

// Every Genesys Cloud region domain in shared/facts/regions-genesys.json.
var genesysDomains = []string{
	"mypurecloud.com", "use2.us-gov-pure.cloud", "usw2.pure.cloud", "cac1.pure.cloud",
	"sae1.pure.cloud", "mxc1.pure.cloud", "mypurecloud.ie", "euw2.pure.cloud",
	"mypurecloud.de", "euc2.pure.cloud", "mec1.pure.cloud", "aps1.pure.cloud",
	"mypurecloud.jp", "apne2.pure.cloud", "apne3.pure.cloud", "apse1.pure.cloud",
	"mypurecloud.com.au", "edee1.eusc-pure.cloud",
}

func TestCatalogHasEveryRegion(t *testing.T) {
	c := DefaultCatalog()
	for _, d := range genesysDomains {
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
