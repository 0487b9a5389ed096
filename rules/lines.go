package rules

import (
	"bytes"
	"unicode/utf8"
)

// A LineIndex converts byte offsets of one file to line and column.
type LineIndex struct {
	src   []byte
	lines []int // byte offset of each line start
}

// NewLineIndex indexes src.
func NewLineIndex(src []byte) *LineIndex {
	li := &LineIndex{src: src, lines: []int{0}}
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		li.lines = append(li.lines, i)
	}
	return li
}

// Position is 1-based line and 1-based byte column of offset off.
func (li *LineIndex) Position(off int) (line, col int) {
	off = max(0, min(off, len(li.src)))
	lo, hi := 0, len(li.lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if li.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1, off - li.lines[lo] + 1
}

// UTF16Column converts a 1-based byte column on line to a 1-based column
// in UTF-16 code units, as SARIF consumers such as GitHub expect.
func (li *LineIndex) UTF16Column(line, col int) int {
	text := li.Line(line)
	n := 1
	for i := 0; i < col-1 && i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		i += size
	}
	return n
}

// Line returns the text of 1-based line n without its line ending.
func (li *LineIndex) Line(n int) []byte {
	if n < 1 || n > len(li.lines) {
		return nil
	}
	start := li.lines[n-1]
	end := len(li.src)
	if n < len(li.lines) {
		end = li.lines[n] - 1
	}
	line := li.src[start:end]
	return bytes.TrimSuffix(line, []byte{'\r'})
}

// LineStart is the byte offset where 1-based line n starts.
func (li *LineIndex) LineStart(n int) int {
	if n < 1 || n > len(li.lines) {
		return len(li.src)
	}
	return li.lines[n-1]
}

// Lines is the number of lines.
func (li *LineIndex) Lines() int { return len(li.lines) }
