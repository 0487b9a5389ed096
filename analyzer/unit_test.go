package analyzer_test

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"

	"github.com/tokenlint/tokenlint/analyzer"
)

// TestUnitMatters checks the decision that lets go vet's dependency units
// skip the analyzer: it must say yes wherever run could report or export
// a fact, as the facts in vetmod (internal/golint) show under go vet.
func TestUnitMatters(t *testing.T) {
	std := filepath.Join(build.Default.GOROOT, "src", "net", "http", "client.go")
	for _, tt := range []struct {
		name    string
		path    string
		imports []string
		file    string
		src     string
		want    bool
	}{
		{"the standard library", "net/http", []string{"net/url"}, std, "", false},
		{"an HTTP client", "example.com/c", []string{"net/http"}, "c.go", "package c", true},
		{"a catalogued client's own code", "github.com/go-resty/resty/v2", []string{"net/http"}, "r.go", "package resty", false},
		{"a catalogued client's user", "example.com/r", []string{"github.com/go-resty/resty/v2"}, "r.go", "package r", true},
		{"a token URL function", "example.com/e", nil, "e.go", `package e
func TokenURL(domain string) string { return "https://login." + domain + "/oauth/token" }`, true},
		{"a function of a string type", "example.com/e", nil, "e.go", `package e
type Endpoint string
func Token() Endpoint { return "https://login.mypurecloud.com/oauth/token" }`, true},
		{"a settings variable", "example.com/e", nil, "e.go", `package e
type Settings struct{ TokenURL string }
var Defaults = Settings{TokenURL: "https://login.mypurecloud.com/oauth/token"}`, true},
		{"a function of another result", "example.com/e", nil, "e.go", `package e
func Check(s string) error { return fmt.Errorf("bad value %q.", s) }`, false},
		{"another package's literal", "example.com/p", []string{"golang.org/x/tools/go/analysis"}, "p.go", `package p
var Analyzer = &analysis.Analyzer{Name: "p", URL: "https://pkg.go.dev/example.com/p"}`, false},
		{"a table of names", "example.com/e", nil, "e.go", `package e
type Symbol struct{ Name string; Kind int }
var Symbols = map[string][]Symbol{"archive/tar": {{"Reader.Next", 1}}}`, false},
		{"settings in a table", "example.com/e", nil, "e.go", `package e
type Settings struct{ TokenURL string }
var Regions = []Settings{{TokenURL: "https://login.mypurecloud.ie/oauth/token"}}`, true},
		{"literals that only decide or report", "example.com/e", nil, "e.go", `package e
func Qualify(name string) (string, error) {
	if name == "." || strings.HasPrefix(name, "gopkg.in/") {
		log.Printf("odd name %s.", name)
		return "", fmt.Errorf("bad name %q.", name)
	}
	switch name {
	case "a/b":
		panic("a/b.")
	}
	return name, errors.New("not found.")
}`, false},
		{"a URL a builder writes", "example.com/e", nil, "e.go", `package e
func TokenURL(domain string) string {
	var b strings.Builder
	if domain != "" {
		b.WriteString("https://login.")
	}
	b.WriteString(domain)
	return b.String()
}`, true},
		{"an unparsable file", "example.com/e", nil, "e.go", "package", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			parsed := false
			parse := func() ([]*ast.File, error) {
				parsed = true
				f, err := parser.ParseFile(token.NewFileSet(), tt.file, tt.src, parser.SkipObjectResolution)
				return []*ast.File{f}, err
			}
			u := analyzer.Unit{Path: tt.path, Imports: tt.imports, GoFiles: []string{tt.file}}
			if got := analyzer.UnitMatters(u, parse, nil); got != tt.want {
				t.Errorf("UnitMatters = %v, want %v", got, tt.want)
			}
			if tt.file == std && parsed {
				t.Error("a standard library unit was parsed")
			}
		})
	}
}
