package newcode

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	patch := `diff --git a/a.sh b/a.sh
--- a/a.sh
+++ b/a.sh
@@ -2,0 +3,2 @@ x
+new
+new
@@ -9 +11 @@
-old
+changed
@@ -20,3 +21,0 @@
-gone
diff --git a/old.http b/new.http
similarity index 90%
rename from old.http
rename to new.http
--- a/old.http
+++ b/new.http
@@ -5 +5 @@
-x
+y
diff --git a/gone.sh b/gone.sh
--- a/gone.sh
+++ /dev/null
@@ -1 +0,0 @@
-x
diff --git "a/sp ace\t.sh" "b/sp ace\t.sh"
--- "a/sp ace\t.sh"
+++ "b/sp ace\t.sh"
@@ -1 +1 @@
-a
+b
`
	lines, err := parse([]byte(patch))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		file        string
		first, last int
		want        bool
	}{
		{"a.sh", 3, 3, true}, {"a.sh", 4, 4, true}, {"a.sh", 5, 10, false}, {"a.sh", 10, 12, true},
		{"a.sh", 21, 21, false}, {"a.sh", 0, 0, true},
		{"new.http", 5, 5, true}, {"new.http", 1, 4, false}, {"old.http", 5, 5, false},
		{"gone.sh", 1, 1, false}, {"sp ace\t.sh", 1, 1, true}, {"other.sh", 1, 1, false},
	}
	for _, c := range cases {
		if got := lines.Changed(c.file, c.first, c.last); got != c.want {
			t.Errorf("Changed(%q, %d, %d) = %v", c.file, c.first, c.last, got)
		}
	}
}

func TestSince(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@e", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@e")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	write := func(name, body string) { os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644) }
	run("init", "-q")
	write("a.sh", "one\ntwo\nthree\n")
	write("moved.sh", strings.Repeat("line\n", 20))
	run("add", "-A")
	run("commit", "-q", "-m", "base")
	write("a.sh", "one\nTWO\nthree\n")
	run("mv", "moved.sh", "renamed.sh")
	write("fresh.sh", "x\n")
	lines, err := Since(dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if !lines.Changed("a.sh", 2, 2) || lines.Changed("a.sh", 1, 1) || lines.Changed("renamed.sh", 1, 20) || !lines.Changed("fresh.sh", 1, 1) {
		t.Errorf("lines %v", lines)
	}
	for _, bad := range []string{"--output=/tmp/x", "nosuchrev", ""} {
		if _, err := Since(dir, bad); err == nil {
			t.Errorf("Since(%q) did not fail", bad)
		}
	}
}
