package report

//go:generate go run ./internal/gendocs ../..

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/suppress"
	"github.com/tokenlint/tokenlint/rules"
)

// RuleDocsURL is where docs/rules/<id>.md is published.
const RuleDocsURL = InformationURI + "/blob/main/docs/rules/"

// securityInfo is what code scanning needs to rank a rule whose finding
// exposes a credential: GitHub's security-severity (0.0-10.0; 9.0 and up
// is critical, 7.0 high) and the CWE the weakness is filed under.
type securityInfo struct {
	severity string
	cwe      string
}

// security lists the rules that leak credentials. unencoded-secret is
// not here: most of its findings are an encoding fault, and only its
// literal-secret case is a leak (securityOfFinding).
var security = map[string]securityInfo{
	"hardcoded-secret":    {"9.1", "798"}, // Use of Hard-coded Credentials
	"secret-in-query":     {"7.5", "598"}, // Use of GET Request Method With Sensitive Query Strings
	"insecure-token-url":  {"7.5", "319"}, // Cleartext Transmission of Sensitive Information
	"tls-verify-disabled": {"7.4", "295"}, // Improper Certificate Validation
}

// literalSecret is the security standing of unencoded-secret's literal
// case: a secret written into the file is a hard-coded credential.
var literalSecret = securityInfo{"9.1", "798"}

// securityOfFinding is the security standing of one finding, for the
// result's own properties: its rule's, or unencoded-secret's literal case.
func securityOfFinding(f lint.Finding) (securityInfo, bool) {
	if s, ok := security[f.Rule]; ok {
		return s, true
	}
	if f.Rule == rules.UnencodedSecret.ID && !strings.HasSuffix(f.Key, ":dynamic") && !strings.HasSuffix(f.Key, ":placeholder") {
		return literalSecret, true
	}
	return securityInfo{}, false
}

func (s securityInfo) tags() []string {
	return []string{"security", "external/cwe/cwe-" + s.cwe}
}

// DocumentedRules are the rules with a page under docs/rules: the
// engine's and the directive checks'.
func DocumentedRules() []*rules.Rule {
	return append(append([]*rules.Rule{}, rules.All()...), suppress.Rules()...)
}

func hasDocPage(id string) bool {
	for _, r := range DocumentedRules() {
		if r.ID == id {
			return true
		}
	}
	return false
}

// ruleHelpURI is a rule's own page, or the rules table for a rule without
// one (a rule only a future version knows, say).
func ruleHelpURI(id string) string {
	if hasDocPage(id) {
		return RuleDocsURL + id + ".md"
	}
	return InformationURI + "#rules"
}

// RuleText is a rule's documentation as plain text, for tokenlint
// explain and SARIF's help.text: why, the examples indented by four
// spaces, the notes, the sources and the release that brought the rule.
func RuleText(r *rules.Rule) string {
	d := r.Doc
	var b strings.Builder
	b.WriteString(strings.TrimSpace(nonEmpty(d.Why, r.Summary)) + "\n")
	for _, ex := range examples(d) {
		fmt.Fprintf(&b, "\n%s (%s):\n", ex.kind, ex.Format)
		for line := range strings.Lines(strings.TrimRight(ex.Code, "\n") + "\n") {
			if line != "\n" {
				b.WriteString("    ")
			}
			b.WriteString(line)
		}
		if ex.Caption != "" {
			b.WriteString(ex.Caption + "\n")
		}
	}
	if d.Notes != "" {
		b.WriteString("\n" + strings.TrimSpace(d.Notes) + "\n")
	}
	if len(d.Sources) > 0 {
		b.WriteString("\nSources:\n")
		for _, s := range d.Sources {
			b.WriteString("- " + s + "\n")
		}
	}
	if d.Since != "" {
		fmt.Fprintf(&b, "\nSince %s.\n", d.Since)
	}
	return b.String()
}

// An example is a bad or good example with which it is.
type example struct {
	rules.Example
	kind string // "Bad" or "Good"
}

func examples(d rules.Documentation) []example {
	var out []example
	for _, e := range d.Bad {
		out = append(out, example{e, "Bad"})
	}
	for _, e := range d.Good {
		out = append(out, example{e, "Good"})
	}
	return out
}

// RuleDescription is the first paragraph of a rule's why, which stands
// alone (SARIF's fullDescription), on one line.
func RuleDescription(r *rules.Rule) string {
	return firstParagraph(strings.TrimSpace(nonEmpty(r.Doc.Why, r.Summary)))
}

// RulePage is the Markdown of docs/rules/<id>.md, generated from the rule.
func RulePage(r *rules.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!-- Generated from the rule's documentation by `go generate ./internal/report`; do not edit. -->\n\n")
	fmt.Fprintf(&b, "# %s\n\n", r.ID)
	fmt.Fprintf(&b, "%s (default severity: **%s**)\n\n", markdownText(r.Summary), r.Severity)
	if s, ok := security[r.ID]; ok {
		fmt.Fprintf(&b, "Security: code scanning ranks this rule at security-severity %s (CWE-%s).\n\n", s.severity, s.cwe)
	} else if r.ID == rules.UnencodedSecret.ID {
		fmt.Fprintf(&b, "Security: a literal secret in the body is a hard-coded credential, and that finding carries security-severity %s (CWE-%s) in SARIF.\n\n", literalSecret.severity, literalSecret.cwe)
	}
	b.WriteString(ruleMarkdown(r, true))
	fmt.Fprintf(&b, "\nRun `tokenlint explain %s` for this text in a terminal.\n", r.ID)
	return b.String()
}

// RuleMarkdown is a rule's documentation as Markdown, for SARIF's
// help.markdown: the prose escaped so "<region domain>" and "*Api" stay
// text, each example in a fence of its format.
func RuleMarkdown(r *rules.Rule) string { return ruleMarkdown(r, false) }

// ruleMarkdown renders the documentation; on a page, which tokenlint
// lints with the rest of docs/, each bad example the Markdown front end
// reads carries a directive that expects the rule's finding there, and
// the examples of the directive checks are shown as text (they are
// directives, which the page would otherwise carry out).
func ruleMarkdown(r *rules.Rule, page bool) string {
	d := r.Doc
	var b strings.Builder
	b.WriteString(markdownProse(nonEmpty(d.Why, r.Summary)))
	directives := slices.Contains(suppress.Rules(), r)
	last := ""
	for _, ex := range examples(d) {
		if ex.kind != last {
			fmt.Fprintf(&b, "\n## %s\n", ex.kind)
			last = ex.kind
		}
		lang := string(ex.Format)
		if directives {
			lang = "text"
		}
		b.WriteString("\n")
		if page && ex.kind == "Bad" && !directives && ex.Format != rules.FormatGo {
			fmt.Fprintf(&b, "<!-- %s %s -- a bad example: the rule reports it -->\n", suppress.Directive, r.ID)
		}
		fence := "```"
		for strings.Contains(ex.Code, fence) {
			fence += "`"
		}
		fmt.Fprintf(&b, "%s%s\n%s\n%s\n", fence, lang, strings.TrimRight(ex.Code, "\n"), fence)
		if ex.Caption != "" {
			b.WriteString("\n" + markdownText(ex.Caption) + "\n")
		}
	}
	if d.Notes != "" {
		b.WriteString("\n## Notes\n\n" + markdownProse(d.Notes))
	}
	if len(d.Sources) > 0 {
		b.WriteString("\n## Sources\n\n")
		for _, s := range d.Sources {
			b.WriteString("- " + markdownText(s) + "\n")
		}
	}
	if d.Since != "" {
		fmt.Fprintf(&b, "\nSince %s.\n", d.Since)
	}
	return b.String()
}

// markdownProse escapes prose line by line, keeping list items list items.
func markdownProse(s string) string {
	var b strings.Builder
	for line := range strings.Lines(strings.TrimSpace(s)) {
		b.WriteString(markdownLine(strings.TrimSuffix(line, "\n")) + "\n")
	}
	return b.String()
}

// markdownLine escapes one line of prose, keeping a list item a list item.
func markdownLine(line string) string {
	if rest, ok := strings.CutPrefix(line, "- "); ok {
		return "- " + markdownText(rest)
	}
	if strings.HasPrefix(line, "  ") {
		return "  " + markdownText(strings.TrimLeft(line, " "))
	}
	return markdownText(line)
}

var markdownEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "<", "&lt;", ">", "&gt;", "`", "\\`", "[", `\[`, "]", `\]`, "#", `\#`, "|", `\|`)

func markdownText(s string) string { return markdownEscaper.Replace(s) }

// RulesIndex is docs/rules/README.md: a table of the rules with their pages.
func RulesIndex() string {
	var b strings.Builder
	b.WriteString("<!-- Generated by `go generate ./internal/report`; do not edit. -->\n\n# Rules\n\n")
	b.WriteString("One page per rule, generated from the rule's documentation (`tokenlint explain RULE` prints the same text). SARIF's `helpUri` points here.\n\n")
	b.WriteString("| rule | severity | what it finds | since |\n|---|---|---|---|\n")
	for _, r := range DocumentedRules() {
		fmt.Fprintf(&b, "| [%s](%s.md) | %s | %s | %s |\n", r.ID, r.ID, r.Severity, tableText(r.Summary), r.Doc.Since)
	}
	return b.String()
}

// ReadmeRulesTable is the rules table of the README, between its markers.
func ReadmeRulesTable() string {
	var b strings.Builder
	b.WriteString("| rule | severity | what it finds |\n|---|---|---|\n")
	for _, r := range rules.All() {
		fmt.Fprintf(&b, "| [`%s`](docs/rules/%s.md) | %s | %s |\n", r.ID, r.ID, r.Severity, tableText(r.Summary))
	}
	return b.String()
}

func tableText(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// The markers around the README's rules table.
const (
	readmeTableStart = "<!-- rules:start (generated from the rules' documentation; go generate ./internal/report) -->"
	readmeTableEnd   = "<!-- rules:end -->"
)

// RuleDocsDir is where the rule pages live, from the repository root.
const RuleDocsDir = "docs/rules"

// DocFiles are the files generated from the rules' documentation, by
// slash path from the repository root: a page per rule and the index
// under RuleDocsDir, and README.md (given as it is) with its rules table
// rewritten.
func DocFiles(readme string) (map[string]string, error) {
	i, j := strings.Index(readme, readmeTableStart), strings.Index(readme, readmeTableEnd)
	if i < 0 || j < i {
		return nil, fmt.Errorf("README.md lacks the %q ... %q markers", readmeTableStart, readmeTableEnd)
	}
	files := map[string]string{
		"README.md":                readme[:i] + readmeTableStart + "\n" + ReadmeRulesTable() + readme[j:],
		RuleDocsDir + "/README.md": RulesIndex(),
	}
	for _, r := range DocumentedRules() {
		files[RuleDocsDir+"/"+r.ID+".md"] = RulePage(r)
	}
	return files, nil
}
