// Package newcode finds the lines a change added, for -new-from-rev: the
// lines `git diff REV` adds to the working tree (renames followed, so a
// moved file's old lines stay old) and every line of an untracked file.
// It runs git in the user's own repository with fixed arguments; nothing
// read from a scanned file reaches the command line.
package newcode

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
)

// Lines are the added lines of one repository: by the file's slash path
// from the repository root, the added line ranges; a nil slice means the
// whole file is new.
type Lines map[string][]Range

// A Range is lines First through Last, 1-based, inclusive.
type Range struct{ First, Last int }

// Changed reports whether lines first..last of file (a path from the
// repository root) hold something the change added. A finding without a
// line (0) counts as new when its file changed at all.
func (l Lines) Changed(file string, first, last int) bool {
	ranges, ok := l[file]
	switch {
	case !ok:
		return false
	case ranges == nil || first == 0:
		return true
	}
	last = max(last, first)
	for _, r := range ranges {
		if r.First <= last && first <= r.Last {
			return true
		}
	}
	return false
}

// Since runs git in root (a repository's top directory) and returns the
// lines added since rev.
func Since(root, rev string) (Lines, error) {
	if rev == "" || strings.HasPrefix(rev, "-") || strings.ContainsAny(rev, "\x00\n") {
		return nil, fmt.Errorf("-new-from-rev %q is not a revision", rev)
	}
	commit, err := git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		return nil, fmt.Errorf("-new-from-rev: %s names no commit in %s", rev, root)
	}
	sha := strings.TrimSpace(string(commit))
	// -c settings and options that make the output the same for every
	// user's git configuration: no external diff or textconv driver, no
	// prefix changes, no relative paths, paths unquoted where possible.
	patch, err := git(root, "-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-textconv",
		"--no-relative", "--src-prefix=a/", "--dst-prefix=b/", "--unified=0", "--find-renames", "--ignore-submodules",
		sha, "--")
	if err != nil {
		return nil, fmt.Errorf("-new-from-rev: git diff: %v", err)
	}
	lines, err := parse(patch)
	if err != nil {
		return nil, err
	}
	untracked, err := git(root, "ls-files", "-z", "--others", "--exclude-standard")
	if err != nil {
		return nil, fmt.Errorf("-new-from-rev: git ls-files: %v", err)
	}
	for name := range strings.SplitSeq(string(untracked), "\x00") {
		if name != "" {
			lines[name] = nil
		}
	}
	return lines, nil
}

func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, errors.New(firstLine(msg))
		}
		return nil, err
	}
	return out, nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// parse reads a unified diff with zero lines of context: "+++ b/PATH"
// names the new file, "@@ -a,b +c,d @@" adds lines c..c+d-1.
func parse(patch []byte) (Lines, error) {
	lines := Lines{}
	file := ""
	sc := bufio.NewScanner(bytes.NewReader(patch))
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			file = newPath(strings.TrimPrefix(line, "+++ "))
			if file != "" {
				if _, ok := lines[file]; !ok {
					lines[file] = []Range{}
				}
			}
		case strings.HasPrefix(line, "@@ ") && file != "":
			r, ok := hunkRange(line)
			if !ok {
				return nil, fmt.Errorf("-new-from-rev: cannot read the diff hunk %q", line)
			}
			if r.Last >= r.First {
				lines[file] = append(lines[file], r)
			}
		}
	}
	return lines, sc.Err()
}

// newPath is the path of a "+++" line: "" for /dev/null (a deleted file).
func newPath(s string) string {
	s = strings.TrimSuffix(s, "\t")
	if strings.HasPrefix(s, `"`) {
		if u, err := strconv.Unquote(s); err == nil {
			s = u
		}
	}
	if s == "/dev/null" {
		return ""
	}
	return strings.TrimPrefix(s, "b/")
}

// hunkRange reads the new-file side of "@@ -a,b +c,d @@ ...".
func hunkRange(line string) (Range, bool) {
	fields := strings.Fields(line)
	if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
		return Range{}, false
	}
	start, count, hasCount := strings.Cut(fields[2][1:], ",")
	first, err := strconv.Atoi(start)
	if err != nil {
		return Range{}, false
	}
	n := 1
	if hasCount {
		if n, err = strconv.Atoi(count); err != nil {
			return Range{}, false
		}
	}
	return Range{First: first, Last: first + n - 1}, true
}
