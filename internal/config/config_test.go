package config

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

func TestParseFull(t *testing.T) {
	src := `
exclude = ["testdata/**", "*.generated.yaml"]
max_file_size = "2MB"
credential_fields = ["acct_pin"]
credential_headers = ["X-Acme-Sig"]

[rules]
disable = ["json-token-request"]

[rules.severity]
token-host = "warning"
token-path = "off"

[genesys]
regions = ["eu_west_1", "mypurecloud.com"]

[[provider]]
id = "acme"
token_hosts = ["auth.acme.example"]
token_path = "/oauth2/token"
  [[provider.user_only]]
  method = "GET"
  path = "/v1/me"
  level = "error"

[[user_only]]
method = "get"
path = "/api/v2/analytics/reporting/me"
level = "warning"
`
	cfg, err := Parse("/repo/.tokenlint.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range cfg.Rules.Rules {
		ids = append(ids, r.ID)
	}
	for _, off := range []string{"json-token-request", "token-path"} {
		if strings.Contains(strings.Join(ids, ","), off) {
			t.Errorf("%s should be off: %v", off, ids)
		}
	}
	if !strings.Contains(strings.Join(ids, ","), "token-host") {
		t.Errorf("token-host should run: %v", ids)
	}
	if cfg.Rules.Severity["token-host"] != rules.Warning {
		t.Errorf("severity %v", cfg.Rules.Severity)
	}
	if strings.Join(cfg.Rules.Regions, ",") != "eu-west-1,us-east-1" {
		t.Errorf("regions %v", cfg.Rules.Regions)
	}
	if cfg.MaxFileSize != 2<<20 {
		t.Errorf("max file size %d", cfg.MaxFileSize)
	}
	cat := cfg.Rules.Catalog
	if cat == nil {
		t.Fatal("no merged catalog")
	}
	if info := cat.Host("auth.acme.example"); info.Kind != rules.HostToken || info.Provider.ID != "acme" {
		t.Errorf("acme token host: %+v", info)
	}
	if !cat.IsTokenPath("/oauth2/token") {
		t.Error("acme token path not a token path")
	}
	if e := rules.MatchEndpoint(cat.Provider("genesys").UserOnly, "GET", "/api/v2/analytics/reporting/me"); e == nil || e.Level != "warning" {
		t.Errorf("extra Genesys user-only endpoint: %+v", e)
	}
	if !cat.IsCredentialField("ACCT_PIN") || !cat.IsCredentialHeader("x-acme-sig") || !cat.IsCredentialField("client_secret") {
		t.Error("the configured credential names do not extend the catalog's")
	}
	if rules.DefaultCatalog().IsCredentialField("acct_pin") {
		t.Error("merge changed the default catalog's credential fields")
	}
	if rules.DefaultCatalog().Provider("genesys") == cat.Provider("genesys") {
		t.Error("merge changed the default catalog's provider in place")
	}
	if !cfg.Exclude.Match("/repo/testdata/x/a.http") || !cfg.Exclude.Match("/repo/sub/k.generated.yaml") || cfg.Exclude.Match("/repo/a.http") {
		t.Error("exclude globs anchored at the config's directory do not match")
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		line      int
		msg       string
	}{
		{"unknown top key", "exclude = []\nexlcude = [\"x\"]\n", 2, `unknown key "exlcude"`},
		{"unknown rules key", "[rules]\nenable = []\nenabled = [\"token-host\"]\n", 3, `unknown key "rules.enabled"`},
		{"unknown key in second provider", "[[provider]]\nid = \"a\"\n\n[[provider]]\nid = \"b\"\ntokenpath = \"/t\"\n", 6, `unknown key "provider.tokenpath"`},
		{"unknown rule", "[rules]\ndisable = [\"token-hots\"]\n", 2, `unknown rule "token-hots"`},
		{"bad severity", "[rules.severity]\ntoken-host = \"fatal\"\n", 2, `severity "fatal"`},
		{"unknown rule in severity", "[rules]\n[rules.severity]\n\"nope\" = \"error\"\n", 3, `unknown rule "nope"`},
		{"bad region", "[genesys]\nregion = \"us-east-9\"\n", 2, `unknown Genesys Cloud region "us-east-9"`},
		{"other provider's region", "\n[genesys]\nregions = [\"us-east-1\", \"login.microsoftonline.com\"]\n", 3, `unknown Genesys Cloud region`},
		{"bad glob", "exclude = [\"a/[b\"]\n", 1, "bad exclude pattern"},
		{"bad size", "\n\nmax_file_size = \"ten megs\"\n", 3, "bad size"},
		{"negative size", "max_file_size = -1\n", 1, "size must be positive"},
		{"syntax error", "[rules]\nenable = [\"a\"\n", 2, "expected a comma"},
		{"wrong type", "\nexclude = \"testdata\"\n", 2, "exclude: incompatible types"},
		{"provider without id", "[[provider]]\ntoken_path = \"/t\"\n", 1, "needs an id"},
		{"relative token path", "[[provider]]\nid = \"x\"\ntoken_path = \"oauth/token\"\n", 3, "must start with /"},
		{"user_only bad level", "[[user_only]]\nmethod = \"GET\"\npath = \"/api/v2/x\"\nlevel = \"maybe\"\n", 1, `level "maybe"`},
		{"empty credential field", "exclude = []\ncredential_fields = [\"pin\", \" \"]\n", 2, "credential_fields: an empty name"},
		{"user_only unknown provider", "[[user_only]]\nprovider = \"nobody\"\nmethod = \"GET\"\npath = \"/x\"\n", 1, `unknown provider "nobody"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("cfg.toml", []byte(tc.src))
			ce, ok := err.(*Error)
			if !ok {
				t.Fatalf("want *Error, got %T %v", err, err)
			}
			if ce.File != "cfg.toml" || ce.Line != tc.line || !strings.Contains(ce.Msg, tc.msg) {
				t.Errorf("got %q (line %d), want line %d and %q", ce.Error(), ce.Line, tc.line, tc.msg)
			}
		})
	}
}

func TestApplyFlags(t *testing.T) {
	cfg, err := Parse("c.toml", []byte("[rules]\ndisable = [\"token-path\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.ApplyFlags("", "token-host"); err != nil {
		t.Fatal(err)
	}
	for _, r := range cfg.Rules.Rules {
		if r.ID == "token-host" || r.ID == "token-path" {
			t.Errorf("%s should be disabled", r.ID)
		}
	}
	if err := cfg.ApplyFlags("user-scoped-api", ""); err != nil || len(cfg.Rules.Rules) != 1 {
		t.Errorf("enable: %v %v", err, cfg.Rules.Rules)
	}
	if err := cfg.ApplyFlags("nope", ""); err == nil {
		t.Error("unknown rule accepted")
	}
}

// TestFileListsReadAsFlags: the file's enable and disable lists (with a
// severity of "off") select the rules as the same lists given as -enable
// and -disable do, one reading (rules.Select) for the file, the flags, the
// analyzer and the golangci plugin.
func TestFileListsReadAsFlags(t *testing.T) {
	for _, tc := range []struct {
		file            string
		enable, disable []string
	}{
		{"[rules]\n", nil, nil},
		{"[rules]\ndisable = [\"token-path\"]\n", nil, []string{"token-path"}},
		{"[rules]\nenable = [\"token-path\", \"grant-type\", \"token-host\"]\ndisable = [\"token-host\"]\n", []string{"token-path", "grant-type", "token-host"}, []string{"token-host"}},
		{"[rules]\nenable = [\"token-path\", \"grant-type\"]\nseverity = { grant-type = \"off\" }\n", []string{"token-path", "grant-type"}, []string{"grant-type"}},
		{"[rules]\nenable = [\"token-path\"]\ndisable = [\"token-path\"]\n", []string{"token-path"}, []string{"token-path"}},
	} {
		cfg, err := Parse("c.toml", []byte(tc.file))
		if err != nil {
			t.Fatalf("%q: %v", tc.file, err)
		}
		want, err := rules.Select(rules.All(), tc.enable, tc.disable)
		if err != nil {
			t.Fatal(err)
		}
		if got := cfg.Rules.Rules; !slices.Equal(got, want) || got == nil {
			t.Errorf("%q: rules %v, want %v (never nil: nil means every rule)", tc.file, ids(got), ids(want))
		}
	}
}

func ids(list []*rules.Rule) []string {
	var out []string
	for _, r := range list {
		out = append(out, r.ID)
	}
	return out
}

func TestExcludeMatch(t *testing.T) {
	m, err := compileGlobs("", []string{"testdata/**", "*.gen.yaml", "docs/*/old", "vendor"})
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{
		"testdata/a.http":      true,
		"testdata":             true,
		"src/testdata/a.http":  false,
		"a/b/c.gen.yaml":       true,
		"c.gen.yaml":           true,
		"c.yaml":               false,
		"docs/x/old/readme.md": true,
		"docs/x/y/old":         false,
		"vendor/m/a.sh":        true,
		"a/vendor/b.sh":        true,
		"vendors/b.sh":         false,
	} {
		if got := m.Match(p); got != want {
			t.Errorf("Match(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"10MB": 10 << 20, "512 KiB": 512 << 10, "4096": 4096, "1.5k": 1536, "1GB": 1 << 30, "7b": 7} {
		got, err := ParseSize(in)
		if err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MB", "-1MB", "ten", "1TB"} {
		if _, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) accepted", in)
		}
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	deep := filepath.Join(repo, "a", "b")
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	// A config above the repository root must not be picked up.
	if err := os.WriteFile(filepath.Join(root, FileName), []byte("bogus = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if p, err := Find(deep); err != nil || p != "" {
		t.Errorf("Find above the repo root: %q %v", p, err)
	}
	if err := os.WriteFile(filepath.Join(repo, "a", FileName), []byte("[genesys]\nregion = \"eu-west-1\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Find(deep)
	if err != nil || p != filepath.Join(repo, "a", FileName) {
		t.Errorf("Find = %q %v", p, err)
	}
	cfg, err := Resolve(deep, "")
	if err != nil || len(cfg.Rules.Regions) != 1 {
		t.Errorf("Resolve: %+v %v", cfg, err)
	}
	if _, err := Resolve(deep, filepath.Join(root, FileName)); err == nil {
		t.Error("an explicit bad config must fail")
	}
	cfg, err = Resolve(root, "")
	if err == nil {
		t.Errorf("the starting directory's own %s must be read: want its error, got %+v", filepath.Join(root, FileName), cfg)
	}
}

// TestFindStopsAtHome is the red-team's planted /tmp/.tokenlint.toml:
// with no repository, the search goes up to the home directory when the
// run is under it, and looks nowhere above the starting directory when it
// is not.
func TestFindStopsAtHome(t *testing.T) {
	shared := t.TempDir() // anyone's to write, like /tmp
	if err := os.WriteFile(filepath.Join(shared, FileName), []byte("exclude = [\"**\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	home := filepath.Join(shared, "home")
	below := filepath.Join(home, "proj", "sub")
	elsewhere := filepath.Join(shared, "scratch", "x")
	for _, d := range []string{below, elsewhere} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("HOME", home)
	if p, err := Find(elsewhere); err != nil || p != "" {
		t.Errorf("outside home and any repository: found %q %v", p, err)
	}
	if p, err := Find(below); err != nil || p != "" {
		t.Errorf("under home: the search went above it to %q %v", p, err)
	}
	homeConfig := filepath.Join(home, FileName)
	if err := os.WriteFile(homeConfig, []byte(""), 0o644); err != nil {
		t.Fatal(err)
	}
	if p, err := Find(below); err != nil || p != homeConfig {
		t.Errorf("under home: Find = %q %v, want %s", p, err, homeConfig)
	}
}

// TestExcludeLinear is the red-team's exponential "**" pattern against a
// 25-deep path (the class is internal/glob's TestMatchIsLinear).
func TestExcludeLinear(t *testing.T) {
	m, err := compileGlobs("", []string{"**/**/**/**/**/**/**/**/**/**/nomatch"})
	if err != nil {
		t.Fatal(err)
	}
	if m.Match(strings.Repeat("a/", 24) + "t.sh") {
		t.Error("matched")
	}
}

// TestInit: the written default is valid, and so is every setting in it
// once uncommented.
func TestInit(t *testing.T) {
	var buf bytes.Buffer
	if err := Init(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := Parse("init.toml", buf.Bytes()); err != nil {
		t.Fatalf("default config does not parse: %v", err)
	}
	setting := regexp.MustCompile(`^#\s*(\[|[a-z_-]+ = )`)
	var out []string
	for l := range strings.SplitSeq(buf.String(), "\n") {
		if setting.MatchString(l) {
			l = strings.TrimSpace(strings.TrimPrefix(l, "#"))
		}
		out = append(out, l)
	}
	uncommented := strings.Join(out, "\n")
	if !strings.Contains(uncommented, "\nregion = ") {
		t.Fatalf("nothing was uncommented:\n%s", uncommented)
	}
	if _, err := Parse("init.toml", []byte(uncommented)); err != nil {
		t.Fatalf("uncommented default config does not parse: %v\n%s", err, uncommented)
	}
	dir := t.TempDir()
	if _, err := InitFile(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := InitFile(dir); err == nil {
		t.Error("InitFile overwrote an existing file")
	}
}
