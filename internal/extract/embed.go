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
// into file. A verbatim segment that crosses run boundaries (a quoted
// string continued over lines of a block scalar) is split at them, so
// each character keeps its exact place. Segments are copied first: values
// that share a backing array are remapped once each.
func (m OffsetMap) Remap(u *rules.Unit, file string) {
	u.Values(func(v *rules.Value) {
		if v.IsZero() {
			return
		}
		v.File = file
		segs := make([]rules.Segment, 0, len(v.Segs))
		for _, s := range v.Segs {
			if s.Verbatim && s.End > s.Start && !m.contiguous(s.Start, s.End) {
				if split, ok := m.split(s); ok {
					segs = append(segs, split...)
					continue
				}
				s.Verbatim = false
			}
			s.Start, s.End = m.mapRange(s.Start, s.End)
			segs = append(segs, s)
		}
		v.Segs = segs
	})
	u.Spans(func(sp *rules.Span) {
		sp.File = file
		sp.Start, sp.End = m.mapRange(sp.Start, sp.End)
	})
}

// mapRange maps a derived range to the file; an empty range stays empty
// (an unset InsecureAt), never End < Start.
func (m OffsetMap) mapRange(start, end int) (int, int) {
	a, _ := m.Map(start)
	if end <= start {
		return a, a
	}
	e, _ := m.Map(end - 1)
	return a, max(a, e+1)
}

// split cuts a verbatim segment at the runs it crosses; ok is false when
// some of its bytes lie outside every run (text the derivation added).
func (m OffsetMap) split(s rules.Segment) ([]rules.Segment, bool) {
	var out []rules.Segment
	covered := s.Start
	for _, p := range m {
		lo, hi := max(s.Start, p.From), min(s.End, p.From+p.Len)
		if lo >= hi {
			continue
		}
		if lo != covered {
			return nil, false
		}
		out = append(out, rules.Segment{
			Off: s.Off + lo - s.Start, Start: p.To + lo - p.From, End: p.To + hi - p.From,
			Verbatim: true, Dynamic: s.Dynamic,
		})
		covered = hi
	}
	return out, covered == s.End
}
