package lint_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/tokenlint/tokenlint/internal/extract"
	"github.com/tokenlint/tokenlint/internal/fix"
	"github.com/tokenlint/tokenlint/internal/fixtures"
	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/rules"
)

// FuzzFix lints arbitrary bytes as a file of each kind, applies its fixes
// on disk as -fix does, and checks that nothing outside the fixed spans
// changed: the bytes between edits are the input's, the fixed file parses
// if the input did, into the same requests, whose values that no edit
// touches read the same; and a second -fix never rewrites what the first
// one wrote.
func FuzzFix(f *testing.F) {
	fixtures.Each(f, func(p string, src []byte) {
		f.Add(pipelineKind(filepath.Base(p)), src)
	})
	f.Fuzz(func(t *testing.T, kind byte, src []byte) {
		name, file := writeFuzzInput(t, kind, src)
		edits := fixOnce(t, file, src)
		if len(edits) == 0 {
			return
		}
		fixed, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		written := onlyInsideEdits(t, src, fixed, edits)
		sameRequests(t, name, src, fixed, edits)
		// The second run may fix what the first skipped for a conflict,
		// never the text the first one wrote.
		for _, e := range fixOnce(t, file, fixed) {
			for _, w := range written {
				if e.Start < w.End && w.Start < e.End || e.Start == e.End && w.Start < e.Start && e.Start < w.End {
					t.Fatalf("a second -fix rewrites %q (bytes %d..%d) that the first wrote at %d..%d:\n%s", e.New, e.Start, e.End, w.Start, w.End, fixed)
				}
			}
		}
	})
}

// fixOnce lints file (whose text is src) and applies its fixes as -fix
// does; it returns the edits applied.
func fixOnce(t *testing.T, file string, src []byte) []rules.TextEdit {
	t.Helper()
	keep, lookup := keptSources()
	res := lint.Run([]string{file}, lint.Options{KeepSource: keep})
	var edits []rules.TextEdit
	for _, f := range fix.Collect(res.Findings, nil, lookup) {
		if !bytes.Equal(f.Src, src) {
			t.Fatalf("kept text is not the file's")
		}
		e := f.Edits()
		if _, err := fix.Apply(f); err != nil {
			t.Fatalf("Apply: %v", err)
		}
		edits = append(edits, e...)
	}
	return edits
}

// onlyInsideEdits checks that fixed is src with each edit's span replaced
// by its text and every other byte kept, and returns where in fixed each
// edit's text landed.
func onlyInsideEdits(t *testing.T, src, fixed []byte, edits []rules.TextEdit) []rules.Span {
	t.Helper()
	var written []rules.Span
	at, last := 0, 0
	for _, e := range edits {
		if e.Start < last || e.End > len(src) || e.Start > e.End {
			t.Fatalf("edit %d..%d overlaps the one before or leaves the %d-byte file", e.Start, e.End, len(src))
		}
		keep := src[last:e.Start]
		if !bytes.HasPrefix(fixed[at:], keep) {
			t.Fatalf("bytes %d..%d outside every edit changed", last, e.Start)
		}
		at += len(keep)
		if !bytes.HasPrefix(fixed[at:], []byte(e.New)) {
			t.Fatalf("edit %q at %d..%d not written", e.New, e.Start, e.End)
		}
		written = append(written, rules.Span{Start: at, End: at + len(e.New)})
		at += len(e.New)
		last = e.End
	}
	if !bytes.Equal(fixed[at:], src[last:]) {
		t.Fatalf("bytes after the last edit (%d..) changed", last)
	}
	return written
}

// sameRequests re-parses both texts: the fixed one must parse if the
// input did, into as many requests, and every value whose source no edit
// touches must read the same.
func sameRequests(t *testing.T, name string, src, fixed []byte, edits []rules.TextEdit) {
	t.Helper()
	format := extract.Detect(name, src[:min(len(src), 4096)])
	if format == nil {
		return
	}
	before, err := format.Extract(name, src)
	if err != nil || before == nil {
		return
	}
	after, err := format.Extract(name, fixed)
	if err != nil {
		t.Fatalf("the fixed file no longer parses: %v\n%s", err, fixed)
	}
	if after == nil || len(after.Requests) != len(before.Requests) {
		t.Fatalf("%d requests before the fix, %v after:\n%s", len(before.Requests), after, fixed)
	}
	touched := func(v rules.Value) bool {
		for _, s := range v.Segs {
			for _, e := range edits {
				if int(s.Start) <= e.End && e.Start <= int(s.End) {
					return true
				}
			}
		}
		return false
	}
	for i, r := range before.Requests {
		a, b := requestValues(r), requestValues(after.Requests[i])
		if len(a) != len(b) {
			t.Fatalf("request %d has %d values before the fix, %d after", i, len(a), len(b))
		}
		for k := range a {
			if !touched(a[k]) && a[k].Text != b[k].Text {
				t.Fatalf("request %d: %q became %q, though no edit touches it", i, a[k].Text, b[k].Text)
			}
		}
	}
}

// requestValues are the values of a request as its source writes them
// (not the fields derived from a body, which a fixed Content-Type may
// read differently).
func requestValues(r *rules.Request) []rules.Value {
	out := []rules.Value{r.Method, r.URL}
	if r.Grant != nil {
		out = append(out, *r.Grant)
	}
	if r.Auth != nil {
		out = append(out, r.Auth.User, r.Auth.Secret)
	}
	for _, h := range r.Headers {
		out = append(out, h.Name, h.Value)
	}
	if r.Body != nil {
		out = append(out, r.Body.Raw)
	}
	return out
}
