package lint

import (
	"strings"
	"testing"
)

func TestReadable(t *testing.T) {
	le := "c\x00u\x00r\x00l\x00 \x00h\x00t\x00t\x00p\x00s\x00\n\x00"
	for _, tt := range []struct {
		name, in, want string
		form           textForm
	}{
		{"UTF-8 as written", "curl https\n", "curl https\n", asWritten},
		{"CRLF as written", "a\r\nb\r\n", "a\r\nb\r\n", asWritten},
		{"CR only", "a\rb\r", "a\nb\n", crLines},
		{"UTF-16LE with BOM", "\xff\xfe" + le, "curl https\n", decodedUTF16},
		{"UTF-16BE with BOM", "\xfe\xff" + "\x00c\x00u\x00r\x00l", "curl", decodedUTF16},
		{"UTF-16LE without BOM", le, "curl https\n", decodedUTF16},
		{"non-BMP and a lone surrogate", "\xff\xfe" + "=\xd8\x00\xde" + "\x00\xd8a\x00", "\U0001F600\uFFFDa", decodedUTF16},
		{"binary with NULs stays", "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00", "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00", asWritten},
		{"Latin-1 stays", "caf\xe9 au lait, cr\xe8me", "caf\xe9 au lait, cr\xe8me", asWritten},
		{"NUL-separated stays", strings.Repeat("ab\x00", 10), strings.Repeat("ab\x00", 10), asWritten},
	} {
		got, form := readable([]byte(tt.in))
		if string(got) != tt.want || form != tt.form {
			t.Errorf("%s: readable = %q, %d; want %q, %d", tt.name, got, form, tt.want, tt.form)
		}
	}
}
