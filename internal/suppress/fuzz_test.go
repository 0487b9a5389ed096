package suppress

import (
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

// FuzzApply: any text and finding span split without a panic, and every
// finding ends up kept or suppressed exactly once.
func FuzzApply(f *testing.F) {
	f.Add([]byte("# tokenlint:ignore token-host -- r\nurl: x\n"), 36, 40)
	f.Add([]byte("<!-- tokenlint:ignore token-host,token-path -->\n```sh\n# tokenlint:ignore\n```"), 0, 3)
	f.Fuzz(func(t *testing.T, src []byte, start, end int) {
		fs := []rules.Finding{{Rule: "token-host", Span: rules.Span{File: "f", Start: start, End: end}}}
		res := Apply("f", src, []string{"#", "//", "<!--"}, fs, nil)
		if len(res.Kept)+len(res.Suppressed) != 1 {
			t.Fatalf("%d kept, %d suppressed", len(res.Kept), len(res.Suppressed))
		}
		for _, p := range res.Problems {
			if p.Span.Start < 0 || p.Span.End > len(src) || p.Span.End < p.Span.Start {
				t.Fatalf("problem span %+v out of the text", p.Span)
			}
		}
	})
}
