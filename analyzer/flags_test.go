package analyzer_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/tokenlint/tokenlint/analyzer"
)

// TestFlags runs the analyzer as go vet would pass -disable and -region.
func TestFlags(t *testing.T) {
	set := func(name, value string) {
		t.Helper()
		old := analyzer.Analyzer.Flags.Lookup(name).Value.String()
		if err := analyzer.Analyzer.Flags.Set(name, value); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { analyzer.Analyzer.Flags.Set(name, old) })
	}
	set("disable", "token-host")
	set("region", "eu-west-1")
	analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer, "flags/disabled")
}

func TestSelectRules(t *testing.T) {
	for _, tc := range []struct {
		enable, disable []string
		want            string // rule IDs, or the error's start
	}{
		{nil, nil, "all"},
		{[]string{"token-host", "token-path"}, nil, "token-host,token-path"},
		{[]string{"token-host", "token-path"}, []string{"token-path"}, "token-host"},
		{nil, []string{"no-such-rule"}, `unknown rule "no-such-rule"`},
		{[]string{"Token-Host"}, nil, `unknown rule "Token-Host"`},
	} {
		list, err := analyzer.SelectRules(tc.enable, tc.disable)
		var got string
		switch {
		case err != nil:
			got = err.Error()
		case len(tc.enable) == 0 && len(tc.disable) == 0:
			got = "all"
			if len(list) < 5 {
				got = "too few"
			}
		default:
			var ids []string
			for _, r := range list {
				ids = append(ids, r.ID)
			}
			got = strings.Join(ids, ",")
		}
		if !strings.HasPrefix(got, tc.want) {
			t.Errorf("SelectRules(%v, %v) = %q, want %q", tc.enable, tc.disable, got, tc.want)
		}
	}
}

// TestResultSecrets checks that the result a driver reads carries the
// spans of literal secrets, for redaction.
func TestResultSecrets(t *testing.T) {
	for _, r := range analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer, "hardcoded-secret/bad") {
		res, ok := r.Result.(*analyzer.Result)
		if !ok || len(res.Diagnostics) == 0 {
			t.Fatalf("result %#v: want findings", r.Result)
		}
		if len(res.Secrets) == 0 {
			t.Errorf("no secret spans in %s", r.Pass.Pkg.Path())
		}
		for _, s := range res.Secrets {
			if s.End <= s.Start {
				t.Errorf("empty secret span %+v", s)
			}
		}
	}
}
