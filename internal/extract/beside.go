package extract

import "github.com/tokenlint/tokenlint/internal/safefile"

// What front ends read beside the file they lint: a collection's
// environments, a .http file's environment files, Bruno's collection.bru.
// Each is bounded, and opened through safefile like every file tokenlint
// reads for itself.

// Bounds on what a front end reads beside a file.
const (
	maxDirEntries  = 4096
	maxEnvFiles    = 32
	maxEnvFileSize = 2 << 20
)

// readBeside reads a small regular file beside the one being linted (no
// link, no device, no FIFO), or nil.
func readBeside(path string) []byte {
	data, err := safefile.Read(path, safefile.NoLinks, maxEnvFileSize)
	if err != nil {
		return nil
	}
	return data
}
