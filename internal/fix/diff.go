package fix

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/tokenlint/tokenlint/internal/redact"
	"github.com/tokenlint/tokenlint/rules"
)

// contextLines around each change, as in diff -u.
const contextLines = 3

// Diff writes the fixes of f as a unified diff (a/ and b/ prefixes, so
// git apply -p1 and patch -p1 take it). Secrets are masked on both sides,
// and so is any replacement text that overwrites a secret. It writes
// nothing when the fixes change nothing.
func Diff(w io.Writer, f *File) error {
	edits, _, _ := f.edits()
	if len(edits) == 0 {
		return nil
	}
	fixed := apply(f.Src, edits)
	if bytes.Equal(fixed, f.Src) {
		return nil
	}
	// The old side masks the credentials and every copy of their text;
	// the new side the same, carried through the edits, and its own
	// copies; Scrub then catches any secret text an edit moved.
	red := redact.New(f.Src, f.Secrets, f.Catalog)
	oldMasked := []byte(red.Window(0, len(f.Src)))
	newMasked := red.Masked(fixed, newSecrets(red.Spans(), edits))
	scrub := red.Scrub
	oldIdx, newIdx := rules.NewLineIndex(f.Src), rules.NewLineIndex(fixed)

	// One block of changed lines per group of edits on touching lines.
	type block struct {
		oldFirst, oldLast int // 1-based, inclusive
		newFirst, newLast int // 1-based, inclusive; newLast < newFirst when empty
	}
	var blocks []block
	delta := 0 // byte shift from old to new before the current edit
	for i := 0; i < len(edits); {
		j := i
		first, _ := oldIdx.Position(edits[i].Start)
		last := lastLine(oldIdx, edits[i].Span)
		d := len(edits[i].New) - (edits[i].End - edits[i].Start)
		for j+1 < len(edits) {
			l, _ := oldIdx.Position(edits[j+1].Start)
			if l > last+1 {
				break
			}
			j++
			last = max(last, lastLine(oldIdx, edits[j].Span))
			d += len(edits[j].New) - (edits[j].End - edits[j].Start)
		}
		oldStart := oldIdx.LineStart(first)
		oldEnd := oldIdx.LineStart(last + 1) // end of last line, newline included
		newStart := oldStart + delta
		newEnd := oldEnd + delta + d
		b := block{oldFirst: first, oldLast: last}
		b.newFirst, _ = newIdx.Position(newStart)
		b.newLast = b.newFirst - 1
		if newEnd > newStart {
			b.newLast, _ = newIdx.Position(newEnd - 1)
		}
		blocks = append(blocks, b)
		delta += d
		i = j + 1
	}

	oldLines := splitLines(oldMasked)
	newLines := splitLines(newMasked)
	var out strings.Builder
	name := f.Name
	if name == "" {
		name = f.Path
	}
	fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", name, name)
	for i := 0; i < len(blocks); {
		j := i
		for j+1 < len(blocks) && blocks[j+1].oldFirst-blocks[j].oldLast-1 <= 2*contextLines {
			j++
		}
		ctxStart := max(1, blocks[i].oldFirst-contextLines)
		ctxEnd := min(len(oldLines), blocks[j].oldLast+contextLines)
		newCtxStart := blocks[i].newFirst - (blocks[i].oldFirst - ctxStart)
		var body strings.Builder
		oldCount, newCount := 0, 0
		at := ctxStart
		for k := i; k <= j; k++ {
			b := blocks[k]
			for ; at < b.oldFirst; at++ {
				writeLine(&body, ' ', oldLines[at-1])
				oldCount++
				newCount++
			}
			for l := b.oldFirst; l <= b.oldLast; l++ {
				writeLine(&body, '-', oldLines[l-1])
				oldCount++
			}
			for l := b.newFirst; l <= b.newLast; l++ {
				writeLine(&body, '+', newLines[l-1])
				newCount++
			}
			at = b.oldLast + 1
		}
		for ; at <= ctxEnd; at++ {
			writeLine(&body, ' ', oldLines[at-1])
			oldCount++
			newCount++
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(ctxStart, oldCount), hunkRange(newCtxStart, newCount))
		out.WriteString(body.String())
		i = j + 1
	}
	_, err := io.WriteString(w, scrub(out.String()))
	return err
}

// lastLine is the line of the last byte an edit replaces (its first line
// for an insertion).
func lastLine(li *rules.LineIndex, s rules.Span) int {
	l, _ := li.Position(max(s.End-1, s.Start))
	return l
}

func hunkRange(start, count int) string {
	if count == 0 {
		return fmt.Sprintf("%d,0", start-1)
	}
	if count == 1 {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, count)
}

// splitLines splits text into lines with their endings; a last line
// without one is kept as is.
func splitLines(b []byte) []string {
	var out []string
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			out = append(out, string(b))
			break
		}
		out = append(out, string(b[:i+1]))
		b = b[i+1:]
	}
	return out
}

func writeLine(b *strings.Builder, mark byte, line string) {
	b.WriteByte(mark)
	b.WriteString(line)
	if !strings.HasSuffix(line, "\n") {
		b.WriteString("\n\\ No newline at end of file\n")
	}
}

// newSecrets maps the secret spans of the old text into the fixed text;
// an edit that touches a secret makes its whole replacement secret.
func newSecrets(secrets []rules.Span, edits []rules.TextEdit) []rules.Span {
	var out []rules.Span
	for _, s := range secrets {
		shift, touched := 0, false
		for _, e := range edits {
			if e.End <= s.Start && !(e.Start == e.End && e.Start == s.Start) {
				shift += len(e.New) - (e.End - e.Start)
			} else if e.Start < s.End && s.Start < e.End || e.Start == s.Start {
				touched = true
			}
		}
		if !touched {
			out = append(out, rules.Span{File: s.File, Start: s.Start + shift, End: s.End + shift})
		}
	}
	shift := 0
	for _, e := range edits {
		start := e.Start + shift
		for _, s := range secrets {
			if e.Start < s.End && s.Start < e.End || e.Start == e.End && e.Start > s.Start && e.Start < s.End {
				out = append(out, rules.Span{Start: start, End: start + len(e.New)})
				break
			}
		}
		shift += len(e.New) - (e.End - e.Start)
	}
	return out
}
