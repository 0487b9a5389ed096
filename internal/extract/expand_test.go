package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tokenlint/tokenlint/rules"
)

// unitBytes is the memory a unit's values hold: their text and segments.
func unitBytes(u *rules.Unit) int {
	n := 0
	u.Values(func(v *rules.Value) { n += len(v.Text) + segmentBytes*len(v.Segs) })
	return n
}

// doubling is n definitions each using the previous one twice, in the
// syntax def(i, use(i-1)).
func doubling(n int, def func(i int, prev string) string, use func(i int) string) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString(def(i, use(i-1)+use(i-1)))
	}
	return b.String()
}

// widening is depth levels of variables each using the one below width
// times, as JSON variable entries.
func widening(width, depth int, entry func(i int, val string) string) string {
	var parts []string
	parts = append(parts, entry(0, "abc"))
	for i := 1; i <= depth; i++ {
		parts = append(parts, entry(i, strings.Repeat(fmt.Sprintf("{{v%d}}", i-1), width)))
	}
	return strings.Join(parts, ", ")
}

// hostileExpansions are variable bombs for every front end that resolves
// variables: each would expand to gigabytes (or millions of lookups)
// without the budget.
func hostileExpansions() []struct{ name, file, src string } {
	mustache := func(i int) string { return fmt.Sprintf("{{v%d}}", i) }
	httpBomb := doubling(59, func(i int, v string) string { return fmt.Sprintf("@v%d = %s\n", i, v) }, mustache) +
		"POST https://login.mypurecloud.com/oauth/token\n\ngrant_type={{v59}}\n"
	shellBomb := "A0=x\n" + doubling(60, func(i int, v string) string { return fmt.Sprintf("A%d=\"%s\"\n", i, v) },
		func(i int) string { return fmt.Sprintf("$A%d", i) }) +
		"curl -X POST https://login.mypurecloud.com/oauth/token -d \"grant_type=$A60\"\n"
	postmanVars := widening(60, 4, func(i int, val string) string { return fmt.Sprintf(`{"key": "v%d", "value": %q}`, i, val) })
	insomniaVars := widening(60, 4, func(i int, val string) string { return fmt.Sprintf(`"v%d": %q`, i, val) })
	var bruVars strings.Builder
	bruVars.WriteString("vars:pre-request {\n  v0: abc\n")
	for i := 1; i <= 4; i++ {
		fmt.Fprintf(&bruVars, "  v%d: %s\n", i, strings.Repeat(mustache(i-1), 60))
	}
	bruVars.WriteString("}\n")
	return []struct{ name, file, src string }{
		{".http file variables doubling", "bomb.http", httpBomb},
		{".http inside a Markdown fence", "README.md", "# Token\n\n```http\n" + httpBomb + "```\n"},
		{"many small Markdown fences share one budget", "README.md", strings.Repeat("```http\n"+doubling(12,
			func(i int, v string) string { return fmt.Sprintf("@v%d = %s\n", i, v) }, mustache)+"GET https://x/{{v12}}\n```\n", 300)},
		{"shell variables doubling", "bomb.sh", shellBomb},
		{"shell inside a workflow run:", ".github/workflows/ci.yml",
			"on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: |\n" + indentLines(shellBomb, "          ")},
		{"Postman variables, 60 wide and 4 deep", "c.postman_collection.json",
			`{"info": {"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "variable": [` + postmanVars +
				`], "item": [{"name": "t", "request": {"method": "POST", "url": "https://login.mypurecloud.com/oauth/token", "body": {"mode": "raw", "raw": "grant_type={{v4}}"}}}]}`},
		{"Insomnia environment, 60 wide and 4 deep", "export.json",
			`{"_type": "export", "__export_format": 4, "resources": [{"_id": "wrk_1", "_type": "workspace"}, {"_id": "env_1", "_type": "environment", "parentId": "wrk_1", "data": {` +
				insomniaVars + `}}, {"_id": "req_1", "_type": "request", "parentId": "wrk_1", "method": "POST", "url": "https://login.mypurecloud.com/oauth/token?x={{ _.v4 }}"}]}`},
		{"Bruno vars, 60 wide and 4 deep", "req.bru", bruVars.String() + "post {\n  url: https://login.mypurecloud.com/oauth/token?x={{v4}}\n}\n"},
		{"Terraform locals, 60 wide and 8 deep", "main.tf", tfLocals},
	}
}

// tfLocals is a locals block whose every local uses the one before it
// sixty times, eight deep (60^8 lookups), and a token request that uses
// the last.
var tfLocals = func() string {
	var b strings.Builder
	b.WriteString("locals {\n  v0 = \"abcdefghij\"\n")
	for i := 1; i <= 8; i++ {
		fmt.Fprintf(&b, "  v%d = \"%s\"\n", i, strings.Repeat(fmt.Sprintf("${local.v%d}", i-1), 60))
	}
	b.WriteString("}\n\ndata \"http\" \"token\" {\n  url = \"https://login.mypurecloud.com/oauth/token\"\n  method = \"POST\"\n" +
		"  request_body = \"grant_type=client_credentials&client_secret=${local.v8}\"\n}\n")
	return b.String()
}()

func indentLines(s, prefix string) string {
	return prefix + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n"+prefix) + "\n"
}

// TestExpansionBudgetBoundsEveryExpander checks that what resolution
// builds stays within the file's budget, whichever front end resolves.
func TestExpansionBudgetBoundsEveryExpander(t *testing.T) {
	for _, tt := range hostileExpansions() {
		t.Run(tt.name, func(t *testing.T) {
			f := Detect(tt.file, []byte(tt.src)[:min(len(tt.src), 4096)])
			if f == nil {
				t.Fatalf("no format claims %s", tt.file)
			}
			x := newExpansion(len(tt.src))
			budget := *x
			u, err := f.extractIn(tt.file, []byte(tt.src), x, nil)
			if err != nil {
				t.Fatal(err)
			}
			if x.bytes == budget.bytes && x.steps == budget.steps {
				t.Fatalf("%s resolved nothing through the budget", f.Name)
			}
			// What the values hold beyond the source's own text is what the
			// budget paid for.
			if got, limit := unitBytes(u), budget.bytes+segmentBytes*len(tt.src); got > limit {
				t.Errorf("values hold %d bytes, over the budget's %d", got, limit)
			}
		})
	}
}

// TestExpansionBudgetResolvesLargeRealFiles checks that the budget grows
// with the file: every use of a variable in a large ordinary file resolves.
func TestExpansionBudgetResolvesLargeRealFiles(t *testing.T) {
	var b strings.Builder
	b.WriteString("@host = api.mypurecloud.com\n\n")
	const n = 20000
	for i := range n {
		fmt.Fprintf(&b, "###\nPOST https://{{host}}/oauth/token\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials&n=%d\n\n", i)
	}
	u, err := extractHTTP("big.http", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(u.Requests) != n {
		t.Fatalf("got %d requests, want %d", len(u.Requests), n)
	}
	for i, r := range u.Requests {
		if !r.URL.Known() || !strings.HasPrefix(r.URL.Text, "https://api.mypurecloud.com/") {
			t.Fatalf("request %d: URL %q not resolved", i, r.URL.Text)
		}
	}
}

// TestExpansionSpend checks the budget's accounting: every attempt costs
// a step, and a substitution larger than what is left is refused.
func TestExpansionSpend(t *testing.T) {
	x := &expansion{bytes: 10, steps: 3}
	if !x.spend(6) || x.spend(6) || !x.spend(4) {
		t.Fatal("want 6 accepted, 6 refused, 4 accepted")
	}
	if x.spend(0) {
		t.Fatal("a fourth substitution was accepted after three steps")
	}
}
