package extract

import (
	"sort"

	"github.com/tokenlint/tokenlint/rules"
)

// An OffsetMap maps byte offsets of a derived text (a Markdown fence's
// content, a YAML block scalar's value) to the file it was cut from. Each
// piece is a run copied verbatim: derived[From:From+Len] = file[To:To+Len].
type OffsetMap []Piece

// A Piece is one verbatim run of a derived text.
type Piece struct{ From, To, Len int }

// Add appends a run; runs must be added in order of From.
func (m *OffsetMap) Add(from, to, n int) { *m = append(*m, Piece{from, to, n}) }

// Map converts a derived offset to a file offset, and reports whether it
// fell inside a run (offsets between runs map to the next run's start).
func (m OffsetMap) Map(off int) (int, bool) {
	i := sort.Search(len(m), func(i int) bool { return m[i].From+m[i].Len > off })
	if i == len(m) {
		if len(m) == 0 {
			return off, false
		}
		last := m[len(m)-1]
		return last.To + last.Len, off == last.From+last.Len
	}
	p := m[i]
	if off < p.From {
		return p.To, false
	}
	return p.To + off - p.From, true
}

// contiguous reports whether derived [a,b) lies in one run.
func (m OffsetMap) contiguous(a, b int) bool {
	i := sort.Search(len(m), func(i int) bool { return m[i].From+m[i].Len > a })
	return i < len(m) && m[i].From <= a && b <= m[i].From+m[i].Len
}

// Remap rewrites every span of u, extracted from a derived text, to point
// into file. A verbatim segment that crosses a run boundary stops being
// verbatim (its text no longer equals one stretch of the file).
func (m OffsetMap) Remap(u *rules.Unit, file string) {
	u.Values(func(v *rules.Value) {
		if v.IsZero() {
			return
		}
		v.File = file
		for i := range v.Segs {
			s := &v.Segs[i]
			if s.Verbatim && s.End > s.Start && !m.contiguous(s.Start, s.End) {
				s.Verbatim = false
			}
			s.Start, _ = m.Map(s.Start)
			if s.End > 0 {
				e, _ := m.Map(s.End - 1)
				s.End = e + 1
			} else {
				s.End = s.Start
			}
		}
	})
	u.Spans(func(sp *rules.Span) {
		sp.File = file
		sp.Start, _ = m.Map(sp.Start)
		if sp.End > 0 {
			e, _ := m.Map(sp.End - 1)
			sp.End = e + 1
		} else {
			// An empty span (InsecureAt unset) stays empty, never End < Start.
			sp.End = sp.Start
		}
	})
}
