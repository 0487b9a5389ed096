package keyword

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestIn: the set finds what a plain search for each word finds, at every
// position, in either case, at the ends.
func TestIn(t *testing.T) {
	words := []string{"token", "oauth", "pure.cloud", "ab", "Grant", "x"}
	s := New(words)
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := "tokenauthpure.clodgrabX TOKENGRANT\n\xc3"
	for range 20000 {
		b := make([]byte, rng.IntN(24))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		want := slices.ContainsFunc(words, func(w string) bool {
			return strings.Contains(asciiLower(string(b)), strings.ToLower(w))
		})
		if got := s.In(b); got != want {
			t.Fatalf("In(%q) = %v, want %v", b, got, want)
		}
	}
	if New(nil).In([]byte("token")) || New([]string{""}).In([]byte("token")) {
		t.Error("no words matched something")
	}
}

func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

func BenchmarkInMiss(b *testing.B) {
	s := New([]string{"token", "oauth", "grant", "secret", "passw", "assertion", "genesys", "purecloud", "pure.cloud"})
	line := []byte("replicas: 3 image: nginx-alpine selector: app=web port: 8080 timeout: 30s\n")
	var src []byte
	for len(src) < 1<<20 {
		src = append(src, line...)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if s.In(src) {
			b.Fatal("no word in this text")
		}
	}
}

// TestInFolded: a Unicode case folding that reaches an ASCII word counts,
// and what In finds InFolded finds.
func TestInFolded(t *testing.T) {
	s := New([]string{"token"})
	for _, c := range []struct {
		text string
		want bool
	}{
		{"tokenUrl", true},
		{"TOKEN_URL", true},
		{"to\u212Aen_url", true}, // a Kelvin sign folds to k
		{"tøken", false},
		{"url", false},
	} {
		if got := s.InFolded([]byte(c.text)); got != c.want {
			t.Errorf("InFolded(%q) = %v, want %v", c.text, got, c.want)
		}
	}
	if s.In([]byte("to\u212Aen")) {
		t.Error("In folds Unicode; the test above would not show InFolded's part")
	}
}
