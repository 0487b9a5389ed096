package extract

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestYAMLScalarOffsets checks that every byte of a scalar's text that is
// verbatim points at the same byte in the file, for each scalar style.
func TestYAMLScalarOffsets(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"plain", "k: https://login.mypurecloud.com/oauth/token\n", "https://login.mypurecloud.com/oauth/token"},
		{"plain after runes", "é: ü https://x/ä\n", "ü https://x/ä"},
		{"double quoted", `k: "a\tb+c"` + "\n", "a\tb+c"},
		{"double quoted unicode escape", `k: "x\u00e9y"` + "\n", "xéy"},
		{"single quoted", "k: 'it''s+'\n", "it's+"},
		{"literal", "k: |\n  curl -d a=b \\\n    -u x:y\n  echo\n", "curl -d a=b \\\n  -u x:y\necho\n"},
		{"literal no final newline", "k: |\n  one\n  two", "one\ntwo"},
		{"folded", "k: >\n  one\n  two\n\n  three\n", "one two\nthree\n"},
		{"plain multi-line", "k: one\n  two\n", "one two"},
		{"tagged", "k: !!str  abc\n", "abc"},
		{"crlf literal", "k: |\r\n  one\r\n  two\r\n", "one\ntwo\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			y, err := parseYAML("f.yml", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			_, n := mapValue(y.Root, y.Root.Content[0].Value)
			v, m := y.Scalar(n, 0)
			if v.Text != tt.want {
				t.Fatalf("text %q, want %q", v.Text, tt.want)
			}
			verbatim := 0
			for i := 0; i < len(v.Text); i++ {
				off, in := m.Map(i)
				if !in {
					continue
				}
				verbatim++
				if tt.src[off] != v.Text[i] {
					t.Errorf("text[%d]=%q maps to file[%d]=%q", i, v.Text[i], off, tt.src[off])
				}
			}
			if verbatim == 0 {
				t.Errorf("no verbatim byte in %q", v.Text)
			}
			// The whole value's span covers its text.
			sp := v.Span()
			if sp.Start < 0 || sp.End > len(tt.src) || sp.Start >= sp.End {
				t.Errorf("span %v out of the file", sp)
			}
		})
	}
}

func TestYAMLPlaceholders(t *testing.T) {
	src := "run: curl -u \"${{ secrets.ID }}:x\" $HOST\n"
	y, err := parseYAML("w.yml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	_, n := mapValue(y.Root, "run")
	v, _ := y.Scalar(n, GHAExpr)
	i := strings.Index(v.Text, "${{")
	if !v.DynamicAt(i) || !v.DynamicAt(i+16) || v.DynamicAt(i+17) {
		t.Errorf("GHA expression not marked dynamic: %+v", v.Segs)
	}
	if v.DynamicAt(strings.Index(v.Text, "$HOST")) {
		t.Error("$HOST marked dynamic under GHAExpr only")
	}
	sp := v.SpanOf(i, i+3)
	if src[sp.Start:sp.Start+3] != "${{" {
		t.Errorf("span of placeholder at %d: %q", sp.Start, src[sp.Start:])
	}
	if v.Known() {
		t.Error("value with a placeholder is Known")
	}
}

func TestParseYAMLErrorLine(t *testing.T) {
	_, err := parseYAML("bad.yml", []byte("a: 1\nb: [\nc: d: e\n"))
	xe, ok := err.(*Error)
	if !ok || xe.Line == 0 {
		t.Errorf("error %v has no line", err)
	}
}

// TestLineStartsAsYAMLBreak: lineStarts ends a line wherever yamlBreak
// says one ends, whatever bytes come between, from every first offset.
func TestLineStartsAsYAMLBreak(t *testing.T) {
	alphabet := []byte("a\n\r\xc2\x85\xe2\x80\xa8\xa9 ")
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		src := make([]byte, rng.IntN(16))
		for i := range src {
			src[i] = alphabet[rng.IntN(len(alphabet))]
		}
		for first := 0; first <= len(src); first++ {
			want := []int{first}
			for i := first; i < len(src); {
				if n := yamlBreak(src, i); n > 0 {
					i += n
					want = append(want, i)
					continue
				}
				i++
			}
			if got := lineStarts(src, first); !slices.Equal(got, want) {
				t.Fatalf("lineStarts(%q, %d) = %v, want %v", src, first, got, want)
			}
		}
	}
}
