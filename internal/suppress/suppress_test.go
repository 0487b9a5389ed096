package suppress

import (
	"strconv"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

// finding makes a finding of rule starting at the first occurrence of at.
func finding(t *testing.T, src, rule, at string) rules.Diagnostic {
	t.Helper()
	i := strings.Index(src, at)
	if i < 0 {
		t.Fatalf("%q not in source", at)
	}
	return rules.Diagnostic{Rule: rule, Severity: rules.Error, Span: rules.Span{File: "f", Start: i, End: i + len(at)}}
}

func lineOf(src string, off int) int { return strings.Count(src[:off], "\n") + 1 }

func TestApply(t *testing.T) {
	for _, tc := range []struct {
		name    string
		markers []string
		src     string
		// findings: rule@text
		findings []string
		kept     []string // rule@text left
		reasons  []string // reasons of the suppressed, in order
		problems []string // rule:line
	}{
		{
			name: "comment before a fence covers the block", markers: []string{"<!--"},
			src:      "<!-- tokenlint:ignore token-host -- this page shows the mistake -->\n```sh\n# the wrong host:\ncurl -X POST \\\n  https://api.mypurecloud.com/oauth/token\n```\ncurl https://api.mypurecloud.de/oauth/token\n",
			findings: []string{"token-host@api.mypurecloud.com", "token-host@api.mypurecloud.de"},
			kept:     []string{"token-host@api.mypurecloud.de"},
			reasons:  []string{"this page shows the mistake"},
		},
		{
			name: "comment before an indented fence in a list", markers: []string{"<!--"},
			src:      "<!-- tokenlint:ignore json-token-request -- JSON on purpose -->\n  ~~~~\n  a\n  ~~~\n  json here\n  ~~~~\n",
			findings: []string{"json-token-request@json here"},
			reasons:  []string{"JSON on purpose"},
		},
		{
			name: "line above, shell", markers: []string{"#"},
			src:      "# tokenlint:ignore token-host -- staging proxy\ncurl https://api.mypurecloud.com/oauth/token\n",
			findings: []string{"token-host@api.mypurecloud.com"},
			reasons:  []string{"staging proxy"},
		},
		{
			name: "same line, two rules, http file", markers: []string{"#", "//"},
			src:      "POST https://api.mypurecloud.com/api/v2/oauth/token // tokenlint:ignore token-host, token-path -- fixture\n",
			findings: []string{"token-host@api.mypurecloud.com", "token-path@/api/v2/oauth/token"},
			reasons:  []string{"fixture", "fixture"},
		},
		{
			name: "other rule stays and the directive is unused", markers: []string{"#"},
			src:      "x: 1 # tokenlint:ignore token-path -- reason\nurl: https://api.mypurecloud.com/oauth/token\n",
			findings: []string{"token-host@api.mypurecloud.com"},
			kept:     []string{"token-host@api.mypurecloud.com"},
			problems: []string{"unused-ignore:1"},
		},
		{
			name: "two lines above does not count", markers: []string{"#"},
			src:      "# tokenlint:ignore token-host -- r\n\nurl: https://api.mypurecloud.com/oauth/token\n",
			findings: []string{"token-host@api.mypurecloud.com"},
			kept:     []string{"token-host@api.mypurecloud.com"},
			problems: []string{"unused-ignore:1"},
		},
		{
			name: "no reason is invalid and suppresses nothing", markers: []string{"#"},
			src:      "# tokenlint:ignore token-host\nurl: https://api.mypurecloud.com/oauth/token\n",
			findings: []string{"token-host@api.mypurecloud.com"},
			kept:     []string{"token-host@api.mypurecloud.com"},
			problems: []string{"invalid-ignore:1"},
		},
		{
			name: "empty reason, no rules, unknown rule, glued word", markers: []string{"#"},
			src:      "# tokenlint:ignore token-host --  \n# tokenlint:ignore -- why\n# tokenlint:ignore token-hots -- typo\n# tokenlint:ignoretoken-host -- x\n",
			problems: []string{"invalid-ignore:1", "invalid-ignore:2", "invalid-ignore:3", "invalid-ignore:4"},
		},
		{
			name: "markdown html comment and shell comment in a fence", markers: []string{"<!--"},
			src:      "<!-- tokenlint:ignore json-token-request -- shows the wrong way -->\n```sh\ncurl --json '{}' https://login.mypurecloud.com/oauth/token # tokenlint:ignore token-path -- demo\n```\n",
			findings: []string{"json-token-request@```sh", "token-path@/oauth/token"},
			reasons:  []string{"shows the wrong way", "demo"},
		},
		{
			name: "a text fence shows directives and obeys none", markers: []string{"<!--"},
			src:      "```text\n# tokenlint:ignore token-host\ncurl https://api.mypurecloud.com/oauth/token\n```\n~~~sh\n# tokenlint:ignore token-host -- obeyed\ncurl https://api.mypurecloud.de/oauth/token\n~~~\n",
			findings: []string{"token-host@api.mypurecloud.com", "token-host@api.mypurecloud.de"},
			kept:     []string{"token-host@api.mypurecloud.com"},
			reasons:  []string{"obeyed"},
		},
		{
			name: "not a comment: inside a URL or a word", markers: []string{"#", "//"},
			src:      "url: https://x.example/a#tokenlint:ignore token-host -- no\nb: http://tokenlint:ignore token-host -- no\n",
			findings: []string{"token-host@x.example"},
			kept:     []string{"token-host@x.example"},
		},
		{
			name: "directive for a rule that did not run is not unused", markers: []string{"#"},
			src:      "# tokenlint:ignore user-scoped-api -- only with the user grant\nGET https://api.mypurecloud.com/api/v2/users/me\n",
			problems: nil,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var fs []rules.Diagnostic
			for _, f := range tc.findings {
				rule, at, _ := strings.Cut(f, "@")
				fs = append(fs, finding(t, tc.src, rule, at))
			}
			enabled := []*rules.Rule{rules.TokenHost, rules.TokenPath, rules.JSONTokenRequest}
			res := Apply("f", []byte(tc.src), tc.markers, fs, enabled)
			var kept, reasons, problems []string
			for _, f := range res.Kept(fs) {
				kept = append(kept, f.Rule+"@"+tc.src[f.Span.Start:f.Span.End])
			}
			for i := range fs {
				if r := res.Reason(i); r != "" {
					reasons = append(reasons, r)
				}
			}
			for _, p := range res.Problems {
				problems = append(problems, p.Rule+":"+strconv.Itoa(lineOf(tc.src, p.Span.Start)))
				if !strings.HasPrefix(tc.src[p.Span.Start:], Directive) || p.Message == "" {
					t.Errorf("problem span %d:%d does not start at the directive", p.Span.Start, p.Span.End)
				}
			}
			if strings.Join(kept, "|") != strings.Join(tc.kept, "|") {
				t.Errorf("kept %v, want %v", kept, tc.kept)
			}
			if strings.Join(reasons, "|") != strings.Join(tc.reasons, "|") {
				t.Errorf("suppressed with %v, want %v", reasons, tc.reasons)
			}
			if strings.Join(problems, "|") != strings.Join(tc.problems, "|") {
				t.Errorf("problems %v, want %v (%+v)", problems, tc.problems, res.Problems)
			}
		})
	}
}

func TestNoDirectivesKeepsSlice(t *testing.T) {
	fs := []rules.Diagnostic{{Rule: "token-host"}}
	res := Apply("f", []byte("nothing here"), []string{"#"}, fs, nil)
	if kept := res.Kept(fs); len(kept) != 1 || &kept[0] != &fs[0] || res.Problems != nil || res.Reason(0) != "" {
		t.Errorf("%+v", res)
	}
}
