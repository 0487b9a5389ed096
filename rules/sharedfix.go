package rules

import (
	"fmt"
	"sort"
	"strings"
)

// guardSharedFixes drops the fix of a finding whose edits change text that
// several requests use, unless each of them has a finding with the same
// fix: a shell HOST= or URL=, an .http {{host}}, a Postman variable or a Go
// constant feeding a token request and an API call must not be rewritten
// for the one and break the other. One finding per request and fix is
// counted, as rules report each request once.
func guardSharedFixes(u *Unit, findings []Diagnostic) {
	type use struct {
		Span
		req int
	}
	var uses []use
	for i, r := range u.Requests {
		r.values(func(v *Value) {
			for _, s := range v.Segs {
				if !s.Dynamic {
					uses = append(uses, use{Span{File: v.File, Start: s.Start, End: s.End}, i})
				}
			}
		})
	}
	if len(uses) == 0 {
		return
	}
	// Short texts are found by binary search on their start; the few long
	// ones (a heredoc body) are scanned, so a long text does not widen
	// every search.
	var short, long []use
	for _, x := range uses {
		if x.End-x.Start <= longUse {
			short = append(short, x)
		} else {
			long = append(long, x)
		}
	}
	sort.Slice(short, func(i, j int) bool { return short[i].Start < short[j].Start })
	touches := func(x use, e TextEdit) bool {
		if x.File != "" && e.File != "" && x.File != e.File {
			return false
		}
		// An insertion touches a text it borders.
		return e.Start < x.End && x.Start < e.End || e.Start == e.End && x.Start <= e.Start && e.Start <= x.End
	}
	// users are the requests whose text the edit touches.
	users := func(e TextEdit) map[int]bool {
		out := map[int]bool{}
		first := sort.Search(len(short), func(i int) bool { return short[i].Start >= e.Start-longUse })
		for _, x := range short[first:] {
			if x.Start > e.End {
				break
			}
			if touches(x, e) {
				out[x.req] = true
			}
		}
		for _, x := range long {
			if touches(x, e) {
				out[x.req] = true
			}
		}
		return out
	}
	wanted := map[string]int{}
	for _, f := range findings {
		if f.Fix != nil {
			wanted[fixKey(f.Fix)]++
		}
	}
	for i := range findings {
		f := &findings[i]
		if f.Fix == nil {
			continue
		}
		need := 0
		for _, e := range f.Fix.Edits {
			need = max(need, len(users(e)))
		}
		if need > wanted[fixKey(f.Fix)] {
			f.Fix = nil
		}
	}
}

// longUse is the length above which a request's text is kept out of the
// sorted search of guardSharedFixes.
const longUse = 4096

// fixKey identifies a fix by its edits.
func fixKey(fx *Fix) string {
	var b strings.Builder
	for _, e := range fx.Edits {
		fmt.Fprintf(&b, "%s:%d:%d:%q;", e.File, e.Start, e.End, e.New)
	}
	return b.String()
}
