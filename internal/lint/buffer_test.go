package lint

import "testing"

// A read buffer has a power-of-two capacity, so once returned it serves
// any later file up to that size; past the largest pool it is the file's
// size exactly and is not kept.
func TestBufferSizes(t *testing.T) {
	for _, c := range []struct{ n, cap int }{
		{1, 1 << minBufferBits},
		{4096, 4096},
		{4097, 8192},
		{1 << maxBufferBits, 1 << maxBufferBits},
		{1<<maxBufferBits + 1, 1<<maxBufferBits + 1},
	} {
		b := getBuffer(c.n)
		if len(b) != c.n || cap(b) != c.cap {
			t.Errorf("getBuffer(%d): len %d cap %d, want len %d cap %d", c.n, len(b), cap(b), c.n, c.cap)
		}
		putBuffer(b)
	}
}
