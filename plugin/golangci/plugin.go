// Package golangci is tokenlint's golangci-lint v2 module plugin. A blank
// import of it registers the linter "tokenlint" with
// github.com/golangci/plugin-module-register; golangci-lint custom builds
// it into a custom binary (see the README section "golangci-lint").
//
// Settings (linters.settings.custom.tokenlint.settings):
//
//	enable:  [token-host, token-path]   # run only these rules (default all)
//	disable: [user-scoped-api]          # never run these
//	region:  eu-west-1                  # the Genesys Cloud region(s) of the org
//	regions: [eu-west-1, us-east-1]
package golangci

import (
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/tokenlint/tokenlint/analyzer"
	"github.com/tokenlint/tokenlint/rules"
)

// Name is the linter's name in .golangci.yml.
const Name = "tokenlint"

func init() { register.Plugin(Name, New) }

// Settings are the plugin's settings as written in .golangci.yml.
type Settings struct {
	Enable  []string `json:"enable"`
	Disable []string `json:"disable"`
	Region  string   `json:"region"`
	Regions []string `json:"regions"`
}

// Plugin is the registered linter.
type Plugin struct {
	opts *rules.Options
}

// New decodes and checks the settings (unknown keys, rule IDs and regions
// are errors, so a typo does not silently turn a rule off).
func New(raw any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		return nil, fmt.Errorf("tokenlint: %w", err)
	}
	list, err := analyzer.SelectRules(s.Enable, s.Disable)
	if err != nil {
		return nil, fmt.Errorf("tokenlint: %w", err)
	}
	regions := s.Regions
	if s.Region != "" {
		regions = append([]string{s.Region}, regions...)
	}
	var names []string
	for _, r := range regions {
		prov, reg := rules.DefaultCatalog().LookupRegion(r)
		if reg == nil || prov.ID != "genesys" {
			return nil, fmt.Errorf("tokenlint: unknown Genesys Cloud region %q", r)
		}
		names = append(names, reg.Name())
	}
	return &Plugin{opts: &rules.Options{Rules: list, Regions: names}}, nil
}

// BuildAnalyzers returns tokenlint's analyzer configured by the settings.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{analyzer.New(p.opts)}, nil
}

// GetLoadMode asks for type information: the analyzer follows calls and
// constants through types.Info.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
