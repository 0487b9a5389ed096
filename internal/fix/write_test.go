//go:build unix

package fix

import (
	"errors"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

const writeSrc = "curl -X POST https://api.mypurecloud.com/oauth/token -d grant_type=client_credentials\n"

// fixedFile writes writeSrc to dir/name and returns a File that fixes it.
func fixedFile(t *testing.T, path string) *File {
	t.Helper()
	if err := os.WriteFile(path, []byte(writeSrc), 0o644); err != nil {
		t.Fatal(err)
	}
	return &File{Path: path, Src: []byte(writeSrc), Fixes: []*rules.Fix{edit(t, writeSrc, "api.", "login.", 0)}}
}

func wantFixed(t *testing.T, path string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(got), "https://login.mypurecloud.com/") || strings.Contains(string(got), "api.") {
		t.Errorf("%s: %q, %v; want the fixed text", path, got, err)
	}
}

// onlyEntries checks that dir holds exactly names: no temporary file left.
func onlyEntries(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}

// TestApplyThroughSymlink: a link named on the command line fixes its
// target and stays a link, as gofmt -w does.
func TestApplyThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.sh")
	f := fixedFile(t, target)
	link := filepath.Join(dir, "link.sh")
	if err := os.Symlink("real.sh", link); err != nil {
		t.Skip(err)
	}
	f.Path = link
	if _, err := Apply(f); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("link.sh is no longer a symbolic link: %v", err)
	}
	wantFixed(t, target)
	onlyEntries(t, dir, "link.sh", "real.sh")
}

// TestApplyKeepsInode: hard links keep sharing the fixed text; mode bits
// (set-id included) and owner are the file's own.
func TestApplyKeepsInode(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.sh")
	f := fixedFile(t, a)
	b := filepath.Join(dir, "b.sh")
	if err := os.Link(a, b); err != nil {
		t.Skip(err)
	}
	if err := os.Chmod(a, 0o4751); err != nil {
		t.Fatal(err)
	}
	owner := os.Getuid() == 0
	if owner {
		if err := os.Chown(a, 1234, 1234); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := os.Stat(a)
	if _, err := Apply(f); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(a)
	wantFixed(t, a)
	wantFixed(t, b)
	if !os.SameFile(before, after) {
		t.Error("the fixed file is a new inode")
	}
	if after.Mode() != before.Mode() {
		t.Errorf("mode %v, want %v", after.Mode(), before.Mode())
	}
	if st, ok := after.Sys().(*syscall.Stat_t); ok && owner && (st.Uid != 1234 || st.Gid != 1234) {
		t.Errorf("owner %d:%d, want 1234:1234", st.Uid, st.Gid)
	}
	onlyEntries(t, dir, "a.sh", "b.sh")
}

// TestApplyReadOnly: a read-only file is not rewritten, even by root.
func TestApplyReadOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ro.sh")
	f := fixedFile(t, path)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	if _, err := Apply(f); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Apply on a read-only file: %v, want ErrReadOnly", err)
	}
	if got, _ := os.ReadFile(path); string(got) != writeSrc {
		t.Errorf("read-only file changed: %q", got)
	}
	onlyEntries(t, dir, "ro.sh")
}

// TestApplyInterrupted: SIGINT during a write neither kills the process
// mid-write nor leaves anything but the fixed file; Apply reports it.
func TestApplyInterrupted(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.sh")
	f := fixedFile(t, path)
	// The test's own channel keeps a late signal from ending the test
	// binary, and waiting on it makes sure the signal was delivered.
	seen := make(chan os.Signal, 1)
	signal.Notify(seen, os.Interrupt)
	defer signal.Stop(seen)
	beforeWrite = func() {
		syscall.Kill(os.Getpid(), syscall.SIGINT)
		<-seen
	}
	defer func() { beforeWrite = nil }()
	applied, err := Apply(f)
	if !errors.Is(err, ErrInterrupted) || len(applied) != 1 {
		t.Errorf("Apply: %v, %v; want the fix applied and ErrInterrupted", applied, err)
	}
	wantFixed(t, path)
	onlyEntries(t, dir, "a.sh")
}
