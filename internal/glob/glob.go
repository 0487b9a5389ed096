// Package glob matches slash paths against the globs of .gitignore files
// and of the configuration's exclude list: "*", "?" and "[...]" within one
// path segment, "**" for any number of segments. Matching is linear in
// the path for each pattern segment: a pattern is tried as the classic
// wildcard match, "**" playing the part of "*" over segments, and only
// the last "**" seen is ever backtracked to. Trying every split at every
// "**" instead is exponential: "**/**/**/**/**/**/**/**/**/**/x" against
// a 25-deep path took over a minute.
package glob

import (
	"path"
	"strings"
)

// Split cuts a slash pattern or path into its segments.
func Split(s string) []string { return strings.Split(s, "/") }

// Match reports whether the path segments match the pattern segments.
// A malformed segment ("[") matches nothing, as path.Match says.
func Match(pattern, segs []string) bool { return MatchFunc(pattern, segs, segment) }

// MatchFunc is Match with the matcher of one segment given: the catalog's
// endpoint paths have their own ("{id}" is any segment).
func MatchFunc(pattern, segs []string, segment func(pattern, name string) bool) bool {
	p, s := 0, 0
	star, starSeg := -1, 0 // the last "**" and the first segment it has not yet taken
	for s < len(segs) {
		switch {
		case p < len(pattern) && pattern[p] == "**":
			star, starSeg = p, s
			p++
		case p < len(pattern) && segment(pattern[p], segs[s]):
			p++
			s++
		case star >= 0:
			// Let the last "**" take one more segment and try again after it.
			starSeg++
			p, s = star+1, starSeg
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == "**" {
		p++
	}
	return p == len(pattern)
}

// segment matches one path segment; a literal needs no glob machinery.
func segment(pattern, name string) bool {
	if !strings.ContainsAny(pattern, `*?[\`) {
		return pattern == name
	}
	ok, _ := path.Match(pattern, name)
	return ok
}
