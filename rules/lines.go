package rules

import (
	"bytes"
	"unicode/utf8"
)

// A LineIndex converts byte offsets of one file to line and column. It is
// not safe for concurrent use (UTF16Column remembers where it stopped).
type LineIndex struct {
	src   []byte
	lines []int // byte offset of each line start
	// u16 are the last UTF16Column answers, so converting the columns of
	// many findings on one long line (a minified JSON file) walks the
	// line once, not once per finding; two, for start and end columns.
	u16 [2]u16Memo
}

type u16Memo struct{ line, col, n int }

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
	// Start from the memo furthest along the line but not past col, and
	// replace that memo (or, starting afresh, the one that is of no use).
	n, i, slot := 1, 0, 0
	if m := li.u16[0]; m.line == line && m.col <= col {
		slot = 1
	}
	for k, m := range li.u16 {
		if m.line == line && m.col <= col && m.col-1 > i {
			n, i, slot = m.n, m.col-1, k
		}
	}
	for i < col-1 && i < len(text) {
		r, size := utf8.DecodeRune(text[i:])
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		i += size
	}
	li.u16[slot] = u16Memo{line, i + 1, n}
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
