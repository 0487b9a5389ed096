package glob

import (
	"math/rand/v2"
	"path"
	"strings"
	"testing"
)

// reference is the recursive matcher this package replaced: exponential,
// but plainly right, so it checks Match on small inputs.
func reference(ps, ns []string) bool {
	for len(ps) > 0 {
		if ps[0] == "**" {
			for i := 0; i <= len(ns); i++ {
				if reference(ps[1:], ns[i:]) {
					return true
				}
			}
			return false
		}
		if len(ns) == 0 {
			return false
		}
		if ok, _ := path.Match(ps[0], ns[0]); !ok {
			return false
		}
		ps, ns = ps[1:], ns[1:]
	}
	return len(ns) == 0
}

func TestMatch(t *testing.T) {
	for _, tt := range []struct {
		pattern, path string
		want          bool
	}{
		{"a/**/b", "a/b", true},
		{"a/**/b", "a/x/y/b", true},
		{"a/**/b", "a/x/y/c", false},
		{"**/node_modules", "x/node_modules", true},
		{"**/*.json", "a/b/c.json", true},
		{"a/**", "a/b/c", true},
		{"a/**", "b/a", false},
		{"**", "anything/at/all", true},
		{"**/b/**/c", "b/c", true},
		{"**/b/**/c", "x/b/y/b/z", false},
		{"[", "[", false},
	} {
		if got := Match(Split(tt.pattern), Split(tt.path)); got != tt.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}

// TestMatchAgreesWithReference compares Match with the recursive matcher
// on random patterns and paths over a small alphabet.
func TestMatchAgreesWithReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(alphabet []string, n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return out
	}
	for range 20000 {
		pattern := pick([]string{"**", "a", "b", "*", "?", "a*"}, rng.IntN(6))
		p := pick([]string{"a", "b", "ab", "ba"}, rng.IntN(7))
		if got, want := Match(pattern, p), reference(pattern, p); got != want {
			t.Fatalf("Match(%q, %q) = %v, reference says %v", strings.Join(pattern, "/"), strings.Join(p, "/"), got, want)
		}
	}
}

// TestMatchIsLinear is the red-team's 31-byte .gitignore line against a
// 25-deep path: the work is counted, not timed.
func TestMatchIsLinear(t *testing.T) {
	pattern := Split("**/**/**/**/**/**/**/**/**/**/nomatch")
	p := Split(strings.Repeat("a/", 24) + "t.sh")
	calls := 0
	counting := func(pattern, name string) bool {
		calls++
		return segment(pattern, name)
	}
	if MatchFunc(pattern, p, counting) {
		t.Fatal("matched")
	}
	if limit := len(pattern) * len(p); calls > limit {
		t.Errorf("%d segment comparisons, over %d (pattern × path segments)", calls, limit)
	}
}
