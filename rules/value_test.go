package rules

import "testing"

func TestValueSliceKeepsExactSpans(t *testing.T) {
	// "client_secret=" + $S, where the literal starts at offset 10.
	v := Concat(Lit("f", "client_secret=ab+c", 10), Dyn("f", "$S", 40, 42))
	name, val, ok := v.Cut('=')
	if !ok || name.Text != "client_secret" {
		t.Fatalf("Cut = %q, %v", name.Text, ok)
	}
	if got := val.SpanOf(2, 3); got.Start != 10+16 || got.End != 10+17 {
		t.Errorf("span of + = %+v, want 26:27", got)
	}
	if val.Known() || !val.HasDynamic() {
		t.Errorf("value with $S should be dynamic")
	}
	if got := val.SpanOf(4, 6); got.Start != 40 || got.End != 42 {
		t.Errorf("span of $S = %+v, want 40:42", got)
	}
}

func TestValueSplitIgnoresSeparatorsInDynamicParts(t *testing.T) {
	v := Concat(Lit("f", "a=1&b=", 0), Dyn("f", "${X&Y}", 6, 12), Lit("f", "&c=3", 12))
	parts := v.Split('&')
	if len(parts) != 3 {
		t.Fatalf("got %d parts, want 3", len(parts))
	}
	if parts[1].Text != "b=${X&Y}" || parts[2].Text != "c=3" {
		t.Errorf("parts = %q %q", parts[1].Text, parts[2].Text)
	}
}

func TestDecodedValuePointsAtWholeSource(t *testing.T) {
	v := Decoded("f", "a+b", 5, 12)
	if sp := v.SpanOf(1, 2); sp.Start != 5 || sp.End != 12 {
		t.Errorf("decoded span = %+v, want 5:12", sp)
	}
}

func TestTrimSpace(t *testing.T) {
	v := Lit("f", "  x y ", 3).TrimSpace()
	if v.Text != "x y" || v.Span().Start != 5 || v.Span().End != 8 {
		t.Errorf("TrimSpace = %q %+v", v.Text, v.Span())
	}
}
