package lint

import (
	"os"
	"runtime/debug"
	"sync"
)

// The collector's pace while a run reads its config files. A tree of
// ordinary files keeps a few megabytes live at a time (one file's text,
// parse tree and model per worker), so Go's default pace (GOGC=100,
// collect whenever the heap has doubled) spends a sixth of the run
// collecting a heap that never grows: on bench/run.sh's public
// repositories without Go files, GOGC=400 took 16% less CPU and raised
// peak memory from 45 to 64 MB. A large file is the opposite case, its
// model is most of the peak, so while one is in flight the default pace
// is back (the memory issue's figures are the default's). The Go linter
// runs after the config files, with the default pace: type-checking a
// module keeps hundreds of megabytes live. A GOGC the user set is left
// alone.
const treeGCPercent = 400

// A gcPacer sets the collector's pace from the files in flight.
type gcPacer struct {
	mu      sync.Mutex
	on      bool
	prev    int // the pace before the run, restored for large files and at the end
	inLarge int // large files being linted
}

// start sets the tree pace when pacing is allowed and the user has not
// chosen one; the returned function restores the pace before it.
func (g *gcPacer) start(allowed bool) (stop func()) {
	if !allowed || os.Getenv("GOGC") != "" {
		return func() {}
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	g.on, g.inLarge = true, 0
	g.prev = debug.SetGCPercent(treeGCPercent)
	return func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		g.on = false
		debug.SetGCPercent(g.prev)
	}
}

// large accounts for a file of n bytes until the returned function is
// called: from collectAfter on, the default pace holds while it is
// linted.
func (g *gcPacer) large(n int) (done func()) {
	if n < collectAfter {
		return func() {}
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.on {
		return func() {}
	}
	if g.inLarge++; g.inLarge == 1 {
		debug.SetGCPercent(g.prev)
	}
	return func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		if g.inLarge--; g.inLarge == 0 && g.on {
			debug.SetGCPercent(treeGCPercent)
		}
	}
}
