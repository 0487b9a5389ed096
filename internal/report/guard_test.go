package report

import (
	"bytes"
	"testing"
)

// TestGuard: both workflow command syntaxes are inert in each style,
// whatever the writes' boundaries, with CR ending a line as LF does.
func TestGuard(t *testing.T) {
	in := "ok ##[add-mask]x ###[group]y\n::error::a\r  \u00a0::warning::b\nkeep :: this\n::notice file=a::c ##[debug]d"
	for style, want := range map[*guardStyle]string{
		&textGuard:   "ok ##\\x5badd-mask]x ###\\x5bgroup]y\n\\x3a:error::a\r  \u00a0\\x3a:warning::b\nkeep :: this\n\\x3a:notice file=a::c ##\\x5bdebug]d",
		&jsonGuard:   "ok ##\\u005badd-mask]x ###\\u005bgroup]y\n\\u003a:error::a\r  \u00a0\\u003a:warning::b\nkeep :: this\n\\u003a:notice file=a::c ##\\u005bdebug]d",
		&xmlGuard:    "ok ##&#91;add-mask]x ###&#91;group]y\n&#58;:error::a\r  \u00a0&#58;:warning::b\nkeep :: this\n&#58;:notice file=a::c ##&#91;debug]d",
		&githubGuard: "ok ##%5Badd-mask]x ###%5Bgroup]y\n::error::a\r  \u00a0::warning::b\nkeep :: this\n::notice file=a::c ##%5Bdebug]d",
	} {
		for _, chunk := range []int{1, 2, 7, len(in)} {
			var out bytes.Buffer
			g := &Guard{w: &out, style: *style}
			for i := 0; i < len(in); i += chunk {
				g.Write([]byte(in[i:min(i+chunk, len(in))]))
			}
			if err := g.Flush(); err != nil {
				t.Fatal(err)
			}
			if out.String() != want {
				t.Errorf("style %+v, writes of %d bytes:\n got %q\nwant %q", *style, chunk, out.String(), want)
			}
		}
	}
}
