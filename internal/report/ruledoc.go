package report

import (
	"fmt"
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

// RulePage is the Markdown of docs/rules/<id>.md, generated from the rule.
func RulePage(r *rules.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!-- Generated from the rule's documentation by `go test ./internal/report -update-rule-docs`; do not edit. -->\n\n")
	fmt.Fprintf(&b, "# %s\n\n", r.ID)
	fmt.Fprintf(&b, "%s (default severity: **%s**)\n\n", markdownText(r.Summary), r.Severity)
	if s, ok := security[r.ID]; ok {
		fmt.Fprintf(&b, "Security: code scanning ranks this rule at security-severity %s (CWE-%s).\n\n", s.severity, s.cwe)
	} else if r.ID == rules.UnencodedSecret.ID {
		fmt.Fprintf(&b, "Security: a literal secret in the body is a hard-coded credential, and that finding carries security-severity %s (CWE-%s) in SARIF.\n\n", literalSecret.severity, literalSecret.cwe)
	}
	b.WriteString(RuleMarkdown(r))
	fmt.Fprintf(&b, "\nRun `tokenlint explain %s` for this text in a terminal.\n", r.ID)
	return b.String()
}

// RuleMarkdown renders a rule's Doc (plain text with four-space indented
// examples) as Markdown: the examples become fenced blocks, and the prose
// is escaped so "<region domain>" and "*Api" stay text.
func RuleMarkdown(r *rules.Rule) string {
	lines := strings.Split(strings.TrimSpace(r.Doc), "\n")
	var b strings.Builder
	inCode, afterBlank := false, true
	for _, line := range lines {
		code := strings.HasPrefix(line, "    ")
		switch {
		case code && !inCode:
			if !afterBlank {
				b.WriteString("\n")
			}
			// "text": the examples are shown, not linted, when tokenlint
			// reads these pages (the bad ones are bad on purpose).
			b.WriteString("```text\n")
			inCode = true
		case !code && inCode && strings.TrimSpace(line) != "":
			b.WriteString("```\n\n")
			inCode = false
		}
		if inCode {
			if strings.TrimSpace(line) == "" {
				continue // a blank line inside an example ends nothing
			}
			b.WriteString(strings.TrimPrefix(line, "    ") + "\n")
			continue
		}
		b.WriteString(markdownLine(line) + "\n")
		afterBlank = strings.TrimSpace(line) == ""
	}
	if inCode {
		b.WriteString("```\n")
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
