package lint

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/tokenlint/tokenlint/internal/safefile"
	"github.com/tokenlint/tokenlint/rules"
)

const hostileBad = "curl -d grant_type=client_credentials https://api.mypurecloud.com/oauth/token\n"

// A file deleted between the walk and the read is an error for that file
// alone; the files around it are still linted.
func TestFileVanishesAfterWalk(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.sh", "gone.sh", "z.sh"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(hostileBad), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := &Result{}
	opts := Options{MaxFileSize: DefaultMaxFileSize, Rules: &rules.Options{}}
	var jobs []job
	walk(dir, opts, res, func(j job) { jobs = append(jobs, j) })
	if len(jobs) != 3 || len(res.Errors) != 0 {
		t.Fatalf("walk: %d jobs, errors %v", len(jobs), res.Errors)
	}
	if err := os.Remove(filepath.Join(dir, "gone.sh")); err != nil {
		t.Fatal(err)
	}
	lintFiles(jobs, opts, res)
	var files []string
	for _, f := range res.Findings {
		files = append(files, filepath.Base(f.Span.File))
	}
	if strings.Join(files, ",") != "a.sh,z.sh" {
		t.Errorf("findings in %v, want a.sh and z.sh", files)
	}
	if len(res.Errors) != 1 || !strings.HasSuffix(res.Errors[0].File, "gone.sh") || res.Errors[0].Message != "no such file or directory" {
		t.Errorf("errors %+v, want one for gone.sh", res.Errors)
	}
}

// readFile never opens what is not a regular file: opening a FIFO blocks
// until a writer comes, which would hang the run.
func TestReadFileRefusesFIFOUnopened(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.sh")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	if _, err := readFile(fifo, safefile.FollowLinks, DefaultMaxFileSize); err == nil || err.Error() != "not a regular file" {
		t.Errorf("readFile(FIFO) = %v", err)
	}
	r := lintOne(job{path: fifo, display: "pipe.sh", explicit: true}, Options{MaxFileSize: DefaultMaxFileSize, Rules: &rules.Options{}})
	if r.err == nil || r.err.File != "pipe.sh" || r.err.Message != "not a regular file" {
		t.Errorf("lintOne(FIFO) = %+v", r.err)
	}
}

// readFile stops at the limit without reading a larger file: a file that
// grows between stat and read is cut off, not read whole.
func TestReadFileLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(p, []byte(strings.Repeat("x", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readFile(p, safefile.FollowLinks, 99); err == nil || !strings.Contains(err.Error(), "100 bytes is over the 99 bytes size limit") {
		t.Errorf("over the limit: %v", err)
	}
	if data, err := readFile(p, safefile.FollowLinks, 100); err != nil || len(data) != 100 {
		t.Errorf("at the limit: %d bytes, %v", len(data), err)
	}
}

// A segment's offsets are int32: no configured limit lets a file past
// them into the model, also once a UTF-16 file is decoded (U+0800 and up
// are two bytes in UTF-16, three in UTF-8).
func TestFileLimitStaysWithinOffsets(t *testing.T) {
	widest := []byte("\xff\xfe" + strings.Repeat("\x00\x08", 512))
	text, form := readable(widest)
	if form != decodedUTF16 || len(text) != (len(widest)-2)*3/2 {
		t.Fatalf("readable: %d bytes of form %v from %d, want UTF-16 decoded to %d", len(text), form, len(widest), (len(widest)-2)*3/2)
	}
	for _, c := range []struct{ configured, want int64 }{
		{0, DefaultMaxFileSize},
		{64 << 20, 64 << 20},
		{8 << 30, rules.MaxOffset / 3 * 2},
	} {
		if got := fileLimit(c.configured); got != c.want {
			t.Errorf("fileLimit(%d) = %d, want %d", c.configured, got, c.want)
		}
		if got := fileLimit(c.configured); got*3/2 > rules.MaxOffset {
			t.Errorf("fileLimit(%d) = %d: decoded from UTF-16 it may reach %d, past rules.MaxOffset", c.configured, got, got*3/2)
		}
	}
}
