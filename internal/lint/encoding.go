package lint

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// Files whose text every front end would misread, and so pass as clean:
// UTF-16 (what PowerShell's ">" writes by default), where every other
// byte is NUL, and classic Mac line ends (a lone CR), where the whole file
// is one line. They are read as the UTF-8, LF text they mean.

// A textForm says how a file's bytes were made readable.
type textForm int

const (
	asWritten textForm = iota
	// crLines: lone CRs became LFs, byte for byte, so offsets (and fixes)
	// still point into the file.
	crLines
	// decodedUTF16: the text was transcoded, so offsets are the decoded
	// text's: findings are reported, but no fix is offered.
	decodedUTF16
)

// readable returns the text of a file's bytes as the front ends read it.
func readable(data []byte) ([]byte, textForm) {
	if order, skip := utf16Order(data); order != nil {
		return decodeUTF16(data[skip:], order), decodedUTF16
	}
	if bytes.IndexByte(data, '\r') >= 0 && bytes.IndexByte(data, '\n') < 0 {
		text := bytes.ReplaceAll(data, []byte{'\r'}, []byte{'\n'})
		return text, crLines
	}
	return data, asWritten
}

// A byteOrder reads one UTF-16 code unit from two bytes.
type byteOrder func(b []byte) uint16

func littleEndian(b []byte) uint16 { return uint16(b[0]) | uint16(b[1])<<8 }
func bigEndian(b []byte) uint16    { return uint16(b[1]) | uint16(b[0])<<8 }

// utf16Sample is how much of a file without a byte order mark is looked
// at to recognise UTF-16.
const utf16Sample = 1024

// utf16Order recognises UTF-16 text: by its byte order mark (skip is its
// length), or, without one, by the NUL high bytes of mostly-ASCII text,
// all on one side of each pair. Nil when the text is not UTF-16.
func utf16Order(data []byte) (order byteOrder, skip int) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return littleEndian, 2
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return bigEndian, 2
	}
	sample := data[:min(len(data), utf16Sample)&^1]
	if len(sample) < 8 || utf8.Valid(sample) && bytes.IndexByte(sample, 0) < 0 {
		return nil, 0
	}
	var evenNUL, oddNUL int
	for i := 0; i < len(sample); i += 2 {
		if sample[i] == 0 {
			evenNUL++
		}
		if sample[i+1] == 0 {
			oddNUL++
		}
	}
	pairs := len(sample) / 2
	switch {
	case evenNUL == 0 && oddNUL*10 >= pairs*9:
		return littleEndian, 0
	case oddNUL == 0 && evenNUL*10 >= pairs*9:
		return bigEndian, 0
	}
	return nil, 0
}

// decodeUTF16 transcodes UTF-16 text to UTF-8; a lone surrogate becomes
// U+FFFD and an odd last byte is dropped.
func decodeUTF16(data []byte, order byteOrder) []byte {
	units := make([]uint16, len(data)/2)
	for i := range units {
		units[i] = order(data[2*i:])
	}
	out := make([]byte, 0, len(units))
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	return out
}
