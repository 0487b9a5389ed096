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
func guardSharedFixes(u *Unit, findings []Finding) {
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
	sort.Slice(uses, func(i, j int) bool { return uses[i].Start < uses[j].Start })
	longest := 0
	for _, x := range uses {
		longest = max(longest, x.End-x.Start)
	}
	// users are the requests whose text the edit touches; an insertion
	// touches a text it borders.
	users := func(e TextEdit) map[int]bool {
		out := map[int]bool{}
		first := sort.Search(len(uses), func(i int) bool { return uses[i].Start >= e.Start-longest })
		for _, x := range uses[first:] {
			if x.Start > e.End {
				break
			}
			if x.File != "" && e.File != "" && x.File != e.File {
				continue
			}
			if e.Start < x.End && x.Start < e.End || e.Start == e.End && x.Start <= e.Start && e.Start <= x.End {
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

// fixKey identifies a fix by its edits.
func fixKey(fx *Fix) string {
	var b strings.Builder
	for _, e := range fx.Edits {
		fmt.Fprintf(&b, "%s:%d:%d:%q;", e.File, e.Start, e.End, e.New)
	}
	return b.String()
}
