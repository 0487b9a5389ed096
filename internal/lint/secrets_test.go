package lint_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/tokenlint/tokenlint/internal/fixtures"

	"github.com/tokenlint/tokenlint/internal/baseline"
	"github.com/tokenlint/tokenlint/internal/extract"
	"github.com/tokenlint/tokenlint/internal/fix"
	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/internal/report"
	"github.com/tokenlint/tokenlint/rules"
)

// canaryText is written over the letters and digits of every secret: "CA"
// may be shown (outputs keep two characters of a secret), any four
// characters of the rest may not. The tail repeats canaryTail so the older
// canary check's marker stays the one to look for.
var canaryText = "CA" + strings.Repeat(canaryTail+"QXZJ", 1<<12)

// canaryWindows are the 4-character pieces of canaryText past its first
// two characters; finding one in an output means a secret leaked.
func canaryWindows() []string {
	seen := map[string]bool{}
	var out []string
	for i := 1; i+4 <= 2+2*len(canaryTail+"QXZJ"); i++ {
		if w := canaryText[i : i+4]; !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// canaryFixtures copies every fixture under testdata/rules and
// testdata/examples into dir, with every secret the rules see (SecretSpans
// of its unit) overwritten by canaryText, and returns the copies' paths.
func canaryFixtures(t *testing.T, dir string) (paths []string, secrets int) {
	t.Helper()
	fixtures.Each(t, func(p string, src []byte) {
		f := extract.Detect(filepath.ToSlash(p), src[:min(len(src), 4096)])
		if f == nil {
			return
		}
		if u, err := f.Extract(p, src); err == nil && u != nil {
			spans := rules.SecretSpans(u, nil)
			secrets += len(spans)
			src = withCanaries(src, spans)
		}
		rel, _ := filepath.Rel(filepath.Dir(fixtures.Root()), p)
		out := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, out)
		if err := os.WriteFile(out, src, 0o644); err != nil {
			t.Fatal(err)
		}
	})
	return paths, secrets
}

// withCanaries overwrites the letters and digits of each run of secret
// bytes with canaryText, keeping quotes, separators and placeholders'
// punctuation so the file still parses as before.
func withCanaries(src []byte, spans []rules.Span) []byte {
	out := bytes.Clone(src)
	secret := make([]bool, len(src))
	for _, s := range spans {
		if bytes.IndexByte(src[s.Start:s.End], '\n') >= 0 {
			// A value built from a variable defined lines above spans
			// everything in between (Value.Span of .http's
			// Authorization: Basic {{id}}:{{secret}}); overwriting that
			// would change the request itself. Its own lines are
			// covered where they are secrets.
			continue
		}
		for i := max(0, s.Start); i < min(s.End, len(src)); i++ {
			secret[i] = true
		}
	}
	k := 0
	for i := range out {
		if !secret[i] {
			k = 0
			continue
		}
		if c := out[i]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			out[i] = canaryText[k%len(canaryText)]
			k++
		}
	}
	return out
}

// TestCanaryFixturesNeverPrinted extends TestCanarySecretsNeverPrinted to
// every fixture: with each secret replaced by a canary, no output format,
// error or notice line, baseline or fix diff shows more than its first two
// characters.
func TestCanaryFixturesNeverPrinted(t *testing.T) {
	dir := t.TempDir()
	paths, secrets := canaryFixtures(t, dir)
	if secrets < 50 {
		t.Fatalf("only %d secrets in %d fixtures: the canary test would prove little", secrets, len(paths))
	}
	res, outputs, files := lintEveryOutput(t, paths)
	if len(res.Findings) < len(paths)/2 {
		t.Fatalf("%d findings over %d files: the canaries changed what the fixtures show", len(res.Findings), len(paths))
	}
	if files == 0 || outputs["fix diff"].Len() == 0 {
		t.Error("no fix diff: the diff is not checked")
	}
	if !strings.Contains(outputs["-format text"].String(), "CA**") {
		t.Error("no masked canary in the text output: the canaries reached no reported line")
	}
	windows := canaryWindows()
	for what, buf := range outputs {
		text := buf.String()
		for _, w := range windows {
			if i := strings.Index(text, w); i >= 0 {
				t.Errorf("%s shows a canary secret: ...%s...", what, text[max(0, i-100):min(len(text), i+40)])
				break
			}
		}
	}
	t.Logf("%d fixtures, %d secrets, %d findings, %d fixable files, outputs %d bytes", len(paths), secrets, len(res.Findings), files, func() (n int) {
		for _, b := range outputs {
			n += b.Len()
		}
		return n
	}())
}

// lintEveryOutput lints paths keeping their sources for the diff, and
// renders the result in every way tokenlint prints one (everyOutput).
func lintEveryOutput(t *testing.T, paths []string) (*lint.Result, map[string]*bytes.Buffer, int) {
	return lintEveryOutputWith(t, paths, &rules.Options{})
}

// lintEveryOutputWith is lintEveryOutput with the rule options of a
// configuration (its catalog reaches -diff as it does in tokenlint -diff).
func lintEveryOutputWith(t *testing.T, paths []string, opts *rules.Options) (*lint.Result, map[string]*bytes.Buffer, int) {
	t.Helper()
	keep, fixable := keptSources()
	res := lint.Run(paths, lint.Options{Rules: opts, KeepSource: keep})
	outputs, files := everyOutput(t, res, opts.Catalog, fixable)
	return res, outputs, files
}

// keptSources records the texts the driver keeps for -fix and -diff, and
// looks them up as fix.Collect wants.
func keptSources() (keep func(display, path string, src []byte, secrets []rules.Span), lookup func(string) (string, []byte, []rules.Span)) {
	type kept struct {
		path    string
		src     []byte
		secrets []rules.Span
	}
	var mu sync.Mutex
	sources := map[string]kept{}
	keep = func(display, path string, src []byte, secrets []rules.Span) {
		mu.Lock()
		defer mu.Unlock()
		sources[display] = kept{path, src, secrets}
	}
	lookup = func(display string) (string, []byte, []rules.Span) {
		mu.Lock()
		defer mu.Unlock()
		s := sources[display]
		return s.path, s.src, s.secrets
	}
	return keep, lookup
}

// everyOutput renders a result in every way tokenlint prints one: each
// -format, the error and notice lines, a written baseline and the -diff of
// its fixes. It returns the outputs by name and how many files the diff
// covers.
func everyOutput(t *testing.T, res *lint.Result, cat *rules.Catalog, sources func(string) (string, []byte, []rules.Span)) (map[string]*bytes.Buffer, int) {
	t.Helper()
	outputs := map[string]*bytes.Buffer{}
	for _, name := range report.Names() {
		outputs["-format "+name] = &bytes.Buffer{}
		if err := report.Lookup(name)(outputs["-format "+name], res, report.Options{Color: true}); err != nil {
			t.Fatal(err)
		}
	}
	stderr := &bytes.Buffer{}
	for _, e := range append(res.Errors, res.Skipped...) {
		stderr.WriteString(report.ErrorLine(e) + "\n")
	}
	outputs["errors and notices"] = stderr
	outputs["baseline"] = &bytes.Buffer{}
	if err := baseline.Write(outputs["baseline"], res.Findings); err != nil {
		t.Fatal(err)
	}
	diff := &bytes.Buffer{}
	files := fix.Collect(res.Findings, cat, sources)
	for _, f := range files {
		if err := fix.Diff(diff, f); err != nil {
			t.Fatal(err)
		}
	}
	outputs["fix diff"] = diff
	return outputs, len(files)
}
