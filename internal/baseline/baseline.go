// Package baseline records the findings a project accepts today
// (-write-baseline) and hides them on later runs (-baseline), so a team can
// adopt tokenlint and still fail on every new finding. Entries are matched
// by fingerprint (rule, the file's path from the repository root, the
// normalised flagged construct), never by
// line number, so moving code does not resurrect an old finding; the file
// holds no message, snippet or secret.
package baseline

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/safefile"
)

// Version is the baseline file format version.
const Version = 1

// An Entry is one accepted finding.
type Entry struct {
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Fingerprint string `json:"fingerprint"`
}

// A Baseline is the set of accepted findings.
type Baseline struct {
	Tool     string  `json:"tool"`
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`

	path  string
	known map[Entry]bool
}

// Write records findings (which must have their Fingerprint filled) as a
// baseline, sorted so the file diffs well.
func Write(w io.Writer, findings []lint.Finding) error {
	b := Baseline{Tool: "tokenlint", Version: Version, Findings: []Entry{}}
	seen := map[Entry]bool{}
	for _, f := range findings {
		e := entryOf(f)
		if e.Fingerprint == "" || seen[e] {
			continue
		}
		seen[e] = true
		b.Findings = append(b.Findings, e)
	}
	sort.Slice(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		return x.Fingerprint < y.Fingerprint
	})
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(b)
}

// WriteFile writes the baseline to path atomically (a temporary file in
// the same directory, renamed over it).
func WriteFile(path string, findings []lint.Finding) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tokenlint-baseline-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := Write(tmp, findings); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// entryOf names a finding by its file's path from the repository root, so
// a baseline matches however the paths of a later run are typed.
func entryOf(f lint.Finding) Entry {
	file := f.RepoPath
	if file == "" {
		file = f.Span.File
	}
	return Entry{Rule: f.Rule, File: file, Fingerprint: f.Fingerprint}
}

// maxBaselineSize bounds a baseline file: about 100,000 entries.
const maxBaselineSize = 32 << 20

// Load reads a baseline file, through the guard every file tokenlint reads
// has (a regular file within a size limit: -baseline /dev/zero is an
// error, not a hang).
func Load(path string) (*Baseline, error) {
	data, err := safefile.Read(path, safefile.FollowLinks, maxBaselineSize)
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %s", path, safefile.Describe(err))
	}
	var b Baseline
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("baseline %s: not a tokenlint baseline: %v", path, err)
	}
	if b.Tool != "tokenlint" || b.Version != Version {
		return nil, fmt.Errorf("baseline %s: not a tokenlint baseline of version %d (write it again with -write-baseline)", path, Version)
	}
	b.path = path
	b.known = map[Entry]bool{}
	for _, e := range b.Findings {
		b.known[e] = true
	}
	return &b, nil
}

// Filter splits findings into new ones and those the baseline accepts; the
// accepted ones are marked as suppressed externally, for SARIF.
func (b *Baseline) Filter(findings []lint.Finding) (kept, accepted []lint.Finding) {
	for _, f := range findings {
		if b.known[entryOf(f)] {
			f.Suppressed = "accepted in the baseline " + filepath.ToSlash(b.path)
			f.SuppressedExternally = true
			accepted = append(accepted, f)
			continue
		}
		kept = append(kept, f)
	}
	return kept, accepted
}
