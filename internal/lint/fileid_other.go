//go:build !unix

package lint

import "io/fs"

// fileID identifies the file that info describes: where the system has no
// inode in its FileInfo (Windows), by its cleaned absolute path.
func fileID(p string, _ fs.FileInfo) string { return absID(p) }
