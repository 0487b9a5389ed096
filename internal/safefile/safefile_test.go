package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadRefusesWhatIsNotASmallRegularFile covers the class: devices,
// FIFOs (opened without blocking, then refused), links in the tree, and
// files over the limit, which are not read at all.
func TestReadRefusesWhatIsNotASmallRegularFile(t *testing.T) {
	dir := t.TempDir()
	regular := filepath.Join(dir, "ok.toml")
	if err := os.WriteFile(regular, []byte("a = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(outside, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	link := func(name, target string) string {
		p := filepath.Join(dir, name)
		if err := os.Symlink(target, p); err != nil {
			t.Skipf("no symlinks here: %v", err)
		}
		return p
	}
	zero := link("zero", "/dev/zero")
	out := link("out", outside)
	in := link("in", regular)
	fifoLink := link("fifolink", fifo)

	for _, tt := range []struct {
		name  string
		links Links
		limit int64
		want  error
	}{
		{zero, FollowLinks, 1 << 20, ErrNotRegular},
		{zero, NoLinks, 1 << 20, ErrLink},
		{fifo, FollowLinks, 1 << 20, ErrNotRegular},
		{fifo, NoLinks, 1 << 20, ErrNotRegular},
		{fifoLink, FollowLinks, 1 << 20, ErrNotRegular},
		{out, NoLinks, 1 << 20, ErrLink},
		{in, NoLinks, 1 << 20, ErrLink},
		{dir, FollowLinks, 1 << 20, ErrNotRegular},
		{"/dev/null", FollowLinks, 1 << 20, ErrNotRegular},
		// A walk's entry, listed as a regular file, that is one no longer.
		{zero, Listed, 1 << 20, ErrLink},
		{out, Listed, 1 << 20, ErrLink},
		{in, Listed, 1 << 20, ErrLink},
		{fifo, Listed, 1 << 20, ErrNotRegular},
		{fifoLink, Listed, 1 << 20, ErrLink},
		{dir, Listed, 1 << 20, ErrNotRegular},
	} {
		if _, err := Read(tt.name, tt.links, tt.limit); !errors.Is(err, tt.want) {
			t.Errorf("Read(%s, %v) = %v, want %v", filepath.Base(tt.name), tt.links, err, tt.want)
		}
	}
	var tooBig *TooBigError
	if _, err := Read(regular, NoLinks, 5); !errors.As(err, &tooBig) || tooBig.Size != 6 || tooBig.Limit != 5 {
		t.Errorf("over the limit: %v", err)
	}
	for _, tt := range []struct {
		name  string
		links Links
	}{{regular, NoLinks}, {regular, Listed}, {in, FollowLinks}, {out, FollowLinks}} {
		if data, err := Read(tt.name, tt.links, 6); err != nil || len(data) == 0 {
			t.Errorf("Read(%s, %v) = %q, %v", filepath.Base(tt.name), tt.links, data, err)
		}
	}
}

// TestReadLimited checks that a stream is cut at the limit, never read
// whole.
func TestReadLimited(t *testing.T) {
	var tooBig *TooBigError
	if _, err := ReadLimited(strings.NewReader(strings.Repeat("x", 100)), 10); !errors.As(err, &tooBig) {
		t.Errorf("read past its limit: %v", err)
	}
	if data, err := ReadLimited(strings.NewReader("0123456789"), 10); err != nil || string(data) != "0123456789" {
		t.Errorf("at the limit: %q, %v", data, err)
	}
}

// TestReadSizedGrownFile checks that a file that grew after stat is read
// on within the limit and refused past it.
func TestReadSizedGrownFile(t *testing.T) {
	var tooBig *TooBigError
	if _, err := ReadSized(strings.NewReader(strings.Repeat("x", 100)), make([]byte, 5), 50); !errors.As(err, &tooBig) || tooBig.Size <= 50 || tooBig.Limit != 50 {
		t.Errorf("grown past the limit: %v", err)
	}
	if data, err := ReadSized(strings.NewReader(strings.Repeat("x", 40)), make([]byte, 5), 50); err != nil || len(data) != 40 {
		t.Errorf("grown within the limit: %d bytes, %v", len(data), err)
	}
}
