// Package safefile is the one way tokenlint opens a file, whether to lint
// it or to read its own inputs (.gitignore, .tokenlint.toml, baselines,
// the environments beside a collection). A scanned tree is untrusted: a
// committed ".gitignore -> /dev/zero" link must not exhaust memory, a
// FIFO must not block the run, and a link must not read a file outside
// the tree. So a file is opened without blocking (O_NONBLOCK: opening a
// FIFO otherwise waits for a writer), only a regular file is read, never
// more than a size limit, and a file found in the tree is never read
// through a symbolic link.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// Links says whether a symbolic link is followed.
type Links uint8

const (
	// NoLinks is for a file found in the tree being linted.
	NoLinks Links = iota
	// FollowLinks is for a path the user named (a command-line argument,
	// -config, -baseline): a link there is the user's choice.
	FollowLinks
	// Listed is NoLinks for a file its directory's listing has just shown
	// to be a regular file, not a link (a walk's entry), so its type is not
	// asked again: a link swapped in since is refused by the open itself
	// (O_NOFOLLOW), anything else by the fstat. It saves the lstat of
	// every file a walk reads where the system has O_NOFOLLOW.
	Listed
)

// ErrNotRegular is the error for a directory, device, FIFO or socket.
var ErrNotRegular = errors.New("not a regular file")

// ErrLink is the error for a symbolic link opened with NoLinks.
var ErrLink = errors.New("a symbolic link, not followed")

// A TooBigError is a file over the size limit, which is not read at all.
type TooBigError struct{ Size, Limit int64 }

func (e *TooBigError) Error() string {
	return fmt.Sprintf("%s is over the %s size limit", HumanSize(e.Size), HumanSize(e.Limit))
}

// HumanSize words a byte count as output shows it.
func HumanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// Open opens a regular file for reading and returns its size, refusing
// anything else with ErrNotRegular (or ErrLink), and a file over limit
// with a *TooBigError. One open and one fstat, plus one lstat for
// NoLinks; the lstat is compared with the opened file, so a link swapped
// in between is refused too.
func Open(name string, links Links, limit int64) (*os.File, int64, error) {
	if links == Listed && noFollow == 0 {
		links = NoLinks
	}
	flags := os.O_RDONLY | syscall.O_NONBLOCK
	if links == Listed {
		flags |= noFollow
	}
	var before fs.FileInfo
	if links == NoLinks {
		info, err := os.Lstat(name)
		if err != nil {
			return nil, 0, err
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return nil, 0, ErrLink
		}
		if !info.Mode().IsRegular() {
			return nil, 0, ErrNotRegular
		}
		before = info
	}
	f, err := os.OpenFile(name, flags, 0)
	if err != nil {
		// O_NOFOLLOW's error for a link differs between systems (ELOOP,
		// EMLINK): ask what the name is.
		if info, lerr := os.Lstat(name); links == Listed && lerr == nil && info.Mode()&fs.ModeSymlink != 0 {
			err = ErrLink
		}
		return nil, 0, err
	}
	info, err := f.Stat()
	switch {
	case err != nil:
	case !info.Mode().IsRegular():
		err = ErrNotRegular
	case before != nil && !os.SameFile(before, info):
		err = ErrLink
	case info.Size() > limit:
		err = &TooBigError{info.Size(), limit}
	}
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, info.Size(), nil
}

// Read reads a whole file through Open's guard.
func Read(name string, links Links, limit int64) ([]byte, error) {
	f, size, err := Open(name, links, limit)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadSized(f, make([]byte, size+1), limit)
}

// ReadSized reads an opened file into buf, which is one byte longer than
// the size stat reported (so one read sees a file that grew), and goes on
// within limit if it did grow.
func ReadSized(f io.Reader, buf []byte, limit int64) ([]byte, error) {
	n, err := io.ReadFull(f, buf)
	switch {
	case err == io.ErrUnexpectedEOF || err == io.EOF:
		return buf[:n], nil // the usual case: the file ends where stat said
	case err != nil:
		return nil, err
	}
	rest, err := ReadLimited(f, limit-int64(n))
	if err != nil {
		if tooBig, ok := errors.AsType[*TooBigError](err); ok {
			tooBig.Size += int64(n)
			tooBig.Limit = limit
		}
		return nil, err
	}
	return append(buf[:n], rest...), nil
}

// ReadLimited reads r up to limit bytes; more is a *TooBigError.
func ReadLimited(r io.Reader, limit int64) ([]byte, error) {
	if r == nil {
		return nil, errors.New("no standard input")
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &TooBigError{int64(len(data)), limit}
	}
	return data, nil
}

// Describe words an error of Open or Read without repeating the path.
func Describe(err error) string {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}
