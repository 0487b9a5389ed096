package lint

import (
	"runtime/debug"
	"testing"
)

// gcPercent reads the collector's pace without changing it.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestGCPace follows the pace through a run: the tree pace while config
// files are read, the pace before the run while a large file is in
// flight (until the last of two is done), and the pace before the run
// once it ends; a run that may not pace leaves it alone.
func TestGCPace(t *testing.T) {
	t.Setenv("GOGC", "") // the user's setting, if any, is not this test's
	before := gcPercent()
	defer debug.SetGCPercent(before)

	var g gcPacer
	g.start(false)()
	if got := gcPercent(); got != before {
		t.Fatalf("a run that may not pace set the pace to %d", got)
	}

	stop := g.start(true)
	if got := gcPercent(); got != treeGCPercent {
		t.Fatalf("pace while reading config files = %d, want %d", got, treeGCPercent)
	}
	g.large(collectAfter - 1)()
	if got := gcPercent(); got != treeGCPercent {
		t.Fatalf("a small file changed the pace to %d", got)
	}
	done1 := g.large(collectAfter)
	done2 := g.large(2 * collectAfter)
	if got := gcPercent(); got != before {
		t.Fatalf("pace with large files in flight = %d, want the run's own %d", got, before)
	}
	done1()
	if got := gcPercent(); got != before {
		t.Fatalf("pace with one large file still in flight = %d, want %d", got, before)
	}
	done2()
	if got := gcPercent(); got != treeGCPercent {
		t.Fatalf("pace after the large files = %d, want %d", got, treeGCPercent)
	}
	stop()
	if got := gcPercent(); got != before {
		t.Fatalf("pace after the run = %d, want %d", got, before)
	}
}

// TestGCPaceLeavesTheUsersGOGC: a GOGC in the environment is the user's
// choice.
func TestGCPaceLeavesTheUsersGOGC(t *testing.T) {
	t.Setenv("GOGC", "150")
	before := gcPercent()
	defer debug.SetGCPercent(before)
	var g gcPacer
	stop := g.start(true)
	g.large(collectAfter)()
	if got := gcPercent(); got != before {
		t.Fatalf("pace with GOGC set = %d, want %d", got, before)
	}
	stop()
}

// TestGCPaceOverlappingRuns: the pace is the process's, so two runs that
// overlap (a server, parallel tests) share it: the tree pace holds until
// the last run ends, which restores the pace from before the first, in
// whichever order they end.
func TestGCPaceOverlappingRuns(t *testing.T) {
	t.Setenv("GOGC", "")
	before := gcPercent()
	defer debug.SetGCPercent(before)
	stopA := gcPace.start(true)
	stopB := gcPace.start(true)
	stopA()
	if got := gcPercent(); got != treeGCPercent {
		t.Fatalf("pace while one run goes on = %d, want %d", got, treeGCPercent)
	}
	stopB()
	if got := gcPercent(); got != before {
		t.Fatalf("pace after both runs = %d, want the pace before them, %d", got, before)
	}
}
