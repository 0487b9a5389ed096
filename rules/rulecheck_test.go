package rules

import (
	"strings"
	"testing"
)

// src builds a fake source file piece by piece, so hand-built Values point
// at real, distinct offsets.
type src struct {
	file string
	b    strings.Builder
}

func newSrc(file string) *src { return &src{file: file} }

// lit appends text and returns it as a literal Value.
func (s *src) lit(text string) Value {
	start := s.b.Len()
	s.b.WriteString(text)
	s.b.WriteByte(' ')
	return Lit(s.file, text, start)
}

// dyn appends text and returns it as a dynamic Value.
func (s *src) dyn(text string) Value {
	start := s.b.Len()
	s.b.WriteString(text)
	s.b.WriteByte(' ')
	return Dyn(s.file, text, start, start+len(text))
}

// cat concatenates pieces: a string starting with "$" or "{{" is dynamic.
func (s *src) cat(parts ...string) Value {
	var vals []Value
	for _, p := range parts {
		start := s.b.Len()
		s.b.WriteString(p)
		if strings.HasPrefix(p, "$") || strings.HasPrefix(p, "{{") {
			vals = append(vals, Dyn(s.file, p, start, start+len(p)))
		} else {
			vals = append(vals, Lit(s.file, p, start))
		}
	}
	s.b.WriteByte(' ')
	return Concat(vals...)
}

// form builds a raw (hand-written) form body.
func (s *src) form(text string) *Body {
	v := s.lit(text)
	return &Body{Kind: BodyForm, Raw: v, Fields: ParseForm(v, EncodingRaw, ViaCurl)}
}

// formValue builds a raw form body from a Value.
func formValue(v Value) *Body {
	return &Body{Kind: BodyForm, Raw: v, Fields: ParseForm(v, EncodingRaw, ViaCurl)}
}

// post is a curl-like POST token or API request.
func (s *src) post(url string, body *Body) *Request {
	return &Request{Method: s.lit("POST"), URL: s.lit(url), Body: body, Via: ViaCurl}
}

// runOnly runs one rule over u.
func runOnly(t *testing.T, r *Rule, u *Unit, opts *Options) []Diagnostic {
	t.Helper()
	if opts == nil {
		opts = &Options{}
	}
	o := *opts
	o.Rules = []*Rule{r}
	got := Run(u, &o)
	for _, f := range got {
		if f.Rule != r.ID {
			t.Fatalf("finding of %s from a run of %s", f.Rule, r.ID)
		}
		if f.Message == "" || f.Span.End < f.Span.Start {
			t.Errorf("malformed finding %+v", f)
		}
	}
	return got
}

// noSecret fails when a message contains any of the secrets.
func noSecret(t *testing.T, got []Diagnostic, secrets ...string) {
	t.Helper()
	for _, f := range got {
		for _, s := range secrets {
			if s != "" && strings.Contains(f.Message, s) {
				t.Errorf("%s message leaks %q: %s", f.Rule, s, f.Message)
			}
		}
	}
}

// spanText is the source text a finding points at.
func (s *src) spanText(sp Span) string {
	text := s.b.String()
	if sp.Start < 0 || sp.End > len(text) || sp.End < sp.Start {
		return "<bad span>"
	}
	return text[sp.Start:sp.End]
}
