package lint

import (
	"bufio"
	"bytes"
	"path"
	"path/filepath"
	"strings"

	"github.com/tokenlint/tokenlint/internal/glob"
	"github.com/tokenlint/tokenlint/internal/repo"
	"github.com/tokenlint/tokenlint/internal/safefile"
)

// An ignoreRule is one .gitignore line.
type ignoreRule struct {
	base     string // slash directory of the .gitignore, relative to the walk root ("" at the root), with a "/" after it
	pattern  string
	negate   bool
	dirOnly  bool
	anchored bool // contains a slash before its end: matched against the path from base
	// How to match, decided once: most .gitignore lines are a literal name
	// ("node_modules") or "*.ext", which need no glob machinery.
	literal bool     // no wildcard: compare
	suffix  string   // "*" then a literal: HasSuffix
	segs    []string // the pattern's segments when "**" spans directories
	// A glob's literal ends: what every path it matches starts and ends
	// with, so most of a long .gitignore's glob lines ("[Dd]ebug",
	// "_ReSharper*") fail a path without path.Match.
	prefix, tail string
}

// ignoreSet holds the .gitignore rules in force in a directory: the
// directory's own and, through parent, those of the directories above it,
// which every directory below shares rather than copies. Later lines win,
// and a directory's lines come after its parent's.
type ignoreSet struct {
	rules  []ignoreRule
	parent *ignoreSet
	index  *ruleIndex // rules by what they match
}

// A ruleIndex finds the last rule of one .gitignore that matches a path
// without trying each: a path matches no literal name ("node_modules")
// but its own, and no "*.ext" but its extension's, which are most of a
// .gitignore's lines (GitHub's VisualStudio template has 344). The
// others are tried from the last one down, as far as the indexed ones
// have not already decided. Every rule of one file has the same base.
type ruleIndex struct {
	base  string
	names map[string][]int // unanchored literal rules, by pattern, in order
	exts  map[string][]int // unanchored "*.ext" rules (one dot), by ".ext", in order
	rest  []int            // the other rules, in order
}

func newRuleIndex(rules []ignoreRule) *ruleIndex {
	x := &ruleIndex{base: rules[0].base, names: map[string][]int{}, exts: map[string][]int{}}
	for i, r := range rules {
		switch {
		case r.literal && !r.anchored:
			x.names[r.pattern] = append(x.names[r.pattern], i)
		case r.suffix != "" && !r.anchored && r.suffix[0] == '.' && strings.LastIndexByte(r.suffix, '.') == 0:
			x.exts[r.suffix] = append(x.exts[r.suffix], i)
		default:
			x.rest = append(x.rest, i)
		}
	}
	return x
}

// last is the index of the last of rules that matches rel, or -1.
func (x *ruleIndex) last(rules []ignoreRule, rel string, isDir bool) int {
	if !strings.HasPrefix(rel, x.base) {
		return -1
	}
	name := path.Base(rel[len(x.base):])
	best := -1
	pick := func(list []int) {
		for _, i := range list {
			if i > best && (isDir || !rules[i].dirOnly) {
				best = i
			}
		}
	}
	pick(x.names[name])
	if dot := strings.LastIndexByte(name, '.'); dot >= 0 {
		pick(x.exts[name[dot:]])
	}
	for k := len(x.rest) - 1; k >= 0 && x.rest[k] > best; k-- {
		if rules[x.rest[k]].matches(rel, isDir) {
			return x.rest[k]
		}
	}
	return best
}

// withFile returns the set extended by the .gitignore in dir, if any.
func (s ignoreSet) withFile(dirOnDisk, relDir string) ignoreSet {
	return s.withPatterns(path.Join(dirOnDisk, ".gitignore"), relDir)
}

// outerIgnores is the set in force at a walk root inside a repository:
// the repository's .git/info/exclude and the .gitignore files from the
// repository root down to the walk root, each with its directory from the
// repository root as base. prefix is the walk root's path from the
// repository root ("" when they are the same, or when there is no
// repository), to join to paths from the walk root before matching.
func outerIgnores(walkRoot string) (set ignoreSet, prefix string) {
	abs, err := filepath.Abs(walkRoot)
	if err != nil {
		return ignoreSet{}.withFile(walkRoot, ""), ""
	}
	root := repo.Root(abs)
	if root == "" {
		return ignoreSet{}.withFile(walkRoot, ""), ""
	}
	if gitDir := repo.GitDir(root); gitDir != "" {
		set = set.withPatterns(filepath.Join(repo.CommonDir(gitDir), "info", "exclude"), "")
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return ignoreSet{}.withFile(walkRoot, ""), ""
	}
	if rel == "." {
		return set.withFile(root, ""), ""
	}
	prefix = filepath.ToSlash(rel)
	set = set.withFile(root, "")
	dir := ""
	for seg := range strings.SplitSeq(prefix, "/") {
		dir = path.Join(dir, seg)
		set = set.withFile(filepath.Join(root, filepath.FromSlash(dir)), dir)
	}
	return set, prefix
}

// maxIgnoreFile bounds the .gitignore files read; git's own are a few
// kilobytes.
const maxIgnoreFile = 1 << 20

// withPatterns returns the set extended by the gitignore-style file at
// name, if any, whose patterns are relative to relDir. The file is in the
// scanned tree, so it is read through the guard (a link to /dev/zero or a
// FIFO is not read); one that cannot be read adds no rule, which lints
// more, never less.
func (s ignoreSet) withPatterns(name, relDir string) ignoreSet {
	data, err := safefile.Read(name, safefile.NoLinks, maxIgnoreFile)
	if err != nil || len(data) == 0 {
		return s
	}
	var out []ignoreRule
	base := ""
	if relDir != "" {
		base = relDir + "/"
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \t\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r := ignoreRule{base: base}
		if strings.HasPrefix(line, "!") {
			r.negate, line = true, line[1:]
		}
		line = strings.TrimPrefix(line, `\`)
		if before, ok := strings.CutSuffix(line, "/"); ok {
			r.dirOnly, line = true, before
		}
		if strings.Contains(line, "/") {
			r.anchored, line = true, strings.TrimPrefix(line, "/")
		}
		if line == "" {
			continue
		}
		r.pattern = line
		switch {
		case !strings.ContainsAny(line, "*?[\\"):
			r.literal = true
		case line[0] == '*' && !strings.ContainsAny(line[1:], "*?[\\/"):
			r.suffix = line[1:]
		case strings.Contains(line, "**"):
			r.segs = glob.Split(line)
			r.prefix, r.tail = literalEnds(line)
		default:
			r.prefix, r.tail = literalEnds(line)
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		return s
	}
	parent := s
	return ignoreSet{rules: out, parent: &parent, index: newRuleIndex(out)}
}

// ignored reports whether rel (slash path from the walk root) is ignored:
// the last rule that matches it decides.
func (s ignoreSet) ignored(rel string, isDir bool) bool {
	for set := &s; set != nil; set = set.parent {
		if set.index == nil {
			continue // no rules
		}
		if i := set.index.last(set.rules, rel, isDir); i >= 0 {
			return !set.rules[i].negate
		}
	}
	return false
}

// matches reports whether the rule's pattern matches rel, negated or not.
func (r *ignoreRule) matches(rel string, isDir bool) bool {
	if r.dirOnly && !isDir {
		return false
	}
	sub := rel
	if r.base != "" {
		if !strings.HasPrefix(rel, r.base) {
			return false
		}
		sub = rel[len(r.base):]
	}
	name := sub
	if !r.anchored {
		name = path.Base(sub)
	}
	switch {
	case r.literal:
		return name == r.pattern
	case r.suffix != "":
		return strings.HasSuffix(name, r.suffix)
	case !strings.HasPrefix(name, r.prefix) || !strings.HasSuffix(name, r.tail):
		return false
	case r.segs != nil:
		return glob.Match(r.segs, glob.Split(name))
	default:
		ok, _ := path.Match(r.pattern, name)
		return ok
	}
}

// literalEnds is the text before a glob's first wildcard, escape or class
// and the text after its last one (a class's "]" counts), each within one
// segment: the first segment of a path the glob matches starts with the
// one and its last ends with the other. A "**" segment may match no
// directory, so neither end reaches past a "/".
func literalEnds(pattern string) (prefix, tail string) {
	const stops = `*?[]\/`
	if i := strings.IndexAny(pattern, stops); i >= 0 {
		prefix = pattern[:i]
	}
	return prefix, pattern[strings.LastIndexAny(pattern, stops)+1:]
}
