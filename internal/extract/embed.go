package extract

import (
	"slices"
	"sort"

	"github.com/tokenlint/tokenlint/rules"
	"go.yaml.in/yaml/v3"
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
			if s.Verbatim && s.End > s.Start && !m.contiguous(int(s.Start), int(s.End)) {
				if split, ok := m.split(s); ok {
					segs = append(segs, split...)
					continue
				}
				s.Verbatim = false
			}
			a, b := m.mapRange(int(s.Start), int(s.End))
			s.Start, s.End = int32(a), int32(b)
			segs = append(segs, s)
		}
		v.Segs = segs
	})
	u.Spans(func(sp *rules.Span) {
		sp.File = file
		sp.Start, sp.End = m.mapRange(sp.Start, sp.End)
	})
	for i := range u.Origins {
		// The use is in the derived text; the value is where it is written.
		at := &u.Origins[i].At
		at.File = file
		at.Start, at.End = m.mapRange(at.Start, at.End)
	}
}

// mapRange maps a derived range to the file; an empty range stays empty
// (an unset InsecureAt), never End < Start.
func (m OffsetMap) mapRange(start, end int) (int, int) {
	a, _ := m.Map(start)
	if end <= start {
		return a, a
	}
	// The last byte's place, and one past it; a last byte the derivation
	// added (a fence's final newline where the file has none) maps to where
	// the runs end, which is already past them.
	e, _ := m.Map(end - 1)
	if m.contiguous(end-1, end) {
		e++
	}
	return a, max(a, e)
}

// split cuts a verbatim segment at the runs it crosses; ok is false when
// some of its bytes lie outside every run (text the derivation added).
func (m OffsetMap) split(s rules.Segment) ([]rules.Segment, bool) {
	var out []rules.Segment
	covered := int(s.Start)
	for _, p := range m {
		lo, hi := max(int(s.Start), p.From), min(int(s.End), p.From+p.Len)
		if lo >= hi {
			continue
		}
		if lo != covered {
			return nil, false
		}
		out = append(out, rules.Segment{
			Off: s.Off + int32(lo) - s.Start, Start: int32(p.To + lo - p.From), End: int32(p.To + hi - p.From),
			Verbatim: true, Dynamic: s.Dynamic,
		})
		covered = hi
	}
	return out, covered == int(s.End)
}

// scriptFormat is the format that reads the shell other formats embed
// (a workflow's run: and script:, an OpenAPI code sample).
var scriptFormat = "shell"

// An environ gives the literal value that the file embedding a script
// writes down for one of its variables (a workflow's env: blocks in the
// step's scope), or false: unknown.
type environ func(name string) (writtenValue, bool)

// embedScalars lints YAML scalars as one text of format f (a shell script:
// a workflow's run:, an OpenAPI code sample): their texts joined by
// newlines, positions mapped into the YAML, the findings' requests added
// to u. With GHAExpr, GitHub expressions become shell parameters of the
// same length; env, when not nil, is the environment the text runs in:
// the literal base URLs of ${{ env.NAME }} (substituteBaseURLs) and the
// values a script's $NAME starts with. A text f rejects is not the YAML
// file's error.
func embedScalars(f *Format, y *yamlSource, items []*yaml.Node, syn Syntax, u *rules.Unit, x *expansion, env environ) {
	if f == nil {
		return
	}
	var text, orig []byte
	var m OffsetMap
	var exprs [][2]int
	for _, it := range items {
		v, im := y.Scalar(it, 0)
		if len(im) == 0 {
			continue // no byte of it could be placed in the file
		}
		base := len(text)
		for _, p := range im {
			m.Add(p.From+base, p.To, p.Len)
		}
		t := []byte(v.Text)
		if syn&GHAExpr != 0 {
			var sc placeholderScan
			for i := 0; i < len(t); {
				n := sc.length(v.Text, i, GHAExpr)
				if n < 5 {
					i++
					continue
				}
				exprs = append(exprs, [2]int{base + i, base + i + n})
				t[i], t[i+1], t[i+n-1] = '$', '{', '}'
				for k := i + 2; k < i+n-1; k++ {
					t[k] = 'G'
				}
				i += n
			}
		}
		text = append(append(text, t...), '\n')
		orig = append(append(orig, v.Text...), '\n')
	}
	embedText(f, y.file, text, m, u, x, env, func(sub *rules.Unit) {
		markRanges(sub, exprs)
		restoreRanges(sub, orig, exprs)
		if env != nil {
			substituteBaseURLs(sub, x, func(tmpl string) (writtenValue, bool) {
				name := ghaEnvName(tmpl)
				if name == "" {
					return writtenValue{}, false
				}
				return env(name)
			})
		}
	})
}

// embedText lints text, derived from file by the runs of m, as format f
// run in the environment env (nil: none known), and adds what it
// describes to u at the file's positions; fix, when not nil, adjusts the
// derived unit before its spans are mapped. A text f rejects is not the
// file's error: it reports false.
func embedText(f *Format, file string, text []byte, m OffsetMap, u *rules.Unit, x *expansion, env environ, fix func(*rules.Unit)) bool {
	sub, err := f.extractIn(file, text, x, env)
	if err != nil || sub == nil {
		return false
	}
	if fix != nil {
		fix(sub)
	}
	m.Remap(sub, file)
	u.Requests = append(u.Requests, sub.Requests...)
	u.Settings = append(u.Settings, sub.Settings...)
	u.Secrets = append(u.Secrets, sub.Secrets...)
	u.Origins = append(u.Origins, sub.Origins...)
	return true
}

// markRanges marks dynamic every part of the unit's values that comes from
// one of the byte ranges: verbatim segments are cut at the range edges,
// other segments become dynamic as a whole.
func markRanges(u *rules.Unit, ranges [][2]int) {
	if len(ranges) == 0 {
		return
	}
	overlaps := func(a, b int) bool {
		for _, r := range ranges {
			if a < r[1] && r[0] < b {
				return true
			}
		}
		return false
	}
	u.Values(func(v *rules.Value) {
		var segs []rules.Segment
		for _, s := range v.Segs {
			if s.Dynamic || !overlaps(int(s.Start), int(max(s.End, s.Start+1))) {
				segs = append(segs, s)
				continue
			}
			if !s.Verbatim {
				s.Dynamic = true
				segs = append(segs, s)
				continue
			}
			// Cut the verbatim run at every range edge inside it.
			cuts := []int{int(s.Start)}
			for _, r := range ranges {
				for _, c := range r {
					if c > int(s.Start) && c < int(s.End) {
						cuts = append(cuts, c)
					}
				}
			}
			cuts = append(cuts, int(s.End))
			slices.Sort(cuts)
			for i := 0; i+1 < len(cuts); i++ {
				a, b := cuts[i], cuts[i+1]
				if a == b {
					continue
				}
				segs = append(segs, rules.Segment{Off: s.Off + int32(a) - s.Start, Start: int32(a), End: int32(b), Verbatim: true, Dynamic: overlaps(a, b)})
			}
		}
		v.Segs = segs
	})
}

// restoreRanges puts back the text of the expressions the shell read as
// parameters of the same length (${{ env.DOMAIN }} was ${GGGGGGGGGGGGGG}),
// so a value shows what the file says and the inference of a templated
// host reads the variable's name. orig is the derived text before masking.
func restoreRanges(u *rules.Unit, orig []byte, ranges [][2]int) {
	if len(ranges) == 0 {
		return
	}
	u.Values(func(v *rules.Value) {
		var b []byte
		for i, s := range v.Segs {
			end := len(v.Text)
			if i+1 < len(v.Segs) {
				end = int(v.Segs[i+1].Off)
			}
			if !s.Verbatim || end-int(s.Off) != int(s.End-s.Start) || int(s.End) > len(orig) {
				continue
			}
			for _, r := range ranges {
				lo, hi := max(int(s.Start), r[0]), min(int(s.End), r[1])
				if lo >= hi {
					continue
				}
				if b == nil {
					b = []byte(v.Text)
				}
				copy(b[int(s.Off)+lo-int(s.Start):], orig[lo:hi])
			}
		}
		if b != nil {
			v.Text = string(b)
		}
	})
}
