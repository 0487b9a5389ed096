package extract

import "github.com/tokenlint/tokenlint/rules"

// Variable expansion is where a small file turns into a large value:
// "@v2 = {{v1}}{{v1}}" doubles per line, so thirty such lines would be a
// gigabyte, and a value that uses a variable sixty times, four levels
// deep, is thirteen million lookups. Every front end that substitutes a
// variable's value (.http file variables, Postman, Insomnia and Bruno
// {{variables}}, shell $NAME) draws on one expansion budget per file: a
// bound on the bytes its substitutions produce and on how many it makes.
// Past the bound a placeholder stays as written, dynamic, so unknown: what
// the linter cannot afford to compute it does not judge. The fences of a
// Markdown file and the run: scripts of a workflow share their file's
// budget, so many small blocks cannot add up to more than one large one.

// An expansion is the budget of one file's variable substitutions.
type expansion struct {
	bytes int // bytes substitutions may still produce
	steps int // substitutions (and lookups) still allowed
	// beside holds what the file's blocks read beside it, by path (nil:
	// no such file), so the .http fences of one README look at the
	// directory's environment files once, not once per fence.
	beside map[string]besideRead
}

// The budget grows with the file, so a large real file resolves every use
// of its variables (each use is at least a few bytes of the file), and
// starts from a constant, so a small hostile one stays small.
const (
	expansionBytes        = 1 << 20
	expansionBytesPerByte = 4
	expansionSteps        = 1 << 14
	expansionStepsPerByte = 1
)

// newExpansion is the budget of a file of srcLen bytes.
func newExpansion(srcLen int) *expansion {
	return &expansion{
		bytes: expansionBytes + expansionBytesPerByte*srcLen,
		steps: expansionSteps + expansionStepsPerByte*srcLen,
	}
}

// spend reports whether one more substitution producing n bytes fits,
// and takes it from the budget when it does. Every attempt costs a step,
// so a file of lookups that each fail (or produce nothing) is bounded too.
func (x *expansion) spend(n int) bool {
	if x.steps <= 0 {
		return false
	}
	x.steps--
	if n > x.bytes {
		return false
	}
	x.bytes -= n
	return true
}

// segmentBytes is the size of a rules.Segment: a substituted value's
// segments cost memory as its text does (A=x; B="$A$A" doubles both).
const segmentBytes = 40

// spendValue is spend for substituting v.
func (x *expansion) spendValue(v rules.Value) bool {
	return x.spend(len(v.Text) + segmentBytes*len(v.Segs))
}
