package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBinNewFromRev: only findings on lines added since the revision are
// reported: an edited file's new request, an untracked file, not a renamed
// file's old lines nor an untouched file's.
func TestBinNewFromRev(t *testing.T) {
	const goodHTTP = "POST https://login.mypurecloud.com/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n"
	root := gitRepo(t, map[string]string{
		"old.http":     badHTTP,
		"edited.http":  goodHTTP,
		"sub/keep.sh":  "curl -X POST https://api.mypurecloud.com/oauth/token -d grant_type=client_credentials\n",
		"sub/other.sh": "echo hi\n",
	})
	git(t, root, "checkout", "-q", "-b", "feature")
	git(t, root, "mv", "old.http", "renamed.http")
	writeTree(t, root, map[string]string{
		"edited.http":  goodHTTP + "\n###\n\n" + badHTTP,
		"untracked.sh": "curl -X POST https://api.mypurecloud.de/oauth/token -d grant_type=client_credentials\n",
	})
	git(t, root, "commit", "-q", "-am", "feature")

	r := runBin(t, root, nil, "", "-color", "never", "-new-from-rev", "main", ".")
	if got := findingFiles(r.stdout); r.code != exitFindings || got != "edited.http untracked.sh" {
		t.Errorf("-new-from-rev main: exit %d, files %q\n%s%s", r.code, got, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, "edited.http:8:") {
		t.Errorf("the new request is on line 8 of edited.http:\n%s", r.stdout)
	}
	r = runBin(t, filepath.Join(root, "sub"), nil, "", "-color", "never", "-new-from-rev", "main", ".")
	if r.code != exitOK || r.stdout != "" {
		t.Errorf("from sub/, nothing there is new: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runBin(t, root, nil, "", "-new-from-rev", "HEAD", "."); r.code != exitFindings || findingFiles(r.stdout) != "untracked.sh" {
		t.Errorf("-new-from-rev HEAD: untracked files are new: exit %d %q", r.code, findingFiles(r.stdout))
	}
	for _, rev := range []string{"no-such-branch", "--output=x"} {
		r := runBin(t, root, nil, "", "-new-from-rev", rev, "sub/other.sh")
		if r.code != exitTrouble || !strings.Contains(r.stderr, "-new-from-rev") {
			t.Errorf("-new-from-rev %s: exit %d, stderr %q", rev, r.code, r.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "x")); err == nil {
		t.Error("a revision was taken for a git option")
	}
	if r := runBin(t, t.TempDir(), nil, "", "-new-from-rev", "main", "."); r.code != exitTrouble || !strings.Contains(r.stderr, "not in a git repository") {
		t.Errorf("outside a repository: exit %d, stderr %q", r.code, r.stderr)
	}
}
