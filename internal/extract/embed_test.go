package extract

import (
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

func TestRemapSplitsSegmentsAcrossRuns(t *testing.T) {
	// Derived "ab\\ncd" comes from two lines indented by 4 in the file:
	// "    ab\\n    cd".
	var m OffsetMap
	m.Add(0, 4, 3)  // "ab\\n"
	m.Add(3, 11, 2) // "cd"
	v := rules.Lit("d", "ab\ncd", 0)
	u := &rules.Unit{Requests: []*rules.Request{{URL: v}, {URL: v}}}
	m.Remap(u, "f.md")
	for _, r := range u.Requests {
		if sp := r.URL.SpanOf(3, 4); sp.Start != 11 || sp.End != 12 {
			t.Errorf("span of c = %+v, want 11:12 (shared values must be remapped once)", sp)
		}
		if sp := r.URL.SpanOf(1, 2); sp.Start != 5 || sp.End != 6 {
			t.Errorf("span of b = %+v, want 5:6", sp)
		}
	}
}
