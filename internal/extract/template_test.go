package extract

import (
	"github.com/tokenlint/tokenlint/rules"
	"strings"
	"testing"
)

func TestTemplatedMarksPlaceholders(t *testing.T) {
	tests := []struct {
		text string
		syn  Syntax
		dyn  []string
	}{
		{"https://{{host}}/oauth/token", Mustache, []string{"{{host}}"}},
		{"a=$A&b=${B}&c=$(cat f)", DollarVar, []string{"$A", "${B}", "$(cat f)"}},
		{"s=${{ secrets.X }}", GHAExpr, []string{"${{ secrets.X }}"}},
		{"%APPDATA%\\x", Percent, []string{"%APPDATA%"}},
		{"open {{ and {{ never closed", Mustache, nil},
		{"{{a}} {{ {{b}}", Mustache, []string{"{{a}}", "{{ {{b}}"}},
	}
	for _, tt := range tests {
		v := Templated("f", tt.text, 0, tt.syn)
		var got []string
		for k, s := range v.Segs {
			if s.Dynamic {
				end := len(v.Text)
				if k+1 < len(v.Segs) {
					end = int(v.Segs[k+1].Off)
				}
				got = append(got, v.Text[s.Off:end])
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.dyn, "|") {
			t.Errorf("Templated(%q) dynamic = %q, want %q", tt.text, got, tt.dyn)
		}
	}
}

// A long line of unclosed openers must not be scanned again from each one.
func BenchmarkTemplatedUnclosed(b *testing.B) {
	line := strings.Repeat("{{ ${ $( ", 80000)
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		Templated("f", line, 0, AllSyntax)
	}
}

// markPlaceholders (YAML, JSON, TOML, Bruno, shell {{x}}) shares one scan
// per value, as Templated does.
func BenchmarkMarkPlaceholdersUnclosed(b *testing.B) {
	text := strings.Repeat("{{ ${ $( ", 20000)
	v := rules.Lit("f", text, 0)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		markPlaceholders(v, AllSyntax)
	}
}
