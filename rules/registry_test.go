package rules

import (
	"reflect"
	"testing"
)

func TestSelect(t *testing.T) {
	ids := func(list []*Rule) []string {
		out := []string{}
		for _, r := range list {
			out = append(out, r.ID)
		}
		return out
	}
	base := []*Rule{TokenHost, TokenPath} // a config that already narrowed the set
	for _, tt := range []struct {
		name            string
		enable, disable []string
		want            []string
	}{
		{"base kept", nil, nil, []string{"token-host", "token-path"}},
		{"disable from base", nil, []string{"token-path"}, []string{"token-host"}},
		{"enable replaces base", []string{"grant-type"}, nil, []string{"grant-type"}},
		{"enable minus disable", []string{"grant-type", "token-host"}, []string{"token-host"}, []string{"grant-type"}},
	} {
		got, err := Select(base, tt.enable, tt.disable)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !reflect.DeepEqual(ids(got), tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, ids(got), tt.want)
		}
	}
	if _, err := Select(base, []string{"no-such-rule"}, nil); err == nil {
		t.Error("an unknown rule ID was accepted")
	}
	if got := SplitList(" a, ,b,"); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("SplitList = %q", got)
	}
}
