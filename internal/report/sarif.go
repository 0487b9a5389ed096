package report

import (
	"encoding/json"
	"io"
	"net/url"
	"path"
	"strings"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/repo"
	"github.com/tokenlint/tokenlint/rules"
)

func init() { register("sarif", jsonGuard, writeSARIF) }

// InformationURI is tokenlint's home page, named in SARIF tool metadata.
const InformationURI = "https://github.com/tokenlint/tokenlint"

// The SARIF 2.1.0 subset GitHub code scanning reads (docs/facts/formats.md
// section 9). Hand-written structs: every field here is one GitHub uses or
// the schema requires, and the schema test keeps them honest.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	ColumnKind  string            `json:"columnKind"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	Name                 string            `json:"name"`
	ShortDescription     sarifText         `json:"shortDescription"`
	FullDescription      sarifText         `json:"fullDescription"`
	Help                 sarifHelp         `json:"help"`
	HelpURI              string            `json:"helpUri"`
	DefaultConfiguration sarifRuleConfig   `json:"defaultConfiguration"`
	Properties           sarifRuleProperty `json:"properties"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProperty struct {
	Tags      []string `json:"tags"`
	Precision string   `json:"precision"`
	// SecuritySeverity ranks a security rule's alerts in code scanning.
	SecuritySeverity string `json:"security-severity,omitempty"`
}

type sarifResultProperty struct {
	Tags             []string `json:"tags,omitempty"`
	SecuritySeverity string   `json:"security-severity,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	RelatedLocations    []sarifLocation    `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string  `json:"partialFingerprints,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	// Properties mark a finding that leaks a credential where its rule
	// as a whole does not (unencoded-secret's literal secret).
	Properties *sarifResultProperty `json:"properties,omitempty"`
}

type sarifLocation struct {
	// ID and Message are set on related locations only (SARIF 2.1.0
	// §3.28.2, §3.28.5): the id a result message may link to, and what
	// the place is.
	ID               int           `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifText    `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

// maxDescription is GitHub's limit for shortDescription and fullDescription.
const maxDescription = 1024

// writeSARIF prints one SARIF 2.1.0 run: every enabled rule, one result per
// finding (suppressed ones with their suppression), and unreadable inputs as
// tool notifications. Columns are UTF-16 code units, as GitHub expects.
func writeSARIF(w io.Writer, r *lint.Result, opts Options) error {
	list := opts.Rules
	if list == nil {
		list = rules.All()
	}
	index := map[string]int{}
	var descriptors []sarifRule
	addRule := func(rule *rules.Rule) {
		index[rule.ID] = len(descriptors)
		descriptors = append(descriptors, sarifDescriptor(rule))
	}
	for _, rule := range list {
		addRule(rule)
	}
	// A finding of a rule outside the enabled list (an unused-ignore
	// directive, say) still needs a descriptor for its ruleIndex.
	for _, fs := range [][]lint.Finding{r.Findings, r.Suppressed} {
		for _, f := range fs {
			if _, ok := index[f.Rule]; ok {
				continue
			}
			rule := rules.Lookup(f.Rule)
			if rule == nil {
				rule = &rules.Rule{ID: f.Rule, Severity: f.Severity, Summary: f.Rule}
			}
			addRule(rule)
		}
	}
	results := []sarifResult{}
	for _, f := range r.Findings {
		results = append(results, sarifFinding(f, index[f.Rule]))
	}
	for _, f := range r.Suppressed {
		res := sarifFinding(f, index[f.Rule])
		kind := "inSource"
		if f.SuppressedExternally {
			kind = "external"
		}
		res.Suppressions = []sarifSuppression{{Kind: kind, Justification: f.Suppressed}}
		results = append(results, res)
	}
	inv := sarifInvocation{ExecutionSuccessful: len(r.Errors) == 0}
	for _, e := range r.Errors {
		n := sarifNotification{Level: "error", Message: sarifText{nonEmpty(e.Message, "could not lint this file")}}
		if e.File != "" {
			loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: artifact(repo.Rel(e.File))}}
			if e.Line > 0 {
				loc.PhysicalLocation.Region = &sarifRegion{StartLine: e.Line}
			}
			n.Locations = []sarifLocation{loc}
		}
		inv.Notifications = append(inv.Notifications, n)
	}
	driver := sarifDriver{
		Name:           "tokenlint",
		Version:        opts.Version,
		InformationURI: InformationURI,
		Rules:          descriptors,
	}
	if v := strings.TrimPrefix(opts.Version, "v"); isSemver(v) {
		driver.SemanticVersion = v
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs: []sarifRun{{
			Tool:        sarifTool{Driver: driver},
			Invocations: []sarifInvocation{inv},
			ColumnKind:  "utf16CodeUnits",
			Results:     results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

func sarifDescriptor(rule *rules.Rule) sarifRule {
	summary := nonEmpty(rule.Summary, rule.ID)
	return sarifRule{
		ID:               rule.ID,
		Name:             rule.ID,
		ShortDescription: sarifText{truncate(summary, maxDescription)},
		// The first paragraph of why is the explanation; the whole
		// documentation (examples, sources) goes into help.
		FullDescription:      sarifText{truncate(RuleDescription(rule), maxDescription)},
		Help:                 sarifHelp{Text: RuleText(rule), Markdown: RuleMarkdown(rule)},
		HelpURI:              ruleHelpURI(rule.ID),
		DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(rule.Severity)},
		Properties:           ruleProperties(rule.ID),
	}
}

// ruleProperties tags the rules that leak credentials as security rules,
// with their CWE and security-severity, and the others as correctness.
func ruleProperties(id string) sarifRuleProperty {
	p := sarifRuleProperty{Tags: []string{"oauth2", "correctness"}, Precision: "high"}
	if s, ok := security[id]; ok {
		p.Tags = append([]string{"oauth2"}, s.tags()...)
		p.SecuritySeverity = s.severity
	}
	return p
}

func sarifFinding(f lint.Finding, ruleIndex int) sarifResult {
	loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: artifact(findingPath(f))}}
	if f.Pos.Line > 0 {
		loc.PhysicalLocation.Region = sarifSpan(f.Pos)
	}
	res := sarifResult{
		RuleID:    f.Rule,
		RuleIndex: ruleIndex,
		Level:     sarifLevel(f.Severity),
		Message:   sarifText{nonEmpty(f.Message, f.Rule)},
		Locations: []sarifLocation{loc},
	}
	for k, rel := range f.Related {
		path := repo.Rel(rel.Span.File)
		if rel.Span.File == f.Span.File {
			path = findingPath(f)
		}
		rl := sarifLocation{ID: k + 1, PhysicalLocation: sarifPhysical{ArtifactLocation: artifact(path)}, Message: &sarifText{nonEmpty(rel.Message, f.Rule)}}
		if rel.Pos.Line > 0 {
			rl.PhysicalLocation.Region = sarifSpan(rel.Pos)
		}
		res.RelatedLocations = append(res.RelatedLocations, rl)
	}
	if s, ok := securityOfFinding(f); ok && security[f.Rule] == (securityInfo{}) {
		res.Properties = &sarifResultProperty{Tags: s.tags(), SecuritySeverity: s.severity}
	}
	if f.Fingerprint != "" {
		// GitHub matches alerts across commits by primaryLocationLineHash
		// and computes a line-content hash only when it is absent; ours
		// names no line number, so moved code keeps its alert.
		res.PartialFingerprints = map[string]string{
			"primaryLocationLineHash": f.Fingerprint,
			"tokenlint/v1":            f.Fingerprint,
		}
	}
	return res
}

// sarifSpan is the region of a position in UTF-16 columns, falling back to
// byte columns when the driver did not compute them (ASCII lines agree).
func sarifSpan(p lint.Position) *sarifRegion {
	col, endCol := p.Column16, p.EndColumn16
	if col == 0 {
		col, endCol = p.Column, p.EndColumn
	}
	reg := &sarifRegion{StartLine: p.Line, StartColumn: max(col, 1)}
	if p.EndLine >= p.Line {
		reg.EndLine = p.EndLine
		reg.EndColumn = max(endCol, 1)
		if reg.EndLine == reg.StartLine && reg.EndColumn < reg.StartColumn {
			reg.EndColumn = reg.StartColumn
		}
	}
	return reg
}

// findingPath is the path CI tools match a finding against the checkout
// by: its path from the repository root, wherever tokenlint ran from.
func findingPath(f lint.Finding) string {
	if f.RepoPath != "" {
		return f.RepoPath
	}
	return repo.Rel(f.Span.File)
}

// artifact turns a path into a SARIF artifact location: a relative path
// becomes a percent-encoded URI relative to %SRCROOT% (the repository
// root), an absolute one a file URI.
func artifact(file string) sarifArtifact {
	p := strings.ReplaceAll(file, `\`, "/")
	if isAbsPath(p) {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // a Windows drive path
		}
		return sarifArtifact{URI: (&url.URL{Scheme: "file", Path: p}).String()}
	}
	p = path.Clean(p)
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return sarifArtifact{URI: strings.Join(segs, "/"), URIBaseID: "%SRCROOT%"}
}

func isAbsPath(p string) bool {
	if strings.HasPrefix(p, "/") {
		return true
	}
	// C:/... from Windows.
	return len(p) >= 3 && p[1] == ':' && p[2] == '/' &&
		(p[0] >= 'a' && p[0] <= 'z' || p[0] >= 'A' && p[0] <= 'Z')
}

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return "note"
}

func firstParagraph(s string) string {
	if i := strings.Index(s, "\n\n"); i >= 0 {
		s = s[:i]
	}
	return strings.Join(strings.Fields(s), " ")
}

// truncate cuts s to at most n bytes at a rune boundary, marking the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

func nonEmpty(s, fallback string) string {
	if strings.TrimSpace(s) == "" {
		return fallback
	}
	return s
}

// isSemver reports whether v is MAJOR.MINOR.PATCH with an optional
// pre-release or build suffix, as SARIF semanticVersion requires.
func isSemver(v string) bool {
	core := v
	if i := strings.IndexAny(core, "-+"); i >= 0 {
		core = core[:i]
	}
	parts := strings.Split(core, ".")
	if len(parts) != 3 {
		return false
	}
	for _, p := range parts {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}
