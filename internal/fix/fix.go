// Package fix applies the certain fixes of findings to files (-fix) or
// prints them as a unified diff (-diff). Writes are atomic and keep the
// file's mode; a file that changed on disk since it was linted is left
// alone; applying the same fixes twice changes nothing the second time
// because the findings are gone. The diff never shows a secret.
package fix

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/tokenlint/tokenlint/rules"
)

// ErrChanged means the file on disk is not the text that was linted.
var ErrChanged = errors.New("file changed since it was read; not fixed (run tokenlint again)")

// A File is one file's text as linted and the fixes for it.
type File struct {
	// Path opens the file; Name shows it in diffs (Path when empty).
	Path, Name string
	// Src is the content that was linted; edits are byte offsets into it.
	Src   []byte
	Fixes []*rules.Fix
	// Secrets are spans of Src that -diff must not show.
	Secrets []rules.Span
}

// edits picks the edits to apply: whole fixes, in order, skipping a fix
// that overlaps one already taken (two rules correcting the same text) or
// that falls outside the file.
func (f *File) edits() (edits []rules.TextEdit, taken []*rules.Fix, skipped int) {
	for _, fx := range f.Fixes {
		if fx == nil || len(fx.Edits) == 0 {
			continue
		}
		ok := true
		for _, e := range fx.Edits {
			if e.Start < 0 || e.End < e.Start || e.End > len(f.Src) {
				ok = false
			}
			for _, t := range edits {
				if overlaps(e.Span, t.Span) {
					ok = false
				}
			}
		}
		if !ok {
			skipped++
			continue
		}
		edits = append(edits, fx.Edits...)
		taken = append(taken, fx)
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
	return edits, taken, skipped
}

// overlaps reports whether two edits touch the same bytes; two insertions
// at one offset overlap too, as their order would be a guess.
func overlaps(a, b rules.Span) bool {
	if a.Start == a.End || b.Start == b.End {
		return a.Start >= b.Start && a.Start <= b.End || b.Start >= a.Start && b.Start <= a.End
	}
	return a.Start < b.End && b.Start < a.End
}

// apply returns src with sorted, non-overlapping edits applied.
func apply(src []byte, edits []rules.TextEdit) []byte {
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		out.Write(src[last:e.Start])
		out.WriteString(e.New)
		last = e.End
	}
	out.Write(src[last:])
	return out.Bytes()
}

// Fixed is the file's text with the fixes applied, and how many fixes
// were skipped for conflicts.
func (f *File) Fixed() ([]byte, int) {
	edits, _, skipped := f.edits()
	return apply(f.Src, edits), skipped
}

// Apply writes the fixed text over the file, atomically and keeping its
// mode, unless the file on disk differs from Src (ErrChanged). It returns
// the fixes applied (those skipped for a conflict are not).
func Apply(f *File) (applied []*rules.Fix, err error) {
	edits, taken, _ := f.edits()
	fixed := apply(f.Src, edits)
	if bytes.Equal(fixed, f.Src) {
		return taken, nil
	}
	info, err := os.Stat(f.Path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", f.Path)
	}
	disk, err := os.ReadFile(f.Path)
	if err != nil {
		return nil, err
	}
	if sha256.Sum256(disk) != sha256.Sum256(f.Src) {
		return nil, ErrChanged
	}
	if err := writeAtomic(f.Path, fixed, info.Mode().Perm()); err != nil {
		return nil, err
	}
	return taken, nil
}

// Collect groups the fixes of findings by file, for findings of files
// whose text src returns (nil: the file is not fixable, like stdin).
func Collect(findings []rules.Finding, src func(file string) (path string, text []byte, secrets []rules.Span)) []*File {
	var out []*File
	byName := map[string]*File{}
	for _, fd := range findings {
		if fd.Fix == nil || len(fd.Fix.Edits) == 0 {
			continue
		}
		f := byName[fd.Span.File]
		if f == nil {
			path, text, secrets := src(fd.Span.File)
			if text == nil {
				continue
			}
			f = &File{Path: path, Name: fd.Span.File, Src: text, Secrets: secrets}
			byName[fd.Span.File] = f
			out = append(out, f)
		}
		f.Fixes = append(f.Fixes, fd.Fix)
	}
	return out
}

// writeAtomic replaces path by a temporary file written next to it, so a
// crash leaves either the old or the new text, never half of one.
func writeAtomic(path string, data []byte, mode os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tokenlint-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name) // a no-op after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(name, path)
}

// Only keeps the fixes of the given findings (those left after a baseline
// or suppression), dropping files left without any.
func Only(files []*File, findings []rules.Finding) []*File {
	keep := map[*rules.Fix]bool{}
	for _, f := range findings {
		if f.Fix != nil {
			keep[f.Fix] = true
		}
	}
	var out []*File
	for _, f := range files {
		var fixes []*rules.Fix
		for _, fx := range f.Fixes {
			if keep[fx] {
				fixes = append(fixes, fx)
			}
		}
		if len(fixes) > 0 {
			g := *f
			g.Fixes = fixes
			out = append(out, &g)
		}
	}
	return out
}
