package rules

import (
	"slices"
	"strings"
)

// oauthWords are the words of the OAuth vocabulary that the rules judge,
// without a provider's name: a token request names its grant or OAuth
// (grant_type, /oauth2/...), and a credential names a secret, a password
// or an assertion. The token endpoints add "token" (Keywords).
var oauthWords = []string{"oauth", "grant", "secret", "passw", "assertion"}

// minHintLen is the shortest catalog name hint that is a keyword: a
// two-letter hint ("gc", as in gc_region) is a hint for a templated host
// the file also names otherwise, and would match ordinary words.
const minHintLen = 4

// Keywords are the words, in lower case and matched ignoring ASCII case, of
// which a file needs one for a rule with these options to find something
// in it, so a file with none is never parsed. They are derived from what
// the rules judge and from the catalog, user providers included:
//   - the OAuth vocabulary (oauthWords) and the last segment of every
//     token path and token endpoint ("token");
//   - each provider's hosts, families, region domains, fabricated hosts,
//     domain variables and name hints, which API calls, region settings
//     and templated hosts name;
//   - "region" and "environment" when regions are pinned: a region
//     declaration alone can then be outside them (region-mismatch); without
//     pins it only ever counts beside a provider host, which has its own.
//
// A word that contains another is left out: the shorter one finds it.
func Keywords(opts *Options) []string {
	cat := opts.Catalog
	if cat == nil {
		cat = DefaultCatalog()
	}
	words := slices.Clone(oauthWords)
	for _, p := range cat.TokenPaths {
		words = append(words, lastSegment(p))
	}
	for _, e := range cat.TokenEndpoints {
		words = append(words, lastSegment(e.Path))
	}
	for _, p := range cat.Providers {
		for _, list := range [][]string{p.TokenHosts, p.APIHosts, p.Hosts, p.Families, p.DomainEnv} {
			for _, h := range list {
				words = append(words, hostWord(h))
			}
		}
		for _, r := range p.Regions {
			words = append(words, hostWord(r.Domain))
		}
		for _, f := range p.Fabricated {
			words = append(words, hostWord(f.Host))
		}
		for _, h := range p.NameHints {
			if h = strings.Trim(h, "*"); len(h) >= minHintLen {
				words = append(words, strings.ToLower(h))
			}
		}
	}
	if len(opts.Regions) > 0 {
		words = append(words, "region", "environment")
	}
	return minimalWords(words)
}

// hostWord is the part of a host pattern that every host it matches
// contains: "*.okta.com" is "okta.com", "mypurecloud.*" is "mypurecloud".
func hostWord(h string) string {
	h = strings.ToLower(h)
	h = strings.TrimPrefix(h, "*.")
	return strings.TrimSuffix(h, ".*")
}

func lastSegment(p string) string {
	return strings.ToLower(p[strings.LastIndexByte(p, '/')+1:])
}

// minimalWords sorts the words and drops empty ones, duplicates and any
// word that contains another.
func minimalWords(words []string) []string {
	slices.SortFunc(words, func(a, b string) int { return len(a) - len(b) })
	var out []string
	for _, w := range words {
		if w != "" && !slices.ContainsFunc(out, func(o string) bool { return strings.Contains(w, o) }) {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out
}
