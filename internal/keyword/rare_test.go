package keyword

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestContainsBy: ContainsBy says what bytes.Contains says, for every
// index of the word, at every position, cut short at either end, next to
// look-alikes.
func TestContainsBy(t *testing.T) {
	const word = "tokenlint:ignore"
	rng := rand.New(rand.NewPCG(5, 6))
	parts := []string{word, "tokenlint:", "kenlint:ignore", "k", "t", "e", "to", "tok", "x", " ", "\n", "tokenlint:ignor", "okenlint:ignore"}
	for range 20000 {
		var b []byte
		for range rng.IntN(5) {
			b = append(b, parts[rng.IntN(len(parts))]...)
		}
		want := bytes.Contains(b, []byte(word))
		for at := range len(word) {
			if got := ContainsBy(b, word, at); got != want {
				t.Fatalf("ContainsBy(%q, %d) = %v, want %v", b, at, got, want)
			}
		}
	}
}
