package config

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/tokenlint/tokenlint/internal/safefile"
	"github.com/tokenlint/tokenlint/rules"
)

// An Error is a problem in a configuration file, at a line when known.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

var decodeErr = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`)

// fileSchema is .tokenlint.toml as written.
type fileSchema struct {
	Rules struct {
		Enable   []string          `toml:"enable"`
		Disable  []string          `toml:"disable"`
		Severity map[string]string `toml:"severity"`
	} `toml:"rules"`
	Exclude []string `toml:"exclude"`
	Genesys struct {
		Region  string   `toml:"region"`
		Regions []string `toml:"regions"`
	} `toml:"genesys"`
	Providers   []*rules.Provider `toml:"provider"`
	UserOnly    []userOnly        `toml:"user_only"`
	MaxFileSize ByteSize          `toml:"max_file_size"`
	// CredentialFields and CredentialHeaders extend the catalog's lists:
	// a provider's own names for a credential (pin=, X-Acme-Signature:),
	// masked in every output; unencoded-secret checks the fields' encoding.
	CredentialFields  []string `toml:"credential_fields"`
	CredentialHeaders []string `toml:"credential_headers"`
}

// userOnly is an endpoint that needs a user's token, added to a provider
// (Genesys Cloud unless provider says otherwise).
type userOnly struct {
	Provider string `toml:"provider"`
	Method   string `toml:"method"`
	Path     string `toml:"path"`
	Level    string `toml:"level"`
	Source   string `toml:"source"`
}

// Config is a loaded configuration, ready for the driver.
type Config struct {
	// Path of the file, "" when the defaults apply.
	Path string
	// Rules are the rule options: the enabled rules, severity overrides,
	// regions, and the catalog with the user's providers merged in.
	Rules *rules.Options
	// Exclude matches excluded paths; never nil.
	Exclude *Matcher
	// MaxFileSize in bytes; 0 means the driver's default.
	MaxFileSize int64
}

// Default is the configuration without a file: every rule, the embedded
// catalog.
func Default() *Config {
	return &Config{Rules: &rules.Options{Rules: rules.All()}, Exclude: &Matcher{}}
}

// maxConfigSize bounds a configuration file; real ones are a few hundred
// bytes.
const maxConfigSize = 1 << 20

// Load reads and checks one configuration file the user named (-config).
func Load(path string) (*Config, error) {
	return load(path, safefile.FollowLinks)
}

// load reads a configuration file through the guard every file tokenlint
// reads has: a found file is in the tree, so a link there is not
// followed (a committed link to /dev/zero, or to a file outside).
func load(path string, links safefile.Links) (*Config, error) {
	src, err := safefile.Read(path, links, maxConfigSize)
	if err != nil {
		msg := safefile.Describe(err)
		if errors.Is(err, safefile.ErrLink) {
			msg += " (name it with -config to use it)"
		}
		return nil, &Error{File: path, Msg: "cannot read configuration: " + msg}
	}
	return Parse(path, src)
}

// Parse checks a configuration's text; path names it in errors and anchors
// its exclude globs.
func Parse(path string, src []byte) (*Config, error) {
	text := string(src)
	var f fileSchema
	md, err := toml.Decode(text, &f)
	lines := keyLines(text)
	fail := func(line int, format string, args ...any) error {
		return &Error{File: path, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	if err != nil {
		if pe, ok := errors.AsType[toml.ParseError](err); ok {
			line := pe.Position.Line
			if line == 0 && pe.LastKey != "" {
				line = lineOf(lines, strings.Split(pe.LastKey, ".")...)
			}
			return nil, fail(line, "%s", pe.Message)
		}
		// Type mismatches come as "toml: line N (last key "k"): msg".
		if m := decodeErr.FindStringSubmatch(err.Error()); m != nil {
			line, _ := strconv.Atoi(m[1])
			return nil, fail(line, "%s: %s", m[2], m[3])
		}
		return nil, fail(0, "%v", strings.TrimPrefix(err.Error(), "toml: "))
	}
	if und := md.Undecoded(); len(und) > 0 {
		k := und[0]
		return nil, fail(lineOf(lines, k...), "unknown key %q (see tokenlint init for the keys)", k.String())
	}
	cfg := &Config{Path: path, Rules: &rules.Options{}, MaxFileSize: int64(f.MaxFileSize)}

	// Rules: enable narrows to a list, disable removes, severity "off"
	// removes too.
	ruleLine := func(key ...string) int { return lineOf(lines, append([]string{"rules"}, key...)...) }
	checkIDs := func(key string, ids []string) error {
		for _, id := range ids {
			if rules.Lookup(id) == nil {
				return fail(ruleLine(key), "unknown rule %q in rules.%s (see tokenlint rules)", id, key)
			}
		}
		return nil
	}
	if err := checkIDs("enable", f.Rules.Enable); err != nil {
		return nil, err
	}
	if err := checkIDs("disable", f.Rules.Disable); err != nil {
		return nil, err
	}
	disabled := slices.Clone(f.Rules.Disable)
	for id, level := range f.Rules.Severity {
		if rules.Lookup(id) == nil {
			return nil, fail(ruleLine("severity", id), "unknown rule %q in rules.severity (see tokenlint rules)", id)
		}
		if strings.EqualFold(level, "off") {
			disabled = append(disabled, id)
			continue
		}
		s, ok := rules.ParseSeverity(level)
		if !ok {
			return nil, fail(ruleLine("severity", id), "severity %q of %s: want error, warning, note or off", level, id)
		}
		if cfg.Rules.Severity == nil {
			cfg.Rules.Severity = map[string]rules.Severity{}
		}
		cfg.Rules.Severity[id] = s
	}
	// The file's lists read as -enable and -disable do (rules.Select);
	// their IDs were checked above, where a line can be named. Select
	// returns an empty, non-nil list when every rule is off: run none,
	// not all.
	list, err := rules.Select(rules.All(), f.Rules.Enable, disabled)
	if err != nil {
		return nil, err
	}
	cfg.Rules.Rules = list

	// Providers, user-only endpoints and credential names extend the
	// catalog.
	extra := &rules.Catalog{CredentialFields: f.CredentialFields, CredentialHeaders: f.CredentialHeaders}
	for key, names := range map[string][]string{"credential_fields": f.CredentialFields, "credential_headers": f.CredentialHeaders} {
		if slices.ContainsFunc(names, func(n string) bool { return strings.TrimSpace(n) == "" }) {
			return nil, fail(lineOf(lines, key), "%s: an empty name would match nothing", key)
		}
	}
	for i, p := range f.Providers {
		at := func(key ...string) int {
			return lineOf(lines, append([]string{fmt.Sprintf("provider[%d]", i)}, key...)...)
		}
		if p.ID == "" {
			return nil, fail(at(), "[[provider]] needs an id")
		}
		if p.Name == "" {
			p.Name = p.ID
		}
		if p.TokenPath != "" && !strings.HasPrefix(p.TokenPath, "/") {
			return nil, fail(at("token_path"), "token_path %q of provider %s must start with /", p.TokenPath, p.ID)
		}
		for _, e := range p.UserOnly {
			if err := checkEndpoint(e); err != nil {
				return nil, fail(at("user_only"), "provider %s: %v", p.ID, err)
			}
		}
		if p.TokenPath != "" {
			extra.TokenPaths = append(extra.TokenPaths, p.TokenPath)
		}
		extra.Providers = append(extra.Providers, p)
	}
	base := rules.DefaultCatalog()
	for i, u := range f.UserOnly {
		at := lineOf(lines, fmt.Sprintf("user_only[%d]", i))
		id := u.Provider
		if id == "" {
			id = "genesys"
		}
		if base.Provider(id) == nil && !slices.ContainsFunc(extra.Providers, func(p *rules.Provider) bool { return p.ID == id }) {
			return nil, fail(at, "user_only: unknown provider %q", id)
		}
		e := &rules.Endpoint{Method: strings.ToUpper(u.Method), Path: u.Path, Level: u.Level, Source: u.Source}
		if e.Level == "" {
			e.Level = "error"
		}
		if e.Source == "" {
			e.Source = path
		}
		if err := checkEndpoint(e); err != nil {
			return nil, fail(at, "user_only: %v", err)
		}
		extra.Providers = append(extra.Providers, &rules.Provider{ID: id, UserOnly: []*rules.Endpoint{e}})
	}
	cat := base
	if len(extra.Providers) > 0 || len(extra.CredentialFields) > 0 || len(extra.CredentialHeaders) > 0 {
		cat = base.Merge(extra)
		cfg.Rules.Catalog = cat
	}

	// Regions.
	regions := f.Genesys.Regions
	if f.Genesys.Region != "" {
		regions = append([]string{f.Genesys.Region}, regions...)
	}
	for _, r := range regions {
		prov, reg := cat.LookupRegion(r)
		if reg == nil || prov.ID != "genesys" {
			key := "regions"
			if r == f.Genesys.Region {
				key = "region"
			}
			return nil, fail(lineOf(lines, "genesys", key), "unknown Genesys Cloud region %q (an AWS code such as us-east-1, an SDK key or a domain such as mypurecloud.com)", r)
		}
		if !slices.Contains(cfg.Rules.Regions, reg.Name()) {
			cfg.Rules.Regions = append(cfg.Rules.Regions, reg.Name())
		}
	}

	// Exclude globs are relative to the directory of the file.
	dir := ""
	if abs, err := filepath.Abs(path); err == nil {
		dir = filepath.Dir(abs)
	}
	m, err := compileGlobs(dir, f.Exclude)
	if err != nil {
		return nil, fail(lineOf(lines, "exclude"), "%v", err)
	}
	cfg.Exclude = m
	return cfg, nil
}

func checkEndpoint(e *rules.Endpoint) error {
	if !strings.HasPrefix(e.Path, "/") {
		return fmt.Errorf("endpoint path %q must start with /", e.Path)
	}
	if e.Method == "" {
		return fmt.Errorf("endpoint %s needs a method", e.Path)
	}
	if _, ok := rules.ParseSeverity(e.Level); !ok {
		return fmt.Errorf("endpoint %s: level %q is not error or warning", e.Path, e.Level)
	}
	return nil
}

// ApplyFlags narrows the configured rules by the command line: -enable
// replaces the configured set, -disable removes from it. Lists are
// comma-separated rule IDs.
func (c *Config) ApplyFlags(enable, disable string) error {
	list, err := rules.Select(c.Rules.Rules, rules.SplitList(enable), rules.SplitList(disable))
	if err != nil {
		return err
	}
	c.Rules.Rules = list
	return nil
}
