package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// All lists every rule, sorted by ID. Adding a rule means adding its file
// and one line here.
func All() []*Rule {
	list := []*Rule{
		TokenHost,
		TokenPath,
		JSONTokenRequest,
		MultipartTokenRequest,
		UnencodedSecret,
		UserScopedAPI,
		InsecureTokenURL,
		SecretInQuery,
		TokenMethod,
		GrantType,
		HardcodedSecret,
		MissingContentType,
		TLSVerifyDisabled,
		RegionMismatch,
		EntraScope,
		Auth0Audience,
		SalesforceMyDomain,
	}
	sort.Slice(list, func(i, j int) bool { return list[i].ID < list[j].ID })
	return list
}

// Select is the rule list for -enable and -disable, as every driver reads
// them: the rules named by enable (base when enable is empty) minus those
// named by disable. An unknown rule ID is an error that says where to look.
func Select(base []*Rule, enable, disable []string) ([]*Rule, error) {
	for _, id := range append(append([]string{}, enable...), disable...) {
		if Lookup(id) == nil {
			return nil, fmt.Errorf("unknown rule %q (see tokenlint rules)", id)
		}
	}
	if len(enable) > 0 {
		base = nil
		for _, r := range All() {
			if slices.Contains(enable, r.ID) {
				base = append(base, r)
			}
		}
	}
	out := []*Rule{}
	for _, r := range base {
		if !slices.Contains(disable, r.ID) {
			out = append(out, r)
		}
	}
	return out, nil
}

// SplitList splits a comma-separated flag value, dropping blanks.
func SplitList(s string) []string {
	var out []string
	for f := range strings.SplitSeq(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
