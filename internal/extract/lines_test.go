package extract

import (
	"fmt"
	"testing"
)

// TestCutLines: lines drop their "\n", and a "\r" before it only when
// asked; offsets are the text's.
func TestCutLines(t *testing.T) {
	src := "a\r\n\nb\\\r\nc"
	for _, c := range []struct {
		dropCR bool
		want   string
	}{
		{true, `{1 0 "a"} {2 3 ""} {3 4 "b\\"} {4 8 "c"} `},
		{false, `{1 0 "a\r"} {2 3 ""} {3 4 "b\\\r"} {4 8 "c"} `},
	} {
		got := ""
		for _, l := range cutLines(src, c.dropCR) {
			got += fmt.Sprintf("{%d %d %q} ", l.num, l.start, l.text)
		}
		if got != c.want {
			t.Errorf("cutLines(%q, %v) = %s, want %s", src, c.dropCR, got, c.want)
		}
	}
	if got := splitPhys([]byte(src)); fmt.Sprint(got) != "[{0 1} {3 3} {4 6} {8 9}]" {
		t.Errorf("splitPhys = %v", got)
	}
}

// TestNotebookLinesKeepCR: a cell line's CR stays, so a backslash before a
// CRLF joins nothing, as in the shell that runs the cell: the -d on the
// next line is not the curl's.
func TestNotebookLinesKeepCR(t *testing.T) {
	src := `{"cells":[{"cell_type":"code","source":["!curl -X POST https://api.mypurecloud.com/oauth/token \\\r\n","  -d grant_type=client_credentials\r\n"]}],"metadata":{},"nbformat":4,"nbformat_minor":5}`
	u, err := ByName("notebook").Extract("a.ipynb", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(u.Requests) != 1 || u.Requests[0].Body != nil {
		t.Errorf("want one request without a body, got %d requests: %+v", len(u.Requests), u.Requests)
	}
}
