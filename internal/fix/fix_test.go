package fix

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/internal/lint"
	"github.com/tokenlint/tokenlint/rules"
)

// edit makes a fix replacing the n-th (0-based) occurrence of old in src.
func edit(t *testing.T, src, old, new string, n int) *rules.Fix {
	t.Helper()
	at := -1
	for k, from := 0, 0; k <= n; k++ {
		i := strings.Index(src[from:], old)
		if i < 0 {
			t.Fatalf("occurrence %d of %q not found", n, old)
		}
		at = from + i
		from = at + 1
	}
	return &rules.Fix{Message: "use " + new, Edits: []rules.TextEdit{{Span: rules.Span{Start: at, End: at + len(old)}, New: new}}}
}

func TestApplyAtomicModeAndChanged(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "token.http")
	src := "POST https://api.mypurecloud.com/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n"
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	f := &File{Path: path, Src: []byte(src), Fixes: []*rules.Fix{edit(t, src, "api.", "login.", 0)}}
	applied, err := Apply(f)
	if err != nil || len(applied) != 1 {
		t.Fatalf("Apply: %v %v", applied, err)
	}
	got, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(got), "POST https://login.mypurecloud.com/oauth/token\n") {
		t.Errorf("fixed text: %q", got)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	// Applying the same fixes to the old text again: the file is not that
	// text any more, so it is left alone.
	if _, err := Apply(f); !errors.Is(err, ErrChanged) {
		t.Errorf("second Apply of stale fixes: %v, want ErrChanged", err)
	}
	if again, _ := os.ReadFile(path); !bytes.Equal(again, got) {
		t.Error("a stale Apply modified the file")
	}
	// A second run lints the fixed text and finds nothing to fix.
	if applied, err := Apply(&File{Path: path, Src: got}); len(applied) != 0 || err != nil {
		t.Errorf("a run without fixes applied %v, %v", applied, err)
	}
	if again, _ := os.ReadFile(path); !bytes.Equal(again, got) {
		t.Error("a run without fixes changed the file")
	}
}

func TestApplyConflicts(t *testing.T) {
	src := "POST http://api.mypurecloud.com/api/v2/oauth/token\n"
	path := filepath.Join(t.TempDir(), "a.http")
	os.WriteFile(path, []byte(src), 0o644)
	f := &File{Path: path, Src: []byte(src), Fixes: []*rules.Fix{
		edit(t, src, "http", "https", 0),
		edit(t, src, "api.mypurecloud.com", "login.mypurecloud.com", 0),
		edit(t, src, "api.mypurecloud", "login.mypurecloud", 0), // overlaps the host fix
		edit(t, src, "/api/v2/oauth/token", "/oauth/token", 0),
	}}
	applied, err := Apply(f)
	if err != nil || len(applied) != 3 || applied[1] != f.Fixes[1] || applied[2] != f.Fixes[3] {
		t.Fatalf("Apply: %v %v", applied, err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "POST https://login.mypurecloud.com/oauth/token\n" {
		t.Errorf("got %q", got)
	}
}

func TestDiffMasksSecretsAndApplies(t *testing.T) {
	const secret = "Zx9+SECRET&VALUE"
	var lines []string
	for i := 1; i <= 20; i++ {
		lines = append(lines, "# filler line")
	}
	lines[1] = "POST https://api.mypurecloud.com/oauth/token"
	lines[3] = "client_secret=" + secret // context line of the first hunk
	lines[17] = "# a second request: client_secret=" + secret + " url=http://login.mypurecloud.com/oauth/token"
	src := strings.Join(lines, "\n") // no newline at the end
	var secrets []rules.Span
	for from := 0; ; {
		i := strings.Index(src[from:], secret)
		if i < 0 {
			break
		}
		secrets = append(secrets, rules.Span{Start: from + i, End: from + i + len(secret)})
		from += i + 1
	}
	f := &File{Path: "dir/token.http", Src: []byte(src), Secrets: secrets, Fixes: []*rules.Fix{
		edit(t, src, "api.", "login.", 0),
		edit(t, src, "http:", "https:", 0),
		// A fix that percent-encodes the secret: its replacement is secret too.
		{Edits: []rules.TextEdit{{Span: secrets[1], New: "Zx9%2BSECRET%26VALUE"}}},
	}}
	var buf bytes.Buffer
	if err := Diff(&buf, f); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, leak := range []string{"SECRET", "VALUE", "9+S", "%2B"} {
		if strings.Contains(out, leak) {
			t.Errorf("diff shows %q:\n%s", leak, out)
		}
	}
	want := `--- a/dir/token.http
+++ b/dir/token.http
@@ -1,5 +1,5 @@
 # filler line
-POST https://api.mypurecloud.com/oauth/token
+POST https://login.mypurecloud.com/oauth/token
 # filler line
 client_secret=Zx**************
 # filler line
@@ -15,6 +15,6 @@
 # filler line
 # filler line
 # filler line
-# a second request: client_secret=Zx************** url=http://login.mypurecloud.com/oauth/token
+# a second request: client_secret=Zx****************** url=https://login.mypurecloud.com/oauth/token
 # filler line
 # filler line
\ No newline at end of file
`
	if out != want {
		t.Errorf("diff:\n%s\nwant:\n%s", out, want)
	}

	// The same diff without secrets must apply with git apply.
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "dir"), 0o755)
	os.WriteFile(filepath.Join(dir, "dir", "token.http"), []byte(src), 0o644)
	f.Secrets = nil
	buf.Reset()
	Diff(&buf, f)
	cmd := exec.Command(git, "apply", "-")
	cmd.Dir = dir
	cmd.Stdin = &buf
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s", err, msg)
	}
	fixed, _ := f.Fixed()
	if got, _ := os.ReadFile(filepath.Join(dir, "dir", "token.http")); !bytes.Equal(got, fixed) {
		t.Errorf("git apply gave\n%s\nwant\n%s", got, fixed)
	}
}

func TestDiffNothing(t *testing.T) {
	var buf bytes.Buffer
	if err := Diff(&buf, &File{Path: "a", Src: []byte("x\n")}); err != nil || buf.Len() != 0 {
		t.Errorf("%q %v", buf.String(), err)
	}
}

// TestDiffEdgeCasesApply checks, with git apply, diffs of edits at the end
// of a file without a newline, insertions, deletions of whole lines, and
// edits on one line and on adjacent lines.
func TestDiffEdgeCasesApply(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not installed")
	}
	for _, tc := range []struct {
		name, src string
		edits     []rules.TextEdit
	}{
		{"last line without newline", "a\nb\nPOST http://x", []rules.TextEdit{{Span: rules.Span{Start: 9, End: 13}, New: "https"}}},
		{"insertion", "a\nb\nc\n", []rules.TextEdit{{Span: rules.Span{Start: 2, End: 2}, New: "new\n"}}},
		{"delete a line", "a\nb\nc\n", []rules.TextEdit{{Span: rules.Span{Start: 2, End: 4}, New: ""}}},
		{"two edits on one line", "x\nPOST http://api.h/p\ny\n", []rules.TextEdit{{Span: rules.Span{Start: 7, End: 11}, New: "https"}, {Span: rules.Span{Start: 14, End: 17}, New: "login"}}},
		{"adjacent lines", "1\n2\n3\n4\n", []rules.TextEdit{{Span: rules.Span{Start: 2, End: 3}, New: "two"}, {Span: rules.Span{Start: 4, End: 5}, New: "three"}}},
		{"whole file", "old", []rules.TextEdit{{Span: rules.Span{Start: 0, End: 3}, New: "new\n"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "f.txt"), []byte(tc.src), 0o644)
			var fixes []*rules.Fix
			for _, e := range tc.edits {
				fixes = append(fixes, &rules.Fix{Edits: []rules.TextEdit{e}})
			}
			f := &File{Path: "f.txt", Src: []byte(tc.src), Fixes: fixes}
			var buf bytes.Buffer
			if err := Diff(&buf, f); err != nil {
				t.Fatal(err)
			}
			patch := buf.String()
			cmd := exec.Command(git, "apply", "-")
			cmd.Dir = dir
			cmd.Stdin = &buf
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("git apply: %v\n%s\npatch:\n%s", err, msg, patch)
			}
			fixed, _ := f.Fixed()
			if got, _ := os.ReadFile(filepath.Join(dir, "f.txt")); !bytes.Equal(got, fixed) {
				t.Errorf("git apply gave %q, want %q\npatch:\n%s", got, fixed, patch)
			}
		})
	}
}

func TestCollect(t *testing.T) {
	a := &rules.Fix{Edits: []rules.TextEdit{{New: "x"}}}
	b := &rules.Fix{Edits: []rules.TextEdit{{New: "y"}}}
	findings := []lint.Finding{
		{Diagnostic: rules.Diagnostic{Span: rules.Span{File: "a.http"}, Fix: a}},
		{Diagnostic: rules.Diagnostic{Span: rules.Span{File: "b.http"}}},
		{Diagnostic: rules.Diagnostic{Span: rules.Span{File: "<stdin>"}, Fix: b}},
		{Diagnostic: rules.Diagnostic{Span: rules.Span{File: "a.http"}, Fix: b}},
	}
	files := Collect(findings, nil, func(name string) (string, []byte, []rules.Span) {
		if name == "<stdin>" {
			return "", nil, nil
		}
		return "./" + name, []byte("text"), nil
	})
	if len(files) != 1 || files[0].Path != "./a.http" || files[0].Name != "a.http" || len(files[0].Fixes) != 2 {
		t.Errorf("%+v", files)
	}
}

func TestOnly(t *testing.T) {
	a, b := &rules.Fix{}, &rules.Fix{}
	files := []*File{{Name: "x", Fixes: []*rules.Fix{a, b}}, {Name: "y", Fixes: []*rules.Fix{b}}}
	got := Only(files, []lint.Finding{{Diagnostic: rules.Diagnostic{Fix: a}}})
	if len(got) != 1 || got[0].Name != "x" || len(got[0].Fixes) != 1 || got[0].Fixes[0] != a || len(files[0].Fixes) != 2 {
		t.Errorf("%+v", got)
	}
}
