package suppress

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/tokenlint/tokenlint/internal/keyword"
	"github.com/tokenlint/tokenlint/rules"
)

// Directive is the word that starts an inline suppression.
const Directive = "tokenlint:ignore"

// InvalidIgnore reports a malformed directive.
var InvalidIgnore = &rules.Rule{
	ID:       "invalid-ignore",
	Severity: rules.Error,
	Summary:  "tokenlint:ignore directive without rule IDs or reason, or naming an unknown rule",
	Doc: rules.Documentation{
		Why: `An inline suppression must name the rules it suppresses and say why.
A directive without a reason after "--", without rule IDs, or with a rule ID
that does not exist suppresses nothing and is reported, so every suppression
in a repository explains itself.`,
		Bad: []rules.Example{{Format: rules.FormatShell, Code: `# tokenlint:ignore tls-verify-disabled
curl -k -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials`}},
		Good: []rules.Example{{Format: rules.FormatShell, Code: `# tokenlint:ignore tls-verify-disabled -- the CI proxy re-signs TLS with a CA this image lacks
curl -k -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials`}},
		Sources: []string{"docs/integrations.md, Inline suppression"},
		Since:   rules.FirstRelease,
	},
}

// UnusedIgnore reports a directive that suppresses nothing.
var UnusedIgnore = &rules.Rule{
	ID:       "unused-ignore",
	Severity: rules.Warning,
	Summary:  "tokenlint:ignore directive that suppresses nothing",
	Doc: rules.Documentation{
		Why: `A tokenlint:ignore directive covers findings on its own line and the line
below it. When the named rule ran and found nothing there, the directive is
stale (the code was fixed or moved) and should be removed or moved next to
the finding it is meant for.`,
		Bad: []rules.Example{{Format: rules.FormatShell, Code: `# tokenlint:ignore tls-verify-disabled -- the CI proxy re-signs TLS with a CA this image lacks
curl -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials`,
			Caption: "The -k is gone, and the directive with it should go."}},
		Good: []rules.Example{{Format: rules.FormatShell, Code: `curl -X POST https://login.mypurecloud.com/oauth/token -u "$ID:$SECRET" -d grant_type=client_credentials`}},
		Notes: `In Markdown, a directive in an HTML comment on the line just above a code
fence covers the whole block; one that covers no finding of its rules in
the block is stale the same way.`,
		Sources: []string{"docs/integrations.md, Inline suppression"},
		Since:   rules.FirstRelease,
	},
}

// Rules are the pseudo-rules of directive problems, for rule listings and
// SARIF descriptors.
func Rules() []*rules.Rule { return []*rules.Rule{InvalidIgnore, UnusedIgnore} }

// A Result is what the directives of one file do to its diagnostics.
type Result struct {
	// reasons holds, for each diagnostic in the order Apply was given,
	// the reason of the directive that suppresses it, or "" (a valid
	// directive always states one); nil when none is suppressed.
	reasons []string
	// Problems are invalid-ignore and unused-ignore diagnostics about the
	// directives themselves.
	Problems []rules.Diagnostic
}

// Reason is the justification of the directive that suppresses the i-th
// diagnostic given to Apply, or "" when none does.
func (r Result) Reason(i int) string {
	if i < len(r.reasons) {
		return r.reasons[i]
	}
	return ""
}

// Kept returns the diagnostics given to Apply that no directive
// suppresses.
func (r Result) Kept(diags []rules.Diagnostic) []rules.Diagnostic {
	if r.reasons == nil {
		return diags
	}
	var out []rules.Diagnostic
	for i, d := range diags {
		if r.reasons[i] == "" {
			out = append(out, d)
		}
	}
	return out
}

// directive is one parsed tokenlint:ignore.
type directive struct {
	line    int
	span    rules.Span
	rules   []string
	reason  string
	invalid string // why it is malformed; "" when valid
	used    map[string]bool
	// last is the last line the directive covers beyond the next one: the
	// closing fence of a Markdown code block that follows the directive.
	last int
}

// Apply reads the directives in src (comments introduced by one of the
// markers: "#", "//", "<!--") and says which diagnostics they suppress. enabled lists the rules
// that ran (nil means every rule), so a directive for a rule that did not
// run is not called unused. Markdown embeds other formats: with "<!--",
// "#" and "//" comments in fenced blocks count as well.
func Apply(file string, src []byte, markers []string, diags []rules.Diagnostic, enabled []*rules.Rule) Result {
	if slices.Contains(markers, "<!--") {
		markers = append(slices.Clone(markers), "#", "//")
	}
	dirs := parse(file, src, markers)
	if len(dirs) == 0 {
		return Result{}
	}
	li := rules.NewLineIndex(src)
	byLine := map[int][]*directive{}
	var blocks []*directive
	for _, d := range dirs {
		if d.invalid == "" {
			byLine[d.line] = append(byLine[d.line], d)
			if d.last > 0 {
				blocks = append(blocks, d)
			}
		}
	}
	var res Result
	for i, f := range diags {
		line, _ := li.Position(f.Span.Start)
		var by *directive
		for _, l := range []int{line, line - 1} {
			for _, d := range byLine[l] {
				if by == nil && slices.Contains(d.rules, f.Rule) {
					by = d
				}
			}
		}
		for _, d := range blocks {
			if by == nil && d.line < line && line <= d.last && slices.Contains(d.rules, f.Rule) {
				by = d
			}
		}
		if by == nil {
			continue
		}
		by.used[f.Rule] = true
		if res.reasons == nil {
			res.reasons = make([]string, len(diags))
		}
		res.reasons[i] = by.reason
	}
	ran := func(id string) bool {
		if enabled == nil {
			return true
		}
		return slices.ContainsFunc(enabled, func(r *rules.Rule) bool { return r.ID == id })
	}
	for _, d := range dirs {
		if d.invalid != "" {
			res.Problems = append(res.Problems, rules.Diagnostic{
				Rule: InvalidIgnore.ID, Severity: InvalidIgnore.Severity, Span: d.span,
				Message: d.invalid, Key: "invalid " + strings.Join(d.rules, ","),
			})
			continue
		}
		for _, id := range d.rules {
			if !d.used[id] && ran(id) {
				res.Problems = append(res.Problems, rules.Diagnostic{
					Rule: UnusedIgnore.ID, Severity: UnusedIgnore.Severity, Span: d.span,
					Message: fmt.Sprintf("tokenlint:ignore %s suppresses nothing on this line or the next: remove it", id),
					Key:     "unused " + id,
				})
			}
		}
	}
	return res
}

// parse finds the directives of a file.
func parse(file string, src []byte, markers []string) []*directive {
	// Every linted file is asked; the directive's "k" is rare in text.
	if !keyword.ContainsBy(src, Directive, 2) {
		return nil
	}
	var out []*directive
	li := rules.NewLineIndex(src)
	var shown map[int]bool
	if slices.Contains(markers, "<!--") {
		shown = textFenceLines(li)
	}
	for n := 1; n <= li.Lines(); n++ {
		text := li.Line(n)
		i := bytes.Index(text, []byte(Directive))
		if i < 0 || shown[n] {
			continue
		}
		marker, ok := commentBefore(string(text[:i]), markers)
		if !ok {
			continue
		}
		start := li.LineStart(n) + i
		body := string(text[i+len(Directive):])
		if marker == "<!--" {
			if j := strings.Index(body, "-->"); j >= 0 {
				body = body[:j]
			}
		}
		body = strings.TrimSuffix(strings.TrimRight(body, " \t"), "*/")
		d := &directive{line: n, used: map[string]bool{}}
		if marker == "<!--" {
			d.last = fenceEnd(li, n+1)
		}
		d.span = rules.Span{File: file, Start: start, End: start + len(Directive) + len(body)}
		ids, reason, hasReason := strings.Cut(body, "--")
		d.reason = strings.TrimSpace(reason)
		for id := range strings.SplitSeq(ids, ",") {
			if id = strings.TrimSpace(id); id != "" {
				d.rules = append(d.rules, id)
			}
		}
		switch {
		case body != "" && body[0] != ' ' && body[0] != '\t':
			d.invalid = fmt.Sprintf("malformed directive: want %q", Directive+" RULE[,RULE] -- reason")
		case len(d.rules) == 0:
			d.invalid = "tokenlint:ignore names no rule: write tokenlint:ignore RULE[,RULE] -- reason"
		case !hasReason || d.reason == "":
			d.invalid = "tokenlint:ignore needs a reason: write tokenlint:ignore " + strings.Join(d.rules, ",") + " -- why this is fine"
		default:
			for _, id := range d.rules {
				if rules.Lookup(id) == nil || strings.ContainsAny(id, " \t") {
					d.invalid = fmt.Sprintf("tokenlint:ignore names unknown rule %q (see tokenlint rules)", id)
					break
				}
			}
		}
		out = append(out, d)
	}
	return out
}

// commentBefore reports whether the text before a directive ends with a
// comment marker followed only by blanks, and which. The marker must start
// the line or follow a blank (a shell word, a YAML or Go comment), and only
// blanks may separate it from the directive, so "http://tokenlint:ignore"
// and "a#tokenlint:ignore" are not comments.
func commentBefore(before string, markers []string) (string, bool) {
	t := strings.TrimRight(before, " \t")
	for _, m := range markers {
		if !strings.HasSuffix(t, m) {
			continue
		}
		rest := t[:len(t)-len(m)]
		if rest != "" && !strings.HasSuffix(rest, " ") && !strings.HasSuffix(rest, "\t") {
			continue
		}
		return m, true
	}
	return "", false
}

// textFenceLines are the lines of a Markdown file's fences that show text
// rather than code (text, txt, plaintext, output): they have no comments,
// so a directive there is shown, not obeyed, as a page about directives
// shows them. The Markdown front end does not read these fences either.
func textFenceLines(li *rules.LineIndex) map[int]bool {
	lines := map[int]bool{}
	for n := 1; n <= li.Lines(); n++ {
		end := fenceEnd(li, n)
		if end == 0 {
			continue
		}
		info := strings.Fields(strings.ToLower(strings.TrimLeft(string(li.Line(n)), " `~")))
		if len(info) > 0 && textFences[info[0]] {
			for k := n; k <= end; k++ {
				lines[k] = true
			}
		}
		n = end
	}
	return lines
}

var textFences = map[string]bool{"text": true, "txt": true, "plaintext": true, "output": true}

// fenceEnd is the line that closes the Markdown code fence opened on line
// n (the end of the file when nothing closes it), or 0 when line n opens
// no fence: a directive in an HTML comment just above a fence covers the
// whole block, since the request inside starts lines below it.
func fenceEnd(li *rules.LineIndex, n int) int {
	if n > li.Lines() {
		return 0
	}
	open := bytes.TrimLeft(li.Line(n), " ")
	if len(li.Line(n))-len(open) > 3 || len(open) < 3 || (open[0] != '`' && open[0] != '~') {
		return 0
	}
	c, width := open[0], 0
	for width < len(open) && open[width] == c {
		width++
	}
	if width < 3 {
		return 0
	}
	for k := n + 1; k <= li.Lines(); k++ {
		t := bytes.TrimSpace(li.Line(k))
		if len(t) >= width && bytes.Count(t, []byte{c}) == len(t) {
			return k
		}
	}
	return li.Lines()
}
