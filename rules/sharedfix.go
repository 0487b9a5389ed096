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
	// Only the edits are indexed, not every text of every request: a large
	// file's requests are many and its fixes few, and a file without fixes
	// costs nothing here.
	type edit struct {
		TextEdit
		users int // distinct requests whose text the edit touches
		last  int // 1 + the index of the request counted last
	}
	var edits []edit
	wanted := map[string]int{}
	for _, f := range findings {
		if f.Fix != nil {
			wanted[fixKey(f.Fix)]++
			for _, e := range f.Fix.Edits {
				edits = append(edits, edit{TextEdit: e})
			}
		}
	}
	if len(edits) == 0 {
		return
	}
	// Short edits are found by binary search on their start; the few long
	// ones are scanned, so a long edit does not widen every search.
	var short, long []int
	for k, e := range edits {
		if e.End-e.Start <= longUse {
			short = append(short, k)
		} else {
			long = append(long, k)
		}
	}
	sort.Slice(short, func(i, j int) bool { return edits[short[i]].Start < edits[short[j]].Start })
	for i, r := range u.Requests {
		r.values(func(v *Value) {
			for _, s := range v.Segs {
				if s.Dynamic {
					continue
				}
				x := s.Source(v.File)
				count := func(k int) {
					if e := &edits[k]; e.last != i+1 && touches(x, e.TextEdit) {
						e.last = i + 1
						e.users++
					}
				}
				first := sort.Search(len(short), func(k int) bool { return edits[short[k]].Start >= x.Start-longUse })
				for _, k := range short[first:] {
					if edits[k].Start > x.End {
						break
					}
					count(k)
				}
				for _, k := range long {
					count(k)
				}
			}
		})
	}
	next := 0 // edits are in the order of the findings' fixes
	for i := range findings {
		f := &findings[i]
		if f.Fix == nil {
			continue
		}
		need := 0
		for range f.Fix.Edits {
			need = max(need, edits[next].users)
			next++
		}
		if need > wanted[fixKey(f.Fix)] {
			f.Fix = nil
		}
	}
}

// touches reports whether edit e changes the text at x; an insertion
// touches a text it borders.
func touches(x Span, e TextEdit) bool {
	if x.File != "" && e.File != "" && x.File != e.File {
		return false
	}
	return e.Start < x.End && x.Start < e.End || e.Start == e.End && x.Start <= e.Start && e.Start <= x.End
}

// longUse is the length above which an edit is kept out of the
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
