package lint

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/tokenlint/tokenlint/internal/extract"
	"github.com/tokenlint/tokenlint/rules"
)

// largeFiles are the large-file cases of bench/run.sh's memory row: one
// unit of each heavy format, repeated to the size wanted (between a head
// and a tail where the format needs one), each unit a correct token
// request or configuration, so no finding adds to the cost.
var largeFiles = []struct {
	name             string
	head, unit, tail string
	sep              string
	// held and alloc bound the bytes per input byte that the file's model
	// holds after extraction, and that linting it allocates in all: the
	// figures measured when the bounds were set, plus about 15%.
	held, alloc float64
}{
	{name: "big.yaml", held: 3.3, alloc: 50, unit: "spring:\n  security:\n    oauth2:\n      client:\n        provider:\n          genesys:\n            token-uri: https://login.mypurecloud.com/oauth/token\n        registration:\n          genesys:\n            client-id: ${ID}\n            client-secret: ${SECRET}\n---\n"},
	{name: "big.sh", held: 9.9, alloc: 87, unit: "curl -X POST https://login.mypurecloud.com/oauth/token -u \"$ID:$SECRET\" -d grant_type=client_credentials\n"},
	{name: "big.http", held: 8.6, alloc: 27, unit: "POST https://login.mypurecloud.com/oauth/token\nAuthorization: Basic {{credentials}}\nContent-Type: application/x-www-form-urlencoded\n\ngrant_type=client_credentials\n\n###\n"},
	{
		name: "big.postman_collection.json",
		head: `{"info":{"name":"big","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[` + "\n",
		unit: `{"name":"token","request":{"method":"POST","url":"https://login.mypurecloud.com/oauth/token","header":[{"key":"Content-Type","value":"application/x-www-form-urlencoded"}],"body":{"mode":"urlencoded","urlencoded":[{"key":"grant_type","value":"client_credentials"}]},"auth":{"type":"basic","basic":[{"key":"username","value":"{{id}}"},{"key":"password","value":"{{secret}}"}]}}}`,
		sep:  ",\n", tail: "\n]}\n",
		held: 3.3, alloc: 42,
	},
	{
		name: "big.json",
		head: `{"services":[` + "\n",
		unit: `{"auth":{"token_url":"https://login.mypurecloud.com/oauth/token","client_id":"${ID}","region":"us-east-1"}}`,
		sep:  ",\n", tail: "\n]}\n",
		held: 5.2, alloc: 31,
	},
	{name: "big.md", held: 8.1, alloc: 87, unit: "Get a token:\n\n```sh\ncurl -X POST https://login.mypurecloud.com/oauth/token -u \"$ID:$SECRET\" -d grant_type=client_credentials\n```\n\n"},
	{name: "big.env", held: 6.2, alloc: 32, unit: "GENESYS_CLOUD_REGION=us-east-1\nGENESYS_CLOUD_ENVIRONMENT=mypurecloud.com\nGENESYS_CLIENT_ID=${CLIENT_ID}\nGENESYS_TOKEN_URL=https://login.mypurecloud.com/oauth/token\n"},
}

// largeFile repeats the case's unit until the file has at least n bytes,
// and returns it with the number of units.
func largeFile(head, unit, sep, tail string, n int) ([]byte, int) {
	var b bytes.Buffer
	b.WriteString(head)
	units := 0
	for b.Len() < n {
		if units > 0 {
			b.WriteString(sep)
		}
		b.WriteString(unit)
		units++
	}
	b.WriteString(tail)
	return b.Bytes(), units
}

// TestLargeFileMemory bounds, per input byte, the memory a large file
// costs: what its model holds once extracted (the floor under the peak,
// which the collector's headroom doubles) and what linting it allocates
// (what the collector has to keep up with). Both are counts of bytes, not
// times, and do not depend on the machine. It runs alone, not in
// parallel, so the heap it reads is its own.
func TestLargeFileMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	for _, c := range largeFiles {
		t.Run(c.name, func(t *testing.T) {
			src, units := largeFile(c.head, c.unit, c.sep, c.tail, 2<<20)
			f := extract.Detect(c.name, src[:4096])
			if f == nil {
				t.Fatalf("no format claims %s", c.name)
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			u, err := f.Extract(c.name, src)
			runtime.GC()
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			// A model that lost its requests would pass any bound.
			if got := len(u.Requests) + len(u.Settings); got < units {
				t.Fatalf("%d units read as %d requests and settings", units, got)
			}
			runtime.KeepAlive(u)
			held := (float64(after.HeapAlloc) - float64(before.HeapAlloc)) / float64(len(src))
			u = nil

			runtime.GC()
			runtime.ReadMemStats(&before)
			r := lintOne(job{path: c.name, display: c.name, data: src, explicit: true}, Options{Rules: &rules.Options{}})
			runtime.ReadMemStats(&after)
			if r.err != nil || len(r.findings) > 0 {
				t.Fatalf("want a clean file, got error %v and %d findings", r.err, len(r.findings))
			}
			alloc := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(src))
			t.Logf("%s: %d bytes, %d units: the model holds %.1f bytes per input byte, linting allocates %.1f", c.name, len(src), units, held, alloc)
			if held > c.held {
				t.Errorf("the model of %s holds %.1f bytes per input byte, more than %.1f: peak memory on a large file is about twice this plus the file (go test -memprofile, inuse_space, shows what holds it)", c.name, held, c.held)
			}
			if alloc > c.alloc {
				t.Errorf("linting %s allocates %.1f bytes per input byte, more than %.1f (go test -memprofile, alloc_space, shows where)", c.name, alloc, c.alloc)
			}
		})
	}
}
