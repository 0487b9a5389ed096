package lint

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"

	"github.com/tokenlint/tokenlint/rules"
)

// A Finding is a rule's diagnostic as the driver reports it: placed in its
// file by line and column, identified across edits, shown through its
// redacted source line, and marked when a directive or a baseline
// suppressed it. The rule's part is rules.Diagnostic; everything here
// beside it needs the file's text or the run, which rules never see.
type Finding struct {
	rules.Diagnostic
	// Related are the diagnostic's related places, positioned, their
	// messages scrubbed. They replace Diagnostic.Related, which the driver
	// empties, so no reporter can reach an unscrubbed message.
	Related []Related

	Pos Position // 1-based lines, 1-based byte columns; End is exclusive
	// RepoPath is the file's slash path from its repository root (the
	// directory holding .git, else the working directory): the identity
	// in the fingerprint, baselines and CI reports, however it was typed.
	RepoPath    string
	Fingerprint string
	// SourceLine is the finding's first line with every secret redacted;
	// reporters show this, never the file itself. On a long line (a
	// minified JSON file) it is a window of a few hundred bytes around the
	// finding's start, cut where SourceColumn and SourceCut say.
	SourceLine string
	// SourceColumn is the 1-based byte column of SourceLine's first byte
	// in its line (0 or 1: the line's start; more: the window cuts the
	// line before it). SourceCut: the window cuts the line's end.
	SourceColumn int
	SourceCut    bool
	// Suppressed holds the justification when an inline directive or
	// baseline suppressed the finding (kept for SARIF suppressions).
	Suppressed string
	// SuppressedExternally: a baseline, not a directive in the file,
	// suppressed the finding (SARIF suppression kind "external").
	SuppressedExternally bool
}

// A Related location is a rules.Related placed in its file. Pos is zero
// when the place is in another file than the finding's (another file of a
// Go package), whose text this driver did not position.
type Related struct {
	rules.Related
	Pos Position
}

// Position is a place in line and column terms.
type Position struct {
	Line, Column, EndLine, EndColumn int
	// The columns in UTF-16 code units, as SARIF consumers expect.
	Column16, EndColumn16 int
}

// A FileError is an input the run could not lint, or (in Result.Skipped)
// one it chose not to.
type FileError struct {
	File    string
	Line    int // 0 when the error is about the whole file
	Message string
}

// A Result is everything one run found.
type Result struct {
	Findings []Finding // unsuppressed findings
	// Suppressed findings, shown only where a format records them (SARIF).
	Suppressed []Finding
	Errors     []FileError
	// Skipped inputs (over the size limit, not regular files): notices,
	// not errors.
	Skipped []FileError
	// Files are the config files that were read and judged, with or
	// without findings (JUnit lists each as a test case).
	Files []string
}

// Sort orders findings by file, line, column, rule, and errors by file and
// line, so output is deterministic.
func (r *Result) Sort() {
	less := func(a, b Finding) bool {
		if a.Span.File != b.Span.File {
			return a.Span.File < b.Span.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Column != b.Pos.Column {
			return a.Pos.Column < b.Pos.Column
		}
		return a.Rule < b.Rule
	}
	sort.SliceStable(r.Findings, func(i, j int) bool { return less(r.Findings[i], r.Findings[j]) })
	sort.SliceStable(r.Suppressed, func(i, j int) bool { return less(r.Suppressed[i], r.Suppressed[j]) })
	sort.SliceStable(r.Errors, func(i, j int) bool {
		if r.Errors[i].File != r.Errors[j].File {
			return r.Errors[i].File < r.Errors[j].File
		}
		return r.Errors[i].Line < r.Errors[j].Line
	})
}

// Fingerprint identifies a finding across edits: rule, file (its path
// from the repository root, when known) and the normalised flagged
// construct, never a line number or a secret. Occurrence distinguishes
// identical constructs in one file.
func Fingerprint(d *rules.Diagnostic, repoPath string, occurrence int) string {
	h := sha256.New()
	h.Write([]byte(d.Rule))
	h.Write([]byte{0})
	file := repoPath
	if file == "" {
		file = d.Span.File
	}
	h.Write([]byte(file))
	h.Write([]byte{0})
	key := d.Key
	if key == "" {
		key = d.Message
	}
	h.Write([]byte(strings.Join(strings.Fields(key), " ")))
	h.Write([]byte{0, byte(occurrence), byte(occurrence >> 8)})
	return hex.EncodeToString(h.Sum(nil))[:32]
}
