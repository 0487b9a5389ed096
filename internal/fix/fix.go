// Package fix applies the certain fixes of findings to files (-fix) or
// prints them as a unified diff (-diff). The diff never shows a secret.
//
// Files are written as gofmt -w writes them: in place, through the file
// the name opens, so a symbolic link named on the command line fixes its
// target and stays a link, hard links keep sharing the text, and mode,
// owner, set-id bits and extended attributes are the file's own. There is
// no temporary file to leave behind; an interrupt or termination signal
// that arrives during a write waits until the write is complete. A file
// that changed on disk since it was linted, or that is read-only, is left
// alone. Applying the same fixes twice changes nothing the second time,
// because the findings are gone.
package fix

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"github.com/tokenlint/tokenlint/internal/lint"
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
	// Catalog is the run's (nil: the default one): its credential names
	// say where -diff masks a short secret's copies.
	Catalog *rules.Catalog
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

// Edits are the edits that Apply, Print and Fixed make, sorted, without
// the fixes skipped for a conflict.
func (f *File) Edits() []rules.TextEdit {
	edits, _, _ := f.edits()
	return edits
}

// Fixed is the file's text with the fixes applied, and how many fixes
// were skipped for conflicts.
func (f *File) Fixed() ([]byte, int) {
	edits, _, skipped := f.edits()
	return apply(f.Src, edits), skipped
}

// Print writes the fixed text to w instead of the file (standard input
// under -fix), and returns the fixes applied.
func Print(w io.Writer, f *File) ([]*rules.Fix, error) {
	edits, taken, _ := f.edits()
	if _, err := w.Write(apply(f.Src, edits)); err != nil {
		return nil, err
	}
	return taken, nil
}

// ErrReadOnly means the file has no write permission for its owner: -fix
// leaves it alone even when it could write it (as root).
var ErrReadOnly = errors.New("read-only file; not fixed")

// ErrInterrupted means a signal asked tokenlint to stop while it wrote a
// file; the write was completed, and no further file should be written.
var ErrInterrupted = errors.New("interrupted")

// beforeWrite, when set by a test, runs just before a file is rewritten.
var beforeWrite func()

// Apply writes the fixed text over the file in place, unless the file on
// disk differs from Src (ErrChanged) or is read-only (ErrReadOnly). It
// returns the fixes applied (those skipped for a conflict are not).
func Apply(f *File) (applied []*rules.Fix, err error) {
	edits, taken, _ := f.edits()
	fixed := apply(f.Src, edits)
	if bytes.Equal(fixed, f.Src) {
		return taken, nil
	}
	// O_NONBLOCK: a FIFO swapped in since the lint must not block us.
	file, err := os.OpenFile(f.Path, os.O_RDWR|syscall.O_NONBLOCK, 0)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return nil, ErrReadOnly
		}
		return nil, err
	}
	defer file.Close()
	info, err := file.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", f.Path)
	}
	if info.Mode().Perm()&0o200 == 0 {
		return nil, ErrReadOnly
	}
	disk, err := io.ReadAll(io.LimitReader(file, int64(len(f.Src))+1))
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(disk, f.Src) {
		return nil, ErrChanged
	}
	if err := writeInPlace(file, fixed); err != nil {
		if errors.Is(err, ErrInterrupted) {
			return taken, err // written: the fixes are in
		}
		return nil, err
	}
	return taken, nil
}

// writeInPlace replaces the content of file by data, with SIGINT and
// SIGTERM held until it is done: an interrupted -fix leaves each file
// either as it was or fixed, and nothing else on disk.
func writeInPlace(file *os.File, data []byte) error {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sig)
	if beforeWrite != nil {
		beforeWrite()
	}
	if _, err := file.WriteAt(data, 0); err != nil {
		return err
	}
	if err := file.Truncate(int64(len(data))); err != nil {
		return err
	}
	if err := file.Sync(); err != nil {
		return err
	}
	select {
	case <-sig:
		return ErrInterrupted
	default:
		return nil
	}
}

// Collect groups the fixes of findings by file, for findings of files
// whose text src returns (nil: the file is not fixable, like stdin).
func Collect(findings []lint.Finding, cat *rules.Catalog, src func(file string) (path string, text []byte, secrets []rules.Span)) []*File {
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
			f = &File{Path: path, Name: fd.Span.File, Src: text, Secrets: secrets, Catalog: cat}
			byName[fd.Span.File] = f
			out = append(out, f)
		}
		f.Fixes = append(f.Fixes, fd.Fix)
	}
	return out
}

// Only keeps the fixes of the given findings (those left after a baseline
// or suppression), dropping files left without any.
func Only(files []*File, findings []lint.Finding) []*File {
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
