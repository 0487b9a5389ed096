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

// A gcPacer sets the collector's pace from the runs and files in flight.
type gcPacer struct {
	mu      sync.Mutex
	runs    int // runs that pace
	prev    int // the pace before the first run, restored for large files and after the last
	inLarge int // large files being linted
}

// gcPace is the process's pacer: the pace is a setting of the process, so
// runs that overlap must share one account of it.
var gcPace gcPacer

// start sets the tree pace when pacing is allowed and the user has not
// chosen one; the returned function ends the run, and the last run to end
// restores the pace from before the first.
func (g *gcPacer) start(allowed bool) (stop func()) {
	if !allowed || os.Getenv("GOGC") != "" {
		return func() {}
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.runs++; g.runs == 1 {
		g.prev = debug.SetGCPercent(treeGCPercent)
	}
	return func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		if g.runs--; g.runs == 0 {
			debug.SetGCPercent(g.prev)
		}
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
	if g.runs == 0 {
		return func() {}
	}
	if g.inLarge++; g.inLarge == 1 {
		debug.SetGCPercent(g.prev)
	}
	return func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		if g.inLarge--; g.inLarge == 0 && g.runs > 0 {
			debug.SetGCPercent(treeGCPercent)
		}
	}
}
