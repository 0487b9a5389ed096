package golangci_test

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	_ "github.com/tokenlint/tokenlint/plugin/golangci"
)

// build goes the way golangci-lint does: GetPlugin by name, construct it
// with the settings from .golangci.yml (decoded YAML: map[string]any), then
// BuildAnalyzers and GetLoadMode.
func build(t *testing.T, settings any) []*analysis.Analyzer {
	t.Helper()
	newPlugin, err := register.GetPlugin("tokenlint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		t.Fatal(err)
	}
	if mode := p.GetLoadMode(); mode != register.LoadModeTypesInfo {
		t.Errorf("load mode %q", mode)
	}
	as, err := p.BuildAnalyzers()
	if err != nil || len(as) != 1 {
		t.Fatalf("BuildAnalyzers: %v %v", as, err)
	}
	return as
}

func TestPluginDefaults(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), build(t, nil)[0], "bad")
}

func TestPluginSettings(t *testing.T) {
	as := build(t, map[string]any{"disable": []any{"token-host"}})
	analysistest.Run(t, analysistest.TestData(), as[0], "disabled")

	as = build(t, map[string]any{"enable": []any{"token-host"}, "region": "eu-central-1"})
	analysistest.Run(t, analysistest.TestData(), as[0], "region")
}

func TestPluginBadSettings(t *testing.T) {
	newPlugin, err := register.GetPlugin("tokenlint")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		settings map[string]any
		want     string
	}{
		{map[string]any{"enabel": []any{"token-host"}}, "unknown field"},
		{map[string]any{"enable": []any{"token-hots"}}, `unknown rule "token-hots"`},
		{map[string]any{"region": "mars-1"}, `unknown Genesys Cloud region "mars-1"`},
		{map[string]any{"disable": "token-host"}, "cannot unmarshal"},
	} {
		if _, err := newPlugin(tc.settings); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("settings %v: error %v, want %q", tc.settings, err, tc.want)
		}
	}
}
