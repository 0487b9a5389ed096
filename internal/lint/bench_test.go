package lint_test

import (
	"os"
	"testing"

	"github.com/tokenlint/tokenlint/internal/lint"
)

// BenchmarkRunTree lints the tree that TOKENLINT_BENCH_TREE names (bench/gen's
// tree, or the public repositories bench/checkout.sh checks out) the way the
// command does without Go, to profile the whole pipeline:
//
//	TOKENLINT_BENCH_TREE=bench/out/tree go test -run - -bench RunTree -cpuprofile cpu.prof ./internal/lint
func BenchmarkRunTree(b *testing.B) {
	tree := os.Getenv("TOKENLINT_BENCH_TREE")
	if tree == "" {
		b.Skip("TOKENLINT_BENCH_TREE names no tree")
	}
	for b.Loop() {
		lint.Run([]string{tree}, lint.Options{})
	}
}
