//go:build unix

package lint

import (
	"fmt"
	"io/fs"
	"syscall"
)

// fileID identifies the file that info describes: its device and inode.
func fileID(p string, info fs.FileInfo) string {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return fmt.Sprintf("inode %d:%d", st.Dev, st.Ino)
	}
	return absID(p)
}
