package rules

import (
	"math"
	"slices"
	"strings"
	"sync"
)

// A Value is a piece of text from a source file, with where it came from and
// which of its parts are dynamic (a variable, template or expression whose
// value the linter cannot see).
//
// Text is what the source means (quotes removed, escapes decoded, literal
// variables resolved). Segs tile Text in order and map each part back to the
// file, so a rule can point at one character of a literal inside a longer
// string. Rules judge only the known parts: a dynamic part is unknown, not
// wrong.
type Value struct {
	Text string
	File string
	Segs []Segment
}

// A Segment is one run of a Value's Text with a single origin.
//
// A large file's model holds millions of segments, so a segment is 16
// bytes: offsets are int32 (no file tokenlint reads reaches MaxOffset) and
// the provider of a domain run is a byte (see Domain).
type Segment struct {
	Off int32 // start of the run in Value.Text; the run ends at the next segment's Off or len(Text)

	// Start and End are the byte offsets in File of the source the run came from.
	Start, End int32
	// Verbatim means the run's text is the file's bytes Start:End unchanged,
	// so offsets inside the run map 1:1 to the file.
	Verbatim bool
	// Dynamic means the run is not a literal: a variable, template or expression.
	Dynamic bool
	// FormSafe, on a dynamic run, means every value the repository defines
	// for it (each environment of an environment file) is made only of
	// characters a form carries unchanged (letters, digits, - . _ ~).
	FormSafe bool
	// domain, on a dynamic run, names the provider whose region domain the
	// run holds (see Domain): an index into domainIDs, 0 for none.
	domain uint8
}

// Domain is, on a dynamic run, the ID of the provider whose region domain
// the run holds by a documented convention (a variable named
// GENESYS_CLOUD_ENVIRONMENT): the region is unknown, the kind is not. It
// is "" when the run holds no known domain.
func (s Segment) Domain() string {
	if s.domain == 0 {
		return ""
	}
	domainIDs.Lock()
	defer domainIDs.Unlock()
	return domainIDs.ids[s.domain-1]
}

// SetDomain marks the run as holding provider's region domain. A process
// that has seen 255 provider IDs marks no more (their hosts stay unknown,
// which no rule judges).
func (s *Segment) SetDomain(provider string) {
	domainIDs.Lock()
	defer domainIDs.Unlock()
	i := slices.Index(domainIDs.ids, provider)
	if i < 0 {
		if len(domainIDs.ids) == math.MaxUint8 {
			return
		}
		domainIDs.ids = append(domainIDs.ids, provider)
		i = len(domainIDs.ids) - 1
	}
	s.domain = uint8(i + 1)
}

// domainIDs are the provider IDs segments name, in the order first seen.
var domainIDs struct {
	sync.Mutex
	ids []string
}

// MaxOffset is the largest byte offset a Segment holds: drivers skip a
// larger file as too big, whatever the configured limit.
const MaxOffset = math.MaxInt32

// Source is the span of the file the run came from.
func (s Segment) Source(file string) Span {
	return Span{File: file, Start: int(s.Start), End: int(s.End)}
}

// Lit is a literal whose text appears verbatim in file at byte offset start.
func Lit(file, text string, start int) Value {
	return Value{Text: text, File: file, Segs: []Segment{{Start: int32(start), End: int32(start + len(text)), Verbatim: true}}}
}

// Decoded is a literal whose text is not the source's bytes (it had quotes
// escapes, or came from a variable assigned elsewhere); its parts all point
// at the source span start:end.
func Decoded(file, text string, start, end int) Value {
	return Value{Text: text, File: file, Segs: []Segment{{Start: int32(start), End: int32(end)}}}
}

// Dyn is a dynamic value, written as text in the source span start:end.
func Dyn(file, text string, start, end int) Value {
	return Value{Text: text, File: file, Segs: []Segment{{Start: int32(start), End: int32(end), Verbatim: true, Dynamic: true}}}
}

// Concat joins values in order, as string concatenation in the source does.
func Concat(vals ...Value) Value {
	var out Value
	var b strings.Builder
	for _, v := range vals {
		if v.IsZero() {
			continue
		}
		if out.File == "" {
			out.File = v.File
		}
		base := b.Len()
		b.WriteString(v.Text)
		for _, s := range v.Segs {
			s.Off += int32(base)
			out.Segs = append(out.Segs, s)
		}
	}
	out.Text = b.String()
	return out
}

// DynamicFormSafe reports whether v has dynamic parts and each of them is
// FormSafe: whatever it is at run time, percent-encoding leaves it as is.
func (v Value) DynamicFormSafe() bool {
	dyn := false
	for _, s := range v.Segs {
		if s.Dynamic {
			if !s.FormSafe {
				return false
			}
			dyn = true
		}
	}
	return dyn
}

// IsZero reports whether v is absent (no source at all).
func (v Value) IsZero() bool { return len(v.Segs) == 0 }

// Known reports whether v is present and contains no dynamic part.
func (v Value) Known() bool {
	if v.IsZero() {
		return false
	}
	for _, s := range v.Segs {
		if s.Dynamic {
			return false
		}
	}
	return true
}

// HasDynamic reports whether any part of v is dynamic.
func (v Value) HasDynamic() bool {
	for _, s := range v.Segs {
		if s.Dynamic {
			return true
		}
	}
	return false
}

// HasLiteral reports whether some non-empty part of v is literal text.
func (v Value) HasLiteral() bool {
	for k, s := range v.Segs {
		if !s.Dynamic && v.segEnd(k) > int(s.Off) {
			return true
		}
	}
	return false
}

// segEnd is the end in Text of segment i.
func (v Value) segEnd(i int) int {
	if i+1 < len(v.Segs) {
		return int(v.Segs[i+1].Off)
	}
	return len(v.Text)
}

// DynamicAt reports whether byte i of Text belongs to a dynamic part.
func (v Value) DynamicAt(i int) bool {
	for k, s := range v.Segs {
		if i >= int(s.Off) && i < v.segEnd(k) {
			return s.Dynamic
		}
	}
	return false
}

// Span is the whole source span of v.
func (v Value) Span() Span {
	if v.IsZero() {
		return Span{File: v.File}
	}
	start, end := v.Segs[0].Start, v.Segs[0].End
	for _, s := range v.Segs[1:] {
		start = min(start, s.Start)
		end = max(end, s.End)
	}
	return Span{File: v.File, Start: int(start), End: int(end)}
}

// SpanOf is the source span of Text[i:j]: exact where the text is verbatim,
// otherwise the span of the parts it came from.
func (v Value) SpanOf(i, j int) Span {
	if v.IsZero() {
		return Span{File: v.File}
	}
	if j <= i {
		j = i + 1
	}
	sp := Span{File: v.File, Start: -1}
	for k, s := range v.Segs {
		lo, hi := int(s.Off), v.segEnd(k)
		if hi <= i || lo >= j || (lo == hi && !(lo >= i && lo < j)) {
			continue
		}
		a, b := int(s.Start), int(s.End)
		if s.Verbatim && !s.Dynamic {
			a = int(s.Start) + max(i, lo) - lo
			b = int(s.Start) + min(j, hi) - lo
		}
		if sp.Start < 0 || a < sp.Start {
			sp.Start = a
		}
		sp.End = max(sp.End, b)
	}
	if sp.Start < 0 {
		return v.Span()
	}
	return sp
}

// Slice returns Text[i:j] as a Value with its segments cut to match.
// Rules slice every URL they judge, so the segments are counted first and
// allocated once.
func (v Value) Slice(i, j int) Value {
	out := Value{Text: v.Text[i:j], File: v.File}
	n := 0
	for k := range v.Segs {
		if v.sliceKeeps(k, i, j) {
			n++
		}
	}
	if n == 0 {
		sp := v.SpanOf(i, j)
		out.Segs = []Segment{{Start: int32(sp.Start), End: int32(sp.End)}}
		return out
	}
	out.Segs = make([]Segment, 0, n)
	for k, s := range v.Segs {
		if !v.sliceKeeps(k, i, j) {
			continue
		}
		lo, hi := int(s.Off), v.segEnd(k)
		ns := s
		ns.Off = int32(max(lo, i) - i)
		if s.Verbatim && !s.Dynamic {
			ns.Start = s.Start + int32(max(i, lo)-lo)
			ns.End = s.Start + int32(min(j, hi)-lo)
		}
		out.Segs = append(out.Segs, ns)
	}
	return out
}

// sliceKeeps reports whether segment k has a part in Text[i:j] (an empty
// segment counts where it sits at i).
func (v Value) sliceKeeps(k, i, j int) bool {
	lo, hi := int(v.Segs[k].Off), v.segEnd(k)
	return !(hi <= i && !(lo == hi && lo == i) || lo >= j && !(i == j && lo == i))
}

// Split cuts v at every literal occurrence of sep; a sep inside a dynamic
// part is not a separator (the variable's value is unknown).
func (v Value) Split(sep byte) []Value {
	var out []Value
	start := 0
	for i := 0; i < len(v.Text); i++ {
		if v.Text[i] == sep && !v.DynamicAt(i) {
			out = append(out, v.Slice(start, i))
			start = i + 1
		}
	}
	return append(out, v.Slice(start, len(v.Text)))
}

// Cut splits v around the first literal sep, like strings.Cut.
func (v Value) Cut(sep byte) (before, after Value, found bool) {
	for i := 0; i < len(v.Text); i++ {
		if v.Text[i] == sep && !v.DynamicAt(i) {
			return v.Slice(0, i), v.Slice(i+1, len(v.Text)), true
		}
	}
	return v, Value{}, false
}

// TrimSpace drops leading and trailing literal white space.
func (v Value) TrimSpace() Value {
	i, j := 0, len(v.Text)
	for i < j && isSpace(v.Text[i]) && !v.DynamicAt(i) {
		i++
	}
	for j > i && isSpace(v.Text[j-1]) && !v.DynamicAt(j-1) {
		j--
	}
	if i == 0 && j == len(v.Text) {
		return v
	}
	return v.Slice(i, j)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// A Span is a byte range in a file. Line and column are computed from it
// where the file's text is at hand (see LineIndex).
type Span struct {
	File       string
	Start, End int
}
