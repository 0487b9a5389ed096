package suppress

import (
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

// FuzzApply: any text and finding span split without a panic, and every
// diagnostic ends up kept or suppressed exactly once.
func FuzzApply(f *testing.F) {
	f.Add([]byte("# tokenlint:ignore token-host -- r\nurl: x\n"), 36, 40)
	f.Add([]byte("<!-- tokenlint:ignore token-host,token-path -->\n```sh\n# tokenlint:ignore\n```"), 0, 3)
	f.Fuzz(func(t *testing.T, src []byte, start, end int) {
		fs := []rules.Diagnostic{{Rule: "token-host", Span: rules.Span{File: "f", Start: start, End: end}}}
		res := Apply("f", src, []string{"#", "//", "<!--"}, fs, nil)
		if kept, suppressed := len(res.Kept(fs)), res.Reason(0) != ""; (kept == 1) == suppressed {
			t.Fatalf("%d kept, suppressed %v", kept, suppressed)
		}
		for _, p := range res.Problems {
			if p.Span.Start < 0 || p.Span.End > len(src) || p.Span.End < p.Span.Start {
				t.Fatalf("problem span %+v out of the text", p.Span)
			}
		}
	})
}
