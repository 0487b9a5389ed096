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
	Path string
	// Src is the content that was linted; edits are byte offsets into it.
	Src   []byte
	Fixes []*rules.Fix
	// Secrets are spans of Src that -diff must not show.
	Secrets []rules.Span
}

// edits picks the edits to apply: whole fixes, in order, skipping a fix
// that overlaps one already taken (two rules correcting the same text) or
// that falls outside the file.
func (f *File) edits() (edits []rules.TextEdit, skipped int) {
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
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
	return edits, skipped
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
	edits, skipped := f.edits()
	return apply(f.Src, edits), skipped
}

// Apply writes the fixed text over the file, atomically and keeping its
// mode, unless the file on disk differs from Src (ErrChanged). It returns
// whether the file changed and how many fixes were skipped for conflicts.
func Apply(f *File) (changed bool, skipped int, err error) {
	fixed, skipped := f.Fixed()
	if bytes.Equal(fixed, f.Src) {
		return false, skipped, nil
	}
	info, err := os.Stat(f.Path)
	if err != nil {
		return false, skipped, err
	}
	if !info.Mode().IsRegular() {
		return false, skipped, fmt.Errorf("%s: not a regular file", f.Path)
	}
	disk, err := os.ReadFile(f.Path)
	if err != nil {
		return false, skipped, err
	}
	if sha256.Sum256(disk) != sha256.Sum256(f.Src) {
		return false, skipped, ErrChanged
	}
	if err := writeAtomic(f.Path, fixed, info.Mode().Perm()); err != nil {
		return false, skipped, err
	}
	return true, skipped, nil
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
